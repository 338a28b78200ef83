package graph

import (
	"encoding/binary"
	"testing"

	"github.com/aivm-dev/aivm/models/tensor"
)

// FuzzRunNode drives RunNode with arbitrary ops, attributes and input
// tensors (random dtypes, small random shapes, random data). Whatever the
// bytes, it must return an output or an error, never panic.
func FuzzRunNode(f *testing.F) {
	f.Add([]byte{1, 0, 4, 1, 2, 1, 2, 3, 1, 2, 1, 3, 1, 1, 3, 2, 1, 2})
	f.Add([]byte{12, 0, 4, 7, 1, 1, 8, 1, 2, 8, 8, 1, 2, 8, 8, 3, 1, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		next := func() int {
			if len(b) == 0 {
				return 0
			}
			v := int(b[0])
			b = b[1:]
			return v
		}
		n := Node{Op: Op(next() % int(opEnd+1))}
		nIn := next() % 6
		nAttr := next() % 9
		for i := 0; i < nAttr; i++ {
			var a int64
			if wide := next()%2 == 0; wide && len(b) >= 8 {
				a = int64(binary.LittleEndian.Uint64(b))
				b = b[8:]
			} else {
				a = int64(next()) - 64
			}
			n.Attrs = append(n.Attrs, a)
		}
		var in []*tensor.Tensor
		for i := 0; i < nIn; i++ {
			dt := tensor.DType(next() % 4)
			shape := make([]int, next()%4)
			for j := range shape {
				shape[j] = next() % 9
			}
			x, err := tensor.New(dt, shape...)
			if err != nil {
				x = &tensor.Tensor{DType: dt, Shape: shape}
			}
			for j := range x.I8 {
				x.I8[j] = int8(next())
			}
			for j := range x.U8 {
				x.U8[j] = uint8(next())
			}
			for j := range x.I32 {
				x.I32[j] = int32(next()-128) * int32(1+next())
			}
			in = append(in, x)
		}
		_, _ = RunNode(&n, in)
	})
}
