package train

import "golang.org/x/sys/cpu"

// sgemm6x16FMA writes tile[r][c] = Σ_kk a[kk][r]·b[kk][c] for packed a
// ([k][6]) and b ([k][16]), with AVX2 FMA; k ≥ 1.
//
//go:noescape
func sgemm6x16FMA(k int, a, b *float32, tile *[sgemmMR * sgemmNR]float32)

// sgemmKernel is the micro-kernel, nil where the CPU lacks AVX2 and FMA
// (sgemm then falls back to gonum).
var sgemmKernel = func() func(k int, a, b *float32, tile *[sgemmMR * sgemmNR]float32) {
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		return sgemm6x16FMA
	}
	return nil
}()
