// Command panic checks panic/recover and the runtime's fatal-panic path:
// recovered explicit panics and runtime errors first, then an unrecovered
// panic that must print "panic: ..." to stderr and exit with status 2.
// Every check here is an explicit branch to a runtime panic function, so
// no signal delivery is needed (nil dereference lives in the nilderef guest).
package main

import (
	"errors"
	"fmt"
	"os"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: recovered error: %v\n", name, err)
			return
		}
		fmt.Printf("%s: recovered: %v\n", name, r)
	}()
	f()
}

var zero = 0 // a variable so the compiler cannot fold the division

func main() {
	try("explicit", func() { panic("first panic") })
	try("error value", func() { panic(errors.New("an error value")) })
	try("index", func() {
		s := []int{1, 2, 3}
		i := len(os.Args) + 5
		_ = s[i]
	})
	try("nil map", func() {
		var m map[string]int
		m["x"] = 1
	})
	try("divide", func() { fmt.Println(10 / zero) })
	try("type assert", func() {
		var v any = "str"
		_ = v.(int)
	})
	fmt.Println("now panicking for real")
	os.Stdout.Sync()
	panic("final unrecovered panic")
}
