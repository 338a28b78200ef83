package agenttest

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// KernelID is the id the fake chain's fashion-mnist kernel is requested
// under.
var KernelID = common.Hash{0xfa, 0x51}

// Kernels runs the fashion-mnist model natively, without a guest: the
// sessions hold the graph trace a service posts and plays phase G with
// (the fake players never need phase V). Results are bound to output 0's
// slot, as the argmax aggregation binds them.
type Kernels struct {
	model *graph.Model
	slots []uint32
	set   *fashion.Set
	runs  atomic.Int64
	gen   genKernel
}

// Runs counts the native runs of requests (a restarted service
// re-executes; a finished game needs none).
func (k *Kernels) Runs() int { return int(k.runs.Load()) }

// NewKernels loads the model and the embedded test images.
func NewKernels() (*Kernels, error) {
	m, err := fashion.Model()
	if err != nil {
		return nil, err
	}
	_, outs, err := registry.GraphIO(m.Graph)
	if err != nil {
		return nil, err
	}
	set, err := fashion.TestSubset()
	if err != nil {
		return nil, err
	}
	return &Kernels{model: m, slots: outs[:1], set: set}, nil
}

// Slots is the kernel's bound slot.
func (k *Kernels) Slots(_ context.Context, id common.Hash) ([]uint32, error) {
	if id == GenKernelID {
		g, err := k.gen.load()
		if err != nil {
			return nil, err
		}
		return g.slots, nil
	}
	if id != KernelID {
		return nil, fmt.Errorf("agenttest: no kernel %s", id)
	}
	return k.slots, nil
}

// Run runs the kernel's model (fashion-mnist or the generation model) on
// inputs.
func (k *Kernels) Run(_ context.Context, id common.Hash, inputs []*tensor.Tensor) (*kernel.Session, error) {
	m := k.model
	switch id {
	case KernelID:
	case GenKernelID:
		g, err := k.gen.load()
		if err != nil {
			return nil, err
		}
		m = g.model
	default:
		return nil, fmt.Errorf("agenttest: no kernel %s", id)
	}
	e, err := graph.NewExecutor(m)
	if err != nil {
		return nil, err
	}
	tr, err := e.Run(inputs, graph.Options{})
	if err != nil {
		return nil, err
	}
	k.runs.Add(1)
	return &kernel.Session{Exec: e, Trace: tr}, nil
}

// Sample is test image i as a request's encoded inputs, with its S_0 and
// the honest trace.
func (k *Kernels) Sample(i int) (inputs [][]byte, s0 [32]byte, honest *graph.Trace, err error) {
	in, err := fashion.Input(k.set.Image(i))
	if err != nil {
		return nil, s0, nil, err
	}
	enc, err := in.Encode()
	if err != nil {
		return nil, s0, nil, err
	}
	s, err := k.Run(context.Background(), KernelID, []*tensor.Tensor{in})
	if err != nil {
		return nil, s0, nil, err
	}
	k.runs.Add(-1)
	return [][]byte{enc}, s.Trace.States[0], s.Trace, nil
}

// Result is what trace tr posts for the kernel.
func (k *Kernels) Result(tr *graph.Trace) (market.Result, error) {
	return market.ResultFromTrace(tr, k.slots)
}
