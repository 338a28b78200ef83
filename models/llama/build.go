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

// builder accumulates weights and nodes of the step graph.
type builder struct {
	m     *graph.Model
	zeros map[int]graph.Ref
}

func (b *builder) weight(name string, t *tensor.Tensor) graph.Ref {
	g := b.m.Graph
	g.Weights = append(g.Weights, graph.Named{Name: name, Spec: tensor.Spec{DType: t.DType, Shape: t.Shape}})
	b.m.Weights = append(b.m.Weights, t)
	return graph.W(len(b.m.Weights) - 1)
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
	t, _ := tensor.New(tensor.I32, n)
	r := b.weight(fmt.Sprintf("zero%d", n), t)
	b.zeros[n] = r
	return r
}

func mattr(m ops.Multiplier) []int64 { return []int64{int64(m.M), int64(m.Shift)} }

// linear quantizes one [rows, cols] float matrix per row and adds the FC node
// mapping int8 input of scale inScale to int8 output of scale outScale.
func (b *builder) linear(name string, w []float32, rows, cols int, x graph.Ref, inScale, outScale float64) (graph.Ref, error) {
	q, ws, err := quant.SymmetricRows(w, rows, cols)
	if err != nil {
		return 0, err
	}
	wt, err := tensor.FromI8(q, rows, cols)
	if err != nil {
		return 0, err
	}
	pairs := make([]int32, 0, 2*rows)
	for _, s := range ws {
		m, err := quant.MultiplierFor(inScale * s / outScale)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
		pairs = append(pairs, m.M, int32(m.Shift))
	}
	rq, err := tensor.FromI32(pairs, rows, 2)
	if err != nil {
		return 0, err
	}
	wr := b.weight(name+".w", wt)
	rr := b.weight(name+".rq", rq)
	return b.node(graph.OpFC, name, []int64{0}, x, wr, b.zeroBias(rows), rr), nil
}

// gains quantizes RMSNorm gains per tensor and returns the weight ref and scale.
func (b *builder) gains(name string, g []float32) (graph.Ref, float64, error) {
	q, s := quant.Symmetric(g)
	t, err := tensor.FromI8(q, len(q))
	if err != nil {
		return 0, 0, err
	}
	t.Quant = quant.QuantOf(s)
	return b.weight(name, t), s, nil
}

func (b *builder) rmsnorm(name string, x graph.Ref, g []float32, resScale, outScale float64) (graph.Ref, error) {
	gr, gs, err := b.gains(name+".g", g)
	if err != nil {
		return 0, err
	}
	m, err := quant.MultiplierFor(16 * gs / outScale)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	eps := min(math.Round(1e-5/(resScale*resScale)), 1<<53)
	return b.node(graph.OpRMSNorm, name, append(mattr(m), int64(eps)), x, gr), nil
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
	rg, err := calibrate(ck, calib)
	if err != nil {
		return nil, err
	}
	d, hd, kvd, h := c.Dim, c.HeadDim(), c.KVDim(), c.Hidden
	g := &graph.Graph{Name: Name}
	b := &builder{m: &graph.Model{Graph: g}, zeros: map[int]graph.Ref{}}
	pos1 := tensor.Spec{DType: tensor.I32, Shape: []int{1}}
	g.Inputs = []graph.Named{{Name: "token", Spec: pos1}, {Name: "pos", Spec: pos1}}
	cacheSpec := tensor.Spec{DType: tensor.I8, Shape: []int{c.Seq, kvd}}
	for l := 0; l < c.Layers; l++ {
		g.Inputs = append(g.Inputs, graph.Named{Name: fmt.Sprintf("k%d", l), Spec: cacheSpec}, graph.Named{Name: fmt.Sprintf("v%d", l), Spec: cacheSpec})
	}
	tok, pos := graph.S(0), graph.S(1)

	// Token embedding, per-tensor int8 so a shared classifier can reuse it.
	eq, es := quant.Symmetric(ck.W.Embed)
	et, err := tensor.FromI8(eq, c.Vocab, d)
	if err != nil {
		return nil, err
	}
	et.Quant = quant.QuantOf(es)
	embed := b.weight("embed", et)
	resScale := math.Max(rg["resid"], 1e-6) / (ops.ResidualMax / 2)

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
	ropeTab := b.weight("rope", tt)

	e := b.node(graph.OpEmbed, "embed", nil, embed, tok)
	ma, err := mult("embed", es/resScale)
	if err != nil {
		return nil, err
	}
	x := b.node(graph.OpRequant, "embed.resid", append([]int64{int64(tensor.I32)}, append(ma, 0)...), e)

	var caches []graph.Ref
	for l := 0; l < c.Layers; l++ {
		p := func(s string) string { return fmt.Sprintf("l%d.%s", l, s) }
		sXn, sQ, sK, sV := rg.scale("xn_att", l), rg.scale("q", l), rg.scale("k", l), rg.scale("v", l)
		xn, err := b.rmsnorm(p("att_norm"), x, ck.W.RMSAtt[l*d:(l+1)*d], resScale, sXn)
		if err != nil {
			return nil, err
		}
		q, err := b.linear(p("wq"), ck.W.WQ[l*d*d:(l+1)*d*d], d, d, xn, sXn, sQ)
		if err != nil {
			return nil, err
		}
		k, err := b.linear(p("wk"), ck.W.WK[l*kvd*d:(l+1)*kvd*d], kvd, d, xn, sXn, sK)
		if err != nil {
			return nil, err
		}
		v, err := b.linear(p("wv"), ck.W.WV[l*kvd*d:(l+1)*kvd*d], kvd, d, xn, sXn, sV)
		if err != nil {
			return nil, err
		}
		q = b.node(graph.OpRoPE, p("rope_q"), []int64{int64(hd)}, q, pos, ropeTab)
		k = b.node(graph.OpRoPE, p("rope_k"), []int64{int64(hd)}, k, pos, ropeTab)
		kc := b.node(graph.OpKVWrite, p("k_cache"), nil, graph.S(2+2*l), k, pos)
		vc := b.node(graph.OpKVWrite, p("v_cache"), nil, graph.S(3+2*l), v, pos)
		caches = append(caches, kc, vc)
		sAtt := rg.scale("att", l)
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
		sO := rg.scale("o", l)
		o, err := b.linear(p("wo"), ck.W.WO[l*d*d:(l+1)*d*d], d, d, att, sAtt, sO)
		if err != nil {
			return nil, err
		}
		mr, err := mult(p("resid_att"), sO/resScale)
		if err != nil {
			return nil, err
		}
		x = b.node(graph.OpResAdd, p("resid_att"), mr, x, o)

		sXn2, sH1, sH3 := rg.scale("xn_ffn", l), rg.scale("h1", l), rg.scale("h3", l)
		xn2, err := b.rmsnorm(p("ffn_norm"), x, ck.W.RMSFFN[l*d:(l+1)*d], resScale, sXn2)
		if err != nil {
			return nil, err
		}
		h1, err := b.linear(p("w1"), ck.W.W1[l*h*d:(l+1)*h*d], h, d, xn2, sXn2, sH1)
		if err != nil {
			return nil, err
		}
		h3, err := b.linear(p("w3"), ck.W.W3[l*h*d:(l+1)*h*d], h, d, xn2, sXn2, sH3)
		if err != nil {
			return nil, err
		}
		sG, sM, sD := rg.scale("silu", l), rg.scale("hmul", l), rg.scale("down", l)
		lt, err := tensor.FromI8(quant.LUT(quant.SiLU, sH1, sG), 256)
		if err != nil {
			return nil, err
		}
		gate := b.node(graph.OpLUT, p("silu"), nil, h1, b.weight(p("silu.lut"), lt))
		mm, err := mult(p("swiglu"), sG*sH3/sM)
		if err != nil {
			return nil, err
		}
		hm := b.node(graph.OpMul, p("swiglu"), mm, gate, h3)
		down, err := b.linear(p("w2"), ck.W.W2[l*d*h:(l+1)*d*h], d, h, hm, sM, sD)
		if err != nil {
			return nil, err
		}
		mr2, err := mult(p("resid_ffn"), sD/resScale)
		if err != nil {
			return nil, err
		}
		x = b.node(graph.OpResAdd, p("resid_ffn"), mr2, x, down)
	}
	xf, err := b.rmsnorm("final_norm", x, ck.W.RMSFinal, resScale, rg.scale("xn_final", 0))
	if err != nil {
		return nil, err
	}
	cls := embed
	if !c.Shared {
		cq, cs := quant.Symmetric(ck.W.Cls)
		ct, err := tensor.FromI8(cq, c.Vocab, d)
		if err != nil {
			return nil, err
		}
		ct.Quant = quant.QuantOf(cs)
		cls = b.weight("classifier", ct)
	}
	logits := b.node(graph.OpMatMulAcc, "logits", nil, xf, cls, b.zeroBias(c.Vocab))
	next := b.node(graph.OpArgmax, "next_token", nil, logits)
	g.Outputs = append([]graph.Ref{next, logits}, caches...)
	if err := b.m.Validate(); err != nil {
		return nil, fmt.Errorf("llama: built graph is invalid: %w", err)
	}
	return b.m, nil
}
