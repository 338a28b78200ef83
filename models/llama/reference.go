package llama

import (
	"fmt"
	"math"
	"os"
)

// ExpectedSize is the byte length of a checkpoint with config c.
func ExpectedSize(c Config) int64 {
	ck := &Checkpoint{Config: c}
	n := int64(28)
	for _, f := range ck.fields() {
		n += 4 * int64(f.n)
	}
	return n
}

// ReadFile reads a checkpoint file, checking its size against the header
// before allocating anything large.
func ReadFile(path string) (*Checkpoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("llama: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("llama: %w", err)
	}
	var hdr [28]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("llama: checkpoint header: %w", err)
	}
	c, herr := parseHeader(hdr[:])
	if herr != nil {
		return nil, herr
	}
	if want := ExpectedSize(c); st.Size() != want {
		return nil, fmt.Errorf("llama: %s is %d bytes, header %+v needs %d", path, st.Size(), c, want)
	}
	return Read(f)
}

// State is the float reference model's KV cache.
type State struct {
	K, V [][]float32 // per layer [seq, kvdim]
}

// NewState allocates an empty cache.
func NewState(c Config) *State {
	s := &State{}
	for l := 0; l < c.Layers; l++ {
		s.K = append(s.K, make([]float32, c.Seq*c.KVDim()))
		s.V = append(s.V, make([]float32, c.Seq*c.KVDim()))
	}
	return s
}

// Probe receives named intermediate activations during a reference forward
// pass (used to calibrate quantization scales).
type Probe func(name string, layer int, x []float32)

func rmsnorm(out, x, w []float32) {
	var ss float64
	for _, v := range x {
		ss += float64(v) * float64(v)
	}
	inv := 1 / math.Sqrt(ss/float64(len(x))+1e-5)
	for i := range x {
		out[i] = float32(float64(w[i]) * float64(x[i]) * inv)
	}
}

func matvec(out, x, w []float32) {
	n := len(x)
	for i := range out {
		var s float64
		row := w[i*n : (i+1)*n]
		for j, v := range x {
			s += float64(row[j]) * float64(v)
		}
		out[i] = float32(s)
	}
}

// ropeAngle is the llama2.c rotation angle of pair (2j, 2j+1) at pos.
func ropeAngle(pos, j, headDim int) float64 {
	return float64(pos) / math.Pow(10000, float64(2*j)/float64(headDim))
}

func rope(x []float32, pos, hd int) {
	for i := 0; i+1 < len(x); i += 2 {
		a := ropeAngle(pos, (i%hd)/2, hd)
		c, s := math.Cos(a), math.Sin(a)
		x0, x1 := float64(x[i]), float64(x[i+1])
		x[i], x[i+1] = float32(x0*c-x1*s), float32(x0*s+x1*c)
	}
}

// Forward runs the float reference for one token at pos (llama2.c
// semantics) and returns the logits. probe may be nil.
func (ck *Checkpoint) Forward(s *State, token, pos int, probe Probe) ([]float32, error) {
	c := ck.Config
	if token < 0 || token >= c.Vocab || pos < 0 || pos >= c.Seq {
		return nil, fmt.Errorf("llama: token %d / position %d out of range", token, pos)
	}
	if probe == nil {
		probe = func(string, int, []float32) {}
	}
	d, hd, kvd, h := c.Dim, c.HeadDim(), c.KVDim(), c.Hidden
	x := append([]float32(nil), ck.W.Embed[token*d:(token+1)*d]...)
	probe("embed", 0, x)
	xb := make([]float32, d)
	q := make([]float32, d)
	att := make([]float32, d)
	o := make([]float32, d)
	h1, h3 := make([]float32, h), make([]float32, h)
	for l := 0; l < c.Layers; l++ {
		probe("resid", l, x)
		rmsnorm(xb, x, ck.W.RMSAtt[l*d:(l+1)*d])
		probe("xn_att", l, xb)
		k := s.K[l][pos*kvd : (pos+1)*kvd]
		v := s.V[l][pos*kvd : (pos+1)*kvd]
		matvec(q, xb, ck.W.WQ[l*d*d:(l+1)*d*d])
		matvec(k, xb, ck.W.WK[l*kvd*d:(l+1)*kvd*d])
		matvec(v, xb, ck.W.WV[l*kvd*d:(l+1)*kvd*d])
		probe("q", l, q)
		probe("k", l, k)
		probe("v", l, v)
		rope(q, pos, hd)
		rope(k, pos, hd)
		probe("q", l, q)
		probe("k", l, k)
		group := c.Heads / c.KVHeads
		for hh := 0; hh < c.Heads; hh++ {
			qh := q[hh*hd : (hh+1)*hd]
			off := (hh / group) * hd
			sc := make([]float64, pos+1)
			mx := math.Inf(-1)
			for t := 0; t <= pos; t++ {
				var dot float64
				kt := s.K[l][t*kvd+off : t*kvd+off+hd]
				for i := range qh {
					dot += float64(qh[i]) * float64(kt[i])
				}
				sc[t] = dot / math.Sqrt(float64(hd))
				mx = math.Max(mx, sc[t])
			}
			var z float64
			for t := range sc {
				sc[t] = math.Exp(sc[t] - mx)
				z += sc[t]
			}
			for i := 0; i < hd; i++ {
				var acc float64
				for t := range sc {
					acc += sc[t] / z * float64(s.V[l][t*kvd+off+i])
				}
				att[hh*hd+i] = float32(acc)
			}
		}
		probe("att", l, att)
		matvec(o, att, ck.W.WO[l*d*d:(l+1)*d*d])
		probe("o", l, o)
		for i := range x {
			x[i] += o[i]
		}
		probe("resid", l, x)
		rmsnorm(xb, x, ck.W.RMSFFN[l*d:(l+1)*d])
		probe("xn_ffn", l, xb)
		matvec(h1, xb, ck.W.W1[l*h*d:(l+1)*h*d])
		matvec(h3, xb, ck.W.W3[l*h*d:(l+1)*h*d])
		probe("h1", l, h1)
		probe("h3", l, h3)
		for i := range h1 {
			g := float64(h1[i]) / (1 + math.Exp(-float64(h1[i])))
			h1[i] = float32(g)
		}
		probe("silu", l, h1)
		for i := range h1 {
			h1[i] *= h3[i]
		}
		probe("hmul", l, h1)
		matvec(o, h1, ck.W.W2[l*d*h:(l+1)*d*h])
		probe("down", l, o)
		for i := range x {
			x[i] += o[i]
		}
	}
	probe("resid", c.Layers, x)
	rmsnorm(xb, x, ck.W.RMSFinal)
	probe("xn_final", 0, xb)
	logits := make([]float32, c.Vocab)
	matvec(logits, xb, ck.W.Cls)
	return logits, nil
}
