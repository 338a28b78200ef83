package cli

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// threadClock measures the CPU time (user and system) of the OS thread that
// runs a VM, so `vm run --stats` can report steps per CPU-second: on a shared
// machine wall time also counts the time other processes held the core.
type threadClock struct {
	start float64
	ok    bool
}

// startThreadClock pins the calling goroutine to its thread until stop.
func startThreadClock() threadClock {
	runtime.LockOSThread()
	t, ok := threadCPU()
	return threadClock{start: t, ok: ok}
}

// stop returns the thread's CPU seconds since start (0 if unknown) and
// unpins the goroutine.
func (c threadClock) stop() float64 {
	defer runtime.UnlockOSThread()
	t, ok := threadCPU()
	if !c.ok || !ok {
		return 0
	}
	return t - c.start
}

func threadCPU() (float64, bool) {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_THREAD, &ru); err != nil {
		return 0, false
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9, true
}
