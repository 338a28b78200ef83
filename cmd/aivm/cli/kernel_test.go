package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
)

func TestKernelBuildVerifyInspect(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "k")
	out, err := runCmd(t, kernelBuildCmd(), "fashion-mnist", "--out", dir, "--json")
	require.NoError(t, err)
	v := lastJSON(t, out)
	for _, k := range []string{"elf_hash", "prestate_hash", "model_root", "manifest_hash", "source_hash", "toolchain"} {
		require.Regexp(t, `^(0x[0-9a-f]{64}|go1\.\S+)$`, v[k], k)
	}
	b, err := os.ReadFile(filepath.Join(dir, kernel.ManifestFile))
	require.NoError(t, err)
	m, err := kernel.ParseManifest(b)
	require.NoError(t, err)
	require.Equal(t, m.ELFHash, v["elf_hash"])
	// The registration 'aivm kernel register' would send: the graph's
	// interface and the kernel id.
	model, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	rk, err := registry.FromManifest(m, model, "")
	require.NoError(t, err)
	id, err := rk.ID()
	require.NoError(t, err)
	require.Equal(t, float64(1), v["num_inputs"])
	require.Equal(t, []any{float64(5), float64(4)}, v["output_slots"])
	require.Equal(t, strings.ToLower(id.Hex()), v["kernel_id"])

	out, err = runCmd(t, kernelInspectCmd(), dir)
	require.NoError(t, err)
	require.Contains(t, out, "vm/kernel/guest/main.go")
	require.Contains(t, out, v["manifest_hash"])
	out, err = runCmd(t, kernelInspectCmd(), dir, "--json")
	require.NoError(t, err)
	require.Equal(t, v["manifest_hash"], lastJSON(t, out)["manifest_hash"])

	out, err = runCmd(t, kernelVerifyCmd(), dir, "--json")
	require.NoError(t, err)
	require.Equal(t, true, lastJSON(t, out)["ok"])
	require.Equal(t, v["kernel_id"], lastJSON(t, out)["kernel_id"], "verify names the same kernel id")
	out, err = runCmd(t, kernelVerifyCmd(), dir)
	require.NoError(t, err)
	require.Contains(t, out, "kernel id   "+id.Hex())

	// A tampered pre-state hash: --json reports the field, exit code 1.
	m.PrestateHash = "0x" + strings.Repeat("00", 32)
	bad, err := m.Canonical()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, kernel.ManifestFile), bad, 0o644))
	out, err = runCmd(t, kernelVerifyCmd(), dir, "--json")
	require.Equal(t, ExitCode(1), err)
	res := lastJSON(t, out)
	require.Equal(t, false, res["ok"])
	require.Contains(t, res["error"], "prestate_hash mismatch")
	require.Equal(t, "prestate_hash", res["mismatches"].([]any)[0].(map[string]any)["field"])
	_, err = runCmd(t, kernelVerifyCmd(), dir)
	require.ErrorContains(t, err, "prestate_hash mismatch: manifest has 0x0000")

	// Bad input.
	_, err = runCmd(t, kernelBuildCmd(), "no-such-model", "--out", t.TempDir())
	require.ErrorContains(t, err, "neither a built-in model")
	_, err = runCmd(t, kernelBuildCmd(), "fashion-mnist")
	require.ErrorContains(t, err, "out")
	_, err = runCmd(t, kernelInspectCmd(), t.TempDir())
	require.ErrorContains(t, err, "manifest.json")
}
