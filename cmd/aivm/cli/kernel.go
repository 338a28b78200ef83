package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// KernelCmd is the `aivm kernel` group: reproducible builds of the AIVM
// kernel (the VM guest bound to one model) and checks of kernel directories.
var KernelCmd = &cobra.Command{
	Use:   "kernel",
	Short: "Build, verify and inspect AIVM kernels (reproducible guest ELF + manifest bound to a model)",
	Long: `A kernel directory holds kernel.elf (the MIPS guest that re-executes one graph
node), prestate.bin (the 164-byte absolute pre-state) and manifest.json (the
canonical configuration file whose keccak is the manifest hash registered on
chain). See docs/kernel.md.`,
}

func init() {
	Root.AddCommand(KernelCmd)
	KernelCmd.AddCommand(kernelBuildCmd(), kernelVerifyCmd(), kernelInspectCmd())
}

// kernelSummary is the --json line of build and verify.
type kernelSummary struct {
	Dir          string `json:"dir"`
	Model        string `json:"model"`
	ModelRoot    string `json:"model_root"`
	ELFHash      string `json:"elf_hash"`
	ELFSize      int    `json:"elf_size"`
	PrestateHash string `json:"prestate_hash"`
	ManifestHash string `json:"manifest_hash"`
	SourceHash   string `json:"source_hash"`
	Toolchain    string `json:"toolchain"`
	Aggregation  string `json:"aggregation"`
	// The registration's graph interface and the kernel id `aivm kernel
	// register` registers, when the model is at hand (built in, or --model).
	NumInputs   uint16       `json:"num_inputs,omitempty"`
	OutputSlots []uint32     `json:"output_slots,omitempty"`
	KernelID    *common.Hash `json:"kernel_id,omitempty"`
}

// summarize describes a kernel manifest. model names the kernel's model
// (a built-in name or a model file; "": its root among the built-in
// models); when it resolves, the summary carries the registration's input
// count, output slots and kernel id, computed as 'aivm kernel register'
// does (registry.FromManifest).
func summarize(dir string, m *kernel.Manifest, model string) (*kernelSummary, error) {
	mh, err := m.HashHex()
	if err != nil {
		return nil, err
	}
	s := &kernelSummary{
		Dir: dir, Model: m.Model.Name, ModelRoot: m.Model.Root, ELFHash: m.ELFHash, ELFSize: m.ELFSize,
		PrestateHash: m.PrestateHash, ManifestHash: mh, SourceHash: m.SourceHash,
		Toolchain: m.Build.Toolchain, Aggregation: m.Aggregation,
	}
	if model == "" {
		model = m.Model.Root
	}
	// Without a model, or with one that is not the manifest's (verify
	// reports that), the registration fields are left out.
	if gm, _, err := zoo.Resolve(model); err == nil {
		if rk, err := registry.FromManifest(m, gm, ""); err == nil {
			if id, err := rk.ID(); err == nil {
				s.NumInputs, s.OutputSlots, s.KernelID = rk.NumInputs, rk.OutputSlots, &id
			}
		}
	}
	return s, nil
}

func printSummary(w io.Writer, s *kernelSummary) {
	fmt.Fprintf(w, "kernel      %s\n", s.Dir)
	fmt.Fprintf(w, "model       %s (root %s)\n", s.Model, s.ModelRoot)
	fmt.Fprintf(w, "aggregation %s\n", s.Aggregation)
	fmt.Fprintf(w, "toolchain   %s\n", s.Toolchain)
	fmt.Fprintf(w, "source      %s\n", s.SourceHash)
	fmt.Fprintf(w, "elf         %s (%d bytes)\n", s.ELFHash, s.ELFSize)
	fmt.Fprintf(w, "prestate    %s\n", s.PrestateHash)
	fmt.Fprintf(w, "manifest    %s\n", s.ManifestHash)
	if s.KernelID != nil {
		fmt.Fprintf(w, "interface   %d input(s), output slots %v\n", s.NumInputs, s.OutputSlots)
		fmt.Fprintf(w, "kernel id   %s\n", s.KernelID)
	}
}

func kernelBuildCmd() *cobra.Command {
	var opts kernel.BuildOptions
	var asJSON bool
	c := &cobra.Command{
		Use:   "build MODEL --out DIR [--json]",
		Short: "Build the kernel for MODEL (built-in name, 0x model root or model file) reproducibly into DIR",
		Long: `Build cross-compiles the kernel guest with the pinned flags and environment
(GOOS=linux GOARCH=mips GOMIPS=softfloat CGO_ENABLED=0, -trimpath
-buildvcs=false -ldflags=-buildid= -mod=readonly, GOENV=off ...), computes the
source hash, ELF hash and absolute pre-state for argv ["aivm-kernel", model
root], and writes kernel.elf, prestate.bin and manifest.json into DIR. The
manifest pins the go command's version; anyone with that toolchain and the
same sources gets the same bytes. With --json the last stdout line is one
JSON object (elf_hash, prestate_hash, model_root, manifest_hash, source_hash,
toolchain, ...).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Model = args[0]
			m, err := kernel.Build(cmd.Context(), opts)
			if err != nil {
				return err
			}
			s, err := summarize(opts.OutDir, m, opts.Model)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), s)
			}
			printSummary(cmd.OutOrStdout(), s)
			return nil
		},
	}
	c.Flags().StringVar(&opts.OutDir, "out", "", "output directory (created if missing)")
	addKernelFlags(c, &opts.RepoRoot, &opts.Go, &asJSON)
	_ = c.MarkFlagRequired("out")
	return c
}

func kernelVerifyCmd() *cobra.Command {
	var opts kernel.VerifyOptions
	var asJSON bool
	c := &cobra.Command{
		Use:   "verify DIR [--json]",
		Short: "Rebuild the kernel in DIR from source and check every manifest field",
		Long: `Verify parses DIR/manifest.json strictly (canonical encoding), checks that
its build configuration is the one this aivm pins, that kernel.elf and
prestate.bin match it, that the model resolves to the same root, size and
aggregation rule, and rebuilds the guest from --repo with the go command:
sources, ELF and pre-state must be identical. If the go command is not the
pinned toolchain it says so and does not rebuild. Every mismatch names the
field and both values. When the model is at hand it also prints what
'aivm kernel register' records (input count, output slots) and the kernel id
it registers, to check an on-chain registration against. With --json the
last stdout line is one JSON object with "ok" and, on failure, "error" and
"mismatches".`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			verr := kernel.VerifyWith(cmd.Context(), dir, opts)
			if !asJSON {
				if verr != nil {
					return verr
				}
				m, _, err := kernel.ReadDir(dir)
				if err != nil {
					return err
				}
				s, err := summarize(dir, m, opts.Model)
				if err != nil {
					return err
				}
				printSummary(cmd.OutOrStdout(), s)
				fmt.Fprintln(cmd.OutOrStdout(), "verified: rebuilt from source, every field matches")
				return nil
			}
			type mismatch struct {
				Field    string `json:"field"`
				Manifest string `json:"manifest"`
				Actual   string `json:"actual"`
			}
			out := struct {
				OK bool `json:"ok"`
				*kernelSummary
				Error      string     `json:"error,omitempty"`
				Mismatches []mismatch `json:"mismatches,omitempty"`
			}{OK: verr == nil}
			if m, _, err := kernel.ReadDir(dir); err == nil {
				out.kernelSummary, _ = summarize(dir, m, opts.Model)
			}
			if verr != nil {
				out.Error = verr.Error()
				for _, e := range flatten(verr) {
					var me *kernel.MismatchError
					if errors.As(e, &me) {
						out.Mismatches = append(out.Mismatches, mismatch{me.Field, me.Manifest, me.Actual})
					}
				}
			}
			if err := printJSON(cmd.OutOrStdout(), out); err != nil {
				return err
			}
			if verr != nil {
				return ExitCode(1)
			}
			return nil
		},
	}
	c.Flags().StringVar(&opts.Model, "model", "", "model file, for kernels of models that are not built in")
	addKernelFlags(c, &opts.RepoRoot, &opts.Go, &asJSON)
	return c
}

// addKernelFlags registers the flags build and verify share.
func addKernelFlags(c *cobra.Command, repo, goBin *string, asJSON *bool) {
	f := c.Flags()
	f.StringVar(repo, "repo", "", "module root to build from (default: found above the working directory)")
	f.StringVar(goBin, "go", "", "go command to build with (default: go on PATH); its GOVERSION is the manifest's toolchain pin")
	f.BoolVar(asJSON, "json", false, "print one JSON object as the last stdout line")
}

// flatten lists the leaves of a joined error.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func kernelInspectCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "inspect DIR [--json]",
		Short: "Print the manifest of the kernel in DIR (no rebuild)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, raw, err := kernel.ReadDir(args[0])
			if err != nil {
				return err
			}
			s, err := summarize(args[0], m, "")
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if asJSON {
				out := struct {
					ManifestHash string           `json:"manifest_hash"`
					Manifest     *kernel.Manifest `json:"manifest"`
				}{s.ManifestHash, m}
				return printJSON(w, out)
			}
			printSummary(w, s)
			fmt.Fprintf(w, "nodes       %d\n", m.Model.Nodes)
			fmt.Fprintf(w, "argv        %s\n", strings.Join(m.Argv, " "))
			fmt.Fprintf(w, "abi         %d (manifest version %d)\n", m.ABIVersion, m.Version)
			fmt.Fprintf(w, "build       GOOS=%s GOARCH=%s GOMIPS=%s CGO_ENABLED=%s go build %s %s\n",
				m.Build.GOOS, m.Build.GOARCH, m.Build.GOMIPS, m.Build.CGOEnabled, strings.Join(m.Build.Flags, " "), m.Build.Package)
			fmt.Fprintf(w, "env         %s\n", strings.Join(m.Build.Env, " "))
			fmt.Fprintf(w, "sources     %d files (%d bytes of manifest)\n", len(m.Sources), len(raw))
			for _, f := range m.Sources {
				fmt.Fprintf(w, "  %s  %s\n", f.Hash, f.Path)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the manifest and its hash as one JSON line")
	return c
}
