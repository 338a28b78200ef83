package cli

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/models/gpu"
)

// devnetCmd is the main job: the whole AIVM flow on a fresh chain, with a
// timeline, a summary and a non-zero exit when an outcome is wrong.
func devnetCmd() *cobra.Command {
	var (
		o                devnet.RunOptions
		lie              adversary.Lie
		verbose, jsonOut bool
		timeout          time.Duration
		rpcURL           string
		executor         string
	)
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Run the whole flow: deploy, register fashion-mnist, an honest request, a caught lie",
		Long: `devnet starts an in-process go-ethereum chain, deploys the AIVM contracts,
builds and registers the fashion-mnist kernel, and runs real submitter and
challenger services. A consumer contract requests two classifications: the
first is answered honestly, finalized and delivered by callback; the second is
answered by a lying submitter, which the challenger catches: the dispute is
bisected to one graph node and one MIPS instruction, executed on chain, and
the liar's bond is slashed: half burned, half claimed by the challenger. It
exits non-zero if any outcome differs from that.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if rpcURL != "" {
				// A dev node (anvil, geth --dev): fresh keys funded from its
				// unlocked dev account.
				net, err := devnet.RPCOptions(cmd.Context(), rpcURL)
				if err != nil {
					return err
				}
				o.Network = net
			}
			o.Timeout = timeout
			sel, err := gpu.Select(executor, runtime.NumCPU())
			if err != nil {
				return fmt.Errorf("--executor: %w", err)
			}
			defer sel.Close()
			o.Executor = sel.Prepare
			fmt.Fprintf(cmd.OutOrStdout(), "executor: %s\n", sel.Label)
			if lie.Node > 0 {
				o.Lie = &lie
			}
			if verbose {
				o.Network.Log = slog.Default()
			}
			out := cmd.OutOrStdout()
			sum, err := devnet.Run(cmd.Context(), o, out)
			if sum != nil {
				sum.Print(out)
			}
			if err == nil {
				fmt.Fprintln(out, "\ndevnet: every outcome is as expected")
			}
			if sum != nil && jsonOut {
				b, _ := json.Marshal(sum)
				fmt.Fprintln(out, string(b))
			}
			if err != nil {
				return fmt.Errorf("devnet: an outcome differs from the expected one: %w", err)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.HonestSample, "honest-sample", 0, "test image classified honestly")
	f.IntVar(&o.LieSample, "lie-sample", 1, "test image the liar answers")
	f.IntVar(&lie.Node, "lie-node", 0, "graph node whose output the liar corrupts (default: the last)")
	f.IntVar(&lie.Bit, "lie-bit", 0, "bit the liar flips in that output")
	f.Uint64Var(&lie.VMStep, "lie-vm-step", 0, "VM step at which the liar's kernel trace departs from the truth (default: the exit)")
	f.BoolVar(&verbose, "verbose", false, "also print the services' logs")
	f.BoolVar(&jsonOut, "json", false, "print the summary as one JSON object on the last line")
	f.DurationVar(&timeout, "timeout", 5*time.Minute, "give up after this long")
	f.StringVar(&executor, "executor", gpu.ExecAuto, "the services' native executor, auto|go|simd|gpu (results are identical)")
	f.StringVar(&rpcURL, "rpc", "", "run against a dev node's JSON-RPC URL (anvil, geth --dev) instead of the in-process chain")
	return cmd
}

func init() { Root.AddCommand(devnetCmd()) }
