package vm_test

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/guests"
	"github.com/stretchr/testify/require"
)

// buildGuestTB is buildGuest for tests and benchmarks.
func buildGuestTB(t testing.TB, name string) string {
	t.Helper()
	p, err := guests.Build(name)
	require.NoError(t, err, "build guest %s", name)
	return p
}

// loadGuest builds guest name and returns its initial state.
func loadGuest(t testing.TB, name string, args ...string) *mips.State {
	t.Helper()
	p := buildGuestTB(t, name)
	elf, err := os.ReadFile(p)
	require.NoError(t, err)
	s, err := vm.LoadELF(elf, append([]string{p}, args...), nil)
	require.NoError(t, err)
	return s
}

// straightHashes steps a copy of initial one step at a time through the
// reference path (no snapshots, no fast path) and returns the state hash at
// each index of at (any order; indices past the exit get the final hash).
func straightHashes(t *testing.T, initial *mips.State, at []uint64) map[uint64][32]byte {
	t.Helper()
	s := initial.Copy()
	m := mips.NewVM(s, nil, nil, nil)
	sorted := slices.Clone(at)
	slices.Sort(sorted)
	out := map[uint64][32]byte{}
	for _, i := range sorted {
		for s.Step < i && !s.Exited {
			_, err := m.Step(false)
			require.NoError(t, err)
		}
		out[i] = s.Hash()
	}
	return out
}

// checkpoints are the indices the tests probe: both ends, around every
// snapshot boundary, some random ones and past the exit.
func checkpoints(steps, every uint64, rng *rand.Rand) []uint64 {
	at := []uint64{0, 1, steps - 1, steps, steps + 5}
	for b := every; b < steps; b += every {
		at = append(at, b-1, b, b+1)
	}
	for range 20 {
		at = append(at, rng.Uint64N(steps))
	}
	rng.Shuffle(len(at), func(i, j int) { at[i], at[j] = at[j], at[i] })
	return at
}

// checkWitness checks that Witness(i) is a valid step from state i whose
// post-state is state i+1.
func checkWitness(t *testing.T, tr *vm.Trace, i uint64) {
	t.Helper()
	w, err := tr.Witness(i)
	require.NoError(t, err)
	pre, err := tr.StateHash(i)
	require.NoError(t, err)
	require.Equal(t, pre, mips.StateHashOf(w.State), "witness %d: pre-state", i)
	post, err := mips.VerifyStep(w)
	require.NoError(t, err, "witness %d", i)
	want, err := tr.StateHash(i + 1)
	require.NoError(t, err)
	require.Equal(t, want, post, "witness %d: post-state", i)
}

// TestTraceMatchesStraightRun: every probed StateHash equals a plain
// step-by-step run's, queried out of order so that both restores and
// forward runs from the cached state are exercised; witnesses verify.
func TestTraceMatchesStraightRun(t *testing.T) {
	initial := loadGuest(t, "hello")
	before := initial.Hash()
	const every = 40_000
	var progress []uint64
	tr, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{
		SnapshotEvery: every,
		Progress:      func(s uint64) { progress = append(progress, s) },
	})
	require.NoError(t, err)
	require.Equal(t, before, initial.Hash(), "NewTrace changed the initial state")
	require.Greater(t, tr.Steps(), uint64(5*every), "guest too short to cross several snapshots")
	require.Equal(t, uint8(0), tr.ExitCode())
	require.True(t, slices.IsSorted(progress))
	require.Equal(t, tr.Steps(), progress[len(progress)-1])

	rng := rand.New(rand.NewPCG(1, 1))
	at := checkpoints(tr.Steps(), every, rng)
	want := straightHashes(t, initial, at)
	require.Equal(t, want[tr.Steps()], tr.FinalHash())
	require.Equal(t, byte(mips.StatusValid), tr.FinalHash()[0])
	for _, i := range at {
		got, err := tr.StateHash(i)
		require.NoError(t, err)
		require.Equal(t, want[i], got, "state %d", i)
	}
	for _, i := range at[:15] {
		checkWitness(t, tr, i)
	}
	// The last real step and a padding step.
	checkWitness(t, tr, tr.Steps()-1)
	checkWitness(t, tr, tr.Steps()+3)
	require.Greater(t, tr.SnapshotBytes(), uint64(0))
	t.Logf("hello: %d steps, guest %d KiB, snapshots %d KiB", tr.Steps(), tr.GuestBytes()>>10, tr.SnapshotBytes()>>10)
}

// TestTraceBisection walks a bisection (queries at narrowing midpoints plus
// the final witness), the access pattern the dispute game produces, and
// checks each answer against a trace with a different snapshot interval.
func TestTraceBisection(t *testing.T) {
	initial := loadGuest(t, "hello")
	a, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 1 << 16})
	require.NoError(t, err)
	b, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 100_003})
	require.NoError(t, err)
	require.Equal(t, a.Steps(), b.Steps())
	require.Equal(t, a.FinalHash(), b.FinalHash())
	rng := rand.New(rand.NewPCG(2, 2))
	for range 3 {
		lo := bisectWalk(rng, a.Steps(), func(mid uint64) {
			ha, err := a.StateHash(mid)
			require.NoError(t, err)
			hb, err := b.StateHash(mid)
			require.NoError(t, err)
			require.Equal(t, hb, ha, "state %d", mid)
		})
		checkWitness(t, a, lo)
	}
}

// bisectWalk visits the midpoints of a bisection over [0, steps] that goes
// left or right at random, as a dispute's would, and returns the step it
// narrows down to.
func bisectWalk(rng *rand.Rand, steps uint64, visit func(mid uint64)) uint64 {
	lo, hi := uint64(0), steps
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		visit(mid)
		if rng.IntN(2) == 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// TestTraceDeterministic: two constructions agree on everything.
func TestTraceDeterministic(t *testing.T) {
	initial := loadGuest(t, "matvec", "1")
	opts := vm.TraceOptions{SnapshotEvery: 300_000}
	a, err := vm.NewTrace(t.Context(), initial, nil, opts)
	require.NoError(t, err)
	b, err := vm.NewTrace(t.Context(), initial, nil, opts)
	require.NoError(t, err)
	require.Equal(t, a.Steps(), b.Steps())
	require.Equal(t, a.FinalHash(), b.FinalHash())
	require.Equal(t, a.ExitCode(), b.ExitCode())
	// One snapshot only (at 0): every query replays from the start.
	c, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 1 << 40})
	require.NoError(t, err)
	// A plain fast-path run agrees on the end.
	plain := initial.Copy()
	require.NoError(t, mips.NewVM(plain, nil, nil, nil).Run(t.Context(), 1<<40))
	require.Equal(t, plain.Hash(), a.FinalHash())
	require.Equal(t, plain.Step, a.Steps())
	rng := rand.New(rand.NewPCG(3, 3))
	for range 10 {
		i := rng.Uint64N(a.Steps())
		ha, err := a.StateHash(i)
		require.NoError(t, err)
		hb, err := b.StateHash(i)
		require.NoError(t, err)
		hc, err := c.StateHash(i)
		require.NoError(t, err)
		require.Equal(t, ha, hb, "state %d", i)
		require.Equal(t, ha, hc, "state %d", i)
	}
}

// TestTraceOfExitedState: a trace may start exited (zero steps); every
// index is then the initial state.
func TestTraceOfExitedState(t *testing.T) {
	s := loadGuest(t, "hello")
	require.NoError(t, mips.NewVM(s, nil, nil, nil).Run(t.Context(), 1<<40))
	tr, err := vm.NewTrace(t.Context(), s, nil, vm.TraceOptions{})
	require.NoError(t, err)
	require.Equal(t, uint64(0), tr.Steps())
	require.Equal(t, s.Hash(), tr.FinalHash())
	h, err := tr.StateHash(0)
	require.NoError(t, err)
	require.Equal(t, s.Hash(), h)
	checkWitness(t, tr, 0)
}

func TestTraceMaxSteps(t *testing.T) {
	initial := loadGuest(t, "hello")
	_, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 1000, MaxSteps: 2500})
	require.ErrorIs(t, err, mips.ErrStepLimit)
	require.ErrorContains(t, err, "2500 steps")

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = vm.NewTrace(ctx, initial, nil, vm.TraceOptions{})
	require.ErrorIs(t, err, context.Canceled)
}

// TestTraceFault: a guest that faults (nil dereference without signals,
// spec 1.7) ends in a PANIC state, and the trace pads past it.
func TestTraceFault(t *testing.T) {
	initial := loadGuest(t, "nilderef")
	tr, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 50_000})
	require.NoError(t, err)
	require.Equal(t, uint8(mips.FaultExitCode), tr.ExitCode())
	require.Equal(t, byte(mips.StatusPanic), tr.FinalHash()[0])
	n := tr.Steps()
	want := straightHashes(t, initial, []uint64{n - 1, n})
	for _, i := range []uint64{n - 1, n, n + 1, n + 1000, 1 << 62} {
		h, err := tr.StateHash(i)
		require.NoError(t, err)
		if i == n-1 {
			require.Equal(t, want[n-1], h)
			require.Equal(t, byte(mips.StatusUnfinished), h[0])
		} else {
			require.Equal(t, want[n], h, "state %d", i)
		}
	}
	checkWitness(t, tr, n-1) // the faulting step
	checkWitness(t, tr, n+7)
	w, err := tr.Witness(n + 7)
	require.NoError(t, err)
	require.Empty(t, w.Proof, "an exited state's step needs no proof")
}

// TestTraceConcurrent queries one trace from several goroutines (run with
// -race to check the locking) and compares with sequential answers.
func TestTraceConcurrent(t *testing.T) {
	initial := loadGuest(t, "hello")
	tr, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 50_000})
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(4, 4))
	at := make([]uint64, 24)
	want := make([][32]byte, len(at))
	for j := range at {
		at[j] = rng.Uint64N(tr.Steps() + 10)
		want[j], err = tr.StateHash(at[j])
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	got := make([][32]byte, len(at))
	errs := make([]error, len(at))
	for j := range at {
		wg.Go(func() {
			if j%3 == 0 {
				_, errs[j] = tr.Witness(at[j])
			}
			if errs[j] == nil {
				got[j], errs[j] = tr.StateHash(at[j])
			}
		})
	}
	wg.Wait()
	for j := range at {
		require.NoError(t, errs[j])
		require.Equal(t, want[j], got[j], "state %d", at[j])
	}
}
