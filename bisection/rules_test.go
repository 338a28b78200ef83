package bisection

import (
	"math"
	"testing"

	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/stretchr/testify/require"
)

func TestSplitPointsExamples(t *testing.T) {
	for _, tc := range []struct {
		lo, hi uint64
		k      uint
		want   []uint64
	}{
		{0, 5, 2, []uint64{2}},
		{0, 41, 4, []uint64{10, 20, 30}},
		{0, 5, 8, []uint64{1, 2, 3, 4}}, // shorter than k: unit sub-segments
		{3, 5, 16, []uint64{4}},
		{0, 16, 4, []uint64{4, 8, 12}},
		{7, 8, 2, nil}, // a single step: no move
		{7, 7, 2, nil}, // empty
		{8, 7, 2, nil}, // reversed
		{0, 9, 1, nil}, // k too small
		{0, 9, MaxK + 1, nil},
		{0, VMSpan, 2, []uint64{1 << 31}},
		{0, math.MaxUint64, 2, []uint64{math.MaxUint64 / 2}}, // no overflow in i·d
	} {
		require.Equal(t, tc.want, SplitPoints(tc.lo, tc.hi, tc.k), "(%d,%d) k=%d", tc.lo, tc.hi, tc.k)
	}
}

// TestVMSpanIsKernelLimit: phase V's span is the kernel's step bound, so V_T
// is always the exited state.
func TestVMSpanIsKernelLimit(t *testing.T) {
	require.Equal(t, uint64(kernel.DefaultMaxSteps), VMSpan)
}

// TestRoundsTable pins the table of docs/protocol.md section 4.
func TestRoundsTable(t *testing.T) {
	want := map[uint][3]int{ // k: fashion-mnist n=5, tiny-llama n=41, phase V 2^32
		2:  {3, 6, 32},
		4:  {2, 3, 16},
		8:  {1, 2, 11},
		16: {1, 2, 8},
	}
	for k, w := range want {
		require.Equal(t, w, [3]int{MaxRounds(5, k), MaxRounds(41, k), MaxRounds(VMSpan, k)}, "k=%d", k)
	}
	require.Equal(t, 0, MaxRounds(1, 2))
	require.Equal(t, 0, MaxRounds(0, 2))
	require.Equal(t, 64, MaxRounds(math.MaxUint64, 2))
	require.Equal(t, -1, MaxRounds(10, 1))
}

// TestMaxRoundsTight: always taking the last (longest) sub-segment needs
// exactly MaxRounds moves, and no choice sequence needs more.
func TestMaxRoundsTight(t *testing.T) {
	for _, k := range []uint{2, 3, 4, 8, 16, MaxK} {
		for _, span := range []uint64{1, 2, 3, 5, 7, 16, 17, 41, 1000, 1<<32 - 1, VMSpan, 1<<32 + 1, math.MaxUint64} {
			seg, r := Segment{0, span}, 0
			for !seg.IsStep() {
				m := Parts(seg, k)
				require.NotZero(t, m)
				next, err := Choose(seg, k, m-1)
				require.NoError(t, err)
				for j := range m { // the last is the longest
					s, err := Choose(seg, k, j)
					require.NoError(t, err)
					require.LessOrEqual(t, s.Len(), next.Len())
				}
				seg, r = next, r+1
			}
			require.Equal(t, MaxRounds(span, k), r, "span %d k=%d", span, k)
		}
	}
}

func TestApplyRejects(t *testing.T) {
	pos := Position{Seg: Segment{0, 10}, LoHash: Hash{1}, HiHash: Hash{2}}
	_, err := Apply(pos, 4, make([]Hash, 2), 0) // needs 3 claims
	require.ErrorIs(t, err, ErrBadMove)
	_, err = Apply(pos, 4, make([]Hash, 3), 4) // 4 sub-segments: 0..3
	require.ErrorIs(t, err, ErrBadMove)
	_, err = Apply(Position{Seg: Segment{4, 5}}, 4, nil, 0) // a single step
	require.ErrorIs(t, err, ErrBadMove)
	_, err = Apply(pos, 1, nil, 0)
	require.ErrorIs(t, err, ErrBadMove)

	claims := []Hash{{3}, {4}, {5}} // at 2, 5, 7
	got, err := Apply(pos, 4, claims, 0)
	require.NoError(t, err)
	require.Equal(t, Position{Seg: Segment{0, 2}, LoHash: Hash{1}, HiHash: Hash{3}}, got)
	got, err = Apply(pos, 4, claims, 1)
	require.NoError(t, err)
	require.Equal(t, Position{Seg: Segment{2, 5}, LoHash: Hash{3}, HiHash: Hash{4}}, got)
	got, err = Apply(pos, 4, claims, 3)
	require.NoError(t, err)
	require.Equal(t, Position{Seg: Segment{7, 10}, LoHash: Hash{5}, HiHash: Hash{2}}, got)
}

// FuzzSplitPoints checks the invariants the game's termination and
// soundness rest on: points strictly increase inside (lo, hi), the
// sub-segments Choose returns tile [lo, hi] in order, each is shorter than
// the segment, and none is longer than ceil(d/k).
func FuzzSplitPoints(f *testing.F) {
	f.Add(uint64(0), uint64(5), uint(2))
	f.Add(uint64(0), uint64(41), uint(16))
	f.Add(uint64(0), VMSpan, uint(8))
	f.Add(uint64(3), uint64(1), uint(3))
	f.Add(uint64(math.MaxUint64-20), uint64(20), uint(256))
	f.Add(uint64(0), uint64(math.MaxUint64), uint(7))
	f.Fuzz(func(t *testing.T, lo, d uint64, k uint) {
		if d > math.MaxUint64-lo {
			d = math.MaxUint64 - lo
		}
		k = k%(MaxK+2) + 1 // also exercise the invalid k = 1 and MaxK+1
		hi := lo + d
		ps := SplitPoints(lo, hi, k)
		if k < MinK || k > MaxK || d < 2 {
			require.Nil(t, ps)
			require.Zero(t, Parts(Segment{lo, hi}, k))
			return
		}
		m := min(uint64(k), d)
		require.Len(t, ps, int(m-1))
		prev := lo
		for _, p := range ps {
			require.Greater(t, p, prev)
			prev = p
		}
		require.Less(t, prev, hi)
		seg, at := Segment{lo, hi}, lo
		for j := range m {
			s, err := Choose(seg, k, j)
			require.NoError(t, err)
			require.Equal(t, at, s.Lo)
			if j < m-1 {
				require.Equal(t, ps[j], s.Hi)
			}
			require.Less(t, s.Len(), d)
			require.LessOrEqual(t, s.Len(), (d-1)/uint64(k)+1)
			at = s.Hi
		}
		require.Equal(t, hi, at)
		_, err := Choose(seg, k, m)
		require.ErrorIs(t, err, ErrBadMove)
	})
}
