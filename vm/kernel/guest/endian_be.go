//go:build mips || mips64 || ppc64 || s390x

package main

import "math/bits"

// leWord turns a word loaded in native (big-endian) order from
// little-endian bytes into its value.
func leWord(w uint32) uint32 { return bits.ReverseBytes32(w) }
