// Command nilderef recovers from a nil pointer dereference. Go implements
// nil checks by touching page 0 and turning the resulting SIGSEGV into a
// panic (runtime.sigpanic), so this guest only passes on an emulator that
// delivers synchronous signals with a Linux-compatible signal frame. It is
// kept separate from the panic guest so the core corpus needs no signals.
package main

import "fmt"

type big struct{ x [1 << 20]byte }

var p *big

func main() {
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(p.x[1<<19]) // explicit nil check loads from address 0
	}()
	fmt.Println("after recover")
}
