package replay

import (
	"fmt"

	"github.com/aivm-dev/aivm/mips"
)

// A MIPS32 disassembler for the instructions the VM executes (mips/core.go,
// docs/isa.md): every encoding the VM accepts gets its mnemonic; anything
// else is shown as the fault it is.

// RegNames are the o32 ABI register names.
var RegNames = [32]string{
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
	"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
	"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
}

// Instruction is one decoded instruction word.
type Instruction struct {
	PC       uint32 `json:"pc"`
	Word     uint32 `json:"word"`
	Mnemonic string `json:"mnemonic"`
	Operands string `json:"operands"`
	// Reads and Writes are the general registers the instruction reads and
	// writes (0 excluded); MemAddr says whether it accesses data memory at
	// rs + imm (a load or store).
	Reads  []int `json:"reads,omitempty"`
	Writes []int `json:"writes,omitempty"`
	Mem    bool  `json:"mem,omitempty"`
	// Store is set for stores (sb sh swl sw swr sc).
	Store bool `json:"store,omitempty"`
}

// String is "mnemonic operands".
func (in Instruction) String() string {
	if in.Operands == "" {
		return in.Mnemonic
	}
	return in.Mnemonic + " " + in.Operands
}

func reg(i uint32) string { return "$" + RegNames[i&31] }

func nz(rs ...uint32) []int {
	var out []int
	for _, r := range rs {
		if r != 0 {
			out = append(out, int(r))
		}
	}
	return out
}

// Disassemble decodes the instruction word at pc.
func Disassemble(pc, insn uint32) Instruction {
	in := Instruction{PC: pc, Word: insn}
	op := insn >> 26
	rs := (insn >> 21) & 31
	rt := (insn >> 16) & 31
	rd := (insn >> 11) & 31
	sa := (insn >> 6) & 31
	imm := insn & 0xFFFF
	simm := int32(int16(imm))
	set := func(m, ops string, reads, writes []int) {
		in.Mnemonic, in.Operands, in.Reads, in.Writes = m, ops, reads, writes
	}
	r3 := func(m string) { set(m, fmt.Sprintf("%s, %s, %s", reg(rd), reg(rs), reg(rt)), nz(rs, rt), nz(rd)) }
	target := func(off int32) uint32 { return pc + 4 + uint32(off<<2) }
	bad := func() {
		set("(invalid)", fmt.Sprintf(".word 0x%08x: the VM faults (exit %d)", insn, mips.FaultExitCode), nil, nil)
	}

	switch op {
	case 0x00:
		switch insn & 63 {
		case 0x00:
			if insn == 0 {
				set("nop", "", nil, nil)
			} else {
				set("sll", fmt.Sprintf("%s, %s, %d", reg(rd), reg(rt), sa), nz(rt), nz(rd))
			}
		case 0x02:
			set("srl", fmt.Sprintf("%s, %s, %d", reg(rd), reg(rt), sa), nz(rt), nz(rd))
		case 0x03:
			set("sra", fmt.Sprintf("%s, %s, %d", reg(rd), reg(rt), sa), nz(rt), nz(rd))
		case 0x04:
			set("sllv", fmt.Sprintf("%s, %s, %s", reg(rd), reg(rt), reg(rs)), nz(rt, rs), nz(rd))
		case 0x06:
			set("srlv", fmt.Sprintf("%s, %s, %s", reg(rd), reg(rt), reg(rs)), nz(rt, rs), nz(rd))
		case 0x07:
			set("srav", fmt.Sprintf("%s, %s, %s", reg(rd), reg(rt), reg(rs)), nz(rt, rs), nz(rd))
		case 0x08:
			set("jr", reg(rs), nz(rs), nil)
		case 0x09:
			set("jalr", fmt.Sprintf("%s, %s", reg(rd), reg(rs)), nz(rs), nz(rd))
		case 0x0A:
			r3("movz")
		case 0x0B:
			r3("movn")
		case 0x0C:
			set("syscall", "", []int{2, 4, 5, 6, 7}, []int{2, 7})
		case 0x0D:
			set("break", "", nil, nil)
		case 0x0F:
			set("sync", "", nil, nil)
		case 0x10:
			set("mfhi", reg(rd), nil, nz(rd))
		case 0x11:
			set("mthi", reg(rs), nz(rs), nil)
		case 0x12:
			set("mflo", reg(rd), nil, nz(rd))
		case 0x13:
			set("mtlo", reg(rs), nz(rs), nil)
		case 0x18, 0x19, 0x1A, 0x1B:
			m := map[uint32]string{0x18: "mult", 0x19: "multu", 0x1A: "div", 0x1B: "divu"}[insn&63]
			set(m, fmt.Sprintf("%s, %s", reg(rs), reg(rt)), nz(rs, rt), nil)
		case 0x20:
			r3("add")
		case 0x21:
			r3("addu")
		case 0x22:
			r3("sub")
		case 0x23:
			r3("subu")
		case 0x24:
			r3("and")
		case 0x25:
			r3("or")
		case 0x26:
			r3("xor")
		case 0x27:
			r3("nor")
		case 0x2A:
			r3("slt")
		case 0x2B:
			r3("sltu")
		case 0x30, 0x31, 0x32, 0x33, 0x34, 0x36:
			m := map[uint32]string{0x30: "tge", 0x31: "tgeu", 0x32: "tlt", 0x33: "tltu", 0x34: "teq", 0x36: "tne"}[insn&63]
			set(m, fmt.Sprintf("%s, %s", reg(rs), reg(rt)), nz(rs, rt), nil)
		default:
			bad()
		}
	case 0x01:
		m := map[uint32]string{0x00: "bltz", 0x01: "bgez", 0x10: "bltzal", 0x11: "bgezal"}[rt]
		if m == "" {
			bad()
			break
		}
		var w []int
		if rt&0x10 != 0 {
			w = []int{31}
		}
		set(m, fmt.Sprintf("%s, 0x%x", reg(rs), target(simm)), nz(rs), w)
	case 0x02, 0x03:
		t := (pc+4)&0xF0000000 | (insn&0x03FFFFFF)<<2
		if op == 0x02 {
			set("j", fmt.Sprintf("0x%x", t), nil, nil)
		} else {
			set("jal", fmt.Sprintf("0x%x", t), nil, []int{31})
		}
	case 0x04:
		set("beq", fmt.Sprintf("%s, %s, 0x%x", reg(rs), reg(rt), target(simm)), nz(rs, rt), nil)
	case 0x05:
		set("bne", fmt.Sprintf("%s, %s, 0x%x", reg(rs), reg(rt), target(simm)), nz(rs, rt), nil)
	case 0x06:
		set("blez", fmt.Sprintf("%s, 0x%x", reg(rs), target(simm)), nz(rs), nil)
	case 0x07:
		set("bgtz", fmt.Sprintf("%s, 0x%x", reg(rs), target(simm)), nz(rs), nil)
	case 0x08, 0x09, 0x0A, 0x0B:
		m := map[uint32]string{0x08: "addi", 0x09: "addiu", 0x0A: "slti", 0x0B: "sltiu"}[op]
		set(m, fmt.Sprintf("%s, %s, %d", reg(rt), reg(rs), simm), nz(rs), nz(rt))
	case 0x0C, 0x0D, 0x0E:
		m := map[uint32]string{0x0C: "andi", 0x0D: "ori", 0x0E: "xori"}[op]
		set(m, fmt.Sprintf("%s, %s, 0x%x", reg(rt), reg(rs), imm), nz(rs), nz(rt))
	case 0x0F:
		set("lui", fmt.Sprintf("%s, 0x%x", reg(rt), imm), nil, nz(rt))
	case 0x1C:
		switch insn & 63 {
		case 0x00, 0x01, 0x04, 0x05:
			m := map[uint32]string{0x00: "madd", 0x01: "maddu", 0x04: "msub", 0x05: "msubu"}[insn&63]
			set(m, fmt.Sprintf("%s, %s", reg(rs), reg(rt)), nz(rs, rt), nil)
		case 0x02:
			r3("mul")
		case 0x20:
			set("clz", fmt.Sprintf("%s, %s", reg(rd), reg(rs)), nz(rs), nz(rd))
		case 0x21:
			set("clo", fmt.Sprintf("%s, %s", reg(rd), reg(rs)), nz(rs), nz(rd))
		default:
			bad()
		}
	case 0x1F:
		switch insn & 63 {
		case 0x00:
			set("ext", fmt.Sprintf("%s, %s, %d, %d", reg(rt), reg(rs), sa, rd+1), nz(rs), nz(rt))
		case 0x04:
			set("ins", fmt.Sprintf("%s, %s, %d, %d", reg(rt), reg(rs), sa, rd-sa+1), nz(rs, rt), nz(rt))
		case 0x20:
			m := map[uint32]string{0x10: "seb", 0x18: "seh", 0x02: "wsbh"}[sa]
			if m == "" {
				bad()
				break
			}
			set(m, fmt.Sprintf("%s, %s", reg(rd), reg(rt)), nz(rt), nz(rd))
		default:
			bad()
		}
	case 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x30:
		m := map[uint32]string{0x20: "lb", 0x21: "lh", 0x22: "lwl", 0x23: "lw", 0x24: "lbu", 0x25: "lhu", 0x26: "lwr", 0x30: "ll"}[op]
		reads := nz(rs)
		if op == 0x22 || op == 0x26 {
			reads = nz(rs, rt)
		}
		set(m, fmt.Sprintf("%s, %d(%s)", reg(rt), simm, reg(rs)), reads, nz(rt))
		in.Mem = true
	case 0x28, 0x29, 0x2A, 0x2B, 0x2E, 0x38:
		m := map[uint32]string{0x28: "sb", 0x29: "sh", 0x2A: "swl", 0x2B: "sw", 0x2E: "swr", 0x38: "sc"}[op]
		var w []int
		if op == 0x38 {
			w = nz(rt)
		}
		set(m, fmt.Sprintf("%s, %d(%s)", reg(rt), simm, reg(rs)), nz(rs, rt), w)
		in.Mem, in.Store = true, true
	case 0x2F:
		set("cache", fmt.Sprintf("0x%x, %d(%s)", rt, simm, reg(rs)), nil, nil)
	case 0x33:
		set("pref", fmt.Sprintf("0x%x, %d(%s)", rt, simm, reg(rs)), nil, nil)
	default:
		bad()
	}
	return in
}

// SyscallNames names the syscalls the VM implements (docs/protocol.md 1.8).
var SyscallNames = map[uint32]string{
	mips.SysExit: "exit", mips.SysRead: "read", mips.SysWrite: "write", mips.SysOpen: "open", mips.SysClose: "close",
	mips.SysGetpid: "getpid", mips.SysKill: "kill", mips.SysBrk: "brk", mips.SysFcntl: "fcntl", mips.SysMmap: "mmap",
	mips.SysMunmap: "munmap", mips.SysSchedYield: "sched_yield", mips.SysNanosleep: "nanosleep",
	mips.SysRtSigaction: "rt_sigaction", mips.SysRtSigprocmask: "rt_sigprocmask", mips.SysSigaltstack: "sigaltstack",
	mips.SysMadvise: "madvise", mips.SysGettid: "gettid", mips.SysFutex: "futex", mips.SysSchedGetaffinity: "sched_getaffinity",
	mips.SysExitGroup: "exit_group", mips.SysEpollCtl: "epoll_ctl", mips.SysClockGettime: "clock_gettime",
	mips.SysClockNanosleep: "clock_nanosleep", mips.SysTgkill: "tgkill", mips.SysOpenat: "openat",
	mips.SysEpollPwait: "epoll_pwait", mips.SysEventfd2: "eventfd2", mips.SysEpollCreate1: "epoll_create1",
	mips.SysClockNanosleep64: "clock_nanosleep_time64", mips.SysFutexTime64: "futex_time64",
	mips.SysEpollPwait2: "epoll_pwait2", mips.SysClone: "clone",
}
