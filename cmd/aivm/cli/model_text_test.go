package cli

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/textllama"
)

// TestTextLLaMAGenerate: the same seed gives the same continuation, the
// greedy one differs from a sampled one, and bad settings are refused.
func TestTextLLaMAGenerate(t *testing.T) {
	gen := func(args ...string) map[string]any {
		out, err := runCmd(t, modelGenerateCmd(), append([]string{"text-llama", "--prompt", "The meaning of life", "-n", "12", "--json"}, args...)...)
		require.NoError(t, err)
		return lastJSON(t, out)
	}
	a := gen("--temperature", "0.8", "--top-p", "0.9", "--seed", "7")
	require.Equal(t, a, gen("--temperature", "0.8", "--top-p", "0.9", "--seed", "7"))
	require.Len(t, a["tokens"], 12)
	require.NotEmpty(t, a["text"])
	require.NotEqual(t, a["tokens"], gen()["tokens"])
	for _, bad := range [][]string{{"--temperature", "-1"}, {"--top-p", "0"}, {"--top-p", "1.5"}} {
		_, err := runCmd(t, modelGenerateCmd(), append([]string{"text-llama", "--prompt", "x"}, bad...)...)
		require.Error(t, err, "%v", bad)
	}
	_, err := runCmd(t, modelGenerateCmd(), "tiny-llama", "--temperature", "1")
	require.ErrorContains(t, err, "no sample node")
}

// TestTextLLaMAEval: the last line carries the three per-byte figures (two
// validation windows, to stay short).
func TestTextLLaMAEval(t *testing.T) {
	if _, err := textllama.LoadCorpus(textllama.CorpusDir); err != nil {
		t.Skipf("fortunes corpus not installed: %v", err)
	}
	out, err := runCmd(t, modelEvalCmd(), "text-llama", "--json", "--windows", "2",
		"--float", filepath.Join("..", "..", "..", textllama.AssetsDir, textllama.FloatFile))
	require.NoError(t, err)
	v := lastJSON(t, out)
	for _, k := range []string{"ppl_byte_float", "ppl_byte_int8", "ppl_byte_bigram", "ppl_token_float", "ppl_token_int8", "ppl_token_bigram"} {
		require.Greater(t, v[k].(float64), 1.0, k)
	}
	require.EqualValues(t, 2, v["windows"])
}
