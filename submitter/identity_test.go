package submitter_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/submitter"
	"github.com/aivm-dev/aivm/submitter/agent"
	"github.com/aivm-dev/aivm/submitter/agent/agenttest"
)

// The chain-identity rules (docs/services.md, "Chain identity"), against
// the fake chain and a fake agent.ChainView.

type idNet struct {
	n    *agenttest.Net
	view *agenttest.View
	s    *submitter.Service
	logs *bytes.Buffer
	sent int // logs delivered
}

func newIDNet(t *testing.T) *idNet {
	n := agenttest.NewNet(t)
	e := &idNet{n: n, view: agenttest.NewView(common.Hash{1}, common.Address{0xaa}), logs: &bytes.Buffer{}}
	env := n.Env(agenttest.Submitter, agenttest.NewDuties())
	env.Chain = e.view
	env.Log = slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	var err error
	e.s, err = submitter.New(env, submitter.Config{Bond: agenttest.SubmitterBond})
	require.NoError(t, err)
	return e
}

// deliver hands the service the new fake logs, each with its block's hash
// on the view's chain.
func (e *idNet) deliver(t *testing.T) {
	for _, l := range e.n.Chain.Logs(e.sent) {
		e.sent++
		l.BlockHash = e.view.Where(l.BlockNumber).BlockHash
		require.NoError(t, e.s.HandleLog(context.Background(), l))
	}
}

func (e *idNet) count(msg string) int { return strings.Count(e.logs.String(), msg) }

// TestChainResetDropsDuties: a changed genesis drops every duty, with one
// ERROR naming what changed, and nothing is sent for the old chain's
// request.
func TestChainResetDropsDuties(t *testing.T) {
	e := newIDNet(t)
	e.n.Chain.Refuse("submitResult", "Paused") // keep the request open: only the duty matters here
	e.n.Request(1, 3)
	e.deliver(t)
	_ = e.s.Tick(t.Context())
	reqs, err := e.s.Requests()
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	require.Equal(t, e.view.Where(reqs[0].Block), reqs[0].Where)

	e.view.SetGenesis(common.Hash{2})
	require.NoError(t, e.s.Tick(t.Context()))
	reqs, err = e.s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs, "the old chain's duty is dropped")
	require.Equal(t, 1, e.count("chain reset: genesis"), e.logs.String())
	require.NoError(t, e.s.Tick(t.Context()))
	require.Equal(t, 1, e.count("chain reset"), "said once")
}

// TestContractsGoneSaidOnce: contracts without code stop the service
// acting, with one ERROR however many ticks it lasts.
func TestContractsGoneSaidOnce(t *testing.T) {
	e := newIDNet(t)
	e.view.SetMissing([]common.Address{{0xaa}})
	e.n.Request(1, 3)
	e.deliver(t)
	for range 3 {
		require.NoError(t, e.s.Tick(t.Context()))
	}
	require.Zero(t, e.n.Chain.Sent(agenttest.Submitter, "submitResult"), "nothing sent while the contracts are gone")
	require.Equal(t, 1, e.count("contracts gone"), e.logs.String())
	e.view.SetMissing(nil)
	require.NoError(t, e.s.Tick(t.Context()))
	require.Equal(t, 1, e.n.Chain.Sent(agenttest.Submitter, "submitResult"))
}

// TestDutyFromGoneForkDropped: a duty whose event's block was replaced is
// dropped before anything is sent for it.
func TestDutyFromGoneForkDropped(t *testing.T) {
	e := newIDNet(t)
	e.n.Request(1, 3)
	e.deliver(t)
	reqs, err := e.s.Requests()
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	e.view.SetHash(reqs[0].Block, common.Hash{0xf0})
	require.NoError(t, e.s.Tick(t.Context()))
	require.Zero(t, e.n.Chain.Sent(agenttest.Submitter, "submitResult"), "nothing sent from a gone fork's inputs")
	reqs, err = e.s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs)
	require.Equal(t, 1, e.count("no longer canonical"), e.logs.String())
}

// TestRequestIDReusedOnFork: the same request id from another block
// replaces the stored duty (its inputs are the new fork's).
func TestRequestIDReusedOnFork(t *testing.T) {
	e := newIDNet(t)
	e.n.Request(1, 3)
	e.deliver(t)
	old, err := e.s.Requests()
	require.NoError(t, err)
	l := e.n.Chain.Logs(0)[0]
	l.BlockHash = common.Hash{0xf1}
	// The same event on another fork, with other inputs.
	ev, err := bindingsRequest(l)
	require.NoError(t, err)
	_, isNew, err := e.s.RecordRequest(ev, agent.Where{Block: l.BlockNumber, BlockHash: l.BlockHash})
	require.NoError(t, err)
	require.True(t, isNew, "a reused id from another fork is a new duty")
	now, err := e.s.Requests()
	require.NoError(t, err)
	require.Len(t, now, 1)
	require.NotEqual(t, old[0].BlockHash, now[0].BlockHash)
	require.Equal(t, 1, e.count("request id reused on another fork"), e.logs.String())
}

func bindingsRequest(l types.Log) (*bindings.InferenceMarketInferenceRequested, error) {
	return bindings.NewInferenceMarket().UnpackInferenceRequestedEvent(&l)
}

// TestSendAnchoredToEvent: the submitter's result is sent anchored to the
// block of the request's event; once that block left the canonical chain
// between the tick's duty check and the send (the fake refuses the send as
// TxManager does), the duty is dropped, nothing is sent, and the stale
// send is never retried.
func TestSendAnchoredToEvent(t *testing.T) {
	e := newIDNet(t)
	e.n.Chain.CheckAnchorsOn(e.view)
	e.n.Request(1, 3)
	e.deliver(t)
	reqs, err := e.s.Requests()
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	where := reqs[0].Where

	// A first request is answered, anchored to its event's block.
	require.NoError(t, e.s.Tick(t.Context()))
	txs := e.n.Chain.Txs()
	require.Len(t, txs, 1)
	require.Equal(t, "submitResult", txs[0].Method)
	require.Equal(t, []chain.Cursor{{Block: where.Block, Hash: where.BlockHash}}, txs[0].Anchors)

	// A second request whose block is replaced after the duty check (the
	// service's own check passes with no ChainView; the send is judged
	// against the view).
	e2 := newIDNet(t)
	e2.s.Env.Chain = nil
	e2.n.Chain.CheckAnchorsOn(e2.view)
	e2.n.Request(1, 3)
	e2.deliver(t)
	reqs, err = e2.s.Requests()
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	e2.view.SetHash(reqs[0].Block, common.Hash{0xf0})
	require.NoError(t, e2.s.Tick(t.Context()), "a gone fork is handled, not an error")
	require.Empty(t, e2.n.Chain.Txs(), "nothing sent for the gone fork's request")
	reqs, err = e2.s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs, "the duty is dropped")
	require.Equal(t, 1, e2.count("its fork is gone"), e2.logs.String())
	require.NoError(t, e2.s.Tick(t.Context()))
	require.Empty(t, e2.n.Chain.Txs(), "the stale send is not retried")
}
