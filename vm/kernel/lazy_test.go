package kernel_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/mips"
	mkernel "github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// TestLazyTensorExpandsOnOpen: a tensor registered with AddLazyTensor is
// not served chunk by chunk until its commitment is opened; opening it (from
// many goroutines at once, under -race) adds exactly the preimages an eager
// MapOracle.AddTensor holds, and every request copy made by WithLocal sees
// them.
func TestLazyTensorExpandsOnOpen(t *testing.T) {
	data := make([]int8, 5000)
	for i := range data {
		data[i] = int8(i*7 + 3)
	}
	w, err := tensor.FromI8(data, 50, 100)
	require.NoError(t, err)
	enc, err := w.Encode()
	require.NoError(t, err)
	commit := w.MustCommit()
	eager := mkernel.MapOracle{}
	require.NoError(t, eager.AddTensor(w))

	p := kernel.NewProvider(mkernel.MapOracle{}, nil)
	p.AddLazyTensor(commit, enc)
	req := p.WithLocal(nil)
	typed := func(h merkle.Hash) [32]byte { k := [32]byte(h); k[0] = mips.KeyTypeKeccak; return k }
	chunk0 := merkle.Keccak(enc[:tensor.ChunkSize])
	_, err = req.GetPreimage(typed(chunk0))
	require.ErrorIs(t, err, kernel.ErrMissingPreimage, "a chunk is not served before its tensor is opened")

	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := req.GetPreimage(typed(commit))
			if err == nil && vm.KeccakKey(v) != typed(commit) {
				err = kernel.ErrTamperedPreimage
			}
			require.NoError(t, err)
		}()
	}
	wg.Wait()
	for h, want := range eager {
		got, err := p.GetPreimage(typed(h))
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
	require.Equal(t, len(eager), p.Len())
}
