package kernel

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm"
)

// The fixed interface between the kernel build and the guest program
// (docs/kernel.md): where the guest lives, its argv[0], and the module.
const (
	// GuestPackage is the guest's package path relative to the module root.
	GuestPackage = "./vm/kernel/guest"
	// GuestArgv0 is the guest's argv[0]; argv[1] is the 0x-hex model root.
	GuestArgv0 = "aivm-kernel"
	// ModulePath is the main module the guest is built from.
	ModulePath = moduleName
)

// PinnedFlags are the go build flags of every kernel build, in order: the
// guest interface's GuestBuildFlags plus -mod=readonly.
//
// WHY each: -trimpath drops the checkout and module-cache paths from the
// binary (file names in pclntab), so the ELF does not depend on where the
// repo is; -buildvcs=false keeps the git revision and dirty bit out of the
// embedded build info (the source hash pins the sources instead);
// -ldflags=-buildid= empties the build ID, which hashes action IDs that
// include the toolchain's own file paths; -mod=readonly ignores a vendor
// directory and refuses to rewrite go.mod, so the dependency set is exactly
// go.mod + go.sum.
var PinnedFlags = append(slices.Clone(GuestBuildFlags), "-mod=readonly")

// PinnedEnv is every environment variable a kernel build sets, sorted: the
// guest interface's GuestBuildEnv plus the variables below. All other GO*
// and CGO_* variables of the caller are removed.
//
// WHY GOENV=off: the user's go env file (go env -w) could add GOFLAGS or
// GOEXPERIMENT, and an empty variable does not override it. GOTOOLCHAIN=local
// forbids the go command from switching to another toolchain behind our
// back (the manifest pins the one that ran). GOWORK=off ignores a go.work in
// a parent directory, which would change the dependency set. GOFIPS140=off
// and GOEXPERIMENT= pin the crypto module and the compiler experiments.
var PinnedEnv = func() []string {
	env := append(slices.Clone(GuestBuildEnv),
		"GO111MODULE=on", "GOENV=off", "GOEXPERIMENT=", "GOFIPS140=off", "GOFLAGS=", "GOTOOLCHAIN=local", "GOWORK=off")
	slices.Sort(env)
	return slices.Compact(env)
}()

// forwardedEnv are resolved from the caller's go environment and passed on
// with GOENV=off: they say where modules and the build cache live and how to
// fetch, never what is built, so they are not part of the manifest.
var forwardedEnv = []string{"GOPATH", "GOMODCACHE", "GOCACHE", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GONOPROXY", "GOPRIVATE", "GOINSECURE"}

// BuildOptions configure Build.
type BuildOptions struct {
	// Model is a built-in model name, a 0x model root of a built-in model,
	// or a model file path (zoo.Resolve).
	Model string
	// OutDir receives kernel.elf, prestate.bin and manifest.json; created
	// if missing.
	OutDir string
	// RepoRoot is the module root holding go.mod; empty: found by walking
	// up from the working directory.
	RepoRoot string
	// Go is the go command to build with; empty: "go" on PATH. Its
	// GOVERSION becomes the manifest's toolchain pin.
	Go string
	// Logger receives progress; nil: slog.Default().
	Logger *slog.Logger
}

// PinnedConfig returns the build configuration this code uses for a given
// toolchain version (everything in BuildConfig but the toolchain is fixed).
func PinnedConfig(toolchain string) BuildConfig {
	get := func(key string) string {
		for _, kv := range PinnedEnv {
			if k, v, _ := strings.Cut(kv, "="); k == key {
				return v
			}
		}
		return ""
	}
	return BuildConfig{
		Toolchain:  toolchain,
		GOOS:       get("GOOS"),
		GOARCH:     get("GOARCH"),
		GOMIPS:     get("GOMIPS"),
		CGOEnabled: get("CGO_ENABLED"),
		Flags:      slices.Clone(PinnedFlags),
		Env:        slices.Clone(PinnedEnv),
		Package:    GuestPackage,
		Module:     ModulePath,
	}
}

// DefaultAggregation is the aggregation rule of a model: per built-in model,
// AggOutputs for anything else.
func DefaultAggregation(modelName string) string {
	switch modelName {
	case "fashion-mnist":
		return AggArgmax
	case "tiny-llama":
		return AggLogits
	}
	return AggOutputs
}

// checkAggregation verifies the graph has the outputs the rule names.
func checkAggregation(m *graph.Model, rule string) error {
	slots, err := m.Graph.Validate()
	if err != nil {
		return fmt.Errorf("kernel: model graph: %w", err)
	}
	outSpec := func(i int) (graph.Ref, string, error) {
		if i >= len(m.Graph.Outputs) {
			return 0, "", fmt.Errorf("kernel: aggregation %q needs graph output %d, the graph has %d outputs", rule, i, len(m.Graph.Outputs))
		}
		r := m.Graph.Outputs[i]
		if r.IsWeight() {
			return r, "", fmt.Errorf("kernel: aggregation %q: graph output %d is a weight", rule, i)
		}
		s := slots[r.Index()]
		return r, fmt.Sprintf("%v %v", s.DType, s.Shape), nil
	}
	switch rule {
	case AggOutputs:
		return nil
	case AggArgmax:
		r, spec, err := outSpec(0)
		if err != nil {
			return err
		}
		k := r.Index() - len(m.Graph.Inputs) + 1 // node index of the slot
		if k < 1 || m.Graph.Nodes[k-1].Op != graph.OpArgmax {
			return fmt.Errorf("kernel: aggregation %q: graph output 0 (%s) is not written by an argmax node", rule, spec)
		}
		return nil
	case AggLogits:
		r, spec, err := outSpec(1)
		if err != nil {
			return err
		}
		if s := slots[r.Index()]; len(s.Shape) != 1 {
			return fmt.Errorf("kernel: aggregation %q: graph output 1 (%s) is not a vector", rule, spec)
		}
		return nil
	}
	return fmt.Errorf("kernel: unknown aggregation %q", rule)
}

// resolvedModel is what the manifest needs from a model.
type resolvedModel struct {
	info ModelInfo
	root [32]byte
	agg  string
}

func resolveModel(nameOrPath string) (*resolvedModel, error) {
	if nameOrPath == "" {
		return nil, errors.New("kernel: no model given")
	}
	m, entry, err := zoo.Resolve(nameOrPath)
	if err != nil {
		return nil, fmt.Errorf("kernel: %w", err)
	}
	// WHY here: Build and Verify both resolve the model through this
	// function, so neither produces nor accepts a kernel with a step that
	// could never be proven on chain or a node the guest cannot hold.
	if err := CheckPreimageSizes(m); err != nil {
		return nil, err
	}
	// A node over MaxWorkingSet would fault the guest (PANIC) on every
	// claim about it, honest or not.
	if err := CheckWorkingSets(m); err != nil {
		return nil, err
	}
	root, err := m.Root()
	if err != nil {
		return nil, fmt.Errorf("kernel: model root of %s: %w", nameOrPath, err)
	}
	name := m.Graph.Name
	if entry != nil {
		name = entry.Name
	}
	agg := DefaultAggregation(name)
	if entry == nil {
		// WHY: a model file may carry a built-in's graph name; only the
		// built-in entries themselves get their special rule.
		agg = AggOutputs
	}
	if err := checkAggregation(m, agg); err != nil {
		return nil, err
	}
	return &resolvedModel{info: ModelInfo{Name: name, Root: hashHex(root), Nodes: len(m.Graph.Nodes)}, root: root, agg: agg}, nil
}

// toolchain runs the go command in the pinned environment.
type toolchain struct {
	goBin string
	root  string
	env   []string
}

func newToolchain(ctx context.Context, goBin, root string) (*toolchain, error) {
	if goBin == "" {
		goBin = "go"
	}
	p, err := exec.LookPath(goBin)
	if err != nil {
		return nil, fmt.Errorf("kernel: go command %q: %w", goBin, err)
	}
	// Resolve the location variables with the caller's own configuration
	// (which may live in the go env file), then run everything with
	// GOENV=off and the pinned variables.
	cmd := exec.CommandContext(ctx, p, append([]string{"env", "-json"}, forwardedEnv...)...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("kernel: %s env: %w: %s", p, err, strings.TrimSpace(stderr.String()))
	}
	var loc map[string]string
	if err := json.Unmarshal(out, &loc); err != nil {
		return nil, fmt.Errorf("kernel: %s env -json: %w", p, err)
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GO") || strings.HasPrefix(k, "CGO_") {
			continue
		}
		env = append(env, kv)
	}
	for _, k := range forwardedEnv {
		if v := loc[k]; v != "" {
			env = append(env, k+"="+v)
		}
	}
	env = append(env, PinnedEnv...)
	return &toolchain{goBin: p, root: root, env: env}, nil
}

func (t *toolchain) run(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, t.goBin, args...)
	cmd.Dir = t.root
	cmd.Env = t.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("kernel: go %s (in %s): %w\n%s", strings.Join(args, " "), t.root, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// version is the toolchain's GOVERSION.
func (t *toolchain) version(ctx context.Context) (string, error) {
	out, err := t.run(ctx, "env", "GOVERSION")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// listPackage is the part of `go list -json` output Sources reads.
type listPackage struct {
	ImportPath string
	Dir        string
	Standard   bool
	Module     *struct {
		Path string
		Main bool
	}
	GoFiles, CgoFiles, SFiles, HFiles, CFiles, CXXFiles, MFiles, FFiles, SysoFiles, EmbedFiles []string
	Incomplete                                                                                 bool
	Error                                                                                      *struct{ Err string }
	DepsErrors                                                                                 []*struct{ Err string }
}

// sources lists every file of the main module that goes into the guest
// build (the files of each in-module package in the guest's dependency
// closure for linux/mips, plus go.mod and go.sum), with the keccak of each.
// The standard library is pinned by the toolchain version, other modules
// by go.sum.
func (t *toolchain) sources(ctx context.Context) ([]SourceFile, error) {
	out, err := t.run(ctx, "list", "-deps", "-mod=readonly",
		"-json=ImportPath,Dir,Standard,Module,GoFiles,CgoFiles,SFiles,HFiles,CFiles,CXXFiles,MFiles,FFiles,SysoFiles,EmbedFiles,Incomplete,Error,DepsErrors",
		GuestPackage)
	if err != nil {
		return nil, err
	}
	paths := map[string]bool{"go.mod": true}
	if _, err := os.Stat(filepath.Join(t.root, "go.sum")); err == nil {
		paths["go.sum"] = true
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("kernel: go list output: %w", err)
		}
		if p.Error != nil {
			return nil, fmt.Errorf("kernel: package %s: %s", p.ImportPath, p.Error.Err)
		}
		if p.Incomplete {
			msgs := []string{}
			for _, e := range p.DepsErrors {
				msgs = append(msgs, e.Err)
			}
			return nil, fmt.Errorf("kernel: package %s is incomplete: %s", p.ImportPath, strings.Join(msgs, "; "))
		}
		if p.Standard || p.Module == nil || !p.Module.Main {
			continue
		}
		if p.Module.Path != ModulePath {
			return nil, fmt.Errorf("kernel: main module is %s, want %s", p.Module.Path, ModulePath)
		}
		for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.SFiles, p.HFiles, p.CFiles, p.CXXFiles, p.MFiles, p.FFiles, p.SysoFiles, p.EmbedFiles} {
			for _, f := range list {
				rel, err := filepath.Rel(t.root, filepath.Join(p.Dir, f))
				if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
					return nil, fmt.Errorf("kernel: package %s file %s lies outside the module root %s", p.ImportPath, f, t.root)
				}
				paths[filepath.ToSlash(rel)] = true
			}
		}
	}
	return hashFiles(t.root, paths)
}

func hashFiles(root string, paths map[string]bool) ([]SourceFile, error) {
	files := make([]SourceFile, 0, len(paths))
	for p := range paths {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("kernel: source file: %w", err)
		}
		files = append(files, SourceFile{Path: p, Hash: hashHex(mips.Keccak256(b))})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// built is the result of one guest build.
type built struct {
	toolchain string
	sources   []SourceFile
	elf       []byte
}

// buildGuest lists and hashes the sources, builds the ELF to elfPath and
// re-lists the sources to make sure nothing changed underneath the build.
func buildGuest(ctx context.Context, tc *toolchain, elfPath string, log *slog.Logger) (*built, error) {
	ver, err := tc.version(ctx)
	if err != nil {
		return nil, err
	}
	srcs, err := tc.sources(ctx)
	if err != nil {
		return nil, err
	}
	log.Info("kernel: building guest", "toolchain", ver, "package", GuestPackage, "files", len(srcs), "root", tc.root)
	start := time.Now()
	args := append([]string{"build"}, PinnedFlags...)
	args = append(args, "-o", elfPath, GuestPackage)
	if _, err := tc.run(ctx, args...); err != nil {
		return nil, err
	}
	log.Info("kernel: guest built", "elapsed", time.Since(start).Round(time.Millisecond))
	after, err := tc.sources(ctx)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(srcs, after) {
		// WHY: a file edited during the build leaves an ELF that matches
		// neither source list; refusing is cheaper than a wrong manifest.
		return nil, fmt.Errorf("kernel: sources changed during the build (%s); build again", strings.Join(diffSources(srcs, after), ", "))
	}
	elf, err := os.ReadFile(elfPath)
	if err != nil {
		return nil, fmt.Errorf("kernel: read built ELF: %w", err)
	}
	return &built{toolchain: ver, sources: srcs, elf: elf}, nil
}

// diffSources names the paths that differ between two sorted source lists.
func diffSources(a, b []SourceFile) []string {
	am := map[string]string{}
	for _, f := range a {
		am[f.Path] = f.Hash
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range b {
		seen[f.Path] = true
		switch h, ok := am[f.Path]; {
		case !ok:
			out = append(out, "+"+f.Path)
		case h != f.Hash:
			out = append(out, "~"+f.Path)
		}
	}
	for _, f := range a {
		if !seen[f.Path] {
			out = append(out, "-"+f.Path)
		}
	}
	sort.Strings(out)
	return out
}

// Prestate loads the kernel ELF with the kernel argv for modelRoot (0x-hex)
// and returns the initial state: the absolute pre-state of every VM dispute
// over this kernel.
func Prestate(elf []byte, modelRoot string) (*mips.State, error) {
	root, err := parseHash(modelRoot)
	if err != nil {
		return nil, fmt.Errorf("kernel: model root: %w", err)
	}
	st, err := vm.LoadELF(elf, Argv(root), nil)
	if err != nil {
		return nil, fmt.Errorf("kernel: load ELF: %w", err)
	}
	return st, nil
}

// checkWritable creates dir and proves a file can be created in it, so a bad
// --out fails before a multi-second build.
func checkWritable(dir string) error {
	if dir == "" {
		return errors.New("kernel: no output directory given")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("kernel: output directory: %w", err)
	}
	f, err := os.CreateTemp(dir, ".probe*")
	if err != nil {
		return fmt.Errorf("kernel: output directory %s is not writable: %w", dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// writeAtomic writes b to path through a temporary file and a rename, so a
// reader never sees a partial file.
func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("kernel: write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("kernel: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("kernel: write %s: %w", path, err)
	}
	// WHY: CreateTemp makes 0600 files; kernel directories are published.
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("kernel: write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("kernel: write %s: %w", path, err)
	}
	return nil
}

// Build builds the kernel for opts.Model reproducibly and writes kernel.elf,
// prestate.bin (the 180-byte global encoding of the pre-state, 1.4) and
// manifest.json (canonical encoding; keccak of the file is the manifest
// hash) into opts.OutDir. manifest.json is written last, so a directory
// with a manifest is complete.
func Build(ctx context.Context, opts BuildOptions) (*Manifest, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	start := time.Now()
	model, err := resolveModel(opts.Model)
	if err != nil {
		return nil, err
	}
	if err := checkWritable(opts.OutDir); err != nil {
		return nil, err
	}
	root := opts.RepoRoot
	if root == "" {
		if root, err = ModuleRoot(); err != nil {
			return nil, fmt.Errorf("%w (or pass the repository root)", err)
		}
	}
	if root, err = filepath.Abs(root); err != nil {
		return nil, fmt.Errorf("kernel: repo root: %w", err)
	}
	if !isModuleRoot(root) {
		return nil, fmt.Errorf("kernel: %s is not the root of module %s (no go.mod declaring it)", root, ModulePath)
	}
	tc, err := newToolchain(ctx, opts.Go, root)
	if err != nil {
		return nil, err
	}
	log.Info("kernel: model", "name", model.info.Name, "root", model.info.Root, "nodes", model.info.Nodes, "aggregation", model.agg)
	elfPath := filepath.Join(opts.OutDir, ELFFile)
	tmpELF := filepath.Join(opts.OutDir, "."+ELFFile+".tmp")
	defer os.Remove(tmpELF)
	b, err := buildGuest(ctx, tc, tmpELF, log)
	if err != nil {
		return nil, err
	}
	m, st, err := assemble(b, model)
	if err != nil {
		return nil, err
	}
	enc, err := m.Canonical()
	if err != nil {
		return nil, err
	}
	if err := os.Rename(tmpELF, elfPath); err != nil {
		return nil, fmt.Errorf("kernel: %w", err)
	}
	pre := st.EncodeGlobal()
	if err := writeAtomic(filepath.Join(opts.OutDir, PrestateFile), pre[:]); err != nil {
		return nil, err
	}
	if err := writeAtomic(filepath.Join(opts.OutDir, ManifestFile), enc); err != nil {
		return nil, err
	}
	log.Info("kernel: built", "out", opts.OutDir, "elf_hash", m.ELFHash, "elf_bytes", m.ELFSize,
		"prestate_hash", m.PrestateHash, "manifest_hash", hashHex(mips.Keccak256(enc)), "elapsed", time.Since(start).Round(time.Millisecond))
	return m, nil
}

// assemble computes the manifest of a built guest for a model.
func assemble(b *built, model *resolvedModel) (*Manifest, *mips.State, error) {
	st, err := Prestate(b.elf, model.info.Root)
	if err != nil {
		return nil, nil, err
	}
	sh, err := SourceHashOf(b.sources)
	if err != nil {
		return nil, nil, err
	}
	m := &Manifest{
		Version:      ManifestVersion,
		ABIVersion:   ABIVersion,
		Build:        PinnedConfig(b.toolchain),
		Sources:      b.sources,
		SourceHash:   hashHex(sh),
		ELFHash:      hashHex(mips.Keccak256(b.elf)),
		ELFSize:      len(b.elf),
		Argv:         Argv(model.root),
		PrestateHash: hashHex(st.Hash()),
		Model:        model.info,
		Aggregation:  model.agg,
	}
	if err := m.Validate(); err != nil {
		return nil, nil, err
	}
	return m, st, nil
}
