package train

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
)

// Report summarises a training run; it is committed next to the weights.
type Report struct {
	Model          string  `json:"model"`
	Config         Config  `json:"config"`
	Quantile       float64 `json:"calibration_quantile"`
	CalibItems     int     `json:"calibration_items"`
	TestItems      int     `json:"test_items"`
	FloatAccuracy  float64 `json:"float_accuracy"`
	Accuracy       float64 `json:"accuracy"`
	ModelRoot      string  `json:"model_root"`
	ModelFileBytes int     `json:"model_file_bytes"`
}

// Paths of the committed artefacts, relative to the repository root.
const (
	ModelPath  = "models/fashion/" + fashion.ModelFile
	FloatPath  = "testdata/models/fashion-mnist.f32.gz"
	ReportPath = "testdata/models/fashion-mnist.json"
	// The committed test subset (first fashion.SubsetSize test items).
	SubsetImages = "models/fashion/assets/t10k-head-images-idx3-ubyte.gz"
	SubsetLabels = "models/fashion/assets/t10k-head-labels-idx1-ubyte.gz"
)

// Quantiles tried for activation calibration; the best on the calibration
// set (taken from the training data, never the test set) wins.
var Quantiles = []float64{1, 0.99999, 0.9999, 0.999}

// Run trains on the Debian training set, quantizes with the first
// calibItems training images, evaluates both models on the test set and
// writes the artefacts under root.
func Run(root, dataDir string, cfg Config, calibItems int, progress io.Writer) (*Report, error) {
	trainSet, err := fashion.LoadDir(dataDir, "train")
	if err != nil {
		return nil, err
	}
	testSet, err := fashion.LoadDir(dataDir, "t10k")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "training %v MLP on %d images, seed %d\n", cfg.Hidden, trainSet.Len(), cfg.Seed)
	mlp, err := Fit(trainSet, cfg, progress)
	if err != nil {
		return nil, err
	}
	calib := trainSet.Head(calibItems)
	var best *graph.Model
	bestAcc, bestQ := -1.0, 0.0
	for _, q := range Quantiles {
		m, err := mlp.Quantize(calib, Calibration{Quantile: q})
		if err != nil {
			return nil, err
		}
		acc, err := Evaluate(m, calib)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(progress, "calibration quantile %g: int8 accuracy on calibration set %.2f%%\n", q, 100*acc)
		if acc > bestAcc {
			best, bestAcc, bestQ = m, acc, q
		}
	}
	rep := &Report{Model: fashion.Name, Config: cfg, Quantile: bestQ, CalibItems: calib.Len(), TestItems: testSet.Len()}
	if rep.FloatAccuracy, err = mlp.Accuracy(testSet); err != nil {
		return nil, err
	}
	if rep.Accuracy, err = Evaluate(best, testSet); err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "test accuracy: float %.2f%%, int8 %.2f%%\n", 100*rep.FloatAccuracy, 100*rep.Accuracy)
	mb, err := best.Encode()
	if err != nil {
		return nil, err
	}
	r, err := best.Root()
	if err != nil {
		return nil, err
	}
	rep.ModelRoot, rep.ModelFileBytes = r.Hex(), len(mb)
	var fb bytes.Buffer
	zw := gzip.NewWriter(&fb)
	if err := mlp.Save(zw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return nil, err
	}
	img, lab, err := fashion.EncodeIDX(testSet.Head(fashion.SubsetSize))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{ModelPath: mb, FloatPath: fb.Bytes(), ReportPath: append(js, '\n'),
		SubsetImages: img, SubsetLabels: lab}
	for path, data := range files {
		p := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", p, err)
		}
		fmt.Fprintf(progress, "wrote %s (%d bytes)\n", p, len(data))
	}
	return rep, nil
}

// LoadFloat reads the committed float model from root.
func LoadFloat(root string) (*MLP, error) {
	f, err := os.Open(filepath.Join(root, FloatPath))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", FloatPath, err)
	}
	return LoadMLP(zr)
}
