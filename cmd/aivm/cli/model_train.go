package cli

import (
	"log/slog"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aivm-dev/aivm/models/textllama"
)

// textTrainFlags are the `model train text-llama` settings.
type textTrainFlags struct {
	steps    int
	out      string
	corpus   string
	logEvery int
}

// addTextTrainFlags registers the text-llama flags of the train command.
func addTextTrainFlags(f *pflag.FlagSet, t *textTrainFlags) {
	f.IntVar(&t.steps, "steps", textllama.DefaultConfig().Steps, "text-llama: optimiser steps")
	f.StringVar(&t.out, "out", textllama.AssetsDir, "text-llama: directory for "+textllama.ModelFile+", "+textllama.FloatFile+" and "+textllama.ReportFile)
	f.StringVar(&t.corpus, "corpus", textllama.CorpusDir, "text-llama: directory of the fortunes corpus")
	f.IntVar(&t.logEvery, "log-every", 10, "text-llama: steps between progress lines")
}

// runTextTrain trains text-llama from its fixed seed: tokenizer, float
// model, int8 graph and report, written to --out.
func runTextTrain(cmd *cobra.Command, t *textTrainFlags) error {
	cfg := textllama.DefaultConfig()
	cfg.Steps = t.steps
	rep, err := textllama.Run(cmd.Context(), t.corpus, t.out, cfg, t.logEvery, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	slog.Info("trained", "model", rep.Model, "params", rep.Params, "model_root", rep.ModelRoot, "out", t.out)
	return printJSON(cmd.OutOrStdout(), rep)
}
