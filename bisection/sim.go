package bisection

import (
	"context"
	"fmt"
)

// Asserter is the party whose claims are checked (the submitter): it posts
// the split claims of every segment.
type Asserter interface {
	Split(ctx context.Context, seg Segment, k uint) ([]Hash, error)
}

// Challenger disputes the asserter's claim at Hi: it picks a sub-segment.
type Challenger interface {
	Choose(ctx context.Context, seg Segment, claims []Hash, k uint) (uint64, error)
}

// HonestAsserter posts the hashes of its trace.
type HonestAsserter struct{ TP TraceProvider }

// Split is HonestSplit.
func (a HonestAsserter) Split(ctx context.Context, seg Segment, k uint) ([]Hash, error) {
	return HonestSplit(ctx, a.TP, seg, k)
}

// HonestChallenger picks by HonestChoice.
type HonestChallenger struct{ TP TraceProvider }

// Choose is HonestChoice's index.
func (c HonestChallenger) Choose(ctx context.Context, seg Segment, claims []Hash, k uint) (uint64, error) {
	ch, err := HonestChoice(ctx, c.TP, seg, claims, k)
	return ch.Index, err
}

// Result is the end of a simulated phase.
type Result struct {
	Final  Position // a single step: the one-step proof runs LoHash -> HiHash
	Rounds int
}

// Play simulates one phase of dissection off chain, with Apply as the
// referee, from root (the segment (0, n) or (0, VMSpan), the agreed start
// hash and the asserter's claimed end) down to a single step. A move that
// breaks the rules is an error, as the contract would revert it.
func Play(ctx context.Context, root Position, k uint, a Asserter, c Challenger) (Result, error) {
	if root.Seg.Hi <= root.Seg.Lo || MaxRounds(root.Seg.Len(), k) < 0 {
		return Result{}, fmt.Errorf("%w: root %v with k=%d", ErrBadMove, root.Seg, k)
	}
	pos, rounds := root, 0
	for !pos.Seg.IsStep() {
		claims, err := a.Split(ctx, pos.Seg, k)
		if err != nil {
			return Result{}, fmt.Errorf("round %d: asserter: %w", rounds, err)
		}
		j, err := c.Choose(ctx, pos.Seg, claims, k)
		if err != nil {
			return Result{}, fmt.Errorf("round %d: challenger: %w", rounds, err)
		}
		if pos, err = Apply(pos, k, claims, j); err != nil {
			return Result{}, fmt.Errorf("round %d: %w", rounds, err)
		}
		rounds++
	}
	return Result{Final: pos, Rounds: rounds}, nil
}
