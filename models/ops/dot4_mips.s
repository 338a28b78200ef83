//go:build mips || mipsle
#include "textflag.h"
// func dot4x8(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)
//
// The guest's int8 matrix-vector kernel (see dot4 in matmul_mips.go): four
// dot products of x[0:n] with w0..w3[0:n], n a positive multiple of 8.
// Per 8 columns it loads the 8 x values once (R12-R19), then row 0
// accumulates with madd into HI/LO (lb + madd per multiply-add) and rows
// 1-3 with mul + addu into R9-R11 (lb + mul + addu): 103 instructions per
// 32 multiply-adds plus 7 of loop control, about 3.4 per multiply-add
// instead of the compiled Go loop's 4.3. The arithmetic is the Go
// version's: 32-bit products and wrapping 32-bit sums (LO holds the low
// 32 bits of madd's 64-bit sum). mul and madd are emitted as WORDs because
// the Go assembler has no three-operand mul for mips.
TEXT ·dot4x8(SB),NOSPLIT,$0-40
	MOVW	x+0(FP), R7
	MOVW	w0+4(FP), R3
	MOVW	w1+8(FP), R4
	MOVW	w2+12(FP), R5
	MOVW	w3+16(FP), R6
	MOVW	n+20(FP), R2
	ADDU	R7, R2, R22
	MOVW	R0, HI
	MOVW	R0, LO
	MOVW	R0, R9
	MOVW	R0, R10
	MOVW	R0, R11
loop:
	MOVB	0(R7), R12
	MOVB	1(R7), R13
	MOVB	2(R7), R14
	MOVB	3(R7), R15
	MOVB	4(R7), R16
	MOVB	5(R7), R17
	MOVB	6(R7), R18
	MOVB	7(R7), R19
	MOVB	0(R3), R20
	WORD	$0x728c0000	// madd R20, R12
	MOVB	1(R3), R20
	WORD	$0x728d0000	// madd R20, R13
	MOVB	2(R3), R20
	WORD	$0x728e0000	// madd R20, R14
	MOVB	3(R3), R20
	WORD	$0x728f0000	// madd R20, R15
	MOVB	4(R3), R20
	WORD	$0x72900000	// madd R20, R16
	MOVB	5(R3), R20
	WORD	$0x72910000	// madd R20, R17
	MOVB	6(R3), R20
	WORD	$0x72920000	// madd R20, R18
	MOVB	7(R3), R20
	WORD	$0x72930000	// madd R20, R19
	MOVB	0(R4), R20
	WORD	$0x728ca002	// mul R20, R20, R12
	ADDU	R20, R9
	MOVB	1(R4), R20
	WORD	$0x728da002	// mul R20, R20, R13
	ADDU	R20, R9
	MOVB	2(R4), R20
	WORD	$0x728ea002	// mul R20, R20, R14
	ADDU	R20, R9
	MOVB	3(R4), R20
	WORD	$0x728fa002	// mul R20, R20, R15
	ADDU	R20, R9
	MOVB	4(R4), R20
	WORD	$0x7290a002	// mul R20, R20, R16
	ADDU	R20, R9
	MOVB	5(R4), R20
	WORD	$0x7291a002	// mul R20, R20, R17
	ADDU	R20, R9
	MOVB	6(R4), R20
	WORD	$0x7292a002	// mul R20, R20, R18
	ADDU	R20, R9
	MOVB	7(R4), R20
	WORD	$0x7293a002	// mul R20, R20, R19
	ADDU	R20, R9
	MOVB	0(R5), R20
	WORD	$0x728ca002	// mul R20, R20, R12
	ADDU	R20, R10
	MOVB	1(R5), R20
	WORD	$0x728da002	// mul R20, R20, R13
	ADDU	R20, R10
	MOVB	2(R5), R20
	WORD	$0x728ea002	// mul R20, R20, R14
	ADDU	R20, R10
	MOVB	3(R5), R20
	WORD	$0x728fa002	// mul R20, R20, R15
	ADDU	R20, R10
	MOVB	4(R5), R20
	WORD	$0x7290a002	// mul R20, R20, R16
	ADDU	R20, R10
	MOVB	5(R5), R20
	WORD	$0x7291a002	// mul R20, R20, R17
	ADDU	R20, R10
	MOVB	6(R5), R20
	WORD	$0x7292a002	// mul R20, R20, R18
	ADDU	R20, R10
	MOVB	7(R5), R20
	WORD	$0x7293a002	// mul R20, R20, R19
	ADDU	R20, R10
	MOVB	0(R6), R20
	WORD	$0x728ca002	// mul R20, R20, R12
	ADDU	R20, R11
	MOVB	1(R6), R20
	WORD	$0x728da002	// mul R20, R20, R13
	ADDU	R20, R11
	MOVB	2(R6), R20
	WORD	$0x728ea002	// mul R20, R20, R14
	ADDU	R20, R11
	MOVB	3(R6), R20
	WORD	$0x728fa002	// mul R20, R20, R15
	ADDU	R20, R11
	MOVB	4(R6), R20
	WORD	$0x7290a002	// mul R20, R20, R16
	ADDU	R20, R11
	MOVB	5(R6), R20
	WORD	$0x7291a002	// mul R20, R20, R17
	ADDU	R20, R11
	MOVB	6(R6), R20
	WORD	$0x7292a002	// mul R20, R20, R18
	ADDU	R20, R11
	MOVB	7(R6), R20
	WORD	$0x7293a002	// mul R20, R20, R19
	ADDU	R20, R11
	ADDU	$8, R7
	ADDU	$8, R3
	ADDU	$8, R4
	ADDU	$8, R5
	ADDU	$8, R6
	BNE	R7, R22, loop
	MOVW	LO, R8
	MOVW	R8, s0+24(FP)
	MOVW	R9, s1+28(FP)
	MOVW	R10, s2+32(FP)
	MOVW	R11, s3+36(FP)
	RET
