package gpu

import (
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/stretchr/testify/require"
)

// sameTrace runs the model on the reference executor and on the device and
// requires every slot commitment (so every node's output) and every graph
// state to be equal. It returns the device executor's stats.
func sameTrace(t *testing.T, m *graph.Model, x *Executor, inputs [][]*tensor.Tensor) {
	t.Helper()
	e, err := graph.NewExecutor(m)
	require.NoError(t, err)
	for i, in := range inputs {
		want, err := e.Run(in, graph.Options{})
		require.NoError(t, err)
		for _, group := range []bool{false, true} {
			x.SetMatVecGroup(group)
			got, err := e.Run(in, graph.Options{Runner: x})
			require.NoError(t, err)
			require.Equal(t, len(want.SlotCommits), len(got.SlotCommits))
			for k := 1; k <= len(m.Graph.Nodes); k++ {
				n := m.Graph.Nodes[k-1]
				require.Equal(t, want.NodeCommit(k), got.NodeCommit(k), "input %d node %d %q (%s), group=%v", i, k, n.Name, n.Op, group)
			}
			require.Equal(t, want.States, got.States)
			require.Equal(t, want.OutputCommit, got.OutputCommit)
		}
	}
	s := x.Stats()
	t.Logf("%s on %s: device ops %v, host fallbacks %v, %d bytes uploaded", m.Graph.Name, x.Device().Info.Label(), s.Device, s.Fallback, s.Uploaded)
	require.Empty(t, s.Fallback, "every op of %s has a device kernel", m.Graph.Name)
}

func TestFashionMNISTEveryNode(t *testing.T) {
	device(t)
	ent, ok := zoo.Lookup("fashion-mnist")
	require.True(t, ok)
	m, err := ent.Load()
	require.NoError(t, err)
	var inputs [][]*tensor.Tensor
	for _, n := range []int{0, 3, 7, 1234} {
		s, err := ent.Sample(n)
		testenv.Require(t, "the fashion-mnist test set (Debian dataset-fashion-mnist, make setup)", err)
		inputs = append(inputs, s.Inputs)
	}
	sameTrace(t, m, newExec(t, m), inputs)
}

func TestTinyLLaMAEveryNode(t *testing.T) {
	m, err := llama.Model()
	require.NoError(t, err)
	var inputs [][]*tensor.Tensor
	for _, n := range []int{0, 1, 5, 17} {
		in, err := llama.Sample(m, n)
		require.NoError(t, err)
		inputs = append(inputs, in)
	}
	sameTrace(t, m, newExec(t, m), inputs)
}

// TestTinyLLaMAGenerate decodes with the device executor as the session's
// runner: the caches each step feeds to the next come from the device.
func TestTinyLLaMAGenerate(t *testing.T) {
	m, err := llama.Model()
	require.NoError(t, err)
	ref, err := llama.NewSession(m, graph.Options{})
	require.NoError(t, err)
	want, wrecs, err := llama.Generate(ref, []int{1, 2, 3}, 12)
	require.NoError(t, err)
	dev, err := llama.NewSession(m, graph.Options{Runner: newExec(t, m)})
	require.NoError(t, err)
	got, grecs, err := llama.Generate(dev, []int{1, 2, 3}, 12)
	require.NoError(t, err)
	require.Equal(t, want, got)
	require.Equal(t, wrecs, grecs)
}

func TestSynth7BMiniEveryNode(t *testing.T) {
	device(t)
	dir := t.TempDir()
	_, err := llama.Synth(llama.SynthSpec{Preset: "7b-mini", Layers: 1, Seed: 1}, dir, nil)
	require.NoError(t, err)
	sm, err := llama.OpenSynth(dir)
	require.NoError(t, err)
	t.Cleanup(func() { sm.Close() })
	var inputs [][]*tensor.Tensor
	for _, n := range []int{0, 100} {
		in, err := sm.Sample(n)
		require.NoError(t, err)
		inputs = append(inputs, in)
	}
	sameTrace(t, sm.Model, newExec(t, sm.Model), inputs)
}

// TestForwardMatchesEval runs whole graphs device-resident (Forward) and
// compares the outputs with the reference executor's.
func TestForwardMatchesEval(t *testing.T) {
	m, err := llama.Model()
	require.NoError(t, err)
	x := newExec(t, m)
	e, err := graph.NewExecutor(m)
	require.NoError(t, err)
	for _, n := range []int{0, 9} {
		in, err := llama.Sample(m, n)
		require.NoError(t, err)
		want, err := e.Eval(in)
		require.NoError(t, err)
		for _, group := range []bool{false, true} {
			x.SetMatVecGroup(group)
			got, err := x.Forward(m, in)
			require.NoError(t, err)
			require.Equal(t, len(want), len(got))
			for i := range want {
				require.Equal(t, want[i].MustCommit(), got[i].MustCommit(), "sample %d output %d", n, i)
			}
		}
	}
	require.Empty(t, x.Stats().Fallback)
}
