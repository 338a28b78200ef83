package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Preimage key types and local data identifiers (docs/protocol.md 1.9, 2.2).
const (
	keyLocal  = 1
	keyKeccak = 2

	localPrev    = 1 // S_{k-1}, 32 bytes
	localClaimed = 2 // claimed S_k, 32 bytes
	localNode    = 3 // k, u32be
)

// maxHeader bounds the graph header, the only preimage whose size the
// format does not fix (256 inputs and 2^16 weights of at most 255-byte names
// and rank-8 specs stay below it). maxNode bounds a node description (255-byte
// name, 16 inputs, 64 attributes).
const (
	maxHeader = 1 << 25
	maxNode   = 2 + 256 + 1 + 16*4 + 1 + 64*8
)

// errMalformed marks preimage contents that do not have the shape the
// protocol gives them: the request is invalid (exit 2).
var errMalformed = errors.New("malformed preimage")

// stream is the guest side of the preimage oracle: open writes the key and
// reads the 8-byte length, read consumes the next len(dst) preimage bytes.
type stream interface {
	open(key *[32]byte) (uint64, error)
	read(dst []byte) error
}

// checker fetches what node k needs. It does not re-hash keccak preimages:
// the oracle only serves data that hashes to its key (the on-chain
// PreimageOracle checks it when a part is loaded, the host provider before
// serving), so re-hashing would only burn steps. It hashes only what it
// computes: the output commitment and the new state.
type checker struct {
	s    stream
	key  *[32]byte // 32-byte aligned: one key write per syscall under a 32-byte ABI
	pbuf []byte    // 32-byte aligned scratch for one Merkle pair
	// pairs caches opened 64-byte preimages by hash: paths to neighbouring
	// leaves (weights of one node, input and output slots) share their
	// upper nodes.
	pairs map[string][]byte
}

// WHY byte slices instead of merkle.Hash values on the fetch path: the
// mips compiler copies a [32]byte with a byte-at-a-time loop (about 200
// instructions per copy), while copy() on aligned slices is a word-wise
// memmove. Hashes are therefore passed as 32-byte subslices of aligned
// buffers.

func newChecker(s stream) *checker {
	return &checker{
		s:     s,
		key:   (*[32]byte)(aligned(32)),
		pbuf:  aligned(64),
		pairs: make(map[string][]byte, 64),
	}
}

// aligned returns n zero bytes starting at a 32-byte aligned address. WHY:
// a preimage read or key write moves bytes up to the end of the aligned
// memory leaf it starts in, so aligned buffers need the fewest syscalls.
func aligned(n int) []byte {
	b := make([]byte, n+31)
	off := int(-uintptr(unsafe.Pointer(unsafe.SliceData(b))) & 31)
	return b[off : off+n : off+n]
}

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errMalformed, fmt.Sprintf(format, args...))
}

// open selects the preimage of hash h (32 bytes) under key type typ and
// returns its length.
func (c *checker) open(typ byte, h []byte) (uint64, error) {
	copy(c.key[:], h)
	c.key[0] = typ
	n, err := c.s.open(c.key)
	if err != nil {
		return 0, fmt.Errorf("oracle key %x: %w", c.key[:], err)
	}
	return n, nil
}

// bytes fetches a whole preimage of at most max bytes.
func (c *checker) bytes(typ byte, h []byte, max int) ([]byte, error) {
	n, err := c.open(typ, h)
	if err != nil {
		return nil, err
	}
	if n > uint64(max) {
		return nil, malformed("preimage of %x is %d bytes, at most %d expected", h, n, max)
	}
	b := aligned(int(n))
	if err := c.s.read(b); err != nil {
		return nil, err
	}
	return b, nil
}

// local fetches local datum ident, which must be exactly size bytes.
func (c *checker) local(ident uint32, size int) ([]byte, error) {
	var k [32]byte
	binary.BigEndian.PutUint32(k[28:], ident)
	b, err := c.bytes(keyLocal, k[:], size)
	if err != nil {
		return nil, err
	}
	if len(b) != size {
		return nil, malformed("local datum %d is %d bytes, want %d", ident, len(b), size)
	}
	return b, nil
}

// pair opens the 64-byte preimage of h (a Merkle node or one of the
// protocol's pairs): left half p[:32], right half p[32:]. The result is
// shared through the cache and must not be modified.
func (c *checker) pair(h []byte) ([]byte, error) {
	if p, ok := c.pairs[string(h)]; ok {
		return p, nil
	}
	n, err := c.open(keyKeccak, h)
	if err != nil {
		return nil, err
	}
	if n != 64 {
		return nil, malformed("preimage of %x is %d bytes, want a 64-byte node", h, n)
	}
	p := aligned(64)
	if err := c.s.read(p); err != nil {
		return nil, err
	}
	c.pairs[string(h)] = p
	return p, nil
}

// openLeaf walks a tree of n leaves from root to leaf i and returns the leaf
// and its sibling path (bottom-up, merkle.Prove order), as
// models/kernel.openLeaf does.
func (c *checker) openLeaf(root []byte, n, i int) (leaf []byte, path [][]byte, err error) {
	if i < 0 || i >= n {
		return nil, nil, malformed("leaf %d outside [0,%d)", i, n)
	}
	d := merkle.Depth(n)
	path = make([][]byte, d)
	h := root
	for lvl := d - 1; lvl >= 0; lvl-- {
		p, err := c.pair(h)
		if err != nil {
			return nil, nil, err
		}
		if i>>lvl&1 == 0 {
			h, path[lvl] = p[:32], p[32:]
		} else {
			h, path[lvl] = p[32:], p[:32]
		}
	}
	return h, path, nil
}

// maxTensorDepth bounds the chunk tree walk: 2^28 elements of 4 bytes are
// 2^20 chunks, so no canonical tensor tree is deeper than 20.
const maxTensorDepth = 21

// readTensor fetches the tensor committed to by root. Like
// models/kernel.ReadTensor it accepts only the canonical tree shape: the
// depth must match the chunk count the header implies and the last chunk's
// padding must be zero. Unlike it, it does not re-hash: the oracle
// authenticates every chunk against its key. The chunk tree is read level by
// level straight into flat buffers, so each inner node is fetched once and
// nothing goes through the pair cache (a 200-chunk weight matrix would
// spend more steps in map operations than in its matrix-vector product),
// and chunks are read straight into the encoding buffer.
func (c *checker) readTensor(root []byte) (*tensor.Tensor, error) {
	t, err := c.openTree(root)
	if err != nil {
		return nil, err
	}
	hdr, size, chunks, depth, first := t.hdr, t.size, t.chunks, t.depth, t.first
	// Level-order walk: level holds, 32 bytes each, the nodes of one height
	// that cover the chunks; subtrees made only of padding are never opened.
	// open keys the nodes of levels below the root in place (each is
	// opened once, and the buffers are the walk's own), saving a copy per
	// node; the root may be shared with the pair cache, so it is copied.
	level := root
	open := func(h []byte) (uint64, error) {
		if &h[0] == &root[0] {
			return c.open(keyKeccak, h)
		}
		h[0] = keyKeccak
		return c.s.open((*[32]byte)(h))
	}
	for height := depth; height > 0; height-- {
		span := 1 << (height - 1)
		need := (chunks + span - 1) / span
		next := aligned(32 * need)
		for i := 0; i < len(level)/32; i++ {
			n, err := open(level[32*i : 32*i+32])
			if err != nil {
				return nil, err
			}
			if n != 64 {
				return nil, malformed("tensor %x: inner node of %d bytes", root, n)
			}
			if 2*i+1 < need {
				err = c.s.read(next[64*i : 64*i+64])
			} else {
				err = c.s.read(c.pbuf)
				copy(next[64*i:64*i+32], c.pbuf[:32])
			}
			if err != nil {
				return nil, err
			}
		}
		level = next
	}
	enc := aligned(chunks * tensor.ChunkSize)
	copy(enc, first)
	for i := 1; i < chunks; i++ {
		n, err := open(level[32*i : 32*i+32])
		if err != nil {
			return nil, err
		}
		if n != tensor.ChunkSize {
			return nil, malformed("tensor %x chunk %d is %d bytes", root, i, n)
		}
		if err := c.s.read(enc[i*tensor.ChunkSize : (i+1)*tensor.ChunkSize]); err != nil {
			return nil, err
		}
	}
	if !zeroFrom(enc, size) {
		return nil, malformed("tensor %x: non-zero padding", root)
	}
	return fromEncoding(hdr, enc[hdr.Size:size]), nil
}

// zeroFrom reports whether b[i:] is all zero; b must start 4-byte aligned.
// It compares words where it can (a byte loop costs 4 steps per byte).
func zeroFrom(b []byte, i int) bool {
	for ; i < len(b) && i&3 != 0; i++ {
		if b[i] != 0 {
			return false
		}
	}
	for ; i+4 <= len(b); i += 4 {
		if *(*uint32)(unsafe.Pointer(&b[i])) != 0 {
			return false
		}
	}
	for ; i < len(b); i++ {
		if b[i] != 0 {
			return false
		}
	}
	return true
}

// fromEncoding builds the tensor tensor.Decode would, without copying int8
// and uint8 data: the encoding buffer is not used for anything else, and
// copying a 200 KB weight matrix byte by byte costs more steps than the
// matrix-vector product that reads it.
func fromEncoding(h tensor.Header, d []byte) *tensor.Tensor {
	t := &tensor.Tensor{DType: h.DType, Shape: h.Shape, Quant: h.Quant}
	switch h.DType {
	case tensor.I8:
		t.I8 = unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(d))), len(d))
	case tensor.U8:
		t.U8 = d
	case tensor.I32:
		// d starts 4-byte aligned (the header is 20 + 4·rank bytes into an
		// aligned buffer), so each element is one word load plus a byte
		// swap, in native byte order on either endianness.
		t.I32 = make([]int32, len(d)/4)
		for i := range t.I32 {
			t.I32[i] = int32(leWord(*(*uint32)(unsafe.Pointer(&d[4*i]))))
		}
	}
	return t
}

// verdict is the outcome of a well-formed request.
type verdict struct {
	k        int
	op       graph.Op
	out      merkle.Hash // node k's output commitment
	expected merkle.Hash // the S_k it gives
	valid    bool        // expected == claimed
}

// check runs the kernel for the model root from argv. An error means the
// request is invalid (exit 2); otherwise the verdict says whether the
// claimed S_k is right. It follows models/kernel.Check step for step, except
// that it opens node k's output slot before running the node, so that all
// oracle reads precede the computation.
func (c *checker) check(modelRoot merkle.Hash) (*verdict, error) {
	prev, err := c.local(localPrev, 32)
	if err != nil {
		return nil, err
	}
	claimed, err := c.local(localClaimed, 32)
	if err != nil {
		return nil, err
	}
	kb, err := c.local(localNode, 4)
	if err != nil {
		return nil, err
	}
	k := int(binary.BigEndian.Uint32(kb))

	s, err := c.pair(prev)
	if err != nil {
		return nil, err
	}
	mr, ar := s[:32], s[32:]
	if merkle.Hash(mr) != modelRoot {
		return nil, fmt.Errorf("S_{k-1} is a state of model %x, the kernel is bound to %x", mr, modelRoot)
	}
	m, err := c.pair(mr)
	if err != nil {
		return nil, err
	}
	gh, wr := m[:32], m[32:]
	gp, err := c.pair(gh)
	if err != nil {
		return nil, err
	}
	hh, nr := gp[:32], gp[32:]
	hb, err := c.bytes(keyKeccak, hh, maxHeader)
	if err != nil {
		return nil, err
	}
	g, numNodes, err := graph.DecodeHeader(hb)
	if err != nil {
		return nil, malformed("graph header: %v", err)
	}
	if k < 1 || k > numNodes {
		return nil, fmt.Errorf("node %d outside [1,%d]", k, numNodes)
	}
	leaf, _, err := c.openLeaf(nr, numNodes, k-1)
	if err != nil {
		return nil, err
	}
	db, err := c.bytes(keyKeccak, leaf, maxNode)
	if err != nil {
		return nil, err
	}
	node, err := graph.DecodeNode(db)
	if err != nil {
		return nil, malformed("node %d: %v", k, err)
	}

	slots := len(g.Inputs) + numNodes
	outSlot := len(g.Inputs) + k - 1
	old, path, err := c.openLeaf(ar, slots, outSlot)
	if err != nil {
		return nil, err
	}
	if merkle.Hash(old) != merkle.Empty {
		return nil, malformed("slot %d is already written in S_%d", outSlot, k-1)
	}
	tcs := make([][]byte, len(node.Inputs))
	for i, r := range node.Inputs {
		var tc []byte
		switch {
		case r.IsWeight():
			if r.Index() >= len(g.Weights) {
				return nil, malformed("node %d refers to missing weight %d", k, r.Index())
			}
			tc, _, err = c.openLeaf(wr, len(g.Weights), r.Index())
		case r.Index() >= outSlot:
			return nil, malformed("node %d reads slot %d, not yet written", k, r.Index())
		default:
			tc, _, err = c.openLeaf(ar, slots, r.Index())
		}
		if err != nil {
			return nil, err
		}
		if merkle.Hash(tc) == merkle.Empty {
			return nil, malformed("node %d input %d (%s) is empty in S_%d", k, i, r, k-1)
		}
		tcs[i] = tc
	}
	var oc merkle.Hash
	switch {
	case node.Op == graph.OpEmbed && len(tcs) == 2:
		oc, err = c.embed(k, &node, tcs)
	case node.Op == graph.OpKVWrite && len(tcs) == 3:
		oc, err = c.kvWrite(k, &node, tcs)
	default:
		oc, err = c.runWhole(k, &node, tcs)
	}
	if err != nil {
		return nil, err
	}
	hp := make([]merkle.Hash, len(path))
	for i, p := range path {
		hp[i] = merkle.Hash(p)
	}
	want := graph.StateHash(merkle.Hash(mr), merkle.RootFromProof(oc, outSlot, hp))
	return &verdict{k: k, op: node.Op, out: oc, expected: want, valid: want == merkle.Hash(claimed)}, nil
}

// runWhole reads every input whole, runs the node with graph.RunNode and
// commits its output: every op but the streamed ones (sparse.go).
func (c *checker) runWhole(k int, node *graph.Node, tcs [][]byte) (merkle.Hash, error) {
	in := make([]*tensor.Tensor, len(tcs))
	for i, tc := range tcs {
		var err error
		if in[i], err = c.readTensor(tc); err != nil {
			return merkle.Hash{}, err
		}
	}
	out, err := graph.RunNode(node, in)
	if err != nil {
		return merkle.Hash{}, fmt.Errorf("node %d cannot run: %w", k, err)
	}
	oc, err := out.Commit()
	if err != nil {
		return merkle.Hash{}, fmt.Errorf("node %d output: %w", k, err)
	}
	return oc, nil
}
