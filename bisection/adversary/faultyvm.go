package adversary

import (
	"context"
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

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

func (s *faultySource) StateHash(ctx context.Context, i uint64) (bisection.Hash, error) {
	if err := ctx.Err(); err != nil {
		return bisection.Hash{}, err
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
		return nil, fmt.Errorf("adversary: faulty trace has no witness past its forged exit (step %d)", i)
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
func FaultyVM(s *kernel.Session, atStep uint64) bisection.VMFunc {
	return func(ctx context.Context, node uint32, prev, claimed [32]byte) (bisection.VMSource, error) {
		st, o, err := s.PrepareRequest(prev, claimed, node)
		if err != nil {
			return nil, err
		}
		honest, err := vm.NewTrace(ctx, st.Snapshot(), o, bisection.TraceOptions)
		if err != nil {
			return nil, fmt.Errorf("adversary: kernel trace of node %d: %w", node, err)
		}
		if honest.Steps() == 0 {
			return nil, errors.New("adversary: kernel run has no steps")
		}
		if atStep >= honest.Steps()-1 {
			return &faultySource{honest: honest, at: honest.Steps() - 1, final: forgeValid(honest.FinalHash())}, nil
		}
		m := mips.NewVM(st, o, nil, nil)
		if err := m.Run(ctx, atStep+1); err != nil && !errors.Is(err, mips.ErrStepLimit) {
			return nil, fmt.Errorf("adversary: faulty run to step %d: %w", atStep+1, err)
		}
		t := st.CurrentThread()
		if st.Exited || t == nil {
			return nil, fmt.Errorf("adversary: faulty run exited before step %d", atStep+1)
		}
		t.Regs[faultReg] ^= 1
		alt, err := vm.NewTrace(ctx, st, o, bisection.TraceOptions)
		if err != nil {
			return nil, fmt.Errorf("adversary: faulty trace of node %d from step %d: %w", node, atStep+1, err)
		}
		return &faultySource{honest: honest, at: atStep, alt: alt, final: forgeValid(alt.FinalHash())}, nil
	}
}
