//go:build !(mips || mips64 || ppc64 || s390x)

package main

// leWord turns a word loaded in native (little-endian) order from
// little-endian bytes into its value.
func leWord(w uint32) uint32 { return w }
