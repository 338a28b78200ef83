package evm_test

// Differential tests: every step is executed by the Go VM (package mips, with
// a witness) and by MIPS.sol in the in-process EVM; the post-state hashes must
// be identical, and the Go stateless verifier (mips.VerifyStep) must agree too.

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
)

const (
	codeBase = 0x10000
	dataBase = 0x20000 // data area the load/store cases point at
)

// Register conventions of the generated cases: rs = t0 (8), rt = t1 (9), rd = v1 (3).
const (
	rRS = 8
	rRT = 9
	rRD = 3
)

// interesting32 are operand values around every boundary the ISA cares about.
var interesting32 = []uint32{
	0, 1, 2, 31, 32, 33, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0x80000001,
	0xFFFFFFFF, 0xFFFFFFFE, 0x12345678, 0xDEADBEEF,
}

type mapOracle map[[32]byte][]byte

func (o mapOracle) GetPreimage(k [32]byte) ([]byte, error) {
	v, ok := o[k]
	if !ok {
		return nil, fmt.Errorf("no preimage for key %x", k)
	}
	return v, nil
}

// localCtx is deliberately non-zero so localization is exercised.
var localCtx = [32]byte{31: 0x42, 0: 0x17}

func rtype(funct, rs, rt, rd, sa uint32) uint32 {
	return rs<<21 | rt<<16 | rd<<11 | sa<<6 | funct
}

func itype(op, rs, rt uint32, imm uint16) uint32 { return op<<26 | rs<<21 | rt<<16 | uint32(imm) }

func newState(insns ...uint32) *mips.State {
	m := mips.NewMemory()
	for i, w := range insns {
		m.SetWord(codeBase+uint32(4*i), w)
	}
	t := &mips.Thread{ID: 1, PC: codeBase, NextPC: codeBase + 4}
	return &mips.State{Memory: m, Heap: 0x60000000, LeftStack: []*mips.Thread{t}, NextThreadID: 2}
}

func cur(s *mips.State) *mips.Thread {
	if s.TraverseRight {
		return s.RightStack[len(s.RightStack)-1]
	}
	return s.LeftStack[len(s.LeftStack)-1]
}

// differ steps states on both implementations.
type differ struct {
	t      testing.TB
	h      *evm.Harness
	gas    []uint64
	oracle mapOracle
}

func newDiffer(t testing.TB) *differ {
	h, err := evm.New()
	require.NoError(t, err)
	d := &differ{t: t, h: h, oracle: mapOracle{}}
	t.Cleanup(func() {
		med, maxv := evm.MedianMax(d.gas)
		t.Logf("%s: %d steps, execution gas median %d, max %d", t.Name(), len(d.gas), med, maxv)
	})
	return d
}

// step runs one step of s on both sides and returns the witness.
func (d *differ) step(s *mips.State, label string) *mips.StepWitness {
	d.t.Helper()
	vm := mips.NewVM(s, d.oracle, nil, nil)
	w, err := vm.Step(true)
	require.NoError(d.t, err, "%s: Go step", label)
	if w.HasPreimage {
		require.NoError(d.t, d.h.LoadPreimagePart(w.PreimageKey, localCtx, uint64(w.PreimageOffset), w.PreimageValue), label)
	}
	post, gas, err := d.h.Step(w.State, w.Proof, localCtx)
	require.NoError(d.t, err, "%s: MIPS.step reverted", label)
	want := s.Hash()
	require.Equal(d.t, want, post, "%s: post-state hash differs (Go %x, sol %x)", label, want, post)
	v, err := mips.VerifyStep(w)
	require.NoError(d.t, err, "%s: VerifyStep", label)
	require.Equal(d.t, want, v, "%s: VerifyStep differs", label)
	d.gas = append(d.gas, gas)
	return w
}

func (d *differ) steps(s *mips.State, n int, label string) {
	d.t.Helper()
	for i := 0; i < n; i++ {
		d.step(s, fmt.Sprintf("%s step %d", label, i))
	}
}

// oneInsn runs insn with rs/rt set (and hi/lo), plus steps-1 following steps.
func (d *differ) oneInsn(insn, rs, rt uint32, steps int, label string) {
	d.t.Helper()
	s := newState(insn, 0, 0, 0)
	th := cur(s)
	th.Regs[rRS], th.Regs[rRT], th.Regs[rRD] = rs, rt, 0xA5A5A5A5
	th.Hi, th.Lo = 0x01234567, 0x89ABCDEF
	d.steps(s, steps, fmt.Sprintf("%s insn %08x rs %#x rt %#x", label, insn, rs, rt))
}

func TestDiffSpecialALU(t *testing.T) {
	d := newDiffer(t)
	functs := []uint32{
		0x04, 0x06, 0x07, // variable shifts (amounts >= 32 included via rs)
		0x0A, 0x0B, 0x10, 0x11, 0x12, 0x13, 0x18, 0x19, 0x1A, 0x1B,
		0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B,
		0x30, 0x31, 0x32, 0x33, 0x34, 0x36,
	}
	for _, f := range functs {
		for _, a := range interesting32 {
			for _, b := range interesting32 {
				d.oneInsn(rtype(f, rRS, rRT, rRD, 0), a, b, 1, "special")
			}
		}
	}
	// Writes to r0 are discarded; rd == rs reads before writing.
	d.oneInsn(rtype(0x21, rRS, rRT, 0, 0), 5, 6, 1, "addu r0")
	d.oneInsn(rtype(0x21, rRS, rRT, rRS, 0), 5, 6, 1, "addu rd=rs")
}

func TestDiffShiftImmediate(t *testing.T) {
	d := newDiffer(t)
	for _, f := range []uint32{0, 2, 3} {
		for sa := uint32(0); sa < 32; sa++ {
			for _, v := range []uint32{0x80000001, 0x7FFFFFFF, 0xFFFFFFFF, 0x12345678} {
				d.oneInsn(rtype(f, 0, rRT, rRD, sa), 0, v, 1, "shift")
			}
		}
	}
	// srl with the R2 rotr bit set is still srl (1.6: only selectors decoded).
	d.oneInsn(rtype(2, 1, rRT, rRD, 4), 0, 0x12345678, 1, "srl rs=1")
}

func TestDiffImmediate(t *testing.T) {
	d := newDiffer(t)
	imms := []uint16{0, 1, 2, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0x1234}
	for op := uint32(8); op <= 15; op++ {
		for _, a := range interesting32 {
			for _, imm := range imms {
				d.oneInsn(itype(op, rRS, rRT, imm), a, 0, 1, "imm")
			}
		}
	}
}

func TestDiffSpecial2And3(t *testing.T) {
	d := newDiffer(t)
	for _, f := range []uint32{0, 1, 2, 4, 5, 0x20, 0x21, 3, 6, 0x3F} {
		for _, a := range interesting32 {
			for _, b := range interesting32 {
				d.oneInsn(0x1C<<26|rtype(f, rRS, rRT, rRD, 0), a, b, 1, "special2")
			}
		}
	}
	for _, sa := range []uint32{0x10, 0x18, 0x02, 0x00, 0x11} {
		for _, v := range interesting32 {
			d.oneInsn(0x1F<<26|rtype(0x20, 0, rRT, rRD, sa), 0, v, 1, "bshfl")
		}
	}
	for _, f := range []uint32{0, 4} {
		for pos := uint32(0); pos < 32; pos += 3 {
			for m := uint32(0); m < 32; m += 3 {
				d.oneInsn(0x1F<<26|rtype(f, rRS, rRT, m, pos), 0xDEADBEEF, 0x12345678, 1, "ext/ins")
			}
		}
		d.oneInsn(0x1F<<26|rtype(f, rRS, rRT, 31, 0), 0xDEADBEEF, 0x12345678, 1, "ext/ins full")
		d.oneInsn(0x1F<<26|rtype(f, rRS, rRT, 0, 31), 0xDEADBEEF, 0x12345678, 1, "ext/ins edge")
	}
	d.oneInsn(0x1F<<26|rtype(0x3B, 0, rRT, 29, 0), 0, 0, 1, "rdhwr reserved")
}

func TestDiffBranchesAndJumps(t *testing.T) {
	d := newDiffer(t)
	vals := []uint32{0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF}
	for _, off := range []uint16{0x0004, 0xFFFE, 0x0000} {
		for op := uint32(4); op <= 7; op++ {
			for _, a := range vals {
				for _, b := range vals {
					d.oneInsn(itype(op, rRS, rRT, off), a, b, 3, "branch")
				}
			}
		}
		for _, rt := range []uint32{0, 1, 0x10, 0x11, 2, 3, 8, 0x12, 0x13} {
			for _, a := range vals {
				d.oneInsn(itype(1, rRS, rt, off), a, 0, 3, "regimm")
			}
		}
	}
	// bltzal with rs == 31 compares the old r31.
	s := newState(itype(1, 31, 0x10, 4), 0, 0, 0)
	cur(s).Regs[31] = 0x80000000
	d.steps(s, 2, "bltzal r31")

	d.oneInsn(2<<26|0x0123456, 0, 0, 2, "j")
	d.oneInsn(3<<26|0x3FFFFFF, 0, 0, 2, "jal")
	for _, target := range []uint32{codeBase + 8, codeBase + 2, 0x400} {
		d.oneInsn(rtype(8, rRS, 0, 0, 0), target, 0, 3, "jr")
		d.oneInsn(rtype(9, rRS, 0, 31, 0), target, 0, 3, "jalr")
		d.oneInsn(rtype(9, rRS, 0, rRS, 0), target, 0, 3, "jalr rd=rs")
		d.oneInsn(rtype(9, rRS, 0, 0, 0), target, 0, 3, "jalr rd=0")
	}
	// A jump in a delay slot, and a branch whose delay slot is a taken branch.
	s = newState(itype(4, 0, 0, 3), itype(4, 0, 0, 0x10), 0, 0, 0, 0, 0, 0)
	d.steps(s, 4, "branch in delay slot")
}

func TestDiffLoadsStores(t *testing.T) {
	d := newDiffer(t)
	ops := []uint32{0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x28, 0x29, 0x2A, 0x2B, 0x2E, 0x30, 0x38, 0x2F, 0x33}
	for _, op := range ops {
		for off := uint32(0); off < 8; off++ {
			for _, rtv := range []uint32{0x11223344, 0xFFFFFFFF} {
				s := newState(itype(op, rRS, rRT, uint16(off)), 0)
				s.Memory.SetWord(dataBase, 0x8899AABB)
				s.Memory.SetWord(dataBase+4, 0xCCDDEEFF)
				th := cur(s)
				th.Regs[rRS], th.Regs[rRT] = dataBase, rtv
				d.steps(s, 1, fmt.Sprintf("ls op %#x off %d", op, off))
			}
		}
		// Null page, the first address past it, negative offsets wrapping, and rt = r0.
		for _, c := range []struct {
			base uint32
			imm  uint16
		}{{0, 0}, {0x1000, 0xFFFC}, {0x1000, 0}, {0xFFC, 4}, {4, 0xFFFC}, {0xFFFFFFFC, 0x1004}, {0x7FFFFFF0, 0x7FFF}} {
			s := newState(itype(op, rRS, 0, c.imm), 0)
			cur(s).Regs[rRS] = c.base
			d.steps(s, 1, fmt.Sprintf("ls op %#x base %#x imm %#x", op, c.base, c.imm))
		}
	}
	// Load and store in the same leaf as the instruction.
	s := newState(itype(0x2B, rRS, rRT, 8), itype(0x23, rRS, rRD, 8), 0)
	cur(s).Regs[rRS], cur(s).Regs[rRT] = codeBase, 0x01020304
	d.steps(s, 2, "same leaf")
}

func TestDiffLLSC(t *testing.T) {
	d := newDiffer(t)
	ll := itype(0x30, rRS, rRT, 0)
	sc := func(imm uint16) uint32 { return itype(0x38, rRS, rRD, imm) }
	prep := func(insns ...uint32) *mips.State {
		s := newState(append(insns, 0, 0)...)
		th := cur(s)
		th.Regs[rRS], th.Regs[rRD] = dataBase, 0x5555
		s.Memory.SetWord(dataBase, 7)
		return s
	}
	d.steps(prep(ll, sc(0)), 2, "ll sc")
	d.steps(prep(sc(0)), 1, "sc without ll")
	d.steps(prep(ll, sc(4)), 2, "ll sc other address")
	// sched_yield between ll and sc clears the reservation.
	s := prep(ll, rtype(0x0C, 0, 0, 0, 0), sc(0))
	cur(s).Regs[2] = 4162
	d.steps(s, 3, "ll yield sc")
	// A reservation in the state with llActive set by hand (also from another thread).
	s = prep(sc(0))
	s.LLActive, s.LLAddress = true, dataBase
	d.steps(s, 1, "sc with reservation")
}

func TestDiffReservedAndFaults(t *testing.T) {
	d := newDiffer(t)
	for op := uint32(0); op < 64; op++ {
		d.oneInsn(op<<26|0x00421234, dataBase, dataBase, 1, "op")
	}
	for f := uint32(0); f < 64; f++ {
		if f == 0x0C {
			continue // syscall: covered by the syscall tests
		}
		d.oneInsn(rtype(f, rRS, rRT, rRD, 5), 3, 0x80000000, 1, "funct")
	}
	// Misaligned pc faults without a fetch proof.
	s := newState(0)
	cur(s).PC = codeBase + 2
	d.steps(s, 1, "misaligned pc")
	// Exited states: every status, stepping is the identity.
	for _, code := range []uint8{0, 1, 2, 255} {
		s := newState(0)
		s.Exited, s.ExitCode = true, code
		d.steps(s, 2, fmt.Sprintf("exited %d", code))
	}
}

// sys builds a state about to execute `syscall` with v0 and a0..a3.
func sys(num uint32, args ...uint32) *mips.State {
	s := newState(rtype(0x0C, 0, 0, 0, 0), 0, 0, 0)
	th := cur(s)
	th.Regs[2] = num
	for i, a := range args {
		th.Regs[4+i] = a
	}
	return s
}

func TestDiffSyscalls(t *testing.T) {
	d := newDiffer(t)
	type c struct {
		num  uint32
		args []uint32
	}
	cases := []c{
		{4003, []uint32{0, dataBase, 4}}, {4003, []uint32{101, dataBase, 4}}, {4003, []uint32{7, dataBase, 4}},
		{4004, []uint32{1, dataBase, 9}}, {4004, []uint32{2, dataBase, 0}}, {4004, []uint32{101, dataBase, 8}},
		{4004, []uint32{3, dataBase, 8}},
		{4045, []uint32{0}}, {4091, nil}, {4218, nil},
		{4090, []uint32{0, 0x1000}}, {4090, []uint32{0, 1}}, {4090, []uint32{0, 0}}, {4090, []uint32{0, 0x1F000000}},
		{4090, []uint32{0, 0x1F000001}}, {4090, []uint32{0, 0xFFFFFFFF}}, {4090, []uint32{0, 0xFFFFF001}},
		{4090, []uint32{0x12345000, 0x1000}},
		{4120, []uint32{0x10000}}, {4120, []uint32{0x00100}},
		{4222, nil}, {4020, nil}, {4037, nil}, {4266, nil}, {4194, nil}, {4195, nil}, {4206, nil},
		{4006, []uint32{3}}, {4005, nil}, {4288, nil}, {4240, nil}, {4326, nil}, {4325, nil}, {4249, nil},
		{4162, nil}, {4166, nil}, {4265, nil}, {4407, nil}, {4313, nil}, {4441, nil},
		{4238, []uint32{dataBase, 1}}, {4422, []uint32{dataBase, 0x81}}, {4238, []uint32{dataBase, 5}},
		{4238, []uint32{dataBase, 0, 7}}, {4238, []uint32{dataBase, 0x80, 8}}, {4238, []uint32{dataBase + 2, 0, 7}},
		{4238, []uint32{0, 0, 0}},
		{4263, []uint32{2, dataBase}}, {4263, []uint32{1, dataBase + 2}}, {4263, []uint32{0, dataBase}},
		{4263, []uint32{1, dataBase + 28}}, {4263, []uint32{0, dataBase + 24}}, {4263, []uint32{1, 0xFFFFFFFC}},
		{4263, []uint32{1, 0}},
		{4246, []uint32{0x1FF}}, {4246, []uint32{1}}, {4246, []uint32{0}},
		{4001, []uint32{3}},
		{0, nil}, {4000, nil}, {5000, nil}, {4999, nil},
	}
	for fd := uint32(0); fd < 8; fd++ {
		cases = append(cases, c{4055, []uint32{fd, 1}})
	}
	cases = append(cases, c{4055, []uint32{100, 3}}, c{4055, []uint32{101, 3}}, c{4055, []uint32{102, 3}})
	for _, cs := range cases {
		for _, step := range []uint64{0, 123456789, 1 << 61, 0xFFFFFFFFFFFFFFFF} {
			s := sys(cs.num, cs.args...)
			s.Memory.SetWord(dataBase, 7)
			s.Step = step
			d.steps(s, 2, fmt.Sprintf("syscall %d %v step %d", cs.num, cs.args, step))
		}
	}
}

func TestDiffThreads(t *testing.T) {
	d := newDiffer(t)
	// clone, then let parent and child run and exit in turn.
	prog := []uint32{
		rtype(0x0C, 0, 0, 0, 0), // clone
		0,                       // nop
		rtype(0x0C, 0, 0, 0, 0), // syscall with whatever v0 holds
		0, 0, 0,
	}
	s := newState(prog...)
	th := cur(s)
	th.Regs[2], th.Regs[4], th.Regs[5] = 4120, 0x10100|0x11, 0x7FF00000
	d.steps(s, 12, "clone run")
	// clone with a1 == 0 keeps the child's sp.
	s = newState(prog...)
	th = cur(s)
	th.Regs[2], th.Regs[4], th.Regs[29] = 4120, 0x10100, 0x7FFF0000
	d.steps(s, 3, "clone sp")

	// Three threads, each yielding: the schedule A B C C B A A B C.
	yield := []uint32{rtype(0x0C, 0, 0, 0, 0), itype(4, 0, 0, 0xFFFF), 0}
	s = newState(yield...)
	for id := uint32(2); id <= 3; id++ {
		t := &mips.Thread{ID: id, PC: codeBase, NextPC: codeBase + 4}
		t.Regs[2] = 4162
		s.LeftStack = append(s.LeftStack, t)
	}
	cur(s).Regs[2] = 4162
	s.LeftStack[0].Regs[2] = 4162
	s.NextThreadID = 4
	d.steps(s, 20, "yield ring")

	// Thread exit: of one of several threads, then the last one.
	s = newState(rtype(0x0C, 0, 0, 0, 0), 0)
	cur(s).Regs[2], cur(s).Regs[4] = 4001, 0x105
	other := &mips.Thread{ID: 2, PC: codeBase, NextPC: codeBase + 4}
	other.Regs[2], other.Regs[4] = 4001, 7
	s.RightStack = []*mips.Thread{other}
	d.steps(s, 3, "exit threads")
	s = newState(rtype(0x0C, 0, 0, 0, 0), 0)
	two := &mips.Thread{ID: 2, PC: codeBase, NextPC: codeBase + 4}
	s.LeftStack = append([]*mips.Thread{two}, s.LeftStack...)
	cur(s).Regs[2] = 4001
	d.steps(s, 2, "exit with one below")

	// Quantum expiry: with one thread, with two, and on the right stack.
	for _, right := range []bool{false, true} {
		for n := 1; n <= 2; n++ {
			s = newState(0, 0, 0)
			if n == 2 {
				s.LeftStack = append([]*mips.Thread{{ID: 2, PC: codeBase, NextPC: codeBase + 4}}, s.LeftStack...)
			}
			if right {
				s.LeftStack, s.RightStack, s.TraverseRight = nil, s.LeftStack, true
			}
			s.StepsSinceSwitch = 100000 - 1
			s.LLActive, s.LLAddress = true, dataBase
			d.steps(s, 3, fmt.Sprintf("quantum right=%v n=%d", right, n))
		}
	}
	s = newState(0)
	s.StepsSinceSwitch = 1 << 40
	d.steps(s, 1, "quantum far past")
}

// preimageWindow fills the three leaves around dataBase+0x40 (the leaf the
// preimage cases read into and write keys from) with distinct bytes.
func preimageWindow(s *mips.State) {
	for i := uint32(0); i < 96; i++ {
		s.Memory.SetBytes(dataBase+0x20+i, []byte{byte(0xC0 ^ i*7)})
	}
}

// TestDiffPreimages covers 1.9 on both sides: key writes of every length at
// every alignment, reads at every alignment and count from offsets at the
// start, around the prefix and at and around the end of the stream, for a
// keccak key and a local key, and whole streams read by a guest-style loop.
func TestDiffPreimages(t *testing.T) {
	d := newDiffer(t)
	data := []byte("integer-only inference, one leaf at a time: 47b")
	kk := mips.Keccak256(data)
	kk[0] = 2
	var lk [32]byte
	lk[0], lk[31] = 1, 3
	local := []byte{0xAA, 0xBB, 0xCC, 0xDD, 0xEE}
	d.oracle[kk] = data
	d.oracle[lk] = local

	// Key writes: counts 0..40 at every alignment of the leaf.
	var keyGas []uint64
	for align := uint32(0); align < 32; align++ {
		for count := uint32(0); count <= 40; count++ {
			s := sys(4004, 6, dataBase+0x40+align, count)
			preimageWindow(s)
			s.PreimageKey, s.PreimageOffset = [32]byte{0: 0x11, 1: 0x22, 30: 0x33, 31: 0x44}, 9
			d.step(s, fmt.Sprintf("keywrite align %d count %d", align, count))
			require.Equal(t, min(count, 32-align), cur(s).Regs[2])
			if count > 0 {
				keyGas = append(keyGas, d.gas[len(d.gas)-1])
			}
		}
	}
	med, maxv := evm.MedianMax(keyGas)
	t.Logf("preimage key write steps (n > 0): %d, execution gas median %d, max %d", len(keyGas), med, maxv)

	// Reads: every alignment, counts 1..40, offsets around the prefix and the end.
	var counts []uint32
	for c := uint32(1); c <= 40; c++ {
		if !testing.Short() || c <= 5 || c%8 == 0 || c == 31 || c == 33 {
			counts = append(counts, c)
		}
	}
	var readGas, fullGas []uint64
	for _, key := range [][32]byte{kk, lk} {
		sl := len(d.oracle[key]) + 8
		seen := map[int]bool{}
		for _, off := range []int{0, 1, 7, 8, 9, sl - 33, sl - 32, sl - 31, sl - 2, sl - 1, sl, sl + 1} {
			if off < 0 || seen[off] {
				continue
			}
			seen[off] = true
			for align := uint32(0); align < 32; align++ {
				for _, count := range counts {
					s := sys(4003, 5, dataBase+0x40+align, count)
					preimageWindow(s)
					s.PreimageKey, s.PreimageOffset = key, uint32(off)
					w := d.step(s, fmt.Sprintf("read key %x offset %d align %d count %d", key[:2], off, align, count))
					n := cur(s).Regs[2]
					require.Equal(t, uint32(off)+n, s.PreimageOffset)
					if n > 0 {
						ps, err := mips.SplitProofs(w.Proof[mips.ThreadProofSize:])
						require.NoError(t, err)
						require.Len(t, ps, 2)
						readGas = append(readGas, d.gas[len(d.gas)-1])
						if n == 32 {
							fullGas = append(fullGas, d.gas[len(d.gas)-1])
						}
					}
				}
			}
		}
	}
	med, maxv = evm.MedianMax(readGas)
	t.Logf("preimage read steps (n > 0): %d, execution gas median %d, max %d", len(readGas), med, maxv)
	med, maxv = evm.MedianMax(fullGas)
	t.Logf("preimage read steps at full leaf (n = 32): %d, execution gas median %d, max %d", len(fullGas), med, maxv)
	require.NotEmpty(t, fullGas)

	// Addresses at the top of memory and in the null page.
	for _, addr := range []uint32{0xFFFFFFE0, 0xFFFFFFF9, 0xFFFFFFFF, 0} {
		s := sys(4003, 5, addr, 40)
		s.PreimageKey, s.PreimageOffset = kk, 3
		d.step(s, fmt.Sprintf("read at %#x", addr))
		s = sys(4004, 6, addr, 40)
		d.step(s, fmt.Sprintf("keywrite at %#x", addr))
	}

	// Guest-style loops: write the key (a garbage byte first, so the shift register
	// really drops high bytes; then from a buffer at a1Off), read the stream to EOF.
	for _, key := range [][32]byte{kk, lk} {
		for _, a1Off := range []uint32{0, 1, 3, 17, 31} {
			// Loop: syscall; b back; nop. Registers are set before each pass.
			s := newState(rtype(0x0C, 0, 0, 0, 0), itype(4, 0, 0, 0xFFFE), 0)
			s.Memory.SetBytes(dataBase+a1Off, key[:])
			s.Memory.SetBytes(dataBase+0x7F, []byte{0x99})
			label := fmt.Sprintf("key %x a1 +%d", key[:2], a1Off)
			th := cur(s)
			th.Regs[2], th.Regs[4], th.Regs[5], th.Regs[6] = 4004, 6, dataBase+0x7F, 9
			d.steps(s, 3, label+" garbage")
			for off := uint32(0); off < 32; {
				th = cur(s)
				th.Regs[2], th.Regs[4], th.Regs[5], th.Regs[6] = 4004, 6, dataBase+a1Off+off, 32-off
				d.steps(s, 3, label+" keywrite")
				off += cur(s).Regs[2]
			}
			require.Equal(t, key, s.PreimageKey)
			// Read to EOF with a rotating destination alignment and counts.
			for i := 0; i < 12; i++ {
				th = cur(s)
				count := []uint32{100, 32, 5, 0, 1, 40}[i%6]
				th.Regs[2], th.Regs[4], th.Regs[5], th.Regs[6] = 4003, 5, dataBase+0x80+uint32(7*i%32), count
				d.steps(s, 3, fmt.Sprintf("%s read %d (offset %d)", label, i, s.PreimageOffset))
			}
		}
	}
}
