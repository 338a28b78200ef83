package cli

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestVMTrace(t *testing.T) {
	out, err := runCmd(t, vmTraceCmd(), "fashion-mnist", "--sample", "3", "--node", "3", "--json", "--snapshot-every", "100000")
	require.NoError(t, err)
	v := lastJSON(t, out)
	require.Equal(t, "valid", v["vm_verdict"])
	require.Equal(t, "valid", v["native_verdict"])
	require.EqualValues(t, 0, v["exit_code"])
	require.Equal(t, v["native_commit"], v["vm_commit"])
	require.Equal(t, v["honest_state"], v["vm_state"])
	require.Equal(t, "fc", v["op"])
	require.Greater(t, v["steps"], 100000.0)
	require.Greater(t, v["snapshot_bytes"], 0.0)
	require.Regexp(t, "^0x00", v["final_state_hash"]) // status VALID
	for _, k := range []string{"wall_seconds", "oracle_read_steps", "oracle_share"} {
		require.Contains(t, v, k)
	}

	out, err = runCmd(t, vmTraceCmd(), "fashion-mnist", "--sample", "3", "--node", "3", "--flip-bit", "77", "--json")
	require.NoError(t, err)
	v = lastJSON(t, out)
	require.Equal(t, "invalid", v["vm_verdict"])
	require.Equal(t, "invalid", v["native_verdict"])
	require.Regexp(t, "^0x01", v["final_state_hash"]) // status INVALID
	claimed := v["claimed_state"].(string)

	out, err = runCmd(t, vmTraceCmd(), "fashion-mnist", "--sample", "3", "--node", "3", "--claim", claimed)
	require.NoError(t, err)
	require.Contains(t, out, "verdict: vm invalid, native invalid")

	for _, bad := range [][]string{
		{"fashion-mnist", "--sample", "3", "--node", "6"},
		{"fashion-mnist", "--sample", "3", "--node", "1", "--claim", "0x12"},
		{"fashion-mnist", "--sample", "3", "--node", "1", "--claim", claimed, "--flip-bit", "1"},
		{"fashion-mnist", "--node", "1"},
		{"no-such-model", "--sample", "1", "--node", "1"},
	} {
		_, err := runCmd(t, vmTraceCmd(), bad...)
		require.Error(t, err, bad)
	}
}
