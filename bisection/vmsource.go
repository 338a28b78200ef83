package bisection

import (
	"context"
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

// TraceOptions bounds every kernel trace by the phase-V span.
var TraceOptions = vm.TraceOptions{SnapshotEvery: 1 << 18, MaxSteps: VMSpan}

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
		t, err := vm.NewTrace(ctx, st, o, TraceOptions)
		if err != nil {
			return nil, fmt.Errorf("bisection: kernel trace of node %d: %w", node, err)
		}
		return traceSource{t}, nil
	}
}

// Claimer turns a party's honest native run of a request into what it
// claims and plays from: the graph trace whose result it posts (or
// challenges with) and the phase-V traces it defends. A nil Claimer is
// honest (HonestSources); the dishonest ones are test support
// (bisection/adversary).
type Claimer interface {
	Claim(s *kernel.Session) (Sources, error)
}

// HonestSources are the sources of an honest party: the session's own
// trace, and HonestVM for phase V.
func HonestSources(s *kernel.Session) Sources { return Sources{Graph: s.Trace, Session: s} }
