package llama

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/quant"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Synthetic LLaMA-shaped models: the step graph Quantize builds, at real
// LLaMA sizes, with pseudo-random int8 weights generated from a seed rather
// than downloaded. They exist to show that a dispute over a 7B-shaped node
// reaches a verdict in the VM (docs/benchmarks.md, "LLaMA-7B-shaped
// nodes"): the weights carry no knowledge, but every node has the shape,
// the work and the memory footprint of the real model's.

// Presets are the shapes `aivm model synth llama --preset` knows. "7b" is
// LLaMA-7B (dim 4096, 32 heads, FFN 11008, vocab 32000, context 2048);
// "7b-mini" is the same architecture at one eighth of the width, the
// reduced shape CI runs the 7B path at.
var Presets = map[string]Config{
	"7b":      {Dim: 4096, Hidden: 11008, Layers: 32, Heads: 32, KVHeads: 32, Vocab: 32000, Seq: 2048},
	"7b-mini": {Dim: 512, Hidden: 1376, Layers: 32, Heads: 4, KVHeads: 4, Vocab: 4000, Seq: 256},
}

// PresetNames lists the presets in order.
func PresetNames() []string {
	var out []string
	for n := range Presets {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// SynthSpec selects a synthetic model: a preset, its layer count (0 keeps
// the preset's), context length (0 keeps the preset's) and the seed.
type SynthSpec struct {
	Preset string `json:"preset"`
	Layers int    `json:"layers"`
	Seq    int    `json:"seq"`
	Seed   uint64 `json:"seed"`
}

// Config resolves the spec to a checked model configuration.
func (s SynthSpec) Config() (Config, error) {
	c, ok := Presets[s.Preset]
	if !ok {
		return Config{}, fmt.Errorf("llama: unknown preset %q (have %v)", s.Preset, PresetNames())
	}
	if s.Layers != 0 {
		c.Layers = s.Layers
	}
	if s.Seq != 0 {
		c.Seq = s.Seq
	}
	return c, c.Validate()
}

// Synthetic model file names inside a synth directory.
const (
	SynthModelFile = "model.aivm"
	SynthInfoFile  = "synth.json"
)

// SynthInfo is synth.json: how the model was made and what it is.
type SynthInfo struct {
	Spec        SynthSpec   `json:"spec"`
	Config      Config      `json:"config"`
	ModelRoot   merkle.Hash `json:"model_root"`
	Nodes       int         `json:"nodes"`
	Weights     int         `json:"weights"`
	WeightBytes int64       `json:"weight_bytes"`
	FileBytes   int64       `json:"file_bytes"`
	MACs        int64       `json:"macs_per_step"`
}

// synthWeights generates weights and fixes scales so that activations keep
// unit scale through the step: uniform int8 weights scaled by
// sqrt(3/fan-in)/127 have variance 1/fan-in, so a matrix-vector product
// preserves the RMS of its input, and every int8 activation uses the range
// ±4 (four standard deviations of a unit-RMS signal).
type synthWeights struct {
	c    Config
	seed uint64
}

// actScale is the int8 scale of every activation probe: range ±4.
const actScale = 4.0 / 127

func (w *synthWeights) scale(string, int) float64 { return actScale }

// resScale gives the residual stream a range of ±16.
func (w *synthWeights) resScale() float64 { return 16.0 / (ops.ResidualMax / 2) }

// stream returns the generator of weight name: ChaCha8 keyed by
// keccak(seed, name), so each tensor can be produced alone and in any
// order.
func (w *synthWeights) stream(name string) *rand.ChaCha8 {
	var s [8]byte
	binary.LittleEndian.PutUint64(s[:], w.seed)
	return rand.NewChaCha8(merkle.Keccak([]byte("aivm/synth-llama"), s[:], []byte(name)))
}

// int8Tensor draws an int8 tensor of shape: values in [-127, 127] (a drawn
// -128 becomes 0, keeping them symmetric), or in [lo, 127] if lo > -127.
func (w *synthWeights) int8Tensor(name string, lo int8, shape ...int) lazyTensor {
	spec := tensor.Spec{DType: tensor.I8, Shape: shape}
	return lazyTensor{spec: spec, gen: func() (*tensor.Tensor, error) {
		n, err := tensor.NumElements(shape)
		if err != nil {
			return nil, err
		}
		b := make([]byte, n)
		g := w.stream(name)
		if _, err := g.Read(b); err != nil {
			return nil, err
		}
		v := make([]int8, n)
		for i, x := range b {
			switch {
			case lo > -127:
				v[i] = int8(int(lo) + int(x)%(128-int(lo)))
			case x == 0x80:
				v[i] = 0
			default:
				v[i] = int8(x)
			}
		}
		return tensor.FromI8(v, shape...)
	}}
}

// withQuant records scale in the generated tensor's header.
func withQuant(t lazyTensor, scale float64) lazyTensor {
	gen := t.gen
	t.gen = func() (*tensor.Tensor, error) {
		x, err := gen()
		if err == nil {
			x.Quant = quant.QuantOf(scale)
		}
		return x, err
	}
	return t
}

func (w *synthWeights) embed() (lazyTensor, float64, error) {
	const s = 1.0 / 127
	return withQuant(w.int8Tensor("embed", -127, w.c.Vocab, w.c.Dim), s), s, nil
}

func (w *synthWeights) classifier() (lazyTensor, float64, bool, error) {
	s := math.Sqrt(3/float64(w.c.Dim)) / 127
	return withQuant(w.int8Tensor("classifier", -127, w.c.Vocab, w.c.Dim), s), s, false, nil
}

func (w *synthWeights) matrix(name string, l, rows, cols int) (lazyTensor, []float64, error) {
	s := math.Sqrt(3/float64(cols)) / 127
	scales := make([]float64, rows)
	for i := range scales {
		scales[i] = s
	}
	return w.int8Tensor(fmt.Sprintf("l%d.%s", l, name), -127, rows, cols), scales, nil
}

// gains are drawn in [96, 127] with scale 1/112: gains of 0.86 to 1.13.
func (w *synthWeights) gains(name string, l int) (lazyTensor, float64, error) {
	const s = 1.0 / 112
	return withQuant(w.int8Tensor(fmt.Sprintf("l%d.%s", l, name), 96, w.c.Dim), s), s, nil
}

// StepMACs is the multiply-add count of one step at position pos: the
// seven projections per layer, attention over pos+1 positions and the
// output projection.
func StepMACs(c Config, pos int) int64 {
	d, kv, h := int64(c.Dim), int64(c.KVDim()), int64(c.Hidden)
	per := d*d*2 + 2*kv*d + 3*h*d + 2*int64(c.Heads)*int64(pos+1)*int64(c.HeadDim())
	return int64(c.Layers)*per + int64(c.Vocab)*d
}

// Synth writes the synthetic model of spec to dir (created if needed):
// model.aivm, streamed one weight tensor at a time, and synth.json. It
// returns what synth.json records. progress, if non-nil, is told each
// weight as it is written.
func Synth(spec SynthSpec, dir string, progress func(i, n int, name string, bytes int64)) (*SynthInfo, error) {
	c, err := spec.Config()
	if err != nil {
		return nil, err
	}
	b, err := buildStep(c, &synthWeights{c: c, seed: spec.Seed}, synthName(spec, c))
	if err != nil {
		return nil, err
	}
	g := b.m.Graph
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	path := filepath.Join(dir, SynthModelFile)
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	defer os.Remove(tmp)
	var wbytes int64
	root, err := graph.WriteModel(f, g, func(i int) (*tensor.Tensor, error) {
		t, err := b.gens[i]()
		if err == nil {
			wbytes += int64(t.EncodedSize())
			if progress != nil {
				progress(i, len(b.gens), g.Weights[i].Name, int64(t.EncodedSize()))
			}
		}
		return t, err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	info := &SynthInfo{Spec: spec, Config: c, ModelRoot: root, Nodes: len(g.Nodes), Weights: len(g.Weights),
		WeightBytes: wbytes, FileBytes: st.Size(), MACs: StepMACs(c, c.Seq-1)}
	js, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, SynthInfoFile), append(js, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	return info, nil
}

// ErrNotSynth means a directory holds no synthetic model.
var ErrNotSynth = errors.New("llama: not a synthetic model directory")

// SynthModel is a synthetic model opened from its directory, weights
// memory-mapped.
type SynthModel struct {
	*graph.MappedModel
	Info SynthInfo
}

// OpenSynth opens the synthetic model in dir: synth.json and the mapped
// model.aivm, whose root must be the one synth.json records.
func OpenSynth(dir string) (*SynthModel, error) {
	js, err := os.ReadFile(filepath.Join(dir, SynthInfoFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s has no %s", ErrNotSynth, dir, SynthInfoFile)
	}
	if err != nil {
		return nil, err
	}
	var info SynthInfo
	if err := json.Unmarshal(js, &info); err != nil {
		return nil, fmt.Errorf("llama: %s: %w", SynthInfoFile, err)
	}
	mm, err := graph.OpenFile(filepath.Join(dir, SynthModelFile))
	if err != nil {
		return nil, err
	}
	root, err := mm.Root()
	if err != nil {
		mm.Close()
		return nil, err
	}
	if root != info.ModelRoot {
		mm.Close()
		return nil, fmt.Errorf("llama: %s says model root %s, the model file is %s", SynthInfoFile, info.ModelRoot, root)
	}
	return &SynthModel{MappedModel: mm, Info: info}, nil
}

// SamplePos is the position of sample n: the last position of the context
// for sample 0 (attention over the whole cache, the largest step), one
// earlier for each further sample.
func SamplePos(c Config, n int) int { return c.Seq - 1 - n%c.Seq }

// Sample returns the inputs of sample n (n >= 0): a token and position
// derived from the seed, and K/V caches whose rows before the position
// hold pseudo-random int8 values (a history) and whose later rows are zero.
func (m *SynthModel) Sample(n int) ([]*tensor.Tensor, error) {
	if n < 0 {
		return nil, fmt.Errorf("llama: sample %d is negative", n)
	}
	c := m.Info.Config
	w := &synthWeights{c: c, seed: m.Info.Spec.Seed}
	pos := SamplePos(c, n)
	g := w.stream(fmt.Sprintf("sample%d", n))
	tok, _ := tensor.FromI32([]int32{int32(g.Uint64() % uint64(c.Vocab))}, 1)
	pt, _ := tensor.FromI32([]int32{int32(pos)}, 1)
	in := []*tensor.Tensor{tok, pt}
	kvd := c.KVDim()
	for l := 0; l < c.Layers; l++ {
		for _, kind := range []string{"k", "v"} {
			t, err := tensor.New(tensor.I8, c.Seq, kvd)
			if err != nil {
				return nil, err
			}
			hist := w.int8Tensor(fmt.Sprintf("sample%d.%s%d", n, kind, l), -127, pos*kvd)
			if pos > 0 {
				h, err := hist.gen()
				if err != nil {
					return nil, err
				}
				copy(t.I8, h.I8)
			}
			in = append(in, t)
		}
	}
	return in, nil
}
