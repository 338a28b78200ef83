//go:build linux && mips && !aivm_syscall && !aivm_rawsyscall && !aivm_osfile

#include "textflag.h"

// func sysLoop(num, fd uintptr, p unsafe.Pointer, n uintptr) (done, errno uintptr)
//
// The loop state lives in R16-R19 (callee-saved in the kernel's o32
// convention) so the loop also runs under qemu-mips; the AIVM VM changes
// only v0 (R2) and a3 (R7) in a syscall.
TEXT ·sysLoop(SB),NOSPLIT,$0-24
	MOVW	num+0(FP), R16
	MOVW	p+8(FP), R17
	MOVW	n+12(FP), R18
	MOVW	R0, R19
loop:
	BEQ	R18, ok
	MOVW	R16, R2
	MOVW	fd+4(FP), R4
	MOVW	R17, R5
	MOVW	R18, R6
	SYSCALL
	BNE	R7, fail
	BEQ	R2, ok
	ADDU	R2, R17
	SUBU	R2, R18
	ADDU	R2, R19
	JMP	loop
ok:
	MOVW	R19, done+16(FP)
	MOVW	R0, errno+20(FP)
	RET
fail:
	MOVW	R19, done+16(FP)
	MOVW	R2, errno+20(FP)
	RET
