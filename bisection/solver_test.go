package bisection

import (
	"context"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/vm"
)

// solverFixture: a graph trace of 41 nodes and the real VM trace of the
// hello guest as every node's kernel run.
type solverFixture struct {
	states GraphStates
	vm     *vm.Trace
	v0     Hash
}

func newSolverFixture(t *testing.T) *solverFixture {
	t.Helper()
	states := make(GraphStates, 42)
	for i := range states {
		states[i] = merkle.Hash(synthHash(3, uint64(i)))
	}
	tr := helloTrace(t)
	v0, err := tr.StateHash(0)
	require.NoError(t, err)
	return &solverFixture{states: states, vm: tr, v0: v0}
}

func (f *solverFixture) sources() Sources {
	return Sources{Graph: &graph.Trace{States: f.states}, VM: func(context.Context, uint32, [32]byte, [32]byte) (VMSource, error) {
		return traceSource{f.vm}, nil
	}}
}

func (f *solverFixture) vmHash(t *testing.T, i uint64) Hash {
	h, err := f.vm.StateHash(i)
	require.NoError(t, err)
	return h
}

// TestSolve is the solver's decision table, without a chain: for each game
// state and role, the actions due.
func TestSolve(t *testing.T) {
	f := newSolverFixture(t)
	const k = 4
	at := func(i uint64) Hash { return f.states[i] }
	wrong := func(h Hash) Hash { h[5] ^= 1; return h }
	game := func(mut func(g *bindings.DisputeGameGame)) bindings.DisputeGameGame {
		g := bindings.DisputeGameGame{LastMoveAt: big.NewInt(1_000), AsserterClock: 100, ChallengerClock: 100,
			Lo: 0, Hi: 41, LoHash: at(0), HiHash: wrong(at(41))}
		if mut != nil {
			mut(&g)
		}
		return g
	}
	split := honestSplitPoints(t, f.states, Segment{0, 41}, k)
	lie := append([]Hash(nil), split...)
	lie[1] = wrong(lie[1]) // the asserter's second claim is false
	step := uint64(1_000)
	vmRoot, err := HonestSplit(t.Context(), VMTrace{f.vm}, Segment{0, VMSpan}, k)
	require.NoError(t, err)

	cases := []struct {
		name    string
		role    Role
		st      GameState
		want    []Action // Compute, Witness and Part not compared
		wantErr string
	}{
		{name: "decided game", role: RoleAsserter,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) { g.Status = market.GameChallengerWins })}},
		{name: "asserter splits phase G", role: RoleAsserter, st: GameState{Game: game(nil)},
			want: []Action{{Kind: MoveSplit, Claims: split}}},
		{name: "challenger waits for the split", role: RoleChallenger, st: GameState{Game: game(nil)}},
		{name: "challenger disputes the first false claim", role: RoleChallenger,
			st:   GameState{Game: game(func(g *bindings.DisputeGameGame) { g.SplitPending = true }), Claims: lie},
			want: []Action{{Kind: MoveChoose, Choice: 1}}},
		{name: "challenger disputes the last part when every claim is true", role: RoleChallenger,
			st:   GameState{Game: game(func(g *bindings.DisputeGameGame) { g.SplitPending = true }), Claims: split},
			want: []Action{{Kind: MoveChoose, Choice: 3}}},
		{name: "asserter waits for the choice", role: RoleAsserter,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) { g.SplitPending = true }), Claims: lie}},
		{name: "opponent's clock ran out", role: RoleChallenger, st: GameState{Game: game(nil), Now: 1_101},
			want: []Action{{Kind: MoveClaimTimeout}}},
		{name: "own clock ran out: nothing to do", role: RoleAsserter, st: GameState{Game: game(nil), Now: 1_101}},
		{name: "clock exactly spent is not out", role: RoleAsserter, st: GameState{Game: game(nil), Now: 1_100},
			want: []Action{{Kind: MoveSplit, Claims: split}}},
		{name: "asserter starts phase V with its first split", role: RoleAsserter,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Lo, g.Hi, g.LoHash, g.HiHash = 29, 30, at(29), at(30)
			}), Prestate: f.v0},
			want: []Action{{Kind: MoveStartVM, VT: f.vm.FinalHash(), Claims: vmRoot}}},
		{name: "phase V refuses another pre-state", role: RoleAsserter,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Lo, g.Hi, g.LoHash, g.HiHash = 29, 30, at(29), at(30)
			}), Prestate: wrong(f.v0)},
			wantErr: "kernel pre-state"},
		{name: "challenger chooses in phase V", role: RoleChallenger,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Phase, g.Node, g.SplitPending, g.Lo, g.Hi, g.LoHash, g.HiHash = PhaseV, 30, true, 0, VMSpan, f.v0, wrong(f.vm.FinalHash())
			}), Prestate: f.v0, Claims: append(append([]Hash(nil), vmRoot[:2]...), wrong(vmRoot[2]))},
			want: []Action{{Kind: MoveChoose, Choice: 2}}},
		{name: "the challenger's winning step", role: RoleChallenger,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Phase, g.Node, g.Lo, g.Hi, g.LoHash, g.HiHash = PhaseV, 30, step, step+1, f.vmHash(t, step), wrong(f.vmHash(t, step+1))
			}), Prestate: f.v0},
			want: []Action{{Kind: MoveStep}}},
		{name: "the asserter does not send a losing step", role: RoleAsserter,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Phase, g.Node, g.Lo, g.Hi, g.LoHash, g.HiHash = PhaseV, 30, step, step+1, f.vmHash(t, step), wrong(f.vmHash(t, step+1))
			}), Prestate: f.v0}},
		{name: "the asserter's winning step, out of turn", role: RoleAsserter,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Phase, g.Node, g.SplitPending, g.Lo, g.Hi, g.LoHash, g.HiHash = PhaseV, 30, true, step, step+1, f.vmHash(t, step), f.vmHash(t, step+1)
			}), Prestate: f.v0},
			want: []Action{{Kind: MoveStep}}},
		{name: "a step from a pre-state we disagree with", role: RoleChallenger,
			st: GameState{Game: game(func(g *bindings.DisputeGameGame) {
				g.Phase, g.Node, g.Lo, g.Hi, g.LoHash, g.HiHash = PhaseV, 30, step, step+1, wrong(f.vmHash(t, step)), f.vmHash(t, step+1)
			}), Prestate: f.v0},
			wantErr: "cannot step"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.st.K = k
			s := &Solver{Role: tc.role, Src: f.sources()}
			got, err := s.Solve(t.Context(), tc.st)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, len(tc.want))
			for i := range got {
				if got[i].Kind == MoveStep {
					// The witness opens the agreed pre-state and verifies
					// to the true post-state.
					post, err := mips.VerifyStep(got[i].Witness)
					require.NoError(t, err)
					require.Equal(t, f.vmHash(t, step+1), post)
				}
				got[i].Compute, got[i].Witness, got[i].Part = 0, nil, nil
			}
			if len(tc.want) > 0 {
				require.Equal(t, tc.want, got)
			}
		})
	}
	_, err = (&Solver{Src: f.sources()}).Solve(t.Context(), GameState{Game: game(nil)})
	require.ErrorContains(t, err, "invalid role")
}

// honestSplitPoints is the honest claims on seg over states.
func honestSplitPoints(t *testing.T, states GraphStates, seg Segment, k uint) []Hash {
	t.Helper()
	c, err := HonestSplit(t.Context(), states, seg, k)
	require.NoError(t, err)
	return c
}

// TestPhaseNames: the one phase and winner naming.
func TestPhaseNames(t *testing.T) {
	require.Equal(t, "G", PhaseName(PhaseG))
	require.Equal(t, "V", PhaseName(PhaseV))
	require.Equal(t, "asserter", WinnerName(market.GameAsserterWins))
	require.Equal(t, "challenger", WinnerName(market.GameChallengerWins))
	require.Empty(t, WinnerName(market.GameInProgress))
}
