package e2e

// The generation attacks (issue 17.5), each against the real services and
// contracts on the in-process chain: an honest generation, a changed
// sampled token, a different seed, a forged VRF proof and an output
// stopped early. One network and one generation kernel serve the subtests
// in order (the kernel build is the expensive part).

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/bisection/replay"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

const genPrompt, genTokens = 4, 8

type genNet struct {
	*tnet
	gen  *generation.Layout
	kern *devnet.Generation
	keys map[string]*vrf.SecretKey
}

func startGenNet(t *testing.T) *genNet {
	ck, err := llama.Synthetic(llama.TinyConfig, llama.Seed)
	require.NoError(t, err)
	step, err := llama.QuantizeSampled(ck, [][]int{llama.CalibTokens(llama.TinyConfig, llama.CalibLen)}, "tiny-llama-sampled")
	require.NoError(t, err)
	return startGenNetWith(t, step, genPrompt, genTokens)
}

// startGenNetWith starts a network with the generation kernel of sampled
// step model step unrolled over prompt and tokens, and the services' VRF
// keys.
func startGenNetWith(t *testing.T, step *graph.Model, prompt, tokens int) *genNet {
	e := startNetWithin(t, devnet.Options{}, 5*time.Minute)
	g, err := e.RegisterGeneration(e.ctx, step, prompt, tokens)
	require.NoError(t, err)
	keys := map[string]*vrf.SecretKey{}
	for _, name := range []string{"submitter", "liar", "sybil"} {
		keys[name], err = vrf.KeyFromSeed([]byte("aivm e2e generation VRF key of " + name))
		require.NoError(t, err)
	}
	return &genNet{tnet: e, gen: g.Layout, kern: g, keys: keys}
}

// submitterWith starts a submitter serving the generation kernel with its
// VRF key registered before any request of the test.
func (e *genNet) submitterWith(name string, lie *adversary.Lie) *devnet.Running {
	e.t.Helper()
	r, err := e.StartSubmitter(e.ctx, name, devnet.ServiceOptions{Lie: lie, Kernels: []common.Hash{e.kern.KernelID}, VRF: e.keys[name]})
	require.NoError(e.t, err)
	_, err = r.Submitter.RegisterVRF(e.ctx)
	require.NoError(e.t, err)
	return r
}

func (e *genNet) request(maxTokens uint32, s bindings.InferenceMarketSampling) *big.Int {
	e.t.Helper()
	id, err := e.RequestGeneration(e.ctx, e.kern, []uint32{3, 14, 15, 92}, maxTokens, s, e.fee)
	require.NoError(e.t, err)
	return id
}

// honest runs the unrolled generation natively with the request's seed as
// recorded on chain: the trace an honest party computes.
func (e *genNet) honest(id *big.Int) *graph.Trace {
	e.t.Helper()
	rec, err := e.Market.Generation(e.ctx, id)
	require.NoError(e.t, err)
	require.NotEqual(e.t, [32]byte{}, rec.Seed)
	in, err := generation.RequestInputs(rec.Prompt, rec.Seed, rec.Sampling.Temperature, rec.Sampling.TopP)
	require.NoError(e.t, err)
	ex, err := graph.NewExecutor(e.kern.Model)
	require.NoError(e.t, err)
	tr, err := ex.Run(in, graph.Options{})
	require.NoError(e.t, err)
	return tr
}

// delivered finalizes request id and checks the market delivers the
// honest trace's tokens under the request's stop rule.
func (e *genNet) delivered(id *big.Int, honest *graph.Trace) []uint32 {
	e.t.Helper()
	e.finalize(id)
	rec, err := e.Market.Generation(e.ctx, id)
	require.NoError(e.t, err)
	toks, err := generation.Tokens(honest.Outputs[0])
	require.NoError(e.t, err)
	var stop *int
	if rec.Sampling.StopEnabled {
		s := int(rec.Sampling.StopToken)
		stop = &s
	}
	want := generation.Deliver(toks, int(rec.MaxTokens), stop)
	got, err := e.Market.GenerationTokens(e.ctx, id)
	require.NoError(e.t, err)
	gotInts := make([]int, len(got))
	for i, v := range got {
		gotInts[i] = int(v)
	}
	require.Equal(e.t, want, gotInts, "delivered tokens")
	return got
}

// disputed waits for the challenge on request id's liar candidate and its
// game's end, checks the challenger won, and returns the phase-G node the
// dispute landed on.
func (e *genNet) disputed(id *big.Int) generation.Position {
	e.t.Helper()
	r := e.waitRequest(id, "liar's result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	require.Equal(e.t, e.addr("liar"), r.Submitter)
	game := e.gameOf(id, 0)
	rec := e.waitGame(game, "resolved", resolved)
	require.Equal(e.t, market.GameChallengerWins, rec.Status, "game %s: the challenger must win", game)
	e.waitRequest(id, "the challenger's result is the candidate", func(r bindings.InferenceMarketRequest) bool { return r.Round == 1 })
	pos, err := e.gen.Locate(int(rec.Node))
	require.NoError(e.t, err)
	e.t.Logf("request %s: the dispute landed on node %d = step %d, token %d, %q", id, rec.Node, pos.Step, pos.Token, pos.Name)
	return pos
}

// answerHonestly has an honest submitter answer a request for maxTokens
// tokens, checks its result is the Go trace under the chain's seed, that
// the challenger agrees and that the market delivers the honest tokens,
// and returns them.
func (e *genNet) answerHonestly(t *testing.T, ch *devnet.Running, maxTokens uint32) []uint32 {
	sub := e.submitterWith("submitter", nil)
	defer e.stop(sub)
	id := e.request(maxTokens, sampling(nil))
	r := e.waitRequest(id, "result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	require.Equal(t, e.addr("submitter"), r.Submitter)
	tr := e.honest(id)
	require.Equal(t, [32]byte(tr.States[0]), r.InitialState, "the market's seeded S_0 is the Go trace's")
	require.Equal(t, [32]byte(tr.States[len(tr.States)-1]), r.Candidate.FinalState)
	e.poll("the challenger judges the candidate", func() (bool, error) {
		agrees, judged := ch.Challenger.Verdict(id.String())
		require.True(t, !judged || agrees, "the honest result was judged wrong")
		return judged, nil
	})
	got := e.delivered(id, tr)
	n, err := e.Market.ChallengeCount(e.ctx, id)
	require.NoError(t, err)
	require.Zero(t, n)
	t.Logf("honest generation delivered %v", got)
	return got
}

// changeToken has a liar answer a request with its sampled token at
// position changed replaced by the next id (mod vocab), checks the dispute
// lands on that token's sample node, that the challenger wins and that the
// honest tokens are delivered, and returns the request id.
func (e *genNet) changeToken(t *testing.T, changed, vocab int) *big.Int {
	lie := &adversary.Lie{Forge: func(s *kernel.Session) (*graph.Trace, error) {
		toks, err := generation.Tokens(s.Trace.Outputs[0])
		if err != nil {
			return nil, err
		}
		return adversary.ChangeToken(s.Trace, e.gen, changed, (toks[changed]+1)%vocab)
	}}
	liar := e.submitterWith("liar", lie)
	defer e.stop(liar)
	id := e.request(uint32(e.gen.Tokens), sampling(nil))
	pos := e.disputed(id)
	require.Equal(t, changed, pos.Token, "the dispute lands on the changed token")
	require.Equal(t, e.gen.SampleNode, pos.Node, "at its sampling node")
	e.delivered(id, e.honest(id))
	return id
}

func sampling(stop *uint32) bindings.InferenceMarketSampling {
	s := bindings.InferenceMarketSampling{Temperature: 52_429, TopP: 58_982} // 0.8, 0.9
	if stop != nil {
		s.StopEnabled, s.StopToken = true, *stop
	}
	return s
}

func TestGenerationAttacks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generation kernel and plays disputes on the in-process chain")
	}
	e := startGenNet(t)
	ch, err := e.StartChallenger(e.ctx, "challenger", devnet.ServiceOptions{Kernels: []common.Hash{e.kern.KernelID}})
	require.NoError(t, err)
	defer e.stop(ch)

	t.Run("honest", func(t *testing.T) {
		require.Len(t, e.answerHonestly(t, ch, genTokens), genTokens)
	})

	const changed = 3
	t.Run("changed token", func(t *testing.T) {
		id := e.changeToken(t, changed, llama.TinyConfig.Vocab)

		// Replay rebuilds the generation dispute from chain data alone.
		d, err := replay.Rebuild(e.ctx, e.Backend, replay.FromDeployment(e.Addr), e.gameOf(id, 0))
		require.NoError(t, err)
		require.NotNil(t, d.Request.Generation)
		rep, err := d.Verify(e.ctx, e.Loader())
		require.NoError(t, err)
		require.True(t, rep.OK(), "%v", rep.Problems)
		require.NotNil(t, rep.Generation)
		require.Equal(t, changed, rep.Generation.Token)
		require.Equal(t, "sample", rep.Generation.Node)
		var html strings.Builder
		require.NoError(t, rep.WriteHTML(&html))
		require.Contains(t, html.String(), `id="gen-token">3<`)
		for _, line := range rep.Narrative() {
			if strings.HasPrefix(line, "in the generation") {
				t.Logf("replay: %s", line)
			}
		}
	})

	t.Run("other seed", func(t *testing.T) {
		lie := &adversary.Lie{Forge: func(s *kernel.Session) (*graph.Trace, error) {
			in := s.Trace.Values[:s.Trace.NumInputs]
			sp := *in[len(in)-1]
			sp.I32 = append([]int32(nil), sp.I32...)
			sp.I32[0] ^= 0x5eed // the draw seed
			other := append(append([]*tensor.Tensor(nil), in[:len(in)-1]...), &sp)
			return s.Exec.Run(other, graph.Options{})
		}}
		liar := e.submitterWith("liar", lie)
		defer e.stop(liar)
		id := e.request(genTokens, sampling(nil))
		pos := e.disputed(id)
		require.Equal(t, 0, pos.Step, "the first node already reads another sampling input")
		e.delivered(id, e.honest(id))
	})

	t.Run("early stop", func(t *testing.T) {
		// The liar ends the output at token 1 by claiming it sampled the
		// stop token there.
		stop := uint32(255)
		lie := &adversary.Lie{Forge: func(s *kernel.Session) (*graph.Trace, error) {
			return adversary.ChangeToken(s.Trace, e.gen, 1, int(stop))
		}}
		liar := e.submitterWith("liar", lie)
		defer e.stop(liar)
		id := e.request(genTokens, sampling(&stop))
		r := e.waitRequest(id, "liar's result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
		got, err := e.Market.GenerationTokens(e.ctx, id)
		require.NoError(t, err)
		require.Len(t, got, 2, "the liar's candidate would deliver 2 of %d tokens", genTokens)
		require.Equal(t, e.addr("liar"), r.Submitter)
		pos := e.disputed(id)
		require.Equal(t, 1, pos.Token)
		require.Equal(t, e.gen.SampleNode, pos.Node)
		e.delivered(id, e.honest(id))
	})

	t.Run("forged VRF proof", func(t *testing.T) {
		// The sybil holds a registered key but posts a proof made with
		// another key: refused at submission. The honest submitter then
		// answers.
		sy := e.Accounts["sybil"]
		data, err := e.Market.PackRegisterVrfKey(e.keys["sybil"], sy.Address())
		require.NoError(t, err)
		_, err = sy.Tx.Send(e.ctx, e.Addr.Market, data, nil)
		require.NoError(t, err)
		id := e.request(genTokens, sampling(nil))
		chainID, err := e.Backend.ChainID(e.ctx)
		require.NoError(t, err)
		forged, _, err := e.keys["liar"].Evaluate(e.Market.VRFRequest(chainID, id, e.kern.KernelID))
		require.NoError(t, err)
		res := market.Result{Output: make([]byte, 28)}
		_, err = sy.Tx.Send(e.ctx, e.Addr.Market, e.Market.PackSubmitGeneration(id, forged, res), e.Addr.Config.SubmitterBond)
		require.Error(t, err)
		require.True(t, chain.IsRevert(chain.Decode(err), "PairingMismatch"), "refused by the VRF check: %v", chain.Decode(err))
		sub := e.submitterWith("submitter", nil)
		defer e.stop(sub)
		r := e.waitRequest(id, "honest result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
		require.Equal(t, e.addr("submitter"), r.Submitter)
		e.delivered(id, e.honest(id))
	})
}
