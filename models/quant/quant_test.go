package quant

import (
	"math"
	"testing"

	"github.com/aivm-dev/aivm/models/ops"
	"github.com/stretchr/testify/require"
)

func TestMultiplierFor(t *testing.T) {
	for _, r := range []float64{1, 0.5, 0.75, 1e-3, 1e-9, 3.7, 1000, 1<<31 - 1, math.Exp2(-31)} {
		m, err := MultiplierFor(r)
		require.NoError(t, err, r)
		require.InEpsilon(t, r, Real(m), 1e-9, r)
		if m.Shift > 0 {
			require.GreaterOrEqual(t, m.M, int32(1<<30))
		}
	}
	for _, r := range []float64{0, -1, math.NaN(), math.Inf(1), 1 << 31, 1e-30} {
		_, err := MultiplierFor(r)
		require.Error(t, err, r)
	}
	// Largest mantissa rounding up carries cleanly.
	m, err := MultiplierFor(math.Nextafter(1, 0))
	require.NoError(t, err)
	require.Equal(t, ops.Multiplier{M: 1 << 30, Shift: 30}, m)
}

func TestSymmetricAndQuant(t *testing.T) {
	q, s, err := SymmetricRows([]float32{1, -2, 0.5, 0, 0, 0}, 2, 3)
	require.NoError(t, err)
	require.Equal(t, []int8{64, -127, 32, 0, 0, 0}, q)
	require.InDelta(t, 2.0/127, s[0], 1e-12)
	require.Greater(t, s[1], 0.0)
	_, _, err = SymmetricRows([]float32{1}, 2, 3)
	require.Error(t, err)
	require.InEpsilon(t, 0.0123, Scale(QuantOf(0.0123)), 1e-8)
	require.Equal(t, int8(127), ToI8(1e9, 1))
	require.Equal(t, int32(ops.MaxBias), Bias(1e30, 1))
	require.InDelta(t, 0.99, PercentileAbs([]float32{-1, 0.5, 0.99, 0.1}, 0.75), 1e-6)
	lut := LUT(SiLU, 0.05, 0.05)
	require.Equal(t, int8(0), lut[0])
	require.Equal(t, ToI8(SiLU(127*0.05), 0.05), lut[127])
	require.InDelta(t, 0.8413*1, GELU(1), 1e-3)
}
