package textllama

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
)

// Perplexity is one model's validation figure.
type Perplexity struct {
	NLL    float64 // total negative log-likelihood in nats
	Tokens int
	Bytes  int
}

// PerByte is exp(NLL / bytes).
func (p Perplexity) PerByte() float64 { return math.Exp(p.NLL / float64(p.Bytes)) }

// PerToken is exp(NLL / tokens).
func (p Perplexity) PerToken() float64 { return math.Exp(p.NLL / float64(p.Tokens)) }

// Windows cuts the validation tokens into consecutive windows of seq
// tokens (the last partial one dropped); every model is scored on tokens 1..
// seq-1 of each window given the tokens before it in the window. max > 0
// keeps the first max windows.
func Windows(val []int, seq, max int) [][]int {
	var out [][]int
	for o := 0; o+seq <= len(val); o += seq {
		out = append(out, val[o:o+seq])
	}
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

// scored counts the predicted tokens and their bytes.
func scored(tok *bpe.Tokenizer, wins [][]int) Perplexity {
	var p Perplexity
	for _, w := range wins {
		for _, t := range w[1:] {
			p.Tokens++
			p.Bytes += len(tok.Token(t))
		}
	}
	return p
}

// logProb returns log softmax(logits)[y] computed in float64.
func logProb(logits []float64, y int) float64 {
	mx := math.Inf(-1)
	for _, v := range logits {
		mx = math.Max(mx, v)
	}
	var z float64
	for _, v := range logits {
		z += math.Exp(v - mx)
	}
	return logits[y] - mx - math.Log(z)
}

// perWindow runs f on every window with workers goroutines and sums the
// results in window order (so the total does not depend on scheduling).
func perWindow(ctx context.Context, wins [][]int, workers int, f func(w []int) (float64, error)) (float64, error) {
	nll := make([]float64, len(wins))
	errs := make([]error, len(wins))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				nll[i], errs[i] = f(wins[i])
			}
		}()
	}
	for i := range wins {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var sum float64
	for i, v := range nll {
		if errs[i] != nil {
			return 0, fmt.Errorf("window %d: %w", i, errs[i])
		}
		sum += v
	}
	return sum, nil
}

// EvalFloat scores the float reference model.
func EvalFloat(ctx context.Context, ck *llama.Checkpoint, tok *bpe.Tokenizer, wins [][]int, workers int) (Perplexity, error) {
	p := scored(tok, wins)
	nll, err := perWindow(ctx, wins, workers, func(w []int) (float64, error) {
		st := llama.NewState(ck.Config)
		var s float64
		for i := 0; i+1 < len(w); i++ {
			logits, err := ck.Forward(st, w[i], i, nil)
			if err != nil {
				return 0, err
			}
			l := make([]float64, len(logits))
			for j, v := range logits {
				l[j] = float64(v)
			}
			s -= logProb(l, w[i+1])
		}
		return s, nil
	})
	p.NLL = nll
	return p, err
}

// LogitScale is the real value of one unit of the int8 graph's int32
// logits, read back from its sample node's multiplier (256 log2(e) times
// the scale).
func LogitScale(m *graph.Model) (float64, error) {
	for _, n := range m.Graph.Nodes {
		if n.Op == graph.OpSample && len(n.Attrs) == 2 {
			return float64(n.Attrs[0]) / math.Ldexp(256*math.Log2E, int(n.Attrs[1])), nil
		}
	}
	return 0, errors.New("textllama: the model has no sample node to read the logit scale from")
}

// EvalInt8 scores the integer step graph, run by the graph executor with
// the KV cache carried between steps; the int32 logits are scaled to reals
// before the (float, evaluation-only) softmax.
func EvalInt8(ctx context.Context, m *graph.Model, tok *bpe.Tokenizer, wins [][]int, workers int) (Perplexity, error) {
	p := scored(tok, wins)
	scale, err := LogitScale(m)
	if err != nil {
		return p, err
	}
	e, err := graph.NewExecutor(m)
	if err != nil {
		return p, err
	}
	nll, err := perWindow(ctx, wins, workers, func(w []int) (float64, error) {
		s, err := llama.NewSessionFor(e, graph.Options{})
		if err != nil {
			return 0, err
		}
		var sum float64
		for i := 0; i+1 < len(w); i++ {
			_, tr, err := s.Step(w[i])
			if err != nil {
				return 0, err
			}
			acc := tr.Outputs[1].I32
			l := make([]float64, len(acc))
			for j, v := range acc {
				l[j] = float64(v) * scale
			}
			sum -= logProb(l, w[i+1])
		}
		return sum, nil
	})
	p.NLL = nll
	return p, err
}

// BigramKs are the add-k smoothing constants tried for the baseline; the
// best one on the validation windows is reported, which favours the
// baseline.
var BigramKs = []float64{1, 0.3, 0.1, 0.03, 0.01, 0.003}

// EvalBigram scores a token bigram model with add-k smoothing counted on
// the training stream, for each k of BigramKs, and returns the best and
// its k.
func EvalBigram(train []int, vocab int, tok *bpe.Tokenizer, wins [][]int) (Perplexity, float64, error) {
	pair := make([]float64, vocab*vocab)
	uni := make([]float64, vocab)
	for i := 0; i+1 < len(train); i++ {
		a, b := train[i], train[i+1]
		if a < 0 || a >= vocab || b < 0 || b >= vocab {
			return Perplexity{}, 0, fmt.Errorf("textllama: token outside the vocabulary of %d", vocab)
		}
		pair[a*vocab+b]++
		uni[a]++
	}
	best, bestK := Perplexity{NLL: math.Inf(1)}, 0.0
	for _, k := range BigramKs {
		p := scored(tok, wins)
		for _, w := range wins {
			for i := 0; i+1 < len(w); i++ {
				a, b := w[i], w[i+1]
				p.NLL -= math.Log((pair[a*vocab+b] + k) / (uni[a] + k*float64(vocab)))
			}
		}
		if p.NLL < best.NLL {
			best, bestK = p, k
		}
	}
	return best, bestK, nil
}
