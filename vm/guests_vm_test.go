package vm_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/stretchr/testify/require"
)

// guestCase is one stock Go program from testdata/guests.
type guestCase struct {
	name  string
	args  []string
	env   []string
	exit  uint8
	big   bool // hundreds of millions of steps: skipped with -short
	qemu  bool // compare with qemu-mips
	steps uint64
}

var guestCases = []guestCase{
	{name: "hello", qemu: true},
	{name: "args", args: []string{"one", "two words", ""}, env: []string{"AIVM_MODE=test", "AIVM_EMPTY="}, qemu: true},
	{name: "exitcode", exit: 7, qemu: true},
	{name: "panic", exit: 2, qemu: true},
	{name: "stdin", qemu: true},
	{name: "goroutines", qemu: true},
	{name: "timers", qemu: true},
	{name: "sort", qemu: true},
	{name: "json", qemu: true},
	{name: "bigmath", qemu: true},
	{name: "matvec", args: []string{"3"}, qemu: true},
	{name: "gcpressure", qemu: true, big: true},
	{name: "softfloat", qemu: true, big: true},
	{name: "sha256", qemu: true, big: true},
	{name: "flate", qemu: true, big: true},
	// Go turns a nil dereference into a recoverable panic through SIGSEGV;
	// the VM delivers no signals, so by spec (1.7) it is a PANIC fault.
	{name: "nilderef", exit: mips.FaultExitCode},
}

// buildGuest cross-compiles testdata/guests/NAME for linux/mips softfloat.
func buildGuest(t *testing.T, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), name)
	cmd := exec.Command("go", "build", "-o", out, "../testdata/guests/"+name)
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=mips", "GOMIPS=softfloat", "CGO_ENABLED=0")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "build %s: %s", name, msg)
	return out
}

type runResult struct {
	stdout, stderr string
	exit           int
	hash           [32]byte
	steps          uint64
}

func runInVM(t *testing.T, elfPath string, c guestCase) runResult {
	t.Helper()
	elf, err := os.ReadFile(elfPath)
	require.NoError(t, err)
	s, err := vm.LoadELF(elf, append([]string{elfPath}, c.args...), c.env)
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	m := mips.NewVM(s, nil, &stdout, &stderr)
	require.NoError(t, m.Run(t.Context(), 5_000_000_000))
	require.True(t, s.Exited)
	return runResult{stdout.String(), stderr.String(), int(s.ExitCode), s.Hash(), s.Step}
}

func runInQEMU(t *testing.T, elfPath string, c guestCase) runResult {
	t.Helper()
	cmd := exec.Command("qemu-mips", append([]string{elfPath}, c.args...)...)
	cmd.Env = append([]string{}, c.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return runResult{stdout: stdout.String(), stderr: stderr.String(), exit: code}
}

// TestGuests runs every guest to completion twice in the VM (identical final
// state hash and step count: determinism) and compares stdout and the exit
// code with qemu-mips.
func TestGuests(t *testing.T) {
	_, qerr := exec.LookPath("qemu-mips")
	for _, c := range guestCases {
		t.Run(c.name, func(t *testing.T) {
			if c.big && testing.Short() {
				t.Skip("long guest in -short mode")
			}
			t.Parallel()
			elf := buildGuest(t, c.name)
			a := runInVM(t, elf, c)
			b := runInVM(t, elf, c)
			require.Equal(t, int(c.exit), a.exit, "exit code; stderr:\n%s", a.stderr)
			require.Equal(t, a.hash, b.hash, "final state hash differs between runs")
			require.Equal(t, a.steps, b.steps)
			require.Equal(t, a.stdout, b.stdout)
			status := a.hash[0]
			switch c.exit {
			case 0:
				require.Equal(t, byte(mips.StatusValid), status)
			case 1:
				require.Equal(t, byte(mips.StatusInvalid), status)
			default:
				require.Equal(t, byte(mips.StatusPanic), status)
			}
			t.Logf("%s: %d steps, exit %d, state 0x%x", c.name, a.steps, a.exit, a.hash)
			if !c.qemu {
				return
			}
			if qerr != nil {
				t.Skip("qemu-mips not installed")
			}
			q := runInQEMU(t, elf, c)
			require.Equal(t, q.exit, a.exit, "exit code vs qemu")
			require.Equal(t, q.stdout, a.stdout, "stdout vs qemu")
		})
	}
}

// TestHeapArenaBelowMmapRegion guards the brk answer (1.8): Go's 32-bit heap
// arena reservation (a hinted mmap) must not overlap the mmap(0, …) region.
func TestHeapArenaBelowMmapRegion(t *testing.T) {
	elfPath := buildGuest(t, "hello")
	elf, err := os.ReadFile(elfPath)
	require.NoError(t, err)
	s, err := vm.LoadELF(elf, []string{"hello"}, nil)
	require.NoError(t, err)
	m := mips.NewVM(s, nil, nil, nil)
	var hinted, anon int
	var anonEnd uint64 = mips.InitialHeap // mmap(0) hands out [InitialHeap, anonEnd)
	m.OnSyscall(func(e mips.SyscallEvent) {
		if e.Num != mips.SysMmap || e.A3Out != 0 {
			return
		}
		lo, hi := uint64(e.V0Out), uint64(e.V0Out)+uint64(e.A1)
		if e.A0 == 0 {
			anon++
			anonEnd = max(anonEnd, hi)
			return
		}
		hinted++
		// A hint is either outside the mmap region or re-maps (MAP_FIXED)
		// memory that mmap(0) already handed out.
		require.True(t, hi <= mips.InitialHeap || lo >= mips.HeapLimit || hi <= anonEnd,
			"hinted mmap [%#x, %#x) overlaps the mmap region", lo, hi)
	})
	require.NoError(t, m.Run(t.Context(), 10_000_000))
	require.Positive(t, hinted)
	require.Positive(t, anon)
}
