package ops

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// Every SIMD variant is checked against the pure-Go reference: the same
// call under SetBackend("go") and under each variant of Backends() must
// give the same bits. Lengths straddle every block size (16, 64) and its
// tails, slices start at odd offsets (unaligned loads), and the values
// include the extremes -128/127 and int32 limits where a saturating
// instruction or a lost sign would show.

// forEachBackend runs f once per backend of this CPU with that backend
// selected, and restores the default afterwards.
func forEachBackend(t *testing.T, f func(t *testing.T, name string)) {
	t.Helper()
	prev := Backend()
	t.Cleanup(func() { require.NoError(t, SetBackend(prev)) })
	for _, name := range Backends() {
		require.NoError(t, SetBackend(name))
		f(t, name)
	}
}

// reference runs f under the pure-Go backend and restores the previous one.
func reference(t testing.TB, f func()) {
	prev := Backend()
	require.NoError(t, SetBackend(BackendGo))
	defer func() { require.NoError(t, SetBackend(prev)) }()
	f()
}

// fill writes values of one of five patterns into x: uniform random, all
// -128, all 127, alternating extremes, random extremes.
func fill(r *rand.Rand, x []int8, pattern int) {
	for i := range x {
		switch pattern % 5 {
		case 0:
			x[i] = int8(r.IntN(256) - 128)
		case 1:
			x[i] = -128
		case 2:
			x[i] = 127
		case 3:
			x[i] = int8(-128 + 255*(i&1))
		default:
			x[i] = int8(-128 + 255*r.IntN(2))
		}
	}
}

func scalarDot(x, w []int8) int32 {
	var s int32
	for i := range x {
		s += int32(x[i]) * int32(w[i])
	}
	return s
}

// checkDot4 compares dot4 under the active backend with a scalar loop on
// x and four rows at the given offsets into one buffer.
func checkDot4(t testing.TB, x []int8, buf []int8, offs [4]int, msg string) {
	t.Helper()
	n := len(x)
	rows := [4][]int8{}
	for j, o := range offs {
		rows[j] = buf[o : o+n]
	}
	s0, s1, s2, s3 := dot4(x, rows[0], rows[1], rows[2], rows[3])
	for j, got := range []int32{s0, s1, s2, s3} {
		require.Equal(t, scalarDot(x, rows[j]), got, "%s: backend %s n=%d row %d", msg, Backend(), n, j)
	}
}

func TestDot4Backends(t *testing.T) {
	forEachBackend(t, func(t *testing.T, name string) {
		r := rand.New(rand.NewPCG(7, 8))
		lengths := []int{}
		for n := 0; n <= 200; n++ {
			lengths = append(lengths, n)
		}
		lengths = append(lengths, 255, 256, 257, 767, 784, 1023, 1024, 4096, 4097, 11008)
		for _, n := range lengths {
			for pattern := 0; pattern < 5; pattern++ {
				xo := r.IntN(64)
				xb := make([]int8, xo+n)
				fill(r, xb, pattern)
				buf := make([]int8, 4*n+256)
				fill(r, buf, pattern+r.IntN(2)*3)
				offs := [4]int{r.IntN(64), n + 64 + r.IntN(64), 2*n + 128 + r.IntN(64), 3*n + 192 + r.IntN(64)}
				checkDot4(t, xb[xo:], buf, offs, "table")
			}
		}
	})
}

// TestDot4MaxK runs every combination of extremes at K = MaxK, where the
// true sums reach ±2^30 and the VNNI kernel's unsigned sum wraps int32.
func TestDot4MaxK(t *testing.T) {
	forEachBackend(t, func(t *testing.T, name string) {
		ext := []int8{-128, 127, -1}
		for _, a := range ext {
			x := make([]int8, MaxK)
			for i := range x {
				x[i] = a
			}
			buf := make([]int8, 4*MaxK)
			for j, b := range []int8{-128, 127, -1, 1} {
				for i := range MaxK {
					buf[j*MaxK+i] = b
				}
			}
			checkDot4(t, x, buf, [4]int{0, MaxK, 2 * MaxK, 3 * MaxK}, "maxk")
		}
	})
}

func FuzzDot4(f *testing.F) {
	f.Add([]byte{0x80, 0x80, 0x7f, 0x01}, uint16(100), uint8(3), uint8(0))
	f.Add([]byte{0x80}, uint16(4096), uint8(0), uint8(1))
	f.Add([]byte{1, 2, 3, 0xff, 0x80, 0x7f}, uint16(65), uint8(5), uint8(7))
	f.Fuzz(func(t *testing.T, seed []byte, n uint16, off, backend uint8) {
		if len(seed) == 0 {
			return
		}
		names := Backends()
		name := names[int(backend)%len(names)]
		prev := Backend()
		require.NoError(t, SetBackend(name))
		defer func() { require.NoError(t, SetBackend(prev)) }()
		k := int(n) % (MaxK + 1)
		o := int(off) % 64
		buf := make([]int8, o+5*k)
		for i := range buf {
			buf[i] = int8(seed[i%len(seed)] ^ byte(i/len(seed)))
		}
		checkDot4(t, buf[o:o+k], buf, [4]int{o + k, o + 2*k, o + 3*k, o + 4*k}, "fuzz")
	})
}

// TestMatVecMatMulBackends compares whole MatVecRows/MatMulRows calls,
// bias included, over shapes with row counts not a multiple of 4, row
// ranges split as the executor splits them, and reduction lengths not a
// multiple of any block.
func TestMatVecMatMulBackends(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	shapes := [][3]int{{1, 1, 1}, {1, 7, 15}, {1, 256, 784}, {3, 9, 17}, {5, 13, 100}, {2, 11, 129}, {4, 64, 1024}, {1, 5, 65},
		// Whole-matrix kernels (k a multiple of 64 for VNNI, of 32 for
		// AVX2): row ranges that are and are not a multiple of 4.
		{1, 8, 64}, {1, 13, 128}, {2, 9, 192}, {1, 7, 4096}, {1, 8, 32}, {1, 12, 96}}
	for trial := range 20 {
		shapes = append(shapes, [3]int{1 + r.IntN(6), 1 + r.IntN(40), 1 + r.IntN(700)})
		_ = trial
	}
	forEachBackend(t, func(t *testing.T, name string) {
		for si, s := range shapes {
			m, n, k := s[0], s[1], s[2]
			x, w := make([]int8, m*k), make([]int8, n*k)
			fill(r, x, si)
			fill(r, w, si+1)
			bias := make([]int32, n)
			for i := range bias {
				bias[i] = r.Int32N(2*MaxBias) - MaxBias
			}
			lo, hi := r.IntN(n), n
			want, got := make([]int32, n), make([]int32, n)
			reference(t, func() { MatVecRows(want, x[:k], w, bias, k, lo, hi) })
			MatVecRows(got, x[:k], w, bias, k, lo, hi)
			require.Equal(t, want, got, "matvec %v backend %s", s, name)
			want, got = make([]int32, m*n), make([]int32, m*n)
			reference(t, func() { MatMulRows(want, x, w, nil, n, k, 0, m) })
			MatMulRows(got, x, w, nil, n, k, 0, m)
			require.Equal(t, want, got, "matmul %v backend %s", s, name)
		}
	})
}

// TestMatVecMaxK runs the whole-matrix kernels at K = MaxK on every
// combination of extremes, over a row range that does not start at 0.
func TestMatVecMaxK(t *testing.T) {
	ext := []int8{-128, 127, -1, 1}
	const n = 9
	w := make([]int8, n*MaxK)
	for r := range n {
		for i := range MaxK {
			w[r*MaxK+i] = ext[(r+i*(r%2))%len(ext)]
		}
	}
	forEachBackend(t, func(t *testing.T, name string) {
		for _, a := range ext {
			x := make([]int8, MaxK)
			for i := range x {
				x[i] = a
			}
			want, got := make([]int32, n), make([]int32, n)
			reference(t, func() { MatVecRows(want, x, w, nil, MaxK, 1, n) })
			MatVecRows(got, x, w, nil, MaxK, 1, n)
			require.Equal(t, want, got, "x=%d backend %s", a, name)
		}
	})
}

func FuzzMatVec(f *testing.F) {
	f.Add([]byte{0x80, 0x80, 0x7f, 0x01}, uint8(1), uint8(4), uint8(0), uint8(0))
	f.Add([]byte{0x80}, uint8(64), uint8(11), uint8(3), uint8(1))
	f.Fuzz(func(t *testing.T, seed []byte, blocks, rows, lo, backend uint8) {
		if len(seed) == 0 {
			return
		}
		names := Backends()
		name := names[int(backend)%len(names)]
		k := 64 * (1 + int(blocks)%(MaxK/64))
		n := 1 + int(rows)%16
		buf := make([]int8, (n+1)*k)
		for i := range buf {
			buf[i] = int8(seed[i%len(seed)] ^ byte(i/len(seed)))
		}
		x, w := buf[:k], buf[k:]
		l := int(lo) % n
		want, got := make([]int32, n), make([]int32, n)
		reference(t, func() { MatVecRows(want, x, w, nil, k, l, n) })
		prev := Backend()
		require.NoError(t, SetBackend(name))
		defer func() { require.NoError(t, SetBackend(prev)) }()
		MatVecRows(got, x, w, nil, k, l, n)
		require.Equal(t, want, got, "k=%d rows [%d,%d) backend %s", k, l, n, name)
	})
}

// randMultiplier draws a multiplier over the whole domain: M anywhere in
// int32 (extremes included), shift anywhere in [0, 62].
func randMultiplier(r *rand.Rand) Multiplier {
	ms := []int32{math.MinInt32, math.MinInt32 + 1, -1, 0, 1, math.MaxInt32, 1 << 30}
	m := int32(r.Uint32())
	if r.IntN(4) == 0 {
		m = ms[r.IntN(len(ms))]
	} else if r.IntN(2) == 0 {
		m = int32(1<<30 + r.IntN(1<<30))
	}
	return Multiplier{M: m, Shift: uint8(r.IntN(MaxShift + 1))}
}

func randAcc(r *rand.Rand, n int) []int32 {
	ext := []int32{math.MinInt32, math.MinInt32 + 1, -1, 0, 1, math.MaxInt32, 1 << 30, -(1 << 30)}
	acc := make([]int32, n)
	for i := range acc {
		switch r.IntN(3) {
		case 0:
			acc[i] = ext[r.IntN(len(ext))]
		case 1:
			acc[i] = r.Int32N(1<<16) - 1<<15
		default:
			acc[i] = int32(r.Uint32())
		}
	}
	return acc
}

func checkRequant(t testing.TB, acc []int32, rq []Multiplier, relu bool, lo, hi int) {
	t.Helper()
	want, got := make([]int8, len(acc)), make([]int8, len(acc))
	reference(t, func() { RequantRows(want, acc, rq, relu, lo, hi) })
	RequantRows(got, acc, rq, relu, lo, hi)
	require.Equal(t, want, got, "backend %s channels %d relu %v [%d,%d)", Backend(), len(rq), relu, lo, hi)
}

func TestRequantBackends(t *testing.T) {
	forEachBackend(t, func(t *testing.T, name string) {
		r := rand.New(rand.NewPCG(11, 12))
		for trial := range 600 {
			n := 1 + r.IntN(100)
			if trial%50 == 0 {
				n = 4096 + r.IntN(8)
			}
			c := 1
			if r.IntN(2) == 0 {
				c = 1 + r.IntN(n+3)
			}
			rq := make([]Multiplier, c)
			for i := range rq {
				rq[i] = randMultiplier(r)
			}
			lo := r.IntN(n)
			checkRequant(t, randAcc(r, n), rq, trial%2 == 0, lo, n)
		}
		// Every shift with the int32 extremes and the rounding ties.
		for s := uint8(0); s <= MaxShift; s++ {
			acc := []int32{math.MinInt32, math.MaxInt32, -1, 1, 0, 3, -3, 1 << 29, -(1 << 29), 127, -128, 128, 5, -5, 7, -7}
			for _, m := range []int32{math.MinInt32, math.MaxInt32, 1, -1, 1 << 30} {
				checkRequant(t, acc, []Multiplier{{M: m, Shift: s}}, false, 0, len(acc))
				checkRequant(t, acc, []Multiplier{{M: m, Shift: s}}, true, 0, len(acc))
			}
		}
	})
}

func FuzzRequant(f *testing.F) {
	f.Add(int32(math.MinInt32), int32(math.MinInt32), uint8(0), uint8(5), false)
	f.Add(int32(12345), int32(1<<30+7), uint8(40), uint8(13), true)
	f.Add(int32(-3), int32(1), uint8(1), uint8(4), false)
	f.Fuzz(func(t *testing.T, a, m int32, shift, n uint8, relu bool) {
		r := rand.New(rand.NewPCG(uint64(uint32(a)), uint64(uint32(m))))
		k := 1 + int(n)%64
		acc := randAcc(r, k)
		acc[0] = a
		rq := []Multiplier{{M: m, Shift: shift % (MaxShift + 1)}}
		forEachBackendTB(t, func() { checkRequant(t, acc, rq, relu, 0, k) })
		per := make([]Multiplier, k)
		for i := range per {
			per[i] = randMultiplier(r)
		}
		per[0] = rq[0]
		forEachBackendTB(t, func() { checkRequant(t, acc, per, relu, 0, k) })
	})
}

// forEachBackendTB runs f under each backend (for fuzz targets).
func forEachBackendTB(t testing.TB, f func()) {
	prev := Backend()
	defer func() { require.NoError(t, SetBackend(prev)) }()
	for _, name := range Backends() {
		require.NoError(t, SetBackend(name))
		f()
	}
}

func checkRMSNorm(t testing.TB, x []int32, g []int8, m Multiplier, eps int64) {
	t.Helper()
	want, got := make([]int8, len(x)), make([]int8, len(x))
	var errWant error
	reference(t, func() { errWant = RMSNorm(want, x, g, m, eps) })
	require.Equal(t, errWant, RMSNorm(got, x, g, m, eps))
	require.Equal(t, want, got, "rmsnorm backend %s d=%d", Backend(), len(x))
}

func TestRMSNormBackends(t *testing.T) {
	forEachBackend(t, func(t *testing.T, name string) {
		r := rand.New(rand.NewPCG(13, 14))
		dims := []int{1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 288, 4096, MaxK}
		for di, d := range dims {
			x := make([]int32, d)
			g := make([]int8, d)
			fill(r, g, di)
			for i := range x {
				switch (i + di) % 4 {
				case 0:
					x[i] = int32(r.Uint32()) // beyond ±2^20: clamped
				case 1:
					x[i] = []int32{math.MinInt32, math.MaxInt32, ResidualMax, -ResidualMax, ResidualMax + 1}[r.IntN(5)]
				default:
					x[i] = r.Int32N(2*ResidualMax) - ResidualMax
				}
			}
			checkRMSNorm(t, x, g, Multiplier{M: 1<<30 + r.Int32N(1<<30), Shift: 30}, r.Int64N(1<<20))
			// All at the clamp: the sum of squares reaches d * 2^40.
			for i := range x {
				x[i] = -ResidualMax
			}
			checkRMSNorm(t, x, g, Multiplier{M: 1 << 30, Shift: 34}, 0)
		}
	})
}

func FuzzSumSquares(f *testing.F) {
	f.Add([]byte{0x80, 0, 0, 0x80, 0xff, 0xff, 0xff, 0x7f}, uint16(33))
	f.Add([]byte{1, 0, 0x10, 0}, uint16(8))
	f.Fuzz(func(t *testing.T, seed []byte, n uint16) {
		if len(seed) < 4 {
			return
		}
		d := 1 + int(n)%4096
		x := make([]int32, d)
		for i := range x {
			j := (4 * i) % (len(seed) - 3)
			x[i] = int32(uint32(seed[j]) | uint32(seed[j+1])<<8 | uint32(seed[j+2])<<16 | uint32(seed[j+3])<<24 ^ uint32(i))
		}
		var want int64
		for _, v := range x {
			c := Clamp(int64(v), -ResidualMax, ResidualMax)
			want += c * c
		}
		forEachBackendTB(t, func() {
			got, ok := sumSquaresSIMD(x)
			if ok {
				require.Equal(t, want, got, "backend %s d=%d", Backend(), d)
			}
		})
	})
}

// TestAttentionBackends: the scores go through dot4, so whole attention
// steps must agree, grouped-query heads and odd positions included.
func TestAttentionBackends(t *testing.T) {
	forEachBackend(t, func(t *testing.T, name string) {
		r := rand.New(rand.NewPCG(15, 16))
		for _, d := range []AttentionDims{{Heads: 4, KVHeads: 2, HeadDim: 64, Seq: 37}, {Heads: 2, KVHeads: 2, HeadDim: 17, Seq: 9}, {Heads: 8, KVHeads: 1, HeadDim: 128, Seq: 70}} {
			for pos := int32(0); pos < int32(d.Seq); pos += 1 + int32(r.IntN(7)) {
				q := make([]int8, d.Heads*d.HeadDim)
				kc := make([]int8, d.Seq*d.KVHeads*d.HeadDim)
				vc := make([]int8, len(kc))
				fill(r, q, int(pos))
				fill(r, kc, int(pos)+1)
				fill(r, vc, 0)
				ms := Multiplier{M: 1<<30 + r.Int32N(1<<30), Shift: uint8(30 + r.IntN(10))}
				mo := Multiplier{M: 1<<30 + r.Int32N(1<<30), Shift: uint8(40 + r.IntN(8))}
				want, got := make([]int8, len(q)), make([]int8, len(q))
				reference(t, func() { require.NoError(t, Attention(want, q, kc, vc, pos, d, ms, mo)) })
				require.NoError(t, Attention(got, q, kc, vc, pos, d, ms, mo))
				require.Equal(t, want, got, "attention %+v pos %d backend %s", d, pos, name)
			}
		}
	})
}

func TestSetBackend(t *testing.T) {
	t.Logf("backends on this CPU: %v (default %s)", Backends(), Backend())
	prev := Backend()
	defer func() { require.NoError(t, SetBackend(prev)) }()
	require.NoError(t, SetBackend(BackendGo))
	require.Equal(t, BackendGo, Backend())
	require.ErrorIs(t, SetBackend("no-such"), ErrArg)
	if len(Backends()) > 1 {
		require.NoError(t, SetBackend(BackendSIMD))
		require.Equal(t, Backends()[1], Backend())
	} else {
		require.ErrorIs(t, SetBackend(BackendSIMD), ErrArg)
	}
}
