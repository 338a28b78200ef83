package train

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	gblas "gonum.org/v1/gonum/blas"
)

// TestSgemmMatchesFloat64 checks sgemm against a float64 product for every
// transpose combination, both betas and edge shapes (m, n not multiples of
// the tile, k = 0 and 1), and that 1 and 3 workers give identical bits.
func TestSgemmMatchesFloat64(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	shapes := [][3]int{{1, 1, 1}, {6, 16, 1}, {7, 17, 3}, {5, 15, 0}, {13, 33, 64}, {64, 128, 129}, {100, 40, 384}}
	for _, sh := range shapes {
		m, n, k := sh[0], sh[1], sh[2]
		for _, ta := range []bool{false, true} {
			for _, tb := range []bool{false, true} {
				for _, beta := range []float32{0, 1} {
					a := randF32(r, m*k)
					b := randF32(r, k*n)
					c0 := randF32(r, m*n)
					lda, ldb := k, n
					if ta {
						lda = m
					}
					if tb {
						ldb = k
					}
					at := func(i, kk int) float64 {
						if ta {
							return float64(a[kk*lda+i])
						}
						return float64(a[i*lda+kk])
					}
					bt := func(kk, j int) float64 {
						if tb {
							return float64(b[j*ldb+kk])
						}
						return float64(b[kk*ldb+j])
					}
					var out [2][]float32
					for wi, workers := range []int{1, 3} {
						c := append([]float32(nil), c0...)
						sgemm(ta, tb, m, n, k, a, lda, b, ldb, beta, c, n, workers)
						out[wi] = c
					}
					require.Equal(t, out[0], out[1], "m=%d n=%d k=%d ta=%v tb=%v: worker count changed the bits", m, n, k, ta, tb)
					for i := 0; i < m; i++ {
						for j := 0; j < n; j++ {
							want := float64(beta) * float64(c0[i*n+j])
							var mag float64
							for kk := 0; kk < k; kk++ {
								want += at(i, kk) * bt(kk, j)
								mag += math.Abs(at(i, kk) * bt(kk, j))
							}
							require.InDelta(t, want, float64(out[0][i*n+j]), 1e-5*(mag+1),
								"m=%d n=%d k=%d ta=%v tb=%v beta=%v at (%d,%d)", m, n, k, ta, tb, beta, i, j)
						}
					}
				}
			}
		}
	}
}

func randF32(r *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(r.NormFloat64())
	}
	return x
}

// BenchmarkSgemm times the largest training product (the classifier's
// weight gradient: 1024×128 += 1024ᵀ·1024×128) against gonum's Sgemm.
func BenchmarkSgemm(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	const m, n, k = 1024, 128, 1024
	x, y, c := randF32(r, k*m), randF32(r, k*n), make([]float32, m*n)
	b.Run("ours", func(b *testing.B) {
		for b.Loop() {
			sgemm(true, false, m, n, k, x, m, y, n, 1, c, n, 1)
		}
		b.ReportMetric(2*m*n*k*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	})
	b.Run("gonum", func(b *testing.B) {
		for b.Loop() {
			blas.Sgemm(gblas.Trans, gblas.NoTrans, m, n, k, 1, x, m, y, n, 1, c, n)
		}
		b.ReportMetric(2*m*n*k*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	})
}
