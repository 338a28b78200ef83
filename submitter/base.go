package submitter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"runtime"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/store"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Chain is what the services read from a node.
type Chain interface {
	market.Caller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// DutyStore persists duties across restarts (contracts/chain.Store).
type DutyStore interface {
	Put(bucket, key string, v any) error
	Get(bucket, key string, v any) (bool, error)
	Delete(bucket, key string) error
	Keys(bucket string) ([]string, error)
}

// Metrics counts what a service does (cmd/aivm/cli.Metrics); nil is none.
type Metrics interface {
	Inc(name string)
	Add(name string, v float64)
	Set(name string, v float64)
}

// KernelLoader returns the model and guest ELF of a registered kernel,
// verified against the record's hashes (models/store).
type KernelLoader func(ctx context.Context, rec *registry.Record) (*graph.Model, []byte, error)

// StoreLoader loads registered kernels from a content store, which checks
// the manifest, ELF and model against the record's hashes.
func StoreLoader(s *store.Store) KernelLoader {
	return func(ctx context.Context, rec *registry.Record) (*graph.Model, []byte, error) {
		k, err := s.Kernel(ctx, rec.ModelRoot, rec.PrestateHash, rec.ManifestHash)
		if err != nil {
			return nil, nil, err
		}
		return k.Model, k.ELF, nil
	}
}

// Lie makes a service dishonest, for tests and the devnet's demonstration
// of a caught lie: its graph trace has bit Bit of node Node's output
// flipped (market.Tamper) and its phase-V trace diverges at VM step VMStep
// (bisection.FaultyVM; 0 means at the kernel's exit, claiming VALID). Never set it on a real deployment.
type Lie struct {
	Node   int    `json:"node"`
	Bit    int    `json:"bit"`
	VMStep uint64 `json:"vm_step,omitempty"`
	// Forge, when set, replaces the Node/Bit tamper: it builds the liar's
	// graph trace from the honest session (wrong weights, wrong input, ...).
	Forge func(s *kernel.Session) (*graph.Trace, error) `json:"-"`
	// VM, when set, replaces FaultyVM: the liar's phase-V traces (a forged
	// preimage, a forged post-state, ...).
	VM func(s *kernel.Session) bisection.VMFunc `json:"-"`
}

// Env is everything a service runs against.
type Env struct {
	Chain    Chain
	Tx       market.Sender
	Market   *market.Client
	Registry *registry.Registry
	Kernels  KernelLoader
	Duties   DutyStore
	Metrics  Metrics
	Log      *slog.Logger
	// Workers is the native inference parallelism (0: every core).
	Workers int
	// Poll is the period of the duty loop (it also runs on every new event).
	Poll time.Duration
	// Lie, when set, makes the service dishonest (tests, devnet).
	Lie *Lie
}

// Duty buckets.
const (
	bucketRequests = "requests"
	bucketGames    = "games"
)

// RequestDuty is a request the service follows, with everything needed to
// re-execute it after a restart (the inputs exist only in the request's
// event). The slots a result is bound to are the kernel's (read from the
// registry), not the request's.
type RequestDuty struct {
	ID           string      `json:"id"`
	KernelID     common.Hash `json:"kernel_id"`
	Inputs       [][]byte    `json:"inputs"`
	InitialState common.Hash `json:"initial_state"`
	// Posted is set once this service's result is on chain (submitted, or
	// a challenge in round ChallengedRound-1).
	Posted          bool   `json:"posted"`
	ChallengedRound uint32 `json:"challenged_round,omitempty"`
	SeenAt          int64  `json:"seen_at_unix_ms"`
}

// GameDuty is a game the service is a party of. It is kept until nothing
// more is due from the service: the game is played to its end (also when
// the candidate it disputes was refuted by another game meanwhile: every
// game on a refuted candidate still decides who is paid), the challenge is
// resolved, and, for a challenger that won, its reward is claimed once the
// round it refuted is settled.
type GameDuty struct {
	GameID         string         `json:"game_id"`
	RequestID      string         `json:"request_id"`
	ChallengeIndex uint64         `json:"challenge_index"`
	Role           bisection.Role `json:"role"`
	// Decided is set once the game is over and the challenge resolved
	// (Won set when this service won it); what is left is claimReward
	// (a winning challenger) and nothing else. The chain's challenge
	// record stays the authority: the flag only spares a restarted
	// service the re-execution a finished game no longer needs.
	Decided bool `json:"decided,omitempty"`
	Won     bool `json:"won,omitempty"`
}

// Base holds the duties both services share: re-executing requests,
// playing games in either role, resolving them, finalizing the service's
// own candidates and withdrawing credits. The challenger embeds it: after a
// won game its result is the candidate, which it must finalize and defend
// exactly as a submitter does.
type Base struct {
	Env
	me common.Address

	poke     chan struct{}
	mu       sync.Mutex
	sessions map[string]*sessionEntry
	kernels  map[common.Hash]*loadedKernel
	players  map[string]*bisection.Player
}

type loadedKernel struct {
	model *graph.Model
	elf   []byte
	slots []uint32 // the slots a result is bound to (KernelRegistry.resultShape)
}

type sessionEntry struct {
	once  sync.Once
	sess  *kernel.Session
	trace *graph.Trace // this service's claimed trace (tampered when lying)
	err   error
}

// NewBase checks env and fills defaults.
func NewBase(env Env) (*Base, error) {
	if env.Chain == nil || env.Tx == nil || env.Market == nil || env.Registry == nil || env.Kernels == nil || env.Duties == nil {
		return nil, errors.New("service: chain, sender, market, registry, kernel loader and duty store are all required")
	}
	if env.Log == nil {
		env.Log = slog.New(slog.DiscardHandler)
	}
	if env.Workers <= 0 {
		env.Workers = runtime.NumCPU()
	}
	if env.Poll <= 0 {
		env.Poll = time.Second
	}
	return &Base{Env: env, me: env.Tx.Address(), poke: make(chan struct{}, 1), sessions: map[string]*sessionEntry{},
		kernels: map[common.Hash]*loadedKernel{}, players: map[string]*bisection.Player{}}, nil
}

// Poke asks the duty loop to run now.
func (b *Base) Poke() {
	select {
	case b.poke <- struct{}{}:
	default:
	}
}

// TickWith does every duty that is due: request (the service's own rule for
// each request duty), then the games, then withdrawal. Errors of one duty
// do not stop the others.
func (b *Base) TickWith(ctx context.Context, request func(context.Context, RequestDuty) error) error {
	reqs, err := b.Requests()
	if err != nil {
		return err
	}
	var errs []error
	for _, d := range reqs {
		if err := request(ctx, d); err != nil {
			errs = append(errs, fmt.Errorf("request %s: %w", d.ID, err))
		}
	}
	if err := b.PlayGames(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := b.Withdraw(ctx); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Address is the service's account.
func (b *Base) Address() common.Address { return b.me }

// Inc bumps a metric (no-op without metrics).
func (b *Base) Inc(name string) {
	if b.Metrics != nil {
		b.Metrics.Inc(name)
	}
}

func (b *Base) set(name string, v float64) {
	if b.Metrics != nil {
		b.Metrics.Set(name, v)
	}
}

// Now is the chain's time: the latest block's timestamp. Windows and clocks
// are judged by it, never by the local clock.
func (b *Base) Now(ctx context.Context) (uint64, error) {
	h, err := b.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("latest header: %w", err)
	}
	return h.Time, nil
}

func parseID(s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, fmt.Errorf("bad id %q", s)
	}
	return v, nil
}

// RecordRequest stores a request duty from its event (idempotent: a
// re-delivered event keeps the stored duty and its progress).
func (b *Base) RecordRequest(ev *bindings.InferenceMarketInferenceRequested) (RequestDuty, bool, error) {
	id := ev.RequestId.String()
	var d RequestDuty
	ok, err := b.Duties.Get(bucketRequests, id, &d)
	if err != nil || ok {
		return d, false, err
	}
	d = RequestDuty{ID: id, KernelID: ev.KernelId, Inputs: ev.Inputs, InitialState: ev.InitialState,
		SeenAt: time.Now().UnixMilli()}
	return d, true, b.Duties.Put(bucketRequests, id, d)
}

// RecordGame stores a game duty when the service is one of its parties.
func (b *Base) RecordGame(ctx context.Context, ev *bindings.InferenceMarketChallengeOpened) (bool, error) {
	key := ev.GameId.String()
	var gd GameDuty
	if ok, err := b.Duties.Get(bucketGames, key, &gd); err != nil || ok {
		return false, err
	}
	g, err := b.Market.GameRecord(ctx, ev.GameId)
	if err != nil {
		return false, err
	}
	switch b.me {
	case g.Asserter:
		gd.Role = bisection.RoleAsserter
	case g.Challenger:
		gd.Role = bisection.RoleChallenger
	default:
		return false, nil
	}
	gd.GameID, gd.RequestID, gd.ChallengeIndex = key, ev.RequestId.String(), ev.ChallengeIndex.Uint64()
	b.Log.Info("game opened", "game", key, "request", gd.RequestID, "role", gd.Role)
	return true, b.Duties.Put(bucketGames, key, gd)
}

// kernel loads (once) the model and ELF of a registered kernel.
func (b *Base) kernel(ctx context.Context, id common.Hash) (*loadedKernel, error) {
	b.mu.Lock()
	k := b.kernels[id]
	b.mu.Unlock()
	if k != nil {
		return k, nil
	}
	rec, err := b.Registry.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	m, elf, err := b.Kernels(ctx, rec)
	if err != nil {
		return nil, fmt.Errorf("kernel %s: %w", id, err)
	}
	// The chain's own view names the bound slots, so a result is built for
	// exactly what submitResult checks.
	_, slots, err := b.Registry.ResultShape(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("kernel %s: %w", id, err)
	}
	k = &loadedKernel{model: m, elf: elf, slots: slots}
	b.mu.Lock()
	b.kernels[id] = k
	b.mu.Unlock()
	return k, nil
}

// Session re-executes a request natively (once per process; a restart
// re-executes from the stored inputs) and returns it with the trace this
// service claims. The computed S_0 must equal the chain's, or the inputs or
// kernel are not what the request named.
func (b *Base) Session(ctx context.Context, d RequestDuty) (*kernel.Session, *graph.Trace, error) {
	b.mu.Lock()
	e := b.sessions[d.ID]
	if e == nil {
		e = &sessionEntry{}
		b.sessions[d.ID] = e
	}
	b.mu.Unlock()
	e.once.Do(func() { e.sess, e.trace, e.err = b.execute(ctx, d) })
	if e.err != nil {
		b.mu.Lock()
		delete(b.sessions, d.ID) // retry later (a context cancellation, a node hiccup)
		b.mu.Unlock()
	}
	return e.sess, e.trace, e.err
}

func (b *Base) execute(ctx context.Context, d RequestDuty) (*kernel.Session, *graph.Trace, error) {
	k, err := b.kernel(ctx, d.KernelID)
	if err != nil {
		return nil, nil, err
	}
	inputs := make([]*tensor.Tensor, len(d.Inputs))
	for i, enc := range d.Inputs {
		if inputs[i], err = tensor.Decode(enc); err != nil {
			return nil, nil, fmt.Errorf("request %s input %d: %w", d.ID, i, err)
		}
	}
	start := time.Now()
	s, err := kernel.NewSessionWith(ctx, k.model, inputs, k.elf, graph.Options{Workers: b.Workers})
	if err != nil {
		return nil, nil, fmt.Errorf("request %s: %w", d.ID, err)
	}
	if common.Hash(s.Trace.States[0]) != d.InitialState {
		return nil, nil, fmt.Errorf("request %s: our S_0 %x differs from the chain's %x", d.ID, s.Trace.States[0], d.InitialState)
	}
	tr := s.Trace
	switch {
	case b.Lie != nil && b.Lie.Forge != nil:
		if tr, err = b.Lie.Forge(s); err != nil {
			return nil, nil, err
		}
	case b.Lie != nil:
		if tr, err = market.Tamper(s.Trace, b.Lie.Node, b.Lie.Bit); err != nil {
			return nil, nil, err
		}
	}
	b.Log.Debug("re-executed", "request", d.ID, "nodes", s.Nodes(), "took", time.Since(start))
	return s, tr, nil
}

// Result is the service's result for a request: its trace's output
// tensor(s) at the kernel's bound slot(s).
func (b *Base) Result(ctx context.Context, d RequestDuty) (market.Result, error) {
	_, tr, err := b.Session(ctx, d)
	if err != nil {
		return market.Result{}, err
	}
	k, err := b.kernel(ctx, d.KernelID)
	if err != nil {
		return market.Result{}, err
	}
	res, err := market.ResultFromTrace(tr, k.slots)
	if err != nil {
		return market.Result{}, fmt.Errorf("request %s: %w", d.ID, err)
	}
	return res, nil
}

// send sends a transaction and decodes a revert into the contracts' errors.
func (b *Base) send(ctx context.Context, to common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	r, err := b.Tx.Send(ctx, to, data, value)
	return r, chain.Decode(err)
}

// FinalizeIfDue finalizes the request when this service holds its
// candidate, the window has passed and no challenge is open. It reports
// whether the request needs nothing more from this service.
func (b *Base) FinalizeIfDue(ctx context.Context, id *big.Int, r bindings.InferenceMarketRequest) (bool, error) {
	switch r.Status {
	case market.StatusFinalized, market.StatusCancelled:
		return true, nil
	case market.StatusSubmitted:
	default:
		return false, nil
	}
	if r.Submitter != b.me || r.OpenChallenges != 0 {
		return false, nil
	}
	now, err := b.Now(ctx)
	if err != nil {
		return false, err
	}
	if now < r.WindowEnd {
		return false, nil
	}
	rc, err := b.send(ctx, b.Market.Addr.Market, b.Market.Market.PackFinalize(id), nil)
	if err != nil {
		if chain.IsRevert(err, "BadRequestStatus") {
			return true, nil // someone else finalized it
		}
		return false, fmt.Errorf("finalize %s: %w", id, err)
	}
	b.Log.Info("finalized", "request", id, "gas", rc.GasUsed, "tx", rc.TxHash)
	return true, nil
}

// sources is what a player of a game on request d plays from.
func (b *Base) sources(ctx context.Context, d RequestDuty) (bisection.Sources, error) {
	s, tr, err := b.Session(ctx, d)
	if err != nil {
		return bisection.Sources{}, err
	}
	src := bisection.Sources{Graph: tr, Session: s}
	if b.Lie != nil {
		// A liar claims its kernel run accepted its S_k: the trace diverges
		// at VMStep (at the exit step itself when unset).
		step := b.Lie.VMStep
		if step == 0 {
			step = bisection.AtExit
		}
		src.VM = bisection.FaultyVM(s, step)
		if b.Lie.VM != nil {
			src.VM = b.Lie.VM(s)
		}
	}
	return src, nil
}

// PlayGames does what is due in each of the service's games: a move, the
// challenge's resolution once the game is decided (resolveChallenge moves
// the bonds), and a won challenge's claimReward once the candidate it
// refuted has no game left; finished duties are removed.
func (b *Base) PlayGames(ctx context.Context) error {
	keys, err := b.Duties.Keys(bucketGames)
	if err != nil {
		return err
	}
	var errs []error
	open := 0
	for _, key := range keys {
		done, err := b.playGame(ctx, key)
		if err != nil {
			errs = append(errs, fmt.Errorf("game %s: %w", key, err))
		}
		if !done {
			open++
		}
	}
	b.set("aivm_disputes_open", float64(open))
	return errors.Join(errs...)
}

func (b *Base) playGame(ctx context.Context, key string) (bool, error) {
	var gd GameDuty
	if ok, err := b.Duties.Get(bucketGames, key, &gd); err != nil || !ok {
		return true, err
	}
	reqID, err := parseID(gd.RequestID)
	if err != nil {
		return true, err
	}
	if !gd.Decided {
		decided, err := b.playAndResolve(ctx, key, &gd, reqID)
		if err != nil || !decided {
			return false, err
		}
	}
	if !gd.Won || gd.Role != bisection.RoleChallenger {
		// Nothing more: a lost challenge paid out at resolution, and an
		// asserter's pay (a lost challenger's bond) came with it too.
		return true, b.dropGame(key)
	}
	return b.claim(ctx, key, gd, reqID)
}

// playAndResolve makes the move due in an undecided game and, once the game
// is over, resolves its challenge and records the outcome in the duty. It
// reports whether the game is decided.
func (b *Base) playAndResolve(ctx context.Context, key string, gd *GameDuty, reqID *big.Int) (bool, error) {
	c, err := b.Market.Challenge(ctx, reqID, gd.ChallengeIndex)
	if err != nil {
		return false, err
	}
	if c.Status == market.ChallengeOpen {
		status, err := b.act(ctx, key, *gd)
		if err != nil || status == market.GameInProgress {
			return false, err
		}
		// Either party (or anyone) resolves; the market pays from the
		// game's status, so a second resolution is refused harmlessly.
		_, err = b.send(ctx, b.Market.Addr.Market, b.Market.Market.PackResolveChallenge(reqID, new(big.Int).SetUint64(gd.ChallengeIndex)), nil)
		if err != nil && !chain.IsRevert(err, "ChallengeNotOpen") {
			return false, fmt.Errorf("resolveChallenge: %w", err)
		}
		if c, err = b.Market.Challenge(ctx, reqID, gd.ChallengeIndex); err != nil {
			return false, err
		}
	}
	var won bool
	switch c.Status {
	case market.ChallengeWon, market.ChallengeRewarded:
		won = gd.Role == bisection.RoleChallenger
	case market.ChallengeLost:
		won = gd.Role == bisection.RoleAsserter
	default:
		return false, fmt.Errorf("challenge %s/%d has status %d after its game ended", gd.RequestID, gd.ChallengeIndex, c.Status)
	}
	if won {
		b.Inc("aivm_disputes_won_total")
	} else {
		b.Inc("aivm_disputes_lost_total")
	}
	b.Log.Info("game over", "game", gd.GameID, "request", gd.RequestID, "role", gd.Role, "won", won, "round", c.Round)
	b.mu.Lock()
	delete(b.players, key)
	b.mu.Unlock()
	gd.Decided, gd.Won = true, won
	return true, b.Duties.Put(bucketGames, key, *gd)
}

// act makes the move due from this service in game gd, if any, and returns
// the game's status.
func (b *Base) act(ctx context.Context, key string, gd GameDuty) (uint8, error) {
	b.mu.Lock()
	p := b.players[key]
	b.mu.Unlock()
	if p == nil {
		gameID, err := parseID(gd.GameID)
		if err != nil {
			return 0, err
		}
		// A game decided while the service was away needs no re-execution.
		if g, err := b.Market.GameRecord(ctx, gameID); err != nil {
			return 0, err
		} else if g.Status != market.GameInProgress {
			return g.Status, nil
		}
		var d RequestDuty
		if ok, err := b.Duties.Get(bucketRequests, gd.RequestID, &d); err != nil {
			return 0, err
		} else if !ok {
			return 0, fmt.Errorf("no stored request %s", gd.RequestID)
		}
		src, err := b.sources(ctx, d)
		if err != nil {
			return 0, err
		}
		p = &bisection.Player{Client: b.Market, Sender: b.Tx, Chain: b.Chain, GameID: gameID, Role: gd.Role, Src: src,
			Log: b.Log.With("game", gd.GameID, "role", gd.Role)}
		b.mu.Lock()
		b.players[key] = p
		b.mu.Unlock()
	}
	_, status, err := p.Act(ctx)
	return status, err
}

// claim collects a won challenge's reward: its bond (unless the bond now
// backs the candidate, the first winner's case) and its share of the
// refuted candidate's bond, payable once every game on that candidate has
// ended (RoundSettled). It reports whether the duty is done.
func (b *Base) claim(ctx context.Context, key string, gd GameDuty, reqID *big.Int) (bool, error) {
	c, err := b.Market.Challenge(ctx, reqID, gd.ChallengeIndex)
	if err != nil {
		return false, err
	}
	if c.Status == market.ChallengeRewarded {
		return true, b.dropGame(key) // someone claimed it for us (anyone may)
	}
	rd, err := b.Market.RefutedRound(ctx, reqID, c.Round)
	if err != nil {
		return false, err
	}
	if !rd.Settled {
		return false, nil // games on the refuted candidate are still running
	}
	rc, err := b.send(ctx, b.Market.Addr.Market, b.Market.PackClaimReward(reqID, gd.ChallengeIndex), nil)
	if err != nil {
		if chain.IsRevert(err, "ChallengeNotWon") {
			return true, b.dropGame(key) // claimed meanwhile
		}
		return false, fmt.Errorf("claimReward: %w", err)
	}
	amount := new(big.Int)
	for _, l := range rc.Logs {
		if market.EventName(*l) == "RewardClaimed" {
			if ev, err := b.Market.Market.UnpackRewardClaimedEvent(l); err == nil {
				amount = ev.Amount
			}
		}
	}
	b.Inc("aivm_rewards_claimed_total")
	b.Log.Info("reward claimed", "game", gd.GameID, "request", gd.RequestID, "round", c.Round, "winners", rd.Winners,
		"share", rd.Share, "wei", amount, "tx", rc.TxHash)
	return true, b.dropGame(key)
}

// dropGame forgets a game duty that needs nothing more.
func (b *Base) dropGame(key string) error {
	b.mu.Lock()
	delete(b.players, key)
	b.mu.Unlock()
	return b.Duties.Delete(bucketGames, key)
}

// Withdraw pulls the service's credits, if any.
func (b *Base) Withdraw(ctx context.Context) error {
	c, err := b.Market.Credits(ctx, b.me)
	if err != nil || c.Sign() == 0 {
		return err
	}
	rc, err := b.send(ctx, b.Market.Addr.Market, b.Market.Market.PackWithdraw(), nil)
	if err != nil {
		if chain.IsRevert(err, "NothingToWithdraw") {
			return nil
		}
		return fmt.Errorf("withdraw: %w", err)
	}
	b.Log.Info("withdrew", "wei", c, "tx", rc.TxHash)
	return nil
}

// Requests lists the stored request duties.
func (b *Base) Requests() ([]RequestDuty, error) {
	keys, err := b.Duties.Keys(bucketRequests)
	if err != nil {
		return nil, err
	}
	out := make([]RequestDuty, 0, len(keys))
	for _, k := range keys {
		var d RequestDuty
		if ok, err := b.Duties.Get(bucketRequests, k, &d); err != nil {
			return nil, err
		} else if ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// SaveRequest stores d's progress.
func (b *Base) SaveRequest(d RequestDuty) error { return b.Duties.Put(bucketRequests, d.ID, d) }

// DropRequest forgets a request that needs nothing more (and its session).
func (b *Base) DropRequest(id string) error {
	b.mu.Lock()
	delete(b.sessions, id)
	b.mu.Unlock()
	return b.Duties.Delete(bucketRequests, id)
}

// Games lists the stored game duties.
func (b *Base) Games() ([]GameDuty, error) {
	keys, err := b.Duties.Keys(bucketGames)
	if err != nil {
		return nil, err
	}
	out := make([]GameDuty, 0, len(keys))
	for _, k := range keys {
		var gd GameDuty
		if ok, err := b.Duties.Get(bucketGames, k, &gd); err != nil {
			return nil, err
		} else if ok {
			out = append(out, gd)
		}
	}
	return out, nil
}

// HasGames reports whether any game duty is still stored for request id
// (a request is kept until its games are settled).
func (b *Base) HasGames(id string) (bool, error) {
	gs, err := b.Games()
	if err != nil {
		return false, err
	}
	for _, gd := range gs {
		if gd.RequestID == id {
			return true, nil
		}
	}
	return false, nil
}
