// Command tracedump runs every built-in model on a few test items and prints
// each node's output commitment and graph state, one line per node. The
// determinism tests build it for several GOARCH/GOAMD64 settings, run it
// (under qemu for foreign architectures) and require identical output.
// With -kernel it instead runs one int8 matvec, so the instructions the
// kernel costs can be counted under qemu.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/zoo"
)

func main() {
	workers := flag.Int("workers", 1, "executor goroutines")
	samples := flag.String("samples", "0,1", "comma-separated test items per model")
	names := flag.String("models", strings.Join(zoo.Names(), ","), "models to run")
	kernel := flag.Bool("kernel", false, "run one int8 matvec of -n rows by -k columns instead")
	naive := flag.Bool("naive", false, "with -kernel: use a plain Go loop (the baseline the kernel is compared with)")
	n := flag.Int("n", 64, "matvec rows")
	k := flag.Int("k", 784, "matvec columns")
	flag.Parse()
	if *kernel {
		fmt.Println(runKernel(*n, *k, *naive))
		return
	}
	if err := dump(strings.Split(*names, ","), *samples, *workers); err != nil {
		fmt.Fprintln(os.Stderr, "tracedump:", err)
		os.Exit(1)
	}
}

func dump(names []string, samples string, workers int) error {
	for _, name := range names {
		m, entry, err := zoo.Resolve(name)
		if err != nil {
			return err
		}
		e, err := graph.NewExecutor(m)
		if err != nil {
			return err
		}
		fmt.Printf("%s root %s\n", name, e.Root)
		for _, s := range strings.Split(samples, ",") {
			i, err := strconv.Atoi(s)
			if err != nil {
				return fmt.Errorf("sample %q: %w", s, err)
			}
			smp, err := entry.Sample(i)
			if err != nil {
				return err
			}
			tr, err := e.Run(smp.Inputs, graph.Options{Workers: workers, MinParallelWork: 1}) // exercise every parallel path
			if err != nil {
				return fmt.Errorf("%s sample %d: %w", name, i, err)
			}
			fmt.Printf("%s %d S0 %s\n", name, i, tr.States[0])
			for k := 1; k < len(tr.States); k++ {
				fmt.Printf("%s %d node %d %s %s\n", name, i, k, tr.NodeCommit(k), tr.States[k])
			}
			fmt.Printf("%s %d output %s\n", name, i, tr.OutputCommit)
			if err := checkAll(e, tr, name, i); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkAll re-verifies every node from preimages alone with the single-node
// kernel (the logic the VM guest runs) and prints its verdicts.
func checkAll(e *graph.Executor, tr *graph.Trace, name string, item int) error {
	o := kernel.MapOracle{}
	if err := o.AddModel(e); err != nil {
		return err
	}
	if err := o.AddTrace(tr); err != nil {
		return err
	}
	for k := 1; k < len(tr.States); k++ {
		res, err := kernel.Check(o, k, tr.States[k-1], tr.States[k])
		if err != nil {
			return fmt.Errorf("%s item %d node %d: %w", name, item, k, err)
		}
		fmt.Printf("%s %d check %d valid=%v output %s\n", name, item, k, res.Valid, res.Output)
	}
	return nil
}

// runKernel performs rows*cols multiply-adds through ops.MatVecRows and
// returns a checksum so the work cannot be optimised away.
func runKernel(rows, cols int, naive bool) int64 {
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]int8, cols)
	w := make([]int8, rows*cols)
	for i := range x {
		x[i] = int8(r.IntN(256))
	}
	for i := range w {
		w[i] = int8(r.IntN(256))
	}
	out := make([]int32, rows)
	if naive {
		naiveMatVec(out, x, w, cols)
	} else {
		ops.MatVecRows(out, x, w, nil, cols, 0, rows)
	}
	var sum int64
	for _, v := range out {
		sum += int64(v)
	}
	return sum
}

// naiveMatVec is the textbook loop, kept only as the cost baseline.
//
//go:noinline
func naiveMatVec(out []int32, x, w []int8, cols int) {
	for r := range out {
		var s int32
		for j := 0; j < cols; j++ {
			s += int32(x[j]) * int32(w[r*cols+j])
		}
		out[r] = s
	}
}
