package mips

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// PreimageOracle serves preimages by key on the host side (1.9). The Go VM
// does not localize local keys: it asks for the raw key the guest wrote.
type PreimageOracle interface {
	GetPreimage(key [32]byte) ([]byte, error)
}

// ErrStepLimit is returned by Run when maxSteps steps ran before the guest exited.
var ErrStepLimit = errors.New("step limit reached before the guest exited")

// ErrNoThread means a non-exited state has an empty active stack, which the
// protocol never produces (1.4).
var ErrNoThread = errors.New("non-exited state has no current thread")

// VM executes a State. It is not safe for concurrent use.
type VM struct {
	s      *State
	oracle PreimageOracle
	stdout io.Writer
	stderr io.Writer

	// Last preimage fetched from the oracle.
	pkey  [32]byte
	pval  []byte
	phave bool

	// Witness bookkeeping for the step in progress.
	wit *StepWitness

	trace   *traceRing
	sampler *sampler

	onSyscall func(SyscallEvent)
	// pending holds, per thread, the event of a syscall that takes several
	// steps (the zeroing of 1.8) from its first step until it returns.
	pending map[uint32]SyscallEvent
}

// SyscallEvent describes one executed syscall: the number and arguments
// before it ran and v0/a3 after (errno when A3Out is 1). A syscall that
// zeroes memory may take several steps of its thread (1.8); it is reported
// once, when it returns, with the arguments of its first step.
type SyscallEvent struct {
	Step           uint64 // the step that returned
	FirstStep      uint64 // the step that started it (Step unless it took several)
	ThreadID       uint32
	Num            uint32
	A0, A1, A2, A3 uint32
	V0Out, A3Out   uint32
}

// OnSyscall registers f to observe every syscall (nil to stop). Syscalls
// always take the reference path, so observing them costs nothing elsewhere.
func (vm *VM) OnSyscall(f func(SyscallEvent)) { vm.onSyscall = f }

// observeSyscall reports the syscall t (pre-step) ran, nt being t after the
// step, unless it has steps to go (more).
func (vm *VM) observeSyscall(t, nt *Thread, more bool) {
	e := SyscallEvent{Step: vm.s.Step, FirstStep: vm.s.Step, ThreadID: t.ID, Num: t.Regs[2],
		A0: t.Regs[4], A1: t.Regs[5], A2: t.Regs[6], A3: t.Regs[7], V0Out: nt.Regs[2], A3Out: nt.Regs[7]}
	first, ok := vm.pending[t.ID]
	if more {
		if !ok {
			if vm.pending == nil {
				vm.pending = map[uint32]SyscallEvent{}
			}
			vm.pending[t.ID] = e
		}
		return
	}
	if ok {
		delete(vm.pending, t.ID)
		e.FirstStep, e.A1 = first.FirstStep, first.A1
	}
	vm.onSyscall(e)
}

// NewVM wraps s. oracle may be nil for guests that never read preimages;
// stdout and stderr may be nil to discard guest output.
func NewVM(s *State, oracle PreimageOracle, stdout, stderr io.Writer) *VM {
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	return &VM{s: s, oracle: oracle, stdout: stdout, stderr: stderr}
}

// State returns the machine state (live, not a copy).
func (vm *VM) State() *State { return vm.s }

// fullMem is memAccess over the whole Memory; when recording it takes each
// slot's proof the first time the slot is used, before any write.
type fullMem struct {
	m      *Memory
	record bool
	proofs [3][ProofSize]byte
	used   [3]bool
}

func (f *fullMem) note(addr uint32, slot int) {
	if f.record && !f.used[slot] {
		f.proofs[slot] = f.m.Proof(addr)
		f.used[slot] = true
	}
}

func (f *fullMem) load(addr uint32, slot int) (uint32, error) {
	f.note(addr, slot)
	return f.m.GetWord(addr), nil
}

func (f *fullMem) store(addr uint32, v uint32, slot int) error {
	f.note(addr, slot)
	f.m.SetWord(addr, v)
	return nil
}

func (f *fullMem) loadBytes(addr, n uint32, slot int) ([]byte, error) {
	f.note(addr, slot)
	return f.m.ReadBytes(addr, int(n)), nil
}

func (f *fullMem) storeBytes(addr uint32, b []byte, slot int) error {
	f.note(addr, slot)
	f.m.SetBytes(addr, b)
	return nil
}

func (f *fullMem) zero(addr uint32, h int, slot int) error {
	if f.record && !f.used[slot] {
		f.proofs[slot] = f.m.SubtreeProof(addr, h)
		f.used[slot] = true
	}
	f.m.ZeroSubtree(addr, h)
	return nil
}

// stream implements streamSource from the host oracle.
func (vm *VM) stream(key [32]byte, offset uint32) ([]byte, error) {
	if !vm.phave || vm.pkey != key {
		if vm.oracle == nil {
			return nil, hostErr("guest read preimage %x but the VM has no oracle", key)
		}
		v, err := vm.oracle.GetPreimage(key)
		if err != nil {
			return nil, fmt.Errorf("%w: preimage %x: %w", errHost, key, err)
		}
		vm.pkey, vm.pval, vm.phave = key, v, true
	}
	if vm.wit != nil {
		vm.wit.HasPreimage = true
		vm.wit.PreimageKey = key
		vm.wit.PreimageOffset = offset
		vm.wit.PreimageValue = append([]byte(nil), vm.pval...)
	}
	return streamPart(vm.pval, offset), nil
}

// relay copies a guest write on fd 1 or 2 to the host writers.
func (vm *VM) relay(fd, addr, n uint32) {
	w := vm.stdout
	if fd == FdStderr {
		w = vm.stderr
	}
	// Copy in bounded chunks: a guest may claim a 4 GiB write.
	const chunk = 1 << 16
	for n > 0 {
		c := min(n, chunk)
		_, _ = w.Write(vm.s.Memory.ReadBytes(addr, int(c)))
		addr += c
		n -= c
	}
}

// Step executes one step. With withProof it returns the witness taken from
// the pre-state; otherwise the witness is nil. It fails only for host
// problems (missing preimage, corrupt state) and then leaves the state as it was.
func (vm *VM) Step(withProof bool) (*StepWitness, error) {
	s := vm.s
	var w *StepWitness
	if withProof {
		enc := s.EncodeGlobal()
		w = &StepWitness{State: enc[:]}
		if s.Exited {
			return w, nil
		}
		t := s.CurrentThread()
		if t == nil {
			return nil, ErrNoThread
		}
		te := t.Encode()
		below := s.activeBelowRoot()
		w.Proof = append(append(make([]byte, 0, ThreadProofSize+3*CompactProofMax), te[:]...), below[:]...)
		vm.wit = w
		defer func() { vm.wit = nil }()
	}
	fm := &fullMem{m: s.Memory, record: withProof}
	if err := vm.step(fm); err != nil {
		return nil, err
	}
	if withProof {
		for i := range fm.used {
			if !fm.used[i] {
				break
			}
			w.Proof = append(w.Proof, CompactProof(&fm.proofs[i])...)
		}
	}
	return w, nil
}

// step executes one full step through core.exec (the reference path).
func (vm *VM) step(fm memAccess) error {
	s := vm.s
	if s.Exited {
		return nil
	}
	active := s.activeStack()
	if len(*active) == 0 {
		return ErrNoThread
	}
	t := (*active)[len(*active)-1]
	if s.StepsSinceSwitch >= Quantum {
		s.Step++
		s.PassWake = 0
		vm.preempt(t)
		return nil
	}
	nt := *t
	g := globals{
		PreimageKey: s.PreimageKey, PreimageOffset: s.PreimageOffset, Heap: s.Heap,
		LLActive: s.LLActive, LLAddress: s.LLAddress, Now: now(s.Step, s.TimeOffset), NextThreadID: s.NextThreadID,
	}
	c := core{g: &g, mem: fm, src: vm, relay: vm.relay}
	if vm.trace != nil {
		vm.trace.record(s, t)
	}
	// Read before the step: a zeroing syscall may clear its own code.
	var insn uint32
	if vm.onSyscall != nil && t.PC&3 == 0 {
		insn = s.Memory.GetWord(t.PC)
	}
	act, code, child, err := c.exec(&nt)
	if err != nil {
		return fmt.Errorf("step %d (pc %#x): %w", s.Step, t.PC, err)
	}
	if vm.onSyscall != nil && insn&0xFC00003F == 0x0000000C {
		// A syscall that has not returned (a zeroing or waiting step, 1.8)
		// leaves pc on it.
		vm.observeSyscall(t, &nt, act != actHalt && act != actThreadExit && nt.PC == t.PC)
	}
	s.Step++
	if act == actHalt {
		s.Exited, s.ExitCode = true, code
		return nil
	}
	s.PreimageKey, s.PreimageOffset, s.Heap = g.PreimageKey, g.PreimageOffset, g.Heap
	s.LLActive, s.LLAddress, s.NextThreadID = g.LLActive, g.LLAddress, g.NextThreadID
	*t = nt
	if act == actWait {
		waitStep(&s.PassWake, nt.WaitUntil)
	} else {
		s.PassWake = 0
	}
	switch act {
	case actNormal:
		s.StepsSinceSwitch++
	case actYield, actWait:
		vm.preempt(t)
	case actThreadExit:
		*active = (*active)[:len(*active)-1]
		if len(*active) == 0 {
			if len(*s.inactiveStack()) == 0 {
				s.Exited, s.ExitCode = true, code
			} else {
				vm.flip()
			}
		}
		s.StepsSinceSwitch, s.LLActive = 0, false
	case actClone:
		*active = append(*active, child)
		s.StepsSinceSwitch, s.LLActive = 0, false
	}
	return nil
}

// flip switches the active stack at the end of a pass (1.5).
func (vm *VM) flip() {
	s := vm.s
	s.TraverseRight = !s.TraverseRight
	endPass(s.Step, &s.TimeOffset, &s.PassWake)
}

// preempt moves the current thread t (already updated) to the inactive stack.
func (vm *VM) preempt(t *Thread) {
	s := vm.s
	active, inactive := s.activeStack(), s.inactiveStack()
	*active = (*active)[:len(*active)-1]
	*inactive = append(*inactive, t)
	if len(*active) == 0 {
		vm.flip()
	}
	s.StepsSinceSwitch, s.LLActive = 0, false
}

// Run executes up to maxSteps steps (math.MaxUint64: no limit) without
// witnesses, stopping early when the guest exits. It returns ErrStepLimit if
// the guest has not exited after maxSteps steps.
func (vm *VM) Run(ctx context.Context, maxSteps uint64) error {
	s := vm.s
	end := s.Step + maxSteps
	if end < s.Step {
		end = ^uint64(0)
	}
	fm := &fullMem{m: s.Memory}
	for !s.Exited {
		if s.Step >= end {
			return ErrStepLimit
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		gap := vm.sampleDue()
		if vm.trace == nil {
			if err := vm.runFast(min(end-s.Step, 1<<22, gap)); err != nil {
				return err
			}
			if s.Exited || s.Step >= end || vm.sampler != nil && s.Step == vm.sampler.next {
				continue
			}
		}
		if err := vm.step(fm); err != nil {
			return err
		}
	}
	return nil
}
