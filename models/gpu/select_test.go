package gpu

import (
	"testing"

	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/stretchr/testify/require"
)

func TestSelect(t *testing.T) {
	prev := ops.Backend()
	t.Cleanup(func() { require.NoError(t, ops.SetBackend(prev)) })
	m, err := llama.Model()
	require.NoError(t, err)
	s, err := Select(ExecGo, 1, m)
	require.NoError(t, err)
	require.Equal(t, ExecGo, s.Name)
	require.Equal(t, ops.BackendGo, ops.Backend())
	require.Equal(t, "go", s.Metric)
	s.Close()
	s, err = Select(ExecAuto, 2, m)
	require.NoError(t, err)
	require.Contains(t, []string{ExecGo, ExecSIMD, ExecGPU}, s.Name)
	s.Close()
	_, err = Select("cuda", 1, m)
	require.ErrorContains(t, err, "unknown executor")
	device(t)
	s, err = Select(ExecGPU, 1, m)
	require.NoError(t, err)
	defer s.Close()
	require.Equal(t, ExecGPU, s.Name)
	require.Same(t, s.Exec, s.Options.Runner)
	require.Contains(t, s.Label, s.Exec.Device().Info.Name)
	if s.Exec.Device().Info.Pocl {
		require.Equal(t, "pocl", s.Metric)
	} else {
		require.Equal(t, "gpu:"+s.Exec.Device().Info.Name, s.Metric)
	}
	// A model loaded after Select has its weights uploaded once, by Prepare.
	s2, err := Select(ExecGPU, 1)
	require.NoError(t, err)
	defer s2.Close()
	for range 2 {
		opt, err := s2.Prepare(m)
		require.NoError(t, err)
		require.Same(t, s2.Exec, opt.Runner)
	}
	var total int64
	for _, w := range m.Weights {
		total += int64(w.Len()) * int64(w.DType.Size())
	}
	require.Equal(t, total, s2.Exec.Stats().Uploaded)
}
