package train

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

var tinyLM = LMConfig{Dim: 8, Hidden: 12, Layers: 2, Heads: 2, Vocab: 11, Seq: 5, Batch: 2, Steps: 3, Warmup: 1,
	LR: 1e-2, MinLR: 1e-3, WeightDecay: 0.1, Clip: 1, Seed: 3}

// TestLMGradients compares the hand-written backward pass with central
// finite differences for sampled entries of every weight array of every
// layer (weights enlarged so that each gradient is well above float32
// noise).
func TestLMGradients(t *testing.T) {
	m, err := NewLM(tinyLM)
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(9, 9))
	for _, p := range m.params {
		for i := range p.w {
			if p.decay || p.name == "embed" {
				p.w[i] = float32(r.NormFloat64() * 0.5)
			} else {
				p.w[i] = float32(1 + 0.3*r.NormFloat64())
			}
		}
	}
	toks := [][]int{{1, 4, 2, 9, 3, 7}, {10, 0, 5, 5, 8, 2}}
	_, err = m.Loss(toks, true)
	require.NoError(t, err)
	analytic := map[string][]float32{}
	for _, p := range m.params {
		analytic[p.name] = append([]float32(nil), p.g...)
	}
	const eps = 1e-2
	for _, p := range m.params {
		layers := 1
		if len(p.w)%tinyLM.Layers == 0 && p.name != "embed" && p.name != "cls" && p.name != "rms_final" {
			layers = tinyLM.Layers
		}
		per := len(p.w) / layers
		for l := 0; l < layers; l++ {
			for s := 0; s < 4; s++ {
				i := l*per + r.IntN(per)
				if p.name == "embed" {
					i = toks[s%2][s]*tinyLM.Dim + r.IntN(tinyLM.Dim) // a row that is used
				}
				old := p.w[i]
				p.w[i] = old + eps
				up, err := m.Loss(toks, false)
				require.NoError(t, err)
				p.w[i] = old - eps
				down, err := m.Loss(toks, false)
				require.NoError(t, err)
				p.w[i] = old
				num := (up - down) / (2 * eps)
				a := float64(analytic[p.name][i])
				require.InDelta(t, num, a, 2e-3+0.03*math.Max(math.Abs(num), math.Abs(a)),
					fmt.Sprintf("%s layer %d index %d", p.name, l, i))
			}
		}
	}
}

// TestLMDeterministic trains a tiny model twice, with one and with two
// workers and threads, and requires byte-identical checkpoints.
func TestLMDeterministic(t *testing.T) {
	stream := make([]int, 200)
	for i := range stream {
		stream[i] = (i*i + 3*i) % tinyLM.Vocab
	}
	run := func(workers int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(workers)) // gonum's GEMM splits by GOMAXPROCS
		cfg := tinyLM
		cfg.Steps, cfg.Workers = 20, workers
		m, err := TrainLM(context.Background(), stream, cfg, 0, nil)
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, m.Checkpoint().Write(&buf))
		return buf.Bytes()
	}
	a, b := run(1), run(2)
	require.Equal(t, a, b)
	m0, err := NewLM(tinyLM)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, m0.Checkpoint().Write(&buf))
	require.NotEqual(t, buf.Bytes(), a, "training changed the weights")
}

// TestLMLearns: a short run on a repeating sequence lowers the loss.
func TestLMLearns(t *testing.T) {
	stream := make([]int, 300)
	for i := range stream {
		stream[i] = []int{1, 2, 3, 4, 5, 6, 7}[i%7]
	}
	cfg := tinyLM
	cfg.Steps, cfg.LR, cfg.Batch = 60, 3e-2, 4
	m0, err := NewLM(cfg)
	require.NoError(t, err)
	bs, err := NewBatches(stream, cfg)
	require.NoError(t, err)
	batch := bs.Next()
	before, err := m0.Loss(batch, false)
	require.NoError(t, err)
	m, err := TrainLM(context.Background(), stream, cfg, 0, nil)
	require.NoError(t, err)
	after, err := m.Loss(batch, false)
	require.NoError(t, err)
	require.Less(t, after, before/3, "loss %.3f -> %.3f", before, after)
}
