package e2e

// The services (issue 6): the real submitter and challenger daemons on the
// real contracts, honest and dishonest, killed, restarted, reorged and
// doubled.

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/submitter"
)

// lastNode lies about the final output: bit 0 of the argmax class.
func (e *tnet) lastNode() *submitter.Lie {
	return &submitter.Lie{Node: len(e.Model.Graph.Nodes), Bit: 0}
}

// TestServicesHonestFinality: an honest submitter answers, the challenger
// re-executes and agrees (no challenge), the window passes, the submitter
// finalizes, the consumer's callback gets the native class, and the
// submitter withdraws exactly fee + bond: its balance moves by the fee less
// the gas it paid, to the wei.
func TestServicesHonestFinality(t *testing.T) {
	e := startNet(t, Options{})
	sub := e.addr("submitter")
	before := e.balance(sub)
	chBefore := e.balance(e.addr("challenger"))
	from := e.head()
	e.submitter("submitter", nil)
	ch := e.challenger("challenger", nil)

	id, want := e.classify(0)
	r := e.waitRequest(id, "result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	require.Equal(t, sub, r.Submitter)
	requireWei(t, e.Addr.Config.SubmitterBond, r.CandidateBond, "candidate bond")
	e.finalize(id)
	e.delivered(id, want)
	e.waitWithdrawn("submitter")

	l := e.ledger()
	cfg := e.Addr.Config
	requireWei(t, sum(e.fee, cfg.SubmitterBond), l.credit(sub), "submitter credited (fee + bond)")
	requireWei(t, sum(e.fee, cfg.SubmitterBond), l.withdrawal(sub), "submitter withdrew")
	require.Empty(t, l.opened, "an honest result was challenged")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger")), "challenger credited")
	select {
	case det := <-ch.Challenger.Detections:
		t.Fatalf("the challenger challenged a correct result: %+v", det)
	default:
	}
	requireWei(t, new(big.Int), e.balance(e.Addr.Market), "market balance")

	// Balances, exactly: the submitter gained the fee and paid gas for its
	// submit, finalize and withdraw; the challenger sent nothing.
	gas, txs := e.gasCost(sub, from)
	require.Equal(t, 3, txs, "submitter transactions (submit, finalize, withdraw)")
	requireWei(t, new(big.Int).Sub(sum(before, e.fee), gas), e.balance(sub), "submitter balance")
	requireWei(t, chBefore, e.balance(e.addr("challenger")), "challenger balance")
}

// TestAttackWrongFinalOutput (issue 7: wrong final output; issue 6: a
// challenger beats a lying submitter): the liar flips the class bit of the
// last node. The challenger challenges, bisects to node n and the kernel's
// exit step, wins on chain, takes the liar's bond, and its correct class is
// finalized and delivered. Balances are exact.
func TestAttackWrongFinalOutput(t *testing.T) {
	e := startNet(t, Options{})
	liarBefore, chBefore := e.balance(e.addr("liar")), e.balance(e.addr("challenger"))
	from := e.head()
	d := e.liarScenario(liarOpts{sample: 1, lie: e.lastNode()})
	require.NotEqual(t, d.want, d.liarClass, "the lie must change the class")
	require.Equal(t, uint32(len(e.Model.Graph.Nodes)), d.record.Node, "the dispute lands on the last node")
	require.Len(t, d.logs.stepped, 1)
	require.False(t, d.logs.resolved[0].ByTimeout)

	cfg := e.Addr.Config
	liarGas, _ := e.gasCost(e.addr("liar"), from)
	chGas, _ := e.gasCost(e.addr("challenger"), from)
	requireWei(t, new(big.Int).Sub(new(big.Int).Sub(liarBefore, cfg.SubmitterBond), liarGas), e.balance(e.addr("liar")), "liar balance (bond lost)")
	requireWei(t, new(big.Int).Sub(sum(chBefore, cfg.SubmitterBond, e.fee), chGas), e.balance(e.addr("challenger")), "challenger balance (liar's bond + fee)")
	t.Logf("detection %s (mined %s), dispute %s, %d splits, %d choices, final step %d on node %d",
		d.detection.seenToSent, d.detection.seenToMined, d.wall, len(d.logs.splits), len(d.logs.chosen), d.logs.stepped[0].VmStep, d.record.Node)
}

// TestServicesLyingChallengerLoses: a challenger with a tampered trace
// challenges an honest result and loses the game; its bond goes to the
// submitter, whose result stays the candidate and is finalized.
func TestServicesLyingChallengerLoses(t *testing.T) {
	e := startNet(t, Options{})
	e.submitter("submitter", nil)
	e.challenger("challenger", e.lastNode())
	id, want := e.classify(2)
	game := e.gameOf(id, 0)
	g := e.waitGame(game, "resolved", resolved)
	require.Equal(t, market.GameAsserterWins, g.Status, "the honest submitter must win")
	c := e.waitChallenge(id, 0, "settled", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status)
	r, err := e.Market.Request(e.ctx, id)
	require.NoError(t, err)
	require.Equal(t, e.addr("submitter"), r.Submitter, "the candidate stays the submitter's")
	require.Zero(t, r.Round)
	e.finalize(id)
	e.delivered(id, want)
	e.waitWithdrawn("submitter")

	l := e.ledger()
	cfg := e.Addr.Config
	requireWei(t, sum(cfg.ChallengerBond, e.fee, cfg.SubmitterBond), l.credit(e.addr("submitter")), "submitter credited (challenger's bond + fee + bond)")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger")), "lying challenger credited")
	require.Equal(t, []string{id.String() + "/0"}, l.lost)
	requireWei(t, new(big.Int), e.balance(e.Addr.Market), "market balance")
}

// TestServicesSubmitterRestartMidDispute: the lying submitter is killed as
// soon as the game exists and restarted from its duty database while the
// game waits on its move; it resumes the game (and still loses it).
func TestServicesSubmitterRestartMidDispute(t *testing.T) {
	e := startNet(t, Options{})
	lie := e.lastNode()
	d := e.liarScenario(liarOpts{sample: 3, lie: lie, inGame: func(e *tnet, d *dispute) {
		e.stop(d.liar)
		before := e.waitGame(d.game, "exists", func(bindings.DisputeGameGame) bool { return true })
		time.Sleep(300 * time.Millisecond) // the game waits on the dead asserter
		after, err := e.Market.GameRecord(e.ctx, d.game)
		require.NoError(e.t, err)
		e.t.Logf("killed the liar at game position G [%d,%d] (split pending %v); 300 ms later: [%d,%d] (split pending %v)",
			before.Lo, before.Hi, before.SplitPending, after.Lo, after.Hi, after.SplitPending)
		// A move sent before the kill may still be mined and answered; then
		// the game stops on the dead asserter's move.
		require.False(e.t, after.SplitPending, "the game must be waiting on the asserter")
		require.Equal(e.t, market.GameInProgress, after.Status)
		d.liar = e.submitter("liar", lie)
	}})
	require.Len(t, d.logs.stepped, 1)
	require.Equal(t, uint32(len(e.Model.Graph.Nodes)), d.record.Node)
}

// TestServicesChallengerRestartMidDispute: the honest challenger is killed
// in the middle of phase V (after a phase-V choice) and restarted from its
// duty database: it re-executes the request, rebuilds the kernel trace and
// finishes the game it was playing, without challenging twice.
func TestServicesChallengerRestartMidDispute(t *testing.T) {
	e := startNet(t, Options{})
	d := e.liarScenario(liarOpts{sample: 4, lie: e.lastNode(), inGame: func(e *tnet, d *dispute) {
		g := e.waitGame(d.game, "in phase V, after a choice", func(g bindings.DisputeGameGame) bool {
			return g.Phase == bisection.PhaseV && g.Hi-g.Lo < bisection.VMSpan
		})
		e.stop(d.ch)
		e.t.Logf("killed the challenger at V [%d,%d] (split pending %v)", g.Lo, g.Hi, g.SplitPending)
		time.Sleep(300 * time.Millisecond)
		d.ch = e.challenger("challenger", nil)
	}})
	l := e.ledger()
	require.Len(t, l.opened, 1, "one challenge only")
	require.Len(t, d.logs.stepped, 1)
	// Whether the transaction manager re-sent the move or the node re-injected
	// the dropped transaction into its pool first depends on timing (and on
	// the node still answering the old receipt until the new block exists).
	t.Logf("a transaction manager reported the dropped transaction and re-sent it: %v",
		strings.Contains(e.logs.String(), "a reorg dropped the mined transaction"))
}

// TestServicesReorgUnderPendingMove: the services run with two
// confirmations; the test mines the chain itself and, as soon as a block
// carries a phase-V split of the game (the asserter's move, its Send still
// waiting for confirmations), forks the chain from that block's parent,
// dropping the split (and the challenger's answer if it was already
// mined). The game record is back before the split, and the honest
// challenger still wins:
//
//   - reinjected: the node puts the dropped transactions back into its pool
//     (what geth does) and mines them again on the new branch;
//   - purged: the pool is cleared after the fork (a node that never saw
//     them), so the liar's transaction manager must notice its mined move
//     vanished and send it again; every later move is re-derived from the
//     canonical game record.
func TestServicesReorgUnderPendingMove(t *testing.T) {
	for _, purge := range []bool{false, true} {
		name := map[bool]string{false: "reinjected", true: "purged"}[purge]
		t.Run(name, func(t *testing.T) { reorgUnderSplit(t, purge) })
	}
}

func reorgUnderSplit(t *testing.T, purge bool) {
	e := startNet(t, Options{Confirmations: 2})
	// A move sent around the fork may be purged before it was ever seen
	// mined; its manager then re-sends it with a fee bump after BumpAfter
	// (20 s on the network): make that 2 s here.
	for _, name := range []string{"liar", "challenger"} {
		e.setBumpAfter(name, 2*time.Second)
	}
	splitTopic := bindings.NewDisputeGame().GetABI().Events["Split"].ID
	var dropped struct {
		block  common.Hash
		number uint64
		tx     common.Hash
		nonce  uint64
		lo, hi uint64
	}
	liar := e.addr("liar")
	d := e.liarScenario(liarOpts{sample: 5, lie: e.lastNode(), inGame: func(e *tnet, d *dispute) {
		require.True(e.t, e.PauseMining())
		defer e.ResumeMining()
		client := e.Sim.Client()
		for dropped.tx == (common.Hash{}) {
			select {
			case <-e.ctx.Done():
				e.t.Fatal("no phase-V split was mined")
			case <-time.After(e.Opts.BlockEvery):
			}
			h := e.Sim.Commit()
			logs, err := client.FilterLogs(e.ctx, ethereum.FilterQuery{BlockHash: &h, Addresses: []common.Address{e.Addr.Game},
				Topics: [][]common.Hash{{splitTopic}, {common.BigToHash(d.game)}}})
			require.NoError(e.t, err)
			for i := range logs {
				ev, err := bindings.NewDisputeGame().UnpackSplitEvent(&logs[i])
				require.NoError(e.t, err)
				if ev.Phase == bisection.PhaseV && ev.Hi-ev.Lo < bisection.VMSpan {
					dropped.block, dropped.number, dropped.tx = h, logs[i].BlockNumber, logs[i].TxHash
					dropped.lo, dropped.hi = ev.Lo, ev.Hi
				}
			}
		}
		tx, _, err := client.TransactionByHash(e.ctx, dropped.tx)
		require.NoError(e.t, err)
		dropped.nonce = tx.Nonce()
		blk, err := client.BlockByHash(e.ctx, dropped.block)
		require.NoError(e.t, err)
		for extra := 0; ; extra++ {
			// Let the transaction managers (polling every 20 ms) see their
			// moves mined: the reorg then drops moves they know were mined
			// and are waiting to confirm (one never seen mined is merely
			// late, and is re-sent with a fee bump after BumpAfter).
			time.Sleep(100 * time.Millisecond)
			err := e.Sim.Fork(blk.ParentHash())
			if err == nil {
				break
			}
			// A service sent a transaction meanwhile (the challenger's
			// choice): mine it on the doomed branch too and fork again. One
			// block more leaves the split one confirmation short.
			require.ErrorContains(e.t, err, "pending block dirty")
			require.Less(e.t, extra, 1, "the services keep sending: the split would be confirmed before the fork")
			e.Sim.Commit()
		}
		require.Equal(e.t, dropped.number-1, e.head(), "the fork rewinds to the split's parent")
		g, err := e.Market.GameRecord(e.ctx, d.game)
		require.NoError(e.t, err)
		e.t.Logf("reorg: dropped block %d (%s) with the split of V [%d,%d] (tx %s); the game is back at V [%d,%d], split pending %v",
			dropped.number, dropped.block.Hex()[:10], dropped.lo, dropped.hi, dropped.tx.Hex()[:10], g.Lo, g.Hi, g.SplitPending)
		require.False(e.t, g.SplitPending, "after the reorg the split is not on chain")
		if purge {
			// The pool re-injects the dropped transactions in the background:
			// wait for the liar's, then clear the pool.
			deadline := time.Now().Add(time.Second)
			for time.Now().Before(deadline) {
				if n, err := client.PendingNonceAt(e.ctx, liar); err == nil && n > dropped.nonce {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			e.Sim.Rollback()
			n, err := client.PendingNonceAt(e.ctx, liar)
			require.NoError(e.t, err)
			require.Equal(e.t, dropped.nonce, n, "the pool no longer holds the split")
		}
		// Mine the new branch past the old one's height.
		for range 4 {
			time.Sleep(e.Opts.BlockEvery)
			e.Sim.Commit()
		}
	}})
	h, err := e.Backend.HeaderByNumber(e.ctx, new(big.Int).SetUint64(dropped.number))
	require.NoError(t, err)
	require.NotEqual(t, dropped.block, h.Hash(), "the split's original block is not canonical")
	var again *bindings.DisputeGameSplit
	for _, s := range d.logs.splits {
		if s.Phase == bisection.PhaseV && s.Lo == dropped.lo && s.Hi == dropped.hi {
			again = s
		}
	}
	require.NotNil(t, again, "the dropped split was made again on the canonical chain")
	resent := strings.Contains(e.logs.String(), "a reorg dropped the mined transaction")
	t.Logf("the split of V [%d,%d] is canonical in block %d (tx %s; same transaction: %v); re-sent by the liar's transaction manager: %v",
		again.Lo, again.Hi, again.Raw.BlockNumber, again.Raw.TxHash.Hex()[:10], again.Raw.TxHash == dropped.tx, resent)
	if purge {
		require.True(t, resent, "with the pool purged, the liar's transaction manager must re-send its dropped move")
	}
	require.Len(t, d.logs.stepped, 1)
}

// challengesBy lists request id's challenges (index -> record) opened by a.
func (e *tnet) challengesBy(id *big.Int, a common.Address) map[uint64]bindings.InferenceMarketChallenge {
	e.t.Helper()
	out := map[uint64]bindings.InferenceMarketChallenge{}
	for i := uint64(0); ; i++ {
		c, err := e.Market.Challenge(e.ctx, id, i)
		if err != nil || c.Status == market.ChallengeNone {
			return out
		}
		if c.Challenger == a {
			out[i] = c
		}
	}
}

// waitChallengeBy waits for a's challenge of request id in round and
// returns its index.
func (e *tnet) waitChallengeBy(id *big.Int, a common.Address, round uint32) uint64 {
	e.t.Helper()
	var idx uint64
	e.poll(fmt.Sprintf("a challenge of request %s by %s in round %d", id, e.name(a), round), func() (bool, error) {
		for i, c := range e.challengesBy(id, a) {
			if c.Round == round {
				idx = i
				return true, nil
			}
		}
		return false, nil
	})
	return idx
}

// TestServicesTwoChallengersAgainstLiar: a lying submitter, an honest
// challenger and a lying one (another wrong S_n). Both challenge; the two
// games run in parallel. The honest challenger wins its game and its
// result replaces the candidate, which makes the lying challenger's game
// stale (docs/protocol.md 6.4): its challenge no longer blocks anything, and
// its service resolves it at once for a refund. The
// lying challenger then challenges the new candidate, loses to the honest
// challenger (now the asserter) and forfeits that bond to it; the honest
// class is finalized and delivered.
func TestServicesTwoChallengersAgainstLiar(t *testing.T) {
	e := startNet(t, Options{})
	e.submitter("liar", e.lastNode())
	ch := e.challenger("challenger", nil)
	e.challenger("challenger2", &submitter.Lie{Node: len(e.Model.Graph.Nodes), Bit: 1})
	honest, liar2 := e.addr("challenger"), e.addr("challenger2")
	id, want := e.classify(6)

	hIdx := e.waitChallengeBy(id, honest, 0)
	lIdx := e.waitChallengeBy(id, liar2, 0)
	games := map[string]*big.Int{"honest": e.gameOf(id, hIdx), "lying": e.gameOf(id, lIdx)}
	t.Logf("challenges: honest #%d (game %s), lying #%d (game %s)", hIdx, games["honest"], lIdx, games["lying"])
	<-ch.Challenger.Detections

	g := e.waitGame(games["honest"], "resolved", resolved)
	require.Equal(t, market.GameChallengerWin, g.Status)
	r := e.waitRequest(id, "the honest challenger's result is the candidate", func(r bindings.InferenceMarketRequest) bool { return r.Round == 1 })
	require.Equal(t, honest, r.Submitter)
	lying, err := e.Market.GameRecord(e.ctx, games["lying"])
	require.NoError(t, err)
	t.Logf("when the honest challenge won, the lying challenger's game was at phase %d [%d,%d], status %d", lying.Phase, lying.Lo, lying.Hi, lying.Status)

	// The lying challenger disputes the new candidate and loses.
	again := e.waitChallengeBy(id, liar2, 1)
	g = e.waitGame(e.gameOf(id, again), "resolved", resolved)
	require.Equal(t, market.GameAsserterWins, g.Status, "the honest challenger defends its result")
	c := e.waitChallenge(id, again, "settled", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status)

	e.finalize(id)
	e.delivered(id, want)

	// The stale challenge: once the candidate it disputed is replaced, the
	// lying challenger's service resolves it at once (refunding its bond)
	// instead of playing on a game that no longer matters; no clock has to
	// run out.
	c = e.waitChallenge(id, lIdx, "closed", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeClosed, c.Status, "a challenge of a replaced candidate is closed and refunded (6.4)")
	e.waitWithdrawn("challenger", "challenger2")

	l := e.ledger()
	cfg := e.Addr.Config
	requireWei(t, sum(cfg.SubmitterBond, cfg.ChallengerBond, e.fee, cfg.ChallengerBond), l.credit(honest),
		"honest challenger credited (liar's bond, the lying challenger's second bond, fee, its own bond back)")
	requireWei(t, cfg.ChallengerBond, l.credit(liar2), "lying challenger credited (its stale challenge's bond back)")
	requireWei(t, new(big.Int), l.credit(e.addr("liar")), "liar credited")
	require.Len(t, l.opened, 3)
	requireWei(t, new(big.Int), e.balance(e.Addr.Market), "market balance")
}

// TestServicesTwoChallengersHonestSubmitter: an honest submitter, an honest
// challenger and a lying one. The lying challenger challenges and loses its
// bond to the submitter; the honest challenger never challenges.
func TestServicesTwoChallengersHonestSubmitter(t *testing.T) {
	e := startNet(t, Options{})
	e.submitter("submitter", nil)
	ch := e.challenger("challenger", nil)
	e.challenger("challenger2", e.lastNode())
	id, want := e.classify(7)
	idx := e.waitChallengeBy(id, e.addr("challenger2"), 0)
	g := e.waitGame(e.gameOf(id, idx), "resolved", resolved)
	require.Equal(t, market.GameAsserterWins, g.Status)
	c := e.waitChallenge(id, idx, "settled", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status)
	e.finalize(id)
	e.delivered(id, want)
	e.waitWithdrawn("submitter")
	select {
	case det := <-ch.Challenger.Detections:
		t.Fatalf("the honest challenger challenged a correct result: %+v", det)
	default:
	}
	l := e.ledger()
	require.Len(t, l.opened, 1, "only the lying challenger challenged")
	cfg := e.Addr.Config
	requireWei(t, sum(cfg.ChallengerBond, e.fee, cfg.SubmitterBond), l.credit(e.addr("submitter")), "submitter credited")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger")), "honest challenger credited")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger2")), "lying challenger credited")
	requireWei(t, new(big.Int), e.balance(e.Addr.Market), "market balance")
}
