package llama

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
)

// TestSynthMiniRoundTrip writes the reduced 7B shape (one layer, short
// context), reopens it memory-mapped and checks: the streamed file is the
// byte-for-byte encoding of the same model decoded normally, the mapped and
// copied models have the same root, the same seed gives the same file, and
// a native step yields activations that are neither saturated nor zero
// (the synthetic scales keep a unit-RMS signal through the layer).
func TestSynthMiniRoundTrip(t *testing.T) {
	dir := t.TempDir()
	spec := SynthSpec{Preset: "7b-mini", Layers: 1, Seq: 32, Seed: 7}
	info, err := Synth(spec, dir, nil)
	require.NoError(t, err)
	require.Equal(t, 512, info.Config.Dim)

	raw, err := os.ReadFile(filepath.Join(dir, SynthModelFile))
	require.NoError(t, err)
	copied, err := graph.Decode(raw)
	require.NoError(t, err)
	enc, err := copied.Encode()
	require.NoError(t, err)
	require.Equal(t, raw, enc, "WriteModel must produce exactly Model.Encode's bytes")

	sm, err := OpenSynth(dir)
	require.NoError(t, err)
	defer sm.Close()
	r1, err := sm.Root()
	require.NoError(t, err)
	r2, err := copied.Root()
	require.NoError(t, err)
	require.Equal(t, r2, r1)
	require.Equal(t, info.ModelRoot, r1)

	again := t.TempDir()
	info2, err := Synth(spec, again, nil)
	require.NoError(t, err)
	require.Equal(t, info.ModelRoot, info2.ModelRoot, "same seed, same model")
	other, err := Synth(SynthSpec{Preset: "7b-mini", Layers: 1, Seq: 32, Seed: 8}, t.TempDir(), nil)
	require.NoError(t, err)
	require.NotEqual(t, info.ModelRoot, other.ModelRoot, "the seed reaches the weights")

	in, err := sm.Sample(0)
	require.NoError(t, err)
	require.Equal(t, int32(31), in[1].I32[0], "sample 0 is the last position of the context")
	e, err := graph.NewExecutor(sm.Model)
	require.NoError(t, err)
	tr, err := e.Run(in, graph.Options{})
	require.NoError(t, err)
	for k, n := range sm.Graph.Nodes {
		v := tr.Values[tr.NumInputs+k]
		if v.DType != tensor.I8 || n.Op == graph.OpKVWrite {
			continue
		}
		sat, zero := 0, 0
		for _, x := range v.I8 {
			switch {
			case x == 127 || x == -128 || x == -127:
				sat++
			case x == 0:
				zero++
			}
		}
		require.Less(t, sat, len(v.I8)/4, "node %d (%s) saturates %d of %d", k+1, n.Name, sat, len(v.I8))
		require.Less(t, zero, len(v.I8)/2, "node %d (%s) is mostly zero (%d of %d)", k+1, n.Name, zero, len(v.I8))
	}
}
