package challenger_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/submitter/agent/agenttest"
)

// TestChallengerGeneration: the challenger records a generation request as
// a generation duty and re-executes it only once a result is posted, with
// the seed on chain: it leaves the honest answer alone and challenges a
// liar whose answer changes one sampled token, with the honest S_n.
func TestChallengerGeneration(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	c := newChallenger(t, n, agenttest.Challenger, agenttest.NewDuties(), nil)
	keys := map[string]*vrf.SecretKey{}
	for _, name := range []string{"submitter", "liar"} {
		k, err := vrf.KeyFromSeed([]byte("agenttest VRF key of the " + name + ", 32 bytes or more"))
		require.NoError(t, err)
		keys[name] = k
	}
	n.RegisterVRF(agenttest.Submitter, keys["submitter"])
	n.RegisterVRF(agenttest.Liar, keys["liar"])
	right := n.RequestGeneration(1, 3, 14, 15, 92)
	wrong := n.RequestGeneration(2, 65, 35, 89, 79)

	f.Step(c)
	reqs, err := c.Requests()
	require.NoError(t, err)
	require.Len(t, reqs, 2)
	for _, d := range reqs {
		require.NotNil(t, d.Generation, "request %s recorded as a generation duty", d.ID)
	}
	require.Zero(t, n.Kernels.Runs(), "no seed yet: nothing to re-execute")

	n.PostGeneration(agenttest.Submitter, keys["submitter"], right, nil)
	lay, err := n.Kernels.GenLayout()
	require.NoError(t, err)
	n.PostGeneration(agenttest.Liar, keys["liar"], wrong, func(tr *graph.Trace) (*graph.Trace, error) {
		toks, err := generation.Tokens(tr.Outputs[0])
		if err != nil {
			return nil, err
		}
		return adversary.ChangeToken(tr, lay, 1, (toks[1]+1)%256)
	})
	f.Step(c)
	f.Step(c)

	agrees, judged := c.Verdict(right.String())
	require.True(t, judged && agrees, "the honest generation re-executed with the chain's seed and left alone")
	agrees, judged = c.Verdict(wrong.String())
	require.True(t, judged && !agrees, "the changed token judged wrong")
	require.Equal(t, 1, n.Chain.Sent(agenttest.Challenger, "challenge"))
	honest := n.GenHonest(wrong)
	ch := n.Chain.ChallengeRecord(wrong, 0)
	require.Equal(t, agenttest.Challenger, ch.Challenger)
	require.Equal(t, [32]byte(honest.States[len(honest.States)-1]), ch.Result.FinalState, "challenged with the honest S_n")
	require.Equal(t, 1.0, c.met.Get("aivm_challenges_sent_total"))
}
