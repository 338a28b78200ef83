package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/zoo"
)

// unrollJSON is model unroll's --json line.
type unrollJSON struct {
	Model        string      `json:"model"`
	Out          string      `json:"out"`
	ModelRoot    common.Hash `json:"model_root"`
	PromptWindow int         `json:"prompt_window"`
	Tokens       int         `json:"tokens"`
	StepNodes    int         `json:"step_nodes"`
	Nodes        int         `json:"nodes"`
}

func modelUnrollCmd() *cobra.Command {
	var out string
	var prompt, tokens int
	var asJSON bool
	c := &cobra.Command{
		Use:   "unroll MODEL --prompt-window P --tokens T --out FILE",
		Short: "Write the generation model of a sampled step model: its forward steps unrolled over P prompt and T generated tokens",
		Long: `Unroll writes the model a generation kernel is built from (docs/protocol.md 8):
the step graph of MODEL (a built-in name or a model file whose graph ends in
a sample node, e.g. text-llama) unrolled over a prompt window of P tokens
and T generated tokens, its caches and sampled tokens wired from step to
step and the tokens gathered into one i8 [T, 4] output. Its weights are the
step model's plus a few constants; its blobs (a tokenizer) are kept. The
built-in tiny-llama has no sample node: "tiny-llama" here means its
synthetic checkpoint quantized with one. Build and register its kernel with
'aivm kernel build FILE' and 'aivm kernel register --kernel-dir DIR --model FILE'.`,
		Args:    cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("--out FILE is required")
			}
			step, err := sampledStepModel(args[0])
			if err != nil {
				return err
			}
			um, lay, err := generation.Unroll(step, prompt, tokens)
			if err != nil {
				return err
			}
			enc, err := um.Encode()
			if err != nil {
				return err
			}
			root, err := um.Root()
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, enc, 0o644); err != nil {
				return err
			}
			res := unrollJSON{Model: args[0], Out: out, ModelRoot: common.Hash(root), PromptWindow: prompt, Tokens: tokens,
				StepNodes: lay.StepNodes, Nodes: lay.Nodes}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), res)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %s unrolled over %d prompt + %d generated tokens, %d steps of %d nodes, %d nodes; model root %s\n",
				out, args[0], prompt, tokens, lay.Steps, lay.StepNodes, lay.Nodes, res.ModelRoot)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&out, "out", "", "model file to write")
	f.IntVar(&prompt, "prompt-window", 8, "prompt tokens (a request's prompt is left-padded to it)")
	f.IntVar(&tokens, "tokens", 16, "generated tokens (a request may ask for fewer)")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	return c
}

// sampledStepModel resolves a step model that ends in a sample node.
func sampledStepModel(name string) (*graph.Model, error) {
	if name == "tiny-llama" {
		ck, err := llama.Synthetic(llama.TinyConfig, llama.Seed)
		if err != nil {
			return nil, err
		}
		return llama.QuantizeSampled(ck, [][]int{llama.CalibTokens(llama.TinyConfig, llama.CalibLen)}, "tiny-llama-sampled")
	}
	m, _, err := zoo.Resolve(name)
	return m, err
}

func init() {
	for _, c := range Root.Commands() {
		if c.Name() == "model" {
			c.AddCommand(modelUnrollCmd())
			return
		}
	}
	panic("cli: no model command to add unroll to")
}
