package mips

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Thread is one guest thread's registers and wait (1.3).
type Thread struct {
	ID, PC, NextPC, Lo, Hi uint32
	Regs                   [32]uint32
	// WaitUntil is 0 unless the thread waits in a syscall (1.8): then the
	// virtual time its wait ends, or NoDeadline.
	WaitUntil uint64
}

// ErrMalformed marks inputs that the contract rejects with a revert.
var ErrMalformed = errors.New("malformed input")

// Encode returns the 156-byte thread encoding.
func (t *Thread) Encode() (out [ThreadSize]byte) {
	binary.BigEndian.PutUint32(out[0:], t.ID)
	binary.BigEndian.PutUint32(out[4:], t.PC)
	binary.BigEndian.PutUint32(out[8:], t.NextPC)
	binary.BigEndian.PutUint32(out[12:], t.Lo)
	binary.BigEndian.PutUint32(out[16:], t.Hi)
	for i, r := range t.Regs {
		binary.BigEndian.PutUint32(out[20+4*i:], r)
	}
	binary.BigEndian.PutUint64(out[148:], t.WaitUntil)
	return out
}

// DecodeThread parses a 156-byte thread encoding; regs[0] must be zero.
func DecodeThread(b []byte) (*Thread, error) {
	if len(b) != ThreadSize {
		return nil, fmt.Errorf("%w: thread encoding is %d bytes, want %d", ErrMalformed, len(b), ThreadSize)
	}
	t := &Thread{
		ID:     binary.BigEndian.Uint32(b[0:]),
		PC:     binary.BigEndian.Uint32(b[4:]),
		NextPC: binary.BigEndian.Uint32(b[8:]),
		Lo:     binary.BigEndian.Uint32(b[12:]),
		Hi:     binary.BigEndian.Uint32(b[16:]),
	}
	for i := range t.Regs {
		t.Regs[i] = binary.BigEndian.Uint32(b[20+4*i:])
	}
	t.WaitUntil = binary.BigEndian.Uint64(b[148:])
	if t.Regs[0] != 0 {
		return nil, fmt.Errorf("%w: thread has non-zero regs[0]", ErrMalformed)
	}
	return t, nil
}

// Hash returns threadHash = keccak(encoding).
func (t *Thread) Hash() [32]byte {
	e := t.Encode()
	return Keccak256(e[:])
}

// Clone returns a copy of t.
func (t *Thread) Clone() *Thread { c := *t; return &c }

// PushThread returns keccak(root ‖ threadHash).
func PushThread(root, threadHash [32]byte) [32]byte {
	return Keccak256(root[:], threadHash[:])
}

// StackRoot commits to a thread stack (index 0 = bottom): EMPTY is 32 zero
// bytes and every thread is pushed in order.
func StackRoot(threads []*Thread) (root [32]byte) {
	k := newHasher()
	for _, t := range threads {
		e := t.Encode()
		h := k.sum(e[:])
		root = k.pair(&root, &h)
	}
	return root
}
