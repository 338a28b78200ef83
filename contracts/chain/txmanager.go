package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// TxOptions tunes a TxManager. The zero value is usable: defaults are
// filled in by NewTxManager.
type TxOptions struct {
	// Confirmations is how many further blocks must be built on the block
	// that mined a transaction before Send returns (0: return as soon as it
	// is mined). After that many blocks the receipt is checked again, and a
	// transaction a reorg dropped is sent again.
	Confirmations uint64
	// PollInterval is how often a pending transaction's receipt is polled
	// (default 1s).
	PollInterval time.Duration
	// BumpAfter is how long a transaction may stay unmined before it is
	// replaced by the same transaction (same nonce) with fees raised by at
	// least 12.5% (default 30s). Nodes require +10% to replace.
	BumpAfter time.Duration
	// MaxFeeCap bounds the fee cap (max fee per gas) of every transaction,
	// bumps included; nil means no bound. Once a bump would exceed it, the
	// transaction is re-broadcast unchanged instead.
	MaxFeeCap *big.Int
	// GasMargin is the fraction added to the gas estimate (default 0.2, i.e.
	// +20%; negative means none). Estimates are taken against the latest
	// block and state can change before inclusion.
	GasMargin float64
	// Commit, if set, is called after every broadcast and on every poll. For
	// the simulated backend without AutoMine, func() { sim.Commit() } mines
	// each transaction and its confirmations. Leave nil on a real chain or
	// with AutoMine.
	Commit func()
	// StuckAfter is how long a Send may wait for its transaction to be
	// mined before it is reported stuck: one WARN per Send, and counted by
	// Pending (default 5m).
	StuckAfter time.Duration
	// Backoff paces the retries of transport failures (connection refused,
	// timeouts: see IsTransient) while sending and polling; the zero value
	// is DefaultBackoff. Polls never come faster than PollInterval.
	Backoff Backoff
	// OutagePoll caps the wait between polls of a pending transaction while
	// the node is unreachable (default 2s; never below PollInterval). A
	// transaction racing a deadline (a challenge window) must be seen, and
	// re-sent if the node forgot it, soon after the node is back, not a
	// full Backoff.Max later.
	OutagePoll time.Duration
	// Outage, if set, records the transport failures of this manager, e.g.
	// one Outage shared by every component talking to one node, so that a
	// node outage logs one WARN and one INFO in all. nil: the manager's own.
	Outage *Outage
	// OnBroadcast, if set, sees every signed transaction as it is broadcast
	// (first sends, fee bumps, re-sends), e.g. for metrics or tests.
	OnBroadcast func(tx *types.Transaction)
	// Logger defaults to slog.Default().
	Logger *slog.Logger
}

// TxManager sends transactions from one key. It assigns nonces itself,
// serialized across concurrent Sends, so a daemon can fire several duties at
// once without nonce collisions; use exactly one TxManager per key (two
// managers, or another wallet, on the same key still work, through the
// "nonce too low" resync, but waste fees).
//
// Nonces are resynchronized from the node's pending nonce (eth_getTransactionCount
// "pending") whenever the local count may be wrong: before a Send when no
// other Send is in flight, after "nonce too low"/"nonce too high", and when
// a transaction waiting for BumpAfter turns out to be
//   - taken: its nonce was mined by a transaction that is not one of its
//     signatures: it is signed anew with a fresh nonce;
//   - behind a gap: the node's pending nonce is below it and no Send of this
//     manager holds the nonces in between (the node was reset with its state
//     lost, or dropped transactions): it is signed anew with a fresh nonce
//     instead of having its fees bumped forever;
//   - vanished: in no pool and not mined (a node restart dropped it): it is
//     broadcast again unchanged.
//
// Vanishing is also checked on every poll, not only after BumpAfter: a
// node restarted with its chain kept but its pool lost forgets pending
// transactions, and one racing a deadline (a challenge in a short window)
// must be back in the pool on the first poll that reaches the node. The
// re-broadcast is the same signed transaction (same nonce, same fees), so
// it can be mined at most once. While the node is unreachable, polls back
// off to at most OutagePoll.
//
// Transport failures (IsTransient) are retried with Backoff and reported
// through Outage; they never end a Send before ctx does.
type TxManager struct {
	b    Backend
	key  *ecdsa.PrivateKey
	addr common.Address
	opts TxOptions
	log  *slog.Logger

	mu      sync.Mutex // serializes nonce assignment and first broadcasts
	nonce   uint64     // next nonce to use, valid when nonceOK
	nonceOK bool       // false: resync from PendingNonceAt before next use
	outage  *Outage

	// fmu guards flights and the nonce snapshot; never held across a call
	// to the node, so Pending answers during an outage.
	fmu       sync.Mutex
	flights   map[*flight]struct{} // Sends waiting for their transaction
	nextNonce uint64               // m.nonce after the latest broadcast
	nonceSeen bool

	signerMu sync.Mutex
	signer   types.Signer // from the backend's chain id, on first use
}

// NewTxManager returns a manager sending from key through b. The chain id
// is read from the backend on first use.
func NewTxManager(b Backend, key *ecdsa.PrivateKey, opts TxOptions) (*TxManager, error) {
	if b == nil {
		return nil, errors.New("chain: nil backend")
	}
	if key == nil {
		return nil, errors.New("chain: nil key")
	}
	opts.PollInterval = orDefault(opts.PollInterval, time.Second)
	opts.BumpAfter = orDefault(opts.BumpAfter, 30*time.Second)
	opts.StuckAfter = orDefault(opts.StuckAfter, 5*time.Minute)
	opts.OutagePoll = max(orDefault(opts.OutagePoll, 2*time.Second), opts.PollInterval)
	switch {
	case opts.GasMargin == 0:
		opts.GasMargin = 0.2
	case opts.GasMargin < 0:
		opts.GasMargin = 0
	}
	if opts.MaxFeeCap != nil && opts.MaxFeeCap.Sign() <= 0 {
		return nil, fmt.Errorf("chain: MaxFeeCap %s is not positive", opts.MaxFeeCap)
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	m := &TxManager{b: b, key: key, addr: addr, opts: opts, flights: map[*flight]struct{}{},
		log: logger(opts.Logger).With("component", "txmanager", "from", addr)}
	m.outage = opts.Outage
	if m.outage == nil {
		m.outage = &Outage{What: "rpc", Logger: m.log}
	}
	return m, nil
}

// flight is one Send from its first broadcast until it returns.
type flight struct {
	nonce uint64    // nonce of its latest signature
	start time.Time // first broadcast
	stuck bool      // reported stuck
}

// PendingStats describes the Sends in flight, for metrics and readiness.
type PendingStats struct {
	// Pending is the number of Sends waiting for their transaction to be
	// mined and confirmed.
	Pending int
	// Stuck is how many of them have waited longer than StuckAfter.
	Stuck int
	// Oldest is how long the oldest has waited (0 if none).
	Oldest time.Duration
	// Nonce is the next nonce the manager will use (valid when NonceKnown).
	Nonce      uint64
	NonceKnown bool
	// StuckAfter is the manager's bound.
	StuckAfter time.Duration
}

// Pending reports the Sends in flight.
func (m *TxManager) Pending() PendingStats {
	m.fmu.Lock()
	defer m.fmu.Unlock()
	st := PendingStats{Pending: len(m.flights), Nonce: m.nextNonce, NonceKnown: m.nonceSeen, StuckAfter: m.opts.StuckAfter}
	for f := range m.flights {
		age := time.Since(f.start)
		st.Oldest = max(st.Oldest, age)
		if age >= m.opts.StuckAfter {
			st.Stuck++
		}
	}
	return st
}

// Outage is the outage tracker of the manager's node (TxOptions.Outage or
// its own).
func (m *TxManager) Outage() *Outage { return m.outage }

// Address is the sending address.
func (m *TxManager) Address() common.Address { return m.addr }

// Backend is the backend the manager sends through.
func (m *TxManager) Backend() Backend { return m.b }

// Call runs a read-only call of data against to at the latest block, from
// the manager's address. A revert returns a *RevertError with the revert
// data.
func (m *TxManager) Call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	out, err := m.b.CallContract(ctx, ethereum.CallMsg{From: m.addr, To: &to, Data: data}, nil)
	if err != nil {
		if re := revertFromError(err); re != nil {
			return nil, fmt.Errorf("chain: call %s: %w", to, re)
		}
		return nil, fmt.Errorf("chain: call %s: %w", to, err)
	}
	return out, nil
}

// Send sends a transaction calling to with data (packed by a binding's
// Pack method) and value (nil: none), and returns its receipt once it is
// mined and Confirmations further blocks exist.
//
// A gas estimate that reverts returns a *RevertError (nothing is sent). A
// transaction mined but reverted returns its receipt and a *RevertError
// (errors.Is(err, ErrReverted)) whose Data is the revert data of the call
// replayed on the mined block's state, best effort (empty when the replay
// does not revert). Fees are bumped while the transaction waits, and it is
// re-sent if a reorg drops it. ctx bounds the whole wait; on cancellation
// the transaction may still be mined later.
func (m *TxManager) Send(ctx context.Context, to common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	rc, err := m.send(ctx, &to, data, value)
	if err != nil {
		return rc, fmt.Errorf("chain: send to %s: %w", to, err)
	}
	return rc, nil
}

// SendCreate sends a contract creation transaction (data is the creation
// code followed by the ABI-encoded constructor arguments) and returns its
// receipt, whose ContractAddress is the new contract. It behaves as Send.
func (m *TxManager) SendCreate(ctx context.Context, data []byte, value *big.Int) (*types.Receipt, error) {
	rc, err := m.send(ctx, nil, data, value)
	if err != nil {
		return rc, fmt.Errorf("chain: create: %w", err)
	}
	return rc, nil
}

// request is one Send: what to send and the fees of its latest signature.
type request struct {
	to     *common.Address
	data   []byte
	value  *big.Int
	gas    uint64
	tip    *big.Int
	feeCap *big.Int
}

func (m *TxManager) send(ctx context.Context, to *common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	if value == nil {
		value = new(big.Int)
	}
	req := &request{to: to, data: data, value: value}
	if err := CheckAnchors(ctx, m.b); err != nil {
		return nil, err
	}
	var est uint64
	err := m.retry(ctx, "eth_estimateGas", func(ctx context.Context) (err error) {
		est, err = m.b.EstimateGas(ctx, ethereum.CallMsg{From: m.addr, To: to, Data: data, Value: value})
		return err
	})
	if err != nil {
		if re := revertFromError(err); re != nil {
			return nil, fmt.Errorf("estimate gas: %w", re)
		}
		return nil, fmt.Errorf("estimate gas: %w", err)
	}
	var head *types.Header
	err = m.retry(ctx, "eth_getBlockByNumber", func(ctx context.Context) (err error) {
		head, err = m.b.HeaderByNumber(ctx, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("latest header: %w", err)
	}
	req.gas = est + uint64(float64(est)*m.opts.GasMargin)
	if head.GasLimit > 0 && req.gas > head.GasLimit {
		req.gas = max(est, head.GasLimit)
	}
	err = m.retry(ctx, "eth_maxPriorityFeePerGas", func(ctx context.Context) (err error) {
		req.tip, req.feeCap, err = m.fees(ctx, head)
		return err
	})
	if err != nil {
		return nil, err
	}
	fl := &flight{start: time.Now()}
	tx, err := m.broadcastNew(ctx, req, fl)
	if err != nil {
		return nil, err
	}
	defer func() {
		m.fmu.Lock()
		delete(m.flights, fl)
		m.fmu.Unlock()
	}()
	m.broadcasted(tx, "sent")
	return m.wait(ctx, req, fl, tx)
}

// retry is Retry with the manager's backoff and outage.
func (m *TxManager) retry(ctx context.Context, op string, fn func(context.Context) error) error {
	return Retry(ctx, m.opts.Backoff, m.outage, op, fn)
}

// fees returns the tip and fee cap for a new transaction: the node's
// suggested tip and twice the base fee on top, which survives six full
// blocks of base fee increases, bounded by MaxFeeCap.
func (m *TxManager) fees(ctx context.Context, head *types.Header) (tip, feeCap *big.Int, err error) {
	if head.BaseFee == nil {
		return nil, nil, errors.New("chain has no base fee (pre-London); EIP-1559 transactions need one")
	}
	if tip, err = m.b.SuggestGasTipCap(ctx); err != nil {
		return nil, nil, fmt.Errorf("suggest gas tip: %w", err)
	}
	feeCap = new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	if c := m.opts.MaxFeeCap; c != nil && feeCap.Cmp(c) > 0 {
		if c.Cmp(head.BaseFee) < 0 {
			return nil, nil, fmt.Errorf("MaxFeeCap %s is below the base fee %s", c, head.BaseFee)
		}
		feeCap = new(big.Int).Set(c)
		if tip.Cmp(feeCap) > 0 {
			tip = new(big.Int).Set(feeCap)
		}
	}
	return tip, feeCap, nil
}

// bump raises req's fees by 12.5% (at least the current suggestion), as
// replace-by-fee requires +10% on both tip and fee cap. It returns false
// when MaxFeeCap leaves no room for a valid replacement.
func (m *TxManager) bump(ctx context.Context, req *request) (bool, error) {
	head, err := m.b.HeaderByNumber(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("latest header: %w", err)
	}
	suggested, err := m.b.SuggestGasTipCap(ctx)
	if err != nil {
		return false, fmt.Errorf("suggest gas tip: %w", err)
	}
	plus := func(x *big.Int) *big.Int { // x * 9/8 + 1
		y := new(big.Int).Mul(x, big.NewInt(9))
		return y.Div(y, big.NewInt(8)).Add(y, common.Big1)
	}
	tip := plus(req.tip)
	if suggested.Cmp(tip) > 0 {
		tip = suggested
	}
	feeCap := plus(req.feeCap)
	if head.BaseFee != nil {
		if floor := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip); floor.Cmp(feeCap) > 0 {
			feeCap = floor
		}
	}
	if c := m.opts.MaxFeeCap; c != nil && feeCap.Cmp(c) > 0 {
		feeCap = new(big.Int).Set(c)
		if tip.Cmp(feeCap) > 0 {
			tip = new(big.Int).Set(feeCap)
		}
		// A replacement needs +10% on both; below that the node rejects it.
		need := func(old *big.Int) *big.Int {
			y := new(big.Int).Mul(old, big.NewInt(110))
			return y.Add(y, big.NewInt(99)).Div(y, big.NewInt(100))
		}
		if feeCap.Cmp(need(req.feeCap)) < 0 || tip.Cmp(need(req.tip)) < 0 {
			return false, nil
		}
	}
	req.tip, req.feeCap = tip, feeCap
	return true, nil
}

func (m *TxManager) sign(ctx context.Context, req *request, nonce uint64) (*types.Transaction, error) {
	signer, err := m.getSigner(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := types.SignNewTx(m.key, signer, &types.DynamicFeeTx{
		ChainID:   signer.ChainID(),
		Nonce:     nonce,
		GasTipCap: req.tip,
		GasFeeCap: req.feeCap,
		Gas:       req.gas,
		To:        req.to,
		Value:     req.value,
		Data:      req.data,
	})
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return tx, nil
}

func (m *TxManager) getSigner(ctx context.Context) (types.Signer, error) {
	m.signerMu.Lock()
	defer m.signerMu.Unlock()
	if m.signer == nil {
		id, err := m.b.ChainID(ctx)
		if err != nil {
			return nil, fmt.Errorf("chain id: %w", err)
		}
		m.signer = types.LatestSignerForChainID(id)
	}
	return m.signer, nil
}

// broadcastNew signs req with the next nonce and broadcasts it, and
// records fl as in flight with that nonce (the caller reports the
// transaction with broadcasted, outside the nonce lock). The nonce is
// resynchronized from the node's pending nonce when no other Send is in
// flight (nothing of ours can be pending, so the node's count is right, also
// after a reset of the node). Nonce errors (another sender used the key, a
// tx the manager forgot about) resync and retry; transport failures re-send
// the same signed transaction with backoff.
func (m *TxManager) broadcastNew(ctx context.Context, req *request, fl *flight) (*types.Transaction, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var lastErr error
	for range 4 {
		m.fmu.Lock()
		others := len(m.flights)
		if _, ok := m.flights[fl]; ok {
			others--
		}
		m.fmu.Unlock()
		if !m.nonceOK || others == 0 {
			var n uint64
			err := m.retry(ctx, "eth_getTransactionCount", func(ctx context.Context) (err error) {
				n, err = m.b.PendingNonceAt(ctx, m.addr)
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("pending nonce: %w", err)
			}
			if m.nonceOK && n != m.nonce {
				m.log.Info("nonce resynchronized from the node", "local", m.nonce, "node", n)
			}
			m.nonce, m.nonceOK = n, true
		}
		tx, err := m.sign(ctx, req, m.nonce)
		if err != nil {
			return nil, err
		}
		err = m.retry(ctx, "eth_sendRawTransaction", func(ctx context.Context) error {
			return m.b.SendTransaction(ctx, tx)
		})
		switch {
		case err == nil || isKnown(err):
			m.nonce++
			m.fmu.Lock()
			fl.nonce = tx.Nonce()
			m.flights[fl] = struct{}{}
			m.nextNonce, m.nonceSeen = m.nonce, true
			m.fmu.Unlock()
			return tx, nil
		case isNonceConflict(err):
			m.log.Warn("nonce conflict; resyncing from the node", "nonce", m.nonce, "err", err)
			m.nonceOK = false
			lastErr = err
		default:
			// The send may have reached the node regardless (a timeout):
			// resync rather than reuse or skip the nonce.
			m.nonceOK = false
			return nil, fmt.Errorf("send transaction (nonce %d): %w", tx.Nonce(), err)
		}
	}
	return nil, fmt.Errorf("send transaction: nonce keeps conflicting: %w", lastErr)
}

func (m *TxManager) broadcasted(tx *types.Transaction, what string) {
	m.log.Debug("transaction "+what, "tx", tx.Hash(), "nonce", tx.Nonce(), "tip", tx.GasTipCap(), "feeCap", tx.GasFeeCap(), "gas", tx.Gas())
	if m.opts.OnBroadcast != nil {
		m.opts.OnBroadcast(tx)
	}
	if m.opts.Commit != nil {
		m.opts.Commit()
	}
}

var errNonceTaken = errors.New("nonce taken by another transaction")

// rebroadcast sends tx again; it is already known to the node, or a reorg
// or a node restart dropped it.
func (m *TxManager) rebroadcast(ctx context.Context, tx *types.Transaction) error {
	err := m.b.SendTransaction(ctx, tx)
	switch {
	case err == nil || isKnown(err):
		m.broadcasted(tx, "re-sent")
		return nil
	case isUnderpriced(err):
		return nil // a pricier version with this nonce is pending; keep waiting
	case isNonceTooLow(err):
		return errNonceTaken
	}
	return err
}

// wait follows req (latest signature tx) until a receipt is Confirmations
// deep and still canonical, bumping fees, re-sending and re-nonceing on the
// way (see TxManager).
func (m *TxManager) wait(ctx context.Context, req *request, fl *flight, tx *types.Transaction) (*types.Receipt, error) {
	attempts := []*types.Transaction{tx} // every signature sent; any may be mined
	lastSent := time.Now()
	var seen *types.Receipt // latest receipt seen, nil if none or reorged away
	failures := 0           // consecutive failed polls
	inPool := true          // the node knew tx at the last look (it accepted it)
	failed := func(what string, err error) {
		failures++
		if IsTransient(err) {
			m.outage.Fail(what, err)
		} else {
			m.log.Warn(what+" failed; retrying", "tx", tx.Hash(), "err", err)
		}
	}
	for {
		delay := m.opts.PollInterval
		if failures > 0 {
			delay = max(delay, min(m.opts.Backoff.Delay(failures-1), m.opts.OutagePoll))
		}
		if err := Sleep(ctx, delay); err != nil {
			return nil, fmt.Errorf("waiting for %s (nonce %d): %w", tx.Hash(), tx.Nonce(), err)
		}
		if m.opts.Commit != nil {
			m.opts.Commit()
		}
		m.checkStuck(fl, tx)
		rc, err := m.findReceipt(ctx, attempts)
		if err != nil {
			failed("receipt poll", err)
			continue
		}
		if len(Anchors(ctx)) > 0 {
			if err := CheckAnchors(ctx, m.b); errors.Is(err, ErrAnchorGone) {
				if rc != nil {
					// The receipt was read before the anchor check: a reorg
					// between the two leaves it on the dropped fork, and
					// then the transaction is pending again, to cancel.
					var rerr error
					if rc, rerr = m.canonicalReceipt(ctx, rc.TxHash); rerr != nil {
						failed("receipt re-check", rerr)
						continue
					}
				}
				if rc != nil {
					// Mined on the fork that replaced the anchor (a node that
					// kept it in its pool): nothing to cancel, but it answered
					// nothing that still exists, so it is not a success.
					m.log.Warn("the block this transaction depends on left the canonical chain after it was mined on the new fork",
						"tx", rc.TxHash, "block", rc.BlockNumber, "status", rc.Status, "err", err)
					return nil, err
				}
				m.log.Warn("the block this transaction depends on left the canonical chain; cancelling it", "tx", tx.Hash(), "err", err)
				m.cancelPending(ctx, req, tx)
				return nil, err
			} else if err != nil {
				failed("anchor check", err)
				continue
			}
		}
		if rc != nil {
			if seen == nil || seen.BlockHash != rc.BlockHash {
				m.log.Debug("transaction mined", "tx", rc.TxHash, "block", rc.BlockNumber, "status", rc.Status)
			}
			seen = rc
			head, err := m.b.BlockNumber(ctx)
			if err != nil {
				failed("block number poll", err)
				continue
			}
			if head < rc.BlockNumber.Uint64()+m.opts.Confirmations {
				failures = 0
				m.outage.OK()
				continue
			}
			final, err := m.canonicalReceipt(ctx, rc.TxHash)
			if err != nil {
				failed("receipt re-check", err)
				continue
			}
			failures = 0
			m.outage.OK()
			if final == nil {
				continue // reorged away since; the next poll re-sends it
			}
			return m.result(ctx, final, attempts)
		}
		failures = 0
		m.outage.OK()
		if seen != nil {
			m.log.Warn("a reorg dropped the mined transaction; re-sending", "tx", seen.TxHash, "block", seen.BlockNumber, "blockHash", seen.BlockHash)
			seen = nil
			tx, attempts, err = m.resend(ctx, req, fl, tx, attempts)
			if err != nil {
				return nil, err
			}
			lastSent = time.Now()
			continue
		}
		if time.Since(lastSent) < m.opts.BumpAfter {
			if !inPool {
				continue // not re-sent at once (a gap), or re-sent and still unknown: BumpAfter's checks take over
			}
			known, err := m.known(ctx, attempts)
			if err != nil {
				failed("pool check", err)
				continue
			}
			if known {
				continue
			}
			// Only a plain drop is re-sent at once. Behind a gap (a node
			// reset with its state lost) the old copy must stay out of the
			// pool: the gap is healed with a fresh nonce after BumpAfter,
			// and a queued old copy would execute too once the gap filled.
			st, err := m.nonceState(ctx, attempts)
			if err != nil {
				failed("pool check", err)
				continue
			}
			switch st.kind {
			case nonceVanished:
				m.log.Warn("transaction dropped by the node (restarted with its pool lost?); broadcasting it again now",
					"tx", tx.Hash(), "nonce", tx.Nonce())
				if tx, attempts, err = m.resend(ctx, req, fl, tx, attempts); err != nil {
					return nil, err
				}
				if inPool, err = m.known(ctx, attempts); err != nil {
					inPool = true // look again on the next poll
					failed("pool check", err)
				}
			case nonceTaken:
				if tx, attempts, err = m.renonce(ctx, req, fl, attempts); err != nil {
					return nil, err
				}
			case nonceGap:
				inPool = false
			}
			continue
		}
		inPool = true // after BumpAfter's checks, watch for vanishing again
		st, err := m.nonceState(ctx, attempts)
		if err != nil {
			failed("nonce check", err)
			continue
		}
		switch st.kind {
		case nonceTaken:
			if tx, attempts, err = m.renonce(ctx, req, fl, attempts); err != nil {
				return nil, err
			}
			lastSent = time.Now()
			continue
		case nonceGap:
			m.log.Warn("nonce gap: the node's pending nonce is below this transaction's and no transaction of ours fills it "+
				"(node reset or transactions dropped); re-sending with a fresh nonce",
				"tx", tx.Hash(), "nonce", tx.Nonce(), "nodePending", st.pending)
			if tx, attempts, err = m.freshNonce(ctx, req, fl, attempts); err != nil {
				return nil, err
			}
			lastSent = time.Now()
			continue
		case nonceVanished:
			m.log.Warn("transaction in no pool and not mined (node restarted?); broadcasting it again", "tx", tx.Hash(), "nonce", tx.Nonce())
			if tx, attempts, err = m.resend(ctx, req, fl, tx, attempts); err != nil {
				return nil, err
			}
			lastSent = time.Now()
			continue
		}
		ok, err := m.bump(ctx, req)
		if err != nil {
			failed("fee bump", err)
			continue
		}
		if !ok {
			m.log.Warn("not mined but fees are at MaxFeeCap; re-broadcasting unchanged", "tx", tx.Hash(), "feeCap", req.feeCap)
			if tx, attempts, err = m.resend(ctx, req, fl, tx, attempts); err != nil {
				return nil, err
			}
			lastSent = time.Now()
			continue
		}
		bumped, err := m.sign(ctx, req, tx.Nonce())
		if err != nil {
			return nil, err
		}
		m.log.Info("not mined; bumping fees", "old", tx.Hash(), "new", bumped.Hash(), "nonce", tx.Nonce(), "tip", req.tip, "feeCap", req.feeCap)
		switch err := m.rebroadcast(ctx, bumped); {
		case err == nil:
			tx = bumped
			attempts = append(attempts, tx)
		case errors.Is(err, errNonceTaken):
			if tx, attempts, err = m.renonce(ctx, req, fl, attempts); err != nil {
				return nil, err
			}
		default:
			m.log.Warn("fee bump rejected; retrying later", "tx", bumped.Hash(), "err", err)
		}
		lastSent = time.Now()
	}
}

// checkStuck reports a Send waiting longer than StuckAfter, once.
func (m *TxManager) checkStuck(fl *flight, tx *types.Transaction) {
	m.fmu.Lock()
	report := !fl.stuck && time.Since(fl.start) >= m.opts.StuckAfter
	if report {
		fl.stuck = true
	}
	m.fmu.Unlock()
	if report {
		m.log.Warn("transaction pending past the stuck bound", "tx", tx.Hash(), "nonce", tx.Nonce(),
			"waiting", time.Since(fl.start).Round(time.Second), "stuckAfter", m.opts.StuckAfter)
	}
}

type nonceKind int

const (
	nonceOK       nonceKind = iota // pending in a pool: bump fees
	nonceTaken                     // nonce mined by another transaction
	nonceGap                       // behind a gap nobody of ours fills
	nonceVanished                  // in no pool, not mined
)

type nonceStatus struct {
	kind    nonceKind
	pending uint64 // the node's pending nonce
}

// nonceState classifies a transaction unmined for BumpAfter (none of
// attempts has a receipt): see TxManager.
func (m *TxManager) nonceState(ctx context.Context, attempts []*types.Transaction) (nonceStatus, error) {
	n := attempts[len(attempts)-1].Nonce()
	mined, err := m.b.NonceAt(ctx, m.addr, nil)
	if err != nil {
		return nonceStatus{}, fmt.Errorf("nonce: %w", err)
	}
	if mined > n {
		return nonceStatus{kind: nonceTaken}, nil
	}
	pending, err := m.b.PendingNonceAt(ctx, m.addr)
	if err != nil {
		return nonceStatus{}, fmt.Errorf("pending nonce: %w", err)
	}
	if pending < n && !m.holdsNonces(pending, n) {
		return nonceStatus{kind: nonceGap, pending: pending}, nil
	}
	known, err := m.known(ctx, attempts)
	switch {
	case err != nil:
		return nonceStatus{}, err
	case known:
		return nonceStatus{kind: nonceOK, pending: pending}, nil
	}
	return nonceStatus{kind: nonceVanished, pending: pending}, nil
}

// known reports whether the node knows any of attempts, pending in its
// pool or mined (eth_getTransactionByHash).
func (m *TxManager) known(ctx context.Context, attempts []*types.Transaction) (bool, error) {
	for i := len(attempts) - 1; i >= 0; i-- {
		a := attempts[i]
		_, _, err := m.b.TransactionByHash(ctx, a.Hash())
		if err == nil {
			return true, nil
		}
		if !notFound(err) {
			return false, fmt.Errorf("transaction %s: %w", a.Hash(), err)
		}
	}
	return false, nil
}

// holdsNonces reports whether Sends in flight hold every nonce in
// [from, to): then the gap below a transaction is ours and fills itself.
func (m *TxManager) holdsNonces(from, to uint64) bool {
	m.fmu.Lock()
	defer m.fmu.Unlock()
	held := map[uint64]bool{}
	for f := range m.flights {
		held[f.nonce] = true
	}
	for n := from; n < to; n++ {
		if !held[n] {
			return false
		}
	}
	return true
}

// resend broadcasts tx again, or, if its nonce was meanwhile used by a
// transaction that is not one of ours, signs it with a fresh nonce.
func (m *TxManager) resend(ctx context.Context, req *request, fl *flight, tx *types.Transaction, attempts []*types.Transaction) (*types.Transaction, []*types.Transaction, error) {
	err := m.rebroadcast(ctx, tx)
	switch {
	case err == nil:
		return tx, attempts, nil
	case errors.Is(err, errNonceTaken):
		return m.renonce(ctx, req, fl, attempts)
	}
	m.log.Warn("re-send failed; retrying later", "tx", tx.Hash(), "err", err)
	return tx, attempts, nil
}

// renonce handles "nonce too low" for a transaction not known mined: if
// none of the attempts has a receipt after all, the nonce went to a foreign
// transaction and req is signed anew with the next free nonce.
func (m *TxManager) renonce(ctx context.Context, req *request, fl *flight, attempts []*types.Transaction) (*types.Transaction, []*types.Transaction, error) {
	last := attempts[len(attempts)-1]
	rc, err := m.findReceipt(ctx, attempts)
	if err != nil || rc != nil {
		return last, attempts, nil // mined after all (or unknown yet): the poll loop takes it from here
	}
	// A pool may say "nonce too low" for a while after a reorg put the
	// nonce back in play; only the canonical chain's count proves it taken.
	// Signing anew before that could get both versions mined.
	mined, err := m.b.NonceAt(ctx, m.addr, nil)
	if err != nil || mined <= last.Nonce() {
		return last, attempts, nil
	}
	m.log.Warn("nonce used by another transaction; sending with a fresh nonce", "tx", last.Hash(), "nonce", last.Nonce())
	return m.freshNonce(ctx, req, fl, attempts)
}

// freshNonce signs req anew with a nonce resynchronized from the node and
// broadcasts it; the earlier attempts are still watched for a receipt.
func (m *TxManager) freshNonce(ctx context.Context, req *request, fl *flight, attempts []*types.Transaction) (*types.Transaction, []*types.Transaction, error) {
	m.mu.Lock()
	m.nonceOK = false
	m.mu.Unlock()
	tx, err := m.broadcastNew(ctx, req, fl)
	if err != nil {
		return nil, nil, err
	}
	m.broadcasted(tx, "sent with a fresh nonce")
	return tx, append(attempts, tx), nil
}

// findReceipt returns the receipt of whichever attempt was mined, nil if
// none is.
func (m *TxManager) findReceipt(ctx context.Context, attempts []*types.Transaction) (*types.Receipt, error) {
	for i := len(attempts) - 1; i >= 0; i-- {
		rc, err := m.b.TransactionReceipt(ctx, attempts[i].Hash())
		if notFound(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("receipt of %s: %w", attempts[i].Hash(), err)
		}
		return rc, nil
	}
	return nil, nil
}

// canonicalReceipt re-reads a receipt and returns it if its block is still
// the canonical block at its height, nil if a reorg removed it.
func (m *TxManager) canonicalReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	rc, err := m.b.TransactionReceipt(ctx, hash)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("receipt of %s: %w", hash, err)
	}
	h, err := m.b.HeaderByNumber(ctx, rc.BlockNumber)
	if errors.Is(err, ethereum.NotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("header %d: %w", rc.BlockNumber, err)
	}
	if h.Hash() != rc.BlockHash {
		return nil, nil
	}
	return rc, nil
}

// result turns a final receipt into Send's result, replaying a reverted
// transaction as a call on its block's state to recover the revert data.
func (m *TxManager) result(ctx context.Context, rc *types.Receipt, attempts []*types.Transaction) (*types.Receipt, error) {
	if rc.Status == types.ReceiptStatusSuccessful {
		m.log.Debug("transaction final", "tx", rc.TxHash, "block", rc.BlockNumber, "gasUsed", rc.GasUsed)
		return rc, nil
	}
	re := &RevertError{Receipt: rc}
	for _, tx := range attempts {
		if tx.Hash() != rc.TxHash {
			continue
		}
		_, err := m.b.CallContract(ctx, ethereum.CallMsg{From: m.addr, To: tx.To(), Gas: tx.Gas(),
			Value: tx.Value(), Data: tx.Data()}, rc.BlockNumber)
		if r := revertFromError(err); r != nil {
			r.Receipt, r.Err = rc, nil
			re = r
		}
	}
	m.log.Warn("transaction reverted", "tx", rc.TxHash, "block", rc.BlockNumber, "data", fmt.Sprintf("0x%x", re.Data))
	return rc, re
}

// notFound reports a receipt lookup that found nothing. geth answers
// "transaction indexing is in progress" instead of null while its tx index
// is catching up (always, on a chain with no block since genesis); the
// transaction is then not known mined either.
func notFound(err error) bool {
	return errors.Is(err, ethereum.NotFound) || errContains(err, "transaction indexing is in progress")
}

func errContains(err error, subs ...string) bool {
	if err == nil {
		return false
	}
	s := strings.ToLower(err.Error())
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Node error messages (geth's txpool; anvil and other nodes use the same
// wording for these).
func isKnown(err error) bool {
	return errContains(err, "already known", "known transaction", "already imported")
}
func isNonceTooLow(err error) bool { return errContains(err, "nonce too low") }
func isUnderpriced(err error) bool {
	return errContains(err, "replacement transaction underpriced", "underpriced")
}
func isNonceConflict(err error) bool {
	return errContains(err, "nonce too low", "nonce too high", "replacement transaction underpriced")
}
