// Package ops holds AIVM's integer-only kernels. The same source runs natively
// (amd64, arm64, any core count) and in the GOARCH=mips guest, so every
// function here is pure integer arithmetic with a pinned rounding rule: no
// floats, no goroutines, no unsafe. The Go code is the reference; only
// inner loops have assembly twins, each bit-exact with it: MIPS for the
// guest (dot4_mips.s, axpy4_mips.s) and, on native builds, SIMD variants
// chosen at start-up by CPU feature (simd.go, SetBackend). Preconditions that make
// overflow impossible are stated on each function and checked by the graph
// layer before a kernel runs.
package ops

import (
	"errors"
	"fmt"
)

// ErrArg reports a kernel argument outside the range where the kernel is
// defined (a shape mismatch, an out-of-range index, a bad multiplier).
var ErrArg = errors.New("ops: bad argument")

// MaxShift is the largest shift a Multiplier may use.
const MaxShift = 62

// Multiplier is a fixed-point real number M * 2^-Shift. Quantizers pick M in
// [2^30, 2^31) for precision, but any int32 M is allowed: |x*M| <= 2^62 for
// every int32 x, so Apply never overflows int64.
type Multiplier struct {
	M     int32
	Shift uint8
}

// NewMultiplier checks the raw node attributes of a multiplier.
func NewMultiplier(m, shift int64) (Multiplier, error) {
	if m < -1<<31 || m >= 1<<31 {
		return Multiplier{}, fmt.Errorf("%w: multiplier %d is not an int32", ErrArg, m)
	}
	if shift < 0 || shift > MaxShift {
		return Multiplier{}, fmt.Errorf("%w: shift %d outside [0,%d]", ErrArg, shift, MaxShift)
	}
	return Multiplier{M: int32(m), Shift: uint8(shift)}, nil
}

// RoundShift divides x by 2^s rounding half away from zero; this is THE
// rounding rule of AIVM requantization (docs/models.md). s must be in
// [0, 62] and |x| <= 2^62, which every caller guarantees.
func RoundShift(x int64, s uint8) int64 {
	if s == 0 {
		return x
	}
	half := int64(1) << (s - 1)
	if x >= 0 {
		return (x + half) >> s
	}
	return -((-x + half) >> s)
}

// RoundDiv divides n by d > 0 rounding half away from zero; |n| <= 2^62.
func RoundDiv(n, d int64) int64 {
	if n >= 0 {
		return (n + d/2) / d
	}
	return -((-n + d/2) / d)
}

// Apply returns RoundShift(x*M, Shift) with an int64 intermediate.
func (m Multiplier) Apply(x int32) int64 {
	return RoundShift(int64(x)*int64(m.M), m.Shift)
}

// Apply64 is Apply for wider inputs; |x| must be below 2^31 * 2^31 / |M|,
// which callers guarantee by bounding x to 2^31 as well (see the ops using it).
func (m Multiplier) Apply64(x int64) int64 {
	return RoundShift(x*int64(m.M), m.Shift)
}

// ClampI8 saturates to [-128, 127].
func ClampI8(x int64) int8 {
	if x > 127 {
		return 127
	}
	if x < -128 {
		return -128
	}
	return int8(x)
}

// Clamp saturates x to [lo, hi].
func Clamp(x, lo, hi int64) int64 {
	if x > hi {
		return hi
	}
	if x < lo {
		return lo
	}
	return x
}

// ISqrt returns floor(sqrt(x)) by the bitwise method: exact, integer-only.
func ISqrt(x uint64) uint64 {
	var r uint64
	bit := uint64(1) << 62
	for bit > x {
		bit >>= 2
	}
	for bit != 0 {
		if x >= r+bit {
			x -= r + bit
			r = r>>1 + bit
		} else {
			r >>= 1
		}
		bit >>= 2
	}
	return r
}
