package bisection

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// The solver is the pure half of a player: from a game's state (what the
// responder read from chain) and the party's own traces it decides the
// moves due, without touching the chain. The responder (Player, onchain.go)
// reads the state, packs the actions and sends them. op-challenger splits
// game_solver.go and responder.go the same way.

// GameState is everything the solver decides from.
type GameState struct {
	// Game is the game's record (DisputeGame.getGame).
	Game bindings.DisputeGameGame
	// K is the game's arity.
	K uint
	// Now is the latest block's timestamp (clocks are judged by it).
	Now uint64
	// Claims are the pending split's claims (m - 1 of them; read only
	// while a split is pending).
	Claims []Hash
	// Prestate is the kernel's registered pre-state V_0: phase V starts
	// from it (read only when phase V is started or played).
	Prestate Hash
	// Local are the phase-V node's (S_{k-1}, S_k) as the game loaded them
	// for the kernel run (read only in phase V).
	Local [2]Hash
}

// Action is one move the solver decides.
type Action struct {
	Kind string // MoveSplit, MoveChoose, MoveStartVM, MoveStep, MoveClaimTimeout
	// Claims are the party's hashes at the split points (split,
	// startVMPhase: phase V's first split).
	Claims []Hash
	// Choice is the sub-segment a challenger disputes (choose).
	Choice uint64
	// VT is the asserter's final VM state (startVMPhase).
	VT Hash
	// Witness is the step's pre-state and proof (step); Part, when set, is
	// the oracle part the step reads, which must be on chain first.
	Witness *mips.StepWitness
	Part    *kernel.Part
	// Compute is the off-chain time spent deciding it.
	Compute time.Duration
}

// Solver decides one party's moves from its traces.
type Solver struct {
	Role Role
	Src  Sources
	Log  *slog.Logger

	mu  sync.Mutex
	vms map[uint32]*nodeSource
}

type nodeSource struct {
	prev, claimed [32]byte
	src           VMSource
}

func (s *Solver) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// Solve returns the moves due from the solver's party in game state st,
// in order (none when the opponent is due, or when the only possible move
// is one that would lose): a split (asserter) or a choice (challenger)
// from its own traces, the phase-V start with the first phase-V split
// (asserter), the final step (either role, only when the step decides for
// it), or claimTimeout when the opponent's clock has run out by st.Now.
func (s *Solver) Solve(ctx context.Context, st GameState) ([]Action, error) {
	if s.Role != RoleAsserter && s.Role != RoleChallenger {
		return nil, fmt.Errorf("bisection: invalid role %d", s.Role)
	}
	g := st.Game
	if g.Status != market.GameInProgress {
		return nil, nil
	}
	asserterDue := !g.SplitPending
	mine := asserterDue == (s.Role == RoleAsserter)
	expired, elapsed, remaining := TimeoutDue(g, st.Now)
	seg := Segment{Lo: g.Lo, Hi: g.Hi}
	log := s.log().With("phase", PhaseName(g.Phase), "segment", seg)
	if expired {
		if mine {
			log.Error("our clock ran out: the opponent can claim the timeout", "elapsed", elapsed, "remaining", remaining)
			return nil, nil
		}
		log.Info("opponent's clock ran out: claiming the timeout", "elapsed", elapsed, "remaining", remaining)
		return []Action{{Kind: MoveClaimTimeout}}, nil
	}
	var a *Action
	var err error
	t0 := time.Now()
	switch {
	case g.Phase == PhaseV && seg.IsStep():
		a, err = s.finalStep(ctx, st, log)
	case !mine:
		return nil, nil
	case g.SplitPending:
		a, err = s.choose(ctx, st, log)
	case g.Phase == PhaseG && seg.IsStep():
		a, err = s.startVM(ctx, st, log)
	default:
		a, err = s.split(ctx, st, log)
	}
	if err != nil || a == nil {
		return nil, err
	}
	a.Compute = time.Since(t0)
	return []Action{*a}, nil
}

// phase is the one phase selector: the trace the party plays the game's
// current phase with, and the phase's span. Phase V's trace is the kernel
// run of the game's node on the local data the game loaded, checked
// against the registered pre-state when it is built (vm).
func (s *Solver) phase(ctx context.Context, st GameState) (TraceProvider, uint64, error) {
	if st.Game.Phase == PhaseV {
		src, err := s.vm(ctx, st.Game.Node, st.Local[0], st.Local[1], st.Prestate)
		if err != nil {
			return nil, 0, err
		}
		return src, VMSpan, nil
	}
	if s.Src.Graph == nil {
		return nil, 0, errors.New("bisection: no graph trace")
	}
	return GraphStates(s.Src.Graph.States), uint64(len(s.Src.Graph.States) - 1), nil
}

// round is the 1-based round a move on a segment of length d belongs to in
// a phase of span `span` (exact when every earlier choice took a longest
// sub-segment, as k-ary dissection of 2^32 with k a power of two always
// does).
func round(span, d uint64, k uint) int {
	return MaxRounds(span, k) - MaxRounds(d, k) + 1
}

func (s *Solver) split(ctx context.Context, st GameState, log *slog.Logger) (*Action, error) {
	tp, span, err := s.phase(ctx, st)
	if err != nil {
		return nil, err
	}
	seg := Segment{Lo: st.Game.Lo, Hi: st.Game.Hi}
	claims, err := HonestSplit(ctx, tp, seg, st.K)
	if err != nil {
		return nil, err
	}
	log.Info("split", "round", round(span, seg.Len(), st.K), "points", len(claims))
	return &Action{Kind: MoveSplit, Claims: claims}, nil
}

func (s *Solver) choose(ctx context.Context, st GameState, log *slog.Logger) (*Action, error) {
	seg := Segment{Lo: st.Game.Lo, Hi: st.Game.Hi}
	tp, span, err := s.phase(ctx, st)
	if err != nil {
		return nil, err
	}
	ch, err := HonestChoice(ctx, tp, seg, st.Claims, st.K)
	if err != nil {
		return nil, err
	}
	log.Info("choose", "round", round(span, seg.Len(), st.K), "j", ch.Index, "next", ch.Segment)
	return &Action{Kind: MoveChoose, Choice: ch.Index}, nil
}

// startVM ends phase G at node hi and opens phase V in one move
// (DisputeGame.startVMPhase, docs/protocol.md 4.3): the party's V_T and its
// first phase-V split, its claims at the split points of [0, VMSpan], so
// the challenger's choice is due next and the asserter's following split is
// phase V's second round.
func (s *Solver) startVM(ctx context.Context, st GameState, log *slog.Logger) (*Action, error) {
	g := st.Game
	node := uint32(g.Hi)
	src, err := s.vm(ctx, node, g.LoHash, g.HiHash, st.Prestate)
	if err != nil {
		return nil, err
	}
	root := Segment{Lo: 0, Hi: VMSpan}
	claims, err := HonestSplit(ctx, src, root, st.K)
	if err != nil {
		return nil, err
	}
	vt := src.FinalHash()
	if vt[0] != mips.StatusValid {
		// An honest asserter's kernel run accepts its own S_k; this one does
		// not, so its S_k (and the result it posted) is wrong. It still posts
		// what its trace says; the game refuses it (BadVMFinalState).
		log.Error("OUR KERNEL RUN REJECTS OUR OWN CLAIM: posting its non-VALID V_T anyway; the game will refuse it and we will lose",
			"node", node, "status", vt[0], "vt", common.Hash(vt))
	} else {
		log.Info("phase G ended: starting phase V with its first split", "node", node, "vt", common.Hash(vt),
			"round", round(VMSpan, root.Len(), st.K), "points", len(claims))
	}
	return &Action{Kind: MoveStartVM, VT: vt, Claims: claims}, nil
}

// finalStep is MIPS.step on the agreed pre-state when it decides the game
// for this party (either role may send it; an honest party's step wins
// exactly when its trace is the truth), with the oracle part it reads.
func (s *Solver) finalStep(ctx context.Context, st GameState, log *slog.Logger) (*Action, error) {
	g := st.Game
	tp, _, err := s.phase(ctx, st)
	if err != nil {
		return nil, err
	}
	w, err := tp.(VMSource).Witness(g.Lo)
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
	asserterWins := post == g.HiHash
	if asserterWins != (s.Role == RoleAsserter) {
		log.Info("final step decides for the opponent: not sending it", "step", g.Lo,
			"post", common.Hash(post), "claimed", common.Hash(g.HiHash))
		return nil, nil
	}
	a := &Action{Kind: MoveStep, Witness: w}
	if part, ok := kernel.StepPart(w); ok {
		a.Part = &part
	}
	log.Info("final step", "step", g.Lo, "post", common.Hash(post), "asserterWins", asserterWins)
	return a, nil
}

// vm builds (once per node and local data) the party's VMSource of node's
// kernel run on (prev, claimed), and checks, once, that it starts at the
// registered kernel's pre-state: a source built from another guest or
// model would disagree with the game everywhere.
func (s *Solver) vm(ctx context.Context, node uint32, prev, claimed, prestate [32]byte) (VMSource, error) {
	s.mu.Lock()
	if ns := s.vms[node]; ns != nil && ns.prev == prev && ns.claimed == claimed {
		s.mu.Unlock()
		return ns.src, nil
	}
	s.mu.Unlock()
	f := s.Src.VM
	if f == nil {
		if s.Src.Session == nil {
			return nil, errors.New("bisection: no kernel session")
		}
		f = HonestVM(s.Src.Session)
	}
	t0 := time.Now()
	src, err := f(ctx, node, prev, claimed)
	if err != nil {
		return nil, err
	}
	h0, err := src.StateHash(ctx, 0)
	if err != nil {
		return nil, err
	}
	if h0 != prestate {
		return nil, fmt.Errorf("bisection: our kernel pre-state %x is not the game's %x (another guest build or model?)", h0, prestate)
	}
	s.log().Info("kernel trace built", "node", node, "took", time.Since(t0).Round(time.Millisecond))
	s.mu.Lock()
	if s.vms == nil {
		s.vms = map[uint32]*nodeSource{}
	}
	s.vms[node] = &nodeSource{prev: prev, claimed: claimed, src: src}
	s.mu.Unlock()
	return src, nil
}

// PhaseName names a game phase: "G" (graph) or "V" (VM).
func PhaseName(ph uint8) string {
	if ph == PhaseV {
		return "V"
	}
	return "G"
}

// WinnerName names the side that won a game of status ("" while in
// progress).
func WinnerName(status uint8) string {
	switch status {
	case market.GameAsserterWins:
		return RoleAsserter.String()
	case market.GameChallengerWins:
		return RoleChallenger.String()
	}
	return ""
}

// TimeoutDue reports whether the side due to move in game g has used more
// than its remaining time at chain time now, so that anyone may claim the
// timeout (docs/protocol.md 5.3), with the elapsed and remaining seconds.
// The asserter is due unless a split is pending.
func TimeoutDue(g bindings.DisputeGameGame, now uint64) (due bool, elapsed, remaining uint64) {
	if last := g.LastMoveAt.Uint64(); now > last {
		elapsed = now - last
	}
	remaining = g.ChallengerClock
	if !g.SplitPending {
		remaining = g.AsserterClock
	}
	return elapsed > remaining, elapsed, remaining
}
