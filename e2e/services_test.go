package e2e

// The services (issue 6): the real submitter and challenger daemons on the
// real contracts, honest and dishonest, killed, restarted, reorged and
// doubled.

import (
	"math/big"
	"testing"
	"time"

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
}
