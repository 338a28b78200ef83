// Command gcheavy puts the Go collector and scavenger under pressure: binary
// trees built and dropped round after round with forced collections, objects
// with finalizers, debug.FreeOSMemory (the scavenger returns free pages with
// madvise(MADV_DONTNEED) at once) and churned 64 KiB slices. After every
// release it checks that fresh allocations read as zero: Go 1.26 hands out
// scavenged pages without clearing them, trusting the kernel to have zeroed
// them (issue 12; the VM once ignored madvise and crashed here with "found
// bad pointer in Go heap"). It prints only facts independent of GC timing.
//
// Usage: gcheavy [ROUNDS [DEPTH [CHURN]]] (default 8 12 60). The benchmark
// runs it at 60 14 200, the program.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"time"
)

type node struct {
	left, right *node
	val         int
	pad         [5]int
}

func build(depth, val int) *node {
	if depth == 0 {
		return &node{val: val}
	}
	return &node{left: build(depth-1, 2*val), right: build(depth-1, 2*val+1), val: val}
}

func (n *node) check() (sum, count int) {
	if n == nil {
		return 0, 0
	}
	ls, lc := n.left.check()
	rs, rc := n.right.check()
	return n.val + ls + rs, 1 + lc + rc
}

// want is check of build(depth, val), computed without allocating.
func want(depth, val int) (sum, count int) {
	if depth == 0 {
		return val, 1
	}
	ls, lc := want(depth-1, 2*val)
	rs, rc := want(depth-1, 2*val+1)
	return val + ls + rs, 1 + lc + rc
}

// freshIsZero allocates pointerful objects and slices, as the heap reuses
// released pages for them, and reports whether all of them read as zero.
func freshIsZero() bool {
	ok := true
	for i := 0; i < 300; i++ {
		n := new(node)
		ok = ok && n.left == nil && n.right == nil && n.val == 0 && n.pad == [5]int{}
		ps := make([]*node, 100)
		for _, p := range ps {
			ok = ok && p == nil
		}
		bs := make([]byte, 1024+3*i)
		for _, b := range bs {
			ok = ok && b == 0
		}
	}
	return ok
}

type tracked struct {
	id   int
	next *tracked
	buf  [8]int
}

var finalized atomic.Int64

func arg(i, def int) int {
	if len(os.Args) <= i {
		return def
	}
	v, err := strconv.Atoi(os.Args[i])
	if err != nil || v < 0 {
		fmt.Fprintln(os.Stderr, "usage: gcheavy [ROUNDS [DEPTH [CHURN]]]")
		os.Exit(2)
	}
	return v
}

func main() {
	rounds, depth, churn := arg(1, 8), arg(2, 12), arg(3, 60)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	// Trees: one long-lived, one per round dropped; a forced GC and a
	// release of free memory every few rounds.
	keep := build(depth, 1)
	keepSum, keepCount := want(depth, 1)
	allOK, zeroOK := true, true
	for r := 0; r < rounds; r++ {
		sum, count := build(depth, r).check()
		ws, wc := want(depth, r)
		allOK = allOK && sum == ws && count == wc
		if r%4 == 3 {
			runtime.GC()
			debug.FreeOSMemory()
			zeroOK = zeroOK && freshIsZero()
		}
	}
	s, c := keep.check()
	fmt.Println("trees:", rounds, "rounds of depth", depth, "intact:", allOK && s == keepSum && c == keepCount)

	// Finalizers: every dropped object's finalizer runs eventually.
	const nfin = 500
	for i := 0; i < nfin; i++ {
		o := &tracked{id: i}
		runtime.SetFinalizer(o, func(o *tracked) { finalized.Add(1) })
	}
	for i := 0; i < 200 && finalized.Load() < nfin; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	fmt.Println("finalizers ran:", finalized.Load(), "of", nfin)
	debug.FreeOSMemory()
	zeroOK = zeroOK && freshIsZero()

	// Slice churn: 64 KiB slices, eight kept alive at a time.
	var ring [8][]byte
	sum := 0
	for i := 0; i < churn; i++ {
		b := make([]byte, 64<<10)
		for j := range b {
			b[j] = byte(i + j)
		}
		ring[i%len(ring)] = b
		for _, x := range ring[(i+1)%len(ring)] {
			sum += int(x)
		}
		if i%50 == 49 {
			debug.FreeOSMemory()
			zeroOK = zeroOK && freshIsZero()
		}
	}
	fmt.Println("churn:", churn, "slices of 64 KiB, checksum", sum)
	runtime.GC()
	debug.FreeOSMemory()
	zeroOK = zeroOK && freshIsZero()
	fmt.Println("fresh allocations read as zero:", zeroOK)

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("collections >= rounds/4 + 2:", int(after.NumGC-before.NumGC) >= rounds/4+2)
	fmt.Println("memory was released:", after.HeapReleased > 0)
	runtime.KeepAlive(keep)
}
