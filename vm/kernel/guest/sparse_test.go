package main

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	mkernel "github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/stretchr/testify/require"
)

// oneNode is a request for node 1 of a one-node model: the oracle holding
// the model, S_0 and its slot tensors, and the request's S_0. The
// declared input specs are those of the weights and of decl; the slot
// tensors served are ins, which may disagree with decl (a state the graph
// does not allow, which the node must refuse as graph.RunNode does).
type oneNode struct {
	o    mkernel.MapOracle
	root merkle.Hash
	s0   merkle.Hash
	ins  []merkle.Hash // input slot commitments
}

func newOneNode(t testing.TB, node graph.Node, weights []*tensor.Tensor, decl []tensor.Spec, ins []*tensor.Tensor) *oneNode {
	t.Helper()
	g := &graph.Graph{Name: "one-node", Nodes: []graph.Node{node}, Outputs: []graph.Ref{graph.S(len(decl))}}
	for i, s := range decl {
		g.Inputs = append(g.Inputs, graph.Named{Name: fmt.Sprintf("in%d", i), Spec: s})
	}
	for i, w := range weights {
		g.Weights = append(g.Weights, graph.Named{Name: fmt.Sprintf("w%d", i), Spec: tensor.Spec{DType: w.DType, Shape: w.Shape}})
	}
	ex, err := graph.NewExecutor(&graph.Model{Graph: g, Weights: weights})
	require.NoError(t, err)
	o := mkernel.MapOracle{}
	require.NoError(t, o.AddModel(ex))
	commits := make([]merkle.Hash, len(ins)+1)
	for i, v := range ins {
		commits[i] = v.MustCommit()
	}
	states, err := graph.States(ex.Root, len(ins), commits)
	require.NoError(t, err)
	require.NoError(t, o.AddTrace(&graph.Trace{ModelRoot: ex.Root, NumInputs: len(ins), SlotCommits: commits, States: states, Values: ins}))
	return &oneNode{o: o, root: ex.Root, s0: states[0], ins: commits[:len(ins)]}
}

// state1 is S_1 for output commitment oc.
func (n *oneNode) state1(t testing.TB, oc merkle.Hash) merkle.Hash {
	commits := append(append([]merkle.Hash{}, n.ins...), oc)
	states, err := graph.States(n.root, len(n.ins), commits)
	require.NoError(t, err)
	return states[1]
}

// expect runs the node natively: graph.RunNode on the tensors, then
// tensor.Commit. ok is false when the node cannot run.
func expect(node graph.Node, in []*tensor.Tensor) (oc merkle.Hash, ok bool) {
	out, err := graph.RunNode(&node, in)
	if err != nil {
		return oc, false
	}
	return out.MustCommit(), true
}

// judge runs the whole guest on request (S_0, claimed, 1) and returns the
// exit code and the output commitment it reported.
func (n *oneNode) judge(t testing.TB, claimed merkle.Hash) (int, string) {
	var out, errb bytes.Buffer
	code := run([]string{"aivm-kernel", hx(n.root)}, request(n.o, n.s0, claimed, 1), &out, &errb)
	return code, out.String() + errb.String()
}

// differential checks one node both ways: the whole guest (streamed path)
// against graph.RunNode + Commit, and the streamed functions against the
// guest's read-everything path (runWhole) on the same commitments.
func differential(t testing.TB, node graph.Node, weights []*tensor.Tensor, decl []tensor.Spec, ins []*tensor.Tensor) {
	t.Helper()
	n := newOneNode(t, node, weights, decl, ins)
	var in []*tensor.Tensor
	for _, r := range node.Inputs {
		if r.IsWeight() {
			in = append(in, weights[r.Index()])
		} else {
			in = append(in, ins[r.Index()])
		}
	}
	want, ok := expect(node, in)

	// The streamed functions and runWhole on the same input commitments.
	tcs := make([][]byte, len(in))
	for i, v := range in {
		c := v.MustCommit()
		tcs[i] = c[:]
	}
	streamed := func() (merkle.Hash, error) {
		c := newChecker(&mapStream{pre: n.o})
		if node.Op == graph.OpEmbed {
			return c.embed(1, &node, tcs)
		}
		return c.kvWrite(1, &node, tcs)
	}
	got, err := streamed()
	whole, werr := newChecker(&mapStream{pre: n.o}).runWhole(1, &node, tcs)
	if !ok {
		require.Error(t, err, "RunNode refuses the node, the streamed %s accepts it", node.Op)
		require.Error(t, werr)
		require.NotErrorIs(t, err, errMalformed, "a node that cannot run is not a malformed preimage")
	} else {
		require.NoError(t, err)
		require.NoError(t, werr)
		require.Equal(t, want, got, "streamed %s output commitment", node.Op)
		require.Equal(t, want, whole)
	}

	// The whole guest: exit 2 when the node cannot run, else the verdict on
	// the honest S_1 and on a wrong one.
	if !ok {
		code, msg := n.judge(t, merkle.Hash{1})
		require.Equal(t, exitBadRequest, code, msg)
		require.Contains(t, msg, "cannot run")
		return
	}
	s1 := n.state1(t, want)
	code, msg := n.judge(t, s1)
	require.Equal(t, exitValid, code, msg)
	require.Contains(t, msg, "out="+hx(want))
	wrong := s1
	wrong[3] ^= 4
	code, msg = n.judge(t, wrong)
	require.Equal(t, exitInvalid, code, msg)
	require.Contains(t, msg, "sk="+hx(s1)+" valid=false")
}

func randI8(r *rand.Rand, n int) []int8 {
	b := make([]int8, n)
	for i := range b {
		b[i] = int8(r.Uint32())
	}
	return b
}

func mustI8(t testing.TB, data []int8, q tensor.Quant, shape ...int) *tensor.Tensor {
	v, err := tensor.FromI8(data, shape...)
	require.NoError(t, err)
	v.Quant = q
	return v
}

func mustI32(t testing.TB, data []int32, shape ...int) *tensor.Tensor {
	v, err := tensor.FromI32(data, shape...)
	require.NoError(t, err)
	return v
}

var someQuant = tensor.Quant{ZeroPoint: -3, ScaleMant: 12345, ScaleExp: -20}

// kvCase builds kv_write(cache [seq,d], row [rowLen], pos [posLen]) with
// the declared specs [seq,d], [d], [1]. same makes the row equal to the
// cache's row pos (a write that changes nothing).
func kvCase(t testing.TB, seed uint64, seq, d, rowLen int, pos []int32, q tensor.Quant, same bool) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	cache := randI8(r, seq*d)
	row := randI8(r, rowLen)
	if same && len(pos) == 1 && pos[0] >= 0 && int(pos[0]) < seq && rowLen == d {
		copy(row, cache[int(pos[0])*d:])
	}
	node := graph.Node{Op: graph.OpKVWrite, Name: "kv", Inputs: []graph.Ref{graph.S(0), graph.S(1), graph.S(2)}}
	decl := []tensor.Spec{{DType: tensor.I8, Shape: []int{seq, d}}, {DType: tensor.I8, Shape: []int{d}}, {DType: tensor.I32, Shape: []int{1}}}
	ins := []*tensor.Tensor{mustI8(t, cache, q, seq, d), mustI8(t, row, tensor.Quant{}, rowLen), mustI32(t, pos, len(pos))}
	differential(t, node, nil, decl, ins)
}

// embedCase builds embedding(table [vocab,dim], tok [tokLen]).
func embedCase(t testing.TB, seed uint64, vocab, dim int, tok []int32, q tensor.Quant) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 2))
	table := mustI8(t, randI8(r, vocab*dim), q, vocab, dim)
	node := graph.Node{Op: graph.OpEmbed, Name: "emb", Inputs: []graph.Ref{graph.W(0), graph.S(0)}}
	decl := []tensor.Spec{{DType: tensor.I32, Shape: []int{1}}}
	differential(t, node, []*tensor.Tensor{table}, decl, []*tensor.Tensor{mustI32(t, tok, len(tok))})
}

// TestStreamedMatchesRunNode: the streamed embedding and kv_write give
// graph.RunNode's output commitment (and refuse what it refuses) on rows at
// and across chunk boundaries, first and last rows, sizes that are and are
// not multiples of the chunk size, single-chunk tensors, and caches with
// quantization (the output's header then differs from the cache's).
func TestStreamedMatchesRunNode(t *testing.T) {
	const hs = 28 // header of a rank-2 tensor
	for _, c := range []struct {
		name           string
		seq, d, rowLen int
		pos            []int32
		q              tensor.Quant
		same           bool
	}{
		{"first row", 64, 100, 100, []int32{0}, tensor.Quant{}, false},
		{"last row, partial last chunk", 64, 100, 100, []int32{63}, tensor.Quant{}, false},
		{"row crossing a chunk boundary", 64, 100, 100, []int32{9}, tensor.Quant{}, false},         // bytes 928..1028
		{"row crossing the last chunk boundary", 64, 100, 100, []int32{50}, tensor.Quant{}, false}, // bytes 5028..5128
		{"row ending at a chunk boundary", 32, 1024 - hs, 1024 - hs, []int32{0}, tensor.Quant{}, false},
		{"row starting at a chunk boundary", 32, 1024 - hs, 1024 - hs, []int32{1}, tensor.Quant{}, false},
		{"rows of whole chunks", 16, 2048, 2048, []int32{5}, tensor.Quant{}, false},
		{"row over three chunks", 9, 2500, 2500, []int32{4}, tensor.Quant{}, false},
		{"last row ending the encoding exactly", 4, 1024 - hs/4, 1024 - hs/4, []int32{3}, tensor.Quant{}, false}, // 4·(1024-7)+28 = 4096
		{"seq*d a multiple of 1024", 64, 128, 128, []int32{40}, tensor.Quant{}, false},
		{"one chunk", 4, 8, 8, []int32{2}, tensor.Quant{}, false},
		{"one chunk, quantized cache", 4, 8, 8, []int32{3}, someQuant, false},
		{"quantized cache, row far from chunk 0", 200, 33, 33, []int32{150}, someQuant, false},
		{"quantized cache, row in chunk 0", 200, 33, 33, []int32{1}, someQuant, false},
		{"row equal to the cache's", 50, 70, 70, []int32{20}, tensor.Quant{}, true},
		{"row equal, quantized", 50, 70, 70, []int32{20}, someQuant, true},
		{"one-row cache", 1, 3000, 3000, []int32{0}, tensor.Quant{}, false},
		{"empty rows", 8, 0, 0, []int32{7}, someQuant, false},
		{"position -1", 16, 64, 64, []int32{-1}, tensor.Quant{}, false},
		{"position seq", 16, 64, 64, []int32{16}, tensor.Quant{}, false},
		{"empty cache", 0, 64, 64, []int32{0}, tensor.Quant{}, false},
		{"short row", 16, 64, 63, []int32{3}, tensor.Quant{}, false},
		{"two positions", 16, 64, 64, []int32{3, 4}, tensor.Quant{}, false},
	} {
		t.Run("kv_write/"+c.name, func(t *testing.T) {
			kvCase(t, uint64(len(c.name)), c.seq, c.d, c.rowLen, c.pos, c.q, c.same)
		})
	}
	for _, c := range []struct {
		name       string
		vocab, dim int
		tok        []int32
		q          tensor.Quant
	}{
		{"first token", 300, 100, []int32{0}, tensor.Quant{}},
		{"last token, partial last chunk", 300, 100, []int32{299}, someQuant},
		{"row crossing a chunk boundary", 300, 100, []int32{9}, tensor.Quant{}},
		{"row in chunk 0", 300, 100, []int32{2}, someQuant},
		{"rows of whole chunks", 20, 4096, []int32{13}, tensor.Quant{}},
		{"one chunk", 5, 7, []int32{4}, tensor.Quant{}},
		{"last row ending the encoding exactly", 4, 1024 - hs/4, []int32{3}, tensor.Quant{}},
		{"empty rows", 5, 0, []int32{2}, tensor.Quant{}},
		{"token -1", 300, 100, []int32{-1}, tensor.Quant{}},
		{"token vocab", 300, 100, []int32{300}, tensor.Quant{}},
		{"two tokens", 300, 100, []int32{1, 2}, tensor.Quant{}},
		{"no token", 300, 100, []int32{}, tensor.Quant{}},
	} {
		t.Run("embedding/"+c.name, func(t *testing.T) {
			embedCase(t, uint64(len(c.name)), c.vocab, c.dim, c.tok, c.q)
		})
	}
}

// TestStreamedFetchesRowOnly: the streamed nodes open only the paths to
// the row's chunks, chunk 0 and the last chunk, not the whole tensor.
func TestStreamedFetchesRowOnly(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	const vocab, dim = 4095, 64 // 28 + 262080 bytes: 256 chunks, depth 8
	table := mustI8(t, randI8(r, vocab*dim), tensor.Quant{}, vocab, dim)
	node := graph.Node{Op: graph.OpEmbed, Name: "emb", Inputs: []graph.Ref{graph.W(0), graph.S(0)}}
	n := newOneNode(t, node, []*tensor.Tensor{table}, []tensor.Spec{{DType: tensor.I32, Shape: []int{1}}}, []*tensor.Tensor{mustI32(t, []int32{1000}, 1)})
	tc := table.MustCommit()
	tok := mustI32(t, []int32{1000}, 1).MustCommit()
	s := &mapStream{pre: n.o}
	_, err := newChecker(s).embed(1, &node, [][]byte{tc[:], tok[:]})
	require.NoError(t, err)
	// tok: 1 chunk; table: the spine (8 nodes and chunk 0), then the root
	// and two paths of 7 nodes and a chunk (row 1000 is in chunk 62, the
	// last chunk is 255).
	require.Equal(t, 1+9+1+2*8, s.opens)
	s = &mapStream{pre: n.o}
	_, err = newChecker(s).runWhole(1, &node, [][]byte{tc[:], tok[:]})
	require.NoError(t, err)
	require.Greater(t, s.opens, 256)
}

// FuzzStreamed compares the streamed embedding and kv_write with
// graph.RunNode + Commit (and the guest's read-everything path) on random
// shapes, positions, quantization and malformed row or position tensors.
func FuzzStreamed(f *testing.F) {
	for i := range 16 {
		f.Add(uint64(i), uint16(1+i*37%300), uint16(i*131%2100), int32(i*7%40-3), i%3 == 0, uint8(i%4), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, seed uint64, rows, width uint16, at int32, quant bool, bad uint8, embed bool) {
		seq, d := int(rows)%400, int(width)%3000
		if seq*d > 1<<18 {
			d = (1 << 18) / max(seq, 1)
		}
		q := tensor.Quant{}
		if quant {
			q = someQuant
		}
		idx := []int32{at}
		rowLen := d
		switch bad % 8 {
		case 5:
			idx = []int32{at, at}
		case 6:
			rowLen = d + 1
		}
		if embed {
			if seq == 0 {
				seq = 1 // the graph refuses a vocabulary of 0 at build time
			}
			embedCase(t, seed, seq, d, idx, q)
			return
		}
		kvCase(t, seed, seq, d, rowLen, idx, q, bad%8 == 7)
	})
}

// FuzzStreamedCorrupt corrupts one preimage of a streamed request (a byte,
// or a truncation) and requires a verdict or an invalid request, never a
// panic.
func FuzzStreamedCorrupt(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 3))
	kv := graph.Node{Op: graph.OpKVWrite, Name: "kv", Inputs: []graph.Ref{graph.S(0), graph.S(1), graph.S(2)}}
	const seq, d = 40, 90
	kn := newOneNode(f, kv, nil,
		[]tensor.Spec{{DType: tensor.I8, Shape: []int{seq, d}}, {DType: tensor.I8, Shape: []int{d}}, {DType: tensor.I32, Shape: []int{1}}},
		[]*tensor.Tensor{mustI8(f, randI8(r, seq*d), someQuant, seq, d), mustI8(f, randI8(r, d), tensor.Quant{}, d), mustI32(f, []int32{33}, 1)})
	emb := graph.Node{Op: graph.OpEmbed, Name: "emb", Inputs: []graph.Ref{graph.W(0), graph.S(0)}}
	en := newOneNode(f, emb, []*tensor.Tensor{mustI8(f, randI8(r, seq*d), someQuant, seq, d)},
		[]tensor.Spec{{DType: tensor.I32, Shape: []int{1}}}, []*tensor.Tensor{mustI32(f, []int32{33}, 1)})
	sorted := func(o mkernel.MapOracle) []merkle.Hash {
		keys := slices.Collect(maps.Keys(o))
		slices.SortFunc(keys, func(a, b merkle.Hash) int { return bytes.Compare(a[:], b[:]) })
		return keys
	}
	keys := [2][]merkle.Hash{sorted(kn.o), sorted(en.o)}
	for i := range 12 {
		f.Add(uint16(i*97), uint16(i*13), byte(i), i%3 == 0, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, ki, off uint16, val byte, cut, embed bool) {
		n, ks := kn, keys[0]
		if embed {
			n, ks = en, keys[1]
		}
		key := ks[int(ki)%len(ks)]
		bad := append([]byte(nil), n.o[key]...)
		if cut {
			bad = bad[:int(off)%(len(bad)+1)]
		} else if len(bad) > 0 {
			bad[int(off)%len(bad)] ^= val | 1
		}
		mut := maps.Clone(n.o)
		mut[key] = bad
		var out, errb bytes.Buffer
		code := run([]string{"aivm-kernel", hx(n.root)}, request(mut, n.s0, merkle.Hash{}, 1), &out, &errb)
		require.Contains(t, []int{exitValid, exitInvalid, exitBadRequest}, code)
	})
}
