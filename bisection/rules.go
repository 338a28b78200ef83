package bisection

import (
	"errors"
	"fmt"
	"math/bits"
)

// The on-chain dissection rules (docs/protocol.md section 4). Everything in
// this file is a pure function of its arguments so that the Solidity
// DisputeGame can mirror it line for line; the contract computes in uint256,
// where i·d never overflows, and Go gets the same exact value with a 128-bit
// product.

// Hash is a trace commitment: a graph state S_i (phase G) or a VM state hash
// V_i (phase V).
type Hash = [32]byte

const (
	// MinK is the smallest arity: binary dissection.
	MinK = 2
	// MaxK bounds the arity so that a choice fits one byte and a split posts
	// at most 255 hashes (8,160 bytes); the gas optimum is far below it.
	MaxK = 256
	// VMSpan is T, the fixed length of every phase-V segment: the VM trace
	// of a kernel run is bisected over indices 0..T. It equals
	// vm/kernel.DefaultMaxSteps (2^32): a kernel run takes at most T steps,
	// so V_T is the exited state (later indices repeat it, spec 1.5).
	// WHY one constant for every k (not k^ceil(log_k T)): the split rule
	// handles any span, rounds are ceil(log_k T) either way, and one T keeps
	// the on-chain phase link independent of k.
	VMSpan uint64 = 1 << 32
)

// ErrBadMove is wrapped by every rule violation: what the contract reverts on.
var ErrBadMove = errors.New("bisection: bad move")

// Segment is a disputed interval of trace indices: the parties agree on the
// hash at Lo and the asserter's hash at Hi is disputed. Lo < Hi.
type Segment struct {
	Lo, Hi uint64
}

// Len is Hi - Lo, the number of steps (phase V) or nodes (phase G) inside.
func (s Segment) Len() uint64 { return s.Hi - s.Lo }

// IsStep reports whether the segment is a single step (Hi == Lo+1): the end
// of dissection.
func (s Segment) IsStep() bool { return s.Hi > s.Lo && s.Hi-s.Lo == 1 }

func (s Segment) String() string { return fmt.Sprintf("[%d,%d]", s.Lo, s.Hi) }

// Parts is m = min(k, Hi-Lo), the number of sub-segments a move on seg
// makes: k normally, fewer when the segment is shorter than k (then every
// sub-segment is a single step). It is 0 when no move is possible (a single
// step or an empty segment) or k is out of [MinK, MaxK].
func Parts(seg Segment, k uint) uint64 {
	if k < MinK || k > MaxK || seg.Hi <= seg.Lo || seg.Hi-seg.Lo < 2 {
		return 0
	}
	return min(uint64(k), seg.Len())
}

// point is p_i = lo + floor(i·d/m) for 0 <= i <= m, d = Hi - Lo: p_0 = Lo,
// p_m = Hi. WHY floor with m <= d: consecutive points differ by floor(d/m)
// or ceil(d/m) >= 1, so they strictly increase, and the longest sub-segment
// is ceil(d/m), which gives exactly ceil(log_k d) rounds.
func point(seg Segment, m, i uint64) uint64 {
	hi, lo := bits.Mul64(i, seg.Len())
	q, _ := bits.Div64(hi, lo, m) // hi < m because i·d/m <= d < 2^64
	return seg.Lo + q
}

// SplitPoints returns the m-1 interior split points p_1 < ... < p_{m-1} of
// seg = (lo, hi) for arity k (m = Parts): p_i = lo + floor(i·(hi-lo)/m).
// The asserter posts one hash per point. It returns nil when no move is
// possible (hi - lo <= 1) or k is invalid.
func SplitPoints(lo, hi uint64, k uint) []uint64 {
	seg := Segment{Lo: lo, Hi: hi}
	m := Parts(seg, k)
	if m == 0 {
		return nil
	}
	ps := make([]uint64, m-1)
	for i := range ps {
		ps[i] = point(seg, m, uint64(i)+1)
	}
	return ps
}

// Choose returns sub-segment j (0 <= j < m) of seg: (p_j, p_{j+1}).
func Choose(seg Segment, k uint, j uint64) (Segment, error) {
	m := Parts(seg, k)
	if m == 0 {
		return Segment{}, fmt.Errorf("%w: no move on %v with k=%d", ErrBadMove, seg, k)
	}
	if j >= m {
		return Segment{}, fmt.Errorf("%w: choice %d out of %d sub-segments", ErrBadMove, j, m)
	}
	return Segment{Lo: point(seg, m, j), Hi: point(seg, m, j+1)}, nil
}

// MaxRounds is the number of moves that dissect a segment of length span to
// a single step in the worst case: the least r with k^r >= span
// (ceil(log_k span); 0 for span <= 1). A move leaves at most
// ceil(span/m) <= ceil(span/k) (1 when span <= k), and
// ceil(ceil(x/k)/k) = ceil(x/k^2). It returns -1 for an invalid k.
func MaxRounds(span uint64, k uint) int {
	if k < MinK || k > MaxK {
		return -1
	}
	r := 0
	for s := span; s > 1; s = (s-1)/uint64(k) + 1 {
		r++
	}
	return r
}

// Position is the game's state between moves, what the contract stores:
// the segment, the agreed hash at its Lo and the asserter's claim at its Hi.
type Position struct {
	Seg    Segment
	LoHash Hash // agreed by both parties
	HiHash Hash // the asserter's claim, disputed by the challenger
}

// Apply is one round: the asserter posted claims (its hashes at
// SplitPoints, m-1 of them) and the challenger chose sub-segment j. The new
// position's LoHash is the claim at p_j (the old LoHash when j = 0) and its
// HiHash the claim at p_{j+1} (the old HiHash when j = m-1). WHY the
// challenger agrees with the new LoHash: it chooses the first sub-segment
// whose end it disputes, so every earlier end, including p_j, it accepted.
func Apply(pos Position, k uint, claims []Hash, j uint64) (Position, error) {
	sub, err := Choose(pos.Seg, k, j)
	if err != nil {
		return Position{}, err
	}
	m := Parts(pos.Seg, k)
	if uint64(len(claims)) != m-1 {
		return Position{}, fmt.Errorf("%w: %d claims for %d sub-segments (want %d)", ErrBadMove, len(claims), m, m-1)
	}
	next := Position{Seg: sub, LoHash: pos.LoHash, HiHash: pos.HiHash}
	if j > 0 {
		next.LoHash = claims[j-1]
	}
	if j < m-1 {
		next.HiHash = claims[j]
	}
	return next, nil
}
