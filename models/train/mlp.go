// Package train trains the Fashion-MNIST float MLP (gorgonia.org/tensor for
// the matrix products) and quantizes it to the integer graph with
// calibration data. It is float code and is never linked into the guest.
//
// Reproducibility: everything random comes from one PCG seed, batches and
// reductions run in a fixed order, so the same seed, data and GOARCH give
// the same weights. (Float results may differ across architectures; the
// committed int8 weights are what the protocol uses.)
package train

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	gt "gorgonia.org/tensor"
)

// MLP is a fully connected ReLU network; W[l] is row-major [Sizes[l+1], Sizes[l]].
type MLP struct {
	Sizes []int
	W     [][]float32
	B     [][]float32
}

// NewMLP initialises weights with He-normal values from seed.
func NewMLP(sizes []int, seed uint64) *MLP {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	m := &MLP{Sizes: append([]int(nil), sizes...)}
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		w := make([]float32, in*out)
		std := math.Sqrt(2 / float64(in))
		for i := range w {
			w[i] = float32(r.NormFloat64() * std)
		}
		m.W = append(m.W, w)
		m.B = append(m.B, make([]float32, out))
	}
	return m
}

// matmul computes out[m,n] = op(a) . op(b) with gorgonia; ta/tb transpose
// a (stored [k,m]) and b (stored [n,k]).
func matmul(out, a, b []float32, m, k, n int, ta, tb bool) error {
	var A, B *gt.Dense
	if ta {
		A = gt.New(gt.WithShape(k, m), gt.WithBacking(a))
		if err := A.T(); err != nil {
			return err
		}
	} else {
		A = gt.New(gt.WithShape(m, k), gt.WithBacking(a))
	}
	if tb {
		B = gt.New(gt.WithShape(n, k), gt.WithBacking(b))
		if err := B.T(); err != nil {
			return err
		}
	} else {
		B = gt.New(gt.WithShape(k, n), gt.WithBacking(b))
	}
	C := gt.New(gt.WithShape(m, n), gt.WithBacking(out))
	if _, err := gt.MatMul(A, B, gt.WithReuse(C)); err != nil {
		return fmt.Errorf("matmul %dx%dx%d: %w", m, k, n, err)
	}
	return nil
}

// forward runs a batch x [bs, in] and returns every layer's activations
// (acts[0] = x; the last entry holds logits, no ReLU).
func (m *MLP) forward(x []float32, bs int) ([][]float32, error) {
	acts := [][]float32{x}
	for l := range m.W {
		in, out := m.Sizes[l], m.Sizes[l+1]
		y := make([]float32, bs*out)
		if err := matmul(y, acts[l], m.W[l], bs, in, out, false, true); err != nil {
			return nil, err
		}
		last := l == len(m.W)-1
		for i := 0; i < bs; i++ {
			row := y[i*out : (i+1)*out]
			for j := range row {
				row[j] += m.B[l][j]
				if !last && row[j] < 0 {
					row[j] = 0
				}
			}
		}
		acts = append(acts, y)
	}
	return acts, nil
}

// Logits returns the float logits of a batch.
func (m *MLP) Logits(x []float32, bs int) ([]float32, error) {
	acts, err := m.forward(x, bs)
	if err != nil {
		return nil, err
	}
	return acts[len(acts)-1], nil
}

// Activations returns every hidden layer's post-ReLU outputs for a batch
// (used for calibration).
func (m *MLP) Activations(x []float32, bs int) ([][]float32, error) {
	acts, err := m.forward(x, bs)
	if err != nil {
		return nil, err
	}
	return acts[1 : len(acts)-1], nil
}

const fileMagic = "AIVMF32\x00"

// Save writes the float model (sizes, then float32 weights and biases,
// little-endian).
func (m *MLP) Save(w io.Writer) error {
	b := []byte(fileMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.Sizes)))
	for _, s := range m.Sizes {
		b = binary.LittleEndian.AppendUint32(b, uint32(s))
	}
	for l := range m.W {
		for _, v := range append(append([]float32(nil), m.W[l]...), m.B[l]...) {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	_, err := w.Write(b)
	return err
}

// LoadMLP reads a model written by Save.
func LoadMLP(r io.Reader) (*MLP, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<28))
	if err != nil {
		return nil, err
	}
	if len(b) < 12 || string(b[:8]) != fileMagic {
		return nil, errors.New("train: not a float MLP file")
	}
	n := int(binary.LittleEndian.Uint32(b[8:]))
	if n < 2 || n > 16 || len(b) < 12+4*n {
		return nil, errors.New("train: bad layer count")
	}
	sizes := make([]int, n)
	off := 12
	for i := range sizes {
		sizes[i] = int(binary.LittleEndian.Uint32(b[off:]))
		off += 4
		if sizes[i] < 1 || sizes[i] > 1<<16 {
			return nil, errors.New("train: bad layer size")
		}
	}
	m := &MLP{Sizes: sizes}
	read := func(k int) ([]float32, error) {
		if len(b)-off < 4*k {
			return nil, errors.New("train: truncated float MLP file")
		}
		out := make([]float32, k)
		for i := range out {
			out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[off:]))
			off += 4
		}
		return out, nil
	}
	for l := 0; l+1 < n; l++ {
		w, err := read(sizes[l] * sizes[l+1])
		if err != nil {
			return nil, err
		}
		bb, err := read(sizes[l+1])
		if err != nil {
			return nil, err
		}
		m.W, m.B = append(m.W, w), append(m.B, bb)
	}
	if off != len(b) {
		return nil, errors.New("train: trailing bytes in float MLP file")
	}
	return m, nil
}
