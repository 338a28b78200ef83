package ops

import "golang.org/x/sys/cpu"

// The amd64 kernels of simd_amd64.s. Every one is exact over the whole
// int8 range, -128 included: see each kernel's comment there.

//go:noescape
func dot4AVX2(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

//go:noescape
func dot4VNNI(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)

//go:noescape
func matvecVNNI(out *int32, x, w *int8, k, rows int)

//go:noescape
func matvecAVX2(out *int32, x, w *int8, k, rows int)

//go:noescape
func sumSquaresAVX2(x *int32, n int) int64

//go:noescape
func requantAVX2(out *int8, acc *int32, rq *Multiplier, n int, lower int32, perChannel bool)

var variants = amd64Variants()

// amd64Variants: "avx512vnni" (VPDPBUSD on 64 bytes, the rest by the AVX2
// kernel) where AVX-512 VNNI is present, and "avx2" (VPMOVSXBW +
// VPMADDWD) where AVX2 is. cpu reports AVX2/AVX-512 only when the OS
// saves their registers.
func amd64Variants() []*variant {
	if !cpu.X86.HasAVX2 {
		return nil
	}
	avx2 := &variant{name: "avx2", dot4: dot4AVX2, dot4Block: 16, sumSquares: sumSquaresAVX2, requant: requantAVX2,
		matvec: matvecAVX2, matvecBlock: 32}
	vs := []*variant{avx2}
	if cpu.X86.HasAVX512F && cpu.X86.HasAVX512VNNI {
		vnni := *avx2
		vnni.name, vnni.dot4, vnni.dot4Block, vnni.next = "avx512vnni", dot4VNNI, 64, avx2
		vnni.matvec, vnni.matvecBlock = matvecVNNI, 64
		vs = append([]*variant{&vnni}, vs...)
	}
	return vs
}
