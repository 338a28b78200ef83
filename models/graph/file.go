package graph

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Model files of LLaMA-7B shape hold gigabytes of int8 weights. Encode and
// Decode build the whole file in memory and copy every tensor; the two
// functions here keep one tensor in memory while writing and none while
// reading: WriteModel streams a model file tensor by tensor, and OpenFile
// memory-maps one so int8 and uint8 weights alias the file's pages.

// WriteModel writes the model file of graph g (the bytes Model.Encode
// would give) to w, asking weight(i) for each weight tensor in turn so that
// only one is held at a time. It returns the model root. Weights are checked
// against their declared specs; the graph itself is validated first.
func WriteModel(w io.Writer, g *Graph, weight func(i int) (*tensor.Tensor, error)) (merkle.Hash, error) {
	if _, err := g.Validate(); err != nil {
		return merkle.Hash{}, err
	}
	hdr, err := g.EncodeHeader()
	if err != nil {
		return merkle.Hash{}, err
	}
	gh, err := g.Hash()
	if err != nil {
		return merkle.Hash{}, err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	u32 := func(v int) { _ = binary.Write(bw, binary.LittleEndian, uint32(v)) }
	bw.WriteString(FileMagic)
	u32(FileVersion)
	u32(len(hdr))
	bw.Write(hdr)
	for i := range g.Nodes {
		nb, err := g.Nodes[i].Encode()
		if err != nil {
			return merkle.Hash{}, err
		}
		u32(len(nb))
		bw.Write(nb)
	}
	commits := make([]merkle.Hash, len(g.Weights))
	for i := range g.Weights {
		t, err := weight(i)
		if err != nil {
			return merkle.Hash{}, fmt.Errorf("weight %d (%s): %w", i, g.Weights[i].Name, err)
		}
		if err := g.Weights[i].Spec.Check(t); err != nil {
			return merkle.Hash{}, fmt.Errorf("%w: weight %d (%s): %w", ErrGraph, i, g.Weights[i].Name, err)
		}
		enc, err := t.Encode()
		if err != nil {
			return merkle.Hash{}, fmt.Errorf("weight %d (%s): %w", i, g.Weights[i].Name, err)
		}
		commits[i] = commitParallel(enc)
		u32(len(enc))
		if _, err := bw.Write(enc); err != nil {
			return merkle.Hash{}, fmt.Errorf("write weight %d: %w", i, err)
		}
	}
	root := ModelRoot(commits, gh)
	bw.Write(root[:])
	if err := bw.Flush(); err != nil {
		return merkle.Hash{}, fmt.Errorf("write model file: %w", err)
	}
	return root, nil
}

// commitParallel is tensor.CommitBytes with the chunk hashes spread over
// the CPUs: hashing is what dominates loading a multi-gigabyte model.
func commitParallel(enc []byte) merkle.Hash {
	n := (len(enc) + tensor.ChunkSize - 1) / tensor.ChunkSize
	workers := min(runtime.GOMAXPROCS(0), n/256+1)
	if workers <= 1 {
		return tensor.CommitBytes(enc)
	}
	leaves := make([]merkle.Hash, n)
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf [tensor.ChunkSize]byte
			for i := lo; i < hi; i++ {
				leaves[i] = merkle.Keccak(tensor.Chunk(enc, i, &buf))
			}
		}()
	}
	wg.Wait()
	return merkle.Root(leaves)
}

// MappedModel is a model file opened with OpenFile: the model, whose int8
// and uint8 weights alias the mapped file (as do its WeightEncoding
// views, which the preimage oracle serves chunk by chunk, uncopied), and
// the mapping itself. The weights are read-only; writing to them faults.
type MappedModel struct {
	*Model
	data  []byte
	unmap func([]byte) error
}

// Close unmaps the file. The model must not be used afterwards.
func (m *MappedModel) Close() error {
	if m.data == nil {
		return nil
	}
	err := m.unmap(m.data)
	m.data = nil
	return err
}

// OpenFile memory-maps the model file at path and decodes it without
// copying int8/uint8 weight data, checking everything Decode checks: format,
// limits, graph structure, weight specs and the stored model root (hashed on
// every CPU). The weight commitments are kept, so NewExecutor does not hash
// the weights again.
func OpenFile(path string) (*MappedModel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("model file: %w", err)
	}
	defer f.Close()
	data, unmap, err := mapFile(f)
	if err != nil {
		return nil, fmt.Errorf("model file %s: %w", path, err)
	}
	mm, err := decodeMapped(data)
	if err != nil {
		unmap(data)
		return nil, fmt.Errorf("model file %s: %w", path, err)
	}
	mm.data, mm.unmap = data, unmap
	return mm, nil
}

// decodeMapped is decode for a mapped file: tensors view b instead of
// copying it.
func decodeMapped(b []byte) (*MappedModel, error) {
	m, encs, stored, err := parseFile(b, tensor.View)
	if err != nil {
		return nil, err
	}
	mm := &MappedModel{Model: m}
	mm.enc = encs
	g := m.Graph
	commits := make([]merkle.Hash, len(mm.enc))
	for i, enc := range mm.enc {
		commits[i] = commitParallel(enc)
	}
	gh, err := g.Hash()
	if err != nil {
		return nil, err
	}
	if root := ModelRoot(commits, gh); root != stored {
		return nil, fmt.Errorf("%w: file says model root %s, content hashes to %s", ErrMismatch, stored, root)
	}
	mm.commits = commits
	return mm, nil
}
