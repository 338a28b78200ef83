package bisection

import (
	"context"
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// VMSource is a party's phase-V trace of one kernel run (docs/protocol.md
// 2.6): its hash at every index 0..VMSpan, the witness of any step, and the
// V_T it asserts (FinalHash, the hash at every index past its exit).
type VMSource interface {
	TraceProvider
	Witness(i uint64) (*mips.StepWitness, error)
	FinalHash() [32]byte
}

// VMFunc builds a party's VMSource for node k's kernel run on the request
// (prev = S_{k-1}, claimed = S_k, k) that phase G ended at.
type VMFunc func(ctx context.Context, node uint32, prev, claimed [32]byte) (VMSource, error)

// traceSource is a vm.Trace as a VMSource: the honest run.
type traceSource struct{ t *vm.Trace }

func (s traceSource) StateHash(ctx context.Context, i uint64) (Hash, error) {
	if err := ctx.Err(); err != nil {
		return Hash{}, err
	}
	return s.t.StateHash(i)
}
func (s traceSource) Witness(i uint64) (*mips.StepWitness, error) { return s.t.Witness(i) }
func (s traceSource) FinalHash() [32]byte                         { return s.t.FinalHash() }

// traceOptions bounds every kernel trace by the phase-V span.
var traceOptions = vm.TraceOptions{SnapshotEvery: 1 << 18, MaxSteps: VMSpan}

// HonestVM is the honest phase-V source: the trace of the kernel run
// s.PrepareRequest(prev, claimed, node) builds, exactly what the game's
// MIPS.step reproduces from the registered pre-state and the local data
// startVMPhase loads.
func HonestVM(s *kernel.Session) VMFunc {
	return func(ctx context.Context, node uint32, prev, claimed [32]byte) (VMSource, error) {
		st, o, err := s.PrepareRequest(prev, claimed, node)
		if err != nil {
			return nil, err
		}
		t, err := vm.NewTrace(ctx, st, o, traceOptions)
		if err != nil {
			return nil, fmt.Errorf("bisection: kernel trace of node %d: %w", node, err)
		}
		return traceSource{t}, nil
	}
}

// AtExit, as FaultyVM's atStep, puts the fault on the kernel's exit step:
// the liar's trace is the true run up to the exit and claims a VALID state
// from there on (the liar that says the kernel accepted its S_k).
const AtExit = ^uint64(0)

// faultReg is the register FaultyVM flips: k0, which Go's MIPS backend
// never uses, so the altered run still ends as the true one does (a
// consistent alternative trace whose every state differs from the truth).
const faultReg = 26

// faultySource is the true trace up to index at, then the run from the
// true state at+1 with faultReg flipped, claiming VALID at its exit.
type faultySource struct {
	honest *vm.Trace
	at     uint64    // last index agreeing with honest; the disputed step
	alt    *vm.Trace // from index at+1; nil: only the final status is forged
	final  [32]byte  // the forged V_T
}

func (s *faultySource) StateHash(ctx context.Context, i uint64) (Hash, error) {
	if err := ctx.Err(); err != nil {
		return Hash{}, err
	}
	if i <= s.at {
		return s.honest.StateHash(i)
	}
	if s.alt == nil || i-s.at-1 >= s.alt.Steps() {
		return s.final, nil
	}
	return s.alt.StateHash(i - s.at - 1)
}

func (s *faultySource) Witness(i uint64) (*mips.StepWitness, error) {
	if i <= s.at {
		return s.honest.Witness(i)
	}
	if s.alt == nil {
		return nil, fmt.Errorf("bisection: faulty trace has no witness past its forged exit (step %d)", i)
	}
	return s.alt.Witness(i - s.at - 1)
}

func (s *faultySource) FinalHash() [32]byte { return s.final }

// forgeValid is h with status byte VALID.
func forgeValid(h [32]byte) [32]byte {
	h[0] = mips.StatusValid
	return h
}

// FaultyVM is a lying party's phase-V source: identical to the honest run
// up to index atStep, then a consistent alternative run (the true state
// after step atStep with register k0 flipped, traced onward), and it claims
// a VALID final state at VMSpan (and at every index past its run's exit)
// whatever its run ends with. Against an honest challenger the dissection
// therefore lands on step atStep exactly. With atStep = AtExit (or any step
// at or past the true run's last one) the fault is the exit step itself:
// the trace is true until the exit and claims VALID from there.
func FaultyVM(s *kernel.Session, atStep uint64) VMFunc {
	return func(ctx context.Context, node uint32, prev, claimed [32]byte) (VMSource, error) {
		st, o, err := s.PrepareRequest(prev, claimed, node)
		if err != nil {
			return nil, err
		}
		honest, err := vm.NewTrace(ctx, st.Snapshot(), o, traceOptions)
		if err != nil {
			return nil, fmt.Errorf("bisection: kernel trace of node %d: %w", node, err)
		}
		if honest.Steps() == 0 {
			return nil, errors.New("bisection: kernel run has no steps")
		}
		if atStep >= honest.Steps()-1 {
			return &faultySource{honest: honest, at: honest.Steps() - 1, final: forgeValid(honest.FinalHash())}, nil
		}
		m := mips.NewVM(st, o, nil, nil)
		if err := m.Run(ctx, atStep+1); err != nil && !errors.Is(err, mips.ErrStepLimit) {
			return nil, fmt.Errorf("bisection: faulty run to step %d: %w", atStep+1, err)
		}
		t := st.CurrentThread()
		if st.Exited || t == nil {
			return nil, fmt.Errorf("bisection: faulty run exited before step %d", atStep+1)
		}
		t.Regs[faultReg] ^= 1
		alt, err := vm.NewTrace(ctx, st, o, traceOptions)
		if err != nil {
			return nil, fmt.Errorf("bisection: faulty trace of node %d from step %d: %w", node, atStep+1, err)
		}
		return &faultySource{honest: honest, at: atStep, alt: alt, final: forgeValid(alt.FinalHash())}, nil
	}
}
