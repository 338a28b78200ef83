// Command goroutines exercises the scheduler: WaitGroup, Mutex, channels,
// select and a worker pool. Every printed value is independent of the
// interleaving (results are summed or sorted before printing), so a
// deterministic VM and a real multi-threaded qemu must agree.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

func main() {
	// 1. WaitGroup + Mutex: 16 goroutines increment a shared counter.
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
				if i%100 == 0 {
					runtime.Gosched()
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex counter:", counter)

	// 2. Atomics.
	var a atomic.Int64
	var u atomic.Uint32
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				a.Add(int64(g))
				u.CompareAndSwap(u.Load(), u.Load()) // exercise LL/SC
				u.Add(1)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("atomic sum:", a.Load(), "atomic count:", u.Load())

	// 3. Pipeline of unbuffered channels.
	gen := make(chan int)
	sq := make(chan int)
	go func() {
		for i := 1; i <= 100; i++ {
			gen <- i
		}
		close(gen)
	}()
	go func() {
		for v := range gen {
			sq <- v * v
		}
		close(sq)
	}()
	sum := 0
	for v := range sq {
		sum += v
	}
	fmt.Println("pipeline sum of squares:", sum)

	// 4. Worker pool with buffered channels; results sorted before printing.
	jobs := make(chan int, 10)
	results := make(chan [2]int, 10)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				// Collatz steps as a small CPU-bound job.
				n, steps := j, 0
				for n != 1 {
					if n%2 == 0 {
						n /= 2
					} else {
						n = 3*n + 1
					}
					steps++
				}
				results <- [2]int{j, steps}
			}
		}()
	}
	go func() {
		for j := 1; j <= 50; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	var rs [][2]int
	for r := range results {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	total := 0
	for _, r := range rs {
		total += r[1]
	}
	fmt.Println("worker pool:", len(rs), "jobs, collatz(27) =", rs[26][1], "total steps =", total)

	// 5. Select: fan-in of two producers plus a quit channel. Only counts
	// are printed, since select picks randomly among ready cases.
	c1, c2, quit := make(chan int), make(chan int), make(chan struct{})
	go func() {
		for i := 0; i < 30; i++ {
			c1 <- 1
		}
	}()
	go func() {
		for i := 0; i < 20; i++ {
			c2 <- 2
		}
	}()
	n1, n2 := 0, 0
	for n1+n2 < 50 {
		select {
		case <-c1:
			n1++
		case <-c2:
			n2++
		case <-quit:
			return
		}
	}
	fmt.Println("select counts:", n1, n2)

	// 6. Non-blocking select with default on an empty channel.
	empty := make(chan int)
	select {
	case <-empty:
		fmt.Println("unexpected receive")
	default:
		fmt.Println("select default taken")
	}

	// 7. sync.Once and sync.Cond.
	var once sync.Once
	hits := 0
	for i := 0; i < 10; i++ {
		once.Do(func() { hits++ })
	}
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	fmt.Println("once hits:", hits, "cond done:", <-done)
}
