package submitter

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// Config is the submitter's policy.
type Config struct {
	// Kernels are the kernel ids served; empty serves every kernel the
	// loader can load.
	Kernels []common.Hash
	// Bond is the submitter bond (the market's submitterBond).
	Bond *big.Int
	// VRF is the key that seeds the generation requests it answers
	// (docs/protocol.md 7, 8); nil answers inference requests only.
	VRF *vrf.SecretKey
}

// Service answers requests with bonded results, defends them, finalizes
// them and withdraws what it earns. Every duty is in the agent's duty
// store, so a restarted service picks up where it stopped.
type Service struct {
	*agent.Agent
	cfg     Config
	vrfWarn sync.Once
}

// New builds a submitter.
func New(env agent.Env, cfg Config) (*Service, error) {
	s := &Service{cfg: cfg}
	var err error
	if s.Agent, err = agent.NewBonded(env, s, cfg.Bond, "submitter", "submitterBond"); err != nil {
		return nil, err
	}
	return s, nil
}

// Serves reports whether the submitter answers requests of kernel id.
func (s *Service) Serves(id common.Hash) bool { return agent.Listed(s.cfg.Kernels, id) }

// Seen counts and logs a new request.
func (s *Service) Seen(_ context.Context, _ agent.RequestDuty, ev *bindings.InferenceMarketInferenceRequested) {
	s.Inc("aivm_requests_seen_total")
	s.Log.Info("request seen", "request", ev.RequestId, "kernel", common.Hash(ev.KernelId), "fee", ev.Fee)
}

// Candidate needs nothing from the submitter: the chain's request record
// says whose candidate it is.
func (s *Service) Candidate(*big.Int, bool) {}

// Request posts a result for an open request the submitter has not
// answered yet (after the listed submitters' head start when it is not one
// of them), finalizes its own candidate once the window has passed, and
// drops the duty once the request needs nothing more and no game of it is
// left.
func (s *Service) Request(ctx context.Context, d agent.RequestDuty) error {
	id, err := d.RequestID()
	if err != nil {
		return err
	}
	r, err := s.Market.Request(ctx, id)
	if err != nil {
		return err
	}
	if r.Status == market.StatusOpen && !d.Posted {
		if wait, err := s.headStart(ctx, id, r.OpenAfter); err != nil || wait {
			return err
		}
		if d.Generation != nil {
			_, err := s.answerGeneration(ctx, &d, id)
			return err
		}
		res, err := s.Result(ctx, d)
		if err != nil {
			return err
		}
		rc, err := s.Market.Submit(ctx, id, res, s.cfg.Bond)
		if err != nil {
			if chain.IsRevert(err, "BadRequestStatus") {
				return nil // answered or cancelled meanwhile; the next tick sees which
			}
			return fmt.Errorf("submit: %w", err)
		}
		d.Posted, d.PostedAt = true, time.Now().UnixMilli()
		if err := s.SaveRequest(d); err != nil {
			return err
		}
		s.Inc("aivm_results_posted_total")
		s.ObserveStage(agent.StageSeenToPosted, d)
		s.Log.Info("result posted", "request", id, "final_state", res.FinalState, "gas", rc.GasUsed,
			"since_seen", time.Since(time.UnixMilli(d.SeenAt)).Round(time.Millisecond))
		return nil
	}
	over, err := s.FinalizeIfDue(ctx, id, r)
	if err != nil {
		return err
	}
	if over && d.Posted && !d.Finalized && (r.Status == market.StatusFinalized || r.Status == market.StatusSubmitted && r.Submitter == s.Address()) {
		// Finalized now (by us, or by anyone since the last tick).
		s.ObserveStage(agent.StagePostedToFinal, d)
		s.ObserveStage(agent.StageSeenToFinal, d)
		d.Finalized = true
		if err := s.SaveRequest(d); err != nil {
			return err
		}
	}
	// Another submitter's candidate (or a candidate we lost) needs nothing
	// from us once our games on it are settled.
	if r.Status == market.StatusSubmitted && r.Submitter != s.Address() {
		over = true
	}
	if !over {
		return nil
	}
	if busy, err := s.HasGames(d.ID); err != nil || busy {
		return err
	}
	return s.DropRequest(d.ID)
}

// headStart reports whether the request's listed submitters still have the
// request to themselves and we are not one of them (submitResult would
// revert NotListedSubmitter until openAfter, by the chain's clock).
func (s *Service) headStart(ctx context.Context, id *big.Int, openAfter uint64) (bool, error) {
	if openAfter == 0 {
		return false, nil // no list: anyone at once
	}
	now, err := s.Now(ctx)
	if err != nil || now >= openAfter {
		return false, err
	}
	listed, err := s.Market.IsListedSubmitter(ctx, id, s.Address())
	return !listed, err
}
