#include "textflag.h"

// Go's arm64 assembler has no SDOT, SMULL or SADALP: they are WORD-encoded
// (encodings checked with llvm-mc -triple=aarch64 -mattr=+dotprod).

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
