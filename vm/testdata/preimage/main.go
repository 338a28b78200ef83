// Command preimage reads a preimage through the VM oracle ABI (spec 1.9):
// it writes the 32-byte key given in hex as argv[1] to fd 6, then reads the
// 8-byte length and the data from fd 5, and prints the length and sha256.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

func main() {
	key, err := hex.DecodeString(os.Args[1])
	if err != nil || len(key) != 32 {
		fmt.Fprintln(os.Stderr, "usage: preimage KEYHEX")
		os.Exit(2)
	}
	hint := os.NewFile(6, "preimage-key")
	data := os.NewFile(5, "preimage-data")
	if _, err := hint.Write(key); err != nil {
		fmt.Fprintln(os.Stderr, "write key:", err)
		os.Exit(1)
	}
	var lenBuf [8]byte
	if _, err := io.ReadFull(data, lenBuf[:]); err != nil {
		fmt.Fprintln(os.Stderr, "read length:", err)
		os.Exit(1)
	}
	n := binary.BigEndian.Uint64(lenBuf[:])
	buf := make([]byte, n)
	if _, err := io.ReadFull(data, buf); err != nil {
		fmt.Fprintln(os.Stderr, "read data:", err)
		os.Exit(1)
	}
	// The stream ends after the data.
	if m, _ := data.Read(lenBuf[:1]); m != 0 {
		fmt.Fprintln(os.Stderr, "stream longer than announced")
		os.Exit(1)
	}
	fmt.Printf("len=%d sha256=%x\n", n, sha256.Sum256(buf))
}
