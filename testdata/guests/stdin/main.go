// Command stdin reads standard input to EOF and prints the byte count; the
// VM answers read(0) with EOF, qemu is given an empty stdin.
package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Println("read error:", err)
		os.Exit(1)
	}
	fmt.Printf("stdin: %d bytes sha256=%x\n", len(b), sha256.Sum256(b))
}
