//go:build linux && mips && aivm_rawsyscall

package main

const (
	osFile     = false
	rawSyscall = true
)
