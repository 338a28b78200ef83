package cli

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
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

func TestOutputSlotOf(t *testing.T) {
	m, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	slot, err := outputSlotOf(m, kernel.AggArgmax)
	require.NoError(t, err)
	// The last node's slot: numInputs + n - 1 (docs/protocol.md 6.1: 5).
	g := m.Graph
	require.Equal(t, uint32(g.NodeSlot(len(g.Nodes))), slot)
	require.Equal(t, uint32(5), slot)
	// Output 1 is the logits vector, the node before the argmax.
	slot, err = outputSlotOf(m, kernel.AggLogits)
	require.NoError(t, err)
	require.Equal(t, uint32(g.Outputs[1].Index()), slot)
	one := *m
	og := *g
	og.Outputs = og.Outputs[:1]
	one.Graph = &og
	_, err = outputSlotOf(&one, kernel.AggLogits)
	require.ErrorContains(t, err, "has 1 outputs")
	_, err = outputSlotOf(m, kernel.AggOutputs)
	require.ErrorContains(t, err, "does not take")

	lm, _, err := zoo.Resolve("tiny-llama")
	require.NoError(t, err)
	slot, err = outputSlotOf(lm, kernel.AggLogits)
	require.NoError(t, err)
	require.Equal(t, uint32(lm.Graph.Outputs[1].Index()), slot)
}
