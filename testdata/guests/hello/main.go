// Command hello is the minimal guest: one write syscall and a clean exit.
// It is the first program a new VM should be able to run end to end.
package main

import "fmt"

func main() {
	fmt.Println("hello, aivm")
}
