package textllama

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/train"
)

// Name is the built-in model's name.
const Name = "text-llama"

// Vocab is the tokenizer's vocabulary size (256 bytes + 768 merges).
const Vocab = 1024

// DefaultConfig produced the committed model.
func DefaultConfig() train.LMConfig {
	return train.LMConfig{Dim: 128, Hidden: 384, Layers: 4, Heads: 4, Vocab: Vocab, Seq: 64,
		Batch: 16, Steps: 9000, Warmup: 100, LR: 3e-3, MinLR: 3e-4, WeightDecay: 0.1, Clip: 1, Seed: 1,
		Workers: runtime.NumCPU()}
}

// TinyConfig is the CI-sized run: the same pipeline in seconds.
func TinyConfig() train.LMConfig {
	return train.LMConfig{Dim: 16, Hidden: 32, Layers: 1, Heads: 2, Vocab: 300, Seq: 16,
		Batch: 4, Steps: 8, Warmup: 2, LR: 3e-3, MinLR: 3e-4, WeightDecay: 0.1, Clip: 1, Seed: 1,
		Workers: runtime.NumCPU()}
}

// Trained is the output of a training run.
type Trained struct {
	Tokenizer *bpe.Tokenizer
	LM        *train.LM
	Stream    []int // the training split, encoded
}

// Train learns the tokenizer on the training split, encodes it and trains
// the float model. progress gets one line per logEvery steps.
func Train(ctx context.Context, c *Corpus, cfg train.LMConfig, logEvery int, progress io.Writer) (*Trained, error) {
	if progress == nil {
		progress = io.Discard
	}
	tok, err := bpe.Train(c.Train, cfg.Vocab)
	if err != nil {
		return nil, err
	}
	if tok.VocabSize() != cfg.Vocab {
		return nil, fmt.Errorf("textllama: tokenizer reached %d tokens, want %d", tok.VocabSize(), cfg.Vocab)
	}
	stream := tok.Encode(c.Train)
	fmt.Fprintf(progress, "tokenizer: %d tokens; train split %d bytes -> %d tokens (%.2f bytes/token); %d parameters\n",
		tok.VocabSize(), len(c.Train), len(stream), float64(len(c.Train))/float64(len(stream)), cfg.Params())
	lm, err := train.TrainLM(ctx, stream, cfg, logEvery, progress)
	if err != nil {
		return nil, err
	}
	return &Trained{Tokenizer: tok, LM: lm, Stream: stream}, nil
}
