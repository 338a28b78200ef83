package e2e

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Operator faults on anvil (issue 14): a node reset with its state lost, a
// node outage under `aivm request --wait`, a reorg deeper than the
// confirmations, and a short soak with services killed at random.

// opsNet starts anvil with o and a network on it whose services wait for
// confirmations; the node is stopped when the test ends.
func opsNet(t *testing.T, o devnet.AnvilOptions, confirmations uint64, limit time.Duration) (*tnet, *devnet.Node) {
	t.Helper()
	if _, err := devnet.AnvilPath(); err != nil {
		testenv.RequireTool(t, "make setup-npm", "anvil") // anvil on PATH, else skip locally / fail in CI
	}
	node, err := devnet.StartAnvilWith(t.Context(), o)
	requireNode(t, err)
	t.Cleanup(node.Stop)
	ro, err := devnet.RPCOptions(t.Context(), node.URL)
	require.NoError(t, err)
	ro.Confirmations = confirmations
	return startNetWithin(t, ro, limit), node
}

// answered waits until request id has a candidate with no open challenge.
func (e *tnet) answered(id *big.Int) bindings.InferenceMarketRequest {
	e.t.Helper()
	return e.waitRequest(id, "answered", func(r bindings.InferenceMarketRequest) bool {
		return r.Status == market.StatusSubmitted && r.OpenChallenges == 0
	})
}

// finalClass finalizes request id once it is answered and returns the
// class it finalized with.
func (e *tnet) finalClass(id *big.Int) int32 {
	e.t.Helper()
	e.answered(id)
	r := e.finalize(id)
	c, err := devnet.Class(r.Candidate.Output)
	require.NoError(e.t, err)
	return c
}

func (e *tnet) challengeCount(id *big.Int) uint64 {
	e.t.Helper()
	n, err := e.Market.ChallengeCount(e.ctx, id)
	require.NoError(e.t, err)
	return n
}

// TestAnvilChainResetStateLost: anvil restarted with its state lost, the
// contracts redeployed at the same addresses and request ids reused while
// the services keep running: they say the chain was reset, drop the old
// chain's duties (one was a posted candidate), never challenge the new
// chain's honest result from the old inputs, send nothing that sticks,
// and a new lie is challenged and won.
func TestAnvilChainResetStateLost(t *testing.T) {
	e, node := opsNet(t, devnet.AnvilOptions{}, 0, 4*time.Minute)
	sub := e.submitter("submitter", nil)
	e.challenger("challenger", nil)
	id1, want1 := e.classify(1)
	require.Equal(t, want1, e.finalClass(id1))
	id2, _ := e.classify(2)
	e.answered(id2) // a posted candidate, window open: a duty the reset must drop

	require.NoError(t, node.Down())
	require.NoError(t, node.Up(e.ctx, false))
	require.NoError(t, devnet.FundKeys(e.ctx, node.URL, e.keys(), new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100))))
	require.NoError(t, e.Redeploy(e.ctx))

	// Request 1 again, other inputs: the honest answer must not be
	// challenged by a challenger judging it with request 1's old inputs.
	nid1, nwant1 := e.classify(5)
	require.Equal(t, id1, nid1, "the new chain reuses request ids")
	require.Equal(t, nwant1, e.finalClass(nid1))
	require.Zero(t, e.challengeCount(nid1), "no false challenge")
	e.delivered(nid1, nwant1)

	// A new lie on the new chain is challenged and won.
	e.stop(sub)
	e.submitter("liar", e.lastNode())
	nid2, nwant2 := e.classify(2)
	require.Equal(t, id2, nid2)
	r := e.waitRequest(nid2, "the challenger's win", func(r bindings.InferenceMarketRequest) bool { return r.Round > 0 })
	require.Equal(t, e.addr("challenger"), r.Submitter)
	require.Equal(t, nwant2, e.finalClass(nid2))
	e.delivered(nid2, nwant2)
	for _, svc := range []string{"submitter", "challenger"} {
		n := countLines(e.logs.String(), "service="+svc+" ", "level=ERROR", "chain reset")
		require.Equal(t, 1, n, "%s says the reset once", svc)
	}
	require.Zero(t, countLines(e.logs.String(), "bumping fees"), "no stuck transaction")
}

// keys are the network's account keys, in Roles order.
func (e *tnet) keys() []*ecdsa.PrivateKey {
	out := make([]*ecdsa.PrivateKey, len(devnet.Roles))
	for i, name := range devnet.Roles {
		out[i] = e.Accounts[name].Key
	}
	return out
}

// TestAnvilOutageRequestWait: `aivm request --wait` (the CLI, as a
// process) rides out anvil being down for 20 s and prints the final result;
// the services ride it out too and finalize.
func TestAnvilOutageRequestWait(t *testing.T) {
	if testing.Short() {
		t.Skip("20 s outage")
	}
	bin := aivmBinary(t)
	state := filepath.Join(t.TempDir(), "anvil-state.json")
	e, node := opsNet(t, devnet.AnvilOptions{State: state}, 0, 4*time.Minute)
	e.submitter("submitter", nil)
	e.challenger("challenger", nil)
	dep := filepath.Join(t.TempDir(), "deployment.json")
	require.NoError(t, writeJSON(dep, e.Addr))
	key := hexKey(e.Accounts["requester"].Key)
	cmd := exec.CommandContext(e.ctx, bin, "request", "--rpc", node.URL, "--deployment", dep, "--private-key", key,
		"--kernel", e.KernelID.Hex(), "--sample", "3", "--fee", "1000000000000000", "--wait", "--confirmations", "0",
		"--poll", "200ms", "--timeout", "3m")
	var out logBuf // safe for the process's stdout and stderr at once
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	id := big.NewInt(1)
	e.answered(id)
	require.NoError(t, node.Down())
	time.Sleep(20 * time.Second)
	require.NoError(t, node.Up(e.ctx, true))
	e.advance(e.window())
	select {
	case err := <-done:
		require.NoError(t, err, "request --wait after a 20 s outage:\n%s", out.String())
	case <-e.ctx.Done():
		t.Fatalf("request --wait did not finish:\n%s", out.String())
	}
	require.Contains(t, out.String(), "finalized", out.String())
	r, err := e.Market.Request(e.ctx, id)
	require.NoError(t, err)
	require.Equal(t, market.StatusFinalized, r.Status)
	c, err := devnet.Class(r.Candidate.Output)
	require.NoError(t, err)
	require.Equal(t, e.want(3), c)
	// One WARN per outage per service, not one per poll.
	for _, svc := range []string{"submitter", "challenger"} {
		n := strings.Count(e.logs.String(), "service="+svc+" ") // lines of the service
		w := countLines(e.logs.String(), "service="+svc+" ", "level=WARN", "unavailable")
		require.LessOrEqual(t, w, 3, "%s: %d WARN lines about the outage (of %d lines)", svc, w, n)
	}
}

// TestAnvilDeepReorg: the request and the submitter's answer are reverted
// away (evm_revert, deeper than the services' confirmations) and the same
// request id is requested again with other inputs on the new fork. The
// services drop the duties of the dropped fork, re-derive them from the
// canonical chain, answer the new request correctly, and nobody challenges
// it from the dropped fork's inputs.
func TestAnvilDeepReorg(t *testing.T) {
	e, node := opsNet(t, devnet.AnvilOptions{BlockTime: 1}, 2, 4*time.Minute)
	snap, err := node.Snapshot(e.ctx)
	require.NoError(t, err)
	e.submitter("submitter", nil)
	ch := e.challenger("challenger", nil)
	id, _ := e.classify(1)
	e.answered(id)
	require.NoError(t, node.Mine(e.ctx, 3)) // the answer is confirmed too
	require.NoError(t, node.Revert(e.ctx, snap))
	require.NoError(t, e.FreshTx("requester"))
	nid, want := e.classify(6)
	require.Equal(t, id, nid, "the new fork reuses the request id")
	// The challenger judges the new fork's candidate from the new inputs
	// before the window is moved on.
	e.answered(nid)
	e.poll("the challenger's verdict", func() (bool, error) {
		_, judged := ch.Challenger.Verdict(nid.String())
		return judged, nil
	})
	time.Sleep(2 * time.Second) // a challenge, if any, is mined
	r := e.waitRequest(nid, "answered", func(r bindings.InferenceMarketRequest) bool {
		return r.Status == market.StatusSubmitted && r.OpenChallenges == 0
	})
	// The submitter's answer to the dropped request is anchored to the
	// dropped request's block: its transaction manager never re-sends it
	// onto the new fork (it is cancelled if still pending), so the new
	// fork's request 1 gets only answers computed from its own inputs and
	// nothing is challenged.
	require.Zero(t, e.challengeCount(nid), "nothing from the dropped fork reached the new one (candidate by %s)", e.name(r.Submitter))
	require.Equal(t, e.addr("submitter"), r.Submitter)
	require.Equal(t, want, e.finalClass(nid), "the request finalizes with the new fork's correct output")
	e.delivered(nid, want)
	logs := e.logs.String()
	// The reorg is said: by the log watcher (its remembered block hashes
	// changed), or first by the duty loop (a duty's block is no longer
	// canonical, or a send's anchor is gone), whose re-follow from the
	// deployment block then leaves the watcher nothing to notice.
	said := countLines(logs, "reorg deeper than the confirmations") + countLines(logs, "no longer canonical (their fork is gone)") +
		countLines(logs, "its fork is gone")
	require.Positive(t, said, "the reorg is said")
	t.Logf("stale sends cancelled: %d, lines naming a gone anchor: %d, duty drops for a gone fork: %d",
		countLines(logs, "replaced by a cancellation"), countLines(logs, "not sending it"), countLines(logs, "its fork is gone"))
}

// TestAnvilSoakShort: 20 requests on anvil, one honest submitter, one
// lying submitter answering 2 of them (listed submitters give it those),
// two challengers, and two services killed at random and restarted from
// their duty databases (in process: the service's context is cancelled
// mid-work and a new one opens the same db, as a SIGKILL'd daemon's
// restart would; bbolt's fsynced writes are what survives either way).
// Every request finalizes with the correct output; no lie finalizes.
func TestAnvilSoakShort(t *testing.T) {
	e, _ := opsNet(t, devnet.AnvilOptions{}, 0, 6*time.Minute)
	soak(t, e, soakOptions{Requests: 20, LieEvery: 10, Kills: 2})
}

type soakOptions struct {
	Requests int
	LieEvery int // every LieEvery-th request is listed to the liar
	Kills    int
}

func soak(t *testing.T, e *tnet, o soakOptions) {
	var mu sync.Mutex
	running := map[string]*devnet.Running{}
	for _, name := range soakServices {
		running[name] = e.soakService(name)
	}
	restart := func(name string) {
		mu.Lock()
		defer mu.Unlock()
		e.stop(running[name])
		running[name] = e.soakService(name)
	}
	names := soakServices
	killAt := map[int]string{}
	for len(killAt) < o.Kills {
		killAt[1+rand.IntN(o.Requests-1)] = names[rand.IntN(len(names))]
	}
	type req struct {
		id   *big.Int
		want int32
		lie  bool
	}
	var reqs []req
	for i := range o.Requests {
		sample := i % 50
		var listed []common.Address
		lie := o.LieEvery > 0 && i%o.LieEvery == o.LieEvery-1
		if lie {
			listed = append(listed, e.addr("liar"))
		} else {
			listed = append(listed, e.addr("submitter"))
		}
		id, err := e.RequestListed(e.ctx, sample, e.fee, listed...)
		require.NoError(t, err)
		reqs = append(reqs, req{id: id, want: e.want(sample), lie: lie})
		if name, ok := killAt[i]; ok {
			t.Logf("killing %s after request %s", name, id)
			restart(name)
		}
	}
	for _, r := range reqs {
		got := e.waitRequest(r.id, "answered", func(x bindings.InferenceMarketRequest) bool {
			return x.Status == market.StatusSubmitted && x.OpenChallenges == 0 && (!r.lie || x.Round > 0)
		})
		_ = got
	}
	e.advance(e.window())
	for _, r := range reqs {
		f := e.waitRequest(r.id, "finalized", func(x bindings.InferenceMarketRequest) bool { return x.Status == market.StatusFinalized })
		c, err := devnet.Class(f.Candidate.Output)
		require.NoError(t, err)
		require.Equal(t, r.want, c, "request %s finalized with a wrong class", r.id)
		require.NotEqual(t, e.addr("liar"), f.Submitter, "request %s: a lie finalized", r.id)
		if r.lie {
			require.Positive(t, e.challengeCount(r.id), "request %s: the lie was challenged", r.id)
		}
	}
}

// soakServices are the services of a soak: an honest submitter, a liar
// (a submitter lying at the last node) and two honest challengers.
var soakServices = []string{"submitter", "liar", "challenger", "challenger2"}

// soakService starts the soak service name (soakServices).
func (e *tnet) soakService(name string) *devnet.Running {
	e.t.Helper()
	switch {
	case strings.HasPrefix(name, "challenger"):
		return e.challenger(name, nil)
	case name == "liar":
		return e.submitter(name, e.lastNode())
	default:
		return e.submitter(name, nil)
	}
}

// countLines counts the lines of s containing every one of subs.
func countLines(s string, subs ...string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		ok := true
		for _, sub := range subs {
			ok = ok && strings.Contains(l, sub)
		}
		if ok {
			n++
		}
	}
	return n
}

var (
	aivmOnce sync.Once
	aivmBin  string
	aivmErr  error
)

// aivmBinary builds cmd/aivm once per test process, or returns $AIVM_BIN
// when set (scripts/bench-soak.sh builds it before a long run).
func aivmBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("AIVM_BIN"); bin != "" {
		return bin
	}
	aivmOnce.Do(func() {
		root, err := kernel.ModuleRoot()
		if err != nil {
			aivmErr = err
			return
		}
		dir, err := os.MkdirTemp("", "aivm-bin-*")
		if err != nil {
			aivmErr = err
			return
		}
		aivmBin = filepath.Join(dir, "aivm")
		cmd := exec.Command("go", "build", "-o", aivmBin, "./cmd/aivm")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			aivmErr = fmt.Errorf("go build ./cmd/aivm: %w\n%s", err, out)
		}
	})
	require.NoError(t, aivmErr)
	return aivmBin
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

func hexKey(k *ecdsa.PrivateKey) string { return "0x" + hex.EncodeToString(crypto.FromECDSA(k)) }

// TestAnvilTxResentAfterRestart: anvil restarted with its chain kept but
// its pool lost forgets a pending transaction. The transaction manager
// broadcasts the same signed transaction again on the first poll that
// reaches the node back (BumpAfter is an hour here, so waiting for a fee
// bump would time the test out) and it is mined with its first signature.
// This is what keeps a challenge sent just before a node restart in its
// window.
func TestAnvilTxResentAfterRestart(t *testing.T) {
	if _, err := devnet.AnvilPath(); err != nil {
		testenv.RequireTool(t, "make setup-npm", "anvil")
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	node, err := devnet.StartAnvilWith(ctx, devnet.AnvilOptions{State: filepath.Join(t.TempDir(), "anvil-state.json")})
	requireNode(t, err)
	t.Cleanup(node.Stop)
	keys, err := devnet.FundFromDev(ctx, node.URL, 1, big.NewInt(1e18))
	require.NoError(t, err)
	ec, err := ethclient.DialContext(ctx, node.URL)
	require.NoError(t, err)
	defer ec.Close()
	var logs logBuf
	var mu sync.Mutex
	var sent []*types.Transaction
	var sentAt []time.Time
	m, err := chain.NewTxManager(ec, keys[0], chain.TxOptions{PollInterval: 100 * time.Millisecond, BumpAfter: time.Hour,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		OnBroadcast: func(tx *types.Transaction) {
			mu.Lock()
			defer mu.Unlock()
			sent, sentAt = append(sent, tx), append(sentAt, time.Now())
		}})
	require.NoError(t, err)
	broadcasts := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(sent)
	}
	require.NoError(t, node.RPC(ctx, nil, "evm_setAutomine", false)) // the transaction stays pending

	type result struct {
		rc  *types.Receipt
		err error
	}
	done := make(chan result, 1)
	go func() {
		rc, err := m.Send(ctx, common.Address{7}, nil, big.NewInt(1))
		done <- result{rc, err}
	}()
	require.Eventually(t, func() bool { return broadcasts() == 1 }, 10*time.Second, 10*time.Millisecond)
	_, pending, err := ec.TransactionByHash(ctx, sent[0].Hash())
	require.NoError(t, err)
	require.True(t, pending, "in the pool before the restart")

	require.NoError(t, node.Down())
	time.Sleep(3 * time.Second) // the manager's polls fail and back off
	require.NoError(t, node.Up(ctx, true))
	up := time.Now() // the restarted anvil automines again

	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		t.Fatalf("not mined after the restart (re-sent only after BumpAfter?):\n%s", logs.String())
	}
	require.NoError(t, res.err, logs.String())
	mu.Lock()
	defer mu.Unlock()
	require.GreaterOrEqual(t, len(sent), 2, "broadcast again after the restart:\n%s", logs.String())
	for _, tx := range sent {
		require.Equal(t, sent[0].Hash(), tx.Hash(), "the same signed transaction: same nonce, same fees")
	}
	require.Equal(t, sent[0].Hash(), res.rc.TxHash)
	require.Contains(t, logs.String(), "dropped by the node")
	require.NotContains(t, logs.String(), "bumping fees")
	t.Logf("re-sent %s and mined %s after anvil answered again", sentAt[1].Sub(up).Round(time.Millisecond),
		time.Since(up).Round(time.Millisecond))
}
