package graph

import (
	"encoding/binary"
	"fmt"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Format constants and limits (docs/models.md, "Graph and model files").
const (
	GraphMagic   = "AIVG"
	GraphVersion = 1
	FileMagic    = "AIVMMODL"
	FileVersion  = 1

	MaxNodes      = 1 << 20
	MaxWeights    = 1 << 16
	MaxInputs     = 256
	MaxOutputs    = 256
	MaxNodeInputs = 16
	MaxAttrs      = 64
	MaxName       = 255
)

// writer builds canonical little-endian encodings.
type writer struct{ b []byte }

func (w *writer) u8(v uint8)   { w.b = append(w.b, v) }
func (w *writer) u16(v uint16) { w.b = binary.LittleEndian.AppendUint16(w.b, v) }
func (w *writer) u32(v uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *writer) i64(v int64)  { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(v)) }
func (w *writer) str(s string) { w.u8(uint8(len(s))); w.b = append(w.b, s...) }
func (w *writer) spec(s tensor.Spec) {
	w.u8(uint8(s.DType))
	w.u8(uint8(len(s.Shape)))
	for _, d := range s.Shape {
		w.u32(uint32(d))
	}
}

// reader decodes with bounds checks; the first failure sticks in err so
// decoding code can read straight through and check once.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: at byte %d: %s", ErrFormat, r.off, fmt.Sprintf(format, args...))
	}
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || len(r.b)-r.off < n {
		r.fail("truncated: need %d bytes, have %d", n, len(r.b)-r.off)
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

func (r *reader) u8() uint8 {
	if b := r.take(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.take(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) i64() int64 {
	if b := r.take(8); b != nil {
		return int64(binary.LittleEndian.Uint64(b))
	}
	return 0
}

func (r *reader) str() string { return string(r.take(int(r.u8()))) }

func (r *reader) spec() tensor.Spec {
	dt := tensor.DType(r.u8())
	rank := int(r.u8())
	if r.err == nil && !dt.Valid() {
		r.fail("unknown dtype %d", dt)
	}
	if rank > tensor.MaxRank {
		r.fail("rank %d exceeds %d", rank, tensor.MaxRank)
		return tensor.Spec{}
	}
	s := tensor.Spec{DType: dt, Shape: make([]int, rank)}
	for i := range s.Shape {
		s.Shape[i] = int(r.u32())
	}
	if _, err := tensor.NumElements(s.Shape); err != nil && r.err == nil {
		r.fail("%v", err)
	}
	return s
}

// count reads a length prefix and bounds it.
func (r *reader) count(n uint32, max int, what string) int {
	if int64(n) > int64(max) {
		r.fail("%d %s exceeds the limit %d", n, what, max)
		return 0
	}
	return int(n)
}

func (r *reader) done(what string) {
	if r.err == nil && r.off != len(r.b) {
		r.fail("%d trailing bytes after %s", len(r.b)-r.off, what)
	}
}

func checkName(s string) error {
	if len(s) > MaxName {
		return fmt.Errorf("%w: name of %d bytes exceeds %d", ErrGraph, len(s), MaxName)
	}
	return nil
}

// EncodeHeader returns the canonical graph header: everything but the nodes.
func (g *Graph) EncodeHeader() ([]byte, error) {
	if len(g.Inputs) > MaxInputs || len(g.Weights) > MaxWeights || len(g.Outputs) > MaxOutputs || len(g.Nodes) > MaxNodes {
		return nil, fmt.Errorf("%w: graph exceeds a size limit", ErrGraph)
	}
	w := &writer{}
	w.b = append(w.b, GraphMagic...)
	w.u16(GraphVersion)
	if err := checkName(g.Name); err != nil {
		return nil, err
	}
	w.str(g.Name)
	for _, list := range [][]Named{g.Inputs, g.Weights} {
		w.u32(uint32(len(list)))
		for _, n := range list {
			if err := checkName(n.Name); err != nil {
				return nil, err
			}
			w.str(n.Name)
			w.spec(n.Spec)
		}
	}
	w.u16(uint16(len(g.Outputs)))
	for _, o := range g.Outputs {
		w.u32(uint32(o))
	}
	w.u32(uint32(len(g.Nodes)))
	return w.b, nil
}

// Encode returns a node's canonical description: small and self-contained,
// so the guest can fetch node k alone and check it against the graph hash.
func (n *Node) Encode() ([]byte, error) {
	if len(n.Inputs) > MaxNodeInputs || len(n.Attrs) > MaxAttrs {
		return nil, fmt.Errorf("%w: node %q has %d inputs, %d attrs", ErrGraph, n.Name, len(n.Inputs), len(n.Attrs))
	}
	if err := checkName(n.Name); err != nil {
		return nil, err
	}
	w := &writer{}
	w.u16(uint16(n.Op))
	w.str(n.Name)
	w.u8(uint8(len(n.Inputs)))
	for _, in := range n.Inputs {
		w.u32(uint32(in))
	}
	w.u8(uint8(len(n.Attrs)))
	for _, a := range n.Attrs {
		w.i64(a)
	}
	return w.b, nil
}

// DecodeNode parses one node description (the inverse of Node.Encode).
func DecodeNode(b []byte) (Node, error) {
	r := &reader{b: b}
	n := decodeNode(r)
	r.done("node")
	return n, r.err
}

func decodeNode(r *reader) Node {
	var n Node
	n.Op = Op(r.u16())
	n.Name = r.str()
	// Empty lists decode as nil so a decoded node equals the one encoded.
	for range r.count(uint32(r.u8()), MaxNodeInputs, "node inputs") {
		n.Inputs = append(n.Inputs, Ref(r.u32()))
	}
	for range r.count(uint32(r.u8()), MaxAttrs, "attrs") {
		n.Attrs = append(n.Attrs, r.i64())
	}
	if r.err == nil && (n.Op == OpInvalid || n.Op >= opEnd) {
		r.fail("unknown op code %d", uint16(n.Op))
	}
	return n
}

// decodeHeader parses a graph header and returns the graph (without nodes)
// and the declared node count.
func decodeHeader(r *reader) (*Graph, int) {
	if m := r.take(len(GraphMagic)); r.err == nil && string(m) != GraphMagic {
		r.fail("graph magic %q, want %q", m, GraphMagic)
	}
	if v := r.u16(); r.err == nil && v != GraphVersion {
		r.fail("graph version %d, want %d", v, GraphVersion)
	}
	g := &Graph{Name: r.str()}
	for i, limit := range []int{MaxInputs, MaxWeights} {
		list := make([]Named, r.count(r.u32(), limit, "tensors"))
		for j := range list {
			list[j] = Named{Name: r.str(), Spec: r.spec()}
		}
		if i == 0 {
			g.Inputs = list
		} else {
			g.Weights = list
		}
	}
	g.Outputs = make([]Ref, r.count(uint32(r.u16()), MaxOutputs, "outputs"))
	for i := range g.Outputs {
		g.Outputs[i] = Ref(r.u32())
	}
	return g, r.count(r.u32(), MaxNodes, "nodes")
}

// DecodeHeader parses an encoded graph header.
func DecodeHeader(b []byte) (*Graph, int, error) {
	r := &reader{b: b}
	g, n := decodeHeader(r)
	r.done("graph header")
	return g, n, r.err
}

// NodeLeaves returns keccak256 of every node description: the leaves of the
// graph's node tree.
func (g *Graph) NodeLeaves() ([]merkle.Hash, error) {
	leaves := make([]merkle.Hash, len(g.Nodes))
	for i := range g.Nodes {
		b, err := g.Nodes[i].Encode()
		if err != nil {
			return nil, err
		}
		leaves[i] = merkle.Keccak(b)
	}
	return leaves, nil
}

// Hash is the graph description hash: keccak(keccak(header) || nodesRoot),
// where nodesRoot is the Merkle root over the node leaves. A guest proves
// node k's description with one Merkle path instead of the whole graph.
func (g *Graph) Hash() (merkle.Hash, error) {
	hdr, err := g.EncodeHeader()
	if err != nil {
		return merkle.Hash{}, err
	}
	leaves, err := g.NodeLeaves()
	if err != nil {
		return merkle.Hash{}, err
	}
	h := merkle.Keccak(hdr)
	root := merkle.Root(leaves)
	return merkle.Keccak(h[:], root[:]), nil
}

// WeightCommits returns the tensor commitment of every weight.
func (m *Model) WeightCommits() ([]merkle.Hash, error) {
	if m.commits != nil && len(m.commits) == len(m.Weights) {
		return append([]merkle.Hash(nil), m.commits...), nil
	}
	out := make([]merkle.Hash, len(m.Weights))
	for i, w := range m.Weights {
		c, err := w.Commit()
		if err != nil {
			return nil, fmt.Errorf("weight %d: %w", i, err)
		}
		out[i] = c
	}
	return out, nil
}

// ModelRoot combines weight commitments and the graph hash into the model
// root: Node(graphHash, weightsRoot), where weightsRoot is the Merkle root
// over [commit(w_0), ..., commit(w_{W-1})]. The graph hash sits at a fixed
// place so a verifier can open it first and learn W (and everything else)
// from the graph header.
func ModelRoot(weightCommits []merkle.Hash, graphHash merkle.Hash) merkle.Hash {
	return merkle.Node(graphHash, merkle.Root(weightCommits))
}

// Root computes the model root (content address) of m.
func (m *Model) Root() (merkle.Hash, error) {
	wc, err := m.WeightCommits()
	if err != nil {
		return merkle.Hash{}, err
	}
	gh, err := m.Graph.Hash()
	if err != nil {
		return merkle.Hash{}, err
	}
	return ModelRoot(wc, gh), nil
}

// Encode writes the model file: magic, version, graph header, node
// descriptions, weight tensors (each length-prefixed) and the model root, so
// a reader can detect any corruption by recomputing the root.
func (m *Model) Encode() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	hdr, err := m.Graph.EncodeHeader()
	if err != nil {
		return nil, err
	}
	w := &writer{}
	w.b = append(w.b, FileMagic...)
	w.u32(FileVersion)
	w.u32(uint32(len(hdr)))
	w.b = append(w.b, hdr...)
	for i := range m.Graph.Nodes {
		nb, err := m.Graph.Nodes[i].Encode()
		if err != nil {
			return nil, err
		}
		w.u32(uint32(len(nb)))
		w.b = append(w.b, nb...)
	}
	for i, t := range m.Weights {
		tb, err := t.Encode()
		if err != nil {
			return nil, fmt.Errorf("weight %d: %w", i, err)
		}
		w.u32(uint32(len(tb)))
		w.b = append(w.b, tb...)
	}
	root, err := m.Root()
	if err != nil {
		return nil, err
	}
	w.b = append(w.b, root[:]...)
	return w.b, nil
}

// parseFile parses a model file and validates everything but the stored
// root, which it returns: format, limits, graph structure, node shapes and
// weights against their specs. Each weight's encoding goes through
// tensorOf (tensor.Decode copies it, tensor.View aliases it); the
// encodings themselves are returned too.
func parseFile(b []byte, tensorOf func([]byte) (*tensor.Tensor, error)) (*Model, [][]byte, merkle.Hash, error) {
	var stored merkle.Hash
	r := &reader{b: b}
	if m := r.take(len(FileMagic)); r.err == nil && string(m) != FileMagic {
		r.fail("magic %q, want %q", m, FileMagic)
	}
	if v := r.u32(); r.err == nil && v != FileVersion {
		r.fail("file version %d, want %d", v, FileVersion)
	}
	hb := r.take(int(r.u32()))
	if r.err != nil {
		return nil, nil, stored, r.err
	}
	g, nNodes, err := DecodeHeader(hb)
	if err != nil {
		return nil, nil, stored, err
	}
	g.Nodes = make([]Node, 0, min(nNodes, 1024))
	for i := 0; i < nNodes && r.err == nil; i++ {
		nb := r.take(int(r.u32()))
		if r.err != nil {
			break
		}
		n, err := DecodeNode(nb)
		if err != nil {
			return nil, nil, stored, fmt.Errorf("node %d: %w", i+1, err)
		}
		g.Nodes = append(g.Nodes, n)
	}
	m := &Model{Graph: g, Weights: make([]*tensor.Tensor, 0, len(g.Weights))}
	encs := make([][]byte, 0, len(g.Weights))
	for i := 0; i < len(g.Weights) && r.err == nil; i++ {
		tb := r.take(int(r.u32()))
		if r.err != nil {
			break
		}
		t, err := tensorOf(tb)
		if err != nil {
			return nil, nil, stored, fmt.Errorf("%w: weight %d (%s): %w", ErrFormat, i, g.Weights[i].Name, err)
		}
		m.Weights = append(m.Weights, t)
		encs = append(encs, tb)
	}
	copy(stored[:], r.take(32))
	r.done("model file")
	if r.err != nil {
		return nil, nil, stored, r.err
	}
	if err := m.Validate(); err != nil {
		return nil, nil, stored, err
	}
	return m, encs, stored, nil
}

// Decode parses and fully validates a model file: format, limits, graph
// structure, shapes of every node, weights against their specs, and the
// stored model root against the recomputed one.
func Decode(b []byte) (*Model, error) { return decode(b, true) }

// decode is Decode with the stored-root check optional (for migrating files
// after a format change, never for untrusted input).
func decode(b []byte, checkRoot bool) (*Model, error) {
	m, _, stored, err := parseFile(b, tensor.Decode)
	if err != nil {
		return nil, err
	}
	root, err := m.Root()
	if err != nil {
		return nil, err
	}
	if checkRoot && root != stored {
		return nil, fmt.Errorf("%w: file says model root %s, content hashes to %s", ErrMismatch, stored, root)
	}
	return m, nil
}

// NodeProof returns node k's (1-based) description, its Merkle path in the
// node tree and the header hash: with these a guest that knows only the
// graph hash can authenticate the one node it must execute.
func (g *Graph) NodeProof(k int) (desc []byte, path []merkle.Hash, headerHash merkle.Hash, err error) {
	if k < 1 || k > len(g.Nodes) {
		return nil, nil, headerHash, fmt.Errorf("%w: node %d outside [1,%d]", ErrGraph, k, len(g.Nodes))
	}
	hdr, err := g.EncodeHeader()
	if err != nil {
		return nil, nil, headerHash, err
	}
	leaves, err := g.NodeLeaves()
	if err != nil {
		return nil, nil, headerHash, err
	}
	if path, err = merkle.Prove(leaves, k-1); err != nil {
		return nil, nil, headerHash, err
	}
	desc, err = g.Nodes[k-1].Encode()
	return desc, path, merkle.Keccak(hdr), err
}

// VerifyNode checks a NodeProof against a graph hash and decodes the node.
func VerifyNode(graphHash, headerHash merkle.Hash, k int, desc []byte, path []merkle.Hash) (Node, error) {
	root := merkle.RootFromProof(merkle.Keccak(desc), k-1, path)
	if k < 1 || k-1 >= 1<<len(path) || merkle.Keccak(headerHash[:], root[:]) != graphHash {
		return Node{}, fmt.Errorf("%w: node %d does not belong to graph %s", ErrMismatch, k, graphHash)
	}
	return DecodeNode(desc)
}
