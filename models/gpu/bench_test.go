package gpu

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/stretchr/testify/require"
)

// BenchmarkCopy measures the device's copy bandwidth (bytes read plus
// written per second) over 256 MiB: the yardstick for the matvec.
func BenchmarkCopy(b *testing.B) {
	x := newExec(b)
	d := x.dev
	const n = 64 << 20 // ints
	src, err := d.alloc(4 * n)
	require.NoError(b, err)
	dst, err := d.alloc(4 * n)
	require.NoError(b, err)
	defer src.release()
	defer dst.release()
	run := func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		require.NoError(b, d.launch("copy_i32", []int{roundUp(n/4, d.ewLocal)}, []int{d.ewLocal}, src, dst, int64(n/4)))
		require.NoError(b, d.finish())
	}
	run()
	b.ResetTimer()
	for range b.N {
		run()
	}
	b.ReportMetric(float64(8*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
}

// BenchmarkMatVec4096x11008 is LLaMA-7B's FFN up-projection: 11008 rows of
// 4096 int8 weights (45 MB), weights resident, one row of activations.
// GB/s counts the weight bytes read per second.
func BenchmarkMatVec4096x11008(b *testing.B) {
	const rows, k = 11008, 4096
	g := newGen(1)
	xv, w, bias := g.i8(k), g.i8(rows, k), g.i32(1000, rows)
	n := node(graph.OpMatMulAcc)
	for _, variant := range []struct {
		name  string
		group bool
	}{{"item", false}, {"group", true}} {
		b.Run(variant.name, func(b *testing.B) {
			x := newExec(b)
			x.SetMatVecGroup(variant.group)
			for _, t := range []*tensor.Tensor{xv, w, bias} {
				require.NoError(b, x.Pin(t))
			}
			want, err := graph.RunNode(n, []*tensor.Tensor{xv, w, bias})
			require.NoError(b, err)
			got, err := x.RunNode(n, []*tensor.Tensor{xv, w, bias})
			require.NoError(b, err)
			require.Equal(b, want.I32, got.I32)
			x.EndRun()
			b.ResetTimer()
			for range b.N {
				if _, err := x.RunNode(n, []*tensor.Tensor{xv, w, bias}); err != nil {
					b.Fatal(err)
				}
				x.EndRun()
			}
			s := b.Elapsed().Seconds()
			b.ReportMetric(float64(rows*k)*float64(b.N)/s/1e9, "GB/s")
			b.ReportMetric(float64(rows*k)*float64(b.N)/s/1e9, "GMAC/s")
		})
	}
}

// BenchmarkStep7B is one forward step (Forward: device-resident, only the
// outputs read back) of a synthetic LLaMA-7B-shaped model at the last
// position of its context. AIVM_GPU_BENCH_PRESET (default 7b) and
// AIVM_GPU_BENCH_LAYERS (default 1) choose the model; the K/V caches are
// pinned on the device as a decoding session would keep them.
func BenchmarkStep7B(b *testing.B) {
	preset, layers := os.Getenv("AIVM_GPU_BENCH_PRESET"), 1
	if preset == "" {
		preset = "7b"
	}
	if v, err := strconv.Atoi(os.Getenv("AIVM_GPU_BENCH_LAYERS")); err == nil && v > 0 {
		layers = v
	}
	x := newExec(b)
	dir := b.TempDir()
	t0 := time.Now()
	_, err := llama.Synth(llama.SynthSpec{Preset: preset, Layers: layers, Seed: 1}, dir, nil)
	require.NoError(b, err)
	sm, err := llama.OpenSynth(dir)
	require.NoError(b, err)
	defer sm.Close()
	in, err := sm.Sample(0)
	require.NoError(b, err)
	for _, w := range sm.Weights {
		require.NoError(b, x.Pin(w))
	}
	for _, c := range in[2:] {
		require.NoError(b, x.Pin(c))
	}
	b.Logf("%s, %d layers: synthesized and uploaded in %v", preset, layers, time.Since(t0))
	if _, err := x.Forward(sm.Model, in); err != nil { // warm-up (kernel compilation)
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := x.Forward(sm.Model, in); err != nil {
			b.Fatal(err)
		}
	}
	ms := b.Elapsed().Seconds() * 1e3 / float64(b.N)
	b.ReportMetric(ms, "ms/token")
	b.ReportMetric(float64(layers), "layers")
	require.Empty(b, x.Stats().Fallback)
}
