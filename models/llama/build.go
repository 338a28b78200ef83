package llama

import (
	"fmt"
	"math"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/quant"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Name is the built-in model's name.
const Name = "tiny-llama"

// CalibTokens is the default calibration (and test) token sequence: a fixed
// pseudo-random walk over the vocabulary.
func CalibTokens(c Config, n int) []int {
	n = min(n, c.Seq)
	out := make([]int, n)
	for i := range out {
		out[i] = (1 + 37*i + 11*i*i) % c.Vocab
	}
	return out
}

// ranges records the largest |activation| seen per probe point.
type ranges map[string]float64

func key(name string, layer int) string { return fmt.Sprintf("%s/%d", name, layer) }

// calibrate runs the float reference over tokens and returns activation
// ranges for every probe point.
func calibrate(ck *Checkpoint, tokens []int) (ranges, error) {
	rg := ranges{}
	st := NewState(ck.Config)
	probe := func(name string, layer int, x []float32) {
		k := key(name, layer)
		rg[k] = math.Max(rg[k], quant.MaxAbs(x))
		if name == "resid" {
			rg["resid"] = math.Max(rg["resid"], quant.MaxAbs(x))
		}
	}
	for pos, t := range tokens {
		if _, err := ck.Forward(st, t, pos, probe); err != nil {
			return nil, err
		}
	}
	return rg, nil
}

// scale turns a range into an int8 scale (never zero).
func (rg ranges) scale(name string, layer int) float64 {
	if v := rg[key(name, layer)]; v > 0 {
		return v / 127
	}
	return 1.0 / 127
}

// lazyTensor is a weight known by its spec, produced only when asked for:
// a synthetic 7B-shaped model is written to disk one tensor at a time and
// never held whole.
type lazyTensor struct {
	spec tensor.Spec
	gen  func() (*tensor.Tensor, error)
}

// eager wraps a tensor already in memory.
func eager(t *tensor.Tensor) lazyTensor {
	return lazyTensor{spec: tensor.Spec{DType: t.DType, Shape: t.Shape}, gen: func() (*tensor.Tensor, error) { return t, nil }}
}

// stepWeights supplies the int8 weights of one forward step and the scales
// the graph requantizes between: quantized from a float checkpoint
// (Quantize) or generated (Synth). Names are the probe points of
// checkpoint.Forward ("q", "att", "h1", ...) and the weight names of the
// graph ("wq", "att_norm", ...).
type stepWeights interface {
	// scale is the int8 scale of activation probe name in layer l.
	scale(name string, l int) float64
	// resScale is the scale of the int32 residual stream.
	resScale() float64
	// embed is the token table [vocab, dim], per-tensor quantized.
	embed() (lazyTensor, float64, error)
	// classifier is the output projection [vocab, dim]; shared reuses embed.
	classifier() (t lazyTensor, scale float64, shared bool, err error)
	// matrix is weight name of layer l, [rows, cols], one scale per row.
	matrix(name string, l, rows, cols int) (lazyTensor, []float64, error)
	// gains are the RMSNorm gains name ("att_norm", "ffn_norm",
	// "final_norm") of layer l, per-tensor quantized.
	gains(name string, l int) (lazyTensor, float64, error)
}

// builder accumulates weights and nodes of the step graph.
type builder struct {
	m     *graph.Model
	gens  []func() (*tensor.Tensor, error)
	zeros map[int]graph.Ref
}

func (b *builder) weight(name string, t lazyTensor) graph.Ref {
	g := b.m.Graph
	g.Weights = append(g.Weights, graph.Named{Name: name, Spec: t.spec})
	b.gens = append(b.gens, t.gen)
	return graph.W(len(g.Weights) - 1)
}

func (b *builder) node(op graph.Op, name string, attrs []int64, in ...graph.Ref) graph.Ref {
	g := b.m.Graph
	g.Nodes = append(g.Nodes, graph.Node{Op: op, Name: name, Inputs: in, Attrs: attrs})
	return graph.S(g.NodeSlot(len(g.Nodes)))
}

// zeroBias returns a shared all-zero i32 bias of length n (LLaMA has none).
func (b *builder) zeroBias(n int) graph.Ref {
	if r, ok := b.zeros[n]; ok {
		return r
	}
	r := b.weight(fmt.Sprintf("zero%d", n), lazyTensor{spec: tensor.Spec{DType: tensor.I32, Shape: []int{n}},
		gen: func() (*tensor.Tensor, error) { return tensor.New(tensor.I32, n) }})
	b.zeros[n] = r
	return r
}

func mattr(m ops.Multiplier) []int64 { return []int64{int64(m.M), int64(m.Shift)} }

// linear adds the FC node for weight name of layer l ([rows, cols], per-row
// scales) mapping int8 input of scale inScale to int8 output of scale
// outScale.
func (b *builder) linear(src stepWeights, name string, l, rows, cols int, x graph.Ref, inScale, outScale float64) (graph.Ref, error) {
	wt, ws, err := src.matrix(name, l, rows, cols)
	if err != nil {
		return 0, err
	}
	full := fmt.Sprintf("l%d.%s", l, name)
	pairs := make([]int32, 0, 2*rows)
	for _, s := range ws {
		m, err := quant.MultiplierFor(inScale * s / outScale)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", full, err)
		}
		pairs = append(pairs, m.M, int32(m.Shift))
	}
	rq, err := tensor.FromI32(pairs, rows, 2)
	if err != nil {
		return 0, err
	}
	wr := b.weight(full+".w", wt)
	rr := b.weight(full+".rq", eager(rq))
	return b.node(graph.OpFC, full, []int64{0}, x, wr, b.zeroBias(rows), rr), nil
}

// rmsnorm adds the RMSNorm node with gains name of layer l (node name
// full) from the residual stream to int8 of scale outScale.
func (b *builder) rmsnorm(src stepWeights, full, name string, l int, x graph.Ref, outScale float64) (graph.Ref, error) {
	gt, gs, err := src.gains(name, l)
	if err != nil {
		return 0, err
	}
	gr := b.weight(full+".g", gt)
	m, err := quant.MultiplierFor(16 * gs / outScale)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", full, err)
	}
	resScale := src.resScale()
	eps := min(math.Round(1e-5/(resScale*resScale)), 1<<53)
	return b.node(graph.OpRMSNorm, full, append(mattr(m), int64(eps)), x, gr), nil
}

func mult(name string, r float64) ([]int64, error) {
	m, err := quant.MultiplierFor(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return mattr(m), nil
}

// Quantize builds the integer graph of one forward step. Inputs: token i32
// [1], pos i32 [1], then K and V caches (i8 [seq, kvdim]) per layer. Outputs:
// next token (argmax) i32 [1], logits i32 [vocab], then the updated caches in
// input order. Scales come from a float reference pass over calib.
func Quantize(ck *Checkpoint, calib []int) (*graph.Model, error) {
	c := ck.Config
	if err := c.Validate(); err != nil {
		return nil, err
	}
	b, err := quantizeStep(ck, calib, Name)
	if err != nil {
		return nil, err
	}
	if err := b.materialize(); err != nil {
		return nil, err
	}
	if err := b.m.Validate(); err != nil {
		return nil, fmt.Errorf("llama: built graph is invalid: %w", err)
	}
	return b.m, nil
}

// quantizeStep calibrates ck on calib and builds the step graph named
// name over its quantized weights (left in the builder's gens).
func quantizeStep(ck *Checkpoint, calib []int, name string) (*builder, error) {
	if err := ck.Config.Validate(); err != nil {
		return nil, err
	}
	rg, err := calibrate(ck, calib)
	if err != nil {
		return nil, err
	}
	return buildStep(ck.Config, &checkpointWeights{ck: ck, rg: rg}, name)
}

// checkpointWeights quantizes a float checkpoint with calibrated ranges.
type checkpointWeights struct {
	ck *Checkpoint
	rg ranges
}

func (w *checkpointWeights) scale(name string, l int) float64 { return w.rg.scale(name, l) }

func (w *checkpointWeights) resScale() float64 {
	return math.Max(w.rg["resid"], 1e-6) / (ops.ResidualMax / 2)
}

// perTensor quantizes v symmetrically into an int8 tensor of shape and
// records the scale in its header.
func perTensor(v []float32, shape ...int) (lazyTensor, float64, error) {
	q, s := quant.Symmetric(v)
	t, err := tensor.FromI8(q, shape...)
	if err != nil {
		return lazyTensor{}, 0, err
	}
	t.Quant = quant.QuantOf(s)
	return eager(t), s, nil
}

func (w *checkpointWeights) embed() (lazyTensor, float64, error) {
	c := w.ck.Config
	return perTensor(w.ck.W.Embed, c.Vocab, c.Dim)
}

func (w *checkpointWeights) classifier() (lazyTensor, float64, bool, error) {
	c := w.ck.Config
	if c.Shared {
		return lazyTensor{}, 0, true, nil
	}
	t, s, err := perTensor(w.ck.W.Cls, c.Vocab, c.Dim)
	return t, s, false, err
}

func (w *checkpointWeights) matrix(name string, l, rows, cols int) (lazyTensor, []float64, error) {
	all := map[string][]float32{"wq": w.ck.W.WQ, "wk": w.ck.W.WK, "wv": w.ck.W.WV, "wo": w.ck.W.WO,
		"w1": w.ck.W.W1, "w2": w.ck.W.W2, "w3": w.ck.W.W3}[name]
	n := rows * cols
	if len(all) < (l+1)*n {
		return lazyTensor{}, nil, fmt.Errorf("llama: checkpoint has no %s for layer %d", name, l)
	}
	q, ws, err := quant.SymmetricRows(all[l*n:(l+1)*n], rows, cols)
	if err != nil {
		return lazyTensor{}, nil, err
	}
	t, err := tensor.FromI8(q, rows, cols)
	if err != nil {
		return lazyTensor{}, nil, err
	}
	return eager(t), ws, nil
}

func (w *checkpointWeights) gains(name string, l int) (lazyTensor, float64, error) {
	d := w.ck.Config.Dim
	switch name {
	case "att_norm":
		return perTensor(w.ck.W.RMSAtt[l*d:(l+1)*d], d)
	case "ffn_norm":
		return perTensor(w.ck.W.RMSFFN[l*d:(l+1)*d], d)
	}
	return perTensor(w.ck.W.RMSFinal, d)
}

// buildStep builds the step graph named name of config c over src's
// weights; the weights are left in b.gens.
func buildStep(c Config, src stepWeights, name string) (*builder, error) {
	d, hd, kvd, h := c.Dim, c.HeadDim(), c.KVDim(), c.Hidden
	g := &graph.Graph{Name: name}
	b := &builder{m: &graph.Model{Graph: g}, zeros: map[int]graph.Ref{}}
	pos1 := tensor.Spec{DType: tensor.I32, Shape: []int{1}}
	g.Inputs = []graph.Named{{Name: "token", Spec: pos1}, {Name: "pos", Spec: pos1}}
	cacheSpec := tensor.Spec{DType: tensor.I8, Shape: []int{c.Seq, kvd}}
	for l := 0; l < c.Layers; l++ {
		g.Inputs = append(g.Inputs, graph.Named{Name: fmt.Sprintf("k%d", l), Spec: cacheSpec}, graph.Named{Name: fmt.Sprintf("v%d", l), Spec: cacheSpec})
	}
	tok, pos := graph.S(0), graph.S(1)

	// Token embedding, per-tensor int8 so a shared classifier can reuse it.
	et, es, err := src.embed()
	if err != nil {
		return nil, err
	}
	embed := b.weight("embed", et)
	resScale := src.resScale()

	// RoPE table: round(2^14 cos), round(2^14 sin) per position and pair.
	tab := make([]int32, 0, c.Seq*hd)
	for p := 0; p < c.Seq; p++ {
		for j := 0; j < hd/2; j++ {
			a := ropeAngle(p, j, hd)
			tab = append(tab, int32(math.Round(math.Cos(a)*(1<<ops.RopeFrac))), int32(math.Round(math.Sin(a)*(1<<ops.RopeFrac))))
		}
	}
	tt, err := tensor.FromI32(tab, c.Seq, hd/2, 2)
	if err != nil {
		return nil, err
	}
	ropeTab := b.weight("rope", eager(tt))

	e := b.node(graph.OpEmbed, "embed", nil, embed, tok)
	ma, err := mult("embed", es/resScale)
	if err != nil {
		return nil, err
	}
	x := b.node(graph.OpRequant, "embed.resid", append([]int64{int64(tensor.I32)}, append(ma, 0)...), e)

	var caches []graph.Ref
	for l := 0; l < c.Layers; l++ {
		p := func(s string) string { return fmt.Sprintf("l%d.%s", l, s) }
		sXn, sQ, sK, sV := src.scale("xn_att", l), src.scale("q", l), src.scale("k", l), src.scale("v", l)
		xn, err := b.rmsnorm(src, p("att_norm"), "att_norm", l, x, sXn)
		if err != nil {
			return nil, err
		}
		q, err := b.linear(src, "wq", l, d, d, xn, sXn, sQ)
		if err != nil {
			return nil, err
		}
		k, err := b.linear(src, "wk", l, kvd, d, xn, sXn, sK)
		if err != nil {
			return nil, err
		}
		v, err := b.linear(src, "wv", l, kvd, d, xn, sXn, sV)
		if err != nil {
			return nil, err
		}
		q = b.node(graph.OpRoPE, p("rope_q"), []int64{int64(hd)}, q, pos, ropeTab)
		k = b.node(graph.OpRoPE, p("rope_k"), []int64{int64(hd)}, k, pos, ropeTab)
		kc := b.node(graph.OpKVWrite, p("k_cache"), nil, graph.S(2+2*l), k, pos)
		vc := b.node(graph.OpKVWrite, p("v_cache"), nil, graph.S(3+2*l), v, pos)
		caches = append(caches, kc, vc)
		sAtt := src.scale("att", l)
		msm, err := mult(p("softmax"), 256*math.Log2E*sQ*sK/math.Sqrt(float64(hd)))
		if err != nil {
			return nil, err
		}
		mo, err := mult(p("attn_out"), sV/(ops.ProbOne*sAtt))
		if err != nil {
			return nil, err
		}
		attrs := append(append([]int64{int64(c.Heads), int64(c.KVHeads), int64(hd)}, msm...), mo...)
		att := b.node(graph.OpAttention, p("attention"), attrs, q, kc, vc, pos)
		sO := src.scale("o", l)
		o, err := b.linear(src, "wo", l, d, d, att, sAtt, sO)
		if err != nil {
			return nil, err
		}
		mr, err := mult(p("resid_att"), sO/resScale)
		if err != nil {
			return nil, err
		}
		x = b.node(graph.OpResAdd, p("resid_att"), mr, x, o)

		sXn2, sH1, sH3 := src.scale("xn_ffn", l), src.scale("h1", l), src.scale("h3", l)
		xn2, err := b.rmsnorm(src, p("ffn_norm"), "ffn_norm", l, x, sXn2)
		if err != nil {
			return nil, err
		}
		h1, err := b.linear(src, "w1", l, h, d, xn2, sXn2, sH1)
		if err != nil {
			return nil, err
		}
		h3, err := b.linear(src, "w3", l, h, d, xn2, sXn2, sH3)
		if err != nil {
			return nil, err
		}
		sG, sM, sD := src.scale("silu", l), src.scale("hmul", l), src.scale("down", l)
		lt, err := tensor.FromI8(quant.LUT(quant.SiLU, sH1, sG), 256)
		if err != nil {
			return nil, err
		}
		gate := b.node(graph.OpLUT, p("silu"), nil, h1, b.weight(p("silu.lut"), eager(lt)))
		mm, err := mult(p("swiglu"), sG*sH3/sM)
		if err != nil {
			return nil, err
		}
		hm := b.node(graph.OpMul, p("swiglu"), mm, gate, h3)
		down, err := b.linear(src, "w2", l, d, h, hm, sM, sD)
		if err != nil {
			return nil, err
		}
		mr2, err := mult(p("resid_ffn"), sD/resScale)
		if err != nil {
			return nil, err
		}
		x = b.node(graph.OpResAdd, p("resid_ffn"), mr2, x, down)
	}
	xf, err := b.rmsnorm(src, "final_norm", "final_norm", 0, x, src.scale("xn_final", 0))
	if err != nil {
		return nil, err
	}
	cls := embed
	ct, _, shared, err := src.classifier()
	if err != nil {
		return nil, err
	}
	if !shared {
		cls = b.weight("classifier", ct)
	}
	logits := b.node(graph.OpMatMulAcc, "logits", nil, xf, cls, b.zeroBias(c.Vocab))
	next := b.node(graph.OpArgmax, "next_token", nil, logits)
	g.Outputs = append([]graph.Ref{next, logits}, caches...)
	if _, err := g.Validate(); err != nil {
		return nil, fmt.Errorf("llama: built graph is invalid: %w", err)
	}
	return b, nil
}
