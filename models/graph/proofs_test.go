package graph

import (
	"testing"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/stretchr/testify/require"
)

// A verifier holding only S_{k-1}, the model root and small proofs can
// check node k's inputs and derive S_k.
func TestSingleNodeVerification(t *testing.T) {
	m := testModel(t)
	e, err := NewExecutor(m)
	require.NoError(t, err)
	tr, err := e.Run([]*tensor.Tensor{testInput(t, 3)}, Options{})
	require.NoError(t, err)
	g := m.Graph
	wc, err := m.WeightCommits()
	require.NoError(t, err)
	require.Equal(t, merkle.Node(e.GraphHash, merkle.Root(wc)), e.Root)
	for k := 1; k <= len(g.Nodes); k++ {
		prev := tr.States[k-1]
		for _, r := range g.Nodes[k-1].Inputs {
			if r.IsWeight() {
				c, path, err := e.WeightProof(r.Index())
				require.NoError(t, err)
				require.NoError(t, VerifyWeight(e.Root, c, r.Index(), path))
				require.Error(t, VerifyWeight(e.Root, c, r.Index()^1, path))
				continue
			}
			c, path, err := tr.SlotProof(k-1, r.Index())
			require.NoError(t, err)
			require.NoError(t, VerifySlot(prev, e.Root, r.Index(), c, path))
			require.Equal(t, tr.Values[r.Index()].MustCommit(), c)
		}
		slot := g.NodeSlot(k)
		empty, path, err := tr.SlotProof(k-1, slot)
		require.NoError(t, err)
		require.Equal(t, merkle.Empty, empty)
		next, err := NextState(prev, e.Root, slot, path, tr.NodeCommit(k))
		require.NoError(t, err)
		require.Equal(t, tr.States[k], next)
		// A wrong output gives a different state; a filled slot is refused.
		bad, err := NextState(prev, e.Root, slot, path, merkle.Keccak([]byte("wrong")))
		require.NoError(t, err)
		require.NotEqual(t, tr.States[k], bad)
		_, err = NextState(tr.States[k], e.Root, slot, path, tr.NodeCommit(k))
		require.ErrorIs(t, err, ErrMismatch)
	}
	_, err = tr.ActivationsRoot(len(g.Nodes) + 1)
	require.Error(t, err)
	ar, err := tr.ActivationsRoot(len(g.Nodes))
	require.NoError(t, err)
	require.Equal(t, tr.States[len(g.Nodes)], StateHash(e.Root, ar))
}
