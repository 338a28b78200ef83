package textllama

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/testenv"
)

// corpus loads the installed fortunes (a skip locally, a failure in CI,
// where `make setup` installs the package).
func corpus(t *testing.T) *Corpus {
	t.Helper()
	c, err := LoadCorpus(CorpusDir)
	testenv.Require(t, "Debian package fortunes (make setup)", err)
	return c
}

func TestFortunes(t *testing.T) {
	got := Fortunes([]byte("one\nline\n%\n%\ntwo\n%\n  \n%\nthree"))
	require.Equal(t, []string{"one\nline\n%\n", "two\n%\n", "three%\n"}, func() []string {
		var s []string
		for _, f := range got {
			s = append(s, string(f))
		}
		return s
	}())
}

// TestCorpusSplit: the split is fixed (every 20th fortune to validation)
// and covers the whole corpus.
func TestCorpusSplit(t *testing.T) {
	c := corpus(t)
	n := c.TrainFortunes + c.ValFortunes
	require.Greater(t, n, 10000)
	require.Equal(t, n/ValEvery, c.ValFortunes)
	require.Greater(t, len(c.Train), 2_000_000)
	require.Greater(t, len(c.Val), 100_000)
	require.False(t, bytes.Contains(c.Train, c.Val[:200]), "validation text is not in the training split")
}

// tinyCorpus writes a small corpus directory: a slice of two fortune files.
func tinyCorpus(t *testing.T) string {
	c := corpus(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a"), c.Train[:30000], 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b"), c.Val[:6000], 0o644))
	return dir
}

// TestTinyPipeline runs the whole pipeline at CI size twice: training is
// byte-identical, the int8 graph carries the tokenizer, scores close to
// the float model, and generates the same text for the same seed.
func TestTinyPipeline(t *testing.T) {
	dir := tinyCorpus(t)
	cfg := TinyConfig()
	outs := []string{t.TempDir(), t.TempDir()}
	for i, out := range outs {
		cfg.Workers = 1 + i // the worker count does not change the result
		_, err := Run(context.Background(), dir, out, cfg, 0, nil)
		require.NoError(t, err)
	}
	for _, f := range []string{ModelFile, FloatFile, ReportFile} {
		a, err := os.ReadFile(filepath.Join(outs[0], f))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(outs[1], f))
		require.NoError(t, err)
		require.Equal(t, a, b, "%s differs between two runs", f)
	}
	mb, err := os.ReadFile(filepath.Join(outs[0], ModelFile))
	require.NoError(t, err)
	m, err := graph.Decode(mb)
	require.NoError(t, err)
	tok, err := Tokenizer(m)
	require.NoError(t, err)
	require.Equal(t, cfg.Vocab, tok.VocabSize())
	ck, err := LoadFloat(filepath.Join(outs[0], FloatFile))
	require.NoError(t, err)

	c, err := LoadCorpus(dir)
	require.NoError(t, err)
	wins := Windows(tok.Encode(c.Val), cfg.Seq, 8)
	require.Len(t, wins, 8)
	ctx := context.Background()
	fl, err := EvalFloat(ctx, ck, tok, wins, 2)
	require.NoError(t, err)
	q, err := EvalInt8(ctx, m, tok, wins, 2)
	require.NoError(t, err)
	bg, _, err := EvalBigram(tok.Encode(c.Train), cfg.Vocab, tok, wins)
	require.NoError(t, err)
	require.Equal(t, fl.Tokens, 8*(cfg.Seq-1))
	require.Equal(t, fl.Bytes, q.Bytes)
	require.Equal(t, fl.Bytes, bg.Bytes)
	require.InEpsilon(t, fl.PerByte(), q.PerByte(), 0.05, "int8 %.3f vs float %.3f", q.PerByte(), fl.PerByte())

	smp, err := llama.NewSampling(5, 0.9, 0.9)
	require.NoError(t, err)
	a, err := Generate(m, tok, "The ", 40, smp, graph.Options{}) // crosses the 16-token context
	require.NoError(t, err)
	b, err := Generate(m, tok, "The ", 40, smp, graph.Options{Workers: 2})
	require.NoError(t, err)
	require.Equal(t, a, b)
	require.Len(t, a.Tokens, 40)
	greedy, err := Generate(m, tok, "The ", 40, llama.Sampling{}, graph.Options{})
	require.NoError(t, err)
	require.NotEqual(t, greedy.Tokens, a.Tokens)
}
