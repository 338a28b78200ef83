package llama

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/gguf"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
)

// tokConfig is TinyConfig with the vocabulary of testTokenizer.
func tokConfig(t testing.TB) (Config, *Tokenizer) {
	tok := testTokenizer(t)
	c := TinyConfig
	c.Vocab = len(tok.Tokens)
	return c, tok
}

func rootOf(t testing.TB, im *Imported) merkle.Hash {
	t.Helper()
	r, err := im.Write(io.Discard)
	require.NoError(t, err)
	return r
}

func writeFile(t testing.TB, name string, write func(w io.Writer) error) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, write(&buf))
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
	return p
}

// TestImportLlama2c: a llama2.c checkpoint and tokenizer.bin import to
// the graph Quantize builds, plus the tokenizer blob; the built-in
// tiny-llama's checkpoint imports to exactly the built-in model.
func TestImportLlama2c(t *testing.T) {
	c, tok := tokConfig(t)
	ck, err := Synthetic(c, 3)
	require.NoError(t, err)
	bin := writeFile(t, "model.bin", ck.Write)
	im, err := Import(bin, ImportOptions{Name: "t", Tokenizer: tok})
	require.NoError(t, err)
	require.Equal(t, FormatLlama2c, im.Format)
	direct, err := ImportCheckpoint(ck, FormatLlama2c, tok, ImportOptions{Name: "t"})
	require.NoError(t, err)
	require.Equal(t, rootOf(t, direct), rootOf(t, im))

	m, err := im.Model()
	require.NoError(t, err)
	got, err := ModelTokenizer(m)
	require.NoError(t, err)
	require.Equal(t, tok.Bytes(), got.Bytes(), "the tokenizer travels in the model")
	require.Equal(t, []string{TokenizerBlob}, m.Graph.BlobNames())
	s, err := NewSession(m, graph.Options{})
	require.NoError(t, err, "the blob does not disturb the step-graph signature")
	require.Equal(t, c.Vocab, s.Vocab)

	// The export of the imported float weights is the same file.
	again := writeFile(t, "again.bin", im.Checkpoint.Write)
	a, _ := os.ReadFile(bin)
	b, _ := os.ReadFile(again)
	require.Equal(t, a, b)

	// tiny-llama: import of its checkpoint == Build().
	tiny, err := Synthetic(TinyConfig, Seed)
	require.NoError(t, err)
	timp, err := Import(writeFile(t, "tiny.bin", tiny.Write), ImportOptions{Name: Name})
	require.NoError(t, err)
	built, err := Build()
	require.NoError(t, err)
	br, err := built.Root()
	require.NoError(t, err)
	require.Equal(t, br, rootOf(t, timp))
}

// q8Representable returns ck with every matrix and the embedding replaced
// by its Q8_0 dequantization (norms are kept: GGUF stores them F32).
func q8Representable(t testing.TB, ck *Checkpoint) *Checkpoint {
	var buf bytes.Buffer
	require.NoError(t, WriteGGUF(&buf, ck, nil, gguf.Q8_0, "q"))
	back, _, err := ReadGGUF(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	back.W.FreqReal, back.W.FreqImag = ck.W.FreqReal, ck.W.FreqImag
	return back
}

// TestImportGGUFRoundTrip: for F32, F16 and Q8_0, exporting a float model
// whose weights the type represents and importing it gives the same
// float weights, the same int8 graph and the same model root as importing
// the llama2.c checkpoint; the tokenizer comes back byte for byte; a second
// export is the same file.
func TestImportGGUFRoundTrip(t *testing.T) {
	c, tok := tokConfig(t)
	ck, err := Synthetic(c, 5)
	require.NoError(t, err)
	for _, typ := range []gguf.TensorType{gguf.F32, gguf.F16, gguf.Q8_0} {
		t.Run(typ.String(), func(t *testing.T) {
			src := ck
			if typ == gguf.Q8_0 {
				src = q8Representable(t, ck)
			}
			want, err := ImportCheckpoint(src, FormatLlama2c, tok, ImportOptions{Name: "rt"})
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, WriteGGUF(&buf, src, tok, typ, "rt"))
			p := filepath.Join(t.TempDir(), "m.gguf")
			require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
			im, err := Import(p, ImportOptions{})
			require.NoError(t, err)
			require.False(t, im.Exact)
			require.Equal(t, FormatGGUF, im.Format)
			require.Equal(t, "rt", im.Graph.Name, "the name comes from general.name")
			require.Equal(t, src.W.WQ, im.Checkpoint.W.WQ)
			require.Equal(t, src.W.W2, im.Checkpoint.W.W2)
			require.Equal(t, src.W.Embed, im.Checkpoint.W.Embed)
			require.Equal(t, src.W.Cls, im.Checkpoint.W.Cls)
			require.Equal(t, src.W.RMSFinal, im.Checkpoint.W.RMSFinal)
			require.Equal(t, tok.Bytes(), im.Tokenizer.Bytes())
			wm, err := want.Model()
			require.NoError(t, err)
			gm, err := im.Model()
			require.NoError(t, err)
			require.True(t, graphsEqual(wm, gm), "identical int8 graph")
			require.Equal(t, rootOf(t, want), rootOf(t, im))

			var again bytes.Buffer
			require.NoError(t, WriteGGUF(&again, im.Checkpoint, im.Tokenizer, typ, "rt"))
			require.Equal(t, buf.Bytes(), again.Bytes(), "export of the import is the same file")
		})
	}
	// The synthetic weights are exactly F16; a shared classifier is
	// written without output.weight and comes back shared.
	sc := c
	sc.Shared = true
	sck, err := Synthetic(sc, 6)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteGGUF(&buf, sck, nil, gguf.F16, "s"))
	f, err := gguf.Parse(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	_, hasOut := f.Tensor("output.weight")
	require.False(t, hasOut)
	back, tk, err := ReadGGUF(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	require.Nil(t, tk)
	require.True(t, back.Config.Shared)
	require.Equal(t, sck.W.W1, back.W.W1)
}

func graphsEqual(a, b *graph.Model) bool {
	ea, err1 := a.Encode()
	eb, err2 := b.Encode()
	return err1 == nil && err2 == nil && bytes.Equal(ea, eb)
}

// TestGGUFExactTinyLlama: the int8 tiny-llama written as an exact GGUF
// imports to the built-in model's root.
func TestGGUFExactTinyLlama(t *testing.T) {
	ck, err := Synthetic(TinyConfig, Seed)
	require.NoError(t, err)
	var buf bytes.Buffer
	// Exact export needs whole Q8_0 blocks; tiny-llama's FFN width 172
	// is not, so this is refused with a clear error...
	err = WriteGGUFExact(&buf, ck, CalibTokens(TinyConfig, CalibLen), nil, Name)
	require.ErrorContains(t, err, "not whole Q8_0 blocks")
	// ...and a config with a block-aligned FFN goes through exactly.
	c := TinyConfig
	c.Hidden = 192
	ck, err = Synthetic(c, Seed)
	require.NoError(t, err)
	calib := CalibTokens(c, CalibLen)
	want, err := Quantize(ck, calib)
	require.NoError(t, err)
	buf.Reset()
	require.NoError(t, WriteGGUFExact(&buf, ck, calib, nil, Name))
	im, err := ImportGGUF(bytes.NewReader(buf.Bytes()), int64(buf.Len()), ImportOptions{})
	require.NoError(t, err)
	require.True(t, im.Exact)
	got, err := im.Model()
	require.NoError(t, err)
	require.True(t, graphsEqual(want, got))

	// Other readers see Q8_0 values within f16 rounding of the int8 ones.
	back, _, err := ReadGGUF(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	for i, x := range back.W.RMSFinal {
		require.InDelta(t, ck.W.RMSFinal[i], x, 0.02)
	}
}

// TestGGUFSynth7BShape is the real-shape check: a GGUF file with
// LLaMA-7B tensor names and shapes (the 7b-mini preset: 7B's
// architecture at one eighth of the width; two layers to stay short in
// CI) imports to the model `aivm model synth llama` writes. With
// AIVM_GGUF_7B=1 it runs the full 7B preset (32 layers, dim 4096, context
// 2048: a 7.2 GB GGUF file and minutes of hashing).
func TestGGUFSynth7BShape(t *testing.T) {
	spec := SynthSpec{Preset: "7b-mini", Layers: 2, Seq: 32, Seed: 7}
	if os.Getenv("AIVM_GGUF_7B") == "1" {
		spec = SynthSpec{Preset: "7b", Seed: 7}
	}
	dir := t.TempDir()
	info, err := Synth(spec, dir, nil)
	require.NoError(t, err)
	require.NoError(t, os.Remove(filepath.Join(dir, SynthModelFile)))
	p := filepath.Join(dir, "synth.gguf")
	f, err := os.Create(p)
	require.NoError(t, err)
	require.NoError(t, SynthGGUF(spec, f))
	require.NoError(t, f.Close())

	im, err := Import(p, ImportOptions{})
	require.NoError(t, err)
	defer im.Close()
	require.True(t, im.Exact)
	require.Equal(t, info.Config, im.Config)
	require.Equal(t, info.ModelRoot, rootOf(t, im), "same graph as aivm model synth")

	// The file is shaped like LLaMA-7B's GGUF.
	fh, err := os.Open(p)
	require.NoError(t, err)
	defer fh.Close()
	st, err := fh.Stat()
	require.NoError(t, err)
	g, err := gguf.Parse(fh, st.Size())
	require.NoError(t, err)
	c := info.Config
	for name, dims := range map[string][]uint64{
		"token_embd.weight":        {uint64(c.Dim), uint64(c.Vocab)},
		"blk.0.attn_q.weight":      {uint64(c.Dim), uint64(c.Dim)},
		"blk.1.attn_k.weight":      {uint64(c.Dim), uint64(c.KVDim())},
		"blk.1.ffn_gate.weight":    {uint64(c.Dim), uint64(c.Hidden)},
		"blk.1.ffn_down.weight":    {uint64(c.Hidden), uint64(c.Dim)},
		"blk.0.attn_norm.weight":   {uint64(c.Dim)},
		"output.weight":            {uint64(c.Dim), uint64(c.Vocab)},
		"output_norm.weight":       {uint64(c.Dim)},
		"blk.0.attn_output.weight": {uint64(c.Dim), uint64(c.Dim)},
	} {
		ti, ok := g.Tensor(name)
		require.True(t, ok, name)
		require.Equal(t, dims, ti.Dims, name)
		require.Equal(t, gguf.Q8_0, ti.Type, name)
	}
	n, err := g.Uint(keyHeads)
	require.NoError(t, err)
	require.EqualValues(t, c.Heads, n)
}

// TestQKLayout backs the claim that GGUF needs no Q/K permutation: the
// Hugging Face layout is Meta's with rows permuted per head so that RoPE
// rotates halves (i, i+hd/2) instead of pairs (2j, 2j+1), and llama.cpp's
// converter permutes HF rows back. So GGUF rows are Meta's, which is
// llama2.c's layout and our RoPE's: HF weights with rotate-half RoPE give
// the same rotated vector (up to that row order) as GGUF weights with
// pairwise RoPE.
func TestQKLayout(t *testing.T) {
	const heads, hd, dim, pos = 4, 8, 32, 5
	r := rand.New(rand.NewPCG(1, 1))
	meta := make([]float32, heads*hd*dim)
	for i := range meta {
		meta[i] = float32(r.NormFloat64())
	}
	x := make([]float32, dim)
	for i := range x {
		x[i] = float32(r.NormFloat64())
	}
	// HF's permutation (convert_llama_weights_to_hf): within a head, Meta
	// row 2j+t goes to row t*hd/2+j. llama.cpp's permute is its inverse.
	hfRow := func(h, j, t int) int { return h*hd + t*hd/2 + j }
	metaRow := func(h, j, t int) int { return h*hd + 2*j + t }
	hf := make([]float32, len(meta))
	for h := range heads {
		for j := range hd / 2 {
			for tt := range 2 {
				copy(hf[hfRow(h, j, tt)*dim:][:dim], meta[metaRow(h, j, tt)*dim:][:dim])
			}
		}
	}
	ggufRows := make([]float32, len(hf)) // llama.cpp's permute of the HF rows
	for h := range heads {
		for j := range hd / 2 {
			for tt := range 2 {
				copy(ggufRows[metaRow(h, j, tt)*dim:][:dim], hf[hfRow(h, j, tt)*dim:][:dim])
			}
		}
	}
	require.Equal(t, meta, ggufRows)

	q := make([]float32, heads*hd)
	matvec(q, x, meta)
	rope(q, pos, hd) // ours: pairs (2j, 2j+1)
	qh := make([]float32, heads*hd)
	matvec(qh, x, hf)
	for h := range heads { // HF: halves (j, j+hd/2)
		for j := range hd / 2 {
			a := ropeAngle(pos, j, hd)
			i0, i1 := h*hd+j, h*hd+j+hd/2
			v0, v1 := float64(qh[i0]), float64(qh[i1])
			qh[i0] = float32(v0*math.Cos(a) - v1*math.Sin(a))
			qh[i1] = float32(v0*math.Sin(a) + v1*math.Cos(a))
		}
	}
	for h := range heads {
		for j := range hd / 2 {
			for tt := range 2 {
				require.InDelta(t, q[metaRow(h, j, tt)], qh[hfRow(h, j, tt)], 1e-4)
			}
		}
	}
}

// TestImportBadFiles: malformed or unsupported files are refused with an
// error that names the problem.
func TestImportBadFiles(t *testing.T) {
	c, tok := tokConfig(t)
	ck, err := Synthetic(c, 9)
	require.NoError(t, err)
	var good bytes.Buffer
	require.NoError(t, WriteGGUF(&good, ck, tok, gguf.F32, "bad"))
	f, err := gguf.Parse(bytes.NewReader(good.Bytes()), int64(good.Len()))
	require.NoError(t, err)
	data := func(i int) ([]byte, error) { return f.Data(&f.Tensors[i]) }
	rewrite := func(kv func([]gguf.KV) []gguf.KV, ts func([]gguf.TensorInfo) []gguf.TensorInfo, d func(int) ([]byte, error)) []byte {
		kvs := append([]gguf.KV(nil), f.KV...)
		infos := append([]gguf.TensorInfo(nil), f.Tensors...)
		if kv != nil {
			kvs = kv(kvs)
		}
		if ts != nil {
			infos = ts(infos)
		}
		if d == nil {
			d = data
		}
		var buf bytes.Buffer
		require.NoError(t, gguf.Write(&buf, kvs, infos, d))
		return buf.Bytes()
	}
	setKV := func(key string, v any) func([]gguf.KV) []gguf.KV {
		return func(kvs []gguf.KV) []gguf.KV {
			for i := range kvs {
				if kvs[i].Key == key {
					kvs[i].Value = v
				}
			}
			return kvs
		}
	}
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"not gguf", []byte("GGUFxxxx"), "version"},
		{"arch", rewrite(setKV(keyArch, "gpt2"), nil, nil), "not llama"},
		{"rope base", rewrite(setKV(keyRopeBase, float32(500000)), nil, nil), "freq_base"},
		{"heads", rewrite(setKV(keyHeads, uint32(3)), nil, nil), "heads"},
		{"missing tensor", rewrite(nil, func(ts []gguf.TensorInfo) []gguf.TensorInfo { return append(ts[:2:2], ts[3:]...) },
			func(i int) ([]byte, error) { return data(i + min(i/2, 1)) }), "no tensor blk.0.attn_q.weight"},
		{"extra tensor", rewrite(nil, func(ts []gguf.TensorInfo) []gguf.TensorInfo {
			return append(ts, gguf.TensorInfo{Name: "rope_freqs.weight", Dims: []uint64{4}, Type: gguf.F32})
		}, func(i int) ([]byte, error) {
			if i == len(f.Tensors) {
				return make([]byte, 16), nil
			}
			return data(i)
		}), "outside the llama layout"},
		{"vocab mismatch", rewrite(func(kvs []gguf.KV) []gguf.KV {
			kvs = setKV(keyTokens, tok.Tokens[:10])(kvs)
			kvs = setKV(keyScores, tok.Scores[:10])(kvs)
			return setKV(keyTokenTypes, make([]int32, 10))(kvs)
		}, nil, nil), "tokenizer has 10 tokens"},
		{"q4", rewrite(nil, func(ts []gguf.TensorInfo) []gguf.TensorInfo {
			ts[1] = gguf.TensorInfo{Name: ts[1].Name, Dims: ts[1].Dims, Type: gguf.Q4_0}
			return ts
		}, func(i int) ([]byte, error) {
			if i == 1 {
				return make([]byte, int(f.Tensors[1].Dims[0])/32*18), nil
			}
			return data(i)
		}), "Q4_0 cannot be converted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ImportGGUF(bytes.NewReader(tc.b), int64(len(tc.b)), ImportOptions{})
			require.ErrorContains(t, err, tc.want)
		})
	}

	// An exact file whose block scale was altered no longer claims the
	// int8 values it holds.
	c.Hidden = 192
	ck, err = Synthetic(c, 9)
	require.NoError(t, err)
	var ex bytes.Buffer
	require.NoError(t, WriteGGUFExact(&ex, ck, CalibTokens(c, 8), nil, "x"))
	b := ex.Bytes()
	ef, err := gguf.Parse(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	ti, _ := ef.Tensor("blk.0.attn_q.weight")
	b[ef.DataOffset+int64(ti.Offset)] ^= 1
	im, err := ImportGGUF(bytes.NewReader(b), int64(len(b)), ImportOptions{})
	require.NoError(t, err)
	_, err = im.Write(io.Discard)
	require.ErrorContains(t, err, "not the f16 of its exact scale")
}

// FuzzLlama2cCheckpoint: Read never panics and never allocates more than
// the input holds (readFloats grows with the bytes read); what parses
// writes back to the same bytes.
func FuzzLlama2cCheckpoint(f *testing.F) {
	c := Config{Dim: 4, Hidden: 6, Layers: 1, Heads: 2, KVHeads: 1, Vocab: 5, Seq: 3}
	ck, err := Synthetic(c, 1)
	require.NoError(f, err)
	var buf bytes.Buffer
	require.NoError(f, ck.Write(&buf))
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:40])
	big := bytes.Clone(buf.Bytes()[:28])
	big[0], big[1] = 0, 0x40 // dim 16384
	f.Add(big)
	f.Fuzz(func(t *testing.T, b []byte) {
		ck, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		var out bytes.Buffer
		require.NoError(t, ck.Write(&out))
		require.Equal(t, b, out.Bytes())
	})
}

// FuzzImportGGUF: reading a llama GGUF (config, tokenizer, float
// tensors) never panics on hostile files.
func FuzzImportGGUF(f *testing.F) {
	// Small seeds: the fuzzer minimizes every new input it finds, which
	// takes long on files of kilobytes. Q8_0 parsing is fuzzed by FuzzGGUF.
	c := Config{Dim: 2, Hidden: 1, Layers: 1, Heads: 1, KVHeads: 1, Vocab: 4, Seq: 1}
	ck, err := Synthetic(c, 1)
	require.NoError(f, err)
	tok, err := NewTokenizer([]string{"<unk>", "\n<s>\n", "\n</s>\n", " a"}, []float32{0, 0, 0, -1})
	require.NoError(f, err)
	for _, typ := range []gguf.TensorType{gguf.F32, gguf.F16} {
		var buf bytes.Buffer
		require.NoError(f, WriteGGUF(&buf, ck, tok, typ, "f"))
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _ = ReadGGUF(bytes.NewReader(b), int64(len(b)))
	})
}

// allocated is the bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestHostileSizes: headers that promise far more than the file holds are
// refused after allocating little (well under a megabyte), not after
// trying to allocate what they promise.
func TestHostileSizes(t *testing.T) {
	small := Config{Dim: 32, Hidden: 32, Layers: 1, Heads: 2, KVHeads: 1, Vocab: 4, Seq: 3}
	ck, err := Synthetic(small, 1)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteGGUF(&buf, ck, nil, gguf.F16, "h"))
	f, err := gguf.Parse(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	big := Config{Dim: 16384, Hidden: 65536, Layers: 1, Heads: 128, KVHeads: 128, Vocab: 4, Seq: 16384}
	kvs := llamaKVs(big, "h", 1)
	var hostile bytes.Buffer
	infos := append([]gguf.TensorInfo(nil), f.Tensors...)
	infos[0].Dims = []uint64{16384, 4} // token_embd agrees with the claimed width
	require.NoError(t, gguf.Write(&hostile, kvs, infos, func(i int) ([]byte, error) {
		if i == 0 {
			return make([]byte, 2*16384*4), nil
		}
		return f.Data(&f.Tensors[i])
	}))
	hb := hostile.Bytes()
	n := allocated(func() {
		_, err = ImportGGUF(bytes.NewReader(hb), int64(len(hb)), ImportOptions{})
	})
	require.ErrorContains(t, err, "the configuration needs")
	require.Less(t, n, uint64(1<<20), "allocated %d bytes", n)

	// llama2.c: a maximal header on a short file.
	hdr := make([]byte, 128)
	for i, v := range []int32{16384, 65536, 256, 128, 128, -(1 << 20), 16384} {
		binary.LittleEndian.PutUint32(hdr[4*i:], uint32(v))
	}
	n = allocated(func() { _, err = Read(bytes.NewReader(hdr)) })
	require.ErrorContains(t, err, "truncated")
	require.Less(t, n, uint64(1<<20), "allocated %d bytes", n)

	// tokenizer.bin: a maximal vocabulary and token length, truncated.
	tb := []byte{0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 'x'}
	n = allocated(func() { _, err = ParseTokenizer(tb, maxVocab) })
	require.Error(t, err)
	require.Less(t, n, uint64(1<<20), "allocated %d bytes", n)
}

// TestStories15MShape: the shape of llama2.c's stories15M (dim 288, 6
// layers, 6 heads of 48, FFN 768, a shared 32,000-token classifier) with a
// 32,000-token vocabulary imports from llama2.c and from GGUF (F32 and
// Q8_0 of Q8_0 values) to one model root, tokenizer included.
func TestStories15MShape(t *testing.T) {
	c := Config{Dim: 288, Hidden: 768, Layers: 6, Heads: 6, KVHeads: 6, Vocab: 32000, Seq: 256, Shared: true}
	toks := []string{"<unk>", "\n<s>\n", "\n</s>\n"}
	for b := range 256 {
		toks = append(toks, fmt.Sprintf("<0x%02X>", b))
	}
	for i := len(toks); i < c.Vocab; i++ {
		toks = append(toks, fmt.Sprintf(" w%d", i))
	}
	scores := make([]float32, len(toks))
	for i := range scores {
		scores[i] = -float32(i)
	}
	tok, err := NewTokenizer(toks, scores)
	require.NoError(t, err)
	ck, err := Synthetic(c, 15)
	require.NoError(t, err)
	ck = q8Representable(t, ck)
	opts := ImportOptions{Name: "stories", Calib: CalibTokens(c, 8)}
	want, err := ImportCheckpoint(ck, FormatLlama2c, tok, opts)
	require.NoError(t, err)
	root := rootOf(t, want)
	for _, typ := range []gguf.TensorType{gguf.F32, gguf.Q8_0} {
		var buf bytes.Buffer
		require.NoError(t, WriteGGUF(&buf, ck, tok, typ, "stories"))
		im, err := ImportGGUF(bytes.NewReader(buf.Bytes()), int64(buf.Len()), opts)
		require.NoError(t, err)
		require.Equal(t, root, rootOf(t, im), typ.String())
		require.Equal(t, tok.Bytes(), im.Tokenizer.Bytes())
	}
	// No single character is a token here, so every byte falls back to
	// its <0xXX> token, id 3+byte as in llama2.c's Llama vocabulary.
	ids, err := tok.Encode([]byte("w3"), true, false)
	require.NoError(t, err)
	require.Equal(t, []int{TokBOS, 3 + ' ', 3 + 'w', 3 + '3'}, ids)
}
