// Command exitcode checks that os.Exit's status reaches the host (exit_group).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("exiting with status 7")
	defer fmt.Println("deferred calls do not run on os.Exit")
	os.Exit(7)
}
