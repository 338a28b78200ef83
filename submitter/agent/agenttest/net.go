package agenttest

import (
	"context"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// Accounts of a Net.
var (
	Submitter   = common.Address{0x51}
	Liar        = common.Address{0x11}
	Challenger  = common.Address{0xc1}
	Challenger2 = common.Address{0xc2}
)

// Net is a fake chain with the fashion-mnist kernel, its fake players and
// a fee, for the services' unit tests.
type Net struct {
	T       testing.TB
	Chain   *Chain
	Kernels *Kernels
	Players *Players
	Fee     *big.Int
}

// NewNet starts a fake chain.
func NewNet(t testing.TB) *Net {
	t.Helper()
	k, err := NewKernels()
	if err != nil {
		t.Fatal(err)
	}
	c := NewChain()
	c.genS0 = func(prompt []uint32, s bindings.InferenceMarketSampling, seed [32]byte) ([32]byte, error) {
		tr, err := k.GenTrace(prompt, s, seed)
		if err != nil {
			return [32]byte{}, err
		}
		return tr.States[0], nil
	}
	return &Net{T: t, Chain: c, Kernels: k, Players: NewPlayers(c), Fee: big.NewInt(100)}
}

// Env is account a's agent.Env on the net, keeping its duties in d (pass a
// stopped service's duties to restart it).
func (n *Net) Env(a common.Address, d *Duties) agent.Env {
	return agent.Env{Market: n.Chain.As(a), Kernels: n.Kernels, Players: n.Players.New, Duties: d}
}

// Request opens request id for test image sample (listed submitters have
// it to themselves for half the timeout) and returns the honest trace.
func (n *Net) Request(id int64, sample int, listed ...common.Address) (*big.Int, *graph.Trace) {
	n.T.Helper()
	in, s0, tr, err := n.Kernels.Sample(sample)
	if err != nil {
		n.T.Fatal(err)
	}
	return n.Chain.Request(id, KernelID, in, s0, n.Fee, listed...), tr
}

// Post posts trace tr's result for request id from account a (a service
// the test plays by hand).
func (n *Net) Post(a common.Address, id *big.Int, tr *graph.Trace) {
	n.T.Helper()
	res, err := n.Kernels.Result(tr)
	if err != nil {
		n.T.Fatal(err)
	}
	if _, err := n.Chain.As(a).Submit(context.Background(), id, res, SubmitterBond); err != nil {
		n.T.Fatal(err)
	}
}

// Open opens a challenge on request id from account a with trace tr's
// result and returns the game id.
func (n *Net) Open(a common.Address, id *big.Int, tr *graph.Trace) *big.Int {
	n.T.Helper()
	res, err := n.Kernels.Result(tr)
	if err != nil {
		n.T.Fatal(err)
	}
	rc, err := n.Chain.As(a).OpenChallenge(context.Background(), id, res, ChallengerBond)
	if err != nil {
		n.T.Fatal(err)
	}
	return new(big.Int).SetBytes(rc.Logs[0].Data[:32])
}

// Service is what a Feed delivers events to and ticks.
type Service interface {
	HandleLog(ctx context.Context, l types.Log) error
	Tick(ctx context.Context) error
}

// Feed delivers the chain's events to services in order, each once, as
// their log watchers would.
type Feed struct {
	n    *Net
	mu   sync.Mutex
	seen map[Service]int
}

// NewFeed follows n's chain.
func (n *Net) NewFeed() *Feed { return &Feed{n: n, seen: map[Service]int{}} }

// Deliver hands s every event it has not seen yet.
func (f *Feed) Deliver(s Service) {
	f.n.T.Helper()
	f.mu.Lock()
	from := f.seen[s]
	logs := f.n.Chain.Logs(from)
	f.seen[s] = from + len(logs)
	f.mu.Unlock()
	for _, l := range logs {
		if err := s.HandleLog(context.Background(), l); err != nil {
			f.n.T.Fatalf("HandleLog %x: %v", l.Topics[0], err)
		}
	}
}

// Step delivers the new events to s and ticks it once, failing the test on
// a duty error.
func (f *Feed) Step(s Service) {
	f.n.T.Helper()
	f.Deliver(s)
	if err := s.Tick(context.Background()); err != nil {
		f.n.T.Fatalf("tick: %v", err)
	}
}

// Metrics counts metrics in memory (agent.Metrics).
type Metrics struct {
	mu sync.Mutex
	m  map[string]float64
}

// NewMetrics is an empty counter set.
func NewMetrics() *Metrics { return &Metrics{m: map[string]float64{}} }

func (m *Metrics) Inc(name string)            { m.Add(name, 1) }
func (m *Metrics) Set(name string, v float64) { m.mu.Lock(); m.m[name] = v; m.mu.Unlock() }
func (m *Metrics) Add(name string, v float64) { m.mu.Lock(); m.m[name] += v; m.mu.Unlock() }

// Get is a metric's value.
func (m *Metrics) Get(name string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.m[name]
}
