package gguf

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// Write writes a version-3 GGUF file: kvs in order, then tensors (their
// Offset fields are ignored and assigned here, each aligned), then each
// tensor's data as data(i) returns it, one tensor at a time, so a file far
// larger than memory can be written. data(i) must return exactly the
// tensor's size in bytes.
func Write(w io.Writer, kvs []KV, tensors []TensorInfo, data func(i int) ([]byte, error)) error {
	alignment := uint64(DefaultAlignment)
	for _, kv := range kvs {
		if kv.Key == "general.alignment" {
			a, ok := kv.Value.(uint32)
			if !ok || a == 0 || a&(a-1) != 0 {
				return fmt.Errorf("gguf: general.alignment must be a uint32 power of two")
			}
			alignment = uint64(a)
		}
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	e := &encoder{w: bw}
	e.u32(Magic)
	e.u32(3)
	e.u64(uint64(len(tensors)))
	e.u64(uint64(len(kvs)))
	for _, kv := range kvs {
		e.str(kv.Key)
		if err := e.value(kv.Value); err != nil {
			return fmt.Errorf("gguf: metadata %q: %w", kv.Key, err)
		}
	}
	sizes := make([]uint64, len(tensors))
	var off uint64
	for i, ti := range tensors {
		if len(ti.Dims) < 1 || len(ti.Dims) > MaxDims {
			return fmt.Errorf("gguf: tensor %q has %d dimensions", ti.Name, len(ti.Dims))
		}
		n, err := ti.Size()
		if err != nil {
			return fmt.Errorf("gguf: tensor %q: %w", ti.Name, err)
		}
		sizes[i] = n
		e.str(ti.Name)
		e.u32(uint32(len(ti.Dims)))
		for _, d := range ti.Dims {
			e.u64(d)
		}
		e.u32(uint32(ti.Type))
		e.u64(off)
		off = align(off+n, alignment)
	}
	e.pad(alignment)
	var pos uint64
	for i := range tensors {
		b, err := data(i)
		if err != nil {
			return fmt.Errorf("gguf: tensor %q: %w", tensors[i].Name, err)
		}
		if uint64(len(b)) != sizes[i] {
			return fmt.Errorf("gguf: tensor %q: %d bytes of data, its type and shape need %d", tensors[i].Name, len(b), sizes[i])
		}
		e.bytes(b)
		pos += sizes[i]
		if i < len(tensors)-1 {
			next := align(pos, alignment)
			e.bytes(make([]byte, next-pos))
			pos = next
		}
	}
	if e.err != nil {
		return fmt.Errorf("gguf: write: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gguf: write: %w", err)
	}
	return nil
}

// encoder writes little-endian values, keeping the first error and the
// byte count (for padding).
type encoder struct {
	w   io.Writer
	n   uint64
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err != nil {
		return
	}
	k, err := e.w.Write(b)
	e.n += uint64(k)
	e.err = err
}

func (e *encoder) u32(v uint32) { e.bytes(binary.LittleEndian.AppendUint32(nil, v)) }
func (e *encoder) u64(v uint64) { e.bytes(binary.LittleEndian.AppendUint64(nil, v)) }
func (e *encoder) str(s string) { e.u64(uint64(len(s))); e.bytes([]byte(s)) }
func (e *encoder) pad(a uint64) { e.bytes(make([]byte, align(e.n, a)-e.n)) }

// value writes a metadata value's type code and encoding.
func (e *encoder) value(v any) error {
	if s, ok := v.(string); ok {
		e.u32(uint32(TypeString))
		e.str(s)
		return nil
	}
	if ss, ok := v.([]string); ok {
		e.u32(uint32(TypeArray))
		e.u32(uint32(TypeString))
		e.u64(uint64(len(ss)))
		for _, s := range ss {
			e.str(s)
		}
		return nil
	}
	if vt, b, ok := encodeScalar(v); ok {
		e.u32(uint32(vt))
		e.bytes(b)
		return nil
	}
	vt, n, b, err := encodeArray(v)
	if err != nil {
		return err
	}
	e.u32(uint32(TypeArray))
	e.u32(uint32(vt))
	e.u64(uint64(n))
	e.bytes(b)
	return nil
}

func encodeScalar(v any) (ValueType, []byte, bool) {
	le := binary.LittleEndian
	switch x := v.(type) {
	case uint8:
		return TypeUint8, []byte{x}, true
	case int8:
		return TypeInt8, []byte{byte(x)}, true
	case bool:
		if x {
			return TypeBool, []byte{1}, true
		}
		return TypeBool, []byte{0}, true
	case uint16:
		return TypeUint16, le.AppendUint16(nil, x), true
	case int16:
		return TypeInt16, le.AppendUint16(nil, uint16(x)), true
	case uint32:
		return TypeUint32, le.AppendUint32(nil, x), true
	case int32:
		return TypeInt32, le.AppendUint32(nil, uint32(x)), true
	case float32:
		return TypeFloat32, le.AppendUint32(nil, math.Float32bits(x)), true
	case uint64:
		return TypeUint64, le.AppendUint64(nil, x), true
	case int64:
		return TypeInt64, le.AppendUint64(nil, uint64(x)), true
	case float64:
		return TypeFloat64, le.AppendUint64(nil, math.Float64bits(x)), true
	}
	return 0, nil, false
}

// encodeArray encodes a slice of scalars.
func encodeArray(v any) (ValueType, int, []byte, error) {
	switch x := v.(type) {
	case []uint8:
		return arrayOf(x, TypeUint8)
	case []int8:
		return arrayOf(x, TypeInt8)
	case []bool:
		return arrayOf(x, TypeBool)
	case []uint16:
		return arrayOf(x, TypeUint16)
	case []int16:
		return arrayOf(x, TypeInt16)
	case []uint32:
		return arrayOf(x, TypeUint32)
	case []int32:
		return arrayOf(x, TypeInt32)
	case []float32:
		return arrayOf(x, TypeFloat32)
	case []uint64:
		return arrayOf(x, TypeUint64)
	case []int64:
		return arrayOf(x, TypeInt64)
	case []float64:
		return arrayOf(x, TypeFloat64)
	}
	return 0, 0, nil, fmt.Errorf("value of Go type %T has no GGUF type", v)
}

func arrayOf[T any](x []T, vt ValueType) (ValueType, int, []byte, error) {
	var out []byte
	for _, e := range x {
		_, b, _ := encodeScalar(e)
		out = append(out, b...)
	}
	return vt, len(x), out, nil
}
