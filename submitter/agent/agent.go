package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Agent holds the duties both services share: following the market,
// re-executing requests, playing games in either role, resolving them,
// claiming won rewards, finalizing the service's own candidates and
// withdrawing credits. A service is a Policy over it: the challenger's
// first win makes its result the candidate, which the agent finalizes and
// defends exactly as it does the submitter's.
type Agent struct {
	Env
	me     common.Address
	policy Policy

	poke   chan struct{}
	rescan chan struct{}
	chain  chainState
	// dutyMu serializes the duty loop's ticks with the follower's event
	// and reorg handlers, so a duty is never dropped under a tick acting
	// on it.
	dutyMu   sync.Mutex
	mu       sync.Mutex
	sessions map[string]*sessionEntry
	players  map[string]Player
}

type sessionEntry struct {
	once sync.Once
	src  bisection.Sources // Graph is this service's claimed trace (a liar's when lying)
	err  error
}

// NewBonded is New for a service that stakes a bond with every move it
// opens (a result, a challenge): it first refuses a missing or non-positive
// bond, naming the service and the market parameter to read the bond from,
// e.g. NewBonded(env, s, cfg.Bond, "submitter", "submitterBond").
func NewBonded(env Env, policy Policy, bond *big.Int, service, marketBond string) (*Agent, error) {
	if bond == nil || bond.Sign() <= 0 {
		return nil, fmt.Errorf("%s: bond must be > 0 (read it from the market's %s)", service, marketBond)
	}
	return New(env, policy)
}

// New checks env, fills defaults and returns the agent of a service whose
// own decisions are policy's.
func New(env Env, policy Policy) (*Agent, error) {
	if env.Market == nil || env.Kernels == nil || env.Players == nil || env.Duties == nil || policy == nil {
		return nil, errors.New("agent: market, kernels, players, duty store and policy are all required")
	}
	if env.Log == nil {
		env.Log = slog.New(slog.DiscardHandler)
	}
	if env.Poll <= 0 {
		env.Poll = time.Second
	}
	return &Agent{Env: env, me: env.Market.Address(), policy: policy, poke: make(chan struct{}, 1), rescan: make(chan struct{}, 1),
		sessions: map[string]*sessionEntry{}, players: map[string]Player{}}, nil
}

// Address is the service's account.
func (a *Agent) Address() common.Address { return a.me }

// Poke asks the duty loop to run now.
func (a *Agent) Poke() {
	select {
	case a.poke <- struct{}{}:
	default:
	}
}

// Inc bumps a metric (no-op without metrics).
func (a *Agent) Inc(name string) {
	if a.Metrics != nil {
		a.Metrics.Inc(name)
	}
}

func (a *Agent) set(name string, v float64) {
	if a.Metrics != nil {
		a.Metrics.Set(name, v)
	}
}

// Now is the chain's time: the latest block's timestamp. Windows and clocks
// are judged by it, never by the local clock.
func (a *Agent) Now(ctx context.Context) (uint64, error) {
	t, err := a.Market.Now(ctx)
	if err != nil {
		return 0, fmt.Errorf("latest header: %w", err)
	}
	return t, nil
}

// HandleLog turns a confirmed market event into duties, the one event
// switch of both services: a request of a served kernel becomes a request
// duty (the policy sees it once), a challenge this service is a party of a
// game duty, and a new candidate is reported to the policy. Every event
// that can make a duty due wakes the duty loop.
func (a *Agent) HandleLog(ctx context.Context, l types.Log) error {
	a.dutyMu.Lock()
	defer a.dutyMu.Unlock()
	mk := bindings.NewInferenceMarket()
	switch market.EventName(l) {
	case "InferenceRequested":
		ev, err := mk.UnpackInferenceRequestedEvent(&l)
		if err != nil {
			return err
		}
		if !a.policy.Serves(ev.KernelId) {
			return nil
		}
		d, isNew, err := a.RecordRequest(ev, WhereOf(l))
		if err != nil || !isNew {
			return err
		}
		a.policy.Seen(ctx, d, ev)
	case "GenerationRequested":
		ev, err := mk.UnpackGenerationRequestedEvent(&l)
		if err != nil {
			return err
		}
		if !a.policy.Serves(ev.KernelId) {
			return nil
		}
		d, isNew, err := a.RecordGeneration(ev, WhereOf(l))
		if err != nil || !isNew {
			return err
		}
		a.policy.Seen(ctx, d, &bindings.InferenceMarketInferenceRequested{RequestId: ev.RequestId, KernelId: ev.KernelId,
			Requester: ev.Requester, Fee: ev.Fee, Callback: ev.Callback, CallbackGasLimit: ev.CallbackGasLimit, Raw: ev.Raw})
	case "ResultSubmitted":
		ev, err := mk.UnpackResultSubmittedEvent(&l)
		if err != nil {
			return err
		}
		a.policy.Candidate(ev.RequestId, false)
	case "ChallengeWon":
		ev, err := mk.UnpackChallengeWonEvent(&l)
		if err != nil {
			return err
		}
		// Only the first win on a candidate replaces it; a later win on a
		// refuted candidate changes nothing to judge.
		a.policy.Candidate(ev.RequestId, ev.ReplacedCandidate)
	case "RoundSettled":
		// A refuted candidate's last game ended: won challenges can claim.
	case "ChallengeOpened":
		ev, err := mk.UnpackChallengeOpenedEvent(&l)
		if err != nil {
			return err
		}
		if _, err := a.RecordGame(ctx, ev, WhereOf(l)); err != nil {
			return err
		}
	default:
		return nil
	}
	a.Poke()
	return nil
}

// Tick does every duty that is due: the policy's rule for each request
// duty, then the games, then withdrawal. Errors of one duty do not stop
// the others.
func (a *Agent) Tick(ctx context.Context) error {
	a.dutyMu.Lock()
	defer a.dutyMu.Unlock()
	if ok, err := a.checkChain(ctx); err != nil || !ok {
		return err
	}
	reqs, err := a.Requests()
	if err != nil {
		return err
	}
	var errs []error
	for _, d := range reqs {
		// Every send answering the request is anchored to its event's
		// block: nothing is sent for a fork that is gone.
		err := a.policy.Request(d.Anchor(ctx), d)
		if errors.Is(err, chain.ErrAnchorGone) {
			err = a.forkGone([]string{d.ID}, nil, err)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("request %s: %w", d.ID, err))
		}
	}
	if err := a.PlayGames(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := a.Withdraw(ctx); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Run follows the market and does duties until ctx ends (SIGINT/SIGTERM in
// the CLI); it returns nil on a clean shutdown. Events record duties, and
// every tick (each Poll, or at once after an event) does what is due.
//
// Failures do not stop it: while the node is unreachable it retries with
// capped, jittered backoff, logging one WARN when the outage starts and one
// INFO when it ends; a follower that fails (a handler's node read) is
// restarted the same way. A chain reset or a duty from a gone fork makes
// it re-follow the market from its deployment block (checkChain).
func (a *Agent) Run(ctx context.Context, follow Follow) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bo := chain.Backoff{Initial: a.Poll, Max: max(10*a.Poll, 8*time.Second)}
	node := &chain.Outage{What: "node", Logger: a.Log}
	follower := &chain.Outage{What: "market follower", Logger: a.Log}
	nodeUp := func() {
		node.OK()
		a.set("aivm_last_poll_success_timestamp_seconds", float64(time.Now().Unix()))
		a.set("aivm_node_up", 1)
	}
	var duty repeatFilter

	followErr := make(chan error, 1)
	var stopFollow context.CancelFunc
	var followStarted time.Time
	startFollow := func(rescan bool) {
		fctx, stop := context.WithCancel(ctx)
		stopFollow, followStarted = stop, time.Now()
		go func() {
			followErr <- follow(fctx, FollowHooks{Rescan: rescan,
				Handle: func(l types.Log) error { return a.HandleLog(ctx, l) }, Reorg: a.onReorg})
		}()
	}
	startFollow(false)
	defer func() { stopFollow() }()
	var restartAt <-chan time.Time // the follower's restart after a failure
	for {
		wait := a.Poll
		err := a.Tick(ctx)
		switch {
		case ctx.Err() != nil:
		case err == nil:
			nodeUp()
			duty.log(a.Log, "duty loop", nil)
		case chain.IsTransient(err):
			node.Fail("duty loop", err)
			wait = bo.Delay(node.Failures() - 1)
			a.set("aivm_node_up", 0)
		default:
			// The node answered: whatever failed is the duties' own.
			nodeUp()
			duty.log(a.Log, "duty loop", err)
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			a.Log.Info("shutting down", "account", a.me)
			return nil
		case err := <-followErr:
			if ctx.Err() != nil {
				timer.Stop()
				return nil
			}
			if err == nil {
				err = errors.New("stopped")
			}
			follower.Fail("following the market", err)
			restartAt = time.After(bo.Delay(follower.Failures() - 1))
		case <-restartAt:
			restartAt = nil
			startFollow(false)
		case <-a.rescan:
			stopFollow()
			if restartAt == nil {
				if err := <-followErr; err != nil && ctx.Err() == nil {
					a.Log.Debug("follower stopped for a rescan", "err", err)
				}
			}
			restartAt = nil
			a.Log.Info("re-following the market from its deployment block")
			startFollow(true)
		case <-timer.C:
		case <-a.poke:
		}
		timer.Stop()
		if down, _ := follower.Down(); down && restartAt == nil && node.Failures() == 0 && time.Since(followStarted) > 2*a.Poll {
			follower.OK()
		}
	}
}

// Session re-executes a request natively (once per process; a restart
// re-executes from the stored inputs) and returns it with the trace this
// service claims. The computed S_0 must equal the chain's, or the inputs or
// kernel are not what the request named.
func (a *Agent) Session(ctx context.Context, d RequestDuty) (*kernel.Session, *graph.Trace, error) {
	src, err := a.sources(ctx, d)
	return src.Session, src.Graph, err
}

// sources is what this service claims and plays from on request d.
func (a *Agent) sources(ctx context.Context, d RequestDuty) (bisection.Sources, error) {
	a.mu.Lock()
	e := a.sessions[d.ID]
	if e == nil {
		e = &sessionEntry{}
		a.sessions[d.ID] = e
	}
	a.mu.Unlock()
	e.once.Do(func() { e.src, e.err = a.execute(ctx, d) })
	if e.err != nil {
		a.mu.Lock()
		delete(a.sessions, d.ID) // retry later (a context cancellation, a node hiccup)
		a.mu.Unlock()
	}
	return e.src, e.err
}

func (a *Agent) execute(ctx context.Context, d RequestDuty) (bisection.Sources, error) {
	inputs := make([]*tensor.Tensor, len(d.Inputs))
	for i, enc := range d.Inputs {
		var err error
		if inputs[i], err = tensor.Decode(enc); err != nil {
			return bisection.Sources{}, fmt.Errorf("request %s input %d: %w", d.ID, i, err)
		}
	}
	if d.Generation != nil {
		var err error
		if inputs, d.InitialState, err = a.generationInputs(ctx, d); err != nil {
			return bisection.Sources{}, err
		}
	}
	start := time.Now()
	s, err := a.Kernels.Run(ctx, d.KernelID, inputs)
	if err != nil {
		return bisection.Sources{}, fmt.Errorf("request %s: %w", d.ID, err)
	}
	if (d.Generation == nil || d.InitialState != common.Hash{}) && common.Hash(s.Trace.States[0]) != d.InitialState {
		return bisection.Sources{}, fmt.Errorf("request %s: our S_0 %x differs from the chain's %x", d.ID, s.Trace.States[0], d.InitialState)
	}
	src := bisection.HonestSources(s)
	if a.Claim != nil {
		if src, err = a.Claim.Claim(s); err != nil {
			return bisection.Sources{}, err
		}
	}
	a.Log.Debug("re-executed", "request", d.ID, "nodes", len(s.Trace.States)-1, "took", time.Since(start))
	return src, nil
}

// Result is the service's result for a request: its trace's output
// tensor(s) at the kernel's bound slot(s).
func (a *Agent) Result(ctx context.Context, d RequestDuty) (market.Result, error) {
	_, tr, err := a.Session(ctx, d)
	if err != nil {
		return market.Result{}, err
	}
	slots, err := a.Kernels.Slots(ctx, d.KernelID)
	if err != nil {
		return market.Result{}, err
	}
	res, err := market.ResultFromTrace(tr, slots)
	if err != nil {
		return market.Result{}, fmt.Errorf("request %s: %w", d.ID, err)
	}
	return res, nil
}

// FinalizeIfDue finalizes the request when this service holds its
// candidate, the window has passed and no challenge is open. It reports
// whether the request needs nothing more from this service.
func (a *Agent) FinalizeIfDue(ctx context.Context, id *big.Int, r bindings.InferenceMarketRequest) (bool, error) {
	switch r.Status {
	case market.StatusFinalized, market.StatusCancelled:
		return true, nil
	case market.StatusSubmitted:
	default:
		return false, nil
	}
	if r.Submitter != a.me || r.OpenChallenges != 0 {
		return false, nil
	}
	now, err := a.Now(ctx)
	if err != nil {
		return false, err
	}
	if now < r.WindowEnd {
		return false, nil
	}
	rc, err := a.Market.Finalize(ctx, id)
	if err != nil {
		if chain.IsRevert(err, "BadRequestStatus") {
			return true, nil // someone else finalized it
		}
		return false, fmt.Errorf("finalize %s: %w", id, err)
	}
	a.Log.Info("finalized", "request", id, "gas", rc.GasUsed, "tx", rc.TxHash)
	return true, nil
}

// Withdraw pulls the service's credits, if any.
func (a *Agent) Withdraw(ctx context.Context) error {
	c, err := a.Market.Credits(ctx, a.me)
	if err != nil || c.Sign() == 0 {
		return err
	}
	rc, err := a.Market.Withdraw(ctx)
	if err != nil {
		if chain.IsRevert(err, "NothingToWithdraw") {
			return nil
		}
		return fmt.Errorf("withdraw: %w", err)
	}
	a.Log.Info("withdrew", "wei", c, "tx", rc.TxHash)
	return nil
}
