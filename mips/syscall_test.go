package mips

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

// sys returns a case running one syscall with the given registers.
func sysState(num uint32, args ...uint32) *State {
	s := newTestState(insnSyscall, insnNop)
	th := s.CurrentThread()
	th.Regs[rV0] = num
	for i, a := range args {
		th.Regs[rA0+i] = a
	}
	return s
}

func TestSyscallResults(t *testing.T) {
	type res struct {
		v0, a3 uint32
		proofs int
	}
	cases := []struct {
		name string
		num  uint32
		args []uint32
		want res
	}{
		{"read-stdin", SysRead, []uint32{0, dataAddr, 10}, res{0, 0, 1}},
		{"read-eventfd", SysRead, []uint32{101, dataAddr, 8}, res{EAGAIN, 1, 1}},
		{"read-badfd", SysRead, []uint32{7, dataAddr, 8}, res{EBADF, 1, 1}},
		{"read-preimage-0", SysRead, []uint32{5, dataAddr, 0}, res{0, 0, 1}},
		{"write-stdout", SysWrite, []uint32{1, dataAddr, 5}, res{5, 0, 1}},
		{"write-stderr", SysWrite, []uint32{2, dataAddr, 0}, res{0, 0, 1}},
		{"write-eventfd", SysWrite, []uint32{101, dataAddr, 8}, res{8, 0, 1}},
		{"write-badfd", SysWrite, []uint32{3, dataAddr, 8}, res{EBADF, 1, 1}},
		{"write-key-0", SysWrite, []uint32{6, dataAddr, 0}, res{0, 0, 1}},
		{"brk", SysBrk, []uint32{0}, res{BrkResult, 0, 1}},
		{"brk-grow", SysBrk, []uint32{0x50000000}, res{BrkResult, 0, 1}},
		{"mmap", SysMmap, []uint32{0, 1}, res{InitialHeap, 0, 1}},
		{"mmap-hint-misaligned", SysMmap, []uint32{0x12345800, 1 << 20}, res{EINVAL, 1, 1}},
		{"mmap-hint-empty", SysMmap, []uint32{0x12345000, 0}, res{EINVAL, 1, 1}},
		{"mmap-hint-beyond", SysMmap, []uint32{0xFFFFF000, 0x1001}, res{ENOMEM, 1, 1}},
		{"mmap-hint-wraps", SysMmap, []uint32{0x1000, 0xFFFFFFFF}, res{ENOMEM, 1, 1}},
		{"mmap-huge", SysMmap, []uint32{0, 0xFFFFFFFF}, res{ENOMEM, 1, 1}},
		{"mmap-limit", SysMmap, []uint32{0, HeapLimit - InitialHeap + 1}, res{ENOMEM, 1, 1}},
		{"mmap-exact", SysMmap, []uint32{0, HeapLimit - InitialHeap}, res{InitialHeap, 0, 1}},
		{"munmap", SysMunmap, []uint32{InitialHeap, 4096}, res{0, 0, 1}},
		{"madvise", SysMadvise, nil, res{0, 0, 1}},
		{"madvise-nohugepage", SysMadvise, []uint32{dataAddr + 1, 0x800, 15}, res{0, 0, 1}},
		{"madvise-free", SysMadvise, []uint32{0, 0x1000, 8}, res{0, 0, 1}},
		{"madvise-dontneed-empty", SysMadvise, []uint32{0x5000, 0, MadvDontneed}, res{0, 0, 1}},
		{"madvise-dontneed-misaligned", SysMadvise, []uint32{0x5004, 0, MadvDontneed}, res{EINVAL, 1, 1}},
		{"madvise-dontneed-wraps", SysMadvise, []uint32{0xFFFFF000, 1, MadvDontneed}, res{EINVAL, 1, 1}},
		{"madvise-dontneed-len-wraps", SysMadvise, []uint32{0x1000, 0xFFFFF001, MadvDontneed}, res{EINVAL, 1, 1}},
		{"clone-badflags", SysClone, []uint32{0x100}, res{EINVAL, 1, 1}},
		{"futex-wait-misaligned", SysFutex, []uint32{dataAddr + 2, 0, 0}, res{EINVAL, 1, 1}},
		{"futex-wait-timeout-misaligned", SysFutexTime64, []uint32{dataAddr, 0x80, 1, dataAddr + 2}, res{EFAULT, 1, 1}},
		{"futex-wait-timeout-bad-nsec", SysFutex, []uint32{dataAddr, 0x80, 1, dataAddr}, res{EINVAL, 1, 2}},
		{"nanosleep-misaligned", SysNanosleep, []uint32{dataAddr + 1}, res{EFAULT, 1, 1}},
		{"nanosleep-negative-two-leaves", SysNanosleep, []uint32{dataAddr - 4}, res{EINVAL, 1, 3}},
		{"clock_nanosleep-badclock", SysClockNanosleep, []uint32{2, 0, dataAddr}, res{EINVAL, 1, 1}},
		{"clock_nanosleep64-bad-nsec", SysClockNanosleep64, []uint32{1, 0, dataAddr + 0x20}, res{EINVAL, 1, 2}},
		{"epoll_pwait2-negative-two-leaves", SysEpollPwait2, []uint32{FdEpoll, dataAddr, 1, dataAddr - 8}, res{EINVAL, 1, 3}},
		{"futex-other", SysFutexTime64, []uint32{dataAddr, 9, 1}, res{ENOSYS, 1, 1}},
		{"clock-badclock", SysClockGettime, []uint32{2, dataAddr}, res{EINVAL, 1, 1}},
		{"clock-badclock-first", SysClockGettime, []uint32{7, dataAddr + 1}, res{EINVAL, 1, 1}},
		{"clock-misaligned", SysClockGettime, []uint32{1, dataAddr + 2}, res{EFAULT, 1, 1}},
		{"gettid", SysGettid, nil, res{1, 0, 1}},
		{"getpid", SysGetpid, nil, res{1, 0, 1}},
		{"kill", SysKill, nil, res{0, 0, 1}},
		{"tgkill", SysTgkill, nil, res{0, 0, 1}},
		{"rt_sigaction", SysRtSigaction, []uint32{1, dataAddr, dataAddr}, res{0, 0, 1}},
		{"rt_sigprocmask", SysRtSigprocmask, nil, res{0, 0, 1}},
		{"sigaltstack", SysSigaltstack, nil, res{0, 0, 1}},
		{"fcntl-ok", SysFcntl, []uint32{101, 3}, res{0, 0, 1}},
		{"fcntl-bad", SysFcntl, []uint32{3, 3}, res{EBADF, 1, 1}},
		{"close", SysClose, []uint32{3}, res{0, 0, 1}},
		{"open", SysOpen, nil, res{ENOENT, 1, 1}},
		{"openat", SysOpenat, nil, res{ENOENT, 1, 1}},
		{"sched_getaffinity", SysSchedGetaffinity, nil, res{EINVAL, 1, 1}},
		{"epoll_create1", SysEpollCreate1, nil, res{FdEpoll, 0, 1}},
		{"eventfd2", SysEventfd2, nil, res{FdEventfd, 0, 1}},
		{"epoll_ctl", SysEpollCtl, nil, res{0, 0, 1}},
		{"unknown", 4024, nil, res{ENOSYS, 1, 1}},
		{"unknown-low", 0, nil, res{ENOSYS, 1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sysState(c.num, c.args...)
			s.Memory.SetWord(dataAddr, 0x80)
			// Timespecs: {0x80, 1e9} at dataAddr (ts32, nsec out of range),
			// {-1, 0x80} at dataAddr-4 (ts32, negative sec), {sec < 0, …} at
			// dataAddr-8 (ts64), {0, 1e9} at dataAddr+0x20 (ts64).
			s.Memory.SetWord(dataAddr+4, 1_000_000_000)
			s.Memory.SetWord(dataAddr-4, 0xFFFFFFFF)
			s.Memory.SetWord(dataAddr-8, 0x80000000)
			s.Memory.SetWord(dataAddr+0x28, 1_000_000_000)
			th := s.CurrentThread()
			before := *th
			w := checkedStep(t, s, nil)
			require.False(t, s.Exited)
			require.Equal(t, c.want.v0, th.Regs[rV0], "v0")
			require.Equal(t, c.want.a3, th.Regs[rA3], "a3")
			require.Equal(t, c.want.proofs, proofCount(w), "memory proofs")
			require.Equal(t, uint32(codeBase+4), th.PC)
			require.Equal(t, uint32(codeBase+8), th.NextPC)
			for i := range th.Regs {
				if i != rV0 && i != rA3 {
					require.Equal(t, before.Regs[i], th.Regs[i], "r%d changed", i)
				}
			}
			require.Equal(t, uint64(1), s.StepsSinceSwitch, "not a yield")
		})
	}
}

func TestMmapAdvancesHeap(t *testing.T) {
	s := sysState(SysMmap, 0, 5000)
	checkedStep(t, s, nil)
	require.Equal(t, uint32(InitialHeap+8192), s.Heap)
	require.Equal(t, uint32(InitialHeap), s.CurrentThread().Regs[rV0])
}

// TestYieldingSyscalls: sched_yield, futex WAKE and the waits with nothing
// to wait for (a zero duration, a poll, no timeout the VM could honour)
// return at once and give up the quantum (1.8).
func TestYieldingSyscalls(t *testing.T) {
	for _, c := range []struct {
		name   string
		num    uint32
		args   []uint32
		v0     uint32
		proofs int
	}{
		{"sched_yield", SysSchedYield, nil, 0, 1},
		{"futex-wake", SysFutexTime64, []uint32{dataAddr, 0x81, 1}, 0, 1},
		{"futex-wait-zero-timeout", SysFutexTime64, []uint32{dataAddr, 0x80, 0, dataAddr}, ETIMEDOUT, 2},
		{"nanosleep-zero", SysNanosleep, []uint32{dataAddr}, 0, 2},
		{"clock_nanosleep-zero", SysClockNanosleep, []uint32{1, 0, dataAddr}, 0, 2},
		{"clock_nanosleep64-abs-past", SysClockNanosleep64, []uint32{0, TimerAbstime, dataAddr}, 0, 2},
		{"epoll_pwait-poll", SysEpollPwait, []uint32{FdEpoll, dataAddr, 1, 0}, 0, 1},
		{"epoll_pwait-infinite", SysEpollPwait, []uint32{FdEpoll, dataAddr, 1, 0xFFFFFFFF}, 0, 1},
		{"epoll_pwait2-null", SysEpollPwait2, []uint32{FdEpoll, dataAddr, 1, 0}, 0, 1},
		{"epoll_pwait2-zero", SysEpollPwait2, []uint32{FdEpoll, dataAddr, 1, dataAddr}, 0, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sysState(c.num, c.args...)
			s.StepsSinceSwitch, s.LLActive = 7, true
			th := s.CurrentThread()
			w := checkedStep(t, s, nil)
			require.Equal(t, c.v0, th.Regs[rV0])
			require.Equal(t, b2w(c.v0 != 0), th.Regs[rA3])
			require.Equal(t, c.proofs, proofCount(w))
			require.Equal(t, uint64(0), s.StepsSinceSwitch)
			require.False(t, s.LLActive)
			// One thread: it moves to the right stack, which becomes active.
			require.True(t, s.TraverseRight)
			require.Empty(t, s.LeftStack)
			require.Equal(t, []*Thread{th}, s.RightStack)
			require.Equal(t, uint32(codeBase+4), th.PC)
			require.Zero(t, th.WaitUntil)
		})
	}
}

func TestWriteRelaysOutput(t *testing.T) {
	s := sysState(SysWrite, 1, dataAddr+1, 5)
	s.Memory.SetBytes(dataAddr, []byte("xhello world"))
	var out, errOut bytes.Buffer
	vm := NewVM(s, nil, &out, &errOut)
	_, err := vm.Step(true)
	require.NoError(t, err)
	require.Equal(t, "hello", out.String())
	require.Empty(t, errOut.String())
}

func TestClockGettime(t *testing.T) {
	for _, c := range []struct {
		name   string
		clock  uint32
		addr   uint32
		step   uint64
		sec    uint32
		nsec   uint32
		proofs int
	}{
		{"monotonic", 1, dataAddr, 123_456_789, 1, 234_567_890, 2},
		{"realtime", 0, dataAddr + 8, 0, RealtimeEpoch, 0, 2},
		{"span-leaves", 1, dataAddr + 28, 100_000_001, 1, 10, 3},
		{"null-page", 1, 0, 5, 0, 50, 2},
		{"wrap", 1, 0xFFFFFFFC, 5, 0, 50, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sysState(SysClockGettime, c.clock, c.addr)
			s.Step = c.step
			w := checkedStep(t, s, nil)
			require.Equal(t, c.proofs, proofCount(w))
			require.Equal(t, uint32(0), s.CurrentThread().Regs[rV0])
			require.Equal(t, c.sec, s.Memory.GetWord(c.addr))
			require.Equal(t, c.nsec, s.Memory.GetWord(c.addr+4))
		})
	}
}

func TestCloneExitScheduling(t *testing.T) {
	// Main thread: clone; both threads then run "yield" loops.
	prog := []uint32{
		insnSyscall, // 0: clone
		insnNop,
		insnSyscall, // 8: whatever v0 says
		insnNop,
	}
	s := newTestState(prog...)
	a := s.CurrentThread()
	a.Regs[rV0], a.Regs[rA0], a.Regs[rA1] = SysClone, 0x50F00, 0x7000_0000
	checkedStep(t, s, nil)
	require.Len(t, s.LeftStack, 2)
	child := s.LeftStack[1]
	require.Equal(t, uint32(2), child.ID)
	require.Equal(t, uint32(2), a.Regs[rV0])
	require.Equal(t, uint32(0), child.Regs[rV0])
	require.Equal(t, uint32(0x7000_0000), child.Regs[rSP])
	require.Equal(t, uint32(codeBase+4), child.PC)
	require.Equal(t, uint32(3), s.NextThreadID)
	require.Equal(t, child, s.CurrentThread(), "child runs next")

	// Child: gettid then exit(5).
	child.PC, child.NextPC = codeBase+8, codeBase+12
	child.Regs[rV0] = SysGettid
	checkedStep(t, s, nil)
	require.Equal(t, uint32(2), child.Regs[rV0])
	child.PC, child.NextPC = codeBase+8, codeBase+12
	child.Regs[rV0], child.Regs[rA0] = SysExit, 5
	checkedStep(t, s, nil)
	require.False(t, s.Exited)
	require.Equal(t, []*Thread{a}, s.LeftStack)
	require.Equal(t, a, s.CurrentThread())
	require.Equal(t, uint64(0), s.StepsSinceSwitch)

	// Main exits too: the machine exits with its code.
	a.PC, a.NextPC = codeBase+8, codeBase+12
	a.Regs[rV0], a.Regs[rA0] = SysExit, 0x103
	checkedStep(t, s, nil)
	require.True(t, s.Exited)
	require.Equal(t, uint8(3), s.ExitCode)
	require.Empty(t, s.LeftStack)
}

func TestThreadExitFlipsStacks(t *testing.T) {
	s := newTestState(insnSyscall)
	a := s.CurrentThread()
	b := &Thread{ID: 2, PC: codeBase, NextPC: codeBase + 4}
	s.RightStack = []*Thread{b}
	a.Regs[rV0] = SysExit
	checkedStep(t, s, nil)
	require.False(t, s.Exited)
	require.True(t, s.TraverseRight)
	require.Equal(t, b, s.CurrentThread())
}

func TestExitGroup(t *testing.T) {
	s := sysState(SysExitGroup, 0x1FF)
	s.StepsSinceSwitch, s.LLActive = 9, true
	th := s.CurrentThread()
	w := checkedStep(t, s, nil)
	require.Equal(t, 1, proofCount(w))
	require.True(t, s.Exited)
	require.Equal(t, uint8(0xFF), s.ExitCode)
	require.Equal(t, uint64(9), s.StepsSinceSwitch)
	require.True(t, s.LLActive)
	require.Equal(t, uint32(codeBase), th.PC, "exit_group leaves the thread unchanged")
}

// TestRoundRobin checks the A B C C B A order of 1.5 with yields.
func TestRoundRobin(t *testing.T) {
	s := newTestState(insnSyscall, insnSyscall, insnSyscall, insnSyscall, insnSyscall, insnSyscall, insnSyscall)
	mk := func(id uint32) *Thread {
		th := &Thread{ID: id, PC: codeBase, NextPC: codeBase + 4}
		th.Regs[rV0] = SysSchedYield
		return th
	}
	A, B, C := mk(1), mk(2), mk(3)
	s.LeftStack = []*Thread{C, B, A} // A on top
	var order []uint32
	for range 9 {
		order = append(order, s.CurrentThread().ID)
		cur := s.CurrentThread()
		checkedStep(t, s, nil)
		cur.Regs[rV0] = SysSchedYield // restore after the result overwrote it
	}
	require.Equal(t, []uint32{1, 2, 3, 3, 2, 1, 1, 2, 3}, order)
}

func TestQuantumExpiry(t *testing.T) {
	s := newTestState(insnNop, insnNop)
	b := &Thread{ID: 2, PC: codeBase, NextPC: codeBase + 4}
	s.LeftStack = []*Thread{b, s.LeftStack[0]}
	a := s.CurrentThread()
	s.StepsSinceSwitch = Quantum - 1
	checkedStep(t, s, nil) // last step of the quantum
	require.Equal(t, uint64(Quantum), s.StepsSinceSwitch)
	require.Equal(t, uint32(codeBase+4), a.PC)
	s.LLActive = true
	w := checkedStep(t, s, nil) // expiry: no instruction
	require.Equal(t, 0, proofCount(w))
	require.Equal(t, uint32(codeBase+4), a.PC, "thread unchanged")
	require.Equal(t, uint64(0), s.StepsSinceSwitch)
	require.False(t, s.LLActive)
	require.Equal(t, uint64(2), s.Step)
	require.Equal(t, b, s.CurrentThread())
	require.Equal(t, []*Thread{a}, s.RightStack)
}

func TestRunQuantumMatchesStep(t *testing.T) {
	// Two threads spinning on "b ." for several quanta: Run and Step agree.
	loop := itype(4, 0, 0, 0xFFFF) // beq zero, zero, -1 (delay slot is itself)
	s := newTestState(loop, loop)
	s.LeftStack = append([]*Thread{{ID: 2, PC: codeBase, NextPC: codeBase + 4}}, s.LeftStack...)
	s2 := s.Copy()
	vm := NewVM(s, nil, nil, nil)
	require.ErrorIs(t, vm.Run(t.Context(), 3*Quantum+17), ErrStepLimit)
	vm2 := NewVM(s2, nil, nil, nil)
	for range 3*Quantum + 17 {
		_, err := vm2.Step(false)
		require.NoError(t, err)
	}
	require.Equal(t, s2.Hash(), s.Hash())
	require.Equal(t, uint64(3*Quantum+17), s.Step)
}
