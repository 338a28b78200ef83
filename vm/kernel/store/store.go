package store

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Store checks every item against its address: a put computes the address
// from the content (after decoding it where the kind has a format), a fetch
// recomputes it and fails with ErrCorrupt when it differs.
type Store struct {
	B Backend
	// Log receives progress of AddBuiltin's kernel build; nil discards it.
	Log *slog.Logger
}

// Open returns a Store on a directory backend at root (NewDir).
func Open(root string) (*Store, error) {
	d, err := NewDir(root)
	if err != nil {
		return nil, err
	}
	return &Store{B: d}, nil
}

// get fetches raw bytes, making sure a not-found error names the item.
func (s *Store) get(ctx context.Context, kind Kind, h [32]byte) ([]byte, error) {
	b, err := s.B.Get(ctx, kind, h)
	if err == nil {
		return b, nil
	}
	if errors.Is(err, ErrNotFound) && strings.Contains(err.Error(), hexHash(h)) {
		return nil, err
	}
	return nil, fmt.Errorf("store: get %s %s: %w", kind, hexHash(h), err)
}

func corrupt(kind Kind, h [32]byte, format string, args ...any) error {
	return fmt.Errorf("%w: %s %s: %s", ErrCorrupt, kind, hexHash(h), fmt.Sprintf(format, args...))
}

// decodeModel decodes a model file and returns it with its root, requiring
// the canonical encoding (re-encoding gives the same bytes), so every byte
// of a stored model is covered by its address.
func decodeModel(b []byte) (*graph.Model, [32]byte, error) {
	m, err := graph.Decode(b)
	if err != nil {
		return nil, [32]byte{}, err
	}
	root, err := m.Root()
	if err != nil {
		return nil, [32]byte{}, err
	}
	enc, err := m.Encode()
	if err != nil {
		return nil, [32]byte{}, err
	}
	if !bytes.Equal(enc, b) {
		return nil, [32]byte{}, errors.New("not the canonical encoding of the model it decodes to")
	}
	return m, root, nil
}

// PutModel stores a model file (models/graph encoding). The file must
// decode, carry its own root correctly and be canonical; the returned model
// root is its address.
func (s *Store) PutModel(ctx context.Context, modelBytes []byte) ([32]byte, error) {
	_, root, err := decodeModel(modelBytes)
	if err != nil {
		return [32]byte{}, fmt.Errorf("store: put model: %w", err)
	}
	if err := s.B.Put(ctx, KindModel, root, modelBytes); err != nil {
		return [32]byte{}, err
	}
	return root, nil
}

// PutGraphModel encodes m and stores it (PutModel).
func (s *Store) PutGraphModel(ctx context.Context, m *graph.Model) ([32]byte, error) {
	b, err := m.Encode()
	if err != nil {
		return [32]byte{}, fmt.Errorf("store: encode model: %w", err)
	}
	return s.PutModel(ctx, b)
}

// Model fetches, decodes and verifies the model with the given root.
func (s *Store) Model(ctx context.Context, root [32]byte) (*graph.Model, error) {
	b, err := s.get(ctx, KindModel, root)
	if err != nil {
		return nil, err
	}
	m, got, err := decodeModel(b)
	if err != nil {
		return nil, corrupt(KindModel, root, "%v", err)
	}
	if got != root {
		return nil, corrupt(KindModel, root, "content hashes to model root %s", hexHash(got))
	}
	return m, nil
}

// PutManifest stores a kernel manifest given in its canonical encoding
// (the manifest.json a kernel build writes) and returns the manifest hash.
func (s *Store) PutManifest(ctx context.Context, manifestBytes []byte) ([32]byte, error) {
	m, err := kernel.ParseManifest(manifestBytes)
	if err != nil {
		return [32]byte{}, fmt.Errorf("store: put manifest: %w", err)
	}
	h, err := m.Hash()
	if err != nil {
		return [32]byte{}, fmt.Errorf("store: put manifest: %w", err)
	}
	if err := s.B.Put(ctx, KindManifest, h, manifestBytes); err != nil {
		return [32]byte{}, err
	}
	return h, nil
}

// Manifest fetches, strictly parses and verifies the manifest with hash h.
func (s *Store) Manifest(ctx context.Context, h [32]byte) (*kernel.Manifest, error) {
	b, err := s.get(ctx, KindManifest, h)
	if err != nil {
		return nil, err
	}
	// WHY hash the raw bytes first: ParseManifest accepts only the
	// canonical encoding, so keccak of the bytes is the manifest hash, and a
	// mismatch here is the clearest message for a flipped byte.
	if got := mips.Keccak256(b); got != h {
		return nil, corrupt(KindManifest, h, "content hashes to %s", hexHash(got))
	}
	m, err := kernel.ParseManifest(b)
	if err != nil {
		return nil, corrupt(KindManifest, h, "%v", err)
	}
	if got, err := m.Hash(); err != nil || got != h {
		return nil, corrupt(KindManifest, h, "manifest hash %s (%v)", hexHash(got), err)
	}
	return m, nil
}

// PutELF stores a kernel guest ELF and returns keccak256 of it.
func (s *Store) PutELF(ctx context.Context, elf []byte) ([32]byte, error) {
	if len(elf) == 0 {
		return [32]byte{}, errors.New("store: put elf: empty")
	}
	h := mips.Keccak256(elf)
	if err := s.B.Put(ctx, KindELF, h, elf); err != nil {
		return [32]byte{}, err
	}
	return h, nil
}

// ELF fetches the ELF whose keccak256 is h.
func (s *Store) ELF(ctx context.Context, h [32]byte) ([]byte, error) {
	b, err := s.get(ctx, KindELF, h)
	if err != nil {
		return nil, err
	}
	if got := mips.Keccak256(b); got != h {
		return nil, corrupt(KindELF, h, "content hashes to %s", hexHash(got))
	}
	return b, nil
}

// Kernel is everything needed to judge nodes of one registered kernel.
type Kernel struct {
	Model    *graph.Model
	ELF      []byte
	Manifest *kernel.Manifest
}

// Hashes are the three hashes a kernel is registered under on chain.
type Hashes struct {
	ModelRoot    [32]byte
	PrestateHash [32]byte
	ManifestHash [32]byte
}

func (h Hashes) String() string {
	return fmt.Sprintf("model_root=%s prestate_hash=%s manifest_hash=%s", hexHash(h.ModelRoot), hexHash(h.PrestateHash), hexHash(h.ManifestHash))
}

func parseHex32(s string) ([32]byte, error) {
	var h [32]byte
	if len(s) != 66 || s[:2] != "0x" {
		return h, fmt.Errorf("%q is not a 0x-hex 32-byte hash", s)
	}
	if _, err := hex.Decode(h[:], []byte(s[2:])); err != nil {
		return h, fmt.Errorf("%q: %w", s, err)
	}
	return h, nil
}

// Kernel loads the kernel registered as (modelRoot, prestateHash,
// manifestHash): the manifest, the ELF it names (elf_hash) and the model.
// Each item is verified against its address; then the set must fit: the
// manifest names this model root and pre-state, the ELF has the manifest's
// size, the model has the manifest's node count, and loading the ELF with
// the kernel argv for the model root (vm/kernel.Prestate) gives exactly
// prestateHash, so a swapped ELF or model is caught. A model whose graph
// header the on-chain PreimageOracle cannot load is refused
// (kernel.ErrUnprovable). Missing items are all
// named (errors.Join of ErrNotFound errors).
func (s *Store) Kernel(ctx context.Context, modelRoot, prestateHash, manifestHash [32]byte) (*Kernel, error) {
	man, err := s.Manifest(ctx, manifestHash)
	if err != nil {
		return nil, fmt.Errorf("store: kernel manifest: %w", err)
	}
	mismatch := func(format string, args ...any) error {
		return fmt.Errorf("%w: manifest %s: %s", ErrMismatch, hexHash(manifestHash), fmt.Sprintf(format, args...))
	}
	if man.Model.Root != hexHash(modelRoot) {
		return nil, mismatch("is for model root %s, the kernel is registered with %s", man.Model.Root, hexHash(modelRoot))
	}
	if man.PrestateHash != hexHash(prestateHash) {
		return nil, mismatch("records prestate_hash %s, the kernel is registered with %s", man.PrestateHash, hexHash(prestateHash))
	}
	elfHash, err := parseHex32(man.ELFHash)
	if err != nil {
		return nil, mismatch("elf_hash: %v", err)
	}
	elf, elfErr := s.ELF(ctx, elfHash)
	if elfErr != nil {
		elfErr = fmt.Errorf("store: kernel ELF (manifest elf_hash): %w", elfErr)
	}
	model, modelErr := s.Model(ctx, modelRoot)
	if modelErr != nil {
		modelErr = fmt.Errorf("store: kernel model: %w", modelErr)
	}
	if err := errors.Join(elfErr, modelErr); err != nil {
		return nil, err
	}
	if len(elf) != man.ELFSize {
		return nil, mismatch("elf_size %d, the ELF has %d bytes", man.ELFSize, len(elf))
	}
	if len(model.Graph.Nodes) != man.Model.Nodes {
		return nil, mismatch("model.nodes %d, model %s has %d nodes", man.Model.Nodes, hexHash(modelRoot), len(model.Graph.Nodes))
	}
	// WHY: a manifest need not come from this code's Build (anyone can
	// register one), so a model whose guest would read a preimage the chain
	// cannot load is refused here too, before any service plays with it.
	if err := kernel.CheckPreimageSizes(model); err != nil {
		return nil, fmt.Errorf("store: kernel model %s: %w", hexHash(modelRoot), err)
	}
	st, err := kernel.Prestate(elf, hexHash(modelRoot))
	if err != nil {
		return nil, fmt.Errorf("store: kernel ELF %s: %w", man.ELFHash, err)
	}
	if got := st.Hash(); got != prestateHash {
		return nil, fmt.Errorf("%w: pre-state check failed: ELF %s with model root %s loads to pre-state %s, the kernel is registered with %s (swapped ELF or model)",
			ErrMismatch, man.ELFHash, hexHash(modelRoot), hexHash(got), hexHash(prestateHash))
	}
	return &Kernel{Model: model, ELF: elf, Manifest: man}, nil
}

// AddKernelDir imports a kernel directory written by vm/kernel.Build (or
// `aivm kernel build --out DIR`): its manifest.json and kernel.elf, and the
// model, resolved by zoo.Resolve(model) — a built-in name, a model root or a
// model file path; empty resolves the manifest's model root among the
// built-in models. The imported set is then loaded back through Kernel, so
// a directory whose parts do not fit is refused (nothing is removed: every
// stored item is intact under its own address).
func (s *Store) AddKernelDir(ctx context.Context, dir, model string) (Hashes, error) {
	man, raw, err := kernel.ReadDir(dir)
	if err != nil {
		return Hashes{}, fmt.Errorf("store: %w", err)
	}
	elf, err := os.ReadFile(filepath.Join(dir, kernel.ELFFile))
	if err != nil {
		return Hashes{}, fmt.Errorf("store: %w", err)
	}
	if model == "" {
		model = man.Model.Root
	}
	m, _, err := zoo.Resolve(model)
	if err != nil {
		return Hashes{}, fmt.Errorf("store: kernel model: %w", err)
	}
	var hs Hashes
	if hs.ModelRoot, err = s.PutGraphModel(ctx, m); err != nil {
		return Hashes{}, err
	}
	if _, err := s.PutELF(ctx, elf); err != nil {
		return Hashes{}, err
	}
	if hs.ManifestHash, err = s.PutManifest(ctx, raw); err != nil {
		return Hashes{}, err
	}
	if hs.PrestateHash, err = parseHex32(man.PrestateHash); err != nil {
		return Hashes{}, fmt.Errorf("store: manifest prestate_hash: %w", err)
	}
	if _, err := s.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash); err != nil {
		return Hashes{}, fmt.Errorf("store: kernel directory %s: %w", dir, err)
	}
	return hs, nil
}

// AddBuiltin seeds the store with a built-in model (zoo.Resolve: a name
// such as "fashion-mnist", or a model root or model file) and its kernel,
// built reproducibly by vm/kernel.Build from this module's source tree (so
// it needs the go command and the source, found above the working
// directory). It returns the hashes to register the kernel under.
func (s *Store) AddBuiltin(ctx context.Context, name string) (Hashes, error) {
	dir, err := os.MkdirTemp("", "aivm-store-kernel-*")
	if err != nil {
		return Hashes{}, fmt.Errorf("store: %w", err)
	}
	defer os.RemoveAll(dir)
	log := s.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if _, err := kernel.Build(ctx, kernel.BuildOptions{Model: name, OutDir: dir, Logger: log}); err != nil {
		return Hashes{}, fmt.Errorf("store: build kernel for %s: %w", name, err)
	}
	return s.AddKernelDir(ctx, dir, name)
}
