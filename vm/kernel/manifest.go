package kernel

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aivm-dev/aivm/mips"
)

// ManifestVersion is the version of the manifest format (docs/kernel.md).
// Bump it whenever a field is added, removed or changes meaning.
const ManifestVersion = 1

// ABIVersion is the version of the guest ABI the manifest's kernel speaks:
// argv layout, the local-data keys the guest reads through the preimage
// oracle and the meaning of its exit codes (docs/kernel.md, "ABI"). A node
// must refuse to play a dispute with a kernel whose ABI it does not speak.
const ABIVersion = 1

// Manifest file names inside a kernel directory.
const (
	ManifestFile = "manifest.json"
	ELFFile      = "kernel.elf"
	PrestateFile = "prestate.bin"
)

// Aggregation rules: how the posted output is derived from the final graph
// state S_n (docs/kernel.md, "Aggregation").
const (
	// AggArgmax: the posted output is graph output 0, an i32 [1] written by an
	// argmax node (a class index, a greedy token).
	AggArgmax = "argmax"
	// AggLogits: the posted output is graph output 1, the i32 [n] logits
	// vector (output 0 is its argmax).
	AggLogits = "logits"
	// AggOutputs: the posted output is the commitment to all graph outputs
	// in order (graph.OutputCommit), the generic rule for any model.
	AggOutputs = "outputs"
)

// Manifest is the kernel configuration file: everything needed to rebuild the
// kernel program bit for bit and to check that it is bound to one model.
// Its canonical JSON encoding (Canonical) is hashed into the manifest hash
// that is registered on chain.
//
// WHY strings for hashes and flags: the encoding must be byte-exact across
// implementations (Go, Solidity tooling, scripts), so every value is either a
// printable-ASCII string or a small non-negative integer.
type Manifest struct {
	// Version is ManifestVersion.
	Version int `json:"version"`
	// ABIVersion is the guest ABI (ABIVersion).
	ABIVersion int `json:"abi_version"`
	// Build pins the toolchain and how it was invoked.
	Build BuildConfig `json:"build"`
	// Sources lists every module file that goes into the build with its
	// keccak, sorted by path; SourceHash commits to the list.
	Sources []SourceFile `json:"sources"`
	// SourceHash = keccak over Sources (see SourceHashOf).
	SourceHash string `json:"source_hash"`
	// ELFHash = keccak(kernel.elf); ELFSize is its length in bytes.
	ELFHash string `json:"elf_hash"`
	ELFSize int    `json:"elf_size"`
	// Argv is the guest's argv: ["aivm-kernel", model root]; env is empty.
	Argv []string `json:"argv"`
	// PrestateHash is mips.State.Hash() of vm.LoadELF(elf, Argv, nil): the
	// absolute pre-state every VM dispute over this kernel starts from.
	PrestateHash string `json:"prestate_hash"`
	// Model binds the kernel to one model.
	Model ModelInfo `json:"model"`
	// Aggregation names how the posted output is derived from S_n.
	Aggregation string `json:"aggregation"`
}

// BuildConfig is the pinned build: toolchain, target and the exact command.
type BuildConfig struct {
	// Toolchain is the GOVERSION of the go command that built the ELF
	// (e.g. go1.26.8). The compiler's output depends on it.
	Toolchain  string `json:"toolchain"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	GOMIPS     string `json:"gomips"`
	CGOEnabled string `json:"cgo_enabled"`
	// Flags are the go build flags, in order (before -o and the package).
	Flags []string `json:"flags"`
	// Env is every environment variable the build pins, sorted KEY=VALUE.
	Env []string `json:"env"`
	// Package is the guest package path relative to the module root.
	Package string `json:"package"`
	// Module is the main module path.
	Module string `json:"module"`
}

// SourceFile is one module file in the build: module-relative slash path and
// keccak of its content.
type SourceFile struct {
	Path string `json:"path"`
	Hash string `json:"hash"`
}

// ModelInfo identifies the model the kernel judges.
type ModelInfo struct {
	// Name is the built-in model name, or the graph name for a model file.
	Name string `json:"name"`
	// Root is the model root (graph.Model.Root), also argv[1].
	Root string `json:"root"`
	// Nodes is the number of graph nodes n (phase G dissects [0, n]).
	Nodes int `json:"nodes"`
}

// ErrManifest wraps every malformed-manifest rejection.
var ErrManifest = errors.New("kernel: bad manifest")

// MismatchError reports one manifest field that disagrees with what was
// rebuilt or re-hashed. Verify returns them (joined) so callers can test
// which field failed with errors.As.
type MismatchError struct {
	Field    string // manifest field, e.g. "elf_hash", "build.toolchain"
	Manifest string // value in the manifest
	Actual   string // value the check computed
	Hint     string // optional: what to do about it
}

func (e *MismatchError) Error() string {
	s := fmt.Sprintf("kernel manifest: %s mismatch: manifest has %s, got %s", e.Field, e.Manifest, e.Actual)
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// hashHex renders a 32-byte hash as 0x-prefixed lowercase hex.
func hashHex(h [32]byte) string { return "0x" + hex.EncodeToString(h[:]) }

// Canonical returns the canonical encoding: JSON with keys sorted
// (bytewise), no insignificant whitespace, no HTML escaping. For the value
// set Validate allows (printable ASCII strings, integers in [0, 2^53)) this
// is exactly RFC 8785 (JCS), so other implementations can reproduce it.
func (m *Manifest) Canonical() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("kernel: encode manifest: %w", err)
	}
	// WHY round-trip through a generic value: encoding/json writes struct
	// fields in declaration order but sorts map keys, so decoding into maps
	// and re-encoding sorts every object at every depth.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("kernel: canonicalize manifest: %w", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("kernel: canonicalize manifest: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Hash returns the manifest hash: keccak256 of the canonical encoding. It is
// what the registry stores for the kernel.
func (m *Manifest) Hash() ([32]byte, error) {
	b, err := m.Canonical()
	if err != nil {
		return [32]byte{}, err
	}
	return mips.Keccak256(b), nil
}

// HashHex is Hash as 0x-hex.
func (m *Manifest) HashHex() (string, error) {
	h, err := m.Hash()
	if err != nil {
		return "", err
	}
	return hashHex(h), nil
}

// ParseManifest decodes a manifest file. It is strict: unknown fields,
// trailing data, an unsupported version, malformed values and a
// non-canonical encoding are all rejected, so two files that parse to the
// same manifest are the same bytes and have the same hash.
func ParseManifest(b []byte) (*Manifest, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrManifest, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", ErrManifest)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	c, err := m.Canonical()
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(c, b) {
		return nil, fmt.Errorf("%w: not in canonical encoding (sorted keys, no whitespace, no trailing newline); its hash would be ambiguous", ErrManifest)
	}
	return &m, nil
}

// Validate checks the manifest's shape: version, every hash is 0x + 64
// lowercase hex digits, strings are printable ASCII, counts are sane, the
// source list is sorted and unique and argv[1] is the model root.
func (m *Manifest) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrManifest, fmt.Sprintf(format, args...))
	}
	if m.Version != ManifestVersion {
		return bad("version %d not supported (this build reads version %d)", m.Version, ManifestVersion)
	}
	if m.ABIVersion != ABIVersion {
		return bad("abi_version %d not supported (this build speaks ABI %d)", m.ABIVersion, ABIVersion)
	}
	for _, f := range []struct{ name, v string }{
		{"source_hash", m.SourceHash}, {"elf_hash", m.ELFHash},
		{"prestate_hash", m.PrestateHash}, {"model.root", m.Model.Root},
	} {
		if _, err := parseHash(f.v); err != nil {
			return bad("%s: %v", f.name, err)
		}
	}
	if m.ELFSize <= 0 || m.ELFSize > 1<<30 {
		return bad("elf_size %d outside (0, 1 GiB]", m.ELFSize)
	}
	if m.Model.Nodes <= 0 || m.Model.Nodes > 1<<30 {
		return bad("model.nodes %d outside (0, 2^30]", m.Model.Nodes)
	}
	switch m.Aggregation {
	case AggArgmax, AggLogits, AggOutputs:
	default:
		return bad("aggregation %q is not one of %s, %s, %s", m.Aggregation, AggArgmax, AggLogits, AggOutputs)
	}
	if len(m.Argv) != 2 || m.Argv[0] != GuestArgv0 || m.Argv[1] != m.Model.Root {
		return bad("argv %q must be [%q, model.root]", m.Argv, GuestArgv0)
	}
	if len(m.Sources) == 0 {
		return bad("sources is empty")
	}
	for i, s := range m.Sources {
		if _, err := parseHash(s.Hash); err != nil {
			return bad("sources[%d] (%s): %v", i, s.Path, err)
		}
		if s.Path == "" || strings.HasPrefix(s.Path, "/") || strings.Contains(s.Path, "\\") || strings.Contains(s.Path, "..") {
			return bad("sources[%d]: path %q is not a clean module-relative slash path", i, s.Path)
		}
		if i > 0 && m.Sources[i-1].Path >= s.Path {
			return bad("sources are not sorted and unique at %q", s.Path)
		}
	}
	if sh, err := SourceHashOf(m.Sources); err != nil || hashHex(sh) != m.SourceHash {
		return bad("source_hash %s does not commit to the sources list (keccak of the list is %s)", m.SourceHash, hashHex(sh))
	}
	strs := []string{m.Build.Toolchain, m.Build.GOOS, m.Build.GOARCH, m.Build.GOMIPS, m.Build.CGOEnabled, m.Build.Package, m.Build.Module, m.Model.Name}
	strs = append(strs, m.Build.Flags...)
	strs = append(strs, m.Build.Env...)
	strs = append(strs, m.Argv...)
	for _, s := range m.Sources {
		strs = append(strs, s.Path)
	}
	for _, s := range strs {
		for i := 0; i < len(s); i++ {
			// WHY printable ASCII only: JSON string escaping differs between
			// encoders for control and non-ASCII characters; ASCII keeps the
			// canonical form unique.
			if s[i] < 0x20 || s[i] > 0x7e {
				return bad("string %q holds a non-printable or non-ASCII byte %#x", s, s[i])
			}
		}
	}
	if m.Build.Toolchain == "" || m.Build.Package == "" || m.Build.Module == "" || m.Model.Name == "" {
		return bad("build.toolchain, build.package, build.module and model.name must be set")
	}
	return nil
}

// parseHash reads a 0x-prefixed 64-digit lowercase hex hash.
func parseHash(s string) ([32]byte, error) {
	var h [32]byte
	if len(s) != 66 || s[:2] != "0x" || strings.ToLower(s) != s {
		return h, fmt.Errorf("%q is not 0x + 64 lowercase hex digits", s)
	}
	if _, err := hex.Decode(h[:], []byte(s[2:])); err != nil {
		return h, fmt.Errorf("%q: %w", s, err)
	}
	return h, nil
}

// SourceHashOf commits to a sorted source list:
//
//	keccak( for each file in path order: u32be(len(path)) || path || keccak(content) )
//
// WHY length-prefixed: no path can be confused with the end of another.
func SourceHashOf(files []SourceFile) ([32]byte, error) {
	var buf []byte
	for i, f := range files {
		if i > 0 && files[i-1].Path >= f.Path {
			return [32]byte{}, fmt.Errorf("kernel: source list not sorted and unique at %q", f.Path)
		}
		h, err := parseHash(f.Hash)
		if err != nil {
			return [32]byte{}, fmt.Errorf("kernel: source %s: %w", f.Path, err)
		}
		buf = append(buf, byte(len(f.Path)>>24), byte(len(f.Path)>>16), byte(len(f.Path)>>8), byte(len(f.Path)))
		buf = append(buf, f.Path...)
		buf = append(buf, h[:]...)
	}
	return mips.Keccak256(buf), nil
}
