package train

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"github.com/aivm-dev/aivm/models/fashion"
)

// Config holds the training hyper-parameters.
type Config struct {
	Hidden    []int
	Epochs    int
	Batch     int
	LR        float64
	Seed      uint64
	TrainSize int // 0 = all
}

// DefaultConfig is what produced the committed model.
func DefaultConfig() Config {
	return Config{Hidden: []int{256, 128}, Epochs: 15, Batch: 100, LR: 1e-3, Seed: 1}
}

// Pixels converts images to floats in [0, 1], the float model's input.
func Pixels(img []uint8) []float32 {
	x := make([]float32, len(img))
	for i, p := range img {
		x[i] = float32(p) / 255
	}
	return x
}

// adam is one Adam optimiser state for a parameter vector.
type adam struct{ m, v []float64 }

func (a *adam) step(p []float32, g []float32, lr float64, t int) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	if a.m == nil {
		a.m, a.v = make([]float64, len(p)), make([]float64, len(p))
	}
	c1, c2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
	for i := range p {
		gi := float64(g[i])
		a.m[i] = b1*a.m[i] + (1-b1)*gi
		a.v[i] = b2*a.v[i] + (1-b2)*gi*gi
		p[i] -= float32(lr * (a.m[i] / c1) / (math.Sqrt(a.v[i]/c2) + eps))
	}
}

// Fit trains with Adam on softmax cross-entropy, printing one progress line
// per epoch to progress.
func Fit(set *fashion.Set, cfg Config, progress io.Writer) (*MLP, error) {
	if cfg.Batch < 1 || cfg.Epochs < 0 {
		return nil, fmt.Errorf("train: bad config %+v", cfg)
	}
	if cfg.TrainSize > 0 {
		set = set.Head(cfg.TrainSize)
	}
	sizes := append(append([]int{fashion.Pixels}, cfg.Hidden...), fashion.Classes)
	m := NewMLP(sizes, cfg.Seed)
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5107))
	opt := make([]adam, 2*len(m.W))
	n := set.Len()
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	bs := cfg.Batch
	x := make([]float32, bs*fashion.Pixels)
	step := 0
	for ep := 0; ep < cfg.Epochs; ep++ {
		r.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		lr := cfg.LR * 0.5 * (1 + math.Cos(math.Pi*float64(ep)/float64(cfg.Epochs))) // cosine decay
		var loss float64
		correct := 0
		for b := 0; b+bs <= n; b += bs {
			labels := make([]uint8, bs)
			for i := 0; i < bs; i++ {
				copy(x[i*fashion.Pixels:], Pixels(set.Image(perm[b+i])))
				labels[i] = set.Labels[perm[b+i]]
			}
			l, c, err := m.sgdStep(x, labels, opt, lr, step+1)
			if err != nil {
				return nil, err
			}
			step++
			loss += l
			correct += c
		}
		batches := n / bs
		fmt.Fprintf(progress, "epoch %d/%d  loss %.4f  train acc %.2f%%  lr %.2e\n",
			ep+1, cfg.Epochs, loss/float64(batches), 100*float64(correct)/float64(batches*bs), lr)
	}
	return m, nil
}

// sgdStep does forward, backward and one Adam update on a batch; it returns
// the mean loss and the number of correct predictions.
func (m *MLP) sgdStep(x []float32, labels []uint8, opt []adam, lr float64, t int) (float64, int, error) {
	bs := len(labels)
	acts, err := m.forward(x, bs)
	if err != nil {
		return 0, 0, err
	}
	L := len(m.W)
	out := m.Sizes[L]
	logits := acts[L]
	grad := make([]float32, bs*out)
	var loss float64
	correct := 0
	for i := 0; i < bs; i++ {
		row := logits[i*out : (i+1)*out]
		mx, arg := row[0], 0
		for j, v := range row {
			if v > mx {
				mx, arg = v, j
			}
		}
		if arg == int(labels[i]) {
			correct++
		}
		var z float64
		for _, v := range row {
			z += math.Exp(float64(v - mx))
		}
		for j, v := range row {
			p := math.Exp(float64(v-mx)) / z
			if j == int(labels[i]) {
				loss -= math.Log(max(p, 1e-12))
				p--
			}
			grad[i*out+j] = float32(p / float64(bs))
		}
	}
	for l := L - 1; l >= 0; l-- {
		in, o := m.Sizes[l], m.Sizes[l+1]
		gw := make([]float32, o*in)
		if err := matmul(gw, grad, acts[l], o, bs, in, true, false); err != nil {
			return 0, 0, err
		}
		gb := make([]float32, o)
		for i := 0; i < bs; i++ {
			for j := 0; j < o; j++ {
				gb[j] += grad[i*o+j]
			}
		}
		if l > 0 {
			gx := make([]float32, bs*in)
			if err := matmul(gx, grad, m.W[l], bs, o, in, false, false); err != nil {
				return 0, 0, err
			}
			for i, a := range acts[l] {
				if a <= 0 { // ReLU derivative
					gx[i] = 0
				}
			}
			grad = gx
		}
		opt[2*l].step(m.W[l], gw, lr, t)
		opt[2*l+1].step(m.B[l], gb, lr, t)
	}
	return loss / float64(bs), correct, nil
}

// Accuracy evaluates the float model on a set.
func (m *MLP) Accuracy(set *fashion.Set) (float64, error) {
	const bs = 500
	correct := 0
	for b := 0; b < set.Len(); b += bs {
		n := min(bs, set.Len()-b)
		x := make([]float32, 0, n*fashion.Pixels)
		for i := 0; i < n; i++ {
			x = append(x, Pixels(set.Image(b+i))...)
		}
		lg, err := m.Logits(x, n)
		if err != nil {
			return 0, err
		}
		for i := 0; i < n; i++ {
			row := lg[i*fashion.Classes : (i+1)*fashion.Classes]
			arg := 0
			for j, v := range row {
				if v > row[arg] {
					arg = j
				}
			}
			if arg == int(set.Labels[b+i]) {
				correct++
			}
		}
	}
	return float64(correct) / float64(set.Len()), nil
}
