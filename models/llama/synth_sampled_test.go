package llama

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/graph"
)

// TestSynthSampled: the sampled synthetic model carries Synth's weights
// (greedy decoding at temperature 0 equals the plain synthetic model's)
// and ends in a sample node whose draws depend on the seed.
func TestSynthSampled(t *testing.T) {
	spec := SynthSpec{Preset: "7b-mini", Layers: 1, Seq: 16, Seed: 3}
	dir := t.TempDir()
	_, err := Synth(spec, dir, nil)
	require.NoError(t, err)
	plain, err := OpenSynth(dir)
	require.NoError(t, err)
	t.Cleanup(func() { plain.Close() })
	sm, err := SynthSampled(spec)
	require.NoError(t, err)
	require.Equal(t, SamplingInput, sm.Graph.Inputs[len(sm.Graph.Inputs)-1].Name)
	require.Equal(t, graph.OpSample, sm.Graph.Nodes[len(sm.Graph.Nodes)-1].Op)
	require.Len(t, sm.Weights, len(plain.Model.Weights))
	for i, w := range sm.Weights {
		want, err := plain.Model.Weights[i].Commit()
		require.NoError(t, err)
		got, err := w.Commit()
		require.NoError(t, err)
		require.Equal(t, want, got, "weight %d", i)
	}

	gen := func(m *graph.Model, smp Sampling) []int {
		s, err := NewSession(m, graph.Options{})
		require.NoError(t, err)
		s.Sampling = smp
		out, _, err := Generate(s, []int{5, 900, 3999}, 6)
		require.NoError(t, err)
		return out
	}
	require.Equal(t, gen(plain.Model, Sampling{}), gen(sm, Sampling{}), "temperature 0 is the greedy step graph")
	hot, err := NewSampling(7, 1.0, 0.9)
	require.NoError(t, err)
	a := gen(sm, hot)
	require.Equal(t, a, gen(sm, hot))
	hot.Seed = 8
	require.NotEqual(t, a, gen(sm, hot), "another seed draws other tokens")
}
