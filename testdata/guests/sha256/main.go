// Command sha256 hashes generated data with crypto/sha256 (and sha1, md5 for
// breadth); the Go implementations on mips are pure Go, so this is a dense
// test of 32-bit ALU, shift and rotate instructions.
package main

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
)

func main() {
	data := make([]byte, 1<<20)
	x := uint32(1)
	for i := range data {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		data[i] = byte(x)
	}
	fmt.Printf("sha256(empty) = %x\n", sha256.Sum256(nil))
	fmt.Printf("sha256(abc)   = %x\n", sha256.Sum256([]byte("abc")))
	fmt.Printf("sha256(1MiB)  = %x\n", sha256.Sum256(data))
	fmt.Printf("sha224(1MiB)  = %x\n", sha256.Sum224(data))
	fmt.Printf("sha512(1MiB)  = %x\n", sha512.Sum512(data))
	fmt.Printf("sha1(1MiB)    = %x\n", sha1.Sum(data))
	fmt.Printf("md5(1MiB)     = %x\n", md5.Sum(data))

	// Streaming in odd-sized chunks must agree with the one-shot sum.
	h := sha256.New()
	for off := 0; off < len(data); {
		n := 1 + off%997
		if off+n > len(data) {
			n = len(data) - off
		}
		h.Write(data[off : off+n])
		off += n
	}
	fmt.Printf("streamed match: %v\n", fmt.Sprintf("%x", h.Sum(nil)) == fmt.Sprintf("%x", sha256.Sum256(data)))

	// Hash chain: 10000 iterations of sha256 over the previous digest.
	d := sha256.Sum256([]byte("aivm"))
	for i := 0; i < 10000; i++ {
		d = sha256.Sum256(d[:])
	}
	fmt.Printf("chain10000    = %x\n", d)
}
