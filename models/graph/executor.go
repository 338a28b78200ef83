package graph

import (
	"fmt"
	"sync"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Executor runs a validated model natively. Construction validates the
// graph and hashes the weights once, so repeated runs pay only for compute
// and for committing the activations.
type Executor struct {
	Model     *Model
	Root      merkle.Hash // model root
	GraphHash merkle.Hash
	Slots     []tensor.Spec // spec of every activation slot
}

// NewExecutor validates m and computes its root.
func NewExecutor(m *Model) (*Executor, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	slots, err := m.Graph.Validate()
	if err != nil {
		return nil, err
	}
	wc, err := m.WeightCommits()
	if err != nil {
		return nil, err
	}
	gh, err := m.Graph.Hash()
	if err != nil {
		return nil, err
	}
	return &Executor{Model: m, Root: ModelRoot(wc, gh), GraphHash: gh, Slots: slots}, nil
}

// Trace is the record of one execution: the commitment of every activation
// slot (inputs, then node k's output at NodeSlot(k)) and the graph states
// S_0..S_n. The dispute game bisects over States.
type Trace struct {
	ModelRoot    merkle.Hash
	NumInputs    int
	SlotCommits  []merkle.Hash
	States       []merkle.Hash
	Values       []*tensor.Tensor // every slot's tensor
	Outputs      []*tensor.Tensor
	OutputCommit merkle.Hash
}

// NodeCommit returns the output commitment of node k (1-based).
func (t *Trace) NodeCommit(k int) merkle.Hash { return t.SlotCommits[t.NumInputs+k-1] }

// Options tunes execution; results never depend on them.
type Options struct {
	// Workers > 1 runs independent nodes concurrently and splits large
	// kernels across goroutines.
	Workers int
	// MinParallelWork is the estimated work (elements touched) below which
	// a node or a level runs on one goroutine: waking goroutines costs tens
	// of microseconds, more than small kernels take. 0 means 1<<20.
	MinParallelWork int
	// Runner, when set, executes every node in place of RunNode (e.g. on
	// a GPU); nodes then run one at a time in graph order and Workers is
	// not used.
	Runner NodeRunner
}

// NodeRunner executes single nodes for the Executor. RunNode must return
// the tensor that RunNode (the package function) returns for the same node
// and inputs, bit for bit, or an error. EndRun is called once after each
// Executor run that used the runner, so it can drop per-run state.
type NodeRunner interface {
	RunNode(n *Node, in []*tensor.Tensor) (*tensor.Tensor, error)
	EndRun()
}

// DefaultMinParallelWork is the default of Options.MinParallelWork.
const DefaultMinParallelWork = 1 << 20

// StateHash is S = keccak(modelRoot || activationsRoot).
func StateHash(modelRoot, activationsRoot merkle.Hash) merkle.Hash {
	return merkle.Keccak(modelRoot[:], activationsRoot[:])
}

// States computes S_0..S_n from slot commitments: S_0 has the input slots
// filled and every node slot Empty; S_k additionally has nodes 1..k.
func States(modelRoot merkle.Hash, numInputs int, slotCommits []merkle.Hash) ([]merkle.Hash, error) {
	if numInputs < 0 || numInputs > len(slotCommits) {
		return nil, fmt.Errorf("%w: %d inputs among %d slots", ErrGraph, numInputs, len(slotCommits))
	}
	tree := merkle.NewTree(len(slotCommits))
	for i := 0; i < numInputs; i++ {
		if err := tree.Set(i, slotCommits[i]); err != nil {
			return nil, err
		}
	}
	n := len(slotCommits) - numInputs
	states := make([]merkle.Hash, 0, n+1)
	states = append(states, StateHash(modelRoot, tree.Root()))
	for k := 1; k <= n; k++ {
		if err := tree.Set(numInputs+k-1, slotCommits[numInputs+k-1]); err != nil {
			return nil, err
		}
		states = append(states, StateHash(modelRoot, tree.Root()))
	}
	return states, nil
}

// OutputCommit combines output commitments: the Merkle root over them (the
// single commitment itself when there is one output).
func OutputCommit(commits []merkle.Hash) merkle.Hash { return merkle.Root(commits) }

// CheckInputs validates request inputs against the graph's declared inputs.
func (e *Executor) CheckInputs(inputs []*tensor.Tensor) error {
	g := e.Model.Graph
	if len(inputs) != len(g.Inputs) {
		return fmt.Errorf("%w: %d inputs, model %q takes %d", ErrInput, len(inputs), g.Name, len(g.Inputs))
	}
	for i, t := range inputs {
		if err := g.Inputs[i].Spec.Check(t); err != nil {
			return fmt.Errorf("%w: input %q: %w", ErrInput, g.Inputs[i].Name, err)
		}
	}
	return nil
}

// Run executes the graph and records the trace.
func (e *Executor) Run(inputs []*tensor.Tensor, opt Options) (*Trace, error) {
	vals, commits, err := e.run(inputs, opt, true)
	if err != nil {
		return nil, err
	}
	g := e.Model.Graph
	states, err := States(e.Root, len(g.Inputs), commits)
	if err != nil {
		return nil, err
	}
	tr := &Trace{ModelRoot: e.Root, NumInputs: len(g.Inputs), SlotCommits: commits, States: states, Values: vals}
	outCommits := make([]merkle.Hash, len(g.Outputs))
	for i, r := range g.Outputs {
		if r.IsWeight() {
			tr.Outputs = append(tr.Outputs, e.Model.Weights[r.Index()])
			outCommits[i] = e.Model.Weights[r.Index()].MustCommit()
		} else {
			tr.Outputs = append(tr.Outputs, vals[r.Index()])
			outCommits[i] = commits[r.Index()]
		}
	}
	tr.OutputCommit = OutputCommit(outCommits)
	return tr, nil
}

// Eval executes the graph serially without commitments and returns only the
// outputs: the fast path for accuracy evaluation.
func (e *Executor) Eval(inputs []*tensor.Tensor) ([]*tensor.Tensor, error) {
	vals, _, err := e.run(inputs, Options{}, false)
	if err != nil {
		return nil, err
	}
	outs := make([]*tensor.Tensor, len(e.Model.Graph.Outputs))
	for i, r := range e.Model.Graph.Outputs {
		if r.IsWeight() {
			outs[i] = e.Model.Weights[r.Index()]
		} else {
			outs[i] = vals[r.Index()]
		}
	}
	return outs, nil
}

// run computes every slot and, when commit is set, every slot's commitment.
func (e *Executor) run(inputs []*tensor.Tensor, opt Options, commit bool) ([]*tensor.Tensor, []merkle.Hash, error) {
	if err := e.CheckInputs(inputs); err != nil {
		return nil, nil, err
	}
	g := e.Model.Graph
	nIn := len(g.Inputs)
	vals := make([]*tensor.Tensor, g.NumSlots())
	commits := make([]merkle.Hash, g.NumSlots())
	copy(vals, inputs)
	for i, t := range inputs {
		if commit {
			commits[i] = t.MustCommit() // validated by CheckInputs
		}
	}
	runOne := func(k int, split Split) error {
		n := &g.Nodes[k-1]
		in := make([]*tensor.Tensor, len(n.Inputs))
		for i, r := range n.Inputs {
			if r.IsWeight() {
				in[i] = e.Model.Weights[r.Index()]
			} else {
				in[i] = vals[r.Index()]
			}
		}
		var out *tensor.Tensor
		var err error
		if opt.Runner != nil {
			out, err = opt.Runner.RunNode(n, in)
		} else {
			out, err = runNode(n, in, split)
		}
		if err != nil {
			return fmt.Errorf("node %d: %w", k, err)
		}
		vals[nIn+k-1] = out
		if commit {
			commits[nIn+k-1] = out.MustCommit() // runNode returns valid tensors
		}
		return nil
	}
	if opt.Runner != nil {
		defer opt.Runner.EndRun()
	}
	if opt.Workers <= 1 || opt.Runner != nil {
		for k := 1; k <= len(g.Nodes); k++ {
			if err := runOne(k, Serial); err != nil {
				return nil, nil, err
			}
		}
	} else if err := e.runParallel(opt, runOne); err != nil {
		return nil, nil, err
	}
	return vals, commits, nil
}

// Largest is the node that reads the most input elements: the heaviest
// node to judge in the VM (in a LLaMA step, the output projection).
func (e *Executor) Largest() int {
	best := 1
	for k := 2; k <= len(e.Model.Graph.Nodes); k++ {
		if e.work(k) > e.work(best) {
			best = k
		}
	}
	return best
}

// MACs is node k's multiply-add count: rows x columns (x input rows) for
// fc and matmul_acc, and for attention heads x head dim x 2 per cached
// position over the whole cache (exact for a step at the last position, an
// upper bound before it); 0 for the other ops. It is the unit of the VM's
// per-node step budget (docs/kernel.md).
func (e *Executor) MACs(k int) int64 {
	g := e.Model.Graph
	n := g.Nodes[k-1]
	spec := func(r Ref) tensor.Spec {
		if r.IsWeight() {
			return g.Weights[r.Index()].Spec
		}
		return e.Slots[r.Index()]
	}
	switch n.Op {
	case OpFC, OpMatMulAcc:
		x, w := spec(n.Inputs[0]), spec(n.Inputs[1])
		rows := int64(1)
		if len(x.Shape) == 2 {
			rows = int64(x.Shape[0])
		}
		return rows * int64(w.Shape[0]) * int64(w.Shape[1])
	case OpAttention:
		if len(n.Attrs) < 3 {
			return 0
		}
		seq := int64(spec(n.Inputs[1]).Shape[0])
		return 2 * n.Attrs[0] * n.Attrs[2] * seq
	}
	return 0
}

// work estimates node k's cost as the number of input elements it reads.
func (e *Executor) work(k int) int {
	g := e.Model.Graph
	w := 0
	for _, r := range g.Nodes[k-1].Inputs {
		spec := tensor.Spec{}
		if r.IsWeight() {
			spec = g.Weights[r.Index()].Spec
		} else {
			spec = e.Slots[r.Index()]
		}
		n, _ := tensor.NumElements(spec.Shape)
		w += n
	}
	return w
}

// levels assigns each node the length of its longest dependency chain, so
// nodes of one level are independent of each other.
func (g *Graph) levels() [][]int {
	nIn := len(g.Inputs)
	lvl := make([]int, len(g.Nodes)+1)
	var out [][]int
	for k := 1; k <= len(g.Nodes); k++ {
		l := 0
		for _, r := range g.Nodes[k-1].Inputs {
			if !r.IsWeight() && r.Index() >= nIn {
				l = max(l, lvl[r.Index()-nIn+1]+1)
			}
		}
		lvl[k] = l
		for len(out) <= l {
			out = append(out, nil)
		}
		out[l] = append(out[l], k)
	}
	return out
}

// runParallel runs level by level; within a level nodes run concurrently and
// each node's kernel is split across the workers. Every value is computed by
// the same integer expressions as the serial path, so the bits are identical.
func (e *Executor) runParallel(opt Options, runOne func(int, Split) error) error {
	workers, minWork := opt.Workers, opt.MinParallelWork
	if minWork <= 0 {
		minWork = DefaultMinParallelWork
	}
	split := func(n int, f func(lo, hi int)) {
		w := min(workers, n/16) // small loops are not worth a goroutine
		if w <= 1 {
			f(0, n)
			return
		}
		var wg sync.WaitGroup
		for i := 1; i < w; i++ {
			lo, hi := n*i/w, n*(i+1)/w
			wg.Go(func() { f(lo, hi) })
		}
		f(0, n/w) // the first range runs on the calling goroutine
		wg.Wait()
	}
	for _, level := range e.Model.Graph.levels() {
		total := 0
		for _, k := range level {
			total += e.work(k)
		}
		if len(level) == 1 || total < minWork { // nothing worth overlapping
			for _, k := range level {
				s := Serial
				if e.work(k) >= minWork {
					s = split
				}
				if err := runOne(k, s); err != nil {
					return err
				}
			}
			continue
		}
		errs := make([]error, len(level))
		var wg sync.WaitGroup
		sem := make(chan struct{}, workers)
		for i, k := range level {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				errs[i] = runOne(k, split)
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
	}
	return nil
}
