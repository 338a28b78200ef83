package llama

import (
	"embed"
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Seed is the synthetic checkpoint seed of the built-in tiny-llama.
const Seed = 42

// CalibLen is the number of calibration tokens used by Build.
const CalibLen = 48

// Build regenerates the built-in model: the synthetic checkpoint quantized
// with the default calibration tokens. Its bytes equal the committed
// assets/tiny-llama.aivm on amd64 (the float calibration is why the
// committed file, not this function, is the reference elsewhere).
func Build() (*graph.Model, error) {
	ck, err := Synthetic(TinyConfig, Seed)
	if err != nil {
		return nil, err
	}
	return Quantize(ck, CalibTokens(TinyConfig, CalibLen))
}

//go:embed assets
var assets embed.FS

// ModelFile is the committed model inside the embedded assets.
const ModelFile = "assets/tiny-llama.aivm"

// ModelBytes returns the committed model file.
func ModelBytes() ([]byte, error) { return assets.ReadFile(ModelFile) }

// Model decodes the committed built-in model.
func Model() (*graph.Model, error) {
	b, err := ModelBytes()
	if err != nil {
		return nil, err
	}
	m, err := graph.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("tiny-llama: committed model: %w", err)
	}
	return m, nil
}

// Session runs forward steps over a step graph, carrying the KV cache from
// each step's outputs to the next step's inputs.
type Session struct {
	Exec  *graph.Executor
	Opt   graph.Options
	Seq   int
	Vocab int
	Pos   int
	// Sampling feeds the sample node of a graph with a SamplingInput
	// (QuantizeSampled); the zero value is greedy decoding.
	Sampling Sampling
	sampler  bool
	caches   []*tensor.Tensor
}

// NewSession checks that m has the step-graph signature produced by
// Quantize and starts with empty caches at position 0.
func NewSession(m *graph.Model, opt graph.Options) (*Session, error) {
	e, err := graph.NewExecutor(m)
	if err != nil {
		return nil, err
	}
	return NewSessionFor(e, opt)
}

// NewSessionFor starts a session on an executor already built, so many
// sessions of one model (evaluation windows, generation restarts) skip
// validating and hashing its weights again; an Executor is only read.
func NewSessionFor(e *graph.Executor, opt graph.Options) (*Session, error) {
	g := e.Model.Graph
	caches := g.Inputs[min(2, len(g.Inputs)):]
	s := &Session{Exec: e, Opt: opt}
	if n := len(g.Inputs); n > 0 && g.Inputs[n-1].Name == SamplingInput {
		s.sampler, caches = true, caches[:max(0, len(caches)-1)]
	}
	if len(caches) < 2 || len(caches)%2 != 0 || len(g.Outputs) != len(g.Inputs) {
		return nil, errors.New("llama: model is not a forward-step graph (token, pos, caches[, sampling] -> next, logits, caches[, sampled])")
	}
	s.Seq = caches[0].Spec.Shape[0]
	if ls := e.Slots[g.Outputs[1].Index()]; len(ls.Shape) == 1 {
		s.Vocab = ls.Shape[0]
	}
	for _, in := range caches {
		c, err := tensor.New(in.Spec.DType, in.Spec.Shape...)
		if err != nil {
			return nil, err
		}
		s.caches = append(s.caches, c)
	}
	return s, nil
}

// Inputs returns the step inputs for token at the session's position.
func (s *Session) Inputs(token int) ([]*tensor.Tensor, error) {
	if s.Pos >= s.Seq {
		return nil, fmt.Errorf("llama: context of %d tokens is full", s.Seq)
	}
	if token < 0 || token >= s.Vocab {
		return nil, fmt.Errorf("llama: token %d outside vocabulary [0,%d)", token, s.Vocab)
	}
	tok, _ := tensor.FromI32([]int32{int32(token)}, 1)
	pos, _ := tensor.FromI32([]int32{int32(s.Pos)}, 1)
	in := append([]*tensor.Tensor{tok, pos}, s.caches...)
	if s.sampler {
		in = append(in, s.Sampling.Tensor())
	}
	return in, nil
}

// Step feeds one token and returns the next token (the sample node's
// output when the graph has one, else the greedy token) and the trace.
func (s *Session) Step(token int) (int, *graph.Trace, error) {
	in, err := s.Inputs(token)
	if err != nil {
		return 0, nil, err
	}
	tr, err := s.Exec.Run(in, s.Opt)
	if err != nil {
		return 0, nil, err
	}
	s.caches = tr.Outputs[2 : 2+len(s.caches)]
	s.Pos++
	next := tr.Outputs[0]
	if s.sampler {
		next = tr.Outputs[len(tr.Outputs)-1]
	}
	return int(next.I32[0]), tr, nil
}

// StepRecord is one decoding step for reports.
type StepRecord struct {
	Pos              int         `json:"pos"`
	Token            int         `json:"token"`
	Next             int         `json:"next"`
	OutputCommitment merkle.Hash `json:"output_commitment"`
}

// Generate feeds the prompt, then appends n tokens (greedy, or drawn by the
// graph's sample node with s.Sampling). It returns the
// generated tokens and one record per forward step.
func Generate(s *Session, prompt []int, n int) ([]int, []StepRecord, error) {
	if len(prompt) == 0 {
		return nil, nil, errors.New("llama: empty prompt")
	}
	if n < 0 || len(prompt)+n-1 > s.Seq-s.Pos {
		return nil, nil, fmt.Errorf("llama: prompt %d + %d tokens exceed the context of %d", len(prompt), n, s.Seq)
	}
	var out []int
	var recs []StepRecord
	tok := prompt[0]
	for i := 0; i < len(prompt)+n-1; i++ {
		if i < len(prompt) {
			tok = prompt[i]
		}
		pos := s.Pos
		next, tr, err := s.Step(tok)
		if err != nil {
			return nil, nil, fmt.Errorf("step %d: %w", i, err)
		}
		recs = append(recs, StepRecord{Pos: pos, Token: tok, Next: next, OutputCommitment: tr.OutputCommit})
		if i >= len(prompt)-1 {
			out = append(out, next)
		}
		tok = next
	}
	return out[:n], recs, nil
}

// Sample returns test item n: the inputs of step n of the default token
// sequence, with caches filled by running the integer model on tokens
// 0..n-1 (so attention sees a real history).
func Sample(m *graph.Model, n int) ([]*tensor.Tensor, error) {
	s, err := NewSession(m, graph.Options{})
	if err != nil {
		return nil, err
	}
	toks := CalibTokens(Config{Vocab: s.Vocab, Seq: s.Seq}, s.Seq)
	if n < 0 || n >= len(toks) {
		return nil, fmt.Errorf("llama: sample %d outside [0,%d)", n, len(toks))
	}
	for i := 0; i < n; i++ {
		if _, _, err := s.Step(toks[i]); err != nil {
			return nil, err
		}
	}
	return s.Inputs(toks[n])
}
