package cli

import (
	"fmt"
	"path/filepath"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aivm-dev/aivm/models/textllama"
)

// textEvalFlags are the `model eval text-llama` settings.
type textEvalFlags struct {
	float, corpus string
	windows       int
	workers       int
}

func addTextEvalFlags(f *pflag.FlagSet, t *textEvalFlags) {
	f.StringVar(&t.float, "float", filepath.Join(textllama.AssetsDir, textllama.FloatFile), "text-llama: float llama2.c checkpoint (gzip)")
	f.StringVar(&t.corpus, "corpus", textllama.CorpusDir, "text-llama: directory of the fortunes corpus")
	f.IntVar(&t.windows, "windows", 0, "text-llama: score only the first N validation windows (0 = all)")
	f.IntVar(&t.workers, "eval-workers", runtime.NumCPU(), "text-llama: windows scored in parallel (figures do not depend on it)")
}

// runTextEval reports validation perplexity per byte and per token of the
// float model, the int8 graph and the bigram baseline; with asJSON the last
// line is one JSON object carrying ppl_byte_float, ppl_byte_int8 and
// ppl_byte_bigram.
func runTextEval(cmd *cobra.Command, t *textEvalFlags, asJSON bool) error {
	ctx := cmd.Context()
	m, tok, err := textllama.Load()
	if err != nil {
		return err
	}
	c, err := textllama.LoadCorpus(t.corpus)
	if err != nil {
		return err
	}
	ck, err := textllama.LoadFloat(t.float)
	if err != nil {
		return err
	}
	wins := textllama.Windows(tok.Encode(c.Val), ck.Config.Seq, t.windows)
	fl, err := textllama.EvalFloat(ctx, ck, tok, wins, t.workers)
	if err != nil {
		return fmt.Errorf("float eval: %w", err)
	}
	q, err := textllama.EvalInt8(ctx, m, tok, wins, t.workers)
	if err != nil {
		return fmt.Errorf("int8 eval: %w", err)
	}
	bg, k, err := textllama.EvalBigram(tok.Encode(c.Train), tok.VocabSize(), tok, wins)
	if err != nil {
		return fmt.Errorf("bigram eval: %w", err)
	}
	root, err := m.Root()
	if err != nil {
		return err
	}
	out := map[string]any{
		"model": textllama.Name, "model_root": root.Hex(), "vocab": tok.VocabSize(),
		"windows": len(wins), "tokens": fl.Tokens, "bytes": fl.Bytes, "bigram_k": k,
		"ppl_byte_float": fl.PerByte(), "ppl_byte_int8": q.PerByte(), "ppl_byte_bigram": bg.PerByte(),
		"ppl_token_float": fl.PerToken(), "ppl_token_int8": q.PerToken(), "ppl_token_bigram": bg.PerToken(),
		"int8_vs_float": q.PerByte()/fl.PerByte() - 1, "float_vs_bigram": fl.PerByte()/bg.PerByte() - 1,
	}
	if asJSON {
		return printJSON(cmd.OutOrStdout(), out)
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "%s on %d validation windows (%d tokens, %d bytes)\n", textllama.Name, len(wins), fl.Tokens, fl.Bytes)
	for _, r := range []struct {
		name string
		p    textllama.Perplexity
	}{{"float", fl}, {"int8", q}, {fmt.Sprintf("bigram (add-%g)", k), bg}} {
		fmt.Fprintf(w, "  %-18s perplexity per byte %7.3f  per token %8.2f\n", r.name, r.p.PerByte(), r.p.PerToken())
	}
	return nil
}
