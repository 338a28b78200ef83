package mips

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// release runs the madvise or mmap syscall of s to its return, checking every
// step (checkedStep), and returns the witnesses. Until the last step the
// thread stays on the syscall with a1 shrinking by whole pages.
func release(t *testing.T, s *State) []*StepWitness {
	t.Helper()
	th := s.CurrentThread()
	var ws []*StepWitness
	num := th.Regs[rV0]
	for th.PC == codeBase {
		left := th.Regs[rA1]
		ws = append(ws, checkedStep(t, s, nil))
		require.Equal(t, 2, proofCount(ws[len(ws)-1]), "fetch and subtree proofs")
		require.Equal(t, uint32(0), th.Regs[rA1]%PageSize)
		if th.PC == codeBase {
			require.Less(t, th.Regs[rA1], left)
			require.Equal(t, num, th.Regs[rV0], "v0 still holds the number")
		}
		require.Less(t, len(ws), 64)
	}
	require.Equal(t, uint32(codeBase+4), th.PC)
	require.Equal(t, uint32(0), th.Regs[rA1], "a1 ends at 0")
	return ws
}

// TestReleaseZeroesRange fills memory around each range, releases the range
// and checks that exactly its pages (the length rounded up) read as zero,
// in the number of steps the subtree decomposition of 1.8 takes.
func TestReleaseZeroesRange(t *testing.T) {
	for _, c := range []struct {
		name           string
		num, a0, a1    uint32
		steps          int
		zeroFrom, zEnd uint64
	}{
		{"madvise-aligned-64k", SysMadvise, 0x0041_0000, 0x1_0000, 1, 0x0041_0000, 0x0042_0000},
		{"madvise-two-blocks", SysMadvise, 0x0040_1000, 0x3000, 2, 0x0040_1000, 0x0040_4000},
		{"madvise-partial-page", SysMadvise, 0x0040_1000, 0x1801, 2, 0x0040_1000, 0x0040_3000},
		{"madvise-one-byte", SysMadvise, 0x0040_7000, 1, 1, 0x0040_7000, 0x0040_8000},
		{"madvise-upper-half", SysMadvise, 0x8000_0000, 0x7FFF_F000, 19, 0x8000_0000, 0xFFFF_F000},
		{"mmap-fixed-1m", SysMmap, 0x1234_5000, 1 << 20, 9, 0x1234_5000, 0x1244_5000},
		{"mmap-top-page", SysMmap, 0xFFFF_F000, 0x1000, 1, 0xFFFF_F000, 1 << 32},
		{"mmap-arena-reservation", SysMmap, 0x0040_0000, 0x2040_0000, 8, 0x0040_0000, 0x2080_0000},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sysState(c.num, c.a0, c.a1, MadvDontneed, 0x812)
			th := s.CurrentThread()
			before := *th
			probes := []uint64{c.zeroFrom, c.zeroFrom + 0x7F4, c.zEnd - 4, (c.zeroFrom + c.zEnd) / 2 &^ 3,
				c.zeroFrom - 4, c.zEnd, c.zEnd + 0x1000}
			for _, a := range probes {
				if a >= NullPageEnd && a < 1<<32 && a>>pageShift != codeBase>>pageShift {
					s.Memory.SetWord(uint32(a), 0xA5A5A5A5)
				}
			}
			ws := release(t, s)
			require.Len(t, ws, c.steps)
			for _, a := range probes {
				if a < NullPageEnd || a >= 1<<32 || a>>pageShift == codeBase>>pageShift {
					continue
				}
				want := uint32(0xA5A5A5A5)
				if a >= c.zeroFrom && a < c.zEnd {
					want = 0
				}
				require.Equal(t, want, s.Memory.GetWord(uint32(a)), "word at %#x", a)
			}
			want := uint32(0)
			if c.num == SysMmap {
				want = c.a0
			}
			require.Equal(t, want, th.Regs[rV0])
			require.Equal(t, uint32(0), th.Regs[rA3])
			for i := range th.Regs {
				if i != rV0 && i != rA1 && i != rA3 {
					require.Equal(t, before.Regs[i], th.Regs[i], "r%d changed", i)
				}
			}
		})
	}
}

// TestReleaseSurvivesPreemption: a quantum may expire between the steps of
// one range; the other thread runs and the range then goes on where it was.
func TestReleaseSurvivesPreemption(t *testing.T) {
	s := sysState(SysMadvise, 0x0040_1000, 0x3000, MadvDontneed)
	s.Memory.SetWord(0x0040_1000, 7)
	a := s.CurrentThread()
	b := &Thread{ID: 2, PC: codeBase, NextPC: codeBase + 4}
	b.Regs[rV0] = SysExit
	s.LeftStack = []*Thread{b, a}
	s.StepsSinceSwitch = Quantum - 1
	checkedStep(t, s, nil) // first block, still in the syscall
	require.Equal(t, uint32(codeBase), a.PC)
	require.Equal(t, uint32(0x1000), a.Regs[rA1])
	checkedStep(t, s, nil) // quantum expiry
	require.Equal(t, b, s.CurrentThread())
	checkedStep(t, s, nil) // b exits; a comes back
	require.Equal(t, a, s.CurrentThread())
	require.Equal(t, uint32(7), s.Memory.GetWord(0x0040_1000))
	checkedStep(t, s, nil)
	require.Equal(t, uint32(codeBase+4), a.PC)
	require.Zero(t, s.Memory.GetWord(0x0040_1000))
}

// TestReleaseReportedOnce: OnSyscall sees a multi-step release once, when it
// returns, with its original length.
func TestReleaseReportedOnce(t *testing.T) {
	s := sysState(SysMmap, 0x1234_5000, 1<<20, 3, 0x812)
	var evs []SyscallEvent
	vm := NewVM(s, nil, nil, nil)
	vm.OnSyscall(func(e SyscallEvent) { evs = append(evs, e) })
	for range 9 {
		_, err := vm.Step(false)
		require.NoError(t, err)
	}
	require.Len(t, evs, 1)
	require.Equal(t, SyscallEvent{Step: 8, FirstStep: 0, ThreadID: 1, Num: SysMmap,
		A0: 0x1234_5000, A1: 1 << 20, A2: 3, A3: 0x812, V0Out: 0x1234_5000, A3Out: 0}, evs[0])
}

// TestSubtreeProofMustElideLowerLevels: a zeroing step whose subtree proof
// writes out a sibling below the subtree (bitmap bit clear) is malformed, as
// on chain, even though the sibling would be ignored.
func TestSubtreeProofMustElideLowerLevels(t *testing.T) {
	s := sysState(SysMadvise, 0x0041_0000, 0x1_0000, MadvDontneed)
	w, err := NewVM(s, nil, nil, nil).Step(true)
	require.NoError(t, err)
	_, err = VerifyStep(w)
	require.NoError(t, err)
	o := proofStart(w, 1)
	bad := *w
	bm := uint32(w.Proof[o+32])<<24 | uint32(w.Proof[o+33])<<16 | uint32(w.Proof[o+34])<<8 | uint32(w.Proof[o+35])
	bm &^= 1 << 3
	p := append([]byte(nil), w.Proof[:o+32]...)
	p = append(p, byte(bm>>24), byte(bm>>16), byte(bm>>8), byte(bm))
	p = append(p, make([]byte, 3*32)...) // levels 0..2 written out: Z[0] then two more
	p = append(p, w.Proof[o+36:]...)
	bad.Proof = p
	_, err = VerifyStep(&bad)
	require.ErrorIs(t, err, ErrMalformed)
}
