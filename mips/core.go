package mips

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
)

// This file holds the single definition of what one instruction does. Step,
// the slow path of Run and the stateless VerifyStep all call core.exec; they
// differ only in how memory and the oracle are reached (memAccess,
// streamSource) and in how thread stacks are stored.

// action is what a step does to the thread stacks once the instruction ran.
type action uint8

const (
	actNormal     action = iota // active ← push(I, T')
	actYield                    // preempt T'
	actWait                     // preempt T', a waiting thread (a wait step, 1.5)
	actThreadExit               // pop T
	actClone                    // push T' and the child
	actHalt                     // machine exits with code; stacks unchanged
)

// memAccess reaches memory during one step. slot is the memory proof index
// (0 fetch, 1 data, 2 second clock_gettime word); for load and store addr is
// 4-aligned. loadBytes and storeBytes (preimage I/O, 1.9) move n = len(b)
// bytes at any addr, all within the 32-byte leaf holding addr. zero replaces
// the aligned subtree of height h (7..26) holding addr by Z[h] (1.8).
type memAccess interface {
	load(addr uint32, slot int) (uint32, error)
	store(addr uint32, v uint32, slot int) error
	loadBytes(addr, n uint32, slot int) ([]byte, error)
	storeBytes(addr uint32, b []byte, slot int) error
	zero(addr uint32, h int, slot int) error
}

// streamSource returns up to 32 bytes (one oracle part) of the preimage
// stream u64(len P) ‖ P of key from offset (fewer at the end, none at or past
// the end). The caller only reads the result.
type streamSource interface {
	stream(key [32]byte, offset uint32) ([]byte, error)
}

// globals are the scalar fields a single instruction may read or change.
type globals struct {
	PreimageKey    [32]byte
	PreimageOffset uint32
	Heap           uint32
	LLActive       bool
	LLAddress      uint32
	Now            uint64 // the pre-state's virtual time (1.5)
	NextThreadID   uint32
}

// relayFunc receives guest writes to fd 1 and 2 (host side only).
type relayFunc func(fd uint32, addr, n uint32)

type core struct {
	g     *globals
	mem   memAccess
	src   streamSource
	relay relayFunc // nil: discard
}

// errHost marks failures of the host (missing preimage, bad proof), as opposed
// to guest faults, which are ordinary state transitions.
var errHost = errors.New("host error")

func signExt16(v uint32) uint32 { return uint32(int32(int16(v))) }

// exec runs one instruction of t, updating t in place (t is the caller's copy
// T'). For actHalt, code is the exit code; for actClone, child is the new
// thread. Faults are actHalt with FaultExitCode; the caller discards t then.
func (c *core) exec(t *Thread) (act action, code uint8, child *Thread, err error) {
	const fault = actHalt
	if t.PC&3 != 0 {
		return fault, FaultExitCode, nil, nil
	}
	insn, err := c.mem.load(t.PC, 0)
	if err != nil {
		return 0, 0, nil, err
	}
	pc, npc := t.PC, t.NextPC
	r := &t.Regs
	op := insn >> 26
	rsv := r[(insn>>21)&31]
	rtIdx := (insn >> 16) & 31
	rtv := r[rtIdx]
	rdIdx := (insn >> 11) & 31
	sa := (insn >> 6) & 31
	imm := insn & 0xFFFF
	simm := signExt16(imm)

	// Defaults: write nothing, advance sequentially.
	next, nextNext := npc, npc+4
	var dst uint32 // destination register index; 0 discards
	var val uint32

	branch := func(cond bool, target uint32) {
		if cond {
			nextNext = target
		}
	}

	switch op {
	case 0x00: // SPECIAL
		switch insn & 63 {
		case 0x00: // sll
			dst, val = rdIdx, rtv<<sa
		case 0x02: // srl
			dst, val = rdIdx, rtv>>sa
		case 0x03: // sra
			dst, val = rdIdx, uint32(int32(rtv)>>sa)
		case 0x04: // sllv
			dst, val = rdIdx, rtv<<(rsv&31)
		case 0x06: // srlv
			dst, val = rdIdx, rtv>>(rsv&31)
		case 0x07: // srav
			dst, val = rdIdx, uint32(int32(rtv)>>(rsv&31))
		case 0x08: // jr
			nextNext = rsv
		case 0x09: // jalr: rs is read before rd is written
			nextNext = rsv
			dst, val = rdIdx, pc+8
		case 0x0A: // movz
			if rtv == 0 {
				dst, val = rdIdx, rsv
			}
		case 0x0B: // movn
			if rtv != 0 {
				dst, val = rdIdx, rsv
			}
		case 0x0C: // syscall
			return c.syscall(t)
		case 0x0F: // sync
		case 0x10: // mfhi
			dst, val = rdIdx, t.Hi
		case 0x11: // mthi
			t.Hi = rsv
		case 0x12: // mflo
			dst, val = rdIdx, t.Lo
		case 0x13: // mtlo
			t.Lo = rsv
		case 0x18: // mult
			p := uint64(int64(int32(rsv)) * int64(int32(rtv)))
			t.Hi, t.Lo = uint32(p>>32), uint32(p)
		case 0x19: // multu
			p := uint64(rsv) * uint64(rtv)
			t.Hi, t.Lo = uint32(p>>32), uint32(p)
		case 0x1A: // div
			if rtv == 0 || (rsv == 0x80000000 && rtv == 0xFFFFFFFF) {
				t.Lo, t.Hi = rsv, 0
			} else {
				t.Lo, t.Hi = uint32(int32(rsv)/int32(rtv)), uint32(int32(rsv)%int32(rtv))
			}
		case 0x1B: // divu
			if rtv == 0 {
				t.Lo, t.Hi = rsv, 0
			} else {
				t.Lo, t.Hi = rsv/rtv, rsv%rtv
			}
		case 0x20: // add
			s := rsv + rtv
			if (rsv^s)&(rtv^s)&0x80000000 != 0 {
				return fault, FaultExitCode, nil, nil
			}
			dst, val = rdIdx, s
		case 0x21: // addu
			dst, val = rdIdx, rsv+rtv
		case 0x22: // sub
			s := rsv - rtv
			if (rsv^rtv)&(rsv^s)&0x80000000 != 0 {
				return fault, FaultExitCode, nil, nil
			}
			dst, val = rdIdx, s
		case 0x23: // subu
			dst, val = rdIdx, rsv-rtv
		case 0x24:
			dst, val = rdIdx, rsv&rtv
		case 0x25:
			dst, val = rdIdx, rsv|rtv
		case 0x26:
			dst, val = rdIdx, rsv^rtv
		case 0x27:
			dst, val = rdIdx, ^(rsv | rtv)
		case 0x2A: // slt
			dst, val = rdIdx, b2w(int32(rsv) < int32(rtv))
		case 0x2B: // sltu
			dst, val = rdIdx, b2w(rsv < rtv)
		case 0x30, 0x31, 0x32, 0x33, 0x34, 0x36: // traps
			if trapCond(insn&63, rsv, rtv) {
				return fault, FaultExitCode, nil, nil
			}
		default: // includes break (0x0D)
			return fault, FaultExitCode, nil, nil
		}
	case 0x01: // REGIMM
		var cond bool
		switch rtIdx {
		case 0x00, 0x10:
			cond = int32(rsv) < 0
		case 0x01, 0x11:
			cond = int32(rsv) >= 0
		default:
			return fault, FaultExitCode, nil, nil
		}
		if rtIdx&0x10 != 0 {
			dst, val = 31, pc+8
		}
		branch(cond, pc+4+simm<<2)
	case 0x02: // j
		nextNext = (pc+4)&0xF0000000 | (insn&0x03FFFFFF)<<2
	case 0x03: // jal
		nextNext = (pc+4)&0xF0000000 | (insn&0x03FFFFFF)<<2
		dst, val = 31, pc+8
	case 0x04:
		branch(rsv == rtv, pc+4+simm<<2)
	case 0x05:
		branch(rsv != rtv, pc+4+simm<<2)
	case 0x06:
		branch(int32(rsv) <= 0, pc+4+simm<<2)
	case 0x07:
		branch(int32(rsv) > 0, pc+4+simm<<2)
	case 0x08: // addi
		s := rsv + simm
		if (rsv^s)&(simm^s)&0x80000000 != 0 {
			return fault, FaultExitCode, nil, nil
		}
		dst, val = rtIdx, s
	case 0x09:
		dst, val = rtIdx, rsv+simm
	case 0x0A:
		dst, val = rtIdx, b2w(int32(rsv) < int32(simm))
	case 0x0B:
		dst, val = rtIdx, b2w(rsv < simm)
	case 0x0C:
		dst, val = rtIdx, rsv&imm
	case 0x0D:
		dst, val = rtIdx, rsv|imm
	case 0x0E:
		dst, val = rtIdx, rsv^imm
	case 0x0F:
		dst, val = rtIdx, imm<<16
	case 0x1C: // SPECIAL2
		switch insn & 63 {
		case 0x00, 0x01, 0x04, 0x05: // madd maddu msub msubu
			acc := uint64(t.Hi)<<32 | uint64(t.Lo)
			var p uint64
			if insn&1 == 0 {
				p = uint64(int64(int32(rsv)) * int64(int32(rtv)))
			} else {
				p = uint64(rsv) * uint64(rtv)
			}
			if insn&4 == 0 {
				acc += p
			} else {
				acc -= p
			}
			t.Hi, t.Lo = uint32(acc>>32), uint32(acc)
		case 0x02: // mul
			dst, val = rdIdx, uint32(int32(rsv)*int32(rtv))
		case 0x20: // clz
			dst, val = rdIdx, uint32(bits.LeadingZeros32(rsv))
		case 0x21: // clo
			dst, val = rdIdx, uint32(bits.LeadingZeros32(^rsv))
		default:
			return fault, FaultExitCode, nil, nil
		}
	case 0x1F: // SPECIAL3
		switch insn & 63 {
		case 0x00: // ext: pos = sa, size = rd + 1
			if sa+rdIdx > 31 {
				return fault, FaultExitCode, nil, nil
			}
			dst, val = rtIdx, (rsv>>sa)&lowMask(rdIdx+1)
		case 0x04: // ins: lsb = sa, msb = rd
			if rdIdx < sa {
				return fault, FaultExitCode, nil, nil
			}
			m := lowMask(rdIdx-sa+1) << sa
			dst, val = rtIdx, rtv&^m|(rsv<<sa)&m
		case 0x20: // bshfl
			switch sa {
			case 0x10: // seb
				dst, val = rdIdx, uint32(int32(int8(rtv)))
			case 0x18: // seh
				dst, val = rdIdx, uint32(int32(int16(rtv)))
			case 0x02: // wsbh
				dst, val = rdIdx, (rtv&0x00FF00FF)<<8|(rtv>>8)&0x00FF00FF
			default:
				return fault, FaultExitCode, nil, nil
			}
		default:
			return fault, FaultExitCode, nil, nil
		}
	case 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x28, 0x29, 0x2A, 0x2B, 0x2E, 0x30, 0x38:
		addr := rsv + simm
		if addr < NullPageEnd {
			return fault, FaultExitCode, nil, nil
		}
		switch op {
		case 0x21, 0x25, 0x29:
			if addr&1 != 0 {
				return fault, FaultExitCode, nil, nil
			}
		case 0x23, 0x2B, 0x30, 0x38:
			if addr&3 != 0 {
				return fault, FaultExitCode, nil, nil
			}
		}
		if op == 0x38 { // sc touches memory only when it succeeds
			ok := c.g.LLActive && c.g.LLAddress == addr
			c.g.LLActive = false
			dst, val = rtIdx, b2w(ok)
			if ok {
				if err := c.mem.store(addr, rtv, 1); err != nil {
					return 0, 0, nil, err
				}
			}
			break
		}
		w, err := c.mem.load(addr&^3, 1)
		if err != nil {
			return 0, 0, nil, err
		}
		bs := 24 - 8*(addr&3) // shift of the addressed byte
		switch op {
		case 0x20: // lb
			dst, val = rtIdx, uint32(int32(int8(w>>bs)))
		case 0x21: // lh
			dst, val = rtIdx, uint32(int32(int16(w>>(16-8*(addr&2)))))
		case 0x22: // lwl
			sh := 8 * (addr & 3)
			m := uint32(0xFFFFFFFF) << sh
			dst, val = rtIdx, rtv&^m|w<<sh
		case 0x23: // lw
			dst, val = rtIdx, w
		case 0x24: // lbu
			dst, val = rtIdx, (w>>bs)&0xFF
		case 0x25: // lhu
			dst, val = rtIdx, (w>>(16-8*(addr&2)))&0xFFFF
		case 0x26: // lwr
			sh := 8 * (3 - addr&3)
			m := uint32(0xFFFFFFFF) >> sh
			dst, val = rtIdx, rtv&^m|w>>sh
		case 0x30: // ll
			dst, val = rtIdx, w
			c.g.LLActive, c.g.LLAddress = true, addr
		default: // stores
			var nw uint32
			switch op {
			case 0x28: // sb
				nw = w&^(0xFF<<bs) | (rtv&0xFF)<<bs
			case 0x29: // sh
				hs := 16 - 8*(addr&2)
				nw = w&^(0xFFFF<<hs) | (rtv&0xFFFF)<<hs
			case 0x2A: // swl
				sh := 8 * (addr & 3)
				m := uint32(0xFFFFFFFF) >> sh
				nw = w&^m | rtv>>sh
			case 0x2B: // sw
				nw = rtv
			case 0x2E: // swr
				sh := 8 * (3 - addr&3)
				m := uint32(0xFFFFFFFF) << sh
				nw = w&^m | rtv<<sh
			}
			if err := c.mem.store(addr&^3, nw, 1); err != nil {
				return 0, 0, nil, err
			}
		}
	case 0x2F, 0x33: // cache, pref
	default:
		return fault, FaultExitCode, nil, nil
	}
	if dst != 0 {
		r[dst] = val
	}
	t.PC, t.NextPC = next, nextNext
	return actNormal, 0, nil, nil
}

func b2w(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// lowMask returns a mask of the n (1..32) low bits.
func lowMask(n uint32) uint32 {
	if n >= 32 {
		return 0xFFFFFFFF
	}
	return 1<<n - 1
}

func trapCond(funct, a, b uint32) bool {
	switch funct {
	case 0x30:
		return int32(a) >= int32(b)
	case 0x31:
		return a >= b
	case 0x32:
		return int32(a) < int32(b)
	case 0x33:
		return a < b
	case 0x34:
		return a == b
	default: // 0x36 tne
		return a != b
	}
}

// syscall executes the syscall instruction of t (1.8).
func (c *core) syscall(t *Thread) (act action, code uint8, child *Thread, err error) {
	r := &t.Regs
	num, a0, a1, a2 := r[2], r[4], r[5], r[6]
	act = actNormal
	v, errno := uint32(0), uint32(0)

	switch num {
	case SysExit:
		return actThreadExit, uint8(a0), nil, nil
	case SysExitGroup:
		return actHalt, uint8(a0), nil, nil
	case SysRead:
		switch a0 {
		case FdStdin:
		case FdPreimageRead:
			v, err = c.preimageRead(a1, a2)
		case FdEventfd:
			errno = EAGAIN
		default:
			errno = EBADF
		}
	case SysWrite:
		switch a0 {
		case FdStdout, FdStderr:
			if c.relay != nil {
				c.relay(a0, a1, a2)
			}
			v = a2
		case FdPreimageWrite:
			v, err = c.keyWrite(a1, a2)
		case FdEventfd:
			v = a2
		default:
			errno = EBADF
		}
	case SysBrk:
		v = BrkResult
	case SysMmap:
		n := pageRound(a1)
		if a0 == 0 {
			if uint64(c.g.Heap)+n > HeapLimit {
				errno = ENOMEM
				break
			}
			v = c.g.Heap
			c.g.Heap += uint32(n)
			break
		}
		// The hint is always honoured, so whatever the range held before
		// (it may be in use: MAP_FIXED) must read as zero, as on Linux.
		switch {
		case a1 == 0 || a0%PageSize != 0:
			errno = EINVAL
		case uint64(a0)+n > AddressSpace:
			errno = ENOMEM
		default:
			done, zerr := c.zeroStep(t, a0, n)
			if zerr != nil || !done {
				return actNormal, 0, nil, zerr
			}
			v = a0
		}
	case SysMadvise:
		if a2 != MadvDontneed {
			break // other advice is a hint without effect on contents
		}
		n := pageRound(a1)
		switch {
		case a0%PageSize != 0 || uint64(a0)+n >= AddressSpace: // Linux: end wraps
			errno = EINVAL
		case n != 0:
			done, zerr := c.zeroStep(t, a0, n)
			if zerr != nil || !done {
				return actNormal, 0, nil, zerr
			}
		}
	case SysMunmap, SysClose, SysKill, SysTgkill,
		SysRtSigaction, SysRtSigprocmask, SysSigaltstack, SysEpollCtl:
	case SysClone:
		if a0&CloneRequired != CloneRequired {
			errno = EINVAL
			break
		}
		t.PC, t.NextPC, t.WaitUntil = t.NextPC, t.NextPC+4, 0
		ch := *t
		ch.ID = c.g.NextThreadID
		ch.Regs[2], ch.Regs[7] = 0, 0
		if a1 != 0 {
			ch.Regs[29] = a1
		}
		r[2], r[7] = ch.ID, 0
		c.g.NextThreadID++
		return actClone, 0, &ch, nil
	case SysSchedYield:
		act = actYield
	case SysNanosleep, SysClockNanosleep, SysClockNanosleep64, SysEpollPwait, SysEpollPwait2:
		var stay bool
		if act, v, errno, stay, err = c.wait(t, num); stay {
			return act, 0, nil, err
		}
	case SysFutex, SysFutexTime64:
		switch a1 & 0x7F {
		case FutexWait:
			var stay bool
			if act, v, errno, stay, err = c.wait(t, num); stay {
				return act, 0, nil, err
			}
		case FutexWake:
			act = actYield
		default:
			errno = ENOSYS
		}
	case SysClockGettime:
		if a0 > 1 {
			errno = EINVAL
			break
		}
		if a1&3 != 0 {
			errno = EFAULT
			break
		}
		ns := c.g.Now
		sec, nsec := ns/1_000_000_000, ns%1_000_000_000
		if a0 == 0 {
			sec += RealtimeEpoch
		}
		if err = c.mem.store(a1, uint32(sec), 1); err != nil {
			return 0, 0, nil, err
		}
		slot := 1
		if (a1+4)>>5 != a1>>5 {
			slot = 2
		}
		if err = c.mem.store(a1+4, uint32(nsec), slot); err != nil {
			return 0, 0, nil, err
		}
	case SysGettid:
		v = t.ID
	case SysGetpid:
		v = 1
	case SysFcntl:
		switch a0 {
		case 0, 1, 2, FdPreimageRead, FdPreimageWrite, FdEpoll, FdEventfd:
		default:
			errno = EBADF
		}
	case SysOpen, SysOpenat:
		errno = ENOENT
	case SysSchedGetaffinity:
		errno = EINVAL
	case SysEpollCreate1:
		v = FdEpoll
	case SysEventfd2:
		v = FdEventfd
	default:
		errno = ENOSYS
	}
	if err != nil {
		return 0, 0, nil, err
	}
	if errno != 0 {
		r[2], r[7] = errno, 1
	} else {
		r[2], r[7] = v, 0
	}
	t.PC, t.NextPC = t.NextPC, t.NextPC+4
	t.WaitUntil = 0 // a returning syscall ends any wait
	return act, 0, nil, nil
}

// wait runs a waiting syscall (1.8): futex WAIT, nanosleep,
// clock_nanosleep(_time64), epoll_pwait(2). On entry (waitUntil == 0) it
// works out the deadline; a wait with one still ahead stays on the syscall
// with waitUntil set, as a normal step, so the thread checks it at once. A
// check returns for a futex word that changed (result 0) or a deadline
// reached (ETIMEDOUT for futex, else 0); otherwise it is a wait step: the
// thread stays and gives up its quantum. A wait over at entry (no time to
// wait) returns the timed-out result and yields. stay reports that the
// thread stays on the syscall; else act, v and errno are its return.
func (c *core) wait(t *Thread, num uint32) (act action, v, errno uint32, stay bool, err error) {
	r := &t.Regs
	futex := num == SysFutex || num == SysFutexTime64
	if futex && r[4]&3 != 0 {
		return actNormal, 0, EINVAL, false, nil
	}
	timedOut := func(act action) (action, uint32, uint32, bool, error) {
		if futex {
			return act, 0, ETIMEDOUT, false, nil
		}
		return act, 0, 0, false, nil
	}
	if t.WaitUntil == 0 {
		d, errno, err := c.deadline(r, num, futex)
		switch {
		case err != nil || errno != 0:
			return actNormal, 0, errno, false, err
		case d == 0:
			return timedOut(actYield)
		}
		t.WaitUntil = d
		return actNormal, 0, 0, true, nil
	}
	if futex {
		w, err := c.mem.load(r[4], 1)
		if err != nil || w != r[6] {
			return actNormal, 0, 0, false, err
		}
	}
	if c.g.Now >= t.WaitUntil {
		return timedOut(actNormal)
	}
	return actWait, 0, 0, true, nil
}

// deadline is the virtual time a waiting syscall's wait ends (1.8), 0 when
// there is nothing to wait for, or an errno for bad arguments.
func (c *core) deadline(r *[32]uint32, num uint32, futex bool) (d uint64, errno uint32, err error) {
	var dur uint64
	switch {
	case futex:
		if r[7] == 0 {
			return NoDeadline, 0, nil
		}
		dur, errno, err = c.timespec(r[7], num == SysFutexTime64)
	case num == SysNanosleep:
		dur, errno, err = c.timespec(r[4], false)
	case num == SysEpollPwait:
		if int32(r[7]) <= 0 {
			return 0, 0, nil // a poll, or no timeout: nothing the VM could wait for
		}
		dur = uint64(r[7]) * 1_000_000
	case num == SysEpollPwait2:
		if r[7] == 0 {
			return 0, 0, nil
		}
		dur, errno, err = c.timespec(r[7], true)
	default: // clock_nanosleep(_time64)
		if r[4] > 1 {
			return 0, EINVAL, nil
		}
		dur, errno, err = c.timespec(r[6], num == SysClockNanosleep64)
		if errno == 0 && err == nil && r[5]&TimerAbstime != 0 {
			if r[4] == 0 { // CLOCK_REALTIME counts from RealtimeEpoch
				dur -= min(dur, RealtimeEpoch*1_000_000_000)
			}
			if dur <= c.g.Now {
				return 0, 0, nil
			}
			return dur, 0, nil
		}
	}
	if err != nil || errno != 0 || dur == 0 {
		return 0, errno, err
	}
	return satAdd(c.g.Now, dur), 0, nil
}

// timespec reads the duration at addr (1.8): struct timespec32 {s32 sec; s32
// nsec} or, wide, {s64 sec; s32 nsec} (Go's runtime.timespec), in ns capped
// at MaxDeadline. The words come from memory proof 1 (the leaf of addr) and
// proof 2 (the next leaf) when they span two leaves.
func (c *core) timespec(addr uint32, wide bool) (ns uint64, errno uint32, err error) {
	if addr&3 != 0 {
		return 0, EFAULT, nil
	}
	n := uint32(2)
	if wide {
		n = 3
	}
	var w [3]uint32
	for i := range n {
		a := addr + 4*i
		slot := 1
		if a>>5 != addr>>5 {
			slot = 2
		}
		if w[i], err = c.mem.load(a, slot); err != nil {
			return 0, 0, err
		}
	}
	sec, nsec := uint64(w[0]), int32(w[1])
	if wide {
		sec, nsec = uint64(w[0])<<32|uint64(w[1]), int32(w[2])
	}
	if nsec < 0 || nsec >= 1_000_000_000 || wide && int64(sec) < 0 || !wide && int32(sec) < 0 {
		return 0, EINVAL, nil
	}
	hi, lo := bits.Mul64(sec, 1_000_000_000)
	if hi != 0 {
		return MaxDeadline, 0, nil
	}
	return satAdd(lo, uint64(nsec)), 0, nil
}

// satAdd is a + b capped at MaxDeadline.
func satAdd(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 || s > MaxDeadline {
		return MaxDeadline
	}
	return s
}

// pageRound rounds a length up to whole pages without 32-bit wraparound.
func pageRound(n uint32) uint64 { return (uint64(n) + PageSize - 1) &^ (PageSize - 1) }

// zeroStep zeroes one block of the page range [start, start+n), n > 0 (1.8):
// the highest block that is one aligned subtree, i.e. of the largest size
// that divides start+n and is at most n, ending at start+n. It leaves the
// length still to zero in a1 and reports whether the range is done; until it
// is, the thread stays on the syscall (pc unchanged) and its next step goes
// on. WHY from the top: a0 (mmap's result) stays intact, and a1 alone carries
// the progress, in the thread state the step already proves.
func (c *core) zeroStep(t *Thread, start uint32, n uint64) (done bool, err error) {
	end := uint64(start) + n
	size := min(end&-end, uint64(1)<<(bits.Len64(n)-1))
	if err := c.mem.zero(uint32(end-size), bits.TrailingZeros64(size)-5, 1); err != nil {
		return false, err
	}
	t.Regs[5] = uint32(n - size)
	return n == size, nil
}

// keyWrite shifts up to the rest of the leaf at addr into the key (1.9).
func (c *core) keyWrite(addr, count uint32) (uint32, error) {
	if count == 0 {
		return 0, nil
	}
	n := min(count, 32-(addr&31))
	b, err := c.mem.loadBytes(addr, n, 1)
	if err != nil {
		return 0, err
	}
	k := &c.g.PreimageKey
	copy(k[:], k[n:]) // key << 8n; n == 32 replaces the key
	copy(k[32-n:], b)
	c.g.PreimageOffset = 0
	return n, nil
}

// preimageRead copies up to the rest of the leaf at addr from the preimage
// stream (1.9).
func (c *core) preimageRead(addr, count uint32) (uint32, error) {
	if count == 0 {
		return 0, nil
	}
	part, err := c.src.stream(c.g.PreimageKey, c.g.PreimageOffset)
	if err != nil {
		return 0, err
	}
	if len(part) == 0 { // EOF: no memory access
		return 0, nil
	}
	n := min(count, 32-(addr&31), uint32(len(part)))
	if err := c.mem.storeBytes(addr, part[:n], 1); err != nil {
		return 0, err
	}
	c.g.PreimageOffset += n
	return n, nil
}

// streamPart returns stream[offset : offset+32] (clipped; nil at or past the
// end) of the stream u64(len p) ‖ p. Past the 8-byte prefix it is a subslice
// of p, so the Run path copies nothing but the bytes it stores.
func streamPart(p []byte, offset uint32) []byte {
	total := uint64(len(p)) + 8
	o := uint64(offset)
	if o >= total {
		return nil
	}
	end := min(o+32, total)
	if o >= 8 {
		return p[o-8 : end-8 : end-8]
	}
	var hdr [8]byte
	binary.BigEndian.PutUint64(hdr[:], uint64(len(p)))
	return append(append(make([]byte, 0, 32), hdr[o:]...), p[:end-8]...)
}

func hostErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errHost, fmt.Sprintf(format, args...))
}
