package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
)

// modelGenerateCmd runs greedy decoding over the tiny-llama step graph, or
// over a user's llama2.c checkpoint quantized on load.
func modelGenerateCmd() *cobra.Command {
	var prompt []int
	var n, workers int
	var checkpoint string
	var asJSON, steps bool
	c := &cobra.Command{
		Use:   "generate tiny-llama --prompt-tokens 1,2,3 -n N",
		Short: "Greedy decoding of N tokens with the integer LLaMA step graph",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != llama.Name {
				return fmt.Errorf("generate supports %s only", llama.Name)
			}
			var m *graph.Model
			var err error
			if checkpoint != "" {
				ck, err := llama.ReadFile(checkpoint)
				if err != nil {
					return err
				}
				if m, err = llama.Quantize(ck, llama.CalibTokens(ck.Config, llama.CalibLen)); err != nil {
					return fmt.Errorf("quantize %s: %w", checkpoint, err)
				}
			} else if m, err = llama.Model(); err != nil {
				return err
			}
			s, err := llama.NewSession(m, graph.Options{Workers: workers})
			if err != nil {
				return err
			}
			out, recs, err := llama.Generate(s, prompt, n)
			if err != nil {
				return fmt.Errorf("generate: %w", err)
			}
			root := s.Exec.Root.Hex()
			if asJSON {
				res := map[string]any{"model": m.Graph.Name, "model_root": root, "prompt": prompt, "tokens": out}
				if steps {
					res["steps"] = recs
				}
				return printJSON(cmd.OutOrStdout(), res)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "model %s  root %s\n", m.Graph.Name, root)
			if steps {
				for _, r := range recs {
					fmt.Fprintf(w, "pos %3d token %5d -> %5d  output %s\n", r.Pos, r.Token, r.Next, r.OutputCommitment)
				}
			}
			strs := make([]string, len(out))
			for i, t := range out {
				strs[i] = fmt.Sprint(t)
			}
			fmt.Fprintf(w, "tokens: %s\n", strings.Join(strs, ","))
			return nil
		},
	}
	f := c.Flags()
	f.IntSliceVar(&prompt, "prompt-tokens", []int{1}, "prompt token ids")
	f.IntVarP(&n, "n", "n", 8, "tokens to generate")
	f.StringVar(&checkpoint, "checkpoint", "", "llama2.c checkpoint to quantize and use instead of the built-in weights")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	f.BoolVar(&steps, "steps", false, "report every forward step's output commitment")
	f.IntVar(&workers, "workers", 1, "goroutines (results are identical for any value)")
	return c
}
