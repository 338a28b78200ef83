package kernel_test

import (
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/stretchr/testify/require"
)

// For every node of both built-in models, the kernel accepts the honest S_k
// from preimages alone, rejects any other claim with the honest value as
// Expected, and fails (error, not verdict) when a preimage is withheld.
func TestCheckEveryNode(t *testing.T) {
	for _, name := range zoo.Names() {
		_, tr, o := setup(t, name, 2)
		for k := 1; k < len(tr.States); k++ {
			res, err := kernel.Check(o, k, tr.States[k-1], tr.States[k])
			require.NoError(t, err, "%s node %d", name, k)
			require.True(t, res.Valid, "%s node %d: %s", name, k, res.Reason)
			require.Equal(t, tr.NodeCommit(k), res.Output)

			wrong := tr.States[k]
			wrong[31] ^= 1
			res, err = kernel.Check(o, k, tr.States[k-1], wrong)
			require.NoError(t, err)
			require.False(t, res.Valid)
			require.Equal(t, tr.States[k], res.Expected)
		}
		// A state that skips a node is refused: the slot is already written.
		res, err := kernel.Check(o, 1, tr.States[1], tr.States[1])
		require.NoError(t, err)
		require.False(t, res.Valid)
	}
}

// setup runs a built-in model on a test item and loads every preimage.
func setup(t *testing.T, name string, item int) (*graph.Executor, *graph.Trace, kernel.MapOracle) {
	m, entry, err := zoo.Resolve(name)
	require.NoError(t, err)
	e, err := graph.NewExecutor(m)
	require.NoError(t, err)
	s, err := entry.Sample(item)
	require.NoError(t, err)
	tr, err := e.Run(s.Inputs, graph.Options{})
	require.NoError(t, err)
	o := kernel.MapOracle{}
	require.NoError(t, o.AddModel(e))
	require.NoError(t, o.AddTrace(tr))
	return e, tr, o
}

type dropping struct {
	kernel.MapOracle
	drop merkle.Hash
	lie  bool
}

func (d dropping) Preimage(k merkle.Hash) ([]byte, error) {
	if k == d.drop {
		if d.lie {
			return []byte("forged"), nil
		}
		return nil, kernel.ErrOracle
	}
	return d.MapOracle.Preimage(k)
}

func TestOracleFailures(t *testing.T) {
	e, tr, o := setup(t, "fashion-mnist", 0)
	m := e.Model
	for _, key := range []merkle.Hash{tr.States[1], e.Root, tr.NodeCommit(1)} {
		for _, lie := range []bool{false, true} {
			_, err := kernel.Check(dropping{o, key, lie}, 2, tr.States[1], tr.States[2])
			require.ErrorIs(t, err, kernel.ErrOracle)
		}
	}
	_, err := kernel.Check(o, 99, tr.States[1], tr.States[2])
	require.Error(t, err)
	mm, err := kernel.OpenModel(o, e.Root)
	require.NoError(t, err)
	require.Equal(t, e.GraphHash, mm.GraphHash)
	require.Equal(t, len(m.Graph.Nodes), mm.NumNodes)
}
