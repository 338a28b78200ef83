package evm_test

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
)

// releaseCall is one madvise or mmap the release tests run to its return.
type releaseCall struct{ num, a0, a1, a2, a3 uint32 }

// releaseState is a machine about to run c, with words written around and
// inside the range so that zeroing changes the root, plus the extra words.
func releaseState(c releaseCall, extra ...uint32) *mips.State {
	s := newState(0x0C, 0, 0, 0)
	th := cur(s)
	th.Regs[2], th.Regs[4], th.Regs[5], th.Regs[6], th.Regs[7] = c.num, c.a0, c.a1, c.a2, c.a3
	end := uint64(c.a0) + uint64(c.a1)
	for _, a := range append([]uint64{uint64(c.a0), uint64(c.a0) - 4, end - 4, end, end + 0xFFC, (uint64(c.a0) + end) / 2}, u64s(extra)...) {
		a &^= 3
		if a >= 0x1000 && a < 1<<32 && a>>12 != codeBase>>12 {
			s.Memory.SetWord(uint32(a), uint32(a)^0x5A5A5A5A|1)
		}
	}
	return s
}

func u64s(xs []uint32) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		out[i] = uint64(x)
	}
	return out
}

// release steps s on every side until the current thread leaves the syscall
// and returns the gas and witness sizes of its zeroing steps (two proofs).
func (d *differ) release(s *mips.State, label string) (gas, tx, size []uint64) {
	d.t.Helper()
	th := cur(s)
	for i := 0; th.PC == codeBase && !s.Exited; i++ {
		require.Less(d.t, i, 80, "%s: the range never ends", label)
		w := d.step(s, fmt.Sprintf("%s step %d", label, i))
		if ps, err := mips.SplitProofs(w.Proof[mips.ThreadProofSize:]); err == nil && len(ps) == 2 {
			g := d.gas[len(d.gas)-1]
			gas = append(gas, g)
			tx = append(tx, evm.TxGasPrague(d.h.PackStep(w.State, w.Proof, localCtx), g))
			size = append(size, uint64(w.Size()))
		}
		th = cur(s)
	}
	return gas, tx, size
}

// TestDiffRelease runs madvise(MADV_DONTNEED) and hinted mmap (1.8) step by
// step on the Go VM, MIPS.sol and VerifyStep, which must agree on every
// post-state: ranges of every shape (one page to half the address space,
// partial last pages, blocks of every height), the argument errors, and
// advice that changes nothing.
func TestDiffRelease(t *testing.T) {
	d := newDiffer(t)
	for _, c := range []releaseCall{
		{4218, 0x0041_0000, 0x1_0000, 4, 0},
		{4218, 0x0040_1000, 0x2801, 4, 0},
		{4218, 0x0040_1000, 1, 4, 0},
		{4218, 0x8000_0000, 0x7FFF_F000, 4, 0},
		{4218, 0x0000_0000, 0x1000, 4, 0}, // the null page is memory like any other (1.8)
		{4218, 0x0040_1000, 0, 4, 0},
		{4218, 0x0040_1004, 0x1000, 4, 0},
		{4218, 0xFFFF_F000, 0x1000, 4, 0},
		{4218, 0x0000_1000, 0xFFFF_F001, 4, 0},
		{4218, 0x0040_1004, 0x1000, 15, 0},
		{4218, 0x0040_1000, 0x1000, 8, 0}, // MADV_FREE: contents kept
		{4090, 0x0040_0000, 0x2040_0000, 0, 0x802},
		{4090, 0x0040_0000, 0x40_0000, 3, 0x812},
		{4090, 0x1234_5000, 1 << 20, 3, 0x812},
		{4090, 0xFFFF_F000, 0x1000, 3, 0x812},
		{4090, 0xFFFF_F000, 0x1001, 3, 0x812},
		{4090, 0x0040_0800, 0x1000, 3, 0x812},
		{4090, 0x0040_0000, 0, 3, 0x812},
		{4090, 0, 0x1000, 3, 0x802},
	} {
		d.release(releaseState(c), fmt.Sprintf("%d(%#x, %#x, %d)", c.num, c.a0, c.a1, c.a2))
	}
}

// TestDiffReleaseRandom: random ranges over random memory, some of them
// preempted half-way (the quantum expires between two blocks and another
// thread runs before the range goes on).
func TestDiffReleaseRandom(t *testing.T) {
	d := newDiffer(t)
	r := rand.New(rand.NewSource(12))
	var gas, tx, size []uint64
	n := 150
	if testing.Short() {
		n = 30
	}
	for i := 0; i < n; i++ {
		c := releaseCall{num: []uint32{4218, 4218, 4090}[r.Intn(3)], a2: []uint32{4, 4, 4, 8, 15, 0, r.Uint32()}[r.Intn(7)], a3: 0x812}
		switch r.Intn(4) {
		case 0:
			c.a0 = 0x0040_0000 + uint32(r.Intn(1<<12))<<12
		case 1:
			c.a0 = 0x7000_0000 + uint32(r.Intn(1<<16))<<12
		case 2:
			c.a0 = r.Uint32() &^ 0xFFF
		default:
			c.a0 = r.Uint32()
		}
		switch r.Intn(4) {
		case 0:
			c.a1 = uint32(r.Intn(8)) << 12
		case 1:
			c.a1 = uint32(r.Intn(1<<16)) << 12
		case 2:
			c.a1 = uint32(r.Intn(1 << 20))
		default:
			c.a1 = r.Uint32() >> uint(r.Intn(32))
		}
		extra := make([]uint32, 8)
		for j := range extra {
			extra[j] = c.a0 + uint32(r.Int63n(int64(c.a1)+1))
		}
		s := releaseState(c, extra...)
		if r.Intn(3) == 0 {
			other := &mips.Thread{ID: 2, PC: codeBase + 4, NextPC: codeBase + 8}
			s.RightStack = []*mips.Thread{other}
			s.StepsSinceSwitch = mips.Quantum - 1 - uint64(r.Intn(3))
		}
		g, x, z := d.release(s, fmt.Sprintf("random %d: %d(%#x, %#x, %d)", i, c.num, c.a0, c.a1, c.a2))
		gas, tx, size = append(gas, g...), append(tx, x...), append(size, z...)
	}
	gm, gx := evm.MedianMax(gas)
	tm, txMax := evm.MedianMax(tx)
	_, sx := evm.MedianMax(size)
	t.Logf("%d zeroing steps: execution gas median %d, max %d; step transaction (Prague) median %d, max %d; witness max %d bytes",
		len(gas), gm, gx, tm, txMax, sx)
	require.LessOrEqual(t, txMax, uint64(100_000))
}

// TestGuestZeroingStepsOnChain proves the zeroing steps of a real GC-heavy
// run (gcheavy: the scavenger's madvise(MADV_DONTNEED) calls and the
// runtime's hinted mmaps) on MIPS.sol and reports their gas: the figures of
// the docs for a zeroing step on a real Go heap.
func TestGuestZeroingStepsOnChain(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a GC-heavy guest")
	}
	s := loadGuest(t, "gcheavy")
	c := s.Copy()
	vm := mips.NewVM(c, nil, nil, nil)
	var steps []uint64
	calls := map[uint32]int{}
	vm.OnSyscall(func(e mips.SyscallEvent) {
		zeroing := e.A3Out == 0 && (e.Num == mips.SysMadvise && e.A2 == mips.MadvDontneed && e.A1 != 0 ||
			e.Num == mips.SysMmap && e.A0 != 0)
		if !zeroing {
			return
		}
		calls[e.Num]++
		for st := e.FirstStep; st <= e.Step; st++ {
			steps = append(steps, st)
		}
	})
	require.NoError(t, vm.Run(context.Background(), 1<<40))
	require.Positive(t, calls[mips.SysMadvise])
	require.Positive(t, calls[mips.SysMmap])
	rep, tm, txMax, sm, sx := proveOnChain(t, s, steps)
	t.Logf("gcheavy: %d madvise(DONTNEED) and %d hinted mmap calls took %d zeroing steps of %d, %d proven on MIPS.sol: "+
		"execution gas median %d, max %d; witness median %d, max %d bytes; step transaction (Prague) median %d, max %d",
		calls[mips.SysMadvise], calls[mips.SysMmap], len(steps), c.Step, len(rep.Results), rep.GasMedian, rep.GasMax, sm, sx, tm, txMax)
	require.LessOrEqual(t, txMax, uint64(100_000))
}

// proveOnChain runs the given steps of s on MIPS.sol through the harness,
// requires every post-state to match the Go VM's, and returns the report
// with the median and max step-transaction gas (Prague floor) and witness
// size.
func proveOnChain(t *testing.T, s *mips.State, steps []uint64) (rep *evm.CheckReport, txMedian, txMax, witMedian, witMax uint64) {
	t.Helper()
	h, err := evm.New()
	require.NoError(t, err)
	rep, err = h.CheckRun(context.Background(), s, nil, steps, localCtx, nil)
	require.NoError(t, err)
	require.Zero(t, rep.Mismatches)
	var tx, size []uint64
	for _, r := range rep.Results {
		tx, size = append(tx, r.TxFloor), append(size, uint64(r.Witness))
	}
	txMedian, txMax = evm.MedianMax(tx)
	witMedian, witMax = evm.MedianMax(size)
	return rep, txMedian, txMax, witMedian, witMax
}
