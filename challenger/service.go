package challenger

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// Config is the challenger's policy.
type Config struct {
	// Kernels are the kernel ids watched; empty watches every kernel the
	// loader can load.
	Kernels []common.Hash
	// Bond is the challenger bond (the market's challengerBond).
	Bond *big.Int
	// Budget caps the bonds at stake in open challenges at once (nil: no cap).
	Budget *big.Int
}

// Service re-executes every result posted for the kernels it watches and
// challenges the ones whose final graph state differs from its own, then
// plays the game to its end, even when another challenger refuted the same
// candidate first (every game on a refuted candidate still decides who
// shares its bond), resolves it, and claims its reward once the refuted
// round is settled. The first win makes its result the candidate, which it
// finalizes and defends like a submitter (the agent's shared duties).
type Service struct {
	*agent.Agent
	cfg Config

	mu       sync.Mutex
	seenAt   map[string]time.Time // request id -> arrival of its latest candidate
	verdicts map[string]bool      // request id -> whether its latest judged candidate is right
	// Detections records, per request, the time from seeing the result to
	// sending the challenge (the detection latency; e2e and devnet report it).
	Detections chan Detection
}

// Detection is one challenge sent.
type Detection struct {
	RequestID  string
	ResultSeen time.Time // when the ResultSubmitted event reached the service
	Sent       time.Time // when the challenge transaction was handed to the node
	Mined      time.Time
}

// New builds a challenger.
func New(env agent.Env, cfg Config) (*Service, error) {
	s := &Service{cfg: cfg, seenAt: map[string]time.Time{}, verdicts: map[string]bool{}, Detections: make(chan Detection, 64)}
	var err error
	if s.Agent, err = agent.NewBonded(env, s, cfg.Bond, "challenger", "challengerBond"); err != nil {
		return nil, err
	}
	return s, nil
}

// Serves reports whether the challenger watches kernel id.
func (s *Service) Serves(id common.Hash) bool { return agent.Listed(s.cfg.Kernels, id) }

// Seen starts re-executing a new request in the background, so that its
// result can be judged the moment it is posted.
func (s *Service) Seen(ctx context.Context, d agent.RequestDuty, ev *bindings.InferenceMarketInferenceRequested) {
	s.Inc("aivm_requests_seen_total")
	s.Log.Info("request seen", "request", ev.RequestId)
	if d.Generation != nil {
		return // its seed comes with its first result: re-executed then
	}
	go func() {
		if _, _, err := s.Session(ctx, d); err != nil && ctx.Err() == nil {
			s.Log.Warn("re-execution failed", "request", d.ID, "err", err)
		}
	}()
}

// Candidate records when the candidate of request id arrived; a new
// candidate (a replacing win) restarts the clock.
func (s *Service) Candidate(id *big.Int, replaced bool) {
	key := id.String()
	s.mu.Lock()
	if _, ok := s.seenAt[key]; !ok || replaced {
		s.seenAt[key] = time.Now()
	}
	s.mu.Unlock()
}

// Forget clears what the challenger remembers of request id, whose duty
// was dropped (its fork gone, its id possibly reused on the new chain).
func (s *Service) Forget(id string) {
	s.mu.Lock()
	delete(s.seenAt, id)
	delete(s.verdicts, id)
	s.mu.Unlock()
}

// observe records the first time the duty loop saw the current candidate
// of request id, if its event has not arrived first (the loop reads the
// chain's latest state, which can be ahead of the confirmed logs).
func (s *Service) observe(id string) {
	s.mu.Lock()
	if _, ok := s.seenAt[id]; !ok {
		s.seenAt[id] = time.Now()
	}
	s.mu.Unlock()
}

// Verdict reports whether the challenger has re-executed request id and
// judged its candidate (judged), and whether it found that candidate
// right (agrees). It is the latest judgement of this process.
func (s *Service) Verdict(id string) (agrees, judged bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	agrees, judged = s.verdicts[id]
	return agrees, judged
}

func (s *Service) resultSeen(id string) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seenAt[id]
}

// withinBudget reports whether one more challenge keeps the bonds at stake
// within the budget (every challenger game duty's bond is at stake until
// the game is lost or its reward claimed).
func (s *Service) withinBudget() (bool, error) {
	if s.cfg.Budget == nil {
		return true, nil
	}
	n, err := s.ChallengerGames()
	if err != nil {
		return false, fmt.Errorf("bond budget: %w", err)
	}
	atStake := new(big.Int).Mul(s.cfg.Bond, big.NewInt(int64(n)))
	return atStake.Add(atStake, s.cfg.Bond).Cmp(s.cfg.Budget) <= 0, nil
}

// Request judges a request's candidate: a finished request is dropped once
// its games are settled, the challenger's own candidate is finalized when
// due, and any other candidate whose S_n differs from ours is challenged
// once per round while its window is open and the budget allows.
func (s *Service) Request(ctx context.Context, d agent.RequestDuty) error {
	id, err := d.RequestID()
	if err != nil {
		return err
	}
	r, err := s.Market.Request(ctx, id)
	if err != nil {
		return err
	}
	switch r.Status {
	case market.StatusFinalized, market.StatusCancelled:
		if r.Status == market.StatusFinalized && d.ChallengedRound > 0 && !d.Finalized {
			s.ObserveStage(agent.StageSeenToFinal, d)
			d.Finalized = true
			if err := s.SaveRequest(d); err != nil {
				return err
			}
		}
		if busy, err := s.HasGames(d.ID); err != nil || busy {
			return err
		}
		return s.DropRequest(d.ID)
	case market.StatusSubmitted:
	default:
		return nil
	}
	if r.Submitter == s.Address() {
		_, err := s.FinalizeIfDue(ctx, id, r)
		return err
	}
	// One challenge per candidate round.
	if d.ChallengedRound == r.Round+1 {
		return nil
	}
	s.observe(d.ID)
	mine, err := s.Result(ctx, d)
	if err != nil {
		return err
	}
	agrees := mine.FinalState == common.Hash(r.Candidate.FinalState)
	s.mu.Lock()
	s.verdicts[d.ID] = agrees
	s.mu.Unlock()
	if agrees {
		return nil // the candidate is right
	}
	// Only a wrong candidate needs the chain's time (one header read).
	now, err := s.Now(ctx)
	if err != nil {
		return err
	}
	if now >= r.WindowEnd {
		return nil
	}
	if ok, err := s.withinBudget(); err != nil {
		return err
	} else if !ok {
		s.Log.Warn("wrong result left unchallenged: bond budget exhausted", "request", id, "budget", s.cfg.Budget)
		return nil
	}
	s.Log.Info("wrong result", "request", id, "candidate", common.Hash(r.Candidate.FinalState), "ours", mine.FinalState)
	sent := time.Now()
	rc, err := s.Market.OpenChallenge(ctx, id, mine, s.cfg.Bond)
	if err != nil {
		// The candidate changed under us (finalized, its window over, or
		// replaced by a result equal to ours): the next tick judges anew.
		if chain.IsRevert(err, "WindowClosed") || chain.IsRevert(err, "BadRequestStatus") || chain.IsRevert(err, "SameFinalState") {
			return nil
		}
		return fmt.Errorf("challenge: %w", err)
	}
	seen := s.resultSeen(d.ID)
	s.mu.Lock()
	delete(s.seenAt, d.ID)
	s.mu.Unlock()
	d.ChallengedRound = r.Round + 1
	if err := s.SaveRequest(d); err != nil {
		return err
	}
	s.Inc("aivm_challenges_sent_total")
	s.ObserveStage(agent.StageSeenToChallenged, d)
	det := Detection{RequestID: d.ID, ResultSeen: seen, Sent: sent, Mined: time.Now()}
	select {
	case s.Detections <- det:
	default:
	}
	s.Log.Info("challenged", "request", id, "gas", rc.GasUsed, "detect", det.Sent.Sub(det.ResultSeen).Round(time.Millisecond))
	// Record the game at once (the event will confirm it later).
	return s.recordOpened(ctx, rc)
}

// recordOpened records the game a mined challenge opened, from its
// ChallengeOpened event.
func (s *Service) recordOpened(ctx context.Context, rc *types.Receipt) error {
	mk := bindings.NewInferenceMarket()
	for _, l := range rc.Logs {
		if market.EventName(*l) != "ChallengeOpened" {
			continue
		}
		ev, err := mk.UnpackChallengeOpenedEvent(l)
		if err != nil {
			return fmt.Errorf("challenge %s: ChallengeOpened event: %w", rc.TxHash, err)
		}
		_, err = s.RecordGame(ctx, ev, agent.WhereOf(*l))
		return err
	}
	return nil
}
