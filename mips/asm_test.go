package mips

// Tiny assembler for hand-written test programs.

func rtype(funct, rs, rt, rd, sa uint32) uint32 {
	return rs<<21 | rt<<16 | rd<<11 | sa<<6 | funct
}

func itype(op, rs, rt uint32, imm uint16) uint32 {
	return op<<26 | rs<<21 | rt<<16 | uint32(imm)
}

func jtype(op, target uint32) uint32 { return op<<26 | (target>>2)&0x03FFFFFF }

func special2(funct, rs, rt, rd uint32) uint32 { return 0x1C<<26 | rtype(funct, rs, rt, rd, 0) }

func special3(funct, rs, rt, rd, sa uint32) uint32 { return 0x1F<<26 | rtype(funct, rs, rt, rd, sa) }

const (
	insnSyscall = 0x0000000C
	insnNop     = 0
)

// Register numbers.
const (
	rV0 = 2
	rA0 = 4
	rA1 = 5
	rA2 = 6
	rA3 = 7
	rT0 = 8
	rT1 = 9
	rT2 = 10
	rSP = 29
	rRA = 31
)
