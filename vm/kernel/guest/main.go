// Command aivm-kernel is the AIVM kernel guest: the MIPS program that
// re-executes one graph node inside the fraud-proof VM (docs/protocol.md
// section 2). It is the program of phase V of the dispute game.
//
// Invocation (fixed, part of the kernel's absolute pre-state):
//
//	argv = ["aivm-kernel", "0x<model root, 64 hex digits>"], env empty
//
// It reads three local preimages (type 1 keys): S_{k-1} (ident 1), the
// claimed S_k (ident 2) and k as a u32be (ident 3); fetches node k's
// description and input tensors as keccak preimages (type 2 keys) under
// S_{k-1}; runs node k with graph.RunNode (the op code the native executor
// uses); commits the output, derives S_k and exits. Embedding and kv_write
// stream their large input instead: they fetch only the chunks of the one
// row they read or write (sparse.go, docs/kernel.md "Guest limits").
//
//	0  the claimed S_k is correct
//	1  the claimed S_k is wrong
//	2  invalid request: k outside 1..n, S_{k-1} not under the argv model
//	   root, malformed preimage contents, a node that cannot run
//
// On exit 0 and 1 it prints one line to stdout, read by the host (see
// vm/kernel.ParseReport):
//
//	aivm-kernel k=<k> op=<op> out=0x<output commitment> sk=0x<derived S_k> valid=<true|false>
//
// Build (reproducible; the manifest pins the toolchain):
//
//	GOOS=linux GOARCH=mips GOMIPS=softfloat CGO_ENABLED=0 \
//	  go build -trimpath -buildvcs=false -ldflags=-buildid= ./vm/kernel/guest
package main

import (
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/aivm-dev/aivm/models/merkle"
)

// Exit codes (docs/protocol.md 2.4). They become the final VM status:
// 0 VALID, 1 INVALID, 2 PANIC.
const (
	exitValid      = 0
	exitInvalid    = 1
	exitBadRequest = 2
)

func main() {
	// WHY: the guest is short-lived and its heap is a few MB at most, so a
	// collection only burns steps (and interleaves GC worker threads into
	// the trace). The VM address space has room for everything it allocates.
	debug.SetGCPercent(-1)
	os.Exit(run(os.Args, sysStream{}, os.Stdout, os.Stderr))
}

// run is the whole program behind main, parameterised by the oracle stream
// and the output writers so native tests can run it on a map of preimages.
func run(args []string, s stream, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		io.WriteString(stderr, "aivm-kernel: usage: aivm-kernel 0x<model root>\n")
		return exitBadRequest
	}
	root, ok := parseRoot(args[1])
	if !ok {
		io.WriteString(stderr, "aivm-kernel: argv[1] is not a 0x-prefixed 32-byte hex model root\n")
		return exitBadRequest
	}
	v, err := newChecker(s).check(root)
	if err != nil {
		io.WriteString(stderr, "aivm-kernel: invalid request: "+err.Error()+"\n")
		return exitBadRequest
	}
	io.WriteString(stdout, v.report())
	if v.valid {
		return exitValid
	}
	return exitInvalid
}

// parseRoot decodes "0x" + 64 hex digits.
func parseRoot(s string) (r merkle.Hash, ok bool) {
	if len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return r, false
	}
	if _, err := hex.Decode(r[:], []byte(s[2:])); err != nil {
		return r, false
	}
	return r, true
}

// report is the stdout line (format in the package comment).
func (v *verdict) report() string {
	return "aivm-kernel k=" + strconv.Itoa(v.k) + " op=" + v.op.String() +
		" out=0x" + hex.EncodeToString(v.out[:]) + " sk=0x" + hex.EncodeToString(v.expected[:]) +
		" valid=" + strconv.FormatBool(v.valid) + "\n"
}
