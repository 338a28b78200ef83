//go:build !linux

package cli

// threadClock is a no-op where the OS offers no per-thread CPU time: the
// stats then carry wall time only.
type threadClock struct{}

func startThreadClock() threadClock { return threadClock{} }

func (threadClock) stop() float64 { return 0 }
