package llama

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/aivm-dev/aivm/models/gguf"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Import turns a model file a user brings (a llama2.c checkpoint, with its
// tokenizer.bin, or a llama GGUF file) into the integer step graph. Float
// weights (llama2.c; GGUF F32, F16, Q8_0) go through Quantize's quantizer,
// calibrated like the built-in model. A GGUF file written by
// WriteGGUFExact or SynthGGUF carries its int8 weights and scales and is
// rebuilt exactly, streamed one tensor at a time, so 7B-sized files need no
// float copy in memory. The tokenizer, when there is one, is stored in the
// model as the blob TokenizerBlob, so the model root covers it.

// Formats Import recognises.
const (
	FormatLlama2c = "llama2c"
	FormatGGUF    = "gguf"
)

// DefaultImportName names an imported graph when neither the options nor
// the file give a name.
const DefaultImportName = "imported-llama"

// ImportOptions tune Import.
type ImportOptions struct {
	// Name is the graph name (part of the model root); empty takes GGUF's
	// general.name, else DefaultImportName.
	Name string
	// Seq shortens the context (the KV cache rows); 0 keeps the file's.
	Seq int
	// Calib are the calibration tokens of the float path; nil takes
	// CalibTokens(config, CalibLen).
	Calib []int
	// Tokenizer is a llama2.c checkpoint's tokenizer.bin (GGUF files carry
	// their own); TokenizerFile names one to read (vocab_size tokens).
	Tokenizer     *Tokenizer
	TokenizerFile string
}

// Imported is a model read by Import, its weights produced when written.
type Imported struct {
	Format string
	// Exact is true when the int8 weights and scales were read as stored
	// rather than quantized from floats.
	Exact     bool
	Config    Config
	Tokenizer *Tokenizer
	// Checkpoint holds the float weights (nil for an exact import).
	Checkpoint *Checkpoint
	Graph      *graph.Graph
	gens       []func() (*tensor.Tensor, error)
	closer     io.Closer
}

// Close releases the file an exact import reads from.
func (im *Imported) Close() error {
	if im.closer == nil {
		return nil
	}
	err := im.closer.Close()
	im.closer = nil
	return err
}

// Write streams the model file (the bytes Model().Encode gives) and
// returns its root.
func (im *Imported) Write(w io.Writer) (merkle.Hash, error) {
	return graph.WriteModel(w, im.Graph, func(i int) (*tensor.Tensor, error) { return im.gens[i]() })
}

// Model builds the whole model in memory.
func (im *Imported) Model() (*graph.Model, error) {
	m := &graph.Model{Graph: im.Graph}
	for _, gen := range im.gens {
		t, err := gen()
		if err != nil {
			return nil, err
		}
		m.Weights = append(m.Weights, t)
	}
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("llama: imported graph is invalid: %w", err)
	}
	return m, nil
}

// Sniff names the format of a file from its first bytes.
func Sniff(head []byte) string {
	if len(head) >= 4 && string(head[:4]) == "GGUF" {
		return FormatGGUF
	}
	return FormatLlama2c
}

// Import reads the model file at path (format by its first bytes).
func Import(path string, opts ImportOptions) (*Imported, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("llama: %w", err)
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if Sniff(head[:n]) == FormatGGUF {
		if opts.TokenizerFile != "" || opts.Tokenizer != nil {
			f.Close()
			return nil, fmt.Errorf("llama: %s is a GGUF file, which carries its own tokenizer", path)
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("llama: %w", err)
		}
		im, err := ImportGGUF(f, st.Size(), opts)
		if err != nil || !im.Exact {
			f.Close()
			return im, err
		}
		im.closer = f
		return im, nil
	}
	f.Close()
	ck, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	tok := opts.Tokenizer
	if opts.TokenizerFile != "" {
		if tok, err = ReadTokenizerFile(opts.TokenizerFile, ck.Config.Vocab); err != nil {
			return nil, err
		}
	}
	return importCheckpoint(ck, FormatLlama2c, tok, opts, "")
}

// ReadTokenizerFile reads a tokenizer.bin of vocab tokens (vocab <= 0:
// all it holds).
func ReadTokenizerFile(path string, vocab int) (*Tokenizer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("llama: %w", err)
	}
	defer f.Close()
	tok, err := ReadTokenizer(bufio.NewReader(f), vocab)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return tok, nil
}

// ImportCheckpoint quantizes a float checkpoint as Import does (the
// format is recorded as given).
func ImportCheckpoint(ck *Checkpoint, format string, tok *Tokenizer, opts ImportOptions) (*Imported, error) {
	return importCheckpoint(ck, format, tok, opts, "")
}

func importCheckpoint(ck *Checkpoint, format string, tok *Tokenizer, opts ImportOptions, fileName string) (*Imported, error) {
	if err := applySeq(ck, opts.Seq); err != nil {
		return nil, err
	}
	c := ck.Config
	if tok != nil && len(tok.Tokens) != c.Vocab {
		return nil, fmt.Errorf("llama: tokenizer has %d tokens, the model %d", len(tok.Tokens), c.Vocab)
	}
	calib := opts.Calib
	if calib == nil {
		calib = CalibTokens(c, CalibLen)
	}
	b, err := quantizeStep(ck, calib, importName(opts, fileName))
	if err != nil {
		return nil, err
	}
	if err := addTokenizer(b, tok); err != nil {
		return nil, err
	}
	return &Imported{Format: format, Config: c, Tokenizer: tok, Checkpoint: ck, Graph: b.m.Graph, gens: b.gens}, nil
}

func importName(opts ImportOptions, fileName string) string {
	switch {
	case opts.Name != "":
		return opts.Name
	case fileName != "":
		return fileName
	}
	return DefaultImportName
}

// applySeq shortens ck's context to seq (0 keeps it).
func applySeq(ck *Checkpoint, seq int) error {
	if seq == 0 || seq == ck.Config.Seq {
		return nil
	}
	if seq < 0 || seq > ck.Config.Seq {
		return fmt.Errorf("llama: context %d outside [1,%d]", seq, ck.Config.Seq)
	}
	n := seq * ck.Config.HeadDim() / 2
	ck.Config.Seq = seq
	if len(ck.W.FreqReal) >= n && len(ck.W.FreqImag) >= n {
		ck.W.FreqReal, ck.W.FreqImag = ck.W.FreqReal[:n], ck.W.FreqImag[:n]
	}
	return nil
}

// addTokenizer appends tok's tokenizer.bin as the model's tokenizer blob.
func addTokenizer(b *builder, tok *Tokenizer) error {
	if tok == nil {
		return nil
	}
	if err := tok.check(); err != nil {
		return err
	}
	t, err := tensor.FromU8(tok.Bytes(), len(tok.Bytes()))
	if err != nil {
		return err
	}
	b.weight(graph.BlobPrefix+TokenizerBlob, eager(t))
	if _, err := b.m.Graph.Validate(); err != nil {
		return fmt.Errorf("llama: graph with tokenizer: %w", err)
	}
	return nil
}

// ModelTokenizer returns the tokenizer stored in m, or nil if none.
func ModelTokenizer(m *graph.Model) (*Tokenizer, error) {
	b, ok := m.Blob(TokenizerBlob)
	if !ok {
		return nil, nil
	}
	vocab := 0
	if len(m.Graph.Outputs) > 1 {
		if s, err := m.Graph.Validate(); err == nil {
			if ls := s[m.Graph.Outputs[1].Index()]; len(ls.Shape) == 1 {
				vocab = ls.Shape[0]
			}
		}
	}
	return ParseTokenizer(b, vocab)
}

// ImportGGUF reads a llama GGUF file from r (size bytes).
func ImportGGUF(r io.ReaderAt, size int64, opts ImportOptions) (*Imported, error) {
	f, err := gguf.Parse(r, size)
	if err != nil {
		return nil, err
	}
	c, err := ggufConfig(f)
	if err != nil {
		return nil, err
	}
	tok, err := tokenizerFromGGUF(f)
	if err != nil {
		return nil, err
	}
	if tok != nil && len(tok.Tokens) != c.Vocab {
		return nil, fmt.Errorf("llama: GGUF tokenizer has %d tokens, token_embd %d rows", len(tok.Tokens), c.Vocab)
	}
	fileName, _ := f.String(keyName)
	if err := checkTensorNames(f, c); err != nil {
		return nil, err
	}
	if _, exact := f.Get(keyResScale); exact {
		if opts.Seq != 0 && opts.Seq <= c.Seq {
			c.Seq = opts.Seq
		} else if opts.Seq != 0 {
			return nil, fmt.Errorf("llama: context %d outside [1,%d]", opts.Seq, c.Seq)
		}
		src, err := newExactWeights(f, c)
		if err != nil {
			return nil, err
		}
		b, err := buildStep(c, src, importName(opts, fileName))
		if err != nil {
			return nil, err
		}
		if err := addTokenizer(b, tok); err != nil {
			return nil, err
		}
		return &Imported{Format: FormatGGUF, Exact: true, Config: c, Tokenizer: tok, Graph: b.m.Graph, gens: b.gens}, nil
	}
	ck, err := ggufCheckpoint(f, c)
	if err != nil {
		return nil, err
	}
	return importCheckpoint(ck, FormatGGUF, tok, opts, fileName)
}

// ReadGGUF reads the float checkpoint and tokenizer of a llama GGUF file
// (F32, F16 or Q8_0 tensors, dequantized).
func ReadGGUF(r io.ReaderAt, size int64) (*Checkpoint, *Tokenizer, error) {
	f, err := gguf.Parse(r, size)
	if err != nil {
		return nil, nil, err
	}
	c, err := ggufConfig(f)
	if err != nil {
		return nil, nil, err
	}
	if err := checkTensorNames(f, c); err != nil {
		return nil, nil, err
	}
	tok, err := tokenizerFromGGUF(f)
	if err != nil {
		return nil, nil, err
	}
	ck, err := ggufCheckpoint(f, c)
	return ck, tok, err
}

// ReadGGUFFile is ReadGGUF over a file.
func ReadGGUFFile(path string) (*Checkpoint, *Tokenizer, error) {
	b, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("llama: %w", err)
	}
	defer b.Close()
	st, err := b.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("llama: %w", err)
	}
	return ReadGGUF(b, st.Size())
}

// ggufConfig reads the model shape from the metadata, requiring the llama
// architecture and the RoPE and norm constants the step graph computes
// with.
func ggufConfig(f *gguf.File) (Config, error) {
	arch, err := f.String(keyArch)
	if err != nil {
		return Config{}, fmt.Errorf("llama: %w", err)
	}
	if arch != "llama" {
		return Config{}, fmt.Errorf("llama: GGUF architecture %q is not llama", arch)
	}
	get := func(key string, def uint64) (int, error) {
		if _, ok := f.Get(key); !ok && def > 0 {
			return int(def), nil
		}
		v, err := f.Uint(key)
		if err != nil {
			return 0, fmt.Errorf("llama: %w", err)
		}
		if v > math.MaxInt32 {
			return 0, fmt.Errorf("llama: %s = %d is too large", key, v)
		}
		return int(v), nil
	}
	var c Config
	for _, p := range []struct {
		dst *int
		key string
	}{{&c.Dim, keyEmbed}, {&c.Layers, keyBlocks}, {&c.Hidden, keyFFN}, {&c.Heads, keyHeads}, {&c.Seq, keyContext}} {
		if *p.dst, err = get(p.key, 0); err != nil {
			return c, err
		}
	}
	if c.KVHeads, err = get(keyKVHeads, uint64(max(c.Heads, 0))); err != nil {
		return c, err
	}
	emb, ok := f.Tensor("token_embd.weight")
	if !ok || len(emb.Dims) != 2 || emb.Dims[0] != uint64(c.Dim) || emb.Dims[1] > maxVocab {
		return c, fmt.Errorf("llama: GGUF needs token_embd.weight of shape [%d, vocab]", c.Dim)
	}
	c.Vocab = int(emb.Dims[1])
	_, hasOut := f.Tensor("output.weight")
	c.Shared = !hasOut
	if c.Seq > maxSeq {
		c.Seq = maxSeq // a longer context only enlarges the KV cache; import with a shorter one
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	if _, ok := f.Get(keyRopeDims); ok {
		if n, err := f.Uint(keyRopeDims); err != nil || n != uint64(c.HeadDim()) {
			return c, fmt.Errorf("llama: %s must be the head size %d (partial RoPE is not supported)", keyRopeDims, c.HeadDim())
		}
	}
	if _, ok := f.Get(keyRopeBase); ok {
		if b, err := f.Float(keyRopeBase); err != nil || b != ropeFreqBase {
			return c, fmt.Errorf("llama: %s must be %d (the step graph's RoPE table)", keyRopeBase, ropeFreqBase)
		}
	}
	return c, nil
}

// checkTensorNames requires exactly the layout's tensors with the
// layout's shapes, so no tensor that would change the math (rope_freqs,
// biases) is silently dropped, and a configuration that promises more than
// the file's tensors hold fails before anything is allocated for it.
func checkTensorNames(f *gguf.File, c Config) error {
	want := map[string]bool{}
	for _, t := range ggufLayout(c) {
		want[t.name] = true
		ti, ok := f.Tensor(t.name)
		if !ok {
			return fmt.Errorf("llama: GGUF has no tensor %s", t.name)
		}
		if !slices.Equal(ti.Dims, t.dims()) {
			return fmt.Errorf("llama: GGUF %s has dims %v, the configuration needs %v", t.name, ti.Dims, t.dims())
		}
	}
	var extra []string
	for _, t := range f.Tensors {
		if !want[t.Name] {
			extra = append(extra, t.Name)
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		if len(extra) > 5 {
			extra = append(extra[:5], "...")
		}
		return fmt.Errorf("llama: GGUF tensors outside the llama layout: %v", extra)
	}
	return nil
}

// ggufCheckpoint reads every tensor of the layout into float32; the
// caller has checked the names (checkTensorNames).
func ggufCheckpoint(f *gguf.File, c Config) (*Checkpoint, error) {
	ck := &Checkpoint{Config: c}
	for _, t := range ggufLayout(c) {
		ti, _ := f.Tensor(t.name)
		v, err := f.Float32s(ti)
		if err != nil {
			return nil, err
		}
		for _, x := range v {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, fmt.Errorf("llama: GGUF %s holds NaN or Inf", t.name)
			}
		}
		dst := ck.fieldFor(t)
		*dst = append(*dst, v...)
	}
	hd := c.Seq * c.HeadDim() / 2
	ck.W.FreqReal, ck.W.FreqImag = make([]float32, hd), make([]float32, hd)
	if c.Shared {
		ck.W.Cls = ck.W.Embed
	}
	return ck, ck.checkSizes()
}

// fieldFor is the weight array tensor t belongs to.
func (ck *Checkpoint) fieldFor(t ggufTensor) *[]float32 {
	switch t.kind {
	case "embed":
		return &ck.W.Embed
	case "classifier":
		return &ck.W.Cls
	case "gains":
		return map[string]*[]float32{"att_norm": &ck.W.RMSAtt, "ffn_norm": &ck.W.RMSFFN, "final_norm": &ck.W.RMSFinal}[t.key]
	}
	return map[string]*[]float32{"wq": &ck.W.WQ, "wk": &ck.W.WK, "wv": &ck.W.WV, "wo": &ck.W.WO,
		"w1": &ck.W.W1, "w2": &ck.W.W2, "w3": &ck.W.W3}[t.key]
}

// ReadAnyFile reads the float checkpoint and tokenizer of a llama2.c
// checkpoint (tokenizer from tokPath, if given) or a GGUF file.
func ReadAnyFile(path, tokPath string) (*Checkpoint, *Tokenizer, error) {
	head := make([]byte, 4)
	if f, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		f.Close()
	}
	if Sniff(head) == FormatGGUF {
		return ReadGGUFFile(path)
	}
	ck, err := ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if tokPath == "" {
		return ck, nil, nil
	}
	tok, err := ReadTokenizerFile(tokPath, ck.Config.Vocab)
	if err != nil {
		return nil, nil, err
	}
	return ck, tok, nil
}
