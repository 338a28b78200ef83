package llama

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
)

// SynthSampled builds the synthetic model of spec in memory with a sample
// node, as QuantizeSampled does for trained checkpoints: the step graph a
// generation over the 7B-shaped model is unrolled from (issue 17). Its
// weights are Synth's for the same spec; the graph differs by the
// SamplingInput input and the sample node, so its root does not.
func SynthSampled(spec SynthSpec) (*graph.Model, error) {
	c, err := spec.Config()
	if err != nil {
		return nil, err
	}
	w := &synthWeights{c: c, seed: spec.Seed}
	b, err := buildStep(c, w, synthName(spec, c)+"-sampled")
	if err != nil {
		return nil, err
	}
	_, clsScale, _, err := w.classifier()
	if err != nil {
		return nil, err
	}
	return b.sampled(w.scale("xn_final", 0) * clsScale)
}

// materialize generates the builder's weight tensors into its model.
func (b *builder) materialize() error {
	for _, gen := range b.gens {
		t, err := gen()
		if err != nil {
			return err
		}
		b.m.Weights = append(b.m.Weights, t)
	}
	return nil
}

// sampled materializes the builder's model and ends its graph in a sample
// node over logits of real scale logitScale per unit.
func (b *builder) sampled(logitScale float64) (*graph.Model, error) {
	if err := b.materialize(); err != nil {
		return nil, err
	}
	if err := addSampler(b.m.Graph, logitScale); err != nil {
		return nil, err
	}
	if err := b.m.Validate(); err != nil {
		return nil, fmt.Errorf("llama: built graph is invalid: %w", err)
	}
	return b.m, nil
}
