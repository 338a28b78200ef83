#include "textflag.h"

// HSUMD reduces the eight int32 lanes of Y to their (wrapping) sum in the
// low lane of X; T is scratch.
#define HSUMD(Y, X, T) \
	VEXTRACTI128 $1, Y, T \
	VPADDD       T, X, X \
	VPSHUFD      $0x4E, X, T \
	VPADDD       T, X, X \
	VPSHUFD      $0xB1, X, T \
	VPADDD       T, X, X

// DOT4_ARGS loads the arguments of a dot4 kernel: x in SI, w0..w3 in
// R8..R11, n in CX, the column index BX = 0.
#define DOT4_ARGS \
	MOVQ x+0(FP), SI \
	MOVQ w0+8(FP), R8 \
	MOVQ w1+16(FP), R9 \
	MOVQ w2+24(FP), R10 \
	MOVQ w3+32(FP), R11 \
	MOVQ n+40(FP), CX \
	XORQ BX, BX

// MV_ARGS loads a whole-matrix matvec's arguments: out in DI, x in SI,
// rows r..r+3 of w in R8..R11, k in CX, the row count in DX, 4k in R12.
#define MV_ARGS \
	MOVQ out+0(FP), DI \
	MOVQ x+8(FP), SI \
	MOVQ w+16(FP), R8 \
	MOVQ k+24(FP), CX \
	MOVQ rows+32(FP), DX \
	LEAQ (R8)(CX*1), R9 \
	LEAQ (R9)(CX*1), R10 \
	LEAQ (R10)(CX*1), R11 \
	LEAQ (CX*4), R12

// MV_STORE4 writes the sums of the eight int32 lanes of Y4..Y7 to
// out[0..3] and moves DI and R8..R11 on to the next group of four rows.
#define MV_STORE4 \
	VPHADDD Y5, Y4, Y0 \
	VPHADDD Y7, Y6, Y1 \
	VPHADDD Y1, Y0, Y0 \
	VEXTRACTI128 $1, Y0, X1 \
	VPADDD X1, X0, X0 \
	VMOVDQU X0, (DI) \
	ADDQ R12, R8 \
	ADDQ R12, R9 \
	ADDQ R12, R10 \
	ADDQ R12, R11 \
	ADDQ $16, DI

// DOT4_RET returns the sums of the int32 lanes of Y4..Y7 as s0..s3.
#define DOT4_RET \
	HSUMD(Y4, X4, X0) \
	HSUMD(Y5, X5, X0) \
	HSUMD(Y6, X6, X0) \
	HSUMD(Y7, X7, X0) \
	VMOVD X4, AX \
	MOVL  AX, s0+48(FP) \
	VMOVD X5, AX \
	MOVL  AX, s1+52(FP) \
	VMOVD X6, AX \
	MOVL  AX, s2+56(FP) \
	VMOVD X7, AX \
	MOVL  AX, s3+60(FP) \
	VZEROUPPER \
	RET

// VNNI_FOLD subtracts Z8 (128*sum(x) per lane) from the row sums Z4..Z7
// and folds each into eight lanes, Y4..Y7.
#define VNNI_FOLD \
	VPSUBD Z8, Z4, Z4 \
	VPSUBD Z8, Z5, Z5 \
	VPSUBD Z8, Z6, Z6 \
	VPSUBD Z8, Z7, Z7 \
	VEXTRACTI64X4 $1, Z4, Y0 \
	VPADDD Y0, Y4, Y4 \
	VEXTRACTI64X4 $1, Z5, Y0 \
	VPADDD Y0, Y5, Y5 \
	VEXTRACTI64X4 $1, Z6, Y0 \
	VPADDD Y0, Y6, Y6 \
	VEXTRACTI64X4 $1, Z7, Y0 \
	VPADDD Y0, Y7, Y7

// func dot4AVX2(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)
// n > 0, a multiple of 16. Exact for all int8: VPMOVSXBW widens both
// operands to int16, VPMADDWD adds pairs of products |p| <= 2^14 into
// int32 lanes (no saturation), VPADDD wraps like the Go sum.
TEXT ·dot4AVX2(SB), NOSPLIT, $0-64
	DOT4_ARGS
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
loop:
	VPMOVSXBW (SI)(BX*1), Y0
	VPMOVSXBW (R8)(BX*1), Y1
	VPMOVSXBW (R9)(BX*1), Y2
	VPMADDWD  Y0, Y1, Y1
	VPMADDWD  Y0, Y2, Y2
	VPADDD    Y1, Y4, Y4
	VPADDD    Y2, Y5, Y5
	VPMOVSXBW (R10)(BX*1), Y1
	VPMOVSXBW (R11)(BX*1), Y2
	VPMADDWD  Y0, Y1, Y1
	VPMADDWD  Y0, Y2, Y2
	VPADDD    Y1, Y6, Y6
	VPADDD    Y2, Y7, Y7
	ADDQ $16, BX
	CMPQ BX, CX
	JB   loop
	DOT4_RET

// func dot4VNNI(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)
// n > 0, a multiple of 64. VPDPBUSD multiplies unsigned by signed bytes
// and adds four products into an int32 lane without saturation. The
// weights are made unsigned by flipping their sign bit, u = w + 128, so
// sum(u*x) = sum(w*x) + 128*sum(x); sum(x) comes from VPDPBUSD with
// u = 1 and is subtracted at the end. Every step wraps mod 2^32 like
// the Go sum, so the result is exact for all int8, -128 included.
TEXT ·dot4VNNI(SB), NOSPLIT, $0-64
	DOT4_ARGS
	MOVL $0x80808080, AX
	VPBROADCASTD AX, Z14
	MOVL $0x01010101, AX
	VPBROADCASTD AX, Z15
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	VPXORD Z8, Z8, Z8
vloop:
	VMOVDQU64 (SI)(BX*1), Z0
	VPXORD    (R8)(BX*1), Z14, Z1
	VPXORD    (R9)(BX*1), Z14, Z2
	VPDPBUSD  Z0, Z15, Z8
	VPXORD    (R10)(BX*1), Z14, Z3
	VPXORD    (R11)(BX*1), Z14, Z9
	VPDPBUSD  Z0, Z1, Z4
	VPDPBUSD  Z0, Z2, Z5
	VPDPBUSD  Z0, Z3, Z6
	VPDPBUSD  Z0, Z9, Z7
	ADDQ $64, BX
	CMPQ BX, CX
	JB   vloop
	// 128*sum(x), subtracted from every row.
	VPSLLD $7, Z8, Z8
	VNNI_FOLD
	DOT4_RET

// func sumSquaresAVX2(x *int32, n int) int64
// n > 0, a multiple of 8: sum of clamp(x, ±2^20)^2 in int64. VPMULDQ
// squares the even int32 lanes into int64, the odd ones after a 32-bit
// shift; each square <= 2^40, exact.
TEXT ·sumSquaresAVX2(SB), NOSPLIT, $0-24
	MOVQ x+0(FP), SI
	MOVQ n+8(FP), CX
	XORQ BX, BX
	MOVL $0x100000, AX
	VMOVD AX, X10
	VPBROADCASTD X10, Y10
	MOVL $-0x100000, AX
	VMOVD AX, X11
	VPBROADCASTD X11, Y11
	VPXOR Y3, Y3, Y3
	VPXOR Y4, Y4, Y4
sloop:
	VMOVDQU (SI)(BX*4), Y0
	VPMINSD Y10, Y0, Y0
	VPMAXSD Y11, Y0, Y0
	VPSRLQ  $32, Y0, Y2
	VPMULDQ Y0, Y0, Y1
	VPMULDQ Y2, Y2, Y2
	VPADDQ  Y1, Y3, Y3
	VPADDQ  Y2, Y4, Y4
	ADDQ $8, BX
	CMPQ BX, CX
	JB   sloop
	VPADDQ Y4, Y3, Y3
	VEXTRACTI128 $1, Y3, X0
	VPADDQ X0, X3, X3
	VPSHUFD $0x4E, X3, X0
	VPADDQ X0, X3, X3
	VMOVQ X3, AX
	MOVQ AX, ret+16(FP)
	VZEROUPPER
	RET

// func requantAVX2(out *int8, acc *int32, rq *Multiplier, n int, lower int32, perChannel bool)
// n > 0, a multiple of 4: out[i] = clamp(RoundShift(acc[i]*M, s), lower, 127)
// with (M, s) = rq[i] when perChannel, else rq[0]. Four lanes of int64:
// a Multiplier is 8 bytes, M in the low dword (what VPMULDQ reads) and the
// shift in the next byte. Round half away from zero on |p|:
// (|p| + 2^(s-1)) >> s, with 2^(s-1) = 0 for s = 0 (VPSLLVQ by 2^64-1 is
// 0); |p| <= 2^62 so nothing overflows. |r| is capped at 128 before the
// sign goes back, so the int32 clamp sees the true order.
TEXT ·requantAVX2(SB), NOSPLIT, $0-37
	MOVQ out+0(FP), DI
	MOVQ acc+8(FP), SI
	MOVQ rq+16(FP), DX
	MOVQ n+24(FP), CX
	MOVL lower+32(FP), AX
	VMOVD AX, X11
	VPBROADCASTD X11, Y11
	MOVL $127, AX
	VMOVD AX, X12
	VPBROADCASTD X12, Y12
	MOVQ $1, AX
	VMOVQ AX, X15
	VPBROADCASTQ X15, Y15
	MOVQ $128, AX
	VMOVQ AX, X14
	VPBROADCASTQ X14, Y14
	MOVQ $0xff, AX
	VMOVQ AX, X10
	VPBROADCASTQ X10, Y10
	VPXOR Y13, Y13, Y13
	VPBROADCASTQ (DX), Y9
	MOVQ $0, R8
	MOVBLZX perChannel+36(FP), AX
	TESTB AL, AL
	JZ    rloop
	MOVQ $32, R8
rloop:
	VMOVDQU (DX), Y8
	TESTQ   R8, R8
	JZ      same
	VMOVDQA Y8, Y9
same:
	ADDQ R8, DX
	VPMOVSXDQ (SI), Y0
	VPMULDQ   Y9, Y0, Y0
	VPSRLQ    $32, Y9, Y1
	VPAND     Y10, Y1, Y1
	VPSUBQ    Y15, Y1, Y2
	VPSLLVQ   Y2, Y15, Y2
	VPCMPGTQ  Y0, Y13, Y3
	VPXOR     Y3, Y0, Y0
	VPSUBQ    Y3, Y0, Y0
	VPADDQ    Y2, Y0, Y0
	VPSRLVQ   Y1, Y0, Y0
	VPCMPGTQ  Y14, Y0, Y4
	VPBLENDVB Y4, Y14, Y0, Y0
	VPXOR     Y3, Y0, Y0
	VPSUBQ    Y3, Y0, Y0
	VPMINSD   Y12, Y0, Y0
	VPMAXSD   Y11, Y0, Y0
	VPSHUFD   $0x08, Y0, Y0
	VPERMQ    $0x08, Y0, Y0
	VPACKSSDW X0, X0, X0
	VPACKSSWB X0, X0, X0
	VMOVD     X0, (DI)
	ADDQ $16, SI
	ADDQ $4, DI
	SUBQ $4, CX
	JNZ  rloop
	VZEROUPPER
	RET

// MV_BLOCK adds the products of the 64 columns at BX+OFF of x (loaded into
// XV) and rows R8..R11 (sign bits flipped) to A0..A3, and prefetches the
// same columns of the next row group (R13 = BX + 4k).
#define MV_BLOCK(OFF, XV, A0, A1, A2, A3) \
	VMOVDQU64  OFF(SI)(BX*1), XV \
	VPXORD     OFF(R8)(BX*1), Z14, Z1 \
	VPXORD     OFF(R9)(BX*1), Z14, Z2 \
	VPXORD     OFF(R10)(BX*1), Z14, Z3 \
	VPXORD     OFF(R11)(BX*1), Z14, Z9 \
	PREFETCHT0 OFF(R8)(R13*1) \
	PREFETCHT0 OFF(R9)(R13*1) \
	PREFETCHT0 OFF(R10)(R13*1) \
	PREFETCHT0 OFF(R11)(R13*1) \
	VPDPBUSD   XV, Z1, A0 \
	VPDPBUSD   XV, Z2, A1 \
	VPDPBUSD   XV, Z3, A2 \
	VPDPBUSD   XV, Z9, A3

// func matvecVNNI(out *int32, x, w *int8, k, rows int)
// out[r] = sum(x[j]*w[r*k+j]) for r < rows; rows > 0 a multiple of 4, k > 0
// a multiple of 64. dot4VNNI's arithmetic over a whole matrix, for the
// memory-bound matvec: 128*sum(x) is computed once instead of per row
// group, each x load is shared by four rows, the loop takes 128 columns
// per pass into two sets of sums, and the next group's rows are
// prefetched 4k bytes ahead of the current ones (the hardware prefetcher
// stops at every 4 KiB page, and a 4096-column row is one page).
TEXT ·matvecVNNI(SB), NOSPLIT, $0-40
	MV_ARGS
	MOVL $0x80808080, AX
	VPBROADCASTD AX, Z14
	MOVL $0x01010101, AX
	VPBROADCASTD AX, Z15
	VPXORD Z8, Z8, Z8
	XORQ BX, BX
mxsum:
	VPDPBUSD (SI)(BX*1), Z15, Z8
	ADDQ $64, BX
	CMPQ BX, CX
	JB   mxsum
	VPSLLD $7, Z8, Z8
	MOVQ CX, AX
	ANDQ $-128, AX
mgroup:
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	VPXORD Z16, Z16, Z16
	VPXORD Z17, Z17, Z17
	VPXORD Z18, Z18, Z18
	VPXORD Z19, Z19, Z19
	XORQ BX, BX
	MOVQ R12, R13
	TESTQ AX, AX
	JZ    mtail
minner:
	MV_BLOCK(0, Z0, Z4, Z5, Z6, Z7)
	MV_BLOCK(64, Z10, Z16, Z17, Z18, Z19)
	ADDQ $128, BX
	ADDQ $128, R13
	CMPQ BX, AX
	JB   minner
mtail:
	// k mod 128 = 64: one more block.
	CMPQ BX, CX
	JAE  mreduce
	MV_BLOCK(0, Z0, Z4, Z5, Z6, Z7)
mreduce:
	VPADDD Z16, Z4, Z4
	VPADDD Z17, Z5, Z5
	VPADDD Z18, Z6, Z6
	VPADDD Z19, Z7, Z7
	VNNI_FOLD
	// Four 8-lane sums to four dwords: pairwise adds, then the halves.
	MV_STORE4
	SUBQ $4, DX
	JNZ  mgroup
	VZEROUPPER
	RET

// MV2_BLOCK adds the products of the 16 columns at BX+OFF of x and rows
// R8..R11 to A0..A3 (dot4AVX2's exact arithmetic).
#define MV2_BLOCK(OFF, A0, A1, A2, A3) \
	VPMOVSXBW  OFF(SI)(BX*1), Y0 \
	VPMOVSXBW  OFF(R8)(BX*1), Y1 \
	VPMOVSXBW  OFF(R9)(BX*1), Y2 \
	VPMOVSXBW  OFF(R10)(BX*1), Y3 \
	VPMOVSXBW  OFF(R11)(BX*1), Y12 \
	VPMADDWD   Y0, Y1, Y1 \
	VPMADDWD   Y0, Y2, Y2 \
	VPMADDWD   Y0, Y3, Y3 \
	VPMADDWD   Y0, Y12, Y12 \
	VPADDD     Y1, A0, A0 \
	VPADDD     Y2, A1, A1 \
	VPADDD     Y3, A2, A2 \
	VPADDD     Y12, A3, A3

// func matvecAVX2(out *int32, x, w *int8, k, rows int)
// out[r] = sum(x[j]*w[r*k+j]) for r < rows; rows > 0 a multiple of 4, k > 0
// a multiple of 32. The whole-matrix form of dot4AVX2 for the memory-bound
// matvec: one call per matrix instead of one per four rows, 64 columns per
// pass into two sets of sums, and one prefetch per 64-byte line of the next
// group's rows, 4k bytes ahead (the hardware prefetcher stops at 4 KiB
// pages).
TEXT ·matvecAVX2(SB), NOSPLIT, $0-40
	MV_ARGS
	MOVQ CX, AX
	ANDQ $-64, AX
agroup:
	VPXOR Y4, Y4, Y4
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	VPXOR Y8, Y8, Y8
	VPXOR Y9, Y9, Y9
	VPXOR Y10, Y10, Y10
	VPXOR Y11, Y11, Y11
	XORQ BX, BX
	MOVQ R12, R13
	TESTQ AX, AX
	JZ    atail
ainner:
	PREFETCHT0 (R8)(R13*1)
	PREFETCHT0 (R9)(R13*1)
	PREFETCHT0 (R10)(R13*1)
	PREFETCHT0 (R11)(R13*1)
	MV2_BLOCK(0, Y4, Y5, Y6, Y7)
	MV2_BLOCK(16, Y8, Y9, Y10, Y11)
	MV2_BLOCK(32, Y4, Y5, Y6, Y7)
	MV2_BLOCK(48, Y8, Y9, Y10, Y11)
	ADDQ $64, BX
	ADDQ $64, R13
	CMPQ BX, AX
	JB   ainner
atail:
	// k mod 64 = 32: one more pass of 32 columns.
	CMPQ BX, CX
	JAE  areduce
	MV2_BLOCK(0, Y4, Y5, Y6, Y7)
	MV2_BLOCK(16, Y8, Y9, Y10, Y11)
areduce:
	VPADDD Y8, Y4, Y4
	VPADDD Y9, Y5, Y5
	VPADDD Y10, Y6, Y6
	VPADDD Y11, Y7, Y7
	MV_STORE4
	SUBQ $4, DX
	JNZ  agroup
	VZEROUPPER
	RET
