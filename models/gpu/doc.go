// Package gpu runs AIVM graph nodes on an OpenCL device: a GPU through its
// vendor's OpenCL driver, or the CPU through pocl (what CI uses). The ICD
// loader libOpenCL.so.1 is opened at run time with purego, so the package
// builds without cgo and without OpenCL headers, and a machine without
// OpenCL gets ErrUnavailable, not a link error.
//
// The kernels (kernels.cl) are integer-only and mirror models/ops
// expression by expression: int8 products summed in int32 (exact under
// ops.CheckMatVec's bounds, so the summation order does not matter), every
// multiplier applied in 64-bit with RoundShift (round half away from zero),
// RoundDiv for rmsnorm and softmax, ops' exp2 table for softmax. Executor
// plugs into graph.Executor as a graph.NodeRunner; the tests compare every
// node commitment of fashion-mnist, tiny-llama and a synthetic 7B-shaped
// layer with the reference executor, and fuzz each kernel against
// models/ops.
package gpu
