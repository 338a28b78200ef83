package main

import (
	"bytes"
	"fmt"
	"unsafe"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Streamed nodes (docs/kernel.md, "Guest limits"). Two ops touch a small
// part of a large tensor: embedding reads one row of a [vocab, dim] table
// (131 MB at LLaMA-7B shape) and kv_write replaces one row of a [seq, d]
// cache, so its output is as large as the cache (8 MB at seq 2048).
// Reading the table whole costs about 70 M steps, and hashing the whole
// output in the guest (keccak, about 110 steps per byte) about 900 M. The
// guest therefore opens such a tensor's tree only along the paths to the
// chunks it needs, and commits kv_write's output by a sparse Merkle update
// of the cache's tree. The verdict is the one graph.RunNode and
// tensor.Commit give (TestStreamedMatchesRunNode, FuzzStreamed).

// tensorTree is a tensor commitment opened down its left spine: chunk 0
// with the decoded header, and the depth, checked against the chunk count
// the header implies.
type tensorTree struct {
	root   []byte
	hdr    tensor.Header
	size   int    // encoded bytes: header and data, without padding
	chunks int    // 1 KiB chunks
	depth  int    // tree height: merkle.Depth(chunks)
	first  []byte // chunk 0 (1 KiB), holding the header
}

// openTree descends the left spine of the tree under root: 64-byte
// preimages are inner nodes, the first 1024-byte one is chunk 0, which holds
// the header. The depth must be the one the header's chunk count gives, so
// the tree has the canonical shape along every path a caller walks.
func (c *checker) openTree(root []byte) (*tensorTree, error) {
	h, depth := root, 0
	var first []byte
	for first == nil {
		n, err := c.open(keyKeccak, h)
		if err != nil {
			return nil, err
		}
		switch {
		case n == tensor.ChunkSize:
			first = aligned(tensor.ChunkSize)
			if err := c.s.read(first); err != nil {
				return nil, err
			}
		case n == 64 && depth < maxTensorDepth:
			if err := c.s.read(c.pbuf); err != nil {
				return nil, err
			}
			h = append(aligned(32)[:0], c.pbuf[:32]...)
			depth++
		default:
			return nil, malformed("tensor %x: node of %d bytes at depth %d", root, n, depth)
		}
	}
	hdr, err := tensor.DecodeHeader(first)
	if err != nil {
		return nil, malformed("tensor %x: %v", root, err)
	}
	size := hdr.Size + hdr.Data
	chunks := (size + tensor.ChunkSize - 1) / tensor.ChunkSize
	if merkle.Depth(chunks) != depth {
		return nil, malformed("tensor %x has %d chunks but depth %d", root, chunks, depth)
	}
	return &tensorTree{root: root, hdr: hdr, size: size, chunks: chunks, depth: depth, first: first}, nil
}

// chunkVisitor receives chunk i of a sparse walk. It may modify chunk and
// reports whether it did.
type chunkVisitor func(i int, chunk []byte) (changed bool)

// walk opens t's tree along the paths to the chunks in want (sorted,
// distinct, in [0, t.chunks)) and passes each to visit, in order. Every
// inner node on the way must be a 64-byte node and every chunk 1 KiB; the
// last chunk's padding must be zero (checked before visit sees it). It
// returns the root of the tree in which the visited chunks are replaced by
// their contents after visit: the sparse Merkle update, which re-hashes the
// changed chunks and the nodes above them only. Nodes and chunks off these
// paths are not opened; the oracle authenticates each one it serves.
func (c *checker) walk(t *tensorTree, want []int, visit chunkVisitor) ([]byte, error) {
	root, _, err := c.walkNode(t, t.root, t.depth, 0, want, visit)
	return root, err
}

// walkNode handles the subtree of the given height whose first chunk is
// off and whose hash is h; want holds the wanted chunks inside it. It
// returns the subtree's hash after the update and whether it changed.
func (c *checker) walkNode(t *tensorTree, h []byte, height, off int, want []int, visit chunkVisitor) ([]byte, bool, error) {
	if height == 0 {
		chunk := t.first
		if off != 0 {
			n, err := c.open(keyKeccak, h)
			if err != nil {
				return nil, false, err
			}
			if n != tensor.ChunkSize {
				return nil, false, malformed("tensor %x chunk %d is %d bytes", t.root, off, n)
			}
			chunk = aligned(tensor.ChunkSize)
			if err := c.s.read(chunk); err != nil {
				return nil, false, err
			}
		}
		if off == t.chunks-1 && !zeroFrom(chunk, t.size-off*tensor.ChunkSize) {
			return nil, false, malformed("tensor %x: non-zero padding", t.root)
		}
		if !visit(off, chunk) {
			return h, false, nil
		}
		k := merkle.Keccak(chunk)
		return k[:], true, nil
	}
	n, err := c.open(keyKeccak, h)
	if err != nil {
		return nil, false, err
	}
	if n != 64 {
		return nil, false, malformed("tensor %x: inner node of %d bytes", t.root, n)
	}
	p := aligned(64)
	if err := c.s.read(p); err != nil {
		return nil, false, err
	}
	span := 1 << (height - 1)
	split := 0
	for split < len(want) && want[split] < off+span {
		split++
	}
	changed := false
	for side, sub := range [2][]int{want[:split], want[split:]} {
		if len(sub) == 0 {
			continue
		}
		nh, ch, err := c.walkNode(t, p[32*side:32*side+32], height-1, off+side*span, sub, visit)
		if err != nil {
			return nil, false, err
		}
		if ch {
			copy(p[32*side:32*side+32], nh)
			changed = true
		}
	}
	if !changed {
		return h, false, nil
	}
	k := merkle.Keccak(p)
	return k[:], true, nil
}

// chunkSet returns the chunks that hold encoding bytes [lo, hi) plus the
// extra chunks given, sorted and without duplicates.
func chunkSet(lo, hi int, extra ...int) []int {
	var s []int
	add := func(i int) {
		for j, v := range s {
			if v == i {
				return
			}
			if v > i {
				s = append(s[:j], append([]int{i}, s[j:]...)...)
				return
			}
		}
		s = append(s, i)
	}
	if hi > lo {
		for i := lo / tensor.ChunkSize; i <= (hi-1)/tensor.ChunkSize; i++ {
			add(i)
		}
	}
	for _, i := range extra {
		add(i)
	}
	return s
}

// overlap returns the part of chunk i (encoding bytes [i·1K, (i+1)·1K)) that
// lies in encoding bytes [lo, hi), as offsets into the chunk and into
// [lo, hi); n is 0 when they do not meet.
func overlap(i, lo, hi int) (inChunk, inRange, n int) {
	base := i * tensor.ChunkSize
	a, b := max(lo, base), min(hi, base+tensor.ChunkSize)
	if a >= b {
		return 0, 0, 0
	}
	return a - base, a - lo, b - a
}

// streamed is a streamed node, prepared: input 0, the large rank-2
// tensor, opened as a tree; the other inputs, read whole (in[0] is nil);
// the output spec; and encoding bytes [lo, hi) of the row the node reads or
// writes.
type streamed struct {
	t      *tensorTree
	in     []*tensor.Tensor
	spec   tensor.Spec
	lo, hi int
}

// openStreamed prepares a streamed node whose input at (an i32 [1]) selects
// a row of input 0. The input specs are checked with graph.OutSpec, as
// graph.RunNode checks them (its other check, Validate, holds for every
// decoded tensor), and the row index against the rows, as the op does
// (what names the index in the error).
func (c *checker) openStreamed(k int, n *graph.Node, tcs [][]byte, at int, what string) (*streamed, error) {
	in := make([]*tensor.Tensor, len(tcs))
	specs := make([]tensor.Spec, len(tcs))
	for i := 1; i < len(tcs); i++ {
		var err error
		if in[i], err = c.readTensor(tcs[i]); err != nil {
			return nil, err
		}
		specs[i] = tensor.Spec{DType: in[i].DType, Shape: in[i].Shape}
	}
	t, err := c.openTree(tcs[0])
	if err != nil {
		return nil, err
	}
	specs[0] = tensor.Spec{DType: t.hdr.DType, Shape: t.hdr.Shape}
	spec, err := graph.OutSpec(n, specs)
	if err != nil {
		return nil, fmt.Errorf("node %d cannot run: %w", k, err)
	}
	rows, width := t.hdr.Shape[0], t.hdr.Shape[1]
	r := in[at].I32[0]
	if r < 0 || int(r) >= rows {
		return nil, fmt.Errorf("node %d cannot run: node %q (%s): %s %d outside [0,%d)", k, n.Name, n.Op, what, r, rows)
	}
	lo := t.hdr.Size + int(r)*width
	return &streamed{t: t, in: in, spec: spec, lo: lo, hi: lo + width}, nil
}

// embed is node k = embedding(table, tok) with the table streamed: the
// chunks of row tok (and the last chunk, for its padding) are fetched, not
// the table. It returns the output commitment, that of graph.RunNode's
// output: the row as i8 [dim] with zero quantization.
func (c *checker) embed(k int, n *graph.Node, tcs [][]byte) (merkle.Hash, error) {
	s, err := c.openStreamed(k, n, tcs, 1, "token")
	if err != nil {
		return merkle.Hash{}, err
	}
	out, err := tensor.New(s.spec.DType, s.spec.Shape...)
	if err != nil {
		return merkle.Hash{}, err
	}
	row := i8Bytes(out.I8)
	lo, hi := s.lo, s.hi
	if _, err := c.walk(s.t, chunkSet(lo, hi, s.t.chunks-1), func(i int, chunk []byte) bool {
		if a, b, m := overlap(i, lo, hi); m > 0 {
			copy(row[b:b+m], chunk[a:a+m])
		}
		return false
	}); err != nil {
		return merkle.Hash{}, err
	}
	oc, err := out.Commit()
	if err != nil {
		return merkle.Hash{}, fmt.Errorf("node %d output: %w", k, err)
	}
	return oc, nil
}

// kvWrite is node k = kv_write(cache, row, pos) with the cache streamed. The
// output is the cache with row pos replaced and, as graph.RunNode makes it,
// zero quantization; its commitment is a sparse update of the cache's tree:
// the chunks holding row pos are patched, and chunk 0 too when the header
// changes (a cache with non-zero quantization), then re-hashed with the
// nodes above them. The last chunk is fetched for its padding check.
func (c *checker) kvWrite(k int, n *graph.Node, tcs [][]byte) (merkle.Hash, error) {
	s, err := c.openStreamed(k, n, tcs, 2, "position")
	if err != nil {
		return merkle.Hash{}, err
	}
	cache := s.t
	// Same dtype and rank as the cache's header, so the same length.
	hdr := (&tensor.Tensor{DType: s.spec.DType, Shape: s.spec.Shape}).AppendHeader(nil)
	data := i8Bytes(s.in[1].I8)
	lo, hi := s.lo, s.hi
	extra := []int{cache.chunks - 1}
	if !bytes.Equal(cache.first[:len(hdr)], hdr) {
		extra = append(extra, 0)
	}
	root, err := c.walk(cache, chunkSet(lo, hi, extra...), func(i int, chunk []byte) bool {
		changed := false
		if i == 0 && !bytes.Equal(chunk[:len(hdr)], hdr) {
			copy(chunk, hdr)
			changed = true
		}
		if a, b, m := overlap(i, lo, hi); m > 0 && !bytes.Equal(chunk[a:a+m], data[b:b+m]) {
			copy(chunk[a:a+m], data[b:b+m])
			changed = true
		}
		return changed
	})
	if err != nil {
		return merkle.Hash{}, err
	}
	return merkle.Hash(root), nil
}

// i8Bytes views int8 data as bytes (no copy).
func i8Bytes(b []int8) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
}
