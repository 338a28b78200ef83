package mips_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
)

var (
	matvecOnce sync.Once
	matvecELF  []byte
	matvecErr  error
)

// matvec builds testdata/guests/matvec for linux/mips once per process.
func matvec(b *testing.B) []byte {
	matvecOnce.Do(func() {
		dir, err := os.MkdirTemp("", "aivm-bench")
		if err != nil {
			matvecErr = err
			return
		}
		out := filepath.Join(dir, "matvec")
		cmd := exec.Command("go", "build", "-o", out, "../testdata/guests/matvec")
		cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=mips", "GOMIPS=softfloat", "CGO_ENABLED=0")
		if msg, err := cmd.CombinedOutput(); err != nil {
			matvecErr = err
			b.Logf("%s", msg)
			return
		}
		matvecELF, matvecErr = os.ReadFile(out)
	})
	if matvecErr != nil {
		b.Skipf("cannot build the matvec guest: %v", matvecErr)
	}
	return matvecELF
}

// cpuSeconds is the process CPU time (user+system). On a shared machine it
// is a steadier speed measure than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// BenchmarkRunMatvec measures the witness-free fast path on the int8 256x256
// matvec guest with 20 rounds (about 19 M steps per run). steps/s is wall
// time; steps/cpu-s divides by process CPU time instead.
func BenchmarkRunMatvec(b *testing.B) {
	elf := matvec(b)
	var steps uint64
	var cpu float64
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, err := vm.LoadELF(elf, []string{"matvec", "20"}, nil)
		if err != nil {
			b.Fatal(err)
		}
		m := mips.NewVM(s, nil, nil, nil)
		b.StartTimer()
		c0 := cpuSeconds()
		if err := m.Run(b.Context(), 1<<40); err != nil {
			b.Fatal(err)
		}
		cpu += cpuSeconds() - c0
		if s.ExitCode != 0 {
			b.Fatalf("exit %d", s.ExitCode)
		}
		steps += s.Step
	}
	b.ReportMetric(float64(steps)/b.Elapsed().Seconds(), "steps/s")
	b.ReportMetric(float64(steps)/cpu, "steps/cpu-s")
	b.ReportMetric(float64(steps)/float64(b.N), "steps/op")
}

// matvecInLoop returns a VM 3 M steps into the matvec guest: inside the
// matrix loop, with 529 pages live, where the witness benchmarks measure.
func matvecInLoop(b *testing.B) *mips.VM {
	b.Helper()
	elf := matvec(b)
	s, err := vm.LoadELF(elf, []string{"matvec", "1000"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	m := mips.NewVM(s, nil, nil, nil)
	if err := m.Run(b.Context(), 3_000_000); err != mips.ErrStepLimit {
		b.Fatal(err)
	}
	return m
}

// BenchmarkStepWithProof measures one step with its witness in the middle of
// the matvec guest (after 3 M steps: inside the matrix loop, 529 pages live).
func BenchmarkStepWithProof(b *testing.B) {
	m := matvecInLoop(b)
	m.State().Hash() // start from clean hashes
	var bytes int
	b.ResetTimer()
	for b.Loop() {
		w, err := m.Step(true)
		if err != nil {
			b.Fatal(err)
		}
		bytes += w.Size()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/step")
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes/witness")
}

// BenchmarkVerifyStep measures the stateless Go verifier on matvec witnesses.
func BenchmarkVerifyStep(b *testing.B) {
	m := matvecInLoop(b)
	ws := make([]*mips.StepWitness, 256)
	for i := range ws {
		var err error
		if ws[i], err = m.Step(true); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := mips.VerifyStep(ws[i%len(ws)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
