// Command chantimers runs many goroutines that talk over channels and wait on
// timers: a fan-out/fan-in pool whose workers sleep, a token ring, timers
// that fire and timers stopped before they could, a ticker, AfterFunc and a
// context deadline shared by waiters. It prints only counts and sums, which
// do not depend on the interleaving or on how fast the clock runs (real time
// under qemu, the step count in the VM).
//
// Usage: chantimers [GOROUTINES] (default 300).
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	n := 300
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 1 {
			fmt.Fprintln(os.Stderr, "usage: chantimers [GOROUTINES]")
			os.Exit(2)
		}
		n = v
	}

	// Fan-out/fan-in: n workers take jobs from one channel, sleep a little
	// (a timer each), and send results to another.
	jobs, results := make(chan int), make(chan int, 16)
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				time.Sleep(time.Duration(j%4) * 100 * time.Microsecond)
				results <- j * j
			}
		}()
	}
	go func() {
		for j := 1; j <= 4*n; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	sum, got := 0, 0
	for r := range results {
		sum += r
		got++
	}
	fmt.Println("pool:", n, "workers,", got, "results, sum of squares", sum)

	// Token ring: n goroutines in a cycle of unbuffered channels.
	ring := make([]chan int, n)
	for i := range ring {
		ring[i] = make(chan int)
	}
	const laps = 20
	done := make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) {
			in, out := ring[i], ring[(i+1)%n]
			for {
				v, ok := <-in
				if !ok {
					return
				}
				if i == n-1 && v >= laps*n-1 {
					done <- v + 1
					continue
				}
				out <- v + 1
			}
		}(i)
	}
	ring[0] <- 0
	hops := <-done
	for _, c := range ring {
		close(c)
	}
	fmt.Println("ring:", n, "goroutines,", hops, "hops")

	// Timers: half fire after a short wait, half are stopped long before
	// their hour is up; every goroutine reports which it saw.
	var fired, stopped atomic.Int64
	var tw sync.WaitGroup
	for i := 0; i < n; i++ {
		tw.Add(1)
		go func(i int) {
			defer tw.Done()
			if i%2 == 0 {
				t := time.NewTimer(time.Duration(1+i%3) * time.Millisecond)
				<-t.C
				fired.Add(1)
				return
			}
			t := time.NewTimer(time.Hour)
			if t.Stop() {
				stopped.Add(1)
			}
		}(i)
	}
	tw.Wait()
	fmt.Println("timers fired:", fired.Load(), "stopped:", stopped.Load())

	// Select over a ticker, AfterFunc callbacks and a long guard timer.
	tick := time.NewTicker(500 * time.Microsecond)
	var after atomic.Int64
	afterDone := make(chan struct{})
	for i := 0; i < 50; i++ {
		time.AfterFunc(time.Duration(i%5)*time.Millisecond, func() {
			if after.Add(1) == 50 {
				close(afterDone)
			}
		})
	}
	guard := time.After(time.Minute)
	ticks, callbacks := 0, false
	for ticks < 10 || !callbacks {
		select {
		case <-tick.C:
			ticks++
		case <-afterDone:
			callbacks, afterDone = true, nil
		case <-guard:
			fmt.Println("guard timer fired (wrong)")
			os.Exit(1)
		}
	}
	tick.Stop()
	fmt.Println("ticks >= 10:", ticks >= 10, "afterfunc callbacks:", after.Load())

	// A context deadline wakes every waiter.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
	defer cancel()
	var woken atomic.Int64
	var cw sync.WaitGroup
	for i := 0; i < n; i++ {
		cw.Add(1)
		go func() {
			defer cw.Done()
			select {
			case <-ctx.Done():
				woken.Add(1)
			case <-time.After(time.Minute):
			}
		}()
	}
	cw.Wait()
	fmt.Println("deadline woke:", woken.Load(), "of", n, ctx.Err())
}
