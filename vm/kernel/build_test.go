package kernel_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// quiet keeps build progress out of test output.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// repoRoot is the module root of this checkout.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := kernel.ModuleRoot()
	require.NoError(t, err)
	return root
}

// copyTree copies the module source (files git tracks, plus untracked files
// it does not ignore, as they are in the working tree) to dst.
func copyTree(t *testing.T, dst string) string {
	t.Helper()
	root := repoRoot(t)
	for _, rel := range treeFiles(t, root) {
		src := filepath.Join(root, rel)
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		b, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dst, rel), b, fi.Mode().Perm()))
	}
	require.FileExists(t, filepath.Join(dst, "vm", "kernel", "guest", "main.go"), "the copy must hold the real kernel guest")
	return dst
}

// treeFiles lists the source tree: git's view when root is a checkout, else
// (an exported tarball) every file outside hidden, node_modules and bin
// directories.
func treeFiles(t *testing.T, root string) []string {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err == nil {
		return strings.Split(strings.TrimRight(string(out), "\x00"), "\x00")
	}
	var files []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "bin") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(root, p)
			files = append(files, rel)
			return err
		}
		return nil
	}))
	return files
}

func build(t *testing.T, src, model string) (string, *kernel.Manifest) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "kernel")
	m, err := kernel.Build(context.Background(), kernel.BuildOptions{Model: model, OutDir: out, RepoRoot: src, Logger: quiet})
	require.NoError(t, err)
	return out, m
}

func verify(dir, src string) error {
	return kernel.VerifyWith(context.Background(), dir, kernel.VerifyOptions{RepoRoot: src, Logger: quiet})
}

// TestBuildVerify builds fashion-mnist's kernel from a copy of the tree,
// checks every output against an independent computation, verifies it, and
// then tampers with each manifest field and each file in turn.
func TestBuildVerify(t *testing.T) {
	src := copyTree(t, t.TempDir())
	dir, m := build(t, src, "fashion-mnist")

	elf, err := os.ReadFile(filepath.Join(dir, kernel.ELFFile))
	require.NoError(t, err)
	require.Equal(t, "0x"+hexOf(mips.Keccak256(elf)), m.ELFHash)
	require.Equal(t, len(elf), m.ELFSize)
	model, _, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	root, err := model.Root()
	require.NoError(t, err)
	require.Equal(t, root.Hex(), m.Model.Root)
	require.Equal(t, len(model.Graph.Nodes), m.Model.Nodes)
	require.Equal(t, []string{"aivm-kernel", root.Hex()}, m.Argv)
	st, err := vm.LoadELF(elf, []string{"aivm-kernel", root.Hex()}, nil)
	require.NoError(t, err)
	require.Equal(t, "0x"+hexOf(st.Hash()), m.PrestateHash)
	pre, err := os.ReadFile(filepath.Join(dir, kernel.PrestateFile))
	require.NoError(t, err)
	enc := st.EncodeGlobal()
	require.Equal(t, enc[:], pre)
	require.Equal(t, kernel.AggArgmax, m.Aggregation)
	require.Equal(t, runtimeGoVersion(t), m.Build.Toolchain)

	file, err := os.ReadFile(filepath.Join(dir, kernel.ManifestFile))
	require.NoError(t, err)
	h, err := m.Hash()
	require.NoError(t, err)
	require.Equal(t, mips.Keccak256(file), h, "the manifest hash is keccak of the file")
	require.NotContains(t, string(file), " ", "canonical: no whitespace")
	require.NotContains(t, string(file), "\n")

	// The source list covers the guest, its in-module dependencies and
	// go.mod/go.sum, and nothing that does not go into the build.
	paths := map[string]bool{}
	for _, f := range m.Sources {
		paths[f.Path] = true
	}
	for _, want := range []string{"go.mod", "go.sum", "vm/kernel/guest/main.go"} {
		require.True(t, paths[want], "sources lack %s", want)
	}
	for p := range paths {
		require.False(t, strings.HasSuffix(p, "_test.go"), "test file %s in sources", p)
		require.False(t, strings.HasPrefix(p, "cmd/"), "%s is not a guest dependency", p)
	}

	require.NoError(t, verify(dir, src))

	// Hosts that compile the guest themselves (GuestELF, for dispute
	// sessions) must get the manifest's bytes, hence its pre-state.
	compiled, err := kernel.CompileGuest(context.Background(), src)
	require.NoError(t, err)
	require.True(t, bytes.Equal(elf, compiled), "CompileGuest and Build give different ELFs")

	// Every field of the manifest, tampered, is caught and named.
	other := "0x" + strings.Repeat("ab", 32)
	llama, _, err := zoo.Resolve("tiny-llama")
	require.NoError(t, err)
	llamaRoot, err := llama.Root()
	require.NoError(t, err)
	cases := []struct {
		name   string
		edit   func(*kernel.Manifest)
		fields []string // MismatchError fields that must be reported
		bad    bool     // rejected as a malformed manifest instead
	}{
		{"toolchain", func(m *kernel.Manifest) { m.Build.Toolchain = "go1.20.1" }, []string{"build.toolchain"}, false},
		{"goos", func(m *kernel.Manifest) { m.Build.GOOS = "windows" }, []string{"build.goos"}, false},
		{"goarch", func(m *kernel.Manifest) { m.Build.GOARCH = "mipsle" }, []string{"build.goarch"}, false},
		{"gomips", func(m *kernel.Manifest) { m.Build.GOMIPS = "hardfloat" }, []string{"build.gomips"}, false},
		{"cgo", func(m *kernel.Manifest) { m.Build.CGOEnabled = "1" }, []string{"build.cgo_enabled"}, false},
		{"flags", func(m *kernel.Manifest) { m.Build.Flags = m.Build.Flags[1:] }, []string{"build.flags"}, false},
		{"env", func(m *kernel.Manifest) { m.Build.Env = append(m.Build.Env, "GOAMD64=v3") }, []string{"build.env"}, false},
		{"package", func(m *kernel.Manifest) { m.Build.Package = "./cmd/aivm" }, []string{"build.package"}, false},
		{"module", func(m *kernel.Manifest) { m.Build.Module = "example.com/x" }, []string{"build.module"}, false},
		{"sources", func(m *kernel.Manifest) {
			m.Sources[0].Hash = other
			sh, err := kernel.SourceHashOf(m.Sources)
			require.NoError(t, err)
			m.SourceHash = "0x" + hexOf(sh)
		}, []string{"source_hash"}, false},
		{"source_hash", func(m *kernel.Manifest) { m.SourceHash = other }, nil, true},
		{"elf_hash", func(m *kernel.Manifest) { m.ELFHash = other }, []string{"elf_hash", "elf_hash (rebuilt)"}, false},
		{"elf_size", func(m *kernel.Manifest) { m.ELFSize++ }, []string{"elf_size"}, false},
		{"prestate_hash", func(m *kernel.Manifest) { m.PrestateHash = other }, []string{"prestate_hash", "prestate_hash (rebuilt)"}, false},
		{"model.root", func(m *kernel.Manifest) { m.Model.Root = other; m.Argv[1] = m.Model.Root },
			[]string{"model.root", "prestate_hash"}, false},
		{"model.root other model", func(m *kernel.Manifest) { m.Model.Root = llamaRoot.Hex(); m.Argv[1] = m.Model.Root },
			[]string{"model.name", "model.nodes", "aggregation", "prestate_hash"}, false},
		{"model.name", func(m *kernel.Manifest) { m.Model.Name = "tiny-llama" }, []string{"model.name"}, false},
		{"model.nodes", func(m *kernel.Manifest) { m.Model.Nodes++ }, []string{"model.nodes"}, false},
		{"aggregation", func(m *kernel.Manifest) { m.Aggregation = kernel.AggOutputs }, []string{"aggregation"}, false},
		{"argv", func(m *kernel.Manifest) { m.Argv[0] = "x" }, nil, true},
		{"version", func(m *kernel.Manifest) { m.Version = 2 }, nil, true},
		{"abi_version", func(m *kernel.Manifest) { m.ABIVersion = 9 }, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := copyDir(t, dir)
			var tm kernel.Manifest
			require.NoError(t, json.Unmarshal(file, &tm))
			c.edit(&tm)
			b, err := json.Marshal(tm) // not canonical: written canonically below when valid
			require.NoError(t, err)
			if cb, err := tm.Canonical(); err == nil {
				b = cb
			}
			require.NoError(t, os.WriteFile(filepath.Join(d, kernel.ManifestFile), b, 0o644))
			err = verify(d, src)
			require.Error(t, err)
			if c.bad {
				require.ErrorIs(t, err, kernel.ErrManifest)
				return
			}
			got := kernel.FieldsOf(err)
			for _, f := range c.fields {
				require.Contains(t, got, f, "error: %v", err)
			}
			var me *kernel.MismatchError
			require.ErrorAs(t, err, &me)
			require.Contains(t, err.Error(), "manifest has")
		})
	}

	t.Run("toolchain message", func(t *testing.T) {
		d := copyDir(t, dir)
		editManifest(t, d, func(m *kernel.Manifest) { m.Build.Toolchain = "go1.20.1" })
		err := verify(d, src)
		require.ErrorContains(t, err, "build.toolchain mismatch: manifest has go1.20.1, got "+m.Build.Toolchain)
		require.ErrorContains(t, err, "install go1.20.1")
		require.Equal(t, []string{"build.toolchain"}, kernel.FieldsOf(err), "nothing else is wrong")
	})
	t.Run("kernel.elf", func(t *testing.T) {
		d := copyDir(t, dir)
		b := bytes.Clone(elf)
		b[len(b)-1] ^= 1
		require.NoError(t, os.WriteFile(filepath.Join(d, kernel.ELFFile), b, 0o644))
		require.Contains(t, kernel.FieldsOf(verify(d, src)), "elf_hash")
	})
	t.Run("prestate.bin", func(t *testing.T) {
		d := copyDir(t, dir)
		b := bytes.Clone(pre)
		b[70] ^= 1 // heap
		require.NoError(t, os.WriteFile(filepath.Join(d, kernel.PrestateFile), b, 0o644))
		require.Equal(t, []string{"prestate.bin"}, kernel.FieldsOf(verify(d, src)))
	})
	t.Run("not canonical", func(t *testing.T) {
		d := copyDir(t, dir)
		var v any
		require.NoError(t, json.Unmarshal(file, &v))
		b, err := json.MarshalIndent(v, "", " ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(d, kernel.ManifestFile), b, 0o644))
		err = verify(d, src)
		require.ErrorIs(t, err, kernel.ErrManifest)
		require.ErrorContains(t, err, "canonical")
	})
	t.Run("unknown field", func(t *testing.T) {
		d := copyDir(t, dir)
		b := append([]byte(`{"zzz":1,`), file[1:]...)
		require.NoError(t, os.WriteFile(filepath.Join(d, kernel.ManifestFile), b, 0o644))
		require.ErrorIs(t, verify(d, src), kernel.ErrManifest)
	})
	t.Run("source edited", func(t *testing.T) {
		// A source file that goes into the build changes after the build:
		// the rebuild names it.
		src2 := copyTree(t, t.TempDir())
		f := filepath.Join(src2, "vm", "kernel", "guest", "main.go")
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(f, append(b, "\n// edited\n"...), 0o644))
		err = verify(dir, src2)
		require.Contains(t, kernel.FieldsOf(err), "source_hash")
		require.ErrorContains(t, err, "~vm/kernel/guest/main.go")
	})
}

// TestReproducible builds the kernel in two copies of the tree at paths of
// different lengths and from the checkout itself: the ELF bytes, source hash,
// pre-state and manifest must be identical.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("two full copies and builds; skipped under -short")
	}
	base := t.TempDir()
	a := copyTree(t, filepath.Join(base, "a"))
	b := copyTree(t, filepath.Join(base, "a-much-longer-directory-name", "nested", "deeper", "still"))
	dirA, mA := build(t, a, "tiny-llama")
	// WHY a cold build cache for the second build: a cache hit would hand
	// back the first build's objects, proving only that the cache keys
	// ignore the path; compiling everything again (the standard library
	// included) proves the compiler's output does.
	t.Setenv("GOCACHE", filepath.Join(base, "gocache"))
	dirB, mB := build(t, b, "tiny-llama")
	requireSameKernel(t, dirA, mA, dirB, mB)

	dirR, mR := build(t, repoRoot(t), "tiny-llama")
	requireSameKernel(t, dirA, mA, dirR, mR)
}

func requireSameKernel(t *testing.T, dirA string, mA *kernel.Manifest, dirB string, mB *kernel.Manifest) {
	t.Helper()
	for _, f := range []string{kernel.ELFFile, kernel.PrestateFile, kernel.ManifestFile} {
		x, err := os.ReadFile(filepath.Join(dirA, f))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(dirB, f))
		require.NoError(t, err)
		require.True(t, bytes.Equal(x, y), "%s differs between builds", f)
	}
	require.Equal(t, mA, mB)
}

func TestBuildBadInput(t *testing.T) {
	ctx := context.Background()
	root := repoRoot(t)
	_, err := kernel.Build(ctx, kernel.BuildOptions{Model: "no-such-model", OutDir: t.TempDir(), RepoRoot: root, Logger: quiet})
	require.ErrorContains(t, err, "neither a built-in model")

	_, err = kernel.Build(ctx, kernel.BuildOptions{Model: "0x" + strings.Repeat("00", 32), OutDir: t.TempDir(), RepoRoot: root, Logger: quiet})
	require.ErrorContains(t, err, "no built-in model has root")

	garbage := filepath.Join(t.TempDir(), "garbage.aivm")
	require.NoError(t, os.WriteFile(garbage, []byte("not a model"), 0o644))
	_, err = kernel.Build(ctx, kernel.BuildOptions{Model: garbage, OutDir: t.TempDir(), RepoRoot: root, Logger: quiet})
	require.ErrorContains(t, err, "model file")

	// An output directory below a regular file can never be created (this
	// holds for root too, unlike a read-only directory).
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err = kernel.Build(ctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: filepath.Join(file, "out"), RepoRoot: root, Logger: quiet})
	require.ErrorContains(t, err, "output directory")

	if os.Geteuid() != 0 {
		ro := filepath.Join(t.TempDir(), "ro")
		require.NoError(t, os.Mkdir(ro, 0o555))
		_, err = kernel.Build(ctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: ro, RepoRoot: root, Logger: quiet})
		require.ErrorContains(t, err, "not writable")
	}

	_, err = kernel.Build(ctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: "", RepoRoot: root, Logger: quiet})
	require.ErrorContains(t, err, "no output directory")

	_, err = kernel.Build(ctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: t.TempDir(), RepoRoot: t.TempDir(), Logger: quiet})
	require.ErrorContains(t, err, "not the root of module")

	_, err = kernel.Build(ctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: t.TempDir(), RepoRoot: root, Go: "/nonexistent/go", Logger: quiet})
	require.ErrorContains(t, err, "go command")

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = kernel.Build(cctx, kernel.BuildOptions{Model: "fashion-mnist", OutDir: t.TempDir(), RepoRoot: root, Logger: quiet})
	require.Error(t, err, "a cancelled context stops the build")

	require.ErrorContains(t, kernel.Verify(ctx, t.TempDir()), "manifest.json")
}

func TestManifestEncoding(t *testing.T) {
	m := sampleManifest(t)
	b, err := m.Canonical()
	require.NoError(t, err)
	// Keys sorted at every depth, no whitespace.
	require.True(t, strings.HasPrefix(string(b), `{"abi_version":1,"aggregation":"argmax","argv":["aivm-kernel","0x`), string(b))
	require.Contains(t, string(b), `"build":{"cgo_enabled":"0","env":[`)
	require.Contains(t, string(b), `"model":{"name":"fashion-mnist","nodes":5,"root":"0x`)
	require.Contains(t, string(b), `"-ldflags=-buildid="`, "no HTML escaping of '='")
	back, err := kernel.ParseManifest(b)
	require.NoError(t, err)
	require.Equal(t, m, back)

	for name, edit := range map[string]func(*kernel.Manifest){
		"upper-case hash":   func(m *kernel.Manifest) { m.ELFHash = strings.ToUpper(m.ELFHash) },
		"short hash":        func(m *kernel.Manifest) { m.PrestateHash = "0x12" },
		"unsorted sources":  func(m *kernel.Manifest) { m.Sources[0], m.Sources[1] = m.Sources[1], m.Sources[0] },
		"dot-dot path":      func(m *kernel.Manifest) { m.Sources[0].Path = "../x" },
		"non-ascii":         func(m *kernel.Manifest) { m.Model.Name = "fashion-\u00e9" },
		"control character": func(m *kernel.Manifest) { m.Build.Flags[0] = "-a\n" },
		"unknown rule":      func(m *kernel.Manifest) { m.Aggregation = "softmax" },
		"zero nodes":        func(m *kernel.Manifest) { m.Model.Nodes = 0 },
		"empty sources":     func(m *kernel.Manifest) { m.Sources = nil },
	} {
		c := sampleManifest(t)
		edit(c)
		_, err := c.Canonical()
		require.ErrorIs(t, err, kernel.ErrManifest, name)
	}
	_, err = kernel.ParseManifest(append(bytes.Clone(b), '\n'))
	require.ErrorContains(t, err, "canonical")
	_, err = kernel.ParseManifest(append(bytes.Clone(b), b...))
	require.ErrorIs(t, err, kernel.ErrManifest)
	_, err = kernel.ParseManifest([]byte("{"))
	require.ErrorIs(t, err, kernel.ErrManifest)
}

// sampleManifest is a well-formed manifest that needs no build.
func sampleManifest(t *testing.T) *kernel.Manifest {
	t.Helper()
	h := func(s string) string { return "0x" + hexOf(mips.Keccak256([]byte(s))) }
	srcs := []kernel.SourceFile{{Path: "go.mod", Hash: h("a")}, {Path: "go.sum", Hash: h("b")}}
	sh, err := kernel.SourceHashOf(srcs)
	require.NoError(t, err)
	root := h("root")
	return &kernel.Manifest{
		Version: kernel.ManifestVersion, ABIVersion: kernel.ABIVersion,
		Build:   kernel.PinnedConfig("go1.26.8"),
		Sources: srcs, SourceHash: "0x" + hexOf(sh),
		ELFHash: h("elf"), ELFSize: 100, PrestateHash: h("pre"),
		Argv:        []string{kernel.GuestArgv0, root},
		Model:       kernel.ModelInfo{Name: "fashion-mnist", Root: root, Nodes: 5},
		Aggregation: kernel.AggArgmax,
	}
}

func copyDir(t *testing.T, dir string) string {
	t.Helper()
	d := t.TempDir()
	for _, f := range []string{kernel.ELFFile, kernel.PrestateFile, kernel.ManifestFile} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(d, f), b, 0o644))
	}
	return d
}

func editManifest(t *testing.T, dir string, edit func(*kernel.Manifest)) {
	t.Helper()
	m, _, err := kernel.ReadDir(dir)
	require.NoError(t, err)
	edit(m)
	b, err := m.Canonical()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, kernel.ManifestFile), b, 0o644))
}

func runtimeGoVersion(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}

func hexOf(h [32]byte) string { return hex.EncodeToString(h[:]) }
