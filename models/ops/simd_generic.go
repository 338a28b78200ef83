//go:build !mips && !mipsle && !amd64 && !arm64

package ops

// No SIMD kernels on this architecture: variants stays empty and every op
// runs the pure-Go reference.
var variants []*variant
