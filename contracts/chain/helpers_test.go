package chain_test

import (
	"context"
	"crypto/ecdsa"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
)

// testLogger is quiet unless CHAIN_TEST_LOG is set.
func testLogger() *slog.Logger {
	if os.Getenv("CHAIN_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// newSim starts an in-process chain funding keys, under today's mainnet
// rules (chain.MainnetRules).
func newSim(t *testing.T, n int) (*simulated.Backend, []*ecdsa.PrivateKey) {
	t.Helper()
	keys, alloc, err := chain.FundedKeys(n)
	require.NoError(t, err)
	sim := simulated.NewBackend(alloc, chain.MainnetRules)
	t.Cleanup(func() { sim.Close() })
	return sim, keys
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// recorder collects OnBroadcast transactions.
type recorder struct {
	mu  sync.Mutex
	txs []*types.Transaction
}

func (r *recorder) add(tx *types.Transaction) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.txs = append(r.txs, tx)
}

func (r *recorder) all() []*types.Transaction {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*types.Transaction(nil), r.txs...)
}

func (r *recorder) count() int { return len(r.all()) }

var registryABI = bindings.NewKernelRegistry()

// packRegister packs a valid KernelRegistry.register call; distinct seeds
// give distinct kernel ids.
func packRegister(seed byte) []byte {
	return registryABI.PackRegister(common.Hash{1, seed}, common.Hash{2, seed}, common.Hash{3, seed}, 5, 1, 1, []uint32{5}, "ipfs://x")
}

// deployRegistry deploys KernelRegistry through m (which must get mined:
// AutoMine or a Commit hook).
func deployRegistry(t *testing.T, ctx context.Context, m *chain.TxManager) common.Address {
	t.Helper()
	rc, err := m.SendCreate(ctx, common.FromHex(bindings.KernelRegistryMetaData.Bin), nil)
	require.NoError(t, err)
	require.NotEqual(t, common.Address{}, rc.ContractAddress)
	return rc.ContractAddress
}
