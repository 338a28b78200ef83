package zoo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestResolve(t *testing.T) {
	require.Equal(t, []string{"fashion-mnist", "text-llama", "tiny-llama"}, Names())
	for _, name := range Names() {
		m, e, err := Resolve(name)
		require.NoError(t, err)
		require.Equal(t, name, e.Name)
		root, err := m.Root()
		require.NoError(t, err)
		m2, e2, err := Resolve(root.Hex())
		require.NoError(t, err)
		require.Equal(t, e, e2)
		require.Equal(t, m.Graph.Name, m2.Graph.Name)
		b, err := m.Encode()
		require.NoError(t, err)
		p := filepath.Join(t.TempDir(), "m.aivm")
		require.NoError(t, os.WriteFile(p, b, 0o644))
		_, e3, err := Resolve(p)
		require.NoError(t, err)
		require.Nil(t, e3)
		_, err = e.Sample(-1)
		require.Error(t, err)
	}
	_, _, err := Resolve("0x00000000000000000000000000000000000000000000000000000000000000ff")
	require.ErrorContains(t, err, "no built-in")
	_, _, err = Resolve(filepath.Join(t.TempDir(), "missing"))
	require.ErrorContains(t, err, "neither")
}
