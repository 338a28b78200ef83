// Package graph is AIVM's graph IR: a model is a list of weight tensors plus a
// topologically ordered list of nodes, each an op over input tensor refs with
// integer attributes. The package defines the versioned, hashed file format,
// the model root, the single-node interpreter shared by the native executor
// and the MIPS guest (RunNode), and the executor that records the per-node
// commitments and graph states S_k the dispute game bisects.
//
// Guest-safe: integer-only, no reflection; goroutines are used only by the
// optional multi-core executor, never by RunNode.
package graph

import (
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Op is a node's operation code. Codes are part of the wire format.
type Op uint16

// Op codes; see docs/models.md for inputs, attributes and semantics.
const (
	OpInvalid   Op = 0
	OpFC        Op = 1  // x i8 [k]|[m,k], w i8 [n,k], b i32 [n], rq i32 [n|1,2]; attrs relu -> i8
	OpMatMulAcc Op = 2  // x, w, b -> i32 accumulators
	OpRequant   Op = 3  // x i8|u8|i32; attrs outDType, M, shift, relu -> i8|i32
	OpRelu      Op = 4  // x i8|i32 -> same
	OpAdd       Op = 5  // a, b i8; attrs Ma, sa, Mb, sb -> i8
	OpMul       Op = 6  // a, b i8; attrs M, s -> i8
	OpResAdd    Op = 7  // a i32 residual, b i8; attrs Mb, sb -> i32
	OpEmbed     Op = 8  // table i8 [V,d], tok i32 [1] -> i8 [d]
	OpRMSNorm   Op = 9  // x i32 [d], g i8 [d]; attrs M, s, eps -> i8 [d]
	OpRoPE      Op = 10 // x i8 [h*hd], pos i32 [1], table i32 [seq,hd/2,2]; attrs hd -> i8
	OpKVWrite   Op = 11 // cache i8 [seq,d], row i8 [d], pos i32 [1] -> i8 [seq,d]
	OpAttention Op = 12 // q i8, kc, vc i8 [seq,kvd], pos; attrs heads, kvheads, hd, Ms, ss, Mo, so -> i8
	OpSoftmax   Op = 13 // x i32 [n]; attrs M, s -> i32 Q15 [n]
	OpLUT       Op = 14 // x i8, table i8 [256] -> i8
	OpArgmax    Op = 15 // x i8|i32 [n] -> i32 [1]
	OpTopK      Op = 16 // x i32 [n]; attrs k -> i32 [k]
	OpReshape   Op = 17 // x; attrs new dims -> same data
	OpSample    Op = 18 // logits i32 [n], counter i32 [1], params i32 [3] (seed, temp, top-p Q16); attrs M, s -> i32 [1]
	opEnd       Op = 19 // one past the last op code
)

var opNames = [...]string{
	OpInvalid: "invalid", OpFC: "fc", OpMatMulAcc: "matmul_acc", OpRequant: "requant", OpRelu: "relu",
	OpAdd: "add", OpMul: "mul", OpResAdd: "residual_add", OpEmbed: "embedding", OpRMSNorm: "rmsnorm",
	OpRoPE: "rope", OpKVWrite: "kv_write", OpAttention: "attention", OpSoftmax: "softmax", OpLUT: "lut8",
	OpArgmax: "argmax", OpTopK: "topk", OpReshape: "reshape", OpSample: "sample",
}

func (o Op) String() string {
	if o < opEnd {
		return opNames[o]
	}
	return fmt.Sprintf("op(%d)", uint16(o))
}

// Ref names a tensor: a weight (high bit set, low bits the weight index) or an
// activation slot (inputs first, then one slot per node output).
type Ref uint32

const weightBit = 1 << 31

// W refers to weight i.
func W(i int) Ref { return Ref(uint32(i) | weightBit) }

// S refers to activation slot i.
func S(i int) Ref { return Ref(uint32(i)) }

// IsWeight reports whether r names a weight.
func (r Ref) IsWeight() bool { return r&weightBit != 0 }

// Index is the weight index or slot index.
func (r Ref) Index() int { return int(r &^ weightBit) }

func (r Ref) String() string {
	if r.IsWeight() {
		return fmt.Sprintf("w%d", r.Index())
	}
	return fmt.Sprintf("s%d", r.Index())
}

// Node is one operation. Its output occupies the next activation slot.
type Node struct {
	Op     Op
	Name   string
	Inputs []Ref
	Attrs  []int64
}

// Named is a named tensor spec (graph inputs and weights).
type Named struct {
	Name string
	Spec tensor.Spec
}

// Graph is the computation: declared inputs and weights, nodes in
// topological order, and the refs that form the result.
type Graph struct {
	Name    string
	Inputs  []Named
	Weights []Named
	Nodes   []Node
	Outputs []Ref
}

// NodeSlot is the activation slot written by node k (1-based).
func (g *Graph) NodeSlot(k int) int { return len(g.Inputs) + k - 1 }

// NumSlots is the number of activation slots: inputs plus node outputs.
func (g *Graph) NumSlots() int { return len(g.Inputs) + len(g.Nodes) }

// Model is a graph bound to its weight tensors.
type Model struct {
	Graph   *Graph
	Weights []*tensor.Tensor
	// commits caches the weight commitments of a model whose weights
	// cannot change (a read-only mapped file, see OpenFile), enc their
	// encodings in the mapping.
	commits []merkle.Hash
	enc     [][]byte
}

// WeightEncoding is weight i's canonical encoding: a view of the mapped
// file for a model from OpenFile (no copy), else freshly encoded.
func (m *Model) WeightEncoding(i int) ([]byte, error) {
	if m.enc != nil && i >= 0 && i < len(m.enc) {
		return m.enc[i], nil
	}
	if i < 0 || i >= len(m.Weights) {
		return nil, fmt.Errorf("%w: weight %d outside [0,%d)", ErrGraph, i, len(m.Weights))
	}
	return m.Weights[i].Encode()
}

// Errors callers can test for.
var (
	ErrFormat   = errors.New("graph: bad model file")
	ErrGraph    = errors.New("graph: invalid graph")
	ErrInput    = errors.New("graph: bad input")
	ErrMismatch = errors.New("graph: hash mismatch")
)
