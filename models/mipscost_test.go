package models_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// kernelSymbols are the functions that make up the int8 matvec kernel.
var kernelSymbols = regexp.MustCompile(`models/ops\.(MatVecRows|Dot|dot4)$|^main\.naiveMatVec$`)

// TestMIPSInstructionsPerMAC counts, under qemu-mips, the instructions the
// GOARCH=mips build executes inside the int8 matvec kernel, for two matrix
// sizes, and divides the difference by the difference in multiply-adds (so
// fixed costs cancel). qemu logs every executed instruction (-singlestep -d
// exec,nochain) restricted to the kernel's address range (-dfilter).
// Instruction counts are exact, so this is a regression guard, not a timing.
func TestMIPSInstructionsPerMAC(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles and runs under qemu; skipped in -short mode")
	}
	qemu, err := exec.LookPath("qemu-mips")
	if err != nil {
		t.Skip("qemu-mips not installed (Debian package qemu-user)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tracedump-mips")
	cmd := exec.Command("go", "build", "-o", bin, "./internal/cmd/tracedump")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOARCH=mips", "GOMIPS=softfloat")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)

	nm, err := exec.Command("go", "tool", "nm", "-size", bin).Output()
	require.NoError(t, err)
	var ranges []string
	for _, line := range strings.Split(string(nm), "\n") {
		f := strings.Fields(line)
		if len(f) == 4 && kernelSymbols.MatchString(f[3]) {
			ranges = append(ranges, "0x"+f[0]+"+"+f[1])
		}
	}
	require.NotEmpty(t, ranges, "kernel symbols not found")

	count := func(rows, cols int, extra ...string) int {
		log := filepath.Join(dir, fmt.Sprintf("exec-%d-%d.log", rows, len(extra)))
		qargs := []string{"-singlestep", "-d", "exec,nochain", "-dfilter", strings.Join(ranges, ","), "-D", log,
			bin, "-kernel", "-n", fmt.Sprint(rows), "-k", fmt.Sprint(cols)}
		c := exec.Command(qemu, append(qargs, extra...)...)
		b, err := c.CombinedOutput()
		require.NoError(t, err, "%s", b)
		f, err := os.Open(log)
		require.NoError(t, err)
		defer f.Close()
		n := 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if bytes.HasPrefix(sc.Bytes(), []byte("Trace ")) {
				n++
			}
		}
		require.NoError(t, sc.Err())
		return n
	}
	const k = 784
	small, large := count(32, k), count(64, k)
	perMAC := float64(large-small) / float64(32*k)
	t.Logf("MIPS instructions in the int8 matvec kernel: %d for 32x%d, %d for 64x%d: %.2f per multiply-add", small, k, large, k, perMAC)
	ns, nl := count(32, k, "-naive"), count(64, k, "-naive")
	t.Logf("baseline plain Go loop: %.2f per multiply-add", float64(nl-ns)/float64(32*k))
	require.LessOrEqual(t, perMAC, 8.0)
}
