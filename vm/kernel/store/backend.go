// Package store is a content-addressed store for everything a kernel needs:
// the model file (addressed by its model root), the kernel manifest
// (addressed by the manifest hash, keccak256 of its canonical encoding) and
// the kernel guest ELF (addressed by keccak256 of its bytes). These are the
// hashes a kernel is registered under on chain (contracts/registry: ModelRoot,
// PrestateHash, ManifestHash), so services load what a request names by hash
// and never trust a file by its name.
//
// A Backend only keeps bytes; Store checks every item against its address on
// every put and every fetch, so a backend (a directory, a remote cache) need
// not be trusted.
package store

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Kind names a class of stored items; each kind has its own addressing rule.
type Kind string

// The kinds Store uses.
const (
	// KindModel is a model file (models/graph encoding), addressed by its
	// model root (graph.Model.Root).
	KindModel Kind = "model"
	// KindManifest is a kernel manifest in canonical encoding, addressed by
	// vm/kernel Manifest.Hash (keccak256 of the canonical encoding).
	KindManifest Kind = "manifest"
	// KindELF is a kernel guest ELF, addressed by keccak256 of its bytes
	// (the manifest's elf_hash).
	KindELF Kind = "elf"
)

// Valid reports whether k can name a directory: a non-empty run of
// lowercase letters, digits, '-' and '_' starting with a letter.
func (k Kind) Valid() bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

var (
	// ErrNotFound: the backend holds no item of that kind and hash.
	ErrNotFound = errors.New("store: not found")
	// ErrCorrupt: an item does not hash to its address (or does not decode).
	ErrCorrupt = errors.New("store: corrupt item")
	// ErrMismatch: the items are each intact but do not fit together (a
	// manifest for another model, a pre-state that is not the registered
	// one).
	ErrMismatch = errors.New("store: kernel items do not match")
)

// Backend keeps bytes by kind and hash. It need not check anything: Store
// verifies every item against its address. Get returns an error wrapping
// ErrNotFound for a missing item.
type Backend interface {
	Get(ctx context.Context, kind Kind, h [32]byte) ([]byte, error)
	Put(ctx context.Context, kind Kind, h [32]byte, data []byte) error
	Has(ctx context.Context, kind Kind, h [32]byte) (bool, error)
}

func hexHash(h [32]byte) string { return "0x" + hex.EncodeToString(h[:]) }

func notFound(kind Kind, h [32]byte) error {
	return fmt.Errorf("%w: %s %s", ErrNotFound, kind, hexHash(h))
}

// Dir is a Backend on a directory: item (kind, h) is the file
// root/<kind>/<0x-hex h>. Writes go through a temporary file, fsync and a
// rename, so a reader never sees a partial item; a put over an existing
// item replaces it (which repairs a corrupted copy).
type Dir struct {
	root string
}

var _ Backend = (*Dir)(nil)

// NewDir opens (creating if needed) a directory store at root.
func NewDir(root string) (*Dir, error) {
	if root == "" {
		return nil, errors.New("store: no directory given")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &Dir{root: abs}, nil
}

// Root is the directory the store lives in.
func (d *Dir) Root() string { return d.root }

// Path is the file that holds item (kind, h).
func (d *Dir) Path(kind Kind, h [32]byte) string {
	return filepath.Join(d.root, string(kind), hexHash(h))
}

func checkKind(kind Kind) error {
	if !kind.Valid() {
		return fmt.Errorf("store: bad kind %q", kind)
	}
	return nil
}

// Get reads item (kind, h).
func (d *Dir) Get(ctx context.Context, kind Kind, h [32]byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkKind(kind); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(d.Path(kind, h))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w (no file %s)", notFound(kind, h), d.Path(kind, h))
	}
	if err != nil {
		return nil, fmt.Errorf("store: %s %s: %w", kind, hexHash(h), err)
	}
	return b, nil
}

// Has reports whether item (kind, h) exists (without checking it).
func (d *Dir) Has(ctx context.Context, kind Kind, h [32]byte) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if err := checkKind(kind); err != nil {
		return false, err
	}
	_, err := os.Stat(d.Path(kind, h))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: %s %s: %w", kind, hexHash(h), err)
	}
	return true, nil
}

// Put writes item (kind, h) atomically.
func (d *Dir) Put(ctx context.Context, kind Kind, h [32]byte, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkKind(kind); err != nil {
		return err
	}
	path := d.Path(kind, h)
	fail := func(err error) error { return fmt.Errorf("store: write %s %s: %w", kind, hexHash(h), err) }
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fail(err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(f.Name()) // no-op after the rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fail(err)
	}
	// WHY fsync before the rename: after a crash the name must not point
	// at a file whose content never reached the disk.
	if err := f.Sync(); err != nil {
		f.Close()
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}

// Mem is an in-memory Backend (tests, caches in front of slower backends).
// It copies on put and on get, so callers cannot alter stored items.
type Mem struct {
	mu    sync.RWMutex
	items map[Kind]map[[32]byte][]byte
}

var _ Backend = (*Mem)(nil)

// NewMem returns an empty in-memory backend.
func NewMem() *Mem { return &Mem{items: map[Kind]map[[32]byte][]byte{}} }

// Get returns a copy of item (kind, h).
func (m *Mem) Get(ctx context.Context, kind Kind, h [32]byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.items[kind][h]
	if !ok {
		return nil, notFound(kind, h)
	}
	return append([]byte(nil), b...), nil
}

// Has reports whether item (kind, h) exists.
func (m *Mem) Has(ctx context.Context, kind Kind, h [32]byte) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	_, ok := m.items[kind][h]
	return ok, nil
}

// Put stores a copy of data as item (kind, h).
func (m *Mem) Put(ctx context.Context, kind Kind, h [32]byte, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkKind(kind); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.items[kind] == nil {
		m.items[kind] = map[[32]byte][]byte{}
	}
	m.items[kind][h] = append([]byte(nil), data...)
	return nil
}
