package ops

import "fmt"

// ReluI8 clamps negatives to zero in place.
func ReluI8(x []int8) {
	for i, v := range x {
		if v < 0 {
			x[i] = 0
		}
	}
}

// ReluI32 clamps negatives to zero in place.
func ReluI32(x []int32) {
	for i, v := range x {
		if v < 0 {
			x[i] = 0
		}
	}
}

// AddI8 writes out[i] = clamp8(ma(a[i]) + mb(b[i])): both operands are
// rescaled to the output scale before the sum. |ma(a)|,|mb(b)| <= 2^31*2^7,
// so the sum cannot overflow int64.
func AddI8(out, a, b []int8, ma, mb Multiplier) {
	b = b[:len(a)]
	out = out[:len(a)]
	for i := range a {
		out[i] = ClampI8(ma.Apply(int32(a[i])) + mb.Apply(int32(b[i])))
	}
}

// MulI8 writes out[i] = clamp8(m(a[i]*b[i])).
func MulI8(out, a, b []int8, m Multiplier) {
	b = b[:len(a)]
	out = out[:len(a)]
	for i := range a {
		out[i] = ClampI8(m.Apply(int32(a[i]) * int32(b[i])))
	}
}

// ResidualMax bounds the int32 residual stream of the transformer ops. The
// bound keeps sums of squares in RMSNorm far below 2^63 and leaves 11 bits of
// headroom for additions.
const ResidualMax = 1 << 20

// ResidualAdd writes out[i] = clamp(a[i] + mb(b[i]), ±ResidualMax): a is the
// int32 residual, b an int8 branch output rescaled to the residual scale.
func ResidualAdd(out, a []int32, b []int8, mb Multiplier) {
	b = b[:len(a)]
	out = out[:len(a)]
	for i := range a {
		out[i] = int32(Clamp(int64(a[i])+mb.Apply(int32(b[i])), -ResidualMax, ResidualMax))
	}
}

// LUT8 maps each int8 through a 256-entry table indexed by the value's two's
// complement byte. Any elementwise function of an int8 (SiLU, GELU, sigmoid,
// tanh at a fixed scale) is exact this way; the table is a committed weight.
func LUT8(out, x []int8, table []int8) error {
	if len(table) != 256 {
		return fmt.Errorf("%w: LUT has %d entries, want 256", ErrArg, len(table))
	}
	t := (*[256]int8)(table)
	out = out[:len(x)]
	for i, v := range x {
		out[i] = t[uint8(v)]
	}
	return nil
}

// Embedding copies row tok of a row-major [vocab, dim] table.
func Embedding(out, table []int8, vocab, dim int, tok int32) error {
	if tok < 0 || int(tok) >= vocab {
		return fmt.Errorf("%w: token %d outside vocabulary [0,%d)", ErrArg, tok, vocab)
	}
	if len(table) != vocab*dim || len(out) != dim {
		return fmt.Errorf("%w: embedding table %d for %dx%d", ErrArg, len(table), vocab, dim)
	}
	copy(out, table[int(tok)*dim:(int(tok)+1)*dim])
	return nil
}

// Argmax returns the index of the largest value, the lowest index on ties
// (so the answer never depends on scan order), or -1 for an empty slice.
func Argmax[T int8 | int32](x []T) int {
	best := -1
	for i, v := range x {
		if best < 0 || v > x[best] {
			best = i
		}
	}
	return best
}

// TopK returns the indices of the k largest values, largest first, ties
// broken by the lower index. It is a selection by repeated scan: O(n*k),
// allocation-free apart from the result, and trivially deterministic.
func TopK(x []int32, k int) ([]int32, error) {
	if k < 0 || k > len(x) {
		return nil, fmt.Errorf("%w: top-%d of %d values", ErrArg, k, len(x))
	}
	out := make([]int32, 0, k)
	taken := make([]bool, len(x))
	for len(out) < k {
		best := -1
		for i, v := range x {
			if !taken[i] && (best < 0 || v > x[best]) {
				best = i
			}
		}
		taken[best] = true
		out = append(out, int32(best))
	}
	return out, nil
}
