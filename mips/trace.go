package mips

import (
	"fmt"
	"io"
)

// TraceEntry is one executed step as seen before it ran.
type TraceEntry struct {
	Step     uint64
	ThreadID uint32
	PC       uint32
	Insn     uint32
	Regs     [32]uint32
	Lo, Hi   uint32
}

// traceRing keeps the last n steps for post-mortem debugging of faults.
type traceRing struct {
	buf  []TraceEntry
	next int
	full bool
}

// SetTrace keeps the last n executed steps (0 disables tracing). Tracing
// makes Run take the reference path, which is several times slower.
func (vm *VM) SetTrace(n int) {
	if n <= 0 {
		vm.trace = nil
		return
	}
	vm.trace = &traceRing{buf: make([]TraceEntry, n)}
}

func (r *traceRing) record(s *State, t *Thread) {
	e := &r.buf[r.next]
	e.Step, e.ThreadID, e.PC, e.Regs, e.Lo, e.Hi = s.Step, t.ID, t.PC, t.Regs, t.Lo, t.Hi
	e.Insn = 0
	if t.PC&3 == 0 {
		e.Insn = s.Memory.GetWord(t.PC)
	}
	r.next++
	if r.next == len(r.buf) {
		r.next, r.full = 0, true
	}
}

// Trace returns the recorded steps, oldest first.
func (vm *VM) Trace() []TraceEntry {
	r := vm.trace
	if r == nil {
		return nil
	}
	if !r.full {
		return append([]TraceEntry(nil), r.buf[:r.next]...)
	}
	return append(append([]TraceEntry(nil), r.buf[r.next:]...), r.buf[:r.next]...)
}

var regNames = [32]string{"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
	"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra"}

// WriteTrace prints the recorded steps, one line per step plus registers.
func (vm *VM) WriteTrace(w io.Writer) {
	for _, e := range vm.Trace() {
		fmt.Fprintf(w, "step %d tid %d pc %08x insn %08x lo %08x hi %08x\n", e.Step, e.ThreadID, e.PC, e.Insn, e.Lo, e.Hi)
		for i := 0; i < 32; i += 8 {
			fmt.Fprint(w, " ")
			for j := i; j < i+8; j++ {
				fmt.Fprintf(w, " %s=%08x", regNames[j], e.Regs[j])
			}
			fmt.Fprintln(w)
		}
	}
}
