package graph

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
)

// specErr formats a shape/type error for node n.
func specErr(n *Node, format string, args ...any) error {
	return fmt.Errorf("%w: node %q (%s): %s", ErrGraph, n.Name, n.Op, fmt.Sprintf(format, args...))
}

func is(s tensor.Spec, dt tensor.DType, shape ...int) bool {
	return s.DType == dt && tensor.SameShape(s.Shape, shape)
}

func numel(s tensor.Spec) int {
	n, _ := tensor.NumElements(s.Shape)
	return n
}

// mult reads the fixed-point multiplier stored at attrs[i], attrs[i+1].
func mult(n *Node, i int) (ops.Multiplier, error) {
	m, err := ops.NewMultiplier(n.Attrs[i], n.Attrs[i+1])
	if err != nil {
		return m, specErr(n, "attrs %d,%d: %v", i, i+1, err)
	}
	return m, nil
}

func flag(n *Node, i int) (bool, error) {
	switch n.Attrs[i] {
	case 0:
		return false, nil
	case 1:
		return true, nil
	}
	return false, specErr(n, "attr %d must be 0 or 1, is %d", i, n.Attrs[i])
}

// arity enforces the input and attribute counts of an op.
var arity = [opEnd][2]int{
	OpFC: {4, 1}, OpMatMulAcc: {3, 0}, OpRequant: {1, 4}, OpRelu: {1, 0}, OpAdd: {2, 4}, OpMul: {2, 2},
	OpResAdd: {2, 2}, OpEmbed: {2, 0}, OpRMSNorm: {2, 3}, OpRoPE: {3, 1}, OpKVWrite: {3, 0},
	OpAttention: {4, 7}, OpSoftmax: {1, 2}, OpLUT: {2, 0}, OpArgmax: {1, 0}, OpTopK: {1, 1},
	OpReshape: {1, -1}, OpSample: {3, 2},
}

// OutSpec checks a node's attributes and input specs and returns the spec of
// its output. Every shape rule of every op lives here, so a graph that passes
// OutSpec for all its nodes cannot hit a kernel precondition on shapes.
func OutSpec(n *Node, in []tensor.Spec) (tensor.Spec, error) {
	if n.Op == OpInvalid || n.Op >= opEnd {
		return tensor.Spec{}, specErr(n, "unknown op")
	}
	ar := arity[n.Op]
	if len(in) != ar[0] {
		return tensor.Spec{}, specErr(n, "%d inputs, want %d", len(in), ar[0])
	}
	if ar[1] >= 0 && len(n.Attrs) != ar[1] {
		return tensor.Spec{}, specErr(n, "%d attrs, want %d", len(n.Attrs), ar[1])
	}
	bad := func(format string, args ...any) (tensor.Spec, error) {
		return tensor.Spec{}, specErr(n, format+"; inputs %v", append(args, in)...)
	}
	switch n.Op {
	case OpFC, OpMatMulAcc:
		x, w, b := in[0], in[1], in[2]
		if len(w.Shape) != 2 || w.DType != tensor.I8 {
			return bad("weights must be i8 [n,k]")
		}
		nOut, k := w.Shape[0], w.Shape[1]
		if k < 1 || k > ops.MaxK || nOut < 1 {
			return bad("reduction length %d outside [1,%d]", k, ops.MaxK)
		}
		var shape []int
		switch {
		case is(x, tensor.I8, k):
			shape = []int{nOut}
		case x.DType == tensor.I8 && len(x.Shape) == 2 && x.Shape[0] >= 1 && x.Shape[1] == k:
			shape = []int{x.Shape[0], nOut}
		default:
			return bad("x must be i8 [%d] or [m,%d] with m >= 1", k, k)
		}
		if !is(b, tensor.I32, nOut) {
			return bad("bias must be i32 [%d]", nOut)
		}
		if n.Op == OpMatMulAcc {
			return tensor.Spec{DType: tensor.I32, Shape: shape}, nil
		}
		if !is(in[3], tensor.I32, nOut, 2) && !is(in[3], tensor.I32, 1, 2) {
			return bad("requant params must be i32 [%d,2] or [1,2]", nOut)
		}
		if _, err := flag(n, 0); err != nil {
			return tensor.Spec{}, err
		}
		return tensor.Spec{DType: tensor.I8, Shape: shape}, nil
	case OpRequant:
		dt := tensor.DType(n.Attrs[0])
		if n.Attrs[0] < 0 || n.Attrs[0] > 255 || (dt != tensor.I8 && dt != tensor.I32) {
			return bad("output dtype %d must be i8 or i32", n.Attrs[0])
		}
		if in[0].DType == tensor.Invalid {
			return bad("invalid input")
		}
		if _, err := mult(n, 1); err != nil {
			return tensor.Spec{}, err
		}
		if _, err := flag(n, 3); err != nil {
			return tensor.Spec{}, err
		}
		return tensor.Spec{DType: dt, Shape: in[0].Shape}, nil
	case OpRelu:
		if in[0].DType != tensor.I8 && in[0].DType != tensor.I32 {
			return bad("relu needs i8 or i32")
		}
		return in[0], nil
	case OpAdd, OpMul:
		if in[0].DType != tensor.I8 || !is(in[1], tensor.I8, in[0].Shape...) {
			return bad("operands must be i8 of equal shape")
		}
		for i := 0; i < len(n.Attrs); i += 2 {
			if _, err := mult(n, i); err != nil {
				return tensor.Spec{}, err
			}
		}
		return in[0], nil
	case OpResAdd:
		if in[0].DType != tensor.I32 || !is(in[1], tensor.I8, in[0].Shape...) {
			return bad("need i32 residual and i8 branch of equal shape")
		}
		if _, err := mult(n, 0); err != nil {
			return tensor.Spec{}, err
		}
		return in[0], nil
	case OpEmbed:
		t := in[0]
		if t.DType != tensor.I8 || len(t.Shape) != 2 || t.Shape[0] < 1 || !is(in[1], tensor.I32, 1) {
			return bad("need i8 [vocab,dim] table and i32 [1] token")
		}
		return tensor.Spec{DType: tensor.I8, Shape: []int{t.Shape[1]}}, nil
	case OpRMSNorm:
		x := in[0]
		if x.DType != tensor.I32 || len(x.Shape) != 1 || x.Shape[0] < 1 || x.Shape[0] > ops.MaxK || !is(in[1], tensor.I8, x.Shape...) {
			return bad("need i32 [d] and i8 [d] gains, d <= %d", ops.MaxK)
		}
		if _, err := mult(n, 0); err != nil {
			return tensor.Spec{}, err
		}
		if n.Attrs[2] < 0 || n.Attrs[2] >= 1<<54 {
			return bad("eps %d outside [0,2^54)", n.Attrs[2])
		}
		return tensor.Spec{DType: tensor.I8, Shape: x.Shape}, nil
	case OpRoPE:
		hd := n.Attrs[0]
		x, t := in[0], in[2]
		if hd < 2 || hd%2 != 0 || hd > 1<<10 {
			return bad("head dim %d must be even in [2,1024]", hd)
		}
		if x.DType != tensor.I8 || len(x.Shape) != 1 || x.Shape[0]%int(hd) != 0 {
			return bad("x must be i8 [heads*%d]", hd)
		}
		if !is(in[1], tensor.I32, 1) || t.DType != tensor.I32 || len(t.Shape) != 3 || t.Shape[0] < 1 || t.Shape[1] != int(hd)/2 || t.Shape[2] != 2 {
			return bad("need i32 [1] position and i32 [seq,%d,2] table", hd/2)
		}
		return x, nil
	case OpKVWrite:
		c := in[0]
		if c.DType != tensor.I8 || len(c.Shape) != 2 || !is(in[1], tensor.I8, c.Shape[1]) || !is(in[2], tensor.I32, 1) {
			return bad("need i8 [seq,d] cache, i8 [d] row, i32 [1] position")
		}
		return c, nil
	case OpAttention:
		d, err := attnDims(n, in)
		if err != nil {
			return tensor.Spec{}, err
		}
		for _, i := range []int{3, 5} {
			if _, err := mult(n, i); err != nil {
				return tensor.Spec{}, err
			}
		}
		return tensor.Spec{DType: tensor.I8, Shape: []int{d.Heads * d.HeadDim}}, nil
	case OpSoftmax:
		if in[0].DType != tensor.I32 || len(in[0].Shape) != 1 || in[0].Shape[0] < 1 {
			return bad("need i32 [n], n >= 1")
		}
		m, err := mult(n, 0)
		if err != nil {
			return tensor.Spec{}, err
		}
		if m.M < 0 {
			return bad("negative softmax multiplier")
		}
		return in[0], nil
	case OpLUT:
		if in[0].DType != tensor.I8 || !is(in[1], tensor.I8, 256) {
			return bad("need i8 input and i8 [256] table")
		}
		return in[0], nil
	case OpArgmax:
		if (in[0].DType != tensor.I8 && in[0].DType != tensor.I32) || numel(in[0]) < 1 {
			return bad("need non-empty i8 or i32")
		}
		return tensor.Spec{DType: tensor.I32, Shape: []int{1}}, nil
	case OpTopK:
		k := n.Attrs[0]
		if in[0].DType != tensor.I32 || len(in[0].Shape) != 1 || k < 0 || k > int64(in[0].Shape[0]) {
			return bad("need i32 [n] and 0 <= k=%d <= n", k)
		}
		return tensor.Spec{DType: tensor.I32, Shape: []int{int(k)}}, nil
	case OpSample:
		nv := numel(in[0])
		if in[0].DType != tensor.I32 || len(in[0].Shape) != 1 || nv < 1 || nv > ops.MaxSampleVocab ||
			!is(in[1], tensor.I32, 1) || !is(in[2], tensor.I32, 3) {
			return bad("need i32 [1..%d] logits, i32 [1] counter and i32 [3] parameters", ops.MaxSampleVocab)
		}
		m, err := mult(n, 0)
		if err != nil {
			return tensor.Spec{}, err
		}
		if m.M < 0 {
			return bad("negative sample multiplier")
		}
		return tensor.Spec{DType: tensor.I32, Shape: []int{1}}, nil
	case OpReshape:
		if len(n.Attrs) > tensor.MaxRank {
			return bad("rank %d", len(n.Attrs))
		}
		shape := make([]int, len(n.Attrs))
		for i, a := range n.Attrs {
			if a < 0 || a > tensor.MaxElements {
				return bad("dimension %d", a)
			}
			shape[i] = int(a)
		}
		if c, err := tensor.NumElements(shape); err != nil || c != numel(in[0]) {
			return bad("cannot reshape to %v", shape)
		}
		return tensor.Spec{DType: in[0].DType, Shape: shape}, nil
	}
	return bad("unhandled op")
}

func attnDims(n *Node, in []tensor.Spec) (ops.AttentionDims, error) {
	for _, a := range n.Attrs[:3] {
		if a < 1 || a > 1<<14 {
			return ops.AttentionDims{}, specErr(n, "attention dims %v out of range", n.Attrs[:3])
		}
	}
	q, kc, vc := in[0], in[1], in[2]
	d := ops.AttentionDims{Heads: int(n.Attrs[0]), KVHeads: int(n.Attrs[1]), HeadDim: int(n.Attrs[2])}
	if len(kc.Shape) == 2 {
		d.Seq = kc.Shape[0]
	}
	if err := d.Check(); err != nil {
		return d, specErr(n, "%v", err)
	}
	if !is(q, tensor.I8, d.Heads*d.HeadDim) || !is(kc, tensor.I8, d.Seq, d.KVHeads*d.HeadDim) ||
		!is(vc, tensor.I8, kc.Shape...) || !is(in[3], tensor.I32, 1) {
		return d, specErr(n, "need q i8 [%d], caches i8 [seq,%d], i32 [1] position; inputs %v",
			d.Heads*d.HeadDim, d.KVHeads*d.HeadDim, in)
	}
	return d, nil
}

// Validate checks the graph's structure: names and limits, refs pointing only
// at weights or earlier slots, and shape inference over every node. It
// returns the spec of every activation slot.
func (g *Graph) Validate() ([]tensor.Spec, error) {
	if _, err := g.EncodeHeader(); err != nil {
		return nil, err
	}
	slots := make([]tensor.Spec, 0, g.NumSlots())
	for _, in := range g.Inputs {
		if !in.Spec.DType.Valid() {
			return nil, fmt.Errorf("%w: input %q has invalid dtype", ErrGraph, in.Name)
		}
		if _, err := tensor.NumElements(in.Spec.Shape); err != nil {
			return nil, fmt.Errorf("%w: input %q: %w", ErrGraph, in.Name, err)
		}
		slots = append(slots, in.Spec)
	}
	for _, w := range g.Weights {
		if !w.Spec.DType.Valid() {
			return nil, fmt.Errorf("%w: weight %q has invalid dtype", ErrGraph, w.Name)
		}
		if _, err := tensor.NumElements(w.Spec.Shape); err != nil {
			return nil, fmt.Errorf("%w: weight %q: %w", ErrGraph, w.Name, err)
		}
	}
	specs := make([]tensor.Spec, 0, MaxNodeInputs)
	for k := 1; k <= len(g.Nodes); k++ {
		n := &g.Nodes[k-1]
		if _, err := n.Encode(); err != nil {
			return nil, err
		}
		specs = specs[:0]
		for _, r := range n.Inputs {
			s, err := g.refSpec(r, slots)
			if err != nil {
				return nil, fmt.Errorf("node %d: %w", k, err)
			}
			specs = append(specs, s)
		}
		out, err := OutSpec(n, specs)
		if err != nil {
			return nil, fmt.Errorf("node %d: %w", k, err)
		}
		slots = append(slots, out)
	}
	if len(g.Outputs) == 0 {
		return nil, fmt.Errorf("%w: graph has no outputs", ErrGraph)
	}
	for _, r := range g.Outputs {
		if _, err := g.refSpec(r, slots); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
	}
	return slots, nil
}

// refSpec resolves a ref against the weights and the slots defined so far.
func (g *Graph) refSpec(r Ref, slots []tensor.Spec) (tensor.Spec, error) {
	if r.IsWeight() {
		if r.Index() >= len(g.Weights) {
			return tensor.Spec{}, fmt.Errorf("%w: ref %s: only %d weights", ErrGraph, r, len(g.Weights))
		}
		return g.Weights[r.Index()].Spec, nil
	}
	if r.Index() >= len(slots) {
		return tensor.Spec{}, fmt.Errorf("%w: ref %s is not defined before use (%d slots so far)", ErrGraph, r, len(slots))
	}
	return slots[r.Index()], nil
}

// Validate checks the graph and that every weight matches its declared spec.
func (m *Model) Validate() error {
	if m == nil || m.Graph == nil {
		return fmt.Errorf("%w: nil model", ErrGraph)
	}
	if len(m.Weights) != len(m.Graph.Weights) {
		return fmt.Errorf("%w: %d weight tensors for %d declared", ErrGraph, len(m.Weights), len(m.Graph.Weights))
	}
	for i, w := range m.Weights {
		if err := m.Graph.Weights[i].Spec.Check(w); err != nil {
			return fmt.Errorf("%w: weight %d (%s): %w", ErrGraph, i, m.Graph.Weights[i].Name, err)
		}
	}
	_, err := m.Graph.Validate()
	return err
}
