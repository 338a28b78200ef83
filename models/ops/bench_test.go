package ops_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aivm-dev/aivm/models/ops"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// Shapes: the Fashion-MNIST first layer, a tiny-llama projection and a
// square 1024 block. Run with:
//
//	go test ./models/ops -run '^$' -bench . -benchtime 2s
var shapes = []struct{ m, n, k int }{{1, 256, 784}, {64, 256, 784}, {1, 1024, 1024}, {128, 1024, 1024}}

// cpuTime is the process's user+system CPU time: dividing work by it gives
// a per-core rate that other load on the machine does not distort.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// report records wall-clock and per-CPU-second multiply-add rates.
func report(b *testing.B, macs float64, cpu0 time.Duration) {
	b.ReportMetric(macs/b.Elapsed().Seconds()/1e9, "GMAC/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(macs/cpu.Seconds()/1e9, "GMAC/cpu-s")
	}
}

func randI8(n int) []int8 {
	r := rand.New(rand.NewPCG(uint64(n), 1))
	x := make([]int8, n)
	for i := range x {
		x[i] = int8(r.IntN(256))
	}
	return x
}

// parallel splits [0, n) over workers goroutines (the executor's strategy).
func parallel(workers, n int, f func(lo, hi int)) {
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		lo, hi := n*i/workers, n*(i+1)/workers
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}

func BenchmarkInt8(b *testing.B) {
	for _, s := range shapes {
		for _, workers := range []int{1, runtime.NumCPU()} {
			b.Run(fmt.Sprintf("m%d_n%d_k%d/cores%d", s.m, s.n, s.k, workers), func(b *testing.B) {
				x, w := randI8(s.m*s.k), randI8(s.n*s.k)
				out := make([]int32, s.m*s.n)
				b.ResetTimer()
				cpu0 := cpuTime()
				for range b.N {
					if s.m == 1 {
						parallel(workers, s.n, func(lo, hi int) { ops.MatVecRows(out, x, w, nil, s.k, lo, hi) })
					} else {
						parallel(workers, s.m, func(lo, hi int) { ops.MatMulRows(out, x, w, nil, s.n, s.k, lo, hi) })
					}
				}
				report(b, float64(s.m*s.n*s.k)*float64(b.N), cpu0)
			})
		}
	}
}

// BenchmarkGonumFloat64 is the float64 reference on the same shapes
// (gonum's pure-Go Dgemm, which parallelises internally).
func BenchmarkGonumFloat64(b *testing.B) {
	for _, s := range shapes {
		b.Run(fmt.Sprintf("m%d_n%d_k%d", s.m, s.n, s.k), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 1))
			mk := func(rows, cols int) blas64.General {
				d := make([]float64, rows*cols)
				for i := range d {
					d[i] = r.Float64()
				}
				return blas64.General{Rows: rows, Cols: cols, Stride: cols, Data: d}
			}
			x, w, c := mk(s.m, s.k), mk(s.n, s.k), mk(s.m, s.n)
			b.ResetTimer()
			cpu0 := cpuTime()
			for range b.N {
				blas64.Gemm(blas.NoTrans, blas.Trans, 1, x, w, 0, c)
			}
			report(b, float64(s.m*s.n*s.k)*float64(b.N), cpu0)
		})
	}
}

// BenchmarkBackends runs the issue-15 target shapes on one goroutine under
// each backend: matmul 1024x1024x1024 and matvec 4096x11008 (the LLaMA-7B
// FFN projection; its 45 MB of weights stream from memory). Run with:
//
//	go test ./models/ops -run '^$' -bench 'Backends|StreamCopy' -benchtime 3x
func BenchmarkBackends(b *testing.B) {
	prev := ops.Backend()
	defer func() { _ = ops.SetBackend(prev) }()
	cases := []struct {
		name    string
		m, n, k int
	}{{"matmul_1024x1024x1024", 1024, 1024, 1024}, {"matvec_4096x11008", 1, 11008, 4096}}
	for _, c := range cases {
		x, w := randI8(c.m*c.k), randI8(c.n*c.k)
		out := make([]int32, c.m*c.n)
		for _, backend := range ops.Backends() {
			b.Run(c.name+"/"+backend, func(b *testing.B) {
				if err := ops.SetBackend(backend); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(w)))
				cpu0 := cpuTime()
				for range b.N {
					if c.m == 1 {
						ops.MatVecRows(out, x, w, nil, c.k, 0, c.n)
					} else {
						ops.MatMulRows(out, x, w, nil, c.n, c.k, 0, c.m)
					}
				}
				report(b, float64(c.m*c.n*c.k)*float64(b.N), cpu0)
			})
		}
	}
}

// BenchmarkStreamCopy is the STREAM-like copy the matvec figure compares
// with: 64 MB copied per iteration on one goroutine; MB/s counts bytes
// read plus bytes written.
func BenchmarkStreamCopy(b *testing.B) {
	src, dst := make([]byte, 64<<20), make([]byte, 64<<20)
	for i := range src {
		src[i] = byte(i)
	}
	copy(dst, src)
	b.SetBytes(2 * int64(len(src)))
	b.ResetTimer()
	for range b.N {
		copy(dst, src)
	}
}
