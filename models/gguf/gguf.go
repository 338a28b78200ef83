// Package gguf reads and writes GGUF files (versions 2 and 3), the model
// format of llama.cpp: a header of typed key-value metadata, a table of
// named tensors, then the aligned tensor data. It understands the tensor
// types F32, F16 and Q8_0 well enough to turn them into float32 and back;
// other types are listed but refused when their values are asked for.
//
// Files are hostile input: every count and length in the header is checked
// against the bytes the file actually holds before anything is allocated,
// so a forged header cannot make the reader allocate more than the file's
// own size, and tensor data is read only on demand through an io.ReaderAt.
package gguf

import (
	"errors"
	"fmt"
	"io"
	"math"
)

// Magic starts every GGUF file ("GGUF" read as a little-endian uint32).
const Magic = 0x46554747

// DefaultAlignment is the data alignment when general.alignment is absent.
const DefaultAlignment = 32

// Limits on what a header may declare; real files are far inside them.
const (
	MaxDims    = 4       // ggml tensors have at most four dimensions
	MaxKeyLen  = 1 << 16 // bytes of a key or tensor name
	MaxStrLen  = 1 << 24 // bytes of a string value
	MaxEntries = 1 << 24 // key-values, tensors, or elements of one array
)

// ErrFormat wraps every complaint about a file's contents.
var ErrFormat = errors.New("gguf: bad file")

// ValueType is a metadata value's type code.
type ValueType uint32

// Metadata value types.
const (
	TypeUint8   ValueType = 0
	TypeInt8    ValueType = 1
	TypeUint16  ValueType = 2
	TypeInt16   ValueType = 3
	TypeUint32  ValueType = 4
	TypeInt32   ValueType = 5
	TypeFloat32 ValueType = 6
	TypeBool    ValueType = 7
	TypeString  ValueType = 8
	TypeArray   ValueType = 9
	TypeUint64  ValueType = 10
	TypeInt64   ValueType = 11
	TypeFloat64 ValueType = 12
)

// scalarSize is the encoded size of each fixed-size value type.
var scalarSize = map[ValueType]int{
	TypeUint8: 1, TypeInt8: 1, TypeBool: 1, TypeUint16: 2, TypeInt16: 2,
	TypeUint32: 4, TypeInt32: 4, TypeFloat32: 4, TypeUint64: 8, TypeInt64: 8, TypeFloat64: 8,
}

// TensorType is a ggml tensor element type.
type TensorType uint32

// The ggml tensor types this package names; only F32, F16 and Q8_0 can be
// converted to float32.
const (
	F32  TensorType = 0
	F16  TensorType = 1
	Q4_0 TensorType = 2
	Q4_1 TensorType = 3
	Q5_0 TensorType = 6
	Q5_1 TensorType = 7
	Q8_0 TensorType = 8
	Q8_1 TensorType = 9
	I8   TensorType = 24
	I16  TensorType = 25
	I32  TensorType = 26
	BF16 TensorType = 30
)

var typeNames = map[TensorType]string{F32: "F32", F16: "F16", Q4_0: "Q4_0", Q4_1: "Q4_1", Q5_0: "Q5_0",
	Q5_1: "Q5_1", Q8_0: "Q8_0", Q8_1: "Q8_1", I8: "I8", I16: "I16", I32: "I32", BF16: "BF16"}

func (t TensorType) String() string {
	if s, ok := typeNames[t]; ok {
		return s
	}
	return fmt.Sprintf("type(%d)", uint32(t))
}

// QK8_0 is the number of values in one Q8_0 block: an f16 scale then 32
// int8 values.
const QK8_0 = 32

// blockShape is the values per block and bytes per block of the types
// whose size this package knows.
func (t TensorType) blockShape() (vals, bytes int, ok bool) {
	switch t {
	case F32, I32:
		return 1, 4, true
	case F16, BF16, I16:
		return 1, 2, true
	case I8:
		return 1, 1, true
	case Q8_0:
		return QK8_0, 2 + QK8_0, true
	case Q4_0:
		return 32, 18, true
	case Q4_1:
		return 32, 20, true
	case Q5_0:
		return 32, 22, true
	case Q5_1:
		return 32, 24, true
	case Q8_1:
		return 32, 36, true
	}
	return 0, 0, false
}

// DataSize is the byte size of a tensor of type t with n elements whose
// innermost dimension is inner; it fails for unknown types and for rows
// that do not split into whole blocks.
func (t TensorType) DataSize(inner, n uint64) (uint64, error) {
	vals, bytes, ok := t.blockShape()
	if !ok {
		return 0, fmt.Errorf("%w: unknown tensor type %s", ErrFormat, t)
	}
	if inner%uint64(vals) != 0 {
		return 0, fmt.Errorf("%w: %s rows of %d values do not split into blocks of %d", ErrFormat, t, inner, vals)
	}
	if blocks := n / uint64(vals); blocks > math.MaxInt64/uint64(bytes) {
		return 0, fmt.Errorf("%w: %s tensor of %d values is too large", ErrFormat, t, n)
	}
	return n / uint64(vals) * uint64(bytes), nil
}

// KV is one metadata entry. Value is a Go value of the entry's type:
// uint8, int8, uint16, int16, uint32, int32, float32, bool, string, uint64,
// int64, float64, or a slice of one of them for an array.
type KV struct {
	Key   string
	Value any
}

// TensorInfo describes one tensor. Dims are ggml's: Dims[0] is the
// innermost (contiguous) dimension, so a row-major [rows, cols] matrix has
// Dims {cols, rows}. Offset is relative to the start of the data section.
type TensorInfo struct {
	Name   string
	Dims   []uint64
	Type   TensorType
	Offset uint64
}

// Elements is the number of values.
func (ti *TensorInfo) Elements() uint64 {
	n := uint64(1)
	for _, d := range ti.Dims {
		n *= d
	}
	return n
}

// Size is the data size in bytes.
func (ti *TensorInfo) Size() (uint64, error) {
	if len(ti.Dims) == 0 {
		return 0, fmt.Errorf("%w: tensor %q has no dimensions", ErrFormat, ti.Name)
	}
	return ti.Type.DataSize(ti.Dims[0], ti.Elements())
}

// File is a parsed GGUF header with access to the tensor data.
type File struct {
	Version   uint32
	KV        []KV
	Tensors   []TensorInfo
	Alignment uint64
	// DataOffset is where the data section starts in the file.
	DataOffset int64
	r          io.ReaderAt
	size       int64
}

// Get returns the value of key.
func (f *File) Get(key string) (any, bool) {
	for _, kv := range f.KV {
		if kv.Key == key {
			return kv.Value, true
		}
	}
	return nil, false
}

// Tensor returns the tensor called name.
func (f *File) Tensor(name string) (*TensorInfo, bool) {
	for i := range f.Tensors {
		if f.Tensors[i].Name == name {
			return &f.Tensors[i], true
		}
	}
	return nil, false
}

// Uint returns an unsigned or non-negative signed integer value of key.
func (f *File) Uint(key string) (uint64, error) {
	v, ok := f.Get(key)
	if !ok {
		return 0, fmt.Errorf("gguf: no key %s", key)
	}
	switch x := v.(type) {
	case uint8:
		return uint64(x), nil
	case uint16:
		return uint64(x), nil
	case uint32:
		return uint64(x), nil
	case uint64:
		return x, nil
	case int8, int16, int32, int64:
		i := toInt64(x)
		if i >= 0 {
			return uint64(i), nil
		}
	}
	return 0, fmt.Errorf("gguf: key %s is %T %v, not a non-negative integer", key, v, v)
}

func toInt64(v any) int64 {
	switch x := v.(type) {
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int64:
		return x
	}
	return -1
}

// Float returns a float32 or float64 value of key.
func (f *File) Float(key string) (float64, error) {
	v, ok := f.Get(key)
	if !ok {
		return 0, fmt.Errorf("gguf: no key %s", key)
	}
	switch x := v.(type) {
	case float32:
		return float64(x), nil
	case float64:
		return x, nil
	}
	return 0, fmt.Errorf("gguf: key %s is %T, not a float", key, v)
}

// String returns a string value of key.
func (f *File) String(key string) (string, error) {
	v, ok := f.Get(key)
	if !ok {
		return "", fmt.Errorf("gguf: no key %s", key)
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("gguf: key %s is %T, not a string", key, v)
	}
	return s, nil
}

// Data reads the raw bytes of tensor ti.
func (f *File) Data(ti *TensorInfo) ([]byte, error) {
	n, err := ti.Size()
	if err != nil {
		return nil, err
	}
	off := uint64(f.DataOffset) + ti.Offset
	if ti.Offset > uint64(f.size) || n > uint64(f.size)-off {
		return nil, fmt.Errorf("%w: tensor %q data beyond the end of the file", ErrFormat, ti.Name)
	}
	b := make([]byte, n)
	if _, err := f.r.ReadAt(b, int64(off)); err != nil {
		return nil, fmt.Errorf("gguf: tensor %q: %w", ti.Name, err)
	}
	return b, nil
}

// Float32s reads tensor ti and converts it to float32 (F32, F16, Q8_0).
func (f *File) Float32s(ti *TensorInfo) ([]float32, error) {
	b, err := f.Data(ti)
	if err != nil {
		return nil, err
	}
	out, err := Dequantize(ti.Type, b)
	if err != nil {
		return nil, fmt.Errorf("gguf: tensor %q: %w", ti.Name, err)
	}
	return out, nil
}

// Dequantize turns raw data of type t into float32 values.
func Dequantize(t TensorType, b []byte) ([]float32, error) {
	switch t {
	case F32:
		out := make([]float32, len(b)/4)
		for i := range out {
			out[i] = math.Float32frombits(le32(b[4*i:]))
		}
		return out, nil
	case F16:
		out := make([]float32, len(b)/2)
		for i := range out {
			out[i] = HalfToFloat(le16(b[2*i:]))
		}
		return out, nil
	case Q8_0:
		out := make([]float32, 0, len(b)/(2+QK8_0)*QK8_0)
		for blk := b; len(blk) >= 2+QK8_0; blk = blk[2+QK8_0:] {
			d := HalfToFloat(le16(blk))
			for _, q := range blk[2 : 2+QK8_0] {
				out = append(out, d*float32(int8(q)))
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("tensor type %s cannot be converted to float (F32, F16 and Q8_0 can)", t)
}

// Quantize turns float32 values into raw data of type t (F32, F16, Q8_0).
// F16 rounds to nearest even; Q8_0 follows ggml's reference quantizer (per
// block of 32: d = max|x|/127 stored as f16, q = round(x/d)), so a value
// that is already d*q for such a block comes back unchanged.
func Quantize(t TensorType, v []float32) ([]byte, error) {
	switch t {
	case F32:
		b := make([]byte, 4*len(v))
		for i, x := range v {
			put32(b[4*i:], math.Float32bits(x))
		}
		return b, nil
	case F16:
		b := make([]byte, 2*len(v))
		for i, x := range v {
			put16(b[2*i:], FloatToHalf(x))
		}
		return b, nil
	case Q8_0:
		if len(v)%QK8_0 != 0 {
			return nil, fmt.Errorf("gguf: %d values do not split into Q8_0 blocks of %d", len(v), QK8_0)
		}
		b := make([]byte, 0, len(v)/QK8_0*(2+QK8_0))
		for blk := v; len(blk) > 0; blk = blk[QK8_0:] {
			var amax float32
			for _, x := range blk[:QK8_0] {
				amax = max(amax, float32(math.Abs(float64(x))))
			}
			d := amax / 127
			var id float32
			if d != 0 {
				id = 1 / d
			}
			b = append(b, 0, 0)
			put16(b[len(b)-2:], FloatToHalf(d))
			for _, x := range blk[:QK8_0] {
				b = append(b, byte(int8(math.Round(float64(x*id)))))
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("gguf: cannot write tensor type %s (F32, F16 and Q8_0 can be written)", t)
}

// Q8Block is one Q8_0 block: its f16 scale and its 32 values.
type Q8Block struct {
	D  uint16
	Qs [QK8_0]int8
}

// Q8Blocks splits raw Q8_0 data into blocks.
func Q8Blocks(b []byte) ([]Q8Block, error) {
	if len(b)%(2+QK8_0) != 0 {
		return nil, fmt.Errorf("%w: %d bytes are not whole Q8_0 blocks", ErrFormat, len(b))
	}
	out := make([]Q8Block, len(b)/(2+QK8_0))
	for i := range out {
		blk := b[i*(2+QK8_0):]
		out[i].D = le16(blk)
		for j := range QK8_0 {
			out[i].Qs[j] = int8(blk[2+j])
		}
	}
	return out, nil
}

// AppendQ8Block appends the encoding of one Q8_0 block.
func AppendQ8Block(b []byte, d uint16, qs []int8) []byte {
	b = append(b, byte(d), byte(d>>8))
	for _, q := range qs {
		b = append(b, byte(q))
	}
	return b
}

// HalfToFloat converts an IEEE 754 binary16 to float32 (exactly).
func HalfToFloat(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	man := uint32(h) & 0x3ff
	switch {
	case exp == 0x1f:
		return math.Float32frombits(sign | 0xff<<23 | man<<13)
	case exp != 0:
		return math.Float32frombits(sign | (exp+112)<<23 | man<<13)
	case man == 0:
		return math.Float32frombits(sign)
	}
	// Subnormal: man * 2^-24.
	f := float32(man) * (1.0 / (1 << 24))
	if sign != 0 {
		f = -f
	}
	return f
}

// FloatToHalf converts float32 to binary16, rounding to nearest even;
// out-of-range values become infinities, NaN stays NaN.
func FloatToHalf(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23) & 0xff
	man := b & 0x7fffff
	if exp == 0xff {
		if man != 0 {
			return sign | 0x7e00
		}
		return sign | 0x7c00
	}
	e := exp - 127 + 15
	if e >= 0x1f {
		return sign | 0x7c00
	}
	if e <= 0 {
		// Subnormal half (or zero): value = m * 2^-24 with m = full
		// mantissa shifted right by 14 - e bits (1 - e plus 13).
		if e < -10 {
			return sign
		}
		m := man | 0x800000
		shift := uint(14 - e)
		return sign | uint16(roundShift(m, shift))
	}
	h := uint32(e)<<10 | man>>13
	rem := man & 0x1fff
	if rem > 0x1000 || (rem == 0x1000 && h&1 == 1) {
		h++ // may carry into the exponent, which is the correct result
	}
	return sign | uint16(h)
}

// roundShift is m >> s rounded to nearest even.
func roundShift(m uint32, s uint) uint32 {
	q := m >> s
	rem := m & (1<<s - 1)
	half := uint32(1) << (s - 1)
	if rem > half || (rem == half && q&1 == 1) {
		q++
	}
	return q
}

func le16(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
func put16(b []byte, v uint16) { b[0], b[1] = byte(v), byte(v>>8) }
func put32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}
