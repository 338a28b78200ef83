package fashion_test

import (
	"bytes"
	"testing"

	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/stretchr/testify/require"
)

func TestSubsetAndIDX(t *testing.T) {
	s, err := fashion.TestSubset()
	require.NoError(t, err)
	require.Equal(t, fashion.SubsetSize, s.Len())
	img, lab, err := fashion.EncodeIDX(s)
	require.NoError(t, err)
	s2, err := fashion.ReadIDX(bytes.NewReader(img), bytes.NewReader(lab))
	require.NoError(t, err)
	require.Equal(t, s, s2)
	_, err = fashion.ReadIDX(bytes.NewReader(lab), bytes.NewReader(img))
	require.Error(t, err)
	_, err = fashion.ReadIDX(bytes.NewReader(img[:100]), bytes.NewReader(lab))
	require.Error(t, err)
	_, err = fashion.Input(make([]uint8, 10))
	require.Error(t, err)
}

// The committed int8 model classifies the committed subset well; its full
// test-set accuracy is checked by `aivm model eval` (docs/bench/models.md).
func TestCommittedModel(t *testing.T) {
	m, err := fashion.Model()
	require.NoError(t, err)
	e, err := graph.NewExecutor(m)
	require.NoError(t, err)
	s, err := fashion.TestSubset()
	require.NoError(t, err)
	correct := 0
	for i := 0; i < s.Len(); i++ {
		in, err := fashion.Input(s.Image(i))
		require.NoError(t, err)
		outs, err := e.Eval([]*tensor.Tensor{in})
		require.NoError(t, err)
		c, err := fashion.Predict(outs)
		require.NoError(t, err)
		if c == int(s.Labels[i]) {
			correct++
		}
	}
	require.Greater(t, correct, s.Len()*85/100)
	b, err := fashion.ModelBytes()
	require.NoError(t, err)
	require.Less(t, len(b), 300_000)
}
