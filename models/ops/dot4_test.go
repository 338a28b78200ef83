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
