// Package quant is the float side of post-training quantization: it turns
// float scales into the fixed-point multipliers and int8 tensors the integer
// path consumes. Floats are fine here because its outputs are committed
// integers; nothing in the guest imports this package.
package quant

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
)

// MultiplierFor converts a positive real r into M * 2^-shift with M in
// [2^30, 2^31) when possible (maximum precision), or a smaller shift for
// large r. r must be in (2^-32, 2^31).
func MultiplierFor(r float64) (ops.Multiplier, error) {
	if !(r > 0) || math.IsInf(r, 0) || r >= 1<<31 {
		return ops.Multiplier{}, fmt.Errorf("quant: scale %g cannot be a multiplier", r)
	}
	frac, exp := math.Frexp(r) // r = frac * 2^exp, frac in [0.5, 1)
	shift := 31 - exp
	m := math.Round(frac * (1 << 31))
	if m == 1<<31 { // rounding carried into the next power of two
		m /= 2
		shift--
	}
	if shift < 0 {
		return ops.Multiplier{}, fmt.Errorf("quant: scale %g too large", r)
	}
	if shift > ops.MaxShift {
		return ops.Multiplier{}, fmt.Errorf("quant: scale %g too small", r)
	}
	return ops.Multiplier{M: int32(m), Shift: uint8(shift)}, nil
}

// Real is the value a multiplier represents (for reports and tests).
func Real(m ops.Multiplier) float64 { return float64(m.M) * math.Exp2(-float64(m.Shift)) }

// QuantOf records a scale in a tensor header: mantissa in [2^30, 2^31) and
// a base-2 exponent.
func QuantOf(scale float64) tensor.Quant {
	if !(scale > 0) {
		return tensor.Quant{}
	}
	frac, exp := math.Frexp(scale)
	return tensor.Quant{ScaleMant: int32(math.Round(frac * (1 << 30))), ScaleExp: int32(exp - 30)}
}

// Scale is the inverse of QuantOf.
func Scale(q tensor.Quant) float64 { return float64(q.ScaleMant) * math.Exp2(float64(q.ScaleExp)) }

// MaxAbs is the largest |x|.
func MaxAbs(x []float32) float64 {
	var m float64
	for _, v := range x {
		m = math.Max(m, math.Abs(float64(v)))
	}
	return m
}

// PercentileAbs is the p-quantile (0 < p <= 1) of |x|, used to clip rare
// outliers when calibrating activation scales.
func PercentileAbs(x []float32, p float64) float64 {
	if len(x) == 0 {
		return 0
	}
	a := make([]float64, len(x))
	for i, v := range x {
		a[i] = math.Abs(float64(v))
	}
	slices.Sort(a)
	i := int(math.Ceil(p*float64(len(a)))) - 1
	return a[max(0, min(i, len(a)-1))]
}

// ToI8 quantizes x / scale with round-half-away-from-zero and saturation.
func ToI8(x float64, scale float64) int8 {
	return ops.ClampI8(int64(math.Round(x / scale)))
}

// minScale keeps all-zero rows from producing a zero scale.
const minScale = 1e-8

// SymmetricRows quantizes a row-major [rows, cols] matrix with one scale per
// row: scale = max|row| / 127.
func SymmetricRows(w []float32, rows, cols int) ([]int8, []float64, error) {
	if len(w) != rows*cols {
		return nil, nil, errors.New("quant: matrix size mismatch")
	}
	q := make([]int8, len(w))
	scales := make([]float64, rows)
	for r := 0; r < rows; r++ {
		row := w[r*cols : (r+1)*cols]
		s := math.Max(MaxAbs(row)/127, minScale)
		scales[r] = s
		for c, v := range row {
			q[r*cols+c] = ToI8(float64(v), s)
		}
	}
	return q, scales, nil
}

// Symmetric quantizes with a single scale max|w| / 127.
func Symmetric(w []float32) ([]int8, float64) {
	s := math.Max(MaxAbs(w)/127, minScale)
	q := make([]int8, len(w))
	for i, v := range w {
		q[i] = ToI8(float64(v), s)
	}
	return q, s
}

// Bias quantizes a bias into accumulator units (scale accScale), clamped to
// the range the int8 kernels accept.
func Bias(b float64, accScale float64) int32 {
	v := math.Round(b / accScale)
	return int32(math.Max(-ops.MaxBias, math.Min(ops.MaxBias, v)))
}

// LUT builds the 256-entry int8 table of f for int8 inputs of scale inScale
// and outputs of scale outScale (index = the input's two's complement byte).
func LUT(f func(float64) float64, inScale, outScale float64) []int8 {
	t := make([]int8, 256)
	for i := range t {
		x := float64(int8(uint8(i))) * inScale
		t[i] = ToI8(f(x), outScale)
	}
	return t
}

// SiLU is x * sigmoid(x).
func SiLU(x float64) float64 { return x / (1 + math.Exp(-x)) }

// GELU is the tanh approximation used by GPT-2 style models.
func GELU(x float64) float64 {
	return 0.5 * x * (1 + math.Tanh(math.Sqrt(2/math.Pi)*(x+0.044715*x*x*x)))
}
