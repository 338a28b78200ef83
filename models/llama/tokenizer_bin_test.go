package llama

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// testTokenizer is a Llama-shaped vocabulary: <unk>, BOS, EOS, the 256
// byte tokens, then pieces with merge scores.
func testTokenizer(t testing.TB) *Tokenizer {
	toks := []string{"<unk>", "\n<s>\n", "\n</s>\n"}
	scores := []float32{0, 0, 0}
	for b := range 256 {
		toks = append(toks, fmt.Sprintf("<0x%02X>", b))
		scores = append(scores, 0)
	}
	pieces := []struct {
		s     string
		score float32
	}{
		{" ", -100}, {"t", -50}, {"h", -50}, {"e", -50}, {"a", -50}, {"c", -50}, {"o", -50}, {"x", -50},
		{"th", -1}, {"he", -2}, {" th", -3}, {"the", -4}, {" the", -0.5}, {"at", -6}, {" c", -7},
		{" cat", -8}, {"ca", -9}, {"é", -40},
	}
	for _, p := range pieces {
		toks = append(toks, p.s)
		scores = append(scores, p.score)
	}
	tk, err := NewTokenizer(toks, scores)
	require.NoError(t, err)
	return tk
}

func TestTokenizerEncode(t *testing.T) {
	tk := testTokenizer(t)
	id := func(s string) int {
		i, ok := tk.id(s)
		require.True(t, ok, s)
		return i
	}
	cases := []struct {
		text string
		want []string
	}{
		// " the": th (-1) beats he (-2), then " th" (-3), then " the".
		{"the", []string{" the"}},
		// " cat": "at" (-6) beats " c" (-7) and "ca" (-9), then " c",
		// then " cat" (-8): scores, not lengths, decide.
		{"cat", []string{" cat"}},
		{"", nil},
		// é is a token; ü is not, so its two bytes fall back.
		{"é", []string{" ", "é"}},
		{"ü", []string{" ", "<0xC3>", "<0xBC>"}},
		{"the cat", []string{" the", " cat"}},
	}
	for _, c := range cases {
		got, err := tk.Encode([]byte(c.text), true, true)
		require.NoError(t, err)
		want := []int{TokBOS}
		for _, s := range c.want {
			want = append(want, id(s))
		}
		want = append(want, TokEOS)
		require.Equal(t, want, got, "%q", c.text)
		dec, err := tk.Decode(got)
		require.NoError(t, err)
		require.Equal(t, c.text, string(dec))
	}
	// Without BOS the dummy prefix stays in the decoded text, as in llama2.c.
	got, err := tk.Encode([]byte("the"), false, false)
	require.NoError(t, err)
	dec, err := tk.Decode(got)
	require.NoError(t, err)
	require.Equal(t, " the", string(dec))
	_, err = tk.Piece(0, len(tk.Tokens))
	require.ErrorIs(t, err, ErrToken)
}

// TestTokenizerRoundTripText: any valid UTF-8 text encodes and decodes
// back to itself when a BOS leads.
func TestTokenizerRoundTripText(t *testing.T) {
	tk := testTokenizer(t)
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("the cat éü€𝄞\n\t\x00xo")
	for range 500 {
		n := r.IntN(40)
		var s []rune
		for range n {
			s = append(s, alphabet[r.IntN(len(alphabet))])
		}
		text := string(s)
		require.True(t, utf8.ValidString(text))
		ids, err := tk.Encode([]byte(text), true, false)
		require.NoError(t, err)
		dec, err := tk.Decode(ids)
		require.NoError(t, err)
		require.Equal(t, text, string(dec))
	}
}

func TestTokenizerFile(t *testing.T) {
	tk := testTokenizer(t)
	var buf bytes.Buffer
	require.NoError(t, tk.Write(&buf))
	back, err := ParseTokenizer(buf.Bytes(), len(tk.Tokens))
	require.NoError(t, err)
	require.Equal(t, tk.Tokens, back.Tokens)
	require.Equal(t, tk.Scores, back.Scores)
	require.Equal(t, buf.Bytes(), back.Bytes())
	all, err := ParseTokenizer(buf.Bytes(), 0)
	require.NoError(t, err)
	require.Len(t, all.Tokens, len(tk.Tokens))

	b := buf.Bytes()
	for _, c := range []struct {
		name  string
		b     []byte
		vocab int
		want  string
	}{
		{"empty", nil, 0, "header"},
		{"short", b[:len(b)-1], len(tk.Tokens), "token"},
		{"trailing", append(bytes.Clone(b), 9), len(tk.Tokens), "trailing"},
		{"partial record", append(bytes.Clone(b), 1, 2, 3), 0, "token"},
		{"negative max", []byte{0xff, 0xff, 0xff, 0xff}, 0, "max_token_length"},
		{"huge token", []byte{4, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f}, 0, "length"},
		{"no tokens", []byte{4, 0, 0, 0}, 0, "0 tokens"},
	} {
		_, err := ParseTokenizer(c.b, c.vocab)
		require.ErrorContains(t, err, c.want, c.name)
	}
}

// FuzzTokenizerBin: parsing never panics; what parses re-encodes to the
// same bytes, and encoding and decoding text with it never panic.
func FuzzTokenizerBin(f *testing.F) {
	tk := testTokenizer(f)
	f.Add(tk.Bytes(), "the cat")
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, ' '}, "x")
	f.Fuzz(func(t *testing.T, b []byte, text string) {
		tk, err := ParseTokenizer(b, 0)
		if err != nil {
			return
		}
		require.Equal(t, b, tk.Bytes())
		if len(tk.Tokens) > 300 || len(text) > 64 {
			return
		}
		ids, err := tk.Encode([]byte(text), true, true)
		if err != nil {
			return
		}
		_, err = tk.Decode(ids)
		require.NoError(t, err)
	})
}
