package fashion

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Layer is one quantized fully connected layer: int8 weights [Rows, Cols],
// int32 bias in accumulator units, and per-row requantization multipliers
// to the next layer's int8 activations (nil for the logits layer, which
// keeps raw int32 accumulators).
type Layer struct {
	Rows, Cols int
	W          []int8
	Bias       []int32
	RQ         []ops.Multiplier
	WQuant     tensor.Quant
}

// InputShift converts u8 pixels to int8 activations: round(p/2) clamped to
// 127, i.e. an input scale of 2/255 per unit.
var InputShift = ops.Multiplier{M: 1 << 30, Shift: 31}

// BuildMLP assembles the classifier graph:
//
//	s0 u8[784] -> requant -> (fc+relu)* -> matmul_acc (i32 logits) -> argmax
//
// Outputs are [class i32[1], logits i32[10]].
func BuildMLP(name string, layers []Layer) (*graph.Model, error) {
	if len(layers) < 1 {
		return nil, errors.New("fashion: MLP needs at least one layer")
	}
	g := &graph.Graph{
		Name:   name,
		Inputs: []graph.Named{{Name: "image", Spec: tensor.Spec{DType: tensor.U8, Shape: []int{Pixels}}}},
	}
	m := &graph.Model{Graph: g}
	addW := func(nm string, t *tensor.Tensor) graph.Ref {
		g.Weights = append(g.Weights, graph.Named{Name: nm, Spec: tensor.Spec{DType: t.DType, Shape: t.Shape}})
		m.Weights = append(m.Weights, t)
		return graph.W(len(m.Weights) - 1)
	}
	addN := func(n graph.Node) graph.Ref {
		g.Nodes = append(g.Nodes, n)
		return graph.S(g.NodeSlot(len(g.Nodes)))
	}
	x := addN(graph.Node{Op: graph.OpRequant, Name: "input", Inputs: []graph.Ref{graph.S(0)},
		Attrs: []int64{int64(tensor.I8), int64(InputShift.M), int64(InputShift.Shift), 0}})
	prev := Pixels
	for i, l := range layers {
		if l.Cols != prev || len(l.W) != l.Rows*l.Cols || len(l.Bias) != l.Rows {
			return nil, fmt.Errorf("fashion: layer %d is inconsistent (%dx%d after %d inputs)", i, l.Rows, l.Cols, prev)
		}
		w, err := tensor.FromI8(l.W, l.Rows, l.Cols)
		if err != nil {
			return nil, err
		}
		w.Quant = l.WQuant
		b, err := tensor.FromI32(l.Bias, l.Rows)
		if err != nil {
			return nil, err
		}
		wr, br := addW(fmt.Sprintf("fc%d.w", i+1), w), addW(fmt.Sprintf("fc%d.b", i+1), b)
		last := i == len(layers)-1
		if last {
			x = addN(graph.Node{Op: graph.OpMatMulAcc, Name: fmt.Sprintf("fc%d", i+1), Inputs: []graph.Ref{x, wr, br}})
		} else {
			if len(l.RQ) != l.Rows {
				return nil, fmt.Errorf("fashion: layer %d has %d multipliers for %d rows", i, len(l.RQ), l.Rows)
			}
			pairs := make([]int32, 0, 2*l.Rows)
			for _, q := range l.RQ {
				pairs = append(pairs, q.M, int32(q.Shift))
			}
			rq, err := tensor.FromI32(pairs, l.Rows, 2)
			if err != nil {
				return nil, err
			}
			rqr := addW(fmt.Sprintf("fc%d.rq", i+1), rq)
			x = addN(graph.Node{Op: graph.OpFC, Name: fmt.Sprintf("fc%d", i+1), Inputs: []graph.Ref{x, wr, br, rqr}, Attrs: []int64{1}})
		}
		prev = l.Rows
	}
	if prev != Classes {
		return nil, fmt.Errorf("fashion: last layer has %d outputs, want %d", prev, Classes)
	}
	class := addN(graph.Node{Op: graph.OpArgmax, Name: "class", Inputs: []graph.Ref{x}})
	g.Outputs = []graph.Ref{class, x}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}

// ModelFile is the committed model's path inside the embedded assets.
const ModelFile = "assets/fashion-mnist.aivm"

// ErrNoModel means the int8 weights have not been trained and committed yet.
var ErrNoModel = errors.New("fashion: no committed model (run `aivm model train fashion-mnist`)")

// ModelBytes returns the committed model file.
func ModelBytes() ([]byte, error) {
	b, err := assets.ReadFile(ModelFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoModel
	}
	return b, err
}

// Model decodes and validates the committed model.
func Model() (*graph.Model, error) {
	b, err := ModelBytes()
	if err != nil {
		return nil, err
	}
	m, err := graph.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("fashion: committed model: %w", err)
	}
	return m, nil
}

// Predict reads the class out of an execution's outputs.
func Predict(outputs []*tensor.Tensor) (int, error) {
	if len(outputs) < 1 || outputs[0].DType != tensor.I32 || outputs[0].Len() != 1 {
		return 0, errors.New("fashion: outputs do not start with an i32 [1] class")
	}
	c := int(outputs[0].I32[0])
	if c < 0 || c >= Classes {
		return 0, fmt.Errorf("fashion: class %d out of range", c)
	}
	return c, nil
}
