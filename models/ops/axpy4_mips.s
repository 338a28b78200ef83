//go:build mips || mipsle

#include "textflag.h"

// func axpy4x4(acc *int32, v0, v1, v2, v3 *int8, n int, p0, p1, p2, p3 int32)
//
// Attention's weighted sum in the guest (see axpy4 in dot4_mips.go):
// acc[i] += p0*v0[i] + p1*v1[i] + p2*v2[i] + p3*v3[i] for i < n, n a
// positive multiple of 4. Each acc[i] is moved into LO, takes four lb +
// madd, and is stored back: 12 instructions per 4 multiply-adds, plus 7
// of loop control per 4 elements. Wrapping 32-bit arithmetic, as in Go
// (LO is the low word of madd's 64-bit sum).
TEXT ·axpy4x4(SB),NOSPLIT,$0-40
	MOVW	acc+0(FP), R3
	MOVW	v0+4(FP), R4
	MOVW	v1+8(FP), R5
	MOVW	v2+12(FP), R6
	MOVW	v3+16(FP), R7
	MOVW	n+20(FP), R8
	MOVW	p0+24(FP), R9
	MOVW	p1+28(FP), R10
	MOVW	p2+32(FP), R11
	MOVW	p3+36(FP), R12
	SLL	$2, R8
	ADDU	R3, R8
loop:
	MOVW	0(R3), R13
	MOVW	R13, LO
	MOVB	0(R4), R14
	WORD	$0x71c90000	// madd R14, R9
	MOVB	0(R5), R14
	WORD	$0x71ca0000	// madd R14, R10
	MOVB	0(R6), R14
	WORD	$0x71cb0000	// madd R14, R11
	MOVB	0(R7), R14
	WORD	$0x71cc0000	// madd R14, R12
	MOVW	LO, R13
	MOVW	R13, 0(R3)
	MOVW	4(R3), R13
	MOVW	R13, LO
	MOVB	1(R4), R14
	WORD	$0x71c90000	// madd R14, R9
	MOVB	1(R5), R14
	WORD	$0x71ca0000	// madd R14, R10
	MOVB	1(R6), R14
	WORD	$0x71cb0000	// madd R14, R11
	MOVB	1(R7), R14
	WORD	$0x71cc0000	// madd R14, R12
	MOVW	LO, R13
	MOVW	R13, 4(R3)
	MOVW	8(R3), R13
	MOVW	R13, LO
	MOVB	2(R4), R14
	WORD	$0x71c90000	// madd R14, R9
	MOVB	2(R5), R14
	WORD	$0x71ca0000	// madd R14, R10
	MOVB	2(R6), R14
	WORD	$0x71cb0000	// madd R14, R11
	MOVB	2(R7), R14
	WORD	$0x71cc0000	// madd R14, R12
	MOVW	LO, R13
	MOVW	R13, 8(R3)
	MOVW	12(R3), R13
	MOVW	R13, LO
	MOVB	3(R4), R14
	WORD	$0x71c90000	// madd R14, R9
	MOVB	3(R5), R14
	WORD	$0x71ca0000	// madd R14, R10
	MOVB	3(R6), R14
	WORD	$0x71cb0000	// madd R14, R11
	MOVB	3(R7), R14
	WORD	$0x71cc0000	// madd R14, R12
	MOVW	LO, R13
	MOVW	R13, 12(R3)
	ADDU	$16, R3
	ADDU	$4, R4
	ADDU	$4, R5
	ADDU	$4, R6
	ADDU	$4, R7
	BNE	R3, R8, loop
	RET
