package llama

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// llama2.c ships its vocabulary as tokenizer.bin, next to the checkpoint:
// an int32 max_token_length, then per token a float32 merge score, an
// int32 byte length and the token's bytes (SentencePiece's "▁" already
// turned into a space). The file does not say how many tokens it holds;
// the checkpoint's vocab_size does. Encoding is llama2.c's: a leading
// space, one token per UTF-8 character (its bytes as <0xXX> tokens when the
// character is not in the vocabulary), then repeatedly merge the adjacent
// pair whose concatenation is the highest-scoring token.

// Token ids llama2.c's tokenizer reserves.
const (
	TokBOS = 1
	TokEOS = 2
)

// MaxTokenBytes bounds max_token_length read from a file.
const MaxTokenBytes = 1 << 16

// TokenizerBlob is the model blob (graph.Model.AddBlob) holding a
// tokenizer.bin, so the model root covers the vocabulary.
const TokenizerBlob = "tokenizer.llama2c"

// Tokenizer is a llama2.c tokenizer.
type Tokenizer struct {
	// MaxTokenLength is the header field, kept as read so a file
	// round-trips byte for byte; Write checks it bounds every token.
	MaxTokenLength int
	Tokens         []string
	Scores         []float32
	ids            map[string]int
}

// NewTokenizer makes a tokenizer from tokens and scores, with
// max_token_length the longest token.
func NewTokenizer(tokens []string, scores []float32) (*Tokenizer, error) {
	if len(tokens) != len(scores) {
		return nil, fmt.Errorf("llama: %d tokens but %d scores", len(tokens), len(scores))
	}
	t := &Tokenizer{Tokens: tokens, Scores: scores}
	for _, s := range tokens {
		t.MaxTokenLength = max(t.MaxTokenLength, len(s))
	}
	return t, t.check()
}

func (t *Tokenizer) check() error {
	switch {
	case len(t.Tokens) == 0 || len(t.Tokens) > maxVocab:
		return fmt.Errorf("llama: tokenizer with %d tokens (1 to %d)", len(t.Tokens), maxVocab)
	case len(t.Tokens) != len(t.Scores):
		return fmt.Errorf("llama: %d tokens but %d scores", len(t.Tokens), len(t.Scores))
	case t.MaxTokenLength < 0 || t.MaxTokenLength > MaxTokenBytes:
		return fmt.Errorf("llama: max_token_length %d outside [0,%d]", t.MaxTokenLength, MaxTokenBytes)
	}
	for i, s := range t.Tokens {
		if len(s) > t.MaxTokenLength {
			return fmt.Errorf("llama: token %d is %d bytes, longer than max_token_length %d", i, len(s), t.MaxTokenLength)
		}
		if f := float64(t.Scores[i]); math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("llama: token %d has score %v", i, f)
		}
	}
	return nil
}

// ReadTokenizer parses a tokenizer.bin holding vocab tokens; vocab <= 0
// reads tokens up to the end of the input. Memory grows only with the
// bytes actually read.
func ReadTokenizer(r io.Reader, vocab int) (*Tokenizer, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("llama: tokenizer header: %w", err)
	}
	t := &Tokenizer{MaxTokenLength: int(int32(binary.LittleEndian.Uint32(hdr[:])))}
	if t.MaxTokenLength < 0 || t.MaxTokenLength > MaxTokenBytes {
		return nil, fmt.Errorf("llama: tokenizer max_token_length %d outside [0,%d]", t.MaxTokenLength, MaxTokenBytes)
	}
	if vocab > maxVocab {
		return nil, fmt.Errorf("llama: tokenizer vocab %d exceeds %d", vocab, maxVocab)
	}
	var rec [8]byte
	for i := 0; vocab <= 0 || i < vocab; i++ {
		n, err := io.ReadFull(r, rec[:])
		if vocab <= 0 && n == 0 && err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("llama: tokenizer token %d: %w", i, err)
		}
		if i >= maxVocab {
			return nil, fmt.Errorf("llama: tokenizer holds more than %d tokens", maxVocab)
		}
		score := math.Float32frombits(binary.LittleEndian.Uint32(rec[:4]))
		size := int32(binary.LittleEndian.Uint32(rec[4:]))
		if size < 0 || int(size) > t.MaxTokenLength {
			return nil, fmt.Errorf("llama: tokenizer token %d has length %d (max_token_length %d)", i, size, t.MaxTokenLength)
		}
		b := make([]byte, size)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, fmt.Errorf("llama: tokenizer token %d: %w", i, err)
		}
		t.Tokens = append(t.Tokens, string(b))
		t.Scores = append(t.Scores, score)
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	if vocab > 0 {
		if n, _ := io.ReadFull(r, rec[:1]); n != 0 {
			return nil, fmt.Errorf("llama: trailing bytes after %d tokenizer entries", vocab)
		}
	}
	return t, nil
}

// ParseTokenizer is ReadTokenizer over a byte slice.
func ParseTokenizer(b []byte, vocab int) (*Tokenizer, error) {
	return ReadTokenizer(bytes.NewReader(b), vocab)
}

// Write emits the tokenizer.bin bytes.
func (t *Tokenizer) Write(w io.Writer) error {
	if err := t.check(); err != nil {
		return err
	}
	_, err := w.Write(t.Bytes())
	return err
}

// Bytes is the tokenizer.bin encoding (of a checked tokenizer).
func (t *Tokenizer) Bytes() []byte {
	b := binary.LittleEndian.AppendUint32(nil, uint32(t.MaxTokenLength))
	for i, s := range t.Tokens {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.Scores[i]))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	return b
}

// id looks a token up; with duplicate tokens the lowest id wins.
func (t *Tokenizer) id(s string) (int, bool) {
	if t.ids == nil {
		t.ids = make(map[string]int, len(t.Tokens))
		for i := len(t.Tokens) - 1; i >= 0; i-- {
			t.ids[t.Tokens[i]] = i
		}
	}
	i, ok := t.ids[s]
	return i, ok
}

// minMergeScore is llama2.c's starting best score: pairs scoring at or
// below it never merge.
const minMergeScore = float32(-1e10)

// Encode tokenizes text as llama2.c does, optionally starting with BOS
// and ending with EOS. Unlike C it reads every byte (a NUL does not end
// the text). It fails only when a byte outside the vocabulary has no
// <0xXX> token.
func (t *Tokenizer) Encode(text []byte, bos, eos bool) ([]int, error) {
	var toks []int
	if bos {
		toks = append(toks, TokBOS)
	}
	if len(text) > 0 {
		// The dummy prefix: SentencePiece's leading space.
		text = append([]byte{' '}, text...)
	}
	for start := 0; start < len(text); {
		// One UTF-8 character: a byte and up to three continuation bytes.
		end := start + 1
		for end < len(text) && end-start < 4 && text[end]&0xC0 == 0x80 {
			end++
		}
		if id, ok := t.id(string(text[start:end])); ok {
			toks = append(toks, id)
		} else {
			for _, c := range text[start:end] {
				id, ok := t.id(fmt.Sprintf("<0x%02X>", c))
				if !ok {
					return nil, fmt.Errorf("llama: byte %#02x is not in the vocabulary and has no <0x%02X> token", c, c)
				}
				toks = append(toks, id)
			}
		}
		start = end
	}
	for {
		best, bestID, bestAt := minMergeScore, -1, -1
		for i := 0; i+1 < len(toks); i++ {
			id, ok := t.id(t.Tokens[toks[i]] + t.Tokens[toks[i+1]])
			if ok && t.Scores[id] > best {
				best, bestID, bestAt = t.Scores[id], id, i
			}
		}
		if bestAt < 0 {
			break
		}
		toks[bestAt] = bestID
		toks = append(toks[:bestAt+1], toks[bestAt+2:]...)
	}
	if eos {
		toks = append(toks, TokEOS)
	}
	return toks, nil
}

// ErrToken means a token id outside the vocabulary.
var ErrToken = errors.New("llama: token id outside the vocabulary")

// Piece is the text of token after prev, as llama2.c's decode gives it:
// the leading space is dropped right after BOS, and a <0xXX> token is the
// raw byte.
func (t *Tokenizer) Piece(prev, token int) ([]byte, error) {
	if token < 0 || token >= len(t.Tokens) {
		return nil, fmt.Errorf("%w: %d", ErrToken, token)
	}
	p := t.Tokens[token]
	if prev == TokBOS && len(p) > 0 && p[0] == ' ' {
		p = p[1:]
	}
	if b, ok := byteToken(p); ok {
		return []byte{b}, nil
	}
	return []byte(p), nil
}

// byteToken parses "<0xHH>" (hex digits of either case).
func byteToken(p string) (byte, bool) {
	if len(p) != 6 || p[:3] != "<0x" || p[5] != '>' {
		return 0, false
	}
	var v byte
	for _, c := range []byte(p[3:5]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | (c - '0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | (c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | (c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return v, true
}

// Decode concatenates the pieces of tokens (BOS and EOS give nothing).
func (t *Tokenizer) Decode(tokens []int) ([]byte, error) {
	var out []byte
	prev := -1
	for _, tok := range tokens {
		if tok == TokBOS || tok == TokEOS {
			prev = tok
			continue
		}
		p, err := t.Piece(prev, tok)
		if err != nil {
			return nil, err
		}
		out = append(out, p...)
		prev = tok
	}
	return out, nil
}
