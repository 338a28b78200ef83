package mips

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"
)

// fuzzState builds a one- or two-thread state executing insn with registers
// and scheduler fields drawn from seed. Register values are biased toward
// edge cases and toward a small data window so loads and stores hit memory.
func fuzzState(insn uint32, seed []byte) *State {
	get := func(i int) uint32 {
		if len(seed) == 0 {
			return 0
		}
		var b [4]byte
		for j := range b {
			b[j] = seed[(4*i+j)%len(seed)]
		}
		return binary.BigEndian.Uint32(b[:])
	}
	s := newTestState(insn, insnNop)
	th := s.CurrentThread()
	for i := 1; i < 32; i++ {
		v := get(i)
		switch v & 7 {
		case 0:
			v = dataAddr + (v>>8)&0x3F
		case 1:
			v = []uint32{0, 1, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 31, 32, 33}[(v>>3)&7]
		case 2:
			v &= 0xFFF
		}
		th.Regs[i] = v
	}
	th.Hi, th.Lo = get(32), get(33)
	ctl := get(34)
	// Syscall numbers: pick from the implemented range most of the time.
	if insn&0xFC00003F == insnSyscall && ctl&1 == 0 {
		th.Regs[rV0] = 4000 + get(35)%450
		if ctl&2 == 0 {
			th.Regs[rA0] = []uint32{0, 1, 2, 5, 6, 101, 7, 100}[(ctl>>2)&7]
		}
		if ctl&(1<<15) != 0 { // preimage read (fd 5) or key write (fd 6)
			th.Regs[rV0], th.Regs[rA0] = SysRead+(ctl>>16)&1, FdPreimageRead+(ctl>>16)&1
		}
	}
	if ctl&0x10 != 0 {
		s.LLActive, s.LLAddress = true, th.Regs[(ctl>>5)&31]
	}
	switch (ctl >> 10) & 3 {
	case 1:
		s.StepsSinceSwitch = Quantum
	case 2:
		s.StepsSinceSwitch = Quantum - 1
	}
	if ctl&(1<<12) != 0 {
		other := &Thread{ID: 2, PC: codeBase + 4, NextPC: codeBase + 8}
		if ctl&(1<<13) != 0 {
			s.RightStack = []*Thread{other}
		} else {
			s.LeftStack = append([]*Thread{other}, s.LeftStack...)
		}
	}
	if ctl&(1<<14) != 0 {
		th.NextPC = get(36) // arbitrary delay-slot state
	}
	s.Step = uint64(get(37))
	for a := uint32(dataAddr); a < dataAddr+0x60; a += 4 {
		s.Memory.SetWord(a, get(int(a)))
	}
	s.PreimageKey = fuzzKey
	s.PreimageOffset = get(38) % 32 // the stream is 27 bytes: reads at, near and past its end
	// Waits and the clock (1.5): a thread already waiting (a deadline near
	// the clock, far, or none), a clock that jumped, a pass that is busy,
	// idle without a deadline, or idle with one.
	if ctl&(1<<17) != 0 {
		th.WaitUntil = []uint64{NoDeadline, uint64(get(39)), uint64(get(39)) << 20, 1}[(ctl>>18)&3]
	}
	s.TimeOffset = uint64(get(40)) << ((ctl >> 20) & 31)
	s.PassWake = []uint64{0, NoDeadline, uint64(get(41)) << 8, 0}[(ctl>>25)&3]
	return s
}

// preimageSeed is a fuzzState seed for a preimage read (or key write) of count
// bytes at dataAddr+a1Off from stream offset off: one word per get index.
func preimageSeed(write bool, a1Off, count, off uint32) []byte {
	words := make([]uint32, 39)
	for i := range words {
		words[i] = 3 // kept as is by fuzzState
	}
	words[rA1] = a1Off << 8 // dataAddr + a1Off
	words[rA2] = count      // count&7 >= 3 keeps it
	ctl := uint32(1 << 15)
	if write {
		ctl |= 1 << 16
	}
	words[34], words[38] = ctl, off
	b := make([]byte, 0, 4*len(words))
	for _, w := range words {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

// releaseSeed is a fuzzState seed for madvise(DONTNEED) or mmap of a1 bytes at
// dataAddr (a page boundary: seed word 0 maps to dataAddr).
func releaseSeed(num, a1 uint32) []byte {
	words := make([]uint32, 39)
	for i := range words {
		words[i] = 3
	}
	words[rA0], words[rA1], words[rA2] = 0, a1, MadvDontneed
	words[34], words[35] = 2, num-4000 // keep a0; v0 = 4000 + word 35
	b := make([]byte, 0, 4*len(words))
	for _, w := range words {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

// waitSeed is a fuzzState seed for waiting syscall num with a0 and a3 (an
// address is given as its offset from dataAddr << 8, as fuzzState decodes
// it); a1 = a2 = 0 decode to dataAddr (futex WAIT; clock_nanosleep relative),
// timespecs come from the data window; wait sets ctl bits 17..19.
func waitSeed(num, a0, a3, wait uint32) []byte {
	words := make([]uint32, 42)
	for i := range words {
		words[i] = 3
	}
	words[rA0], words[rA1], words[rA2], words[rA3] = a0, 0, 0, a3
	if num == SysClockNanosleep || num == SysClockNanosleep64 {
		words[rA2] = 0x10 << 8 // the timespec
	}
	words[34], words[35] = 2|wait<<17|1<<25, num-4000 // keep a0; an idle pass with a deadline
	words[39], words[40], words[41] = 5000, 1234, 77
	b := make([]byte, 0, 4*len(words))
	for _, w := range words {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

var fuzzValue = []byte("fuzz preimage value")

var fuzzKey = func() [32]byte {
	k := Keccak256(fuzzValue)
	k[0] = KeyTypeKeccak
	return k
}()

func FuzzStepVsVerify(f *testing.F) {
	seeds := []uint32{
		rtype(0x21, rT0, rT1, rT2, 0), itype(0x23, rT0, rT1, 4), itype(0x2A, rT0, rT1, 1),
		itype(0x38, rT0, rT1, 0), itype(0x30, rT0, rT1, 0), insnSyscall, rtype(0x1A, rT0, rT1, 0, 0),
		special3(0, rT0, rT1, 5, 3), itype(1, rT0, 0x11, 9), rtype(9, rT0, 0, rT0, 0), 0xFFFFFFFF,
	}
	for i, s := range seeds {
		f.Add(s, []byte{byte(i), 0xA5, 0x10, 0x33, byte(i * 7)})
	}
	for _, c := range []struct{ a1Off, count, off uint32 }{
		{0, 0x7FFFFFFF, 0}, {5, 39, 0}, {0x1F, 7, 3}, {0x20, 31, 26}, {0x23, 0x7FFFFFFF, 27}, {0x3F, 4, 8},
	} {
		f.Add(uint32(insnSyscall), preimageSeed(false, c.a1Off, c.count, c.off))
		f.Add(uint32(insnSyscall), preimageSeed(true, c.a1Off, c.count, c.off))
	}
	for _, a1 := range []uint32{0x0802, 0x3003, 0x10007, 0x7FFF_E003} { // 1 to 13 blocks
		f.Add(uint32(insnSyscall), releaseSeed(SysMadvise, a1))
		f.Add(uint32(insnSyscall), releaseSeed(SysMmap, a1))
	}
	for _, c := range []struct {
		num, a0, a3 uint32
		wait        uint32 // ctl bits 17..19: waiting already, and with which deadline
	}{
		{SysNanosleep, 0, 0, 0}, {SysNanosleep, 0, 0, 1}, {SysNanosleep, 0x1C << 8, 0, 5},
		{SysFutexTime64, 0, 0, 0}, {SysFutexTime64, 0, 0x18 << 8, 0}, {SysFutex, 0, 4 << 8, 7},
		{SysFutex, 0, 0, 1}, {SysEpollPwait, FdEpoll, 9, 0}, {SysEpollPwait2, FdEpoll, 0x1C << 8, 0},
		{SysClockNanosleep64, 1, 0, 0}, {SysClockNanosleep, 0, 0, 3},
	} {
		f.Add(uint32(insnSyscall), waitSeed(c.num, c.a0, c.a3, c.wait))
	}
	oracle := mapOracle{fuzzKey: fuzzValue}
	f.Fuzz(func(t *testing.T, insn uint32, seed []byte) {
		s := fuzzState(insn, seed)
		runCopy := s.Copy()
		vm := NewVM(s, oracle, nil, nil)
		w, err := vm.Step(true)
		require.NoError(t, err)
		post := s.Hash()
		got, err := VerifyStep(w)
		require.NoError(t, err)
		require.Equal(t, post, got, "insn %08x", insn)

		require.True(t, errOK(NewVM(runCopy, oracle, nil, nil).Run(t.Context(), 1)))
		require.Equal(t, post, runCopy.Hash(), "Run vs Step, insn %08x", insn)

		// Any single corrupted proof byte must be rejected.
		if len(w.Proof) > 0 && len(seed) > 0 {
			bad := *w
			bad.Proof = append([]byte(nil), w.Proof...)
			i := (int(seed[0])*131 + int(insn)) % len(bad.Proof)
			bad.Proof[i] ^= 1 << (insn % 8)
			_, err := VerifyStep(&bad)
			require.ErrorIs(t, err, ErrMalformed, "tampered proof byte %d accepted", i)
			// A truncated or padded proof is malformed.
			bad.Proof = w.Proof[:len(w.Proof)-1]
			_, err = VerifyStep(&bad)
			require.ErrorIs(t, err, ErrMalformed)
			bad.Proof = append(append([]byte(nil), w.Proof...), make([]byte, ProofSize)...)
			_, err = VerifyStep(&bad)
			require.ErrorIs(t, err, ErrMalformed)
		}
	})
}

// FuzzRunVsStep runs a random straight-line program of up to 64 words with
// the fast path and with Step, which must agree after every budget.
func FuzzRunVsStep(f *testing.F) {
	f.Add([]byte{0x24, 0x08, 0x00, 0x05, 0x01, 0x09, 0x50, 0x21, 0xAD, 0x09, 0x00, 0x00}, uint16(40))
	// ll/sc on the fast path: a successful pair, sc without a reservation,
	// sc to another address than the ll's; word 8 (a nop) makes t0 dataAddr.
	var llsc []byte
	for _, w := range []uint32{
		itype(0x30, rT0, rT1, 0), itype(9, rT1, rT1, 1), itype(0x38, rT0, rT1, 0), itype(0x38, rT0, rT1, 0),
		itype(0x30, rT0, rT2, 4), itype(0x38, rT0, rT2, 0), itype(0x30, rT0, rT2, 4), itype(0x38, rT0, rT2, 4),
		insnNop, itype(0x30, rT0, rT1, 2), itype(0x38, rT0, rT1, 0),
	} {
		llsc = binary.BigEndian.AppendUint32(llsc, w)
	}
	f.Add(llsc, uint16(11))
	f.Add(llsc, uint16(12))
	// Loads and stores of every width, aligned and not (lwl/lwr/swl/swr),
	// on both sides of a page boundary (0x2ffc | 0x3000), then a store into
	// the code ahead of pc (word 24 becomes addiu t7, t7, 1 before it runs)
	// and a load of it back.
	const t3, t4, t5, t6, t7, s0, t8, t9 = 11, 12, 13, 14, 15, 16, 24, 25
	mem := asmWords(
		itype(0x0D, 0, rT0, 0x2ffc), itype(0x0F, 0, rT1, 0x8123), itype(0x0D, rT1, rT1, 0x45fe),
		itype(0x2B, rT0, rT1, 0), itype(0x2B, rT0, rT1, 4), itype(0x29, rT0, rT1, 2), itype(0x28, rT0, rT1, 5),
		itype(0x23, rT0, rT2, 0), itype(0x21, rT0, t3, 2), itype(0x25, rT0, t4, 2), itype(0x20, rT0, t5, 5),
		itype(0x24, rT0, t6, 5), itype(0x2A, rT0, rT1, 1), itype(0x2E, rT0, rT1, 6), itype(0x22, rT0, t7, 3),
		itype(0x26, rT0, t7, 6), itype(0x23, rT0, rT2, 0xfffc), itype(0x0F, 0, t9, codeBase>>16),
		itype(0x0F, 0, t8, 0x25EF), itype(0x0D, t8, t8, 1), itype(0x2B, t9, t8, 4*24), itype(0x23, t9, s0, 4*24),
		insnNop, insnNop, insnNop, itype(0x2B, rT0, t7, 8),
	)
	f.Add(mem, uint16(26))
	f.Add(mem, uint16(40))
	// Branches and jumps with their delay slots: a countdown loop whose
	// stores walk across leaves (stride 12) with a store in the delay slot,
	// bltzal (not taken, links), bgezal (taken), blez (not taken), jal with a
	// load in its delay slot, beq to a jr ra that loops back.
	branches := asmWords(
		itype(9, 0, rT0, 5), itype(0x0D, 0, rT2, dataAddr+0x10),
		itype(0x2B, rT2, rT0, 0), itype(0x23, rT2, t3, 0), rtype(0x21, t4, t3, t4, 0), itype(9, rT2, rT2, 12),
		itype(9, rT0, rT0, 0xffff), itype(5, rT0, 0, 0xfffa), itype(0x28, rT2, rT0, 0),
		itype(1, t4, 0x10, 2), insnNop, itype(1, t4, 0x11, 3), itype(9, t5, t5, 1),
		itype(9, t6, t6, 1), itype(9, t6, t6, 2), itype(6, t4, 0, 5), insnNop,
		jtype(3, codeBase+4*20), itype(0x23, rT2, t7, 0), itype(9, t6, t6, 4),
		itype(4, 0, 0, 2), itype(0x2B, rT2, t7, 4), insnNop, rtype(8, rRA, 0, 0, 0), insnNop,
	)
	for _, n := range []uint16{7, 8, 60, 511} { // 7, 8: stop before and after the first bne
		f.Add(branches, n)
	}
	f.Fuzz(func(t *testing.T, code []byte, steps uint16) {
		if len(code) > 256 {
			code = code[:256]
		}
		var insns []uint32
		for i := 0; i+4 <= len(code); i += 4 {
			insns = append(insns, binary.BigEndian.Uint32(code[i:]))
		}
		s := fuzzState(0, code)
		for i, w := range insns {
			s.Memory.SetWord(codeBase+uint32(4*i), w)
		}
		s2 := s.Copy()
		n := uint64(steps % 512)
		err := NewVM(s, nil, nil, nil).Run(t.Context(), n)
		if err != nil && !errOK(err) {
			return // host error (preimage without oracle): both paths fail alike
		}
		vm2 := NewVM(s2, nil, nil, nil)
		for range n {
			if _, err := vm2.Step(false); err != nil {
				return
			}
		}
		require.Equal(t, s2.Hash(), s.Hash())
	})
}

// asmWords encodes a program as the big-endian bytes FuzzRunVsStep takes.
func asmWords(ws ...uint32) []byte {
	var b []byte
	for _, w := range ws {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

func errOK(err error) bool { return err == nil || err == ErrStepLimit }
