package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Anchors: a transaction that answers an event is only valid on the fork
// that holds the event. A reorg deeper than the confirmations (or a node
// reset) can replace the event's block by one where, say, the same request
// id is another request; re-broadcasting or fee-bumping the old answer
// there would act on inputs from a fork that is gone.
//
// WithAnchor marks a context: every TxManager Send under it checks that
// the anchor blocks are still canonical before its first broadcast and on
// every poll until the transaction is mined, and, once one is not, stops
// with ErrAnchorGone, first replacing a pending transaction by a 0-value
// transfer to itself at the same nonce (best effort: one mined meanwhile
// stays mined).

// ErrAnchorGone matches an *AnchorGoneError.
var ErrAnchorGone = errors.New("chain: anchor block no longer canonical")

// AnchorGoneError is a Send stopped because a block it depends on left the
// canonical chain.
type AnchorGoneError struct {
	Anchor Cursor
	Now    common.Hash // the canonical hash at that height now (zero: none)
}

func (e *AnchorGoneError) Error() string {
	return fmt.Sprintf("chain: block %d %s, which this transaction depends on, is no longer canonical (now %s): not sending it",
		e.Anchor.Block, e.Anchor.Hash.TerminalString(), e.Now.TerminalString())
}

// Is makes errors.Is(err, ErrAnchorGone) true.
func (e *AnchorGoneError) Is(target error) bool { return target == ErrAnchorGone }

type anchorKey struct{}

// WithAnchor returns ctx with the block (number and hash) added to the
// blocks that Sends under ctx depend on, typically the block of the event
// a duty answers.
func WithAnchor(ctx context.Context, block uint64, hash common.Hash) context.Context {
	prev, _ := ctx.Value(anchorKey{}).([]Cursor)
	next := append(append([]Cursor(nil), prev...), Cursor{Block: block, Hash: hash})
	return context.WithValue(ctx, anchorKey{}, next)
}

// Anchors returns the anchor blocks of ctx.
func Anchors(ctx context.Context) []Cursor {
	a, _ := ctx.Value(anchorKey{}).([]Cursor)
	return a
}

// CheckAnchors returns an *AnchorGoneError for the first anchor of ctx
// that is not canonical on b, nil if all are, or the node's error.
func CheckAnchors(ctx context.Context, b Backend) error {
	for _, a := range Anchors(ctx) {
		h, err := b.HeaderByNumber(ctx, new(big.Int).SetUint64(a.Block))
		if errors.Is(err, ethereum.NotFound) {
			return &AnchorGoneError{Anchor: a}
		}
		if err != nil {
			return fmt.Errorf("chain: header %d: %w", a.Block, err)
		}
		if h.Hash() != a.Hash {
			return &AnchorGoneError{Anchor: a, Now: h.Hash()}
		}
	}
	return nil
}

// cancelPending replaces tx (not mined) by a 0-value transfer to the
// manager's own address at the same nonce with bumped fees, so that the
// node does not mine it later; best effort.
func (m *TxManager) cancelPending(ctx context.Context, req *request, tx *types.Transaction) {
	c := *req
	c.to, c.data, c.value, c.gas = &m.addr, nil, new(big.Int), 21000
	if ok, err := m.bump(ctx, &c); err != nil || !ok {
		m.log.Warn("could not price a cancellation; the transaction may still be mined", "tx", tx.Hash(), "err", err)
		return
	}
	cancel, err := m.sign(ctx, &c, tx.Nonce())
	if err != nil {
		return
	}
	if err := m.b.SendTransaction(ctx, cancel); err != nil && !isKnown(err) {
		m.log.Debug("cancellation not sent", "tx", tx.Hash(), "err", err)
		return
	}
	m.log.Warn("replaced by a cancellation (0-value self-transfer, same nonce)", "tx", tx.Hash(), "cancel", cancel.Hash(), "nonce", tx.Nonce())
	m.broadcasted(cancel, "sent (cancellation)")
}
