package textllama

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/train"
)

// Artefact file names (in the output directory of a training run; the
// committed ones live in AssetsDir).
const (
	ModelFile  = "text-llama.aivm"
	FloatFile  = "text-llama.f32.gz" // llama2.c checkpoint, gzip
	ReportFile = "text-llama.json"
	// AssetsDir holds the committed artefacts, relative to the repository
	// root.
	AssetsDir = "models/textllama/assets"
	// TokenizerBlob is the model blob holding the serialized tokenizer.
	TokenizerBlob = "tokenizer"
)

// CalibWindows is the number of training windows that calibrate the
// activation scales.
const CalibWindows = 16

//go:embed assets/text-llama.aivm
var assets embed.FS

// ModelBytes returns the committed model file.
func ModelBytes() ([]byte, error) { return assets.ReadFile("assets/" + ModelFile) }

// Model decodes the committed model.
func Model() (*graph.Model, error) {
	b, err := ModelBytes()
	if err == nil {
		var m *graph.Model
		if m, err = graph.Decode(b); err == nil {
			return m, nil
		}
	}
	return nil, fmt.Errorf("text-llama: committed model: %w", err)
}

// Load returns the committed model and the tokenizer it carries.
func Load() (*graph.Model, *bpe.Tokenizer, error) {
	m, err := Model()
	if err != nil {
		return nil, nil, err
	}
	tok, err := Tokenizer(m)
	return m, tok, err
}

// Tokenizer reads the tokenizer a model carries.
func Tokenizer(m *graph.Model) (*bpe.Tokenizer, error) {
	b, ok := m.Blob(TokenizerBlob)
	if !ok {
		return nil, fmt.Errorf("textllama: model %s carries no %q blob", m.Graph.Name, TokenizerBlob)
	}
	return bpe.Unmarshal(b)
}

// CalibSequences picks n windows of seq tokens spread evenly over the
// training stream.
func CalibSequences(stream []int, seq, n int) [][]int {
	var out [][]int
	for i := 0; i < n && len(stream) >= seq; i++ {
		o := i * (len(stream) - seq) / max(1, n)
		out = append(out, stream[o:o+seq])
	}
	return out
}

// Quantize turns the float checkpoint into the integer step graph with a
// sample node, calibrated on training windows, and attaches the tokenizer.
func Quantize(ck *llama.Checkpoint, tok *bpe.Tokenizer, trainStream []int) (*graph.Model, error) {
	m, err := llama.QuantizeSampled(ck, CalibSequences(trainStream, ck.Config.Seq, CalibWindows), Name)
	if err != nil {
		return nil, err
	}
	b, err := tok.MarshalBinary()
	if err != nil {
		return nil, err
	}
	if err := m.AddBlob(TokenizerBlob, b); err != nil {
		return nil, err
	}
	return m, nil
}

// Report summarises a training run; it is written next to the weights.
type Report struct {
	Model          string         `json:"model"`
	Config         train.LMConfig `json:"config"`
	Params         int            `json:"params"`
	CorpusFiles    int            `json:"corpus_files"`
	TrainBytes     int            `json:"train_bytes"`
	ValBytes       int            `json:"val_bytes"`
	TrainFortunes  int            `json:"train_fortunes"`
	ValFortunes    int            `json:"val_fortunes"`
	TrainTokens    int            `json:"train_tokens"`
	ModelRoot      string         `json:"model_root"`
	ModelFileBytes int            `json:"model_file_bytes"`
}

// Run trains from the corpus in corpusDir, quantizes, and writes ModelFile,
// FloatFile and ReportFile into out.
func Run(ctx context.Context, corpusDir, out string, cfg train.LMConfig, logEvery int, progress io.Writer) (*Report, error) {
	if progress == nil {
		progress = io.Discard
	}
	c, err := LoadCorpus(corpusDir)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "corpus: %d files, train %d bytes (%d fortunes), validation %d bytes (%d fortunes)\n",
		len(c.Files), len(c.Train), c.TrainFortunes, len(c.Val), c.ValFortunes)
	tr, err := Train(ctx, c, cfg, logEvery, progress)
	if err != nil {
		return nil, err
	}
	return Write(out, c, cfg, tr.Tokenizer, tr.Stream, tr.LM.Checkpoint())
}

// Write quantizes the trained checkpoint and writes the artefacts of a run
// into out; stream is the training split encoded by tok (the calibration
// windows come from it).
func Write(out string, c *Corpus, cfg train.LMConfig, tok *bpe.Tokenizer, stream []int, ck *llama.Checkpoint) (*Report, error) {
	m, err := Quantize(ck, tok, stream)
	if err != nil {
		return nil, err
	}
	enc, err := m.Encode()
	if err != nil {
		return nil, err
	}
	root, err := m.Root()
	if err != nil {
		return nil, err
	}
	rep := &Report{Model: Name, Config: cfg, Params: cfg.Params(), CorpusFiles: len(c.Files),
		TrainBytes: len(c.Train), ValBytes: len(c.Val), TrainFortunes: c.TrainFortunes, ValFortunes: c.ValFortunes,
		TrainTokens: len(stream), ModelRoot: root.Hex(), ModelFileBytes: len(enc)}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	var fb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&fb, gzip.BestCompression)
	if err := ck.Write(zw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return nil, err
	}
	for name, b := range map[string][]byte{ModelFile: enc, FloatFile: fb.Bytes(), ReportFile: append(js, '\n')} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return nil, fmt.Errorf("textllama: write %s: %w", name, err)
		}
	}
	return rep, nil
}

// LoadFloat reads a gzipped llama2.c checkpoint (FloatFile).
func LoadFloat(path string) (*llama.Checkpoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("textllama: float checkpoint: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("textllama: float checkpoint %s: %w", path, err)
	}
	ck, err := llama.Read(zr)
	if err != nil {
		return nil, fmt.Errorf("textllama: float checkpoint %s: %w", path, err)
	}
	return ck, nil
}
