package e2e

// Shared fixtures of the e2e suite: a network per test, waits on chain
// records, the market's ledger of credits, and the lying-submitter
// scenario most attack tests run.

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
)

// testTimeout bounds one test's network (setup, services, waits).
const testTimeout = 3 * time.Minute

// logBuf collects the services' logs of one test; they are printed when
// the test fails (or always with AIVM_E2E_LOG=1). Writing to a buffer, not
// t.Log, keeps goroutines that outlive the test from logging into it.
type logBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// tnet is a Network owned by one test.
type tnet struct {
	*devnet.Network
	t    *testing.T
	ctx  context.Context
	logs *logBuf
	fee  *big.Int
}

// startNet starts a network for t; it is closed when t ends.
func startNet(t *testing.T, o devnet.Options) *tnet {
	t.Helper()
	return startNetWithin(t, o, testTimeout)
}

// startNetWithin is startNet with its own time limit.
func startNetWithin(t *testing.T, o devnet.Options, limit time.Duration) *tnet {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	lb := &logBuf{}
	level := slog.LevelInfo
	if os.Getenv("AIVM_E2E_LOG") == "debug" {
		level = slog.LevelDebug
	}
	o.Log = slog.New(slog.NewTextHandler(lb, &slog.HandlerOptions{Level: level}))
	n, err := devnet.Start(ctx, o)
	if err != nil {
		cancel()
		t.Fatalf("start network: %v", err)
	}
	t.Cleanup(func() {
		n.Close()
		cancel()
		if t.Failed() || os.Getenv("AIVM_E2E_LOG") != "" {
			t.Logf("service logs:\n%s", lb.String())
		}
	})
	return &tnet{Network: n, t: t, ctx: ctx, logs: lb, fee: big.NewInt(1e15)}
}

func (e *tnet) addr(name string) common.Address { return e.Accounts[name].Address() }

// name is the role owning address a (for messages).
func (e *tnet) name(a common.Address) string {
	for name, acct := range e.Accounts {
		if acct.Address() == a {
			return name
		}
	}
	return a.Hex()
}

func (e *tnet) submitter(name string, lie *adversary.Lie) *devnet.Running {
	e.t.Helper()
	r, err := e.StartSubmitter(e.ctx, name, devnet.ServiceOptions{Lie: lie})
	require.NoError(e.t, err, "start submitter %s", name)
	return r
}

func (e *tnet) challenger(name string, lie *adversary.Lie) *devnet.Running {
	e.t.Helper()
	r, err := e.StartChallenger(e.ctx, name, devnet.ServiceOptions{Lie: lie})
	require.NoError(e.t, err, "start challenger %s", name)
	return r
}

func (e *tnet) stop(r *devnet.Running) {
	e.t.Helper()
	require.NoError(e.t, r.Stop(), "stop %s", r.Name)
}

// want is the class native inference gives for sample i.
func (e *tnet) want(sample int) int32 {
	e.t.Helper()
	_, tr, err := e.Sample(sample)
	require.NoError(e.t, err)
	c, err := e.ResultClass(tr)
	require.NoError(e.t, err)
	return c
}

// classify has the consumer request sample i; it returns the request id
// and the class native inference gives.
func (e *tnet) classify(sample int) (*big.Int, int32) {
	e.t.Helper()
	id, err := e.Classify(e.ctx, sample, e.fee)
	require.NoError(e.t, err)
	return id, e.want(sample)
}

// poll calls f every 10 ms until it reports done, failing the test when
// the network's context ends.
func (e *tnet) poll(what string, f func() (bool, error)) {
	e.t.Helper()
	var last error
	for {
		done, err := f()
		if err == nil && done {
			return
		}
		if err != nil {
			last = err
		}
		select {
		case <-e.ctx.Done():
			e.t.Fatalf("timed out waiting for %s (last error: %v)", what, last)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func (e *tnet) waitRequest(id *big.Int, what string, cond func(bindings.InferenceMarketRequest) bool) bindings.InferenceMarketRequest {
	e.t.Helper()
	var r bindings.InferenceMarketRequest
	e.poll(fmt.Sprintf("request %s: %s", id, what), func() (bool, error) {
		var err error
		r, err = e.Market.Request(e.ctx, id)
		return err == nil && cond(r), err
	})
	return r
}

func (e *tnet) waitChallenge(id *big.Int, idx uint64, what string, cond func(bindings.InferenceMarketChallenge) bool) bindings.InferenceMarketChallenge {
	e.t.Helper()
	var c bindings.InferenceMarketChallenge
	e.poll(fmt.Sprintf("challenge %s/%d: %s", id, idx, what), func() (bool, error) {
		var err error
		c, err = e.Market.Challenge(e.ctx, id, idx)
		return err == nil && c.Status != market.ChallengeNone && cond(c), err
	})
	return c
}

// gameOf waits for challenge idx of request id and returns its game.
func (e *tnet) gameOf(id *big.Int, idx uint64) *big.Int {
	e.t.Helper()
	c := e.waitChallenge(id, idx, "opened", func(c bindings.InferenceMarketChallenge) bool { return c.GameId.Sign() > 0 })
	return c.GameId
}

func (e *tnet) waitGame(game *big.Int, what string, cond func(bindings.DisputeGameGame) bool) bindings.DisputeGameGame {
	e.t.Helper()
	var g bindings.DisputeGameGame
	e.poll(fmt.Sprintf("game %s: %s", game, what), func() (bool, error) {
		var err error
		g, err = e.Market.GameRecord(e.ctx, game)
		return err == nil && cond(g), err
	})
	return g
}

func resolved(g bindings.DisputeGameGame) bool { return g.Status != market.GameInProgress }

// advance moves the chain clock by d.
func (e *tnet) advance(d time.Duration) {
	e.t.Helper()
	require.NoError(e.t, e.AdvanceTime(e.ctx, d))
}

// window is the challenge window plus one second.
func (e *tnet) window() time.Duration {
	return time.Duration(e.Addr.Config.ChallengeWindow+1) * time.Second
}

// clockBudget is one side's game clock plus one second.
func (e *tnet) clockBudget() time.Duration {
	return time.Duration(e.Addr.Config.ClockBudget+1) * time.Second
}

// finalize moves the clock past the candidate's window and waits until
// the request is finalized (by the candidate's service).
func (e *tnet) finalize(id *big.Int) bindings.InferenceMarketRequest {
	e.t.Helper()
	e.advance(e.window())
	return e.waitRequest(id, "finalized", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized })
}

// delivered checks what the consumer received for request id.
func (e *tnet) delivered(id *big.Int, want int32) {
	e.t.Helper()
	done, cls, label, err := e.ConsumerResult(e.ctx, id)
	require.NoError(e.t, err)
	require.True(e.t, done, "the callback did not deliver request %s", id)
	require.Equal(e.t, want, cls, "request %s: delivered class %d (%q), native inference says %d", id, cls, label, want)
}

// waitWithdrawn waits until the named accounts hold no credits.
func (e *tnet) waitWithdrawn(names ...string) {
	e.t.Helper()
	for _, name := range names {
		e.poll(name+" withdraws its credits", func() (bool, error) {
			c, err := e.Market.Credits(e.ctx, e.addr(name))
			return err == nil && c.Sign() == 0, err
		})
	}
}

// ledger is what the market paid, from its events on the canonical chain.
type ledger struct {
	credited, withdrawn map[common.Address]*big.Int
	won, lost, rewarded []string // "request/index"
	// resolved are the won and lost challenges in chain order.
	resolved []string
	// first are the wins that refuted a candidate (ChallengeWon with
	// replacedCandidate), in order.
	first   []string
	opened  map[string]common.Address
	settled []*bindings.InferenceMarketRoundSettled
	burned  *big.Int // sum of the Burned events
}

func (l *ledger) add(m map[common.Address]*big.Int, a common.Address, v *big.Int) {
	if m[a] == nil {
		m[a] = new(big.Int)
	}
	m[a].Add(m[a], v)
}

func (l *ledger) credit(a common.Address) *big.Int {
	if v := l.credited[a]; v != nil {
		return v
	}
	return new(big.Int)
}

func (l *ledger) withdrawal(a common.Address) *big.Int {
	if v := l.withdrawn[a]; v != nil {
		return v
	}
	return new(big.Int)
}

func (e *tnet) ledger() *ledger {
	e.t.Helper()
	logs, err := e.Backend.FilterLogs(e.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(e.Addr.Block),
		Addresses: []common.Address{e.Addr.Market}})
	require.NoError(e.t, err)
	l := &ledger{credited: map[common.Address]*big.Int{}, withdrawn: map[common.Address]*big.Int{}, opened: map[string]common.Address{},
		burned: new(big.Int)}
	m := e.Market.Market
	for i := range logs {
		lg := &logs[i]
		switch market.EventName(*lg) {
		case "Credited":
			ev, err := m.UnpackCreditedEvent(lg)
			require.NoError(e.t, err)
			l.add(l.credited, ev.Account, ev.Amount)
		case "Withdrawn":
			ev, err := m.UnpackWithdrawnEvent(lg)
			require.NoError(e.t, err)
			l.add(l.withdrawn, ev.Account, ev.Amount)
		case "ChallengeOpened":
			ev, err := m.UnpackChallengeOpenedEvent(lg)
			require.NoError(e.t, err)
			l.opened[fmt.Sprintf("%s/%s", ev.RequestId, ev.ChallengeIndex)] = ev.Challenger
		case "ChallengeWon":
			ev, err := m.UnpackChallengeWonEvent(lg)
			require.NoError(e.t, err)
			l.won = append(l.won, fmt.Sprintf("%s/%s", ev.RequestId, ev.ChallengeIndex))
			l.resolved = append(l.resolved, l.won[len(l.won)-1])
			if ev.ReplacedCandidate {
				l.first = append(l.first, fmt.Sprintf("%s/%s", ev.RequestId, ev.ChallengeIndex))
			}
		case "ChallengeLost":
			ev, err := m.UnpackChallengeLostEvent(lg)
			require.NoError(e.t, err)
			l.lost = append(l.lost, fmt.Sprintf("%s/%s", ev.RequestId, ev.ChallengeIndex))
			l.resolved = append(l.resolved, l.lost[len(l.lost)-1])
		case "RewardClaimed":
			ev, err := m.UnpackRewardClaimedEvent(lg)
			require.NoError(e.t, err)
			l.rewarded = append(l.rewarded, fmt.Sprintf("%s/%s", ev.RequestId, ev.ChallengeIndex))
		case "RoundSettled":
			ev, err := m.UnpackRoundSettledEvent(lg)
			require.NoError(e.t, err)
			l.settled = append(l.settled, ev)
		case "Burned":
			ev, err := m.UnpackBurnedEvent(lg)
			require.NoError(e.t, err)
			l.burned.Add(l.burned, ev.Amount)
		}
	}
	return l
}

// burnOf is the part of a forfeited bond the market burns (BURN_BPS).
func burnOf(bond *big.Int) *big.Int {
	return new(big.Int).Div(new(big.Int).Mul(bond, big.NewInt(market.BurnBPS)), big.NewInt(10_000))
}

// shareOf is each winner's share of a refuted candidate's bond split among
// winners (the remainder of the division is burned too).
func shareOf(bond *big.Int, winners int64) *big.Int {
	return new(big.Int).Div(new(big.Int).Sub(bond, burnOf(bond)), big.NewInt(winners))
}

// requireMarketHoldsBurned checks that once everything is paid out the
// market holds exactly what it burned: totalBurned, the Burned events and
// its balance agree.
func (e *tnet) requireMarketHoldsBurned(l *ledger) {
	e.t.Helper()
	total, err := e.Market.TotalBurned(e.ctx)
	require.NoError(e.t, err)
	requireWei(e.t, l.burned, total, "totalBurned (the Burned events)")
	requireWei(e.t, total, e.balance(e.Addr.Market), "market balance once everything is paid out (only the burned wei stay)")
}

// waitRewarded waits until challenge idx of request id has claimed its reward.
func (e *tnet) waitRewarded(id *big.Int, idx uint64) {
	e.t.Helper()
	e.waitChallenge(id, idx, "reward claimed", func(c bindings.InferenceMarketChallenge) bool { return c.Status == market.ChallengeRewarded })
}

// sum adds wei amounts.
func sum(vs ...*big.Int) *big.Int {
	s := new(big.Int)
	for _, v := range vs {
		s.Add(s, v)
	}
	return s
}

// requireWei compares wei amounts.
func requireWei(t *testing.T, want, got *big.Int, format string, args ...any) {
	t.Helper()
	if want.Cmp(got) != 0 {
		t.Fatalf("%s: got %s wei, want %s wei", fmt.Sprintf(format, args...), got, want)
	}
}

// head is the latest block number.
func (e *tnet) head() uint64 {
	e.t.Helper()
	h, err := e.Backend.HeaderByNumber(e.ctx, nil)
	require.NoError(e.t, err)
	return h.Number.Uint64()
}

// balance is a's balance at the latest block.
func (e *tnet) balance(a common.Address) *big.Int {
	e.t.Helper()
	b, err := e.Balance(e.ctx, a)
	require.NoError(e.t, err)
	return b
}

// gasCost is what a paid in transaction fees in blocks (from, head].
func (e *tnet) gasCost(a common.Address, from uint64) (*big.Int, int) {
	e.t.Helper()
	cost, count := new(big.Int), 0
	to := e.head()
	require.NotNil(e.t, e.Sim, "gasCost reads blocks of the simulated chain")
	for n := from + 1; n <= to; n++ {
		b, err := e.Sim.Client().BlockByNumber(e.ctx, new(big.Int).SetUint64(n))
		require.NoError(e.t, err)
		for _, tx := range b.Transactions() {
			from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
			require.NoError(e.t, err)
			if from != a {
				continue
			}
			rc, err := e.Backend.TransactionReceipt(e.ctx, tx.Hash())
			require.NoError(e.t, err)
			cost.Add(cost, new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice))
			count++
		}
	}
	return cost, count
}

// gameLogs are the canonical logs of one game, unpacked by event name.
type gameLogs struct {
	splits   []*bindings.DisputeGameSplit
	chosen   []*bindings.DisputeGameChosen
	vm       []*bindings.DisputeGameVMPhaseStarted
	stepped  []*bindings.DisputeGameStepped
	resolved []*bindings.DisputeGameResolved
	txs      map[common.Hash]bool
}

func (e *tnet) gameLogs(game *big.Int) *gameLogs {
	e.t.Helper()
	logs, err := e.Backend.FilterLogs(e.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(e.Addr.Block),
		Addresses: []common.Address{e.Addr.Game}, Topics: [][]common.Hash{nil, {common.BigToHash(game)}}})
	require.NoError(e.t, err)
	g := bindings.NewDisputeGame()
	out := &gameLogs{txs: map[common.Hash]bool{}}
	for i := range logs {
		lg := &logs[i]
		out.txs[lg.TxHash] = true
		switch market.EventName(*lg) {
		case "Split":
			ev, err := g.UnpackSplitEvent(lg)
			require.NoError(e.t, err)
			out.splits = append(out.splits, ev)
		case "Chosen":
			ev, err := g.UnpackChosenEvent(lg)
			require.NoError(e.t, err)
			out.chosen = append(out.chosen, ev)
		case "VMPhaseStarted":
			ev, err := g.UnpackVMPhaseStartedEvent(lg)
			require.NoError(e.t, err)
			out.vm = append(out.vm, ev)
		case "Stepped":
			ev, err := g.UnpackSteppedEvent(lg)
			require.NoError(e.t, err)
			out.stepped = append(out.stepped, ev)
		case "Resolved":
			ev, err := g.UnpackResolvedEvent(lg)
			require.NoError(e.t, err)
			out.resolved = append(out.resolved, ev)
		}
	}
	return out
}

// setBumpAfter gives account name a fresh transaction manager (before any
// service of it starts) that bumps an unmined transaction after d.
func (e *tnet) setBumpAfter(name string, d time.Duration) {
	e.t.Helper()
	a := e.Accounts[name]
	tx, err := chain.NewTxManager(e.Backend, a.Key, chain.TxOptions{Confirmations: e.Opts.Confirmations,
		PollInterval: 20 * time.Millisecond, BumpAfter: d, Logger: e.Opts.Log.With("account", name)})
	require.NoError(e.t, err)
	a.Tx = tx
}

// dispute is the outcome of a lying-submitter scenario.
type dispute struct {
	id        *big.Int
	want      int32 // native class
	liarClass int32 // what the liar posted
	game      *big.Int
	record    bindings.DisputeGameGame // the resolved game
	logs      *gameLogs
	detection challengerDetection
	// wall is the time from the challenge being mined to the game being
	// seen resolved; settle to the challenger's result being the candidate.
	wall, settle time.Duration
	liar, ch     *devnet.Running
}

type challengerDetection struct {
	seenToSent, seenToMined time.Duration
}

// liarScenario options.
type liarOpts struct {
	sample int
	lie    *adversary.Lie
	// inGame runs once the game exists (kills, restarts, reorgs); it may
	// replace the running services in d.
	inGame func(e *tnet, d *dispute)
	// skipLedger leaves the payment checks to the caller.
	skipLedger bool
}

// liarScenario runs a lying submitter against an honest challenger on one
// classification and checks the protocol's outcome: the challenger wins
// the game, takes the liar's bond, its result becomes the candidate, is
// finalized and delivers the native class; every payment is exact.
func (e *tnet) liarScenario(o liarOpts) *dispute {
	e.t.Helper()
	t := e.t
	d := &dispute{}
	d.liar = e.submitter("liar", o.lie)
	d.ch = e.challenger("challenger", nil)
	d.id, d.want = e.classify(o.sample)
	r := e.waitRequest(d.id, "result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	require.Equal(t, e.addr("liar"), r.Submitter)
	var err error
	d.liarClass, err = devnet.Class(r.Candidate.Output)
	require.NoError(t, err)
	select {
	case det := <-d.ch.Challenger.Detections:
		require.Equal(t, d.id.String(), det.RequestID)
		d.detection = challengerDetection{seenToSent: det.Sent.Sub(det.ResultSeen), seenToMined: det.Mined.Sub(det.ResultSeen)}
	case <-e.ctx.Done():
		t.Fatalf("the challenger never challenged request %s", d.id)
	}
	mined := time.Now()
	d.game = e.gameOf(d.id, 0)
	if o.inGame != nil {
		o.inGame(e, d)
	}
	d.record = e.waitGame(d.game, "resolved", resolved)
	d.wall = time.Since(mined)
	require.Equal(t, market.GameChallengerWins, d.record.Status, "game %s: the challenger must win", d.game)
	r = e.waitRequest(d.id, "the challenger's result is the candidate", func(r bindings.InferenceMarketRequest) bool { return r.Round == 1 })
	d.settle = time.Since(mined)
	require.Equal(t, e.addr("challenger"), r.Submitter)
	c, err := e.Market.Challenge(e.ctx, d.id, 0)
	require.NoError(t, err)
	require.Contains(t, []uint8{market.ChallengeWon, market.ChallengeRewarded}, c.Status)
	// The liar's candidate had one game: its round settles with that win,
	// and the challenger claims its share of the liar's bond.
	e.waitRewarded(d.id, 0)
	e.finalize(d.id)
	e.delivered(d.id, d.want)
	d.logs = e.gameLogs(d.game)
	if o.skipLedger {
		return d
	}
	e.waitWithdrawn("challenger")
	l := e.ledger()
	cfg := e.Addr.Config
	requireWei(t, sum(shareOf(cfg.SubmitterBond, 1), e.fee, cfg.ChallengerBond), l.credit(e.addr("challenger")),
		"challenger credited (the unburned half of the liar's bond + fee + its own bond back)")
	requireWei(t, l.credit(e.addr("challenger")), l.withdrawal(e.addr("challenger")), "challenger withdrew")
	requireWei(t, new(big.Int), l.credit(e.addr("liar")), "liar credited")
	requireWei(t, burnOf(cfg.SubmitterBond), l.burned, "burned (BURN_BPS of the liar's bond)")
	e.requireMarketHoldsBurned(l)
	require.Equal(t, []string{d.id.String() + "/0"}, l.won)
	require.Equal(t, []string{d.id.String() + "/0"}, l.rewarded)
	return d
}
