package models_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/testenv"
)

// The determinism evidence the protocol depends on: every built-in model
// must produce identical per-node commitments and graph states on native
// amd64 (one core and all cores), amd64 built with GOAMD64=v3 (FMA, AVX2),
// linux/mips softfloat under qemu-mips and linux/arm64 under qemu-aarch64.
// Each variant is a separately compiled tracedump binary.
func TestDeterminismAcrossPlatforms(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles and runs under qemu; skipped in -short mode")
	}
	dir := t.TempDir()
	build := func(name string, env ...string) string {
		out := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-o", out, "./internal/cmd/tracedump")
		cmd.Env = append(os.Environ(), append([]string{"CGO_ENABLED=0"}, env...)...)
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "build %s: %s", name, b)
		return out
	}
	args := []string{"-samples", "0,3,7"}
	run := func(env []string, bin string, extra ...string) string {
		cmd := exec.Command(bin, append(append([]string{}, args...), extra...)...)
		cmd.Env = append(os.Environ(), env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		require.NoError(t, err, "%s: %s", bin, stderr.String())
		return string(out)
	}
	native := build("native")
	ref := run([]string{"GOMAXPROCS=1"}, native, "-workers", "1")
	lines := strings.Count(ref, "\n")
	require.Greater(t, lines, 100, "dump too short:\n%s", ref)
	require.Contains(t, ref, "fashion-mnist 7 node 5 ")
	require.Contains(t, ref, "tiny-llama 7 node ")
	require.Contains(t, ref, "tiny-llama 7 check 41 valid=true")
	require.Contains(t, ref, "text-llama 7 check 78 valid=true", "text-llama's last node, the sample op")
	require.NotContains(t, ref, "valid=false")
	t.Logf("reference dump: %d lines", lines)

	variants := map[string]func() string{
		"amd64 all cores": func() string {
			return run(nil, native, "-workers", strconv.Itoa(max(2, runtime.NumCPU())))
		},
	}
	if runtime.GOARCH == "amd64" {
		variants["amd64 GOAMD64=v3"] = func() string {
			if !cpuHasV3() {
				t.Log("CPU lacks x86-64-v3 features; GOAMD64=v3 binary not run")
				return ref
			}
			return run(nil, build("v3", "GOARCH=amd64", "GOAMD64=v3"))
		}
	}
	for _, q := range []struct{ name, qemu, env string }{
		{"mips softfloat (qemu-mips)", "qemu-mips", "GOARCH=mips GOMIPS=softfloat"},
		{"arm64 (qemu-aarch64)", "qemu-aarch64", "GOARCH=arm64"},
	} {
		variants[q.name] = func() string {
			qemu := requireTool(t, q.qemu, "qemu-user")
			bin := build(strings.Fields(q.env)[0], strings.Fields(q.env)...)
			cmd := exec.Command(qemu, append([]string{bin}, args...)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			require.NoError(t, err, "%s: %s", q.name, stderr.String())
			return string(out)
		}
	}
	for name, f := range variants {
		t.Run(name, func(t *testing.T) {
			got := f()
			if got != ref {
				a, b := strings.Split(ref, "\n"), strings.Split(got, "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Fatalf("%s diverges at line %d:\n native: %s\n %s: %s", name, i+1, a[i], name, b[i])
					}
				}
				t.Fatalf("%s: %d lines, native %d", name, len(b), len(a))
			}
		})
	}
}

// cpuHasV3 reports whether the CPU can run GOAMD64=v3 binaries.
func cpuHasV3() bool {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return false
	}
	for _, f := range []string{" avx2", " bmi2", " fma", " movbe"} {
		if !bytes.Contains(b, []byte(f)) {
			return false
		}
	}
	return true
}

// requireTool finds a cross-platform tool the determinism evidence needs
// (testenv.RequireTool: a skip locally, a failure in CI, where `make setup`
// installs it and a silent skip would drop the evidence).
func requireTool(t *testing.T, name, debianPkg string) string {
	t.Helper()
	return testenv.RequireTool(t, "Debian package "+debianPkg+", make setup", name)
}
