package gpu

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/testenv"
)

// TestDevicesConcurrent enumerates and opens devices from several
// goroutines at once, as services starting together in one process do
// (pocl crashed when two threads enumerated its devices at once). It is
// the first test of the package, so its enumeration is the process's first.
func TestDevicesConcurrent(t *testing.T) {
	const n = 4
	lists := make([][]DeviceInfo, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { lists[i], errs[i] = Devices() })
	}
	wg.Wait()
	if errors.Is(errs[0], ErrUnavailable) {
		testenv.Require(t, "an OpenCL device (Debian pocl-opencl-icd and ocl-icd-libopencl1, make setup)", errs[0])
	}
	for i := range n {
		require.NoError(t, errs[i])
		require.Equal(t, lists[0], lists[i])
	}
	devs := make([]*Device, 2)
	for i := range devs {
		wg.Go(func() { devs[i], errs[i] = OpenDevice(lists[0][0]) })
	}
	wg.Wait()
	for i, d := range devs {
		require.NoError(t, errs[i])
		d.Close()
	}
}

// TestExecutorConcurrentRuns: a service runs several requests at once on
// one Executor, each run's EndRun dropping the activations it holds then.
// Every run still gives the reference's states (an activation another run
// dropped is uploaded again from its host copy).
func TestExecutorConcurrentRuns(t *testing.T) {
	m, err := llama.Model()
	require.NoError(t, err)
	x := newExec(t, m)
	e, err := graph.NewExecutor(m)
	require.NoError(t, err)
	const n = 3
	inputs := make([][]*tensor.Tensor, n)
	wants := make([]*graph.Trace, n)
	for i := range n {
		inputs[i], err = llama.Sample(m, i)
		require.NoError(t, err)
		wants[i], err = e.Run(inputs[i], graph.Options{})
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	got := make([]*graph.Trace, 2*n)
	errs := make([]error, 2*n)
	for j := range 2 * n {
		wg.Go(func() {
			ej, err := graph.NewExecutor(m) // one per run, as kernel sessions make
			if err == nil {
				got[j], err = ej.Run(inputs[j%n], graph.Options{Runner: x})
			}
			errs[j] = err
		})
	}
	wg.Wait()
	for j := range 2 * n {
		require.NoError(t, errs[j])
		require.Equal(t, wants[j%n].States, got[j].States, "run %d", j)
	}
}
