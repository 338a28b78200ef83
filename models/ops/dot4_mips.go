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
	}
	t0, t1, t2, t3 := dot4Go(x[m:], w0[m:], w1[m:], w2[m:], w3[m:])
	return s0 + t0, s1 + t1, s2 + t2, s3 + t3
}
