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
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// The on-chain player: one party of one DisputeGame (docs/protocol.md 5),
// driven by its own traces. Every decision is derived from the game record
// on chain and the party's Sources, so a player created from scratch in the
// middle of a game (a restarted daemon) resumes it.

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

// Player plays one game for one party.
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

	mu  sync.Mutex
	k   uint
	vms map[uint32]*nodeSource
}

type nodeSource struct {
	prev, claimed [32]byte
	src           VMSource
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

// Act reads the game and makes the one move due from this player, if any:
// a split (asserter) or a choice (challenger) from its own traces, the
// phase-V start with the first phase-V split (asserter), the final step (either role, only when the
// step decides for it, with the keccak oracle part it reads loaded first),
// or claimTimeout when the opponent's clock has run out by the latest
// block's timestamp. It returns the moves sent and the game's status after
// them (0 while in progress). Nothing is kept between calls but caches.
func (p *Player) Act(ctx context.Context) (moves []Move, status uint8, err error) {
	if p.Role != RoleAsserter && p.Role != RoleChallenger {
		return nil, 0, fmt.Errorf("bisection: invalid role %d", p.Role)
	}
	c, err := p.chain()
	if err != nil {
		return nil, 0, err
	}
	g, err := p.Client.GameRecord(ctx, p.GameID)
	if err != nil {
		return nil, 0, err
	}
	if g.Status != market.GameInProgress {
		return nil, g.Status, nil
	}
	me := p.Sender.Address()
	if want := map[Role]common.Address{RoleAsserter: g.Asserter, RoleChallenger: g.Challenger}[p.Role]; want != me {
		return nil, 0, fmt.Errorf("bisection: game %s's %s is %s, the sender is %s", p.GameID, p.Role, want, me)
	}
	k, err := p.arity(ctx, c)
	if err != nil {
		return nil, 0, err
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("bisection: latest header: %w", err)
	}

	asserterDue := !g.SplitPending
	mine := asserterDue == (p.Role == RoleAsserter)
	var elapsed uint64
	if last := g.LastMoveAt.Uint64(); head.Time > last {
		elapsed = head.Time - last
	}
	remaining := g.ChallengerClock
	if asserterDue {
		remaining = g.AsserterClock
	}
	seg := Segment{Lo: g.Lo, Hi: g.Hi}
	log := p.log().With("phase", phaseName(g.Phase), "segment", seg)
	if elapsed > remaining {
		if mine {
			log.Error("our clock ran out: the opponent can claim the timeout", "elapsed", elapsed, "remaining", remaining)
			return nil, 0, nil
		}
		log.Info("opponent's clock ran out: claiming the timeout", "elapsed", elapsed, "remaining", remaining)
		mv, err := p.send(ctx, MoveClaimTimeout, g, p.Client.Addr.Game, gameABI.PackClaimTimeout(p.GameID), 0)
		if err != nil {
			return nil, 0, err
		}
		return p.finish(ctx, []Move{mv})
	}

	switch {
	case g.Phase == PhaseV && seg.IsStep():
		moves, err = p.finalStep(ctx, c, g, log)
	case !mine:
		return nil, 0, nil
	case g.SplitPending:
		moves, err = p.choose(ctx, g, k, log)
	case g.Phase == PhaseG && seg.IsStep():
		moves, err = p.startVM(ctx, c, g, k, log)
	default:
		moves, err = p.split(ctx, c, g, k, log)
	}
	if err != nil {
		return moves, 0, err
	}
	if len(moves) == 0 {
		return nil, 0, nil
	}
	return p.finish(ctx, moves)
}

// finish re-reads the status after moves.
func (p *Player) finish(ctx context.Context, moves []Move) ([]Move, uint8, error) {
	g, err := p.Client.GameRecord(ctx, p.GameID)
	if err != nil {
		return moves, 0, err
	}
	if g.Status != market.GameInProgress {
		p.log().Info("game resolved", "status", g.Status, "winner", winner(g.Status))
	}
	return moves, g.Status, nil
}

func winner(status uint8) string {
	switch status {
	case market.GameAsserterWins:
		return "asserter"
	case market.GameChallengerWin:
		return "challenger"
	}
	return ""
}

func phaseName(ph uint8) string {
	if ph == PhaseV {
		return "V"
	}
	return "G"
}

// round is the 1-based round a move on a segment of length d belongs to in
// a phase of span `span` (exact when every earlier choice took a longest
// sub-segment, as k-ary dissection of 2^32 with k a power of two always
// does).
func round(span, d uint64, k uint) int {
	return MaxRounds(span, k) - MaxRounds(d, k) + 1
}

// provider is the trace the party plays the game's current phase with.
func (p *Player) provider(ctx context.Context, c Chain, g bindings.DisputeGameGame) (TraceProvider, uint64, error) {
	if g.Phase == PhaseV {
		src, err := p.vmSource(ctx, c, g)
		if err != nil {
			return nil, 0, err
		}
		if g.Lo == 0 {
			// The agreed V_0 is the registered kernel's pre-state: a source
			// built from another guest or model would disagree everywhere.
			h, err := src.StateHash(ctx, 0)
			if err != nil {
				return nil, 0, err
			}
			if h != g.LoHash {
				return nil, 0, fmt.Errorf("bisection: our kernel pre-state %x is not the game's %x (another guest build or model?)", h, g.LoHash)
			}
		}
		return src, VMSpan, nil
	}
	if p.Src.Graph == nil {
		return nil, 0, errors.New("bisection: no graph trace")
	}
	return GraphStates(p.Src.Graph.States), uint64(len(p.Src.Graph.States) - 1), nil
}

func (p *Player) split(ctx context.Context, c Chain, g bindings.DisputeGameGame, k uint, log *slog.Logger) ([]Move, error) {
	t0 := time.Now()
	tp, span, err := p.provider(ctx, c, g)
	if err != nil {
		return nil, err
	}
	seg := Segment{Lo: g.Lo, Hi: g.Hi}
	claims, err := HonestSplit(ctx, tp, seg, k)
	if err != nil {
		return nil, err
	}
	compute := time.Since(t0)
	log.Info("split", "round", round(span, seg.Len(), k), "points", len(claims))
	mv, err := p.send(ctx, MoveSplit, g, p.Client.Addr.Game, gameABI.PackSplit(p.GameID, claims), compute)
	if err != nil {
		return nil, err
	}
	return []Move{mv}, nil
}

func (p *Player) choose(ctx context.Context, g bindings.DisputeGameGame, k uint, log *slog.Logger) ([]Move, error) {
	c, err := p.chain()
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	seg := Segment{Lo: g.Lo, Hi: g.Hi}
	m := Parts(seg, k)
	if m == 0 {
		return nil, fmt.Errorf("bisection: split pending on %v with k=%d", seg, k)
	}
	claims, err := p.Client.Claims(ctx, p.GameID, int(m-1))
	if err != nil {
		return nil, err
	}
	tp, span, err := p.provider(ctx, c, g)
	if err != nil {
		return nil, err
	}
	ch, err := HonestChoice(ctx, tp, seg, claims, k)
	if err != nil {
		return nil, err
	}
	compute := time.Since(t0)
	log.Info("choose", "round", round(span, seg.Len(), k), "j", ch.Index, "next", ch.Segment)
	mv, err := p.send(ctx, MoveChoose, g, p.Client.Addr.Game,
		gameABI.PackChoose(p.GameID, new(big.Int).SetUint64(ch.Index)), compute)
	if err != nil {
		return nil, err
	}
	return []Move{mv}, nil
}

// startVM ends phase G at node hi and opens phase V in one move
// (DisputeGame.startVMPhase, docs/protocol.md 4.3): the party's V_T and its
// first phase-V split, its claims at the split points of [0, VMSpan], so
// the challenger's choice is due next and the asserter's following split is
// phase V's second round.
func (p *Player) startVM(ctx context.Context, c Chain, g bindings.DisputeGameGame, k uint, log *slog.Logger) ([]Move, error) {
	t0 := time.Now()
	node := uint32(g.Hi)
	src, err := p.source(ctx, node, g.LoHash, g.HiHash)
	if err != nil {
		return nil, err
	}
	// Phase V starts at the registered kernel's pre-state: a source built
	// from another guest or model would disagree with it everywhere.
	kr, err := view(ctx, c, p.Client.Addr.Registry, registryABI.PackGetKernel(g.KernelId), registryABI.UnpackGetKernel)
	if err != nil {
		return nil, fmt.Errorf("bisection: read kernel: %w", err)
	}
	h0, err := src.StateHash(ctx, 0)
	if err != nil {
		return nil, err
	}
	if h0 != kr.PrestateHash {
		return nil, fmt.Errorf("bisection: our kernel pre-state %x is not the game's %x (another guest build or model?)", h0, kr.PrestateHash)
	}
	root := Segment{Lo: 0, Hi: VMSpan}
	claims, err := HonestSplit(ctx, src, root, k)
	if err != nil {
		return nil, err
	}
	vt := src.FinalHash()
	compute := time.Since(t0)
	if vt[0] != mips.StatusValid {
		// An honest asserter's kernel run accepts its own S_k; this one does
		// not, so its S_k (and the result it posted) is wrong. It still posts
		// what its trace says; the game refuses it (BadVMFinalState).
		log.Error("OUR KERNEL RUN REJECTS OUR OWN CLAIM: posting its non-VALID V_T anyway; the game will refuse it and we will lose",
			"node", node, "status", vt[0], "vt", common.Hash(vt))
	} else {
		log.Info("phase G ended: starting phase V with its first split", "node", node, "vt", common.Hash(vt),
			"round", round(VMSpan, root.Len(), k), "points", len(claims))
	}
	mv, err := p.send(ctx, MoveStartVM, g, p.Client.Addr.Game, gameABI.PackStartVMPhase(p.GameID, vt, claims), compute)
	if err != nil {
		return nil, err
	}
	return []Move{mv}, nil
}

// finalStep sends MIPS.step on the agreed pre-state when it decides the
// game for this player (either role may send it; an honest party's step
// wins exactly when its trace is the truth), after loading the keccak
// oracle part it reads, unless already loaded.
func (p *Player) finalStep(ctx context.Context, c Chain, g bindings.DisputeGameGame, log *slog.Logger) ([]Move, error) {
	t0 := time.Now()
	src, err := p.vmSource(ctx, c, g)
	if err != nil {
		return nil, err
	}
	w, err := src.Witness(g.Lo)
	if err != nil {
		return nil, fmt.Errorf("bisection: witness of step %d: %w", g.Lo, err)
	}
	if pre := mips.StateHashOf(w.State); pre != g.LoHash {
		return nil, fmt.Errorf("bisection: our state %d hashes to %x, the game's agreed pre-state is %x: cannot step",
			g.Lo, pre, g.LoHash)
	}
	post, err := mips.VerifyStep(w)
	if err != nil {
		return nil, fmt.Errorf("bisection: step %d does not verify off chain: %w", g.Lo, err)
	}
	compute := time.Since(t0)
	asserterWins := post == g.HiHash
	if asserterWins != (p.Role == RoleAsserter) {
		log.Info("final step decides for the opponent: not sending it", "step", g.Lo,
			"post", common.Hash(post), "claimed", common.Hash(g.HiHash))
		return nil, nil
	}
	var moves []Move
	if part, ok := kernel.StepPart(w); ok {
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
		case part.Local:
			return nil, fmt.Errorf("bisection: step %d reads local datum %d at %d, which the game did not load", g.Lo, part.Ident, part.Offset)
		default:
			log.Info("loading oracle part", "key", common.Hash(part.Key), "offset", part.Offset, "size", len(part.Data))
			mv, err := p.send(ctx, MoveLoadPreimage, g, p.Client.Addr.Oracle,
				oracleABI.PackLoadKeccak256PreimagePart(new(big.Int).SetUint64(part.Offset), part.Data), 0)
			if err != nil {
				return nil, err
			}
			moves = append(moves, mv)
		}
	}
	log.Info("final step", "step", g.Lo, "post", common.Hash(post), "asserterWins", asserterWins)
	mv, err := p.send(ctx, MoveStep, g, p.Client.Addr.Game, gameABI.PackStep(p.GameID, w.State, w.Proof), compute)
	if err != nil {
		return moves, err
	}
	return append(moves, mv), nil
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

// vmSource is the party's VMSource of the game's phase-V node. The request
// (S_{k-1}, S_k) is not in the game record once phase V runs; it is read
// back from the local data startVMPhase loaded (part 8 of idents 1 and 2).
func (p *Player) vmSource(ctx context.Context, c Chain, g bindings.DisputeGameGame) (VMSource, error) {
	if g.Phase != PhaseV {
		return nil, errors.New("bisection: no VM source before phase V")
	}
	p.mu.Lock()
	ns := p.vms[g.Node]
	p.mu.Unlock()
	if ns != nil {
		return ns.src, nil
	}
	var data [2][32]byte
	for i, ident := range []uint32{kernel.LocalPrev, kernel.LocalClaimed} {
		key, err := p.localizedKey(ctx, c, g.Node, ident)
		if err != nil {
			return nil, err
		}
		if data[i], err = view(ctx, c, p.Client.Addr.Oracle, oracleABI.PackPreimageParts(key, big.NewInt(8)),
			oracleABI.UnpackPreimageParts); err != nil {
			return nil, fmt.Errorf("bisection: read local datum %d: %w", ident, err)
		}
	}
	return p.source(ctx, g.Node, data[0], data[1])
}

// source builds (once per node) the party's VMSource of node's request.
func (p *Player) source(ctx context.Context, node uint32, prev, claimed [32]byte) (VMSource, error) {
	p.mu.Lock()
	if ns := p.vms[node]; ns != nil && ns.prev == prev && ns.claimed == claimed {
		p.mu.Unlock()
		return ns.src, nil
	}
	p.mu.Unlock()
	f := p.Src.VM
	if f == nil {
		if p.Src.Session == nil {
			return nil, errors.New("bisection: no kernel session")
		}
		f = HonestVM(p.Src.Session)
	}
	t0 := time.Now()
	src, err := f(ctx, node, prev, claimed)
	if err != nil {
		return nil, err
	}
	p.log().Info("kernel trace built", "node", node, "took", time.Since(t0).Round(time.Millisecond))
	p.mu.Lock()
	if p.vms == nil {
		p.vms = map[uint32]*nodeSource{}
	}
	p.vms[node] = &nodeSource{prev: prev, claimed: claimed, src: src}
	p.mu.Unlock()
	return src, nil
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
