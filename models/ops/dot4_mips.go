//go:build mips || mipsle

package ops

// dot4x8 is the assembly kernel of dot4_mips.s: n > 0, a multiple of 8.
//
//go:noescape
func dot4x8(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

// dot4 in the MIPS guest runs the hand-written kernel over the columns in
// blocks of 8 and dot4Go over the rest. WHY assembly only here: the
// matrix-vector product is nearly all of a large node's VM steps (a
// 4096 x 32000 projection is 131 M multiply-adds), and the compiled loop
// spends 4.3 instructions per multiply-add where lb + mul + addu (or lb +
// madd) need 2-3. int32 sums wrap, so splitting the sum changes no bit.
func dot4(x, w0, w1, w2, w3 []int8) (s0, s1, s2, s3 int32) {
	n := len(x)
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	m := n &^ 7
	if m > 0 {
		s0, s1, s2, s3 = dot4x8(&x[0], &w0[0], &w1[0], &w2[0], &w3[0], m)
		if m == n {
			return
		}
	}
	t0, t1, t2, t3 := dot4Go(x[m:], w0[m:], w1[m:], w2[m:], w3[m:])
	return s0 + t0, s1 + t1, s2 + t2, s3 + t3
}

// axpy4x4 is the assembly kernel of axpy4_mips.s: n > 0, a multiple of 4.
//
//go:noescape
func axpy4x4(acc *int32, v0, v1, v2, v3 *int8, n int, p0, p1, p2, p3 int32)

// axpy4 in the guest runs the assembly kernel over the elements in blocks
// of 4 and axpy4Go over the rest: attention's weighted sum over a 2048-token
// context is as many multiply-adds as its scores.
func axpy4(acc []int32, v0, v1, v2, v3 []int8, p0, p1, p2, p3 int32) {
	n := len(acc)
	v0, v1, v2, v3 = v0[:n], v1[:n], v2[:n], v3[:n]
	m := n &^ 3
	if m > 0 {
		axpy4x4(&acc[0], &v0[0], &v1[0], &v2[0], &v3[0], m, p0, p1, p2, p3)
		if m == n {
			return
		}
	}
	axpy4Go(acc[m:], v0[m:], v1[m:], v2[m:], v3[m:], p0, p1, p2, p3)
}
