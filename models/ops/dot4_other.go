//go:build !mips && !mipsle

package ops

// dot4 is dot4Go: native builds have no hand-written kernel (the SIMD
// executor is separate work).
func dot4(x, w0, w1, w2, w3 []int8) (s0, s1, s2, s3 int32) { return dot4Go(x, w0, w1, w2, w3) }

// axpy4 is axpy4Go on native builds.
func axpy4(acc []int32, v0, v1, v2, v3 []int8, p0, p1, p2, p3 int32) {
	axpy4Go(acc, v0, v1, v2, v3, p0, p1, p2, p3)
}
