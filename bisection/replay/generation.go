package replay

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/models/bpe"
	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
)

// GenerationReport places a generation dispute's node in the generation
// (docs/protocol.md 8): the generated token and the step node, and the
// honest text before and after the disputed token.
type GenerationReport struct {
	Step  int    `json:"step"`
	Token int    `json:"token"` // -1: a prompt step
	Node  string `json:"node"`
	// HonestToken is the token the honest run samples at Token.
	HonestToken int `json:"honest_token"`
	// Before and After are the honest generated text before the disputed
	// token and from it on (token ids when the model has no tokenizer).
	Before string `json:"before"`
	After  string `json:"after"`
}

// generationLog records a GenerationRequested or GenerationSeeded log of
// the disputed request.
func (d *Dispute) generationLog(ctx context.Context, r *reader, l types.Log) error {
	if l.Topics[0] == marketEvent("GenerationRequested") {
		ev, err := marketABI.UnpackGenerationRequestedEvent(&l)
		if err != nil {
			return fmt.Errorf("replay: GenerationRequested: %w", err)
		}
		d.Request = &Request{ID: ev.RequestId, Requester: ev.Requester, Fee: ev.Fee,
			Generation: &GenerationRequest{Prompt: ev.PromptTokens, MaxTokens: ev.MaxTokens, Sampling: ev.Sampling}}
		if d.Request.Tx, err = r.tx(ctx, l, false); err != nil {
			return err
		}
		if ev.KernelId != d.KernelID {
			d.note("request %s is for kernel %x, the game runs kernel %x", ev.RequestId, ev.KernelId, d.KernelID)
		}
		return nil
	}
	ev, err := marketABI.UnpackGenerationSeededEvent(&l)
	if err != nil {
		return fmt.Errorf("replay: GenerationSeeded: %w", err)
	}
	if d.Request == nil || d.Request.Generation == nil {
		d.note("a GenerationSeeded event for request %s without its GenerationRequested", ev.RequestId)
		return nil
	}
	d.Request.Generation.Seed, d.Request.Generation.SeededState = ev.Seed, ev.InitialState
	d.Request.InitialState = ev.InitialState
	if ev.InitialState != d.InitialState {
		d.note("request %s's seeded S_0 %x differs from the game's %x", ev.RequestId, ev.InitialState, d.InitialState)
	}
	return nil
}

// generationInputs encodes the generation request's graph inputs.
func (d *Dispute) generationInputs() error {
	g := d.Request.Generation
	if g.Seed == (common.Hash{}) {
		d.note("request %s has no GenerationSeeded event: its seed is unknown", d.Request.ID)
		return nil
	}
	in, err := generation.RequestInputs(g.Prompt, g.Seed, g.Sampling.Temperature, g.Sampling.TopP)
	if err != nil {
		d.note("request %s: %v", d.Request.ID, err)
		return nil
	}
	for _, t := range in {
		enc, err := t.Encode()
		if err != nil {
			return err
		}
		d.Request.Inputs = append(d.Request.Inputs, enc)
	}
	return nil
}

// generationReport locates node k of an unrolled generation model and
// cuts the honest run's tokens at it.
func generationReport(m *graph.Model, out *graph.Trace, k int) (*GenerationReport, error) {
	lay, err := generation.LayoutOf(m.Graph)
	if err != nil {
		return nil, err
	}
	pos, err := lay.Locate(k)
	if err != nil {
		return nil, err
	}
	toks, err := generation.Tokens(out.Outputs[0])
	if err != nil {
		return nil, err
	}
	g := &GenerationReport{Step: pos.Step, Token: pos.Token, Node: pos.Name, HonestToken: -1}
	cut := max(pos.Token, 0)
	if pos.Token >= 0 {
		g.HonestToken = toks[pos.Token]
	}
	text := func(ids []int) string { return fmt.Sprint(ids) }
	if b, ok := m.Blob("tokenizer"); ok {
		if tok, err := bpe.Unmarshal(b); err == nil {
			text = func(ids []int) string {
				s, err := tok.Decode(ids)
				if err != nil {
					return fmt.Sprint(ids)
				}
				return fmt.Sprintf("%q", s)
			}
		}
	}
	g.Before, g.After = text(toks[:cut]), text(toks[cut:])
	return g, nil
}
