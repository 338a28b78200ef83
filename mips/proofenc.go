package mips

import (
	"encoding/binary"
	"fmt"
	"math/bits"
)

// Memory proofs in a step witness are compact (1.11): leaf (32) ‖ a 4-byte
// big-endian bitmap ‖ the siblings whose bit is clear, in level order. Bit h
// set means the sibling at level h is Z[h], the root of an all-zero subtree of
// height h, and is omitted. WHY: the address space is sparse, so 8..12 of the
// 27 siblings of a typical proof are empty subtrees; omitting them cuts 256..384
// calldata bytes per proof. The prover always elides every sibling equal to
// Z[h] (CompactProof); a verifier also accepts a clear bit with Z[h] written
// out, since the root check binds every sibling either way. Bits 27..31 must be 0.
const (
	// CompactProofHead is the fixed part of a compact memory proof: leaf ‖ bitmap.
	CompactProofHead = 36
	// CompactProofMax is the largest compact memory proof (nothing elided).
	CompactProofMax = CompactProofHead + MemDepth*32
	proofBitmapMask = 1<<MemDepth - 1
)

// CompactProof encodes a full memory proof (leaf ‖ 27 siblings) in the
// compact witness form, eliding every sibling equal to the empty-subtree hash.
func CompactProof(full *[ProofSize]byte) []byte {
	out := make([]byte, CompactProofHead, CompactProofMax)
	copy(out, full[:32])
	var bm uint32
	for h := 0; h < MemDepth; h++ {
		s := full[32*(h+1) : 32*(h+2)]
		if [32]byte(s) == zeroHashes[h] {
			bm |= 1 << h
		} else {
			out = append(out, s...)
		}
	}
	binary.BigEndian.PutUint32(out[32:], bm)
	return out
}

// CompactProofLen returns the length of the compact proof starting at raw, or
// an error when raw is too short to hold it or its bitmap has bits above 26.
func CompactProofLen(raw []byte) (int, error) {
	if len(raw) < CompactProofHead {
		return 0, fmt.Errorf("%w: memory proof truncated (%d bytes)", ErrMalformed, len(raw))
	}
	bm := binary.BigEndian.Uint32(raw[32:])
	if bm&^proofBitmapMask != 0 {
		return 0, fmt.Errorf("%w: memory proof bitmap %#x has bits above level %d", ErrMalformed, bm, MemDepth-1)
	}
	n := CompactProofHead + 32*(MemDepth-bits.OnesCount32(bm))
	if len(raw) < n {
		return 0, fmt.Errorf("%w: memory proof truncated (%d of %d bytes)", ErrMalformed, len(raw), n)
	}
	return n, nil
}

// ExpandProof decodes one compact proof into the full form.
func ExpandProof(raw []byte) (full [ProofSize]byte, n int, err error) {
	if n, err = CompactProofLen(raw); err != nil {
		return full, 0, err
	}
	copy(full[:32], raw[:32])
	bm := binary.BigEndian.Uint32(raw[32:])
	q := raw[CompactProofHead:n]
	for h := 0; h < MemDepth; h++ {
		if bm>>h&1 == 1 {
			copy(full[32*(h+1):], zeroHashes[h][:])
		} else {
			copy(full[32*(h+1):], q[:32])
			q = q[32:]
		}
	}
	return full, n, nil
}

// SplitProofs parses the memory-proof part of a step proof (everything after
// thread ‖ I) into full proofs; the proofs must fill raw exactly.
func SplitProofs(raw []byte) ([][ProofSize]byte, error) {
	out, _, err := splitProofs(raw)
	return out, err
}

// splitProofs is SplitProofs also returning each proof's bitmap, which a
// subtree proof (1.11) needs: its levels below the subtree must be elided.
func splitProofs(raw []byte) ([][ProofSize]byte, []uint32, error) {
	var out [][ProofSize]byte
	var bms []uint32
	for len(raw) > 0 {
		if len(out) == 3 {
			return nil, nil, fmt.Errorf("%w: more than 3 memory proofs", ErrMalformed)
		}
		full, n, err := ExpandProof(raw)
		if err != nil {
			return nil, nil, err
		}
		out, bms = append(out, full), append(bms, binary.BigEndian.Uint32(raw[32:]))
		raw = raw[n:]
	}
	return out, bms, nil
}
