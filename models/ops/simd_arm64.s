#include "textflag.h"

// Go's arm64 assembler has no SDOT, SMULL, SADALP or most other integer
// NEON arithmetic: they are WORD-encoded (encodings from llvm-mc
// -triple=aarch64 -mattr=+dotprod -show-encoding).

// DOT4_ARGS loads x, w0..w3, n into R0..R5 and zeroes the sums V16..V19.
#define DOT4_ARGS \
	MOVD x+0(FP), R0 \
	MOVD w0+8(FP), R1 \
	MOVD w1+16(FP), R2 \
	MOVD w2+24(FP), R3 \
	MOVD w3+32(FP), R4 \
	MOVD n+40(FP), R5 \
	VEOR V16.B16, V16.B16, V16.B16 \
	VEOR V17.B16, V17.B16, V17.B16 \
	VEOR V18.B16, V18.B16, V18.B16 \
	VEOR V19.B16, V19.B16, V19.B16

// DOT4_LOAD loads 16 bytes of x into V0 and of w0..w3 into V1..V4.
#define DOT4_LOAD \
	VLD1.P 16(R0), [V0.B16] \
	VLD1.P 16(R1), [V1.B16] \
	VLD1.P 16(R2), [V2.B16] \
	VLD1.P 16(R3), [V3.B16] \
	VLD1.P 16(R4), [V4.B16]

// DOT4_RET returns the sums of the int32 lanes of V16..V19 as s0..s3.
#define DOT4_RET \
	VADDV V16.S4, V16 \
	VADDV V17.S4, V17 \
	VADDV V18.S4, V18 \
	VADDV V19.S4, V19 \
	VMOV V16.S[0], R6 \
	MOVW R6, s0+48(FP) \
	VMOV V17.S[0], R6 \
	MOVW R6, s1+52(FP) \
	VMOV V18.S[0], R6 \
	MOVW R6, s2+56(FP) \
	VMOV V19.S[0], R6 \
	MOVW R6, s3+60(FP) \
	RET

// func dot4SDOT(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)
// n > 0, a multiple of 16. SDOT Vd.4S, Vn.16B, Vm.16B adds four signed
// byte products into each int32 lane: exact for all int8 (|sum| <= 2^16
// per step), and the lanes wrap like the Go sum.
TEXT ·dot4SDOT(SB), NOSPLIT, $0-64
	DOT4_ARGS
sloop:
	DOT4_LOAD
	WORD $0x4e809430 // SDOT V16.4S, V1.16B, V0.16B
	WORD $0x4e809451 // SDOT V17.4S, V2.16B, V0.16B
	WORD $0x4e809472 // SDOT V18.4S, V3.16B, V0.16B
	WORD $0x4e809493 // SDOT V19.4S, V4.16B, V0.16B
	SUBS $16, R5, R5
	BNE  sloop
	DOT4_RET

// func dot4SMULL(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)
// n > 0, a multiple of 16. SMULL/SMULL2 form the int16 products (|p| <=
// 2^14, exact), SADALP adds adjacent pairs into the int32 lanes (no
// int16 sum is ever formed, so (-128)*(-128) twice cannot saturate).
TEXT ·dot4SMULL(SB), NOSPLIT, $0-64
	DOT4_ARGS
mloop:
	DOT4_LOAD
	WORD $0xe20c025 // SMULL V5.8H, V1.8B, V0.8B
	WORD $0x4e20c026 // SMULL2 V6.8H, V1.16B, V0.16B
	WORD $0x4e6068b0 // SADALP V16.4S, V5.8H
	WORD $0x4e6068d0 // SADALP V16.4S, V6.8H
	WORD $0xe20c045 // SMULL V5.8H, V2.8B, V0.8B
	WORD $0x4e20c046 // SMULL2 V6.8H, V2.16B, V0.16B
	WORD $0x4e6068b1 // SADALP V17.4S, V5.8H
	WORD $0x4e6068d1 // SADALP V17.4S, V6.8H
	WORD $0xe20c065 // SMULL V5.8H, V3.8B, V0.8B
	WORD $0x4e20c066 // SMULL2 V6.8H, V3.16B, V0.16B
	WORD $0x4e6068b2 // SADALP V18.4S, V5.8H
	WORD $0x4e6068d2 // SADALP V18.4S, V6.8H
	WORD $0xe20c085 // SMULL V5.8H, V4.8B, V0.8B
	WORD $0x4e20c086 // SMULL2 V6.8H, V4.16B, V0.16B
	WORD $0x4e6068b3 // SADALP V19.4S, V5.8H
	WORD $0x4e6068d3 // SADALP V19.4S, V6.8H
	SUBS $16, R5, R5
	BNE  mloop
	DOT4_RET

// func sumSquaresNEON(x *int32, n int) int64
// n > 0, a multiple of 8: sum of clamp(x, ±2^20)^2 in int64. SMIN/SMAX
// clamp four int32 lanes; SMLAL/SMLAL2 square them into int64 lanes
// (each square <= 2^40, exact) and add, wrapping like the Go sum.
TEXT ·sumSquaresNEON(SB), NOSPLIT, $0-24
	MOVD x+0(FP), R0
	MOVD n+8(FP), R1
	MOVD $0x100000, R2
	VDUP R2, V20.S4
	MOVD $-0x100000, R2
	VDUP R2, V21.S4
	VEOR V16.B16, V16.B16, V16.B16
	VEOR V17.B16, V17.B16, V17.B16
	VEOR V18.B16, V18.B16, V18.B16
	VEOR V19.B16, V19.B16, V19.B16
qloop:
	VLD1.P 32(R0), [V0.S4, V1.S4]
	WORD $0x4eb46c00 // smin v0.4s, v0.4s, v20.4s
	WORD $0x4eb56400 // smax v0.4s, v0.4s, v21.4s
	WORD $0x4eb46c21 // smin v1.4s, v1.4s, v20.4s
	WORD $0x4eb56421 // smax v1.4s, v1.4s, v21.4s
	WORD $0x0ea08010 // smlal v16.2d, v0.2s, v0.2s
	WORD $0x4ea08011 // smlal2 v17.2d, v0.4s, v0.4s
	WORD $0x0ea18032 // smlal v18.2d, v1.2s, v1.2s
	WORD $0x4ea18033 // smlal2 v19.2d, v1.4s, v1.4s
	SUBS $8, R1, R1
	BNE  qloop
	WORD $0x4ef18610 // add v16.2d, v16.2d, v17.2d
	WORD $0x4ef38652 // add v18.2d, v18.2d, v19.2d
	WORD $0x4ef28610 // add v16.2d, v16.2d, v18.2d
	WORD $0x5ef1ba10 // addp d16, v16.2d
	VMOV V16.D[0], R2
	MOVD R2, ret+16(FP)
	RET

// func requantNEON(out *int8, acc *int32, rq *Multiplier, n int, lower int32, perChannel bool)
// n > 0, a multiple of 4: out[i] = clamp(RoundShift(acc[i]*M, s), lower, 127)
// with (M, s) = rq[i] when perChannel, else rq[0]. A Multiplier is 8
// bytes, M in the low word and the shift in the low byte of the next
// (LD2 splits four of them into M and shift lanes; the padding is masked
// off). SMULL/SMULL2 form the int64 products (|p| <= 2^62); round half
// away from zero on |p|: URSHL by -s adds 2^(s-1) and shifts right
// (nothing for s = 0); UQXTN saturates |r| to 32 bits and UMIN caps it at
// 128 before the sign goes back, so the clamp sees the true order.
TEXT ·requantNEON(SB), NOSPLIT, $0-37
	MOVD out+0(FP), R0
	MOVD acc+8(FP), R1
	MOVD rq+16(FP), R2
	MOVD n+24(FP), R3
	MOVW lower+32(FP), R4
	MOVBU perChannel+36(FP), R5
	VDUP R4, V28.S4
	MOVD $127, R6
	VDUP R6, V29.S4
	MOVD $128, R6
	VDUP R6, V30.S4
	MOVD $0xff, R6
	VDUP R6, V27.S4
	// One multiplier for every element: M and -s broadcast once.
	MOVW (R2), R7
	VDUP R7, V20.S4
	MOVBU 4(R2), R8
	NEG  R8, R8
	VDUP R8, V22.D2
	VDUP R8, V23.D2
rqloop:
	CBZ R5, rqsame
	WORD $0x4cdf8854 // ld2 { v20.4s, v21.4s }, [x2], #32
	WORD $0x4e3b1eb5 // and v21.16b, v21.16b, v27.16b
	WORD $0x6ea0bab5 // neg v21.4s, v21.4s
	WORD $0x0f20a6b6 // sshll v22.2d, v21.2s, #0
	WORD $0x4f20a6b7 // sshll2 v23.2d, v21.4s, #0
rqsame:
	VLD1.P 16(R1), [V0.S4]
	WORD $0x0eb4c001 // smull v1.2d, v0.2s, v20.2s
	WORD $0x4eb4c002 // smull2 v2.2d, v0.4s, v20.4s
	WORD $0x4ee0a823 // cmlt v3.2d, v1.2d, #0
	WORD $0x4ee0a844 // cmlt v4.2d, v2.2d, #0
	WORD $0x4ee0b821 // abs v1.2d, v1.2d
	WORD $0x4ee0b842 // abs v2.2d, v2.2d
	WORD $0x6ef65421 // urshl v1.2d, v1.2d, v22.2d
	WORD $0x6ef75442 // urshl v2.2d, v2.2d, v23.2d
	WORD $0x2ea14825 // uqxtn v5.2s, v1.2d
	WORD $0x6ea14845 // uqxtn2 v5.4s, v2.2d
	WORD $0x0ea12866 // xtn v6.2s, v3.2d
	WORD $0x4ea12886 // xtn2 v6.4s, v4.2d
	WORD $0x6ebe6ca5 // umin v5.4s, v5.4s, v30.4s
	WORD $0x6e261ca5 // eor v5.16b, v5.16b, v6.16b
	WORD $0x6ea684a5 // sub v5.4s, v5.4s, v6.4s
	WORD $0x4ebc64a5 // smax v5.4s, v5.4s, v28.4s
	WORD $0x4ebd6ca5 // smin v5.4s, v5.4s, v29.4s
	WORD $0x0e6128a5 // xtn v5.4h, v5.4s
	WORD $0x0e2128a5 // xtn v5.8b, v5.8h
	VMOV V5.S[0], R6
	MOVW R6, (R0)
	ADD  $4, R0
	SUBS $4, R3, R3
	BNE  rqloop
	RET
