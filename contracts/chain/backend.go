package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	bind "github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// Backend is the subset of a chain client the daemons use. Both a JSON-RPC
// *ethclient.Client and the simulated backend's Client implement it (checked
// at compile time below), so code written against Backend runs in tests, in
// the devnet and in production alike. It includes the bind v2
// ContractBackend and DeployBackend so generated bindings accept it too.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.BlockNumberReader
	ethereum.ChainIDReader

	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error)
	// SubscribeNewHead may fail (a plain HTTP endpoint has no
	// subscriptions); LogWatcher then polls.
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

var (
	_ Backend = (*ethclient.Client)(nil)
	_ Backend = (simulated.Client)(nil)
)

// MainnetRules is a simulated.NewBackend option that runs today's mainnet
// rules (Osaka). go-ethereum's dev config enables every fork it knows,
// including the unscheduled Bogota with its repriced state gas; stopping
// before it keeps gas figures comparable to a real deployment.
func MainnetRules(_ *node.Config, ec *ethconfig.Config) {
	cfg := *ec.Genesis.Config
	cfg.BogotaTime = nil
	ec.Genesis.Config = &cfg
}

// FundedKeys makes n fresh keys and a genesis allocation giving each 2^100
// wei, for a simulated chain.
func FundedKeys(n int) ([]*ecdsa.PrivateKey, types.GenesisAlloc, error) {
	keys := make([]*ecdsa.PrivateKey, n)
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, nil, fmt.Errorf("chain: generate key: %w", err)
		}
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	return keys, alloc, nil
}

// AutoMine commits a block on the simulated backend every `every` until ctx
// is done or stop is called, so the simulated chain produces blocks on its
// own like a real one (transactions get mined, confirmations accrue). stop
// cancels the miner and waits for it to return; call it before sim.Close
// (committing on a closed backend panics). With t.Cleanup, register
// sim.Close first: cleanups run last-in first-out.
func AutoMine(ctx context.Context, sim *simulated.Backend, every time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				sim.Commit()
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			cancel()
			wg.Wait()
		})
	}
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.Default()
	}
	return l
}
