package vm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/aivm-dev/aivm/mips"
)

// DefaultSnapshotEvery is the snapshot interval used when
// TraceOptions.SnapshotEvery is 0. WHY this value: a random StateHash
// restores the snapshot below i and replays at most this many steps; at
// 4 Mi the worst measured query is 36 ms (gcpressure), inside the 100 ms
// target with room for a loaded machine, while 16 Mi reaches 90 ms and 1 Mi
// holds ~2-4x the snapshot memory for no needed gain (docs/bench/trace.md).
const DefaultSnapshotEvery = 4 << 20

// TraceOptions configures NewTrace.
type TraceOptions struct {
	// SnapshotEvery is the number of steps between snapshots (0:
	// DefaultSnapshotEvery). Smaller is faster to query, larger holds less
	// memory.
	SnapshotEvery uint64
	// MaxSteps bounds the pass (0: no bound); a guest still running after
	// MaxSteps steps makes NewTrace fail with an error wrapping
	// mips.ErrStepLimit.
	MaxSteps uint64
	// Progress, if set, is called after each snapshot interval of the pass
	// with the number of steps executed so far.
	Progress func(step uint64)
	// Stdout and Stderr receive the guest's output during the pass (nil:
	// discarded); Setup, if set, configures the pass's VM before it runs
	// (syscall observers, a profiler), so one pass can both build the trace
	// and report on the run.
	Stdout, Stderr io.Writer
	Setup          func(*mips.VM)
}

// Trace gives random access to every state of one execution, as the dispute
// game's bisection needs: state i is the state after i steps from the
// initial state (so index i is the state's Step field minus the initial
// state's). NewTrace runs the execution once, keeping a copy-on-write
// snapshot of the state every SnapshotEvery steps; a query restores the
// nearest snapshot at or below i (a cheap copy-on-write clone) and runs
// forward. The last restored state is kept and reused when a later query
// lies ahead of it and no closer snapshot exists, and the last 32 queried
// states are kept as extra snapshots, which is what bisection needs: its
// next query always lies between two earlier ones (and a Witness(i) leaves
// the current state at i+1).
//
// States past the exit are the final state (spec 1.5: a step on an exited
// state changes nothing), so every index is valid.
//
// A Trace is safe for concurrent use; queries are serialized by a mutex
// (they share the restored state), so concurrent callers do not run in
// parallel.
type Trace struct {
	oracle mips.PreimageOracle
	every  uint64
	base   uint64 // the initial state's Step

	// Set by NewTrace, read-only afterwards.
	steps     uint64
	exitCode  uint8
	finalHash [32]byte
	snapBytes uint64
	guest     uint64

	mu    sync.Mutex
	snaps []*mips.State // snaps[k]: state k*every; never run, only cloned
	final *mips.State   // exited; only hashed and witnessed (no-op steps)
	cur   *mips.State   // last restored state, or nil
	curVM *mips.VM
	// recent holds snapshots of the last queried states (oldest first), so
	// that a query just below a recent one need not replay from a regular
	// snapshot: in bisection the next query lies between two earlier ones.
	recent []*mips.State
}

// recentSnapshots bounds Trace.recent. WHY 32: a bisection walk only ever
// restarts from its current lower bound, one of the last ~log2(interval)
// queries; each entry holds only the pages written after it.
const recentSnapshots = 32

// NewTrace runs initial to its exit (or opts.MaxSteps) with oracle serving
// preimages and returns the trace. initial is not modified, except that its
// memory's hash caches are brought up to date (see mips.State.Snapshot);
// it must not be used concurrently with NewTrace, and may be used freely
// afterwards (it shares pages with the trace copy-on-write).
func NewTrace(ctx context.Context, initial *mips.State, oracle mips.PreimageOracle, opts TraceOptions) (*Trace, error) {
	every := opts.SnapshotEvery
	if every == 0 {
		every = DefaultSnapshotEvery
	}
	t := &Trace{oracle: oracle, every: every, base: initial.Step}
	live := initial.Snapshot()
	machine := mips.NewVM(live, oracle, opts.Stdout, opts.Stderr)
	if opts.Setup != nil {
		opts.Setup(machine)
	}
	for !live.Exited {
		done := live.Step - t.base
		if done%every == 0 {
			t.snaps = append(t.snaps, live.Snapshot())
		}
		if opts.MaxSteps > 0 && done >= opts.MaxSteps {
			return nil, fmt.Errorf("vm: trace: guest still running after %d steps (MaxSteps): %w", done, mips.ErrStepLimit)
		}
		chunk := every - done%every
		if opts.MaxSteps > 0 {
			chunk = min(chunk, opts.MaxSteps-done)
		}
		if err := machine.Run(ctx, chunk); err != nil && !errors.Is(err, mips.ErrStepLimit) {
			return nil, fmt.Errorf("vm: trace: run from step %d: %w", live.Step, err)
		}
		if opts.Progress != nil {
			opts.Progress(live.Step - t.base)
		}
	}
	t.final = live
	t.steps = live.Step - t.base
	t.exitCode = live.ExitCode
	t.finalHash = live.Hash()

	// Accounting. Successive snapshots share objects slot by slot, so the
	// distinct bytes of the chain are the first one's plus each one's
	// delta against its predecessor; the final state is the chain's end.
	var total uint64
	var prev *mips.Memory
	for _, s := range append(t.snaps, live) {
		total += s.Memory.BytesNotIn(prev)
		prev = s.Memory
	}
	t.guest = live.Memory.BytesNotIn(nil)
	t.snapBytes = total - t.guest
	return t, nil
}

// Steps is the number of steps to the exit: state Steps() is the first
// exited one.
func (t *Trace) Steps() uint64 { return t.steps }

// ExitCode is the guest's exit code (255 for a fault, spec 1.7).
func (t *Trace) ExitCode() uint8 { return t.exitCode }

// FinalHash is the hash of the exited state (and of every later index).
func (t *Trace) FinalHash() [32]byte { return t.finalHash }

// SnapshotEvery is the snapshot interval in steps.
func (t *Trace) SnapshotEvery() uint64 { return t.every }

// SnapshotBytes is the memory (page and directory objects, plus the small
// upper Merkle maps) that the snapshots hold and the final state does not:
// the cost of random access on top of the guest's own memory. It counts the
// regular snapshots taken by NewTrace, not the up to 32 that queries keep
// (each holds the pages written since an earlier one, at most an interval's).
func (t *Trace) SnapshotBytes() uint64 { return t.snapBytes }

// GuestBytes is the memory held by the final state alone, for comparison
// with SnapshotBytes.
func (t *Trace) GuestBytes() uint64 { return t.guest }

// StateHash returns the hash of state i (the final hash for i >= Steps()).
func (t *Trace) StateHash(i uint64) ([32]byte, error) {
	if i >= t.steps {
		return t.finalHash, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	s, err := t.seek(i)
	if err != nil {
		return [32]byte{}, err
	}
	return s.Hash(), nil
}

// Witness returns the witness of the step from state i to state i+1, which
// mips.VerifyStep turns into StateHash(i+1). For i >= Steps() it is the
// exited state's witness (no thread, no memory proofs), whose post-state is
// the pre-state.
func (t *Trace) Witness(i uint64) (*mips.StepWitness, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if i >= t.steps {
		w, err := mips.NewVM(t.final, t.oracle, nil, nil).Step(true)
		if err != nil {
			return nil, fmt.Errorf("vm: trace: witness of exited state: %w", err)
		}
		return w, nil
	}
	if _, err := t.seek(i); err != nil {
		return nil, err
	}
	w, err := t.curVM.Step(true)
	if err != nil {
		// Step leaves the state as it was, so cur is still state i.
		return nil, fmt.Errorf("vm: trace: witness of step %d: %w", i, err)
	}
	return w, nil
}

// seek makes t.cur state i (< t.steps) and returns it; t.mu must be held.
// It starts from the latest known state at or before i: the current one, a
// recent query's or the regular snapshot below i.
func (t *Trace) seek(i uint64) (*mips.State, error) {
	base := t.snaps[i/t.every]
	for _, r := range t.recent {
		if at := r.Step - t.base; at <= i && r.Step > base.Step {
			base = r
		}
	}
	if t.cur == nil || t.cur.Step-t.base > i || t.cur.Step < base.Step {
		// Restore a copy-on-write clone: the base itself is never run.
		t.cur = base.Snapshot()
		t.curVM = mips.NewVM(t.cur, t.oracle, nil, nil)
	}
	at := t.cur.Step - t.base
	if at < i {
		// WHY Background: the run is bounded by SnapshotEvery steps
		// (milliseconds), so it is not worth a context in the query API.
		err := t.curVM.Run(context.Background(), i-at)
		if err != nil && !errors.Is(err, mips.ErrStepLimit) {
			t.cur = nil
			return nil, fmt.Errorf("vm: trace: replay from step %d to %d: %w", at, i, err)
		}
	}
	if got := t.cur.Step - t.base; got != i || t.cur.Exited {
		// The pass ran this far without exiting, so the replay must too;
		// anything else means a nondeterministic oracle or a VM bug.
		t.cur = nil
		return nil, fmt.Errorf("vm: trace: replay reached step %d (exited %v), want %d: execution is not deterministic", got, i, i)
	}
	if at != i {
		// Remember state i (cheap: copy-on-write, and the caller hashes it
		// anyway, which is the flush Snapshot needs).
		if len(t.recent) == recentSnapshots {
			t.recent = append(t.recent[:0], t.recent[1:]...)
		}
		t.recent = append(t.recent, t.cur.Snapshot())
	}
	return t.cur, nil
}
