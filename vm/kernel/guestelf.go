package kernel

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// guestPkg is the guest's package path relative to the module root
// (build.go's GuestPackage).
const guestPkg = "./vm/kernel/guest"

// GuestBuildEnv and GuestBuildFlags are the cross-compilation settings of
// the guest (the manifest pins the toolchain on top of them).
var (
	GuestBuildEnv   = []string{"GOOS=linux", "GOARCH=mips", "GOMIPS=softfloat", "CGO_ENABLED=0"}
	GuestBuildFlags = []string{"-trimpath", "-buildvcs=false", "-ldflags=-buildid="}
)

// ELFEnv names an environment variable that, when set, is the path of a
// prebuilt guest ELF that GuestELF returns instead of compiling (for hosts
// without the source tree, and for pinning a reproducible build).
const ELFEnv = "AIVM_KERNEL_ELF"

const moduleName = "github.com/aivm-dev/aivm"

var guestCache struct {
	mu  sync.Mutex
	elf []byte
}

// GuestELF returns the guest program: $AIVM_KERNEL_ELF if set, else the
// guest compiled from the module source (once per process; the go build
// cache makes later processes fast). The bytes are shared: do not modify.
func GuestELF(ctx context.Context) ([]byte, error) {
	guestCache.mu.Lock()
	defer guestCache.mu.Unlock()
	if guestCache.elf != nil {
		return guestCache.elf, nil
	}
	var elf []byte
	var err error
	if p := os.Getenv(ELFEnv); p != "" {
		elf, err = os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("kernel: guest ELF from $%s: %w", ELFEnv, err)
		}
	} else {
		root, rerr := ModuleRoot()
		if rerr != nil {
			return nil, rerr
		}
		elf, err = CompileGuest(ctx, root)
		if err != nil {
			return nil, err
		}
	}
	guestCache.elf = elf
	return elf, nil
}

// CompileGuest cross-compiles the guest in the module at root and returns
// the ELF.
func CompileGuest(ctx context.Context, root string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "aivm-kernel-*")
	if err != nil {
		return nil, fmt.Errorf("kernel: compile guest: %w", err)
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, argv0)
	args := append(append([]string{"build"}, GuestBuildFlags...), "-o", out, guestPkg)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	// GOFLAGS is cleared so a caller's -race or -cover cannot leak into
	// the guest build.
	cmd.Env = append(append(os.Environ(), GuestBuildEnv...), "GOFLAGS=")
	start := time.Now()
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("kernel: compile guest: %w\n%s", err, msg)
	}
	elf, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("kernel: compile guest: %w", err)
	}
	slog.Debug("kernel guest compiled", "bytes", len(elf), "seconds", time.Since(start).Seconds())
	return elf, nil
}

// ModuleRoot finds the source tree of this module: the first directory at
// or above the working directory, or above this source file, whose go.mod
// declares the module.
func ModuleRoot() (string, error) {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		starts = append(starts, filepath.Dir(file))
	}
	for _, dir := range starts {
		for {
			if isModuleRoot(dir) {
				return dir, nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return "", errors.New("kernel: the guest source (module " + moduleName + ") was not found above the working directory; run from the source tree or set $" + ELFEnv)
}

func isModuleRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "module" {
			return f[1] == moduleName
		}
	}
	return false
}
