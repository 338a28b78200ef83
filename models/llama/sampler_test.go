package llama

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/graph"
)

// TestQuantizeSampled: the sampled graph's greedy decoding equals the
// plain step graph's, and sampling is a pure function of the seed.
func TestQuantizeSampled(t *testing.T) {
	ck, err := Synthetic(TinyConfig, Seed)
	require.NoError(t, err)
	calib := CalibTokens(TinyConfig, CalibLen)
	plain, err := Quantize(ck, calib)
	require.NoError(t, err)
	sm, err := QuantizeSampled(ck, [][]int{calib}, "sampled")
	require.NoError(t, err)
	require.Equal(t, SamplingInput, sm.Graph.Inputs[len(sm.Graph.Inputs)-1].Name)
	require.Equal(t, graph.OpSample, sm.Graph.Nodes[len(sm.Graph.Nodes)-1].Op)

	gen := func(m *graph.Model, smp Sampling) []int {
		s, err := NewSession(m, graph.Options{})
		require.NoError(t, err)
		s.Sampling = smp
		out, _, err := Generate(s, []int{1, 2, 3}, 12)
		require.NoError(t, err)
		return out
	}
	require.Equal(t, gen(plain, Sampling{}), gen(sm, Sampling{}), "temperature 0 is the greedy step graph")
	hot, err := NewSampling(7, 1.5, 0.95)
	require.NoError(t, err)
	a, b := gen(sm, hot), gen(sm, hot)
	require.Equal(t, a, b)
	hot.Seed = 8
	require.NotEqual(t, a, gen(sm, hot), "another seed draws other tokens")

	_, err = NewSampling(1, -1, 0.9)
	require.Error(t, err)
	_, err = NewSampling(1, 1, 0)
	require.Error(t, err)
}
