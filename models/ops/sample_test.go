package ops

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// unitMul maps a logit difference of 1 (real scale 1/16) to the exponent
// domain: 256 * log2(e) / 16.
var unitMul = Multiplier{M: int32(math.Round(256 * math.Log2E / 16 * (1 << 24))), Shift: 24}

func TestSampleGreedyAndErrors(t *testing.T) {
	logits := []int32{3, 9, -4, 9, 0}
	e := make([]uint32, len(logits))
	got, err := Sample(logits, e, unitMul, 1, 2, 0, 0)
	require.NoError(t, err)
	require.Equal(t, 1, got, "temperature 0 is argmax, lowest index on ties")
	for _, c := range []struct {
		name       string
		logits     []int32
		scratch    int
		temp, topP int32
		m          Multiplier
	}{
		{"empty", nil, 0, 1, SampleOne, unitMul},
		{"scratch", logits, 2, 1, SampleOne, unitMul},
		{"negative temperature", logits, 5, -1, SampleOne, unitMul},
		{"top-p zero", logits, 5, SampleOne, 0, unitMul},
		{"top-p above one", logits, 5, SampleOne, SampleOne + 1, unitMul},
		{"negative multiplier", logits, 5, SampleOne, SampleOne, Multiplier{M: -1}},
	} {
		_, err := Sample(c.logits, make([]uint32, c.scratch), c.m, 1, 1, c.temp, c.topP)
		require.ErrorIs(t, err, ErrArg, c.name)
	}
}

// TestSampleDistribution: over many counters the draw frequencies follow
// the softmax of logits/temperature, and top-p keeps only the head.
func TestSampleDistribution(t *testing.T) {
	logits := []int32{0, 16, 32, 8, -40} // real logits 0, 1, 2, 0.5, -2.5
	e := make([]uint32, len(logits))
	const draws = 20000
	for _, temp := range []float64{1, 0.5, 2} {
		counts := make([]int, len(logits))
		for c := 0; c < draws; c++ {
			i, err := Sample(logits, e, unitMul, 7, uint32(c), int32(temp*SampleOne), SampleOne)
			require.NoError(t, err)
			counts[i]++
		}
		var z float64
		for _, l := range logits {
			z += math.Exp(float64(l) / 16 / temp)
		}
		for i, l := range logits {
			p := math.Exp(float64(l)/16/temp) / z
			require.InDelta(t, p, float64(counts[i])/draws, 0.015, "temperature %v token %d", temp, i)
		}
	}
	// Probabilities at T=1 are about .078 .212 .575 .128 .006: top-p 0.5
	// keeps token 2 only, 0.7 adds token 1, 0.85 token 3.
	for _, c := range []struct {
		topP float64
		kept []int
	}{{0.5, []int{2}}, {0.7, []int{1, 2}}, {0.85, []int{1, 2, 3}}, {1, []int{0, 1, 2, 3, 4}}} {
		seen := map[int]bool{}
		for k := 0; k < 3000; k++ {
			i, err := Sample(logits, e, unitMul, 3, uint32(k), SampleOne, int32(c.topP*SampleOne))
			require.NoError(t, err)
			seen[i] = true
		}
		var got []int
		for i := range logits {
			if seen[i] {
				got = append(got, i)
			}
		}
		require.Equal(t, c.kept, got, "top-p %v", c.topP)
	}
}

// TestSamplePinned pins draws and the generator: any change here changes
// committed generations on every platform.
func TestSamplePinned(t *testing.T) {
	require.Equal(t, uint32(0x514e28b7), Mix32(1))
	logits := []int32{5, -3, 12, 12, 0, 7, 1, -9}
	e := make([]uint32, len(logits))
	var got []int
	for c := uint32(0); c < 12; c++ {
		i, err := Sample(logits, e, unitMul, 0xa1b2c3d4, c, 3*SampleOne/2, 9*SampleOne/10)
		require.NoError(t, err)
		got = append(got, i)
	}
	require.Equal(t, []int{4, 3, 2, 2, 6, 2, 5, 3, 6, 2, 5, 1}, got)
}
