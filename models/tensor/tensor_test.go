package tensor

import (
	"bytes"
	"testing"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/stretchr/testify/require"
)

func sample(t *testing.T) []*Tensor {
	a, err := FromI8([]int8{-128, -1, 0, 1, 127, 5}, 2, 3)
	require.NoError(t, err)
	a.Quant = Quant{ZeroPoint: 0, ScaleMant: 3, ScaleExp: -10}
	b, err := FromI32([]int32{-2147483648, 2147483647, 7}, 3)
	require.NoError(t, err)
	c, err := FromU8([]uint8{0, 255}, 1, 2)
	require.NoError(t, err)
	s, err := New(I32) // scalar
	require.NoError(t, err)
	big, err := New(I8, 3000)
	require.NoError(t, err)
	for i := range big.I8 {
		big.I8[i] = int8(i * 7)
	}
	return []*Tensor{a, b, c, s, big}
}

func TestRoundTrip(t *testing.T) {
	for _, x := range sample(t) {
		enc, err := x.Encode()
		require.NoError(t, err)
		require.Len(t, enc, x.EncodedSize())
		y, err := Decode(enc)
		require.NoError(t, err)
		require.True(t, Equal(x, y))
		enc2, err := y.Encode()
		require.NoError(t, err)
		require.Equal(t, enc, enc2)
	}
}

func TestGoldenEncoding(t *testing.T) {
	x, err := FromI32([]int32{1, -2}, 2)
	require.NoError(t, err)
	x.Quant = Quant{ZeroPoint: -1, ScaleMant: 5, ScaleExp: -3}
	enc, err := x.Encode()
	require.NoError(t, err)
	want := []byte{
		'A', 'I', 'V', 'T', 1, 3, 1, 0,
		0xff, 0xff, 0xff, 0xff, 5, 0, 0, 0, 0xfd, 0xff, 0xff, 0xff,
		2, 0, 0, 0,
		1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff,
	}
	require.Equal(t, want, enc)
	var buf [ChunkSize]byte
	copy(buf[:], want)
	require.Equal(t, merkle.Keccak(buf[:]), CommitBytes(enc))
}

func TestCommitChunks(t *testing.T) {
	x := sample(t)[4] // 3000 + 24 bytes: 3 chunks, padded to 4 leaves
	enc, err := x.Encode()
	require.NoError(t, err)
	root := CommitBytes(enc)
	leaves := ChunkLeaves(enc)
	require.Len(t, leaves, 3)
	require.Equal(t, merkle.Node(merkle.Node(leaves[0], leaves[1]), merkle.Node(leaves[2], merkle.Empty)), root)
	for i := range leaves {
		c, p, err := ChunkProof(enc, i)
		require.NoError(t, err)
		require.NoError(t, VerifyChunk(root, i, c, p))
		c[0] ^= 1
		require.Error(t, VerifyChunk(root, i, c, p))
	}
	x.I8[2999]++
	require.NotEqual(t, root, x.MustCommit())
}

func TestDecodeErrors(t *testing.T) {
	x := sample(t)[0]
	enc, err := x.Encode()
	require.NoError(t, err)
	mut := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(enc)) }
	cases := map[string][]byte{
		"empty":       nil,
		"short":       enc[:10],
		"magic":       mut(func(b []byte) []byte { b[0] = 'X'; return b }),
		"version":     mut(func(b []byte) []byte { b[4] = 2; return b }),
		"dtype":       mut(func(b []byte) []byte { b[5] = 9; return b }),
		"rank":        mut(func(b []byte) []byte { b[6] = 9; return b }),
		"flags":       mut(func(b []byte) []byte { b[7] = 1; return b }),
		"truncated":   enc[:len(enc)-1],
		"trailing":    append(bytes.Clone(enc), 0),
		"dims":        mut(func(b []byte) []byte { b[20] = 3; return b }),
		"huge":        mut(func(b []byte) []byte { b[23] = 0x7f; return b }),
		"hdr-trunc":   enc[:22],
		"rank-no-dim": mut(func(b []byte) []byte { b[6] = 4; return b[:fixedHeader+8] }),
	}
	for name, b := range cases {
		_, err := Decode(b)
		require.ErrorIs(t, err, ErrEncoding, name)
	}
}

func TestValidate(t *testing.T) {
	_, err := FromI8([]int8{1, 2, 3}, 2, 2)
	require.ErrorIs(t, err, ErrShape)
	_, err = New(I8, -1)
	require.Error(t, err)
	_, err = New(Invalid, 1)
	require.Error(t, err)
	_, err = New(I8, 1<<15, 1<<15)
	require.Error(t, err)
	bad := &Tensor{DType: I8, Shape: []int{1}, I8: []int8{1}, I32: []int32{1}}
	require.Error(t, bad.Validate())
	require.NoError(t, Spec{I8, []int{2, 3}}.Check(sample(t)[0]))
	require.Error(t, Spec{I32, []int{2, 3}}.Check(sample(t)[0]))
	require.Error(t, Spec{I8, []int{6}}.Check(sample(t)[0]))
}

func FuzzDecode(f *testing.F) {
	for _, x := range []*Tensor{{DType: I8, Shape: []int{2}, I8: []int8{1, 2}}, {DType: I32, Shape: []int{}, I32: []int32{9}}} {
		enc, _ := x.Encode()
		f.Add(enc)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := Decode(b)
		if err != nil {
			return
		}
		enc, err := x.Encode()
		if err != nil {
			t.Fatalf("decoded tensor does not re-encode: %v", err)
		}
		if !bytes.Equal(enc, b) {
			t.Fatalf("encoding is not canonical")
		}
	})
}
