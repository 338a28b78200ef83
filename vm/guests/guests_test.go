package guests

import (
	"bytes"
	"context"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/aivm-dev/aivm/models/testenv"
)

// -update regenerates expected.json from qemu. It runs each guest three
// times and refuses to write a golden whose output differs between runs,
// which is how the corpus is kept deterministic.
var update = flag.Bool("update", false, "regenerate testdata/guests/*/expected.json from qemu-mips")

// defaults holds the run configuration used when a guest has no
// expected.json yet (only relevant with -update).
var defaults = map[string]Expectation{
	"matvec":   {Args: []string{"3"}},
	"args":     {Args: []string{"one", "two words", ""}, Env: map[string]string{"AIVM_MODE": "test", "AIVM_EMPTY": ""}},
	"nilderef": {NeedsSignals: true},
}

func TestGuestsUnderQEMU(t *testing.T) {
	testenv.RequireTool(t, "Debian package qemu-user, make setup", "qemu-mips")
	names := List()
	if len(names) < 15 {
		t.Fatalf("expected at least 15 guests, found %v", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			elf, err := Build(name)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Expected(name)
			if err != nil {
				if !*update {
					t.Fatal(err)
				}
				want = defaults[name]
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			runs := 1
			if *update {
				runs = 3
			}
			var stdout, stderr []byte
			var code int
			for i := 0; i < runs; i++ {
				o, e, c, err := RunQEMUEnv(ctx, elf, want.Args, want.EnvList())
				if err != nil {
					t.Fatal(err)
				}
				if i > 0 && (!bytes.Equal(o, stdout) || c != code) {
					t.Fatalf("nondeterministic guest: run %d differs\nfirst:\n%s\nnow:\n%s", i+1, stdout, o)
				}
				stdout, stderr, code = o, e, c
			}
			if *update {
				want.Stdout, want.ExitCode = string(stdout), code
				if want.Args == nil {
					want.Args = []string{}
				}
				if code != 0 && want.StderrContains == "" {
					want.StderrContains = firstLine(stderr)
				}
				if err := WriteExpected(name, want); err != nil {
					t.Fatal(err)
				}
				return
			}
			if code != want.ExitCode {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, want.ExitCode, stderr)
			}
			if string(stdout) != want.Stdout {
				t.Errorf("stdout mismatch\n got:\n%s\nwant:\n%s", stdout, want.Stdout)
			}
			if !strings.Contains(string(stderr), want.StderrContains) {
				t.Errorf("stderr does not contain %q:\n%s", want.StderrContains, stderr)
			}
		})
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

func TestListAndExpected(t *testing.T) {
	names := List()
	for _, want := range []string{"hello", "matvec", "panic", "exitcode", "stdin"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("guest %q missing from List() = %v", want, names)
		}
	}
	if _, err := Expected("no-such-guest"); err == nil {
		t.Error("Expected on a missing guest should fail")
	}
}

func TestBuildCaches(t *testing.T) {
	t.Setenv("AIVM_GUEST_CACHE", t.TempDir())
	a, err := Build("hello")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build("hello")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatalf("second Build returned a different path: %s vs %s", a, b)
	}
}
