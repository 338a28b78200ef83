package mips

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMIPSZeroHashes: the Z[h] table hard-coded in MIPSMemory.sol (the library
// of MIPS.sol's memory proofs) is exactly ZeroHash(h) for h = 1..26 at memory
// MEM_ZEROS + 32h = 0x380 + 32h (Z[0] = 0).
func TestMIPSZeroHashes(t *testing.T) {
	src, err := os.ReadFile("../contracts/src/lib/MIPSMemory.sol")
	require.NoError(t, err)
	require.True(t, strings.Contains(string(src), "uint256 constant MEM_ZEROS = 0x380;"), "MIPSMemory.sol moved its Z table")
	for h := 1; h < MemDepth; h++ {
		line := fmt.Sprintf("mstore(%#x, 0x%x)", 0x380+32*h, ZeroHash(h))
		require.True(t, strings.Contains(string(src), line), "MIPSMemory.sol lacks %s", line)
	}
	require.Equal(t, [32]byte{}, ZeroHash(0))
}

// TestCompactProof: every proof round-trips, elides exactly the empty-subtree
// siblings, and the full form (bitmap 0) decodes to the same proof.
func TestCompactProof(t *testing.T) {
	m := NewMemory()
	m.SetWord(0x00010000, 1)
	m.SetWord(0x7fff0000, 2)
	m.SetWord(0x55555554, 3)
	for _, a := range []uint32{0x00010000, 0x7fff0000, 0x55555554, 0x00010020, 0xfffffffc} {
		full := m.Proof(a)
		c := CompactProof(&full)
		elided := 0
		for h := 0; h < MemDepth; h++ {
			if [32]byte(full[32*(h+1):32*(h+2)]) == ZeroHash(h) {
				elided++
			}
		}
		require.Equal(t, CompactProofHead+32*(MemDepth-elided), len(c))
		require.Greater(t, elided, 0)
		got, n, err := ExpandProof(c)
		require.NoError(t, err)
		require.Equal(t, len(c), n)
		require.Equal(t, full, got)
		explicit := append(append(append([]byte{}, full[:32]...), 0, 0, 0, 0), full[32:]...)
		got, n, err = ExpandProof(explicit)
		require.NoError(t, err)
		require.Equal(t, CompactProofMax, n)
		require.Equal(t, full, got)
	}
}
