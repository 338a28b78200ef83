// Command timers exercises the runtime timer heap and netpoller-driven
// sleeps: time.Sleep, time.After, Ticker, Timer.Stop, context deadlines.
// It prints only orderings and counts, never durations, so the output is
// the same on a real clock (qemu) and on a step-count clock (the VM).
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(3 * time.Millisecond)
	fmt.Println("slept, monotonic clock advanced >= 3ms:", time.Since(start) >= 3*time.Millisecond)

	// A short timer must fire before a long one.
	select {
	case <-time.After(5 * time.Millisecond):
		fmt.Println("short timer first")
	case <-time.After(2 * time.Second):
		fmt.Println("long timer first (wrong)")
	}

	// Ticker: count exactly 5 ticks then stop.
	tk := time.NewTicker(2 * time.Millisecond)
	ticks := 0
	for range tk.C {
		ticks++
		if ticks == 5 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", ticks)

	// A stopped timer never fires.
	t := time.NewTimer(time.Hour)
	fmt.Println("stop before fire:", t.Stop())

	// AfterFunc runs in its own goroutine.
	done := make(chan string)
	time.AfterFunc(time.Millisecond, func() { done <- "afterfunc ran" })
	fmt.Println(<-done)

	// Context deadline beats a slow worker.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	select {
	case <-ctx.Done():
		fmt.Println("context:", ctx.Err(), errors.Is(ctx.Err(), context.DeadlineExceeded))
	case <-time.After(5 * time.Second):
		fmt.Println("worker finished first (wrong)")
	}

	// Ordering of several sleeping goroutines by duration.
	order := make(chan int, 3)
	for _, ms := range []int{200, 5, 100} { // wide gaps: qemu runs under load in tests
		go func(ms int) {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			order <- ms
		}(ms)
	}
	fmt.Println("wake order:", <-order, <-order, <-order)

	// Wall clock exists and is after 2000-01-01 (value itself not printed).
	fmt.Println("wall clock sane:", time.Now().Year() >= 2000)
	// Time arithmetic and formatting are pure computation.
	t0 := time.Date(2024, 2, 28, 23, 30, 0, 0, time.UTC)
	fmt.Println("date math:", t0.Add(90*time.Minute).Format(time.RFC3339), t0.Weekday())
}
