package e2e

// The attacks the end-to-end suite must defeat (issue 7,
// /work/shared/ARCHITECTURE.md), each against the real services and
// contracts. TestAttackWrongFinalOutput is in services_test.go.

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/submitter"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// TestAttackFlippedIntermediateBit: one flipped bit in node 3's output
// (fc2), the rest of the trace consistent with it. The posted class is the
// true one (the fault does not reach the output), but S_n differs: the
// challenger challenges, the dispute lands on node 3 and the challenger
// wins.
func TestAttackFlippedIntermediateBit(t *testing.T) {
	e := startNet(t, Options{})
	d := e.liarScenario(liarOpts{sample: 8, lie: &submitter.Lie{Node: 3, Bit: 13}})
	require.Equal(t, d.want, d.liarClass, "the tampered intermediate does not change the posted class")
	require.Equal(t, uint32(3), d.record.Node, "the dispute lands on the tampered node")
	require.Len(t, d.logs.vm, 1)
	require.Equal(t, uint32(3), d.logs.vm[0].Node)
}

// forgeWeights is a liar whose trace is computed with one weight of fc1
// changed (bit 7 of one byte of w0), committed under the registered model
// root: every activation after node 1 is the forged model's, so the first
// wrong state is S_2, the first node that reads the weight.
func forgeWeights(t *testing.T) func(s *kernel.Session) (*graph.Trace, error) {
	return func(s *kernel.Session) (*graph.Trace, error) {
		m := s.Exec.Model
		tr := s.Trace
		inputs := tr.Values[:tr.NumInputs]
		// The weight must meet a non-zero activation: the largest pixel
		// of node 1's output, for the first neuron whose output changes.
		x := tr.Values[tr.NumInputs] // node 1: requantized image, i8[784]
		j := 0
		for i, v := range x.I8 {
			if abs8(v) > abs8(x.I8[j]) {
				j = i
			}
		}
		w := m.Weights[0] // fc1.w, i8[256 784]
		if w.DType != tensor.I8 || len(w.Shape) != 2 || w.Shape[1] != len(x.I8) {
			return nil, fmt.Errorf("forge: weight 0 is %v %v, want i8 [n %d]", w.DType, w.Shape, len(x.I8))
		}
		for r := 0; r < w.Shape[0]; r++ {
			forged := *m
			forged.Weights = append([]*tensor.Tensor(nil), m.Weights...)
			fw := w.Clone()
			fw.I8[r*w.Shape[1]+j] ^= -128 // bit 7
			forged.Weights[0] = fw
			ex, err := graph.NewExecutor(&forged)
			if err != nil {
				return nil, err
			}
			ftr, err := ex.Run(inputs, graph.Options{})
			if err != nil {
				return nil, err
			}
			if ftr.NodeCommit(2) == tr.NodeCommit(2) {
				continue // this neuron saturates or is cut by the ReLU either way
			}
			// Commit the forged activations under the registered root.
			ftr.ModelRoot = s.Exec.Root
			if ftr.States, err = graph.States(s.Exec.Root, ftr.NumInputs, ftr.SlotCommits); err != nil {
				return nil, err
			}
			t.Logf("forged weight fc1.w[%d,%d]: %d -> %d (input %d)", r, j, w.I8[r*w.Shape[1]+j], fw.I8[r*w.Shape[1]+j], x.I8[j])
			return ftr, nil
		}
		return nil, errors.New("forge: no single weight flip changes node 2")
	}
}

func abs8(v int8) int {
	if v < 0 {
		return -int(v)
	}
	return int(v)
}

// TestAttackWrongWeights: the liar ran a model with one weight changed but
// claims the registered model (its states are committed under the
// registered root). The dispute lands on node 2, the first node that reads
// the weight, where the kernel reads the registered weight; the challenger
// wins.
func TestAttackWrongWeights(t *testing.T) {
	e := startNet(t, Options{})
	d := e.liarScenario(liarOpts{sample: 9, lie: &submitter.Lie{Forge: forgeWeights(t)}})
	require.Equal(t, uint32(2), d.record.Node, "the dispute lands on the first node reading the weight")
	t.Logf("liar's class %d, native %d", d.liarClass, d.want)
}

// TestAttackWrongInput: the liar runs the registered model on another
// image than the request's and posts that trace. Its S_0 is not the one
// the market computed from the request's input, so its first state claim
// is already wrong: the dispute lands on node 1 (whose kernel reads the
// request's real input through S_0) and the challenger wins.
func TestAttackWrongInput(t *testing.T) {
	e := startNet(t, Options{})
	const sample = 10
	want := e.want(sample)
	other := -1
	for i := sample + 1; i < sample+50; i++ {
		if e.want(i) != want {
			other = i
			break
		}
	}
	require.NotEqual(t, -1, other)
	otherInputs, _, err := e.Sample(other)
	require.NoError(t, err)
	forge := func(s *kernel.Session) (*graph.Trace, error) {
		in := make([]*tensor.Tensor, len(otherInputs))
		for i, enc := range otherInputs {
			var err error
			if in[i], err = tensor.Decode(enc); err != nil {
				return nil, err
			}
		}
		return s.Exec.Run(in, graph.Options{}) // the registered model: its root is the registered one
	}
	d := e.liarScenario(liarOpts{sample: sample, lie: &submitter.Lie{Forge: forge}})
	require.Equal(t, e.want(other), d.liarClass, "the liar posted the other image's class")
	require.NotEqual(t, d.want, d.liarClass)
	require.Equal(t, uint32(1), d.record.Node, "the dispute lands on node 1")
	first := d.logs.chosen[0]
	require.Equal(t, bisection.PhaseG, first.Phase)
	require.Zero(t, first.J.Sign(), "the challenger disputes the first part: S_1 is already wrong")
}

// TestAttackPostedOutputDiffers: a submitter whose trace is consistent
// (its S_n is the true one) but who posts another output than the one
// committed at the output slot. The market refuses it at submitResult: an
// output that does not hash to the posted commitment
// (OutputCommitmentMismatch), a commitment that is not the slot's in S_n
// (SlotProofInvalid), an S_n that does not match the posted activations
// root (FinalStateMismatch). The honest result is then accepted.
func TestAttackPostedOutputDiffers(t *testing.T) {
	e := startNet(t, Options{})
	id, want := e.classify(11)
	_, tr, err := e.Sample(11)
	require.NoError(t, err)
	honest, err := market.ResultFromTrace(tr, int(e.OutputSlot))
	require.NoError(t, err)
	wrong, err := tensor.FromI32([]int32{(want + 1) % 10}, 1)
	require.NoError(t, err)
	wrongEnc, err := wrong.Encode()
	require.NoError(t, err)
	liar := e.Accounts["liar"].Tx
	bond := e.Addr.Config.SubmitterBond
	submit := func(r market.Result) error {
		_, err := liar.Send(e.ctx, e.Addr.Market, e.Market.PackSubmit(id, r), bond)
		return market.Decode(err)
	}

	r := honest
	r.Output = wrongEnc // another class, the true slot commitment
	err = submit(r)
	require.True(t, market.IsRevert(err, "OutputCommitmentMismatch"), "got %v", err)

	r = honest
	r.Output, r.OutputCommitment = wrongEnc, common.Hash(tensor.CommitBytes(wrongEnc)) // self-consistent, not the slot's
	err = submit(r)
	require.True(t, market.IsRevert(err, "SlotProofInvalid"), "got %v", err)

	r = honest
	r.FinalState = common.Hash(tr.States[len(tr.States)-2]) // S_{n-1}: not keccak(root ‖ activations root)
	err = submit(r)
	require.True(t, market.IsRevert(err, "FinalStateMismatch"), "got %v", err)

	req, err := e.Market.Request(e.ctx, id)
	require.NoError(t, err)
	require.Equal(t, market.StatusOpen, req.Status, "nothing was accepted")
	require.NoError(t, submit(honest), "the honest result is accepted")
	req, err = e.Market.Request(e.ctx, id)
	require.NoError(t, err)
	require.Equal(t, market.StatusSubmitted, req.Status)
}

// TestAttackSilentSubmitter: the liar stops playing once the challenge is
// open. When its clock has run out (the chain's clock moved past the
// game's clock budget) the honest challenger claims the timeout, wins, and
// its result is finalized.
func TestAttackSilentSubmitter(t *testing.T) {
	e := startNet(t, Options{})
	d := e.liarScenario(liarOpts{sample: 12, lie: e.lastNode(), inGame: func(e *tnet, d *dispute) {
		e.stop(d.liar)
		g := e.waitStalled(d.game)
		require.False(e.t, g.SplitPending, "the game waits on the silent asserter")
		e.advance(e.clockBudget())
	}})
	require.Len(t, d.logs.resolved, 1)
	require.True(t, d.logs.resolved[0].ByTimeout, "won by timeout")
	require.Empty(t, d.logs.stepped)
}

// waitStalled waits until game has not moved for 300 ms and returns it.
func (e *tnet) waitStalled(game *big.Int) bindings.DisputeGameGame {
	e.t.Helper()
	var last bindings.DisputeGameGame
	since := time.Now()
	e.poll(fmt.Sprintf("game %s stalls", game), func() (bool, error) {
		g, err := e.Market.GameRecord(e.ctx, game)
		if err != nil {
			return false, err
		}
		if last.LastMoveAt == nil || g.LastMoveAt.Cmp(last.LastMoveAt) != 0 || g.SplitPending != last.SplitPending {
			last, since = g, time.Now()
		}
		return time.Since(since) > 300*time.Millisecond, nil
	})
	require.Equal(e.t, market.GameInProgress, last.Status)
	return last
}

// TestAttackSilentChallenger: a lying challenger challenges an honest
// result and then goes silent. Once its clock has run out the honest
// submitter claims the timeout, takes the challenger's bond and finalizes.
func TestAttackSilentChallenger(t *testing.T) {
	e := startNet(t, Options{})
	e.submitter("submitter", nil)
	lc := e.challenger("challenger", e.lastNode())
	id, want := e.classify(13)
	game := e.gameOf(id, 0)
	e.stop(lc)
	g := e.waitStalled(game)
	require.True(t, g.SplitPending, "the game waits on the silent challenger's choice")
	e.advance(e.clockBudget())
	g = e.waitGame(game, "resolved", resolved)
	require.Equal(t, market.GameAsserterWins, g.Status)
	logs := e.gameLogs(game)
	require.True(t, logs.resolved[0].ByTimeout)
	c := e.waitChallenge(id, 0, "settled", func(c bindings.InferenceMarketChallenge) bool { return c.Status != market.ChallengeOpen })
	require.Equal(t, market.ChallengeLost, c.Status)
	// The window passed with the clock budget: the submitter finalizes.
	e.waitRequest(id, "finalized", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized })
	e.delivered(id, want)
	e.waitWithdrawn("submitter")
	l := e.ledger()
	cfg := e.Addr.Config
	requireWei(t, sum(cfg.ChallengerBond, e.fee, cfg.SubmitterBond), l.credit(e.addr("submitter")), "submitter credited")
	requireWei(t, new(big.Int), e.balance(e.Addr.Market), "market balance")
}

// TestAttackForgedPostState: the liar's kernel trace is the true run up to
// VM step 1000 and a consistent alternative run from the state after it
// (one register flipped), claiming VALID at the end. The dissection lands
// exactly on step 1000, which MIPS.step executes on chain from the agreed
// pre-state: its post-state is not the liar's, and the challenger wins.
func TestAttackForgedPostState(t *testing.T) {
	e := startNet(t, Options{})
	lie := e.lastNode()
	lie.VMStep = 1000
	d := e.liarScenario(liarOpts{sample: 14, lie: lie})
	require.Len(t, d.logs.stepped, 1)
	require.Equal(t, uint64(1000), d.logs.stepped[0].VmStep, "the one-step proof runs the forged step")
	require.Equal(t, uint64(1000), d.record.Lo)
}

// Keep the imports of the later attacks in one place.
var (
	_ = context.Background
	_ = sync.Mutex{}
	_ types.Log
	_ = mips.StatusValid
	_ = vm.KeccakKey
	_ = bisection.VMSpan
)
