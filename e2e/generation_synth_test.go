package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
)

// TestGenerationSynthLLaMA runs generation requests (issue 17) on the
// 7B-shaped synthetic model at CI size: the 7b-mini preset (LLaMA-7B's
// architecture at dim 512, FFN 1376, 4 heads, vocabulary 4000) with one
// layer and a 16-token context, its step graph ending in a sample node
// (llama.SynthSampled), unrolled over a 4-token prompt window and 4
// tokens. An honest submitter with a VRF key answers and the challenger
// agrees; a liar changes one sampled token and the dispute lands on that
// token's sample node, which the challenger wins. AIVM_LLAMA_PRESET=7b runs
// it at the real 7B shape (one layer), a bench rather than CI.
func TestGenerationSynthLLaMA(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 7B-shaped generation kernel and plays a dispute on the in-process chain")
	}
	const prompt, tokens = 4, 4
	spec := llama.SynthSpec{Preset: "7b-mini", Layers: 1, Seq: 16, Seed: 1}
	if p := os.Getenv("AIVM_LLAMA_PRESET"); p != "" {
		spec.Preset = p // a bench at the real 7B shape: AIVM_LLAMA_PRESET=7b
	}
	c, err := spec.Config()
	require.NoError(t, err)
	step, err := llama.SynthSampled(spec)
	require.NoError(t, err)
	e := startGenNetWith(t, step, prompt, tokens)
	t.Logf("%s generation kernel %s: %d step nodes, %d unrolled nodes", spec.Preset, e.kern.KernelID, e.gen.StepNodes, e.gen.Nodes)
	ch, err := e.StartChallenger(e.ctx, "challenger", devnet.ServiceOptions{Kernels: []common.Hash{e.kern.KernelID}})
	require.NoError(t, err)
	defer e.stop(ch)

	t.Run("honest", func(t *testing.T) {
		require.Len(t, e.answerHonestly(t, ch, tokens), tokens)
	})
	t.Run("changed token", func(t *testing.T) {
		e.changeToken(t, 2, c.Vocab)
	})
}

// TestGenerationSynth7BNative is a bench, not CI (AIVM_BENCH_GEN7B=1): the
// real 7B shape (dim 4096, FFN 11008, 32 heads, vocabulary 32000) with one
// layer and a 16-token context, with its sample node, unrolled over a
// 4-token prompt window and 4 tokens and run natively, as a submitter and
// a challenger do; the tokens must be llama.Generate's on the step model.
// docs/bench/generation.md records its figures.
func TestGenerationSynth7BNative(t *testing.T) {
	if os.Getenv("AIVM_BENCH_GEN7B") != "1" {
		t.Skip("set AIVM_BENCH_GEN7B=1: builds the 7B-shaped layer (about 0.5 GB) and generates with it")
	}
	const prompt, tokens = 4, 4
	start := time.Now()
	step, err := llama.SynthSampled(llama.SynthSpec{Preset: "7b", Layers: 1, Seq: 16, Seed: 1})
	require.NoError(t, err)
	um, lay, err := generation.Unroll(step, prompt, tokens)
	require.NoError(t, err)
	built := time.Since(start)
	p := []int{1, 306, 4966, 29871}
	smp := generation.Sampling{Seed: 0x5eed, Temperature: 52_429, TopP: 58_982}
	in, err := generation.Inputs(lay, p, smp)
	require.NoError(t, err)
	ex, err := graph.NewExecutor(um)
	require.NoError(t, err)
	start = time.Now()
	tr, err := ex.Run(in, graph.Options{})
	require.NoError(t, err)
	run := time.Since(start)
	got, err := generation.Tokens(tr.Outputs[0])
	require.NoError(t, err)

	s, err := llama.NewSession(step, graph.Options{})
	require.NoError(t, err)
	s.Sampling = llama.Sampling{Seed: smp.Seed, Temperature: smp.Temperature, TopP: smp.TopP}
	want, _, err := llama.Generate(s, p, tokens)
	require.NoError(t, err)
	require.Equal(t, want, got, "the unrolled generation is the step model's")
	t.Logf("7B shape, 1 layer: step graph %d nodes, unrolled %d nodes; weights built and unrolled in %s; %d prompt + %d generated tokens run natively in %s (states committed); tokens %v",
		len(step.Graph.Nodes), lay.Nodes, built.Round(time.Millisecond), prompt, tokens, run.Round(time.Millisecond), got)
}
