package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/gguf"
	"github.com/aivm-dev/aivm/models/llama"
)

// withModelFormats extends `aivm model export` (which writes .aivm model
// files) with the formats users bring: --format llama2c writes a llama2.c
// checkpoint and tokenizer.bin, --format gguf a GGUF file, both from a
// float LLaMA model. Without --format the command behaves as before.
func withModelFormats(c *cobra.Command) *cobra.Command {
	var format, typ, tokIn, tokOut, name string
	aivmRun := c.RunE
	c.Use = "export MODEL --out FILE [--format aivm|llama2c|gguf] [--type f32|f16|q8_0|exact]"
	c.Long = `Export writes MODEL in one of three formats.

--format aivm (the default): the integer model file (MODEL: a built-in name,
a model file or root, a synthetic model directory), optionally with a test
item's input tensors (--sample, --input-dir).

--format llama2c: a llama2.c checkpoint (float32) at --out and, when the
model has a tokenizer, its tokenizer.bin (--tokenizer-out, default
tokenizer.bin next to --out).

--format gguf: a llama.cpp GGUF file (architecture llama). --type sets the
matrices' tensor type: f32 (default), f16 or q8_0 (norm gains stay F32);
exact writes the int8 model the quantizer makes (Q8_0 blocks holding the
int8 values, the exact scales in aivm.quant.* metadata), which
'aivm model import' rebuilds to the same model root.

For llama2c and gguf, MODEL is a float model: tiny-llama (its synthetic float
checkpoint), a llama2.c checkpoint (with --tokenizer tokenizer.bin) or a GGUF
file. A synthetic model directory ('aivm model synth') has int8 weights only
and exports as --format gguf --type exact. See docs/models.md, "Importing
models", for what each round trip keeps exactly.`
	c.RunE = func(cmd *cobra.Command, args []string) error {
		out, _ := cmd.Flags().GetString("out")
		switch format {
		case "", "aivm":
			return aivmRun(cmd, args)
		case llama.FormatLlama2c, llama.FormatGGUF:
		default:
			return fmt.Errorf("export: unknown --format %q (aivm, llama2c, gguf)", format)
		}
		tt, exact, err := parseTensorType(typ)
		if err != nil {
			return err
		}
		if format == llama.FormatLlama2c && (typ != "" && typ != "f32") {
			return errors.New("export: llama2.c checkpoints are float32; --type applies to gguf")
		}
		if info, err := os.Stat(filepath.Join(args[0], llama.SynthInfoFile)); err == nil && !info.IsDir() {
			return exportSynth(cmd, args[0], format, exact, out)
		}
		ck, tok, defName, err := floatModel(args[0], tokIn)
		if err != nil {
			return err
		}
		if name == "" {
			name = defName
		}
		if format == llama.FormatLlama2c {
			return exportLlama2c(cmd, ck, tok, out, tokOut)
		}
		err = writeFileAtomic(out, func(w io.Writer) error {
			if exact {
				return llama.WriteGGUFExact(w, ck, llama.CalibTokens(ck.Config, llama.CalibLen), tok, name)
			}
			return llama.WriteGGUF(w, ck, tok, tt, name)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (GGUF, %s, name %s, tokenizer %v)\n", out, typeLabel(typ), name, tok != nil)
		return nil
	}
	f := c.Flags()
	f.StringVar(&format, "format", "aivm", "aivm, llama2c or gguf")
	f.StringVar(&typ, "type", "", "GGUF matrix type: f32, f16, q8_0 or exact")
	f.StringVar(&tokIn, "tokenizer", "", "tokenizer.bin of a llama2.c checkpoint MODEL")
	f.StringVar(&tokOut, "tokenizer-out", "", "where --format llama2c writes tokenizer.bin (default: next to --out)")
	f.StringVar(&name, "name", "", "GGUF general.name, the graph name on import (default: tiny-llama for tiny-llama, else "+llama.DefaultImportName+")")
	return c
}

func typeLabel(typ string) string {
	if typ == "" {
		return "f32"
	}
	return typ
}

// parseTensorType maps --type to a GGUF tensor type, or exact.
func parseTensorType(s string) (gguf.TensorType, bool, error) {
	switch strings.ToLower(s) {
	case "", "f32":
		return gguf.F32, false, nil
	case "f16":
		return gguf.F16, false, nil
	case "q8_0", "q8":
		return gguf.Q8_0, false, nil
	case "exact":
		return gguf.Q8_0, true, nil
	}
	return 0, false, fmt.Errorf("export: unknown --type %q (f32, f16, q8_0, exact)", s)
}

// floatModel resolves MODEL to float weights: the built-in tiny-llama's
// synthetic checkpoint, or a llama2.c or GGUF file.
func floatModel(arg, tokIn string) (*llama.Checkpoint, *llama.Tokenizer, string, error) {
	if arg == llama.Name {
		if tokIn != "" {
			return nil, nil, "", errors.New("export: tiny-llama has no tokenizer to replace")
		}
		ck, err := llama.Synthetic(llama.TinyConfig, llama.Seed)
		return ck, nil, llama.Name, err
	}
	if _, err := os.Stat(arg); err != nil {
		return nil, nil, "", fmt.Errorf("export: %s is neither %s nor a llama2.c or GGUF file: %w", arg, llama.Name, err)
	}
	ck, tok, err := llama.ReadAnyFile(arg, tokIn)
	if err != nil {
		return nil, nil, "", fmt.Errorf("export: %w", err)
	}
	return ck, tok, llama.DefaultImportName, nil
}

func exportLlama2c(cmd *cobra.Command, ck *llama.Checkpoint, tok *llama.Tokenizer, out, tokOut string) error {
	if err := writeFileAtomic(out, ck.Write); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (llama2.c checkpoint, %d bytes)\n", out, llama.ExpectedSize(ck.Config))
	if tok == nil {
		return nil
	}
	if tokOut == "" {
		tokOut = filepath.Join(filepath.Dir(out), "tokenizer.bin")
	}
	if err := writeFileAtomic(tokOut, tok.Write); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (tokenizer.bin, %d tokens)\n", tokOut, len(tok.Tokens))
	return nil
}

// exportSynth writes a synthetic model directory as an exact GGUF file.
func exportSynth(cmd *cobra.Command, dir, format string, exact bool, out string) error {
	if format != llama.FormatGGUF || !exact {
		return errors.New("export: a synthetic model has int8 weights only: use --format gguf --type exact")
	}
	sm, err := llama.OpenSynth(dir)
	if err != nil {
		return err
	}
	spec := sm.Info.Spec
	sm.Close()
	slog.Info("export: writing the synthetic model as GGUF", "preset", spec.Preset, "layers", sm.Info.Config.Layers, "out", out)
	if err := writeFileAtomic(out, func(w io.Writer) error { return llama.SynthGGUF(spec, w) }); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (exact int8 GGUF of %s, model root %s)\n", out, dir, sm.Info.ModelRoot)
	return nil
}

// writeFileAtomic writes path through a temporary file renamed into place.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp)
	bw := bufio.NewWriterSize(f, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
