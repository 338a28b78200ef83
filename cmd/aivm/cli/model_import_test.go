package cli

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/llama"
)

// TestModelExportImport: tiny-llama exported as llama2.c and as GGUF
// (F32, F16) imports to the built-in model's root; --format aivm keeps the
// old behaviour; a synthetic model exported as exact GGUF imports to its
// own root; bad flags are refused.
func TestModelExportImport(t *testing.T) {
	dir := t.TempDir()
	builtin, err := runCmd(t, modelInspectCmd(), "tiny-llama", "--json")
	require.NoError(t, err)
	want := lastJSON(t, builtin)["model_root"]

	bin := filepath.Join(dir, "tiny.bin")
	_, err = runCmd(t, withModelFormats(modelExportCmd()), "tiny-llama", "--format", "llama2c", "--out", bin)
	require.NoError(t, err)
	out, err := runCmd(t, modelImportCmd(), bin, "--name", "tiny-llama", "--out", filepath.Join(dir, "a.aivm"), "--json")
	require.NoError(t, err)
	v := lastJSON(t, out)
	require.Equal(t, "llama2c", v["format"])
	require.Equal(t, want, v["model_root"], "llama2.c import of tiny-llama's checkpoint is tiny-llama")

	for _, typ := range []string{"f32", "f16"} {
		g := filepath.Join(dir, typ+".gguf")
		_, err = runCmd(t, withModelFormats(modelExportCmd()), "tiny-llama", "--format", "gguf", "--type", typ, "--out", g)
		require.NoError(t, err)
		out, err = runCmd(t, modelImportCmd(), g, "--out", filepath.Join(dir, typ+".aivm"), "--json")
		require.NoError(t, err)
		v = lastJSON(t, out)
		require.Equal(t, "gguf", v["format"])
		require.Equal(t, want, v["model_root"], "GGUF %s import of tiny-llama is tiny-llama", typ)
	}
	// The imported file is a model like any other.
	out, err = runCmd(t, modelInspectCmd(), filepath.Join(dir, "f16.aivm"), "--json")
	require.NoError(t, err)
	require.Equal(t, want, lastJSON(t, out)["model_root"])

	// Default format: the .aivm file, as before.
	_, err = runCmd(t, withModelFormats(modelExportCmd()), "tiny-llama", "--out", filepath.Join(dir, "t.aivm"))
	require.NoError(t, err)
	out, err = runCmd(t, modelInspectCmd(), filepath.Join(dir, "t.aivm"), "--json")
	require.NoError(t, err)
	require.Equal(t, want, lastJSON(t, out)["model_root"])

	// Synthetic 7b-mini (one layer): exact GGUF, same root.
	sdir := filepath.Join(dir, "synth")
	out, err = runCmd(t, modelSynthCmd(), "llama", "--preset", "7b-mini", "--layers", "1", "--seq", "16", "--out", sdir, "--json")
	require.NoError(t, err)
	info := lastJSON(t, out)["info"].(map[string]any)
	sg := filepath.Join(dir, "synth.gguf")
	_, err = runCmd(t, withModelFormats(modelExportCmd()), sdir, "--format", "gguf", "--type", "exact", "--out", sg)
	require.NoError(t, err)
	out, err = runCmd(t, modelImportCmd(), sg, "--out", filepath.Join(dir, "s.aivm"), "--json")
	require.NoError(t, err)
	v = lastJSON(t, out)
	require.Equal(t, true, v["exact"])
	require.Equal(t, info["model_root"], v["model_root"])

	_, err = runCmd(t, withModelFormats(modelExportCmd()), sdir, "--format", "gguf", "--out", sg)
	require.ErrorContains(t, err, "--type exact")
	_, err = runCmd(t, withModelFormats(modelExportCmd()), "tiny-llama", "--format", "onnx", "--out", sg)
	require.ErrorContains(t, err, "unknown --format")
	_, err = runCmd(t, withModelFormats(modelExportCmd()), "tiny-llama", "--format", "gguf", "--type", "q4", "--out", sg)
	require.ErrorContains(t, err, "unknown --type")
	_, err = runCmd(t, modelImportCmd(), sg, "--tokenizer", bin, "--out", filepath.Join(dir, "x.aivm"))
	require.ErrorContains(t, err, "own tokenizer")
	_, err = runCmd(t, modelImportCmd(), filepath.Join(dir, "missing.bin"), "--out", filepath.Join(dir, "x.aivm"))
	require.Error(t, err)
	require.Equal(t, "tiny-llama", llama.Name)
}
