package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	bind "github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
)

// watchChain is a simulated chain with a deployed KernelRegistry whose
// KernelRegistered events the tests watch; blocks are mined by hand.
type watchChain struct {
	sim  *simulated.Backend
	cl   simulated.Client
	keys []*ecdsa.PrivateKey
	reg  common.Address
	inst *bind.BoundContract
	// nonces counts each key's sent transactions. Why: two transactions sent
	// back to back without mining may both read the same pending nonce from
	// the simulated pool (its promotion runs in a goroutine), and the second
	// is then refused as an underpriced replacement.
	nonces map[int]uint64
}

func newWatchChain(t *testing.T) *watchChain {
	t.Helper()
	sim, keys := newSim(t, 2)
	c := &watchChain{sim: sim, cl: sim.Client(), keys: keys, nonces: map[int]uint64{}}
	auth := c.auth(t, 0)
	addr, tx, err := bind.DeployContract(auth, common.FromHex(bindings.KernelRegistryMetaData.Bin), c.cl, nil)
	require.NoError(t, err)
	sim.Commit()
	c.receipt(t, tx)
	c.reg = addr
	c.inst = registryABI.Instance(c.cl, addr)
	return c
}

func (c *watchChain) auth(t *testing.T, key int) *bind.TransactOpts {
	id, err := c.cl.ChainID(context.Background())
	require.NoError(t, err)
	a := bind.NewKeyedTransactor(c.keys[key], id)
	a.Nonce = new(big.Int).SetUint64(c.nonces[key])
	c.nonces[key]++
	return a
}

func (c *watchChain) receipt(t *testing.T, tx *types.Transaction) *types.Receipt {
	t.Helper()
	rc, err := c.cl.TransactionReceipt(context.Background(), tx.Hash())
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, rc.Status)
	return rc
}

// register sends a registration from key (not mined yet).
func (c *watchChain) register(t *testing.T, key int, seed byte) *types.Transaction {
	t.Helper()
	tx, err := bind.Transact(c.inst, c.auth(t, key), packRegister(seed))
	require.NoError(t, err)
	// The simulated backend's pool takes a transaction in asynchronously: wait
	// until it is pending, so the next Commit mines it (two transactions sent
	// back to back otherwise can land in different blocks under load).
	from := crypto.PubkeyToAddress(c.keys[key].PublicKey)
	require.Eventually(t, func() bool {
		n, err := c.cl.PendingNonceAt(context.Background(), from)
		return err == nil && n > tx.Nonce()
	}, 10*time.Second, time.Millisecond, "transaction %s never became pending", tx.Hash())
	return tx
}

func (c *watchChain) head(t *testing.T) *types.Header {
	h, err := c.cl.HeaderByNumber(context.Background(), nil)
	require.NoError(t, err)
	return h
}

func (c *watchChain) query() ethereum.FilterQuery {
	return ethereum.FilterQuery{Addresses: []common.Address{c.reg},
		Topics: [][]common.Hash{{registryABI.GetABI().Events[bindings.KernelRegistryKernelRegisteredEventName].ID}}}
}

// collector is a Handler recording deliveries.
type collector struct {
	mu   sync.Mutex
	logs []types.Log
}

func (c *collector) handle(_ context.Context, l types.Log) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.logs = append(c.logs, l)
	return nil
}

func (c *collector) all() []types.Log {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]types.Log(nil), c.logs...)
}

func (c *collector) txs() []common.Hash {
	var out []common.Hash
	for _, l := range c.all() {
		out = append(out, l.TxHash)
	}
	return out
}

func TestLogWatcherConfirmations(t *testing.T) {
	c := newWatchChain(t) // registry at block 1
	ctx := ctxT(t)
	var got collector
	w, err := chain.NewLogWatcher(c.cl, chain.WatchOptions{Query: c.query(), From: 1, Confirmations: 2, MaxRange: 2,
		Logger: testLogger()}, got.handle)
	require.NoError(t, err)

	tx1 := c.register(t, 0, 1)
	c.sim.Commit() // block 2
	require.NoError(t, w.Sync(ctx))
	assert.Empty(t, got.all(), "0 confirmations")
	c.sim.Commit()
	require.NoError(t, w.Sync(ctx))
	assert.Empty(t, got.all(), "1 confirmation")
	c.sim.Commit() // head 4
	require.NoError(t, w.Sync(ctx))
	require.Equal(t, []common.Hash{tx1.Hash()}, got.txs())
	require.NoError(t, w.Sync(ctx))
	require.Len(t, got.all(), 1, "delivered twice")

	tx2 := c.register(t, 0, 2)
	tx3 := c.register(t, 0, 3)
	c.sim.Commit() // block 5
	for range 4 {
		c.sim.Commit()
	}
	require.NoError(t, w.Sync(ctx)) // ranges of 2 blocks: 3..4, 5..6, 7
	require.Equal(t, []common.Hash{tx1.Hash(), tx2.Hash(), tx3.Hash()}, got.txs())
	logs := got.all()
	assert.Equal(t, uint64(2), logs[0].BlockNumber)
	assert.Equal(t, uint64(5), logs[1].BlockNumber)
	assert.Less(t, logs[1].Index, logs[2].Index)
	cur, ok := w.Cursor()
	require.True(t, ok)
	assert.Equal(t, uint64(7), cur.Block)
	assert.Equal(t, c.head(t).Number.Uint64()-2, cur.Block)
	ev, err := registryABI.UnpackKernelRegisteredEvent(&logs[1])
	require.NoError(t, err)
	assert.Equal(t, [32]byte(common.Hash{1, 2}), ev.ModelRoot)
}

// A reorg replaces processed blocks: the watcher warns, calls OnReorg with
// the fork point and delivers the new chain's logs from there.
func TestLogWatcherReorg(t *testing.T) {
	c := newWatchChain(t)
	ctx := ctxT(t)
	var got collector
	var forks []uint64
	w, err := chain.NewLogWatcher(c.cl, chain.WatchOptions{Query: c.query(), Confirmations: 1, Logger: testLogger(),
		OnReorg: func(_ context.Context, fork uint64) error { forks = append(forks, fork); return nil }}, got.handle)
	require.NoError(t, err)

	tx1 := c.register(t, 0, 1)
	c.sim.Commit() // block 2
	b2 := c.head(t)
	tx2 := c.register(t, 0, 2)
	c.sim.Commit() // block 3
	b3 := c.head(t)
	c.sim.Commit() // block 4
	require.NoError(t, w.Sync(ctx))
	require.Equal(t, []common.Hash{tx1.Hash(), tx2.Hash()}, got.txs())
	assert.Equal(t, b3.Hash(), got.all()[1].BlockHash)

	// New chain from block 2: block 3' holds another registration (from the
	// second key; the first key's tx2 may be re-included by the pool).
	require.NoError(t, c.sim.Fork(b2.Hash()))
	tx3 := c.register(t, 1, 3)
	for range 3 {
		c.sim.Commit() // blocks 3', 4', 5'
	}
	require.NotEqual(t, b3.Hash(), c.receipt(t, tx3).BlockHash)
	require.NoError(t, w.Sync(ctx))
	assert.Equal(t, []uint64{3}, forks)

	logs := got.all()
	require.Equal(t, tx1.Hash(), logs[0].TxHash)
	require.Equal(t, tx2.Hash(), logs[1].TxHash)
	var newTx3 int
	for _, l := range logs[2:] {
		h, err := c.cl.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
		require.NoError(t, err)
		assert.Equal(t, h.Hash(), l.BlockHash, "re-delivered log from the new chain")
		assert.GreaterOrEqual(t, l.BlockNumber, uint64(3))
		if l.TxHash == tx3.Hash() {
			newTx3++
		}
	}
	assert.Equal(t, 1, newTx3)
	for _, l := range logs {
		if l.TxHash == tx1.Hash() {
			assert.Equal(t, b2.Hash(), l.BlockHash, "block 2 survived; its log is not re-delivered")
		}
	}
	n := len(logs)
	require.NoError(t, w.Sync(ctx))
	assert.Len(t, got.all(), n)
}

// A restarted watcher resumes from the Store checkpoint; one restarted after
// a reorg of its checkpointed block rescans ReorgDepth blocks.
func TestLogWatcherResume(t *testing.T) {
	c := newWatchChain(t)
	ctx := ctxT(t)
	path := filepath.Join(t.TempDir(), "w.db")
	store, err := chain.Open(path)
	require.NoError(t, err)
	defer func() { store.Close() }()
	opts := chain.WatchOptions{Query: c.query(), Checkpoint: store.Checkpoint("registry"), Logger: testLogger()}

	var got1 collector
	w1, err := chain.NewLogWatcher(c.cl, opts, got1.handle)
	require.NoError(t, err)
	tx1 := c.register(t, 0, 1)
	c.sim.Commit() // block 2
	require.NoError(t, w1.Sync(ctx))
	require.Equal(t, []common.Hash{tx1.Hash()}, got1.txs())

	// Restart: only new logs. The checkpoint survives reopening the store.
	require.NoError(t, store.Close())
	store, err = chain.Open(path)
	require.NoError(t, err)
	opts.Checkpoint = store.Checkpoint("registry")
	tx2 := c.register(t, 0, 2)
	c.sim.Commit() // block 3
	b3 := c.head(t)
	c.sim.Commit() // block 4
	var got2 collector
	w2, err := chain.NewLogWatcher(c.cl, opts, got2.handle)
	require.NoError(t, err)
	require.NoError(t, w2.Sync(ctx))
	require.Equal(t, []common.Hash{tx2.Hash()}, got2.txs())
	cur, ok, err := store.Cursor("registry")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, chain.Cursor{Block: 4, Hash: c.head(t).Hash()}, cur)

	// While stopped, a reorg replaces block 4; the restarted watcher only
	// knows the checkpoint, so it rescans ReorgDepth=2 blocks: from 3.
	require.NoError(t, c.sim.Fork(b3.Hash()))
	tx3 := c.register(t, 1, 3)
	c.sim.Commit() // block 4'
	c.sim.Commit() // block 5'
	var got3 collector
	var forks []uint64
	opts.ReorgDepth = 2
	opts.OnReorg = func(_ context.Context, fork uint64) error { forks = append(forks, fork); return nil }
	w3, err := chain.NewLogWatcher(c.cl, opts, got3.handle)
	require.NoError(t, err)
	require.NoError(t, w3.Sync(ctx))
	assert.Equal(t, []uint64{3}, forks)
	assert.Equal(t, []common.Hash{tx2.Hash(), tx3.Hash()}, got3.txs())
}

// Run follows the chain on its own (AutoMine, new-head wake-ups), stops
// cleanly on cancellation and stops with the error of a failing handler.
func TestLogWatcherRun(t *testing.T) {
	c := newWatchChain(t)
	ctx := ctxT(t)
	t.Cleanup(chain.AutoMine(ctx, c.sim, 10*time.Millisecond))
	var got collector
	w, err := chain.NewLogWatcher(c.cl, chain.WatchOptions{Query: c.query(), Confirmations: 1,
		PollInterval: time.Hour, Logger: testLogger()}, got.handle) // only new heads wake it
	require.NoError(t, err)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(runCtx) }()
	tx := c.register(t, 0, 1)
	require.Eventually(t, func() bool { return len(got.all()) == 1 }, 10*time.Second, 5*time.Millisecond)
	assert.Equal(t, tx.Hash(), got.all()[0].TxHash)
	cancel()
	require.NoError(t, <-done)

	boom := errors.New("boom")
	w2, err := chain.NewLogWatcher(c.cl, chain.WatchOptions{Query: c.query(), PollInterval: 10 * time.Millisecond,
		Logger: testLogger()}, func(context.Context, types.Log) error { return boom })
	require.NoError(t, err)
	err = w2.Run(ctx)
	require.ErrorIs(t, err, boom)
	_, ok := w2.Cursor()
	assert.False(t, ok, "the failing log's block counts as processed")
}

// The node goes down while the watcher runs: polls back off, one WARN and
// one INFO are logged, LastSync stalls, and logs sent meanwhile are
// delivered once the node answers again.
func TestLogWatcherOutage(t *testing.T) {
	c := newWatchChain(t)
	ctx := ctxT(t)
	t.Cleanup(chain.AutoMine(ctx, c.sim, 10*time.Millisecond))
	fb := newFaultBackend(c.cl)
	var buf lockedBuffer
	var got collector
	w, err := chain.NewLogWatcher(fb, chain.WatchOptions{Query: c.query(), PollInterval: 5 * time.Millisecond,
		Backoff: chain.Backoff{Initial: 20 * time.Millisecond, Max: 50 * time.Millisecond}, Logger: bufLogger(&buf)}, got.handle)
	require.NoError(t, err)
	assert.True(t, w.LastSync().IsZero())
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(runCtx) }()
	require.Eventually(t, func() bool { return !w.LastSync().IsZero() }, 5*time.Second, 5*time.Millisecond)

	fb.down.Store(true)
	time.Sleep(20 * time.Millisecond) // a poll in flight finishes
	stalled := w.LastSync()
	tx := c.register(t, 0, 1)
	time.Sleep(400 * time.Millisecond)
	assert.Equal(t, stalled, w.LastSync())
	assert.Empty(t, got.all())
	// 400ms at 5ms polls would be 80 attempts; backoff (20ms, 40ms, 50ms...) makes ~10.
	assert.Less(t, fb.failed.Load(), int64(25), "polls back off")
	fb.down.Store(false)
	require.Eventually(t, func() bool { return len(got.all()) == 1 }, 5*time.Second, 5*time.Millisecond)
	assert.Equal(t, tx.Hash(), got.all()[0].TxHash)
	assert.True(t, w.LastSync().After(stalled))
	cancel()
	require.NoError(t, <-done)
	s := buf.String()
	assert.Equal(t, 1, countLevel(s, "WARN"), s)
	assert.Equal(t, 1, countLevel(s, "INFO"), s)
}
