package store_test

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

func hexOf(h [32]byte) string { return "0x" + hex.EncodeToString(h[:]) }

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// tinyModel is a 3-node model small enough to corrupt every byte of.
func tinyModel(t *testing.T) *graph.Model {
	t.Helper()
	w, err := tensor.FromI8([]int8{1, -2, 3, -4, 5, -6, 7, -8}, 2, 4)
	require.NoError(t, err)
	b, err := tensor.FromI32([]int32{10, -20}, 2)
	require.NoError(t, err)
	g := &graph.Graph{
		Name:   "tiny",
		Inputs: []graph.Named{{Name: "x", Spec: tensor.Spec{DType: tensor.U8, Shape: []int{4}}}},
		Weights: []graph.Named{
			{Name: "w", Spec: tensor.Spec{DType: tensor.I8, Shape: []int{2, 4}}},
			{Name: "b", Spec: tensor.Spec{DType: tensor.I32, Shape: []int{2}}},
		},
		Nodes: []graph.Node{
			{Op: graph.OpRequant, Name: "in", Inputs: []graph.Ref{graph.S(0)}, Attrs: []int64{int64(tensor.I8), 1 << 30, 31, 0}},
			{Op: graph.OpMatMulAcc, Name: "fc", Inputs: []graph.Ref{graph.S(1), graph.W(0), graph.W(1)}},
			{Op: graph.OpArgmax, Name: "argmax", Inputs: []graph.Ref{graph.S(2)}},
		},
		Outputs: []graph.Ref{graph.S(3), graph.S(2)},
	}
	m := &graph.Model{Graph: g, Weights: []*tensor.Tensor{w, b}}
	require.NoError(t, m.Validate())
	return m
}

func encode(t *testing.T, m *graph.Model) []byte {
	t.Helper()
	b, err := m.Encode()
	require.NoError(t, err)
	return b
}

func encodeHeader(t *testing.T, m *graph.Model) []byte {
	t.Helper()
	b, err := m.Graph.EncodeHeader()
	require.NoError(t, err)
	return b
}

func dirStore(t *testing.T) (*store.Store, *store.Dir) {
	t.Helper()
	d, err := store.NewDir(filepath.Join(t.TempDir(), "store"))
	require.NoError(t, err)
	return &store.Store{B: d}, d
}

// positions returns every index below n when n <= all, else all random
// indices plus the first and last 64.
func positions(n, all int) []int {
	if n <= all {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	r := rand.New(rand.NewPCG(uint64(n), 7))
	var out []int
	for i := 0; i < 64; i++ {
		out = append(out, i, n-1-i)
	}
	for i := 0; i < all; i++ {
		out = append(out, r.IntN(n))
	}
	return out
}

func TestDirBackend(t *testing.T) {
	ctx := context.Background()
	d, err := store.NewDir(filepath.Join(t.TempDir(), "a", "b"))
	require.NoError(t, err)
	h := mips.Keccak256([]byte("x"))

	ok, err := d.Has(ctx, store.KindELF, h)
	require.NoError(t, err)
	require.False(t, ok)
	_, err = d.Get(ctx, store.KindELF, h)
	require.ErrorIs(t, err, store.ErrNotFound)
	require.ErrorContains(t, err, hexOf(h))
	require.ErrorContains(t, err, "elf")

	require.NoError(t, d.Put(ctx, store.KindELF, h, []byte("x")))
	require.FileExists(t, filepath.Join(d.Root(), "elf", hexOf(h)))
	require.Equal(t, filepath.Join(d.Root(), "elf", hexOf(h)), d.Path(store.KindELF, h))
	ok, err = d.Has(ctx, store.KindELF, h)
	require.NoError(t, err)
	require.True(t, ok)
	b, err := d.Get(ctx, store.KindELF, h)
	require.NoError(t, err)
	require.Equal(t, []byte("x"), b)
	// Overwrite replaces; no temporary files remain.
	require.NoError(t, d.Put(ctx, store.KindELF, h, []byte("y")))
	b, err = d.Get(ctx, store.KindELF, h)
	require.NoError(t, err)
	require.Equal(t, []byte("y"), b)
	ents, err := os.ReadDir(filepath.Join(d.Root(), "elf"))
	require.NoError(t, err)
	require.Len(t, ents, 1)

	// Kinds cannot escape the directory.
	for _, k := range []store.Kind{"", "../x", "a/b", "Model", "."} {
		require.Error(t, d.Put(ctx, k, h, nil), "kind %q", k)
		_, err := d.Get(ctx, k, h)
		require.Error(t, err, "kind %q", k)
	}
	// A cancelled context stops every operation.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = d.Get(cctx, store.KindELF, h)
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorIs(t, d.Put(cctx, store.KindELF, h, nil), context.Canceled)

	_, err = store.NewDir("")
	require.Error(t, err)
}

func TestMemBackend(t *testing.T) {
	ctx := context.Background()
	m := store.NewMem()
	h := mips.Keccak256([]byte("x"))
	_, err := m.Get(ctx, store.KindModel, h)
	require.ErrorIs(t, err, store.ErrNotFound)
	require.ErrorContains(t, err, hexOf(h))
	data := []byte("x")
	require.NoError(t, m.Put(ctx, store.KindModel, h, data))
	data[0] = 'z' // the backend kept a copy
	b, err := m.Get(ctx, store.KindModel, h)
	require.NoError(t, err)
	require.Equal(t, []byte("x"), b)
	ok, err := m.Has(ctx, store.KindModel, h)
	require.NoError(t, err)
	require.True(t, ok)
}

func TestModelRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := dirStore(t)
	fm, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	for _, m := range []*graph.Model{tinyModel(t), fm} {
		b := encode(t, m)
		want, err := m.Root()
		require.NoError(t, err)
		root, err := s.PutModel(ctx, b)
		require.NoError(t, err)
		require.Equal(t, [32]byte(want), root)
		got, err := s.Model(ctx, root)
		require.NoError(t, err)
		require.Equal(t, b, encode(t, got))
	}

	// Puts are checked: garbage, a wrong stored root, trailing bytes.
	b := encode(t, tinyModel(t))
	_, err = s.PutModel(ctx, []byte("not a model"))
	require.Error(t, err)
	bad := append([]byte(nil), b...)
	bad[len(bad)-1] ^= 1
	_, err = s.PutModel(ctx, bad)
	require.ErrorIs(t, err, graph.ErrMismatch)
	_, err = s.PutModel(ctx, append(append([]byte(nil), b...), 0))
	require.Error(t, err)

	// Missing: ErrNotFound naming the hash.
	missing := mips.Keccak256([]byte("no model"))
	_, err = s.Model(ctx, missing)
	require.ErrorIs(t, err, store.ErrNotFound)
	require.ErrorContains(t, err, hexOf(missing))
}

func TestModelCorruptionCaught(t *testing.T) {
	ctx := context.Background()
	fm, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	cases := []struct {
		name  string
		model *graph.Model
		all   int // corrupt every byte up to this size, else a sample
	}{
		{"tiny", tinyModel(t), 1 << 20},
		{"fashion-mnist", fm, 300},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, d := dirStore(t)
			b := encode(t, c.model)
			root, err := s.PutModel(ctx, b)
			require.NoError(t, err)
			path := d.Path(store.KindModel, root)
			for _, i := range positions(len(b), c.all) {
				for _, mask := range []byte{0x01, 0x80} {
					bad := append([]byte(nil), b...)
					bad[i] ^= mask
					require.NoError(t, os.WriteFile(path, bad, 0o644))
					_, err := s.Model(ctx, root)
					require.ErrorIs(t, err, store.ErrCorrupt, "byte %d ^ %#x", i, mask)
					require.ErrorContains(t, err, hexOf(root))
				}
			}
			// Truncated and extended files.
			for _, bad := range [][]byte{nil, b[:len(b)-1], b[:len(b)/2], append(append([]byte(nil), b...), 0)} {
				require.NoError(t, os.WriteFile(path, bad, 0o644))
				_, err := s.Model(ctx, root)
				require.ErrorIs(t, err, store.ErrCorrupt)
			}
			// Another intact model under this root is caught too.
			other := encode(t, tinyModel(t))
			if c.name == "tiny" {
				other = encode(t, fm)
			}
			require.NoError(t, os.WriteFile(path, other, 0o644))
			_, err = s.Model(ctx, root)
			require.ErrorIs(t, err, store.ErrCorrupt)
			require.ErrorContains(t, err, "content hashes to model root")
			// A put repairs it.
			_, err = s.PutModel(ctx, b)
			require.NoError(t, err)
			_, err = s.Model(ctx, root)
			require.NoError(t, err)
		})
	}
}

func TestELF(t *testing.T) {
	ctx := context.Background()
	s, d := dirStore(t)
	elf := []byte("\x7fELF small stand-in for a guest program")
	h, err := s.PutELF(ctx, elf)
	require.NoError(t, err)
	require.Equal(t, mips.Keccak256(elf), h)
	got, err := s.ELF(ctx, h)
	require.NoError(t, err)
	require.Equal(t, elf, got)
	for _, i := range positions(len(elf), 1<<20) {
		bad := append([]byte(nil), elf...)
		bad[i] ^= 0x20
		require.NoError(t, os.WriteFile(d.Path(store.KindELF, h), bad, 0o644))
		_, err := s.ELF(ctx, h)
		require.ErrorIs(t, err, store.ErrCorrupt, "byte %d", i)
		require.ErrorContains(t, err, hexOf(h))
	}
	_, err = s.PutELF(ctx, nil)
	require.Error(t, err)
	_, err = s.ELF(ctx, mips.Keccak256([]byte("none")))
	require.ErrorIs(t, err, store.ErrNotFound)
	require.ErrorContains(t, err, hexOf(mips.Keccak256([]byte("none"))))
}

// built is one kernel build of fashion-mnist, shared by the kernel tests.
type built struct {
	dir      string
	manifest *kernel.Manifest
	raw      []byte
	elf      []byte
	model    []byte
}

func buildKernel(t *testing.T) *built {
	t.Helper()
	dir := t.TempDir()
	man, err := kernel.Build(context.Background(), kernel.BuildOptions{Model: "fashion-mnist", OutDir: dir, Logger: quietLog})
	require.NoError(t, err)
	_, raw, err := kernel.ReadDir(dir)
	require.NoError(t, err)
	elf, err := os.ReadFile(filepath.Join(dir, kernel.ELFFile))
	require.NoError(t, err)
	fm, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	return &built{dir: dir, manifest: man, raw: raw, elf: elf, model: encode(t, fm)}
}

func parse32(t *testing.T, s string) [32]byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	require.NoError(t, err)
	require.Len(t, b, 32)
	return [32]byte(b)
}

func TestKernel(t *testing.T) {
	ctx := context.Background()
	k := buildKernel(t)
	s, d := dirStore(t)

	hs, err := s.AddKernelDir(ctx, k.dir, "")
	require.NoError(t, err)
	require.Equal(t, k.manifest.Model.Root, hexOf(hs.ModelRoot))
	require.Equal(t, k.manifest.PrestateHash, hexOf(hs.PrestateHash))
	require.Equal(t, mips.Keccak256(k.raw), hs.ManifestHash)
	require.Contains(t, hs.String(), k.manifest.PrestateHash)

	got, err := s.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
	require.NoError(t, err)
	require.Equal(t, k.elf, got.ELF)
	require.Equal(t, k.manifest, got.Manifest)
	require.Equal(t, k.model, encode(t, got.Model))

	t.Run("manifest round trip and corruption", func(t *testing.T) {
		m, err := s.Manifest(ctx, hs.ManifestHash)
		require.NoError(t, err)
		require.Equal(t, k.manifest, m)
		path := d.Path(store.KindManifest, hs.ManifestHash)
		for i := range k.raw {
			bad := append([]byte(nil), k.raw...)
			bad[i] ^= 0x01
			require.NoError(t, os.WriteFile(path, bad, 0o644))
			_, err := s.Manifest(ctx, hs.ManifestHash)
			require.ErrorIs(t, err, store.ErrCorrupt, "byte %d", i)
			require.ErrorContains(t, err, hexOf(hs.ManifestHash))
		}
		require.NoError(t, os.WriteFile(path, k.raw, 0o644))
		// Non-canonical manifests are refused on put.
		_, err = s.PutManifest(ctx, append(append([]byte(nil), k.raw...), '\n'))
		require.ErrorIs(t, err, kernel.ErrManifest)
	})

	t.Run("real ELF corruption", func(t *testing.T) {
		elfHash := parse32(t, k.manifest.ELFHash)
		path := d.Path(store.KindELF, elfHash)
		// Every byte of a small ELF is covered in TestELF; here a sample of
		// the real 3 MB guest (each check hashes all of it).
		for n, i := range positions(len(k.elf), 40) {
			bad := append([]byte(nil), k.elf...)
			bad[i] ^= 0x04
			require.NoError(t, os.WriteFile(path, bad, 0o644))
			_, err := s.ELF(ctx, elfHash)
			require.ErrorIs(t, err, store.ErrCorrupt, "byte %d", i)
			if n == 0 {
				_, err = s.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
				require.ErrorIs(t, err, store.ErrCorrupt)
				require.ErrorContains(t, err, "elf "+k.manifest.ELFHash)
			}
		}
		require.NoError(t, os.WriteFile(path, k.elf, 0o644))
	})

	t.Run("swapped ELF fails the pre-state check", func(t *testing.T) {
		// An ELF that loads but is not the built one, and a manifest that
		// names it (it keeps the registered pre-state hash).
		other := append([]byte(nil), k.elf...)
		other[len(other)/2] ^= 0xff
		_, err := kernel.Prestate(other, k.manifest.Model.Root)
		require.NoError(t, err, "the swapped ELF must still load")
		oh, err := s.PutELF(ctx, other)
		require.NoError(t, err)
		forged := *k.manifest
		forged.ELFHash = hexOf(oh)
		raw, err := forged.Canonical()
		require.NoError(t, err)
		fh, err := s.PutManifest(ctx, raw)
		require.NoError(t, err)
		_, err = s.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, fh)
		require.ErrorIs(t, err, store.ErrMismatch)
		require.ErrorContains(t, err, "pre-state check failed")
		require.ErrorContains(t, err, hexOf(oh))
	})

	t.Run("swapped model fails", func(t *testing.T) {
		// The manifest is bound to one model root; asking for the kernel
		// with another model is refused before anything is run.
		tinyRoot, err := s.PutModel(ctx, encode(t, tinyModel(t)))
		require.NoError(t, err)
		_, err = s.Kernel(ctx, tinyRoot, hs.PrestateHash, hs.ManifestHash)
		require.ErrorIs(t, err, store.ErrMismatch)
		require.ErrorContains(t, err, "is for model root")
		// A forged manifest for the tiny model but with fashion's pre-state.
		forged := *k.manifest
		forged.Model.Root = hexOf(tinyRoot)
		forged.Model.Nodes = 3
		forged.Argv = kernel.Argv(tinyRoot)
		raw, err := forged.Canonical()
		require.NoError(t, err)
		fh, err := s.PutManifest(ctx, raw)
		require.NoError(t, err)
		_, err = s.Kernel(ctx, tinyRoot, hs.PrestateHash, fh)
		require.ErrorIs(t, err, store.ErrMismatch)
		require.ErrorContains(t, err, "pre-state check failed")
	})

	t.Run("unprovable model is refused", func(t *testing.T) {
		// A kernel whose every part fits (manifest, ELF, the pre-state of
		// that ELF for the model root) but whose model has a graph header
		// over the on-chain PreimageOracle limit: a registrant may have made
		// it without Build, and no service may play it, because a step
		// reading the header could never be proven.
		big := tinyModel(t)
		for i := 0; len(encodeHeader(t, big)) <= vm.MaxPreimageSize; i++ {
			big.Graph.Weights = append(big.Graph.Weights, graph.Named{
				Name: fmt.Sprintf("model.layers.%d.self_attn.q_proj.%s", i, strings.Repeat("x", 200)),
				Spec: tensor.Spec{DType: tensor.I32, Shape: []int{2}}})
			big.Weights = append(big.Weights, big.Weights[1])
		}
		require.NoError(t, big.Validate())
		root, err := s.PutModel(ctx, encode(t, big))
		require.NoError(t, err)
		st, err := kernel.Prestate(k.elf, hexOf(root))
		require.NoError(t, err)
		forged := *k.manifest
		forged.Model.Root = hexOf(root)
		forged.Model.Nodes = len(big.Graph.Nodes)
		forged.Argv = kernel.Argv(root)
		forged.PrestateHash = hexOf(st.Hash())
		raw, err := forged.Canonical()
		require.NoError(t, err)
		fh, err := s.PutManifest(ctx, raw)
		require.NoError(t, err)
		_, err = s.Kernel(ctx, root, st.Hash(), fh)
		require.ErrorIs(t, err, kernel.ErrUnprovable)
		require.ErrorContains(t, err, fmt.Sprintf("over the limit of %d bytes", vm.MaxPreimageSize))
	})

	t.Run("wrong registered pre-state", func(t *testing.T) {
		_, err := s.Kernel(ctx, hs.ModelRoot, mips.Keccak256([]byte("other")), hs.ManifestHash)
		require.ErrorIs(t, err, store.ErrMismatch)
		require.ErrorContains(t, err, "prestate_hash")
	})

	t.Run("missing items are named", func(t *testing.T) {
		empty := &store.Store{B: store.NewMem()}
		_, err := empty.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
		require.ErrorIs(t, err, store.ErrNotFound)
		require.ErrorContains(t, err, "manifest "+hexOf(hs.ManifestHash))

		_, err = empty.PutManifest(ctx, k.raw)
		require.NoError(t, err)
		_, err = empty.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
		require.ErrorIs(t, err, store.ErrNotFound)
		require.ErrorContains(t, err, "elf "+k.manifest.ELFHash)
		require.ErrorContains(t, err, "model "+k.manifest.Model.Root)

		_, err = empty.PutELF(ctx, k.elf)
		require.NoError(t, err)
		_, err = empty.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
		require.ErrorIs(t, err, store.ErrNotFound)
		require.NotContains(t, err.Error(), "elf "+k.manifest.ELFHash)
		require.ErrorContains(t, err, "model "+k.manifest.Model.Root)

		_, err = empty.PutModel(ctx, k.model)
		require.NoError(t, err)
		_, err = empty.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
		require.NoError(t, err)
	})
}

func TestAddBuiltin(t *testing.T) {
	ctx := context.Background()
	s := &store.Store{B: store.NewMem(), Log: quietLog}
	hs, err := s.AddBuiltin(ctx, "fashion-mnist")
	require.NoError(t, err)
	k, err := s.Kernel(ctx, hs.ModelRoot, hs.PrestateHash, hs.ManifestHash)
	require.NoError(t, err)
	require.Equal(t, "fashion-mnist", k.Manifest.Model.Name)
	fm, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	root, err := fm.Root()
	require.NoError(t, err)
	require.Equal(t, [32]byte(root), hs.ModelRoot)
	// Reproducible: a second build gives the same hashes.
	hs2, err := s.AddBuiltin(ctx, "fashion-mnist")
	require.NoError(t, err)
	require.Equal(t, hs, hs2)

	_, err = s.AddBuiltin(ctx, "no-such-model")
	require.Error(t, err)
	require.True(t, strings.Contains(err.Error(), "no-such-model"), err.Error())
}
