package mips

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

const codeBase = 0x10000

// mapOracle serves preimages from a map.
type mapOracle map[[32]byte][]byte

func (o mapOracle) GetPreimage(k [32]byte) ([]byte, error) {
	v, ok := o[k]
	if !ok {
		return nil, fmt.Errorf("no preimage for %x", k)
	}
	return v, nil
}

// newTestState returns a one-thread state executing insns from codeBase.
func newTestState(insns ...uint32) *State {
	m := NewMemory()
	for i, w := range insns {
		m.SetWord(codeBase+uint32(4*i), w)
	}
	t := &Thread{ID: 1, PC: codeBase, NextPC: codeBase + 4}
	return &State{Memory: m, Heap: InitialHeap, LeftStack: []*Thread{t}, NextThreadID: 2}
}

// checkedStep steps s with a witness and checks, for that one step, that the
// stateless verifier and the fast Run path reach the same post-state, and
// that the witness survives both encodings. It returns the witness.
func checkedStep(t *testing.T, s *State, oracle PreimageOracle) *StepWitness {
	t.Helper()
	runCopy := s.Copy()
	pre := s.Hash()
	vm := NewVM(s, oracle, nil, nil)
	w, err := vm.Step(true)
	require.NoError(t, err)
	post := s.Hash()

	got, err := VerifyStep(w)
	require.NoError(t, err, "VerifyStep rejected an honest witness")
	require.Equal(t, post, got, "VerifyStep post-state differs from Step")
	require.Equal(t, pre, StateHashOf(w.State), "witness state is not the pre-state")

	rvm := NewVM(runCopy, oracle, nil, nil)
	err = rvm.Run(context.Background(), 1)
	if err != nil {
		require.ErrorIs(t, err, ErrStepLimit)
	}
	require.Equal(t, post, runCopy.Hash(), "Run post-state differs from Step")

	w2, err := DecodeStepWitness(w.Encode())
	require.NoError(t, err)
	require.Equal(t, w, w2)
	j, err := w.MarshalJSON()
	require.NoError(t, err)
	w3, err := DecodeStepWitness(j)
	require.NoError(t, err)
	require.Equal(t, w.Encode(), w3.Encode())
	return w
}

func proofCount(w *StepWitness) int {
	ps, err := SplitProofs(w.Proof[ThreadProofSize:])
	if err != nil {
		panic(err)
	}
	return len(ps)
}

// proofStart is the offset in w.Proof of compact memory proof i.
func proofStart(w *StepWitness, i int) int {
	o := ThreadProofSize
	for ; i > 0; i-- {
		n, err := CompactProofLen(w.Proof[o:])
		if err != nil {
			panic(err)
		}
		o += n
	}
	return o
}

type insnCase struct {
	name   string
	insns  []uint32
	regs   map[int]uint32
	setup  func(s *State)
	proofs int // expected memory proofs, -1: don't check
	check  func(t *testing.T, s *State, th *Thread)
}

func runInsnCases(t *testing.T, cases []insnCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTestState(c.insns...)
			th := s.CurrentThread()
			for r, v := range c.regs {
				th.Regs[r] = v
			}
			if c.setup != nil {
				c.setup(s)
			}
			w := checkedStep(t, s, nil)
			if c.proofs >= 0 {
				require.Equal(t, c.proofs, proofCount(w), "memory proofs")
			}
			c.check(t, s, th)
		})
	}
}

// reg checks register r after a normal (non-faulting) step.
func reg(r int, want uint32) func(*testing.T, *State, *Thread) {
	return func(t *testing.T, s *State, th *Thread) {
		t.Helper()
		require.False(t, s.Exited, "unexpected fault")
		require.Equal(t, want, th.Regs[r], "r%d = %#x, want %#x", r, th.Regs[r], want)
		require.Equal(t, uint32(codeBase+4), th.PC)
	}
}

func hilo(hi, lo uint32) func(*testing.T, *State, *Thread) {
	return func(t *testing.T, s *State, th *Thread) {
		t.Helper()
		require.False(t, s.Exited, "unexpected fault")
		require.Equal(t, [2]uint32{hi, lo}, [2]uint32{th.Hi, th.Lo})
	}
}

func faulted(t *testing.T, s *State, th *Thread) {
	t.Helper()
	require.True(t, s.Exited)
	require.Equal(t, uint8(FaultExitCode), s.ExitCode)
	require.Equal(t, byte(StatusPanic), s.Hash()[0])
	require.Equal(t, uint64(1), s.Step)
	require.Equal(t, uint32(codeBase), th.PC, "fault must leave the thread unchanged")
}

func TestALU(t *testing.T) {
	const a, b = rT0, rT1
	ab := func(x, y uint32) map[int]uint32 { return map[int]uint32{a: x, b: y} }
	cases := []insnCase{
		{"sll0", []uint32{rtype(0, 0, a, rT2, 0)}, ab(0x80000001, 0), nil, 1, reg(rT2, 0x80000001)},
		{"sll31", []uint32{rtype(0, 0, a, rT2, 31)}, ab(3, 0), nil, 1, reg(rT2, 0x80000000)},
		{"srl31", []uint32{rtype(2, 0, a, rT2, 31)}, ab(0x80000000, 0), nil, 1, reg(rT2, 1)},
		{"sra31", []uint32{rtype(3, 0, a, rT2, 31)}, ab(0x80000000, 0), nil, 1, reg(rT2, 0xFFFFFFFF)},
		{"sra4", []uint32{rtype(3, 0, a, rT2, 4)}, ab(0xF0000010, 0), nil, 1, reg(rT2, 0xFF000001)},
		{"sllv0", []uint32{rtype(4, b, a, rT2, 0)}, ab(7, 0), nil, 1, reg(rT2, 7)},
		{"sllv32", []uint32{rtype(4, b, a, rT2, 0)}, ab(7, 32), nil, 1, reg(rT2, 7)},
		{"sllv33", []uint32{rtype(4, b, a, rT2, 0)}, ab(7, 33), nil, 1, reg(rT2, 14)},
		{"srlv63", []uint32{rtype(6, b, a, rT2, 0)}, ab(0x80000000, 63), nil, 1, reg(rT2, 1)},
		{"srav-big", []uint32{rtype(7, b, a, rT2, 0)}, ab(0x80000000, 0xFFFFFFFF), nil, 1, reg(rT2, 0xFFFFFFFF)},
		{"srav-32", []uint32{rtype(7, b, a, rT2, 0)}, ab(0x80000000, 32), nil, 1, reg(rT2, 0x80000000)},
		{"movz-taken", []uint32{rtype(0x0A, a, b, rT2, 0)}, ab(5, 0), nil, 1, reg(rT2, 5)},
		{"movz-not", []uint32{rtype(0x0A, a, b, rT2, 0)}, ab(5, 1), nil, 1, reg(rT2, 0)},
		{"movn-taken", []uint32{rtype(0x0B, a, b, rT2, 0)}, ab(5, 1), nil, 1, reg(rT2, 5)},
		{"add", []uint32{rtype(0x20, a, b, rT2, 0)}, ab(0x7FFFFFFE, 1), nil, 1, reg(rT2, 0x7FFFFFFF)},
		{"add-ovf", []uint32{rtype(0x20, a, b, rT2, 0)}, ab(0x7FFFFFFF, 1), nil, 1, faulted},
		{"add-negovf", []uint32{rtype(0x20, a, b, rT2, 0)}, ab(0x80000000, 0xFFFFFFFF), nil, 1, faulted},
		{"addu-wrap", []uint32{rtype(0x21, a, b, rT2, 0)}, ab(0xFFFFFFFF, 2), nil, 1, reg(rT2, 1)},
		{"sub-ovf", []uint32{rtype(0x22, a, b, rT2, 0)}, ab(0x80000000, 1), nil, 1, faulted},
		{"sub", []uint32{rtype(0x22, a, b, rT2, 0)}, ab(0x80000001, 1), nil, 1, reg(rT2, 0x80000000)},
		{"subu", []uint32{rtype(0x23, a, b, rT2, 0)}, ab(0, 1), nil, 1, reg(rT2, 0xFFFFFFFF)},
		{"and", []uint32{rtype(0x24, a, b, rT2, 0)}, ab(0xF0F0, 0xFF00), nil, 1, reg(rT2, 0xF000)},
		{"or", []uint32{rtype(0x25, a, b, rT2, 0)}, ab(0xF0F0, 0xFF00), nil, 1, reg(rT2, 0xFFF0)},
		{"xor", []uint32{rtype(0x26, a, b, rT2, 0)}, ab(0xF0F0, 0xFF00), nil, 1, reg(rT2, 0x0FF0)},
		{"nor", []uint32{rtype(0x27, a, b, rT2, 0)}, ab(0xF0F0, 0xFF00), nil, 1, reg(rT2, 0xFFFF000F)},
		{"slt", []uint32{rtype(0x2A, a, b, rT2, 0)}, ab(0xFFFFFFFF, 0), nil, 1, reg(rT2, 1)},
		{"sltu", []uint32{rtype(0x2B, a, b, rT2, 0)}, ab(0xFFFFFFFF, 0), nil, 1, reg(rT2, 0)},
		{"write-r0", []uint32{rtype(0x21, a, b, 0, 0)}, ab(1, 2), nil, 1, reg(0, 0)},
		{"addi-ovf", []uint32{itype(8, a, rT2, 1)}, ab(0x7FFFFFFF, 0), nil, 1, faulted},
		{"addi-neg", []uint32{itype(8, a, rT2, 0xFFFF)}, ab(0, 0), nil, 1, reg(rT2, 0xFFFFFFFF)},
		{"addiu-wrap", []uint32{itype(9, a, rT2, 1)}, ab(0xFFFFFFFF, 0), nil, 1, reg(rT2, 0)},
		{"slti", []uint32{itype(10, a, rT2, 0xFFFF)}, ab(0xFFFFFFFE, 0), nil, 1, reg(rT2, 1)},
		{"sltiu-signext", []uint32{itype(11, a, rT2, 0xFFFF)}, ab(0xFFFFFFFE, 0), nil, 1, reg(rT2, 1)},
		{"andi-zeroext", []uint32{itype(12, a, rT2, 0xFFFF)}, ab(0xFFFFFFFF, 0), nil, 1, reg(rT2, 0xFFFF)},
		{"ori", []uint32{itype(13, a, rT2, 0x8000)}, ab(0x10000, 0), nil, 1, reg(rT2, 0x18000)},
		{"xori", []uint32{itype(14, a, rT2, 0xFFFF)}, ab(0xFFFF0F0F, 0), nil, 1, reg(rT2, 0xFFFFF0F0)},
		{"lui", []uint32{itype(15, 0, rT2, 0x8001)}, nil, nil, 1, reg(rT2, 0x80010000)},
		{"mfhi", []uint32{rtype(0x10, 0, 0, rT2, 0)}, nil, func(s *State) { s.CurrentThread().Hi = 9 }, 1, reg(rT2, 9)},
		{"mflo", []uint32{rtype(0x12, 0, 0, rT2, 0)}, nil, func(s *State) { s.CurrentThread().Lo = 8 }, 1, reg(rT2, 8)},
		{"mthi", []uint32{rtype(0x11, a, 0, 0, 0)}, ab(5, 0), nil, 1, hilo(5, 0)},
		{"mtlo", []uint32{rtype(0x13, a, 0, 0, 0)}, ab(5, 0), nil, 1, hilo(0, 5)},
		{"mult", []uint32{rtype(0x18, a, b, 0, 0)}, ab(0xFFFFFFFF, 2), nil, 1, hilo(0xFFFFFFFF, 0xFFFFFFFE)},
		{"multu", []uint32{rtype(0x19, a, b, 0, 0)}, ab(0xFFFFFFFF, 2), nil, 1, hilo(1, 0xFFFFFFFE)},
		{"div", []uint32{rtype(0x1A, a, b, 0, 0)}, ab(0xFFFFFFF9, 2), nil, 1, hilo(0xFFFFFFFF, 0xFFFFFFFD)},
		{"div0", []uint32{rtype(0x1A, a, b, 0, 0)}, ab(7, 0), nil, 1, hilo(0, 7)},
		{"div-intmin", []uint32{rtype(0x1A, a, b, 0, 0)}, ab(0x80000000, 0xFFFFFFFF), nil, 1, hilo(0, 0x80000000)},
		{"divu", []uint32{rtype(0x1B, a, b, 0, 0)}, ab(0xFFFFFFF9, 2), nil, 1, hilo(1, 0x7FFFFFFC)},
		{"divu0", []uint32{rtype(0x1B, a, b, 0, 0)}, ab(0xFFFFFFF9, 0), nil, 1, hilo(0, 0xFFFFFFF9)},
		{"madd", []uint32{special2(0, a, b, 0)}, ab(0xFFFFFFFF, 3), func(s *State) { s.CurrentThread().Lo = 1 }, 1, hilo(0xFFFFFFFF, 0xFFFFFFFE)},
		{"maddu", []uint32{special2(1, a, b, 0)}, ab(0xFFFFFFFF, 3), func(s *State) { s.CurrentThread().Lo = 1 }, 1, hilo(2, 0xFFFFFFFE)},
		{"msub", []uint32{special2(4, a, b, 0)}, ab(1, 1), nil, 1, hilo(0xFFFFFFFF, 0xFFFFFFFF)},
		{"msubu", []uint32{special2(5, a, b, 0)}, ab(2, 3), func(s *State) { s.CurrentThread().Hi = 1 }, 1, hilo(0, 0xFFFFFFFA)},
		{"mul", []uint32{special2(2, a, b, rT2)}, ab(0x10000, 0x10001), nil, 1, reg(rT2, 0x10000)},
		{"clz0", []uint32{special2(0x20, a, 0, rT2)}, ab(0, 0), nil, 1, reg(rT2, 32)},
		{"clz", []uint32{special2(0x20, a, 0, rT2)}, ab(0x00010000, 0), nil, 1, reg(rT2, 15)},
		{"clo", []uint32{special2(0x21, a, 0, rT2)}, ab(0xFFFFFFFF, 0), nil, 1, reg(rT2, 32)},
		{"special2-reserved", []uint32{special2(0x03, a, b, rT2)}, nil, nil, 1, faulted},
		{"ext", []uint32{special3(0, a, rT2, 7, 4)}, ab(0xABCD1234, 0), nil, 1, reg(rT2, 0x23)},
		{"ext-full", []uint32{special3(0, a, rT2, 31, 0)}, ab(0xABCD1234, 0), nil, 1, reg(rT2, 0xABCD1234)},
		{"ext-reserved", []uint32{special3(0, a, rT2, 31, 1)}, nil, nil, 1, faulted},
		{"ins", []uint32{special3(4, a, rT2, 11, 4)}, map[int]uint32{a: 0xFF, rT2: 0x12345678}, nil, 1, reg(rT2, 0x12345FF8)},
		{"ins-reserved", []uint32{special3(4, a, rT2, 3, 4)}, nil, nil, 1, faulted},
		{"seb", []uint32{special3(0x20, 0, a, rT2, 0x10)}, ab(0x1280, 0), nil, 1, reg(rT2, 0xFFFFFF80)},
		{"seh", []uint32{special3(0x20, 0, a, rT2, 0x18)}, ab(0x18000, 0), nil, 1, reg(rT2, 0xFFFF8000)},
		{"wsbh", []uint32{special3(0x20, 0, a, rT2, 0x02)}, ab(0x11223344, 0), nil, 1, reg(rT2, 0x22114433)},
		{"bshfl-reserved", []uint32{special3(0x20, 0, a, rT2, 0x03)}, nil, nil, 1, faulted},
		{"sync", []uint32{rtype(0x0F, 0, 0, 0, 0)}, nil, nil, 1, reg(0, 0)},
		{"cache", []uint32{itype(0x2F, 0, 0, 0)}, nil, nil, 1, reg(0, 0)},
		{"pref", []uint32{itype(0x33, 0, 0, 0)}, nil, nil, 1, reg(0, 0)},
		{"break", []uint32{0x0000000D}, nil, nil, 1, faulted},
		{"teq-taken", []uint32{rtype(0x34, a, b, 0, 0)}, ab(3, 3), nil, 1, faulted},
		{"teq-not", []uint32{rtype(0x34, a, b, 0, 0)}, ab(3, 4), nil, 1, reg(0, 0)},
		{"tne", []uint32{rtype(0x36, a, b, 0, 0)}, ab(3, 4), nil, 1, faulted},
		{"tge", []uint32{rtype(0x30, a, b, 0, 0)}, ab(0, 0xFFFFFFFF), nil, 1, faulted},
		{"tgeu-not", []uint32{rtype(0x31, a, b, 0, 0)}, ab(0, 0xFFFFFFFF), nil, 1, reg(0, 0)},
		{"tlt-not", []uint32{rtype(0x32, a, b, 0, 0)}, ab(0, 0xFFFFFFFF), nil, 1, reg(0, 0)},
		{"tltu", []uint32{rtype(0x33, a, b, 0, 0)}, ab(0, 0xFFFFFFFF), nil, 1, faulted},
		{"special-reserved", []uint32{rtype(0x01, 0, 0, 0, 0)}, nil, nil, 1, faulted},
		{"cop1", []uint32{0x11 << 26}, nil, nil, 1, faulted},
		{"beql", []uint32{itype(0x14, 0, 0, 1)}, nil, nil, 1, faulted},
		{"regimm-reserved", []uint32{itype(1, 0, 0x0C, 1)}, nil, nil, 1, faulted},
		{"rdhwr", []uint32{special3(0x3B, 0, 3, 29, 0)}, nil, nil, 1, faulted},
	}
	runInsnCases(t, cases)
}

// pcs checks pc and nextPC after a control-transfer step.
func pcs(pc, npc uint32, extra ...func(*testing.T, *Thread)) func(*testing.T, *State, *Thread) {
	return func(t *testing.T, s *State, th *Thread) {
		t.Helper()
		require.False(t, s.Exited)
		require.Equal(t, [2]uint32{pc, npc}, [2]uint32{th.PC, th.NextPC})
		for _, f := range extra {
			f(t, th)
		}
	}
}

func regIs(r int, v uint32) func(*testing.T, *Thread) {
	return func(t *testing.T, th *Thread) { t.Helper(); require.Equal(t, v, th.Regs[r]) }
}

func TestBranches(t *testing.T) {
	const c = codeBase
	cases := []insnCase{
		{"beq-taken", []uint32{itype(4, rT0, rT1, 0x10)}, map[int]uint32{rT0: 1, rT1: 1}, nil, 1, pcs(c+4, c+4+0x40)},
		{"beq-back", []uint32{itype(4, 0, 0, 0xFFFF)}, nil, nil, 1, pcs(c+4, c)},
		{"beq-not", []uint32{itype(4, rT0, rT1, 0x10)}, map[int]uint32{rT0: 1}, nil, 1, pcs(c+4, c+8)},
		{"bne", []uint32{itype(5, rT0, rT1, 2)}, map[int]uint32{rT0: 1}, nil, 1, pcs(c+4, c+12)},
		{"blez-zero", []uint32{itype(6, rT0, 0, 2)}, nil, nil, 1, pcs(c+4, c+12)},
		{"blez-pos", []uint32{itype(6, rT0, 0, 2)}, map[int]uint32{rT0: 1}, nil, 1, pcs(c+4, c+8)},
		{"bgtz-neg", []uint32{itype(7, rT0, 0, 2)}, map[int]uint32{rT0: 0x80000000}, nil, 1, pcs(c+4, c+8)},
		{"bltz", []uint32{itype(1, rT0, 0, 2)}, map[int]uint32{rT0: 0x80000000}, nil, 1, pcs(c+4, c+12)},
		{"bgez-zero", []uint32{itype(1, rT0, 1, 2)}, nil, nil, 1, pcs(c+4, c+12)},
		{"bltzal-not-links", []uint32{itype(1, rT0, 0x10, 2)}, nil, nil, 1, pcs(c+4, c+8, regIs(rRA, c+8))},
		{"bgezal-r31", []uint32{itype(1, rRA, 0x11, 2)}, map[int]uint32{rRA: 0x80000000}, nil, 1, pcs(c+4, c+8, regIs(rRA, c+8))},
		{"j", []uint32{jtype(2, 0x0FFFFFFC)}, nil, nil, 1, pcs(c+4, 0x0FFFFFFC)},
		{"jal", []uint32{jtype(3, 0x400)}, nil, nil, 1, pcs(c+4, 0x400, regIs(rRA, c+8))},
		{"jr", []uint32{rtype(8, rT0, 0, 0, 0)}, map[int]uint32{rT0: 0x1234}, nil, 1, pcs(c+4, 0x1234)},
		{"jalr-same", []uint32{rtype(9, rT0, 0, rT0, 0)}, map[int]uint32{rT0: 0x1234}, nil, 1, pcs(c+4, 0x1234, regIs(rT0, c+8))},
		{"jalr-r0", []uint32{rtype(9, rT0, 0, 0, 0)}, map[int]uint32{rT0: 0x1234}, nil, 1, pcs(c+4, 0x1234, regIs(0, 0))},
		{"branch-in-delay-slot", []uint32{itype(4, 0, 0, 5)}, nil, func(s *State) {
			// A branch executing as a delay slot: nextPC is already the earlier target.
			s.CurrentThread().NextPC = 0x20000
		}, 1, pcs(0x20000, c+4+20)},
		{"misaligned-pc", nil, nil, func(s *State) { s.CurrentThread().PC = codeBase + 2 }, 0, func(t *testing.T, s *State, th *Thread) {
			require.True(t, s.Exited)
			require.Equal(t, uint8(FaultExitCode), s.ExitCode)
		}},
		{"j-region", []uint32{jtype(2, 0x100)}, nil, func(s *State) {
			th := s.CurrentThread()
			th.PC, th.NextPC = 0xEFFFFFFC, 0xF0000000
			s.Memory.SetWord(0xEFFFFFFC, jtype(2, 0x100))
		}, 1, pcs(0xF0000000, 0xF0000100)},
	}
	runInsnCases(t, cases)
}

const dataAddr = 0x2000

func memIs(addr, v uint32) func(*testing.T, *State, *Thread) {
	return func(t *testing.T, s *State, th *Thread) {
		t.Helper()
		require.False(t, s.Exited, "unexpected fault")
		require.Equal(t, v, s.Memory.GetWord(addr), "mem[%#x]", addr)
	}
}

func TestLoadsStores(t *testing.T) {
	word := func(s *State) { s.Memory.SetWord(dataAddr, 0x11223344) }
	base := map[int]uint32{rT0: dataAddr, rT1: 0xAABBCCDD}
	ld := func(op uint32, off uint16) []uint32 { return []uint32{itype(op, rT0, rT1, off)} }
	var cases []insnCase
	lwl := []uint32{0x11223344, 0x223344DD, 0x3344CCDD, 0x44BBCCDD}
	lwr := []uint32{0xAABBCC11, 0xAABB1122, 0xAA112233, 0x11223344}
	swl := []uint32{0xAABBCCDD, 0x11AABBCC, 0x1122AABB, 0x112233AA}
	swr := []uint32{0xDD223344, 0xCCDD3344, 0xBBCCDD44, 0xAABBCCDD}
	lb := []uint32{0x11, 0x22, 0x33, 0x44}
	sb := []uint32{0xDD223344, 0x11DD3344, 0x1122DD44, 0x112233DD}
	for i := range 4 {
		o := uint16(i)
		cases = append(cases,
			insnCase{fmt.Sprintf("lwl%d", i), ld(0x22, o), base, word, 2, reg(rT1, lwl[i])},
			insnCase{fmt.Sprintf("lwr%d", i), ld(0x26, o), base, word, 2, reg(rT1, lwr[i])},
			insnCase{fmt.Sprintf("swl%d", i), ld(0x2A, o), base, word, 2, memIs(dataAddr, swl[i])},
			insnCase{fmt.Sprintf("swr%d", i), ld(0x2E, o), base, word, 2, memIs(dataAddr, swr[i])},
			insnCase{fmt.Sprintf("lbu%d", i), ld(0x24, o), base, word, 2, reg(rT1, lb[i])},
			insnCase{fmt.Sprintf("sb%d", i), ld(0x28, o), base, word, 2, memIs(dataAddr, sb[i])},
		)
	}
	neg := func(s *State) { s.Memory.SetWord(dataAddr, 0x80FF8001) }
	cases = append(cases,
		insnCase{"lb-sign", ld(0x20, 0), base, neg, 2, reg(rT1, 0xFFFFFF80)},
		insnCase{"lh-sign", ld(0x21, 2), base, neg, 2, reg(rT1, 0xFFFF8001)},
		insnCase{"lhu", ld(0x25, 0), base, neg, 2, reg(rT1, 0x80FF)},
		insnCase{"lh-misaligned", ld(0x21, 1), base, neg, 1, faulted},
		insnCase{"lhu-misaligned", ld(0x25, 3), base, neg, 1, faulted},
		insnCase{"lw", ld(0x23, 0), base, neg, 2, reg(rT1, 0x80FF8001)},
		insnCase{"lw-negoff", []uint32{itype(0x23, rT0, rT1, 0xFFFC)}, map[int]uint32{rT0: dataAddr + 4}, neg, 2, reg(rT1, 0x80FF8001)},
		insnCase{"lw-misaligned", ld(0x23, 2), base, neg, 1, faulted},
		insnCase{"lw-r0", []uint32{itype(0x23, rT0, 0, 0)}, base, neg, 2, reg(0, 0)},
		insnCase{"lw-null", ld(0x23, 0), map[int]uint32{rT0: 0xFFC}, nil, 1, faulted},
		insnCase{"lw-null-wrap", []uint32{itype(0x23, rT0, rT1, 0xFFFC)}, map[int]uint32{rT0: 0}, nil, 2, reg(rT1, 0)},
		insnCase{"lb-null", ld(0x20, 0), map[int]uint32{rT0: 0}, nil, 1, faulted},
		insnCase{"lwl-null", ld(0x22, 0xFFF), map[int]uint32{rT0: 0}, nil, 1, faulted},
		insnCase{"sw-null", ld(0x2B, 8), map[int]uint32{rT0: 0}, nil, 1, faulted},
		insnCase{"sh", ld(0x29, 2), base, word, 2, memIs(dataAddr, 0x1122CCDD)},
		insnCase{"sh-misaligned", ld(0x29, 1), base, word, 1, faulted},
		insnCase{"sw", ld(0x2B, 4), base, word, 2, memIs(dataAddr+4, 0xAABBCCDD)},
		insnCase{"sw-misaligned", ld(0x2B, 1), base, word, 1, faulted},
		insnCase{"sw-unmapped-high", []uint32{itype(0x2B, rT0, rT1, 0)}, map[int]uint32{rT0: 0xFFFFFFFC, rT1: 7}, nil, 2, memIs(0xFFFFFFFC, 7)},
		insnCase{"sw-into-code-leaf", []uint32{itype(0x2B, rT0, rT1, 0)}, map[int]uint32{rT0: codeBase + 8, rT1: 7}, nil, 2, memIs(codeBase+8, 7)},
	)
	runInsnCases(t, cases)
}

func TestLLSC(t *testing.T) {
	ll := itype(0x30, rT0, rT1, 0)
	sc := itype(0x38, rT0, rT2, 0)
	s := newTestState(ll, sc, sc)
	th := s.CurrentThread()
	th.Regs[rT0], th.Regs[rT2] = dataAddr, 99
	s.Memory.SetWord(dataAddr, 5)
	w := checkedStep(t, s, nil)
	require.Equal(t, 2, proofCount(w))
	require.Equal(t, uint32(5), th.Regs[rT1])
	require.True(t, s.LLActive)
	require.Equal(t, uint32(dataAddr), s.LLAddress)
	w = checkedStep(t, s, nil)
	require.Equal(t, 2, proofCount(w), "succeeding sc carries proof 1")
	require.Equal(t, uint32(1), th.Regs[rT2])
	require.Equal(t, uint32(99), s.Memory.GetWord(dataAddr))
	require.False(t, s.LLActive)
	th.Regs[rT2] = 100
	w = checkedStep(t, s, nil)
	require.Equal(t, 1, proofCount(w), "failing sc carries no data proof")
	require.Equal(t, uint32(0), th.Regs[rT2])
	require.Equal(t, uint32(99), s.Memory.GetWord(dataAddr))

	// A reservation on another address fails.
	s = newTestState(sc)
	s.LLActive, s.LLAddress = true, dataAddr+4
	s.CurrentThread().Regs[rT0] = dataAddr
	s.CurrentThread().Regs[rT2] = 1
	checkedStep(t, s, nil)
	require.Equal(t, uint32(0), s.CurrentThread().Regs[rT2])
	require.False(t, s.LLActive)

	// ll misaligned and null faults.
	s = newTestState(ll)
	s.CurrentThread().Regs[rT0] = dataAddr + 2
	checkedStep(t, s, nil)
	require.True(t, s.Exited)
}

func TestExitedStateIsFixedPoint(t *testing.T) {
	s := newTestState(insnNop)
	s.Exited, s.ExitCode = true, 3
	pre := s.Hash()
	require.Equal(t, byte(StatusPanic), pre[0])
	w := checkedStep(t, s, nil)
	require.Equal(t, pre, s.Hash())
	require.Empty(t, w.Proof)
	require.Equal(t, uint64(0), s.Step)
	// The verifier ignores any proof on an exited state.
	w.Proof = []byte{1, 2, 3}
	h, err := VerifyStep(w)
	require.NoError(t, err)
	require.Equal(t, pre, h)
}

func TestStatusByte(t *testing.T) {
	for code, st := range map[uint8]byte{0: StatusValid, 1: StatusInvalid, 2: StatusPanic, 255: StatusPanic} {
		s := newTestState()
		s.Exited, s.ExitCode = true, code
		require.Equal(t, st, s.Hash()[0])
	}
	s := newTestState()
	require.Equal(t, byte(StatusUnfinished), s.Hash()[0])
}
