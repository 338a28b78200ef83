package kernel_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/stretchr/testify/require"
)

// heapProbe is a guest that allocates like the kernel (collector off,
// nothing freed): "pieces N" allocates N MiB at a time until it dies and
// prints the running total and address after each; "one N" makes a single
// N MiB allocation.
const heapProbe = `package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"unsafe"
)

var keep [][]byte

func main() {
	debug.SetGCPercent(-1)
	n, _ := strconv.Atoi(os.Args[2])
	for total := n; ; total += n {
		b := make([]byte, n<<20)
		b[0], b[len(b)-1] = 1, 1
		keep = append(keep, b)
		os.Stdout.WriteString(strconv.Itoa(total) + " " + strconv.FormatUint(uint64(uintptr(unsafe.Pointer(&b[0]))), 10) + "\n")
		if os.Args[1] == "one" {
			return
		}
	}
}
`

// buildProbe cross-compiles heapProbe the way the kernel guest is built.
func buildProbe(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module probe\n\ngo 1.26\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(heapProbe), 0o644))
	cmd := exec.Command("go", append(append([]string{"build"}, kernel.GuestBuildFlags...), "-o", "probe", ".")...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), kernel.GuestBuildEnv...), "GOFLAGS=", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	elf, err := os.ReadFile(filepath.Join(dir, "probe"))
	require.NoError(t, err)
	return elf
}

// probe runs the heap probe in the VM and returns its exit code and the
// last allocation it reported (total MiB, address).
func probe(t *testing.T, elf []byte, mode string, mib int) (exit uint8, total int, addr uint64) {
	t.Helper()
	st, err := vm.LoadELF(elf, []string{"probe", mode, strconv.Itoa(mib)}, nil)
	require.NoError(t, err)
	var stdout bytes.Buffer
	require.NoError(t, mips.NewVM(st, nil, &stdout, nil).Run(t.Context(), 500_000_000))
	require.True(t, st.Exited)
	lines := strings.Fields(stdout.String())
	if len(lines) >= 2 {
		total, _ = strconv.Atoi(lines[len(lines)-2])
		addr, _ = strconv.ParseUint(lines[len(lines)-1], 10, 64)
	}
	return st.ExitCode, total, addr
}

// TestGuestHeapLimit measures how much a guest built like the kernel can
// allocate in the VM (the figures in limits.go and docs/kernel.md): the
// heap grows from above the binary up to mips.InitialHeap, where mmap(0)
// memory (the runtime's own metadata) begins; the allocation that would
// cross it faults the guest (exit 255). MaxWorkingSet must fit as a single
// allocation, the worst placement.
func TestGuestHeapLimit(t *testing.T) {
	elf := buildProbe(t)

	code, total, addr := probe(t, elf, "pieces", 1)
	require.Equal(t, uint8(mips.FaultExitCode), code, "the heap runs into the mmap region and faults")
	t.Logf("1 MiB pieces: %d MiB allocated, the last at %#x", total, addr)
	require.GreaterOrEqual(t, total, 1500)
	require.LessOrEqual(t, addr+1<<20, uint64(mips.InitialHeap), "the heap stays below the mmap region")

	code, total, _ = probe(t, elf, "pieces", 64)
	require.Equal(t, uint8(mips.FaultExitCode), code)
	t.Logf("64 MiB pieces: %d MiB allocated", total)

	code, _, addr = probe(t, elf, "one", 1016)
	require.Equal(t, uint8(0), code, "one 1016 MiB allocation fits")
	t.Logf("one 1016 MiB allocation at %#x", addr)
	require.Equal(t, uint64(mips.InitialHeap), addr+1016<<20, "it ends exactly at the mmap region")
	code, _, _ = probe(t, elf, "one", 1020)
	require.Equal(t, uint8(mips.FaultExitCode), code, "one 1020 MiB allocation does not")

	code, _, _ = probe(t, elf, "one", kernel.MaxWorkingSet>>20)
	require.Equal(t, uint8(0), code, "MaxWorkingSet fits as one allocation")
}

// TestWorkingSetCoversVM: for every node the VM tests run, NodeWorkingSet
// is at least the memory the guest really touches (pages written during
// the run, runtime and stack included).
func TestWorkingSetCoversVM(t *testing.T) {
	for _, name := range []string{"fashion-mnist", "tiny-llama", "text-llama"} {
		s := session(t, name)
		g := s.Exec.Model.Graph
		for _, k := range nodesToCheck(s, name) {
			st, o, info, err := s.Prepare(k, nil)
			require.NoError(t, err)
			before := st.Memory.PageCount()
			res, err := kernel.Run(t.Context(), st, o, 0)
			require.NoError(t, err)
			require.Equal(t, uint8(kernel.ExitValid), res.ExitCode)
			touched := int64(st.Memory.PageCount()-before) * 4096
			w, err := kernel.NodeWorkingSet(g, k)
			require.NoError(t, err)
			t.Logf("%s node %d %s: touched %d KiB, working set %d KiB (inputs %d, output %d, scratch %d, fixed %d)",
				name, k, info.Op, touched>>10, w.Total()>>10, w.Inputs>>10, w.Output>>10, w.Scratch>>10, w.Fixed>>10)
			require.LessOrEqual(t, touched, w.Total(), "%s node %d", name, k)
		}
	}
}

// reluModel is one relu node over a graph input of n i32 values: an input
// read whole plus its int32 copy and an output of the same size, with no
// weight data at all, so a test can make it as large as it likes.
func reluModel(n int) *graph.Model {
	return &graph.Model{Graph: &graph.Graph{
		Name:    "big-relu",
		Inputs:  []graph.Named{{Name: "x", Spec: tensor.Spec{DType: tensor.I32, Shape: []int{n}}}},
		Nodes:   []graph.Node{{Op: graph.OpRelu, Name: "relu", Inputs: []graph.Ref{graph.S(0)}}},
		Outputs: []graph.Ref{graph.S(1)},
	}}
}

// A node whose working set is over MaxWorkingSet is refused by name, by
// CheckWorkingSets and by Build (before anything is compiled); one under it
// passes.
func TestWorkingSetRefusesModel(t *testing.T) {
	big := reluModel(1 << 27) // 512 MiB of i32: input, copy, output, encoding
	w, err := kernel.NodeWorkingSet(big.Graph, 1)
	require.NoError(t, err)
	require.Greater(t, w.Total(), int64(kernel.MaxWorkingSet))
	err = kernel.CheckWorkingSets(big)
	require.ErrorIs(t, err, kernel.ErrWorkingSet)
	require.ErrorContains(t, err, `node 1 "relu" (relu) of model "big-relu" needs `)
	require.ErrorContains(t, err, fmt.Sprintf("over the limit of 960.0 MiB (%d bytes)", kernel.MaxWorkingSet))
	t.Log(err)

	small := reluModel(1 << 24)
	require.NoError(t, kernel.CheckWorkingSets(small))

	enc, err := big.Encode()
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "big-relu.aivm")
	require.NoError(t, os.WriteFile(file, enc, 0o644))
	_, err = kernel.Build(t.Context(), kernel.BuildOptions{Model: file, OutDir: t.TempDir(), RepoRoot: repoRoot(t), Logger: quiet})
	require.ErrorIs(t, err, kernel.ErrWorkingSet)
	require.ErrorContains(t, err, `node 1 "relu"`)
}

// TestWorkingSetLlama7B: every large node of a LLaMA-7B-shaped layer (dim
// 4096, FFN 11008, vocab 32000, KV cache 2048 rows) fits, by spec; the
// embedding table and the kv_write output, streamed, count only a row.
func TestWorkingSetLlama7B(t *testing.T) {
	const dim, ffn, vocab, seq, heads = 4096, 11008, 32000, 2048, 32
	i8 := func(shape ...int) tensor.Spec { return tensor.Spec{DType: tensor.I8, Shape: shape} }
	i32 := func(shape ...int) tensor.Spec { return tensor.Spec{DType: tensor.I32, Shape: shape} }
	g := &graph.Graph{
		Name:   "llama-7b-shapes",
		Inputs: []graph.Named{{Name: "tok", Spec: i32(1)}, {Name: "pos", Spec: i32(1)}, {Name: "kcache", Spec: i8(seq, dim)}},
		Weights: []graph.Named{
			{Name: "embed", Spec: i8(vocab, dim)}, {Name: "w1", Spec: i8(ffn, dim)}, {Name: "b1", Spec: i32(ffn)},
			{Name: "rq1", Spec: i32(ffn, 2)}, {Name: "cls", Spec: i8(vocab, dim)}, {Name: "bcls", Spec: i32(vocab)},
			{Name: "w2", Spec: i8(dim, ffn)}, {Name: "b2", Spec: i32(dim)}, {Name: "rq2", Spec: i32(dim, 2)},
		},
	}
	node := func(op graph.Op, name string, attrs []int64, in ...graph.Ref) {
		g.Nodes = append(g.Nodes, graph.Node{Op: op, Name: name, Attrs: attrs, Inputs: in})
	}
	node(graph.OpEmbed, "embed", nil, graph.W(0), graph.S(0))                                          // slot 3: i8 [dim]
	node(graph.OpKVWrite, "kv_write", nil, graph.S(2), graph.S(3), graph.S(1))                         // slot 4: i8 [seq,dim]
	node(graph.OpAttention, "attention", []int64{heads, heads, dim / heads, 1 << 20, 30, 1 << 20, 30}, // slot 5
		graph.S(3), graph.S(4), graph.S(4), graph.S(1))
	node(graph.OpFC, "w1", []int64{0}, graph.S(3), graph.W(1), graph.W(2), graph.W(3)) // slot 6: i8 [ffn]
	node(graph.OpFC, "w2", []int64{0}, graph.S(6), graph.W(6), graph.W(7), graph.W(8)) // slot 7: i8 [dim]
	node(graph.OpMatMulAcc, "logits", nil, graph.S(7), graph.W(4), graph.W(5))         // slot 8: i32 [vocab]
	node(graph.OpArgmax, "argmax", nil, graph.S(8))
	g.Outputs = []graph.Ref{graph.S(9), graph.S(8)}
	_, err := g.Validate()
	require.NoError(t, err)
	for k := 1; k <= len(g.Nodes); k++ {
		w, err := kernel.NodeWorkingSet(g, k)
		require.NoError(t, err)
		t.Logf("node %d %s: %.1f MiB (inputs %.1f, output %.1f, scratch %.1f)", k, g.Nodes[k-1].Op,
			float64(w.Total())/(1<<20), float64(w.Inputs)/(1<<20), float64(w.Output)/(1<<20), float64(w.Scratch)/(1<<20))
		require.Less(t, w.Total(), int64(kernel.MaxWorkingSet))
		if op := g.Nodes[k-1].Op; op == graph.OpEmbed || op == graph.OpKVWrite {
			require.Less(t, w.Total(), int64(32<<20), "%s streams its large input", op)
		}
	}
	require.NoError(t, kernel.CheckWorkingSets(&graph.Model{Graph: g}))
}

// TestStreamedNodesAt7BShape runs embedding over a [32000, 4096] table
// (131 MB) and kv_write on a [2048, 4096] cache (8 MB) in the VM: read
// whole, the table would cost about 70 M steps and hashing the written
// cache about 900 M; streamed, each node is a few million steps at most.
func TestStreamedNodesAt7BShape(t *testing.T) {
	if testing.Short() {
		t.Skip("a 131 MB table; skipped under -short")
	}
	const dim, vocab, seq = 4096, 32000, 2048
	fill := func(n int, seed uint32) []int8 {
		b := make([]int8, n)
		x := seed
		for i := range b {
			x = x*1664525 + 1013904223
			b[i] = int8(x >> 24)
		}
		return b
	}
	table, err := tensor.FromI8(fill(vocab*dim, 1), vocab, dim)
	require.NoError(t, err)
	g := &graph.Graph{
		Name: "llama-7b-streamed",
		Inputs: []graph.Named{{Name: "tok", Spec: tensor.Spec{DType: tensor.I32, Shape: []int{1}}},
			{Name: "pos", Spec: tensor.Spec{DType: tensor.I32, Shape: []int{1}}},
			{Name: "kcache", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{seq, dim}}}},
		Weights: []graph.Named{{Name: "embed", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{vocab, dim}}}},
		Nodes: []graph.Node{
			{Op: graph.OpEmbed, Name: "embed", Inputs: []graph.Ref{graph.W(0), graph.S(0)}},
			{Op: graph.OpKVWrite, Name: "kv_write", Inputs: []graph.Ref{graph.S(2), graph.S(3), graph.S(1)}},
		},
		Outputs: []graph.Ref{graph.S(4)},
	}
	tok, err := tensor.FromI32([]int32{vocab - 1}, 1)
	require.NoError(t, err)
	pos, err := tensor.FromI32([]int32{1000}, 1)
	require.NoError(t, err)
	cache, err := tensor.FromI8(fill(seq*dim, 2), seq, dim)
	require.NoError(t, err)
	cache.Quant = tensor.Quant{ZeroPoint: 1, ScaleMant: 3, ScaleExp: -9}
	s, err := kernel.NewSession(t.Context(), &graph.Model{Graph: g, Weights: []*tensor.Tensor{table}}, []*tensor.Tensor{tok, pos, cache}, nil)
	require.NoError(t, err)
	for k := 1; k <= 2; k++ {
		res, info := run(t, s, k, nil)
		require.Equal(t, uint8(kernel.ExitValid), res.ExitCode, "node %d: %s", k, res.Stderr)
		require.Equal(t, info.NativeCommit, res.Report.Output)
		t.Logf("node %d %s at 7B shape: %d steps", k, info.Op, res.Steps)
		require.Less(t, res.Steps, uint64(5_000_000))
	}
}

// TestWorkingSetCountsSampleScratch: the sample node's working set counts
// the 4 bytes per logit of exp2 weights ops.Sample needs beside its inputs.
func TestWorkingSetCountsSampleScratch(t *testing.T) {
	m, _, err := zoo.Resolve("text-llama")
	require.NoError(t, err)
	g := m.Graph
	slots, err := g.Validate()
	require.NoError(t, err)
	found := false
	for k := 1; k <= len(g.Nodes); k++ {
		if g.Nodes[k-1].Op != graph.OpSample {
			continue
		}
		found = true
		w, err := kernel.NodeWorkingSet(g, k)
		require.NoError(t, err)
		logits := slots[g.Nodes[k-1].Inputs[0].Index()]
		require.GreaterOrEqual(t, w.Scratch, int64(4*logits.Shape[0]), "node %d", k)
	}
	require.True(t, found, "text-llama has a sample node")
}
