// Package textllama is the built-in text-llama model: a small LLaMA trained
// here, in Go, on the Debian `fortunes` corpus with a byte-level BPE
// tokenizer, quantized to the integer step graph by models/llama with the
// tokenizer carried as a blob under the model root. The package holds the
// corpus split, the training pipeline, the evaluation (perplexity of the
// float model, the int8 graph and a bigram baseline) and the committed
// artefact.
package textllama

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// CorpusDir is where Debian's fortunes packages install their text.
const CorpusDir = "/usr/share/games/fortunes"

// ValEvery puts every ValEvery-th fortune (index i with i%ValEvery ==
// ValEvery-1, counting over all files in name order) in the validation
// split.
const ValEvery = 20

// Corpus is the split text. Each fortune is kept as its text followed by
// the file format's "%\n" separator, so the model learns where one ends.
type Corpus struct {
	Files                      []string
	Train, Val                 []byte
	TrainFortunes, ValFortunes int
}

// LoadCorpus reads every fortune file of dir (regular files without an
// extension, in name order) and splits it.
func LoadCorpus(dir string) (*Corpus, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("textllama: corpus (install the Debian package fortunes): %w", err)
	}
	var names []string
	for _, e := range ents {
		if e.Type().IsRegular() && !strings.Contains(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("textllama: no fortune files in %s (install the Debian package fortunes)", dir)
	}
	c := &Corpus{Files: names}
	var train, val bytes.Buffer
	i := 0
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("textllama: corpus: %w", err)
		}
		for _, f := range Fortunes(b) {
			if i%ValEvery == ValEvery-1 {
				val.Write(f)
				c.ValFortunes++
			} else {
				train.Write(f)
				c.TrainFortunes++
			}
			i++
		}
	}
	c.Train, c.Val = train.Bytes(), val.Bytes()
	return c, nil
}

// Fortunes cuts a fortune file at its "%" lines; each piece is returned with
// a trailing "%\n". Empty pieces are dropped.
func Fortunes(b []byte) [][]byte {
	var out [][]byte
	var cur []byte
	flush := func() {
		if len(bytes.TrimSpace(cur)) > 0 {
			out = append(out, append(cur, "%\n"...))
		}
		cur = nil
	}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i+1], b[i+1:]
		} else {
			b = nil
		}
		if string(bytes.TrimRight(line, "\r\n")) == "%" {
			flush()
			continue
		}
		cur = append(cur, line...)
	}
	flush()
	return out
}
