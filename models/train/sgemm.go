package train

// A float32 GEMM for training. gonum's Sgemm runs its inner loop as an SSE
// axpy, about 5 GFLOP/s per core here, and that was 3/4 of a training step.
// This one packs A into panels of sgemmMR rows and B into strips of
// sgemmNR columns and runs a register-blocked FMA micro-kernel over each
// (panel, strip) tile. Every element of C is the sum over k = 0..K-1 in
// order in one accumulator, added to C once, and each tile is computed by
// exactly one goroutine, so the result does not depend on the worker count.

import (
	gblas "gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// blas is gonum's float32 GEMM, sgemm's fallback where there is no
// micro-kernel. It splits C into blocks computed by one goroutine each,
// summing along k in a fixed order, so its results do not depend on
// scheduling or GOMAXPROCS.
var blas gonum.Implementation

const (
	sgemmMR = 6  // rows of A per packed panel
	sgemmNR = 16 // columns of B per packed strip
)

// sgemm sets C = A·B (beta 0) or C += A·B (beta 1), where A is m×k
// (transposed in a when transA) and B is k×n (transposed in b when
// transB); row-major with leading dimensions lda, ldb, ldc.
func sgemm(transA, transB bool, m, n, k int, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int, workers int) {
	if m == 0 || n == 0 {
		return
	}
	if sgemmKernel == nil {
		ta, tb := gblas.NoTrans, gblas.NoTrans
		if transA {
			ta = gblas.Trans
		}
		if transB {
			tb = gblas.Trans
		}
		blas.Sgemm(ta, tb, m, n, k, 1, a, lda, b, ldb, beta, c, ldc)
		return
	}
	panels, strips := (m+sgemmMR-1)/sgemmMR, (n+sgemmNR-1)/sgemmNR
	ap := make([]float32, panels*sgemmMR*k)
	bp := make([]float32, strips*sgemmNR*k)
	par(workers, panels, func(lo, hi int) {
		for p := lo; p < hi; p++ {
			packPanel(ap[p*sgemmMR*k:(p+1)*sgemmMR*k], a, lda, transA, p*sgemmMR, min(sgemmMR, m-p*sgemmMR), k, sgemmMR)
		}
	})
	par(workers, strips, func(lo, hi int) {
		for s := lo; s < hi; s++ {
			packPanel(bp[s*sgemmNR*k:(s+1)*sgemmNR*k], b, ldb, !transB, s*sgemmNR, min(sgemmNR, n-s*sgemmNR), k, sgemmNR)
		}
	})
	// Tiles are numbered strip-major so a worker keeps one B strip in cache
	// while it walks the A panels.
	par(workers, panels*strips, func(lo, hi int) {
		var tile [sgemmMR * sgemmNR]float32
		for t := lo; t < hi; t++ {
			s, p := t/panels, t%panels
			if k > 0 {
				sgemmKernel(k, &ap[p*sgemmMR*k], &bp[s*sgemmNR*k], &tile)
			} else {
				clear(tile[:])
			}
			i0, j0 := p*sgemmMR, s*sgemmNR
			rows, cols := min(sgemmMR, m-i0), min(sgemmNR, n-j0)
			for r := 0; r < rows; r++ {
				dst := c[(i0+r)*ldc+j0 : (i0+r)*ldc+j0+cols]
				src := tile[r*sgemmNR : r*sgemmNR+cols]
				if beta == 0 {
					copy(dst, src)
				} else {
					for j, v := range src {
						dst[j] = beta*dst[j] + v
					}
				}
			}
		}
	})
}

// packPanel writes dst[kk*width+r] = X(i0+r, kk) for r < rows (the rest
// of each width stays zero), where X(i, kk) is x[kk*ld+i] when kMajor and
// x[i*ld+kk] otherwise. Both loops read x contiguously.
func packPanel(dst, x []float32, ld int, kMajor bool, i0, rows, k, width int) {
	if kMajor {
		for kk := 0; kk < k; kk++ {
			copy(dst[kk*width:kk*width+rows], x[kk*ld+i0:kk*ld+i0+rows])
		}
		return
	}
	for r := 0; r < rows; r++ {
		for kk, v := range x[(i0+r)*ld : (i0+r)*ld+k] {
			dst[kk*width+r] = v
		}
	}
}
