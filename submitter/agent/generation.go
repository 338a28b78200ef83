package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/tensor"
)

// GenerationDuty is what a generation request adds to its duty: the
// prompt and settings from its GenerationRequested event, and the VRF seed
// once known (the submitter's own evaluation, or the chain's record of the
// posted one).
type GenerationDuty struct {
	Prompt      []uint32    `json:"prompt"`
	MaxTokens   uint32      `json:"max_tokens"`
	Temperature uint32      `json:"temperature"`
	TopP        uint32      `json:"top_p"`
	StopEnabled bool        `json:"stop_enabled,omitempty"`
	StopToken   uint32      `json:"stop_token,omitempty"`
	Seed        common.Hash `json:"seed,omitempty"`
}

// ErrNotSeeded reports a generation request with no posted result yet:
// nobody but a submitter holding a key can know its seed.
var ErrNotSeeded = errors.New("agent: generation request has no seed yet")

// GenerationMarket is what the generation duties need beyond Market; the
// on-chain market implements it (a Market without it serves no generation
// request).
type GenerationMarket interface {
	Generation(ctx context.Context, id *big.Int) (bindings.InferenceMarketGeneration, error)
	VrfKey(ctx context.Context, account common.Address) (bindings.InferenceMarketVrfKey, error)
	ChainID(ctx context.Context) (*big.Int, error)
	VRFRequest(chainID, id *big.Int, kernel common.Hash) vrf.Request
	RegisterVrfKey(ctx context.Context, sk *vrf.SecretKey) (*types.Receipt, error)
	SubmitGeneration(ctx context.Context, id *big.Int, proof *vrf.Signature, r market.Result, bond *big.Int) (*types.Receipt, error)
}

// Generations returns the market's generation interface, or an error when
// this deployment's Market has none.
func (a *Agent) Generations() (GenerationMarket, error) {
	gm, ok := a.Market.(GenerationMarket)
	if !ok {
		return nil, errors.New("agent: this market connection serves no generation requests")
	}
	return gm, nil
}

// RecordGeneration stores a generation request duty from its event
// (RecordRequest's rules: idempotent, a gone fork's duty replaced).
func (a *Agent) RecordGeneration(ev *bindings.InferenceMarketGenerationRequested, where Where) (RequestDuty, bool, error) {
	return a.recordRequest(RequestDuty{ID: ev.RequestId.String(), KernelID: ev.KernelId, SeenAt: time.Now().UnixMilli(), Where: where,
		Generation: &GenerationDuty{Prompt: ev.PromptTokens, MaxTokens: ev.MaxTokens, Temperature: ev.Sampling.Temperature,
			TopP: ev.Sampling.TopP, StopEnabled: ev.Sampling.StopEnabled, StopToken: ev.Sampling.StopToken}})
}

// generationInputs are the unrolled graph's inputs of generation duty d
// and the S_0 to check them against: the chain's once a result is posted
// (zero before, when the submitter executes with its own seed).
func (a *Agent) generationInputs(ctx context.Context, d RequestDuty) ([]*tensor.Tensor, common.Hash, error) {
	g := d.Generation
	id, err := d.RequestID()
	if err != nil {
		return nil, common.Hash{}, err
	}
	r, err := a.Market.Request(ctx, id)
	if err != nil {
		return nil, common.Hash{}, err
	}
	seed := g.Seed
	if seed == (common.Hash{}) {
		gm, err := a.Generations()
		if err != nil {
			return nil, common.Hash{}, err
		}
		rec, err := gm.Generation(ctx, id)
		if err != nil {
			return nil, common.Hash{}, err
		}
		if seed = rec.Seed; seed == (common.Hash{}) {
			return nil, common.Hash{}, fmt.Errorf("request %s: %w", d.ID, ErrNotSeeded)
		}
	}
	in, err := generation.RequestInputs(g.Prompt, seed, g.Temperature, g.TopP)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("request %s: %w", d.ID, err)
	}
	return in, r.InitialState, nil
}

// The on-chain market's generation calls.

func (m *onchainMarket) Generation(ctx context.Context, id *big.Int) (bindings.InferenceMarketGeneration, error) {
	return m.d.Client.Generation(ctx, id)
}

func (m *onchainMarket) VrfKey(ctx context.Context, account common.Address) (bindings.InferenceMarketVrfKey, error) {
	return m.d.Client.VrfKey(ctx, account)
}

func (m *onchainMarket) ChainID(ctx context.Context) (*big.Int, error) {
	c, ok := m.d.Chain.(interface {
		ChainID(ctx context.Context) (*big.Int, error)
	})
	if !ok {
		return nil, errors.New("agent: the chain connection cannot tell its chain id")
	}
	return c.ChainID(ctx)
}

func (m *onchainMarket) VRFRequest(chainID, id *big.Int, kernel common.Hash) vrf.Request {
	return m.d.Client.VRFRequest(chainID, id, kernel)
}

func (m *onchainMarket) RegisterVrfKey(ctx context.Context, sk *vrf.SecretKey) (*types.Receipt, error) {
	data, err := m.d.Client.PackRegisterVrfKey(sk, m.Address())
	if err != nil {
		return nil, err
	}
	return m.send(ctx, data, nil)
}

func (m *onchainMarket) SubmitGeneration(ctx context.Context, id *big.Int, proof *vrf.Signature, r market.Result, bond *big.Int) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.PackSubmitGeneration(id, proof, r), bond)
}
