package tensor

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"

	"github.com/aivm-dev/aivm/models/merkle"
)

// Wire format constants (docs/models.md, "Tensor encoding").
const (
	Magic         = "AIVT"
	Version       = 1
	fixedHeader   = 20 // magic 4, version 1, dtype 1, rank 1, flags 1, zp 4, mant 4, exp 4
	ChunkSize     = 1024
	maxHeaderSize = fixedHeader + 4*MaxRank
)

// ErrEncoding wraps every decoding failure so callers can test for it.
var ErrEncoding = errors.New("tensor: bad encoding")

// HeaderSize is the encoded header length for a tensor of the given rank.
func HeaderSize(rank int) int { return fixedHeader + 4*rank }

// EncodedSize is the full encoding length of t.
func (t *Tensor) EncodedSize() int { return HeaderSize(len(t.Shape)) + t.Len()*t.DType.Size() }

// AppendHeader appends the canonical header of t to b.
func (t *Tensor) AppendHeader(b []byte) []byte {
	b = append(b, Magic...)
	b = append(b, Version, byte(t.DType), byte(len(t.Shape)), 0)
	b = binary.LittleEndian.AppendUint32(b, uint32(t.Quant.ZeroPoint))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.Quant.ScaleMant))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.Quant.ScaleExp))
	for _, d := range t.Shape {
		b = binary.LittleEndian.AppendUint32(b, uint32(d))
	}
	return b
}

// Encode returns the canonical encoding: header, then the elements in
// row-major order, little-endian. t must be valid.
func (t *Tensor) Encode() ([]byte, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	b := make([]byte, 0, t.EncodedSize())
	b = t.AppendHeader(b)
	switch t.DType {
	case I8:
		for _, v := range t.I8 {
			b = append(b, byte(v))
		}
	case U8:
		b = append(b, t.U8...)
	case I32:
		for _, v := range t.I32 {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
	}
	return b, nil
}

// Header is a decoded tensor header.
type Header struct {
	DType DType
	Shape []int
	Quant Quant
	Size  int // header bytes
	Data  int // data bytes that must follow
}

// DecodeHeader parses and validates a header at the start of b.
func DecodeHeader(b []byte) (Header, error) {
	var h Header
	if len(b) < fixedHeader {
		return h, fmt.Errorf("%w: %d bytes is shorter than the %d-byte header", ErrEncoding, len(b), fixedHeader)
	}
	if string(b[:4]) != Magic {
		return h, fmt.Errorf("%w: magic %q, want %q", ErrEncoding, b[:4], Magic)
	}
	if b[4] != Version {
		return h, fmt.Errorf("%w: version %d, want %d", ErrEncoding, b[4], Version)
	}
	h.DType = DType(b[5])
	if !h.DType.Valid() {
		return h, fmt.Errorf("%w: unknown dtype code %d", ErrEncoding, b[5])
	}
	rank := int(b[6])
	if rank > MaxRank {
		return h, fmt.Errorf("%w: rank %d exceeds %d", ErrEncoding, rank, MaxRank)
	}
	if b[7] != 0 {
		return h, fmt.Errorf("%w: reserved flags byte is %d, want 0", ErrEncoding, b[7])
	}
	h.Quant = Quant{
		ZeroPoint: int32(binary.LittleEndian.Uint32(b[8:])),
		ScaleMant: int32(binary.LittleEndian.Uint32(b[12:])),
		ScaleExp:  int32(binary.LittleEndian.Uint32(b[16:])),
	}
	h.Size = HeaderSize(rank)
	if len(b) < h.Size {
		return h, fmt.Errorf("%w: truncated header: %d bytes, need %d", ErrEncoding, len(b), h.Size)
	}
	h.Shape = make([]int, rank)
	for i := range h.Shape {
		d := binary.LittleEndian.Uint32(b[fixedHeader+4*i:])
		if d > MaxElements {
			return h, fmt.Errorf("%w: dimension %d is %d", ErrEncoding, i, d)
		}
		h.Shape[i] = int(d)
	}
	n, err := NumElements(h.Shape)
	if err != nil {
		return h, fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	h.Data = n * h.DType.Size()
	return h, nil
}

// split decodes the header of a complete encoding and returns the data
// bytes; trailing bytes are an error.
func split(b []byte) (Header, []byte, error) {
	h, err := DecodeHeader(b)
	if err != nil {
		return h, nil, err
	}
	if want := h.Size + h.Data; len(b) != want {
		return h, nil, fmt.Errorf("%w: %s%v needs %d bytes, have %d", ErrEncoding, h.DType, h.Shape, want, len(b))
	}
	return h, b[h.Size:], nil
}

// Decode parses a complete canonical encoding. Trailing bytes are an error,
// so a tensor has exactly one encoding.
func Decode(b []byte) (*Tensor, error) {
	h, d, err := split(b)
	if err != nil {
		return nil, err
	}
	t := &Tensor{DType: h.DType, Shape: h.Shape, Quant: h.Quant}
	switch h.DType {
	case I8:
		t.I8 = make([]int8, len(d))
		for i, v := range d {
			t.I8[i] = int8(v)
		}
	case U8:
		t.U8 = append([]uint8{}, d...)
	case I32:
		t.I32 = make([]int32, len(d)/4)
		for i := range t.I32 {
			t.I32[i] = int32(binary.LittleEndian.Uint32(d[4*i:]))
		}
	}
	return t, nil
}

// View is Decode without copying int8 and uint8 data: the tensor's I8 or
// U8 slice aliases b (a memory-mapped model file), so b must outlive it and
// stay unchanged. int32 data is converted, as byte order requires.
func View(b []byte) (*Tensor, error) {
	h, d, err := split(b)
	if err != nil {
		return nil, err
	}
	switch h.DType {
	case I8:
		t := &Tensor{DType: h.DType, Shape: h.Shape, Quant: h.Quant, I8: []int8{}}
		if len(d) > 0 {
			t.I8 = unsafe.Slice((*int8)(unsafe.Pointer(&d[0])), len(d))
		}
		return t, nil
	case U8:
		return &Tensor{DType: h.DType, Shape: h.Shape, Quant: h.Quant, U8: d[:len(d):len(d)]}, nil
	}
	return Decode(b)
}

// Commit returns the tensor commitment of t (see CommitBytes).
func (t *Tensor) Commit() (merkle.Hash, error) {
	b, err := t.Encode()
	if err != nil {
		return merkle.Hash{}, err
	}
	return CommitBytes(b), nil
}

// MustCommit is Commit for tensors the caller built and knows to be valid.
func (t *Tensor) MustCommit() merkle.Hash {
	h, err := t.Commit()
	if err != nil {
		panic(err)
	}
	return h
}

// ChunkLeaves splits an encoding into ChunkSize chunks (the last one padded
// with zero bytes) and hashes each one.
func ChunkLeaves(enc []byte) []merkle.Hash {
	n := (len(enc) + ChunkSize - 1) / ChunkSize
	leaves := make([]merkle.Hash, n)
	var buf [ChunkSize]byte
	for i := range leaves {
		c := Chunk(enc, i, &buf)
		leaves[i] = merkle.Keccak(c)
	}
	return leaves
}

// Chunk returns chunk i of enc padded to ChunkSize, using buf for padding.
func Chunk(enc []byte, i int, buf *[ChunkSize]byte) []byte {
	lo := i * ChunkSize
	hi := lo + ChunkSize
	if hi <= len(enc) {
		return enc[lo:hi]
	}
	*buf = [ChunkSize]byte{}
	copy(buf[:], enc[lo:])
	return buf[:]
}

// CommitBytes is the commitment of an encoding: the Merkle root over the
// keccak256 of each zero-padded 1 KiB chunk. The header fixes the length,
// so zero padding is unambiguous.
func CommitBytes(enc []byte) merkle.Hash { return merkle.Root(ChunkLeaves(enc)) }

// ChunkProof returns chunk i (padded) of enc and its Merkle path, which is
// all a verifier needs to check one read against the commitment.
func ChunkProof(enc []byte, i int) ([]byte, []merkle.Hash, error) {
	leaves := ChunkLeaves(enc)
	path, err := merkle.Prove(leaves, i)
	if err != nil {
		return nil, nil, err
	}
	var buf [ChunkSize]byte
	c := append([]byte(nil), Chunk(enc, i, &buf)...)
	return c, path, nil
}

// VerifyChunk checks a chunk proof against a tensor commitment.
func VerifyChunk(root merkle.Hash, i int, chunk []byte, path []merkle.Hash) error {
	if len(chunk) != ChunkSize {
		return fmt.Errorf("tensor: chunk is %d bytes, want %d", len(chunk), ChunkSize)
	}
	return merkle.Verify(root, merkle.Keccak(chunk), i, path)
}
