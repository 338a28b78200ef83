//go:build linux && mips && !aivm_syscall && !aivm_rawsyscall && !aivm_osfile

package main

import "unsafe"

// sysLoop issues syscall num(fd, p+done, n-done) until n bytes are moved, a
// call returns 0 (end of stream) or an error; it returns the bytes moved and
// the errno of a failed call (0 otherwise). Implemented in sys_mips.s.
//
//go:noescape
func sysLoop(num, fd uintptr, p unsafe.Pointer, n uintptr) (done, errno uintptr)
