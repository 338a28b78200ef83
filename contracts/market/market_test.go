package market_test

import (
	"context"
	"log/slog"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// TestMarketErrors: the market declares the errors of the sound market
// rules (each one named by chain.ErrorName like every other custom error,
// contracts/chain.TestErrorNameNamesEveryError) and no longer the ones it
// dropped.
func TestMarketErrors(t *testing.T) {
	for _, name := range []string{"InvalidInputCount", "NonCanonicalTensor", "OutputTooLarge", "TooManySubmitters",
		"NotListedSubmitter", "ChallengeNotWon", "RoundNotSettled"} {
		_, ok := bindings.NewInferenceMarket().GetABI().Errors[name]
		require.True(t, ok, "the market has %s", name)
	}
	for _, gone := range []string{"InvalidOutputSlot", "UnsupportedAggregation"} {
		_, ok := bindings.NewInferenceMarket().GetABI().Errors[gone]
		require.False(t, ok, "the market no longer has %s", gone)
	}
}

// chainEnv is the suite on a simulated chain with the fashion-mnist model
// registered under the outputs aggregation (both graph outputs bound).
type chainEnv struct {
	sim      *simulated.Backend
	addrs    *deploy.Addresses
	mc       *market.Client
	tx       []*chain.TxManager // requester, submitter, other
	kernelID common.Hash
	slots    []uint32
	trace    *graph.Trace
	inputs   [][]byte
}

func newChainEnv(t *testing.T, aggregation string) *chainEnv {
	t.Helper()
	ctx := t.Context()
	keys, alloc, err := chain.FundedKeys(4)
	require.NoError(t, err)
	sim := simulated.NewBackend(alloc, chain.MainnetRules)
	t.Cleanup(func() { sim.Close() })
	e := &chainEnv{sim: sim}
	for _, k := range keys {
		m, err := chain.NewTxManager(sim.Client(), k, chain.TxOptions{PollInterval: time.Millisecond, Commit: func() { sim.Commit() },
			Logger: slog.New(slog.DiscardHandler)})
		require.NoError(t, err)
		e.tx = append(e.tx, m)
	}
	e.addrs, err = deploy.Deploy(ctx, e.tx[0], sim.Client(), deploy.Devnet(), nil)
	require.NoError(t, err)
	e.mc = market.New(*e.addrs, sim.Client())

	m, entry, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	root, err := m.Root()
	require.NoError(t, err)
	ni, outs, err := registry.GraphIO(m.Graph)
	require.NoError(t, err)
	k := registry.Kernel{ModelRoot: common.Hash(root), PrestateHash: common.Hash{1}, ManifestHash: common.Hash{2},
		GraphSize: uint32(len(m.Graph.Nodes)), Aggregation: aggregation, NumInputs: ni, OutputSlots: outs}
	data, err := k.PackRegister()
	require.NoError(t, err)
	_, err = e.tx[0].Send(ctx, e.addrs.Registry, data, nil)
	require.NoError(t, err)
	e.kernelID, err = k.ID()
	require.NoError(t, err)
	_, e.slots, err = registry.New(e.addrs.Registry, sim.Client()).ResultShape(ctx, e.kernelID)
	require.NoError(t, err)
	want, err := k.ResultSlots()
	require.NoError(t, err)
	require.Equal(t, want, e.slots, "the Go rule names the slots the registry binds")

	s, err := entry.Sample(0)
	require.NoError(t, err)
	ex, err := graph.NewExecutor(m)
	require.NoError(t, err)
	e.trace, err = ex.Run(s.Inputs, graph.Options{})
	require.NoError(t, err)
	for _, in := range s.Inputs {
		enc, err := in.Encode()
		require.NoError(t, err)
		e.inputs = append(e.inputs, enc)
	}
	return e
}

// request sends requestInference from the requester and returns its id.
func (e *chainEnv) request(ctx context.Context, inputs [][]byte, submitters []common.Address) (*big.Int, error) {
	rc, err := e.tx[0].Send(ctx, e.addrs.Market, e.mc.PackRequest(e.kernelID, inputs, common.Address{}, 0, submitters), big.NewInt(1e15))
	if err != nil {
		return nil, chain.Decode(err)
	}
	ev, err := e.mc.Requested(rc)
	if err != nil {
		return nil, err
	}
	return ev.RequestId, nil
}

func (e *chainEnv) submit(ctx context.Context, from int, id *big.Int, r market.Result) error {
	_, err := e.tx[from].Send(ctx, e.addrs.Market, e.mc.PackSubmit(id, r), e.addrs.Config.SubmitterBond)
	return chain.Decode(err)
}

// TestResultFromTraceOutputs: a result for the outputs aggregation (every
// graph output, concatenated, Merkle-rooted, one path per slot) is what
// InferenceMarket accepts, and exactly that: padded or cut short it is
// refused. SplitOutput gives the output tensors back.
func TestResultFromTraceOutputs(t *testing.T) {
	ctx := t.Context()
	e := newChainEnv(t, kernel.AggOutputs)
	require.Equal(t, []uint32{5, 4}, e.slots, "the argmax, then the logits")
	res, err := market.ResultFromTrace(e.trace, e.slots)
	require.NoError(t, err)
	depth := merkle.Depth(len(e.trace.SlotCommits))
	require.Len(t, res.SlotPath, depth*len(e.slots), "one path per slot, concatenated")
	commits := []merkle.Hash{e.trace.SlotCommits[5], e.trace.SlotCommits[4]}
	require.Equal(t, common.Hash(graph.OutputCommit(commits)), res.OutputCommitment)
	require.Equal(t, common.Hash(e.trace.OutputCommit), res.OutputCommitment, "the graph's own output commitment")
	ts, err := market.SplitOutput(res.Output)
	require.NoError(t, err)
	require.Len(t, ts, 2)
	for i, s := range e.slots {
		require.Equal(t, e.trace.Values[s].MustCommit(), ts[i].MustCommit(), "output tensor %d", i)
	}

	id, err := e.request(ctx, e.inputs, nil)
	require.NoError(t, err)
	logits, err := e.trace.Values[4].Encode()
	require.NoError(t, err)
	for what, out := range map[string][]byte{
		"padded":     append(append([]byte(nil), res.Output...), 0),
		"cut short":  res.Output[:len(res.Output)-1],
		"one of two": res.Output[:len(res.Output)-len(logits)],
	} {
		r := res
		r.Output = out
		err := e.submit(ctx, 1, id, r)
		require.True(t, chain.IsRevert(err, "NonCanonicalTensor"), "%s: %v", what, err)
	}
	r := res
	r.SlotPath = r.SlotPath[:depth]
	require.True(t, chain.IsRevert(e.submit(ctx, 1, id, r), "SlotProofInvalid"), "one path for two slots")
	require.NoError(t, e.submit(ctx, 1, id, res))
	req, err := e.mc.Request(ctx, id)
	require.NoError(t, err)
	require.Equal(t, res.Output, req.Candidate.Output)
	require.Equal(t, [32]byte(res.OutputCommitment), req.Candidate.OutputCommitment)

	_, err = market.ResultFromTrace(e.trace, []uint32{0})
	require.ErrorContains(t, err, "not a node slot")
	_, err = market.ResultFromTrace(e.trace, nil)
	require.Error(t, err)
	_, err = market.SplitOutput(res.Output[:len(res.Output)-1])
	require.Error(t, err)
}

// TestRequestRules: a request posts exactly the registered input count of
// canonical tensors (InvalidInputCount, NonCanonicalTensor), lists at most
// MaxSubmitters submitters, and a listed request refuses anyone else
// (NotListedSubmitter) until its open fallback.
func TestRequestRules(t *testing.T) {
	ctx := t.Context()
	e := newChainEnv(t, kernel.AggArgmax)
	_, err := e.request(ctx, append(e.inputs, e.inputs[0]), nil)
	require.True(t, chain.IsRevert(err, "InvalidInputCount"), "%v", err)
	_, err = e.request(ctx, [][]byte{append(append([]byte(nil), e.inputs[0]...), 0)}, nil)
	require.True(t, chain.IsRevert(err, "NonCanonicalTensor"), "%v", err)
	many := make([]common.Address, market.MaxSubmitters+1)
	for i := range many {
		many[i] = common.Address{byte(i + 1)}
	}
	_, err = e.request(ctx, e.inputs, many)
	require.True(t, chain.IsRevert(err, "TooManySubmitters"), "%v", err)

	listed := e.tx[1].Address()
	id, err := e.request(ctx, e.inputs, []common.Address{listed})
	require.NoError(t, err)
	ok, err := e.mc.IsListedSubmitter(ctx, id, listed)
	require.NoError(t, err)
	require.True(t, ok)
	req, err := e.mc.Request(ctx, id)
	require.NoError(t, err)
	require.Equal(t, req.CreatedAt+e.addrs.Config.RequestTimeout/2, req.OpenAfter)
	res, err := market.ResultFromTrace(e.trace, e.slots)
	require.NoError(t, err)
	require.True(t, chain.IsRevert(e.submit(ctx, 2, id, res), "NotListedSubmitter"), "an unlisted submitter before the fallback")
	require.NoError(t, e.submit(ctx, 1, id, res), "the listed submitter")

	// Unlisted: anyone at once.
	id, err = e.request(ctx, e.inputs, nil)
	require.NoError(t, err)
	require.NoError(t, e.submit(ctx, 2, id, res))
	burned, err := e.mc.TotalBurned(ctx)
	require.NoError(t, err)
	require.Zero(t, burned.Sign())
	n, err := e.mc.ChallengeCount(ctx, id)
	require.NoError(t, err)
	require.Zero(t, n)
	rd, err := e.mc.RefutedRound(ctx, id, 0)
	require.NoError(t, err)
	require.False(t, rd.Settled)
}
