// Package llama is the tiny-llama model: a llama2.c checkpoint reader and
// writer, a deterministic synthetic checkpoint, a float reference forward
// pass (for calibration and comparison), post-training quantization of one
// forward step (token, position, KV cache -> logits, next token, new KV
// cache) into an integer graph, and greedy decoding over that graph.
//
// Float code lives here, not in the guest: the guest only ever sees the
// quantized graph, whose committed bytes are identical on every platform.
package llama

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
)

// Config is the llama2.c checkpoint header.
type Config struct {
	Dim, Hidden, Layers, Heads, KVHeads, Vocab, Seq int
	// Shared is true when the classifier reuses the token embedding (a
	// positive vocab_size in the file header).
	Shared bool
}

// HeadDim is the per-head size.
func (c Config) HeadDim() int { return c.Dim / c.Heads }

// KVDim is the width of one K or V cache row.
func (c Config) KVDim() int { return c.KVHeads * c.HeadDim() }

// Limits accepted from checkpoint headers; they keep allocation bounded and
// the integer kernels inside their overflow bounds.
const (
	maxDim    = 1 << 14
	maxLayers = 256
	maxVocab  = 1 << 20
	maxSeq    = 1 << 14
)

// Validate checks internal consistency.
func (c Config) Validate() error {
	switch {
	case c.Dim < 2 || c.Dim > maxDim || c.Hidden < 1 || c.Hidden > 4*maxDim:
		return fmt.Errorf("llama: dim %d / hidden %d out of range", c.Dim, c.Hidden)
	case c.Layers < 1 || c.Layers > maxLayers:
		return fmt.Errorf("llama: %d layers out of range", c.Layers)
	case c.Heads < 1 || c.Dim%c.Heads != 0 || c.HeadDim()%2 != 0 || c.HeadDim() > 1024:
		return fmt.Errorf("llama: %d heads do not split dim %d into even heads <= 1024", c.Heads, c.Dim)
	case c.KVHeads < 1 || c.Heads%c.KVHeads != 0:
		return fmt.Errorf("llama: %d kv heads do not divide %d heads", c.KVHeads, c.Heads)
	case c.Vocab < 1 || c.Vocab > maxVocab || c.Seq < 1 || c.Seq > maxSeq:
		return fmt.Errorf("llama: vocab %d / seq %d out of range", c.Vocab, c.Seq)
	}
	return nil
}

// Weights holds float32 weights in llama2.c layout: matrices are row-major
// [out, in]; per-layer tensors are concatenated over layers.
type Weights struct {
	Embed              []float32 // [vocab, dim]
	RMSAtt             []float32 // [layers, dim]
	WQ, WK, WV, WO     []float32 // [layers, dim|kv, dim] and [layers, dim, dim]
	RMSFFN             []float32 // [layers, dim]
	W1, W2, W3         []float32 // [layers, hidden, dim], [layers, dim, hidden], [layers, hidden, dim]
	RMSFinal           []float32 // [dim]
	FreqReal, FreqImag []float32 // legacy [seq, headdim/2] tables, kept for round trips
	Cls                []float32 // [vocab, dim]; aliases Embed when shared
}

// Checkpoint is a parsed llama2.c model file.
type Checkpoint struct {
	Config Config
	W      Weights
}

// fields lists the weight arrays in file order with their lengths.
func (ck *Checkpoint) fields() []struct {
	p *[]float32
	n int
} {
	c := ck.Config
	l, d, h, kv, hd := c.Layers, c.Dim, c.Hidden, c.KVDim(), c.HeadDim()
	f := []struct {
		p *[]float32
		n int
	}{
		{&ck.W.Embed, c.Vocab * d}, {&ck.W.RMSAtt, l * d},
		{&ck.W.WQ, l * d * d}, {&ck.W.WK, l * kv * d}, {&ck.W.WV, l * kv * d}, {&ck.W.WO, l * d * d},
		{&ck.W.RMSFFN, l * d}, {&ck.W.W1, l * h * d}, {&ck.W.W2, l * d * h}, {&ck.W.W3, l * h * d},
		{&ck.W.RMSFinal, d}, {&ck.W.FreqReal, c.Seq * hd / 2}, {&ck.W.FreqImag, c.Seq * hd / 2},
	}
	if !c.Shared {
		f = append(f, struct {
			p *[]float32
			n int
		}{&ck.W.Cls, c.Vocab * d})
	}
	return f
}

// Read parses a llama2.c checkpoint: seven int32 header fields (dim,
// hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len; a negative
// vocab_size means an unshared classifier follows), then float32 weights.
func Read(r io.Reader) (*Checkpoint, error) {
	var hdr [28]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("llama: checkpoint header: %w", err)
	}
	c, err := parseHeader(hdr[:])
	if err != nil {
		return nil, err
	}
	ck := &Checkpoint{Config: c}
	for _, f := range ck.fields() {
		v, err := readFloats(r, f.n)
		if err != nil {
			return nil, err
		}
		*f.p = v
	}
	if n, _ := io.ReadFull(r, make([]byte, 1)); n != 0 {
		return nil, errors.New("llama: trailing bytes after the checkpoint weights")
	}
	if c.Shared {
		ck.W.Cls = ck.W.Embed
	}
	return ck, nil
}

// readFloats reads n little-endian float32 values in bounded pieces, so a
// header that promises more data than the stream holds fails on the missing
// bytes instead of allocating the promised size up front.
func readFloats(r io.Reader, n int) ([]float32, error) {
	const piece = 1 << 16
	var out []float32
	buf := make([]byte, 4*min(piece, n))
	for len(out) < n {
		k := min(piece, n-len(out))
		if _, err := io.ReadFull(r, buf[:4*k]); err != nil {
			return nil, fmt.Errorf("llama: truncated checkpoint: %w", err)
		}
		for i := 0; i < k; i++ {
			x := math.Float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return nil, errors.New("llama: checkpoint holds NaN or Inf weights")
			}
			out = append(out, x)
		}
	}
	return out, nil
}

// parseHeader decodes and validates the seven int32 header fields.
func parseHeader(b []byte) (Config, error) {
	var hdr [7]int32
	for i := range hdr {
		hdr[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	c := Config{Dim: int(hdr[0]), Hidden: int(hdr[1]), Layers: int(hdr[2]), Heads: int(hdr[3]),
		KVHeads: int(hdr[4]), Vocab: int(hdr[5]), Seq: int(hdr[6]), Shared: hdr[5] > 0}
	if c.Vocab < 0 {
		c.Vocab = -c.Vocab
	}
	return c, c.Validate()
}

// Write emits the checkpoint in llama2.c format.
func (ck *Checkpoint) Write(w io.Writer) error {
	c := ck.Config
	vocab := int32(c.Vocab)
	if !c.Shared {
		vocab = -vocab
	}
	hdr := [7]int32{int32(c.Dim), int32(c.Hidden), int32(c.Layers), int32(c.Heads), int32(c.KVHeads), vocab, int32(c.Seq)}
	if err := binary.Write(w, binary.LittleEndian, hdr); err != nil {
		return err
	}
	for _, f := range ck.fields() {
		if len(*f.p) != f.n {
			return fmt.Errorf("llama: weight array has %d values, want %d", len(*f.p), f.n)
		}
		buf := make([]byte, 4*f.n)
		for i, v := range *f.p {
			binary.LittleEndian.PutUint32(buf[4*i:], math.Float32bits(v))
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// TinyConfig is the synthetic model used by tests and the built-in
// tiny-llama: small enough for CI and for qemu runs.
var TinyConfig = Config{Dim: 64, Hidden: 172, Layers: 2, Heads: 4, KVHeads: 2, Vocab: 256, Seq: 64, Shared: false}

// Synthetic builds a checkpoint from seed whose weights are small integers
// times powers of two, so every value is an exact float32 produced by
// integer arithmetic only: the same bytes on every platform.
func Synthetic(c Config, seed uint64) (*Checkpoint, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(seed, 0x11a3a))
	ck := &Checkpoint{Config: c}
	// fill draws k in [-127, 127] and stores k * 2^-shift.
	fill := func(n int, shift int, offset float32) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = offset + float32(r.IntN(255)-127)*float32(math.Ldexp(1, -shift))
		}
		return v
	}
	// 2^-shift*127 ~ 1/sqrt(fan-in): shift = 7 + log2(sqrt(fan-in)).
	shiftFor := func(fanIn int) int { return 7 + int(math.Round(math.Log2(math.Sqrt(float64(fanIn))))) }
	l, d, h, kv := c.Layers, c.Dim, c.Hidden, c.KVDim()
	ck.W.Embed = fill(c.Vocab*d, 7, 0)
	ck.W.RMSAtt = fill(l*d, 10, 1)
	ck.W.WQ = fill(l*d*d, shiftFor(d), 0)
	ck.W.WK = fill(l*kv*d, shiftFor(d), 0)
	ck.W.WV = fill(l*kv*d, shiftFor(d), 0)
	ck.W.WO = fill(l*d*d, shiftFor(d), 0)
	ck.W.RMSFFN = fill(l*d, 10, 1)
	ck.W.W1 = fill(l*h*d, shiftFor(d), 0)
	ck.W.W2 = fill(l*d*h, shiftFor(h), 0)
	ck.W.W3 = fill(l*h*d, shiftFor(d), 0)
	ck.W.RMSFinal = fill(d, 10, 1)
	ck.W.FreqReal = make([]float32, c.Seq*c.HeadDim()/2)
	ck.W.FreqImag = make([]float32, c.Seq*c.HeadDim()/2)
	if c.Shared {
		ck.W.Cls = ck.W.Embed
	} else {
		ck.W.Cls = fill(c.Vocab*d, 7, 0)
	}
	return ck, nil
}
