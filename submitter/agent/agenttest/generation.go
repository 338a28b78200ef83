package agenttest

// Generation requests on the fake chain (docs/protocol.md 8): a generation
// kernel (tiny-llama with a sample node, unrolled), requestGeneration,
// registerVrfKey and submitGeneration with the market's rules a service's
// decisions read: the key's proof of possession, the later-block rule, the
// VRF proof checked against the registered key, and S_0 fixed by the seed.

import (
	"context"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// GenKernelID is the id the fake chain's generation kernel is requested
// under: tiny-llama with a sample node, unrolled over GenPrompt prompt and
// GenTokens generated tokens.
var GenKernelID = common.Hash{0x9e, 0x4e}

// The generation kernel's prompt window and token count.
const GenPrompt, GenTokens = 4, 4

// ChainID is the fake chain's id, part of every VRF message.
var ChainID = big.NewInt(31337)

// MarketAddress is the fake market's address, part of every VRF message.
var MarketAddress = common.Address{0x3a, 0x4e}

// genKernel is the generation model, built on first use.
type genKernel struct {
	once   sync.Once
	model  *graph.Model
	layout *generation.Layout
	slots  []uint32
	err    error
}

func (g *genKernel) load() (*genKernel, error) {
	g.once.Do(func() {
		ck, err := llama.Synthetic(llama.TinyConfig, llama.Seed)
		if err != nil {
			g.err = err
			return
		}
		step, err := llama.QuantizeSampled(ck, [][]int{llama.CalibTokens(llama.TinyConfig, llama.CalibLen)}, "tiny-llama-sampled")
		if err != nil {
			g.err = err
			return
		}
		if g.model, g.layout, g.err = generation.Unroll(step, GenPrompt, GenTokens); g.err != nil {
			return
		}
		_, outs, err := registry.GraphIO(g.model.Graph)
		g.slots, g.err = outs, err
	})
	return g, g.err
}

// GenLayout is the generation kernel's layout.
func (k *Kernels) GenLayout() (*generation.Layout, error) {
	g, err := k.gen.load()
	if err != nil {
		return nil, err
	}
	return g.layout, nil
}

// GenTrace is the honest trace of a generation of prompt under sampling
// settings s and VRF seed seed (not counted as a service's run).
func (k *Kernels) GenTrace(prompt []uint32, s bindings.InferenceMarketSampling, seed [32]byte) (*graph.Trace, error) {
	in, err := generation.RequestInputs(prompt, seed, s.Temperature, s.TopP)
	if err != nil {
		return nil, err
	}
	sess, err := k.Run(context.Background(), GenKernelID, in)
	if err != nil {
		return nil, err
	}
	k.runs.Add(-1)
	return sess.Trace, nil
}

// RequestGeneration opens generation request id for prompt (GenPrompt
// tokens), maxTokens and sampling settings s, and emits
// GenerationRequested in the next block.
func (c *Chain) RequestGeneration(id int64, prompt []uint32, maxTokens uint32, s bindings.InferenceMarketSampling, fee *big.Int) *big.Int {
	c.mu.Lock()
	defer c.mu.Unlock()
	rid := big.NewInt(id)
	c.requests[rid.String()] = &bindings.InferenceMarketRequest{Status: market.StatusOpen, CreatedAt: c.now, Fee: fee,
		KernelId: GenKernelID, CandidateBond: new(big.Int)}
	if c.gens == nil {
		c.gens = map[string]*bindings.InferenceMarketGeneration{}
	}
	l := c.emit("GenerationRequested", rid, GenKernelID, common.Address{}, fee, maxTokens, s, common.Address{}, uint32(0),
		append([]uint32(nil), prompt...))
	c.gens[rid.String()] = &bindings.InferenceMarketGeneration{MaxTokens: maxTokens, CreatedBlock: l.BlockNumber, Sampling: s,
		Prompt: append([]uint32(nil), prompt...)}
	return rid
}

// GenerationRecord is the market's generation record of request id.
func (c *Chain) GenerationRecord(id *big.Int) bindings.InferenceMarketGeneration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return *c.gens[id.String()]
}

func (v *view) Generation(_ context.Context, id *big.Int) (bindings.InferenceMarketGeneration, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	g := v.c.gens[id.String()]
	if g == nil {
		return bindings.InferenceMarketGeneration{}, fmt.Errorf("agenttest: no generation request %s", id)
	}
	return *g, nil
}

func (v *view) VrfKey(_ context.Context, a common.Address) (bindings.InferenceMarketVrfKey, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	return v.c.vrfKeys[a], nil
}

func (v *view) ChainID(context.Context) (*big.Int, error) { return new(big.Int).Set(ChainID), nil }

func (v *view) VRFRequest(chainID, id *big.Int, kernel common.Hash) vrf.Request {
	return vrf.Request{ChainID: chainID, Market: MarketAddress, RequestID: id, KernelID: kernel}
}

func (v *view) RegisterVrfKey(ctx context.Context, sk *vrf.SecretKey) (*types.Receipt, error) {
	rc, err := v.send(ctx, "registerVrfKey", nil, 0, func() (string, []*types.Log) {
		pop, err := sk.ProvePossession(v.me)
		if err != nil || vrf.VerifyPossession(sk.PublicKey(), v.me, pop) != nil {
			return "InvalidPossessionProof", nil
		}
		if v.c.vrfKeys == nil {
			v.c.vrfKeys = map[common.Address]bindings.InferenceMarketVrfKey{}
		}
		pk := sk.PublicKey().Words()
		block := uint64(len(v.c.logs) + 1)
		v.c.vrfKeys[v.me] = bindings.InferenceMarketVrfKey{Pk: pk, RegisteredBlock: block}
		return "", []*types.Log{v.c.emit("VrfKeyRegistered", v.me, pk, block)}
	})
	if err != nil {
		return nil, err
	}
	rc.BlockNumber = new(big.Int).SetUint64(rc.Logs[0].BlockNumber)
	return rc, nil
}

func (v *view) SubmitGeneration(ctx context.Context, id *big.Int, proof *vrf.Signature, res market.Result, bond *big.Int) (*types.Receipt, error) {
	return v.send(ctx, "submitGeneration", id, 0, func() (string, []*types.Log) {
		r, g := v.c.requests[id.String()], v.c.gens[id.String()]
		key, registered := v.c.vrfKeys[v.me]
		switch {
		case r == nil || g == nil || r.Status != market.StatusOpen:
			return "BadRequestStatus", nil
		case bond.Cmp(SubmitterBond) != 0:
			return "WrongBond", nil
		case !registered || key.RegisteredBlock >= g.CreatedBlock:
			return "VrfKeyNotUsable", nil
		}
		pk, err := vrf.PublicKeyFromWords(key.Pk)
		if err != nil {
			return "PairingMismatch", nil
		}
		seed, err := vrf.VerifyRequest(pk, v.VRFRequest(ChainID, id, GenKernelID), proof)
		if err != nil {
			return "PairingMismatch", nil
		}
		if v.c.genS0 == nil {
			panic("agenttest: the chain has no generation S_0 (use Net)")
		}
		s0, err := v.c.genS0(g.Prompt, g.Sampling, seed)
		if err != nil {
			panic(fmt.Sprintf("agenttest: generation S_0: %v", err))
		}
		g.Seed, r.InitialState = seed, s0
		r.Status, r.Submitter, r.CandidateBond, r.WindowEnd = market.StatusSubmitted, v.me, new(big.Int).Set(bond), v.c.now+Window
		r.Candidate = result(res)
		return "", []*types.Log{v.c.emit("GenerationSeeded", id, v.me, seed, s0),
			v.c.emit("ResultSubmitted", id, v.me, [32]byte(res.OutputCommitment), [32]byte(res.FinalState), r.WindowEnd, res.Output)}
	})
}

// RequestGeneration opens generation request id for prompt (GenPrompt
// tokens) asking for every token at temperature 0.8, top-p 0.9.
func (n *Net) RequestGeneration(id int64, prompt ...uint32) *big.Int {
	return n.Chain.RequestGeneration(id, prompt, GenTokens, bindings.InferenceMarketSampling{Temperature: 52_429, TopP: 58_982}, n.Fee)
}

// GenHonest is the honest trace of generation request id once its seed is
// on chain.
func (n *Net) GenHonest(id *big.Int) *graph.Trace {
	n.T.Helper()
	g := n.Chain.GenerationRecord(id)
	tr, err := n.Kernels.GenTrace(g.Prompt, g.Sampling, g.Seed)
	if err != nil {
		n.T.Fatal(err)
	}
	return tr
}

// RegisterVRF registers sk as account a's VRF key (a submitter the test
// plays by hand).
func (n *Net) RegisterVRF(a common.Address, sk *vrf.SecretKey) {
	n.T.Helper()
	if _, err := n.Chain.As(a).(agent.GenerationMarket).RegisterVrfKey(context.Background(), sk); err != nil {
		n.T.Fatal(err)
	}
}

// PostGeneration answers generation request id from account a with VRF
// key sk: the honest trace under the key's seed, passed through forge
// when not nil (a liar). It returns the posted trace.
func (n *Net) PostGeneration(a common.Address, sk *vrf.SecretKey, id *big.Int, forge func(*graph.Trace) (*graph.Trace, error)) *graph.Trace {
	n.T.Helper()
	gm := n.Chain.As(a).(agent.GenerationMarket)
	proof, seed, err := sk.Evaluate(gm.VRFRequest(ChainID, id, GenKernelID))
	if err != nil {
		n.T.Fatal(err)
	}
	g := n.Chain.GenerationRecord(id)
	tr, err := n.Kernels.GenTrace(g.Prompt, g.Sampling, seed)
	if err == nil && forge != nil {
		tr, err = forge(tr)
	}
	if err != nil {
		n.T.Fatal(err)
	}
	res, err := market.ResultFromTrace(tr, n.Kernels.gen.slots)
	if err != nil {
		n.T.Fatal(err)
	}
	if _, err := gm.SubmitGeneration(context.Background(), id, proof, res, SubmitterBond); err != nil {
		n.T.Fatal(err)
	}
	return tr
}
