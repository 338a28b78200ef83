//go:build !mips && !mipsle

package ops

import (
	"fmt"
	"sync/atomic"
)

// Backend names accepted by SetBackend besides a variant's own name.
const (
	// BackendGo is the pure-Go reference: the same code the MIPS guest runs.
	BackendGo = "go"
	// BackendSIMD is the fastest SIMD variant this CPU supports.
	BackendSIMD = "simd"
)

// variant is one set of hand-written kernels for one CPU feature level.
// Each kernel takes a length that is a multiple of its block and is
// bit-exact with the Go code it replaces (integer sums, no saturation).
type variant struct {
	name string
	// dot4 is dot4Go over n columns, n > 0 a multiple of dot4Block.
	dot4      func(x, w0, w1, w2, w3 *int8, n int) (s0, s1, s2, s3 int32)
	dot4Block int
	// next handles the columns dot4 leaves (n mod dot4Block) in blocks
	// of its own before dot4Go takes the rest; nil for none.
	next *variant
	// matvec is MatVecRows without bias over rows (a multiple of 4) rows
	// of k columns, k a multiple of matvecBlock; nil where the variant
	// has none (MatVecRows then calls dot4 per four rows).
	matvec      func(out *int32, x, w *int8, k, rows int)
	matvecBlock int
	// sumSquares is sum(clamp(x, ±ResidualMax)^2), n > 0 a multiple of 8;
	// nil where the variant has none.
	sumSquares func(x *int32, n int) int64
	// requant is RequantRows over n elements (a multiple of 4) of one
	// channel run: rq[i] for element i when perChannel, else rq[0].
	requant func(out *int8, acc *int32, rq *Multiplier, n int, lower int32, perChannel bool)
}

// variants, the SIMD variants this CPU supports, fastest first, is a
// package variable of the architecture's file (simd_amd64.go,
// simd_arm64.go, simd_generic.go), set before init runs.

// active is the variant in use; nil selects the pure-Go reference.
var active atomic.Pointer[variant]

func init() {
	if len(variants) > 0 {
		active.Store(variants[0])
	}
}

// SetBackend selects the kernels of every later op call: "go" (the pure-Go
// reference), "simd" (the fastest SIMD variant present) or one variant
// named by Backends. Every backend gives the same bits; the choice is speed
// only. It is process-wide; set it before running ops concurrently.
func SetBackend(name string) error {
	switch name {
	case BackendGo:
		active.Store(nil)
		return nil
	case BackendSIMD:
		if len(variants) == 0 {
			return fmt.Errorf("%w: no SIMD kernels for this CPU (backends: %v)", ErrArg, Backends())
		}
		active.Store(variants[0])
		return nil
	}
	for _, v := range variants {
		if v.name == name {
			active.Store(v)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown ops backend %q (have %v)", ErrArg, name, Backends())
}

// Backend names the backend in use: "go" or a SIMD variant's name.
func Backend() string {
	if v := active.Load(); v != nil {
		return v.name
	}
	return BackendGo
}

// Backends lists "go" and the SIMD variants this CPU supports, fastest
// SIMD variant first. At start-up the fastest one is selected.
func Backends() []string {
	names := []string{BackendGo}
	for _, v := range variants {
		names = append(names, v.name)
	}
	return names
}

// dot4 runs the active variant's kernel over the columns in its blocks,
// then the next variant's blocks, then dot4Go over what is left. int32
// sums wrap, so splitting a sum changes no bit.
func dot4(x, w0, w1, w2, w3 []int8) (s0, s1, s2, s3 int32) {
	n := len(x)
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	i := 0
	for v := active.Load(); v != nil; v = v.next {
		m := (n - i) &^ (v.dot4Block - 1)
		if m == 0 {
			continue
		}
		t0, t1, t2, t3 := v.dot4(&x[i], &w0[i], &w1[i], &w2[i], &w3[i], m)
		s0, s1, s2, s3 = s0+t0, s1+t1, s2+t2, s3+t3
		i += m
	}
	if i == n {
		return
	}
	t0, t1, t2, t3 := dot4Go(x[i:], w0[i:], w1[i:], w2[i:], w3[i:])
	return s0 + t0, s1 + t1, s2 + t2, s3 + t3
}

// matvecSIMD runs the active variant's whole-matrix kernel over the rows
// of [lo, hi) it can take and returns the first row it left.
func matvecSIMD(out []int32, x, w []int8, k, lo, hi int) int {
	v := active.Load()
	if v == nil || v.matvec == nil || k == 0 || k%v.matvecBlock != 0 {
		return lo
	}
	m := (hi - lo) &^ 3
	if m == 0 {
		return lo
	}
	_ = w[(lo+m)*k-1]
	_ = out[lo+m-1]
	v.matvec(&out[lo], &x[0], &w[lo*k], k, m)
	return lo + m
}

// axpy4 is axpy4Go on native builds (attention's weighted sum; its
// scores go through dot4).
func axpy4(acc []int32, v0, v1, v2, v3 []int8, p0, p1, p2, p3 int32) {
	axpy4Go(acc, v0, v1, v2, v3, p0, p1, p2, p3)
}

// sumSquaresSIMD is RMSNorm's sum of squares by the active variant; ok is
// false when it has no such kernel (RMSNorm then runs its Go loop).
func sumSquaresSIMD(x []int32) (ss int64, ok bool) {
	v := active.Load()
	if v == nil || v.sumSquares == nil {
		return 0, false
	}
	m := len(x) &^ 7
	if m > 0 {
		ss = v.sumSquares(&x[0], m)
	}
	for _, e := range x[m:] {
		c := Clamp(int64(e), -ResidualMax, ResidualMax)
		ss += c * c
	}
	return ss, true
}

// requantSIMD is RequantRows by the active variant; false when it has no
// such kernel. Channels are walked in runs where i mod len(rq) does not
// wrap, so a run's multipliers are contiguous.
func requantSIMD(out []int8, acc []int32, rq []Multiplier, relu bool, lo, hi int) bool {
	v := active.Load()
	if v == nil || v.requant == nil {
		return false
	}
	lower := int32(-128)
	if relu {
		lower = 0
	}
	c := len(rq)
	for i := lo; i < hi; {
		ch, run := 0, hi-i
		if c > 1 {
			ch = i % c
			run = min(run, c-ch)
		}
		if m := run &^ 3; m > 0 {
			v.requant(&out[i], &acc[i], &rq[ch], m, lower, c > 1)
			i, ch, run = i+m, ch+m, run-m
		}
		for ; run > 0; i, ch, run = i+1, ch+1, run-1 {
			out[i] = int8(Clamp(rq[ch%c].Apply(acc[i]), int64(lower), 127))
		}
	}
	return true
}
