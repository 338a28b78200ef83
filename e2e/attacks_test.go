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
	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// TestAttackFlippedIntermediateBit: one flipped bit in node 3's output
// (fc2), the rest of the trace consistent with it. The posted class is the
// true one (the fault does not reach the output), but S_n differs: the
// challenger challenges, the dispute lands on node 3 and the challenger
// wins.
func TestAttackFlippedIntermediateBit(t *testing.T) {
	e := startNet(t, devnet.Options{})
	d := e.liarScenario(liarOpts{sample: 8, lie: &adversary.Lie{Node: 3, Bit: 13}})
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
	e := startNet(t, devnet.Options{})
	d := e.liarScenario(liarOpts{sample: 9, lie: &adversary.Lie{Forge: forgeWeights(t)}})
	require.Equal(t, uint32(2), d.record.Node, "the dispute lands on the first node reading the weight")
	t.Logf("liar's class %d, native %d", d.liarClass, d.want)
}

// TestAttackWrongInput: the liar runs the registered model on another
// image than the request's and posts that trace. Its S_0 is not the one
// the market computed from the request's input, so its first state claim
// is already wrong: the dispute lands on node 1 (whose kernel reads the
// request's real input through S_0) and the challenger wins.
func TestAttackWrongInput(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
	d := e.liarScenario(liarOpts{sample: sample, lie: &adversary.Lie{Forge: forge}})
	require.Equal(t, e.want(other), d.liarClass, "the liar posted the other image's class")
	require.NotEqual(t, d.want, d.liarClass)
	require.Equal(t, uint32(1), d.record.Node, "the dispute lands on node 1")
	first := d.logs.chosen[0]
	require.Equal(t, bisection.PhaseG, first.Phase)
	require.Zero(t, first.J.Sign(), "the challenger disputes the first part: S_1 is already wrong")
}

// TestAttackPostedOutputDiffers: a submitter whose trace is consistent
// (its S_n is the true one) but who posts another output than the one
// committed at the output slot, or the right one not exactly. The market
// binds the posted bytes exactly (docs/protocol.md 6.3) and refuses, at
// submitResult: another tensor, with the slot's commitment or its own
// (SlotProofInvalid: the market hashes the posted bytes and walks the slot
// path); the right tensor under a wrong commitment
// (OutputCommitmentMismatch); the right tensor padded with a byte, cut
// short by one, or followed by a second tensor (NonCanonicalTensor); an S_n
// that does not match the posted activations root (FinalStateMismatch).
// The honest result is then accepted.
func TestAttackPostedOutputDiffers(t *testing.T) {
	e := startNet(t, devnet.Options{})
	id, want := e.classify(11)
	_, tr, err := e.Sample(11)
	require.NoError(t, err)
	honest, err := market.ResultFromTrace(tr, e.ResultSlots)
	require.NoError(t, err)
	wrong, err := tensor.FromI32([]int32{(want + 1) % 10}, 1)
	require.NoError(t, err)
	wrongEnc, err := wrong.Encode()
	require.NoError(t, err)
	liar := e.Accounts["liar"].Tx
	bond := e.Addr.Config.SubmitterBond
	submit := func(r market.Result) error {
		_, err := liar.Send(e.ctx, e.Addr.Market, e.Market.PackSubmit(id, r), bond)
		return chain.Decode(err)
	}
	cat := func(parts ...[]byte) []byte {
		var out []byte
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, tc := range []struct {
		what string
		mut  func(r *market.Result)
		want string
	}{
		{"another class, the true slot commitment", func(r *market.Result) { r.Output = wrongEnc }, "SlotProofInvalid"},
		{"another class, its own commitment", func(r *market.Result) {
			r.Output, r.OutputCommitment = wrongEnc, common.Hash(tensor.CommitBytes(wrongEnc))
		}, "SlotProofInvalid"},
		{"the true class, a wrong commitment", func(r *market.Result) { r.OutputCommitment = common.Hash{1} }, "OutputCommitmentMismatch"},
		{"the true class padded with a zero byte", func(r *market.Result) { r.Output = cat(honest.Output, []byte{0}) }, "NonCanonicalTensor"},
		{"the true class cut short by one byte", func(r *market.Result) { r.Output = honest.Output[:len(honest.Output)-1] }, "NonCanonicalTensor"},
		{"the true class twice", func(r *market.Result) { r.Output = cat(honest.Output, honest.Output) }, "NonCanonicalTensor"},
		{"S_{n-1} as the final state", func(r *market.Result) {
			r.FinalState = common.Hash(tr.States[len(tr.States)-2]) // not keccak(root ‖ activations root)
		}, "FinalStateMismatch"},
	} {
		r := honest
		tc.mut(&r)
		err := submit(r)
		require.True(t, chain.IsRevert(err, tc.want), "%s: want %s, got %v", tc.what, tc.want, err)
		t.Logf("%-45s -> %s", tc.what, tc.want)
	}

	req, err := e.Market.Request(e.ctx, id)
	require.NoError(t, err)
	require.Equal(t, market.StatusOpen, req.Status, "nothing was accepted")
	require.NoError(t, submit(honest), "the honest result is accepted")
	req, err = e.Market.Request(e.ctx, id)
	require.NoError(t, err)
	require.Equal(t, market.StatusSubmitted, req.Status)
	require.Equal(t, honest.Output, req.Candidate.Output, "the stored output is exactly the posted tensor")
}

// TestAttackSilentSubmitter: the liar stops playing once the challenge is
// open. When its clock has run out (the chain's clock moved past the
// game's clock budget) the honest challenger claims the timeout, wins, and
// its result is finalized.
func TestAttackSilentSubmitter(t *testing.T) {
	e := startNet(t, devnet.Options{})
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
	e := startNet(t, devnet.Options{})
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
	requireWei(t, sum(new(big.Int).Sub(cfg.ChallengerBond, burnOf(cfg.ChallengerBond)), e.fee, cfg.SubmitterBond), l.credit(e.addr("submitter")),
		"submitter credited (the unburned half of the challenger's bond + fee + its bond back)")
	requireWei(t, burnOf(cfg.ChallengerBond), l.burned, "burned (BURN_BPS of the challenger's bond)")
	e.requireMarketHoldsBurned(l)
}

// TestAttackForgedPostState: the liar's kernel trace is the true run up to
// VM step 1000 and a consistent alternative run from the state after it
// (one register flipped), claiming VALID at the end. The dissection lands
// exactly on step 1000, which MIPS.step executes on chain from the agreed
// pre-state: its post-state is not the liar's, and the challenger wins.
func TestAttackForgedPostState(t *testing.T) {
	e := startNet(t, devnet.Options{})
	lie := e.lastNode()
	lie.VMStep = 1000
	d := e.liarScenario(liarOpts{sample: 14, lie: lie})
	require.Len(t, d.logs.stepped, 1)
	require.Equal(t, uint64(1000), d.logs.stepped[0].VmStep, "the one-step proof runs the forged step")
	require.Equal(t, uint64(1000), d.record.Lo)
}

// recordingOracle records the keccak keys a kernel run reads, in order.
type recordingOracle struct {
	o    mips.PreimageOracle
	keys [][32]byte
	seen map[[32]byte]bool
}

func (r *recordingOracle) GetPreimage(key [32]byte) ([]byte, error) {
	if key[0] == mips.KeyTypeKeccak && !r.seen[key] {
		r.seen[key] = true
		r.keys = append(r.keys, key)
	}
	return r.o.GetPreimage(key)
}

// forgingOracle serves forged bytes for one keccak key.
type forgingOracle struct {
	o    mips.PreimageOracle
	key  [32]byte
	data []byte
}

func (f forgingOracle) GetPreimage(key [32]byte) ([]byte, error) {
	if key == f.key {
		return f.data, nil
	}
	return f.o.GetPreimage(key)
}

// forgedSource is a kernel trace run with a forged oracle, claiming VALID
// from its exit on.
type forgedSource struct {
	t     *vm.Trace
	final [32]byte
}

func (s forgedSource) StateHash(ctx context.Context, i uint64) (bisection.Hash, error) {
	if i >= s.t.Steps() {
		return s.final, nil
	}
	return s.t.StateHash(i)
}
func (s forgedSource) Witness(i uint64) (*mips.StepWitness, error) { return s.t.Witness(i) }
func (s forgedSource) FinalHash() [32]byte                         { return s.final }

// preimageForger is a liar's phase-V source whose kernel run reads one
// forged preimage: the first keccak preimage the run reads with its first
// data byte changed (the length kept), claiming VALID at the end.
type preimageForger struct {
	mu             sync.Mutex
	key            [32]byte
	honest, forged []byte
}

func (f *preimageForger) vm(s *kernel.Session) bisection.VMFunc {
	return func(ctx context.Context, node uint32, prev, claimed [32]byte) (bisection.VMSource, error) {
		st, o, err := s.PrepareRequest(prev, claimed, node)
		if err != nil {
			return nil, err
		}
		rec := &recordingOracle{o: o, seen: map[[32]byte]bool{}}
		if _, err := kernel.Run(ctx, st, rec, 0); err != nil {
			return nil, err
		}
		if len(rec.keys) == 0 {
			return nil, errors.New("forge: the kernel run reads no keccak preimage")
		}
		key := rec.keys[0]
		honest, err := o.GetPreimage(key)
		if err != nil || len(honest) == 0 {
			return nil, fmt.Errorf("forge: preimage %x: %v (%d bytes)", key, err, len(honest))
		}
		forged := append([]byte(nil), honest...)
		forged[0] ^= 1
		f.mu.Lock()
		f.key, f.honest, f.forged = key, honest, forged
		f.mu.Unlock()
		st, o, err = s.PrepareRequest(prev, claimed, node)
		if err != nil {
			return nil, err
		}
		tr, err := vm.NewTrace(ctx, st, forgingOracle{o: o, key: key, data: forged},
			vm.TraceOptions{SnapshotEvery: 1 << 18, MaxSteps: bisection.VMSpan})
		if err != nil {
			return nil, err
		}
		final := tr.FinalHash()
		final[0] = mips.StatusValid
		return forgedSource{t: tr, final: final}, nil
	}
}

// streamPart is the oracle part of preimage data at a stream offset: 32
// bytes of u64be(len) ‖ data from off, zero-padded.
func streamPart(data []byte, off uint64) (p [32]byte) {
	stream := append(new(big.Int).SetUint64(uint64(len(data))).FillBytes(make([]byte, 8)), data...)
	if off < uint64(len(stream)) {
		copy(p[:], stream[off:])
	}
	return p
}

// TestAttackForgedPreimage: the liar's kernel run of the disputed node
// reads a forged preimage (one byte changed under a key the kernel reads)
// and claims VALID. The dissection lands on the step that reads the forged
// byte; on chain that step reads the oracle, which holds the true
// preimage under that key (the honest challenger loads it: keccak parts
// are keyed by their data's hash), so MIPS.step's post-state is not the
// liar's and the challenger wins. Loading the forged bytes into the
// PreimageOracle directly does not help: they land under their own hash,
// not under the key the kernel reads.
func TestAttackForgedPreimage(t *testing.T) {
	e := startNet(t, devnet.Options{})
	const sample = 15
	f := &preimageForger{}
	lie := e.lastNode()
	lie.VM = f.vm
	d := e.liarScenario(liarOpts{sample: sample, lie: lie})
	require.Len(t, d.logs.stepped, 1)
	step := d.logs.stepped[0].VmStep
	f.mu.Lock()
	key, honestData, forgedData := f.key, f.honest, f.forged
	f.mu.Unlock()

	// The decided step is the honest run's read of the forged key.
	sess := e.session(sample)
	tr := sess.Trace
	bad, err := adversary.Tamper(tr, lie.Node, lie.Bit)
	require.NoError(t, err)
	node := uint32(lie.Node)
	src, err := bisection.HonestVM(sess)(e.ctx, node, tr.States[node-1], bad.States[node])
	require.NoError(t, err)
	w, err := src.Witness(step)
	require.NoError(t, err)
	part, ok := kernel.StepPart(w)
	require.True(t, ok, "the decided step %d reads the preimage oracle", step)
	require.Equal(t, key, part.Key, "the decided step reads the forged key")
	t.Logf("decided at VM step %d: a read of key %x at stream offset %d (%d-byte preimage)", step, key[:6], part.Offset, len(honestData))

	// On chain the key holds the true part; the forged bytes load only
	// under their own key.
	oracle := bindings.NewPreimageOracle()
	view := func(k [32]byte, off uint64) ([32]byte, *big.Int) {
		out, err := e.Call(e.ctx, e.Addr.Oracle, oracle.PackPreimageParts(k, new(big.Int).SetUint64(off)))
		require.NoError(t, err)
		p, err := oracle.UnpackPreimageParts(out)
		require.NoError(t, err)
		out, err = e.Call(e.ctx, e.Addr.Oracle, oracle.PackPreimagePartLengths(k, new(big.Int).SetUint64(off)))
		require.NoError(t, err)
		n, err := oracle.UnpackPreimagePartLengths(out)
		require.NoError(t, err)
		return p, n
	}
	truePart, n := view(key, part.Offset)
	require.Positive(t, n.Sign(), "the challenger loaded the part the step read")
	require.Equal(t, streamPart(honestData, part.Offset), truePart)
	_, err = e.Accounts["liar"].Tx.Send(e.ctx, e.Addr.Oracle,
		oracle.PackLoadKeccak256PreimagePart(new(big.Int).SetUint64(part.Offset), forgedData), nil)
	require.NoError(t, err, "loading any preimage is permissionless")
	forgedKey := vm.KeccakKey(forgedData)
	require.NotEqual(t, key, forgedKey)
	p, n := view(forgedKey, part.Offset)
	require.Positive(t, n.Sign())
	require.Equal(t, streamPart(forgedData, part.Offset), p, "the forged part is stored under its own hash")
	after, _ := view(key, part.Offset)
	require.Equal(t, truePart, after, "the kernel's key still holds the true part")
	if part.Offset <= 8 {
		require.NotEqual(t, truePart, p)
	}
}

// session re-executes sample natively with the registered kernel, as the
// services do.
func (e *tnet) session(sample int) *kernel.Session {
	e.t.Helper()
	rec, err := e.Registry.Get(e.ctx, e.KernelID)
	require.NoError(e.t, err)
	model, elf, err := e.Loader()(e.ctx, rec)
	require.NoError(e.t, err)
	enc, _, err := e.Sample(sample)
	require.NoError(e.t, err)
	inputs := make([]*tensor.Tensor, len(enc))
	for i := range enc {
		inputs[i], err = tensor.Decode(enc[i])
		require.NoError(e.t, err)
	}
	sess, err := kernel.NewSession(e.ctx, model, inputs, elf)
	require.NoError(e.t, err)
	return sess
}

// TestAttackMovesOutOfTurnReplaysAfterResolution: a live game on the real
// contracts, played move by move by a lying asserter and an honest
// challenger (bisection.Player), with illegal moves in between:
//
//   - moves out of turn: a split from the challenger or a choice with no
//     split pending (NotYourTurn), a choice from the asserter (NotYourTurn),
//     the asserter's split again while it is pending (NotYourTurn);
//   - replays: the signed split transaction itself (the node refuses a used
//     nonce); its calldata once answered in phase G (WrongPhase: the
//     position is a single node) and, in phase V, from a third party
//     (NotYourTurn) or from the asserter itself (accepted: a move of its
//     own, claiming stale hashes, which only hurts it: the challenger
//     still wins);
//   - after resolution, every move (GameResolved), and a second settlement
//     of the challenge (ChallengeNotOpen).
func TestAttackMovesOutOfTurnReplaysAfterResolution(t *testing.T) {
	e := startNet(t, devnet.Options{})
	const sample = 16
	sess := e.session(sample)
	tr := sess.Trace
	last := len(e.Model.Graph.Nodes)
	bad, err := adversary.Tamper(tr, last, 0)
	require.NoError(t, err)
	liarRes, err := market.ResultFromTrace(bad, e.ResultSlots)
	require.NoError(t, err)
	honestRes, err := market.ResultFromTrace(tr, e.ResultSlots)
	require.NoError(t, err)

	id, _ := e.classify(sample)
	liar, ch, third := e.Accounts["liar"].Tx, e.Accounts["challenger"].Tx, e.Accounts["requester"].Tx
	cfg := e.Addr.Config
	_, err = liar.Send(e.ctx, e.Addr.Market, e.Market.PackSubmit(id, liarRes), cfg.SubmitterBond)
	require.NoError(t, chain.Decode(err))
	_, err = ch.Send(e.ctx, e.Addr.Market, e.Market.PackChallenge(id, honestRes), cfg.ChallengerBond)
	require.NoError(t, chain.Decode(err))
	game := e.gameOf(id, 0)
	asserter := &bisection.Player{Client: e.Market, Sender: liar, Chain: e.Backend, GameID: game, Role: bisection.RoleAsserter,
		Src: bisection.Sources{Graph: bad, Session: sess, VM: adversary.FaultyVM(sess, adversary.AtExit)}}
	challenger := &bisection.Player{Client: e.Market, Sender: ch, Chain: e.Backend, GameID: game, Role: bisection.RoleChallenger,
		Src: bisection.Sources{Graph: tr, Session: sess}}

	g := bindings.NewDisputeGame()
	send := func(from interface {
		Send(context.Context, common.Address, []byte, *big.Int) (*types.Receipt, error)
	}, data []byte) error {
		_, err := from.Send(e.ctx, e.Addr.Game, data, nil)
		return chain.Decode(err)
	}
	expect := func(err error, name, what string) {
		t.Helper()
		require.True(t, chain.IsRevert(err, name), "%s: want %s, got %v", what, name, err)
		t.Logf("%-60s -> %s", what, name)
	}
	act := func(p *bisection.Player, kind string) bisection.Move {
		t.Helper()
		moves, _, err := p.Act(e.ctx)
		require.NoError(t, err)
		require.NotEmpty(t, moves, "no %s was due", kind)
		mv := moves[len(moves)-1]
		require.Equal(t, kind, mv.Kind)
		return mv
	}
	claims := func(n int) [][32]byte { return make([][32]byte, n) }

	// Phase G root (0, n): the asserter's split is due.
	expect(send(ch, g.PackSplit(game, claims(last-1))), "NotYourTurn", "G root: a split from the challenger")
	expect(send(ch, g.PackChoose(game, big.NewInt(0))), "NotYourTurn", "G root: a choice with no split pending")
	mv := act(asserter, bisection.MoveSplit)
	splitTx, _, err := e.Sim.Client().TransactionByHash(e.ctx, mv.Tx)
	require.NoError(t, err)
	expect(send(liar, g.PackChoose(game, big.NewInt(0))), "NotYourTurn", "G split pending: a choice from the asserter")
	expect(send(liar, splitTx.Data()), "NotYourTurn", "G split pending: the same split again")
	err = e.Backend.SendTransaction(e.ctx, splitTx)
	require.Error(t, err, "a replayed signed transaction")
	t.Logf("%-60s -> %v", "the signed split transaction replayed", err)
	act(challenger, bisection.MoveChoose)
	expect(send(liar, splitTx.Data()), "WrongPhase", "G answered: the split's calldata replayed")

	// Phase V: the asserter opens it (with its first split), the challenger
	// chooses; then one more split is answered and replayed.
	act(asserter, bisection.MoveStartVM)
	act(challenger, bisection.MoveChoose)
	mv = act(asserter, bisection.MoveSplit)
	vSplit, _, err := e.Sim.Client().TransactionByHash(e.ctx, mv.Tx)
	require.NoError(t, err)
	act(challenger, bisection.MoveChoose)
	expect(send(third, vSplit.Data()), "NotYourTurn", "V answered: the split's calldata replayed by a third party")
	expect(send(ch, vSplit.Data()), "NotYourTurn", "V answered: the split's calldata replayed by the challenger")
	require.NoError(t, send(liar, vSplit.Data()), "the asserter's own stale split is a legal (bad) move of its own")
	t.Logf("%-60s -> accepted (the asserter's own move)", "V answered: the split's calldata replayed by the asserter")

	// Play on to the end.
	var status uint8
	for range 200 {
		for _, p := range []*bisection.Player{asserter, challenger} {
			_, st, err := p.Act(e.ctx)
			require.NoError(t, err)
			if st != market.GameInProgress {
				status = st
			}
		}
		if status != market.GameInProgress {
			break
		}
	}
	require.Equal(t, market.GameChallengerWins, status, "the challenger wins despite the replayed split")
	rec, err := e.Market.GameRecord(e.ctx, game)
	require.NoError(t, err)

	// After resolution.
	expect(send(liar, vSplit.Data()), "GameResolved", "resolved: a split")
	expect(send(ch, g.PackChoose(game, big.NewInt(0))), "GameResolved", "resolved: a choice")
	expect(send(liar, g.PackStartVMPhase(game, [32]byte{}, claims(int(cfg.K)-1))), "GameResolved", "resolved: startVMPhase")
	expect(send(third, g.PackStep(game, make([]byte, 164), nil)), "GameResolved", "resolved: a step")
	expect(send(third, g.PackClaimTimeout(game)), "GameResolved", "resolved: claimTimeout")
	expect(send(third, g.PackSplit(new(big.Int).Add(game, big.NewInt(100)), nil)), "GameNotFound", "a move in a game that does not exist")
	_, err = third.Send(e.ctx, e.Addr.Market, e.Market.Market.PackResolveChallenge(id, big.NewInt(0)), nil)
	require.NoError(t, chain.Decode(err), "anyone settles the challenge")
	c, err := e.Market.Challenge(e.ctx, id, 0)
	require.NoError(t, err)
	require.Equal(t, market.ChallengeWon, c.Status)
	_, err = third.Send(e.ctx, e.Addr.Market, e.Market.Market.PackResolveChallenge(id, big.NewInt(0)), nil)
	expect(chain.Decode(err), "ChallengeNotOpen", "the challenge settled twice")
	_, err = third.Send(e.ctx, e.Addr.Market, e.Market.PackClaimReward(id, 0), nil)
	require.NoError(t, chain.Decode(err), "anyone claims the won challenge's reward for it")
	_, err = third.Send(e.ctx, e.Addr.Market, e.Market.PackClaimReward(id, 0), nil)
	expect(chain.Decode(err), "ChallengeNotWon", "the reward claimed twice")
	t.Logf("resolved at V step %d of node %d", rec.Lo, rec.Node)
}

// TestAttackTinyLlamaForwardStep: a dispute over one forward step of
// tiny-llama (41 nodes, registered with the logits aggregation): a request
// made directly to the market (which binds the result to the logits slot,
// graph output 1, from the registration), a liar with one flipped bit in a
// middle node (the layer-0 FFN residual, node 20), an honest challenger.
// The dispute lands on node 20, the challenger wins and its logits are
// finalized.
func TestAttackTinyLlamaForwardStep(t *testing.T) {
	e := startNet(t, devnet.Options{Model: "tiny-llama"})
	require.Equal(t, kernel.AggLogits, kernel.DefaultAggregation("tiny-llama"))
	require.Equal(t, []uint32{uint32(e.Model.Graph.Outputs[1])}, e.ResultSlots, "the logits rule binds output 1 (docs/protocol.md 6.1)")
	slot := e.ResultSlots[0]
	inputs, tr, err := e.Sample(0)
	require.NoError(t, err)
	const node = 20
	e.submitter("liar", &adversary.Lie{Node: node, Bit: 3})
	ch := e.challenger("challenger", nil)
	rc, err := e.Accounts["requester"].Tx.Send(e.ctx, e.Addr.Market,
		e.Market.PackRequest(e.KernelID, inputs, common.Address{}, 0, nil), e.fee)
	require.NoError(t, chain.Decode(err))
	ev, err := e.Market.Requested(rc)
	require.NoError(t, err)
	id := ev.RequestId
	require.Equal(t, slot, ev.OutputSlot, "the market reads the slot from the registry")
	r := e.waitRequest(id, "result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	require.Equal(t, e.addr("liar"), r.Submitter)
	det := <-ch.Challenger.Detections
	game := e.gameOf(id, 0)
	start := time.Now()
	g := e.waitGame(game, "resolved", resolved)
	require.Equal(t, market.GameChallengerWins, g.Status)
	require.Equal(t, uint32(node), g.Node, "the dispute lands on the tampered node")
	r = e.waitRequest(id, "the challenger's result is the candidate", func(r bindings.InferenceMarketRequest) bool { return r.Round == 1 })
	require.Equal(t, e.addr("challenger"), r.Submitter)
	e.waitRewarded(id, 0)
	r = e.finalize(id)
	want, err := tr.Values[slot].Encode()
	require.NoError(t, err)
	require.Equal(t, want, r.Candidate.Output, "the finalized output is the native logits")
	e.waitWithdrawn("challenger")
	l := e.ledger()
	cfg := e.Addr.Config
	requireWei(t, sum(shareOf(cfg.SubmitterBond, 1), e.fee, cfg.ChallengerBond), l.credit(e.addr("challenger")), "challenger credited")
	e.requireMarketHoldsBurned(l)
	logs := e.gameLogs(game)
	t.Logf("tiny-llama: %d nodes, detection %s, game %s: node %d, VM step %d, %d splits, %d choices",
		len(e.Model.Graph.Nodes), det.Sent.Sub(det.ResultSeen), time.Since(start).Round(time.Millisecond), g.Node, g.Lo, len(logs.splits), len(logs.chosen))
}
