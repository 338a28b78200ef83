package gpu

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Forward runs the whole graph on the device and reads back only the
// graph's outputs: no per-node read-back and no commitments, so it is the
// device's own speed (the figure of a forward step). Values stay on the
// device between nodes; i32 [1] values (token, position) are read on the
// host, and a node without a device kernel reads its inputs back, runs
// graph.RunNode and uploads its output. The outputs are the tensors
// graph.Executor.Eval returns, bit for bit (TestForwardMatchesEval).
func (x *Executor) Forward(m *graph.Model, inputs []*tensor.Tensor) ([]*tensor.Tensor, error) {
	g := m.Graph
	if len(inputs) != len(g.Inputs) {
		return nil, fmt.Errorf("%w: %d inputs, model %q takes %d", graph.ErrInput, len(inputs), g.Name, len(g.Inputs))
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	defer x.dropActs()
	nIn := len(g.Inputs)
	vals := make([]*tensor.Tensor, g.NumSlots()) // host tensor, or shape only while on the device
	onHost := make([]bool, g.NumSlots())
	bufs := make([]*buffer, g.NumSlots())
	for i, t := range inputs {
		if err := g.Inputs[i].Spec.Check(t); err != nil {
			return nil, fmt.Errorf("%w: input %q: %w", graph.ErrInput, g.Inputs[i].Name, err)
		}
		b, err := x.buf(t)
		if err != nil {
			return nil, err
		}
		vals[i], onHost[i], bufs[i] = t, true, b
	}
	// host reads slot i back when its data is needed on the host.
	host := func(i int) (*tensor.Tensor, error) {
		if onHost[i] {
			return vals[i], nil
		}
		t, err := tensor.New(vals[i].DType, vals[i].Shape...)
		if err != nil {
			return nil, err
		}
		p, n := data(t)
		if err := x.dev.read(bufs[i], p, n); err != nil {
			return nil, err
		}
		vals[i], onHost[i] = t, true
		return t, nil
	}
	for k := 1; k <= len(g.Nodes); k++ {
		n := &g.Nodes[k-1]
		in := make([]*tensor.Tensor, len(n.Inputs))
		ib := make([]*buffer, len(n.Inputs))
		specs := make([]tensor.Spec, len(n.Inputs))
		for j, r := range n.Inputs {
			if r.IsWeight() {
				t := m.Weights[r.Index()]
				b, err := x.buf(t)
				if err != nil {
					return nil, err
				}
				in[j], ib[j] = t, b
			} else {
				i := r.Index()
				if v := vals[i]; v.DType == tensor.I32 && numel(v) == 1 {
					if _, err := host(i); err != nil {
						return nil, err
					}
				}
				in[j], ib[j] = vals[i], bufs[i]
			}
			specs[j] = tensor.Spec{DType: in[j].DType, Shape: in[j].Shape}
		}
		spec, err := graph.OutSpec(n, specs)
		if err != nil {
			return nil, fmt.Errorf("node %d: %w", k, err)
		}
		slot := nIn + k - 1
		if !Supported(n.Op) || n.Op == graph.OpReshape || x.precheck(n, in) != nil {
			for j, r := range n.Inputs {
				if !r.IsWeight() {
					if in[j], err = host(r.Index()); err != nil {
						return nil, err
					}
				}
			}
			out, err := graph.RunNode(n, in)
			if err != nil {
				return nil, fmt.Errorf("node %d: %w", k, err)
			}
			if n.Op == graph.OpReshape {
				x.stats.Device[n.Op.String()]++
			} else {
				x.stats.Fallback[n.Op.String()]++
			}
			if bufs[slot], err = x.buf(out); err != nil {
				return nil, err
			}
			vals[slot], onHost[slot] = out, true
			continue
		}
		out := &tensor.Tensor{DType: spec.DType, Shape: spec.Shape}
		size := numel(out)
		if spec.DType == tensor.I32 {
			size *= 4
		}
		ob, err := x.dev.alloc(size)
		if err != nil {
			return nil, err
		}
		x.acts[out] = ob // released with the run's activations
		if err := x.dispatch(n, in, ib, out, ob); err != nil {
			return nil, fmt.Errorf("node %d %q (%s) on %s: %w", k, n.Name, n.Op, x.dev.Info.Name, err)
		}
		x.stats.Device[n.Op.String()]++
		vals[slot], bufs[slot] = out, ob
	}
	outs := make([]*tensor.Tensor, len(g.Outputs))
	for i, r := range g.Outputs {
		if r.IsWeight() {
			outs[i] = m.Weights[r.Index()]
			continue
		}
		t, err := host(r.Index())
		if err != nil {
			return nil, err
		}
		outs[i] = t
	}
	return outs, nil
}
