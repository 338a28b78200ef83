package gguf

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// parser reads the header sequentially through a ReaderAt, knowing how
// many bytes are left so that every declared length is checked before it
// is allocated.
type parser struct {
	r    io.ReaderAt
	off  int64
	size int64
	buf  [8]byte
}

func (p *parser) left() int64 { return p.size - p.off }

func (p *parser) read(n int) ([]byte, error) {
	if int64(n) > p.left() {
		return nil, fmt.Errorf("%w: truncated at byte %d (need %d more, %d left)", ErrFormat, p.off, n, p.left())
	}
	var b []byte
	if n <= len(p.buf) {
		b = p.buf[:n]
	} else {
		b = make([]byte, n)
	}
	if _, err := p.r.ReadAt(b, p.off); err != nil {
		return nil, fmt.Errorf("gguf: read at %d: %w", p.off, err)
	}
	p.off += int64(n)
	return b, nil
}

func (p *parser) u32() (uint32, error) {
	b, err := p.read(4)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b), nil
}

func (p *parser) u64() (uint64, error) {
	b, err := p.read(8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// count reads a u64 count of items each at least minSize bytes long and
// checks that the rest of the file can hold them.
func (p *parser) count(what string, minSize int64) (int, error) {
	n, err := p.u64()
	if err != nil {
		return 0, err
	}
	if n > MaxEntries || int64(n)*minSize > p.left() {
		return 0, fmt.Errorf("%w: %s count %d does not fit the %d bytes left", ErrFormat, what, n, p.left())
	}
	return int(n), nil
}

func (p *parser) str(max int) (string, error) {
	n, err := p.u64()
	if err != nil {
		return "", err
	}
	if n > uint64(max) {
		return "", fmt.Errorf("%w: string of %d bytes at byte %d exceeds %d", ErrFormat, n, p.off-8, max)
	}
	b, err := p.read(int(n))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Parse reads the header of the GGUF file r of size bytes and checks that
// every tensor's data lies inside the file, aligned, without overlap.
func Parse(r io.ReaderAt, size int64) (*File, error) {
	p := &parser{r: r, size: size}
	magic, err := p.u32()
	if err != nil {
		return nil, err
	}
	if magic != Magic {
		return nil, fmt.Errorf("%w: magic %#08x is not GGUF", ErrFormat, magic)
	}
	f := &File{r: r, size: size}
	if f.Version, err = p.u32(); err != nil {
		return nil, err
	}
	if f.Version != 2 && f.Version != 3 {
		return nil, fmt.Errorf("%w: version %d (versions 2 and 3 are read)", ErrFormat, f.Version)
	}
	nt, err := p.u64()
	if err != nil {
		return nil, err
	}
	nkv, err := p.count("metadata", 8+8+4)
	if err != nil {
		return nil, err
	}
	for range nkv {
		key, err := p.str(MaxKeyLen)
		if err != nil {
			return nil, fmt.Errorf("metadata key: %w", err)
		}
		vt, err := p.u32()
		if err != nil {
			return nil, err
		}
		v, err := p.value(ValueType(vt), true)
		if err != nil {
			return nil, fmt.Errorf("metadata %q: %w", key, err)
		}
		if _, dup := f.Get(key); dup {
			return nil, fmt.Errorf("%w: duplicate metadata key %q", ErrFormat, key)
		}
		f.KV = append(f.KV, KV{Key: key, Value: v})
	}
	// A tensor entry is at least a name length, a dimension count, one
	// dimension, a type and an offset.
	if nt > MaxEntries || int64(nt)*(8+4+8+4+8) > p.left() {
		return nil, fmt.Errorf("%w: tensor count %d does not fit the %d bytes left", ErrFormat, nt, p.left())
	}
	names := map[string]bool{}
	for range nt {
		ti, err := p.tensorInfo()
		if err != nil {
			return nil, err
		}
		if names[ti.Name] {
			return nil, fmt.Errorf("%w: duplicate tensor %q", ErrFormat, ti.Name)
		}
		names[ti.Name] = true
		f.Tensors = append(f.Tensors, ti)
	}
	f.Alignment = DefaultAlignment
	if _, ok := f.Get("general.alignment"); ok {
		a, err := f.Uint("general.alignment")
		if err != nil || a == 0 || a&(a-1) != 0 || a > 1<<16 {
			return nil, fmt.Errorf("%w: general.alignment must be a power of two up to 65536", ErrFormat)
		}
		f.Alignment = a
	}
	f.DataOffset = int64(align(uint64(p.off), f.Alignment))
	if f.DataOffset > size {
		f.DataOffset = size
	}
	return f, f.checkExtents()
}

func align(x, a uint64) uint64 { return (x + a - 1) / a * a }

// checkExtents requires every tensor to lie in the data section, at an
// aligned offset, without overlapping another.
func (f *File) checkExtents() error {
	type span struct {
		lo, hi uint64
		name   string
	}
	data := uint64(f.size - f.DataOffset)
	spans := make([]span, 0, len(f.Tensors))
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		n, err := ti.Size()
		if err != nil {
			return fmt.Errorf("tensor %q: %w", ti.Name, err)
		}
		if ti.Offset%f.Alignment != 0 {
			return fmt.Errorf("%w: tensor %q offset %d is not aligned to %d", ErrFormat, ti.Name, ti.Offset, f.Alignment)
		}
		if ti.Offset > data || n > data-ti.Offset {
			return fmt.Errorf("%w: tensor %q (%d bytes at %d) runs past the end of the file", ErrFormat, ti.Name, n, ti.Offset)
		}
		spans = append(spans, span{ti.Offset, ti.Offset + n, ti.Name})
	}
	// Sort by start; any start before the previous end overlaps.
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].lo < spans[j-1].lo; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].lo < spans[i-1].hi {
			return fmt.Errorf("%w: tensors %q and %q overlap", ErrFormat, spans[i-1].name, spans[i].name)
		}
	}
	return nil
}

func (p *parser) tensorInfo() (TensorInfo, error) {
	var ti TensorInfo
	var err error
	if ti.Name, err = p.str(MaxKeyLen); err != nil {
		return ti, fmt.Errorf("tensor name: %w", err)
	}
	nd, err := p.u32()
	if err != nil {
		return ti, err
	}
	if nd < 1 || nd > MaxDims {
		return ti, fmt.Errorf("%w: tensor %q has %d dimensions (1 to %d)", ErrFormat, ti.Name, nd, MaxDims)
	}
	n := uint64(1)
	for range nd {
		d, err := p.u64()
		if err != nil {
			return ti, err
		}
		if d == 0 || d > math.MaxInt64/n {
			return ti, fmt.Errorf("%w: tensor %q dimension %d out of range", ErrFormat, ti.Name, d)
		}
		n *= d
		ti.Dims = append(ti.Dims, d)
	}
	typ, err := p.u32()
	if err != nil {
		return ti, err
	}
	ti.Type = TensorType(typ)
	if ti.Offset, err = p.u64(); err != nil {
		return ti, err
	}
	return ti, nil
}

// value reads one value of type vt; arrays are allowed only at the top
// level (nested arrays are refused).
func (p *parser) value(vt ValueType, top bool) (any, error) {
	if vt == TypeString {
		return p.str(MaxStrLen)
	}
	if vt == TypeArray {
		if !top {
			return nil, fmt.Errorf("%w: nested arrays are not supported", ErrFormat)
		}
		et, err := p.u32()
		if err != nil {
			return nil, err
		}
		return p.array(ValueType(et))
	}
	sz, ok := scalarSize[vt]
	if !ok {
		return nil, fmt.Errorf("%w: unknown value type %d", ErrFormat, vt)
	}
	b, err := p.read(sz)
	if err != nil {
		return nil, err
	}
	return scalar(vt, b)
}

func scalar(vt ValueType, b []byte) (any, error) {
	le := binary.LittleEndian
	switch vt {
	case TypeUint8:
		return b[0], nil
	case TypeInt8:
		return int8(b[0]), nil
	case TypeBool:
		if b[0] > 1 {
			return nil, fmt.Errorf("%w: bool value %d", ErrFormat, b[0])
		}
		return b[0] == 1, nil
	case TypeUint16:
		return le.Uint16(b), nil
	case TypeInt16:
		return int16(le.Uint16(b)), nil
	case TypeUint32:
		return le.Uint32(b), nil
	case TypeInt32:
		return int32(le.Uint32(b)), nil
	case TypeFloat32:
		return math.Float32frombits(le.Uint32(b)), nil
	case TypeUint64:
		return le.Uint64(b), nil
	case TypeInt64:
		return int64(le.Uint64(b)), nil
	case TypeFloat64:
		return math.Float64frombits(le.Uint64(b)), nil
	}
	return nil, fmt.Errorf("%w: unknown value type %d", ErrFormat, vt)
}

// array reads an array of element type et into a typed slice.
func (p *parser) array(et ValueType) (any, error) {
	if et == TypeString {
		n, err := p.count("string array", 8)
		if err != nil {
			return nil, err
		}
		out := make([]string, 0, n)
		for range n {
			s, err := p.str(MaxStrLen)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	if et == TypeArray {
		return nil, fmt.Errorf("%w: nested arrays are not supported", ErrFormat)
	}
	sz, ok := scalarSize[et]
	if !ok {
		return nil, fmt.Errorf("%w: unknown array element type %d", ErrFormat, et)
	}
	n, err := p.count("array", int64(sz))
	if err != nil {
		return nil, err
	}
	raw, err := p.read(n * sz)
	if err != nil {
		return nil, err
	}
	raw = append([]byte(nil), raw...) // p.buf may back short reads
	return typedSlice(et, raw, n, sz)
}

// typedSlice decodes n scalars of type et from raw into a Go slice.
func typedSlice(et ValueType, raw []byte, n, sz int) (any, error) {
	le := binary.LittleEndian
	switch et {
	case TypeUint8:
		return raw, nil
	case TypeInt8:
		return decodeAll(raw, n, sz, func(b []byte) int8 { return int8(b[0]) }), nil
	case TypeBool:
		for _, b := range raw {
			if b > 1 {
				return nil, fmt.Errorf("%w: bool value %d", ErrFormat, b)
			}
		}
		return decodeAll(raw, n, sz, func(b []byte) bool { return b[0] == 1 }), nil
	case TypeUint16:
		return decodeAll(raw, n, sz, le.Uint16), nil
	case TypeInt16:
		return decodeAll(raw, n, sz, func(b []byte) int16 { return int16(le.Uint16(b)) }), nil
	case TypeUint32:
		return decodeAll(raw, n, sz, le.Uint32), nil
	case TypeInt32:
		return decodeAll(raw, n, sz, func(b []byte) int32 { return int32(le.Uint32(b)) }), nil
	case TypeFloat32:
		return decodeAll(raw, n, sz, func(b []byte) float32 { return math.Float32frombits(le.Uint32(b)) }), nil
	case TypeUint64:
		return decodeAll(raw, n, sz, le.Uint64), nil
	case TypeInt64:
		return decodeAll(raw, n, sz, func(b []byte) int64 { return int64(le.Uint64(b)) }), nil
	case TypeFloat64:
		return decodeAll(raw, n, sz, func(b []byte) float64 { return math.Float64frombits(le.Uint64(b)) }), nil
	}
	return nil, fmt.Errorf("%w: unknown array element type %d", ErrFormat, et)
}

func decodeAll[T any](raw []byte, n, sz int, dec func([]byte) T) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = dec(raw[i*sz:])
	}
	return out
}
