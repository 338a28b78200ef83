package submitter_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/submitter"
	"github.com/aivm-dev/aivm/submitter/agent"
	"github.com/aivm-dev/aivm/submitter/agent/agenttest"
)

// TestSubmitterAnswersGeneration: a submitter with a VRF key registers it
// once, records GenerationRequested as a generation duty, and answers a
// request of a later block with submitGeneration: the seed is its VRF
// output, the result the honest generation under it. A request made before
// its key was registered is left to others, once, without an error.
func TestSubmitterAnswersGeneration(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	met := agenttest.NewMetrics()
	key, err := vrf.KeyFromSeed([]byte("agenttest submitter VRF key, 32 bytes or more"))
	require.NoError(t, err)
	env := n.Env(agenttest.Submitter, agenttest.NewDuties())
	env.Metrics = met
	s, err := submitter.New(env, submitter.Config{Bond: agenttest.SubmitterBond, VRF: key})
	require.NoError(t, err)

	early := n.RequestGeneration(1, 3, 14, 15, 92)
	block, err := s.RegisterVRF(t.Context())
	require.NoError(t, err)
	again, err := s.RegisterVRF(t.Context())
	require.NoError(t, err)
	require.Equal(t, block, again)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "registerVrfKey"), "a held key is not registered again")
	id := n.RequestGeneration(2, 65, 35, 89, 79)

	f.Step(s)
	reqs, err := s.Requests()
	require.NoError(t, err)
	require.Len(t, reqs, 2)
	var duty agent.RequestDuty
	for _, d := range reqs {
		require.NotNil(t, d.Generation, "request %s recorded as a generation duty", d.ID)
		if d.ID == id.String() {
			duty = d
		}
	}
	require.Equal(t, []uint32{65, 35, 89, 79}, duty.Generation.Prompt)
	require.Equal(t, uint32(agenttest.GenTokens), duty.Generation.MaxTokens)

	r := n.Chain.RequestRecord(id)
	require.Equal(t, market.StatusSubmitted, r.Status)
	require.Equal(t, agenttest.Submitter, r.Submitter)
	_, seed, err := key.Evaluate(vrf.Request{ChainID: agenttest.ChainID, Market: agenttest.MarketAddress, RequestID: id, KernelID: agenttest.GenKernelID})
	require.NoError(t, err)
	require.Equal(t, seed, n.Chain.GenerationRecord(id).Seed, "seeded by our VRF output")
	require.Equal(t, seed, [32]byte(duty.Generation.Seed), "the seed is kept in the duty")
	honest := n.GenHonest(id)
	require.Equal(t, [32]byte(honest.States[0]), r.InitialState)
	require.Equal(t, [32]byte(honest.States[len(honest.States)-1]), r.Candidate.FinalState, "the honest S_n")
	require.Equal(t, market.StatusOpen, n.Chain.RequestRecord(early).Status, "older than our key: left to others")
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "submitGeneration"))
	require.Equal(t, 1.0, met.Get("aivm_results_posted_total"))

	f.Step(s)
	require.Equal(t, 1, n.Chain.Sent(agenttest.Submitter, "submitGeneration"), "posted once, the early request not tried")
	n.Chain.Advance(agenttest.Window)
	f.Step(s)
	require.Equal(t, market.StatusFinalized, n.Chain.RequestRecord(id).Status)
}

// TestSubmitterWithoutVRFKey: a submitter with no VRF key records a
// generation request and leaves it unanswered, without an error.
func TestSubmitterWithoutVRFKey(t *testing.T) {
	n := agenttest.NewNet(t)
	f := n.NewFeed()
	s := newSubmitter(t, n, agenttest.NewDuties(), nil)
	_, err := s.RegisterVRF(t.Context())
	require.Error(t, err)
	id := n.RequestGeneration(1, 3, 14, 15, 92)
	f.Step(s)
	f.Step(s)
	require.Equal(t, market.StatusOpen, n.Chain.RequestRecord(id).Status)
	require.Zero(t, n.Chain.Sent(agenttest.Submitter, "submitGeneration"))
}
