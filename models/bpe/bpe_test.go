package bpe

import (
	"bytes"
	"testing"
	"testing/quick"

	"github.com/stretchr/testify/require"
)

const sample = "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs.\n" +
	"Then the fox and the dog, 1234 times: the end!  %\n" +
	"Ünïcödé words stay whole: naïve café, naïve café.\n"

func trained(t testing.TB) *Tokenizer {
	t.Helper()
	tok, err := Train([]byte(sample+sample+sample), 300)
	require.NoError(t, err)
	return tok
}

func TestTrainDeterministicAndCompresses(t *testing.T) {
	a, b := trained(t), trained(t)
	require.Equal(t, a.Merges, b.Merges)
	require.Greater(t, a.VocabSize(), 256)
	ids := a.Encode([]byte(sample))
	require.Less(t, len(ids), len(sample)/2, "merges shorten the text")
	back, err := a.Decode(ids)
	require.NoError(t, err)
	require.Equal(t, sample, string(back))
}

// TestTieBreak: with every pair equally frequent the pair whose bytes sort
// first is merged first.
func TestTieBreak(t *testing.T) {
	tok, err := Train([]byte("ba ba dc dc"), 257)
	require.NoError(t, err)
	require.Equal(t, " d", string(tok.Token(256)), "'ba', ' d' and 'dc' occur twice (' b' once); ' d' sorts first")
}

func TestChunks(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Hello, world!", []string{"Hello", ",", " world", "!"}},
		{"a  b\n\nc", []string{"a", "  ", "b", "\n\n", "c"}},
		{"x 12 y", []string{"x", " 12", " y"}},
		{"", nil},
	}
	for _, c := range cases {
		var got []string
		for _, ch := range Chunks([]byte(c.in)) {
			got = append(got, string(ch))
		}
		require.Equal(t, c.want, got, "%q", c.in)
	}
	long := bytes.Repeat([]byte("a"), 3*maxChunk+1)
	require.Len(t, Chunks(long), 4)
}

func TestSerialization(t *testing.T) {
	tok := trained(t)
	b, err := tok.MarshalBinary()
	require.NoError(t, err)
	back, err := Unmarshal(b)
	require.NoError(t, err)
	require.Equal(t, tok.Merges, back.Merges)
	for _, bad := range [][]byte{nil, []byte("AIVMBPE1"), append(append([]byte(nil), b...), 0), b[:len(b)-1],
		append([]byte("AIVMBPE1\x01\x00\x00\x00"), 0, 1, 0, 1)} { // merge 0 uses token 256 = itself
		_, err := Unmarshal(bad)
		require.ErrorIs(t, err, ErrFormat)
	}
	_, err = New([]Pair{{1, 2}, {1, 2}})
	require.ErrorIs(t, err, ErrFormat, "repeated merge")
	_, err = tok.Decode([]int{tok.VocabSize()})
	require.Error(t, err)
}

func TestRoundTripQuick(t *testing.T) {
	tok := trained(t)
	f := func(b []byte) bool {
		back, err := tok.Decode(tok.Encode(b))
		return err == nil && bytes.Equal(back, b)
	}
	require.NoError(t, quick.Check(f, &quick.Config{MaxCount: 2000}))
	g := func(s string) bool { return f([]byte(s)) }
	require.NoError(t, quick.Check(g, &quick.Config{MaxCount: 2000}))
}

// FuzzBPERoundTrip: any byte string survives Encode then Decode, and every
// serialized tokenizer that parses round-trips too.
func FuzzBPERoundTrip(f *testing.F) {
	tok := trained(f)
	enc, err := tok.MarshalBinary()
	require.NoError(f, err)
	f.Add([]byte(sample))
	f.Add([]byte{0xff, 0xfe, 0, '\n', ' ', 'a'})
	f.Add(enc)
	f.Fuzz(func(t *testing.T, b []byte) {
		back, err := tok.Decode(tok.Encode(b))
		require.NoError(t, err)
		require.True(t, bytes.Equal(b, back), "%q -> %q", b, back)
		if other, err := Unmarshal(b); err == nil {
			again, err := other.MarshalBinary()
			require.NoError(t, err)
			require.Equal(t, b, again)
			d, err := other.Decode(other.Encode([]byte(sample)))
			require.NoError(t, err)
			require.Equal(t, sample, string(d))
		}
	})
}
