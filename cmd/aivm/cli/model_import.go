package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/llama"
	"github.com/aivm-dev/aivm/models/merkle"
)

// modelImportCmd quantizes a model file a user brings (llama2.c or GGUF)
// into an integer step graph file.
func modelImportCmd() *cobra.Command {
	var (
		out    string
		opts   llama.ImportOptions
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "import FILE --out MODEL.aivm [--tokenizer tokenizer.bin]",
		Short: "Import a llama2.c checkpoint or a GGUF file into an integer step graph",
		Long: `Import reads a LLaMA-architecture model and writes its integer step graph
(the graph of tiny-llama) as an .aivm model file, printing its model root.

Formats, told apart by the file's first bytes:
  llama2.c   a checkpoint (.bin, float32) and, with --tokenizer, its
             tokenizer.bin (the checkpoint's vocab_size tokens)
  GGUF       llama.cpp's format, architecture "llama", tensors F32, F16 or
             Q8_0; the SentencePiece vocabulary in the file is kept

Float weights go through the same quantizer as the built-in model
(per-row int8 matrices, activation scales calibrated on a fixed token walk).
A GGUF file that 'aivm model export --format gguf --type exact' wrote
carries its int8 weights and scales and is rebuilt exactly, streamed, so
a 7B-shaped file needs no float copy in memory.

The tokenizer is stored in the model (blob "tokenizer.llama2c"): the model
root covers it. See docs/models.md, "Importing models".`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			im, err := llama.Import(args[0], opts)
			if err != nil {
				return fmt.Errorf("import %s: %w", args[0], err)
			}
			defer im.Close()
			root, size, err := writeImported(im, out)
			if err != nil {
				return err
			}
			cf := im.Config
			res := map[string]any{"file": args[0], "format": im.Format, "exact": im.Exact, "out": out,
				"model": im.Graph.Name, "model_root": root.Hex(), "config": cf, "tokenizer": im.Tokenizer != nil,
				"bytes": size, "seconds": time.Since(start).Seconds()}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), res)
			}
			how := "quantized from float weights"
			if im.Exact {
				how = "int8 weights and scales as stored"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %s (%s, %s): dim %d, %d layers, %d heads / %d KV heads, FFN %d, vocab %d, context %d\n",
				args[0], im.Format, how, cf.Dim, cf.Layers, cf.Heads, cf.KVHeads, cf.Hidden, cf.Vocab, cf.Seq)
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d bytes, tokenizer %v): model %s root %s\n", out, size, im.Tokenizer != nil, im.Graph.Name, root.Hex())
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&out, "out", "", "model file to write")
	f.StringVar(&opts.TokenizerFile, "tokenizer", "", "llama2.c tokenizer.bin to store with a llama2.c checkpoint")
	f.StringVar(&opts.Name, "name", "", "graph name, part of the model root (default: GGUF general.name, else "+llama.DefaultImportName+")")
	f.IntVar(&opts.Seq, "seq", 0, "context length (KV cache rows) if shorter than the file's")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	_ = c.MarkFlagRequired("out")
	return c
}

// writeImported streams im to path through a temporary file.
func writeImported(im *llama.Imported, path string) (merkle.Hash, int64, error) {
	var root merkle.Hash
	err := writeFileAtomic(path, func(w io.Writer) error {
		r, err := im.Write(w)
		root = r
		return err
	})
	if err != nil {
		return root, 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return root, 0, fmt.Errorf("import: %w", err)
	}
	return root, st.Size(), nil
}
