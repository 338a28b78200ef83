package chain_test

import (
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
)

// Many concurrent Sends from one manager get distinct, gapless nonces and
// all get mined.
func TestSendConcurrentNonces(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	t.Cleanup(chain.AutoMine(ctx, sim, 20*time.Millisecond))
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond, Logger: testLogger()})
	require.NoError(t, err)

	const n = 24
	var wg sync.WaitGroup
	receipts := make([]*types.Receipt, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			to := common.BigToAddress(big.NewInt(int64(1000 + i)))
			receipts[i], errs[i] = m.Send(ctx, to, nil, big.NewInt(int64(i+1)))
		})
	}
	wg.Wait()
	nonces := map[uint64]bool{}
	for i := range n {
		require.NoError(t, errs[i], "send %d", i)
		assert.Equal(t, types.ReceiptStatusSuccessful, receipts[i].Status)
		tx, _, err := sim.Client().TransactionByHash(ctx, receipts[i].TxHash)
		require.NoError(t, err)
		nonces[tx.Nonce()] = true
		bal, err := sim.Client().BalanceAt(ctx, common.BigToAddress(big.NewInt(int64(1000+i))), nil)
		require.NoError(t, err)
		assert.Equal(t, int64(i+1), bal.Int64())
	}
	for i := range uint64(n) {
		assert.True(t, nonces[i], "nonce %d unused", i)
	}
	next, err := sim.Client().NonceAt(ctx, m.Address(), nil)
	require.NoError(t, err)
	assert.Equal(t, uint64(n), next)
}

// The manager resyncs when another wallet used the key's nonces.
func TestSendResyncsNonce(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	t.Cleanup(chain.AutoMine(ctx, sim, 20*time.Millisecond))
	opts := chain.TxOptions{PollInterval: 10 * time.Millisecond, Logger: testLogger()}
	m1, err := chain.NewTxManager(sim.Client(), keys[0], opts)
	require.NoError(t, err)
	m2, err := chain.NewTxManager(sim.Client(), keys[0], opts)
	require.NoError(t, err)
	to := common.Address{9}
	for range 3 {
		_, err := m1.Send(ctx, to, nil, big.NewInt(1))
		require.NoError(t, err)
		_, err = m2.Send(ctx, to, nil, big.NewInt(1))
		require.NoError(t, err)
	}
	bal, err := sim.Client().BalanceAt(ctx, to, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(6), bal.Int64())
}

// A transaction left unmined past BumpAfter is replaced by one with the
// same nonce and higher fees, and the replacement is what gets mined.
func TestSendBumpsFee(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{
		PollInterval: 10 * time.Millisecond, BumpAfter: 80 * time.Millisecond,
		OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)

	type result struct {
		rc  *types.Receipt
		err error
	}
	done := make(chan result, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(5))
		done <- result{rc, err}
	}()
	require.Eventually(t, func() bool { return rec.count() >= 3 }, 10*time.Second, 5*time.Millisecond, "no fee bumps")
	sim.Commit()
	res := <-done
	require.NoError(t, res.err)

	sent := rec.all()
	first := sent[0]
	mined, _, err := sim.Client().TransactionByHash(ctx, res.rc.TxHash)
	require.NoError(t, err)
	assert.NotEqual(t, first.Hash(), mined.Hash(), "the original, not a bump, was mined")
	assert.Equal(t, first.Nonce(), mined.Nonce())
	// At least one bump: >= +10% on both tip and fee cap.
	minTip := new(big.Int).Div(new(big.Int).Mul(first.GasTipCap(), big.NewInt(110)), big.NewInt(100))
	minCap := new(big.Int).Div(new(big.Int).Mul(first.GasFeeCap(), big.NewInt(110)), big.NewInt(100))
	assert.GreaterOrEqual(t, mined.GasTipCap().Cmp(minTip), 0, "tip %s, first %s", mined.GasTipCap(), first.GasTipCap())
	assert.GreaterOrEqual(t, mined.GasFeeCap().Cmp(minCap), 0, "fee cap %s, first %s", mined.GasFeeCap(), first.GasFeeCap())
	// Each broadcast raised the fees over the previous one.
	for i := 1; i < len(sent); i++ {
		assert.Equal(t, first.Nonce(), sent[i].Nonce())
		assert.Equal(t, 1, sent[i].GasFeeCap().Cmp(sent[i-1].GasFeeCap()))
	}
	bal, err := sim.Client().BalanceAt(ctx, common.Address{7}, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(5), bal.Int64(), "paid once")
}

// MaxFeeCap stops bumps; the transaction is re-broadcast unchanged.
func TestSendMaxFeeCap(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	tip, err := sim.Client().SuggestGasTipCap(ctx)
	require.NoError(t, err)
	maxFee := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip) // room for no bump
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{
		PollInterval: 10 * time.Millisecond, BumpAfter: 50 * time.Millisecond, MaxFeeCap: maxFee,
		OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() {
		_, err := m.Send(ctx, common.Address{7}, nil, nil)
		done <- err
	}()
	require.Eventually(t, func() bool { return rec.count() >= 3 }, 10*time.Second, 5*time.Millisecond)
	for _, tx := range rec.all() {
		assert.LessOrEqual(t, tx.GasFeeCap().Cmp(maxFee), 0)
		assert.Equal(t, rec.all()[0].Hash(), tx.Hash(), "re-broadcast unchanged")
	}
	sim.Commit()
	require.NoError(t, <-done)
}

// A reorg drops the block that mined a Send's transaction before it is
// confirmed: Send re-sends it and returns the receipt from the new chain.
func TestSendSurvivesReorg(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{
		Confirmations: 2, PollInterval: 10 * time.Millisecond, BumpAfter: time.Minute,
		OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)
	cl := sim.Client()
	sim.Commit()
	parent, err := cl.HeaderByNumber(ctx, nil)
	require.NoError(t, err)

	type result struct {
		rc  *types.Receipt
		err error
	}
	done := make(chan result, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(3))
		done <- result{rc, err}
	}()
	require.Eventually(t, func() bool { return rec.count() == 1 }, 10*time.Second, 5*time.Millisecond)
	sent := rec.all()[0]
	oldBlock := sim.Commit()
	old, err := cl.TransactionReceipt(ctx, sent.Hash())
	require.NoError(t, err)
	require.Equal(t, oldBlock, old.BlockHash)
	time.Sleep(50 * time.Millisecond) // let Send see the receipt

	// Drop the block; Send notices the receipt is gone and re-sends.
	require.NoError(t, sim.Fork(parent.Hash()))
	require.Eventually(t, func() bool { return rec.count() >= 2 }, 10*time.Second, 5*time.Millisecond, "not re-sent")
	assert.Equal(t, sent.Hash(), rec.all()[1].Hash(), "re-sent unchanged (nonce still free)")
	for range 3 {
		sim.Commit()
	}
	res := <-done
	require.NoError(t, res.err)
	assert.Equal(t, sent.Hash(), res.rc.TxHash)
	assert.NotEqual(t, oldBlock, res.rc.BlockHash, "receipt from the dropped block")
	canon, err := cl.HeaderByNumber(ctx, res.rc.BlockNumber)
	require.NoError(t, err)
	assert.Equal(t, canon.Hash(), res.rc.BlockHash)
	bal, err := cl.BalanceAt(ctx, common.Address{7}, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(3), bal.Int64())
}

// After a reorg drops a Send's transaction and another transaction takes its
// nonce on the new chain, Send signs it again with a fresh nonce.
func TestSendRenoncesAfterReorg(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{
		Confirmations: 1, PollInterval: 10 * time.Millisecond, BumpAfter: 100 * time.Millisecond,
		OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)
	cl := sim.Client()
	sim.Commit()
	parent, err := cl.HeaderByNumber(ctx, nil)
	require.NoError(t, err)

	type result struct {
		rc  *types.Receipt
		err error
	}
	done := make(chan result, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(3))
		done <- result{rc, err}
	}()
	require.Eventually(t, func() bool { return rec.count() == 1 }, 10*time.Second, 5*time.Millisecond)
	sent := rec.all()[0]
	sim.Commit()
	time.Sleep(50 * time.Millisecond)
	require.NoError(t, sim.Fork(parent.Hash()))

	// Another wallet on the same key takes the nonce, paying more.
	id, err := cl.ChainID(ctx)
	require.NoError(t, err)
	foreign, err := types.SignNewTx(keys[0], types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: sent.Nonce(), GasTipCap: new(big.Int).Mul(sent.GasTipCap(), big.NewInt(3)),
		GasFeeCap: new(big.Int).Mul(sent.GasFeeCap(), big.NewInt(3)), Gas: 21000, To: &common.Address{8}, Value: big.NewInt(1)})
	require.NoError(t, err)
	require.Eventually(t, func() bool { return cl.SendTransaction(ctx, foreign) == nil }, 5*time.Second, 5*time.Millisecond)
	sim.Commit()
	rc, err := cl.TransactionReceipt(ctx, foreign.Hash())
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, rc.Status)

	// Send bumps, learns the nonce is taken and re-signs with the next one.
	require.Eventually(t, func() bool {
		for _, tx := range rec.all() {
			if tx.Nonce() == sent.Nonce()+1 {
				return true
			}
		}
		return false
	}, 10*time.Second, 5*time.Millisecond, "no fresh nonce")
	sim.Commit()
	sim.Commit()
	res := <-done
	require.NoError(t, res.err)
	tx, _, err := cl.TransactionByHash(ctx, res.rc.TxHash)
	require.NoError(t, err)
	assert.Equal(t, sent.Nonce()+1, tx.Nonce())
	bal, err := cl.BalanceAt(ctx, common.Address{7}, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(3), bal.Int64())
}

// Reverts carry their data: a view call and a gas estimate reverting with a
// custom error, and a transaction that estimates fine but reverts when mined.
func TestRevertErrors(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	stop := chain.AutoMine(ctx, sim, 20*time.Millisecond)
	t.Cleanup(stop)
	var rec recorder
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		OnBroadcast: rec.add, Logger: testLogger()})
	require.NoError(t, err)
	reg := deployRegistry(t, ctx, m)

	// View call: getKernel of an unknown id.
	id := common.Hash{0xab}
	_, err = m.Call(ctx, reg, registryABI.PackGetKernel(id))
	require.Error(t, err)
	assert.ErrorIs(t, err, chain.ErrReverted)
	re, ok := chain.AsRevert(err)
	require.True(t, ok, "%v", err)
	assert.Nil(t, re.Receipt)
	assert.Contains(t, err.Error(), common.Bytes2Hex(re.Data))
	v, err := re.Unpack(registryABI.UnpackError)
	require.NoError(t, err)
	require.IsType(t, &bindings.KernelRegistryKernelNotRegistered{}, v)
	assert.Equal(t, [32]byte(id), v.(*bindings.KernelRegistryKernelNotRegistered).Id)
	sel, ok := re.Selector()
	require.True(t, ok)
	assert.Equal(t, bindings.KernelRegistryKernelNotRegisteredErrorID().Bytes()[:4], sel[:])

	// Gas estimate: register with a zero model root; nothing is sent.
	before := rec.count()
	_, err = m.Send(ctx, reg, registryABI.PackRegister(common.Hash{}, common.Hash{1}, common.Hash{1}, 5, 1, 1, []uint32{5}, ""), nil)
	re, ok = chain.AsRevert(err)
	require.True(t, ok, "%v", err)
	v, err = re.Unpack(registryABI.UnpackError)
	require.NoError(t, err)
	assert.IsType(t, &bindings.KernelRegistryZeroModelRoot{}, v)
	assert.Equal(t, before, rec.count())

	// A successful view decodes.
	out, err := m.Call(ctx, reg, registryABI.PackIsRegistered(id))
	require.NoError(t, err)
	ok, err = registryABI.UnpackIsRegistered(out)
	require.NoError(t, err)
	assert.False(t, ok)

	// Mined revert: two registrations of one kernel estimated before either
	// is mined; the second reverts on chain.
	stop()
	before = rec.count()
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			rc, err := m.Send(ctx, reg, packRegister(1), nil)
			if err == nil && rc.Status != types.ReceiptStatusSuccessful {
				err = errors.New("failed receipt without error")
			}
			errs <- err
		}()
	}
	require.Eventually(t, func() bool { return rec.count() == before+2 }, 10*time.Second, 5*time.Millisecond)
	sim.Commit()
	var reverts []error
	for range 2 {
		if err := <-errs; err != nil {
			reverts = append(reverts, err)
		}
	}
	require.Len(t, reverts, 1)
	assert.ErrorIs(t, reverts[0], chain.ErrReverted)
	re, ok = chain.AsRevert(reverts[0])
	require.True(t, ok)
	require.NotNil(t, re.Receipt)
	assert.Equal(t, types.ReceiptStatusFailed, re.Receipt.Status)
	v, err = re.Unpack(registryABI.UnpackError)
	require.NoError(t, err, "revert data %x", re.Data)
	assert.IsType(t, &bindings.KernelRegistryKernelAlreadyRegistered{}, v)
}

func TestRevertErrorNoData(t *testing.T) {
	re := &chain.RevertError{}
	_, err := re.Unpack(registryABI.UnpackError)
	require.Error(t, err)
	_, ok := re.Selector()
	assert.False(t, ok)
	assert.ErrorIs(t, re, chain.ErrReverted)
	assert.NotErrorIs(t, errors.New("x"), chain.ErrReverted)
}
