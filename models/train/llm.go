package train

// LLaMA language-model training in float32 with a hand-written backward
// pass. Every reduction runs in a fixed order and parallel work is split by
// output element (each element is computed by exactly one goroutine with
// the same code), so a run is byte-identical for any worker count on a
// given platform.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/aivm-dev/aivm/models/llama"
)

// LMConfig is the architecture and the optimiser settings of a run.
type LMConfig struct {
	Dim, Hidden, Layers, Heads, Vocab, Seq int
	Batch, Steps, Warmup                   int
	LR, MinLR, WeightDecay, Clip           float64
	Seed                                   uint64
	// Workers splits kernels over goroutines; results do not depend on it.
	Workers int `json:"-"`
	// AfterStep, when set, is called after each optimiser step (snapshots
	// of long runs); it must not modify the model.
	AfterStep func(step int, m *LM) `json:"-"`
}

// Arch is the llama2.c config of the trained model (unshared classifier,
// as many KV heads as heads).
func (c LMConfig) Arch() llama.Config {
	return llama.Config{Dim: c.Dim, Hidden: c.Hidden, Layers: c.Layers, Heads: c.Heads, KVHeads: c.Heads, Vocab: c.Vocab, Seq: c.Seq}
}

// Params counts the trained weights.
func (c LMConfig) Params() int {
	d, h := c.Dim, c.Hidden
	return 2*c.Vocab*d + c.Layers*(4*d*d+3*d*h+2*d) + d
}

// param is one weight array with its gradient and Adam moments.
type param struct {
	name  string
	w, g  []float32
	m, v  []float32
	decay bool
}

// LM is a LLaMA model under training, in llama2.c weight layout.
type LM struct {
	Cfg    LMConfig
	W      llama.Weights
	params []*param
	cos    []float32 // [seq, hd/2]
	sin    []float32
}

// NewLM initialises weights from cfg.Seed: normal(0, 0.02), output
// projections scaled by 1/sqrt(2*layers), RMSNorm gains 1.
func NewLM(cfg LMConfig) (*LM, error) {
	if err := cfg.Arch().Validate(); err != nil {
		return nil, err
	}
	if cfg.Batch < 1 || cfg.Steps < 0 {
		return nil, fmt.Errorf("train: batch %d / steps %d", cfg.Batch, cfg.Steps)
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x11a3a))
	d, h, l, v := cfg.Dim, cfg.Hidden, cfg.Layers, cfg.Vocab
	normal := func(n int, std float64) []float32 {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(r.NormFloat64() * std)
		}
		return x
	}
	ones := func(n int) []float32 {
		x := make([]float32, n)
		for i := range x {
			x[i] = 1
		}
		return x
	}
	proj := 0.02 / math.Sqrt(float64(2*l))
	m := &LM{Cfg: cfg}
	w := &m.W
	w.Embed = normal(v*d, 0.02)
	w.RMSAtt = ones(l * d)
	w.WQ, w.WK, w.WV = normal(l*d*d, 0.02), normal(l*d*d, 0.02), normal(l*d*d, 0.02)
	w.WO = normal(l*d*d, proj)
	w.RMSFFN = ones(l * d)
	w.W1 = normal(l*h*d, 0.02)
	w.W2 = normal(l*d*h, proj)
	w.W3 = normal(l*h*d, 0.02)
	w.RMSFinal = ones(d)
	w.Cls = normal(v*d, 0.02)
	add := func(name string, x []float32, decay bool) {
		m.params = append(m.params, &param{name: name, w: x, g: make([]float32, len(x)),
			m: make([]float32, len(x)), v: make([]float32, len(x)), decay: decay})
	}
	add("embed", w.Embed, false)
	add("rms_att", w.RMSAtt, false)
	add("wq", w.WQ, true)
	add("wk", w.WK, true)
	add("wv", w.WV, true)
	add("wo", w.WO, true)
	add("rms_ffn", w.RMSFFN, false)
	add("w1", w.W1, true)
	add("w2", w.W2, true)
	add("w3", w.W3, true)
	add("rms_final", w.RMSFinal, false)
	add("cls", w.Cls, true)
	hd := d / cfg.Heads
	for p := 0; p < cfg.Seq; p++ {
		for j := 0; j < hd/2; j++ {
			a := float64(p) / math.Pow(10000, float64(2*j)/float64(hd))
			m.cos = append(m.cos, float32(math.Cos(a)))
			m.sin = append(m.sin, float32(math.Sin(a)))
		}
	}
	return m, nil
}

// Checkpoint returns the weights as a llama2.c checkpoint (sharing the
// arrays).
func (m *LM) Checkpoint() *llama.Checkpoint {
	c := m.Cfg.Arch()
	w := m.W
	w.FreqReal = make([]float32, c.Seq*c.HeadDim()/2)
	w.FreqImag = make([]float32, c.Seq*c.HeadDim()/2)
	for i := range w.FreqReal {
		w.FreqReal[i], w.FreqImag[i] = m.cos[i], m.sin[i]
	}
	return &llama.Checkpoint{Config: c, W: w}
}

// par runs f over [0, n) split into contiguous ranges, one per worker.
func par(workers, n int, f func(lo, hi int)) {
	if workers <= 1 || n < 2 {
		f(0, n)
		return
	}
	workers = min(workers, n)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		lo, hi := i*n/workers, (i+1)*n/workers
		wg.Add(1)
		go func() { defer wg.Done(); f(lo, hi) }()
	}
	wg.Wait()
}

// dot is a fixed-order float32 dot product (four interleaved partial sums).
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float32(a[i] * b[i])
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
	}
	for ; i < len(a); i++ {
		s0 += float32(a[i] * b[i])
	}
	return (s0 + s1) + (s2 + s3)
}

// linear is y = x w^T for x [n,k], w [rows,k].
func (m *LM) linear(x, w []float32, n, rows, k int) []float32 {
	y := make([]float32, n*rows)
	sgemm(false, true, n, rows, k, x, k, w, k, 0, y, rows, m.Cfg.Workers)
	return y
}

// linearBack returns dx = dy w and adds dw += dy^T x.
func (m *LM) linearBack(dy, x, w, dw []float32, n, rows, k int) []float32 {
	dx := make([]float32, n*k)
	sgemm(false, false, n, k, rows, dy, rows, w, k, 0, dx, k, m.Cfg.Workers)
	sgemm(true, false, rows, k, n, dy, rows, x, k, 1, dw, k, m.Cfg.Workers)
	return dx
}

const rmsEps = 1e-5

// rmsnorm writes y = g * x / rms(x) row by row and returns 1/rms per row.
func rmsnormRows(y, x, g []float32, n, d int) []float32 {
	inv := make([]float32, n)
	for i := 0; i < n; i++ {
		xi := x[i*d : (i+1)*d]
		var ss float64
		for _, v := range xi {
			ss += float64(v) * float64(v)
		}
		r := float32(1 / math.Sqrt(ss/float64(d)+rmsEps))
		inv[i] = r
		for j, v := range xi {
			y[i*d+j] = g[j] * float32(v*r)
		}
	}
	return inv
}

// rmsnormBack returns dx and adds dg for y = g * x * r.
func rmsnormBack(dy, x, g, inv, dg []float32, n, d int) []float32 {
	dx := make([]float32, n*d)
	for i := 0; i < n; i++ {
		xi, dyi, r := x[i*d:(i+1)*d], dy[i*d:(i+1)*d], float64(inv[i])
		var s float64
		for j := range xi {
			gd := float64(g[j]) * float64(dyi[j])
			s += gd * float64(xi[j])
			dg[j] += float32(float64(dyi[j]) * float64(xi[j]) * r)
		}
		c := r * r * r * s / float64(d)
		for j := range xi {
			dx[i*d+j] = float32(r*float64(g[j])*float64(dyi[j]) - c*float64(xi[j]))
		}
	}
	return dx
}

// rope rotates pairs of every head of rows x [n, d] at positions pos[i];
// inverse rotates the other way (the backward pass).
func (m *LM) rope(x []float32, n int, inverse bool) {
	d, hd, t := m.Cfg.Dim, m.Cfg.Dim/m.Cfg.Heads, m.Cfg.Seq
	for i := 0; i < n; i++ {
		p := i % t
		for j := 0; j < d; j += 2 {
			c, s := m.cos[p*hd/2+(j%hd)/2], m.sin[p*hd/2+(j%hd)/2]
			if inverse {
				s = -s
			}
			x0, x1 := x[i*d+j], x[i*d+j+1]
			x[i*d+j] = float32(x0*c) - float32(x1*s)
			x[i*d+j+1] = float32(x0*s) + float32(x1*c)
		}
	}
}

// layerCache keeps one layer's activations for the backward pass.
type layerCache struct {
	x, xn, q, k, v, att, x2, xn2, h1, h3, hm []float32
	inv1, inv2, p                            []float32
}

// attention computes causal softmax attention per (sequence, head); p is
// [batch, heads, seq, seq].
func (m *LM) attention(q, k, v []float32, batch int) (att, p []float32) {
	c := m.Cfg
	d, t, hd := c.Dim, c.Seq, c.Dim/c.Heads
	att = make([]float32, batch*t*d)
	p = make([]float32, batch*c.Heads*t*t)
	scale := float32(1 / math.Sqrt(float64(hd)))
	par(c.Workers, batch*c.Heads, func(lo, hi int) {
		for bh := lo; bh < hi; bh++ {
			b, h := bh/c.Heads, bh%c.Heads
			pr := p[bh*t*t : (bh+1)*t*t]
			for i := 0; i < t; i++ {
				qi := q[(b*t+i)*d+h*hd : (b*t+i)*d+h*hd+hd]
				row := pr[i*t : i*t+t]
				mx := float32(math.Inf(-1))
				for j := 0; j <= i; j++ {
					row[j] = dot(qi, k[(b*t+j)*d+h*hd:(b*t+j)*d+h*hd+hd]) * scale
					mx = max(mx, row[j])
				}
				var z float64
				for j := 0; j <= i; j++ {
					e := math.Exp(float64(row[j] - mx))
					row[j] = float32(e)
					z += e
				}
				o := att[(b*t+i)*d+h*hd : (b*t+i)*d+h*hd+hd]
				for j := 0; j <= i; j++ {
					row[j] = float32(float64(row[j]) / z)
					vj := v[(b*t+j)*d+h*hd : (b*t+j)*d+h*hd+hd]
					for e := range o {
						o[e] += float32(row[j] * vj[e])
					}
				}
			}
		}
	})
	return att, p
}

// attentionBack returns dq, dk, dv for datt.
func (m *LM) attentionBack(datt, q, k, v, p []float32, batch int) (dq, dk, dv []float32) {
	c := m.Cfg
	d, t, hd := c.Dim, c.Seq, c.Dim/c.Heads
	dq, dk, dv = make([]float32, batch*t*d), make([]float32, batch*t*d), make([]float32, batch*t*d)
	scale := float32(1 / math.Sqrt(float64(hd)))
	par(c.Workers, batch*c.Heads, func(lo, hi int) {
		dp := make([]float32, t)
		for bh := lo; bh < hi; bh++ {
			b, h := bh/c.Heads, bh%c.Heads
			pr := p[bh*t*t : (bh+1)*t*t]
			at := func(x []float32, i int) []float32 { return x[(b*t+i)*d+h*hd : (b*t+i)*d+h*hd+hd] }
			for i := 0; i < t; i++ {
				row := pr[i*t : i*t+t]
				da := at(datt, i)
				var s float64
				for j := 0; j <= i; j++ {
					dp[j] = dot(da, at(v, j))
					s += float64(row[j]) * float64(dp[j])
					dvj := at(dv, j)
					for e := range dvj {
						dvj[e] += float32(row[j] * da[e])
					}
				}
				dqi := at(dq, i)
				qi := at(q, i)
				for j := 0; j <= i; j++ {
					ds := float32(float64(row[j])*(float64(dp[j])-s)) * scale
					kj, dkj := at(k, j), at(dk, j)
					for e := range dqi {
						dqi[e] += float32(ds * kj[e])
						dkj[e] += float32(ds * qi[e])
					}
				}
			}
		}
	})
	return dq, dk, dv
}

func sigmoid(x float32) float32 { return float32(1 / (1 + math.Exp(-float64(x)))) }

// Loss runs the model on batch sequences of Seq+1 tokens (tokens[b] holds
// inputs 0..Seq-1 and targets 1..Seq), returns the mean cross-entropy in
// nats, and with grad fills every parameter's gradient.
func (m *LM) Loss(tokens [][]int, grad bool) (float64, error) {
	c := m.Cfg
	batch, t, d, hh, v := len(tokens), c.Seq, c.Dim, c.Hidden, c.Vocab
	n := batch * t
	for _, s := range tokens {
		if len(s) != t+1 {
			return 0, fmt.Errorf("train: sequence of %d tokens, want %d", len(s), t+1)
		}
		for _, x := range s {
			if x < 0 || x >= v {
				return 0, fmt.Errorf("train: token %d outside the vocabulary", x)
			}
		}
	}
	w := &m.W
	x := make([]float32, n*d)
	for b, s := range tokens {
		for i := 0; i < t; i++ {
			copy(x[(b*t+i)*d:(b*t+i+1)*d], w.Embed[s[i]*d:(s[i]+1)*d])
		}
	}
	caches := make([]layerCache, c.Layers)
	for l := 0; l < c.Layers; l++ {
		lc := &caches[l]
		lc.x = x
		lc.xn = make([]float32, n*d)
		lc.inv1 = rmsnormRows(lc.xn, x, w.RMSAtt[l*d:(l+1)*d], n, d)
		lc.q = m.linear(lc.xn, w.WQ[l*d*d:(l+1)*d*d], n, d, d)
		lc.k = m.linear(lc.xn, w.WK[l*d*d:(l+1)*d*d], n, d, d)
		lc.v = m.linear(lc.xn, w.WV[l*d*d:(l+1)*d*d], n, d, d)
		m.rope(lc.q, n, false)
		m.rope(lc.k, n, false)
		lc.att, lc.p = m.attention(lc.q, lc.k, lc.v, batch)
		o := m.linear(lc.att, w.WO[l*d*d:(l+1)*d*d], n, d, d)
		x2 := make([]float32, n*d)
		for i := range x2 {
			x2[i] = x[i] + o[i]
		}
		lc.x2 = x2
		lc.xn2 = make([]float32, n*d)
		lc.inv2 = rmsnormRows(lc.xn2, x2, w.RMSFFN[l*d:(l+1)*d], n, d)
		lc.h1 = m.linear(lc.xn2, w.W1[l*hh*d:(l+1)*hh*d], n, hh, d)
		lc.h3 = m.linear(lc.xn2, w.W3[l*hh*d:(l+1)*hh*d], n, hh, d)
		lc.hm = make([]float32, n*hh)
		par(c.Workers, n*hh, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				a := lc.h1[i]
				lc.hm[i] = float32(a*sigmoid(a)) * lc.h3[i]
			}
		})
		down := m.linear(lc.hm, w.W2[l*d*hh:(l+1)*d*hh], n, d, hh)
		x = make([]float32, n*d)
		for i := range x {
			x[i] = x2[i] + down[i]
		}
	}
	xf := make([]float32, n*d)
	invF := rmsnormRows(xf, x, w.RMSFinal, n, d)
	logits := m.linear(xf, w.Cls, n, v, d)
	// Softmax cross-entropy, one row per goroutine; logits become
	// dL/dlogits in place. Row losses are summed in order afterwards.
	rowLoss := make([]float64, n)
	par(c.Workers, n, func(lo, hi int) {
		ex := make([]float64, v)
		for r := lo; r < hi; r++ {
			row := logits[r*v : (r+1)*v]
			mx := row[0]
			for _, z := range row {
				mx = max(mx, z)
			}
			var sum float64
			for j, z := range row {
				ex[j] = math.Exp(float64(z - mx))
				sum += ex[j]
			}
			y := tokens[r/t][r%t+1]
			rowLoss[r] = math.Log(sum) - float64(row[y]-mx)
			if grad {
				for j := range row {
					row[j] = float32(ex[j] / sum / float64(n))
				}
				row[y] -= float32(1 / float64(n))
			}
		}
	})
	var loss float64
	for _, l := range rowLoss {
		loss += l
	}
	loss /= float64(n)
	if !grad {
		return loss, nil
	}
	for _, p := range m.params {
		clear(p.g)
	}
	g := m.grads()
	dx := m.linearBack(logits, xf, w.Cls, g.Cls, n, v, d)
	dx = rmsnormBack(dx, x, w.RMSFinal, invF, g.RMSFinal, n, d)
	for l := c.Layers - 1; l >= 0; l-- {
		lc := &caches[l]
		// FFN: x = x2 + W2 (silu(h1) * h3).
		dhm := m.linearBack(dx, lc.hm, w.W2[l*d*hh:(l+1)*d*hh], g.W2[l*d*hh:(l+1)*d*hh], n, d, hh)
		dh1, dh3 := make([]float32, n*hh), make([]float32, n*hh)
		par(c.Workers, n*hh, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				a := lc.h1[i]
				sg := sigmoid(a)
				dh3[i] = dhm[i] * float32(a*sg)
				dh1[i] = dhm[i] * lc.h3[i] * float32(sg*(1+a*(1-sg)))
			}
		})
		dxn2 := m.linearBack(dh1, lc.xn2, w.W1[l*hh*d:(l+1)*hh*d], g.W1[l*hh*d:(l+1)*hh*d], n, hh, d)
		dxn2b := m.linearBack(dh3, lc.xn2, w.W3[l*hh*d:(l+1)*hh*d], g.W3[l*hh*d:(l+1)*hh*d], n, hh, d)
		for i := range dxn2 {
			dxn2[i] += dxn2b[i]
		}
		dr := rmsnormBack(dxn2, lc.x2, w.RMSFFN[l*d:(l+1)*d], lc.inv2, g.RMSFFN[l*d:(l+1)*d], n, d)
		for i := range dx {
			dx[i] += dr[i]
		}
		// Attention: x2 = x + WO attention(rope(WQ xn), rope(WK xn), WV xn).
		datt := m.linearBack(dx, lc.att, w.WO[l*d*d:(l+1)*d*d], g.WO[l*d*d:(l+1)*d*d], n, d, d)
		dq, dk, dv := m.attentionBack(datt, lc.q, lc.k, lc.v, lc.p, batch)
		m.rope(dq, n, true)
		m.rope(dk, n, true)
		dxn := m.linearBack(dq, lc.xn, w.WQ[l*d*d:(l+1)*d*d], g.WQ[l*d*d:(l+1)*d*d], n, d, d)
		for _, pr := range []struct{ dy, w, dw []float32 }{
			{dk, w.WK[l*d*d : (l+1)*d*d], g.WK[l*d*d : (l+1)*d*d]},
			{dv, w.WV[l*d*d : (l+1)*d*d], g.WV[l*d*d : (l+1)*d*d]},
		} {
			dd := m.linearBack(pr.dy, lc.xn, pr.w, pr.dw, n, d, d)
			for i := range dxn {
				dxn[i] += dd[i]
			}
		}
		dr = rmsnormBack(dxn, lc.x, w.RMSAtt[l*d:(l+1)*d], lc.inv1, g.RMSAtt[l*d:(l+1)*d], n, d)
		for i := range dx {
			dx[i] += dr[i]
		}
	}
	for b, s := range tokens {
		for i := 0; i < t; i++ {
			row := g.Embed[s[i]*d : (s[i]+1)*d]
			for j := range row {
				row[j] += dx[(b*t+i)*d+j]
			}
		}
	}
	return loss, nil
}

// grads views the gradient arrays in the weights' layout.
func (m *LM) grads() llama.Weights {
	byName := map[string][]float32{}
	for _, p := range m.params {
		byName[p.name] = p.g
	}
	return llama.Weights{Embed: byName["embed"], RMSAtt: byName["rms_att"], WQ: byName["wq"], WK: byName["wk"],
		WV: byName["wv"], WO: byName["wo"], RMSFFN: byName["rms_ffn"], W1: byName["w1"], W2: byName["w2"],
		W3: byName["w3"], RMSFinal: byName["rms_final"], Cls: byName["cls"]}
}

// lr is the learning rate of step s (0-based): linear warm-up, then cosine
// decay to MinLR.
func (c LMConfig) lr(s int) float64 {
	if s < c.Warmup {
		return c.LR * float64(s+1) / float64(c.Warmup)
	}
	f := float64(s-c.Warmup) / float64(max(1, c.Steps-c.Warmup))
	return c.MinLR + 0.5*(c.LR-c.MinLR)*(1+math.Cos(math.Pi*f))
}

// update clips the gradients to global norm Clip and takes one AdamW step.
func (m *LM) update(step int) {
	c := m.Cfg
	var ss float64
	for _, p := range m.params {
		for _, g := range p.g {
			ss += float64(g) * float64(g)
		}
	}
	clip := 1.0
	if norm := math.Sqrt(ss); c.Clip > 0 && norm > c.Clip {
		clip = c.Clip / norm
	}
	const b1, b2, eps = 0.9, 0.95, 1e-8
	lr := c.lr(step)
	c1, c2 := 1-math.Pow(b1, float64(step+1)), 1-math.Pow(b2, float64(step+1))
	for _, p := range m.params {
		decay := float32(1)
		if p.decay {
			decay = float32(1 - lr*c.WeightDecay)
		}
		for i, g := range p.g {
			gi := float64(g) * clip
			mi := b1*float64(p.m[i]) + (1-b1)*gi
			vi := b2*float64(p.v[i]) + (1-b2)*gi*gi
			p.m[i], p.v[i] = float32(mi), float32(vi)
			p.w[i] = p.w[i]*decay - float32(lr*(mi/c1)/(math.Sqrt(vi/c2)+eps))
		}
	}
}

// Batches draws training windows: batch random offsets of Seq+1 tokens
// from stream, from a PCG stream seeded by cfg.Seed.
type Batches struct {
	stream []int
	cfg    LMConfig
	r      *rand.Rand
}

// NewBatches starts the window sampler over the training tokens.
func NewBatches(stream []int, cfg LMConfig) (*Batches, error) {
	if len(stream) < cfg.Seq+2 {
		return nil, errors.New("train: token stream shorter than one window")
	}
	return &Batches{stream: stream, cfg: cfg, r: rand.New(rand.NewPCG(cfg.Seed, 0xba7c4))}, nil
}

// Next returns the next batch.
func (b *Batches) Next() [][]int {
	out := make([][]int, b.cfg.Batch)
	for i := range out {
		o := b.r.IntN(len(b.stream) - b.cfg.Seq - 1)
		out[i] = b.stream[o : o+b.cfg.Seq+1]
	}
	return out
}

// TrainLM trains from cfg.Seed on the token stream and writes one progress
// line every logEvery steps (and the last). ctx cancels between steps.
func TrainLM(ctx context.Context, stream []int, cfg LMConfig, logEvery int, progress io.Writer) (*LM, error) {
	m, err := NewLM(cfg)
	if err != nil {
		return nil, err
	}
	bs, err := NewBatches(stream, cfg)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	var avg float64
	for s := 0; s < cfg.Steps; s++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		loss, err := m.Loss(bs.Next(), true)
		if err != nil {
			return nil, err
		}
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			return nil, fmt.Errorf("train: loss diverged at step %d", s)
		}
		m.update(s)
		if cfg.AfterStep != nil {
			cfg.AfterStep(s+1, m)
		}
		avg += loss
		if logEvery > 0 && ((s+1)%logEvery == 0 || s+1 == cfg.Steps) {
			k := (s % logEvery) + 1
			fmt.Fprintf(progress, "step %5d/%d  loss %.4f  lr %.2e  %s\n", s+1, cfg.Steps, avg/float64(k), cfg.lr(s), time.Since(start).Round(time.Second))
			avg = 0
		}
	}
	return m, nil
}
