package bisection_test

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// llamaPresetEnv selects the synthetic LLaMA shape of TestOnchainSynthLLaMA:
// CI runs the default, 7b-mini (dim 512); `make bench` sets 7b.
const llamaPresetEnv = "AIVM_LLAMA_PRESET"

// TestOnchainSynthLLaMA plays a whole dispute over one step of a 1-layer
// synthetic LLaMA (7B shapes with AIVM_LLAMA_PRESET=7b, the dim-512 7b-mini
// by default) on the simulated chain: the submitter flips one bit of the
// largest node's output (the output projection) and, in phase V, claims the
// kernel accepted it; the honest challenger's Player bisects phase G to
// that node and phase V to one instruction, and wins by MIPS.step. It
// checks the verdict, the node and step phase G and V end at, the number of
// moves per side (at most 12) and that the step's post-state is the Go
// VM's.
//
// The game is opened directly by a test creator instead of through the
// market: the step's inputs include two K/V caches of seq x dim int8 per
// layer (16 MiB at 7B shape), which no request can carry as calldata.
// Everything after DisputeGame.create is the production path.
func TestOnchainSynthLLaMA(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and disputes a synthetic LLaMA; skipped in -short mode")
	}
	preset := os.Getenv(llamaPresetEnv)
	if preset == "" {
		preset = "7b-mini"
	}
	ctx := t.Context()
	start := time.Now()
	dir := t.TempDir()
	info, err := llama.Synth(llama.SynthSpec{Preset: preset, Layers: 1, Seed: 1}, dir, nil)
	require.NoError(t, err)
	sm, err := llama.OpenSynth(dir)
	require.NoError(t, err)
	t.Cleanup(func() { sm.Close() })
	in, err := sm.Sample(0)
	require.NoError(t, err)
	sess, err := kernel.NewSession(ctx, sm.Model, in, nil)
	require.NoError(t, err)
	setup := time.Since(start)
	node := sess.Exec.Largest()
	require.Equal(t, "matmul_acc", sm.Graph.Nodes[node-1].Op.String(), "the largest node is the output projection")
	liar, err := adversary.Tamper(sess.Trace, node, 5)
	require.NoError(t, err)

	e := newGameEnv(t, sess)
	id := e.createGame(t, sess.Trace.States[0], liar.States[len(liar.States)-1])
	a := e.player(t, id, bisection.RoleAsserter, bisection.Sources{Graph: liar, Session: sess, VM: adversary.FaultyVM(sess, adversary.AtExit)})
	c := e.player(t, id, bisection.RoleChallenger, bisection.Sources{Graph: sess.Trace, Session: sess})
	t0 := time.Now()
	p := e.drive(t, id, a, c, nil)
	wall := time.Since(t0)
	require.Equal(t, market.GameChallengerWins, p.status)
	require.EqualValues(t, node, p.node, "phase G ends at the tampered node")
	require.NotNil(t, p.step)

	st, o, err := sess.PrepareRequest(sess.Trace.States[node-1], liar.States[node], uint32(node))
	require.NoError(t, err)
	res, err := kernel.Run(ctx, st, o, 0)
	require.NoError(t, err)
	require.EqualValues(t, kernel.ExitInvalid, res.ExitCode)
	require.Equal(t, res.Steps-1, p.step.VmStep, "the dispute lands on the exit step")
	require.Equal(t, res.FinalHash, p.step.PostStateHash, "MIPS.step on chain gives the Go VM's post-state")
	for _, role := range []bisection.Role{bisection.RoleAsserter, bisection.RoleChallenger} {
		require.LessOrEqual(t, len(p.moves[role]), 12, "%s moves", role)
	}
	reportLLaMA(t, e, p, info, node, res.Steps, setup, wall)
}

// newGameEnv deploys the suite on a simulated chain, registers sess's
// kernel and deploys a second DisputeGame whose creator is the deployer, so
// a test can open games without a market request. The env's market client
// points at that game.
func newGameEnv(t *testing.T, sess *kernel.Session) *env {
	t.Helper()
	ctx := t.Context()
	keys, alloc, err := chain.FundedKeys(4)
	require.NoError(t, err)
	sim := simulated.NewBackend(alloc, chain.MainnetRules)
	t.Cleanup(func() { sim.Close() })
	senders := make([]*chain.TxManager, len(keys))
	for i, k := range keys {
		senders[i] = newManager(t, sim, k, func() { sim.Commit() })
	}
	cfg := deploy.Devnet()
	addrs, err := deploy.Deploy(ctx, senders[0], sim.Client(), cfg, nil)
	require.NoError(t, err)
	args := gameABI.PackConstructor(addrs.MIPS, addrs.Registry, senders[0].Address(),
		new(big.Int).SetUint64(cfg.K), cfg.ClockBudget, cfg.ClockExtension)
	r, err := senders[0].SendCreate(ctx, append(common.FromHex(bindings.DisputeGameMetaData.Bin), args...), nil)
	require.NoError(t, err)
	addrs.Game = r.ContractAddress

	ni, outs, err := registry.GraphIO(sess.Exec.Model.Graph)
	require.NoError(t, err)
	kern := registry.Kernel{ModelRoot: common.Hash(sess.Exec.Root), PrestateHash: sess.PrestateHash(),
		ManifestHash: crypto.Keccak256Hash([]byte("synthetic llama test manifest")), GraphSize: uint32(sess.Nodes()),
		Aggregation: kernel.AggArgmax, NumInputs: ni, OutputSlots: outs}
	kid, err := kern.ID()
	require.NoError(t, err)
	data, err := kern.PackRegister()
	require.NoError(t, err)
	_, err = senders[0].Send(ctx, addrs.Registry, data, nil)
	require.NoError(t, err)
	return &env{sim: sim, mc: market.New(*addrs, sim.Client()), addrs: addrs, sess: sess, requester: senders[0],
		submitter: senders[2], challenge: senders[3], kernelID: kid, k: uint(cfg.K), gasMarket: map[string]uint64{}}
}

// createGame opens a game over the whole graph: the submitter asserts
// claimed as S_n from initial, the challenger disputes it.
func (e *env) createGame(t *testing.T, initial, claimed [32]byte) *big.Int {
	t.Helper()
	data := gameABI.PackCreate(e.kernelID, initial, claimed, uint32(e.sess.Nodes()), e.submitter.Address(), e.challenge.Address())
	r, err := e.requester.Send(t.Context(), e.addrs.Game, data, nil)
	require.NoError(t, err)
	for _, l := range r.Logs {
		if ev, err := gameABI.UnpackGameCreatedEvent(l); err == nil {
			return ev.GameId
		}
	}
	t.Fatal("no GameCreated event")
	return nil
}

// reportLLaMA logs the dispute's figures and, with AIVM_WRITE_BENCH=1,
// writes docs/bench/dispute-llama-<preset>.md.
func reportLLaMA(t *testing.T, e *env, p *played, info *llama.SynthInfo, node int, steps uint64, setup, wall time.Duration) {
	var compute [3]time.Duration
	for _, m := range p.order {
		compute[m.role] += m.Compute
	}
	ga, gc := sumGas(p.moves[bisection.RoleAsserter]), sumGas(p.moves[bisection.RoleChallenger])
	na, nc := len(p.moves[bisection.RoleAsserter]), len(p.moves[bisection.RoleChallenger])
	t.Logf("synthetic llama %s, 1 layer: node %d, kernel run %d steps; asserter %d moves %d gas, challenger %d moves %d gas; "+
		"off-chain compute asserter %s, challenger %s; native run + session %s; dispute wall %s",
		info.Spec.Preset, node, steps, na, ga, nc, gc, ms(compute[bisection.RoleAsserter]), ms(compute[bisection.RoleChallenger]), ms(setup), ms(wall))
	if os.Getenv(benchEnv) != "1" {
		return
	}
	c := info.Config
	var f strings.Builder
	fmt.Fprintf(&f, "<!-- Generated by `AIVM_WRITE_BENCH=1 %s=%s go test ./bisection -run TestOnchainSynthLLaMA -v`; do not edit. -->\n\n",
		llamaPresetEnv, info.Spec.Preset)
	fmt.Fprintf(&f, "### A whole dispute over a 1-layer synthetic LLaMA (%s)\n\n", info.Spec.Preset)
	fmt.Fprintf(&f, "`TestOnchainSynthLLaMA` (bisection/synthllama_test.go): `aivm model synth llama --preset %s --layers 1 --seed 1` "+
		"(dim %d, %d heads, FFN %d, vocab %d, context %d; %d nodes, %.2f GB of weights), sample 0 (position %d). "+
		"The submitter flips one bit of node %d's output (the output projection, %d × %d = %.1f M multiply-adds) and in phase V "+
		"claims the kernel accepted it. Real contracts (k = %d) on the simulated backend under Osaka rules; the game is created "+
		"by a test creator (the inputs hold %d MiB of K/V cache, which no request can carry as calldata); two `bisection.Player`s "+
		"play it to `MIPS.step`. Off-chain compute is what the players spend inside their moves: the kernel trace of the disputed "+
		"node (a %d-step run), state hashes and the step witness.\n\n",
		info.Spec.Preset, c.Dim, c.Heads, c.Hidden, c.Vocab, c.Seq, info.Nodes, float64(info.WeightBytes)/1e9, llama.SamplePos(c, 0),
		node, c.Vocab, c.Dim, float64(c.Vocab*c.Dim)/1e6, e.k, 2*c.Seq*c.KVDim()>>20, steps)
	fmt.Fprintf(&f, "| | value | target |\n| --- | --- | --- |\n")
	fmt.Fprintf(&f, "| verdict | challenger wins by `MIPS.step` at VM step %d (the exit) | |\n", p.step.VmStep)
	fmt.Fprintf(&f, "| rounds | phase G %d, phase V %d | |\n", p.rounds[bisection.PhaseG], p.rounds[bisection.PhaseV])
	fmt.Fprintf(&f, "| moves, asserter | %d (%s) | ≤ 12 |\n| moves, challenger | %d (%s) | ≤ 12 |\n",
		na, summarize(p.moves[bisection.RoleAsserter]), nc, summarize(p.moves[bisection.RoleChallenger]))
	fmt.Fprintf(&f, "| gas, asserter | %d | |\n| gas, challenger | %d | |\n", ga, gc)
	fmt.Fprintf(&f, "| off-chain compute, asserter | %s | ≤ 60 s |\n| off-chain compute, challenger | %s | ≤ 60 s |\n",
		ms(compute[bisection.RoleAsserter]), ms(compute[bisection.RoleChallenger]))
	fmt.Fprintf(&f, "| native step + session setup (once, shared) | %s | |\n| whole dispute, wall | %s | |\n\n", ms(setup), ms(wall))
	path := filepath.Join("..", "docs", "bench", "dispute-llama-"+info.Spec.Preset+".md")
	require.NoError(t, os.WriteFile(path, []byte(f.String()), 0o644))
	t.Logf("wrote %s", path)
}
