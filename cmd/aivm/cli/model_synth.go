package cli

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/llama"
)

// modelSynthCmd writes a synthetic LLaMA-shaped model: real shapes,
// generated weights, for judging 7B-sized nodes without downloading any.
func modelSynthCmd() *cobra.Command {
	var (
		spec   llama.SynthSpec
		out    string
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "synth llama --preset 7b --layers L --seed S --out DIR",
		Short: "Write a synthetic LLaMA-architecture model (real shapes, pseudo-random int8 weights)",
		Long: `Synth writes the integer step graph of a LLaMA-architecture model (the graph
of tiny-llama: embedding, per layer RMSNorm, Q/K/V/O projections, RoPE, KV
cache writes, attention, SwiGLU FFN, then the output projection and argmax)
with deterministic pseudo-random int8 weights generated from --seed, into
DIR/model.aivm, one tensor at a time, and DIR/synth.json.

Presets: 7b (dim 4096, 32 heads, FFN 11008, vocab 32000, context 2048) and
7b-mini (the same at dim 512, the shape CI runs). --layers 1 of 7b is a
0.47 GB file; every layer adds 0.2 GB.

DIR then works wherever a model is accepted, memory-mapped:
  aivm model infer DIR --sample 0
  aivm vm trace DIR --sample 0 --node largest --json
Sample N is the step at position seq-1-N with a pseudo-random cache history.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "llama" {
				return fmt.Errorf("synth: unknown architecture %q (have: llama)", args[0])
			}
			if out == "" {
				return fmt.Errorf("synth: --out DIR is required")
			}
			start, last := time.Now(), time.Now()
			info, err := llama.Synth(spec, out, func(i, n int, name string, bytes int64) {
				if time.Since(last) > 2*time.Second || i == n-1 {
					slog.Info("synth: writing weights", "done", i+1, "of", n, "tensor", name, "bytes", bytes)
					last = time.Now()
				}
			})
			if err != nil {
				return err
			}
			res := map[string]any{"dir": out, "info": info, "seconds": time.Since(start).Seconds()}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), res)
			}
			cf := info.Config
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: synthetic llama %s, %d layers (dim %d, %d heads, FFN %d, vocab %d, context %d)\n",
				out, spec.Preset, cf.Layers, cf.Dim, cf.Heads, cf.Hidden, cf.Vocab, cf.Seq)
			fmt.Fprintf(cmd.OutOrStdout(), "model root %s, %d nodes, %d weights, %.2f GB file, %.1f M MACs per step, %.1f s\n",
				info.ModelRoot, info.Nodes, info.Weights, float64(info.FileBytes)/1e9, float64(info.MACs)/1e6, time.Since(start).Seconds())
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&spec.Preset, "preset", "7b", "shape preset: 7b or 7b-mini")
	f.IntVar(&spec.Layers, "layers", 0, "transformer layers (0: the preset's, 32)")
	f.IntVar(&spec.Seq, "seq", 0, "context length of the KV cache (0: the preset's)")
	f.Uint64Var(&spec.Seed, "seed", 1, "weight seed")
	f.StringVar(&out, "out", "", "directory to write model.aivm and synth.json into")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	return c
}
