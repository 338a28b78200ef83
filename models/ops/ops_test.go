package ops

import (
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"testing"
	"testing/quick"

	"github.com/stretchr/testify/require"
)

// refRoundShift is the rounding rule computed with big integers.
func refRoundShift(x int64, s uint8) int64 {
	if s == 0 {
		return x
	}
	n := new(big.Int).Abs(big.NewInt(x))
	n.Lsh(n, 1)
	n.Add(n, new(big.Int).Lsh(big.NewInt(1), uint(s))) // 2|x| + 2^s
	n.Rsh(n, uint(s)+1)                                // floor((|x| + 2^(s-1)) / 2^s)
	if x < 0 {
		n.Neg(n)
	}
	return n.Int64()
}

func TestRoundShiftEdges(t *testing.T) {
	cases := []struct {
		x    int64
		s    uint8
		want int64
	}{
		{0, 1, 0}, {1, 1, 1}, {-1, 1, -1}, {2, 2, 1}, {-2, 2, -1}, {1, 2, 0}, {-1, 2, 0},
		{3, 1, 2}, {-3, 1, -2}, {5, 1, 3}, {-5, 1, -3}, {6, 2, 2}, {-6, 2, -2}, {7, 0, 7},
		{1 << 62, 62, 1}, {-(1 << 62), 62, -1}, {1<<61 - 1, 62, 0}, {1 << 61, 62, 1}, {-(1 << 61), 62, -1},
	}
	for _, c := range cases {
		require.Equal(t, c.want, RoundShift(c.x, c.s), "RoundShift(%d,%d)", c.x, c.s)
	}
	// Exhaustive over a small window of values and every shift.
	for s := uint8(0); s <= MaxShift; s++ {
		for x := int64(-1100); x <= 1100; x++ {
			require.Equal(t, refRoundShift(x, s), RoundShift(x, s))
		}
	}
	// Extremes of int32 x int32 products at every shift.
	ext := []int32{math.MinInt32, math.MinInt32 + 1, -1, 0, 1, math.MaxInt32 - 1, math.MaxInt32}
	for _, a := range ext {
		for _, m := range ext {
			for s := uint8(0); s <= MaxShift; s++ {
				mu := Multiplier{M: m, Shift: s}
				want := refRoundShift(int64(a)*int64(m), s)
				require.Equal(t, want, mu.Apply(a), "a=%d m=%d s=%d", a, m, s)
			}
		}
	}
	require.NoError(t, quick.Check(func(a, m int32, s uint8) bool {
		s %= MaxShift + 1
		return Multiplier{M: m, Shift: s}.Apply(a) == refRoundShift(int64(a)*int64(m), s)
	}, &quick.Config{MaxCount: 20000}))
}

func TestRoundShiftExhaustive(t *testing.T) {
	if os.Getenv("AIVM_SLOW") == "" {
		t.Skip("set AIVM_SLOW=1 for the exhaustive int32 x fixed-multiplier sweep")
	}
	mu := Multiplier{M: 1<<30 + 12345, Shift: 37}
	for a := int64(math.MinInt32); a <= math.MaxInt32; a += 97 {
		require.Equal(t, refRoundShift(a*int64(mu.M), mu.Shift), mu.Apply(int32(a)))
	}
}

func TestRoundDiv(t *testing.T) {
	require.Equal(t, int64(2), RoundDiv(3, 2))
	require.Equal(t, int64(-2), RoundDiv(-3, 2))
	require.Equal(t, int64(1), RoundDiv(4, 3))
	require.Equal(t, int64(-1), RoundDiv(-4, 3))
	require.Equal(t, int64(0), RoundDiv(1, 3))
	require.Equal(t, int64(1<<61), RoundDiv(1<<62, 2))
}

func TestMultiplierAttrs(t *testing.T) {
	_, err := NewMultiplier(1<<31, 0)
	require.ErrorIs(t, err, ErrArg)
	_, err = NewMultiplier(1, 63)
	require.ErrorIs(t, err, ErrArg)
	_, err = NewMultiplier(1, -1)
	require.ErrorIs(t, err, ErrArg)
	m, err := NewMultiplier(-5, 3)
	require.NoError(t, err)
	require.Equal(t, Multiplier{M: -5, Shift: 3}, m)
}

func TestISqrt(t *testing.T) {
	for x := uint64(0); x < 70000; x++ {
		r := ISqrt(x)
		require.True(t, r*r <= x && (r+1)*(r+1) > x, "x=%d r=%d", x, r)
	}
	for _, x := range []uint64{1<<63 - 1, 1 << 62, math.MaxUint64, 999999999999} {
		r := ISqrt(x)
		require.True(t, new(big.Int).Mul(new(big.Int).SetUint64(r), new(big.Int).SetUint64(r)).Cmp(new(big.Int).SetUint64(x)) <= 0)
		r1 := new(big.Int).SetUint64(r + 1)
		require.True(t, new(big.Int).Mul(r1, r1).Cmp(new(big.Int).SetUint64(x)) > 0)
	}
}

// fm is the float-to-multiplier conversion the quantizer uses (M normalized
// into [2^30, 2^31)); tests may use floats, kernels may not.
func fm(f float64) Multiplier {
	s := 30
	for f*math.Exp2(float64(s)) >= 1<<31 {
		s--
	}
	for f*math.Exp2(float64(s)) < 1<<30 && s < MaxShift {
		s++
	}
	return Multiplier{M: int32(math.Round(f * math.Exp2(float64(s)))), Shift: uint8(s)}
}

func randI8(r *rand.Rand, n int) []int8 {
	out := make([]int8, n)
	for i := range out {
		out[i] = int8(r.IntN(256) - 128)
	}
	return out
}

func naiveDot(a, b []int8) int64 {
	var s int64
	for i := range a {
		s += int64(a[i]) * int64(b[i])
	}
	return s
}

func TestDotAndMatVec(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{1, 3, 4, 5, 17, 64, 784} {
		for _, n := range []int{1, 3, 4, 9} {
			x, w := randI8(r, k), randI8(r, n*k)
			bias := make([]int32, n)
			for i := range bias {
				bias[i] = int32(r.IntN(2001) - 1000)
			}
			require.NoError(t, CheckMatVec(x, w, bias, n, k))
			out := make([]int32, n)
			MatVecRows(out, x, w, bias, k, 0, n)
			split := make([]int32, n)
			MatVecRows(split, x, w, bias, k, 0, n/2)
			MatVecRows(split, x, w, bias, k, n/2, n)
			for j := 0; j < n; j++ {
				require.Equal(t, naiveDot(x, w[j*k:(j+1)*k])+int64(bias[j]), int64(out[j]))
			}
			require.Equal(t, out, split)
		}
	}
	// The extreme case: K = MaxK, all -128: 2^30, inside int32 with any legal bias.
	x := make([]int8, MaxK)
	for i := range x {
		x[i] = -128
	}
	out := make([]int32, 1)
	require.NoError(t, CheckMatVec(x, x, []int32{MaxBias}, 1, MaxK))
	MatVecRows(out, x, x, []int32{MaxBias}, MaxK, 0, 1)
	require.Equal(t, int64(math.MaxInt32), int64(out[0]))
	require.Error(t, CheckMatVec(make([]int8, MaxK+1), make([]int8, MaxK+1), nil, 1, MaxK+1))
	require.Error(t, CheckMatVec(x, x, []int32{MaxBias + 1}, 1, MaxK))
	require.Error(t, CheckMatVec(x[:3], x[:5], nil, 1, 3))
}

func TestMatMulMatchesMatVec(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m, n, k := 5, 7, 33
	x, w := randI8(r, m*k), randI8(r, n*k)
	out := make([]int32, m*n)
	MatMulRows(out, x, w, nil, n, k, 0, m)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			require.Equal(t, naiveDot(x[i*k:(i+1)*k], w[j*k:(j+1)*k]), int64(out[i*n+j]))
		}
	}
}

func TestRequantRows(t *testing.T) {
	acc := []int32{-1000, -3, 3, 1000, 5, -5}
	out := make([]int8, len(acc))
	RequantRows(out, acc, []Multiplier{{M: 1 << 30, Shift: 31}}, false, 0, len(acc))
	require.Equal(t, []int8{-128, -2, 2, 127, 3, -3}, out)
	RequantRows(out, acc, []Multiplier{{M: 1 << 30, Shift: 31}, {M: 1, Shift: 0}}, true, 0, len(acc))
	require.Equal(t, []int8{0, 0, 2, 127, 3, 0}, out)
}

func TestElementwise(t *testing.T) {
	a := []int8{-128, -1, 0, 1, 127}
	b := []int8{127, 1, 5, -1, 127}
	out := make([]int8, 5)
	one := Multiplier{M: 1, Shift: 0}
	AddI8(out, a, b, one, one)
	require.Equal(t, []int8{-1, 0, 5, 0, 127}, out)
	MulI8(out, a, b, Multiplier{M: 1, Shift: 7})
	require.Equal(t, []int8{-127, 0, 0, 0, 126}, out)
	c := append([]int8(nil), a...)
	ReluI8(c)
	require.Equal(t, []int8{0, 0, 0, 1, 127}, c)
	d := []int32{-5, 6}
	ReluI32(d)
	require.Equal(t, []int32{0, 6}, d)
	res := make([]int32, 3)
	ResidualAdd(res, []int32{ResidualMax, -ResidualMax, 10}, []int8{1, -1, 2}, Multiplier{M: 3, Shift: 0})
	require.Equal(t, []int32{ResidualMax, -ResidualMax, 16}, res)

	tab := make([]int8, 256)
	for i := range tab {
		tab[i] = int8(i) // identity on the byte pattern
	}
	require.NoError(t, LUT8(out, a, tab))
	require.Equal(t, a, out)
	require.Error(t, LUT8(out, a, tab[:10]))

	emb := []int8{1, 2, 3, 4, 5, 6}
	row := make([]int8, 2)
	require.NoError(t, Embedding(row, emb, 3, 2, 2))
	require.Equal(t, []int8{5, 6}, row)
	require.ErrorIs(t, Embedding(row, emb, 3, 2, 3), ErrArg)
	require.ErrorIs(t, Embedding(row, emb, 3, 2, -1), ErrArg)
}

func TestArgmaxTopK(t *testing.T) {
	x := []int32{3, 9, 9, -1, 4}
	require.Equal(t, 1, Argmax(x))
	require.Equal(t, -1, Argmax([]int32(nil)))
	require.Equal(t, 2, Argmax([]int8{-3, 0, 5, 5}))
	k, err := TopK(x, 3)
	require.NoError(t, err)
	require.Equal(t, []int32{1, 2, 4}, k)
	_, err = TopK(x, 6)
	require.ErrorIs(t, err, ErrArg)
	k, err = TopK(x, 0)
	require.NoError(t, err)
	require.Empty(t, k)
}

func TestExpTable(t *testing.T) {
	for f := 0; f < 256; f++ {
		require.Equal(t, int64(math.Round(65536*math.Exp2(-float64(f)/256))), int64(exp2Table[f]))
	}
	require.Equal(t, int64(1<<16), exp2Neg(0))
	require.Equal(t, int64(1<<15), exp2Neg(256))
	require.Equal(t, int64(0), exp2Neg(17*256))
}

func TestSoftmax(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	// real scale of a score unit: 0.01; M/2^s = 256*log2(e)*0.01
	scale := 0.01
	mf := 256 * math.Log2E * scale
	m := fm(mf)
	for trial := 0; trial < 50; trial++ {
		n := 1 + r.IntN(64)
		s := make([]int32, n)
		for i := range s {
			s[i] = int32(r.IntN(2000) - 1000)
		}
		p := make([]int32, n)
		require.NoError(t, Softmax(p, s, m))
		var sum int64
		mx := -math.MaxFloat64
		for _, v := range s {
			mx = math.Max(mx, float64(v)*scale)
		}
		var z float64
		for _, v := range s {
			z += math.Exp(float64(v)*scale - mx)
		}
		for i, v := range p {
			sum += int64(v)
			want := math.Exp(float64(s[i])*scale-mx) / z * ProbOne
			require.InDelta(t, want, float64(v), 4+want*0.004, "i=%d", i)
		}
		require.InDelta(t, ProbOne, sum, float64(n))
	}
	// Huge spreads clamp instead of overflowing.
	p := make([]int32, 2)
	require.NoError(t, Softmax(p, []int32{math.MaxInt32, math.MinInt32}, Multiplier{M: math.MaxInt32}))
	require.Equal(t, []int32{ProbOne, 0}, p)
	require.Error(t, Softmax(p, []int32{1, 2}, Multiplier{M: -1}))
	require.Error(t, Softmax(nil, nil, m))
}

func TestRMSNorm(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	d := 64
	x := make([]int32, d)
	g := randI8(r, d)
	for i := range x {
		x[i] = int32(r.IntN(20001) - 10000)
	}
	gScale, outScale := 0.02, 0.03
	mf := 16 * gScale / outScale
	m := fm(mf)
	out := make([]int8, d)
	require.NoError(t, RMSNorm(out, x, g, m, 0))
	var ss float64
	for _, v := range x {
		ss += float64(v) * float64(v)
	}
	rms := math.Sqrt(ss / float64(d))
	for i := range x {
		want := math.Max(-128, math.Min(127, float64(x[i])/rms*float64(g[i])*gScale/outScale))
		require.InDelta(t, want, float64(out[i]), 1.01)
	}
	// Extremes never overflow.
	for i := range x {
		x[i] = math.MaxInt32
	}
	require.NoError(t, RMSNorm(out, x, g, Multiplier{M: math.MaxInt32, Shift: 0}, 1<<54-1))
	require.Error(t, RMSNorm(out, x, g[:3], m, 0))
	require.Error(t, RMSNorm(out, x, g, m, -1))
}

func TestRoPE(t *testing.T) {
	hd, seq := 8, 4
	table := make([]int32, seq*hd)
	for p := 0; p < seq; p++ {
		for j := 0; j < hd/2; j++ {
			th := float64(p) / math.Pow(10000, float64(2*j)/float64(hd))
			table[p*hd+2*j] = int32(math.Round(math.Cos(th) * (1 << RopeFrac)))
			table[p*hd+2*j+1] = int32(math.Round(math.Sin(th) * (1 << RopeFrac)))
		}
	}
	x := []int8{10, 20, -30, 40, 50, -60, 70, 80, 1, 2, 3, 4, 5, 6, 7, 8}
	out := make([]int8, len(x))
	require.NoError(t, RoPE(out, x, table, hd, seq, 0))
	require.Equal(t, x, out)
	require.NoError(t, RoPE(out, x, table, hd, seq, 3))
	for i := 0; i < len(x); i += 2 {
		j := (i % hd) / 2
		th := 3 / math.Pow(10000, float64(2*j)/float64(hd))
		x0, x1 := float64(x[i]), float64(x[i+1])
		require.InDelta(t, x0*math.Cos(th)-x1*math.Sin(th), float64(out[i]), 0.51)
		require.InDelta(t, x0*math.Sin(th)+x1*math.Cos(th), float64(out[i+1]), 0.51)
	}
	require.Error(t, RoPE(out, x, table, hd, seq, 4))
	require.Error(t, RoPE(out, x, table, 3, seq, 0))
	require.Error(t, RoPE(out, x, table[:5], hd, seq, 0))
}

func TestAttentionAndKV(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	d := AttentionDims{Heads: 4, KVHeads: 2, HeadDim: 8, Seq: 6}
	kvd := d.KVHeads * d.HeadDim
	kc, vc := make([]int8, d.Seq*kvd), make([]int8, d.Seq*kvd)
	for p := int32(0); p < 4; p++ {
		require.NoError(t, KVWrite(kc, kc, randI8(r, kvd), d.Seq, kvd, p))
		require.NoError(t, KVWrite(vc, vc, randI8(r, kvd), d.Seq, kvd, p))
	}
	q := randI8(r, d.Heads*d.HeadDim)
	scoreScale := 1 / math.Sqrt(float64(d.HeadDim)) / 400
	ms := fm(256 * math.Log2E * scoreScale)
	mo := Multiplier{M: 1 << 30, Shift: 45} // Q15 prob * v -> v scale
	out := make([]int8, len(q))
	require.NoError(t, Attention(out, q, kc, vc, 3, d, ms, mo))
	for h := 0; h < d.Heads; h++ {
		off := (h / 2) * d.HeadDim
		w := make([]float64, 4)
		var z float64
		for j := 0; j < 4; j++ {
			w[j] = math.Exp(float64(naiveDot(q[h*d.HeadDim:(h+1)*d.HeadDim], kc[j*kvd+off:j*kvd+off+d.HeadDim])) * scoreScale)
			z += w[j]
		}
		for i := 0; i < d.HeadDim; i++ {
			var want float64
			for j := 0; j < 4; j++ {
				want += w[j] / z * float64(vc[j*kvd+off+i])
			}
			require.InDelta(t, want, float64(out[h*d.HeadDim+i]), 1.01)
		}
	}
	require.Error(t, Attention(out, q, kc, vc, 6, d, ms, mo))
	require.Error(t, Attention(out, q, kc, vc, 0, AttentionDims{Heads: 3, KVHeads: 2, HeadDim: 8, Seq: 6}, ms, mo))
	require.Error(t, KVWrite(kc, kc, q[:3], d.Seq, kvd, 0))
	require.Error(t, KVWrite(kc, kc, q[:kvd], d.Seq, kvd, -1))
}
