package merkle

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestKeccakVector(t *testing.T) {
	// keccak256("") from the Ethereum yellow paper.
	require.Equal(t, "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak().Hex())
}

func leaves(n int) []Hash {
	out := make([]Hash, n)
	for i := range out {
		out[i] = Keccak([]byte{byte(i), byte(i >> 8)})
	}
	return out
}

func TestRootShapes(t *testing.T) {
	require.Equal(t, Empty, Root(nil))
	l := leaves(3)
	require.Equal(t, l[0], Root(l[:1]))
	require.Equal(t, Node(l[0], l[1]), Root(l[:2]))
	require.Equal(t, Node(Node(l[0], l[1]), Node(l[2], Empty)), Root(l))
}

func TestProofsAndTree(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 8, 13} {
		l := leaves(n)
		root := Root(l)
		tr := NewTree(n)
		for i, h := range l {
			require.NoError(t, tr.Set(i, h))
		}
		require.Equal(t, root, tr.Root(), "n=%d", n)
		for i := range l {
			p, err := Prove(l, i)
			require.NoError(t, err)
			require.Len(t, p, Depth(n))
			require.NoError(t, Verify(root, l[i], i, p))
			p2, err := tr.Proof(i)
			require.NoError(t, err)
			require.Equal(t, p, p2)
			bad := l[i]
			bad[0] ^= 1
			require.ErrorIs(t, Verify(root, bad, i, p), ErrProof)
		}
	}
	_, err := Prove(leaves(2), 2)
	require.Error(t, err)
	require.Error(t, NewTree(3).Set(3, Empty))
}

func TestHex(t *testing.T) {
	h := Keccak([]byte("abc"))
	b, err := hex.DecodeString(h.Hex()[2:])
	require.NoError(t, err)
	require.Equal(t, h[:], b)
}
