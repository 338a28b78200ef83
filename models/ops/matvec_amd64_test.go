package ops

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkMatVecAVX2 compares, side by side in one run and on one
// goroutine, the AVX2 whole-matrix matvec kernel with the per-four-rows
// dot4AVX2 loop it replaced, on the issue-15 shapes: matvec 4096×11008
// (weights streamed from memory) and one row of the 1024³ matmul (weights
// in cache). Run with:
//
//	go test ./models/ops -run '^$' -bench 'MatVecAVX2|StreamCopy' -cpu 1
func BenchmarkMatVecAVX2(b *testing.B) {
	if len(amd64Variants()) == 0 {
		b.Skip("no AVX2")
	}
	r := rand.New(rand.NewPCG(3, 3))
	for _, c := range []struct {
		name string
		n, k int
	}{{"matvec_4096x11008", 11008, 4096}, {"matmul_row_1024x1024", 1024, 1024}} {
		x, w := make([]int8, c.k), make([]int8, c.n*c.k)
		for i := range x {
			x[i] = int8(r.Uint32())
		}
		for i := range w {
			w[i] = int8(r.Uint32())
		}
		out := make([]int32, c.n)
		b.Run(c.name+"/dot4", func(b *testing.B) {
			b.SetBytes(int64(len(w)))
			for b.Loop() {
				for row := 0; row < c.n; row += 4 {
					out[row], out[row+1], out[row+2], out[row+3] = dot4AVX2(&x[0], &w[row*c.k], &w[(row+1)*c.k], &w[(row+2)*c.k], &w[(row+3)*c.k], c.k)
				}
			}
		})
		b.Run(c.name+"/whole", func(b *testing.B) {
			b.SetBytes(int64(len(w)))
			for b.Loop() {
				matvecAVX2(&out[0], &x[0], &w[0], c.k, c.n)
			}
		})
	}
}
