package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
)

// runCmd executes a freshly built command (fresh flags every time) and
// returns stdout.
func runCmd(t *testing.T, c *cobra.Command, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	c.SetOut(&out)
	c.SetErr(&bytes.Buffer{})
	c.SetArgs(args)
	c.SilenceUsage, c.SilenceErrors = true, true
	// A fresh context every time: cobra keeps the context of the last
	// ExecuteContext on the command, and Root is shared by every test, so a
	// test that ran it with its own (since canceled) context would cancel
	// the next one.
	err := c.ExecuteContext(t.Context())
	return out.String(), err
}

// lastJSON decodes the last stdout line, the --json contract.
func lastJSON(t *testing.T, out string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[len(lines)-1]), &v), out)
	return v
}

func TestInferSampleAndFile(t *testing.T) {
	out, err := runCmd(t, modelInferCmd(), "fashion-mnist", "--sample", "3", "--trace", "--json")
	require.NoError(t, err)
	v := lastJSON(t, out)
	require.Equal(t, "Trouser", v["answer"])
	require.Len(t, v["trace"].(map[string]any)["nodes"], 5)
	commit := v["output_commitment"].(string)

	dir := t.TempDir()
	model := filepath.Join(dir, "fm.aivm")
	_, err = runCmd(t, modelExportCmd(), "fashion-mnist", "--out", model, "--sample", "3", "--input-dir", dir)
	require.NoError(t, err)
	out, err = runCmd(t, modelInferCmd(), model, "--input", filepath.Join(dir, "input0.aivt"), "--json", "--workers", "2")
	require.NoError(t, err)
	require.Equal(t, commit, lastJSON(t, out)["output_commitment"])

	// Wrong shape, wrong dtype, garbage input, corrupted model: clear errors.
	bad, _ := tensor.New(tensor.U8, 28, 28)
	enc, _ := bad.Encode()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.aivt"), enc, 0o644))
	_, err = runCmd(t, modelInferCmd(), model, "--input", filepath.Join(dir, "bad.aivt"))
	require.ErrorContains(t, err, "shape")
	wrongType, _ := tensor.New(tensor.I8, 784)
	enc, _ = wrongType.Encode()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "type.aivt"), enc, 0o644))
	_, err = runCmd(t, modelInferCmd(), model, "--input", filepath.Join(dir, "type.aivt"))
	require.ErrorContains(t, err, "dtype")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "junk.aivt"), []byte("junk"), 0o644))
	_, err = runCmd(t, modelInferCmd(), model, "--input", filepath.Join(dir, "junk.aivt"))
	require.ErrorContains(t, err, "encoding")
	b, err := os.ReadFile(model)
	require.NoError(t, err)
	b[len(b)/2] ^= 0xff
	require.NoError(t, os.WriteFile(model, b, 0o644))
	_, err = runCmd(t, modelInferCmd(), model, "--sample", "1")
	require.Error(t, err)
	require.NoError(t, os.WriteFile(model, b[:100], 0o644))
	_, err = runCmd(t, modelInferCmd(), model, "--input", filepath.Join(dir, "input0.aivt"))
	require.ErrorContains(t, err, "truncated")
	_, err = runCmd(t, modelInferCmd(), "no-such-model", "--sample", "1")
	require.ErrorContains(t, err, "neither")
	_, err = runCmd(t, modelInferCmd(), "fashion-mnist")
	require.Error(t, err)
	_, err = runCmd(t, modelInferCmd(), "fashion-mnist", "--sample", "100000")
	require.Error(t, err)
}

func TestInspectEvalGenerate(t *testing.T) {
	out, err := runCmd(t, modelInspectCmd(), "tiny-llama", "--json")
	require.NoError(t, err)
	v := lastJSON(t, out)
	require.Equal(t, "tiny-llama", v["model"])
	out, err = runCmd(t, modelInspectCmd(), "fashion-mnist")
	require.NoError(t, err)
	require.Contains(t, out, "model_root")

	out, err = runCmd(t, modelEvalCmd(), "fashion-mnist", "--limit", "100", "--json", "--root", "../../..")
	require.NoError(t, err)
	v = lastJSON(t, out)
	require.Greater(t, v["accuracy"].(float64), 0.8)
	require.Contains(t, v, "float_accuracy")

	out, err = runCmd(t, modelGenerateCmd(), "tiny-llama", "--prompt-tokens", "1,2,3", "-n", "4", "--json", "--steps")
	require.NoError(t, err)
	v = lastJSON(t, out)
	require.Len(t, v["tokens"], 4)
	require.Len(t, v["steps"], 6)

	// A user checkpoint in llama2.c format is quantized on load.
	ck, err := llama.Synthetic(llama.TinyConfig, 9)
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "model.bin")
	f, err := os.Create(p)
	require.NoError(t, err)
	require.NoError(t, ck.Write(f))
	require.NoError(t, f.Close())
	out, err = runCmd(t, modelGenerateCmd(), "tiny-llama", "--checkpoint", p, "-n", "3", "--json")
	require.NoError(t, err)
	require.Len(t, lastJSON(t, out)["tokens"], 3)
	_, err = runCmd(t, modelGenerateCmd(), "tiny-llama", "--prompt-tokens", "999")
	require.ErrorContains(t, err, "vocabulary")
}
