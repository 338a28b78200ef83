package train

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/quant"
	"github.com/aivm-dev/aivm/models/tensor"
)

// InputScale is the real value of one int8 input unit: fashion.InputShift
// maps pixel p to round(p/2), and the float model sees p/255.
const InputScale = 2.0 / 255

// Calibration is the activation-scale rule: the given quantile of |a| over
// the calibration set, divided by 127 (1.0 = the maximum).
type Calibration struct{ Quantile float64 }

// Quantize builds the int8 graph from the float model. Weights of hidden
// layers get one scale per output row; the logits layer gets a single scale
// so that the argmax over raw int32 accumulators equals the argmax over
// real logits. Hidden activation scales come from the calibration set.
func (m *MLP) Quantize(calib *fashion.Set, c Calibration) (*graph.Model, error) {
	n := calib.Len()
	x := make([]float32, 0, n*fashion.Pixels)
	for i := 0; i < n; i++ {
		x = append(x, Pixels(calib.Image(i))...)
	}
	acts, err := m.Activations(x, n)
	if err != nil {
		return nil, err
	}
	var layers []fashion.Layer
	prevScale := InputScale
	for l := range m.W {
		rows, cols := m.Sizes[l+1], m.Sizes[l]
		last := l == len(m.W)-1
		var q []int8
		var ws []float64
		if last {
			qq, s := quant.Symmetric(m.W[l])
			q, ws = qq, make([]float64, rows)
			for i := range ws {
				ws[i] = s
			}
		} else if q, ws, err = quant.SymmetricRows(m.W[l], rows, cols); err != nil {
			return nil, err
		}
		layer := fashion.Layer{Rows: rows, Cols: cols, W: q, Bias: make([]int32, rows), WQuant: quant.QuantOf(ws[0])}
		for j := range rows {
			layer.Bias[j] = quant.Bias(float64(m.B[l][j]), prevScale*ws[j])
		}
		if !last {
			outScale := quant.PercentileAbs(acts[l], c.Quantile) / 127
			if outScale <= 0 {
				outScale = 1.0 / 127
			}
			for j := range rows {
				mu, err := quant.MultiplierFor(prevScale * ws[j] / outScale)
				if err != nil {
					return nil, fmt.Errorf("layer %d row %d: %w", l, j, err)
				}
				layer.RQ = append(layer.RQ, mu)
			}
			prevScale = outScale
		}
		layers = append(layers, layer)
	}
	return fashion.BuildMLP(fashion.Name, layers)
}

// Evaluate runs the integer model on every item (in parallel over items; each
// item is an independent serial execution) and returns the accuracy.
func Evaluate(m *graph.Model, set *fashion.Set) (float64, error) {
	e, err := graph.NewExecutor(m)
	if err != nil {
		return 0, err
	}
	workers := runtime.GOMAXPROCS(0)
	correct := make([]int, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < set.Len(); i += workers {
				c, err := Classify(e, set.Image(i))
				if err != nil {
					errs[w] = fmt.Errorf("item %d: %w", i, err)
					return
				}
				if c == int(set.Labels[i]) {
					correct[w]++
				}
			}
		})
	}
	wg.Wait()
	total := 0
	for w := range correct {
		if errs[w] != nil {
			return 0, errs[w]
		}
		total += correct[w]
	}
	return float64(total) / float64(set.Len()), nil
}

// Classify runs one image through the integer model without building the
// trace (same kernels as the traced executor).
func Classify(e *graph.Executor, img []uint8) (int, error) {
	in, err := fashion.Input(img)
	if err != nil {
		return 0, err
	}
	outs, err := e.Eval([]*tensor.Tensor{in})
	if err != nil {
		return 0, err
	}
	return fashion.Predict(outs)
}
