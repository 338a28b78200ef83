package evm_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/mips"
)

// Waiting threads and the virtual clock (docs/protocol.md 1.5, 1.8) on both
// sides: Go VM, VerifyStep and MIPS.sol must agree on every entry, check,
// wait step and clock jump.

// waitSyscalls are the waiting syscalls with the argument that holds their
// timeout (a register index) and whether the timeout is a pointer.
var waitSyscalls = []struct {
	num     uint32
	tsReg   int
	pointer bool
}{
	{mips.SysNanosleep, 4, true}, {mips.SysFutex, 7, true}, {mips.SysFutexTime64, 7, true},
	{mips.SysClockNanosleep, 6, true}, {mips.SysClockNanosleep64, 6, true},
	{mips.SysEpollPwait, 7, false}, {mips.SysEpollPwait2, 7, true},
}

// timespecs are 12-byte timespec images (narrow readers use the first 8):
// zero, small, a second and more, bad nsec, negative sec, huge.
var timespecs = [][3]uint32{
	{0, 0, 0}, {0, 7, 0}, {0, 0, 900}, {1, 5, 999_999_999}, {0, 1_000_000_000, 0},
	{0xFFFFFFFF, 3, 1}, {0x40000000, 0, 0}, {0, 0x7FFFFFFF, 12},
}

// TestDiffWaits: each waiting syscall with its timeout at an aligned leaf,
// across two leaves and wrapping the address space, of every shape above,
// with the thread entering or already waiting (deadline past, ahead, none),
// in a pass that is busy, idle or idle with a deadline, on a clock at 0,
// far ahead, and about to wrap; three steps each on both sides.
func TestDiffWaits(t *testing.T) {
	d := newDiffer(t)
	for _, w := range waitSyscalls {
		for _, tsAddr := range []uint32{dataBase + 0x40, dataBase + 0x5C, 0xFFFFFFF8} {
			for ti, ts := range timespecs {
				for _, until := range []uint64{0, 1, 1 << 40, mips.NoDeadline} {
					for vi, clock := range [][3]uint64{
						{0, 0, 0}, {12345, 1 << 35, mips.NoDeadline}, {1 << 61, 0xFFFFFFFF_FFFF0000, 1 << 41},
					} {
						s := sys(w.num, 0, 0, 7, 0)
						th := cur(s)
						th.Regs[w.tsReg] = tsAddr
						if !w.pointer {
							th.Regs[w.tsReg] = ts[1] // epoll_pwait: milliseconds
						}
						switch w.num {
						case mips.SysFutex, mips.SysFutexTime64:
							th.Regs[4], th.Regs[5] = dataBase, 0x80
						case mips.SysClockNanosleep, mips.SysClockNanosleep64:
							th.Regs[4], th.Regs[5] = uint32(vi&1), uint32(ti&1) // clock, TIMER_ABSTIME
						}
						for i, v := range ts {
							s.Memory.SetWord(tsAddr+4*uint32(i), v)
						}
						s.Memory.SetWord(dataBase, 7+uint32(ti%2)) // the futex word: equal or not
						th.WaitUntil = until
						s.Step, s.TimeOffset, s.PassWake = clock[0], clock[1], clock[2]
						d.steps(s, 3, fmt.Sprintf("syscall %d ts %#x %v waitUntil %d clock %v", w.num, tsAddr, ts, until, clock))
					}
				}
			}
		}
	}
}

// TestDiffWaitingThreads runs machines of several threads that sleep, wait on
// futex words with and without deadlines and wake each other, for as many
// steps as it takes the clock to jump several times.
func TestDiffWaitingThreads(t *testing.T) {
	d := newDiffer(t)
	sc := rtype(0x0C, 0, 0, 0, 0)
	// Each thread: its syscall, then (once returned) a store of t1 to 0(t0)
	// and a futex wait without deadline on the zero word at t0+0x40.
	prog := []uint32{sc, itype(0x2B, rRS, rRT, 0),
		itype(0x0D, 0, 2, mips.SysFutex), itype(0x0D, 0, 5, 0x80), itype(0x0D, 0, 6, 0), itype(0x0D, 0, 7, 0),
		itype(9, rRS, 4, 0x40), sc, itype(4, 0, 0, 0xFFFF), 0}
	mk := func(id, num uint32, args ...uint32) *mips.Thread {
		th := &mips.Thread{ID: id, PC: codeBase, NextPC: codeBase + 4}
		th.Regs[2] = num
		for i, a := range args {
			th.Regs[4+i] = a
		}
		th.Regs[rRS], th.Regs[rRT] = dataBase+0x80, id // where it stores once awake
		return th
	}
	s := newState(prog...)
	ts := func(at uint32, sec, nsec uint32) { s.Memory.SetWord(at, sec); s.Memory.SetWord(at+4, nsec) }
	ts(dataBase+0x40, 0, 300_000)   // nanosleep 300 µs
	ts(dataBase+0x48, 0, 1_000_000) // futex (ts32) 1 ms
	s.LeftStack = []*mips.Thread{
		mk(4, mips.SysFutex, dataBase+0x80, 0x80, 0, 0),             // until someone stores to 0x80
		mk(3, mips.SysEpollPwait, 100, dataBase, 1, 2),              // 2 ms
		mk(2, mips.SysFutex, dataBase+0x84, 0x80, 0, dataBase+0x48), // times out after 1 ms
		mk(1, mips.SysNanosleep, dataBase+0x40),                     // 300 µs
	}
	for _, th := range s.LeftStack {
		if th.ID != 4 {
			th.Regs[rRS] = dataBase + 0x80 // the sleepers wake thread 4 by storing their id
		}
	}
	s.NextThreadID = 5
	jumps := 0
	for i := range 100 {
		before := s.TimeOffset
		d.step(s, fmt.Sprintf("threads step %d", i))
		if s.TimeOffset != before {
			jumps++
		}
	}
	require.Equal(t, 3, jumps, "the clock jumped to each sleeper's deadline")
	for _, th := range s.LeftStack {
		require.Equal(t, uint32(codeBase+28), th.PC, "thread %d woke and waits for good", th.ID)
	}
	for _, th := range s.RightStack {
		require.Equal(t, uint32(codeBase+28), th.PC, "thread %d woke and waits for good", th.ID)
	}
}

// TestGuestWaitStepsOnChain proves every step of the timers guest in which a
// thread enters, checks or waits in a waiting syscall on MIPS.sol (the clock
// jumps included), and reports their gas.
func TestGuestWaitStepsOnChain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a guest")
	}
	s := loadGuest(t, "timers")
	c := s.Copy()
	vm := mips.NewVM(c, nil, nil, nil)
	var steps, jumps []uint64
	var lastOffset uint64
	vm.SetSampler(1, func(st *mips.State, smp mips.Sample) {
		if st.TimeOffset != lastOffset { // the previous step jumped the clock
			jumps = append(jumps, smp.Step-1)
			lastOffset = st.TimeOffset
		}
		th := st.CurrentThread()
		if smp.Expiry || th.PC&3 != 0 || st.Memory.GetWord(th.PC) != 0x0C {
			return
		}
		for _, w := range waitSyscalls {
			if th.Regs[2] == w.num {
				steps = append(steps, smp.Step)
			}
		}
	})
	require.NoError(t, vm.Run(context.Background(), 1<<32))
	require.NotEmpty(t, jumps)
	rep, tm, txMax, sm, sx := proveOnChain(t, s, steps)
	t.Logf("timers: %d steps, %d of them in waiting syscalls (entries, checks, wait steps), %d clock jumps; "+
		"execution gas median %d, max %d; witness median %d, max %d bytes; step transaction (Prague) median %d, max %d",
		c.Step, len(steps), len(jumps), rep.GasMedian, rep.GasMax, sm, sx, tm, txMax)
	require.LessOrEqual(t, txMax, uint64(100_000))
}
