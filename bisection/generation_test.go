package bisection_test

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// forkedTrace is a trace equal to an honest one below index from and
// different from there on: a liar that changed the state at `from` and
// kept computing.
type forkedTrace struct {
	from uint64
	tag  string
}

func (f forkedTrace) hash(i uint64, tag string) bisection.Hash {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], i)
	return bisection.Hash(crypto.Keccak256Hash([]byte(tag), b[:]))
}

func (f forkedTrace) StateHash(_ context.Context, i uint64) (bisection.Hash, error) {
	if i < f.from {
		return f.hash(i, "honest"), nil
	}
	return f.hash(i, f.tag), nil
}

// TestGenerationMoves7B: moves per side of a dispute over 256 generated
// tokens of the 7B-shaped model, from the real unrolled graph's node count
// and the real dissection rules. The step graph is built at 7B depth (32
// layers, KV heads = heads, untied classifier, with the sample node); its
// node count does not depend on the widths, which only size tensors. The
// liar changes the sampled token at position 200; phase G is played over
// the unrolled graph's states, phase V over the VM span, with K = 16.
func TestGenerationMoves7B(t *testing.T) {
	c := llama.Presets["7b"]
	c.Dim, c.Hidden, c.Heads, c.KVHeads, c.Vocab, c.Seq = 64, 172, 4, 4, 256, 512
	ck, err := llama.Synthetic(c, 1)
	require.NoError(t, err)
	step, err := llama.QuantizeSampled(ck, [][]int{llama.CalibTokens(c, 16)}, "llama-7b-depth")
	require.NoError(t, err)
	const prompt, tokens, k = 16, 256, 16
	u, lay, err := generation.UnrollGraph(step.Graph, prompt, tokens)
	require.NoError(t, err)
	require.Equal(t, lay.Nodes, len(u.Nodes))
	target, err := lay.NodeOf(prompt-1+200, lay.SampleNode)
	require.NoError(t, err)

	ctx := t.Context()
	n := uint64(lay.Nodes)
	honest, liar := forkedTrace{from: n + 1}, forkedTrace{from: uint64(target), tag: "liar"}
	s0, _ := honest.StateHash(ctx, 0)
	sn, _ := liar.StateHash(ctx, n)
	g, err := bisection.Play(ctx, bisection.Position{Seg: bisection.Segment{Lo: 0, Hi: n}, LoHash: s0, HiHash: sn}, k,
		bisection.HonestAsserter{TP: liar}, bisection.HonestChallenger{TP: honest})
	require.NoError(t, err)
	require.Equal(t, uint64(target), g.Final.Seg.Hi, "phase G ends at the sampling node of token 200")
	pos, err := lay.Locate(int(g.Final.Seg.Hi))
	require.NoError(t, err)
	require.Equal(t, 200, pos.Token)
	require.Equal(t, "sample", pos.Name)

	vHonest, vLiar := forkedTrace{from: bisection.VMSpan + 1}, forkedTrace{from: 123_456_789, tag: "liar"}
	v0, _ := vHonest.StateHash(ctx, 0)
	vt, _ := vLiar.StateHash(ctx, bisection.VMSpan)
	v, err := bisection.Play(ctx, bisection.Position{Seg: bisection.Segment{Lo: 0, Hi: bisection.VMSpan}, LoHash: v0, HiHash: vt}, k,
		bisection.HonestAsserter{TP: vLiar}, bisection.HonestChallenger{TP: vHonest})
	require.NoError(t, err)

	// 5.2: the asserter sends r_G splits, startVMPhase (carrying phase V's
	// first split), r_V - 1 splits and the step; the challenger r_G + r_V
	// choices.
	asserter, challenger := g.Rounds+v.Rounds+1, g.Rounds+v.Rounds
	t.Logf("step graph %d nodes; unrolled (P=%d, T=%d) %d nodes; rounds G %d (max %d), V %d; moves: asserter %d, challenger %d",
		len(step.Graph.Nodes), prompt, tokens, lay.Nodes, g.Rounds, bisection.MaxRounds(n, k), v.Rounds, asserter, challenger)
	require.Equal(t, bisection.MaxRounds(n, k), g.Rounds)
	require.LessOrEqual(t, asserter, 14)
	require.LessOrEqual(t, challenger, 14)
}

// TestGenerationDisputeOnSampledToken plays phase G over the real states of
// a tiny-llama generation: a liar replaces the sampled token at position
// t and posts the states of that trace. The honest challenger's bisection
// ends at (t, the sample node), and the kernel guest, judging that node of
// the unrolled graph in the VM, rejects the liar's state there.
func TestGenerationDisputeOnSampledToken(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the kernel guest in the VM")
	}
	ck, err := llama.Synthetic(llama.TinyConfig, llama.Seed)
	require.NoError(t, err)
	step, err := llama.QuantizeSampled(ck, [][]int{llama.CalibTokens(llama.TinyConfig, llama.CalibLen)}, "tiny-llama-sampled")
	require.NoError(t, err)
	um, lay, err := generation.Unroll(step, 4, 8)
	require.NoError(t, err)
	in, err := generation.Inputs(lay, []int{3, 1, 4, 1}, generation.Sampling{Seed: 0x5eed, Temperature: 52_429, TopP: 58_982})
	require.NoError(t, err)
	ctx := t.Context()
	sess, err := kernel.NewSession(ctx, um, in, nil)
	require.NoError(t, err)
	tr := sess.Trace

	const tok = 5
	k, err := lay.NodeOf(lay.Prompt-1+tok, lay.SampleNode)
	require.NoError(t, err)
	slot := tr.NumInputs + k - 1
	other, err := tensor.FromI32([]int32{(tr.Values[slot].I32[0] + 1) % 256}, 1)
	require.NoError(t, err)
	commits := append([]merkle.Hash(nil), tr.SlotCommits...)
	commits[slot], err = other.Commit()
	require.NoError(t, err)
	lie, err := graph.States(tr.ModelRoot, tr.NumInputs, commits)
	require.NoError(t, err)

	n := uint64(len(tr.States) - 1)
	honest, liar := bisection.GraphStates(tr.States), bisection.GraphStates(lie)
	g, err := bisection.Play(ctx, bisection.Position{Seg: bisection.Segment{Lo: 0, Hi: n}, LoHash: tr.States[0], HiHash: lie[n]}, 16,
		bisection.HonestAsserter{TP: liar}, bisection.HonestChallenger{TP: honest})
	require.NoError(t, err)
	require.Equal(t, uint64(k), g.Final.Seg.Hi)
	pos, err := lay.Locate(k)
	require.NoError(t, err)
	require.Equal(t, tok, pos.Token)
	require.Equal(t, graph.OpSample, um.Graph.Nodes[k-1].Op)

	claimed := lie[k]
	st, o, err := sess.PrepareRequest(g.Final.LoHash, claimed, uint32(k))
	require.NoError(t, err)
	res, err := kernel.Run(ctx, st, o, 0)
	require.NoError(t, err)
	require.EqualValues(t, kernel.ExitInvalid, res.ExitCode, "the guest rejects the changed token")
}
