package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/vm/guests"
)

// TestVMRunStatsCPUTime checks that `vm run --stats` reports the CPU time of
// the thread that ran the guest, and that steps_per_cpu_second is the run's
// steps over it (the figure scripts/bench-vm-qemu.sh reports next to wall
// time), on Linux, where the thread's CPU time is known.
func TestVMRunStatsCPUTime(t *testing.T) {
	elf, err := guests.Build("matvec")
	require.NoError(t, err)
	// runVM reads the package-level flags: run it with --stats alone, and
	// leave them as other tests set them.
	saved := vmOpts
	t.Cleanup(func() { vmOpts = saved })
	vmOpts = saved
	vmOpts.stats, vmOpts.profile = true, profileFlags{}
	var stdout, stderr bytes.Buffer
	c := &cobra.Command{}
	c.SetContext(t.Context())
	c.SetOut(&stdout)
	c.SetErr(&stderr)
	require.NoError(t, runVM(c, []string{elf, "2"}))
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	var st runStats
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &st), stderr.String())
	require.NotNil(t, st.ExitCode)
	require.Equal(t, 0, *st.ExitCode)
	require.Greater(t, st.Steps, uint64(1_000_000))
	require.Greater(t, st.CPUSeconds, 0.0)
	require.InEpsilon(t, float64(st.Steps)/st.CPUSeconds, st.StepsPerCPUSecond, 1e-9)
	require.InEpsilon(t, float64(st.Steps)/st.WallSeconds, st.StepsPerSecond, 1e-9)
}
