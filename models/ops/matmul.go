package ops

import "fmt"

// MaxK bounds the reduction length of the int8 dot products: with K <= 2^16
// every |dot| <= 2^30, and adding a bias with |b| < 2^30 keeps the
// accumulator inside int32. Overflow is impossible by construction.
const (
	MaxK    = 1 << 16
	MaxBias = 1<<30 - 1
)

// Dot returns the int32 sum of a[i]*b[i]; len(b) >= len(a), len(a) <= MaxK.
//
// The loop is unrolled by 4 with one re-slice per step so the compiler drops
// the per-element bounds checks; inside the MIPS VM this is what brings the
// cost per multiply-add down from ~14 instructions.
func Dot(a, b []int8) int32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 int32
	for len(a) >= 4 && len(b) >= 4 {
		s0 += int32(a[0]) * int32(b[0])
		s1 += int32(a[1]) * int32(b[1])
		s2 += int32(a[2]) * int32(b[2])
		s3 += int32(a[3]) * int32(b[3])
		a, b = a[4:], b[4:]
	}
	for i := range a {
		s0 += int32(a[i]) * int32(b[i])
	}
	return s0 + s1 + s2 + s3
}

// dot4Go computes four dot products of x with w0..w3 in one pass: each x
// element is loaded once for four multiply-adds, and the loop is unrolled
// by four columns. Each step re-slices every operand to a 4-element window,
// so the compiler can address the bytes as constant offsets from one base
// register and drop the per-element bounds checks: inside the MIPS VM this
// is what takes the cost from ~14 to ~4 instructions per multiply-add (see
// docs/bench/models.md).
func dot4Go(x, w0, w1, w2, w3 []int8) (s0, s1, s2, s3 int32) {
	n := len(x)
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	i := 0
	for ; i+4 <= n; i += 4 {
		xs := x[i : i+4 : i+4]
		a, b, c, d := int32(xs[0]), int32(xs[1]), int32(xs[2]), int32(xs[3])
		r := w0[i : i+4 : i+4]
		s0 += a*int32(r[0]) + b*int32(r[1]) + c*int32(r[2]) + d*int32(r[3])
		r = w1[i : i+4 : i+4]
		s1 += a*int32(r[0]) + b*int32(r[1]) + c*int32(r[2]) + d*int32(r[3])
		r = w2[i : i+4 : i+4]
		s2 += a*int32(r[0]) + b*int32(r[1]) + c*int32(r[2]) + d*int32(r[3])
		r = w3[i : i+4 : i+4]
		s3 += a*int32(r[0]) + b*int32(r[1]) + c*int32(r[2]) + d*int32(r[3])
	}
	for ; i < n; i++ {
		a := int32(x[i])
		s0 += a * int32(w0[i])
		s1 += a * int32(w1[i])
		s2 += a * int32(w2[i])
		s3 += a * int32(w3[i])
	}
	return
}

// CheckMatVec validates the shapes of MatVecRows (k inputs, n output rows).
func CheckMatVec(x, w []int8, bias []int32, n, k int) error {
	if k <= 0 || k > MaxK {
		return fmt.Errorf("%w: reduction length %d outside [1,%d]", ErrArg, k, MaxK)
	}
	if len(x) != k || len(w) != n*k {
		return fmt.Errorf("%w: matvec x[%d] w[%d] for %dx%d", ErrArg, len(x), len(w), n, k)
	}
	if bias != nil {
		if len(bias) != n {
			return fmt.Errorf("%w: bias has %d entries, want %d", ErrArg, len(bias), n)
		}
		for _, b := range bias {
			if b > MaxBias || b < -MaxBias {
				return fmt.Errorf("%w: bias %d outside ±(2^30-1)", ErrArg, b)
			}
		}
	}
	return nil
}

// MatVecRows writes out[r] = dot(x, w[r*k:(r+1)*k]) + bias[r] for rows
// r in [lo, hi). w is row-major [n, k]; bias may be nil. Arguments must have
// passed CheckMatVec. Splitting [0, n) into ranges across goroutines gives
// the same bits as one call: integer sums do not depend on order.
func MatVecRows(out []int32, x, w []int8, bias []int32, k, lo, hi int) {
	r := matvecSIMD(out, x[:k], w, k, lo, hi)
	for ; r+4 <= hi; r += 4 {
		s0, s1, s2, s3 := dot4(x, w[r*k:], w[(r+1)*k:], w[(r+2)*k:], w[(r+3)*k:])
		out[r], out[r+1], out[r+2], out[r+3] = s0, s1, s2, s3
	}
	for ; r < hi; r++ {
		out[r] = Dot(x, w[r*k:(r+1)*k])
	}
	if bias != nil {
		for r := lo; r < hi; r++ {
			out[r] += bias[r]
		}
	}
}

// MatMulRows computes out[i, j] = dot(x[i,:], w[j,:]) + bias[j] for rows i in
// [lo, hi) of x ([m, k]) against w ([n, k]), out being [m, n]. Each row is
// a MatVec so the two kernels share their inner loop.
func MatMulRows(out []int32, x, w []int8, bias []int32, n, k, lo, hi int) {
	for i := lo; i < hi; i++ {
		MatVecRows(out[i*n:(i+1)*n], x[i*k:(i+1)*k], w, bias, k, 0, n)
	}
}

// RequantRows writes out[i] = clamp8(rq[c](acc[i])) where the channel c is
// i mod channels; rq holds (M, shift) pairs, one pair per channel, or a single
// pair applied to every element. With relu the lower clamp is 0.
func RequantRows(out []int8, acc []int32, rq []Multiplier, relu bool, lo, hi int) {
	if requantSIMD(out, acc, rq, relu, lo, hi) {
		return
	}
	lower := int64(-128)
	if relu {
		lower = 0
	}
	c := len(rq)
	for i := lo; i < hi; i++ {
		v := rq[i%c].Apply(acc[i])
		out[i] = int8(Clamp(v, lower, 127))
	}
}
