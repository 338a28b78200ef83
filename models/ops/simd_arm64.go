package ops

import "golang.org/x/sys/cpu"

// The arm64 kernels of simd_arm64.s (NEON).

//go:noescape
func dot4SDOT(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

//go:noescape
func dot4SMULL(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

var variants = arm64Variants()

// arm64Variants: "neon-sdot" (SDOT, the Armv8.2 dot product, reported by
// the kernel as asimddp) where present, and "neon" (SMULL + SADALP, any
// Armv8 core). RMSNorm and requantization keep their Go loops here.
func arm64Variants() []*variant {
	neon := &variant{name: "neon", dot4: dot4SMULL, dot4Block: 16}
	if cpu.ARM64.HasASIMDDP {
		return []*variant{{name: "neon-sdot", dot4: dot4SDOT, dot4Block: 16}, neon}
	}
	return []*variant{neon}
}
