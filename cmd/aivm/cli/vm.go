package cli

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime"
	"time"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/spf13/cobra"
)

// VMCmd is the `aivm vm` group. Other files add subcommands to it from their
// init functions (for example `vm check` in vmcheck.go).
var VMCmd = &cobra.Command{
	Use:   "vm",
	Short: "Run MIPS guest programs in the fraud-proof VM and produce step witnesses",
}

var vmOpts struct {
	maxSteps    uint64
	stats       bool
	traceLast   int
	strace      bool
	env         []string
	preimageDir string
	step        uint64
	json        bool
	binOut      string
	profile     profileFlags
}

func init() {
	Root.AddCommand(VMCmd)

	run := &cobra.Command{
		Use:   "run [flags] PROGRAM.elf [ARGS...]",
		Short: "Run a static linux/mips Go program to completion, relaying its output and exit code",
		Long: `Run executes PROGRAM.elf (GOOS=linux GOARCH=mips GOMIPS=softfloat CGO_ENABLED=0)
in the VM without witnesses. Guest stdout/stderr are relayed and the guest's
exit code becomes aivm's. Flags must come before PROGRAM; everything after it
is passed to the guest. A fault exits 255 with a message (and, with
--trace-last N, the last N executed steps).`,
		Args: cobra.MinimumNArgs(1),
		RunE: runVM,
	}
	run.Flags().SetInterspersed(false)
	run.Flags().Uint64Var(&vmOpts.maxSteps, "max-steps", 0, "stop with an error after this many steps (0: no limit)")
	run.Flags().BoolVar(&vmOpts.stats, "stats", false, "print one JSON line of statistics as the last stderr line")
	run.Flags().IntVar(&vmOpts.traceLast, "trace-last", 0, "keep the last N steps and print them if the guest faults (slower)")
	run.Flags().BoolVar(&vmOpts.strace, "strace", false, "print every guest syscall (number, arguments, result) to stderr")
	vmOpts.profile.add(run)
	addGuestFlags(run)
	VMCmd.AddCommand(run)

	wit := &cobra.Command{
		Use:   "witness PROGRAM.elf [ARGS...] --step N [--json]",
		Short: "Print the step witness of step N (pre-state, proof, preimage part, hashes)",
		Long: `Witness runs PROGRAM.elf to step N (0-based: the witness proves the transition
from the state after N steps to the state after N+1) and prints the witness
MIPS.step needs, the pre- and post-state hashes, and whether the Go stateless
verifier accepts it. Flags may appear anywhere; guest arguments that start
with '-' must follow '--'.`,
		Args: cobra.MinimumNArgs(1),
		RunE: witnessVM,
	}
	wit.Flags().Uint64Var(&vmOpts.step, "step", 0, "step number whose witness to print")
	wit.Flags().BoolVar(&vmOpts.json, "json", false, "print JSON instead of text")
	wit.Flags().StringVar(&vmOpts.binOut, "out", "", "also write the binary witness encoding to this file")
	addGuestFlags(wit)
	VMCmd.AddCommand(wit)
}

func addGuestFlags(c *cobra.Command) {
	c.Flags().StringArrayVar(&vmOpts.env, "env", nil, "guest environment variable KEY=VALUE (repeatable)")
	c.Flags().StringVar(&vmOpts.preimageDir, "preimage-dir", "", "directory of preimages, one file per key named by its 64 hex digits")
}

// dirOracle is kept for callers in this package (vm check).
type dirOracle = vm.DirOracle

func loadGuest(args []string) (*mips.State, error) {
	s, _, err := loadGuestELF(args)
	return s, err
}

// loadGuestELF is loadGuest also returning the ELF bytes (for --profile).
func loadGuestELF(args []string) (*mips.State, []byte, error) {
	elf, err := os.ReadFile(args[0])
	if err != nil {
		return nil, nil, fmt.Errorf("read program: %w", err)
	}
	s, err := vm.LoadELF(elf, args, vmOpts.env)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", args[0], err)
	}
	return s, elf, nil
}

type runStats struct {
	Steps          uint64  `json:"steps"`
	WallSeconds    float64 `json:"wall_seconds"`
	StepsPerSecond float64 `json:"steps_per_second"`
	// CPUSeconds is the CPU time of the thread that ran the guest (0 where
	// the OS cannot tell): on a shared machine it leaves out the time other
	// processes held the core, which wall_seconds counts.
	CPUSeconds        float64 `json:"cpu_seconds,omitempty"`
	StepsPerCPUSecond float64 `json:"steps_per_cpu_second,omitempty"`
	ExitCode          *int    `json:"exit_code"`
	StateHash         string  `json:"state_hash"`
}

func runVM(cmd *cobra.Command, args []string) error {
	s, elf, err := loadGuestELF(args)
	if err != nil {
		return err
	}
	stderr := cmd.ErrOrStderr()
	m := mips.NewVM(s, vm.DirOracle(vmOpts.preimageDir), cmd.OutOrStdout(), stderr)
	m.SetTrace(vmOpts.traceLast)
	prof, err := vmOpts.profile.attach(elf, m)
	if err != nil {
		return err
	}
	if vmOpts.strace {
		m.OnSyscall(func(e mips.SyscallEvent) {
			res := fmt.Sprintf("%#x", e.V0Out)
			if e.A3Out != 0 {
				res = fmt.Sprintf("-1 errno=%d", e.V0Out)
			}
			fmt.Fprintf(stderr, "[step %d tid %d] syscall %d(%#x, %#x, %#x, %#x) = %s\n",
				e.Step, e.ThreadID, e.Num, e.A0, e.A1, e.A2, e.A3, res)
		})
	}
	limit := uint64(math.MaxUint64)
	if vmOpts.maxSteps != 0 {
		limit = vmOpts.maxSteps
	}
	// Collect the loader's garbage (the ELF image: a few MiB for a Go guest)
	// before the run, so the guest's first fresh pages reuse that memory
	// instead of faulting in new host pages (10-17 µs each on the dev
	// machine's virtualized host), and the run does not stop to collect it.
	// On the 1.1 M-step timers guest this took the median steps per
	// CPU-second from 56 M to 78 M on a loaded machine (docs/bench/vm-qemu.md).
	runtime.GC()
	clock := startThreadClock()
	start := time.Now()
	runErr := m.Run(cmd.Context(), limit)
	wall := time.Since(start).Seconds()
	cpu := clock.stop()

	if runErr != nil && !errors.Is(runErr, mips.ErrStepLimit) {
		return fmt.Errorf("vm run: %w", runErr)
	}
	if err := vmOpts.profile.write(prof); err != nil {
		return err
	}
	if errors.Is(runErr, mips.ErrStepLimit) {
		fmt.Fprintf(stderr, "aivm: step limit of %d steps reached before the guest exited\n", limit)
	} else if s.ExitCode == mips.FaultExitCode {
		fmt.Fprintf(stderr, "aivm: guest faulted at step %d (exit 255, status PANIC)\n", s.Step-1)
		if vmOpts.traceLast > 0 {
			m.WriteTrace(stderr)
		}
	}
	if vmOpts.stats {
		h := s.Hash()
		st := runStats{Steps: s.Step, WallSeconds: wall, StateHash: "0x" + hex.EncodeToString(h[:])}
		if wall > 0 {
			st.StepsPerSecond = float64(s.Step) / wall
		}
		if cpu > 0 {
			st.CPUSeconds = cpu
			st.StepsPerCPUSecond = float64(s.Step) / cpu
		}
		if s.Exited {
			c := int(s.ExitCode)
			st.ExitCode = &c
		}
		if err := json.NewEncoder(stderr).Encode(st); err != nil {
			return err
		}
	}
	if runErr != nil {
		return ExitCode(1)
	}
	if s.ExitCode != 0 {
		return ExitCode(int(s.ExitCode))
	}
	return nil
}

type witnessOut struct {
	Step          uint64            `json:"step"`
	PreStateHash  mips.Hex          `json:"preStateHash"`
	PostStateHash mips.Hex          `json:"postStateHash"`
	Verified      bool              `json:"verified"`
	WitnessBytes  int               `json:"witnessBytes"`
	Witness       *mips.StepWitness `json:"witness"`
}

func witnessVM(cmd *cobra.Command, args []string) error {
	s, err := loadGuest(args)
	if err != nil {
		return err
	}
	m := mips.NewVM(s, vm.DirOracle(vmOpts.preimageDir), io.Discard, io.Discard)
	if err := m.Run(cmd.Context(), vmOpts.step); err != nil && !errors.Is(err, mips.ErrStepLimit) {
		return fmt.Errorf("vm witness: run to step %d: %w", vmOpts.step, err)
	}
	if s.Step < vmOpts.step {
		slog.Warn("guest exited before the requested step; the witness is of the exited state", "exited_at", s.Step)
	}
	pre := s.Hash()
	w, err := m.Step(true)
	if err != nil {
		return fmt.Errorf("vm witness: step %d: %w", vmOpts.step, err)
	}
	post := s.Hash()
	vpost, verr := mips.VerifyStep(w)
	out := witnessOut{Step: vmOpts.step, PreStateHash: pre[:], PostStateHash: post[:],
		Verified: verr == nil && vpost == post, WitnessBytes: w.Size(), Witness: w}
	if vmOpts.binOut != "" {
		if err := os.WriteFile(vmOpts.binOut, w.Encode(), 0o644); err != nil {
			return fmt.Errorf("write witness: %w", err)
		}
	}
	o := cmd.OutOrStdout()
	if vmOpts.json {
		enc := json.NewEncoder(o)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(o, "step:            %d\n", out.Step)
	fmt.Fprintf(o, "pre-state hash:  0x%x\n", pre)
	fmt.Fprintf(o, "post-state hash: 0x%x\n", post)
	fmt.Fprintf(o, "verified:        %v\n", out.Verified)
	fmt.Fprintf(o, "witness bytes:   %d (state %d, proof %d = thread+I %d + %d memory proofs)\n",
		w.Size(), len(w.State), len(w.Proof), min(len(w.Proof), mips.ThreadProofSize),
		nMemProofs(w.Proof))
	fmt.Fprintf(o, "state:           0x%x\n", w.State)
	fmt.Fprintf(o, "proof:           0x%x\n", w.Proof)
	if w.HasPreimage {
		fmt.Fprintf(o, "preimage key:    0x%x\npreimage offset: %d\npreimage value:  0x%x\n", w.PreimageKey, w.PreimageOffset, w.PreimageValue)
	}
	if verr != nil {
		return fmt.Errorf("vm witness: the stateless verifier rejects the witness: %w", verr)
	}
	return nil
}

// nMemProofs counts the compact memory proofs after thread ‖ I (0 when they do not parse).
func nMemProofs(proof []byte) int {
	if len(proof) < mips.ThreadProofSize {
		return 0
	}
	ps, _ := mips.SplitProofs(proof[mips.ThreadProofSize:])
	return len(ps)
}
