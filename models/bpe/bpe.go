// Package bpe is a byte-level byte-pair-encoding tokenizer: token ids 0..255
// are the bytes themselves and every later id is the merge of two earlier
// ids. Training is deterministic (the most frequent pair wins; ties go to
// the pair whose bytes sort first), so the same text always gives the same
// vocabulary, and because every token is a byte string, Decode(Encode(b))
// == b for any byte string, UTF-8 or not.
//
// Text is first cut into chunks (a word with its leading space, a run of
// digits, of punctuation, of whitespace) and merges never cross a chunk
// boundary; this keeps training fast and encoding linear in the input.
package bpe

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// Pair is a merge: tokens Left and Right become one new token.
type Pair struct{ Left, Right uint16 }

// Tokenizer holds the merges in rank order; merge i creates token 256+i.
type Tokenizer struct {
	Merges []Pair
	bytes  [][]byte       // token id -> its bytes
	rank   map[Pair]int32 // merge -> rank
}

// MaxVocab bounds the vocabulary so ids fit a uint16.
const MaxVocab = 1 << 16

// maxChunk bounds a chunk's length: longer runs are cut, which keeps the
// quadratic merge loop of Encode bounded on adversarial input.
const maxChunk = 64

// ErrFormat reports a malformed serialized tokenizer.
var ErrFormat = errors.New("bpe: bad tokenizer encoding")

// New builds a tokenizer from merges, checking that each merge refers only
// to earlier tokens and that no merge repeats.
func New(merges []Pair) (*Tokenizer, error) {
	if 256+len(merges) > MaxVocab {
		return nil, fmt.Errorf("%w: %d merges exceed the vocabulary limit", ErrFormat, len(merges))
	}
	t := &Tokenizer{Merges: merges, rank: make(map[Pair]int32, len(merges))}
	for i := 0; i < 256; i++ {
		t.bytes = append(t.bytes, []byte{byte(i)})
	}
	for i, p := range merges {
		id := 256 + i
		if int(p.Left) >= id || int(p.Right) >= id {
			return nil, fmt.Errorf("%w: merge %d (%d,%d) uses a later token", ErrFormat, i, p.Left, p.Right)
		}
		if _, dup := t.rank[p]; dup {
			return nil, fmt.Errorf("%w: merge %d (%d,%d) repeats", ErrFormat, i, p.Left, p.Right)
		}
		t.rank[p] = int32(i)
		t.bytes = append(t.bytes, append(append([]byte(nil), t.bytes[p.Left]...), t.bytes[p.Right]...))
	}
	return t, nil
}

// VocabSize is 256 plus the number of merges.
func (t *Tokenizer) VocabSize() int { return len(t.bytes) }

// Token returns the bytes of token id (nil when out of range).
func (t *Tokenizer) Token(id int) []byte {
	if id < 0 || id >= len(t.bytes) {
		return nil
	}
	return t.bytes[id]
}

// class groups bytes for chunking: letters (and every non-ASCII byte, so
// UTF-8 sequences stay together), digits, whitespace, other.
func class(b byte) int {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= 0x80, b == '\'':
		return 0
	case b >= '0' && b <= '9':
		return 1
	case b == ' ' || b == '\t' || b == '\n' || b == '\r':
		return 2
	}
	return 3
}

// Chunks cuts b into the pieces merges stay within: a single space joins
// the word that follows it; every other class change, and every maxChunk
// bytes, starts a new chunk. The chunks concatenate to b.
func Chunks(b []byte) [][]byte {
	var out [][]byte
	start := 0
	for i := 1; i <= len(b); i++ {
		if i < len(b) && i-start < maxChunk {
			prev, cur := class(b[i-1]), class(b[i])
			same := prev == cur && !(cur == 2 && b[i] == ' ' && b[i-1] != ' ')
			joinSpace := b[i-1] == ' ' && i-1 == start && cur != 2
			if same || joinSpace {
				continue
			}
		}
		out = append(out, b[start:i])
		start = i
	}
	return out
}

// Encode returns the token ids of b.
func (t *Tokenizer) Encode(b []byte) []int {
	var out []int
	var ids []int
	for _, c := range Chunks(b) {
		ids = ids[:0]
		for _, x := range c {
			ids = append(ids, int(x))
		}
		ids = t.mergeChunk(ids)
		out = append(out, ids...)
	}
	return out
}

// mergeChunk applies merges in rank order: always the lowest-ranked
// adjacent pair first (leftmost on ties), as during training.
func (t *Tokenizer) mergeChunk(ids []int) []int {
	for len(ids) > 1 {
		best, at := int32(-1), -1
		for i := 0; i+1 < len(ids); i++ {
			if r, ok := t.rank[Pair{uint16(ids[i]), uint16(ids[i+1])}]; ok && (best < 0 || r < best) {
				best, at = r, i
			}
		}
		if at < 0 {
			break
		}
		ids[at] = 256 + int(best)
		ids = append(ids[:at+1], ids[at+2:]...)
	}
	return ids
}

// Decode concatenates the bytes of ids; ids outside the vocabulary are an
// error.
func (t *Tokenizer) Decode(ids []int) ([]byte, error) {
	var out []byte
	for i, id := range ids {
		if id < 0 || id >= len(t.bytes) {
			return nil, fmt.Errorf("bpe: token %d at %d outside the vocabulary of %d", id, i, len(t.bytes))
		}
		out = append(out, t.bytes[id]...)
	}
	return out, nil
}

// magic starts a serialized tokenizer.
var magic = []byte("AIVMBPE1")

// MarshalBinary serializes the tokenizer: the magic, a uint32 merge count,
// then each merge as two little-endian uint16.
func (t *Tokenizer) MarshalBinary() ([]byte, error) {
	out := append([]byte(nil), magic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(t.Merges)))
	for _, p := range t.Merges {
		out = binary.LittleEndian.AppendUint16(out, p.Left)
		out = binary.LittleEndian.AppendUint16(out, p.Right)
	}
	return out, nil
}

// Unmarshal parses a serialized tokenizer.
func Unmarshal(b []byte) (*Tokenizer, error) {
	if len(b) < len(magic)+4 || !bytes.Equal(b[:len(magic)], magic) {
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	}
	n := binary.LittleEndian.Uint32(b[len(magic):])
	body := b[len(magic)+4:]
	if uint64(len(body)) != 4*uint64(n) {
		return nil, fmt.Errorf("%w: %d merges need %d bytes, have %d", ErrFormat, n, 4*uint64(n), len(body))
	}
	merges := make([]Pair, n)
	for i := range merges {
		merges[i] = Pair{binary.LittleEndian.Uint16(body[4*i:]), binary.LittleEndian.Uint16(body[4*i+2:])}
	}
	return New(merges)
}

// Train learns vocab-256 merges from text. Each round merges the most
// frequent adjacent pair over all chunks; ties go to the pair whose
// concatenated bytes (then left token bytes) sort first, so the result
// depends on the text only.
func Train(text []byte, vocab int) (*Tokenizer, error) {
	if vocab < 256 || vocab > MaxVocab {
		return nil, fmt.Errorf("bpe: vocabulary %d outside [256,%d]", vocab, MaxVocab)
	}
	counts := map[string]int{}
	for _, c := range Chunks(text) {
		counts[string(c)]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	type word struct {
		ids []int
		n   int
	}
	words := make([]word, len(keys))
	for i, k := range keys {
		ids := make([]int, len(k))
		for j := range ids {
			ids[j] = int(k[j])
		}
		words[i] = word{ids, counts[k]}
	}
	t, _ := New(nil)
	pairs := map[Pair]int{}
	for len(t.bytes) < vocab {
		clear(pairs)
		for _, w := range words {
			for i := 0; i+1 < len(w.ids); i++ {
				pairs[Pair{uint16(w.ids[i]), uint16(w.ids[i+1])}] += w.n
			}
		}
		var best Pair
		bestN := 0
		for p, n := range pairs {
			if n > bestN || (n == bestN && t.less(p, best)) {
				best, bestN = p, n
			}
		}
		if bestN < 2 {
			break // nothing repeats: more merges would only memorize
		}
		id := len(t.bytes)
		t.Merges = append(t.Merges, best)
		t.rank[best] = int32(id - 256)
		t.bytes = append(t.bytes, append(append([]byte(nil), t.bytes[best.Left]...), t.bytes[best.Right]...))
		for wi := range words {
			ids := words[wi].ids
			j := 0
			for i := 0; i < len(ids); i++ {
				if i+1 < len(ids) && ids[i] == int(best.Left) && ids[i+1] == int(best.Right) {
					ids[j] = id
					i++
				} else {
					ids[j] = ids[i]
				}
				j++
			}
			words[wi].ids = ids[:j]
		}
	}
	return t, nil
}

// less orders pairs by their merged bytes, then by the left token's bytes.
func (t *Tokenizer) less(a, b Pair) bool {
	ab := append(append([]byte(nil), t.bytes[a.Left]...), t.bytes[a.Right]...)
	bb := append(append([]byte(nil), t.bytes[b.Left]...), t.bytes[b.Right]...)
	if c := bytes.Compare(ab, bb); c != 0 {
		return c < 0
	}
	return bytes.Compare(t.bytes[a.Left], t.bytes[b.Left]) < 0
}
