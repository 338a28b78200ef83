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
var kernelSymbols = regexp.MustCompile(`models/ops\.(MatVecRows|Dot|dot4|dot4Go|dot4x8)$|^main\.naiveMatVec$`)

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
	qemu := requireTool(t, "qemu-mips", "qemu-user")
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
		require.Positive(t, n, "qemu logged no instruction in the kernel's address range %v (the filter counts nothing)", ranges)
		return n
	}
	const k = 784
	small, large := count(32, k), count(64, k)
	require.Greater(t, large, small, "twice the rows executes more kernel instructions")
	perMAC := float64(large-small) / float64(32*k)
	t.Logf("MIPS instructions in the int8 matvec kernel: %d for 32x%d, %d for 64x%d: %.2f per multiply-add", small, k, large, k, perMAC)
	ns, nl := count(32, k, "-naive"), count(64, k, "-naive")
	require.Greater(t, nl, ns, "twice the rows executes more baseline instructions")
	t.Logf("baseline plain Go loop: %.2f per multiply-add", float64(nl-ns)/float64(32*k))
	require.LessOrEqual(t, perMAC, 8.0)
}

// softFloat matches the runtime routines GOMIPS=softfloat code calls for
// every float operation.
var softFloat = regexp.MustCompile(`jal\s+[0-9a-f]+ <runtime\.(f(add|sub|mul|div|neg|cmp|eq|gt|ge)(32|64)|f(32|64)to[a-z0-9]+|f(int|uint)(32|64)?to(32|64))>`)

// guestSafe are the packages the VM guest links; none may do float math.
var guestSafe = regexp.MustCompile(`^<github\.com/aivm-dev/aivm/models/(merkle|tensor|ops|graph|kernel)\.`)

// TestMIPSIntegerPathHasNoFloat disassembles the GOARCH=mips softfloat build
// of tracedump (which runs graph.RunNode, the executor and kernel.Check) and
// requires that no function of the guest-safe packages calls a soft-float
// routine, while the Go runtime's own float code is found (the detector
// works).
func TestMIPSIntegerPathHasNoFloat(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles; skipped in -short mode")
	}
	objdump := requireTool(t, "mips-linux-gnu-objdump", "binutils-mips-linux-gnu")
	bin := filepath.Join(t.TempDir(), "tracedump-mips")
	cmd := exec.Command("go", "build", "-o", bin, "./internal/cmd/tracedump")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOARCH=mips", "GOMIPS=softfloat")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	dis, err := exec.Command(objdump, "-d", bin).Output()
	require.NoError(t, err)
	fn, guestFuncs, runtimeHits := "", 0, 0
	var offenders []string
	for _, line := range strings.Split(string(dis), "\n") {
		if strings.HasSuffix(line, ">:") {
			if i := strings.IndexByte(line, '<'); i >= 0 {
				fn = line[i:]
				if guestSafe.MatchString(fn) {
					guestFuncs++
				}
			}
			continue
		}
		if !softFloat.MatchString(line) {
			continue
		}
		if guestSafe.MatchString(fn) {
			offenders = append(offenders, fn)
		} else if strings.HasPrefix(fn, "<runtime.") {
			runtimeHits++
		}
	}
	t.Logf("%d functions of the guest-safe packages checked; %d soft-float calls found in the runtime", guestFuncs, runtimeHits)
	require.Greater(t, guestFuncs, 50)
	require.Greater(t, runtimeHits, 0, "detector found no soft-float calls at all")
	require.Empty(t, offenders, "float math in the integer path")
}

// TestOpsUnderQEMU runs the ops package's own tests cross-compiled for
// GOARCH=mips, where dot4 is the hand-written assembly kernel
// (ops/dot4_mips.s), under qemu-mips: TestDot4MatchesScalar and the matvec
// tests then check the guest's kernel against scalar Go arithmetic.
func TestOpsUnderQEMU(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles and runs under qemu; skipped in -short mode")
	}
	qemu := requireTool(t, "qemu-mips", "qemu-user")
	cmd := exec.Command("go", "test", "-count=1", "-exec", qemu, "./ops")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=mips", "GOMIPS=softfloat")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "ok", "%s", out)
}
