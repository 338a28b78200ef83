package textllama

import (
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Generation is the result of Generate.
type Generation struct {
	Prompt []int  `json:"prompt_tokens"`
	Tokens []int  `json:"tokens"`
	Text   string `json:"text"` // the decoded continuation
}

// Generate tokenizes prompt and appends n tokens, every one chosen by the
// integer graph (its sample node, greedy at temperature 0). When the
// context fills up, a fresh session is prefilled with the last half of the
// context and decoding goes on; the sample seed of the r-th restart is
// smp.Seed + r, so draws do not repeat across restarts.
func Generate(m *graph.Model, tok *bpe.Tokenizer, prompt string, n int, smp llama.Sampling, opt graph.Options) (*Generation, error) {
	ids := tok.Encode([]byte(prompt))
	if len(ids) == 0 {
		return nil, errors.New("textllama: empty prompt")
	}
	if n < 0 {
		return nil, fmt.Errorf("textllama: %d tokens", n)
	}
	e, err := graph.NewExecutor(m)
	if err != nil {
		return nil, err
	}
	s, err := llama.NewSessionFor(e, opt)
	if err != nil {
		return nil, err
	}
	if len(ids) > s.Seq {
		ids = ids[len(ids)-s.Seq:] // keep the prompt's tail
	}
	restarts := uint32(0)
	// feed runs the session over ctx and returns the token after it.
	feed := func(ctx []int) (int, error) {
		s.Sampling = smp
		s.Sampling.Seed = smp.Seed + restarts
		next := 0
		for _, t := range ctx {
			var err error
			if next, _, err = s.Step(t); err != nil {
				return 0, fmt.Errorf("textllama: step at position %d: %w", s.Pos, err)
			}
		}
		return next, nil
	}
	next, err := feed(ids)
	if err != nil {
		return nil, err
	}
	g := &Generation{Prompt: ids}
	ctx := append([]int(nil), ids...)
	for {
		g.Tokens = append(g.Tokens, next)
		ctx = append(ctx, next)
		if len(g.Tokens) >= n {
			break
		}
		if s.Pos == s.Seq {
			restarts++
			ctx = append([]int(nil), ctx[len(ctx)-s.Seq/2:]...)
			if s, err = llama.NewSessionFor(e, opt); err != nil {
				return nil, err
			}
			next, err = feed(ctx)
		} else {
			next, err = feed(ctx[len(ctx)-1:])
		}
		if err != nil {
			return nil, err
		}
	}
	g.Tokens = g.Tokens[:n]
	text, err := tok.Decode(g.Tokens)
	if err != nil {
		return nil, err
	}
	g.Text = string(text)
	return g, nil
}

// SampleText is the text whose tokens feed the test items of Sample.
const SampleText = "Q:\tWhat is the difference between a duck? A:\tOne of its legs is both the same. " +
	"Never put off until tomorrow what you can do the day after tomorrow. %\n"

// SampleSampling is the sampling setting of the test items: a non-zero
// temperature and a top-p cut, so the sample node runs its full path.
var SampleSampling = llama.Sampling{Seed: 1, Temperature: 52429 /* 0.8 */, TopP: 58982 /* 0.9 */}

// Sample returns test item n: the step inputs at position n of SampleText,
// with the KV cache filled by the integer model on the tokens before it.
func Sample(m *graph.Model, n int) ([]*tensor.Tensor, error) {
	tok, err := Tokenizer(m)
	if err != nil {
		return nil, err
	}
	s, err := llama.NewSession(m, graph.Options{})
	if err != nil {
		return nil, err
	}
	s.Sampling = SampleSampling
	ids := tok.Encode([]byte(SampleText))
	if n < 0 || n >= min(len(ids), s.Seq) {
		return nil, fmt.Errorf("textllama: sample %d outside [0,%d)", n, min(len(ids), s.Seq))
	}
	for _, t := range ids[:n] {
		if _, _, err := s.Step(t); err != nil {
			return nil, err
		}
	}
	return s.Inputs(ids[n])
}
