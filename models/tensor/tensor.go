// Package tensor defines AIVM's in-memory tensor, its canonical byte encoding
// and its commitment. The encoding and the commitment are defined exactly
// once here (spec: docs/models.md) because the native executor, the MIPS
// guest, the services and the contracts must all agree on them bit for bit.
//
// The package is guest-safe: integer-only, no reflection, no goroutines.
package tensor

import (
	"errors"
	"fmt"
)

// DType is the element type code written in the encoding header.
type DType uint8

// Element types. Codes are part of the wire format: never renumber.
const (
	Invalid DType = 0
	I8      DType = 1 // int8, 1 byte
	U8      DType = 2 // uint8, 1 byte
	I32     DType = 3 // int32, 4 bytes little-endian
)

// Size is the number of bytes per element (0 for unknown types).
func (d DType) Size() int {
	switch d {
	case I8, U8:
		return 1
	case I32:
		return 4
	}
	return 0
}

// Valid reports whether d is a known element type.
func (d DType) Valid() bool { return d.Size() != 0 }

func (d DType) String() string {
	switch d {
	case I8:
		return "i8"
	case U8:
		return "u8"
	case I32:
		return "i32"
	}
	return fmt.Sprintf("dtype(%d)", uint8(d))
}

// Limits that keep decoding of hostile input bounded.
const (
	MaxRank     = 8
	MaxElements = 1 << 28
)

// Quant carries a tensor's quantization parameters: real = (q - ZeroPoint) *
// ScaleMant * 2^ScaleExp. The integer ops never read it (their fixed-point
// multipliers are explicit node parameters); it is committed so that a
// consumer can interpret a tensor without trusting anything off chain.
type Quant struct {
	ZeroPoint int32
	ScaleMant int32
	ScaleExp  int32
}

// Tensor is a dense row-major tensor. Exactly one of the data slices is used,
// selected by DType; typed slices (rather than raw bytes) keep the inner loops
// of the ops free of conversions, which matters inside the MIPS VM.
type Tensor struct {
	DType DType
	Shape []int
	Quant Quant
	I8    []int8
	U8    []uint8
	I32   []int32
}

// ErrShape reports a shape that is inconsistent with data or with an op.
var ErrShape = errors.New("tensor: bad shape")

// NumElements multiplies the dimensions, refusing negative dimensions, too
// many dimensions and products beyond MaxElements.
func NumElements(shape []int) (int, error) {
	if len(shape) > MaxRank {
		return 0, fmt.Errorf("%w: rank %d exceeds %d", ErrShape, len(shape), MaxRank)
	}
	n := 1
	for _, d := range shape {
		if d < 0 || d > MaxElements {
			return 0, fmt.Errorf("%w: dimension %d out of range", ErrShape, d)
		}
		n *= d
		if n > MaxElements {
			return 0, fmt.Errorf("%w: %v has more than %d elements", ErrShape, shape, MaxElements)
		}
	}
	return n, nil
}

// New allocates a zero tensor.
func New(dt DType, shape ...int) (*Tensor, error) {
	if !dt.Valid() {
		return nil, fmt.Errorf("tensor: invalid dtype %d", dt)
	}
	n, err := NumElements(shape)
	if err != nil {
		return nil, err
	}
	t := &Tensor{DType: dt, Shape: append([]int(nil), shape...)}
	switch dt {
	case I8:
		t.I8 = make([]int8, n)
	case U8:
		t.U8 = make([]uint8, n)
	case I32:
		t.I32 = make([]int32, n)
	}
	return t, nil
}

// FromI8 wraps data (not copied) as an int8 tensor of the given shape.
func FromI8(data []int8, shape ...int) (*Tensor, error) {
	t := &Tensor{DType: I8, Shape: append([]int(nil), shape...), I8: data}
	return t, t.Validate()
}

// FromU8 wraps data (not copied) as a uint8 tensor of the given shape.
func FromU8(data []uint8, shape ...int) (*Tensor, error) {
	t := &Tensor{DType: U8, Shape: append([]int(nil), shape...), U8: data}
	return t, t.Validate()
}

// FromI32 wraps data (not copied) as an int32 tensor of the given shape.
func FromI32(data []int32, shape ...int) (*Tensor, error) {
	t := &Tensor{DType: I32, Shape: append([]int(nil), shape...), I32: data}
	return t, t.Validate()
}

// Len is the number of elements held.
func (t *Tensor) Len() int {
	switch t.DType {
	case I8:
		return len(t.I8)
	case U8:
		return len(t.U8)
	case I32:
		return len(t.I32)
	}
	return 0
}

// Validate checks that dtype, shape and the data slices agree.
func (t *Tensor) Validate() error {
	if t == nil {
		return errors.New("tensor: nil tensor")
	}
	if !t.DType.Valid() {
		return fmt.Errorf("tensor: invalid dtype %d", t.DType)
	}
	n, err := NumElements(t.Shape)
	if err != nil {
		return err
	}
	if (t.DType != I8 && len(t.I8) != 0) || (t.DType != U8 && len(t.U8) != 0) || (t.DType != I32 && len(t.I32) != 0) {
		return fmt.Errorf("tensor: %s tensor holds data of another dtype", t.DType)
	}
	if t.Len() != n {
		return fmt.Errorf("%w: %v needs %d elements, have %d", ErrShape, t.Shape, n, t.Len())
	}
	return nil
}

// Clone deep-copies t.
func (t *Tensor) Clone() *Tensor {
	c := &Tensor{DType: t.DType, Shape: append([]int(nil), t.Shape...), Quant: t.Quant}
	c.I8 = append([]int8(nil), t.I8...)
	c.U8 = append([]uint8(nil), t.U8...)
	c.I32 = append([]int32(nil), t.I32...)
	return c
}

// SameShape reports whether two shapes are identical.
func SameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Equal reports bitwise equality of type, shape, quantization and data.
func Equal(a, b *Tensor) bool {
	if a.DType != b.DType || a.Quant != b.Quant || !SameShape(a.Shape, b.Shape) || a.Len() != b.Len() {
		return false
	}
	for i := range a.I8 {
		if a.I8[i] != b.I8[i] {
			return false
		}
	}
	for i := range a.U8 {
		if a.U8[i] != b.U8[i] {
			return false
		}
	}
	for i := range a.I32 {
		if a.I32[i] != b.I32[i] {
			return false
		}
	}
	return true
}

// Spec is a dtype plus shape, used to declare graph inputs and check inputs.
type Spec struct {
	DType DType
	Shape []int
}

// Check returns a descriptive error when t does not match the spec.
func (s Spec) Check(t *Tensor) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.DType != s.DType {
		return fmt.Errorf("tensor: dtype %s, want %s", t.DType, s.DType)
	}
	if !SameShape(t.Shape, s.Shape) {
		return fmt.Errorf("%w: shape %v, want %v", ErrShape, t.Shape, s.Shape)
	}
	return nil
}

func (s Spec) String() string { return fmt.Sprintf("%s%v", s.DType, s.Shape) }
