package graph

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/tensor"
)

// TestBlob: a blob survives encode and decode, the root covers it, the
// graph's nodes and outputs are untouched, and a model without blobs
// encodes as before.
func TestBlob(t *testing.T) {
	m := testModel(t)
	before, err := m.Encode()
	require.NoError(t, err)
	r0, err := m.Root()
	require.NoError(t, err)
	_, ok := m.Blob("tokenizer")
	require.False(t, ok)

	require.NoError(t, m.AddBlob("tokenizer", []byte("vocab bytes")))
	require.ErrorIs(t, m.AddBlob("tokenizer", []byte("x")), ErrGraph)
	require.ErrorIs(t, m.AddBlob("empty", nil), ErrGraph)
	require.Equal(t, []string{"tokenizer"}, m.Graph.BlobNames())
	r1, err := m.Root()
	require.NoError(t, err)
	require.NotEqual(t, r0, r1, "the root covers the blob")

	enc, err := m.Encode()
	require.NoError(t, err)
	back, err := Decode(enc)
	require.NoError(t, err)
	b, ok := back.Blob("tokenizer")
	require.True(t, ok)
	require.Equal(t, "vocab bytes", string(b))
	r2, err := back.Root()
	require.NoError(t, err)
	require.Equal(t, r1, r2)

	e, err := NewExecutor(back)
	require.NoError(t, err)
	_, err = e.Run([]*tensor.Tensor{testInput(t, 1)}, Options{})
	require.NoError(t, err, "an unreferenced blob does not disturb execution")

	plain := testModel(t)
	again, err := plain.Encode()
	require.NoError(t, err)
	require.Equal(t, before, again)
}
