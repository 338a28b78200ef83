package cli

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseWei(t *testing.T) {
	for in, want := range map[string]string{
		"1000":        "1000",
		"30gwei":      "30000000000",
		"0.1ether":    "100000000000000000",
		"1.5 ETH":     "1500000000000000000",
		"7wei":        "7",
		"0":           "0",
		" 2ether ":    "2000000000000000000",
		"0.000001eth": "1000000000000",
	} {
		v, err := parseWei(in)
		require.NoError(t, err, in)
		require.Equal(t, want, v.String(), in)
	}
	for _, in := range []string{"", "abc", "0.5wei", "-1", "1e18", "1/2", "ether", "0.1"} {
		_, err := parseWei(in)
		require.Error(t, err, in)
	}
	var w weiValue
	require.NoError(t, w.Set("0.1ether"))
	require.Equal(t, "100000000000000000", w.String())
	require.NoError(t, w.Set(""))
	require.Nil(t, w.v)
	require.Equal(t, "100000000000000000 wei (0.1 ETH)", formatWei(big.NewInt(1e17)))
	require.Equal(t, "0 wei (0 ETH)", formatWei(new(big.Int)))
}

func TestSecondsValue(t *testing.T) {
	var n uint64
	s := secondsValue{&n}
	require.NoError(t, s.Set("600"))
	require.Equal(t, uint64(600), n)
	require.NoError(t, s.Set("168h"))
	require.Equal(t, uint64(7*24*3600), n)
	require.Equal(t, "604800", s.String())
	for _, bad := range []string{"1.5s", "-5s", "soon", "-3"} {
		require.Error(t, s.Set(bad), bad)
	}
}
