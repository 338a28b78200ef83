package llama

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/aivm-dev/aivm/models/gguf"
	"github.com/aivm-dev/aivm/models/quant"
	"github.com/aivm-dev/aivm/models/tensor"
)

// GGUF files of llama.cpp's "llama" architecture map onto a Checkpoint
// tensor by tensor. Q and K need no permutation: llama.cpp's converter
// undoes the rotate-half permutation of Hugging Face checkpoints, leaving
// Q and K in Meta's original layout, the one llama2.c's export writes and
// our RoPE (pairs 2j, 2j+1) expects. See docs/models.md, "Importing models".

// ggufTensor is one tensor of the llama layout: its GGUF name, its shape
// [rows, cols] (rows 1 for a vector), the slice of the checkpoint holding
// it, and how the step graph's weight source names it.
type ggufTensor struct {
	name       string
	rows, cols int
	vector     bool
	data       func(ck *Checkpoint) []float32
	// kind is "embed", "classifier", "matrix" or "gains"; key and layer
	// are the stepWeights name and layer.
	kind  string
	key   string
	layer int
}

// ggufLayout lists the tensors of config c in llama.cpp's file order. The
// classifier is left out when it is shared with the embedding.
func ggufLayout(c Config) []ggufTensor {
	d, h, kv := c.Dim, c.Hidden, c.KVDim()
	perLayer := []struct {
		suffix, kind, key string
		rows, cols        int
		field             func(*Weights) []float32
	}{
		{"attn_norm", "gains", "att_norm", 1, d, func(w *Weights) []float32 { return w.RMSAtt }},
		{"attn_q", "matrix", "wq", d, d, func(w *Weights) []float32 { return w.WQ }},
		{"attn_k", "matrix", "wk", kv, d, func(w *Weights) []float32 { return w.WK }},
		{"attn_v", "matrix", "wv", kv, d, func(w *Weights) []float32 { return w.WV }},
		{"attn_output", "matrix", "wo", d, d, func(w *Weights) []float32 { return w.WO }},
		{"ffn_norm", "gains", "ffn_norm", 1, d, func(w *Weights) []float32 { return w.RMSFFN }},
		{"ffn_gate", "matrix", "w1", h, d, func(w *Weights) []float32 { return w.W1 }},
		{"ffn_down", "matrix", "w2", d, h, func(w *Weights) []float32 { return w.W2 }},
		{"ffn_up", "matrix", "w3", h, d, func(w *Weights) []float32 { return w.W3 }},
	}
	out := []ggufTensor{{name: "token_embd.weight", rows: c.Vocab, cols: d, kind: "embed",
		data: func(ck *Checkpoint) []float32 { return ck.W.Embed }}}
	for l := range c.Layers {
		for _, p := range perLayer {
			n, field := p.rows*p.cols, p.field
			out = append(out, ggufTensor{name: fmt.Sprintf("blk.%d.%s.weight", l, p.suffix), rows: p.rows, cols: p.cols,
				vector: p.kind == "gains", kind: p.kind, key: p.key, layer: l,
				data: func(ck *Checkpoint) []float32 { return field(&ck.W)[l*n : (l+1)*n] }})
		}
	}
	out = append(out, ggufTensor{name: "output_norm.weight", rows: 1, cols: d, vector: true, kind: "gains", key: "final_norm",
		data: func(ck *Checkpoint) []float32 { return ck.W.RMSFinal }})
	if !c.Shared {
		out = append(out, ggufTensor{name: "output.weight", rows: c.Vocab, cols: d, kind: "classifier",
			data: func(ck *Checkpoint) []float32 { return ck.W.Cls }})
	}
	return out
}

func (t ggufTensor) dims() []uint64 {
	if t.vector {
		return []uint64{uint64(t.cols)}
	}
	return []uint64{uint64(t.cols), uint64(t.rows)}
}

// Metadata keys of the llama architecture (and the tokenizer) that import
// reads and export writes.
const (
	keyArch       = "general.architecture"
	keyName       = "general.name"
	keyFileType   = "general.file_type"
	keyContext    = "llama.context_length"
	keyEmbed      = "llama.embedding_length"
	keyBlocks     = "llama.block_count"
	keyFFN        = "llama.feed_forward_length"
	keyRopeDims   = "llama.rope.dimension_count"
	keyRopeBase   = "llama.rope.freq_base"
	keyHeads      = "llama.attention.head_count"
	keyKVHeads    = "llama.attention.head_count_kv"
	keyEps        = "llama.attention.layer_norm_rms_epsilon"
	keyVocabSize  = "llama.vocab_size"
	keyTokModel   = "tokenizer.ggml.model"
	keyTokens     = "tokenizer.ggml.tokens"
	keyScores     = "tokenizer.ggml.scores"
	keyTokenTypes = "tokenizer.ggml.token_type"
	keyBOS        = "tokenizer.ggml.bos_token_id"
	keyEOS        = "tokenizer.ggml.eos_token_id"
	keyUNK        = "tokenizer.ggml.unknown_token_id"
	// keyMaxTokLen keeps tokenizer.bin's max_token_length for an exact
	// round trip (llama.cpp ignores it).
	keyMaxTokLen = "aivm.tokenizer.max_token_length"
	// Exact int8 files (WriteGGUFExact, SynthGGUF) carry the quantizer's
	// scales: the residual scale, the activation scales per probe (one
	// per layer) and each weight tensor's scales (one, or one per row).
	keyResScale   = "aivm.quant.res_scale"
	keyActPrefix  = "aivm.quant.act."
	keyScalePfx   = "aivm.quant.scale."
	ropeFreqBase  = 10000
	rmsEpsilon    = 1e-5
	sentencePiece = "▁"
)

// SentencePiece token types (tokenizer.ggml.token_type).
const (
	tokNormal  = 1
	tokUnknown = 2
	tokControl = 3
	tokByte    = 6
)

// probes are the activation scales the step graph asks its source for.
var probes = []string{"xn_att", "q", "k", "v", "att", "o", "xn_ffn", "h1", "h3", "silu", "hmul", "down"}

// llamaKVs is the architecture metadata of c.
func llamaKVs(c Config, name string, fileType uint32) []gguf.KV {
	return []gguf.KV{
		{Key: keyArch, Value: "llama"}, {Key: keyName, Value: name}, {Key: keyFileType, Value: fileType},
		{Key: keyContext, Value: uint32(c.Seq)}, {Key: keyEmbed, Value: uint32(c.Dim)},
		{Key: keyBlocks, Value: uint32(c.Layers)}, {Key: keyFFN, Value: uint32(c.Hidden)},
		{Key: keyRopeDims, Value: uint32(c.HeadDim())}, {Key: keyHeads, Value: uint32(c.Heads)},
		{Key: keyKVHeads, Value: uint32(c.KVHeads)}, {Key: keyEps, Value: float32(rmsEpsilon)},
		{Key: keyRopeBase, Value: float32(ropeFreqBase)}, {Key: keyVocabSize, Value: uint32(c.Vocab)},
	}
}

// tokenizerKVs is tok as llama.cpp's SentencePiece ("llama") vocabulary:
// spaces become "▁", llama2.c's "\n<s>\n" and "\n</s>\n" become the
// control tokens <s> and </s>. It refuses a vocabulary that already holds
// "▁", which could not be told apart from a space on import.
func tokenizerKVs(tok *Tokenizer) ([]gguf.KV, error) {
	if tok == nil {
		return nil, nil
	}
	if err := tok.check(); err != nil {
		return nil, err
	}
	toks := make([]string, len(tok.Tokens))
	types := make([]int32, len(tok.Tokens))
	for i, s := range tok.Tokens {
		if strings.Contains(s, sentencePiece) {
			return nil, fmt.Errorf("llama: token %d %q holds U+2581, which GGUF uses for a space", i, s)
		}
		toks[i], types[i] = strings.ReplaceAll(s, " ", sentencePiece), tokNormal
		switch _, isByte := byteToken(s); {
		case i == TokBOS && s == "\n<s>\n":
			toks[i], types[i] = "<s>", tokControl
		case i == TokEOS && s == "\n</s>\n":
			toks[i], types[i] = "</s>", tokControl
		case i == 0 && s == "<unk>":
			types[i] = tokUnknown
		case isByte:
			types[i] = tokByte
		}
	}
	return []gguf.KV{
		{Key: keyTokModel, Value: "llama"}, {Key: keyTokens, Value: toks},
		{Key: keyScores, Value: append([]float32(nil), tok.Scores...)}, {Key: keyTokenTypes, Value: types},
		{Key: keyBOS, Value: uint32(TokBOS)}, {Key: keyEOS, Value: uint32(TokEOS)}, {Key: keyUNK, Value: uint32(0)},
		{Key: keyMaxTokLen, Value: uint32(tok.MaxTokenLength)},
	}, nil
}

// tokenizerFromGGUF reads a "llama" (SentencePiece) vocabulary back into
// llama2.c's form; other tokenizer models are refused. It returns nil if
// the file carries no tokenizer.
func tokenizerFromGGUF(f *gguf.File) (*Tokenizer, error) {
	v, ok := f.Get(keyTokens)
	if !ok {
		return nil, nil
	}
	if m, err := f.String(keyTokModel); err != nil || m != "llama" {
		return nil, fmt.Errorf("llama: GGUF tokenizer model %q is not SentencePiece (\"llama\")", m)
	}
	toks, ok := v.([]string)
	if !ok {
		return nil, fmt.Errorf("llama: %s is %T, not a string array", keyTokens, v)
	}
	scores := make([]float32, len(toks))
	if sv, ok := f.Get(keyScores); ok {
		s, ok := sv.([]float32)
		if !ok || len(s) != len(toks) {
			return nil, fmt.Errorf("llama: %s must be %d float32 scores", keyScores, len(toks))
		}
		copy(scores, s)
	}
	var types []int32
	if tv, ok := f.Get(keyTokenTypes); ok {
		if types, ok = tv.([]int32); !ok || len(types) != len(toks) {
			return nil, fmt.Errorf("llama: %s must be %d int32 types", keyTokenTypes, len(toks))
		}
	}
	out := make([]string, len(toks))
	for i, s := range toks {
		out[i] = strings.ReplaceAll(s, sentencePiece, " ")
		if types != nil && types[i] == tokControl {
			switch {
			case i == TokBOS && s == "<s>":
				out[i] = "\n<s>\n"
			case i == TokEOS && s == "</s>":
				out[i] = "\n</s>\n"
			}
		}
	}
	tok, err := NewTokenizer(out, scores)
	if err != nil {
		return nil, err
	}
	if _, ok := f.Get(keyMaxTokLen); ok {
		n, err := f.Uint(keyMaxTokLen)
		if err != nil || n < uint64(tok.MaxTokenLength) || n > MaxTokenBytes {
			return nil, fmt.Errorf("llama: %s must be an integer in [%d,%d]", keyMaxTokLen, tok.MaxTokenLength, MaxTokenBytes)
		}
		tok.MaxTokenLength = int(n)
	}
	return tok, nil
}

// fileTypeOf is general.file_type for matrices of type t (llama.cpp's
// LLAMA_FTYPE: 0 all F32, 1 mostly F16, 7 mostly Q8_0).
func fileTypeOf(t gguf.TensorType) uint32 {
	switch t {
	case gguf.F16:
		return 1
	case gguf.Q8_0:
		return 7
	}
	return 0
}

// WriteGGUF writes ck (and tok, if not nil) as a llama GGUF file named
// name. Matrices and the embedding are stored as typ (F32, F16 or Q8_0; a
// Q8_0 matrix whose rows do not split into blocks of 32 is stored F32);
// the RMSNorm gains are F32, as llama.cpp stores them. The legacy RoPE
// tables of a llama2.c checkpoint are not written (they are recomputed).
func WriteGGUF(w io.Writer, ck *Checkpoint, tok *Tokenizer, typ gguf.TensorType, name string) error {
	c := ck.Config
	if err := c.Validate(); err != nil {
		return err
	}
	if typ != gguf.F32 && typ != gguf.F16 && typ != gguf.Q8_0 {
		return fmt.Errorf("llama: GGUF export writes F32, F16 or Q8_0, not %s", typ)
	}
	if err := ck.checkSizes(); err != nil {
		return err
	}
	kvs := llamaKVs(c, name, fileTypeOf(typ))
	tk, err := tokenizerKVs(tok)
	if err != nil {
		return err
	}
	if tok != nil && len(tok.Tokens) != c.Vocab {
		return fmt.Errorf("llama: tokenizer has %d tokens, the model %d", len(tok.Tokens), c.Vocab)
	}
	kvs = append(kvs, tk...)
	layout := ggufLayout(c)
	infos := make([]gguf.TensorInfo, len(layout))
	for i, t := range layout {
		tt := typ
		if t.vector || (tt == gguf.Q8_0 && t.cols%gguf.QK8_0 != 0) {
			tt = gguf.F32
		}
		infos[i] = gguf.TensorInfo{Name: t.name, Dims: t.dims(), Type: tt}
	}
	return gguf.Write(w, kvs, infos, func(i int) ([]byte, error) {
		return gguf.Quantize(infos[i].Type, layout[i].data(ck))
	})
}

// checkSizes requires every weight array to have its configured length.
func (ck *Checkpoint) checkSizes() error {
	for _, f := range ck.fields() {
		if len(*f.p) != f.n {
			return fmt.Errorf("llama: weight array has %d values, want %d", len(*f.p), f.n)
		}
	}
	if len(ck.W.Cls) != ck.Config.Vocab*ck.Config.Dim {
		return fmt.Errorf("llama: classifier has %d values, want %d", len(ck.W.Cls), ck.Config.Vocab*ck.Config.Dim)
	}
	return nil
}

// WriteGGUFExact writes the int8 model Quantize makes of ck (calibrated
// on calib) as a GGUF file from which import rebuilds exactly that graph:
// every tensor is Q8_0 whose values are the int8 weights and whose block
// scales are the f16 nearest to the quantizer's scale, and the exact
// scales (weights and activations) travel as aivm.quant.* metadata. Other
// GGUF readers see an ordinary Q8_0 model.
func WriteGGUFExact(w io.Writer, ck *Checkpoint, calib []int, tok *Tokenizer, name string) error {
	c := ck.Config
	if err := c.Validate(); err != nil {
		return err
	}
	rg, err := calibrate(ck, calib)
	if err != nil {
		return err
	}
	return writeExact(w, c, &checkpointWeights{ck: ck, rg: rg}, tok, name)
}

// SynthGGUF writes the synthetic model of spec (what Synth writes as an
// .aivm file) as an exact int8 GGUF file, one tensor at a time.
func SynthGGUF(spec SynthSpec, w io.Writer) error {
	c, err := spec.Config()
	if err != nil {
		return err
	}
	return writeExact(w, c, &synthWeights{c: c, seed: spec.Seed}, nil, synthName(spec, c))
}

func synthName(spec SynthSpec, c Config) string {
	return fmt.Sprintf("synth-llama-%s-%dl", spec.Preset, c.Layers)
}

// writeExact writes src's int8 weights and scales as described at
// WriteGGUFExact.
func writeExact(w io.Writer, c Config, src stepWeights, tok *Tokenizer, name string) error {
	kvs := llamaKVs(c, name, fileTypeOf(gguf.Q8_0))
	tk, err := tokenizerKVs(tok)
	if err != nil {
		return err
	}
	kvs = append(kvs, tk...)
	kvs = append(kvs, gguf.KV{Key: keyResScale, Value: src.resScale()})
	for _, p := range probes {
		v := make([]float64, c.Layers)
		for l := range v {
			v[l] = src.scale(p, l)
		}
		kvs = append(kvs, gguf.KV{Key: keyActPrefix + p, Value: v})
	}
	kvs = append(kvs, gguf.KV{Key: keyActPrefix + "xn_final", Value: []float64{src.scale("xn_final", 0)}})
	_, _, shared, err := src.classifier()
	if err != nil {
		return err
	}
	c.Shared = shared
	layout := ggufLayout(c)
	gens := make([]func() (*tensor.Tensor, error), len(layout))
	rowScales := make([][]float64, len(layout))
	infos := make([]gguf.TensorInfo, len(layout))
	for i, t := range layout {
		lt, scales, err := t.source(src)
		if err != nil {
			return err
		}
		if t.cols%gguf.QK8_0 != 0 {
			return fmt.Errorf("llama: %s has rows of %d values, not whole Q8_0 blocks of %d", t.name, t.cols, gguf.QK8_0)
		}
		gens[i], rowScales[i] = lt.gen, scales
		infos[i] = gguf.TensorInfo{Name: t.name, Dims: t.dims(), Type: gguf.Q8_0}
		kvs = append(kvs, gguf.KV{Key: keyScalePfx + t.name, Value: compactScales(scales)})
	}
	return gguf.Write(w, kvs, infos, func(i int) ([]byte, error) {
		t, err := gens[i]()
		if err != nil {
			return nil, err
		}
		if t.DType != tensor.I8 {
			return nil, fmt.Errorf("llama: %s is %v, not int8", layout[i].name, t.DType)
		}
		return packQ8(t.I8, layout[i].cols, rowScales[i]), nil
	})
}

// source asks src for tensor t: its int8 tensor and its scales (one per
// row, or one for the whole tensor).
func (t ggufTensor) source(src stepWeights) (lazyTensor, []float64, error) {
	switch t.kind {
	case "embed":
		lt, s, err := src.embed()
		return lt, []float64{s}, err
	case "classifier":
		lt, s, _, err := src.classifier()
		return lt, []float64{s}, err
	case "gains":
		lt, s, err := src.gains(t.key, t.layer)
		return lt, []float64{s}, err
	}
	return src.matrix(t.key, t.layer, t.rows, t.cols)
}

// compactScales stores one value when every row shares it.
func compactScales(s []float64) []float64 {
	for _, x := range s[1:] {
		if x != s[0] {
			return s
		}
	}
	return s[:1]
}

// rowScale is the scale of row r given one scale or one per row.
func rowScale(s []float64, r int) float64 {
	if len(s) == 1 {
		return s[0]
	}
	return s[r]
}

// half is the f16 block scale standing for an exact scale s.
func half(s float64) uint16 { return gguf.FloatToHalf(float32(s)) }

// packQ8 stores int8 rows of cols values as Q8_0 blocks whose scale is
// the f16 nearest to the row's scale.
func packQ8(q []int8, cols int, scales []float64) []byte {
	out := make([]byte, 0, len(q)/gguf.QK8_0*(2+gguf.QK8_0))
	for r := 0; r*cols < len(q); r++ {
		d := half(rowScale(scales, r))
		for j := 0; j < cols; j += gguf.QK8_0 {
			out = gguf.AppendQ8Block(out, d, q[r*cols+j:r*cols+j+gguf.QK8_0])
		}
	}
	return out
}

// unpackQ8 is packQ8's inverse; it fails if any block's scale is not the
// f16 of its row's exact scale, so the file reads the same to llama.cpp.
func unpackQ8(name string, b []byte, rows, cols int, scales []float64) ([]int8, error) {
	blocks, err := gguf.Q8Blocks(b)
	if err != nil {
		return nil, err
	}
	per := cols / gguf.QK8_0
	if len(blocks) != rows*per {
		return nil, fmt.Errorf("llama: %s has %d Q8_0 blocks, want %d", name, len(blocks), rows*per)
	}
	out := make([]int8, 0, rows*cols)
	for r := range rows {
		d := half(rowScale(scales, r))
		for _, blk := range blocks[r*per : (r+1)*per] {
			if blk.D != d {
				return nil, fmt.Errorf("llama: %s row %d: block scale %#04x is not the f16 of its exact scale %g (%#04x)", name, r, blk.D, rowScale(scales, r), d)
			}
			out = append(out, blk.Qs[:]...)
		}
	}
	return out, nil
}

// exactWeights is the step graph's weight source over an exact int8 GGUF
// file: int8 values read as stored, scales from the metadata. Tensors are
// read one at a time when the graph is written.
type exactWeights struct {
	f      *gguf.File
	c      Config
	res    float64
	act    map[string][]float64
	scales map[string][]float64
	byName map[string]ggufTensor
}

func newExactWeights(f *gguf.File, c Config) (*exactWeights, error) {
	res, err := f.Float(keyResScale)
	if err != nil || !(res > 0) || math.IsInf(res, 0) {
		return nil, fmt.Errorf("llama: %s must be a positive float64", keyResScale)
	}
	ew := &exactWeights{f: f, c: c, res: res, act: map[string][]float64{}, scales: map[string][]float64{}, byName: map[string]ggufTensor{}}
	for _, p := range append(append([]string(nil), probes...), "xn_final") {
		want := c.Layers
		if p == "xn_final" {
			want = 1
		}
		v, err := positiveFloats(f, keyActPrefix+p, want, want)
		if err != nil {
			return nil, err
		}
		ew.act[p] = v
	}
	for _, t := range ggufLayout(c) {
		rows := t.rows
		if t.kind != "matrix" {
			rows = 1
		}
		v, err := positiveFloats(f, keyScalePfx+t.name, 1, rows)
		if err != nil {
			return nil, err
		}
		ew.scales[t.name] = v
		ew.byName[t.kind+"/"+t.key+"/"+fmt.Sprint(t.layer)] = t
	}
	return ew, nil
}

// positiveFloats reads a float64 array of key with a length of lo or hi,
// every value positive and finite.
func positiveFloats(f *gguf.File, key string, lo, hi int) ([]float64, error) {
	v, ok := f.Get(key)
	s, isF := v.([]float64)
	if !ok || !isF || (len(s) != lo && len(s) != hi) {
		return nil, fmt.Errorf("llama: exact GGUF needs %s, %d or %d float64 values", key, lo, hi)
	}
	for _, x := range s {
		if !(x > 0) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("llama: %s holds %v, not a positive scale", key, x)
		}
	}
	return s, nil
}

func (w *exactWeights) scale(name string, l int) float64 {
	if v := w.act[name]; l < len(v) {
		return v[l]
	}
	return 1.0 / 127
}

func (w *exactWeights) resScale() float64 { return w.res }

// tensor returns the int8 tensor of layout entry t, read lazily, shaped
// [rows, cols] ([cols] for vectors), with its per-tensor scale in the
// header when it has one scale.
func (w *exactWeights) tensor(t ggufTensor) (lazyTensor, []float64) {
	shape := []int{t.rows, t.cols}
	if t.vector {
		shape = []int{t.cols}
	}
	scales := w.scales[t.name]
	perTensor := t.kind != "matrix"
	return lazyTensor{spec: tensor.Spec{DType: tensor.I8, Shape: shape}, gen: func() (*tensor.Tensor, error) {
		ti, ok := w.f.Tensor(t.name)
		if !ok {
			return nil, fmt.Errorf("llama: GGUF has no %s", t.name)
		}
		if ti.Type != gguf.Q8_0 {
			return nil, fmt.Errorf("llama: exact GGUF tensor %s is %s, not Q8_0", t.name, ti.Type)
		}
		b, err := w.f.Data(ti)
		if err != nil {
			return nil, err
		}
		q, err := unpackQ8(t.name, b, t.rows, t.cols, scales)
		if err != nil {
			return nil, err
		}
		x, err := tensor.FromI8(q, shape...)
		if err == nil && perTensor {
			x.Quant = quant.QuantOf(scales[0])
		}
		return x, err
	}}, scales
}

func (w *exactWeights) lookup(kind, key string, l int) (ggufTensor, error) {
	t, ok := w.byName[kind+"/"+key+"/"+fmt.Sprint(l)]
	if !ok {
		return t, fmt.Errorf("llama: no %s %s for layer %d", kind, key, l)
	}
	return t, nil
}

func (w *exactWeights) embed() (lazyTensor, float64, error) {
	t, err := w.lookup("embed", "", 0)
	if err != nil {
		return lazyTensor{}, 0, err
	}
	lt, s := w.tensor(t)
	return lt, s[0], nil
}

func (w *exactWeights) classifier() (lazyTensor, float64, bool, error) {
	if w.c.Shared {
		return lazyTensor{}, 0, true, nil
	}
	t, err := w.lookup("classifier", "", 0)
	if err != nil {
		return lazyTensor{}, 0, false, err
	}
	lt, s := w.tensor(t)
	return lt, s[0], false, nil
}

func (w *exactWeights) matrix(name string, l, rows, cols int) (lazyTensor, []float64, error) {
	t, err := w.lookup("matrix", name, l)
	if err != nil {
		return lazyTensor{}, nil, err
	}
	lt, s := w.tensor(t)
	all := make([]float64, rows)
	for r := range all {
		all[r] = rowScale(s, r)
	}
	return lt, all, nil
}

func (w *exactWeights) gains(name string, l int) (lazyTensor, float64, error) {
	t, err := w.lookup("gains", name, l)
	if err != nil {
		return lazyTensor{}, 0, err
	}
	lt, s := w.tensor(t)
	return lt, s[0], nil
}
