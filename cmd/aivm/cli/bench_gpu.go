package cli

import (
	"fmt"
	"runtime"
	"unsafe"

	"github.com/aivm-dev/aivm/models/gpu"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
)

// The OpenCL executor as an `aivm bench ops` backend: every device present
// (a GPU, or pocl on the CPU, labelled by gpu.DeviceInfo.Label) runs the
// product as the executor runs a matmul_acc node: weights uploaded once,
// x uploaded and the int32 result read back on every call.
func init() {
	OpsBenchers = func() ([]OpsBencher, error) {
		infos, err := gpu.Devices()
		if err != nil {
			return nil, err
		}
		var out []OpsBencher
		for _, info := range infos {
			dev, err := gpu.OpenDevice(info)
			if err != nil {
				for _, b := range out {
					b.Close()
				}
				return nil, fmt.Errorf("%s: %w", info.Label(), err)
			}
			out = append(out, &gpuBencher{label: info.Label(), dev: dev, cpu: !info.GPU})
		}
		return out, nil
	}
}

// gpuBencher runs MatMul through a one-node graph (x [m,k] · w[n,k]ᵀ with a
// zero bias) on one device; the executor is rebuilt when w or the shape
// changes.
type gpuBencher struct {
	label   string
	cpu     bool // a CPU OpenCL device (pocl), which uses every core
	dev     *gpu.Device
	exec    *gpu.Executor
	model   *graph.Model
	w       *int8
	m, n, k int
}

func (b *gpuBencher) Label() string { return b.label }

// Threads is the CPU threads the row uses: all of them on a CPU device.
func (b *gpuBencher) Threads() int {
	if b.cpu {
		return runtime.NumCPU()
	}
	return 1
}

func (b *gpuBencher) prepare(w []int8, m, n, k int) error {
	if b.exec != nil && b.w == unsafe.SliceData(w) && b.m == m && b.n == n && b.k == k {
		return nil
	}
	if b.exec != nil {
		b.exec.Close()
		b.exec = nil
	}
	wt, err := tensor.FromI8(w[:n*k], n, k)
	if err != nil {
		return err
	}
	bias, err := tensor.New(tensor.I32, n)
	if err != nil {
		return err
	}
	g := &graph.Graph{Name: "bench-matmul",
		Inputs:  []graph.Named{{Name: "x", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{m, k}}}},
		Weights: []graph.Named{{Name: "w", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{n, k}}}, {Name: "b", Spec: tensor.Spec{DType: tensor.I32, Shape: []int{n}}}},
		Nodes:   []graph.Node{{Op: graph.OpMatMulAcc, Name: "matmul", Inputs: []graph.Ref{graph.S(0), graph.W(0), graph.W(1)}}},
		Outputs: []graph.Ref{graph.S(1)}}
	b.model = &graph.Model{Graph: g, Weights: []*tensor.Tensor{wt, bias}}
	if b.exec, err = gpu.NewExecutor(b.dev, b.model); err != nil {
		return err
	}
	b.w, b.m, b.n, b.k = unsafe.SliceData(w), m, n, k
	return nil
}

func (b *gpuBencher) MatMul(out []int32, x, w []int8, m, n, k int) error {
	if err := b.prepare(w, m, n, k); err != nil {
		return err
	}
	xt, err := tensor.FromI8(x[:m*k], m, k)
	if err != nil {
		return err
	}
	res, err := b.exec.Forward(b.model, []*tensor.Tensor{xt})
	if err != nil {
		return err
	}
	copy(out, res[0].I32)
	return nil
}

func (b *gpuBencher) Close() {
	if b.exec != nil {
		b.exec.Close()
	}
	b.dev.Close()
}
