package mips

import "math/bits"

func trailingZeros64(x uint64) int { return bits.TrailingZeros64(x) }
