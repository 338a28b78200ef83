//go:build linux && mips && aivm_syscall

package main

const (
	osFile     = false
	rawSyscall = false
)
