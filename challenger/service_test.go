package challenger_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/challenger"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/submitter/agent"
	"github.com/aivm-dev/aivm/submitter/agent/agenttest"
)

// The challenger's decisions against a fake chain (agenttest): when it
// challenges and when not (right result, closed window, bond budget, a
// refused challenge), how it plays, resolves and claims (a first win, a
// later win on a refuted candidate, a loss), finalizes the candidate its
// win made, withdraws, and resumes from its duties.

type chal struct {
	*challenger.Service
	met    *agenttest.Metrics
	duties *agenttest.Duties
}

func newChallenger(t *testing.T, n *agenttest.Net, a common.Address, d *agenttest.Duties, budget *big.Int) chal {
	t.Helper()
	met := agenttest.NewMetrics()
	env := n.Env(a, d)
	env.Metrics = met
	s, err := challenger.New(env, challenger.Config{Bond: agenttest.ChallengerBond, Budget: budget})
	require.NoError(t, err)
	return chal{s, met, d}
}

// lie is request id's honest trace with node 3 flipped, posted by the liar.
func lie(t *testing.T, n *agenttest.Net, id *big.Int, honest *graph.Trace) *graph.Trace {
	t.Helper()
	wrong, err := adversary.Tamper(honest, 3, 7)
	require.NoError(t, err)
	n.Post(agenttest.Liar, id, wrong)
	return wrong
}

// lied is a fake chain where request 1 (test image 1) has the liar's
// wrong candidate, and a challenger that has seen the request.
type lied struct {
	n      *agenttest.Net
	f      *agenttest.Feed
	c      chal
	id     *big.Int
	honest *graph.Trace
}

func newLied(t *testing.T, budget *big.Int) lied {
	t.Helper()
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	c := newChallenger(t, n, agenttest.Challenger, agenttest.NewDuties(), budget)
	id, honest := n.Request(1, 1)
	f.Deliver(c)
	lie(t, n, id, honest)
	return lied{n, f, c, id, honest}
}

// TestChallengerLeavesARightResult: an honest candidate is re-executed and
// left alone, and the request is dropped once finalized.
func TestChallengerLeavesARightResult(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	c := newChallenger(t, n, agenttest.Challenger, agenttest.NewDuties(), nil)
	id, honest := n.Request(1, 0)
	f.Step(c)
	n.Post(agenttest.Submitter, id, honest)
	f.Step(c)
	f.Step(c)
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "challenge"))
	agrees, judged := c.Verdict(id.String())
	require.True(t, judged && agrees, "re-executed and agrees")
	n.Chain.Advance(agenttest.Window)
	_, err := n.Chain.As(agenttest.Submitter).Finalize(t.Context(), id)
	require.NoError(t, err)
	f.Step(c)
	reqs, err := c.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs)
}

// TestChallengerChallengesAWrongResultOnce: a candidate whose S_n differs
// from ours is challenged with our result and the challenger bond, the
// game is recorded from the receipt (before its event arrives) and the
// detection reported; the next ticks send no second challenge in the same
// round.
func TestChallengerChallengesAWrongResultOnce(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	c := newChallenger(t, n, agenttest.Challenger, agenttest.NewDuties(), nil)
	id, honest := n.Request(1, 1)
	f.Step(c)
	lie(t, n, id, honest)
	require.NoError(t, c.Tick(t.Context())) // the duty loop sees the candidate before its event

	ch := n.Chain.ChallengeRecord(id, 0)
	require.Equal(t, agenttest.Challenger, ch.Challenger)
	require.Equal(t, [32]byte(honest.States[len(honest.States)-1]), ch.Result.FinalState, "challenged with our S_n")
	agrees, judged := c.Verdict(id.String())
	require.True(t, judged && !agrees, "judged wrong")
	games, err := c.Games()
	require.NoError(t, err)
	require.Len(t, games, 1, "recorded from the receipt")
	require.Equal(t, "challenger", games[0].Role.String())
	select {
	case det := <-c.Detections:
		require.Equal(t, id.String(), det.RequestID)
	default:
		t.Fatal("no detection reported")
	}
	require.Equal(t, 1.0, c.met.Get("aivm_challenges_sent_total"))

	f.Step(c)
	f.Step(c)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "challenge"), "one challenge per round")
}

// TestChallengerWindowClosed: a wrong candidate whose window has passed by
// the chain's clock is not challenged.
func TestChallengerWindowClosed(t *testing.T) {
	l := newLied(t, nil)
	n, f, c := l.n, l.f, l.c
	n.Chain.Advance(agenttest.Window)
	f.Step(c)
	require.Empty(t, n.Chain.Txs()[1:], "only the liar's post")
}

// TestChallengerBondBudget: with a budget of one bond, of two wrong
// candidates only the first is challenged while its game duty holds the
// bond; once the game is lost and dropped, the budget is free again.
func TestChallengerBondBudget(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	c := newChallenger(t, n, agenttest.Challenger, agenttest.NewDuties(), agenttest.ChallengerBond)
	id1, h1 := n.Request(1, 1)
	id2, h2 := n.Request(2, 2)
	f.Deliver(c)
	lie(t, n, id1, h1)
	lie(t, n, id2, h2)
	f.Step(c)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "challenge"), "one bond's budget")
	require.Equal(t, uint32(1), n.Chain.RequestRecord(id1).OpenChallenges)
	require.Zero(t, n.Chain.RequestRecord(id2).OpenChallenges)

	n.Chain.Decide(n.Chain.ChallengeRecord(id1, 0).GameId, market.GameAsserterWins)
	f.Step(c) // resolves (lost: the duty is dropped)
	f.Step(c)
	require.Equal(t, 2, n.Chain.Sent(agenttest.Challenger, "challenge"), "the freed budget takes the second")
	require.Equal(t, uint32(1), n.Chain.RequestRecord(id2).OpenChallenges)
}

// TestChallengerRefusedChallengesAreNotErrors: a challenge refused because
// the candidate changed under it (replaced by a result equal to ours,
// finalized, window closed) is no error and marks nothing: the next tick
// judges the request anew.
func TestChallengerRefusedChallengesAreNotErrors(t *testing.T) {
	for _, name := range []string{"SameFinalState", "BadRequestStatus", "WindowClosed"} {
		t.Run(name, func(t *testing.T) {
			l := newLied(t, nil)
			n, f, c := l.n, l.f, l.c
			n.Chain.Refuse("challenge", name)
			f.Step(c)
			require.Zero(t, n.Chain.Sent(agenttest.Challenger, "challenge"))
			f.Step(c)
			require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "challenge"), "judged anew")
		})
	}
	// Any other revert is an error.
	l := newLied(t, nil)
	n, c := l.n, l.c
	n.Chain.Refuse("challenge", "WrongBond")
	require.ErrorContains(t, c.Tick(t.Context()), "WrongBond")
}

// TestChallengerFirstWinClaimsFinalizesWithdraws: a won game is resolved
// (the challenger's result replaces the candidate), its reward (half the
// liar's bond: the first winner's own bond backs the new candidate) is
// claimed once the round is settled, withdrawn, and the new candidate is
// finalized after its fresh window.
func TestChallengerFirstWinClaimsFinalizesWithdraws(t *testing.T) {
	l := newLied(t, nil)
	n, f, c, id := l.n, l.f, l.c, l.id
	f.Step(c)
	game := n.Chain.ChallengeRecord(id, 0).GameId
	f.Step(c)
	require.Equal(t, 2, n.Players.Acts(game), "played every tick")
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "resolveChallenge"), "not before the game is decided")

	n.Chain.Decide(game, market.GameChallengerWins)
	f.Step(c)
	r := n.Chain.RequestRecord(id)
	require.Equal(t, agenttest.Challenger, r.Submitter, "our result is the candidate")
	require.Equal(t, market.ChallengeRewarded, n.Chain.ChallengeRecord(id, 0).Status, "claimed in the same tick: the round is settled")
	require.Equal(t, 1.0, c.met.Get("aivm_disputes_won_total"))
	require.Equal(t, 1.0, c.met.Get("aivm_rewards_claimed_total"))
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "withdraw"), "half the liar's bond withdrawn")
	games, err := c.Games()
	require.NoError(t, err)
	require.Empty(t, games)

	f.Step(c)
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "finalize"), "its own candidate's window is fresh")
	n.Chain.Advance(agenttest.Window)
	f.Step(c)
	require.Equal(t, market.StatusFinalized, n.Chain.RequestRecord(id).Status)
	require.Equal(t, 2, n.Chain.Sent(agenttest.Challenger, "withdraw"), "fee and bond withdrawn")
	f.Step(c)
	reqs, err := c.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs)
}

// TestChallengerLaterWinOnARefutedCandidate: there are no stale
// challenges. When another challenger refutes the candidate first, the
// challenger's game keeps being played on the refuted round; its later win
// makes it one more winner, and it claims its share only once the round is
// settled.
func TestChallengerLaterWinOnARefutedCandidate(t *testing.T) {
	l := newLied(t, nil)
	n, f, c, id, honest := l.n, l.f, l.c, l.id, l.honest
	first := n.Open(agenttest.Challenger2, id, honest) // challenge 0: the other challenger
	f.Step(c)
	mine := n.Chain.ChallengeRecord(id, 1).GameId
	require.Equal(t, agenttest.Challenger, n.Chain.ChallengeRecord(id, 1).Challenger)

	n.Chain.Decide(first, market.GameChallengerWins)
	_, err := n.Chain.As(agenttest.Challenger2).ResolveChallenge(t.Context(), id, 0)
	require.NoError(t, err)
	acts := n.Players.Acts(mine)
	f.Step(c)
	f.Step(c)
	require.Equal(t, acts+2, n.Players.Acts(mine), "the game on the refuted candidate is still played")
	require.Equal(t, market.ChallengeOpen, n.Chain.ChallengeRecord(id, 1).Status)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "challenge"), "no new challenge: the new candidate is an honest result")

	n.Chain.Decide(mine, market.GameChallengerWins)
	f.Step(c)
	require.Equal(t, market.ChallengeRewarded, n.Chain.ChallengeRecord(id, 1).Status, "resolved as a later winner, then claimed")
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "claimReward"))
}

// TestChallengerClaimWaitsForSettlement: a first winner whose refuted
// round still has another game open waits (no refused claim) and claims
// once the last game on the refuted candidate has ended.
func TestChallengerClaimWaitsForSettlement(t *testing.T) {
	l := newLied(t, nil)
	n, f, c, id, honest := l.n, l.f, l.c, l.id, l.honest
	f.Step(c) // challenge 0: ours
	otherLie, err := adversary.Tamper(honest, 2, 9)
	require.NoError(t, err)
	other := n.Open(agenttest.Challenger2, id, otherLie) // challenge 1: a wrong challenger

	n.Chain.Decide(n.Chain.ChallengeRecord(id, 0).GameId, market.GameChallengerWins)
	f.Step(c)
	f.Step(c)
	require.Equal(t, market.ChallengeWon, n.Chain.ChallengeRecord(id, 0).Status)
	require.Zero(t, len(n.Chain.Txs())-countMined(n), "no refused claim")
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "claimReward"), "the round is not settled")

	n.Chain.Decide(other, market.GameAsserterWins)
	_, err = n.Chain.As(agenttest.Challenger2).ResolveChallenge(t.Context(), id, 1)
	require.NoError(t, err)
	f.Step(c)
	require.Equal(t, market.ChallengeRewarded, n.Chain.ChallengeRecord(id, 0).Status)
}

// TestChallengerPushesAbandonedGamesToSettle: a first winner whose refuted
// round has another game that its parties abandon (a liar and its sybil
// need never finish it) claims that game's timeout once it is due and
// resolves it, so the round settles and the reward is paid; before the
// timeout is due it leaves the game alone.
func TestChallengerPushesAbandonedGamesToSettle(t *testing.T) {
	l := newLied(t, nil)
	n, f, c, id, honest := l.n, l.f, l.c, l.id, l.honest
	f.Step(c)                                          // challenge 0: ours
	sybil := n.Open(agenttest.Challenger2, id, honest) // challenge 1: nobody plays it
	n.Chain.Decide(n.Chain.ChallengeRecord(id, 0).GameId, market.GameChallengerWins)
	f.Step(c)
	require.Equal(t, market.ChallengeWon, n.Chain.ChallengeRecord(id, 0).Status)
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "claimTimeout"), "the abandoned game is still in time")

	n.Chain.Advance(agenttest.ClockBudget + 1)
	f.Step(c)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "claimTimeout"), "the due timeout is claimed by us")
	require.Equal(t, market.GameChallengerWins, n.Chain.Game(sybil).Status, "the asserter was due and ran out")
	require.Equal(t, market.ChallengeWon, n.Chain.ChallengeRecord(id, 1).Status, "resolved by us")
	f.Step(c)
	require.Equal(t, market.ChallengeRewarded, n.Chain.ChallengeRecord(id, 0).Status, "the round settled and we were paid")
}

func countMined(n *agenttest.Net) int {
	k := 0
	for _, tx := range n.Chain.Txs() {
		if tx.Revert == "" {
			k++
		}
	}
	return k
}

// TestChallengerResumesFromDuties: a restarted challenger (same duties,
// nothing else) plays its game on; a game decided while it was away is
// resolved and claimed without re-executing the request.
func TestChallengerResumesFromDuties(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	duties := agenttest.NewDuties()
	c := newChallenger(t, n, agenttest.Challenger, duties, nil)
	id, honest := n.Request(1, 1)
	f.Deliver(c)
	lie(t, n, id, honest)
	f.Step(c)
	game := n.Chain.ChallengeRecord(id, 0).GameId

	runs := n.Kernels.Runs()
	c = newChallenger(t, n, agenttest.Challenger, duties, nil)
	f.Step(c)
	require.Equal(t, runs+1, n.Kernels.Runs(), "re-executed to play on")
	require.Equal(t, 2, n.Players.Acts(game))
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "challenge"), "the stored round is not challenged again")

	n.Chain.Decide(game, market.GameChallengerWins)
	runs = n.Kernels.Runs()
	c = newChallenger(t, n, agenttest.Challenger, duties, nil)
	require.NoError(t, c.PlayGames(t.Context()))
	require.Equal(t, runs, n.Kernels.Runs(), "a decided game needs no re-execution")
	require.Equal(t, market.ChallengeRewarded, n.Chain.ChallengeRecord(id, 0).Status)
}

// TestLyingChallengerLoses: a lying challenger (adversary.Lie) challenges
// an honest candidate; the game decided for the asserter is resolved as a
// loss, nothing is claimed and the duty is dropped.
func TestLyingChallengerLoses(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	met := agenttest.NewMetrics()
	env := n.Env(agenttest.Challenger, agenttest.NewDuties())
	env.Metrics = met
	env.Claim = &adversary.Lie{Node: 3, Bit: 2}
	c, err := challenger.New(env, challenger.Config{Bond: agenttest.ChallengerBond})
	require.NoError(t, err)
	id, honest := n.Request(1, 1)
	f.Deliver(c)
	n.Post(agenttest.Submitter, id, honest)
	f.Step(c)
	game := n.Chain.ChallengeRecord(id, 0).GameId
	n.Chain.Decide(game, market.GameAsserterWins)
	f.Step(c)
	require.Equal(t, market.ChallengeLost, n.Chain.ChallengeRecord(id, 0).Status)
	require.Equal(t, 1.0, met.Get("aivm_disputes_lost_total"))
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "claimReward"))
	games, err := c.Games()
	require.NoError(t, err)
	require.Empty(t, games)
}

func TestNewRejectsZeroBond(t *testing.T) {
	n := agenttest.NewNet(t)
	for _, bond := range []*big.Int{nil, new(big.Int), big.NewInt(-1)} {
		_, err := challenger.New(n.Env(agenttest.Challenger, agenttest.NewDuties()), challenger.Config{Bond: bond})
		require.EqualError(t, err, "challenger: bond must be > 0 (read it from the market's challengerBond)")
	}
	_, err := challenger.New(agent.Env{}, challenger.Config{Bond: big.NewInt(1)})
	require.Error(t, err, "an env without collaborators")
}

// TestChallengerGameSendsAnchored: the challenge is anchored to the
// request's event block and the game's sends to its ChallengeOpened
// block; once that block leaves the canonical chain, the resolution is
// refused (as TxManager refuses it), the game duty is dropped and nothing
// is retried.
func TestChallengerGameSendsAnchored(t *testing.T) {
	l := newLied(t, nil)
	n, f, c, id := l.n, l.f, l.c, l.id
	view := agenttest.NewView(common.Hash{1}, common.Address{0xaa})
	n.Chain.CheckAnchorsOn(view)
	f.Step(c)
	var challenge agenttest.Tx
	for _, tx := range n.Chain.Txs() {
		if tx.Method == "challenge" {
			challenge = tx
		}
	}
	require.Len(t, challenge.Anchors, 1, "the challenge is anchored to the request's block")
	reqs, err := c.Requests()
	require.NoError(t, err)
	require.Equal(t, reqs[0].Block, challenge.Anchors[0].Block)
	games, err := c.Games()
	require.NoError(t, err)
	require.Len(t, games, 1)

	view.SetHash(games[0].Block, common.Hash{0xf0}) // the game's block is reorged away
	game := n.Chain.ChallengeRecord(id, 0).GameId
	n.Chain.Decide(game, market.GameChallengerWins)
	f.Step(c)
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "resolveChallenge"), "nothing sent for the gone fork's game")
	games, err = c.Games()
	require.NoError(t, err)
	require.Empty(t, games, "the gone fork's game duty is dropped")
	require.Equal(t, 1.0, c.met.Get("aivm_duties_dropped_total"))
	f.Step(c)
	require.Zero(t, n.Chain.Sent(agenttest.Challenger, "resolveChallenge"), "not retried")
}
