package cli

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
)

func init() { VMCmd.AddCommand(vmTraceCmd()) }

// vmTraceReport is the output of `aivm vm trace` (the --json object).
type vmTraceReport struct {
	Model     string `json:"model"`
	ModelRoot string `json:"model_root"`
	Node      int    `json:"node"`
	Op        string `json:"op"`
	// The request: S_{k-1}, the claimed S_k and the honest (native) S_k.
	PrevState    string `json:"prev_state"`
	ClaimedState string `json:"claimed_state"`
	HonestState  string `json:"honest_state"`
	NativeCommit string `json:"native_commit"`
	// What the guest computed (empty unless it exited 0 or 1).
	VMCommit string `json:"vm_commit,omitempty"`
	VMState  string `json:"vm_state,omitempty"`
	// VMVerdict is valid, invalid, bad-request or panic(N); NativeVerdict
	// what the native trace says the claim deserves.
	VMVerdict     string `json:"vm_verdict"`
	NativeVerdict string `json:"native_verdict"`

	// MACs is the node's multiply-add count (graph.Executor.MACs) and
	// StepTarget the VM step budget of docs/kernel.md: 5 per MAC + 20 M.
	MACs       int64  `json:"macs"`
	StepTarget uint64 `json:"step_target"`

	Steps           uint64  `json:"steps"`
	ExitCode        uint8   `json:"exit_code"`
	FinalStateHash  string  `json:"final_state_hash"`
	OracleReadSteps uint64  `json:"oracle_read_steps"`
	OracleKeySteps  uint64  `json:"oracle_key_steps"`
	OracleShare     float64 `json:"oracle_share"`
	FetchSteps      uint64  `json:"fetch_steps"`
	FetchShare      float64 `json:"fetch_share"`
	WallSeconds     float64 `json:"wall_seconds"`
	StepsPerSecond  float64 `json:"steps_per_second"`
	SnapshotEvery   uint64  `json:"snapshot_every"`
	SnapshotBytes   uint64  `json:"snapshot_bytes"`
}

func vmTraceCmd() *cobra.Command {
	var (
		inputs        []string
		sample, node  int
		nodeArg       string
		claim, elfArg string
		flipBit       int
		snapshotEvery uint64
		maxSteps      uint64
		asJSON        bool
		prof          profileFlags
	)
	c := &cobra.Command{
		Use:   "trace MODEL (--input FILE... | --sample N) --node K|largest [--claim 0x…|--flip-bit B] [--snapshot-every N] [--json]",
		Short: "Run one graph node in the VM (the AIVM kernel guest) and report its trace",
		Long: `Trace runs MODEL natively on the input, then runs node K's kernel (the
MIPS guest of phase V, docs/protocol.md section 2) in the VM through vm.Trace:
the guest reads S_{K-1}, the claimed S_K and K as local data, fetches node K
and its inputs as keccak preimages, recomputes the node and exits 0 (the claim
is right), 1 (wrong) or 2 (invalid request).

The claim is the honest S_K unless --claim gives another state or --flip-bit B
derives the S_K of an output tensor with data bit B flipped. MODEL is a
built-in name (fashion-mnist, tiny-llama), a built-in model root, a model
file or a synthetic model directory (aivm model synth), memory-mapped. The guest is compiled from the source tree once per run unless --elf or
$AIVM_KERNEL_ELF names a prebuilt one.

The guest runs once, through vm.Trace (the pass a dispute replays, keeping
a snapshot every --snapshot-every steps). The command fails (exit 1) on a
host error (a missing or tampered preimage)
and when the VM's output commitment differs from the native one; a verdict of
1 or 2 is a result, not a failure. With --json the last stdout line is one
JSON object.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			m, _, in, _, err := resolveModelInputs(cmd, args[0], inputs, sample)
			if err != nil {
				return err
			}
			if claim != "" && cmd.Flags().Changed("flip-bit") {
				return errors.New("use either --claim or --flip-bit")
			}
			var elf []byte
			if elfArg != "" {
				if elf, err = os.ReadFile(elfArg); err != nil {
					return fmt.Errorf("--elf: %w", err)
				}
			}
			s, err := kernel.NewSession(ctx, m, in, elf)
			if err != nil {
				return err
			}
			if node, err = parseNode(nodeArg, s); err != nil {
				return err
			}
			if node < 1 || node > s.Nodes() {
				return fmt.Errorf("--node %d outside [1,%d] (model %s has %d nodes)", node, s.Nodes(), m.Graph.Name, s.Nodes())
			}
			var claimed *[32]byte
			switch {
			case claim != "":
				h, err := parseHash32(claim)
				if err != nil {
					return fmt.Errorf("--claim: %w", err)
				}
				claimed = &h
			case cmd.Flags().Changed("flip-bit"):
				st, _, err := s.FlipBit(node, flipBit)
				if err != nil {
					return err
				}
				claimed = (*[32]byte)(&st)
			}
			st, o, info, err := s.Prepare(node, claimed)
			if err != nil {
				return err
			}
			slog.Debug("vm trace: prepared", "model", m.Graph.Name, "node", node, "op", info.Op, "preimages", o.Len())

			// One traced pass: the snapshot chain a dispute replays, the
			// guest's report and the oracle accounting.
			var sp *vm.StepProfile
			var profErr error
			start := time.Now()
			tr, res, err := kernel.TraceRun(ctx, st, o, vm.TraceOptions{SnapshotEvery: snapshotEvery, MaxSteps: maxSteps}, func(m *mips.VM) {
				sp, profErr = prof.attach(s.ELF, m)
			})
			wall := time.Since(start).Seconds()
			if err == nil {
				err = cmp.Or(profErr, prof.write(sp))
			}
			if err != nil {
				return fmt.Errorf("vm trace: %w", err)
			}
			fh := tr.FinalHash()
			rep := vmTraceReport{
				Model: m.Graph.Name, ModelRoot: info.ModelRoot.Hex(), Node: node, Op: info.Op,
				PrevState: info.Prev.Hex(), ClaimedState: info.Claimed.Hex(), HonestState: info.Honest.Hex(),
				NativeCommit: info.NativeCommit.Hex(),
				VMVerdict:    kernel.Verdict(tr.ExitCode()), NativeVerdict: kernel.Verdict(uint8(info.WantExit)),
				MACs: s.Exec.MACs(node), StepTarget: kernel.StepTarget(s.Exec.MACs(node)),
				Steps: tr.Steps(), ExitCode: tr.ExitCode(), FinalStateHash: "0x" + hex.EncodeToString(fh[:]),
				OracleReadSteps: res.OracleReadSteps, OracleKeySteps: res.OracleKeySteps, OracleShare: res.OracleShare(),
				FetchSteps: res.FetchSteps, WallSeconds: wall,
				SnapshotEvery: tr.SnapshotEvery(), SnapshotBytes: tr.SnapshotBytes(),
			}
			if res.Steps > 0 {
				rep.FetchShare = float64(res.FetchSteps) / float64(res.Steps)
			}
			if wall > 0 {
				rep.StepsPerSecond = float64(tr.Steps()) / wall
			}
			var mismatch error
			if r := res.Report; r != nil {
				rep.VMCommit, rep.VMState = r.Output.Hex(), r.Expected.Hex()
				if r.Output != info.NativeCommit || r.Expected != info.Honest {
					mismatch = fmt.Errorf("vm trace: node %d: the VM computed output %s and S_%d %s, natively %s and %s",
						node, r.Output.Hex(), node, r.Expected.Hex(), info.NativeCommit.Hex(), info.Honest.Hex())
				}
			}
			if len(res.Stderr) > 0 {
				slog.Info("guest stderr", "text", strings.TrimSpace(string(res.Stderr)))
			}
			if err := writeTraceReport(cmd, rep, asJSON); err != nil {
				return err
			}
			return mismatch
		},
	}
	f := c.Flags()
	f.StringSliceVar(&inputs, "input", nil, "input tensor file(s) in the canonical encoding, in graph input order")
	f.IntVar(&sample, "sample", 0, "use item N of the model's test set")
	f.StringVar(&nodeArg, "node", "", "node K to run (1-based), or \"largest\": the node reading the most input elements")
	f.StringVar(&claim, "claim", "", "claimed S_K (0x + 64 hex digits; default: the honest S_K)")
	f.IntVar(&flipBit, "flip-bit", 0, "claim the S_K of node K's output tensor with data bit B flipped")
	f.Uint64Var(&snapshotEvery, "snapshot-every", 0, "steps between trace snapshots (0: vm.DefaultSnapshotEvery)")
	f.Uint64Var(&maxSteps, "max-steps", 0, "fail if the guest runs longer than this (0: kernel.DefaultMaxSteps)")
	f.StringVar(&elfArg, "elf", "", "prebuilt guest ELF (default: $AIVM_KERNEL_ELF, else compiled from the source tree)")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	prof.add(c)
	_ = c.MarkFlagRequired("node")
	return c
}

func writeTraceReport(cmd *cobra.Command, r vmTraceReport, asJSON bool) error {
	w := cmd.OutOrStdout()
	if asJSON {
		return printJSON(w, r)
	}
	fmt.Fprintf(w, "model %s  root %s\n", r.Model, r.ModelRoot)
	fmt.Fprintf(w, "node %d (%s)\n", r.Node, r.Op)
	fmt.Fprintf(w, "S_%d      %s\nclaimed  %s\nhonest   %s\n", r.Node-1, r.PrevState, r.ClaimedState, r.HonestState)
	fmt.Fprintf(w, "native output %s\n", r.NativeCommit)
	if r.VMCommit != "" {
		fmt.Fprintf(w, "vm output     %s\nvm S_%d       %s\n", r.VMCommit, r.Node, r.VMState)
	}
	fmt.Fprintf(w, "verdict: vm %s, native %s (exit %d, final state %s)\n", r.VMVerdict, r.NativeVerdict, r.ExitCode, r.FinalStateHash)
	fmt.Fprintf(w, "steps %d  oracle steps %d read + %d key (%.2f%%)  fetch span %d (%.1f%%)\n",
		r.Steps, r.OracleReadSteps, r.OracleKeySteps, 100*r.OracleShare, r.FetchSteps, 100*r.FetchShare)
	fmt.Fprintf(w, "wall %.3f s (%.0f steps/s)  snapshots every %d steps, %d bytes\n", r.WallSeconds, r.StepsPerSecond, r.SnapshotEvery, r.SnapshotBytes)
	return nil
}

// parseNode reads --node: a 1-based index or "largest".
func parseNode(arg string, s *kernel.Session) (int, error) {
	if arg == "largest" {
		return s.Exec.Largest(), nil
	}
	k, err := strconv.Atoi(arg)
	if err != nil {
		return 0, fmt.Errorf("--node %q: want a node number or \"largest\"", arg)
	}
	return k, nil
}

// parseHash32 decodes 0x + 64 hex digits.
func parseHash32(s string) ([32]byte, error) {
	var h [32]byte
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) != 32 || !strings.HasPrefix(s, "0x") {
		return h, fmt.Errorf("%q is not 0x + 64 hex digits", s)
	}
	return [32]byte(b), nil
}
