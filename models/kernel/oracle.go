package kernel

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// MapOracle is an in-memory preimage store: the host side of the oracle,
// and what tests and native re-execution use.
type MapOracle map[merkle.Hash][]byte

// Preimage implements Oracle.
func (m MapOracle) Preimage(key merkle.Hash) ([]byte, error) {
	b, ok := m[key]
	if !ok {
		return nil, fmt.Errorf("no preimage for %s", key)
	}
	return b, nil
}

// Add stores b under keccak(b).
func (m MapOracle) Add(b []byte) merkle.Hash {
	k := merkle.Keccak(b)
	m[k] = b
	return k
}

// AddTree stores every inner node of the tree over leaves.
func (m MapOracle) AddTree(leaves []merkle.Hash) {
	level := make([]merkle.Hash, merkle.PaddedSize(len(leaves)))
	copy(level, leaves)
	for len(level) > 1 {
		for i := 0; i < len(level)/2; i++ {
			var b [64]byte
			copy(b[:32], level[2*i][:])
			copy(b[32:], level[2*i+1][:])
			level[i] = m.Add(b[:])
		}
		level = level[:len(level)/2]
	}
}

// AddTensor stores the chunks and inner nodes of t's commitment tree.
func (m MapOracle) AddTensor(t *tensor.Tensor) error {
	enc, err := t.Encode()
	if err != nil {
		return err
	}
	m.AddEncoding(enc)
	return nil
}

// AddEncoding stores the chunks and inner nodes of the commitment tree of
// a tensor encoding. Full chunks are views of enc, not copies (a mapped
// 7B-shaped model is served straight from the page cache); only the
// zero-padded last chunk is copied. enc must not change afterwards.
func (m MapOracle) AddEncoding(enc []byte) {
	var buf [tensor.ChunkSize]byte
	n := (len(enc) + tensor.ChunkSize - 1) / tensor.ChunkSize
	leaves := make([]merkle.Hash, n)
	for i := range leaves {
		c := tensor.Chunk(enc, i, &buf)
		if &c[0] == &buf[0] {
			c = append([]byte(nil), c...)
		}
		leaves[i] = m.Add(c)
	}
	m.AddTree(leaves)
}

// AddModel stores everything under the model root: the root and graph-hash
// pairs, the header, the node tree and descriptions, the weights tree and
// every weight tensor.
func (m MapOracle) AddModel(e *graph.Executor) error {
	if err := m.AddModelIndex(e); err != nil {
		return err
	}
	for i := range e.Model.Weights {
		enc, err := e.Model.WeightEncoding(i)
		if err != nil {
			return err
		}
		m.AddEncoding(enc)
	}
	return nil
}

// AddModelIndex is AddModel without the weight tensors' chunk trees: what a
// guest reads before it opens a weight's commitment. A host that serves a
// multi-gigabyte model adds a weight's tree only when the guest opens its
// commitment (vm/kernel.Provider), instead of hashing every chunk of every
// weight for the one node a run judges.
func (m MapOracle) AddModelIndex(e *graph.Executor) error {
	g := e.Model.Graph
	hdr, err := g.EncodeHeader()
	if err != nil {
		return err
	}
	hh := m.Add(hdr)
	leaves := make([]merkle.Hash, len(g.Nodes))
	for i := range g.Nodes {
		b, err := g.Nodes[i].Encode()
		if err != nil {
			return err
		}
		leaves[i] = m.Add(b)
	}
	m.AddTree(leaves)
	nr := merkle.Root(leaves)
	m.Add(append(append([]byte(nil), hh[:]...), nr[:]...))
	wc, err := e.Model.WeightCommits()
	if err != nil {
		return err
	}
	m.AddTree(wc)
	wr := merkle.Root(wc)
	m.Add(append(append([]byte(nil), e.GraphHash[:]...), wr[:]...))
	return nil
}

// AddTrace stores the states S_0..S_n of an execution (their 64-byte
// preimages), every activation tree along the way and every slot tensor.
func (m MapOracle) AddTrace(tr *graph.Trace) error {
	n := len(tr.SlotCommits) - tr.NumInputs
	for k := 0; k <= n; k++ {
		slots := make([]merkle.Hash, len(tr.SlotCommits))
		copy(slots, tr.SlotCommits[:tr.NumInputs+k])
		m.AddTree(slots)
		ar := merkle.Root(slots)
		m.Add(append(append([]byte(nil), tr.ModelRoot[:]...), ar[:]...))
	}
	for _, v := range tr.Values {
		if err := m.AddTensor(v); err != nil {
			return err
		}
	}
	return nil
}
