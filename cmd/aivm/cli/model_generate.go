package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/textllama"
)

// runTextGenerate prints the prompt and its continuation by text-llama.
func runTextGenerate(cmd *cobra.Command, prompt string, n int, smp llama.Sampling, opt graph.Options, asJSON bool) error {
	m, tok, err := textllama.Load()
	if err != nil {
		return err
	}
	g, err := textllama.Generate(m, tok, prompt, n, smp, opt)
	if err != nil {
		return err
	}
	if asJSON {
		root, err := m.Root()
		if err != nil {
			return err
		}
		return printJSON(cmd.OutOrStdout(), map[string]any{"model": textllama.Name, "model_root": root.Hex(),
			"prompt": prompt, "prompt_tokens": g.Prompt, "tokens": g.Tokens, "text": g.Text,
			"seed": smp.Seed, "temperature_q16": smp.Temperature, "top_p_q16": smp.TopP})
	}
	fmt.Fprintln(cmd.OutOrStdout(), prompt+g.Text)
	return nil
}

// modelGenerateCmd runs decoding over an integer LLaMA step graph:
// text-llama from a text prompt (greedy or sampled by the graph's sample
// node), tiny-llama or a user's llama2.c checkpoint (quantized on load)
// greedily from prompt token ids.
func modelGenerateCmd() *cobra.Command {
	var prompt []int
	var n, workers int
	var checkpoint, text string
	var asJSON, steps bool
	var temperature, topP float64
	var seed uint32
	c := &cobra.Command{
		Use:   "generate text-llama --prompt TEXT | tiny-llama --prompt-tokens 1,2,3 -n N",
		Short: "Decode N tokens with the integer LLaMA step graph",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] == textllama.Name {
				smp, err := llama.NewSampling(seed, temperature, topP)
				if err != nil {
					return err
				}
				return runTextGenerate(cmd, text, n, smp, graph.Options{Workers: workers}, asJSON)
			}
			if args[0] != llama.Name {
				return fmt.Errorf("generate supports %s and %s only", textllama.Name, llama.Name)
			}
			if temperature != 0 {
				return fmt.Errorf("%s has no sample node: only greedy decoding (--temperature 0)", llama.Name)
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
	f.IntSliceVar(&prompt, "prompt-tokens", []int{1}, "prompt token ids (tiny-llama)")
	f.StringVar(&text, "prompt", "The ", "prompt text (text-llama)")
	f.Float64Var(&temperature, "temperature", 0, "sampling temperature; 0 is greedy (text-llama)")
	f.Float64Var(&topP, "top-p", 1, "nucleus sampling mass in (0,1] (text-llama)")
	f.Uint32Var(&seed, "seed", 1, "sampling seed (text-llama)")
	f.IntVarP(&n, "n", "n", 8, "tokens to generate")
	f.StringVar(&checkpoint, "checkpoint", "", "llama2.c checkpoint to quantize and use instead of the built-in weights")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	f.BoolVar(&steps, "steps", false, "report every forward step's output commitment")
	f.IntVar(&workers, "workers", 1, "goroutines (results are identical for any value)")
	return c
}
