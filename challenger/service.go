package challenger

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/submitter"
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
// finalizes and defends like a submitter (the embedded submitter.Base).
type Service struct {
	*submitter.Base
	cfg Config

	mu     sync.Mutex
	seenAt map[string]time.Time // request id -> arrival of its latest candidate
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
func New(env submitter.Env, cfg Config) (*Service, error) {
	b, err := submitter.NewBase(env)
	if err != nil {
		return nil, err
	}
	if cfg.Bond == nil || cfg.Bond.Sign() <= 0 {
		return nil, errors.New("challenger: bond must be > 0 (read it from the market's challengerBond)")
	}
	return &Service{Base: b, cfg: cfg, seenAt: map[string]time.Time{}, Detections: make(chan Detection, 64)}, nil
}

// HandleLog turns confirmed market events into duties. A request is
// re-executed in the background as soon as it is seen, so that its result
// can be judged the moment it is posted.
func (s *Service) HandleLog(ctx context.Context, l types.Log) error {
	m := s.Market.Market
	switch market.EventName(l) {
	case "InferenceRequested":
		ev, err := m.UnpackInferenceRequestedEvent(&l)
		if err != nil {
			return err
		}
		if !submitter.Listed(s.cfg.Kernels, ev.KernelId) {
			return nil
		}
		d, isNew, err := s.RecordRequest(ev)
		if err != nil || !isNew {
			return err
		}
		s.Log.Info("request seen", "request", ev.RequestId)
		go func() {
			if _, _, err := s.Session(ctx, d); err != nil && ctx.Err() == nil {
				s.Log.Warn("re-execution failed", "request", d.ID, "err", err)
			}
		}()
		return nil
	case "ResultSubmitted":
		s.markSeen(l, false)
	case "ChallengeWon":
		ev, err := m.UnpackChallengeWonEvent(&l)
		if err != nil {
			return err
		}
		// Only the first win on a candidate replaces it; a later win on a
		// refuted candidate changes nothing to judge.
		s.markSeen(l, ev.ReplacedCandidate)
	case "RoundSettled":
		// A refuted candidate's last game ended: won challenges can claim.
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

// markSeen records when the candidate of a log's request arrived; a new
// candidate (a replacing win) restarts the clock.
func (s *Service) markSeen(l types.Log, newCandidate bool) {
	if len(l.Topics) > 1 {
		id := new(big.Int).SetBytes(l.Topics[1][:]).String()
		s.mu.Lock()
		if _, ok := s.seenAt[id]; !ok || newCandidate {
			s.seenAt[id] = time.Now()
		}
		s.mu.Unlock()
	}
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

func (s *Service) resultSeen(id string) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seenAt[id]
}

// openChallenges counts the games this service plays as challenger.
func (s *Service) openChallenges() int {
	gs, err := s.Games()
	if err != nil {
		return 0
	}
	n := 0
	for _, g := range gs {
		if g.Role == bisection.RoleChallenger {
			n++
		}
	}
	return n
}

// Tick judges every candidate, challenges wrong ones, plays and settles
// games, finalizes won candidates and withdraws.
func (s *Service) Tick(ctx context.Context) error { return s.TickWith(ctx, s.request) }

func (s *Service) request(ctx context.Context, d submitter.RequestDuty) error {
	id, ok := new(big.Int).SetString(d.ID, 10)
	if !ok {
		return fmt.Errorf("bad request id %q", d.ID)
	}
	r, err := s.Market.Request(ctx, id)
	if err != nil {
		return err
	}
	switch r.Status {
	case market.StatusFinalized, market.StatusCancelled:
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
	if mine.FinalState == common.Hash(r.Candidate.FinalState) {
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
	if s.cfg.Budget != nil {
		atStake := new(big.Int).Mul(s.cfg.Bond, big.NewInt(int64(s.openChallenges())))
		if atStake.Add(atStake, s.cfg.Bond).Cmp(s.cfg.Budget) > 0 {
			s.Log.Warn("wrong result left unchallenged: bond budget exhausted", "request", id, "budget", s.cfg.Budget)
			return nil
		}
	}
	s.Log.Info("wrong result", "request", id, "candidate", common.Hash(r.Candidate.FinalState), "ours", mine.FinalState)
	sent := time.Now()
	rc, err := s.Tx.Send(ctx, s.Market.Addr.Market, s.Market.PackChallenge(id, mine), s.cfg.Bond)
	if err = chain.Decode(err); err != nil {
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
	det := Detection{RequestID: d.ID, ResultSeen: seen, Sent: sent, Mined: time.Now()}
	select {
	case s.Detections <- det:
	default:
	}
	s.Log.Info("challenged", "request", id, "gas", rc.GasUsed, "detect", det.Sent.Sub(det.ResultSeen).Round(time.Millisecond))
	// Record the game at once (the event will confirm it later).
	for _, l := range rc.Logs {
		if market.EventName(*l) == "ChallengeOpened" {
			if ev, err := s.Market.Market.UnpackChallengeOpenedEvent(l); err == nil {
				if _, err := s.RecordGame(ctx, ev); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Run follows the market and does duties until ctx ends; nil on a clean
// shutdown.
func (s *Service) Run(ctx context.Context, follow submitter.Follow) error {
	return submitter.RunLoop(ctx, s.Base, follow, func(l types.Log) error { return s.HandleLog(ctx, l) }, s.Tick)
}
