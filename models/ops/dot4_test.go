package ops

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDot4MatchesScalar compares dot4 (on GOARCH=mips the assembly kernel,
// see TestDot4UnderQEMU in models) with a plain scalar loop on random int8
// data of every length 0..80 and the extremes -128/127, where a product
// or a wrapped sum would show a sign-extension or accumulator bug.
func TestDot4MatchesScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 80; n++ {
		for trial := 0; trial < 4; trial++ {
			x := make([]int8, n)
			w := make([][]int8, 4)
			for i := range x {
				x[i] = int8(r.IntN(256) - 128)
				if trial == 3 {
					x[i] = -128
				}
			}
			for j := range w {
				w[j] = make([]int8, n+j) // longer rows are allowed
				for i := range w[j] {
					w[j][i] = int8(r.IntN(256) - 128)
					if trial == 3 {
						w[j][i] = -128
					}
				}
			}
			s0, s1, s2, s3 := dot4(x, w[0], w[1], w[2], w[3])
			for j, got := range []int32{s0, s1, s2, s3} {
				var want int32
				for i := range x {
					want += int32(x[i]) * int32(w[j][i])
				}
				require.Equal(t, want, got, "n=%d trial=%d row %d", n, trial, j)
			}
		}
	}
}

// TestAxpy4MatchesScalar compares axpy4 (the assembly kernel on
// GOARCH=mips) with scalar int32 arithmetic for every length 0..40,
// random and extreme values.
func TestAxpy4MatchesScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 40; n++ {
		for trial := 0; trial < 3; trial++ {
			acc := make([]int32, n)
			want := make([]int32, n)
			v := make([][]int8, 4)
			p := make([]int32, 4)
			for j := range v {
				v[j] = make([]int8, n+j)
				for i := range v[j] {
					v[j][i] = int8(r.IntN(256) - 128)
					if trial == 2 {
						v[j][i] = -128
					}
				}
				p[j] = int32(r.IntN(1 << 16))
			}
			for i := range acc {
				acc[i] = int32(r.Uint32())
				want[i] = acc[i]
				for j := range v {
					want[i] += p[j] * int32(v[j][i])
				}
			}
			axpy4(acc, v[0], v[1], v[2], v[3], p[0], p[1], p[2], p[3])
			require.Equal(t, want, acc, "n=%d trial=%d", n, trial)
		}
	}
}

// TestSoftmaxMatchesInt64Reference checks the 32-bit division path of
// Softmax against the 64-bit RoundDiv it replaces, on random scores of
// lengths 1..300 and scales from sharp to flat (many equal exponents, so
// sums up to n * 2^16).
func TestSoftmaxMatchesInt64Reference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 400; trial++ {
		n := 1 + r.IntN(300)
		scores := make([]int32, n)
		spread := int32(1) << r.IntN(24)
		for i := range scores {
			scores[i] = r.Int32N(2*spread) - spread
		}
		m := Multiplier{M: int32(1<<30 + r.IntN(1<<30)), Shift: uint8(20 + r.IntN(24))}
		got := make([]int32, n)
		require.NoError(t, Softmax(got, scores, m))
		mx := scores[Argmax(scores)]
		e := make([]int64, n)
		var sum int64
		for i, s := range scores {
			e[i] = exp2Neg(m.Apply64(min(int64(mx)-int64(s), MaxScoreDiff)))
			sum += e[i]
		}
		for i := range e {
			require.Equal(t, int32(RoundDiv(e[i]<<15, sum)), got[i], "trial %d n=%d i=%d", trial, n, i)
		}
	}
}
