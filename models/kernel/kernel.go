// Package kernel is the native reference of the check the VM guest runs
// on one graph node (the phase link of the dispute game). Given the agreed
// state S_{k-1}, the node index k and a claimed S_k, Check fetches
// everything else as keccak preimages, runs node k with graph.RunNode and
// says whether the claim is right. The guest (vm/kernel/guest) does not
// link this package: it implements the same check over the preimage
// oracle's streaming syscalls, and its tests compare its verdicts with
// Check's on every node. MapOracle holds every preimage the check (and so
// the guest) may ask for (AddModel, AddTrace); vm/kernel serves those bytes
// to the VM.
//
// Every read goes through keccak preimages of at most 1 KiB (tensor chunks)
// or 64 bytes (Merkle nodes, S = modelRoot || activationsRoot, modelRoot =
// graphHash || weightsRoot, graphHash = headerHash || nodesRoot), plus the
// graph header and one node description. Guest-safe: integer-only.
package kernel

import (
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Oracle serves preimages: Preimage(key) returns bytes whose keccak256 is
// key. Answers are re-hashed by the kernel, so a lying oracle gives an error,
// never a wrong verdict.
type Oracle interface {
	Preimage(key merkle.Hash) ([]byte, error)
}

// ErrOracle wraps every failure to obtain or authenticate a preimage.
var ErrOracle = errors.New("kernel: preimage")

// Result is the verdict on a claimed state.
type Result struct {
	Valid    bool
	Expected merkle.Hash // the correct S_k (zero when the node cannot run)
	Output   merkle.Hash // node k's output commitment
	Reason   string      // why the claim is invalid
}

func get(o Oracle, key merkle.Hash) ([]byte, error) {
	b, err := o.Preimage(key)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrOracle, key, err)
	}
	if merkle.Keccak(b) != key {
		return nil, fmt.Errorf("%w %s: answer does not hash to its key", ErrOracle, key)
	}
	return b, nil
}

// pair opens a 64-byte preimage into its two halves.
func pair(o Oracle, key merkle.Hash) (l, r merkle.Hash, err error) {
	b, err := get(o, key)
	if err != nil {
		return l, r, err
	}
	if len(b) != 64 {
		return l, r, fmt.Errorf("%w %s: %d bytes, want a 64-byte node", ErrOracle, key, len(b))
	}
	copy(l[:], b[:32])
	copy(r[:], b[32:])
	return l, r, nil
}

// openLeaf walks a tree of n leaves from root to leaf i and returns the leaf
// and its sibling path (bottom-up, merkle.Prove order).
func openLeaf(o Oracle, root merkle.Hash, n, i int) (merkle.Hash, []merkle.Hash, error) {
	if i < 0 || i >= n {
		return merkle.Hash{}, nil, fmt.Errorf("kernel: leaf %d outside [0,%d)", i, n)
	}
	d := merkle.Depth(n)
	path := make([]merkle.Hash, d)
	h := root
	for lvl := d - 1; lvl >= 0; lvl-- {
		l, r, err := pair(o, h)
		if err != nil {
			return h, nil, err
		}
		if i>>lvl&1 == 0 {
			h, path[lvl] = l, r
		} else {
			h, path[lvl] = r, l
		}
	}
	return h, path, nil
}

// ReadTensor fetches and decodes the tensor with commitment c. The tensor is
// re-committed after decoding, so only the canonical encoding is accepted.
func ReadTensor(o Oracle, c merkle.Hash) (*tensor.Tensor, error) {
	// Descend the leftmost path: 64-byte answers are inner nodes, the first
	// 1024-byte answer is chunk 0, which holds the header.
	h, depth := c, 0
	var first []byte
	for {
		b, err := get(o, h)
		if err != nil {
			return nil, err
		}
		if len(b) == tensor.ChunkSize {
			first = b
			break
		}
		if len(b) != 64 || depth >= 40 {
			return nil, fmt.Errorf("%w %s: not a tensor tree node", ErrOracle, h)
		}
		copy(h[:], b[:32])
		depth++
	}
	hdr, err := tensor.DecodeHeader(first)
	if err != nil {
		return nil, err
	}
	size := hdr.Size + hdr.Data
	chunks := (size + tensor.ChunkSize - 1) / tensor.ChunkSize
	if merkle.Depth(chunks) != depth {
		return nil, fmt.Errorf("kernel: tensor %s has %d chunks but depth %d", c, chunks, depth)
	}
	enc := make([]byte, 0, chunks*tensor.ChunkSize)
	enc = append(enc, first...)
	for i := 1; i < chunks; i++ {
		leaf, _, err := openLeaf(o, c, chunks, i)
		if err != nil {
			return nil, err
		}
		b, err := get(o, leaf)
		if err != nil {
			return nil, err
		}
		if len(b) != tensor.ChunkSize {
			return nil, fmt.Errorf("%w %s: chunk of %d bytes", ErrOracle, leaf, len(b))
		}
		enc = append(enc, b...)
	}
	t, err := tensor.Decode(enc[:size])
	if err != nil {
		return nil, err
	}
	if got, err := t.Commit(); err != nil || got != c {
		return nil, fmt.Errorf("kernel: tensor %s is not canonically committed", c)
	}
	return t, nil
}

// Model is what the kernel learns about the model from its root.
type Model struct {
	Root, GraphHash, WeightsRoot, NodesRoot merkle.Hash
	Graph                                   *graph.Graph // header only: no nodes
	NumNodes                                int
}

// OpenModel fetches the graph header under a model root.
func OpenModel(o Oracle, root merkle.Hash) (*Model, error) {
	gh, wr, err := pair(o, root)
	if err != nil {
		return nil, err
	}
	hh, nr, err := pair(o, gh)
	if err != nil {
		return nil, err
	}
	hb, err := get(o, hh)
	if err != nil {
		return nil, err
	}
	g, n, err := graph.DecodeHeader(hb)
	if err != nil {
		return nil, err
	}
	return &Model{Root: root, GraphHash: gh, WeightsRoot: wr, NodesRoot: nr, Graph: g, NumNodes: n}, nil
}

// Node fetches node k's (1-based) description.
func (m *Model) Node(o Oracle, k int) (graph.Node, error) {
	if k < 1 || k > m.NumNodes {
		return graph.Node{}, fmt.Errorf("kernel: node %d outside [1,%d]", k, m.NumNodes)
	}
	leaf, _, err := openLeaf(o, m.NodesRoot, m.NumNodes, k-1)
	if err != nil {
		return graph.Node{}, err
	}
	b, err := get(o, leaf)
	if err != nil {
		return graph.Node{}, err
	}
	return graph.DecodeNode(b)
}

// Check decides whether claimed is the correct S_k given the agreed prev =
// S_{k-1}. An error means the preimages needed to decide were missing or
// inconsistent (not a verdict).
func Check(o Oracle, k int, prev, claimed merkle.Hash) (Result, error) {
	mr, ar, err := pair(o, prev)
	if err != nil {
		return Result{}, err
	}
	m, err := OpenModel(o, mr)
	if err != nil {
		return Result{}, err
	}
	g := m.Graph
	n, err := m.Node(o, k)
	if err != nil {
		return Result{}, err
	}
	slots := len(g.Inputs) + m.NumNodes
	outSlot := len(g.Inputs) + k - 1
	in := make([]*tensor.Tensor, len(n.Inputs))
	for i, r := range n.Inputs {
		var c merkle.Hash
		switch {
		case r.IsWeight():
			if r.Index() >= len(g.Weights) {
				return Result{Reason: fmt.Sprintf("node %d refers to missing weight %d", k, r.Index())}, nil
			}
			c, _, err = openLeaf(o, m.WeightsRoot, len(g.Weights), r.Index())
		case r.Index() >= outSlot:
			return Result{Reason: fmt.Sprintf("node %d reads slot %d, not yet written", k, r.Index())}, nil
		default:
			c, _, err = openLeaf(o, ar, slots, r.Index())
		}
		if err != nil {
			return Result{}, err
		}
		if in[i], err = ReadTensor(o, c); err != nil {
			return Result{}, err
		}
	}
	out, runErr := graph.RunNode(&n, in)
	if runErr != nil {
		return Result{Reason: fmt.Sprintf("node %d cannot run: %v", k, runErr)}, nil
	}
	oc, err := out.Commit()
	if err != nil {
		return Result{}, err
	}
	old, path, err := openLeaf(o, ar, slots, outSlot)
	if err != nil {
		return Result{}, err
	}
	if old != merkle.Empty {
		return Result{Output: oc, Reason: fmt.Sprintf("slot %d is already written in S_%d", outSlot, k-1)}, nil
	}
	want := graph.StateHash(mr, merkle.RootFromProof(oc, outSlot, path))
	res := Result{Valid: want == claimed, Expected: want, Output: oc}
	if !res.Valid {
		res.Reason = fmt.Sprintf("node %d output %s gives S_%d = %s, not %s", k, oc, k, want, claimed)
	}
	return res, nil
}
