package graph

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Split runs f over [0, n) in one or more disjoint ranges. The serial
// splitter is one call; a parallel one may use goroutines. Kernels give the
// same bits either way because every output element is computed by exactly
// one exact integer expression.
type Split func(n int, f func(lo, hi int))

// Serial is the Split that runs everything on the calling goroutine; it is
// what the guest uses.
func Serial(n int, f func(lo, hi int)) { f(0, n) }

// RunNode executes one node on its input tensors (in the node's input order)
// and returns the output. It validates everything first, so malformed
// inputs give an error, never a panic. The MIPS guest and the native
// executor both call this, which is what makes their results comparable.
func RunNode(n *Node, in []*tensor.Tensor) (*tensor.Tensor, error) {
	return runNode(n, in, Serial)
}

func runNode(n *Node, in []*tensor.Tensor, split Split) (*tensor.Tensor, error) {
	specs := make([]tensor.Spec, len(in))
	for i, t := range in {
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("%w: node %q input %d: %w", ErrInput, n.Name, i, err)
		}
		specs[i] = tensor.Spec{DType: t.DType, Shape: t.Shape}
	}
	spec, err := OutSpec(n, specs)
	if err != nil {
		return nil, err
	}
	out, err := tensor.New(spec.DType, spec.Shape...)
	if err != nil {
		return nil, err
	}
	if err := exec(n, in, out, split); err != nil {
		return nil, fmt.Errorf("node %q (%s): %w", n.Name, n.Op, err)
	}
	return out, nil
}

// scalar reads the single value of an i32 [1] tensor (checked by OutSpec).
func scalar(t *tensor.Tensor) int32 { return t.I32[0] }

// multipliers decodes an i32 [c,2] tensor of (M, shift) pairs.
func multipliers(t *tensor.Tensor) ([]ops.Multiplier, error) {
	out := make([]ops.Multiplier, len(t.I32)/2)
	for i := range out {
		m, err := ops.NewMultiplier(int64(t.I32[2*i]), int64(t.I32[2*i+1]))
		if err != nil {
			return nil, fmt.Errorf("requant pair %d: %w", i, err)
		}
		out[i] = m
	}
	return out, nil
}

// exec dispatches to the kernels. Shapes were validated by OutSpec; exec
// checks only value-dependent preconditions (bias range, indices).
func exec(n *Node, in []*tensor.Tensor, out *tensor.Tensor, split Split) error {
	a := n.Attrs
	m := func(i int) ops.Multiplier { mm, _ := ops.NewMultiplier(a[i], a[i+1]); return mm } // checked by OutSpec
	switch n.Op {
	case OpFC, OpMatMulAcc:
		x, w, b := in[0], in[1], in[2]
		rows, k := w.Shape[0], w.Shape[1]
		batch := 1
		if len(x.Shape) == 2 {
			batch = x.Shape[0]
		}
		if err := ops.CheckMatVec(x.I8[:k], w.I8, b.I32, rows, k); err != nil {
			return err
		}
		acc := out.I32
		if n.Op == OpFC {
			acc = make([]int32, batch*rows)
		}
		if batch == 1 {
			split(rows, func(lo, hi int) { ops.MatVecRows(acc, x.I8, w.I8, b.I32, k, lo, hi) })
		} else {
			split(batch, func(lo, hi int) { ops.MatMulRows(acc, x.I8, w.I8, b.I32, rows, k, lo, hi) })
		}
		if n.Op == OpMatMulAcc {
			return nil
		}
		rq, err := multipliers(in[3])
		if err != nil {
			return err
		}
		ops.RequantRows(out.I8, acc, rq, a[0] == 1, 0, len(acc))
	case OpRequant:
		mu := m(1)
		lo, hi := int64(-128), int64(127)
		if out.DType == tensor.I32 {
			lo, hi = -1<<31, 1<<31-1
		}
		if a[3] == 1 {
			lo = 0
		}
		x := in[0]
		for i := 0; i < x.Len(); i++ {
			var v int32
			switch x.DType {
			case tensor.I8:
				v = int32(x.I8[i])
			case tensor.U8:
				v = int32(x.U8[i])
			case tensor.I32:
				v = x.I32[i]
			}
			r := ops.Clamp(mu.Apply(v), lo, hi)
			if out.DType == tensor.I8 {
				out.I8[i] = int8(r)
			} else {
				out.I32[i] = int32(r)
			}
		}
	case OpRelu:
		if in[0].DType == tensor.I8 {
			copy(out.I8, in[0].I8)
			ops.ReluI8(out.I8)
		} else {
			copy(out.I32, in[0].I32)
			ops.ReluI32(out.I32)
		}
	case OpAdd:
		ops.AddI8(out.I8, in[0].I8, in[1].I8, m(0), m(2))
	case OpMul:
		ops.MulI8(out.I8, in[0].I8, in[1].I8, m(0))
	case OpResAdd:
		ops.ResidualAdd(out.I32, in[0].I32, in[1].I8, m(0))
	case OpEmbed:
		t := in[0]
		return ops.Embedding(out.I8, t.I8, t.Shape[0], t.Shape[1], scalar(in[1]))
	case OpRMSNorm:
		return ops.RMSNorm(out.I8, in[0].I32, in[1].I8, m(0), a[2])
	case OpRoPE:
		t := in[2]
		return ops.RoPE(out.I8, in[0].I8, t.I32, int(a[0]), t.Shape[0], scalar(in[1]))
	case OpKVWrite:
		c := in[0]
		return ops.KVWrite(out.I8, c.I8, in[1].I8, c.Shape[0], c.Shape[1], scalar(in[2]))
	case OpAttention:
		d := ops.AttentionDims{Heads: int(a[0]), KVHeads: int(a[1]), HeadDim: int(a[2]), Seq: in[1].Shape[0]}
		return ops.Attention(out.I8, in[0].I8, in[1].I8, in[2].I8, scalar(in[3]), d, m(3), m(5))
	case OpSoftmax:
		return ops.Softmax(out.I32, in[0].I32, m(0))
	case OpLUT:
		return ops.LUT8(out.I8, in[0].I8, in[1].I8)
	case OpArgmax:
		if in[0].DType == tensor.I8 {
			out.I32[0] = int32(ops.Argmax(in[0].I8))
		} else {
			out.I32[0] = int32(ops.Argmax(in[0].I32))
		}
	case OpTopK:
		idx, err := ops.TopK(in[0].I32, int(a[0]))
		if err != nil {
			return err
		}
		copy(out.I32, idx)
	case OpSample:
		p := in[2].I32
		tok, err := ops.Sample(in[0].I32, make([]uint32, in[0].Len()), m(0), uint32(p[0]), uint32(scalar(in[1])), p[1], p[2])
		if err != nil {
			return err
		}
		out.I32[0] = int32(tok)
	case OpReshape:
		copy(out.I8, in[0].I8)
		copy(out.U8, in[0].U8)
		copy(out.I32, in[0].I32)
	default:
		return fmt.Errorf("%w: op %s has no kernel", ErrGraph, n.Op)
	}
	return nil
}
