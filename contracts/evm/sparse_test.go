package evm

import (
	"encoding/binary"
	"sort"

	"github.com/ethereum/go-ethereum/crypto"
)

// sparseMem is a minimal test model of the protocol 1.2 memory tree for a few
// words, independent of package mips, so the harness can be smoke-tested on
// its own.
type sparseMem struct{ words map[uint32]uint32 }

var zeroHashes = func() (z [28][32]byte) {
	for h := 1; h < 28; h++ {
		copy(z[h][:], crypto.Keccak256(z[h-1][:], z[h-1][:]))
	}
	return z
}()

func newSparseMem() *sparseMem { return &sparseMem{words: map[uint32]uint32{}} }

func (m *sparseMem) set(addr, v uint32) { m.words[addr&^3] = v }

func (m *sparseMem) leaf(idx uint32) (l [32]byte) {
	for i := uint32(0); i < 8; i++ {
		binary.BigEndian.PutUint32(l[4*i:], m.words[idx<<5+4*i])
	}
	return l
}

func (m *sparseMem) leafIndices() []uint32 {
	seen := map[uint32]bool{}
	var out []uint32
	for a := range m.words {
		if !seen[a>>5] {
			seen[a>>5] = true
			out = append(out, a>>5)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// node returns the hash of the subtree at height h with index i.
func (m *sparseMem) node(h int, i uint32, leaves []uint32) [32]byte {
	lo, hi := i<<h, (i+1)<<h-1
	if h == 27 {
		lo, hi = 0, 1<<27-1
	}
	any := false
	for _, l := range leaves {
		if l >= lo && l <= hi {
			any = true
			break
		}
	}
	if !any {
		return zeroHashes[h]
	}
	if h == 0 {
		return m.leaf(i)
	}
	l, r := m.node(h-1, 2*i, leaves), m.node(h-1, 2*i+1, leaves)
	var out [32]byte
	copy(out[:], crypto.Keccak256(l[:], r[:]))
	return out
}

func (m *sparseMem) root() [32]byte { return m.node(27, 0, m.leafIndices()) }

func (m *sparseMem) proof(addr uint32) []byte {
	leaves := m.leafIndices()
	idx := addr >> 5
	l := m.leaf(idx)
	// Compact form (1.11): leaf ‖ bitmap ‖ the siblings that are not Z[h].
	out := append([]byte{}, l[:]...)
	out = append(out, 0, 0, 0, 0)
	var bm uint32
	for h := 0; h < 27; h++ {
		s := m.node(h, (idx>>h)^1, leaves)
		if s == zeroHashes[h] {
			bm |= 1 << h
			continue
		}
		out = append(out, s[:]...)
	}
	binary.BigEndian.PutUint32(out[32:], bm)
	return out
}
