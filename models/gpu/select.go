package gpu

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
)

// Executor names accepted by Select (the --executor flag).
const (
	ExecAuto = "auto" // a GPU when one is present, else SIMD, else Go
	ExecGo   = "go"   // the pure-Go reference kernels (ops backend "go")
	ExecSIMD = "simd" // models/ops' SIMD kernels (ops backend "simd")
	ExecGPU  = "gpu"  // this package, on the first OpenCL device (pocl on a CPU-only machine)
)

// ExecutorNames lists the values of --executor.
var ExecutorNames = []string{ExecAuto, ExecGo, ExecSIMD, ExecGPU}

// Selection is a chosen executor: the graph.Options to run with and how to
// label the results (logs, metrics, JSON).
type Selection struct {
	Name    string        // go, simd or gpu: what runs (auto resolved)
	Label   string        // e.g. "simd (avx2)", "gpu (GPU: NVIDIA H200)", "gpu (pocl (CPU): ...)"
	Metric  string        // the services' executor label: "go", the SIMD variant ("avx2"), "pocl" or "gpu:<device>"
	Options graph.Options // pass to graph.Executor.Run
	Exec    *Executor     // the device executor for gpu, else nil
	dev     *Device
}

// Select resolves name (see ExecutorNames) and prepares it; for gpu the
// weights of models are uploaded now. The go and simd choices set the
// process-wide ops backend (ops.SetBackend). workers is
// graph.Options.Workers for the CPU executors. Close releases the device.
func Select(name string, workers int, models ...*graph.Model) (*Selection, error) {
	switch name {
	case ExecAuto:
		if ds, err := Devices(); err == nil && ds[0].GPU {
			if s, err := Select(ExecGPU, workers, models...); err == nil {
				return s, nil
			}
		}
		if err := ops.SetBackend(ops.BackendSIMD); err == nil {
			return cpuSelection(ExecSIMD, workers), nil
		}
		return Select(ExecGo, workers, models...)
	case ExecGo, ExecSIMD:
		if err := ops.SetBackend(name); err != nil {
			return nil, fmt.Errorf("executor %s: %w", name, err)
		}
		return cpuSelection(name, workers), nil
	case ExecGPU:
		dev, err := Open()
		if err != nil {
			return nil, fmt.Errorf("executor gpu: %w", err)
		}
		x, err := NewExecutor(dev, models...)
		if err != nil {
			dev.Close()
			return nil, fmt.Errorf("executor gpu: %w", err)
		}
		metric := "gpu:" + dev.Info.Name
		if dev.Info.Pocl {
			metric = "pocl"
		}
		return &Selection{Name: ExecGPU, Label: "gpu (" + dev.Info.Label() + ")", Metric: metric,
			Options: graph.Options{Runner: x}, Exec: x, dev: dev}, nil
	}
	return nil, fmt.Errorf("unknown executor %q (have %v)", name, ExecutorNames)
}

// cpuSelection labels the ops backend that SetBackend has just chosen.
func cpuSelection(name string, workers int) *Selection {
	b := ops.Backend()
	return &Selection{Name: name, Label: name + " (" + b + ")", Metric: b, Options: graph.Options{Workers: workers}}
}

// Prepare returns the options to run m with. A gpu selection uploads m's
// weights first (once), so that a model loaded after Select, such as a
// kernel a service fetches when its first request arrives, keeps its
// weights on the device instead of uploading them on every run.
func (s *Selection) Prepare(m *graph.Model) (graph.Options, error) {
	if s.Exec != nil {
		for _, w := range m.Weights {
			if err := s.Exec.Pin(w); err != nil {
				return graph.Options{}, fmt.Errorf("executor gpu: %w", err)
			}
		}
	}
	return s.Options, nil
}

// Close releases the device of a gpu selection.
func (s *Selection) Close() {
	if s.Exec != nil {
		s.Exec.Close()
		s.dev.Close()
	}
}
