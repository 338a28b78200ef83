//go:build linux && mips && (aivm_syscall || aivm_rawsyscall || aivm_osfile)

package main

// Slower oracle loops, for measurement only (docs/bench/kernel.md,
// BenchmarkGuestStream): the kernel is always built without these tags.

import (
	"os"
	"syscall"
	"unsafe"
)

var (
	preimageRead  = os.NewFile(fdPreimageRead, "preimage-read")
	preimageWrite = os.NewFile(fdPreimageWrite, "preimage-write")
)

func sysLoop(num, fd uintptr, p unsafe.Pointer, n uintptr) (done, errno uintptr) {
	for done < n {
		var r uintptr
		var e syscall.Errno
		switch {
		case osFile:
			f := preimageRead
			if num == sysWrite {
				f = preimageWrite
			}
			buf := unsafe.Slice((*byte)(unsafe.Add(p, done)), n-done)
			var c int
			var err error
			if num == sysWrite {
				c, err = f.Write(buf)
			} else {
				c, err = f.Read(buf)
			}
			if err != nil && c == 0 {
				return done, uintptr(syscall.EIO)
			}
			r = uintptr(c)
		case rawSyscall:
			r, _, e = syscall.RawSyscall(num, fd, uintptr(unsafe.Add(p, done)), n-done)
		default:
			r, _, e = syscall.Syscall(num, fd, uintptr(unsafe.Add(p, done)), n-done)
		}
		if e != 0 {
			return done, uintptr(e)
		}
		if r == 0 {
			return done, 0
		}
		done += r
	}
	return done, 0
}
