//go:build amd64 && !amd64.v3

package textllama

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// The committed int8 model is exactly the quantization of the committed
// float checkpoint with the committed tokenizer (calibration runs the float
// reference, so the check runs only on amd64 without FMA fusion), and on
// the first validation windows its perplexity per byte is within 3 % of the
// float model's. The full retrain that reproduces the float checkpoint
// itself takes tens of minutes: scripts/bench-text-llama.sh (`make bench`)
// runs it. Set AIVM_REGEN=1 to rewrite the model after an intentional
// quantizer change.
func TestCommittedModelIsReproducible(t *testing.T) {
	c := corpus(t)
	committed, err := Model()
	require.NoError(t, err)
	tok, err := Tokenizer(committed)
	require.NoError(t, err)
	ck, err := LoadFloat(filepath.Join("assets", FloatFile))
	require.NoError(t, err)
	m, err := Quantize(ck, tok, tok.Encode(c.Train))
	require.NoError(t, err)
	b, err := m.Encode()
	require.NoError(t, err)
	if os.Getenv("AIVM_REGEN") != "" {
		require.NoError(t, os.WriteFile(filepath.Join("assets", ModelFile), b, 0o644))
	}
	want, err := ModelBytes()
	require.NoError(t, err)
	require.Equal(t, want, b, "run AIVM_REGEN=1 go test ./models/textllama -run Reproducible")

	wins := Windows(tok.Encode(c.Val), ck.Config.Seq, 12)
	fl, err := EvalFloat(context.Background(), ck, tok, wins, 2)
	require.NoError(t, err)
	q, err := EvalInt8(context.Background(), m, tok, wins, 2)
	require.NoError(t, err)
	require.InEpsilon(t, fl.PerByte(), q.PerByte(), 0.03, "int8 %.3f vs float %.3f per byte", q.PerByte(), fl.PerByte())
}
