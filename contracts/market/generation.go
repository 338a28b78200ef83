package market

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/vrf"
)

// Generation reads a generation request's record (all zero for an
// inference request): its prompt, settings, request block and, once a
// result is posted, its VRF seed.
func (c *Client) Generation(ctx context.Context, id *big.Int) (bindings.InferenceMarketGeneration, error) {
	return call(ctx, c, c.Addr.Market, c.Market.PackGetGeneration(id), c.Market.UnpackGetGeneration)
}

// GenerationTokens reads the tokens the market delivers for a generation
// request's current candidate (docs/protocol.md 8.4).
func (c *Client) GenerationTokens(ctx context.Context, id *big.Int) ([]uint32, error) {
	return call(ctx, c, c.Addr.Market, c.Market.PackGenerationTokens(id), c.Market.UnpackGenerationTokens)
}

// VrfKey reads a submitter's registered VRF key (RegisteredBlock 0: none).
func (c *Client) VrfKey(ctx context.Context, submitter common.Address) (bindings.InferenceMarketVrfKey, error) {
	return call(ctx, c, c.Addr.Market, c.Market.PackVrfKey(submitter), c.Market.UnpackVrfKey)
}

// PackRegisterVrfKey packs registerVrfKey for sk's public key with its
// proof of possession bound to owner, the sending account.
func (c *Client) PackRegisterVrfKey(sk *vrf.SecretKey, owner common.Address) ([]byte, error) {
	pop, err := sk.ProvePossession(owner)
	if err != nil {
		return nil, fmt.Errorf("market: proof of possession: %w", err)
	}
	return c.Market.PackRegisterVrfKey(sk.PublicKey().Words(), pop.Words()), nil
}

// VRFRequest is the VRF message's fields for request id of kernel on this
// market (docs/protocol.md 7.2).
func (c *Client) VRFRequest(chainID, id *big.Int, kernel common.Hash) vrf.Request {
	return vrf.Request{ChainID: chainID, Market: c.Addr.Market, RequestID: id, KernelID: kernel}
}

// PackRequestGeneration packs requestGeneration.
func (c *Client) PackRequestGeneration(kernelID common.Hash, prompt []uint32, maxTokens uint32, s bindings.InferenceMarketSampling,
	callback common.Address, gasLimit uint32) []byte {
	return c.Market.PackRequestGeneration(kernelID, prompt, maxTokens, s, callback, gasLimit)
}

// PackSubmitGeneration packs submitGeneration with a VRF proof.
func (c *Client) PackSubmitGeneration(id *big.Int, proof *vrf.Signature, r Result) []byte {
	return c.Market.PackSubmitGeneration(id, proof.Words(), r.Output, r.OutputCommitment, r.FinalState, r.ActivationsRoot, hashes(r.SlotPath))
}

// GenerationRequested returns the GenerationRequested event of a mined
// requestGeneration (sent to the market or through a consumer contract).
func (c *Client) GenerationRequested(rc *types.Receipt) (*bindings.InferenceMarketGenerationRequested, error) {
	return marketEvent(c, rc, "GenerationRequested", c.Market.UnpackGenerationRequestedEvent)
}

// marketEvent unpacks the first event named name that the market emitted
// in a mined transaction.
func marketEvent[T any](c *Client, rc *types.Receipt, name string, unpack func(*types.Log) (T, error)) (T, error) {
	var zero T
	for _, l := range rc.Logs {
		if l.Address == c.Addr.Market && EventName(*l) == name {
			ev, err := unpack(l)
			if err != nil {
				return zero, fmt.Errorf("market: %s event: %w", name, err)
			}
			return ev, nil
		}
	}
	return zero, fmt.Errorf("market: transaction %s has no %s event", rc.TxHash, name)
}
