package devnet

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/textllama"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// GenerationSummary is the devnet's generation part (issue 17.6): an
// honest generation request and a lying one, disputed and won.
type GenerationSummary struct {
	HonestRequest   string `json:"honest_request"`
	HonestText      string `json:"honest_text"`
	HonestTokens    []int  `json:"honest_tokens"`
	DisputedRequest string `json:"disputed_request"`
	// DisputedToken is the generated position the liar changed and the
	// dispute landed on; DisputedNode the step-graph node there.
	DisputedToken int    `json:"disputed_token"`
	DisputedNode  string `json:"disputed_node"`
	GameNode      uint32 `json:"game_node"`
	Winner        string `json:"winner"`
	// VRFVerifyGas is the gas of a call to VrfVerifier.verifiedSeed with
	// the honest submitter's proof (the whole call, 21,000 included).
	VRFVerifyGas uint64 `json:"vrf_verify_gas"`
}

// Generation settings of the devnet: text-llama (trained here, with a
// sample node and its BPE tokenizer) unrolled over an 8-token prompt
// window and 16 generated tokens; the liar changes token 3.
const (
	devnetPrompt, devnetTokens = 8, 16
	devnetLiedToken            = 3
	devnetPromptText           = "A fool and"
)

// generationModel is the step model the devnet unrolls.
func generationModel() (*graph.Model, *bpe.Tokenizer, error) {
	step, err := textllama.Model()
	if err != nil {
		return nil, nil, err
	}
	tok, err := textllama.Tokenizer(step)
	if err != nil {
		return nil, nil, err
	}
	return step, tok, nil
}

// runGeneration is the devnet's generation part: an honest submitter with
// a VRF key answers a generation request, which a challenger re-executes
// and lets finalize, and a lying submitter changes one sampled token of a
// second one, which the challenger disputes and wins.
func (n *Network) runGeneration(ctx context.Context, tl *timeline, o RunOptions) (*GenerationSummary, error) {
	gs := &GenerationSummary{}
	step, tok, err := generationModel()
	if err != nil {
		return nil, err
	}
	tl.printf("generation: unrolling text-llama (with its sample node) over %d prompt and %d generated tokens; building its kernel", devnetPrompt, devnetTokens)
	g, err := n.RegisterGeneration(ctx, step, devnetPrompt, devnetTokens)
	if err != nil {
		return nil, err
	}
	tl.printf("generation kernel %s registered (%d nodes)", short(g.KernelID), g.Layout.Nodes)
	served := []common.Hash{g.KernelID}
	ch, err := n.StartChallenger(ctx, "challenger2", ServiceOptions{Kernels: served, Executor: o.Executor})
	if err != nil {
		return nil, err
	}
	keys := map[string]*vrf.SecretKey{}
	for _, name := range []string{"submitter", "sybil"} {
		if keys[name], err = vrf.KeyFromSeed([]byte("aivm devnet VRF key of the " + name + " account")); err != nil {
			return nil, err
		}
	}
	honest, err := n.StartSubmitter(ctx, "submitter", ServiceOptions{Kernels: served, VRF: keys["submitter"], Executor: o.Executor})
	if err != nil {
		return nil, err
	}
	if _, err := honest.Submitter.RegisterVRF(ctx); err != nil {
		return nil, err
	}
	tl.printf("generation: the honest submitter registered its BLS VRF key (with its proof of possession)")
	enc := tok.Encode([]byte(devnetPromptText))
	if len(enc) > devnetPrompt {
		return nil, fmt.Errorf("the devnet prompt %q is %d tokens, the window %d", devnetPromptText, len(enc), devnetPrompt)
	}
	prompt := make([]uint32, devnetPrompt) // left-padded with token 0
	for i, t := range enc {
		prompt[devnetPrompt-len(enc)+i] = uint32(t)
	}
	s := bindings.InferenceMarketSampling{Temperature: 52_429, TopP: 58_982} // 0.8, 0.9
	fee := big.NewInt(1e15)
	window := time.Duration(n.Addr.Config.ChallengeWindow+1) * time.Second

	// The honest generation.
	id, err := n.RequestGeneration(ctx, g, prompt, devnetTokens, s, fee)
	if err != nil {
		return nil, err
	}
	gs.HonestRequest = id.String()
	tl.printf("request %s: generate %d tokens after %q (temperature 0.8, top-p 0.9)", id, devnetTokens, devnetPromptText)
	r, err := n.WaitRequest(ctx, id, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	if err != nil {
		return nil, err
	}
	rec, err := n.Market.Generation(ctx, id)
	if err != nil {
		return nil, err
	}
	tl.printf("request %s: %s posted its tokens with its VRF proof; the market checked it and seeded S_0 (seed %s)", id, who(n, r.Submitter), short(common.Hash(rec.Seed)))
	if gs.VRFVerifyGas, err = n.vrfGas(ctx, keys["submitter"], id, g.KernelID); err != nil {
		return nil, err
	}
	if agrees, err := waitVerdict(ctx, ch.Challenger, id); err != nil {
		return nil, err
	} else if !agrees {
		return nil, fmt.Errorf("request %s: the challenger disagrees with the honest generation", id)
	}
	if err := n.AdvanceTime(ctx, window); err != nil {
		return nil, err
	}
	if _, err = n.WaitRequest(ctx, id, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized }); err != nil {
		return nil, err
	}
	if gs.HonestTokens, gs.HonestText, err = n.delivered(ctx, id, tok); err != nil {
		return nil, err
	}
	if want, err := n.native(ctx, g, id); err != nil {
		return nil, err
	} else if fmt.Sprint(want) != fmt.Sprint(gs.HonestTokens) {
		return nil, fmt.Errorf("request %s delivered %v, native generation gives %v", id, gs.HonestTokens, want)
	}
	tl.printf("request %s: finalized; delivered %d tokens: %q", id, len(gs.HonestTokens), devnetPromptText+gs.HonestText)
	if err := honest.Stop(); err != nil {
		return nil, err
	}

	// The lie: one sampled token changed.
	lie := &adversary.Lie{Forge: func(s *kernel.Session) (*graph.Trace, error) {
		toks, err := generation.Tokens(s.Trace.Outputs[0])
		if err != nil {
			return nil, err
		}
		return adversary.ChangeToken(s.Trace, g.Layout, devnetLiedToken, (toks[devnetLiedToken]+1)%textllama.Vocab)
	}}
	liar, err := n.StartSubmitter(ctx, "sybil", ServiceOptions{Kernels: served, VRF: keys["sybil"], Lie: lie, Executor: o.Executor})
	if err != nil {
		return nil, err
	}
	if _, err := liar.Submitter.RegisterVRF(ctx); err != nil {
		return nil, err
	}
	id2, err := n.RequestGeneration(ctx, g, prompt, devnetTokens, s, fee)
	if err != nil {
		return nil, err
	}
	gs.DisputedRequest = id2.String()
	tl.printf("request %s: the same prompt; a lying submitter %s changes generated token %d", id2, short(n.Accounts["sybil"].Address()), devnetLiedToken)
	if _, err = n.WaitRequest(ctx, id2, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted }); err != nil {
		return nil, err
	}
	if _, err := detection(ctx, ch.Challenger, id2); err != nil {
		return nil, err
	}
	r, err = n.WaitRequest(ctx, id2, func(r bindings.InferenceMarketRequest) bool { return r.Round > 0 })
	if err != nil {
		return nil, err
	}
	gs.Winner = who(n, r.Submitter)
	c, err := n.Market.Challenge(ctx, id2, 0)
	if err != nil {
		return nil, err
	}
	gr, err := n.Market.GameRecord(ctx, c.GameId)
	if err != nil {
		return nil, err
	}
	gs.GameNode = gr.Node
	pos, err := g.Layout.Locate(int(gr.Node))
	if err != nil {
		return nil, err
	}
	gs.DisputedToken, gs.DisputedNode = pos.Token, pos.Name
	tl.printf("request %s: the dispute landed on node %d: generated token %d, step node %q; %s won and its tokens are the candidate",
		id2, gr.Node, pos.Token, pos.Name, gs.Winner)
	if err := n.AdvanceTime(ctx, window); err != nil {
		return nil, err
	}
	if _, err = n.WaitRequest(ctx, id2, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized }); err != nil {
		return nil, err
	}
	got, text, err := n.delivered(ctx, id2, tok)
	if err != nil {
		return nil, err
	}
	want, err := n.native(ctx, g, id2)
	if err != nil {
		return nil, err
	}
	tl.printf("request %s: finalized; delivered %q", id2, devnetPromptText+text)
	if err := liar.Stop(); err != nil {
		return nil, err
	}
	if err := ch.Stop(); err != nil {
		return nil, err
	}
	return gs, gs.check(got, want)
}

// delivered reads a finalized generation's tokens and decodes them.
func (n *Network) delivered(ctx context.Context, id *big.Int, tok *bpe.Tokenizer) ([]int, string, error) {
	toks, err := n.Market.GenerationTokens(ctx, id)
	if err != nil {
		return nil, "", err
	}
	ids := make([]int, len(toks))
	for i, t := range toks {
		ids[i] = int(t)
	}
	b, err := tok.Decode(ids)
	return ids, string(b), err
}

// vrfGas is the gas of a call to the market's VrfVerifier checking sk's
// proof for request id.
func (n *Network) vrfGas(ctx context.Context, sk *vrf.SecretKey, id *big.Int, kernelID common.Hash) (uint64, error) {
	chainID, err := n.Backend.ChainID(ctx)
	if err != nil {
		return 0, err
	}
	proof, _, err := sk.Evaluate(n.Market.VRFRequest(chainID, id, kernelID))
	if err != nil {
		return 0, err
	}
	mk := n.Market.Market
	out, err := n.Call(ctx, n.Addr.Market, mk.PackVrf())
	if err != nil {
		return 0, err
	}
	verifier, err := mk.UnpackVrf(out)
	if err != nil {
		return 0, err
	}
	data := bindings.NewVrfVerifier().PackVerifiedSeed(sk.PublicKey().Words(), chainID, n.Addr.Market, id, kernelID, proof.Words())
	return n.Backend.EstimateGas(ctx, ethereum.CallMsg{To: &verifier, Data: data})
}

// native is the tokens the market must deliver for generation request id:
// the unrolled graph run natively with the request's seed, cut by 8.4.
func (n *Network) native(ctx context.Context, g *Generation, id *big.Int) ([]int, error) {
	rec, err := n.Market.Generation(ctx, id)
	if err != nil {
		return nil, err
	}
	in, err := generation.RequestInputs(rec.Prompt, rec.Seed, rec.Sampling.Temperature, rec.Sampling.TopP)
	if err != nil {
		return nil, err
	}
	ex, err := graph.NewExecutor(g.Model)
	if err != nil {
		return nil, err
	}
	tr, err := ex.Run(in, graph.Options{})
	if err != nil {
		return nil, err
	}
	toks, err := generation.Tokens(tr.Outputs[0])
	if err != nil {
		return nil, err
	}
	return generation.Deliver(toks, int(rec.MaxTokens), nil), nil
}

// check compares the generation part's outcomes with the expected ones.
func (gs *GenerationSummary) check(disputedTokens, disputedNative []int) error {
	switch {
	case gs.Winner != "challenger2":
		return fmt.Errorf("generation dispute won by %s, want the challenger", gs.Winner)
	case gs.DisputedToken != devnetLiedToken || gs.DisputedNode != "sample":
		return fmt.Errorf("generation dispute landed on token %d node %q, want token %d's sample node", gs.DisputedToken, gs.DisputedNode, devnetLiedToken)
	case fmt.Sprint(disputedTokens) != fmt.Sprint(disputedNative):
		return fmt.Errorf("the disputed request delivered %v, native generation with its seed gives %v", disputedTokens, disputedNative)
	}
	return nil
}
