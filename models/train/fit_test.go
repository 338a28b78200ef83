package train

import (
	"io"
	"testing"

	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/stretchr/testify/require"
)

// The whole pipeline on the committed 200-item subset: training from a seed
// is reproducible, and quantization keeps the int8 model close to the float
// one. (The full run is `aivm model train fashion-mnist`.)
func TestTinyPipeline(t *testing.T) {
	set, err := fashion.TestSubset()
	require.NoError(t, err)
	cfg := Config{Hidden: []int{32}, Epochs: 3, Batch: 20, LR: 3e-3, Seed: 5}
	a, err := Fit(set, cfg, io.Discard)
	require.NoError(t, err)
	b, err := Fit(set, cfg, io.Discard)
	require.NoError(t, err)
	require.Equal(t, a.W, b.W, "same seed, same weights")
	facc, err := a.Accuracy(set)
	require.NoError(t, err)
	m, err := a.Quantize(set, Calibration{Quantile: 1})
	require.NoError(t, err)
	iacc, err := Evaluate(m, set)
	require.NoError(t, err)
	t.Logf("tiny run: float %.3f int8 %.3f", facc, iacc)
	require.Greater(t, facc, 0.5)
	require.InDelta(t, facc, iacc, 0.05)
	_, err = graph.NewExecutor(m)
	require.NoError(t, err)
}
