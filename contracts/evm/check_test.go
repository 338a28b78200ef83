package evm_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/guests"
)

func TestSampleSteps(t *testing.T) {
	a := evm.SampleSteps(1_000_000, 50, 3)
	require.Equal(t, a, evm.SampleSteps(1_000_000, 50, 3), "deterministic")
	require.NotEqual(t, a, evm.SampleSteps(1_000_000, 50, 4), "seed matters")
	require.Len(t, a, 50)
	for i, x := range a {
		// One index per stratum of 20,000 steps: spread over the whole run.
		require.GreaterOrEqual(t, x, uint64(i)*20_000)
		require.Less(t, x, uint64(i+1)*20_000)
	}
	require.Equal(t, []uint64{0, 1, 2}, evm.SampleSteps(3, 10, 1))
	big := evm.SampleSteps(^uint64(0), 7, 1)
	require.Len(t, big, 7)
	require.IsIncreasing(t, big)
}

// loadGuest builds a corpus guest and loads it with its golden args and env.
func loadGuest(t testing.TB, name string) *mips.State {
	t.Helper()
	elfPath, err := guests.Build(name)
	require.NoError(t, err)
	exp, err := guests.Expected(name)
	require.NoError(t, err)
	elf, err := os.ReadFile(elfPath)
	require.NoError(t, err)
	s, err := vm.LoadELF(elf, append([]string{filepath.Base(elfPath)}, exp.Args...), exp.EnvList())
	require.NoError(t, err)
	return s
}

func countSteps(t testing.TB, s *mips.State) uint64 {
	t.Helper()
	c := s.Copy()
	require.NoError(t, mips.NewVM(c, nil, nil, nil).Run(context.Background(), 1<<40))
	return c.Step
}

// TestCheckRunGuests checks sampled steps of real Go programs (runtime start,
// goroutines and the scheduler, the matvec kernel) on MIPS.sol.
func TestCheckRunGuests(t *testing.T) {
	if testing.Short() {
		t.Skip("builds guests")
	}
	h, err := evm.New()
	require.NoError(t, err)
	for _, name := range []string{"hello", "goroutines", "matvec"} {
		s := loadGuest(t, name)
		steps := evm.SampleSteps(countSteps(t, s), 150, 1)
		rep, err := h.CheckRun(context.Background(), s, nil, steps, localCtx, nil)
		require.NoError(t, err, name)
		for _, r := range rep.Results {
			require.False(t, r.Mismatch(), "%s step %d: go %x sol %x err %v", name, r.Step, r.GoPost, r.SolPost, r.Err)
		}
		require.Len(t, rep.Results, len(steps))
	}
}
