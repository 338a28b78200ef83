package llama

import (
	"fmt"
	"math"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/quant"
	"github.com/aivm-dev/aivm/models/tensor"
)

// SamplingInput is the name of the step graph's optional last input: i32
// [3] (seed, temperature Q16, top-p Q16) for the sample node.
const SamplingInput = "sampling"

// QuantizeSampled builds the step graph named name like Quantize, with two
// differences for trained models: activation ranges are the maxima over
// several calibration sequences (each from position 0 with an empty
// cache), and the graph ends in a sample node. Its inputs are token, pos,
// the caches and SamplingInput; its outputs are the greedy next token, the
// logits, the caches and the sampled token (equal to the greedy one at
// temperature 0).
func QuantizeSampled(ck *Checkpoint, calib [][]int, name string) (*graph.Model, error) {
	c := ck.Config
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if len(calib) == 0 {
		return nil, fmt.Errorf("llama: no calibration sequences")
	}
	rg := ranges{}
	for _, seq := range calib {
		r, err := calibrate(ck, seq)
		if err != nil {
			return nil, err
		}
		for k, v := range r {
			rg[k] = math.Max(rg[k], v)
		}
	}
	src := &checkpointWeights{ck: ck, rg: rg}
	b, err := buildStep(c, src, name)
	if err != nil {
		return nil, err
	}
	clsScale := 0.0
	if c.Shared {
		_, clsScale, err = src.embed()
	} else {
		_, clsScale, _, err = src.classifier()
	}
	if err != nil {
		return nil, err
	}
	return b.sampled(src.scale("xn_final", 0) * clsScale)
}

// addSampler appends the SamplingInput input (renumbering node slots, which
// follow the inputs) and a sample node over the logits (output 1) whose
// real scale per unit is logitScale, with the position as the draw counter.
func addSampler(g *graph.Graph, logitScale float64) error {
	nIn := len(g.Inputs)
	shift := func(r graph.Ref) graph.Ref {
		if !r.IsWeight() && r.Index() >= nIn {
			return graph.S(r.Index() + 1)
		}
		return r
	}
	for i := range g.Nodes {
		for j, r := range g.Nodes[i].Inputs {
			g.Nodes[i].Inputs[j] = shift(r)
		}
	}
	for i, r := range g.Outputs {
		g.Outputs[i] = shift(r)
	}
	g.Inputs = append(g.Inputs, graph.Named{Name: SamplingInput, Spec: tensor.Spec{DType: tensor.I32, Shape: []int{3}}})
	m, err := quant.MultiplierFor(256 * math.Log2E * logitScale)
	if err != nil {
		return fmt.Errorf("llama: sample multiplier: %w", err)
	}
	g.Nodes = append(g.Nodes, graph.Node{Op: graph.OpSample, Name: "sample", Inputs: []graph.Ref{g.Outputs[1], graph.S(1), graph.S(nIn)},
		Attrs: []int64{int64(m.M), int64(m.Shift)}})
	g.Outputs = append(g.Outputs, graph.S(g.NodeSlot(len(g.Nodes))))
	_, err = g.Validate()
	return err
}

// Sampling holds decoding settings in the sample op's fixed point.
type Sampling struct {
	Seed uint32
	// Temperature and TopP are Q16 (ops.SampleOne = 1.0); temperature 0
	// is greedy decoding.
	Temperature, TopP int32
}

// NewSampling converts float settings to the op's fixed point.
func NewSampling(seed uint32, temperature, topP float64) (Sampling, error) {
	if temperature < 0 || temperature > 1000 || topP <= 0 || topP > 1 {
		return Sampling{}, fmt.Errorf("llama: temperature %v must be in [0,1000] and top-p %v in (0,1]", temperature, topP)
	}
	return Sampling{Seed: seed, Temperature: int32(math.Round(temperature * ops.SampleOne)),
		TopP: max(1, int32(math.Round(topP*ops.SampleOne)))}, nil
}

// Tensor is the graph's sampling input, i32 [3]: seed, temperature,
// top-p.
func (s Sampling) Tensor() *tensor.Tensor {
	t, _ := tensor.FromI32([]int32{int32(s.Seed), s.Temperature, s.TopP}, 3)
	return t
}
