// Command matvec is the speed-benchmark guest: an int8 256x256
// matrix-vector product with int32 accumulation, repeated R times
// (R = argv[1], default 1). Each round feeds its output back as the next
// input so nothing can be hoisted. It prints a checksum.
package main

import (
	"fmt"
	"os"
	"strconv"
)

const n = 256

func main() {
	rounds := 1
	if len(os.Args) > 1 {
		r, err := strconv.Atoi(os.Args[1])
		if err != nil || r < 0 {
			fmt.Fprintln(os.Stderr, "usage: matvec [rounds]")
			os.Exit(2)
		}
		rounds = r
	}

	// Deterministic weights and input from a xorshift generator.
	var w [n * n]int8
	var v [n]int8
	x := uint32(2463534242)
	next := func() int8 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int8(x)
	}
	for i := range w {
		w[i] = next()
	}
	for i := range v {
		v[i] = next()
	}

	var out [n]int32
	var check uint32
	for r := 0; r < rounds; r++ {
		for i := 0; i < n; i++ {
			var acc int32
			row := w[i*n : i*n+n]
			for j := 0; j < n; j++ {
				acc += int32(row[j]) * int32(v[j])
			}
			out[i] = acc
		}
		// Requantize: keep bits 8..15 as the next int8 input.
		for i := 0; i < n; i++ {
			v[i] = int8(out[i] >> 8)
			check = check*16777619 ^ uint32(out[i])
		}
	}
	fmt.Printf("matvec n=%d rounds=%d checksum=%08x out[0]=%d out[255]=%d\n", n, rounds, check, out[0], out[n-1])
}
