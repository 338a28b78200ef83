//go:build linux && mips && aivm_osfile

package main

const (
	osFile     = true
	rawSyscall = false
)
