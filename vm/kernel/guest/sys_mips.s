//go:build linux && mips && !aivm_syscall && !aivm_rawsyscall && !aivm_osfile

#include "textflag.h"

// func sysLoop(num, fd uintptr, p unsafe.Pointer, n uintptr) (done, errno uintptr)
//
// The loop keeps the syscall's own argument registers: a0 = fd, a1 = the
// next byte, a2 = the bytes left, which a syscall leaves as they are (the
// AIVM VM changes only v0 and a3, protocol 1.8; so does Linux's o32 ABI,
// hence qemu-mips). The loop body is hand-encoded so that its three branch
// delay slots do useful work (the Go assembler pads every branch with a
// nop): 8 instructions per syscall instead of 17. Every read step of a
// kernel moves at most 32 bytes, so this loop is about a quarter of the
// steps of judging a large fc node. Layout (offsets from loop):
//
//	0  or   v0, zero, s0   syscall number
//	4  syscall
//	8  bnez a3, fail
//	12 addu a1, a1, v0     (delay slot)
//	16 beqz v0, ok         end of stream
//	20 subu a2, a2, v0     (delay slot)
//	24 bnez a2, loop
//	28 addu s3, s3, v0     (delay slot)
//	32 ok: …               (16 bytes), then fail at 48
//
// TestSysLoopLayout (vm/kernel) checks these offsets in the built guest;
// every VM kernel test runs the loop.
TEXT ·sysLoop(SB),NOSPLIT,$0-24
	MOVW	num+0(FP), R16
	MOVW	fd+4(FP), R4
	MOVW	p+8(FP), R5
	MOVW	n+12(FP), R6
	MOVW	R0, R19
	BEQ	R6, ok
loop:
	WORD	$0x00101025	// or v0, zero, s0: the syscall number
	WORD	$0x0000000c	// syscall
	WORD	$0x14e00009	// bnez a3, fail
	WORD	$0x00a22821	// addu a1, a1, v0 (delay slot: p advances)
	WORD	$0x10400003	// beqz v0, ok: end of stream
	WORD	$0x00c23023	// subu a2, a2, v0 (delay slot: bytes left)
	WORD	$0x14c0fff9	// bnez a2, loop
	WORD	$0x02629821	// addu s3, s3, v0 (delay slot: bytes done)
ok:
	MOVW	R19, done+16(FP)
	MOVW	R0, errno+20(FP)
	RET
fail:
	MOVW	R19, done+16(FP)
	MOVW	R2, errno+20(FP)
	RET
