package mips

import (
	"hash"

	"github.com/ethereum/go-ethereum/crypto/keccak"
)

// hasher is a reusable Keccak-256 state. Merkle work hashes millions of
// 64-byte nodes, so avoiding a new state (and its allocation) per hash matters.
type hasher struct {
	h   hash.Hash
	buf [64]byte
}

type keccakReader interface {
	Read([]byte) (int, error)
}

func newHasher() *hasher { return &hasher{h: keccak.NewLegacyKeccak256()} }

// pair returns keccak(a ‖ b).
func (k *hasher) pair(a, b *[32]byte) (out [32]byte) {
	copy(k.buf[:32], a[:])
	copy(k.buf[32:], b[:])
	k.h.Reset()
	k.h.Write(k.buf[:])
	k.h.(keccakReader).Read(out[:])
	return out
}

// sum returns keccak(data).
func (k *hasher) sum(data []byte) (out [32]byte) {
	k.h.Reset()
	k.h.Write(data)
	k.h.(keccakReader).Read(out[:])
	return out
}

// Keccak256 returns keccak(data...).
func Keccak256(data ...[]byte) (out [32]byte) {
	h := keccak.NewLegacyKeccak256()
	for _, d := range data {
		h.Write(d)
	}
	h.(keccakReader).Read(out[:])
	return out
}

// zeroHashes[h] is the root of an all-zero subtree of height h (Z[h] in 1.2).
var zeroHashes = func() (z [MemDepth + 1][32]byte) {
	k := newHasher()
	for h := 1; h <= MemDepth; h++ {
		z[h] = k.pair(&z[h-1], &z[h-1])
	}
	return z
}()

// ZeroHash returns Z[h], the root of an all-zero subtree of height h.
func ZeroHash(h int) [32]byte { return zeroHashes[h] }
