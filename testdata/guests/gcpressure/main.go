// Command gcpressure allocates a lot of short-lived garbage, forces GCs and
// checks that live data survives. It prints only facts that are independent
// of GC timing (e.g. "at least N cycles ran"), never raw MemStats numbers.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type node struct {
	left, right *node
	val         int
	pad         [6]int
}

func build(depth, val int) *node {
	if depth == 0 {
		return &node{val: val}
	}
	return &node{left: build(depth-1, 2*val), right: build(depth-1, 2*val+1), val: val}
}

func (n *node) sum() int {
	if n == nil {
		return 0
	}
	return n.val + n.left.sum() + n.right.sum()
}

func main() {
	debug.SetGCPercent(50) // collect more often than default
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	keep := build(12, 1) // long-lived tree that must survive every GC
	want := keep.sum()

	var sink []byte
	total := 0
	for i := 0; i < 2000; i++ {
		b := make([]byte, 1024+(i%64)*128)
		b[len(b)-1] = byte(i)
		total += int(b[len(b)-1])
		sink = b // only the last one stays reachable
		_ = build(4, i)
		if i%500 == 0 {
			runtime.GC()
		}
	}
	// Many small strings and maps.
	m := map[int]string{}
	for i := 0; i < 20000; i++ {
		m[i%1000] = fmt.Sprintf("value-%d", i)
	}
	runtime.GC()
	runtime.GC()

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("tree sum intact:", keep.sum() == want, want)
	fmt.Println("garbage checksum:", total, "last len:", len(sink))
	fmt.Println("map size:", len(m), "m[999] =", m[999])
	fmt.Println("at least 6 GCs:", after.NumGC-before.NumGC >= 6)
	fmt.Println("mallocs grew:", after.Mallocs > before.Mallocs+20000)
	fmt.Println("frees grew:", after.Frees > before.Frees)
	fmt.Println("heap in use below 64 MiB:", after.HeapInuse < 64<<20)
	debug.FreeOSMemory() // madvise path
	fmt.Println("done")
}
