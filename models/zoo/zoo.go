// Package zoo resolves model names and files: built-in models are
// addressable by name ("fashion-mnist", "tiny-llama", "text-llama"), anything else is read
// as a model file. It also knows each built-in model's test set, so callers
// can ask for "item N" as an input.
package zoo

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/textllama"
)

// Sample is one test item: the inputs and, when known, the expected label.
type Sample struct {
	Inputs []*tensor.Tensor
	Label  string
}

// Entry is a built-in model.
type Entry struct {
	Name        string
	Description string
	Load        func() (*graph.Model, error)
	Sample      func(n int) (*Sample, error)
	// Explain turns outputs into a short human-readable answer.
	Explain func(outputs []*tensor.Tensor) string
}

var builtins = map[string]*Entry{}

// Register adds a built-in model (called from init functions).
func Register(e *Entry) { builtins[e.Name] = e }

// Names lists the built-in models.
func Names() []string {
	var out []string
	for n := range builtins {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Lookup returns a built-in model entry.
func Lookup(name string) (*Entry, bool) {
	e, ok := builtins[name]
	return e, ok
}

// Resolve loads a built-in model by name or by model root (0x-hex), a
// model file by path, or a synthetic model directory (`aivm model synth`),
// memory-mapped. The entry is nil for files.
func Resolve(nameOrPath string) (*graph.Model, *Entry, error) {
	if strings.HasPrefix(nameOrPath, "0x") && len(nameOrPath) == 66 {
		for _, name := range Names() {
			m, err := builtins[name].Load()
			if err != nil {
				continue
			}
			if r, err := m.Root(); err == nil && strings.EqualFold(r.Hex(), nameOrPath) {
				return m, builtins[name], nil
			}
		}
		return nil, nil, fmt.Errorf("no built-in model has root %s", nameOrPath)
	}
	if e, ok := builtins[nameOrPath]; ok {
		m, err := e.Load()
		if err != nil {
			return nil, nil, fmt.Errorf("model %s: %w", nameOrPath, err)
		}
		return m, e, nil
	}
	if st, err := os.Stat(nameOrPath); err == nil && st.IsDir() {
		return openSynth(nameOrPath)
	}
	b, err := os.ReadFile(nameOrPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, fmt.Errorf("model %q is neither a built-in model %v nor a file", nameOrPath, Names())
	}
	if err != nil {
		return nil, nil, fmt.Errorf("model file: %w", err)
	}
	m, err := graph.Decode(b)
	if err != nil {
		return nil, nil, fmt.Errorf("model file %s: %w", nameOrPath, err)
	}
	return m, nil, nil
}

func init() {
	Register(&Entry{
		Name:        fashion.Name,
		Description: "Fashion-MNIST int8 MLP classifier (784-256-128-10)",
		Load:        fashion.Model,
		Sample: func(n int) (*Sample, error) {
			set, _, err := fashion.TestSet()
			if err != nil {
				return nil, err
			}
			if n < 0 || n >= set.Len() {
				return nil, fmt.Errorf("sample %d outside the test set [0,%d)", n, set.Len())
			}
			in, err := fashion.Input(set.Image(n))
			if err != nil {
				return nil, err
			}
			return &Sample{Inputs: []*tensor.Tensor{in}, Label: fashion.ClassNames[set.Labels[n]]}, nil
		},
		Explain: func(outs []*tensor.Tensor) string {
			c, err := fashion.Predict(outs)
			if err != nil {
				return err.Error()
			}
			return fashion.ClassNames[c]
		},
	})
	Register(&Entry{
		Name:        llama.Name,
		Description: "LLaMA-architecture int8 forward step (synthetic checkpoint: dim 64, 2 layers, 4 heads / 2 KV heads, vocab 256, seq 64)",
		Load:        llama.Model,
		Sample: func(n int) (*Sample, error) {
			m, err := llama.Model()
			if err != nil {
				return nil, err
			}
			in, err := llama.Sample(m, n)
			if err != nil {
				return nil, err
			}
			return &Sample{Inputs: in}, nil
		},
		Explain: func(outs []*tensor.Tensor) string {
			if len(outs) == 0 || outs[0].DType != tensor.I32 || outs[0].Len() != 1 {
				return "not a tiny-llama step output"
			}
			return fmt.Sprintf("next token %d", outs[0].I32[0])
		},
	})
	Register(&Entry{
		Name:        textllama.Name,
		Description: "LLaMA int8 step graph with a sample node, trained here on the Debian fortunes corpus (dim 128, 4 layers, 4 heads, FFN 384, BPE vocab 1024, context 64); carries its tokenizer",
		Load:        textllama.Model,
		Sample: func(n int) (*Sample, error) {
			m, err := textllama.Model()
			if err != nil {
				return nil, err
			}
			in, err := textllama.Sample(m, n)
			if err != nil {
				return nil, err
			}
			return &Sample{Inputs: in}, nil
		},
		Explain: func(outs []*tensor.Tensor) string {
			last := outs[len(outs)-1]
			if len(outs) < 3 || last.DType != tensor.I32 || last.Len() != 1 {
				return "not a text-llama step output"
			}
			return fmt.Sprintf("greedy token %d, sampled token %d", outs[0].I32[0], last.I32[0])
		},
	})
}

// openSynth opens a synthetic model directory as an entry whose samples are
// the generator's. The mapping stays open for the life of the process.
func openSynth(dir string) (*graph.Model, *Entry, error) {
	sm, err := llama.OpenSynth(dir)
	if err != nil {
		return nil, nil, err
	}
	c := sm.Info.Config
	e := &Entry{
		Name: sm.Graph.Name,
		Description: fmt.Sprintf("synthetic LLaMA %s: %d layers, dim %d, %d heads, FFN %d, vocab %d, context %d, seed %d",
			sm.Info.Spec.Preset, c.Layers, c.Dim, c.Heads, c.Hidden, c.Vocab, c.Seq, sm.Info.Spec.Seed),
		Load: func() (*graph.Model, error) { return sm.Model, nil },
		Sample: func(n int) (*Sample, error) {
			in, err := sm.Sample(n)
			if err != nil {
				return nil, err
			}
			return &Sample{Inputs: in}, nil
		},
	}
	return sm.Model, e, nil
}
