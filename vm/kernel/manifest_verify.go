package kernel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/zoo"
)

// VerifyOptions configure VerifyWith.
type VerifyOptions struct {
	// RepoRoot is the source tree to rebuild from; empty: found by walking
	// up from the working directory.
	RepoRoot string
	// Go is the go command; empty: "go" on PATH.
	Go string
	// Model overrides how the model is found: empty resolves the manifest's
	// model root among the built-in models; a model file path is needed for
	// kernels of models that are not built in.
	Model string
	// Logger receives progress; nil: slog.Default().
	Logger *slog.Logger
}

// Verify checks a kernel directory against its manifest with default
// options (VerifyWith).
func Verify(ctx context.Context, dir string) error {
	return VerifyWith(ctx, dir, VerifyOptions{})
}

// ReadDir reads and strictly parses dir/manifest.json.
func ReadDir(dir string) (*Manifest, []byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, nil, fmt.Errorf("kernel: %w", err)
	}
	m, err := ParseManifest(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestFile), err)
	}
	return m, b, nil
}

// VerifyWith checks a kernel directory: the manifest is well formed and
// canonical; its build configuration is the one this code pins; kernel.elf
// and prestate.bin match it; the model resolves to the same root, size and
// aggregation rule; and a rebuild from RepoRoot with the pinned toolchain
// gives the same sources, ELF and pre-state. Every disagreement is a
// *MismatchError naming the field and both values; all of them are returned
// together (errors.Join).
//
// If the go command is not the pinned toolchain, the rebuild is skipped and
// the toolchain mismatch is reported: another compiler version generates
// different code, so a rebuild could only fail, and a silent download of a
// toolchain is not this tool's call.
func VerifyWith(ctx context.Context, dir string, opts VerifyOptions) error {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	start := time.Now()
	m, _, err := ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	mismatch := func(field, manifest, actual, hint string) {
		if manifest != actual {
			errs = append(errs, &MismatchError{Field: field, Manifest: manifest, Actual: actual, Hint: hint})
		}
	}

	// 1. The build configuration must be exactly what this code pins (the
	// manifest's flags are never executed: a manifest must not be able to
	// smuggle -toolexec or an env variable into a build).
	pin := PinnedConfig(m.Build.Toolchain)
	const cfgHint = "this aivm pins a different build configuration; use the aivm version that built the kernel"
	mismatch("build.goos", m.Build.GOOS, pin.GOOS, cfgHint)
	mismatch("build.goarch", m.Build.GOARCH, pin.GOARCH, cfgHint)
	mismatch("build.gomips", m.Build.GOMIPS, pin.GOMIPS, cfgHint)
	mismatch("build.cgo_enabled", m.Build.CGOEnabled, pin.CGOEnabled, cfgHint)
	mismatch("build.flags", strings.Join(m.Build.Flags, " "), strings.Join(pin.Flags, " "), cfgHint)
	mismatch("build.env", strings.Join(m.Build.Env, " "), strings.Join(pin.Env, " "), cfgHint)
	mismatch("build.package", m.Build.Package, pin.Package, cfgHint)
	mismatch("build.module", m.Build.Module, pin.Module, cfgHint)

	// 2. The files in the directory.
	elf, err := os.ReadFile(filepath.Join(dir, ELFFile))
	if err != nil {
		return errors.Join(append(errs, fmt.Errorf("kernel: %w", err))...)
	}
	mismatch("elf_hash", m.ELFHash, hashHex(mips.Keccak256(elf)), "kernel.elf in "+dir+" is not the manifest's ELF")
	mismatch("elf_size", strconv.Itoa(m.ELFSize), strconv.Itoa(len(elf)), "")
	if st, err := Prestate(elf, m.Model.Root); err != nil {
		errs = append(errs, err)
	} else {
		mismatch("prestate_hash", m.PrestateHash, hashHex(st.Hash()), "the pre-state of kernel.elf")
		pre := st.EncodeGlobal()
		if file, err := os.ReadFile(filepath.Join(dir, PrestateFile)); err != nil {
			errs = append(errs, fmt.Errorf("kernel: %w", err))
		} else if !bytes.Equal(file, pre[:]) {
			errs = append(errs, &MismatchError{Field: "prestate.bin", Manifest: describeState(file), Actual: hashHex(st.Hash()),
				Hint: fmt.Sprintf("prestate.bin is not the %d-byte encoding of kernel.elf's pre-state", mips.StateSize)})
		}
	}

	// 3. The model.
	model, err := resolveManifestModel(m, opts.Model)
	if err != nil {
		errs = append(errs, fmt.Errorf("kernel: model %s (%s): %w", m.Model.Name, m.Model.Root, err))
	} else {
		mismatch("model.root", m.Model.Root, model.info.Root, "")
		mismatch("model.name", m.Model.Name, model.info.Name, "")
		mismatch("model.nodes", strconv.Itoa(m.Model.Nodes), strconv.Itoa(model.info.Nodes), "")
		mismatch("aggregation", m.Aggregation, model.agg, "")
	}

	// 4. The rebuild.
	root := opts.RepoRoot
	if root == "" {
		if root, err = ModuleRoot(); err != nil {
			return errors.Join(append(errs, fmt.Errorf("%w (or pass the repository root)", err))...)
		}
	}
	tc, err := newToolchain(ctx, opts.Go, root)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	ver, err := tc.version(ctx)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	if ver != m.Build.Toolchain {
		errs = append(errs, &MismatchError{Field: "build.toolchain", Manifest: m.Build.Toolchain, Actual: ver + " (" + tc.goBin + ")",
			Hint: "the compiler version changes the generated code; install " + m.Build.Toolchain + " and pass its go command (--go); rebuild skipped"})
		return errors.Join(errs...)
	}
	tmp, err := os.MkdirTemp("", "aivm-kernel-verify")
	if err != nil {
		return errors.Join(append(errs, fmt.Errorf("kernel: %w", err))...)
	}
	defer os.RemoveAll(tmp)
	log.Info("kernel: verify: rebuilding", "dir", dir, "root", root, "toolchain", ver)
	b, err := buildGuest(ctx, tc, filepath.Join(tmp, ELFFile), log)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	sh, err := SourceHashOf(b.sources)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	if hashHex(sh) != m.SourceHash {
		errs = append(errs, &MismatchError{Field: "source_hash", Manifest: m.SourceHash, Actual: hashHex(sh),
			Hint: "files differ (+ only in " + root + ", - only in the manifest, ~ changed): " + strings.Join(diffSources(m.Sources, b.sources), ", ")})
	}
	mismatch("elf_hash (rebuilt)", m.ELFHash, hashHex(mips.Keccak256(b.elf)), "a build from "+root+" gives another ELF")
	if st, err := Prestate(b.elf, m.Model.Root); err != nil {
		errs = append(errs, err)
	} else {
		mismatch("prestate_hash (rebuilt)", m.PrestateHash, hashHex(st.Hash()), "")
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	log.Info("kernel: verified", "dir", dir, "elapsed", time.Since(start).Round(time.Millisecond))
	return nil
}

// resolveManifestModel finds the model a manifest names: the explicit
// override, else the built-in model with the manifest's root, else the
// built-in model with the manifest's name (so a tampered root is reported as
// a root mismatch rather than as an unknown model).
func resolveManifestModel(m *Manifest, override string) (*resolvedModel, error) {
	if override != "" {
		return resolveModel(override)
	}
	model, err := resolveModel(m.Model.Root)
	if err == nil {
		return model, nil
	}
	if _, ok := zoo.Lookup(m.Model.Name); ok {
		return resolveModel(m.Model.Name)
	}
	return nil, fmt.Errorf("%w; for a model that is not built in, pass its model file", err)
}

// describeState renders a prestate.bin for an error message.
func describeState(b []byte) string {
	if d, err := mips.DecodeStateData(b); err == nil {
		return "a state with hash " + hashHex(d.Hash())
	}
	return fmt.Sprintf("%d bytes that are not a state encoding", len(b))
}

// FieldsOf lists the Field of every *MismatchError in err (joined or not),
// for callers and tests that want to know what failed.
func FieldsOf(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if me, ok := e.(*MismatchError); ok {
			out = append(out, me.Field)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		walk(errors.Unwrap(e))
	}
	walk(err)
	slices.Sort(out)
	return slices.Compact(out)
}
