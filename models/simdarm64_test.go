package models_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOpsUnderQEMUArm64 runs the ops package's tests cross-compiled for
// GOARCH=arm64 under qemu-aarch64, so CI on amd64 checks the NEON kernels
// (ops/simd_arm64.s: dot products, requantization, RMSNorm's sum of
// squares; the fuzz targets' seeds too) against the pure-Go reference:
// once on qemu's
// "max" CPU, which has the dot-product extension (variant neon-sdot),
// and once as a Cortex-A57, which has not (variant neon, SMULL/SADALP).
// Without qemu-aarch64 (Debian qemu-user, make setup) it fails in CI.
func TestOpsUnderQEMUArm64(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles and runs under qemu; skipped in -short mode")
	}
	qemu := requireTool(t, "qemu-aarch64", "qemu-user")
	for _, c := range []struct{ cpu, want, notWant string }{
		{"max", "[go neon-sdot neon]", ""},
		{"cortex-a57", "[go neon]", "neon-sdot"},
	} {
		cmd := exec.Command("go", "test", "-count=1", "-v", "-run", "Backend|MaxK|Matches|SetBackend|Fuzz", "-exec", qemu, "./ops")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=arm64", "QEMU_CPU="+c.cpu)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "QEMU_CPU=%q:\n%s", c.cpu, out)
		require.Contains(t, string(out), "backends on this CPU: "+c.want, "QEMU_CPU=%q", c.cpu)
		if c.notWant != "" {
			require.NotContains(t, string(out), c.notWant)
		}
		require.Contains(t, string(out), "\nok ", "%s", out)
	}
}
