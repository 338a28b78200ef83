package generation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/textllama"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// sampledTiny is tiny-llama's synthetic checkpoint quantized with a sample
// node (llama.QuantizeSampled).
func sampledTiny(t testing.TB) *graph.Model {
	t.Helper()
	ck, err := llama.Synthetic(llama.TinyConfig, llama.Seed)
	require.NoError(t, err)
	m, err := llama.QuantizeSampled(ck, [][]int{llama.CalibTokens(llama.TinyConfig, llama.CalibLen)}, "tiny-llama-sampled")
	require.NoError(t, err)
	return m
}

// TestUnrollMatchesSession: the unrolled graph's token tensor is exactly
// what llama.Generate samples step by step with the same seed and settings,
// for greedy and sampled decoding and several seeds.
func TestUnrollMatchesSession(t *testing.T) {
	step := sampledTiny(t)
	const p, n = 4, 9
	um, lay, err := generation.Unroll(step, p, n)
	require.NoError(t, err)
	require.Equal(t, (p+n-1)*len(step.Graph.Nodes)+2*n, len(um.Graph.Nodes))
	ex, err := graph.NewExecutor(um)
	require.NoError(t, err)
	prompt := []int{1, 17, 42, 5}
	for _, tc := range []struct {
		name string
		s    generation.Sampling
	}{
		{"greedy", generation.Sampling{Seed: 7, Temperature: 0, TopP: 1 << 16}},
		{"t0.8-p0.9", generation.Sampling{Seed: 0xdeadbeef, Temperature: 52_429, TopP: 58_982}},
		{"t1.5-p1", generation.Sampling{Seed: 3, Temperature: 98_304, TopP: 1 << 16}},
		{"t1.5-p1-other-seed", generation.Sampling{Seed: 4, Temperature: 98_304, TopP: 1 << 16}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := generation.Inputs(lay, prompt, tc.s)
			require.NoError(t, err)
			tr, err := ex.Run(in, graph.Options{})
			require.NoError(t, err)
			got, err := generation.Tokens(tr.Outputs[0])
			require.NoError(t, err)

			sess, err := llama.NewSession(step, graph.Options{})
			require.NoError(t, err)
			sess.Sampling = llama.Sampling{Seed: tc.s.Seed, Temperature: tc.s.Temperature, TopP: tc.s.TopP}
			want, _, err := llama.Generate(sess, prompt, n)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// TestLocate: Locate and NodeOf are inverse, the sample node of every
// generated token is a sample op, and the two copy nodes follow it.
func TestLocate(t *testing.T) {
	step := sampledTiny(t)
	u, lay, err := generation.UnrollGraph(step.Graph, 3, 5)
	require.NoError(t, err)
	seen := map[[2]int]bool{}
	for k := 1; k <= lay.Nodes; k++ {
		pos, err := lay.Locate(k)
		require.NoError(t, err)
		nd := u.Nodes[k-1]
		if pos.Node == 0 {
			require.GreaterOrEqual(t, pos.Token, 0)
			require.Contains(t, []graph.Op{graph.OpEmbed, graph.OpKVWrite}, nd.Op)
			continue
		}
		require.Equal(t, step.Graph.Nodes[pos.Node-1].Op, nd.Op, "node %d", k)
		back, err := lay.NodeOf(pos.Step, pos.Node)
		require.NoError(t, err)
		require.Equal(t, k, back)
		require.False(t, seen[[2]int{pos.Step, pos.Node}])
		seen[[2]int{pos.Step, pos.Node}] = true
		if pos.Node == lay.SampleNode {
			require.Equal(t, graph.OpSample, nd.Op)
		}
	}
	require.Len(t, seen, lay.Steps*lay.StepNodes)
	back, err := generation.LayoutOf(u)
	require.NoError(t, err)
	require.Equal(t, lay, back, "the layout is recovered from the unrolled graph")
	_, err = generation.LayoutOf(step.Graph)
	require.Error(t, err)
	_, err = lay.Locate(0)
	require.Error(t, err)
	_, err = lay.Locate(lay.Nodes + 1)
	require.Error(t, err)
}

func TestDeliver(t *testing.T) {
	stop := 9
	for _, tc := range []struct {
		max  int
		stop *int
		want []int
	}{
		{4, nil, []int{1, 9, 3, 4}},
		{2, nil, []int{1, 9}},
		{4, &stop, []int{1, 9}},
		{1, &stop, []int{1}},
		{9, nil, []int{1, 9, 3, 4, 5}},
	} {
		require.Equal(t, tc.want, generation.Deliver([]int{1, 9, 3, 4, 5}, tc.max, tc.stop))
	}
	require.Equal(t, uint32(0x01020304), generation.DrawSeed([32]byte{28: 1, 29: 2, 30: 3, 31: 4}))
}

// TestGuestJudgesTokenNodes: the unchanged kernel guest judges nodes of
// the unrolled generation in the VM: the sample node of generated token 2
// and the kv_write that copies it into the output accept the honest state
// and reject a state with one flipped bit.
func TestGuestJudgesTokenNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the kernel guest in the VM")
	}
	step := sampledTiny(t)
	um, lay, err := generation.Unroll(step, 3, 4)
	require.NoError(t, err)
	in, err := generation.Inputs(lay, []int{1, 2, 3}, generation.Sampling{Seed: 99, Temperature: 65_536, TopP: 60_000})
	require.NoError(t, err)
	sess, err := kernel.NewSession(t.Context(), um, in, nil)
	require.NoError(t, err)
	sample, err := lay.NodeOf(lay.Prompt-1+2, lay.SampleNode)
	require.NoError(t, err)
	for _, k := range []int{sample, sample + 2} {
		st, o, info, err := sess.Prepare(k, nil)
		require.NoError(t, err)
		res, err := kernel.Run(t.Context(), st, o, 0)
		require.NoError(t, err)
		require.EqualValues(t, info.WantExit, res.ExitCode, "honest node %d", k)
		require.Equal(t, uint8(kernel.ExitValid), res.ExitCode)

		bad, _, err := sess.FlipBit(k, 0)
		require.NoError(t, err)
		claimed := merkle.Hash(bad)
		st, o, info, err = sess.Prepare(k, (*[32]byte)(&claimed))
		require.NoError(t, err)
		res, err = kernel.Run(t.Context(), st, o, 0)
		require.NoError(t, err)
		require.Equal(t, uint8(kernel.ExitInvalid), res.ExitCode, "lying node %d", k)
		require.EqualValues(t, info.WantExit, res.ExitCode)
	}
}

// TestUnrollTextLlama: the trained text-llama model unrolls, and its
// unrolled tokens are llama.Generate's with the same seed and settings.
func TestUnrollTextLlama(t *testing.T) {
	step, err := textllama.Model()
	require.NoError(t, err)
	const p, n = 8, 24
	um, lay, err := generation.Unroll(step, p, n)
	require.NoError(t, err)
	_, ok := um.Blob(textllama.TokenizerBlob)
	require.True(t, ok, "the tokenizer blob is carried over")
	tok, err := textllama.Tokenizer(step)
	require.NoError(t, err)
	prompt := tok.Encode([]byte("A fool and "))
	for len(prompt) < p {
		prompt = append([]int{0}, prompt...)
	}
	prompt = prompt[len(prompt)-p:]
	s := generation.Sampling{Seed: 0xa11ce, Temperature: 52_429, TopP: 58_982}
	in, err := generation.Inputs(lay, prompt, s)
	require.NoError(t, err)
	ex, err := graph.NewExecutor(um)
	require.NoError(t, err)
	tr, err := ex.Run(in, graph.Options{})
	require.NoError(t, err)
	got, err := generation.Tokens(tr.Outputs[0])
	require.NoError(t, err)
	sess, err := llama.NewSession(step, graph.Options{})
	require.NoError(t, err)
	sess.Sampling = llama.Sampling{Seed: s.Seed, Temperature: s.Temperature, TopP: s.TopP}
	want, _, err := llama.Generate(sess, prompt, n)
	require.NoError(t, err)
	require.Equal(t, want, got)
	text, err := tok.Decode(got)
	require.NoError(t, err)
	t.Logf("text-llama, unrolled over %d + %d tokens (%d nodes): %q", p, n, lay.Nodes, text)
}
