package vm_test

import (
	"bytes"
	"cmp"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/pprof/profile"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
)

// profileGuest runs guest NAME with args under a StepProfile of the given
// period and returns the parsed profile and the run's step count and hash.
func profileGuest(t *testing.T, name string, period uint64, args ...string) (*profile.Profile, *mips.State) {
	t.Helper()
	path := buildGuest(t, name)
	elf, err := os.ReadFile(path)
	require.NoError(t, err)
	s, err := vm.LoadELF(elf, append([]string{path}, args...), nil)
	require.NoError(t, err)
	m := mips.NewVM(s, nil, nil, nil)
	p, err := vm.NewStepProfile(elf, period)
	require.NoError(t, err)
	p.Attach(m)
	require.NoError(t, m.Run(t.Context(), 1<<32))
	require.True(t, s.Exited)
	var buf bytes.Buffer
	require.NoError(t, p.Write(&buf))
	prof, err := profile.Parse(&buf)
	require.NoError(t, err)
	return prof, s
}

// flatSteps sums the steps value of every sample by leaf function, and by
// every function on the stack (cumulative).
func flatSteps(p *profile.Profile) (flat, cum map[string]int64, total int64) {
	flat, cum = map[string]int64{}, map[string]int64{}
	for _, s := range p.Sample {
		v := s.Value[1]
		total += v
		flat[s.Location[0].Line[0].Function.Name] += v
		seen := map[string]bool{}
		for _, l := range s.Location {
			n := l.Line[0].Function.Name
			if !seen[n] {
				cum[n] += v
				seen[n] = true
			}
		}
	}
	return flat, cum, total
}

// TestStepProfileExact: with period 1 every step is a sample, so the profile
// accounts for exactly the run's steps; matvec spends almost all of them in
// its multiply loop, inlined into main.main, called by runtime.main; the
// profile names guest functions and lines from the ELF and does not change
// the run.
func TestStepProfileExact(t *testing.T) {
	prof, s := profileGuest(t, "matvec", 1, "3")
	require.Equal(t, []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "steps", Unit: "count"}}, prof.SampleType)
	flat, cum, total := flatSteps(prof)
	require.Equal(t, int64(s.Step), total, "period 1 samples every step")
	require.Greater(t, float64(flat["main.main"])/float64(total), 0.7, "matvec's hot loop is in main.main")
	require.Greater(t, cum["runtime.main"], flat["main.main"], "stacks are unwound through the pclntab")
	hot := slices.MaxFunc(prof.Sample, func(a, b *profile.Sample) int {
		return cmp.Compare(leafSteps(a, "main.main"), leafSteps(b, "main.main"))
	})
	require.Equal(t, []string{"1"}, hot.Label["thread"])
	line := hot.Location[0].Line[0]
	t.Logf("hottest main.main line: %s:%d", line.Function.Filename, line.Line)
	require.True(t, strings.HasSuffix(line.Function.Filename, "testdata/guests/matvec/main.go"), line.Function.Filename)
	require.Positive(t, line.Line)

	plain, err := os.ReadFile(buildGuest(t, "matvec"))
	require.NoError(t, err)
	ps, err := vm.LoadELF(plain, []string{buildGuest(t, "matvec"), "3"}, nil)
	require.NoError(t, err)
	require.NoError(t, mips.NewVM(ps, nil, nil, nil).Run(t.Context(), 1<<32))
	require.Equal(t, ps.Hash(), s.Hash(), "profiling must not change the run")
}

// leafSteps is s's steps if its leaf is in function fn, else 0.
func leafSteps(s *profile.Sample, fn string) int64 {
	if s.Location[0].Line[0].Function.Name != fn {
		return 0
	}
	return s.Value[1]
}

// TestStepProfileSampled: with the default period the step values still sum
// to about the run's steps (each sample stands for a period), the hot
// function keeps its share, and steps spent on quantum expiry appear under
// their own frame.
func TestStepProfileSampled(t *testing.T) {
	prof, s := profileGuest(t, "matvec", vm.DefaultProfilePeriod, "20")
	flat, cum, total := flatSteps(prof)
	require.InDelta(t, float64(s.Step), float64(total), float64(vm.DefaultProfilePeriod))
	require.Greater(t, float64(flat["main.main"])/float64(total), 0.9)
	require.Positive(t, cum["runtime.sysmon"], "the sysmon thread's steps are attributed too")
	require.Equal(t, int64(vm.DefaultProfilePeriod), prof.Period)
}

func TestStepProfileNeedsSymbols(t *testing.T) {
	_, err := vm.NewStepProfile([]byte("not an elf"), 0)
	require.ErrorIs(t, err, vm.ErrBadELF)
}
