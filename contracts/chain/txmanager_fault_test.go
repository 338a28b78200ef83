package chain_test

import (
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// resetSim is a fresh chain (same chain id, new genesis) funding keys, as
// a node restarted with its state lost.
func resetSim(t *testing.T, keys ...*ecdsa.PrivateKey) *simulated.Backend {
	t.Helper()
	alloc := types.GenesisAlloc{}
	for _, k := range keys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	sim := simulated.NewBackend(alloc, chain.MainnetRules)
	t.Cleanup(func() { sim.Close() })
	return sim
}

type sendResult struct {
	rc  *types.Receipt
	err error
}

// The node is reset with its state lost while a Send waits (nonce 3): the
// node's pending nonce (0) is below it and nothing of ours fills the gap,
// so the transaction is signed anew with nonce 0 instead of having its fees
// bumped forever. The next Send resynchronizes too.
func TestSendHealsNonceGapAfterReset(t *testing.T) {
	simA, keys := newSim(t, 1)
	ctx := ctxT(t)
	fb := newFaultBackend(simA.Client())
	var buf lockedBuffer
	var rec recorder
	m, err := chain.NewTxManager(fb, keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		BumpAfter: 100 * time.Millisecond, OnBroadcast: rec.add, Logger: bufLogger(&buf)})
	require.NoError(t, err)
	stopA := chain.AutoMine(ctx, simA, 20*time.Millisecond)
	for range 3 { // nonces 0..2 on the old chain
		_, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
		require.NoError(t, err)
	}
	stopA() // the next transaction stays pending

	done := make(chan sendResult, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{8}, nil, big.NewInt(2))
		done <- sendResult{rc, err}
	}()
	require.Eventually(t, func() bool { return m.Pending().Pending == 1 }, 5*time.Second, 5*time.Millisecond)
	assert.Equal(t, uint64(3), rec.all()[rec.count()-1].Nonce())

	simB := resetSim(t, keys[0])
	fb.swap(simB.Client())
	t.Cleanup(chain.AutoMine(ctx, simB, 20*time.Millisecond))
	res := <-done
	require.NoError(t, res.err)
	mined, _, err := simB.Client().TransactionByHash(ctx, res.rc.TxHash)
	require.NoError(t, err)
	assert.Equal(t, uint64(0), mined.Nonce(), "signed anew with the reset chain's nonce")
	assert.Equal(t, 1, strings.Count(buf.String(), "nonce gap"), buf.String())
	assert.Equal(t, 1, countLevel(buf.String(), "WARN"), buf.String())

	_, err = m.Send(ctx, common.Address{8}, nil, big.NewInt(3))
	require.NoError(t, err)
	bal, err := simB.Client().BalanceAt(ctx, common.Address{8}, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(5), bal.Int64())
	st := m.Pending()
	assert.True(t, st.NonceKnown)
	assert.Equal(t, uint64(2), st.Nonce)
}

// A Send after a reset, with nothing in flight, takes the node's nonce at
// once (no wait for BumpAfter).
func TestSendResyncsWhenIdle(t *testing.T) {
	simA, keys := newSim(t, 1)
	ctx := ctxT(t)
	fb := newFaultBackend(simA.Client())
	m, err := chain.NewTxManager(fb, keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		BumpAfter: time.Hour, Logger: testLogger()})
	require.NoError(t, err)
	stopA := chain.AutoMine(ctx, simA, 20*time.Millisecond)
	for range 2 {
		_, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
		require.NoError(t, err)
	}
	stopA()
	simB := resetSim(t, keys[0])
	fb.swap(simB.Client())
	t.Cleanup(chain.AutoMine(ctx, simB, 20*time.Millisecond))
	rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
	require.NoError(t, err)
	tx, _, err := simB.Client().TransactionByHash(ctx, rc.TxHash)
	require.NoError(t, err)
	assert.Equal(t, uint64(0), tx.Nonce())
}

// A transaction that vanishes from the pool (not mined) is broadcast again
// unchanged on the next poll, long before BumpAfter, and not fee-bumped.
func TestSendRebroadcastsVanished(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var rec recorder
	var buf lockedBuffer
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		BumpAfter: time.Hour, OnBroadcast: rec.add, Logger: bufLogger(&buf)})
	require.NoError(t, err)
	done := make(chan sendResult, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
		done <- sendResult{rc, err}
	}()
	require.Eventually(t, func() bool { return rec.count() == 1 }, 5*time.Second, 5*time.Millisecond)
	sim.Rollback() // drops the pending transaction
	require.Eventually(t, func() bool { return rec.count() >= 2 }, 5*time.Second, 5*time.Millisecond)
	sim.Commit()
	res := <-done
	require.NoError(t, res.err)
	sent := rec.all()
	assert.Equal(t, sent[0].Hash(), sent[1].Hash(), "re-broadcast unchanged")
	assert.Equal(t, sent[0].Hash(), res.rc.TxHash)
	assert.Contains(t, buf.String(), "dropped by the node")
	assert.Equal(t, 1, countLevel(buf.String(), "WARN"), buf.String())
}

// A Send waiting past StuckAfter is reported once and counted by Pending.
func TestSendStuck(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var buf lockedBuffer
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		BumpAfter: time.Hour, StuckAfter: 80 * time.Millisecond, Logger: bufLogger(&buf)})
	require.NoError(t, err)
	assert.Equal(t, chain.PendingStats{StuckAfter: 80 * time.Millisecond}, m.Pending())
	done := make(chan sendResult, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
		done <- sendResult{rc, err}
	}()
	require.Eventually(t, func() bool { return m.Pending().Stuck == 1 }, 5*time.Second, 5*time.Millisecond)
	time.Sleep(100 * time.Millisecond)
	st := m.Pending()
	assert.Equal(t, 1, st.Pending)
	assert.GreaterOrEqual(t, st.Oldest, 180*time.Millisecond)
	assert.Equal(t, uint64(1), st.Nonce)
	sim.Commit()
	require.NoError(t, (<-done).err)
	assert.Equal(t, 0, m.Pending().Pending)
	assert.Equal(t, 1, countLevel(buf.String(), "WARN"), buf.String())
	assert.Contains(t, buf.String(), "pending past the stuck bound")
}

// The node goes down before and while a Send waits: the Send rides the
// outage out, logging one WARN and one INFO in all.
func TestSendRidesOutOutage(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	t.Cleanup(chain.AutoMine(ctx, sim, 20*time.Millisecond))
	fb := newFaultBackend(sim.Client())
	var buf lockedBuffer
	outage := &chain.Outage{What: "rpc", Logger: bufLogger(&buf)}
	m, err := chain.NewTxManager(fb, keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond, Confirmations: 2,
		Backoff: chain.Backoff{Initial: 5 * time.Millisecond, Max: 20 * time.Millisecond}, Outage: outage, Logger: bufLogger(&buf),
		OnBroadcast: func(*types.Transaction) {
			// Down again right after the broadcast, while the receipt is polled.
			fb.down.Store(true)
			time.AfterFunc(300*time.Millisecond, func() { fb.down.Store(false) })
		}})
	require.NoError(t, err)
	assert.Same(t, outage, m.Outage())

	fb.down.Store(true)
	time.AfterFunc(200*time.Millisecond, func() { fb.down.Store(false) })
	rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
	require.NoError(t, err)
	assert.Equal(t, types.ReceiptStatusSuccessful, rc.Status)
	assert.Greater(t, fb.failed.Load(), int64(10), "calls were refused")
	s := buf.String()
	assert.Equal(t, 2, countLevel(s, "WARN"), s)
	assert.Equal(t, 2, countLevel(s, "INFO"), s)
	assert.Contains(t, s, "rpc unavailable")
	assert.Contains(t, s, "rpc available again")
}
