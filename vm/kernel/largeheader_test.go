package kernel_test

import (
	"cmp"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/ethereum/go-ethereum/params"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// oldOracleLimit is PreimageOracle.MAX_PREIMAGE_SIZE before issue 11: the
// large-header model must not fit it, or the test proves nothing new.
const oldOracleLimit = 32768

// llamaName is a weight name as long as a real LLaMA checkpoint's
// ("model.layers.12.self_attn.q_proj.weight" and longer), so the header
// grows per tensor as it would for a real model.
func llamaName(i int) string {
	return fmt.Sprintf("model.layers.%d.mlp.gate_proj.activation_lut.weight", i)
}

// lutModel is a chain of `nodes` lut8 nodes over one i8 [16] input; node j
// applies table j (weight j). There are `weights` tables, named by name, so
// the graph header has one entry per table; tables beyond the node count
// are declared but unused, which only makes the header longer. It returns
// the model and an input.
func lutModel(t *testing.T, weights, nodes int, name func(int) string) (*graph.Model, []*tensor.Tensor) {
	t.Helper()
	require.LessOrEqual(t, nodes, weights)
	g := &graph.Graph{
		Name:   "many-tensors",
		Inputs: []graph.Named{{Name: "x", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{16}}}},
	}
	m := &graph.Model{Graph: g}
	for j := range weights {
		tab := make([]int8, 256)
		for i := range tab {
			tab[i] = int8(i*(2*j+1) + j) // a different permutation-like table per weight
		}
		w, err := tensor.FromI8(tab, 256)
		require.NoError(t, err)
		g.Weights = append(g.Weights, graph.Named{Name: name(j), Spec: tensor.Spec{DType: tensor.I8, Shape: []int{256}}})
		m.Weights = append(m.Weights, w)
	}
	for j := range nodes {
		g.Nodes = append(g.Nodes, graph.Node{Op: graph.OpLUT, Name: "lut" + strconv.Itoa(j), Inputs: []graph.Ref{graph.S(j), graph.W(j)}})
	}
	g.Outputs = []graph.Ref{graph.S(nodes)}
	require.NoError(t, m.Validate())
	x := make([]int8, 16)
	for i := range x {
		x[i] = int8(7*i - 50)
	}
	in, err := tensor.FromI8(x, 16)
	require.NoError(t, err)
	return m, []*tensor.Tensor{in}
}

// txGas is the gas of a whole transaction with calldata input that used
// execGas in the EVM, with the EIP-7623 calldata floor (Prague and later):
// 21,000 + max(execGas + 4/16 gas per zero/non-zero byte, 10 gas per token,
// a non-zero byte being 4 tokens). evm.TxGas leaves the floor out, but it is
// what a large preimage load pays.
func txGas(input []byte, execGas uint64) uint64 {
	var zero, nonZero uint64
	for _, b := range input {
		if b == 0 {
			zero++
		} else {
			nonZero++
		}
	}
	standard := execGas + zero*params.TxDataZeroGas + nonZero*params.TxDataNonZeroGasEIP2028
	floor := params.TxCostFloorPerToken * (zero + params.TxTokenPerNonZeroByte*nonZero)
	return params.TxGas + max(standard, floor)
}

// loadGas measures loadKeccak256PreimagePart(offset, preimage) as the first
// load of that key into a freshly deployed PreimageOracle (the committed
// bytecode, as evm.Harness deploys it), with the transaction gas limited to
// the EIP-7825 cap. WHY a private EVM: evm.Harness does not report the gas
// of loads; a fresh deployment stores into the same cold slots as the first
// load there does, so the figure is the same.
func loadGas(t *testing.T, offset uint64, preimage []byte) (execGas, totalGas uint64) {
	t.Helper()
	cfg := &runtime.Config{GasLimit: params.MaxTxGas}
	_, addr, _, err := runtime.Create(common.FromHex(bindings.PreimageOracleMetaData.Bin), cfg)
	require.NoError(t, err)
	input := bindings.NewPreimageOracle().PackLoadKeccak256PreimagePart(new(big.Int).SetUint64(offset), preimage)
	_, left, err := runtime.Call(addr, input, cfg)
	require.NoError(t, err, "load of %d bytes", len(preimage))
	execGas = params.MaxTxGas - left
	return execGas, txGas(input, execGas)
}

// TestLargeHeaderModelProvable: a model with 1,024 weight tensors with
// LLaMA-length names has a graph header over the old 32 KiB oracle limit.
// Its kernel reads that header in phase V; the steps that read it (the
// length prefix, a part past 32 KiB, the last part) are proven with
// MIPS.step on chain after the part is loaded into the real PreimageOracle,
// and the chain's post-state equals the Go VM's.
func TestLargeHeaderModelProvable(t *testing.T) {
	const weights = 1024
	m, in := lutModel(t, weights, weights, llamaName)
	hdr, err := m.Graph.EncodeHeader()
	require.NoError(t, err)
	require.Greater(t, len(hdr), oldOracleLimit, "the header must not fit the old oracle limit")
	require.LessOrEqual(t, len(hdr), vm.MaxPreimageSize)
	require.NoError(t, kernel.CheckPreimageSizes(m))
	t.Logf("%d weight tensors: graph header %d bytes", weights, len(hdr))

	s, err := kernel.NewSession(t.Context(), m, in, nil)
	require.NoError(t, err)
	const k = 700
	st, o, info, err := s.Prepare(k, nil)
	require.NoError(t, err)

	// A plain run finds the steps that read the header's stream and the
	// stream offset each starts at (the state's offset is updated after the
	// observer runs).
	hk := vm.KeccakKey(hdr)
	type read struct {
		step uint64
		off  uint32
	}
	var reads []read
	var streamBytes uint64
	r := mips.NewVM(st.Copy(), o, nil, nil)
	r.OnSyscall(func(e mips.SyscallEvent) {
		if e.Num == mips.SysRead && e.A0 == mips.FdPreimageRead && r.State().PreimageKey == hk {
			reads = append(reads, read{e.Step, r.State().PreimageOffset})
			streamBytes += uint64(e.V0Out)
		}
	})
	require.NoError(t, r.Run(t.Context(), kernel.DefaultMaxSteps))
	require.True(t, r.State().Exited)
	require.Equal(t, uint8(kernel.ExitValid), r.State().ExitCode, "node %d (%s) must be judged VALID", k, info.Op)
	require.Equal(t, uint64(8+len(hdr)), streamBytes, "the guest reads the header's whole stream once")

	// The first read (the length prefix), the first read past the old
	// limit, one in between and the last.
	steps := []read{reads[0], reads[len(reads)/3], reads[len(reads)-1]}
	for _, rd := range reads {
		if rd.off >= oldOracleLimit+8 {
			steps = append(steps, rd)
			break
		}
	}
	require.Len(t, steps, 4, "some read lies past the old limit")
	slices.SortFunc(steps, func(a, b read) int { return cmp.Compare(a.step, b.step) })

	tr, err := vm.NewTrace(t.Context(), st, o, vm.TraceOptions{SnapshotEvery: 1 << 18})
	require.NoError(t, err)
	h, err := evm.New()
	require.NoError(t, err)
	localContext := [32]byte{31: 11}
	for _, rd := range steps {
		w, err := tr.Witness(rd.step)
		require.NoError(t, err)
		want, err := tr.StateHash(rd.step + 1)
		require.NoError(t, err)
		p, ok := kernel.StepPart(w)
		require.True(t, ok, "step %d reads the oracle", rd.step)
		require.False(t, p.Local)
		require.Equal(t, hk, p.Key, "step %d reads the graph header", rd.step)
		require.Equal(t, hdr, p.Data)
		require.Equal(t, uint64(rd.off), p.Offset)

		// Unloaded, the step cannot be executed; loaded, it is.
		_, _, err = h.Step(w.State, w.Proof, localContext)
		require.Equal(t, "PreimagePartNotLoaded", evm.RevertName(err), "step %d before the load: %v", rd.step, err)
		require.NoError(t, h.LoadKeccakPart(p.Offset, p.Data))
		dat, n, err := h.ReadPreimage(p.Key, p.Offset)
		require.NoError(t, err)
		stream := append(append(make([]byte, 8, 8+len(hdr)+32), hdr...), make([]byte, 32)...)
		stream[4], stream[5], stream[6], stream[7] = byte(len(hdr)>>24), byte(len(hdr)>>16), byte(len(hdr)>>8), byte(len(hdr))
		require.Equal(t, stream[p.Offset:p.Offset+32], dat[:])
		require.Equal(t, min(uint64(32), uint64(8+len(hdr))-p.Offset), n)

		post, stepGas, err := h.Step(w.State, w.Proof, localContext)
		require.NoError(t, err, "step %d", rd.step)
		require.Equal(t, want, post, "step %d: MIPS.step and the Go VM disagree", rd.step)

		loadExec, loadTx := loadGas(t, p.Offset, p.Data)
		require.LessOrEqual(t, loadTx, params.MaxTxGas, "the load fits one transaction under EIP-7825")
		stepTx := txGas(h.PackStep(w.State, w.Proof, localContext), stepGas)
		t.Logf("step %d (stream offset %d): load %d-byte header: exec %d gas, tx %d gas (EIP-7623 floor); MIPS.step exec %d gas, tx %d gas",
			rd.step, p.Offset, len(hdr), loadExec, loadTx, stepGas, stepTx)
	}
}

// TestMaxPreimageSizeOnChain ties vm.MaxPreimageSize to the deployed
// PreimageOracle: a preimage of exactly that size loads and its last part
// reads back; one byte more reverts PreimageTooLarge naming the same limit.
// The largest load fits the EIP-7825 per-transaction cap.
func TestMaxPreimageSizeOnChain(t *testing.T) {
	h, err := evm.New()
	require.NoError(t, err)
	full := make([]byte, vm.MaxPreimageSize)
	for i := range full {
		full[i] = byte(i%251 + 1) // non-zero: the most expensive calldata
	}
	last := uint64(len(full) + 8 - 1)
	require.NoError(t, h.LoadKeccakPart(last, full))
	dat, n, err := h.ReadPreimage(vm.KeccakKey(full), last)
	require.NoError(t, err)
	require.Equal(t, uint64(1), n)
	require.Equal(t, full[len(full)-1], dat[0])

	err = h.LoadKeccakPart(0, append(full, 1))
	require.Equal(t, "PreimageTooLarge", evm.RevertName(err), "%v", err)
	var re *evm.RevertError
	require.ErrorAs(t, err, &re)
	require.Len(t, re.Args, 2)
	require.Equal(t, fmt.Sprint(vm.MaxPreimageSize+1), fmt.Sprint(re.Args[0]))
	require.Equal(t, fmt.Sprint(vm.MaxPreimageSize), fmt.Sprint(re.Args[1]), "vm.MaxPreimageSize mirrors MAX_PREIMAGE_SIZE")

	exec, tx := loadGas(t, 0, full)
	require.LessOrEqual(t, tx, params.MaxTxGas)
	t.Logf("load of a %d-byte preimage: exec %d gas, tx %d gas (EIP-7623 floor), cap %d", len(full), exec, tx, params.MaxTxGas)
}

// TestBuildRefusesUnprovableModel: kernel build refuses, before compiling
// anything, a model whose graph header is over the oracle limit, naming
// the size and the limit; a model whose header is exactly at the limit
// passes the check and one byte more fails it.
func TestBuildRefusesUnprovableModel(t *testing.T) {
	// 2,400 tensors with LLaMA-length names (only the first feeds a node)
	// make a header over 128 KiB.
	m, in := lutModel(t, 2400, 1, llamaName)
	hdr, err := m.Graph.EncodeHeader()
	require.NoError(t, err)
	require.Greater(t, len(hdr), vm.MaxPreimageSize)
	enc, err := m.Encode()
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "big.aivm")
	require.NoError(t, os.WriteFile(file, enc, 0o644))

	out := filepath.Join(t.TempDir(), "k")
	_, err = kernel.Build(t.Context(), kernel.BuildOptions{Model: file, OutDir: out, RepoRoot: repoRoot(t), Logger: quiet})
	require.ErrorIs(t, err, kernel.ErrUnprovable)
	require.ErrorContains(t, err, fmt.Sprintf("graph header of model %q", m.Graph.Name))
	require.ErrorContains(t, err, fmt.Sprintf("is %d bytes, over the limit of %d bytes", len(hdr), vm.MaxPreimageSize))
	t.Logf("%d tensors, header %d bytes: %v", len(m.Graph.Weights), len(hdr), err)
	require.NoFileExists(t, filepath.Join(out, kernel.ManifestFile))
	require.NoFileExists(t, filepath.Join(out, kernel.ELFFile))

	// The host provider refuses to serve it too: a VM run of this model
	// stops at the header with ErrUnprovable instead of computing a trace
	// that the chain could not reproduce.
	s, err := kernel.NewSession(t.Context(), m, in, nil)
	require.NoError(t, err)
	st, o, _, err := s.Prepare(1, nil)
	require.NoError(t, err)
	_, err = kernel.Run(t.Context(), st, o, 0)
	require.ErrorIs(t, err, kernel.ErrUnprovable)

	// The boundary: a header of exactly vm.MaxPreimageSize bytes is fine.
	for _, size := range []int{vm.MaxPreimageSize, vm.MaxPreimageSize + 1} {
		g := headerOfSize(t, size)
		err := kernel.CheckPreimageSizes(&graph.Model{Graph: g})
		if size <= vm.MaxPreimageSize {
			require.NoError(t, err, "header of %d bytes", size)
		} else {
			require.ErrorIs(t, err, kernel.ErrUnprovable, "header of %d bytes", size)
		}
	}
}

// headerOfSize returns a graph whose encoded header is exactly size bytes:
// weights with 200-byte names (207 header bytes each) while more than one
// such entry and a minimal one (7 bytes) still fit, then one weight whose
// name fills the rest (0..206 bytes, within the 255-byte name limit).
func headerOfSize(t *testing.T, size int) *graph.Graph {
	t.Helper()
	g := &graph.Graph{
		Name:    "exact",
		Inputs:  []graph.Named{{Name: "x", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{16}}}},
		Outputs: []graph.Ref{graph.S(0)},
	}
	headerLen := func() int {
		b, err := g.EncodeHeader()
		require.NoError(t, err)
		return len(b)
	}
	spec := tensor.Spec{DType: tensor.I8, Shape: []int{256}} // 6 bytes encoded
	const entry = 1 + 200 + 6
	for size-headerLen() >= entry+7 {
		g.Weights = append(g.Weights, graph.Named{Name: strings.Repeat("w", 200), Spec: spec})
	}
	gap := size - headerLen()
	require.GreaterOrEqual(t, gap, 7)
	g.Weights = append(g.Weights, graph.Named{Name: strings.Repeat("v", gap-7), Spec: spec})
	require.Equal(t, size, headerLen())
	return g
}
