package mips

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Waiting threads and the virtual clock (docs/protocol.md 1.5, 1.8). Every
// step below goes through checkedStep: Step, VerifyStep and Run agree on it.

// waiter returns a thread at pc executing syscall num with a0..a3.
func waiter(id, pc, num uint32, args ...uint32) *Thread {
	th := &Thread{ID: id, PC: pc, NextPC: pc + 4}
	th.Regs[rV0] = num
	for i, a := range args {
		th.Regs[rA0+i] = a
	}
	return th
}

// waitState returns a state whose code has a syscall at codeBase followed by
// "b ." (where a thread that returned spins) and at codeBase+0x100 a store of
// t1 to 0(t0) followed by a syscall, running threads top first (threads[0]
// runs first).
func waitState(threads ...*Thread) *State {
	s := newTestState(insnSyscall, itype(4, 0, 0, 0xFFFF))
	s.Memory.SetWord(codeBase+0x100, itype(0x2B, rT0, rT1, 0))
	s.Memory.SetWord(codeBase+0x104, insnSyscall)
	s.LeftStack = nil
	for i := len(threads) - 1; i >= 0; i-- {
		s.LeftStack = append(s.LeftStack, threads[i])
	}
	s.NextThreadID = uint32(len(threads) + 1)
	return s
}

// setTimespec writes a timespec at addr: {s32 sec, s32 nsec} or, wide,
// {s64 sec, s32 nsec}.
func setTimespec(s *State, addr uint32, wide bool, sec uint64, nsec uint32) {
	if wide {
		s.Memory.SetWord(addr, uint32(sec>>32))
		addr += 4
	}
	s.Memory.SetWord(addr, uint32(sec))
	s.Memory.SetWord(addr+4, nsec)
}

// stepUntil steps s (checked) until done holds, at most limit steps; it
// returns the steps taken.
func stepUntil(t *testing.T, s *State, limit int, done func() bool) int {
	t.Helper()
	for i := 0; i < limit; i++ {
		if done() {
			return i
		}
		checkedStep(t, s, nil)
	}
	require.True(t, done(), "not done after %d steps", limit)
	return limit
}

// requireReturned checks that th returned from its syscall with v0/a3.
func requireReturned(t *testing.T, th *Thread, v0, a3 uint32) {
	t.Helper()
	require.Equal(t, uint32(codeBase+4), th.PC)
	require.Equal(t, [2]uint32{v0, a3}, [2]uint32{th.Regs[rV0], th.Regs[rA3]})
	require.Zero(t, th.WaitUntil)
}

// TestNanosleepJumpsClock: a lone sleeper enters its wait (a normal step
// that reads the timespec), checks it (a wait step: it yields), and after a
// pass of nothing but wait steps the clock jumps to its deadline, so it
// returns on its next check: four steps for a 1.5 s sleep.
func TestNanosleepJumpsClock(t *testing.T) {
	th := waiter(1, codeBase, SysNanosleep, dataAddr)
	s := waitState(th)
	setTimespec(s, dataAddr, false, 1, 500_000_000)
	const deadline = 1_500_000_000

	w := checkedStep(t, s, nil) // entry
	require.Equal(t, 2, proofCount(w), "the timespec's leaf")
	require.Equal(t, uint32(codeBase), th.PC, "the thread stays on the syscall")
	require.Equal(t, uint64(deadline), th.WaitUntil)
	require.Equal(t, [2]uint32{SysNanosleep, 0}, [2]uint32{th.Regs[rV0], th.Regs[rA3]})
	require.Equal(t, uint64(1), s.StepsSinceSwitch, "entering a wait is a normal step")
	require.Zero(t, s.PassWake)

	w = checkedStep(t, s, nil) // wait step ending a pass that ran the entry: no jump
	require.Equal(t, 1, proofCount(w), "the fetch only")
	require.True(t, s.TraverseRight, "it yielded")
	require.Equal(t, uint64(NoDeadline), s.PassWake, "a new pass")
	require.Zero(t, s.TimeOffset)

	checkedStep(t, s, nil) // a pass of nothing but this wait step: the clock jumps
	require.Equal(t, uint64(deadline-3*ClockStepNS), s.TimeOffset)
	require.Equal(t, uint64(deadline), now(s.Step, s.TimeOffset))
	require.Equal(t, uint32(codeBase), th.PC)

	checkedStep(t, s, nil) // the deadline is reached
	requireReturned(t, th, 0, 0)
	require.Zero(t, s.PassWake)
	require.Equal(t, uint64(4), s.Step)
}

// TestFutexWaitWokenByStore: a futex waiter (no timeout) wakes, result 0,
// on its first check after another thread changed the word; the waker then
// waits on a word of its own, without a deadline, and the clock never jumps.
// The wait is reported once, when it returns, from the step it began.
func TestFutexWaitWokenByStore(t *testing.T) {
	mk := func() (*State, *Thread, *Thread) {
		a := waiter(1, codeBase, SysFutexTime64, dataAddr, 0x80, 7, 0)
		b := waiter(2, codeBase+0x100, SysFutex, dataAddr+0x40, 0x80, 0, 0)
		b.Regs[rT0], b.Regs[rT1] = dataAddr, 8
		s := waitState(a, b)
		s.Memory.SetWord(dataAddr, 7)
		return s, a, b
	}
	s, a, b := mk()
	w := checkedStep(t, s, nil) // a enters: no timeout, nothing read
	require.Equal(t, 1, proofCount(w))
	require.Equal(t, uint64(NoDeadline), a.WaitUntil)
	w = checkedStep(t, s, nil) // a checks: the word is 7, it waits
	require.Equal(t, 2, proofCount(w), "the futex word")
	require.Equal(t, uint32(codeBase), a.PC)
	require.Same(t, b, s.CurrentThread())
	// b: store, enter, wait (the pass ends); b waits again, then a checks.
	stepUntil(t, s, 5, func() bool { return s.Step == 7 })
	requireReturned(t, a, 0, 0)
	require.Equal(t, uint32(codeBase+0x104), b.PC, "b waits on its own word")
	require.Zero(t, s.TimeOffset)

	s, _, _ = mk()
	vm := NewVM(s, nil, nil, nil)
	var ev []SyscallEvent
	vm.OnSyscall(func(e SyscallEvent) { ev = append(ev, e) })
	require.ErrorIs(t, vm.Run(t.Context(), 7), ErrStepLimit)
	require.Equal(t, []SyscallEvent{{Step: 6, FirstStep: 0, ThreadID: 1, Num: SysFutexTime64,
		A0: dataAddr, A1: 0x80, A2: 7, V0Out: 0}}, ev)
}

// TestAllWaitingJumpsToEarliestDeadline: three threads wait (nanosleep 3 ms,
// a futex wait timing out after 1 ms, a futex wait without deadline): each
// pass of wait steps only moves the clock to the earliest deadline still
// ahead; the timed futex wait returns ETIMEDOUT at 1 ms, the sleeper at 3 ms.
func TestAllWaitingJumpsToEarliestDeadline(t *testing.T) {
	sleeper := waiter(1, codeBase, SysNanosleep, dataAddr)
	timed := waiter(2, codeBase, SysFutexTime64, dataAddr+0x40, 0x80, 0, dataAddr+0x24)
	forever := waiter(3, codeBase, SysFutex, dataAddr+0x44, 0x80, 0, 0)
	s := waitState(sleeper, timed, forever)
	setTimespec(s, dataAddr, false, 0, 3_000_000)
	setTimespec(s, dataAddr+0x24, true, 0, 1_000_000)

	stepUntil(t, s, 5, func() bool { return timed.WaitUntil != 0 })
	d := timed.WaitUntil
	stepUntil(t, s, 20, func() bool { return timed.PC != codeBase })
	requireReturned(t, timed, ETIMEDOUT, 1)
	require.Zero(t, (d-s.TimeOffset)%ClockStepNS, "the clock jumped to timed's deadline at some step")
	require.LessOrEqual(t, now(s.Step, s.TimeOffset)-d, uint64(3*ClockStepNS))
	require.Equal(t, uint32(codeBase), sleeper.PC)
	// timed would spin after its syscall; send it back to wait for good so
	// the others are alone again.
	timed.PC, timed.NextPC = codeBase, codeBase+4
	timed.Regs[rV0], timed.Regs[rA3] = SysFutex, 0
	stepUntil(t, s, 20, func() bool { return sleeper.PC != codeBase })
	requireReturned(t, sleeper, 0, 0)
	require.GreaterOrEqual(t, now(s.Step, s.TimeOffset), uint64(3_000_000))
	require.Less(t, now(s.Step, s.TimeOffset), uint64(3_000_000+20*ClockStepNS))
	require.Equal(t, uint32(codeBase), forever.PC)
}

// TestBusyThreadKeepsClock: while another thread runs, a sleeper only waits:
// no pass is idle, the clock never jumps, and the sleeper returns once the
// steps themselves have moved the clock past its deadline.
func TestBusyThreadKeepsClock(t *testing.T) {
	sleeper := waiter(1, codeBase, SysNanosleep, dataAddr)
	busy := &Thread{ID: 2, PC: codeBase + 0x200, NextPC: codeBase + 0x204}
	s := waitState(sleeper, busy)
	s.Memory.SetWord(codeBase+0x200, itype(4, 0, 0, 0xFFFF)) // b .
	setTimespec(s, dataAddr, false, 0, 1500*ClockStepNS)
	vm := NewVM(s, nil, nil, nil)
	var ret *SyscallEvent
	vm.OnSyscall(func(e SyscallEvent) { ret = &e })
	require.ErrorIs(t, vm.Run(t.Context(), 3*Quantum), ErrStepLimit)
	require.NotNil(t, ret)
	require.Equal(t, [3]uint64{0, 0, 0}, [3]uint64{uint64(ret.V0Out), uint64(ret.A3Out), sleeper.WaitUntil})
	// It checks once per pass: after busy's two quanta (order A B B A, 1.5).
	require.Equal(t, uint64(2*Quantum+4), ret.Step)
	require.Zero(t, s.TimeOffset)
	require.Zero(t, s.PassWake)
}

// TestWaitWithoutDeadlineNeverJumps: threads that all wait for futex words
// nobody changes make no progress: every pass is idle, with no deadline, so
// the clock only moves with the steps (a deadlock; Linux would hang).
func TestWaitWithoutDeadlineNeverJumps(t *testing.T) {
	a := waiter(1, codeBase, SysFutex, dataAddr, 0x80, 0, 0)
	b := waiter(2, codeBase, SysFutex, dataAddr+4, 0x80, 0, 0)
	s := waitState(a, b)
	stepUntil(t, s, 12, func() bool { return s.Step == 12 })
	require.Equal(t, uint64(NoDeadline), s.PassWake)
	require.Zero(t, s.TimeOffset)
	require.Equal(t, uint32(codeBase), a.PC)
	require.Equal(t, uint32(codeBase), b.PC)
}

// TestWaitDeadlines: how each waiting syscall turns its timeout into
// waitUntil on entry (1.8), at step 5 of a clock already 1000 ns ahead.
func TestWaitDeadlines(t *testing.T) {
	const start = 5*ClockStepNS + 1000
	for _, c := range []struct {
		name   string
		th     *Thread
		ts     func(s *State)
		want   uint64
		proofs int
	}{
		{"nanosleep", waiter(1, codeBase, SysNanosleep, dataAddr), func(s *State) { setTimespec(s, dataAddr, false, 2, 7) }, start + 2_000_000_007, 2},
		{"nanosleep-two-leaves", waiter(1, codeBase, SysNanosleep, dataAddr-4), func(s *State) { setTimespec(s, dataAddr-4, false, 0, 700) }, start + 700, 3},
		{"futex-no-timeout", waiter(1, codeBase, SysFutex, dataAddr, 0x80, 0, 0), nil, NoDeadline, 1},
		{"futex-ts32", waiter(1, codeBase, SysFutex, dataAddr, 0x80, 0, dataAddr+8), func(s *State) { setTimespec(s, dataAddr+8, false, 0, 99) }, start + 99, 2},
		{"futex_time64-two-leaves", waiter(1, codeBase, SysFutexTime64, dataAddr, 0x80, 0, dataAddr-8), func(s *State) { setTimespec(s, dataAddr-8, true, 1, 3) }, start + 1_000_000_003, 3},
		{"futex_time64-saturates", waiter(1, codeBase, SysFutexTime64, dataAddr, 0x80, 0, dataAddr+8), func(s *State) { setTimespec(s, dataAddr+8, true, 1<<62, 0) }, MaxDeadline, 2},
		{"epoll_pwait", waiter(1, codeBase, SysEpollPwait, FdEpoll, dataAddr, 1, 5), nil, start + 5_000_000, 1},
		{"epoll_pwait2", waiter(1, codeBase, SysEpollPwait2, FdEpoll, dataAddr, 1, dataAddr+8), func(s *State) { setTimespec(s, dataAddr+8, true, 0, 40) }, start + 40, 2},
		{"clock_nanosleep-relative", waiter(1, codeBase, SysClockNanosleep, 0, 0, dataAddr), func(s *State) { setTimespec(s, dataAddr, false, 0, 50) }, start + 50, 2},
		{"clock_nanosleep64-monotonic-abs", waiter(1, codeBase, SysClockNanosleep64, 1, TimerAbstime, dataAddr), func(s *State) { setTimespec(s, dataAddr, true, 3, 0) }, 3_000_000_000, 2},
		{"clock_nanosleep-realtime-abs", waiter(1, codeBase, SysClockNanosleep, 0, TimerAbstime|2, dataAddr), func(s *State) { setTimespec(s, dataAddr, false, RealtimeEpoch+4, 1) }, 4_000_000_001, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := waitState(c.th)
			s.Step, s.TimeOffset = 5, 1000
			if c.ts != nil {
				c.ts(s)
			}
			w := checkedStep(t, s, nil)
			require.Equal(t, c.proofs, proofCount(w))
			require.Equal(t, c.want, c.th.WaitUntil)
			require.Equal(t, uint32(codeBase), c.th.PC)
		})
	}
}

// TestClockGettimeReadsJumpedClock: clock_gettime reads step × 10 plus the
// clock's jumps.
func TestClockGettimeReadsJumpedClock(t *testing.T) {
	s := sysState(SysClockGettime, 1, dataAddr)
	s.Step, s.TimeOffset = 7, 3_000_000_000-70+5
	checkedStep(t, s, nil)
	require.Equal(t, uint32(3), s.Memory.GetWord(dataAddr))
	require.Equal(t, uint32(5), s.Memory.GetWord(dataAddr+4))
}

// TestQuantumExpiryEndsIdleness: an expiry is not a wait step, so a pass
// that holds one never jumps the clock.
func TestQuantumExpiryEndsIdleness(t *testing.T) {
	th := waiter(1, codeBase, SysNanosleep, dataAddr)
	th.WaitUntil = 1 << 40
	s := waitState(th)
	s.StepsSinceSwitch, s.PassWake = Quantum, NoDeadline
	checkedStep(t, s, nil)
	require.Zero(t, s.TimeOffset)
	require.Equal(t, uint64(NoDeadline), s.PassWake, "the flip starts a new pass")
	checkedStep(t, s, nil)
	require.Equal(t, uint64(1<<40-2*ClockStepNS), s.TimeOffset)
}
