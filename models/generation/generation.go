// Package generation commits a language-model generation as one graph: the
// step graph (token, pos, KV caches, sampling -> ..., sampled token) unrolled
// over every forward step of the prompt and the generated tokens, the caches
// and the sampled token of each step wired to the next step's inputs, and
// the generated tokens gathered into one i8 [T, 4] output tensor. Why one
// graph: the dispute game's phase G then bisects over (token, node) states
// with no new rule, and the kernel guest judges any node of any token as it
// judges a node of a single step (docs/protocol.md 8).
package generation

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
)

// TokenBytes is the width of a row of the token tensor: a token as its four
// little-endian bytes (kv_write and embedding carry int8 rows only).
const TokenBytes = 4

// ErrStepGraph reports a model that is not a sampled forward-step graph.
var ErrStepGraph = errors.New("generation: not a sampled step graph (token, pos, caches, sampling -> next, logits, caches, sampled)")

// Layout maps the unrolled graph's nodes back to steps and step nodes.
type Layout struct {
	Prompt    int // P: prompt window, the first P inputs
	Tokens    int // T: generated tokens, rows of the output tensor
	Steps     int // P + T - 1 forward steps
	StepNodes int // nodes of one step graph
	Nodes     int // nodes of the unrolled graph
	// StepNodeNames are the step graph's node names, for reports.
	StepNodeNames []string
	// SampleNode is the step graph's sample node (1-based).
	SampleNode int
}

// Position is where unrolled node k sits.
type Position struct {
	Step int // forward step 0..Steps-1
	// Token is the index of the generated token this step samples
	// (Step - (P-1)), or -1 for a prompt step whose sample is discarded.
	Token int
	// Node is the step graph's node (1-based), or 0 for the two nodes that
	// copy the sampled token into the output tensor.
	Node int
	Name string
}

// Locate returns the position of unrolled node k (1-based).
func (l *Layout) Locate(k int) (Position, error) {
	if k < 1 || k > l.Nodes {
		return Position{}, fmt.Errorf("generation: node %d outside [1,%d]", k, l.Nodes)
	}
	i := k - 1
	// steps 0..P-2 have n nodes each; later steps n+2.
	pre := (l.Prompt - 1) * l.StepNodes
	var s, j int
	if i < pre {
		s, j = i/l.StepNodes, i%l.StepNodes
	} else {
		w := l.StepNodes + 2
		s, j = l.Prompt-1+(i-pre)/w, (i-pre)%w
	}
	p := Position{Step: s, Token: s - (l.Prompt - 1)}
	if p.Token < 0 {
		p.Token = -1
	}
	switch {
	case j < l.StepNodes:
		p.Node, p.Name = j+1, l.StepNodeNames[j]
	case j == l.StepNodes:
		p.Name = "token_bytes"
	default:
		p.Name = "token_write"
	}
	return p, nil
}

// NodeOf is the inverse of Locate: the unrolled node of step node `node`
// (1-based) in step `step`.
func (l *Layout) NodeOf(step, node int) (int, error) {
	if step < 0 || step >= l.Steps || node < 1 || node > l.StepNodes {
		return 0, fmt.Errorf("generation: step %d node %d outside the layout", step, node)
	}
	pre := min(step, l.Prompt-1) * l.StepNodes
	later := max(0, step-(l.Prompt-1)) * (l.StepNodes + 2)
	return pre + later + node, nil
}

// stepShape checks the step graph's signature and returns its cache count
// and vocabulary.
func stepShape(g *graph.Graph) (caches, vocab int, slots []tensor.Spec, err error) {
	slots, err = g.Validate()
	if err != nil {
		return 0, 0, nil, err
	}
	nIn := len(g.Inputs)
	if nIn < 5 || g.Inputs[nIn-1].Name != llama.SamplingInput || len(g.Outputs) != nIn {
		return 0, 0, nil, ErrStepGraph
	}
	caches = nIn - 3
	if caches%2 != 0 {
		return 0, 0, nil, ErrStepGraph
	}
	sampled := g.Outputs[nIn-1]
	if sampled.IsWeight() || sampled.Index() != g.NodeSlot(len(g.Nodes)) || g.Nodes[len(g.Nodes)-1].Op != graph.OpSample {
		return 0, 0, nil, ErrStepGraph
	}
	for c := 0; c < caches; c++ {
		o := g.Outputs[2+c]
		if o.IsWeight() || o.Index() < nIn {
			return 0, 0, nil, ErrStepGraph
		}
	}
	logits := slots[g.Nodes[len(g.Nodes)-1].Inputs[0].Index()]
	return caches, logits.Shape[0], slots, nil
}

// UnrollGraph builds the unrolled graph of step graph g for a prompt window
// of prompt tokens and tokens generated tokens. Its inputs are the prompt
// tokens ("prompt.i", i32 [1] each) and the sampling tensor (i32 [3]: draw
// seed, temperature, top-p). Its weights are g's, then: one zero tensor per
// cache ("gen.cache.c", the caches before step 0), the positions
// ("gen.pos.s", i32 [1], s < Steps), the token byte table ("gen.token_bytes",
// i8 [V, 4], row v = v's little-endian bytes) and the empty token tensor
// ("gen.tokens", i8 [T, 4]). Step s runs g's nodes with token = prompt
// input s for s < P, else step s-1's sampled token; pos = gen.pos.s; caches
// = step s-1's cache outputs (gen.cache.c at step 0). Every step s >= P-1
// samples generated token j = s-P+1 and appends two nodes: an embedding of
// the sampled token in the byte table and a kv_write of that row into the
// token tensor at row j (position gen.pos.j). The only output is the last
// kv_write: the T generated tokens.
func UnrollGraph(g *graph.Graph, prompt, tokens int) (*graph.Graph, *Layout, error) {
	caches, vocab, _, err := stepShape(g)
	if err != nil {
		return nil, nil, err
	}
	steps := prompt + tokens - 1
	if prompt < 1 || tokens < 1 || prompt+1 > graph.MaxInputs {
		return nil, nil, fmt.Errorf("generation: prompt window %d and %d tokens: need 1 <= P < %d, T >= 1", prompt, tokens, graph.MaxInputs)
	}
	n := len(g.Nodes)
	total := steps*n + 2*tokens
	if total > graph.MaxNodes {
		return nil, nil, fmt.Errorf("generation: %d nodes exceed %d", total, graph.MaxNodes)
	}
	nIn := len(g.Inputs)
	u := &graph.Graph{Name: fmt.Sprintf("%s-gen-p%d-t%d", g.Name, prompt, tokens)}
	for i := 0; i < prompt; i++ {
		u.Inputs = append(u.Inputs, graph.Named{Name: fmt.Sprintf("prompt.%d", i), Spec: tensor.Spec{DType: tensor.I32, Shape: []int{1}}})
	}
	u.Inputs = append(u.Inputs, g.Inputs[nIn-1])
	sampling := graph.S(prompt)
	u.Weights = append(u.Weights, g.Weights...)
	addW := func(name string, spec tensor.Spec) graph.Ref {
		u.Weights = append(u.Weights, graph.Named{Name: name, Spec: spec})
		return graph.W(len(u.Weights) - 1)
	}
	zeroCache := make([]graph.Ref, caches)
	for c := range zeroCache {
		zeroCache[c] = addW(fmt.Sprintf("gen.cache.%d", c), g.Inputs[2+c].Spec)
	}
	pos := make([]graph.Ref, steps)
	for s := range pos {
		pos[s] = addW(fmt.Sprintf("gen.pos.%d", s), tensor.Spec{DType: tensor.I32, Shape: []int{1}})
	}
	table := addW("gen.token_bytes", tensor.Spec{DType: tensor.I8, Shape: []int{vocab, TokenBytes}})
	acc := addW("gen.tokens", tensor.Spec{DType: tensor.I8, Shape: []int{tokens, TokenBytes}})
	if len(u.Weights) > graph.MaxWeights {
		return nil, nil, fmt.Errorf("generation: %d weights exceed %d", len(u.Weights), graph.MaxWeights)
	}

	slotOf := func(k int) graph.Ref { return graph.S(u.NodeSlot(k)) } // unrolled node k's slot
	var prevSampled graph.Ref
	prevCaches := append([]graph.Ref(nil), zeroCache...)
	l := &Layout{Prompt: prompt, Tokens: tokens, Steps: steps, StepNodes: n, Nodes: total, SampleNode: n}
	for _, nd := range g.Nodes {
		l.StepNodeNames = append(l.StepNodeNames, nd.Name)
	}
	u.Nodes = make([]graph.Node, 0, total)
	for s := 0; s < steps; s++ {
		base := len(u.Nodes) // unrolled node index of step node 1, minus 1
		mapRef := func(r graph.Ref) graph.Ref {
			if r.IsWeight() {
				return r
			}
			i := r.Index()
			switch {
			case i >= nIn: // a node slot of this step
				return slotOf(base + i - nIn + 1)
			case i == 0:
				if s < prompt {
					return graph.S(s)
				}
				return prevSampled
			case i == 1:
				return pos[s]
			case i == nIn-1:
				return sampling
			default:
				return prevCaches[i-2]
			}
		}
		for _, nd := range g.Nodes {
			c := graph.Node{Op: nd.Op, Name: fmt.Sprintf("s%d/%s", s, nd.Name), Attrs: append([]int64(nil), nd.Attrs...)}
			for _, r := range nd.Inputs {
				c.Inputs = append(c.Inputs, mapRef(r))
			}
			u.Nodes = append(u.Nodes, c)
		}
		for c := range prevCaches {
			prevCaches[c] = mapRef(g.Outputs[2+c])
		}
		prevSampled = mapRef(g.Outputs[nIn-1])
		if j := s - (prompt - 1); j >= 0 {
			u.Nodes = append(u.Nodes, graph.Node{Op: graph.OpEmbed, Name: fmt.Sprintf("s%d/token_bytes", s), Inputs: []graph.Ref{table, prevSampled}})
			row := slotOf(len(u.Nodes))
			u.Nodes = append(u.Nodes, graph.Node{Op: graph.OpKVWrite, Name: fmt.Sprintf("s%d/token_write", s), Inputs: []graph.Ref{acc, row, pos[j]}})
			acc = slotOf(len(u.Nodes))
		}
	}
	u.Outputs = []graph.Ref{acc}
	if _, err := u.Validate(); err != nil {
		return nil, nil, fmt.Errorf("generation: unrolled graph: %w", err)
	}
	return u, l, nil
}

// Unroll builds the unrolled model of step model m (UnrollGraph) with its
// weight tensors: m's, then the constants UnrollGraph declares. The step
// model's weights are shared, not copied.
func Unroll(m *graph.Model, prompt, tokens int) (*graph.Model, *Layout, error) {
	u, l, err := UnrollGraph(m.Graph, prompt, tokens)
	if err != nil {
		return nil, nil, err
	}
	w := append([]*tensor.Tensor(nil), m.Weights...)
	for _, spec := range u.Weights[len(m.Weights):] {
		t, err := tensor.New(spec.Spec.DType, spec.Spec.Shape...)
		if err != nil {
			return nil, nil, err
		}
		w = append(w, t)
	}
	caches := len(m.Graph.Inputs) - 3
	at := len(m.Weights) + caches
	for s := 0; s < l.Steps; s++ {
		w[at+s].I32[0] = int32(s)
	}
	table := w[at+l.Steps]
	for v := 0; v < table.Shape[0]; v++ {
		for b := 0; b < TokenBytes; b++ {
			table.I8[v*TokenBytes+b] = int8(uint8(v >> (8 * b)))
		}
	}
	um := &graph.Model{Graph: u, Weights: w}
	if err := um.Validate(); err != nil {
		return nil, nil, fmt.Errorf("generation: unrolled model: %w", err)
	}
	return um, l, nil
}

// Sampling is a request's decoding settings with its draw seed (DrawSeed
// of the VRF seed), in the sample op's fixed point: the step model's own.
type Sampling = llama.Sampling

// DrawSeed is the 32 bits of a 32-byte VRF seed the sample op draws with:
// its last four bytes, big-endian (uint32(uint256(seed)) on chain).
func DrawSeed(seed [32]byte) uint32 { return binary.BigEndian.Uint32(seed[28:]) }

// RequestInputs is InputTensors for a request as the market records it:
// uint32 prompt ids, the Q16 settings and the VRF seed the draw seed
// comes from.
func RequestInputs(prompt []uint32, seed [32]byte, temperature, topP uint32) ([]*tensor.Tensor, error) {
	p := make([]int, len(prompt))
	for i, t := range prompt {
		p[i] = int(t)
	}
	return InputTensors(p, Sampling{Seed: DrawSeed(seed), Temperature: int32(temperature), TopP: int32(topP)})
}

// Inputs returns the unrolled graph's inputs for a prompt of exactly the
// prompt window and the sampling settings.
func Inputs(l *Layout, prompt []int, s Sampling) ([]*tensor.Tensor, error) {
	if len(prompt) != l.Prompt {
		return nil, fmt.Errorf("generation: prompt of %d tokens, the window is %d", len(prompt), l.Prompt)
	}
	return InputTensors(prompt, s)
}

// InputTensors is Inputs for the prompt window len(prompt): the graph
// inputs of a generation request as the market commits them (8.2).
func InputTensors(prompt []int, s Sampling) ([]*tensor.Tensor, error) {
	if s.Temperature < 0 || s.TopP < 1 || s.TopP > ops.SampleOne {
		return nil, fmt.Errorf("generation: temperature %d / top-p %d outside the op's range", s.Temperature, s.TopP)
	}
	in := make([]*tensor.Tensor, 0, len(prompt)+1)
	for _, t := range prompt {
		if t < 0 || t > 1<<31-1 {
			return nil, fmt.Errorf("generation: prompt token %d", t)
		}
		x, err := tensor.FromI32([]int32{int32(t)}, 1)
		if err != nil {
			return nil, err
		}
		in = append(in, x)
	}
	return append(in, s.Tensor()), nil
}

// Tokens decodes the i8 [T, 4] token tensor.
func Tokens(t *tensor.Tensor) ([]int, error) {
	if t == nil || t.DType != tensor.I8 || len(t.Shape) != 2 || t.Shape[1] != TokenBytes {
		return nil, errors.New("generation: token tensor is not i8 [T, 4]")
	}
	out := make([]int, t.Shape[0])
	for i := range out {
		var v uint32
		for b := 0; b < TokenBytes; b++ {
			v |= uint32(uint8(t.I8[i*TokenBytes+b])) << (8 * b)
		}
		out[i] = int(v)
	}
	return out, nil
}

// Deliver is what the market delivers from the committed tokens: the first
// maxTokens, cut after the first stop token when stop is set
// (InferenceMarket.generationTokens).
func Deliver(tokens []int, maxTokens int, stop *int) []int {
	out := tokens[:min(maxTokens, len(tokens))]
	if stop != nil {
		for i, t := range out {
			if t == *stop {
				return out[:i+1]
			}
		}
	}
	return out
}

// LayoutOf recovers the layout of an unrolled graph (UnrollGraph's): the
// prompt window from its inputs, T from the token tensor weight, the step
// graph's node names from step 0. A graph of another shape is refused.
func LayoutOf(u *graph.Graph) (*Layout, error) {
	p := len(u.Inputs) - 1
	if p < 1 || u.Inputs[p].Name != llama.SamplingInput || u.Inputs[0].Name != "prompt.0" || len(u.Outputs) != 1 {
		return nil, errors.New("generation: not an unrolled generation graph (prompt inputs, sampling, one output)")
	}
	t := 0
	for _, w := range u.Weights {
		if w.Name == "gen.tokens" && len(w.Spec.Shape) == 2 {
			t = w.Spec.Shape[0]
		}
	}
	steps := p + t - 1
	if t < 1 || (len(u.Nodes)-2*t) <= 0 || (len(u.Nodes)-2*t)%steps != 0 {
		return nil, errors.New("generation: the graph's node count does not fit its prompt window and token count")
	}
	n := (len(u.Nodes) - 2*t) / steps
	l := &Layout{Prompt: p, Tokens: t, Steps: steps, StepNodes: n, Nodes: len(u.Nodes), SampleNode: n}
	for _, nd := range u.Nodes[:n] {
		name, ok := strings.CutPrefix(nd.Name, "s0/")
		if !ok {
			return nil, fmt.Errorf("generation: node %q is not step 0's", nd.Name)
		}
		l.StepNodeNames = append(l.StepNodeNames, name)
	}
	if u.Nodes[n-1].Op != graph.OpSample {
		return nil, errors.New("generation: step 0 does not end in a sample node")
	}
	return l, nil
}
