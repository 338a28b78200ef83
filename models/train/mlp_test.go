package train

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func naive(a, b []float32, m, k, n int, ta, tb bool) []float32 {
	out := make([]float32, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float32
			for p := 0; p < k; p++ {
				av := a[i*k+p]
				if ta {
					av = a[p*m+i]
				}
				bv := b[p*n+j]
				if tb {
					bv = b[j*k+p]
				}
				s += av * bv
			}
			out[i*n+j] = s
		}
	}
	return out
}

func TestMatmulTransposes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	m, k, n := 3, 5, 4
	a, b := make([]float32, m*k), make([]float32, k*n)
	for i := range a {
		a[i] = r.Float32()
	}
	for i := range b {
		b[i] = r.Float32()
	}
	for _, ta := range []bool{false, true} {
		for _, tb := range []bool{false, true} {
			out := make([]float32, m*n)
			require.NoError(t, matmul(out, a, b, m, k, n, ta, tb))
			require.InDeltaSlice(t, naive(a, b, m, k, n, ta, tb), out, 1e-5, "ta=%v tb=%v", ta, tb)
		}
	}
}

func TestSaveLoad(t *testing.T) {
	m := NewMLP([]int{4, 3, 2}, 7)
	var buf bytes.Buffer
	require.NoError(t, m.Save(&buf))
	m2, err := LoadMLP(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Equal(t, m, m2)
	_, err = LoadMLP(bytes.NewReader(buf.Bytes()[:buf.Len()-1]))
	require.Error(t, err)
	_, err = LoadMLP(bytes.NewReader([]byte("nope")))
	require.Error(t, err)
}
