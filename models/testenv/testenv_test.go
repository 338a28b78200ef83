package testenv_test

import (
	"errors"
	"testing"

	"github.com/aivm-dev/aivm/models/testenv"
)

func TestInCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "0": false, "false": false, "true": true, "1": true, "yes": true} {
		t.Setenv("CI", v)
		if got := testenv.InCI(); got != want {
			t.Errorf("CI=%q: InCI %v, want %v", v, got, want)
		}
	}
}

// outcome runs f on a fresh test and reports whether it skipped or failed.
func outcome(f func(t testing.TB)) (skipped, failed bool) {
	done := make(chan struct{})
	ft := &fakeT{}
	go func() {
		defer close(done)
		defer func() { _ = recover() }()
		f(ft)
	}()
	<-done
	return ft.skipped, ft.failed
}

// fakeT records Skip and Fatal (each stops the test like testing.T does).
type fakeT struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Skipf(string, ...any)  { f.skipped = true; panic("skip") }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true; panic("fatal") }

// TestRequireSkipsLocallyFailsInCI: a missing tool or a failed build skips
// a test on a developer machine and fails it in CI.
func TestRequireSkipsLocallyFailsInCI(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		skipped, failed := outcome(func(t testing.TB) { testenv.RequireTool(t, "nowhere", "no-such-tool", "nor-this") })
		if skipped != (ci == "") || failed != (ci != "") {
			t.Errorf("CI=%q, missing tool: skipped %v failed %v", ci, skipped, failed)
		}
		skipped, failed = outcome(func(t testing.TB) { testenv.Require(t, "geth build", errors.New("go install failed")) })
		if skipped != (ci == "") || failed != (ci != "") {
			t.Errorf("CI=%q, failed build: skipped %v failed %v", ci, skipped, failed)
		}
		skipped, failed = outcome(func(t testing.TB) { testenv.Require(t, "node", nil) })
		if skipped || failed {
			t.Errorf("CI=%q, no error: skipped %v failed %v", ci, skipped, failed)
		}
	}
}

// TestRequireToolFindsTheFirstPresent: the first name found on PATH is
// returned; a missing one before it does not matter.
func TestRequireToolFindsTheFirstPresent(t *testing.T) {
	if p := testenv.RequireTool(t, "coreutils", "no-such-tool", "sh"); p == "" {
		t.Fatal("sh not found")
	}
}
