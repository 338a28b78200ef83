package evm

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"

	"github.com/aivm-dev/aivm/mips"
)

// SampleSteps returns n distinct step indices in [0, total), ascending and
// spread over the whole run: [0, total) is cut into n equal strata and one
// index is drawn from each with a generator seeded by seed, so the same
// (total, n, seed) always gives the same sample. If n >= total every index is
// returned.
func SampleSteps(total, n uint64, seed int64) []uint64 {
	if n >= total {
		out := make([]uint64, total)
		for i := range out {
			out[i] = uint64(i)
		}
		return out
	}
	r := rand.New(rand.NewSource(seed))
	out := make([]uint64, 0, n)
	for i := uint64(0); i < n; i++ {
		// Stratum i is [i*total/n, (i+1)*total/n); the bounds never overlap,
		// so the indices are distinct. 128-bit-safe via division first when large.
		lo, hi := stratum(total, n, i), stratum(total, n, i+1)
		out = append(out, lo+uint64(r.Int63n(int64(hi-lo))))
	}
	return out
}

// stratum returns floor(i*total/n) without overflowing for any uint64 total.
func stratum(total, n, i uint64) uint64 {
	q, rem := total/n, total%n
	return q*i + rem*i/n
}

// CheckResult is the outcome of one sampled step.
type CheckResult struct {
	Step    uint64   // index of the step (the witness proves state Step -> Step+1)
	GoPost  [32]byte // post-state hash of the Go VM
	SolPost [32]byte // post-state hash returned by MIPS.sol (zero on revert)
	Gas     uint64   // execution gas of MIPS.step
	TxGas   uint64   // Gas plus the 21,000 intrinsic and the calldata gas of a step transaction
	TxFloor uint64   // TxGas or, if higher, the EIP-7623 calldata floor (TxGasPrague)
	Witness int      // witness bytes (state ‖ proof)
	Err     error    // MIPS.step reverted (or the oracle load failed)
}

// Mismatch reports whether the contract disagreed with the Go VM.
func (r CheckResult) Mismatch() bool { return r.Err != nil || r.GoPost != r.SolPost }

// CheckReport summarises a CheckRun.
type CheckReport struct {
	Results    []CheckResult
	Mismatches int
	GasMedian  uint64 // over steps MIPS.step accepted
	GasMax     uint64
}

// CheckRun runs s (which it advances) to each of steps (ascending, all below
// the step at which the program exits), takes that step's witness, loads any
// preimage part it reads into the oracle, executes the step on MIPS.sol with
// localContext and compares the post-state hashes. Between samples it uses
// the fast Run loop, so the cost is one pass over the program plus one proven
// step per sample. onResult, if non-nil, sees each result as it is produced.
func (h *Harness) CheckRun(ctx context.Context, s *mips.State, oracle mips.PreimageOracle, steps []uint64,
	localContext [32]byte, onResult func(CheckResult)) (*CheckReport, error) {
	m := mips.NewVM(s, oracle, nil, nil)
	rep := &CheckReport{}
	var gas []uint64
	for _, at := range steps {
		if at < s.Step {
			return nil, fmt.Errorf("check: sample steps must ascend (step %d after %d)", at, s.Step)
		}
		if err := m.Run(ctx, at-s.Step); err != nil && !errors.Is(err, mips.ErrStepLimit) {
			return nil, fmt.Errorf("check: run to step %d: %w", at, err)
		}
		if s.Step != at {
			return nil, fmt.Errorf("check: program exited at step %d, before sample %d", s.Step, at)
		}
		w, err := m.Step(true)
		if err != nil {
			return nil, fmt.Errorf("check: witness of step %d: %w", at, err)
		}
		res := CheckResult{Step: at, GoPost: s.Hash(), Witness: w.Size()}
		if w.HasPreimage {
			res.Err = h.LoadPreimagePart(w.PreimageKey, localContext, uint64(w.PreimageOffset), w.PreimageValue)
		}
		if res.Err == nil {
			res.SolPost, res.Gas, res.Err = h.Step(w.State, w.Proof, localContext)
			input := h.PackStep(w.State, w.Proof, localContext)
			res.TxGas, res.TxFloor = TxGas(input, res.Gas), TxGasPrague(input, res.Gas)
		}
		if res.Err == nil {
			gas = append(gas, res.Gas)
		}
		if res.Mismatch() {
			rep.Mismatches++
		}
		rep.Results = append(rep.Results, res)
		if onResult != nil {
			onResult(res)
		}
	}
	rep.GasMedian, rep.GasMax = MedianMax(gas)
	return rep, nil
}

// MedianMax returns the median (the upper middle for an even count) and the
// maximum of xs, or zeros for none.
func MedianMax(xs []uint64) (median, maxv uint64) {
	if len(xs) == 0 {
		return 0, 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2], s[len(s)-1]
}
