package chain

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Checkpoint persists a LogWatcher's position, so a restarted daemon
// resumes after the last processed block. Store.Checkpoint provides one;
// any other durable place works.
type Checkpoint interface {
	Load() (Cursor, bool, error)
	Save(Cursor) error
}

// Handler receives one log. It must be idempotent: after a reorg, and after
// a crash between handling a block and checkpointing it, logs are delivered
// again (see LogWatcher).
type Handler func(ctx context.Context, l types.Log) error

// WatchOptions configures a LogWatcher.
type WatchOptions struct {
	// Query selects the logs: Addresses and Topics as in eth_getLogs. Its
	// FromBlock, ToBlock and BlockHash are ignored.
	Query ethereum.FilterQuery
	// From is the first block scanned when there is no checkpoint.
	From uint64
	// Confirmations is how many blocks must be built on a block before its
	// logs are delivered (0: deliver from the head block).
	Confirmations uint64
	// MaxRange bounds the blocks per eth_getLogs request (default 1000;
	// nodes and providers cap ranges).
	MaxRange uint64
	// PollInterval is how often the head is polled (default 2s). A
	// new-head subscription, where the backend has one, wakes the watcher
	// earlier.
	PollInterval time.Duration
	// ReorgDepth is how far back to rescan when the checkpointed block was
	// reorged away and no older block hash is known (after a restart);
	// default 64.
	ReorgDepth uint64
	// Checkpoint, if set, is loaded on the first pass and saved after every
	// block whose logs were delivered and at the end of every range.
	Checkpoint Checkpoint
	// OnReorg, if set, is called when processed blocks were reorged away,
	// before logs are re-delivered from fork, the first block rescanned.
	// Logs of the dropped blocks are not retracted; a handler that needs to
	// know re-reads contract state here.
	OnReorg func(ctx context.Context, fork uint64) error
	// Backoff paces the polls after transport failures (see IsTransient);
	// the zero value is DefaultBackoff. Polls never come faster than
	// PollInterval.
	Backoff Backoff
	// Outage, if set, records transport failures (shared with the other
	// components of a service, one WARN and one INFO per node outage);
	// nil: the watcher's own.
	Outage *Outage
	// Logger defaults to slog.Default().
	Logger *slog.Logger
}

// LogWatcher follows the logs matching a filter, in block order, each
// delivered once its block is Confirmations deep. It polls eth_getLogs over
// ranges of at most MaxRange blocks, so it works on plain HTTP endpoints;
// a new-head subscription only makes it react sooner.
//
// Reorgs: the watcher records the hash of every block it delivered logs
// from and of the last block of every range it processed. Each pass first
// checks that the last processed block is still canonical; if not, it logs a
// warning, walks back to the newest recorded block that still is, calls
// OnReorg and re-delivers from the block after it. Handlers therefore see
// the new chain's logs again, possibly identical ones, and must be
// idempotent. Within one run, absent reorgs, each log is delivered exactly
// once; across a crash, logs of the block being handled are delivered again
// (at least once), as the checkpoint is saved after the block.
//
// A LogWatcher is driven by one goroutine: call Run, or Sync repeatedly, not
// both at once; Cursor is safe only between Sync calls.
type LogWatcher struct {
	b       Backend
	opts    WatchOptions
	handler Handler
	log     *slog.Logger

	loaded   bool
	lastSync atomic.Int64 // unix nanoseconds of the last successful Sync
	outage   *Outage
	last     *Cursor  // last processed block; nil: none, next is opts.From
	recent   []Cursor // recently processed blocks, ascending, for finding a fork point
}

// maxRecent bounds the recorded block hashes.
const maxRecent = 512

// NewLogWatcher returns a watcher delivering the logs opts.Query selects to
// h. Nothing happens until Run or Sync.
func NewLogWatcher(b Backend, opts WatchOptions, h Handler) (*LogWatcher, error) {
	if b == nil {
		return nil, errors.New("chain: nil backend")
	}
	if h == nil {
		return nil, errors.New("chain: nil log handler")
	}
	opts.MaxRange = orDefault(opts.MaxRange, 1000)
	opts.PollInterval = orDefault(opts.PollInterval, 2*time.Second)
	opts.ReorgDepth = orDefault(opts.ReorgDepth, 64)
	w := &LogWatcher{b: b, opts: opts, handler: h, log: logger(opts.Logger).With("component", "logwatcher")}
	w.outage = opts.Outage
	if w.outage == nil {
		w.outage = &Outage{What: "rpc", Logger: w.log}
	}
	return w, nil
}

// LastSync is when Sync last completed without error (zero if never), for
// readiness checks. Safe for concurrent use.
func (w *LogWatcher) LastSync() time.Time {
	if n := w.lastSync.Load(); n != 0 {
		return time.Unix(0, n)
	}
	return time.Time{}
}

// Cursor is the last processed block; false if none yet.
func (w *LogWatcher) Cursor() (Cursor, bool) {
	if w.last == nil {
		return Cursor{}, false
	}
	return *w.last, true
}

// handlerError marks a handler's failure, which stops Run (node errors only
// delay it).
type handlerError struct{ err error }

func (e *handlerError) Error() string { return e.err.Error() }
func (e *handlerError) Unwrap() error { return e.err }

// Run follows the chain until ctx is done (returning nil) or a handler or
// the checkpoint fails (returning that error). Node errors are retried:
// transport failures with Backoff, reported once per outage through
// Outage; other node errors (logged as WARN) on the next poll.
func (w *LogWatcher) Run(ctx context.Context) error {
	wake := make(chan struct{}, 1)
	go w.subscribe(ctx, wake)
	failures := 0
	for {
		err := w.Sync(ctx)
		var he *handlerError
		switch {
		case ctx.Err() != nil:
			return nil
		case errors.As(err, &he):
			return err
		case err != nil && IsTransient(err):
			failures++
			w.outage.Fail("log poll", err)
		case err != nil:
			failures++
			w.log.Warn("log poll failed; retrying", "err", err)
		default:
			failures = 0
			w.outage.OK()
		}
		delay := w.opts.PollInterval
		if failures > 0 {
			delay = max(delay, w.opts.Backoff.Delay(failures-1))
		}
		wakeup := wake
		if failures > 0 {
			wakeup = nil // back off: new heads do not shorten the delay
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		case <-wakeup:
			t.Stop()
		}
	}
}

// subscribe turns new heads into wake-ups, where the backend supports
// subscriptions; otherwise the watcher just polls.
func (w *LogWatcher) subscribe(ctx context.Context, wake chan<- struct{}) {
	heads := make(chan *types.Header, 16)
	sub, err := w.b.SubscribeNewHead(ctx, heads)
	if err != nil {
		w.log.Debug("no new-head subscription; polling only", "err", err)
		return
	}
	defer sub.Unsubscribe()
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-sub.Err():
			w.log.Debug("new-head subscription ended; polling only", "err", err)
			return
		case <-heads:
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	}
}

// Sync processes every block that is Confirmations deep now: it checks for
// a reorg of processed blocks, then delivers the logs of the blocks after
// the last processed one, range by range. Run calls it on every poll; tests
// and one-shot tools call it directly.
func (w *LogWatcher) Sync(ctx context.Context) error {
	if !w.loaded {
		if err := w.load(); err != nil {
			return err
		}
	}
	head, err := w.b.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("chain: block number: %w", err)
	}
	if head < w.opts.Confirmations {
		w.lastSync.Store(time.Now().UnixNano())
		return nil
	}
	target := head - w.opts.Confirmations
	if err := w.checkReorg(ctx); err != nil {
		return err
	}
	for next := w.next(); next <= target; next = w.next() {
		to := min(next+w.opts.MaxRange-1, target)
		moved, err := w.scan(ctx, next, to)
		if err != nil {
			return err
		}
		if moved {
			break // the chain changed under the scan; the next pass checks for a reorg
		}
	}
	w.lastSync.Store(time.Now().UnixNano())
	return nil
}

func (w *LogWatcher) load() error {
	w.loaded = true
	if w.opts.Checkpoint == nil {
		return nil
	}
	cp, ok, err := w.opts.Checkpoint.Load()
	if err != nil {
		w.loaded = false
		return &handlerError{fmt.Errorf("chain: load checkpoint: %w", err)}
	}
	if ok {
		w.last = &cp
		w.recent = []Cursor{cp}
		w.log.Info("resuming from checkpoint", "block", cp.Block, "hash", cp.Hash)
	}
	return nil
}

func (w *LogWatcher) next() uint64 {
	if w.last == nil {
		return w.opts.From
	}
	return w.last.Block + 1
}

// canonicalHash is the hash of the canonical block number n; false if the
// chain is shorter.
func (w *LogWatcher) canonicalHash(ctx context.Context, n uint64) (common.Hash, bool, error) {
	h, err := w.b.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return common.Hash{}, false, nil
	}
	if err != nil {
		return common.Hash{}, false, fmt.Errorf("chain: header %d: %w", n, err)
	}
	return h.Hash(), true, nil
}

// checkReorg rewinds to the fork point if the last processed block is no
// longer canonical.
func (w *LogWatcher) checkReorg(ctx context.Context) error {
	if w.last == nil {
		return nil
	}
	h, ok, err := w.canonicalHash(ctx, w.last.Block)
	if err != nil {
		return err
	}
	if ok && h == w.last.Hash {
		return nil
	}
	old := *w.last
	var base *Cursor // newest processed block still canonical
	for i := len(w.recent) - 1; i >= 0 && base == nil; i-- {
		c := w.recent[i]
		if c.Block >= old.Block {
			continue
		}
		h, ok, err := w.canonicalHash(ctx, c.Block)
		if err != nil {
			return err
		}
		if ok && h == c.Hash {
			base = &c
		}
	}
	if base == nil && old.Block >= w.opts.ReorgDepth && old.Block-w.opts.ReorgDepth >= w.opts.From {
		// No known block survived (a restart keeps only the checkpoint):
		// rescan ReorgDepth blocks.
		n := old.Block - w.opts.ReorgDepth
		h, ok, err := w.canonicalHash(ctx, n)
		if err != nil {
			return err
		}
		if ok {
			base = &Cursor{Block: n, Hash: h}
		}
	}
	fork := w.opts.From
	if base != nil {
		fork = base.Block + 1
	}
	w.log.Warn("reorg of processed blocks; re-delivering logs from the fork point",
		"lastProcessed", old.Block, "lastHash", old.Hash, "fork", fork)
	w.last = base
	w.recent = slices.DeleteFunc(w.recent, func(c Cursor) bool { return base == nil || c.Block > base.Block })
	if w.opts.OnReorg != nil {
		if err := w.opts.OnReorg(ctx, fork); err != nil {
			return &handlerError{fmt.Errorf("chain: reorg handler (fork %d): %w", fork, err)}
		}
	}
	if base != nil {
		return w.save(*base)
	}
	return nil
}

// scan delivers the logs of blocks from..to and advances the cursor. It
// returns moved=true, having delivered only the blocks it could verify,
// when a block's logs are not from the canonical block at that height (the
// chain reorganized during the scan).
func (w *LogWatcher) scan(ctx context.Context, from, to uint64) (moved bool, err error) {
	toHash, ok, err := w.canonicalHash(ctx, to)
	if err != nil {
		return false, err
	}
	if !ok {
		return true, nil
	}
	q := w.opts.Query
	q.BlockHash = nil
	q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(to)
	logs, err := w.b.FilterLogs(ctx, q)
	if err != nil {
		return false, fmt.Errorf("chain: get logs %d..%d: %w", from, to, err)
	}
	slices.SortStableFunc(logs, func(a, b types.Log) int {
		return cmp.Or(cmp.Compare(a.BlockNumber, b.BlockNumber), cmp.Compare(a.Index, b.Index))
	})
	for i := 0; i < len(logs); {
		n, hash := logs[i].BlockNumber, logs[i].BlockHash
		j := i
		for j < len(logs) && logs[j].BlockNumber == n {
			j++
		}
		want := toHash
		if n != to {
			if want, ok, err = w.canonicalHash(ctx, n); err != nil {
				return false, err
			}
		}
		if !ok || want != hash || slices.ContainsFunc(logs[i:j], func(l types.Log) bool { return l.Removed || l.BlockHash != hash }) {
			w.log.Debug("chain moved during log scan; retrying", "block", n)
			return true, nil
		}
		for _, l := range logs[i:j] {
			if err := w.handler(ctx, l); err != nil {
				return false, &handlerError{fmt.Errorf("chain: log handler (block %d tx %s index %d): %w", l.BlockNumber, l.TxHash, l.Index, err)}
			}
		}
		if err := w.advance(Cursor{Block: n, Hash: hash}); err != nil {
			return false, err
		}
		i = j
	}
	if w.last == nil || w.last.Block < to {
		if err := w.advance(Cursor{Block: to, Hash: toHash}); err != nil {
			return false, err
		}
	}
	return false, nil
}

func (w *LogWatcher) advance(c Cursor) error {
	w.last = &c
	w.recent = append(w.recent, c)
	if len(w.recent) > maxRecent {
		w.recent = slices.Delete(w.recent, 0, len(w.recent)-maxRecent)
	}
	return w.save(c)
}

func (w *LogWatcher) save(c Cursor) error {
	if w.opts.Checkpoint == nil {
		return nil
	}
	if err := w.opts.Checkpoint.Save(c); err != nil {
		return &handlerError{fmt.Errorf("chain: save checkpoint (block %d): %w", c.Block, err)}
	}
	return nil
}
