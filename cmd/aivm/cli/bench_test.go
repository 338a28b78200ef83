package cli

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBenchOpsJSON runs `aivm bench ops --quick --json` (small shapes, a
// smoke test; timings are not checked) and checks the contract: the last
// line is one object with mem_bandwidth_gb_s and rows of backend, op,
// shape, threads, gmac_s, bit_exact; every integer backend and gonum
// float64 (exact below 2^53) match the reference bit for bit.
func TestBenchOpsJSON(t *testing.T) {
	out, err := runCmd(t, Root, "bench", "ops", "--quick", "--json", "--min-time", "1ms")
	require.NoError(t, err)
	v := lastJSON(t, out)
	require.Greater(t, v["mem_bandwidth_gb_s"], 0.0)
	rows := v["rows"].([]any)
	backends := v["ops_backends"].([]any)
	seen := map[string]int{}
	for _, r := range rows {
		row := r.(map[string]any)
		for _, k := range []string{"backend", "op", "shape", "threads", "gmac_s", "bit_exact"} {
			require.Contains(t, row, k)
		}
		b := row["backend"].(string)
		seen[b]++
		require.Greater(t, row["gmac_s"], 0.0, "%v", row)
		if b != "gonum-float32" {
			require.Equal(t, true, row["bit_exact"], "%v", row)
		}
	}
	for _, b := range append(backends, "gonum-float32", "gonum-float64") {
		require.Positive(t, seen[b.(string)], "no row for %s", b)
	}
}
