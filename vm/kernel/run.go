package kernel

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	mkernel "github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm"
)

// Session is one native execution of a model on one input, ready to set up
// kernel runs for any of its nodes: it holds the trace and every keccak
// preimage a guest may ask for (models/kernel.MapOracle's AddModel and
// AddTrace, which cover chunks, Merkle nodes, node descriptions, the header
// and the S-preimages).
type Session struct {
	Exec  *graph.Executor
	Trace *graph.Trace
	// ELF is the guest program the pre-states are loaded from.
	ELF      []byte
	provider *Provider

	// pre is the kernel's absolute pre-state, hashed once; every request
	// starts from a copy-on-write snapshot of it, so Merkleizing the 3 MB
	// program image (tens of milliseconds) is paid once per session, not
	// per run. Snapshot flushes hash caches into pre, hence the mutex.
	mu  sync.Mutex
	pre *mips.State
}

// NewSession runs model natively on inputs and loads the preimages. A nil
// elf means GuestELF(ctx).
func NewSession(ctx context.Context, model *graph.Model, inputs []*tensor.Tensor, elf []byte) (*Session, error) {
	return NewSessionWith(ctx, model, inputs, elf, graph.Options{})
}

// NewSessionWith is NewSession with executor options (the services run the
// native inference on every core; the bits do not depend on opt).
func NewSessionWith(ctx context.Context, model *graph.Model, inputs []*tensor.Tensor, elf []byte, opt graph.Options) (*Session, error) {
	e, err := graph.NewExecutor(model)
	if err != nil {
		return nil, fmt.Errorf("kernel: %w", err)
	}
	tr, err := e.Run(inputs, opt)
	if err != nil {
		return nil, fmt.Errorf("kernel: native run: %w", err)
	}
	// The weights' chunk trees are added when a guest first opens a
	// weight (Provider.AddLazyTensor): judging one node of a 7 GB model
	// hashes only that node's weights.
	pre := mkernel.MapOracle{}
	if err := pre.AddModelIndex(e); err != nil {
		return nil, fmt.Errorf("kernel: model preimages: %w", err)
	}
	if err := pre.AddTrace(tr); err != nil {
		return nil, fmt.Errorf("kernel: trace preimages: %w", err)
	}
	wc, err := model.WeightCommits()
	if err != nil {
		return nil, fmt.Errorf("kernel: model preimages: %w", err)
	}
	if elf == nil {
		if elf, err = GuestELF(ctx); err != nil {
			return nil, err
		}
	}
	st, err := vm.LoadELF(elf, Argv(e.Root), nil)
	if err != nil {
		return nil, fmt.Errorf("kernel: load guest: %w", err)
	}
	st.Hash()
	p := NewProvider(pre, nil)
	for i, c := range wc {
		enc, err := model.WeightEncoding(i)
		if err != nil {
			return nil, fmt.Errorf("kernel: weight %d: %w", i, err)
		}
		p.AddLazyTensor(c, enc)
	}
	return &Session{Exec: e, Trace: tr, ELF: elf, provider: p, pre: st}, nil
}

// PrestateHash is the hash of the kernel's absolute pre-state for the
// session's model: vm.LoadELF(ELF, Argv(model root), nil).
func (s *Session) PrestateHash() [32]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pre.Hash()
}

// Provider is the session's oracle with no local data; WithLocal adds a
// request's.
func (s *Session) Provider() *Provider { return s.provider }

// Nodes is the number of graph nodes n (k runs over 1..n).
func (s *Session) Nodes() int { return len(s.Trace.States) - 1 }

// NodeInfo describes one prepared kernel run.
type NodeInfo struct {
	K         int         `json:"node"`
	Op        string      `json:"op"`
	ModelRoot merkle.Hash `json:"model_root"`
	Prev      merkle.Hash `json:"prev_state"`    // S_{k-1}
	Claimed   merkle.Hash `json:"claimed_state"` // the S_k put in local data
	Honest    merkle.Hash `json:"honest_state"`  // the native S_k
	// NativeCommit is node k's output commitment in the native trace.
	NativeCommit merkle.Hash `json:"native_commit"`
	// WantExit is the exit code an honest guest must give: ExitValid when
	// Claimed == Honest, else ExitInvalid.
	WantExit int `json:"want_exit"`
}

// Prepare builds node k's kernel run: the pre-state (vm.LoadELF of the
// guest with Argv(model root), no environment) and the oracle serving the
// session's preimages plus LocalData(S_{k-1}, claimed, k). A nil claimed
// means the honest S_k. k must be in 1..n (use PrepareRequest for any
// request, including invalid ones).
func (s *Session) Prepare(k int, claimed *[32]byte) (*mips.State, *Provider, NodeInfo, error) {
	n := s.Nodes()
	if k < 1 || k > n {
		return nil, nil, NodeInfo{}, fmt.Errorf("kernel: node %d outside [1,%d]", k, n)
	}
	info := NodeInfo{K: k, Op: s.Exec.Model.Graph.Nodes[k-1].Op.String(), ModelRoot: s.Exec.Root,
		Prev: s.Trace.States[k-1], Honest: s.Trace.States[k], NativeCommit: s.Trace.NodeCommit(k)}
	info.Claimed = info.Honest
	if claimed != nil {
		info.Claimed = *claimed
	}
	info.WantExit = ExitInvalid
	if info.Claimed == info.Honest {
		info.WantExit = ExitValid
	}
	st, o, err := s.PrepareRequest(info.Prev, info.Claimed, uint32(k))
	if err != nil {
		return nil, nil, NodeInfo{}, err
	}
	return st, o, info, nil
}

// PrepareRequest builds the pre-state and oracle for an arbitrary request,
// as the dispute game would place it.
func (s *Session) PrepareRequest(prev, claimed [32]byte, k uint32) (*mips.State, *Provider, error) {
	s.mu.Lock()
	st := s.pre.Snapshot()
	s.mu.Unlock()
	return st, s.provider.WithLocal(LocalData(prev, claimed, k)), nil
}

// FlipBit returns the S_k of a dishonest node k whose output tensor has data
// bit `bit` flipped (bit 0 = lowest bit of the first data byte, counted
// modulo the data size), and that tensor's commitment: the state a submitter
// with one wrong bit in one intermediate tensor would post.
func (s *Session) FlipBit(k, bit int) (state, commit merkle.Hash, err error) {
	n := s.Nodes()
	if k < 1 || k > n {
		return state, commit, fmt.Errorf("kernel: node %d outside [1,%d]", k, n)
	}
	slot := s.Trace.NumInputs + k - 1
	enc, err := s.Trace.Values[slot].Encode()
	if err != nil {
		return state, commit, err
	}
	hdr, err := tensor.DecodeHeader(enc)
	if err != nil {
		return state, commit, err
	}
	if hdr.Data == 0 {
		return state, commit, fmt.Errorf("kernel: node %d output has no data bits", k)
	}
	bit %= 8 * hdr.Data
	if bit < 0 {
		bit += 8 * hdr.Data
	}
	enc[hdr.Size+bit/8] ^= 1 << (bit % 8)
	commit = tensor.CommitBytes(enc)
	_, path, err := s.Trace.SlotProof(k-1, slot)
	if err != nil {
		return state, commit, err
	}
	state, err = graph.NextState(s.Trace.States[k-1], s.Exec.Root, slot, path, commit)
	return state, commit, err
}

// Result is a completed kernel run.
type Result struct {
	Steps     uint64   `json:"steps"`
	ExitCode  uint8    `json:"exit_code"`
	FinalHash [32]byte `json:"-"`
	// OracleReadSteps counts the steps that read the preimage stream (fd 5)
	// and OracleKeySteps those that write a key (fd 6): the steps whose
	// witness needs the on-chain PreimageOracle.
	OracleReadSteps uint64 `json:"oracle_read_steps"`
	OracleKeySteps  uint64 `json:"oracle_key_steps"`
	// FetchSteps is the span from the first to the last oracle syscall:
	// everything the guest does to fetch and decode its inputs.
	FetchSteps uint64 `json:"fetch_steps"`
	Stdout     []byte `json:"-"`
	Stderr     []byte `json:"-"`
	// Report is the guest's stdout line, parsed (nil unless exit 0 or 1).
	Report *Report `json:"-"`
}

// OracleShare is the fraction of steps that are oracle syscalls.
func (r *Result) OracleShare() float64 {
	if r.Steps == 0 {
		return 0
	}
	return float64(r.OracleReadSteps+r.OracleKeySteps) / float64(r.Steps)
}

// Verdict names the exit code: "valid", "invalid", "bad-request" or
// "panic(N)".
func Verdict(code uint8) string {
	switch code {
	case ExitValid:
		return "valid"
	case ExitInvalid:
		return "invalid"
	case ExitBadRequest:
		return "bad-request"
	}
	return "panic(" + strconv.Itoa(int(code)) + ")"
}

// DefaultMaxSteps bounds a kernel run: the largest built-in node takes a
// few million steps, so a guest still running after 2^32 is broken.
const DefaultMaxSteps = 1 << 32

// Run executes a prepared kernel run to its exit (at most maxSteps steps,
// 0 = DefaultMaxSteps) without witnesses. An error is a host problem (a
// missing or tampered preimage, the step limit, ctx), never a verdict.
// setup functions configure the VM before it runs (a profiler, say).
func Run(ctx context.Context, st *mips.State, o mips.PreimageOracle, maxSteps uint64, setup ...func(*mips.VM)) (*Result, error) {
	if maxSteps == 0 {
		maxSteps = DefaultMaxSteps
	}
	ob := &observer{base: st.Step}
	m := mips.NewVM(st, o, &ob.stdout, &ob.stderr)
	ob.attach(m)
	for _, f := range setup {
		f(m)
	}
	if err := m.Run(ctx, maxSteps); err != nil {
		return nil, fmt.Errorf("kernel: vm run (step %d): %w", st.Step-ob.base, err)
	}
	return ob.result(st.Step-ob.base, st.ExitCode, st.Hash())
}

// TraceRun is Run through vm.NewTrace: one pass both builds the trace a
// dispute bisects (snapshots every opts.SnapshotEvery steps, bounded by
// opts.MaxSteps, 0 = DefaultMaxSteps) and reports on the run, as Run does.
func TraceRun(ctx context.Context, st *mips.State, o mips.PreimageOracle, opts vm.TraceOptions, setup ...func(*mips.VM)) (*vm.Trace, *Result, error) {
	if opts.MaxSteps == 0 {
		opts.MaxSteps = DefaultMaxSteps
	}
	ob := &observer{base: st.Step}
	opts.Stdout, opts.Stderr = &ob.stdout, &ob.stderr
	opts.Setup = func(m *mips.VM) {
		ob.attach(m)
		for _, f := range setup {
			f(m)
		}
	}
	tr, err := vm.NewTrace(ctx, st, o, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("kernel: %w", err)
	}
	res, err := ob.result(tr.Steps(), tr.ExitCode(), tr.FinalHash())
	return tr, res, err
}

// observer collects what a Result reports about one run: the guest's
// output and its oracle syscalls.
type observer struct {
	base           uint64
	stdout, stderr bytes.Buffer
	reads, keys    uint64
	first, last    uint64
}

func (ob *observer) attach(m *mips.VM) {
	m.OnSyscall(func(e mips.SyscallEvent) {
		switch {
		case e.Num == mips.SysRead && e.A0 == mips.FdPreimageRead:
			ob.reads++
		case e.Num == mips.SysWrite && e.A0 == mips.FdPreimageWrite:
			ob.keys++
		default:
			return
		}
		if ob.reads+ob.keys == 1 {
			ob.first = e.Step
		}
		ob.last = e.Step
	})
}

// result is the Result of a run of steps steps that exited with code.
func (ob *observer) result(steps uint64, code uint8, final [32]byte) (*Result, error) {
	res := &Result{Steps: steps, ExitCode: code, FinalHash: final, OracleReadSteps: ob.reads, OracleKeySteps: ob.keys,
		Stdout: ob.stdout.Bytes(), Stderr: ob.stderr.Bytes()}
	if ob.last > ob.first {
		res.FetchSteps = ob.last - ob.first + 1
	}
	if res.ExitCode == ExitValid || res.ExitCode == ExitInvalid {
		rep, err := ParseReport(res.Stdout)
		if err != nil {
			return nil, err
		}
		res.Report = rep
	}
	return res, nil
}

// Report is the guest's stdout line on exit 0 or 1:
//
//	aivm-kernel k=<k> op=<op> out=0x<commitment> sk=0x<S_k> valid=<bool>
type Report struct {
	K        int
	Op       string
	Output   merkle.Hash // node k's output commitment computed in the VM
	Expected merkle.Hash // the S_k the guest derived
	Valid    bool
}

// ErrReport means the guest's stdout is not a report line.
var ErrReport = errors.New("kernel: bad guest report")

// ParseReport parses the last line of the guest's stdout.
func ParseReport(stdout []byte) (*Report, error) {
	lines := strings.Split(strings.TrimRight(string(stdout), "\n"), "\n")
	f := strings.Fields(lines[len(lines)-1])
	if len(f) != 6 || f[0] != argv0 {
		return nil, fmt.Errorf("%w: %q", ErrReport, stdout)
	}
	kv := map[string]string{}
	for _, p := range f[1:] {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return nil, fmt.Errorf("%w: field %q", ErrReport, p)
		}
		kv[k] = v
	}
	r := &Report{Op: kv["op"]}
	var err error
	if r.K, err = strconv.Atoi(kv["k"]); err != nil {
		return nil, fmt.Errorf("%w: k: %w", ErrReport, err)
	}
	if r.Valid, err = strconv.ParseBool(kv["valid"]); err != nil {
		return nil, fmt.Errorf("%w: valid: %w", ErrReport, err)
	}
	for name, dst := range map[string]*merkle.Hash{"out": &r.Output, "sk": &r.Expected} {
		b, err := hex.DecodeString(strings.TrimPrefix(kv[name], "0x"))
		if err != nil || len(b) != 32 {
			return nil, fmt.Errorf("%w: %s=%q", ErrReport, name, kv[name])
		}
		*dst = merkle.Hash(b)
	}
	return r, nil
}
