package cli

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/textllama"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// generationOptions are request's flags for generation requests
// (docs/protocol.md 8).
type generationOptions struct {
	prompt       string
	promptTokens []int
	maxTokens    uint32
	temperature  float64
	topP         float64
	stopToken    int
}

func (g *generationOptions) addFlags(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&g.prompt, "prompt", "", "generation: the prompt text, encoded with the model's tokenizer and left-padded with token 0 to the kernel's prompt window")
	f.IntSliceVar(&g.promptTokens, "prompt-tokens", nil, "generation: the prompt as token ids (comma-separated), left-padded with 0 to the prompt window")
	f.Uint32Var(&g.maxTokens, "max-tokens", 0, "generation: tokens to generate at most (at most the kernel's token count)")
	f.Float64Var(&g.temperature, "temperature", 0, "generation: sampling temperature (0: greedy)")
	f.Float64Var(&g.topP, "top-p", 1, "generation: nucleus mass in (0, 1]")
	f.IntVar(&g.stopToken, "stop-token", -1, "generation: the delivered output ends after this token (-1: none)")
}

func (g *generationOptions) active() bool { return g.prompt != "" || len(g.promptTokens) > 0 }

// vrfKeyFile reads a VRF secret key's seed from path ("" is no key).
func vrfKeyFile(path string) (*vrf.SecretKey, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--vrf-seed-file: %w", err)
	}
	k, err := vrf.KeyFromSeed([]byte(strings.TrimSpace(string(b))))
	if err != nil {
		return nil, fmt.Errorf("--vrf-seed-file %s: %w", path, err)
	}
	return k, nil
}

// generationSampling converts the flags to the market's fixed point.
func (g *generationOptions) sampling() (bindings.InferenceMarketSampling, error) {
	if g.temperature < 0 || g.temperature > 1000 || g.topP <= 0 || g.topP > 1 {
		return bindings.InferenceMarketSampling{}, fmt.Errorf("--temperature %v must be in [0,1000] and --top-p %v in (0,1]", g.temperature, g.topP)
	}
	s := bindings.InferenceMarketSampling{Temperature: uint32(math.Round(g.temperature * ops.SampleOne)),
		TopP: uint32(max(1, math.Round(g.topP*ops.SampleOne)))}
	if g.stopToken >= 0 {
		s.StopEnabled, s.StopToken = true, uint32(g.stopToken)
	}
	return s, nil
}

// promptWindow encodes the prompt and left-pads it to window tokens.
func (g *generationOptions) promptWindow(m *graph.Model, window int) ([]uint32, *bpe.Tokenizer, error) {
	tok, err := modelTokenizer(m)
	if err != nil && g.prompt != "" {
		return nil, nil, err
	}
	ids := g.promptTokens
	if g.prompt != "" {
		if len(ids) > 0 {
			return nil, nil, errors.New("give one of --prompt and --prompt-tokens")
		}
		ids = tok.Encode([]byte(g.prompt))
	}
	if len(ids) > window {
		return nil, nil, fmt.Errorf("the prompt has %d tokens, the kernel's prompt window is %d", len(ids), window)
	}
	out := make([]uint32, window)
	for i, t := range ids {
		if t < 0 || t > math.MaxInt32 {
			return nil, nil, fmt.Errorf("prompt token %d out of range", t)
		}
		out[window-len(ids)+i] = uint32(t)
	}
	return out, tok, nil
}

// storedModel is the kernel's model from the content store at dir, found
// by its model root, or nil when dir holds no store or not that model.
func storedModel(ctx context.Context, dir string, rec *registry.Record) (*graph.Model, error) {
	if dir == "" {
		return nil, nil
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	st, err := store.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("--store %s: %w", dir, err)
	}
	m, err := st.Model(ctx, rec.ModelRoot)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("--store %s: kernel %s's model: %w", dir, rec.ID, err)
	}
	return m, nil
}

func modelTokenizer(m *graph.Model) (*bpe.Tokenizer, error) {
	if m == nil {
		return nil, errors.New("--prompt needs the kernel's model for its tokenizer: give --model FILE (the unrolled generation model), " +
			"or --store DIR holding it (as 'aivm kernel register --store DIR' leaves it)")
	}
	// An unrolled generation model carries its step model's blobs.
	tok, err := textllama.Tokenizer(m)
	if err != nil {
		return nil, fmt.Errorf("%w: give --prompt-tokens", err)
	}
	return tok, nil
}

// runGeneration sends requestGeneration and, with --wait, follows it to
// finalization and prints the delivered tokens (what a callback receives)
// and their text.
func runGeneration(cmd *cobra.Command, ro *requestOptions, rec *registry.Record, m *graph.Model, cn *conn, mc *market.Client) error {
	ctx := signalCtx(cmd)
	g := ro.gen
	if g.maxTokens == 0 {
		return errors.New("--max-tokens must be > 0")
	}
	s, err := g.sampling()
	if err != nil {
		return err
	}
	prompt, tok, err := g.promptWindow(m, int(rec.NumInputs)-1)
	if err != nil {
		return err
	}
	var cb common.Address
	if ro.callback != "" {
		cb = common.HexToAddress(ro.callback)
	}
	rc, err := cn.tx.Send(ctx, cn.addrs.Market, mc.PackRequestGeneration(rec.ID, prompt, g.maxTokens, s, cb, ro.callbackGas), ro.fee.v)
	if err != nil {
		return sendErr("requestGeneration", err)
	}
	ev, err := mc.GenerationRequested(rc)
	if err != nil {
		return err
	}
	w, progress := cmd.OutOrStdout(), cmd.ErrOrStderr()
	fmt.Fprintf(w, "request %s\n", ev.RequestId)
	fmt.Fprintf(progress, "generation request %s sent in block %d (tx %s, gas %d): %d prompt tokens, %d max tokens, temperature %d/65536, top-p %d/65536\n",
		ev.RequestId, rc.BlockNumber, rc.TxHash, rc.GasUsed, len(prompt), g.maxTokens, s.Temperature, s.TopP)
	if !ro.wait {
		return nil
	}
	r, err := ro.waitFinal(ctx, cn, mc, ev.RequestId, rc.BlockNumber.Uint64(), progress)
	if err != nil {
		return err
	}
	if r.Status == market.StatusCancelled {
		return fmt.Errorf("request %s was cancelled without a result; the fee is credited back to the requester", ev.RequestId)
	}
	toks, err := mc.GenerationTokens(ctx, ev.RequestId)
	if err != nil {
		return err
	}
	gen, err := mc.Generation(ctx, ev.RequestId)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "status       finalized (round %d)\n", r.Round)
	fmt.Fprintf(w, "submitter    %s\n", r.Submitter)
	fmt.Fprintf(w, "seed         %s\n", common.Hash(gen.Seed))
	fmt.Fprintf(w, "commitment   %s\n", common.Hash(r.Candidate.OutputCommitment))
	fmt.Fprintf(w, "tokens       %v\n", toks)
	if tok != nil {
		ids := make([]int, len(toks))
		for i, t := range toks {
			ids[i] = int(t)
		}
		text, err := tok.Decode(ids)
		if err != nil {
			return fmt.Errorf("decode the delivered tokens: %w", err)
		}
		fmt.Fprintf(w, "text         %q\n", string(text))
	}
	return nil
}
