// Package guests builds the MIPS guest corpus in testdata/guests and runs it
// under qemu-mips, the independent reference emulator.
//
// WHY: the deterministic VM in package mips must run stock Go programs
// (GOOS=linux GOARCH=mips GOMIPS=softfloat, no patched toolchain). Each
// guest has golden output in testdata/guests/<name>/expected.json that was
// produced under qemu-user; VM tests compare against the same files, so a
// difference between the VM and qemu is a VM bug (or a nondeterministic
// guest, which is a corpus bug).
package guests

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
)

// Expectation is the golden result of one guest run, as stored in
// testdata/guests/<name>/expected.json.
type Expectation struct {
	// Args are passed after argv[0].
	Args []string `json:"args"`
	// Env is the complete environment (the run starts from an empty one).
	Env map[string]string `json:"env,omitempty"`
	// Stdout must match exactly.
	Stdout string `json:"stdout"`
	// StderrContains must be a substring of stderr (stderr may carry
	// addresses in tracebacks, so it is not compared exactly).
	StderrContains string `json:"stderr_contains"`
	// ExitCode is the status passed to exit_group.
	ExitCode int `json:"exit_code"`
	// NeedsSignals marks guests that only pass on an emulator delivering
	// synchronous signals (nil dereference -> SIGSEGV -> runtime.sigpanic);
	// a VM without signal delivery should skip them.
	NeedsSignals bool `json:"needs_signals,omitempty"`
}

// EnvList returns Env as sorted KEY=VALUE strings (sorted so that the
// guest's envp, and therefore its memory image, is deterministic).
func (e Expectation) EnvList() []string {
	out := make([]string, 0, len(e.Env))
	for k, v := range e.Env {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// GuestsDir is the corpus location relative to the module root.
const GuestsDir = "testdata/guests"

var (
	rootOnce sync.Once
	rootDir  string
	rootErr  error
)

// ModuleRoot finds the repository root (the directory holding go.mod with
// a testdata/guests directory) by walking up from the working directory,
// so it works from any package's test.
func ModuleRoot() (string, error) {
	rootOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			rootErr = err
			return
		}
		for {
			if fileExists(filepath.Join(dir, "go.mod")) && fileExists(filepath.Join(dir, GuestsDir)) {
				rootDir = dir
				return
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				rootErr = errors.New("guests: module root with " + GuestsDir + " not found above working directory")
				return
			}
			dir = parent
		}
	})
	return rootDir, rootErr
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// List returns the guest names (directories of testdata/guests holding a
// main.go), sorted. It returns nil if the module root cannot be found.
func List() []string {
	root, err := ModuleRoot()
	if err != nil {
		return nil
	}
	matches, _ := filepath.Glob(filepath.Join(root, GuestsDir, "*", "main.go"))
	names := make([]string, 0, len(matches))
	for _, m := range matches {
		names = append(names, filepath.Base(filepath.Dir(m)))
	}
	sort.Strings(names)
	return names
}

// Expected reads testdata/guests/<name>/expected.json.
func Expected(name string) (Expectation, error) {
	var e Expectation
	root, err := ModuleRoot()
	if err != nil {
		return e, err
	}
	b, err := os.ReadFile(filepath.Join(root, GuestsDir, name, "expected.json"))
	if err != nil {
		return e, err
	}
	if err := json.Unmarshal(b, &e); err != nil {
		return e, fmt.Errorf("guests: %s/expected.json: %w", name, err)
	}
	return e, nil
}

// WriteExpected stores e as testdata/guests/<name>/expected.json (used by
// the test's -update flag to regenerate goldens from qemu).
func WriteExpected(name string, e Expectation) error {
	root, err := ModuleRoot()
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, GuestsDir, name, "expected.json"), append(b, '\n'), 0o644)
}

// buildLocks serialises concurrent Build calls for the same cache key
// while letting different guests build in parallel.
var buildLocks sync.Map // cache key -> *sync.Mutex

// Build cross-compiles ./testdata/guests/<name> for linux/mips softfloat
// and returns the path of the ELF in a content-addressed cache, so repeated
// test runs do not rebuild. The key covers the guest's source files and the
// Go toolchain version; the standard library is part of the toolchain.
func Build(name string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	srcDir := filepath.Join(root, GuestsDir, name)
	key, err := sourceKey(srcDir)
	if err != nil {
		return "", fmt.Errorf("guests: %s: %w", name, err)
	}
	cache, err := cacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, key)
	elf := filepath.Join(dir, name) // base name = guest name (the args guest prints it)
	mu, _ := buildLocks.LoadOrStore(key, new(sync.Mutex))
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	if fileExists(elf) {
		return elf, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, name+".tmp*")
	if err != nil {
		return "", err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-o", tmp.Name(), "./"+GuestsDir+"/"+name)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=mips", "GOMIPS=softfloat", "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("guests: build %s: %v\n%s", name, err, out)
	}
	// Rename is atomic, so a concurrent process never sees a partial ELF.
	if err := os.Rename(tmp.Name(), elf); err != nil {
		return "", err
	}
	return elf, nil
}

// sourceKey hashes the Go version and every regular file in the guest
// directory except expected.json (goldens do not affect the binary).
func sourceKey(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00softfloat\x00", runtime.Version())
	for _, e := range entries { // ReadDir is sorted by name
		if !e.Type().IsRegular() || e.Name() == "expected.json" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", e.Name(), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// cacheDir is $AIVM_GUEST_CACHE, else <user cache dir>/aivm-guests, else a
// directory under the system temp dir.
func cacheDir() (string, error) {
	if d := os.Getenv("AIVM_GUEST_CACHE"); d != "" {
		return d, nil
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "aivm-guests"), nil
	}
	return filepath.Join(os.TempDir(), "aivm-guests"), nil
}

// ErrNoQEMU is returned by RunQEMUEnv when qemu-mips is not on PATH. Tests
// that need qemu check for it first with testenv.RequireTool (a skip
// locally, a failure in CI).
var ErrNoQEMU = errors.New("guests: qemu-mips not installed (apt install qemu-user)")

// RunQEMUEnv runs elf under qemu-mips with the given arguments, exactly the
// environment env (KEY=VALUE strings; nothing from the host environment
// leaks into the guest) and an empty stdin, and returns its output and exit
// status. err is non-nil only if the guest could not be run to completion
// (it is nil for a non-zero exit status).
func RunQEMUEnv(ctx context.Context, elf string, args, env []string) (stdout, stderr []byte, exitCode int, err error) {
	qemu, lerr := exec.LookPath("qemu-mips")
	if lerr != nil {
		return nil, nil, -1, ErrNoQEMU
	}
	cmd := exec.CommandContext(ctx, qemu, append([]string{elf}, args...)...)
	cmd.Env = append([]string{}, env...) // non-nil: an empty slice means an empty environment
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() >= 0 {
		return o.Bytes(), e.Bytes(), exit.ExitCode(), nil
	}
	if err != nil {
		return o.Bytes(), e.Bytes(), -1, fmt.Errorf("guests: qemu-mips %s: %w", filepath.Base(elf), err)
	}
	return o.Bytes(), e.Bytes(), 0, nil
}
