package gguf

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// sample builds a small file with every metadata type and one tensor of
// each writable type.
func sample(t testing.TB) ([]byte, []KV, [][]float32) {
	kvs := []KV{
		{"general.architecture", "llama"}, {"u8", uint8(7)}, {"i8", int8(-7)}, {"u16", uint16(700)},
		{"i16", int16(-700)}, {"u32", uint32(70000)}, {"i32", int32(-70000)}, {"f32", float32(1.5)},
		{"bool", true}, {"u64", uint64(1 << 40)}, {"i64", int64(-1 << 40)}, {"f64", 0.1},
		{"strs", []string{"a", "", "▁the"}}, {"f32s", []float32{1, -2.5}}, {"i32s", []int32{1, -1, 3}},
		{"u8s", []uint8{1, 2, 3}}, {"bools", []bool{true, false}}, {"f64s", []float64{math.Pi}},
	}
	r := rand.New(rand.NewPCG(1, 2))
	vals := make([][]float32, 3)
	for i := range vals {
		vals[i] = make([]float32, 64)
		for j := range vals[i] {
			vals[i][j] = float32(r.NormFloat64())
		}
	}
	// F16 values that are exactly representable, Q8_0 values that are
	// already Q8_0 outputs: both come back exactly.
	for j, x := range vals[1] {
		vals[1][j] = HalfToFloat(FloatToHalf(x))
	}
	q, err := Quantize(Q8_0, vals[2])
	require.NoError(t, err)
	vals[2], err = Dequantize(Q8_0, q)
	require.NoError(t, err)
	tensors := []TensorInfo{
		{Name: "a", Dims: []uint64{16, 4}, Type: F32},
		{Name: "b", Dims: []uint64{64}, Type: F16},
		{Name: "c", Dims: []uint64{32, 2}, Type: Q8_0},
	}
	types := []TensorType{F32, F16, Q8_0}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, kvs, tensors, func(i int) ([]byte, error) { return Quantize(types[i], vals[i]) }))
	return buf.Bytes(), kvs, vals
}

func TestRoundTrip(t *testing.T) {
	b, kvs, vals := sample(t)
	f, err := Parse(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	require.Equal(t, uint32(3), f.Version)
	require.Equal(t, kvs, f.KV)
	require.Len(t, f.Tensors, 3)
	for i, ti := range f.Tensors {
		require.Zero(t, ti.Offset%DefaultAlignment)
		got, err := f.Float32s(&f.Tensors[i])
		require.NoError(t, err)
		require.Equal(t, vals[i], got, "tensor %s", ti.Name)
	}
	n, err := f.Uint("u32")
	require.NoError(t, err)
	require.Equal(t, uint64(70000), n)
	_, err = f.Uint("i32")
	require.Error(t, err, "negative")
	s, err := f.String("general.architecture")
	require.NoError(t, err)
	require.Equal(t, "llama", s)
	x, err := f.Float("f32")
	require.NoError(t, err)
	require.Equal(t, 1.5, x)

	// Writing what was read gives the same bytes.
	var again bytes.Buffer
	require.NoError(t, Write(&again, f.KV, f.Tensors, func(i int) ([]byte, error) { return f.Data(&f.Tensors[i]) }))
	require.Equal(t, b, again.Bytes())
}

// TestHalf: every binary16 value survives float32 and back; rounding of
// float32 to binary16 is to nearest even, checked against float64
// arithmetic on random and boundary values.
func TestHalf(t *testing.T) {
	for h := range 1 << 16 {
		f := HalfToFloat(uint16(h))
		if math.IsNaN(float64(f)) {
			require.True(t, math.IsNaN(float64(HalfToFloat(FloatToHalf(f)))))
			continue
		}
		require.Equal(t, uint16(h), FloatToHalf(f), "half %#04x -> %g", h, f)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		f := math.Float32frombits(r.Uint32())
		if math.IsNaN(float64(f)) {
			continue
		}
		require.Equal(t, refHalf(f), FloatToHalf(f), "float %g (%#08x)", f, math.Float32bits(f))
	}
	require.Equal(t, uint16(0x7bff), FloatToHalf(65504))
	require.Equal(t, uint16(0x7c00), FloatToHalf(65520), "rounds up to infinity")
	require.Equal(t, uint16(0x0001), FloatToHalf(float32(math.Ldexp(1, -24))))
	require.Equal(t, uint16(0), FloatToHalf(float32(math.Ldexp(1, -25))), "ties to even: zero")
}

// refHalf rounds through float64: pick the nearest of the two binary16
// neighbours (ties to even) by exhaustive search over the candidates.
func refHalf(f float32) uint16 {
	x := float64(f)
	sign := uint16(0)
	if math.Signbit(x) {
		sign, x = 0x8000, -x
	}
	if x >= 65520 {
		return sign | 0x7c00
	}
	lo, hi := uint16(0), uint16(0x7bff)
	for lo < hi { // largest half <= x
		mid := (lo + hi + 1) / 2
		if float64(HalfToFloat(mid)) <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	a := float64(HalfToFloat(lo))
	if a == x || lo == 0x7bff {
		if lo == 0x7bff && x > a {
			d1, d2 := x-a, 65536-x
			if d2 < d1 {
				return sign | 0x7c00
			}
		}
		return sign | lo
	}
	b := float64(HalfToFloat(lo + 1))
	switch d1, d2 := x-a, b-x; {
	case d1 < d2:
		return sign | lo
	case d2 < d1:
		return sign | (lo + 1)
	case lo&1 == 0:
		return sign | lo
	}
	return sign | (lo + 1)
}

// TestQ8Idempotent: quantizing dequantized Q8_0 data gives the same bytes.
func TestQ8Idempotent(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	v := make([]float32, 32*50)
	for i := range v {
		v[i] = float32(r.NormFloat64() * math.Pow(10, float64(i/32%7-3)))
	}
	for i := range 32 {
		v[i] = 0 // an all-zero block
	}
	q, err := Quantize(Q8_0, v)
	require.NoError(t, err)
	d, err := Dequantize(Q8_0, q)
	require.NoError(t, err)
	q2, err := Quantize(Q8_0, d)
	require.NoError(t, err)
	require.Equal(t, q, q2)
	blocks, err := Q8Blocks(q)
	require.NoError(t, err)
	var re []byte
	for _, b := range blocks {
		re = AppendQ8Block(re, b.D, b.Qs[:])
	}
	require.Equal(t, q, re)
	_, err = Quantize(Q8_0, v[:31])
	require.Error(t, err)
}

// TestBadFiles: each corruption is refused with ErrFormat and a message
// naming the problem.
func TestBadFiles(t *testing.T) {
	good, _, _ := sample(t)
	hdr := func(version uint32, nt, nkv uint64) []byte {
		b := binary.LittleEndian.AppendUint32(nil, Magic)
		b = binary.LittleEndian.AppendUint32(b, version)
		b = binary.LittleEndian.AppendUint64(b, nt)
		return binary.LittleEndian.AppendUint64(b, nkv)
	}
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "truncated"},
		{"magic", mod(func(b []byte) []byte { b[0] = 'X'; return b }), "not GGUF"},
		{"version 1", hdr(1, 0, 0), "version 1"},
		{"huge kv count", hdr(3, 0, 1<<40), "metadata count"},
		{"huge tensor count", hdr(3, 1<<40, 0), "tensor count"},
		{"truncated data", good[:len(good)-10], "past the end"},
		{"huge string", append(append(hdr(3, 0, 1), binary.LittleEndian.AppendUint64(nil, 1<<62)...), make([]byte, 20)...), "exceeds"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(bytes.NewReader(c.b), int64(len(c.b)))
			require.ErrorIs(t, err, ErrFormat)
			require.ErrorContains(t, err, c.want)
		})
	}
	// A tensor whose byte size overflows is refused, not wrapped.
	huge := hdr(3, 1, 0)
	huge = binary.LittleEndian.AppendUint64(huge, 1)
	huge = append(huge, 'w')
	huge = binary.LittleEndian.AppendUint32(huge, 2)
	huge = binary.LittleEndian.AppendUint64(huge, 1<<31)
	huge = binary.LittleEndian.AppendUint64(huge, 1<<31)
	huge = binary.LittleEndian.AppendUint32(huge, uint32(F32))
	huge = binary.LittleEndian.AppendUint64(huge, 0)
	_, err := Parse(bytes.NewReader(huge), int64(len(huge)))
	require.ErrorContains(t, err, "too large") // 2^62 F32 values: 2^64 bytes would wrap to 0

	// A tensor type whose values cannot be read is listed but refused.
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, nil, []TensorInfo{{Name: "q4", Dims: []uint64{32}, Type: Q4_0}},
		func(int) ([]byte, error) { return make([]byte, 18), nil }))
	f, err := Parse(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	_, err = f.Float32s(&f.Tensors[0])
	require.ErrorContains(t, err, "Q4_0 cannot be converted")
	// Writer checks data sizes.
	require.Error(t, Write(&bytes.Buffer{}, nil, []TensorInfo{{Name: "x", Dims: []uint64{4}, Type: F32}},
		func(int) ([]byte, error) { return make([]byte, 3), nil }))
}

// FuzzGGUF: Parse and reading every tensor never panics and never
// allocates beyond the input's size (the race detector and the fuzzer's
// memory limit would catch a blow-up); what parses re-encodes to a file
// that parses to the same header.
func FuzzGGUF(f *testing.F) {
	good, _, _ := sample(f)
	f.Add(good)
	f.Add(good[:100])
	f.Add([]byte("GGUF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := Parse(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		for i := range g.Tensors {
			if d, err := g.Data(&g.Tensors[i]); err == nil {
				_, _ = Dequantize(g.Tensors[i].Type, d)
			}
		}
		var out bytes.Buffer
		err = Write(&out, g.KV, g.Tensors, func(i int) ([]byte, error) { return g.Data(&g.Tensors[i]) })
		if err != nil {
			return // e.g. a float general.alignment the writer refuses
		}
		h, err := Parse(bytes.NewReader(out.Bytes()), int64(out.Len()))
		require.NoError(t, err)
		require.Equal(t, len(g.KV), len(h.KV))
		require.Equal(t, len(g.Tensors), len(h.Tensors))
	})
}
