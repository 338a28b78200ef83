package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/mips"
)

var checkOpts struct {
	samples  uint64
	seed     int64
	maxSteps uint64
}

func init() {
	c := &cobra.Command{
		Use:   "check PROGRAM.elf [ARGS...] --samples N [--seed S]",
		Short: "Check sampled steps of a program on MIPS.sol (in-process EVM) against the Go VM",
		Long: `Check runs PROGRAM.elf once in the Go VM to count its steps, picks N step
indices spread over the run (deterministic from --seed), then re-runs it and,
at each sampled step, takes the step witness, executes that step on MIPS.sol
in an in-process EVM (loading any preimage part it reads into the oracle) and
compares the post-state hashes. Each mismatch is printed; the last stdout line
is one JSON object {"samples","mismatches","gas_median","gas_max"} (execution
gas of MIPS.step, excluding intrinsic and calldata gas). Exits 1 on any
mismatch. Flags may appear anywhere; guest arguments that start with '-' must
follow '--'.`,
		Args: cobra.MinimumNArgs(1),
		RunE: checkVM,
	}
	c.Flags().Uint64Var(&checkOpts.samples, "samples", 100, "number of steps to check")
	c.Flags().Int64Var(&checkOpts.seed, "seed", 1, "seed of the step sample")
	c.Flags().Uint64Var(&checkOpts.maxSteps, "max-steps", 0, "fail if the program runs longer than this (0: no limit)")
	addGuestFlags(c)
	VMCmd.AddCommand(c)
}

type checkSummary struct {
	Samples    int    `json:"samples"`
	Mismatches int    `json:"mismatches"`
	GasMedian  uint64 `json:"gas_median"`
	GasMax     uint64 `json:"gas_max"`
}

func checkVM(cmd *cobra.Command, args []string) error {
	s, err := loadGuest(args)
	if err != nil {
		return err
	}
	oracle := dirOracle(vmOpts.preimageDir)
	total, err := countSteps(cmd.Context(), s.Copy(), oracle)
	if err != nil {
		return err
	}
	steps := evm.SampleSteps(total, checkOpts.samples, checkOpts.seed)
	slog.Info("vm check", "program", args[0], "steps", total, "samples", len(steps), "seed", checkOpts.seed)

	h, err := evm.New()
	if err != nil {
		return fmt.Errorf("vm check: %w", err)
	}
	out := cmd.OutOrStdout()
	// Why a fixed non-zero context: it exercises local-key localization the
	// way a dispute game would; the step result does not depend on its value.
	localContext := [32]byte{31: 1}
	rep, err := h.CheckRun(cmd.Context(), s, oracle, steps, localContext, func(r evm.CheckResult) {
		if !r.Mismatch() {
			return
		}
		if r.Err != nil {
			fmt.Fprintf(out, "mismatch at step %d: go post 0x%x, MIPS.sol: %v\n", r.Step, r.GoPost, r.Err)
		} else {
			fmt.Fprintf(out, "mismatch at step %d: go post 0x%x, MIPS.sol post 0x%x\n", r.Step, r.GoPost, r.SolPost)
		}
	})
	if err != nil {
		return fmt.Errorf("vm check: %w", err)
	}
	sum := checkSummary{Samples: len(rep.Results), Mismatches: rep.Mismatches, GasMedian: rep.GasMedian, GasMax: rep.GasMax}
	if err := json.NewEncoder(out).Encode(sum); err != nil {
		return err
	}
	if rep.Mismatches > 0 {
		return ExitCode(1)
	}
	return nil
}

// countSteps runs s to completion and returns how many steps it took.
func countSteps(ctx context.Context, s *mips.State, oracle mips.PreimageOracle) (uint64, error) {
	limit := uint64(math.MaxUint64)
	if checkOpts.maxSteps != 0 {
		limit = checkOpts.maxSteps
	}
	err := mips.NewVM(s, oracle, nil, nil).Run(ctx, limit)
	if errors.Is(err, mips.ErrStepLimit) {
		return 0, fmt.Errorf("vm check: program still running after %d steps (--max-steps)", limit)
	}
	if err != nil {
		return 0, fmt.Errorf("vm check: counting steps: %w", err)
	}
	return s.Step, nil
}
