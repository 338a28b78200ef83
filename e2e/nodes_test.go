package e2e

import (
	"bytes"
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/models/testenv"
)

// requireNode skips a real-node test when the node (anvil, or geth and its
// build) cannot be had outside CI; in CI that is a failure
// (testenv.Require).
func requireNode(t *testing.T, err error) {
	t.Helper()
	testenv.Require(t, "dev node", err)
}

// runDevnetOn runs the devnet flow (honest path, lying submitter caught by
// a whole dispute) against a real node over JSON-RPC.
func runDevnetOn(t *testing.T, node *devnet.Node) {
	ctx := t.Context()
	o, err := devnet.RPCOptions(ctx, node.URL)
	require.NoError(t, err)
	var out bytes.Buffer
	sum, err := devnet.Run(ctx, devnet.RunOptions{Network: o, LieSample: 1, Timeout: 8 * time.Minute}, &out)
	t.Log("\n" + out.String())
	require.NoError(t, err, "node output:\n%s", node.Output())
	require.Equal(t, "challenger", sum.Winner)
	require.Equal(t, sum.Want, sum.FinalClass)
	require.NotZero(t, sum.DisputedStep)
}

// anvilNode starts anvil for the test and stops it after.
func anvilNode(t *testing.T) *devnet.Node {
	node, err := devnet.StartAnvil(t.Context())
	requireNode(t, err)
	t.Cleanup(node.Stop)
	return node
}

// gethNode starts geth --dev for the test (building it on first use) and
// stops it after.
func gethNode(t *testing.T) *devnet.Node {
	if testing.Short() {
		t.Skip("builds geth on first use")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	node, err := devnet.StartGeth(ctx)
	requireNode(t, err)
	t.Cleanup(node.Stop)
	return node
}

func TestAnvilDevnet(t *testing.T) {
	node := anvilNode(t)
	runDevnetOn(t, node)
}

func TestGethDevnet(t *testing.T) {
	node := gethNode(t)
	require.False(t, node.TimeTravel)
	runDevnetOn(t, node)
}

// timeoutOn: a lying submitter goes silent once challenged; the honest
// challenger claims the timeout and wins.
func timeoutOn(t *testing.T, node *devnet.Node) {
	ctx := t.Context()
	o, err := devnet.RPCOptions(ctx, node.URL)
	require.NoError(t, err)
	n, err := devnet.Start(ctx, o)
	require.NoError(t, err)
	t.Cleanup(n.Close)
	liar, err := n.StartSubmitter(ctx, "liar", devnet.ServiceOptions{Lie: &adversary.Lie{Node: len(n.Model.Graph.Nodes)}})
	require.NoError(t, err)
	ch, err := n.StartChallenger(ctx, "challenger", devnet.ServiceOptions{})
	require.NoError(t, err)
	id, err := n.Classify(ctx, 2, big.NewInt(1e15))
	require.NoError(t, err)
	// Silence the liar as soon as the challenge is open.
	_, err = n.WaitRequest(ctx, id, func(r bindings.InferenceMarketRequest) bool { return r.OpenChallenges > 0 })
	require.NoError(t, err)
	require.NoError(t, liar.Stop())
	c, err := n.Market.Challenge(ctx, id, 0)
	require.NoError(t, err)
	require.NoError(t, n.AdvanceTime(ctx, time.Duration(n.Addr.Config.ClockBudget+1)*time.Second))
	req, err := n.WaitRequest(ctx, id, func(r bindings.InferenceMarketRequest) bool { return r.Round > 0 })
	require.NoError(t, err)
	require.Equal(t, n.Accounts["challenger"].Address(), req.Submitter, "the challenger's result replaced the silent liar's")
	g, err := n.Market.GameRecord(ctx, c.GameId)
	require.NoError(t, err)
	require.Equal(t, market.GameChallengerWins, g.Status)
	require.NoError(t, ch.Stop())
}

func TestAnvilTimeout(t *testing.T) {
	node := anvilNode(t)
	timeoutOn(t, node)
}

func TestGethTimeout(t *testing.T) {
	node := gethNode(t)
	timeoutOn(t, node)
}
