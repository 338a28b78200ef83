package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Argument errors are reported before any connection is made.
func TestRequestArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--fee", "1", "--sample", "0"}, "--kernel ID is required"},
		{[]string{"--kernel", "0x01", "--sample", "0"}, "--fee must be > 0"},
		{[]string{"--kernel", "0x01", "--fee", "1"}, "exactly one of --sample N and --input FILE"},
		{[]string{"--kernel", "0x01", "--fee", "1", "--sample", "0", "--input", "x"}, "exactly one of --sample N and --input FILE"},
		{[]string{"--kernel", "0x01", "--fee", "1", "--sample", "0", "--callback", "nope"}, "is not an address"},
		{[]string{"--kernel", "0x01", "--fee", "1", "--sample", "0", "--callback", "0x000000000000000000000000000000000000dEaD"}, "needs --callback-gas"},
		{[]string{"--kernel", "0x01", "--fee", "1", "--sample", "0"}, "--kernel"},
		{[]string{"--kernel", "0x" + strings.Repeat("1", 64), "--fee", "1", "--sample", "0"}, "no --rpc endpoint"},
		{[]string{"--kernel", "0x01", "--fee", "one ether", "--sample", "0"}, "not an amount of wei"},
		{[]string{"--kernel", "0x01", "--fee", "1", "--sample", "0", "--submitter", "nope"}, "--submitter \"nope\" is not an address"},
		{append([]string{"--kernel", "0x01", "--fee", "1", "--sample", "0"}, manySubmitters(17)...), "at most 16"},
	} {
		t.Setenv("AIVM_RPC", "")
		_, err := runCmd(t, requestCmd(), tc.args...)
		require.ErrorContains(t, err, tc.want, tc.args)
	}
}

// manySubmitters is n --submitter flags with distinct addresses.
func manySubmitters(n int) []string {
	var args []string
	for i := range n {
		args = append(args, "--submitter", fmt.Sprintf("0x%040x", i+1))
	}
	return args
}
