//go:build mips || mipsle

package ops

import "fmt"

// The MIPS guest has no SIMD: the hooks below are constant false, so the
// compiler drops them and the guest runs exactly the Go (and MIPS
// assembly) kernels.

// Backend names, as on native builds; the guest has only BackendGo.
const (
	BackendGo   = "go"
	BackendSIMD = "simd"
)

// SetBackend accepts only "go" in the guest.
func SetBackend(name string) error {
	if name != BackendGo {
		return fmt.Errorf("%w: the guest has only the go backend, not %q", ErrArg, name)
	}
	return nil
}

// Backend is "go" in the guest.
func Backend() string { return BackendGo }

// Backends is ["go"] in the guest.
func Backends() []string { return []string{BackendGo} }

func sumSquaresSIMD([]int32) (int64, bool) { return 0, false }

func requantSIMD([]int8, []int32, []Multiplier, bool, int, int) bool { return false }

func matvecSIMD(_ []int32, _, _ []int8, _, lo, _ int) int { return lo }
