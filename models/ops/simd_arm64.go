package ops

import "golang.org/x/sys/cpu"

// The arm64 kernels of simd_arm64.s (NEON).

//go:noescape
func dot4SDOT(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

//go:noescape
func dot4SMULL(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

//go:noescape
func sumSquaresNEON(x *int32, n int) int64

//go:noescape
func requantNEON(out *int8, acc *int32, rq *Multiplier, n int, lower int32, perChannel bool)

var variants = arm64Variants()

// arm64Variants: "neon-sdot" (SDOT, the Armv8.2 dot product, reported by
// the kernel as asimddp) where present, and "neon" (SMULL + SADALP, any
// Armv8 core). Both have the NEON kernels of RMSNorm's sum of squares and
// of requantization, which need only Armv8.
func arm64Variants() []*variant {
	neon := &variant{name: "neon", dot4: dot4SMULL, dot4Block: 16, sumSquares: sumSquaresNEON, requant: requantNEON}
	if cpu.ARM64.HasASIMDDP {
		sdot := *neon
		sdot.name, sdot.dot4 = "neon-sdot", dot4SDOT
		return []*variant{&sdot, neon}
	}
	return []*variant{neon}
}
