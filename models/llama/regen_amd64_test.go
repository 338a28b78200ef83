//go:build amd64 && !amd64.v3

package llama

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// The committed model is exactly what Build produces (calibration uses
// floats, so the check runs only on amd64 without FMA fusion). Set
// AIVM_REGEN=1 to rewrite the asset after an intentional change.
func TestCommittedModelIsReproducible(t *testing.T) {
	m, err := Build()
	require.NoError(t, err)
	b, err := m.Encode()
	require.NoError(t, err)
	if os.Getenv("AIVM_REGEN") != "" {
		require.NoError(t, os.WriteFile(ModelFile, b, 0o644))
	}
	committed, err := ModelBytes()
	require.NoError(t, err)
	require.Equal(t, committed, b, "run AIVM_REGEN=1 go test ./models/llama -run Reproducible")
}
