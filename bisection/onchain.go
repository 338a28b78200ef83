package bisection

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// The on-chain player: one party of one DisputeGame (docs/protocol.md 5),
// driven by its own traces. Every decision is derived from the game record
// on chain and the party's Sources (Solver.Solve, solver.go), so a player
// created from scratch in the middle of a game (a restarted daemon) resumes
// it.

// Role is a party's side in a game.
type Role uint8

const (
	// RoleAsserter is the submitter whose S_n (and V_T) is checked.
	RoleAsserter Role = iota + 1
	// RoleChallenger disputes the asserter's claims.
	RoleChallenger
)

func (r Role) String() string {
	switch r {
	case RoleAsserter:
		return "asserter"
	case RoleChallenger:
		return "challenger"
	}
	return fmt.Sprintf("role(%d)", uint8(r))
}

// Game phases (DisputeGame.PHASE_G, PHASE_V).
const (
	PhaseG uint8 = 0
	PhaseV uint8 = 1
)

// Move kinds.
const (
	MoveSplit        = "split"
	MoveChoose       = "choose"
	MoveStartVM      = "startVMPhase"
	MoveLoadPreimage = "loadPreimage"
	MoveStep         = "step"
	MoveClaimTimeout = "claimTimeout"
)

// Sources are a party's own view of one request: its graph trace (honest,
// or a liar's, bisection/adversary) and the native kernel session (honest;
// it serves the preimages and pre-states).
type Sources struct {
	Graph   *graph.Trace
	Session *kernel.Session
	// VM, when non-nil, overrides the phase-V trace of a node (liars);
	// default: HonestVM(Session).
	VM VMFunc
}

// Chain is what a player reads besides the game record: contract views and
// the latest header (ethclient.Client and the simulated backend's client
// implement it).
type Chain interface {
	CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Move is one transaction a player sent.
type Move struct {
	Kind   string // split | choose | startVMPhase | loadPreimage | step | claimTimeout
	Phase  uint8  // the game's phase when it was sent
	Lo, Hi uint64 // the game's segment when it was sent
	Tx     common.Hash
	Gas    uint64 // the receipt's gas
	// Compute is the off-chain time spent deciding the move (traces, hashes,
	// witnesses); Chain the time from sending to the receipt.
	Compute, Chain time.Duration
}

// Player plays one game for one party: the responder around a Solver. Each
// Act reads the game's state from chain (record, K, clock, pending claims,
// the kernel's pre-state, the phase-V local data), asks the solver for the
// moves due, and packs and sends them, loading the oracle part a step reads
// first.
type Player struct {
	Client *market.Client
	Sender market.Sender
	GameID *big.Int
	Role   Role
	Src    Sources
	Log    *slog.Logger
	// Chain reads views and the latest block; nil: Client.Caller(), which
	// must then implement Chain.
	Chain Chain

	mu       sync.Mutex
	k        uint
	prestate *Hash
	local    map[uint32][2]Hash
	solver   *Solver
}

var (
	gameABI     = bindings.NewDisputeGame()
	oracleABI   = bindings.NewPreimageOracle()
	registryABI = bindings.NewKernelRegistry()
)

func (p *Player) log() *slog.Logger {
	l := p.Log
	if l == nil {
		l = slog.New(slog.DiscardHandler)
	}
	return l.With("game", p.GameID, "role", p.Role)
}

func (p *Player) chain() (Chain, error) {
	if p.Chain != nil {
		return p.Chain, nil
	}
	if c, ok := p.Client.Caller().(Chain); ok {
		return c, nil
	}
	return nil, errors.New("bisection: player needs a Chain (the client's backend cannot read headers)")
}

// view runs a read-only call.
func view[T any](ctx context.Context, c Chain, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := c.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		return zero, chain.Decode(err)
	}
	return unpack(out)
}

// arity reads the game's K once.
func (p *Player) arity(ctx context.Context, c Chain) (uint, error) {
	p.mu.Lock()
	k := p.k
	p.mu.Unlock()
	if k != 0 {
		return k, nil
	}
	v, err := view(ctx, c, p.Client.Addr.Game, gameABI.PackK(), gameABI.UnpackK)
	if err != nil {
		return 0, fmt.Errorf("bisection: read K: %w", err)
	}
	if !v.IsUint64() || v.Uint64() < MinK || v.Uint64() > MaxK {
		return 0, fmt.Errorf("bisection: game K = %s out of range", v)
	}
	p.mu.Lock()
	p.k = uint(v.Uint64())
	p.mu.Unlock()
	return uint(v.Uint64()), nil
}

// kernelPrestate reads the game's kernel's registered pre-state once.
func (p *Player) kernelPrestate(ctx context.Context, c Chain, kernelID [32]byte) (Hash, error) {
	p.mu.Lock()
	h := p.prestate
	p.mu.Unlock()
	if h != nil {
		return *h, nil
	}
	kr, err := view(ctx, c, p.Client.Addr.Registry, registryABI.PackGetKernel(kernelID), registryABI.UnpackGetKernel)
	if err != nil {
		return Hash{}, fmt.Errorf("bisection: read kernel: %w", err)
	}
	p.mu.Lock()
	p.prestate = &kr.PrestateHash
	p.mu.Unlock()
	return kr.PrestateHash, nil
}

// localData reads (once per node) the (S_{k-1}, S_k) of the phase-V node:
// they are not in the game record once phase V runs, but in the local
// data startVMPhase loaded (part 8 of idents 1 and 2).
func (p *Player) localData(ctx context.Context, c Chain, node uint32) ([2]Hash, error) {
	p.mu.Lock()
	d, ok := p.local[node]
	p.mu.Unlock()
	if ok {
		return d, nil
	}
	for i, ident := range []uint32{kernel.LocalPrev, kernel.LocalClaimed} {
		key, err := p.localizedKey(ctx, c, node, ident)
		if err != nil {
			return d, err
		}
		if d[i], err = view(ctx, c, p.Client.Addr.Oracle, oracleABI.PackPreimageParts(key, big.NewInt(8)),
			oracleABI.UnpackPreimageParts); err != nil {
			return d, fmt.Errorf("bisection: read local datum %d: %w", ident, err)
		}
	}
	p.mu.Lock()
	if p.local == nil {
		p.local = map[uint32][2]Hash{}
	}
	p.local[node] = d
	p.mu.Unlock()
	return d, nil
}

// State reads what the solver decides game p.GameID from. The claims (a
// challenger's, while a split is pending), the pre-state and the local data
// (phase V) are read only when a move of the player's role can need them.
func (p *Player) State(ctx context.Context) (GameState, error) {
	c, err := p.chain()
	if err != nil {
		return GameState{}, err
	}
	g, err := p.Client.GameRecord(ctx, p.GameID)
	if err != nil {
		return GameState{}, err
	}
	st := GameState{Game: g}
	if g.Status != market.GameInProgress {
		return st, nil
	}
	me := p.Sender.Address()
	if want := map[Role]common.Address{RoleAsserter: g.Asserter, RoleChallenger: g.Challenger}[p.Role]; want != me {
		return st, fmt.Errorf("bisection: game %s's %s is %s, the sender is %s", p.GameID, p.Role, want, me)
	}
	if st.K, err = p.arity(ctx, c); err != nil {
		return st, err
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("bisection: latest header: %w", err)
	}
	st.Now = head.Time
	seg := Segment{Lo: g.Lo, Hi: g.Hi}
	if g.SplitPending && p.Role == RoleChallenger {
		m := Parts(seg, st.K)
		if m == 0 {
			return st, fmt.Errorf("bisection: split pending on %v with k=%d", seg, st.K)
		}
		if st.Claims, err = p.Client.Claims(ctx, p.GameID, int(m-1)); err != nil {
			return st, err
		}
	}
	if g.Phase == PhaseV || seg.IsStep() {
		if st.Prestate, err = p.kernelPrestate(ctx, c, g.KernelId); err != nil {
			return st, err
		}
	}
	if g.Phase == PhaseV {
		if st.Local, err = p.localData(ctx, c, g.Node); err != nil {
			return st, err
		}
	}
	return st, nil
}

func (p *Player) solve() *Solver {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.solver == nil {
		p.solver = &Solver{Role: p.Role, Src: p.Src, Log: p.log()}
	}
	return p.solver
}

// Act reads the game and makes the moves due from this player, if any
// (Solver.Solve). It returns the moves sent and the game's status after
// them (0 while in progress). Nothing is kept between calls but caches.
func (p *Player) Act(ctx context.Context) (moves []Move, status uint8, err error) {
	if p.Role != RoleAsserter && p.Role != RoleChallenger {
		return nil, 0, fmt.Errorf("bisection: invalid role %d", p.Role)
	}
	st, err := p.State(ctx)
	if err != nil {
		return nil, 0, err
	}
	if st.Game.Status != market.GameInProgress {
		return nil, st.Game.Status, nil
	}
	actions, err := p.solve().Solve(ctx, st)
	if err != nil {
		return nil, 0, err
	}
	if len(actions) == 0 {
		return nil, 0, nil
	}
	for _, a := range actions {
		mv, err := p.respond(ctx, st, a)
		moves = append(moves, mv...)
		if err != nil {
			return moves, 0, err
		}
	}
	return p.finish(ctx, moves)
}

// respond packs and sends one action; a step is preceded by loading the
// keccak oracle part it reads, unless already loaded.
func (p *Player) respond(ctx context.Context, st GameState, a Action) ([]Move, error) {
	var data []byte
	to := p.Client.Addr.Game
	switch a.Kind {
	case MoveSplit:
		data = gameABI.PackSplit(p.GameID, a.Claims)
	case MoveChoose:
		data = gameABI.PackChoose(p.GameID, new(big.Int).SetUint64(a.Choice))
	case MoveStartVM:
		data = gameABI.PackStartVMPhase(p.GameID, a.VT, a.Claims)
	case MoveClaimTimeout:
		data = gameABI.PackClaimTimeout(p.GameID)
	case MoveStep:
		data = gameABI.PackStep(p.GameID, a.Witness.State, a.Witness.Proof)
	default:
		return nil, fmt.Errorf("bisection: unknown action %q", a.Kind)
	}
	var moves []Move
	if a.Part != nil {
		mv, err := p.loadPart(ctx, st.Game, *a.Part)
		if err != nil {
			return nil, err
		}
		moves = append(moves, mv...)
	}
	mv, err := p.send(ctx, a.Kind, st.Game, to, data, a.Compute)
	if err != nil {
		return moves, err
	}
	return append(moves, mv), nil
}

// loadPart makes sure the oracle part a step reads is on chain: a keccak
// part anyone may load is loaded when missing; a local datum must already
// be there (the game loaded it at startVMPhase).
func (p *Player) loadPart(ctx context.Context, g bindings.DisputeGameGame, part kernel.Part) ([]Move, error) {
	c, err := p.chain()
	if err != nil {
		return nil, err
	}
	key := part.Key
	if part.Local {
		if key, err = p.localizedKey(ctx, c, g.Node, part.Ident); err != nil {
			return nil, err
		}
	}
	n, err := view(ctx, c, p.Client.Addr.Oracle, oracleABI.PackPreimagePartLengths(key, new(big.Int).SetUint64(part.Offset)),
		oracleABI.UnpackPreimagePartLengths)
	if err != nil {
		return nil, fmt.Errorf("bisection: read oracle part: %w", err)
	}
	switch {
	case n.Sign() != 0:
		return nil, nil
	case part.Local:
		return nil, fmt.Errorf("bisection: step %d reads local datum %d at %d, which the game did not load", g.Lo, part.Ident, part.Offset)
	}
	p.log().Info("loading oracle part", "key", common.Hash(part.Key), "offset", part.Offset, "size", len(part.Data))
	mv, err := p.send(ctx, MoveLoadPreimage, g, p.Client.Addr.Oracle,
		oracleABI.PackLoadKeccak256PreimagePart(new(big.Int).SetUint64(part.Offset), part.Data), 0)
	if err != nil {
		return nil, err
	}
	return []Move{mv}, nil
}

// finish re-reads the status after moves.
func (p *Player) finish(ctx context.Context, moves []Move) ([]Move, uint8, error) {
	g, err := p.Client.GameRecord(ctx, p.GameID)
	if err != nil {
		return moves, 0, err
	}
	if g.Status != market.GameInProgress {
		p.log().Info("game resolved", "status", g.Status, "winner", WinnerName(g.Status))
	}
	return moves, g.Status, nil
}

// localizedKey is the oracle key of local datum ident of node in this game.
func (p *Player) localizedKey(ctx context.Context, c Chain, node uint32, ident uint32) ([32]byte, error) {
	lc, err := view(ctx, c, p.Client.Addr.Game, gameABI.PackLocalContext(p.GameID, node), gameABI.UnpackLocalContext)
	if err != nil {
		return [32]byte{}, fmt.Errorf("bisection: localContext: %w", err)
	}
	key, err := view(ctx, c, p.Client.Addr.Oracle, oracleABI.PackLocalizeKey(kernel.LocalKey(ident), p.Client.Addr.Game, lc),
		oracleABI.UnpackLocalizeKey)
	if err != nil {
		return [32]byte{}, fmt.Errorf("bisection: localizeKey: %w", err)
	}
	return key, nil
}

// send sends one move and records it.
func (p *Player) send(ctx context.Context, kind string, g bindings.DisputeGameGame, to common.Address, data []byte, compute time.Duration) (Move, error) {
	t0 := time.Now()
	r, err := p.Sender.Send(ctx, to, data, nil)
	if err != nil {
		return Move{}, fmt.Errorf("bisection: %s: %w", kind, chain.Decode(err))
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return Move{}, fmt.Errorf("bisection: %s: transaction %s reverted", kind, r.TxHash)
	}
	return Move{Kind: kind, Phase: g.Phase, Lo: g.Lo, Hi: g.Hi, Tx: r.TxHash, Gas: r.GasUsed,
		Compute: compute, Chain: time.Since(t0)}, nil
}

// Play calls Act until the game is resolved, waiting poll between tries;
// give it a context with a deadline. It returns the final status and every
// move it made. An error that repeats three times in a row ends it (a lost
// race, such as the opponent resolving the game first, clears on the next
// read).
func (p *Player) Play(ctx context.Context, poll time.Duration) (status uint8, moves []Move, err error) {
	fails := 0
	for {
		mv, st, err := p.Act(ctx)
		moves = append(moves, mv...)
		switch {
		case err == nil && st != market.GameInProgress:
			return st, moves, nil
		case err != nil:
			if ctx.Err() != nil {
				return 0, moves, ctx.Err()
			}
			fails++
			p.log().Warn("move failed", "err", err, "attempt", fails)
			if fails >= 3 {
				return 0, moves, err
			}
		default:
			fails = 0
		}
		select {
		case <-ctx.Done():
			return 0, moves, ctx.Err()
		case <-time.After(poll):
		}
	}
}
