package main

import (
	"encoding/binary"
	"fmt"
	"unsafe"
)

// VM syscall numbers and oracle file descriptors (docs/protocol.md 1.8, 1.9).
const (
	sysRead  = 4003
	sysWrite = 4004

	fdPreimageRead  = 5
	fdPreimageWrite = 6
)

// sysStream is the stream over the VM's preimage syscalls: a key write to
// fd 6, then reads from fd 5 of u64be(len) || preimage.
//
// WHY raw syscalls in a hand-written loop (sysLoop, sys_mips.s) rather than
// os.File or syscall.Syscall: every preimage byte crosses a syscall that
// moves at most one memory leaf's worth of bytes, so the per-call overhead
// multiplies with the size of the weights. os.File goes through the poller
// and fd mutexes and syscall.Syscall through entersyscall/exitsyscall
// (hundreds of instructions per call); the assembly loop spends about ten
// instructions per syscall (docs/bench/kernel.md has the measurements).
type sysStream struct{}

// prefix receives the 8-byte stream length; aligned so that one read
// returns it whole.
var prefix = aligned(8)

func (sysStream) open(key *[32]byte) (uint64, error) {
	if n, errno := sysLoop(sysWrite, fdPreimageWrite, unsafe.Pointer(key), 32); errno != 0 || n != 32 {
		return 0, fmt.Errorf("preimage key write: %d of 32 bytes, errno %d", n, errno)
	}
	if n, errno := sysLoop(sysRead, fdPreimageRead, unsafe.Pointer(unsafe.SliceData(prefix)), 8); errno != 0 || n != 8 {
		return 0, fmt.Errorf("preimage length read: %d of 8 bytes, errno %d", n, errno)
	}
	return binary.BigEndian.Uint64(prefix), nil
}

func (sysStream) read(dst []byte) error {
	if len(dst) == 0 {
		return nil
	}
	if n, errno := sysLoop(sysRead, fdPreimageRead, unsafe.Pointer(unsafe.SliceData(dst)), uintptr(len(dst))); errno != 0 || n != uintptr(len(dst)) {
		return fmt.Errorf("preimage read: %d of %d bytes, errno %d", n, len(dst), errno)
	}
	return nil
}
