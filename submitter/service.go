package submitter

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
)

// Follow delivers every market log, once its block is confirmed, in chain
// order, re-delivering after a reorg (contracts/chain.LogWatcher); handle
// must be idempotent.
type Follow func(ctx context.Context, handle func(types.Log) error) error

// Config is the submitter's policy.
type Config struct {
	// Kernels are the kernel ids served; empty serves every kernel the
	// loader can load.
	Kernels []common.Hash
	// Bond is the submitter bond (the market's submitterBond).
	Bond *big.Int
}

// Service answers requests with bonded results, defends them, finalizes
// them and withdraws what it earns. Every duty is in the duty store, so a
// restarted service picks up where it stopped.
type Service struct {
	*Base
	cfg Config
}

// New builds a submitter.
func New(env Env, cfg Config) (*Service, error) {
	b, err := NewBase(env)
	if err != nil {
		return nil, err
	}
	if cfg.Bond == nil || cfg.Bond.Sign() <= 0 {
		return nil, errors.New("submitter: bond must be > 0 (read it from the market's submitterBond)")
	}
	return &Service{Base: b, cfg: cfg}, nil
}

// Listed reports whether a service configured with kernels takes kernel
// id: an empty list takes every kernel.
func Listed(kernels []common.Hash, id common.Hash) bool {
	return len(kernels) == 0 || slices.Contains(kernels, id)
}

// HandleLog turns a confirmed market event into duties.
func (s *Service) HandleLog(ctx context.Context, l types.Log) error {
	m := s.Market.Market
	switch market.EventName(l) {
	case "InferenceRequested":
		ev, err := m.UnpackInferenceRequestedEvent(&l)
		if err != nil {
			return err
		}
		if !Listed(s.cfg.Kernels, ev.KernelId) {
			return nil
		}
		if _, isNew, err := s.RecordRequest(ev); err != nil || !isNew {
			return err
		}
		s.Inc("aivm_requests_seen_total")
		s.Log.Info("request seen", "request", ev.RequestId, "kernel", common.Hash(ev.KernelId), "fee", ev.Fee)
	case "ChallengeOpened":
		ev, err := m.UnpackChallengeOpenedEvent(&l)
		if err != nil {
			return err
		}
		if _, err := s.RecordGame(ctx, ev); err != nil {
			return err
		}
	default:
		return nil
	}
	s.Poke()
	return nil
}

// Tick does every duty that is due: submit, play, settle, finalize,
// withdraw. Errors of one duty do not stop the others.
func (s *Service) Tick(ctx context.Context) error { return s.TickWith(ctx, s.request) }

func (s *Service) request(ctx context.Context, d RequestDuty) error {
	id, err := parseID(d.ID)
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
		res, err := s.Result(ctx, d)
		if err != nil {
			return err
		}
		rc, err := s.send(ctx, s.Market.Addr.Market, s.Market.PackSubmit(id, res), s.cfg.Bond)
		if err != nil {
			if chain.IsRevert(err, "BadRequestStatus") {
				return nil // answered or cancelled meanwhile; the next tick sees which
			}
			return fmt.Errorf("submit: %w", err)
		}
		d.Posted = true
		if err := s.SaveRequest(d); err != nil {
			return err
		}
		s.Inc("aivm_results_posted_total")
		s.Log.Info("result posted", "request", id, "final_state", res.FinalState, "gas", rc.GasUsed,
			"since_seen", time.Since(time.UnixMilli(d.SeenAt)).Round(time.Millisecond))
		return nil
	}
	over, err := s.FinalizeIfDue(ctx, id, r)
	if err != nil {
		return err
	}
	// Another submitter's candidate (or a candidate we lost) needs nothing
	// from us once our games on it are settled.
	if r.Status == market.StatusSubmitted && r.Submitter != s.me {
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

// Run follows the market and does duties until ctx ends (SIGINT/SIGTERM in
// the CLI); it returns nil on a clean shutdown.
func (s *Service) Run(ctx context.Context, follow Follow) error {
	return RunLoop(ctx, s.Base, follow, func(l types.Log) error { return s.HandleLog(ctx, l) }, s.Tick)
}

// RunLoop is the event-plus-ticker loop both services run: events record
// duties, and every tick (each Poll, or at once after an event) does what is due.
func RunLoop(ctx context.Context, b *Base, follow Follow, handle func(types.Log) error,
	tick func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	followErr := make(chan error, 1)
	go func() { followErr <- follow(ctx, handle) }()
	t := time.NewTicker(b.Poll)
	defer t.Stop()
	for {
		if err := tick(ctx); err != nil && ctx.Err() == nil {
			b.Log.Warn("duty loop", "err", err)
		}
		select {
		case <-ctx.Done():
			b.Log.Info("shutting down", "account", b.me)
			return nil
		case err := <-followErr:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("following the market: %w", err)
		case <-t.C:
		case <-b.poke:
		}
	}
}
