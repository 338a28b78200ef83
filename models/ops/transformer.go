package ops

import "fmt"

// RMSNorm normalizes an int32 residual row x (|x| <= ResidualMax, len <= 2^16)
// with int8 gains g and writes int8 outputs:
//
//	ms   = floor(sum(x^2) / d) + eps
//	r    = max(1, isqrt(ms << 8))          // 16 * rms, 4 extra bits
//	y[i] = clamp8(RoundShift(RoundDiv(x[i]*g[i]*M, r), shift))
//
// so m = (M, shift) must encode 16 * gScale / outScale. Bounds: sum(x^2) <=
// 2^56, ms<<8 < 2^63 for eps < 2^54, |x*g*M| <= 2^58.
func RMSNorm(out []int8, x []int32, g []int8, m Multiplier, eps int64) error {
	d := len(x)
	if d == 0 || d > MaxK || len(g) != d || len(out) != d {
		return fmt.Errorf("%w: rmsnorm x[%d] g[%d] out[%d]", ErrArg, d, len(g), len(out))
	}
	if eps < 0 || eps >= 1<<54 {
		return fmt.Errorf("%w: rmsnorm eps %d outside [0,2^54)", ErrArg, eps)
	}
	var ss int64
	if s, ok := sumSquaresSIMD(x); ok {
		ss = s
	} else {
		for _, v := range x {
			c := Clamp(int64(v), -ResidualMax, ResidualMax)
			ss += c * c
		}
	}
	ms := ss/int64(d) + eps
	r := int64(ISqrt(uint64(ms) << 8))
	if r < 1 {
		r = 1
	}
	for i, v := range x {
		c := Clamp(int64(v), -ResidualMax, ResidualMax)
		p := c * int64(g[i]) * int64(m.M)
		out[i] = ClampI8(RoundShift(RoundDiv(p, r), m.Shift))
	}
	return nil
}

// RopeFrac is the number of fractional bits of the RoPE cos/sin table.
const RopeFrac = 14

// RoPE rotates consecutive pairs (x[2i], x[2i+1]) of each head of length hd
// by the angle of pair index (2i mod hd)/2 at position pos, llama2.c style.
// table is [seq, hd/2, 2] int32 holding round(2^14 cos), round(2^14 sin);
// values must lie in [-2^14, 2^14]. Output keeps the input scale.
func RoPE(out, x []int8, table []int32, hd, seq int, pos int32) error {
	if hd <= 0 || hd%2 != 0 || len(x)%hd != 0 || len(out) != len(x) {
		return fmt.Errorf("%w: rope head size %d for %d values", ErrArg, hd, len(x))
	}
	if len(table) != seq*hd {
		return fmt.Errorf("%w: rope table has %d entries, want %d", ErrArg, len(table), seq*hd)
	}
	if pos < 0 || int(pos) >= seq {
		return fmt.Errorf("%w: position %d outside [0,%d)", ErrArg, pos, seq)
	}
	row := table[int(pos)*hd : (int(pos)+1)*hd]
	for i := 0; i+1 < len(x); i += 2 {
		j := i % hd // row holds hd/2 (cos, sin) pairs: entry j/2 at j, j+1
		c := Clamp(int64(row[j]), -1<<RopeFrac, 1<<RopeFrac)
		s := Clamp(int64(row[j+1]), -1<<RopeFrac, 1<<RopeFrac)
		x0, x1 := int64(x[i]), int64(x[i+1])
		out[i] = ClampI8(RoundShift(x0*c-x1*s, RopeFrac))
		out[i+1] = ClampI8(RoundShift(x0*s+x1*c, RopeFrac))
	}
	return nil
}

// Exp2Frac is the number of fractional bits of the softmax exponent domain.
const (
	Exp2Frac = 8
	// ProbOne is the Q15 fixed-point 1.0 of softmax outputs.
	ProbOne = 1 << 15
	// MaxScoreDiff clamps max(score)-score so that diff*M stays below 2^62.
	MaxScoreDiff = 1 << 31
)

// exp2Neg returns round(2^16 * 2^(-t/256)) for t >= 0 from the pinned table.
func exp2Neg(t int64) int64 {
	ip := t >> Exp2Frac
	if ip >= 17 {
		return 0
	}
	return int64(exp2Table[t&(1<<Exp2Frac-1)]) >> ip
}

// Softmax writes Q15 probabilities of int32 scores. m converts a score
// difference into the base-2 exponent domain with 8 fractional bits, i.e.
// M*2^-shift = 256 * log2(e) * realScale. Each probability is
// RoundDiv(e_j << 15, sum(e)); the sum of outputs is 2^15 up to rounding.
func Softmax(out []int32, scores []int32, m Multiplier) error {
	if len(scores) == 0 || len(out) != len(scores) {
		return fmt.Errorf("%w: softmax over %d scores into %d", ErrArg, len(scores), len(out))
	}
	if m.M < 0 {
		return fmt.Errorf("%w: softmax multiplier %d is negative", ErrArg, m.M)
	}
	mx := scores[Argmax(scores)]
	var sum int64
	for i, s := range scores {
		e := exp2Neg(m.Apply64(min(int64(mx)-int64(s), MaxScoreDiff)))
		out[i] = int32(e)
		sum += e
	}
	// sum >= 2^16 because the maximum contributes exp2Neg(0) = 2^16.
	if sum < 1<<31 {
		// RoundDiv(e<<15, sum) in 32 bits: e <= 2^16, so e<<15 + sum/2 <
		// 2^31 + 2^30 fits a uint32 and the quotient is the same; a 64-bit
		// division is a runtime call on the 32-bit guest.
		d := uint32(sum)
		for i, e := range out {
			out[i] = int32((uint32(e)<<15 + d/2) / d)
		}
		return nil
	}
	for i, e := range out {
		out[i] = int32(RoundDiv(int64(e)<<15, sum))
	}
	return nil
}

// AttentionDims describes one multi-head attention step.
type AttentionDims struct {
	Heads, KVHeads, HeadDim, Seq int
}

// Check validates the dimensions against the kernel's overflow bounds.
func (a AttentionDims) Check() error {
	if a.Heads <= 0 || a.KVHeads <= 0 || a.Heads%a.KVHeads != 0 {
		return fmt.Errorf("%w: %d heads over %d kv heads", ErrArg, a.Heads, a.KVHeads)
	}
	if a.HeadDim <= 0 || a.HeadDim > 1<<10 || a.Seq <= 0 || a.Seq > 1<<14 {
		return fmt.Errorf("%w: head dim %d, seq %d", ErrArg, a.HeadDim, a.Seq)
	}
	return nil
}

// Attention computes, for each head h, softmax(q_h . k_j) over positions
// j <= pos of the caches, then out_h = clamp8(mo(sum_j p_j * v_j)).
// q is [Heads*HeadDim]; caches are [Seq, KVHeads*HeadDim]. With HeadDim <=
// 2^10 every score is below 2^24 and every weighted sum below 2^24, so the
// int64 intermediates of ms and mo never overflow. scratch must hold Seq
// int32 values twice (scores and probabilities).
func Attention(out, q, kc, vc []int8, pos int32, d AttentionDims, ms, mo Multiplier) error {
	if err := d.Check(); err != nil {
		return err
	}
	kvd := d.KVHeads * d.HeadDim
	if len(q) != d.Heads*d.HeadDim || len(out) != len(q) || len(kc) != d.Seq*kvd || len(vc) != d.Seq*kvd {
		return fmt.Errorf("%w: attention q[%d] k[%d] v[%d] out[%d]", ErrArg, len(q), len(kc), len(vc), len(out))
	}
	if pos < 0 || int(pos) >= d.Seq {
		return fmt.Errorf("%w: position %d outside [0,%d)", ErrArg, pos, d.Seq)
	}
	n := int(pos) + 1
	scores := make([]int32, n)
	probs := make([]int32, n)
	group := d.Heads / d.KVHeads
	// acc is int32: the probabilities are rounded shares of 2^15, so they
	// sum to at most 2^15 + n/2 <= 2^15 + 2^13, and |sum_j p_j v_j| <=
	// 128 * (2^15 + 2^13) < 2^23: the same values as int64, at a third of
	// the MIPS instructions (no 64-bit multiply on a 32-bit core).
	acc := make([]int32, d.HeadDim)
	row := func(c []int8, j, off int) []int8 { return c[j*kvd+off : j*kvd+off+d.HeadDim] }
	for h := 0; h < d.Heads; h++ {
		qh := q[h*d.HeadDim : (h+1)*d.HeadDim]
		off := (h / group) * d.HeadDim
		j := 0
		for ; j+4 <= n; j += 4 {
			scores[j], scores[j+1], scores[j+2], scores[j+3] = dot4(qh, row(kc, j, off), row(kc, j+1, off), row(kc, j+2, off), row(kc, j+3, off))
		}
		for ; j < n; j++ {
			scores[j] = Dot(qh, row(kc, j, off))
		}
		if err := Softmax(probs, scores, ms); err != nil {
			return err
		}
		clear(acc)
		for j = 0; j+4 <= n; j += 4 {
			axpy4(acc, row(vc, j, off), row(vc, j+1, off), row(vc, j+2, off), row(vc, j+3, off), probs[j], probs[j+1], probs[j+2], probs[j+3])
		}
		for ; j < n; j++ {
			p, v := probs[j], row(vc, j, off)
			for i := range acc {
				acc[i] += p * int32(v[i])
			}
		}
		oh := out[h*d.HeadDim : (h+1)*d.HeadDim]
		for i, a := range acc {
			oh[i] = ClampI8(mo.Apply64(int64(a)))
		}
	}
	return nil
}

// axpy4Go adds p0*v0[i] + p1*v1[i] + p2*v2[i] + p3*v3[i] to acc[i]: four
// positions of attention's weighted sum of V rows in one pass over acc.
func axpy4Go(acc []int32, v0, v1, v2, v3 []int8, p0, p1, p2, p3 int32) {
	n := len(acc)
	v0, v1, v2, v3 = v0[:n], v1[:n], v2[:n], v3[:n]
	for i := range acc {
		acc[i] += p0*int32(v0[i]) + p1*int32(v1[i]) + p2*int32(v2[i]) + p3*int32(v3[i])
	}
}

// KVWrite copies cache ([seq, d]) to out and overwrites row pos with row.
func KVWrite(out, cache, row []int8, seq, d int, pos int32) error {
	if len(cache) != seq*d || len(out) != len(cache) || len(row) != d {
		return fmt.Errorf("%w: kv cache %d, row %d for %dx%d", ErrArg, len(cache), len(row), seq, d)
	}
	if pos < 0 || int(pos) >= seq {
		return fmt.Errorf("%w: position %d outside [0,%d)", ErrArg, pos, seq)
	}
	copy(out, cache)
	copy(out[int(pos)*d:], row)
	return nil
}
