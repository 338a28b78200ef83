package graph

import (
	"fmt"
	"strings"

	"github.com/aivm-dev/aivm/models/tensor"
)

// Blobs are data a model carries that no node reads: a tokenizer, say,
// which must be committed with the model (the model root covers it) so a
// client knows the exact text-to-token mapping the committed graph was made
// for. A blob is an ordinary weight, a u8 [n] tensor whose name starts with
// BlobPrefix, that no node references. Using a weight keeps the file format
// and the commitment scheme unchanged: models without blobs encode exactly
// as before, and a blob is proved like any other weight.

// BlobPrefix starts the weight name of every blob.
const BlobPrefix = "blob:"

// AddBlob appends data as the blob name to m (graph and weights). It fails
// if the name is taken or the data is empty (a tensor needs one element).
func (m *Model) AddBlob(name string, data []byte) error {
	full := BlobPrefix + name
	if err := checkName(full); err != nil {
		return err
	}
	if len(data) == 0 || len(data) > tensor.MaxElements {
		return fmt.Errorf("%w: blob %q of %d bytes outside [1,%d]", ErrGraph, name, len(data), tensor.MaxElements)
	}
	for _, w := range m.Graph.Weights {
		if w.Name == full {
			return fmt.Errorf("%w: blob %q already present", ErrGraph, name)
		}
	}
	t, err := tensor.FromU8(append([]byte(nil), data...), len(data))
	if err != nil {
		return err
	}
	m.Graph.Weights = append(m.Graph.Weights, Named{Name: full, Spec: tensor.Spec{DType: tensor.U8, Shape: []int{len(data)}}})
	m.Weights = append(m.Weights, t)
	m.commits, m.enc = nil, nil
	return nil
}

// Blob returns the bytes of blob name, or false if m has none. The slice
// aliases the weight (for a mapped model, the file): do not modify it.
func (m *Model) Blob(name string) ([]byte, bool) {
	full := BlobPrefix + name
	for i, w := range m.Graph.Weights {
		if w.Name != full || i >= len(m.Weights) {
			continue
		}
		t := m.Weights[i]
		if t.DType != tensor.U8 || len(t.Shape) != 1 {
			return nil, false
		}
		return t.U8, true
	}
	return nil, false
}

// BlobNames lists the blobs of g in weight order.
func (g *Graph) BlobNames() []string {
	var out []string
	for _, w := range g.Weights {
		if n, ok := strings.CutPrefix(w.Name, BlobPrefix); ok {
			out = append(out, n)
		}
	}
	return out
}
