// Command args prints what the kernel hands the process at exec time:
// argv, a few environment variables and auxv-derived values. argv[0] is
// printed as a base name only since the ELF lives in a cache directory.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fmt.Println("argc:", len(os.Args))
	fmt.Println("argv0 base:", filepath.Base(os.Args[0]))
	for i, a := range os.Args[1:] {
		fmt.Printf("argv[%d] = %q\n", i+1, a)
	}
	for _, k := range []string{"AIVM_MODE", "AIVM_EMPTY", "AIVM_UNSET"} {
		v, ok := os.LookupEnv(k)
		fmt.Printf("env %s = %q (set=%v)\n", k, v, ok)
	}
	n := 0
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "AIVM_") {
			n++
		}
	}
	fmt.Println("AIVM_ env vars:", n)
	fmt.Println("pagesize:", os.Getpagesize())
	fmt.Println("uid>=0:", os.Getuid() >= 0)
}
