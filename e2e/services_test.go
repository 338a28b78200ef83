package e2e

// The services (issue 6): the real submitter and challenger daemons on the
// real contracts, honest and dishonest, killed, restarted, reorged and
// doubled.

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// lastNode lies about the final output: bit 0 of the argmax class.
func (e *tnet) lastNode() *adversary.Lie {
	return &adversary.Lie{Node: len(e.Model.Graph.Nodes), Bit: 0}
}

// TestServicesHonestFinality: an honest submitter answers, the challenger
// re-executes and agrees (no challenge), the window passes, the submitter
// finalizes, the consumer's callback gets the native class, and the
// submitter withdraws exactly fee + bond: its balance moves by the fee less
// the gas it paid, to the wei.
func TestServicesHonestFinality(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
// exit step, wins on chain, claims the unburned half of the liar's bond
// (the other half is burned), and its correct class is finalized and
// delivered. Balances are exact.
func TestAttackWrongFinalOutput(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
	requireWei(t, new(big.Int).Sub(sum(chBefore, shareOf(cfg.SubmitterBond, 1), e.fee), chGas), e.balance(e.addr("challenger")),
		"challenger balance (the unburned half of the liar's bond + fee)")
	t.Logf("detection %s (mined %s), dispute %s, %d splits, %d choices, final step %d on node %d",
		d.detection.seenToSent, d.detection.seenToMined, d.wall, len(d.logs.splits), len(d.logs.chosen), d.logs.stepped[0].VmStep, d.record.Node)
}

// TestServicesLyingChallengerLoses: a challenger with a tampered trace
// challenges an honest result and loses the game; its bond is forfeited
// (half burned, half to the submitter), whose result stays the candidate
// and is finalized.
func TestServicesLyingChallengerLoses(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
	forfeit := new(big.Int).Sub(cfg.ChallengerBond, burnOf(cfg.ChallengerBond))
	requireWei(t, sum(forfeit, e.fee, cfg.SubmitterBond), l.credit(e.addr("submitter")),
		"submitter credited (the unburned half of the challenger's bond + fee + bond)")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger")), "lying challenger credited")
	require.Equal(t, []string{id.String() + "/0"}, l.lost)
	requireWei(t, burnOf(cfg.ChallengerBond), l.burned, "burned (BURN_BPS of the challenger's bond)")
	e.requireMarketHoldsBurned(l)
}

// TestServicesSubmitterRestartMidDispute: the lying submitter is killed as
// soon as the game exists and restarted from its duty database while the
// game waits on its move; it resumes the game (and still loses it).
func TestServicesSubmitterRestartMidDispute(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
	e := startNet(t, devnet.Options{})
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
	e := startNet(t, devnet.Options{Confirmations: 2})
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
			// Rollback empties the pool; the liar's TxManager polls and
			// broadcasts a vanished transaction again, so by this read it
			// may already have (n = nonce+1). That re-send is what the rest
			// of the test requires to be mined on the new branch.
			require.Contains(e.t, []uint64{dropped.nonce, dropped.nonce + 1}, n, "the pool holds nothing past the split")
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
// games run in parallel. The honest challenger wins its game first, which
// refutes the liar's candidate and makes the honest result the candidate
// (round 1). The lying challenger's game on the refuted candidate is NOT
// dropped (docs/protocol.md 6.4: there are no stale challenges): both
// services play it to the end. Both of its parties lie about node n, so
// the dissection ends on a step no one can prove and the liar, whose move
// it is, runs out of clock: the lying challenger wins it by timeout, which
// makes it the round's second winner. Meanwhile it challenges the new
// candidate, loses to the honest challenger (now the asserter) and
// forfeits that bond (half burned, half to the honest challenger). The
// honest challenger is then stopped, with its reward for round 0 still
// unpaid (the round is not settled); when the round-0 game ends the liar's
// bond is split (half burned, a quarter to each winner), and the restarted
// honest challenger resumes from its duty store: it claims its reward and
// finalizes its result. Every payment is exact.
func TestServicesTwoChallengersAgainstLiar(t *testing.T) {
	e := startNet(t, devnet.Options{})
	e.submitter("liar", e.lastNode())
	ch := e.challenger("challenger", nil)
	e.challenger("challenger2", &adversary.Lie{Node: len(e.Model.Graph.Nodes), Bit: 1})
	honest, liar2 := e.addr("challenger"), e.addr("challenger2")
	id, want := e.classify(6)

	hIdx := e.waitChallengeBy(id, honest, 0)
	lIdx := e.waitChallengeBy(id, liar2, 0)
	games := map[string]*big.Int{"honest": e.gameOf(id, hIdx), "lying": e.gameOf(id, lIdx)}
	t.Logf("challenges: honest #%d (game %s), lying #%d (game %s)", hIdx, games["honest"], lIdx, games["lying"])
	<-ch.Challenger.Detections

	g := e.waitGame(games["honest"], "resolved", resolved)
	require.Equal(t, market.GameChallengerWins, g.Status)
	r := e.waitRequest(id, "the honest challenger's result is the candidate", func(r bindings.InferenceMarketRequest) bool { return r.Round == 1 })
	require.Equal(t, honest, r.Submitter)
	rd, err := e.Market.RefutedRound(e.ctx, id, 0)
	require.NoError(t, err)
	require.False(t, rd.Settled, "the lying challenger's game still runs on the refuted candidate")
	require.Equal(t, uint32(1), rd.OpenChallenges)

	// The lying challenger disputes the new candidate and loses.
	again := e.waitChallengeBy(id, liar2, 1)
	g = e.waitGame(e.gameOf(id, again), "resolved", resolved)
	require.Equal(t, market.GameAsserterWins, g.Status, "the honest challenger defends its result")
	c := e.waitChallenge(id, again, "settled", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status)
	c, err = e.Market.Challenge(e.ctx, id, hIdx)
	require.NoError(t, err)
	require.Equal(t, market.ChallengeWon, c.Status, "the honest win waits for its round to settle")

	// Stop the honest challenger with its claim (and its finalization)
	// still due.
	e.stop(ch)

	// The round-0 game between the two liars is still played: it stalls on
	// the last step, where the asserter is due; its clock runs out (the
	// new candidate's window passes too).
	lying := e.waitStalled(games["lying"])
	t.Logf("the two liars' game stalls at phase %d [%d,%d] (split pending %v)", lying.Phase, lying.Lo, lying.Hi, lying.SplitPending)
	e.advance(e.clockBudget())
	g = e.waitGame(games["lying"], "resolved", resolved)
	require.Equal(t, market.GameChallengerWins, g.Status, "the liar cannot defend its own claim: the lying challenger wins by timeout")
	require.True(t, e.gameLogs(games["lying"]).resolved[0].ByTimeout)
	e.waitRewarded(id, lIdx)
	rd, err = e.Market.RefutedRound(e.ctx, id, 0)
	require.NoError(t, err)
	require.True(t, rd.Settled)
	c, err = e.Market.Challenge(e.ctx, id, hIdx)
	require.NoError(t, err)
	require.Equal(t, market.ChallengeWon, c.Status, "nobody claimed for the stopped challenger")

	// Restarted from its duty store, the honest challenger claims its
	// reward and finalizes its result (refuted rounds never block that).
	e.challenger("challenger", nil)
	e.waitRewarded(id, hIdx)
	e.waitRequest(id, "finalized", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized })
	e.delivered(id, want)
	e.waitWithdrawn("challenger", "challenger2")

	l := e.ledger()
	cfg := e.Addr.Config
	require.Equal(t, []string{fmt.Sprintf("%s/%d", id, hIdx)}, l.first, "only the honest win refuted a candidate")
	require.Len(t, l.settled, 1)
	require.Equal(t, uint32(2), l.settled[0].Winners)
	share := shareOf(cfg.SubmitterBond, 2)
	requireWei(t, share, l.settled[0].Share, "each winner's share of the liar's bond")
	requireWei(t, sum(share, e.fee, cfg.ChallengerBond, new(big.Int).Sub(cfg.ChallengerBond, burnOf(cfg.ChallengerBond))), l.credit(honest),
		"honest challenger credited (its share of the liar's bond, fee, its own bond back, half the lying challenger's second bond)")
	requireWei(t, sum(cfg.ChallengerBond, share), l.credit(liar2),
		"lying challenger credited (its round-0 bond back and its share: it beat the liar)")
	requireWei(t, new(big.Int), l.credit(e.addr("liar")), "liar credited")
	requireWei(t, sum(new(big.Int).Sub(cfg.SubmitterBond, new(big.Int).Mul(share, big.NewInt(2))), burnOf(cfg.ChallengerBond)), l.burned,
		"burned (the liar's bond less the two shares, half the lying challenger's lost bond)")
	require.Len(t, l.opened, 3)
	e.requireMarketHoldsBurned(l)
}

// TestServicesTwoChallengersHonestSubmitter: an honest submitter, an honest
// challenger and a lying one. The lying challenger challenges and loses its
// bond to the submitter; the honest challenger never challenges.
func TestServicesTwoChallengersHonestSubmitter(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
	requireWei(t, sum(new(big.Int).Sub(cfg.ChallengerBond, burnOf(cfg.ChallengerBond)), e.fee, cfg.SubmitterBond),
		l.credit(e.addr("submitter")), "submitter credited (half the lying challenger's bond + fee + bond)")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger")), "honest challenger credited")
	requireWei(t, new(big.Int), l.credit(e.addr("challenger2")), "lying challenger credited")
	e.requireMarketHoldsBurned(l)
}

// TestServicesSybilChallengerAgainstHonest (docs/protocol.md 6.4, the
// sybil attack the burn exists for): a lying submitter and its own sybil
// challenger, a second challenger service run by the attacker that copies
// the correct result (it re-executes like an honest challenger) and races
// the one honest challenger. Both challenge the lie and both win their
// games; whichever wins first refutes the candidate and becomes the new
// one, the other game is played to the end too, and the liar's bond is
// split when it ends: BURN_BPS burned, the rest shared by the two winners.
// With exact balances (gas accounted): the honest challenger ends with its
// bond back and a strictly positive reward, credited and withdrawn; the
// attacker's two accounts together end poorer by at least BURN_BPS of the
// submitter bond, whichever of its accounts won the race; the correct
// class is finalized and delivered.
func TestServicesSybilChallengerAgainstHonest(t *testing.T) {
	e := startNet(t, devnet.Options{})
	liar, sybil, honest := e.addr("liar"), e.addr("sybil"), e.addr("challenger")
	before := map[common.Address]*big.Int{liar: e.balance(liar), sybil: e.balance(sybil), honest: e.balance(honest)}
	from := e.head()
	e.submitter("liar", e.lastNode())
	e.challenger("challenger", nil)
	e.challenger("sybil", nil) // the attacker's: an honest re-execution, copied
	id, want := e.classify(17)

	hIdx := e.waitChallengeBy(id, honest, 0)
	sIdx := e.waitChallengeBy(id, sybil, 0)
	for _, idx := range []uint64{hIdx, sIdx} {
		g := e.waitGame(e.gameOf(id, idx), "resolved", resolved)
		require.Equal(t, market.GameChallengerWins, g.Status, "challenge %d: the correct result beats the lie", idx)
		require.False(t, e.gameLogs(e.gameOf(id, idx)).resolved[0].ByTimeout, "challenge %d: decided by the one-step proof", idx)
	}
	// The last game on the liar's candidate settles its round; both winners claim.
	e.waitRewarded(id, hIdx)
	e.waitRewarded(id, sIdx)
	r := e.finalize(id)
	e.delivered(id, want)
	require.Equal(t, uint32(1), r.Round)
	e.waitWithdrawn("challenger", "sybil")

	l := e.ledger()
	cfg := e.Addr.Config
	require.Len(t, l.first, 1)
	require.Len(t, l.settled, 1)
	require.Equal(t, uint32(2), l.settled[0].Winners, "both challengers beat the liar")
	share := shareOf(cfg.SubmitterBond, 2)
	requireWei(t, share, l.settled[0].Share, "each winner's share of the liar's bond")
	// The first winner's bond backs its result, which it is paid with the
	// fee at finalization; the other's bond comes back with its share.
	firstIsHonest := l.first[0] == fmt.Sprintf("%s/%d", id, hIdx)
	winner, other := honest, sybil
	if !firstIsHonest {
		winner, other = sybil, honest
	}
	require.Equal(t, winner, r.Submitter, "the first winner's result is finalized")
	credited := map[common.Address]*big.Int{winner: sum(share, e.fee, cfg.ChallengerBond), other: sum(cfg.ChallengerBond, share), liar: new(big.Int)}
	for _, a := range []common.Address{honest, sybil, liar} {
		requireWei(t, credited[a], l.credit(a), "%s credited", e.name(a))
		requireWei(t, credited[a], l.withdrawal(a), "%s withdrew", e.name(a))
	}
	burned := new(big.Int).Sub(cfg.SubmitterBond, new(big.Int).Mul(share, big.NewInt(2)))
	requireWei(t, burnOf(cfg.SubmitterBond), burned, "the division leaves no remainder with the devnet bond")
	requireWei(t, burned, l.burned, "burned")
	e.requireMarketHoldsBurned(l)

	// Balances from chain state, gas accounted to the wei: each account paid
	// its bond, got back what it withdrew and paid gas for every transaction.
	gas := map[common.Address]*big.Int{}
	for _, a := range []common.Address{honest, sybil, liar} {
		gas[a], _ = e.gasCost(a, from)
	}
	sent := map[common.Address]*big.Int{honest: cfg.ChallengerBond, sybil: cfg.ChallengerBond, liar: cfg.SubmitterBond}
	for _, a := range []common.Address{honest, sybil, liar} {
		want := new(big.Int).Sub(new(big.Int).Add(before[a], l.withdrawal(a)), new(big.Int).Add(sent[a], gas[a]))
		requireWei(t, want, e.balance(a), "%s balance", e.name(a))
	}

	// The honest challenger: bond back plus a strictly positive reward.
	reward := new(big.Int).Sub(l.withdrawal(honest), cfg.ChallengerBond)
	require.Positive(t, reward.Sign(), "the honest challenger's reward")
	// The attacker: the liar's bond and the sybil's are out, the sybil's
	// withdrawals came back. Without gas it lost at least BURN_BPS of the
	// submitter bond; with gas its balances fell by more.
	loss := new(big.Int).Sub(sum(cfg.SubmitterBond, cfg.ChallengerBond), l.withdrawal(sybil))
	require.GreaterOrEqual(t, loss.Cmp(burnOf(cfg.SubmitterBond)), 0, "attacker loss %s wei < BURN_BPS of the bond %s wei", loss, burnOf(cfg.SubmitterBond))
	fell := new(big.Int).Sub(sum(before[liar], before[sybil]), sum(e.balance(liar), e.balance(sybil)))
	requireWei(t, sum(loss, gas[liar], gas[sybil]), fell, "attacker balances fell by its loss plus its gas")
	first := "honest challenger"
	if !firstIsHonest {
		first = "sybil"
	}
	t.Logf("first win: %s; honest challenger reward %s wei (bond %s back); attacker net loss %s wei without gas (%s wei with gas; floor %s); burned %s wei",
		first, reward, cfg.ChallengerBond, loss, fell, burnOf(cfg.SubmitterBond), burned)
}

// TestServicesRefutedSubmitterStillDefends: a lying submitter (wrong node
// n), an honest challenger and a bad challenger whose trace is wrong
// earlier (node 3, where the liar is right). The honest challenger refutes
// the liar's candidate; the liar's service keeps playing its other game
// (its candidate's games do not end with the refutation) and wins it: the
// bad challenger's bond is forfeited, half burned, half to the liar. The
// bad challenger then disputes the honest result and loses again. The
// payouts do not depend on which round-0 game ends first; the order is
// logged.
func TestServicesRefutedSubmitterStillDefends(t *testing.T) {
	e := startNet(t, devnet.Options{})
	// The liar lies about node n only: its kernel runs of other nodes are
	// the true ones (FaultyVM alone would also forge node 3's, and could
	// not prove its last step).
	lie := e.lastNode()
	lie.VM = func(s *kernel.Session) bisection.VMFunc {
		faulty, honest := adversary.FaultyVM(s, adversary.AtExit), bisection.HonestVM(s)
		return func(ctx context.Context, node uint32, prev, claimed [32]byte) (bisection.VMSource, error) {
			if int(node) == lie.Node {
				return faulty(ctx, node, prev, claimed)
			}
			return honest(ctx, node, prev, claimed)
		}
	}
	e.submitter("liar", lie)
	e.challenger("challenger", nil)
	e.challenger("challenger2", &adversary.Lie{Node: 3, Bit: 5})
	liar, honest, bad := e.addr("liar"), e.addr("challenger"), e.addr("challenger2")
	id, want := e.classify(18)

	hIdx := e.waitChallengeBy(id, honest, 0)
	bIdx := e.waitChallengeBy(id, bad, 0)
	g := e.waitGame(e.gameOf(id, hIdx), "resolved", resolved)
	require.Equal(t, market.GameChallengerWins, g.Status)
	g = e.waitGame(e.gameOf(id, bIdx), "resolved", resolved)
	require.Equal(t, market.GameAsserterWins, g.Status, "the liar is right at node 3 and wins there")
	require.Equal(t, uint32(3), g.Node)
	c := e.waitChallenge(id, bIdx, "resolved", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status)
	e.waitRewarded(id, hIdx)

	again := e.waitChallengeBy(id, bad, 1)
	c = e.waitChallenge(id, again, "resolved", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status, "the honest result stands")
	e.finalize(id)
	e.delivered(id, want)
	e.waitWithdrawn("challenger", "liar")

	l := e.ledger()
	cfg := e.Addr.Config
	forfeit := new(big.Int).Sub(cfg.ChallengerBond, burnOf(cfg.ChallengerBond))
	requireWei(t, forfeit, l.credit(liar), "the refuted liar is paid for the game it won (half the bad challenger's bond)")
	requireWei(t, forfeit, l.withdrawal(liar), "and withdraws it")
	requireWei(t, sum(shareOf(cfg.SubmitterBond, 1), e.fee, cfg.ChallengerBond, forfeit), l.credit(honest),
		"honest challenger credited (half the liar's bond, fee, its bond back, half the bad challenger's second bond)")
	requireWei(t, new(big.Int), l.credit(bad), "bad challenger credited")
	requireWei(t, sum(burnOf(cfg.SubmitterBond), burnOf(cfg.ChallengerBond), burnOf(cfg.ChallengerBond)), l.burned, "burned")
	e.requireMarketHoldsBurned(l)
	// The resolutions in chain order: which came first?
	order := "before"
	if slices.Index(l.resolved, fmt.Sprintf("%s/%d", id, hIdx)) < slices.Index(l.resolved, fmt.Sprintf("%s/%d", id, bIdx)) {
		order = "after"
	}
	t.Logf("the liar won its game %s its candidate was refuted", order)
}
