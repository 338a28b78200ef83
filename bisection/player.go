package bisection

import (
	"context"
	"fmt"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/vm"
)

// TraceProvider gives a party's hash at any trace index of the phase it
// plays: graph states S_0..S_n (phase G) or VM states V_0..V_T (phase V).
type TraceProvider interface {
	StateHash(ctx context.Context, i uint64) (Hash, error)
}

// GraphStates is the phase-G provider over graph.Trace.States (S_0..S_n).
// Indices past n are an error: phase G never asks for them.
type GraphStates []merkle.Hash

// StateHash returns S_i.
func (g GraphStates) StateHash(ctx context.Context, i uint64) (Hash, error) {
	if err := ctx.Err(); err != nil {
		return Hash{}, err
	}
	if i >= uint64(len(g)) {
		return Hash{}, fmt.Errorf("bisection: graph state %d out of range [0,%d]", i, len(g)-1)
	}
	return g[i], nil
}

// VMTrace is the phase-V provider over a vm.Trace. Every index is valid: the
// trace pads past the exit with the final state (spec 1.5), which is what
// the fixed span VMSpan relies on.
type VMTrace struct{ T *vm.Trace }

// StateHash returns V_i.
func (v VMTrace) StateHash(ctx context.Context, i uint64) (Hash, error) {
	if err := ctx.Err(); err != nil {
		return Hash{}, err
	}
	return v.T.StateHash(i)
}

// HonestSplit returns the claims an asserter with the true trace tp posts
// on seg: its hashes at SplitPoints(seg, k).
func HonestSplit(ctx context.Context, tp TraceProvider, seg Segment, k uint) ([]Hash, error) {
	ps := SplitPoints(seg.Lo, seg.Hi, k)
	if ps == nil {
		return nil, fmt.Errorf("%w: no move on %v with k=%d", ErrBadMove, seg, k)
	}
	claims := make([]Hash, len(ps))
	for i, p := range ps {
		h, err := tp.StateHash(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("bisection: split %v at %d: %w", seg, p, err)
		}
		claims[i] = h
	}
	return claims, nil
}

// Choice is a challenger's move: the index the contract receives and the
// sub-segment it selects.
type Choice struct {
	Index uint64
	Segment
}

// HonestChoice returns the move of a challenger with the true trace tp
// against the asserter's claims on seg: the first sub-segment whose end
// claim differs from tp, or the last one (ending at seg.Hi, the claim the
// challenger already disputes) when every posted claim is right. The start
// of the chosen sub-segment is then a hash tp agrees with (the agreed
// seg.Lo or an earlier, correct claim), which keeps the invariant "agreed
// at Lo, asserter wrong at Hi" whenever the asserter was wrong at seg.Hi.
func HonestChoice(ctx context.Context, tp TraceProvider, seg Segment, claims []Hash, k uint) (Choice, error) {
	ps := SplitPoints(seg.Lo, seg.Hi, k)
	if ps == nil || len(claims) != len(ps) {
		return Choice{}, fmt.Errorf("%w: %d claims on %v with k=%d", ErrBadMove, len(claims), seg, k)
	}
	j := uint64(len(ps)) // the last sub-segment
	for i, p := range ps {
		h, err := tp.StateHash(ctx, p)
		if err != nil {
			return Choice{}, fmt.Errorf("bisection: check %v at %d: %w", seg, p, err)
		}
		if h != claims[i] {
			j = uint64(i)
			break
		}
	}
	sub, err := Choose(seg, k, j)
	if err != nil {
		return Choice{}, err
	}
	return Choice{Index: j, Segment: sub}, nil
}
