package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/pprof/profile"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/vm/guests"
)

// readProfile parses a --profile file and returns its total steps and the
// steps whose leaf function is fn.
func readProfile(t *testing.T, path, fn string) (total, inFn int64) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	p, err := profile.Parse(f)
	require.NoError(t, err)
	for _, s := range p.Sample {
		total += s.Value[1]
		if s.Location[0].Line[0].Function.Name == fn {
			inFn += s.Value[1]
		}
	}
	return total, inFn
}

func TestVMRunProfile(t *testing.T) {
	elf, err := guests.Build("matvec")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "steps.pprof")
	_, err = runCmd(t, Root, "vm", "run", "--profile", path, "--profile-period", "101", elf, "10")
	require.NoError(t, err)
	total, hot := readProfile(t, path, "main.main")
	require.Greater(t, total, int64(5_000_000))
	require.Greater(t, float64(hot)/float64(total), 0.8)
}

func TestVMTraceProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "steps.pprof")
	out, err := runCmd(t, vmTraceCmd(), "fashion-mnist", "--sample", "3", "--node", "2", "--json", "--profile", path)
	require.NoError(t, err)
	// dot4x8 is the guest's assembly matvec kernel (models/ops/dot4_mips.s):
	// the profile resolves it from the ELF's symbols like any Go function.
	total, dot := readProfile(t, path, "github.com/aivm-dev/aivm/models/ops.dot4x8")
	require.InDelta(t, lastJSON(t, out)["steps"], float64(total), 997)
	require.Greater(t, float64(dot)/float64(total), 0.3, "the fc node's dot product is its hottest function")
}
