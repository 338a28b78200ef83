package bisection

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/guests"
	"github.com/stretchr/testify/require"
)

// synth is a synthetic trace of any span, hashed on demand: hash(seed, i).
// WHY synthetic: the dissection rules see only hashes, and spans up to 2^32
// cannot be materialized.
type synth struct{ seed uint64 }

func mix(x uint64) uint64 { // splitmix64 finalizer
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

func synthHash(seed, i uint64) Hash {
	var h Hash
	for w := range uint64(4) {
		binary.LittleEndian.PutUint64(h[8*w:], mix(seed*0x9e3779b97f4a7c15+i*4+w+1))
	}
	return h
}

func (s synth) StateHash(_ context.Context, i uint64) (Hash, error) { return synthHash(s.seed, i), nil }

// liarTrace agrees with the honest trace before diverge and from there on
// is a consistent alternative trace (hashes of another seed); only is set:
// it differs at index diverge alone (the liar that agrees everywhere but
// its final claim, with diverge = span).
type liarTrace struct {
	honest  synth
	diverge uint64
	only    bool
}

func (l liarTrace) StateHash(ctx context.Context, i uint64) (Hash, error) {
	if i < l.diverge || (l.only && i > l.diverge) {
		return l.honest.StateHash(ctx, i)
	}
	return synthHash(^l.honest.seed, i), nil
}

// randomLiar posts fresh random hashes and makes random choices.
type randomLiar struct{ rng *rand.Rand }

func randHash(rng *rand.Rand) Hash {
	var h Hash
	for w := range 4 {
		binary.LittleEndian.PutUint64(h[8*w:], rng.Uint64())
	}
	return h
}

func (r randomLiar) Split(_ context.Context, seg Segment, k uint) ([]Hash, error) {
	cs := make([]Hash, len(SplitPoints(seg.Lo, seg.Hi, k)))
	for i := range cs {
		cs[i] = randHash(r.rng)
	}
	return cs, nil
}

func (r randomLiar) Choose(_ context.Context, seg Segment, _ []Hash, k uint) (uint64, error) {
	return r.rng.Uint64N(Parts(seg, k)), nil
}

// oneLie plays honestly except at one move (round), where it posts one
// random claim (as asserter) or a random choice (as challenger).
type oneLie struct {
	tp    TraceProvider
	rng   *rand.Rand
	at    int
	round int
}

func (o *oneLie) Split(ctx context.Context, seg Segment, k uint) ([]Hash, error) {
	cs, err := HonestSplit(ctx, o.tp, seg, k)
	if err == nil && o.round == o.at {
		cs[o.rng.IntN(len(cs))] = randHash(o.rng)
	}
	o.round++
	return cs, err
}

func (o *oneLie) Choose(ctx context.Context, seg Segment, claims []Hash, k uint) (uint64, error) {
	o.round++
	if o.round-1 == o.at {
		return o.rng.Uint64N(Parts(seg, k)), nil
	}
	return HonestChallenger{o.tp}.Choose(ctx, seg, claims, k)
}

// liar is one adversary: its strategy as either role and its root claim.
type liar struct {
	name string
	root Hash
	a    Asserter
	c    Challenger
}

func adversaries(rng *rand.Rand, honest synth, span uint64) []liar {
	d := 1 + rng.Uint64N(span) // first wrong index, in [1, span]
	diverge := liarTrace{honest: honest, diverge: d}
	final := liarTrace{honest: honest, diverge: span, only: true}
	rnd := randomLiar{rng}
	at := rng.IntN(MaxRounds(span, 2) + 1)
	wrong := synthHash(^honest.seed, span)
	return []liar{
		{fmt.Sprintf("diverge@%d", d), wrong, HonestAsserter{diverge}, HonestChallenger{diverge}},
		{"final-only", wrong, HonestAsserter{final}, HonestChallenger{final}},
		{"random", randHash(rng), rnd, rnd},
		{fmt.Sprintf("one-lie@%d", at), wrong, &oneLie{tp: honest, rng: rng, at: at}, &oneLie{tp: honest, rng: rng, at: at}},
	}
}

// checkHonestWins plays both role assignments against l and checks that
// the game ends at a single step the one-step proof decides for the honest
// party: the agreed LoHash is the true hash at Lo, and the asserter's claim
// at Hi is the true hash iff the asserter is the honest one. The true step
// function maps true(Lo) to true(Lo+1), so the step verdict follows.
func checkHonestWins(t *testing.T, honest TraceProvider, span uint64, k uint, l liar) {
	t.Helper()
	ctx := context.Background()
	h0, err := honest.StateHash(ctx, 0)
	require.NoError(t, err)
	hn, err := honest.StateHash(ctx, span)
	require.NoError(t, err)
	require.NotEqual(t, hn, l.root)
	for _, honestAsserts := range []bool{true, false} {
		root := Position{Seg: Segment{0, span}, LoHash: h0, HiHash: l.root}
		a, c := l.a, Challenger(HonestChallenger{honest})
		if honestAsserts {
			root.HiHash = hn
			a, c = HonestAsserter{honest}, l.c
		}
		res, err := Play(ctx, root, k, a, c)
		require.NoError(t, err, "%s span %d k=%d", l.name, span, k)
		f := res.Final
		require.True(t, f.Seg.IsStep())
		require.LessOrEqual(t, res.Rounds, MaxRounds(span, k))
		lo, err := honest.StateHash(ctx, f.Seg.Lo)
		require.NoError(t, err)
		hi, err := honest.StateHash(ctx, f.Seg.Hi)
		require.NoError(t, err)
		require.Equal(t, lo, f.LoHash, "%s asserter=%v span %d k=%d: Lo not the true hash", l.name, honestAsserts, span, k)
		require.Equal(t, honestAsserts, hi == f.HiHash, "%s asserter=%v span %d k=%d %v", l.name, honestAsserts, span, k, f.Seg)
	}
}

// TestHonestAlwaysWins is the property test: every adversary, both roles,
// k in {2,4,8,16}, every span 1..20, random spans up to 2^32 and the phase-V
// span itself, many seeds.
func TestHonestAlwaysWins(t *testing.T) {
	seeds := 1000
	if testing.Short() {
		seeds = 20
	}
	for _, k := range []uint{2, 4, 8, 16} {
		for s := range seeds {
			rng := rand.New(rand.NewPCG(uint64(s), uint64(k)))
			spans := []uint64{VMSpan, 1 + rng.Uint64N(1000), 1 + rng.Uint64N(VMSpan)}
			if s < 20 {
				spans = append(spans, uint64(s)+1)
			}
			for _, span := range spans {
				honest := synth{seed: rng.Uint64()}
				for _, l := range adversaries(rng, honest, span) {
					checkHonestWins(t, honest, span, k, l)
				}
			}
		}
	}
}

// TestGraphStatesGame plays phase G over a GraphStates provider (n = 41)
// and checks the adapter's range.
func TestGraphStatesGame(t *testing.T) {
	ctx := context.Background()
	states := make(GraphStates, 42)
	for i := range states {
		states[i] = merkle.Hash(synthHash(7, uint64(i)))
	}
	lie := append(GraphStates(nil), states...)
	for i := 30; i < len(lie); i++ {
		lie[i][0] ^= 1 // node 30 computed wrong, later states consistent with it
	}
	for _, k := range []uint{2, 4, 8, 16} {
		res, err := Play(ctx, Position{Seg: Segment{0, 41}, LoHash: states[0], HiHash: lie[41]}, k, HonestAsserter{lie}, HonestChallenger{states})
		require.NoError(t, err)
		require.Equal(t, Segment{29, 30}, res.Final.Seg, "k=%d: phase V runs node 30", k)
		require.Equal(t, Hash(states[29]), res.Final.LoHash)
		require.Equal(t, Hash(lie[30]), res.Final.HiHash)
	}
	_, err := states.StateHash(ctx, 42)
	require.ErrorContains(t, err, "out of range")
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = states.StateHash(cctx, 0)
	require.ErrorIs(t, err, context.Canceled)
}

// TestVMTraceGame plays phase V over the real trace of the hello guest
// (padded to VMSpan) against a liar that flips state hashes from a random
// step on, and checks the final step with mips.VerifyStep: executed from
// the agreed pre-state it gives the honest post-state, not the liar's.
func TestVMTraceGame(t *testing.T) {
	tr := helloTrace(t)
	honest := VMTrace{tr}
	ctx := t.Context()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, k := range []uint{2, 16} {
		d := 1 + rng.Uint64N(tr.Steps())
		liar := flipFrom{honest, d}
		v0, err := honest.StateHash(ctx, 0)
		require.NoError(t, err)
		vt, err := liar.StateHash(ctx, VMSpan)
		require.NoError(t, err)
		res, err := Play(ctx, Position{Seg: Segment{0, VMSpan}, LoHash: v0, HiHash: vt}, k, HonestAsserter{liar}, HonestChallenger{honest})
		require.NoError(t, err)
		require.LessOrEqual(t, res.Rounds, MaxRounds(VMSpan, k))
		f := res.Final
		require.Equal(t, Segment{d - 1, d}, f.Seg, "k=%d: the first wrong step", k)
		w, err := tr.Witness(f.Seg.Lo)
		require.NoError(t, err)
		pre, err := mips.DecodeStateData(w.State)
		require.NoError(t, err)
		require.Equal(t, f.LoHash, pre.Hash(), "the witness opens the agreed pre-state")
		post, err := mips.VerifyStep(w)
		require.NoError(t, err)
		want, err := honest.StateHash(ctx, f.Seg.Hi)
		require.NoError(t, err)
		require.Equal(t, want, post)
		require.NotEqual(t, f.HiHash, post, "the step refutes the liar")
	}
}

// helloTrace is the real VM trace of the hello guest.
func helloTrace(t *testing.T) *vm.Trace {
	t.Helper()
	p, err := guests.Build("hello")
	require.NoError(t, err)
	elf, err := os.ReadFile(p)
	require.NoError(t, err)
	initial, err := vm.LoadELF(elf, []string{p}, nil)
	require.NoError(t, err)
	tr, err := vm.NewTrace(t.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: 1 << 14})
	require.NoError(t, err)
	return tr
}

// flipFrom lies from index d on (a flipped byte of the true hash).
type flipFrom struct {
	tp TraceProvider
	d  uint64
}

func (f flipFrom) StateHash(ctx context.Context, i uint64) (Hash, error) {
	h, err := f.tp.StateHash(ctx, i)
	if i >= f.d {
		h[31] ^= 1
	}
	return h, err
}
