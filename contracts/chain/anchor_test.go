package chain_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// A Send anchored to a block that is not canonical is refused before any
// broadcast.
func TestSendAnchorGoneBeforeSend(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)
	sim.Commit()
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	actx := chain.WithAnchor(ctx, head.Number.Uint64(), head.Hash())
	require.NoError(t, chain.CheckAnchors(actx, sim.Client()))
	bad := chain.WithAnchor(actx, head.Number.Uint64(), common.Hash{1})
	assert.Len(t, chain.Anchors(bad), 2)
	assert.Len(t, chain.Anchors(actx), 1, "WithAnchor does not change its parent")
	_, err = m.Send(bad, common.Address{7}, nil, big.NewInt(1))
	require.ErrorIs(t, err, chain.ErrAnchorGone)
	assert.ErrorContains(t, err, "no longer canonical")
	assert.Zero(t, rec.count())
	_, err = m.Send(chain.WithAnchor(ctx, head.Number.Uint64()+100, common.Hash{2}), common.Address{7}, nil, big.NewInt(1))
	require.ErrorIs(t, err, chain.ErrAnchorGone, "a block beyond the head is not canonical either")
}

// A reorg drops the anchor block and the block that mined the answer
// while the Send waits for confirmations: instead of re-sending it, the
// answer is replaced by a cancellation and Send stops with ErrAnchorGone;
// the answer is never executed on the new fork.
func TestSendAnchorGoneWhileWaiting(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		Confirmations: 3, BumpAfter: time.Hour, OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)
	sim.Commit()
	parent, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	sim.Commit()
	anchor, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)

	done := make(chan error, 1)
	go func() {
		_, err := m.Send(chain.WithAnchor(ctx, anchor.Number.Uint64(), anchor.Hash()), common.Address{7}, nil, big.NewInt(5))
		done <- err
	}()
	require.Eventually(t, func() bool { return rec.count() == 1 }, 5*time.Second, 5*time.Millisecond)
	sim.Commit() // the answer is mined, not yet confirmed
	time.Sleep(50 * time.Millisecond)
	require.NoError(t, sim.Fork(parent.Hash())) // the anchor block and the answer's are gone
	var sendErr error
	select {
	case sendErr = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Send did not stop")
	}
	require.ErrorIs(t, sendErr, chain.ErrAnchorGone)
	sent := rec.all()
	require.Len(t, sent, 2, "the answer, then its cancellation")
	assert.Equal(t, sent[0].Nonce(), sent[1].Nonce())
	assert.Equal(t, m.Address(), *sent[1].To())
	assert.Zero(t, sent[1].Value().Sign())
	for range 2 {
		sim.Commit()
	}
	bal, err := sim.Client().BalanceAt(context.Background(), common.Address{7}, nil)
	require.NoError(t, err)
	assert.Zero(t, bal.Sign(), "the answer was never executed")
	n, err := sim.Client().NonceAt(ctx, m.Address(), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(1), n, "the cancellation took the nonce")
}
