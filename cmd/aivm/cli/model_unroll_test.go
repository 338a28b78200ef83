package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
)

// model unroll writes a generation model whose layout is recovered from
// the file; a step model without a sample node is refused.
func TestModelUnroll(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gen.aivm")
	s, err := runCmd(t, modelUnrollCmd(), "tiny-llama", "--prompt-window", "3", "--tokens", "4", "--out", out, "--json")
	require.NoError(t, err, s)
	j := lastJSON(t, s)
	require.Equal(t, float64(3), j["prompt_window"])
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	m, err := graph.Decode(b)
	require.NoError(t, err)
	lay, err := generation.LayoutOf(m.Graph)
	require.NoError(t, err)
	require.Equal(t, 4, lay.Tokens)
	require.Equal(t, float64(lay.Nodes), j["nodes"])
	_, err = runCmd(t, modelUnrollCmd(), "fashion-mnist", "--out", out)
	require.ErrorIs(t, err, generation.ErrStepGraph)
}
