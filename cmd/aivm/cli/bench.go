package cli

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/aivm-dev/aivm/models/ops"
)

func init() {
	cmd := &cobra.Command{Use: "bench", Short: "Measure the executors side by side"}
	cmd.AddCommand(benchOpsCmd())
	Root.AddCommand(cmd)
}

// OpsBencher is one GPU (or other accelerator) backend for `aivm bench ops`:
// it runs the int8 product out[i,j] = sum_k x[i,k]*w[j,k] (x [m,k], w
// [n,k], out [m,n] int32) on its device and returns when out is on the host.
type OpsBencher interface {
	// Label names the device, e.g. "gpu NVIDIA H200" or "pocl (CPU OpenCL)".
	Label() string
	MatMul(out []int32, x, w []int8, m, n, k int) error
	Close()
}

// OpsBenchers is the hook of the GPU executor (issue 15.2): its package
// sets it, from an init in a file of this package, to a function that
// opens the devices present. While it is nil, `aivm bench ops` prints no
// GPU row and says so; it never makes one up.
var OpsBenchers func() ([]OpsBencher, error)

// benchRow is one row of `aivm bench ops`. GMACs is the row's total rate
// (all its threads, wall clock); CPUGMACs divides by the CPU seconds the
// process used instead, the per-core rate other load does not distort.
type benchRow struct {
	Backend  string  `json:"backend"`
	Op       string  `json:"op"`
	Shape    string  `json:"shape"`
	Threads  int     `json:"threads"`
	GMACs    float64 `json:"gmac_s"`
	CPUGMACs float64 `json:"cpu_gmac_s,omitempty"`
	GBs      float64 `json:"gb_s,omitempty"` // matvec: weight bytes per second
	BitExact bool    `json:"bit_exact"`
}

type benchReport struct {
	CPU         string     `json:"cpu"`
	Backends    []string   `json:"ops_backends"`
	MemGBs      float64    `json:"mem_bandwidth_gb_s"`
	GPU         string     `json:"gpu"`
	MinTimeSecs float64    `json:"min_time_s"`
	Rows        []benchRow `json:"rows"`
}

type benchShape struct {
	op      string
	m, n, k int
}

func (s benchShape) String() string {
	if s.op == "matvec" {
		return fmt.Sprintf("%dx%d", s.k, s.n)
	}
	return fmt.Sprintf("%dx%dx%d", s.m, s.n, s.k)
}

func benchOpsCmd() *cobra.Command {
	var asJSON, quick bool
	var minTime time.Duration
	c := &cobra.Command{
		Use:   "ops",
		Short: "int8 matmul/matvec on every backend (pure Go, SIMD, GPU) and gonum float32/float64",
		Long: `Runs matmul 1024x1024x1024 and matvec 4096x11008 (int8, int32 sums) on the
pure-Go reference and every SIMD variant of this CPU, on one thread and on all
of them, on the GPU backends when present, and gonum's float32 and float64
Gemm/Gemv as the float yardstick. Each row says whether its result equals the
pure-Go reference bit for bit (floats: rounded to integers). A STREAM-like
copy gives the memory bandwidth the matvec rows compare with.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			shapes := []benchShape{{"matmul", 1024, 1024, 1024}, {"matvec", 1, 11008, 4096}}
			if quick {
				shapes = []benchShape{{"matmul", 48, 96, 200}, {"matvec", 1, 300, 520}}
			}
			rep, err := runBenchOps(shapes, minTime)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), rep)
			}
			printBenchOps(cmd, rep)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object (the last line)")
	c.Flags().BoolVar(&quick, "quick", false, "small shapes (a smoke test, not a measurement)")
	c.Flags().DurationVar(&minTime, "min-time", time.Second, "time each row for at least this long; the best repetition counts")
	return c
}

// cpuSeconds is the process's user+system CPU time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// timeBest runs f until minTime has passed (at least twice) and returns the
// best wall time of one run and the CPU seconds of that run.
func timeBest(minTime time.Duration, f func()) (wall, cpu float64) {
	start := time.Now()
	wall = math.Inf(1)
	for runs := 0; runs < 2 || time.Since(start) < minTime; runs++ {
		c0, t0 := cpuSeconds(), time.Now()
		f()
		if w := time.Since(t0).Seconds(); w < wall {
			wall, cpu = w, cpuSeconds()-c0
		}
	}
	return wall, cpu
}

// splitRows runs f over [0, n) in `threads` contiguous ranges, the graph
// executor's strategy.
func splitRows(threads, n int, f func(lo, hi int)) {
	if threads <= 1 || n < threads {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for i := range threads {
		lo, hi := n*i/threads, n*(i+1)/threads
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}

// copyBench is a STREAM-like copy of 64 MiB on one goroutine, the
// yardstick of the matvec rows: like the 45 MB matvec weights it is larger
// than the last-level cache.
type copyBench struct{ src, dst []byte }

func newCopyBench() *copyBench {
	c := &copyBench{src: make([]byte, 64<<20), dst: make([]byte, 64<<20)}
	for i := range c.src {
		c.src[i] = byte(i)
	}
	return c
}

// gbs is bytes read plus bytes written per second, best of the runs of
// minTime, in GB/s.
func (c *copyBench) gbs(minTime time.Duration) float64 {
	wall, _ := timeBest(minTime, func() { copy(c.dst, c.src) })
	return 2 * float64(len(c.src)) / wall / 1e9
}

func randInt8s(r *rand.Rand, n int) []int8 {
	x := make([]int8, n)
	for i := range x {
		x[i] = int8(r.Uint32())
	}
	return x
}

func runBenchOps(shapes []benchShape, minTime time.Duration) (*benchReport, error) {
	prev := ops.Backend()
	defer func() { _ = ops.SetBackend(prev) }()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	all := runtime.NumCPU()
	threads := []int{1}
	if all > 1 {
		threads = append(threads, all)
	}
	rep := &benchReport{Backends: ops.Backends(), MinTimeSecs: minTime.Seconds(), GPU: "none: no GPU backend is wired into aivm bench ops yet (cli.OpsBenchers)"}
	rep.CPU = cpuName()
	// The copy runs at the start and again right before each one-thread
	// matvec row, back to back with it; the best of all is the figure
	// (the highest yardstick: load on a shared machine only lowers it).
	cb := newCopyBench()
	rep.MemGBs = cb.gbs(minTime)
	var gpus []OpsBencher
	if OpsBenchers != nil {
		var err error
		if gpus, err = OpsBenchers(); err != nil {
			rep.GPU = "unavailable: " + err.Error()
		} else {
			var labels []string
			for _, g := range gpus {
				defer g.Close()
				labels = append(labels, g.Label())
			}
			rep.GPU = fmt.Sprint(labels)
		}
	}
	r := rand.New(rand.NewPCG(15, 1))
	for _, s := range shapes {
		x, w := randInt8s(r, s.m*s.k), randInt8s(r, s.n*s.k)
		macs := float64(s.m) * float64(s.n) * float64(s.k)
		row := func(backend string, th int, wall, cpu float64, exact bool) {
			br := benchRow{Backend: backend, Op: s.op, Shape: s.String(), Threads: th, GMACs: macs / wall / 1e9, BitExact: exact}
			if cpu > 0 {
				br.CPUGMACs = macs / cpu / 1e9
			}
			if s.op == "matvec" {
				br.GBs = float64(len(w)) / wall / 1e9
			}
			rep.Rows = append(rep.Rows, br)
		}
		// The reference: the pure-Go backend, on every thread.
		if err := ops.SetBackend(ops.BackendGo); err != nil {
			return nil, err
		}
		ref := make([]int32, s.m*s.n)
		intProduct(ref, x, w, s, all)
		out := make([]int32, s.m*s.n)
		for _, backend := range rep.Backends {
			if err := ops.SetBackend(backend); err != nil {
				return nil, err
			}
			for _, th := range threads {
				runtime.GOMAXPROCS(th)
				if s.op == "matvec" && th == 1 {
					rep.MemGBs = max(rep.MemGBs, cb.gbs(minTime))
				}
				clear(out)
				wall, cpu := timeBest(minTime, func() { intProduct(out, x, w, s, th) })
				row(backend, th, wall, cpu, slices.Equal(out, ref))
			}
		}
		runtime.GOMAXPROCS(all)
		for _, g := range gpus {
			clear(out)
			var err error
			wall, cpu := timeBest(minTime, func() {
				if e := g.MatMul(out, x, w, s.m, s.n, s.k); e != nil {
					err = e
				}
			})
			if err != nil {
				return nil, fmt.Errorf("%s: %w", g.Label(), err)
			}
			th := 1 // a GPU: the one host thread that drives it
			if t, ok := g.(interface{ Threads() int }); ok {
				th = t.Threads() // a CPU device (pocl) runs on its own threads
			}
			row(g.Label(), th, wall, cpu, slices.Equal(out, ref))
		}
		for _, th := range threads {
			runtime.GOMAXPROCS(th)
			wall, cpu, exact := gonum32(x, w, s, ref, minTime)
			row("gonum-float32", th, wall, cpu, exact)
			wall, cpu, exact = gonum64(x, w, s, ref, minTime)
			row("gonum-float64", th, wall, cpu, exact)
		}
		runtime.GOMAXPROCS(all)
	}
	return rep, nil
}

// intProduct is the graph executor's int8 product on the active backend.
func intProduct(out []int32, x, w []int8, s benchShape, threads int) {
	if s.op == "matvec" {
		splitRows(threads, s.n, func(lo, hi int) { ops.MatVecRows(out, x, w, nil, s.k, lo, hi) })
		return
	}
	splitRows(threads, s.m, func(lo, hi int) { ops.MatMulRows(out, x, w, nil, s.n, s.k, lo, hi) })
}

// roundsTo reports whether every float result rounds to the reference.
func roundsTo[F float32 | float64](got []F, ref []int32) bool {
	for i, v := range got {
		if math.Round(float64(v)) != float64(ref[i]) {
			return false
		}
	}
	return true
}

// gonum32 times gonum's float32 Gemm (matvec: Gemv) on the int8 data
// converted to float32; gonum parallelises internally up to GOMAXPROCS.
func gonum32(x, w []int8, s benchShape, ref []int32, minTime time.Duration) (wall, cpu float64, exact bool) {
	xf, wf := toFloat[float32](x), toFloat[float32](w)
	out := make([]float32, s.m*s.n)
	wall, cpu = timeBest(minTime, func() {
		a := blas32.General{Rows: s.n, Cols: s.k, Stride: s.k, Data: wf}
		if s.op == "matvec" {
			blas32.Gemv(blas.NoTrans, 1, a, blas32.Vector{N: s.k, Data: xf, Inc: 1}, 0, blas32.Vector{N: s.n, Data: out, Inc: 1})
			return
		}
		blas32.Gemm(blas.NoTrans, blas.Trans, 1, blas32.General{Rows: s.m, Cols: s.k, Stride: s.k, Data: xf}, a, 0, blas32.General{Rows: s.m, Cols: s.n, Stride: s.n, Data: out})
	})
	return wall, cpu, roundsTo(out, ref)
}

// gonum64 is gonum32 in float64 (exact here: every sum is below 2^53).
func gonum64(x, w []int8, s benchShape, ref []int32, minTime time.Duration) (wall, cpu float64, exact bool) {
	xf, wf := toFloat[float64](x), toFloat[float64](w)
	out := make([]float64, s.m*s.n)
	wall, cpu = timeBest(minTime, func() {
		a := blas64.General{Rows: s.n, Cols: s.k, Stride: s.k, Data: wf}
		if s.op == "matvec" {
			blas64.Gemv(blas.NoTrans, 1, a, blas64.Vector{N: s.k, Data: xf, Inc: 1}, 0, blas64.Vector{N: s.n, Data: out, Inc: 1})
			return
		}
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, blas64.General{Rows: s.m, Cols: s.k, Stride: s.k, Data: xf}, a, 0, blas64.General{Rows: s.m, Cols: s.n, Stride: s.n, Data: out})
	})
	return wall, cpu, roundsTo(out, ref)
}

func toFloat[F float32 | float64](x []int8) []F {
	f := make([]F, len(x))
	for i, v := range x {
		f[i] = F(v)
	}
	return f
}

func printBenchOps(cmd *cobra.Command, rep *benchReport) {
	w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "backend\top\tshape\tthreads\tGMAC/s\tGMAC/cpu-s\tGB/s\tbit-exact")
	for _, r := range rep.Rows {
		gbs := ""
		if r.GBs > 0 {
			gbs = fmt.Sprintf("%.1f", r.GBs)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%.2f\t%.2f\t%s\t%v\n", r.Backend, r.Op, r.Shape, r.Threads, r.GMACs, r.CPUGMACs, gbs, r.BitExact)
	}
	_ = w.Flush()
	fmt.Fprintf(cmd.OutOrStdout(), "memory bandwidth (STREAM-like copy, 1 thread): %.1f GB/s\ncpu: %s; ops backends: %v\ngpu: %s\n", rep.MemGBs, rep.CPU, rep.Backends, rep.GPU)
}

// cpuName is the model name of /proc/cpuinfo, or "" where there is none.
func cpuName() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
