package chain_test

import (
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// Instrument reports every call by JSON-RPC method, with its error.
func TestInstrument(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	t.Cleanup(chain.AutoMine(ctx, sim, 20*time.Millisecond))
	fb := newFaultBackend(sim.Client())
	var mu sync.Mutex
	calls, errs := map[string]int{}, map[string]int{}
	b := chain.Instrument(fb, func(method string, err error) {
		mu.Lock()
		defer mu.Unlock()
		calls[method]++
		if err != nil && !chain.IsNotFound(err) {
			errs[method]++
		}
	})
	require.Same(t, fb, chain.Instrument(fb, nil).(*faultBackend), "no observer: unchanged")
	m, err := chain.NewTxManager(b, keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond, Logger: testLogger()})
	require.NoError(t, err)
	_, err = m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
	require.NoError(t, err)
	fb.down.Store(true)
	_, err = b.BlockNumber(ctx)
	require.Error(t, err)
	_, err = b.BalanceAt(ctx, m.Address(), nil)
	require.Error(t, err)
	fb.down.Store(false)

	mu.Lock()
	defer mu.Unlock()
	for _, method := range []string{"eth_estimateGas", "eth_getBlockByNumber", "eth_maxPriorityFeePerGas",
		"eth_getTransactionCount", "eth_sendRawTransaction", "eth_getTransactionReceipt", "eth_chainId"} {
		assert.Positive(t, calls[method], method)
	}
	assert.Equal(t, map[string]int{"eth_blockNumber": 1, "eth_getBalance": 1}, errs)
}
