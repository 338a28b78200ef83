// Package merkle is the one keccak binary Merkle tree AIVM uses for tensor
// chunks, model roots, graph node lists and activation slots. It lives in its
// own tiny package so the MIPS guest, the services and the contracts share a
// single definition (see docs/models.md).
//
// Rules: leaves are 32-byte hashes; the leaf count is padded to the next power
// of two with Empty (32 zero bytes); an inner node is keccak256(left || right)
// with no shortcut for empty subtrees; a tree of one leaf has that leaf as its
// root; a tree of zero leaves has root Empty.
package merkle

import (
	"errors"
	"fmt"

	"golang.org/x/crypto/sha3"
)

// Hash is a 32-byte keccak256 digest.
type Hash [32]byte

// Empty is the value of a padding leaf.
var Empty Hash

// ErrProof is returned when a proof does not verify.
var ErrProof = errors.New("merkle: proof does not verify")

// Keccak returns the legacy (Ethereum) keccak256 of the concatenated parts.
func Keccak(parts ...[]byte) Hash {
	h := sha3.NewLegacyKeccak256()
	for _, p := range parts {
		h.Write(p)
	}
	var out Hash
	h.Sum(out[:0])
	return out
}

// Node hashes two children.
func Node(l, r Hash) Hash {
	var buf [64]byte
	copy(buf[:32], l[:])
	copy(buf[32:], r[:])
	return Keccak(buf[:])
}

// PaddedSize is the smallest power of two >= n (1 for n <= 1).
func PaddedSize(n int) int {
	p := 1
	for p < n {
		p <<= 1
	}
	return p
}

// Depth is log2(PaddedSize(n)): the length of a proof in a tree of n leaves.
func Depth(n int) int {
	d := 0
	for 1<<d < n {
		d++
	}
	return d
}

// Root computes the root over leaves.
func Root(leaves []Hash) Hash {
	if len(leaves) == 0 {
		return Empty
	}
	level := make([]Hash, PaddedSize(len(leaves)))
	copy(level, leaves)
	for len(level) > 1 {
		for i := 0; i < len(level)/2; i++ {
			level[i] = Node(level[2*i], level[2*i+1])
		}
		level = level[:len(level)/2]
	}
	return level[0]
}

// Prove returns the sibling path (bottom-up) for leaf i.
func Prove(leaves []Hash, i int) ([]Hash, error) {
	if i < 0 || i >= len(leaves) {
		return nil, fmt.Errorf("merkle: leaf %d out of range [0,%d)", i, len(leaves))
	}
	level := make([]Hash, PaddedSize(len(leaves)))
	copy(level, leaves)
	path := make([]Hash, 0, Depth(len(leaves)))
	for len(level) > 1 {
		path = append(path, level[i^1])
		for j := 0; j < len(level)/2; j++ {
			level[j] = Node(level[2*j], level[2*j+1])
		}
		level = level[:len(level)/2]
		i >>= 1
	}
	return path, nil
}

// RootFromProof recomputes the root implied by a leaf at index i and its path.
func RootFromProof(leaf Hash, i int, path []Hash) Hash {
	h := leaf
	for _, s := range path {
		if i&1 == 0 {
			h = Node(h, s)
		} else {
			h = Node(s, h)
		}
		i >>= 1
	}
	return h
}

// Verify checks that leaf sits at index i under root.
func Verify(root, leaf Hash, i int, path []Hash) error {
	if i < 0 || i >= 1<<len(path) {
		return fmt.Errorf("%w: index %d does not fit a path of %d", ErrProof, i, len(path))
	}
	if RootFromProof(leaf, i, path) != root {
		return ErrProof
	}
	return nil
}

// Tree is a fixed-size tree whose leaves can be updated one at a time in
// O(depth) hashes; the executor uses it to derive S_k for every k cheaply.
type Tree struct {
	n      int
	levels [][]Hash // levels[0] = padded leaves, last = [root]
}

// NewTree builds a tree of n leaves, all Empty.
func NewTree(n int) *Tree {
	size := PaddedSize(n)
	t := &Tree{n: n}
	lvl := make([]Hash, size)
	t.levels = append(t.levels, lvl)
	for len(lvl) > 1 {
		next := make([]Hash, len(lvl)/2)
		for i := range next {
			next[i] = Node(lvl[2*i], lvl[2*i+1])
		}
		t.levels = append(t.levels, next)
		lvl = next
	}
	return t
}

// Set replaces leaf i and rehashes its path.
func (t *Tree) Set(i int, h Hash) error {
	if i < 0 || i >= t.n {
		return fmt.Errorf("merkle: slot %d out of range [0,%d)", i, t.n)
	}
	t.levels[0][i] = h
	for d := 1; d < len(t.levels); d++ {
		i >>= 1
		t.levels[d][i] = Node(t.levels[d-1][2*i], t.levels[d-1][2*i+1])
	}
	return nil
}

// Root returns the current root.
func (t *Tree) Root() Hash { return t.levels[len(t.levels)-1][0] }

// Proof returns the sibling path of leaf i in the current tree.
func (t *Tree) Proof(i int) ([]Hash, error) {
	if i < 0 || i >= t.n {
		return nil, fmt.Errorf("merkle: slot %d out of range [0,%d)", i, t.n)
	}
	path := make([]Hash, 0, len(t.levels)-1)
	for d := 0; d < len(t.levels)-1; d++ {
		path = append(path, t.levels[d][i^1])
		i >>= 1
	}
	return path, nil
}

// Hex renders the hash as 0x-prefixed lowercase hex.
func (h Hash) Hex() string {
	const digits = "0123456789abcdef"
	out := make([]byte, 2+64)
	out[0], out[1] = '0', 'x'
	for i, b := range h {
		out[2+2*i] = digits[b>>4]
		out[3+2*i] = digits[b&15]
	}
	return string(out)
}

// String implements fmt.Stringer.
func (h Hash) String() string { return h.Hex() }

// MarshalText renders the hash as hex for JSON.
func (h Hash) MarshalText() ([]byte, error) { return []byte(h.Hex()), nil }

// UnmarshalText parses MarshalText's 0x-prefixed hex (for JSON files that
// record a root, like a synthetic model's synth.json).
func (h *Hash) UnmarshalText(b []byte) error {
	if len(b) != 66 || b[0] != '0' || (b[1] != 'x' && b[1] != 'X') {
		return fmt.Errorf("merkle: %q is not 0x + 64 hex digits", b)
	}
	for i := range h {
		hi, ok1 := unhex(b[2+2*i])
		lo, ok2 := unhex(b[3+2*i])
		if !ok1 || !ok2 {
			return fmt.Errorf("merkle: %q is not 0x + 64 hex digits", b)
		}
		h[i] = hi<<4 | lo
	}
	return nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
