package mips

import (
	"encoding/binary"
	"math/bits"
)

// runFast is Run's hot loop. It executes up to budget steps of the current
// thread, but never past a quantum boundary, and stops before any instruction
// it does not handle itself (syscalls, traps, faults, rare encodings),
// leaving that instruction to the reference path (core.exec). Registers stay
// in the thread struct, pc/nextPC/hi/lo in locals; instruction fetch and data
// access go through page caches; stores only mark leaves dirty (after copying
// a page shared with a snapshot, see Memory.Snapshot).
// Semantics must equal core.exec: TestRunQuantumMatchesStep and FuzzRunVsStep
// (mips/fuzz_test.go, seeded with loads, stores and branches) check it.
func (vm *VM) runFast(budget uint64) error {
	s := vm.s
	if s.Exited || s.StepsSinceSwitch >= Quantum {
		return nil
	}
	active := *s.activeStack()
	if len(active) == 0 {
		return ErrNoThread
	}
	t := active[len(active)-1]
	n := min(budget, Quantum-s.StepsSinceSwitch)
	m := s.Memory
	epoch := m.epoch // pages with another owner are shared: copy before writing

	pc, npc, hi, lo := t.PC, t.NextPC, t.Hi, t.Lo
	r := &t.Regs
	// The fetch key is pc&^pageMask | pc&3: bit 2 is never set in it, so this
	// sentinel never matches (1 did, for a guest pc of 1, and fp was nil).
	const noPage = 4
	fbase := uint32(noPage)
	var fp, dp *page
	// Data pages: a small direct-mapped cache keyed by page number, so loops
	// alternating between a few pages (weights, activations, stack) hit.
	var dtag [dcacheSize]uint32
	var dpage [dcacheSize]*page
	for k := range dtag {
		dtag[k] = 0xFFFFFFFF // no page number is this large
	}
	var i uint64

loop:
	for i = 0; i < n; i++ {
		if pc&^pageMask|pc&3 != fbase {
			if pc&3 != 0 {
				break
			}
			fp = m.lookup(pc)
			if fp == nil {
				break
			}
			fbase = pc &^ pageMask
		}
		insn := binary.BigEndian.Uint32(fp.data[pc&pageMask:])
		rs := r[(insn>>21)&31]
		rtIdx := (insn >> 16) & 31
		rt := r[rtIdx]
		nnpc := npc + 4

		switch insn >> 26 {
		case 0x00:
			rd := (insn >> 11) & 31
			switch insn & 63 {
			case 0x00:
				r[rd] = rt << ((insn >> 6) & 31)
			case 0x02:
				r[rd] = rt >> ((insn >> 6) & 31)
			case 0x03:
				r[rd] = uint32(int32(rt) >> ((insn >> 6) & 31))
			case 0x04:
				r[rd] = rt << (rs & 31)
			case 0x06:
				r[rd] = rt >> (rs & 31)
			case 0x07:
				r[rd] = uint32(int32(rt) >> (rs & 31))
			case 0x08:
				nnpc = rs
			case 0x09:
				nnpc = rs
				r[rd] = pc + 8
			case 0x0A:
				if rt == 0 {
					r[rd] = rs
				}
			case 0x0B:
				if rt != 0 {
					r[rd] = rs
				}
			case 0x0F:
			case 0x10:
				r[rd] = hi
			case 0x11:
				hi = rs
			case 0x12:
				r[rd] = lo
			case 0x13:
				lo = rs
			case 0x18:
				p := uint64(int64(int32(rs)) * int64(int32(rt)))
				hi, lo = uint32(p>>32), uint32(p)
			case 0x19:
				h, l := bits.Mul32(rs, rt)
				hi, lo = h, l
			case 0x1A:
				if rt == 0 || (rs == 0x80000000 && rt == 0xFFFFFFFF) {
					lo, hi = rs, 0
				} else {
					lo, hi = uint32(int32(rs)/int32(rt)), uint32(int32(rs)%int32(rt))
				}
			case 0x1B:
				if rt == 0 {
					lo, hi = rs, 0
				} else {
					lo, hi = rs/rt, rs%rt
				}
			case 0x20:
				v := rs + rt
				if (rs^v)&(rt^v)&0x80000000 != 0 {
					break loop
				}
				r[rd] = v
			case 0x21:
				r[rd] = rs + rt
			case 0x22:
				v := rs - rt
				if (rs^rt)&(rs^v)&0x80000000 != 0 {
					break loop
				}
				r[rd] = v
			case 0x23:
				r[rd] = rs - rt
			case 0x24:
				r[rd] = rs & rt
			case 0x25:
				r[rd] = rs | rt
			case 0x26:
				r[rd] = rs ^ rt
			case 0x27:
				r[rd] = ^(rs | rt)
			case 0x2A:
				r[rd] = b2w(int32(rs) < int32(rt))
			case 0x2B:
				r[rd] = b2w(rs < rt)
			default:
				break loop
			}
		case 0x01:
			var cond bool
			switch rtIdx {
			case 0x00:
				cond = int32(rs) < 0
			case 0x01:
				cond = int32(rs) >= 0
			case 0x10:
				cond = int32(rs) < 0
				r[31] = pc + 8
			case 0x11:
				cond = int32(rs) >= 0
				r[31] = pc + 8
			default:
				break loop
			}
			if cond {
				nnpc = pc + 4 + signExt16(insn)<<2
			}
		case 0x02:
			nnpc = (pc+4)&0xF0000000 | (insn&0x03FFFFFF)<<2
		case 0x03:
			nnpc = (pc+4)&0xF0000000 | (insn&0x03FFFFFF)<<2
			r[31] = pc + 8
		case 0x04:
			if rs == rt {
				nnpc = pc + 4 + signExt16(insn)<<2
			}
		case 0x05:
			if rs != rt {
				nnpc = pc + 4 + signExt16(insn)<<2
			}
		case 0x06:
			if int32(rs) <= 0 {
				nnpc = pc + 4 + signExt16(insn)<<2
			}
		case 0x07:
			if int32(rs) > 0 {
				nnpc = pc + 4 + signExt16(insn)<<2
			}
		case 0x08:
			imm := signExt16(insn)
			v := rs + imm
			if (rs^v)&(imm^v)&0x80000000 != 0 {
				break loop
			}
			r[rtIdx] = v
		case 0x09:
			r[rtIdx] = rs + signExt16(insn)
		case 0x0A:
			r[rtIdx] = b2w(int32(rs) < int32(signExt16(insn)))
		case 0x0B:
			r[rtIdx] = b2w(rs < signExt16(insn))
		case 0x0C:
			r[rtIdx] = rs & (insn & 0xFFFF)
		case 0x0D:
			r[rtIdx] = rs | (insn & 0xFFFF)
		case 0x0E:
			r[rtIdx] = rs ^ (insn & 0xFFFF)
		case 0x0F:
			r[rtIdx] = insn << 16
		case 0x1C:
			rd := (insn >> 11) & 31
			switch insn & 63 {
			case 0x02:
				r[rd] = uint32(int32(rs) * int32(rt))
			case 0x20:
				r[rd] = uint32(bits.LeadingZeros32(rs))
			case 0x21:
				r[rd] = uint32(bits.LeadingZeros32(^rs))
			default:
				break loop
			}
		case 0x20, 0x21, 0x23, 0x24, 0x25, 0x22, 0x26, 0x30: // loads, ll
			op := insn >> 26
			addr := rs + signExt16(insn)
			if addr < NullPageEnd {
				break loop
			}
			if pn := addr >> pageShift; dtag[pn&(dcacheSize-1)] == pn {
				dp = dpage[pn&(dcacheSize-1)]
			} else {
				dp = m.alloc(addr)
				dtag[pn&(dcacheSize-1)], dpage[pn&(dcacheSize-1)] = pn, dp
			}
			off := addr & pageMask
			switch op {
			case 0x20:
				r[rtIdx] = uint32(int32(int8(dp.data[off])))
			case 0x24:
				r[rtIdx] = uint32(dp.data[off])
			case 0x21:
				if addr&1 != 0 {
					break loop
				}
				r[rtIdx] = uint32(int32(int16(binary.BigEndian.Uint16(dp.data[off:]))))
			case 0x25:
				if addr&1 != 0 {
					break loop
				}
				r[rtIdx] = uint32(binary.BigEndian.Uint16(dp.data[off:]))
			case 0x23:
				if addr&3 != 0 {
					break loop
				}
				r[rtIdx] = binary.BigEndian.Uint32(dp.data[off:])
			case 0x30: // ll: Go's atomics and spin locks on mips32 are ll/sc loops
				if addr&3 != 0 {
					break loop
				}
				r[rtIdx] = binary.BigEndian.Uint32(dp.data[off:])
				s.LLActive, s.LLAddress = true, addr
			case 0x22:
				w := binary.BigEndian.Uint32(dp.data[off&^3:])
				sh := 8 * (addr & 3)
				mask := uint32(0xFFFFFFFF) << sh
				r[rtIdx] = rt&^mask | w<<sh
			case 0x26:
				w := binary.BigEndian.Uint32(dp.data[off&^3:])
				sh := 8 * (3 - addr&3)
				mask := uint32(0xFFFFFFFF) >> sh
				r[rtIdx] = rt&^mask | w>>sh
			}
		case 0x28, 0x29, 0x2B, 0x2A, 0x2E, 0x38: // stores, sc
			op := insn >> 26
			addr := rs + signExt16(insn)
			if addr < NullPageEnd {
				break loop
			}
			if op == 0x38 {
				if addr&3 != 0 {
					break loop
				}
				ok := s.LLActive && s.LLAddress == addr
				s.LLActive = false
				if !ok { // a failed sc touches no memory
					r[rtIdx] = 0
					break
				}
				r[rtIdx] = 1 // rt, the value stored, was read above
			}
			pn := addr >> pageShift
			if dtag[pn&(dcacheSize-1)] == pn {
				dp = dpage[pn&(dcacheSize-1)]
			} else {
				dp = m.alloc(addr)
				dtag[pn&(dcacheSize-1)], dpage[pn&(dcacheSize-1)] = pn, dp
			}
			if dp.owner != epoch {
				// First write to a page shared with a snapshot: copy it, and
				// drop the fetch cache, which may hold the old copy.
				dp = m.writable(addr)
				dpage[pn&(dcacheSize-1)] = dp
				fbase = noPage
			}
			off := addr & pageMask
			switch op {
			case 0x28:
				dp.data[off] = byte(rt)
			case 0x29:
				if addr&1 != 0 {
					break loop
				}
				binary.BigEndian.PutUint16(dp.data[off:], uint16(rt))
			case 0x2B:
				if addr&3 != 0 {
					break loop
				}
				binary.BigEndian.PutUint32(dp.data[off:], rt)
			case 0x38:
				binary.BigEndian.PutUint32(dp.data[off:], rt)
			case 0x2A:
				w := binary.BigEndian.Uint32(dp.data[off&^3:])
				sh := 8 * (addr & 3)
				mask := uint32(0xFFFFFFFF) >> sh
				binary.BigEndian.PutUint32(dp.data[off&^3:], w&^mask|rt>>sh)
			case 0x2E:
				w := binary.BigEndian.Uint32(dp.data[off&^3:])
				sh := 8 * (3 - addr&3)
				mask := uint32(0xFFFFFFFF) << sh
				binary.BigEndian.PutUint32(dp.data[off&^3:], w&^mask|rt<<sh)
			}
			j := off >> 5
			dp.dirty[j>>6] |= 1 << (j & 63)
			if !dp.listed {
				dp.listed = true
				m.dirtyPages = append(m.dirtyPages, addr>>pageShift)
			}
		case 0x2F, 0x33: // cache, pref
		default:
			break loop
		}
		r[0] = 0
		pc, npc = npc, nnpc
	}
	t.PC, t.NextPC, t.Hi, t.Lo = pc, npc, hi, lo
	s.Step += i
	s.StepsSinceSwitch += i
	if i > 0 {
		s.PassWake = 0 // an instruction ran in this pass (1.5)
	}
	return nil
}

// dcacheSize: 64 pages rather than 16 because a scheduler-heavy guest
// touches many goroutine stacks in turn (chantimers: 161-165 -> 173-179 M
// steps/s; matvec and gcheavy unchanged within noise).
const dcacheSize = 64
