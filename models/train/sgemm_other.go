//go:build !amd64

package train

// sgemmKernel: no micro-kernel off amd64; sgemm uses gonum.
var sgemmKernel func(k int, a, b *float32, tile *[sgemmMR * sgemmNR]float32)
