package mips

import (
	"encoding/binary"
	"fmt"
)

// State is the whole machine: memory, the global fields of 1.4 and the two
// thread stacks as slices (index 0 = bottom, last = top).
type State struct {
	Memory           *Memory
	PreimageKey      [32]byte
	PreimageOffset   uint32
	Heap             uint32
	LLActive         bool
	LLAddress        uint32
	ExitCode         uint8
	Exited           bool
	Step             uint64
	StepsSinceSwitch uint64
	TraverseRight    bool
	LeftStack        []*Thread
	RightStack       []*Thread
	NextThreadID     uint32
	// TimeOffset is how far the virtual clock has jumped ahead of
	// step × ClockStepNS; PassWake is 0 once a step of the current pass ran,
	// else the earliest deadline of the waiting threads it checked (1.5).
	TimeOffset uint64
	PassWake   uint64

	// stacks memoizes stack roots; see stackMemo.
	stacks [2]stackMemo
}

// StateData is the decoded 180-byte global state: the State with memory and
// stacks replaced by their roots. It is all the contract ever sees.
type StateData struct {
	MemRoot          [32]byte
	PreimageKey      [32]byte
	PreimageOffset   uint32
	Heap             uint32
	LLActive         bool
	LLAddress        uint32
	ExitCode         uint8
	Exited           bool
	Step             uint64
	StepsSinceSwitch uint64
	TraverseRight    bool
	LeftStack        [32]byte
	RightStack       [32]byte
	NextThreadID     uint32
	TimeOffset       uint64
	PassWake         uint64
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// Encode returns the 180-byte encoding (1.4).
func (d *StateData) Encode() (out [StateSize]byte) {
	copy(out[0:], d.MemRoot[:])
	copy(out[32:], d.PreimageKey[:])
	binary.BigEndian.PutUint32(out[64:], d.PreimageOffset)
	binary.BigEndian.PutUint32(out[68:], d.Heap)
	out[72] = b2u(d.LLActive)
	binary.BigEndian.PutUint32(out[73:], d.LLAddress)
	out[77] = d.ExitCode
	out[78] = b2u(d.Exited)
	binary.BigEndian.PutUint64(out[79:], d.Step)
	binary.BigEndian.PutUint64(out[87:], d.StepsSinceSwitch)
	out[95] = b2u(d.TraverseRight)
	copy(out[96:], d.LeftStack[:])
	copy(out[128:], d.RightStack[:])
	binary.BigEndian.PutUint32(out[160:], d.NextThreadID)
	binary.BigEndian.PutUint64(out[164:], d.TimeOffset)
	binary.BigEndian.PutUint64(out[172:], d.PassWake)
	return out
}

// Hash returns the state hash: keccak(encoding) with byte 0 = status.
func (d *StateData) Hash() [32]byte {
	e := d.Encode()
	return StateHashOf(e[:])
}

// Status returns the status byte of the state (1.4).
func (d *StateData) Status() byte { return statusOf(d.Exited, d.ExitCode) }

func statusOf(exited bool, code uint8) byte {
	switch {
	case !exited:
		return StatusUnfinished
	case code == 0:
		return StatusValid
	case code == 1:
		return StatusInvalid
	default:
		return StatusPanic
	}
}

// StateHashOf hashes a 180-byte encoding, replacing byte 0 by the status read
// from the encoding's exited and exitCode bytes. It does not validate.
func StateHashOf(enc []byte) [32]byte {
	h := Keccak256(enc)
	h[0] = statusOf(enc[78] != 0, enc[77])
	return h
}

// DecodeStateData parses a 180-byte global state; booleans must be 0 or 1.
func DecodeStateData(b []byte) (*StateData, error) {
	if len(b) != StateSize {
		return nil, fmt.Errorf("%w: state is %d bytes, want %d", ErrMalformed, len(b), StateSize)
	}
	for _, off := range []int{72, 78, 95} {
		if b[off] > 1 {
			return nil, fmt.Errorf("%w: boolean at offset %d is %d", ErrMalformed, off, b[off])
		}
	}
	d := &StateData{
		PreimageOffset:   binary.BigEndian.Uint32(b[64:]),
		Heap:             binary.BigEndian.Uint32(b[68:]),
		LLActive:         b[72] == 1,
		LLAddress:        binary.BigEndian.Uint32(b[73:]),
		ExitCode:         b[77],
		Exited:           b[78] == 1,
		Step:             binary.BigEndian.Uint64(b[79:]),
		StepsSinceSwitch: binary.BigEndian.Uint64(b[87:]),
		TraverseRight:    b[95] == 1,
		NextThreadID:     binary.BigEndian.Uint32(b[160:]),
		TimeOffset:       binary.BigEndian.Uint64(b[164:]),
		PassWake:         binary.BigEndian.Uint64(b[172:]),
	}
	copy(d.MemRoot[:], b[0:32])
	copy(d.PreimageKey[:], b[32:64])
	copy(d.LeftStack[:], b[96:128])
	copy(d.RightStack[:], b[128:160])
	return d, nil
}

// Data returns the global state with memory and stacks committed to roots.
func (s *State) Data() *StateData {
	return &StateData{
		MemRoot:          s.Memory.Root(),
		PreimageKey:      s.PreimageKey,
		PreimageOffset:   s.PreimageOffset,
		Heap:             s.Heap,
		LLActive:         s.LLActive,
		LLAddress:        s.LLAddress,
		ExitCode:         s.ExitCode,
		Exited:           s.Exited,
		Step:             s.Step,
		StepsSinceSwitch: s.StepsSinceSwitch,
		TraverseRight:    s.TraverseRight,
		LeftStack:        s.stacks[0].root(s.LeftStack),
		RightStack:       s.stacks[1].root(s.RightStack),
		NextThreadID:     s.NextThreadID,
		TimeOffset:       s.TimeOffset,
		PassWake:         s.PassWake,
	}
}

// EncodeGlobal returns the 180-byte global state encoding (1.4).
func (s *State) EncodeGlobal() [StateSize]byte { d := s.Data(); return d.Encode() }

// Hash returns the state hash (1.4).
func (s *State) Hash() [32]byte { d := s.Data(); return d.Hash() }

// Status returns the status byte (1.4).
func (s *State) Status() byte { return statusOf(s.Exited, s.ExitCode) }

// activeStack returns a pointer to the active stack slice.
func (s *State) activeStack() *[]*Thread {
	if s.TraverseRight {
		return &s.RightStack
	}
	return &s.LeftStack
}

func (s *State) inactiveStack() *[]*Thread {
	if s.TraverseRight {
		return &s.LeftStack
	}
	return &s.RightStack
}

// CurrentThread returns the top of the active stack, or nil if it is empty.
func (s *State) CurrentThread() *Thread {
	a := *s.activeStack()
	if len(a) == 0 {
		return nil
	}
	return a[len(a)-1]
}

// activeBelowRoot returns I, the root of the active stack below its top.
func (s *State) activeBelowRoot() [32]byte {
	i := 0
	if s.TraverseRight {
		i = 1
	}
	a := *s.activeStack()
	return s.stacks[i].root(a[:len(a)-1])
}

// Copy returns a deep copy of s (memory and threads included).
func (s *State) Copy() *State {
	c := *s
	c.Memory = s.Memory.Copy()
	c.LeftStack = copyThreads(s.LeftStack)
	c.RightStack = copyThreads(s.RightStack)
	c.stacks = [2]stackMemo{}
	return &c
}

// Snapshot returns a copy of s whose memory is a copy-on-write snapshot
// (Memory.Snapshot): cheap to take, and the two states then evolve
// independently. Like Memory.Snapshot it writes to s (flushes hashes), so it
// must not run concurrently with other uses of s.
func (s *State) Snapshot() *State {
	c := *s
	c.Memory = s.Memory.Snapshot()
	c.LeftStack = copyThreads(s.LeftStack)
	c.RightStack = copyThreads(s.RightStack)
	c.stacks = [2]stackMemo{}
	return &c
}

func copyThreads(ts []*Thread) []*Thread {
	out := make([]*Thread, len(ts))
	for i, t := range ts {
		out[i] = t.Clone()
	}
	return out
}

// stackMemo caches the prefix roots of one stack. Only the top thread changes
// in a normal step, so recomputing a root costs one or two hashes. Entries are
// validated by pointer and encoding, so outside edits to State are safe.
type stackMemo struct {
	ptrs  []*Thread
	encs  [][ThreadSize]byte
	roots [][32]byte // roots[i] = root of stack[:i+1]
}

func (m *stackMemo) root(ts []*Thread) [32]byte {
	var k *hasher
	var root [32]byte
	for i, t := range ts {
		e := t.Encode()
		if i < len(m.ptrs) && m.ptrs[i] == t && m.encs[i] == e {
			root = m.roots[i]
			continue
		}
		m.ptrs, m.encs, m.roots = m.ptrs[:i], m.encs[:i], m.roots[:i]
		if k == nil {
			k = newHasher()
		}
		h := k.sum(e[:])
		root = k.pair(&root, &h)
		m.ptrs = append(m.ptrs, t)
		m.encs = append(m.encs, e)
		m.roots = append(m.roots, root)
	}
	return root
}

// now is the virtual time of a state at step (1.5), wrapping like a u64.
func now(step, timeOffset uint64) uint64 { return step*ClockStepNS + timeOffset }

// endPass ends a pass of the round robin: the step that flips traverseRight
// calls it with the post-state step (1.5). If every step of the pass was a
// wait step and one of them had a deadline still ahead, the clock jumps to
// the earliest such deadline; the next pass then starts with no deadline seen.
func endPass(step uint64, timeOffset, passWake *uint64) {
	if w := *passWake; w != 0 && w != NoDeadline && w > now(step, *timeOffset) {
		*timeOffset = w - step*ClockStepNS
	}
	*passWake = NoDeadline
}

// waitStep records in passWake a wait step of a thread waiting until
// waitUntil (1.5): a pass that has run nothing keeps its earliest deadline.
func waitStep(passWake *uint64, waitUntil uint64) {
	if *passWake != 0 {
		*passWake = min(*passWake, waitUntil)
	}
}
