package submitter_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/submitter"
	"github.com/aivm-dev/aivm/submitter/agent"
	"github.com/aivm-dev/aivm/submitter/agent/agenttest"
)

// The submitter's decisions against a fake chain (agenttest): when it
// posts, finalizes, withdraws and defends, and what it resumes from its
// duties after a restart.

func newSubmitter(t *testing.T, n *agenttest.Net, d *agenttest.Duties, met *agenttest.Metrics, kernels ...common.Hash) *submitter.Service {
	t.Helper()
	env := n.Env(agenttest.Submitter, d)
	if met != nil {
		env.Metrics = met
	}
	s, err := submitter.New(env, submitter.Config{Kernels: kernels, Bond: agenttest.SubmitterBond})
	require.NoError(t, err)
	return s
}

// TestSubmitterPostsOnceThenFinalizesAndWithdraws: an open request is
// answered with the honest result and the submitter bond, once; the
// candidate is finalized only once its window has passed, the fee and bond
// are withdrawn, and the request duty is dropped.
func TestSubmitterPostsOnceThenFinalizesAndWithdraws(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	met := agenttest.NewMetrics()
	s := newSubmitter(t, n, agenttest.NewDuties(), met)
	id, honest := n.Request(1, 3)

	f.Step(s)
	r := n.Chain.RequestRecord(id)
	require.Equal(t, market.StatusSubmitted, r.Status)
	require.Equal(t, agenttest.Submitter, r.Submitter)
	require.Equal(t, [32]byte(honest.States[len(honest.States)-1]), r.Candidate.FinalState, "the honest S_n")
	require.Equal(t, 1.0, met.Get("aivm_requests_seen_total"))
	require.Equal(t, 1.0, met.Get("aivm_results_posted_total"))

	f.Step(s)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "submitResult"), "posted once")
	require.Zero(t, n.Chain.Sent(agenttest.Submitter, "finalize"), "not before the window ends")

	n.Chain.Advance(agenttest.Window)
	f.Step(s)
	require.Equal(t, market.StatusFinalized, n.Chain.RequestRecord(id).Status)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "withdraw"), "fee and bond withdrawn in the same tick")
	require.Zero(t, n.Chain.CreditOf(agenttest.Submitter).Sign())
	f.Step(s)
	reqs, err := s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs, "the finalized request needs nothing more")
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "finalize"))
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "withdraw"), "nothing left to withdraw")
}

// TestSubmitterHeadStart: a request that lists other submitters is left to
// them until its openAfter by the chain's clock; a listed submitter posts
// at once.
func TestSubmitterHeadStart(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	s := newSubmitter(t, n, agenttest.NewDuties(), nil)
	other, _ := n.Request(1, 0, agenttest.Liar)
	mine, _ := n.Request(2, 1, agenttest.Submitter)

	f.Step(s)
	require.Equal(t, market.StatusOpen, n.Chain.RequestRecord(other).Status, "not listed: wait")
	require.Equal(t, market.StatusSubmitted, n.Chain.RequestRecord(mine).Status, "listed: post")
	for _, tx := range n.Chain.Txs() {
		require.Empty(t, tx.Revert, "no refused submission (%s %s)", tx.Method, tx.ID)
	}

	n.Chain.Advance(agenttest.Timeout/2 - 1)
	f.Step(s)
	require.Equal(t, market.StatusOpen, n.Chain.RequestRecord(other).Status, "one second before openAfter")
	n.Chain.Advance(1)
	f.Step(s)
	require.Equal(t, agenttest.Submitter, n.Chain.RequestRecord(other).Submitter, "open to anyone from openAfter")
}

// TestSubmitterServesItsKernelsOnly: a request of a kernel the submitter
// does not serve makes no duty.
func TestSubmitterServesItsKernelsOnly(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	s := newSubmitter(t, n, agenttest.NewDuties(), nil, common.Hash{0x01})
	n.Request(1, 0)
	f.Step(s)
	reqs, err := s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs)
	require.Empty(t, n.Chain.Txs())
}

// TestSubmitterLeavesAnotherCandidate: a request answered by someone else
// first needs nothing from the submitter: no transaction, duty dropped.
func TestSubmitterLeavesAnotherCandidate(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	s := newSubmitter(t, n, agenttest.NewDuties(), nil)
	id, honest := n.Request(1, 2)
	f.Deliver(s)
	n.Post(agenttest.Liar, id, honest)
	f.Step(s)
	require.Empty(t, n.Chain.Txs()[1:], "only the other submitter's post")
	reqs, err := s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs)
}

// TestSubmitterRefusedPostIsNotAnError: a submission refused because the
// request changed meanwhile (BadRequestStatus) is no error; the next tick
// judges the request anew.
func TestSubmitterRefusedPostIsNotAnError(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	s := newSubmitter(t, n, agenttest.NewDuties(), nil)
	id, _ := n.Request(1, 2)
	n.Chain.Refuse("submitResult", "BadRequestStatus")
	f.Step(s)
	require.Equal(t, market.StatusOpen, n.Chain.RequestRecord(id).Status)
	f.Step(s)
	require.Equal(t, market.StatusSubmitted, n.Chain.RequestRecord(id).Status, "posted on the next tick")
}

// TestSubmitterDefendsAcrossRestart: a challenge on the submitter's
// candidate becomes a game duty played every tick; a restarted submitter
// (new process, same duties) re-executes the request and plays on; once
// the game is decided for it, it resolves the challenge, is paid half the
// challenger's bond, withdraws, and finalizes its candidate after the
// window.
func TestSubmitterDefendsAcrossRestart(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	duties := agenttest.NewDuties()
	met := agenttest.NewMetrics()
	s := newSubmitter(t, n, duties, met)
	id, honest := n.Request(1, 4)
	f.Step(s)
	wrong, err := adversary.Tamper(honest, 3, 1)
	require.NoError(t, err)
	game := n.Open(agenttest.Challenger, id, wrong)

	f.Step(s)
	require.Equal(t, 1, n.Players.Acts(game), "the game is played")
	games, err := s.Games()
	require.NoError(t, err)
	require.Len(t, games, 1)
	require.Equal(t, "asserter", games[0].Role.String())
	src, ok := n.Players.Sources(game)
	require.True(t, ok)
	require.Equal(t, honest.States, src.Graph.States, "it defends its honest trace")

	runs := n.Kernels.Runs()
	s = newSubmitter(t, n, duties, met) // restart: the same duties, nothing else
	f.Step(s)
	require.Equal(t, runs+1, n.Kernels.Runs(), "a restart re-executes the request to play on")
	require.Equal(t, 2, n.Players.Acts(game))

	n.Chain.Decide(game, market.GameAsserterWins)
	f.Step(s)
	require.Equal(t, market.ChallengeLost, n.Chain.ChallengeRecord(id, 0).Status, "resolved")
	require.Equal(t, 1.0, met.Get("aivm_disputes_won_total"))
	games, err = s.Games()
	require.NoError(t, err)
	require.Empty(t, games, "an asserter's game needs nothing after resolution")
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "withdraw"), "half the challenger's bond withdrawn")

	n.Chain.Advance(agenttest.Window)
	f.Step(s)
	require.Equal(t, market.StatusFinalized, n.Chain.RequestRecord(id).Status)
	require.Equal(t, 2, n.Chain.Sent(agenttest.Submitter, "withdraw"))
}

// TestSubmitterLiarLosesAndStops: a lying submitter (adversary.Lie) whose
// game is decided against it resolves it, counts the loss, does not claim,
// and drops the request once the challenger's result is the candidate.
func TestSubmitterLiarLosesAndStops(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	met := agenttest.NewMetrics()
	env := n.Env(agenttest.Submitter, agenttest.NewDuties())
	env.Metrics = met
	env.Claim = &adversary.Lie{Node: 3, Bit: 0}
	s, err := submitter.New(env, submitter.Config{Bond: agenttest.SubmitterBond})
	require.NoError(t, err)
	id, honest := n.Request(1, 5)
	f.Step(s)
	require.NotEqual(t, [32]byte(honest.States[len(honest.States)-1]), n.Chain.RequestRecord(id).Candidate.FinalState, "the lie is posted")

	game := n.Open(agenttest.Challenger, id, honest)
	f.Step(s)
	n.Chain.Decide(game, market.GameChallengerWins)
	f.Step(s)
	require.Equal(t, 1.0, met.Get("aivm_disputes_lost_total"))
	require.Equal(t, agenttest.Challenger, n.Chain.RequestRecord(id).Submitter)
	require.Zero(t, n.Chain.Sent(agenttest.Submitter, "claimReward"))
	f.Step(s)
	reqs, err := s.Requests()
	require.NoError(t, err)
	require.Empty(t, reqs, "another's candidate and no game left: nothing more")
}

func TestNewRejectsZeroBond(t *testing.T) {
	n := agenttest.NewNet(t)
	_, err := submitter.New(n.Env(agenttest.Submitter, agenttest.NewDuties()), submitter.Config{Bond: new(big.Int)})
	require.EqualError(t, err, "submitter: bond must be > 0 (read it from the market's submitterBond)")
	_, err = submitter.New(n.Env(agenttest.Submitter, agenttest.NewDuties()), submitter.Config{})
	require.EqualError(t, err, "submitter: bond must be > 0 (read it from the market's submitterBond)")
	_, err = submitter.New(agent.Env{}, submitter.Config{Bond: big.NewInt(1)})
	require.Error(t, err, "an env without collaborators")
}
