package graph

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/stretchr/testify/require"
)

func i8(t testing.TB, r *rand.Rand, shape ...int) *tensor.Tensor {
	x, err := tensor.New(tensor.I8, shape...)
	require.NoError(t, err)
	for i := range x.I8 {
		x.I8[i] = int8(r.IntN(256) - 128)
	}
	return x
}

func i32(t testing.TB, vals []int32, shape ...int) *tensor.Tensor {
	x, err := tensor.FromI32(vals, shape...)
	require.NoError(t, err)
	return x
}

// testModel is a two-layer MLP with a side branch so the graph has
// independent nodes (exercising the level scheduler).
func testModel(t testing.TB) *Model {
	r := rand.New(rand.NewPCG(11, 12))
	k, h, o := 40, 24, 5
	w1, w2, w3 := i8(t, r, h, k), i8(t, r, o, h), i8(t, r, o, h)
	b1, b2 := make([]int32, h), make([]int32, o)
	for i := range b1 {
		b1[i] = int32(r.IntN(1000) - 500)
	}
	rq1 := i32(t, []int32{1 << 30, 39}, 1, 2)
	g := &Graph{
		Name:   "test-mlp",
		Inputs: []Named{{"x", tensor.Spec{DType: tensor.U8, Shape: []int{k}}}},
		Weights: []Named{
			{"w1", tensor.Spec{DType: tensor.I8, Shape: []int{h, k}}}, {"b1", tensor.Spec{DType: tensor.I32, Shape: []int{h}}},
			{"rq1", tensor.Spec{DType: tensor.I32, Shape: []int{1, 2}}},
			{"w2", tensor.Spec{DType: tensor.I8, Shape: []int{o, h}}}, {"b2", tensor.Spec{DType: tensor.I32, Shape: []int{o}}},
			{"w3", tensor.Spec{DType: tensor.I8, Shape: []int{o, h}}},
		},
		Nodes: []Node{
			{Op: OpRequant, Name: "in", Inputs: []Ref{S(0)}, Attrs: []int64{int64(tensor.I8), 1 << 30, 31, 0}},
			{Op: OpFC, Name: "fc1", Inputs: []Ref{S(1), W(0), W(1), W(2)}, Attrs: []int64{1}},
			{Op: OpMatMulAcc, Name: "fc2", Inputs: []Ref{S(2), W(3), W(4)}},
			{Op: OpMatMulAcc, Name: "side", Inputs: []Ref{S(2), W(5), W(4)}},
			{Op: OpArgmax, Name: "argmax", Inputs: []Ref{S(3)}},
		},
		Outputs: []Ref{S(3), S(5)},
	}
	return &Model{Graph: g, Weights: []*tensor.Tensor{w1, i32(t, b1, h), rq1, w2, i32(t, b2, o), w3}}
}

func testInput(t testing.TB, seed uint64) *tensor.Tensor {
	r := rand.New(rand.NewPCG(seed, 1))
	x, err := tensor.New(tensor.U8, 40)
	require.NoError(t, err)
	for i := range x.U8 {
		x.U8[i] = uint8(r.IntN(256))
	}
	return x
}

func TestRunAndTrace(t *testing.T) {
	m := testModel(t)
	e, err := NewExecutor(m)
	require.NoError(t, err)
	x := testInput(t, 1)
	tr, err := e.Run([]*tensor.Tensor{x}, Options{})
	require.NoError(t, err)
	require.Len(t, tr.States, 6)
	require.Len(t, tr.SlotCommits, 6)
	// S_0 has only the input; S_n every slot.
	slots := make([]merkle.Hash, 6)
	slots[0] = x.MustCommit()
	require.Equal(t, StateHash(e.Root, merkle.Root(slots)), tr.States[0])
	require.Equal(t, StateHash(e.Root, merkle.Root(tr.SlotCommits)), tr.States[5])
	for k := 1; k <= 5; k++ {
		require.Equal(t, tr.Values[k].MustCommit(), tr.NodeCommit(k))
	}
	// Re-running any single node from the recorded inputs reproduces it.
	for k := 1; k <= 5; k++ {
		n := &m.Graph.Nodes[k-1]
		var in []*tensor.Tensor
		for _, r := range n.Inputs {
			if r.IsWeight() {
				in = append(in, m.Weights[r.Index()])
			} else {
				in = append(in, tr.Values[r.Index()])
			}
		}
		out, err := RunNode(n, in)
		require.NoError(t, err)
		require.True(t, tensor.Equal(out, tr.Values[k]))
	}
	require.Equal(t, merkle.Root([]merkle.Hash{tr.NodeCommit(3), tr.NodeCommit(5)}), tr.OutputCommit)
	par, err := e.Run([]*tensor.Tensor{x}, Options{Workers: 4, MinParallelWork: 1})
	require.NoError(t, err)
	require.Equal(t, tr.States, par.States)
	require.Equal(t, tr.SlotCommits, par.SlotCommits)
	other, err := e.Run([]*tensor.Tensor{testInput(t, 2)}, Options{})
	require.NoError(t, err)
	require.NotEqual(t, tr.States[0], other.States[0])
}

func TestFileRoundTrip(t *testing.T) {
	m := testModel(t)
	b, err := m.Encode()
	require.NoError(t, err)
	m2, err := Decode(b)
	require.NoError(t, err)
	r1, err := m.Root()
	require.NoError(t, err)
	r2, err := m2.Root()
	require.NoError(t, err)
	require.Equal(t, r1, r2)
	require.Equal(t, r1[:], b[len(b)-32:])
	b2, err := m2.Encode()
	require.NoError(t, err)
	require.Equal(t, b, b2)
}

func TestFileCorruption(t *testing.T) {
	b, err := testModel(t).Encode()
	require.NoError(t, err)
	// Every truncation and every single-byte change is rejected, never a panic.
	for i := 0; i < len(b); i++ {
		_, err := Decode(b[:i])
		require.Error(t, err, "truncated at %d", i)
		c := bytes.Clone(b)
		c[i] ^= 0x41
		_, err = Decode(c)
		require.Error(t, err, "byte %d flipped", i)
	}
	_, err = Decode(append(bytes.Clone(b), 0))
	require.ErrorIs(t, err, ErrFormat)
	c := bytes.Clone(b)
	c[0] = 'X'
	_, err = Decode(c)
	require.ErrorContains(t, err, "magic")
	c = bytes.Clone(b)
	c[8] = 2
	_, err = Decode(c)
	require.ErrorContains(t, err, "version")
	c = bytes.Clone(b)
	c[len(c)-1] ^= 1
	_, err = Decode(c)
	require.ErrorIs(t, err, ErrMismatch)
	// A weight byte flip re-hashes to a different root: hash mismatch.
	c = bytes.Clone(b)
	c[len(c)-40] ^= 1
	_, err = Decode(c)
	require.ErrorIs(t, err, ErrMismatch)
}

func TestInvalidGraphs(t *testing.T) {
	mod := func(f func(m *Model)) error {
		m := testModel(t)
		f(m)
		_, err := NewExecutor(m)
		return err
	}
	require.NoError(t, mod(func(*Model) {}))
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Nodes[1].Inputs[0] = S(3) }), ErrGraph) // forward ref
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Nodes[1].Inputs[1] = W(9) }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Nodes[1].Inputs[1] = W(3) }), ErrGraph) // wrong shape
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Nodes[1].Attrs = []int64{2} }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Nodes[0].Attrs[2] = 63 }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Nodes[0].Op = 99 }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Outputs = nil }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Weights = m.Weights[:2] }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Weights[0] = m.Weights[3] }), ErrGraph)
	require.ErrorIs(t, mod(func(m *Model) { m.Graph.Weights[0].Spec.Shape = []int{3, 3} }), ErrGraph)
}

func TestBadInputs(t *testing.T) {
	e, err := NewExecutor(testModel(t))
	require.NoError(t, err)
	_, err = e.Run(nil, Options{})
	require.ErrorIs(t, err, ErrInput)
	wrongShape, _ := tensor.New(tensor.U8, 41)
	_, err = e.Run([]*tensor.Tensor{wrongShape}, Options{})
	require.ErrorIs(t, err, ErrInput)
	wrongType, _ := tensor.New(tensor.I8, 40)
	_, err = e.Run([]*tensor.Tensor{wrongType}, Options{})
	require.ErrorIs(t, err, ErrInput)
	broken := &tensor.Tensor{DType: tensor.U8, Shape: []int{40}, U8: make([]uint8, 3)}
	_, err = e.Run([]*tensor.Tensor{broken}, Options{})
	require.ErrorIs(t, err, ErrInput)
	// RunNode rejects mismatched inputs and out-of-range values.
	n := &Node{Op: OpEmbed, Inputs: []Ref{W(0), S(0)}}
	tab := i8(t, rand.New(rand.NewPCG(1, 1)), 4, 3)
	_, err = RunNode(n, []*tensor.Tensor{tab, i32(t, []int32{4}, 1)})
	require.Error(t, err)
	_, err = RunNode(n, []*tensor.Tensor{tab})
	require.Error(t, err)
	_, err = RunNode(n, []*tensor.Tensor{tab, nil})
	require.Error(t, err)
	out, err := RunNode(n, []*tensor.Tensor{tab, i32(t, []int32{3}, 1)})
	require.NoError(t, err)
	require.Equal(t, tab.I8[9:], out.I8)
	fc := &Node{Op: OpFC, Inputs: []Ref{S(0), W(0), W(1), W(2)}, Attrs: []int64{0}}
	_, err = RunNode(fc, []*tensor.Tensor{i8(t, rand.New(rand.NewPCG(1, 1)), 3), tab, i32(t, []int32{1 << 30, 0, 0, 0}, 4), i32(t, []int32{1, 0}, 1, 2)})
	require.Error(t, err) // bias beyond the overflow bound
	_, err = RunNode(fc, []*tensor.Tensor{i8(t, rand.New(rand.NewPCG(1, 1)), 3), tab, i32(t, []int32{0, 0, 0, 0}, 4), i32(t, []int32{1, 70}, 1, 2)})
	require.Error(t, err) // shift beyond 62
}

func TestNodeProof(t *testing.T) {
	g := testModel(t).Graph
	gh, err := g.Hash()
	require.NoError(t, err)
	for k := 1; k <= len(g.Nodes); k++ {
		desc, path, hh, err := g.NodeProof(k)
		require.NoError(t, err)
		require.Less(t, len(desc), 4096)
		n, err := VerifyNode(gh, hh, k, desc, path)
		require.NoError(t, err)
		require.Equal(t, g.Nodes[k-1], n)
		_, err = VerifyNode(gh, hh, k%len(g.Nodes)+1, desc, path)
		require.ErrorIs(t, err, ErrMismatch)
	}
	_, _, _, err = g.NodeProof(0)
	require.Error(t, err)
}

func FuzzDecodeModel(f *testing.F) {
	b, err := testModel(f).Encode()
	require.NoError(f, err)
	f.Add(b)
	f.Add(b[:100])
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		if _, err := NewExecutor(m); err != nil {
			t.Fatalf("decoded model does not validate: %v", err)
		}
	})
}

func FuzzDecodeNode(f *testing.F) {
	for _, n := range testModel(f).Graph.Nodes {
		b, _ := n.Encode()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := DecodeNode(data)
		if err != nil {
			return
		}
		b, err := n.Encode()
		if err != nil || !bytes.Equal(b, data) {
			t.Fatalf("node encoding is not canonical")
		}
		// Running a fuzzed node on junk must not panic.
		_, _ = RunNode(&n, []*tensor.Tensor{{DType: tensor.I8, Shape: []int{4}, I8: make([]int8, 4)}})
	})
}
