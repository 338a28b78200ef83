package devnet

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
)

// Generation is a registered generation kernel (docs/protocol.md 8): a
// step model unrolled over a prompt window and a token count.
type Generation struct {
	KernelID common.Hash
	Model    *graph.Model
	Layout   *generation.Layout
}

// RegisterGeneration unrolls step model m (a sampled step graph) for a
// prompt window of prompt tokens and tokens generated tokens, builds its
// kernel reproducibly into the content store and registers it.
func (n *Network) RegisterGeneration(ctx context.Context, step *graph.Model, prompt, tokens int) (*Generation, error) {
	um, lay, err := generation.Unroll(step, prompt, tokens)
	if err != nil {
		return nil, err
	}
	enc, err := um.Encode()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(n.Opts.Dir, um.Graph.Name+".aivm")
	if err := os.WriteFile(path, enc, 0o644); err != nil {
		return nil, err
	}
	hs, err := n.Store.AddBuiltin(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("devnet: build generation kernel: %w", err)
	}
	sk, err := n.Store.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
	if err != nil {
		return nil, err
	}
	k, err := registry.FromManifest(sk.Manifest, sk.Model, "aivm-store://"+um.Graph.Name)
	if err != nil {
		return nil, err
	}
	g := &Generation{Model: sk.Model, Layout: lay}
	if g.KernelID, err = k.ID(); err != nil {
		return nil, err
	}
	data, err := k.PackRegister()
	if err != nil {
		return nil, err
	}
	r, err := n.Accounts["deployer"].Tx.Send(ctx, n.Addr.Registry, data, nil)
	if err != nil {
		return nil, fmt.Errorf("devnet: register generation kernel: %w", chain.Decode(err))
	}
	n.Gas["register generation kernel"] = r.GasUsed
	return g, nil
}

// RequestGeneration sends requestGeneration from the requester account
// with no callback and returns the request id.
func (n *Network) RequestGeneration(ctx context.Context, g *Generation, prompt []uint32, maxTokens uint32,
	s bindings.InferenceMarketSampling, fee *big.Int) (*big.Int, error) {
	rc, err := n.Accounts["requester"].Tx.Send(ctx, n.Addr.Market,
		n.Market.PackRequestGeneration(g.KernelID, prompt, maxTokens, s, common.Address{}, 0), fee)
	if err != nil {
		return nil, fmt.Errorf("devnet: request generation: %w", chain.Decode(err))
	}
	n.Gas["request generation"] = rc.GasUsed
	ev, err := n.Market.GenerationRequested(rc)
	if err != nil {
		return nil, err
	}
	return ev.RequestId, nil
}
