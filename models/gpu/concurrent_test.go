package gpu

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

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
