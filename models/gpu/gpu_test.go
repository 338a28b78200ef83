package gpu

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/stretchr/testify/require"
)

var (
	devOnce sync.Once
	devErr  error
	testDev *Device
)

// device opens the first OpenCL device once per test binary. Without one
// the test skips locally and fails in CI (pocl is installed by make setup).
func device(t testing.TB) *Device {
	t.Helper()
	var ds []DeviceInfo
	devOnce.Do(func() {
		if ds, devErr = Devices(); devErr == nil {
			testDev, devErr = OpenDevice(ds[0])
		}
	})
	if errors.Is(devErr, ErrUnavailable) {
		testenv.Require(t, "an OpenCL device (Debian pocl-opencl-icd and ocl-icd-libopencl1, make setup)", devErr)
	}
	require.NoError(t, devErr, "a device is present but the kernels do not build or run")
	return testDev
}

func newExec(t testing.TB, models ...*graph.Model) *Executor {
	t.Helper()
	x, err := NewExecutor(device(t), models...)
	require.NoError(t, err)
	t.Cleanup(x.Close)
	return x
}

// same runs n on the host (graph.RunNode, i.e. models/ops) and on the
// device with both matvec variants, and requires equal tensors or errors on
// both sides.
func same(t *testing.T, x *Executor, n *graph.Node, in ...*tensor.Tensor) {
	t.Helper()
	want, werr := graph.RunNode(n, in)
	for _, group := range []bool{false, true} {
		x.SetMatVecGroup(group)
		got, gerr := x.RunNode(n, in)
		x.EndRun()
		if werr != nil {
			require.Error(t, gerr, "node %s (%s): host failed with %v, device did not", n.Name, n.Op, werr)
			continue
		}
		require.NoError(t, gerr, "node %s (%s)", n.Name, n.Op)
		require.Equal(t, want.DType, got.DType)
		require.Equal(t, want.Shape, got.Shape)
		require.Equal(t, want.I8, got.I8, "node %s (%s) group=%v", n.Name, n.Op, group)
		require.Equal(t, want.U8, got.U8, "node %s (%s) group=%v", n.Name, n.Op, group)
		require.Equal(t, want.I32, got.I32, "node %s (%s) group=%v", n.Name, n.Op, group)
	}
}

type gen struct{ *rand.Rand }

func newGen(seed uint64) gen { return gen{rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))} }

// i8 draws n int8 values; one draw in eight is all -128 (the overflow edge).
func (g gen) i8(shape ...int) *tensor.Tensor {
	t, _ := tensor.New(tensor.I8, shape...)
	edge := g.IntN(8) == 0
	for i := range t.I8 {
		t.I8[i] = int8(g.IntN(256) - 128)
		if edge {
			t.I8[i] = -128
		}
	}
	return t
}

func (g gen) u8(shape ...int) *tensor.Tensor {
	t, _ := tensor.New(tensor.U8, shape...)
	for i := range t.U8 {
		t.U8[i] = uint8(g.IntN(256))
	}
	return t
}

// i32 draws values in [-lim, lim].
func (g gen) i32(lim int64, shape ...int) *tensor.Tensor {
	t, _ := tensor.New(tensor.I32, shape...)
	for i := range t.I32 {
		t.I32[i] = int32(g.Int64N(2*lim+1) - lim)
	}
	return t
}

func scalar(v int) *tensor.Tensor {
	t, _ := tensor.FromI32([]int32{int32(v)}, 1)
	return t
}

// mult draws a multiplier attribute pair: any int32 M (non-negative when
// pos), any shift in [0, 62].
func (g gen) mult(pos bool) []int64 {
	m := int64(int32(g.Uint32()))
	if pos && m < 0 {
		m = -m - 1
	}
	if g.IntN(4) == 0 { // realistic: Q31-ish multiplier and a shift near 31..40
		m = 1<<30 + g.Int64N(1<<30)
		return []int64{m, 28 + g.Int64N(14)}
	}
	return []int64{m, g.Int64N(ops.MaxShift + 1)}
}

func (g gen) dim(max int) int { return 1 + g.IntN(max) }

func node(op graph.Op, attrs ...int64) *graph.Node {
	return &graph.Node{Op: op, Name: op.String(), Attrs: attrs}
}

// Per-kernel fuzz targets: each seed draws shapes, values and attributes
// and compares the device with models/ops (through graph.RunNode).

func fuzzOp(f *testing.F, check func(t *testing.T, x *Executor, g gen)) {
	for s := uint64(0); s < 40; s++ {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		x := newExec(t)
		check(t, x, newGen(seed))
	})
}

func FuzzMatVec(f *testing.F) {
	fuzzOp(f, func(t *testing.T, x *Executor, g gen) {
		k := g.dim(300)
		if g.IntN(2) == 0 {
			k = 16 * g.dim(40)
		}
		rows := g.dim(40)
		xs := []int{k}
		if g.IntN(3) == 0 {
			xs = []int{g.dim(4), k}
		}
		lim := int64(ops.MaxBias)
		if g.IntN(16) == 0 {
			lim++ // a bias out of range: both sides must fail
		}
		in, w, b := g.i8(xs...), g.i8(rows, k), g.i32(lim, rows)
		same(t, x, node(graph.OpMatMulAcc), in, w, b)
		nrq := rows
		if g.IntN(3) == 0 {
			nrq = 1
		}
		rq, _ := tensor.New(tensor.I32, nrq, 2)
		for i := 0; i < nrq; i++ {
			m := g.mult(false)
			rq.I32[2*i], rq.I32[2*i+1] = int32(m[0]), int32(m[1])
		}
		same(t, x, node(graph.OpFC, int64(g.IntN(2))), in, w, b, rq)
	})
}

func FuzzElementwise(f *testing.F) {
	fuzzOp(f, func(t *testing.T, x *Executor, g gen) {
		n := g.dim(3000)
		a, b := g.i8(n), g.i8(n)
		for _, src := range []*tensor.Tensor{a, g.u8(n), g.i32(1<<31-1, n)} {
			for _, dt := range []tensor.DType{tensor.I8, tensor.I32} {
				same(t, x, node(graph.OpRequant, append(append([]int64{int64(dt)}, g.mult(false)...), int64(g.IntN(2)))...), src)
			}
		}
		same(t, x, node(graph.OpRelu), a)
		same(t, x, node(graph.OpRelu), g.i32(1<<31-1, n))
		same(t, x, node(graph.OpAdd, append(g.mult(false), g.mult(false)...)...), a, b)
		same(t, x, node(graph.OpMul, g.mult(false)...), a, b)
		same(t, x, node(graph.OpResAdd, g.mult(false)...), g.i32(1<<21, n), b)
		same(t, x, node(graph.OpLUT), a, g.i8(256))
		same(t, x, node(graph.OpReshape, 1, int64(n)), a)
	})
}

func FuzzRows(f *testing.F) { // embedding, kv_write, rope: row addressing by a position
	fuzzOp(f, func(t *testing.T, x *Executor, g gen) {
		vocab, dim := g.dim(50), g.dim(300)
		tok := g.IntN(vocab+2) - 1 // sometimes out of range
		same(t, x, node(graph.OpEmbed), g.i8(vocab, dim), scalar(tok))
		seq := g.dim(40)
		pos := g.IntN(seq+2) - 1
		same(t, x, node(graph.OpKVWrite), g.i8(seq, dim), g.i8(dim), scalar(pos))
		hd := 2 * g.dim(32)
		same(t, x, node(graph.OpRoPE, int64(hd)), g.i8(hd*g.dim(4)), scalar(pos), g.i32(1<<15, seq, hd/2, 2))
	})
}

func FuzzRMSNorm(f *testing.F) {
	fuzzOp(f, func(t *testing.T, x *Executor, g gen) {
		d := g.dim(3000)
		lim := int64(1) << g.IntN(23) // beyond ResidualMax too: the kernel clamps
		eps := g.Int64N(1 << 54)
		if g.IntN(2) == 0 {
			eps = g.Int64N(1000)
		}
		same(t, x, node(graph.OpRMSNorm, append(g.mult(false), eps)...), g.i32(lim, d), g.i8(d))
	})
}

func FuzzSoftmaxAttention(f *testing.F) {
	fuzzOp(f, func(t *testing.T, x *Executor, g gen) {
		n := g.dim(400)
		spread := int64(1) << g.IntN(31)
		same(t, x, node(graph.OpSoftmax, g.mult(true)...), g.i32(spread, n))
		kvh := g.dim(3)
		heads := kvh * g.dim(3)
		hd, seq := g.dim(64), g.dim(60)
		pos := g.IntN(seq+1) - map[bool]int{true: 1, false: 0}[g.IntN(10) == 0]
		ms := g.mult(g.IntN(10) != 0)
		if g.IntN(2) == 0 { // realistic scale: scores * 2^-10ish in the exponent domain
			ms = []int64{1<<30 + g.Int64N(1<<30), 36 + g.Int64N(8)}
		}
		attrs := append(append([]int64{int64(heads), int64(kvh), int64(hd)}, ms...), g.mult(false)...)
		same(t, x, node(graph.OpAttention, attrs...), g.i8(heads*hd), g.i8(seq, kvh*hd), g.i8(seq, kvh*hd), scalar(pos))
	})
}

func FuzzArgmax(f *testing.F) {
	fuzzOp(f, func(t *testing.T, x *Executor, g gen) {
		n := g.dim(5000)
		small := g.i8(n)
		for i := range small.I8 {
			small.I8[i] %= 3 // many ties
		}
		same(t, x, node(graph.OpArgmax), small)
		same(t, x, node(graph.OpArgmax), g.i8(n))
		same(t, x, node(graph.OpArgmax), g.i32(int64(g.IntN(4)), n))
		same(t, x, node(graph.OpArgmax), g.i32(1<<31-1, n))
	})
}

func TestFallbackIsCounted(t *testing.T) {
	x := newExec(t)
	same(t, x, node(graph.OpTopK, 3), newGen(1).i32(100, 10))
	same(t, x, node(graph.OpEmbed), newGen(2).i8(4, 3), scalar(9)) // token out of range
	s := x.Stats()
	require.Equal(t, []string{"embedding", "topk"}, s.FallbackOps())
	require.False(t, Supported(graph.OpTopK))
	require.True(t, Supported(graph.OpAttention))
}

func TestDevicesListed(t *testing.T) {
	d := device(t)
	require.NotEmpty(t, d.Info.Name)
	t.Logf("device: %s (%s, driver %s)", d.Info.Label(), d.Info.Platform, d.Info.Driver)
	if testenv.InCI() && !d.Info.GPU {
		require.True(t, d.Info.Pocl, "CI's OpenCL device should be pocl, is %+v", d.Info)
	}
	_ = fmt.Sprint(d.Info)
}
