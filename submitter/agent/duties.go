package agent

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
)

// Duty buckets.
const (
	bucketRequests = "requests"
	bucketGames    = "games"
)

// RequestDuty is a request the service follows, with everything needed to
// re-execute it after a restart (the inputs exist only in the request's
// event). The slots a result is bound to are the kernel's (read from the
// registry), not the request's.
type RequestDuty struct {
	ID           string      `json:"id"`
	KernelID     common.Hash `json:"kernel_id"`
	Inputs       [][]byte    `json:"inputs"`
	InitialState common.Hash `json:"initial_state"`
	// Posted is set once this service's result is on chain (submitted, or
	// a challenge in round ChallengedRound-1).
	Posted          bool   `json:"posted"`
	ChallengedRound uint32 `json:"challenged_round,omitempty"`
	SeenAt          int64  `json:"seen_at_unix_ms"`
	// PostedAt is when Posted was set (unix ms), for the stage metrics.
	PostedAt int64 `json:"posted_at_unix_ms,omitempty"`
	// Finalized is set once the request's finalization was seen (the
	// stage metrics count it once).
	Finalized bool `json:"finalized,omitempty"`
	// Generation is set for a generation request (docs/protocol.md 8): its
	// inputs come from the prompt, the settings and the VRF seed, and its
	// S_0 from the chain once a result is posted.
	Generation *GenerationDuty `json:"generation,omitempty"`
	// Where is the block of the InferenceRequested event: the duty belongs
	// to the fork that block is on, and is dropped when it is gone.
	Where
}

// RequestID is the request's id on chain.
func (d RequestDuty) RequestID() (*big.Int, error) { return ParseID(d.ID) }

// GameDuty is a game the service is a party of. It is kept until nothing
// more is due from the service: the game is played to its end (also when
// the candidate it disputes was refuted by another game meanwhile: every
// game on a refuted candidate still decides who is paid), the challenge is
// resolved, and, for a challenger that won, its reward is claimed once the
// round it refuted is settled.
type GameDuty struct {
	GameID         string         `json:"game_id"`
	RequestID      string         `json:"request_id"`
	ChallengeIndex uint64         `json:"challenge_index"`
	Role           bisection.Role `json:"role"`
	// Decided is set once the game is over and the challenge resolved
	// (Won set when this service won it); what is left is claimReward
	// (a winning challenger) and nothing else. The chain's challenge
	// record stays the authority: the flag only spares a restarted
	// service the re-execution a finished game no longer needs.
	Decided bool `json:"decided,omitempty"`
	Won     bool `json:"won,omitempty"`
	// Where is the block of the ChallengeOpened event.
	Where
}

// ParseID parses a stored decimal id (a request or game id).
func ParseID(s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, fmt.Errorf("agent: bad id %q in the duty store", s)
	}
	return v, nil
}

// RecordRequest stores a request duty from its event, found at where
// (idempotent: a re-delivered event keeps the stored duty and its
// progress). It reports whether the duty is new. A stored duty of the same
// id from another block is from a fork that is gone (one chain never
// requests an id twice): it is dropped, with its games, and replaced.
func (a *Agent) RecordRequest(ev *bindings.InferenceMarketInferenceRequested, where Where) (RequestDuty, bool, error) {
	return a.recordRequest(RequestDuty{ID: ev.RequestId.String(), KernelID: ev.KernelId, Inputs: ev.Inputs,
		InitialState: ev.InitialState, SeenAt: time.Now().UnixMilli(), Where: where})
}

// recordRequest is RecordRequest for a duty built from any request event.
func (a *Agent) recordRequest(nd RequestDuty) (RequestDuty, bool, error) {
	id, where := nd.ID, nd.Where
	var d RequestDuty
	ok, err := a.Duties.Get(bucketRequests, id, &d)
	if err != nil {
		return d, false, err
	}
	if ok {
		if !d.known() || !where.known() || d.Where == where {
			if !d.known() && where.known() {
				d.Where = where // a duty stored before blocks were recorded
				return d, false, a.SaveRequest(d)
			}
			return d, false, nil
		}
		a.Log.Warn("request id reused on another fork: the stored duty's event is gone; replacing it",
			"request", id, "old_block", d.Block, "old_hash", d.BlockHash, "block", where.Block, "hash", where.BlockHash)
		if err := a.dropRequestAndGames(id); err != nil {
			return d, false, err
		}
	}
	return nd, true, a.Duties.Put(bucketRequests, id, nd)
}

// RecordGame stores a game duty, from its ChallengeOpened event found at
// where, when the service is one of its parties. A stored duty of the same
// game id from another block is from a gone fork and is replaced.
func (a *Agent) RecordGame(ctx context.Context, ev *bindings.InferenceMarketChallengeOpened, where Where) (bool, error) {
	key := ev.GameId.String()
	var gd GameDuty
	if ok, err := a.Duties.Get(bucketGames, key, &gd); err != nil {
		return false, err
	} else if ok {
		if !gd.known() || !where.known() || gd.Where == where {
			return false, nil
		}
		a.Log.Warn("game id reused on another fork: the stored duty's event is gone; replacing it",
			"game", key, "old_block", gd.Block, "block", where.Block)
		if err := a.dropGame(key); err != nil {
			return false, err
		}
		gd = GameDuty{}
	}
	g, err := a.Market.GameRecord(ctx, ev.GameId)
	if err != nil {
		return false, err
	}
	switch a.me {
	case g.Asserter:
		gd.Role = bisection.RoleAsserter
	case g.Challenger:
		gd.Role = bisection.RoleChallenger
	default:
		return false, nil
	}
	gd.GameID, gd.RequestID, gd.ChallengeIndex, gd.Where = key, ev.RequestId.String(), ev.ChallengeIndex.Uint64(), where
	a.Log.Info("game opened", "game", key, "request", gd.RequestID, "role", gd.Role)
	return true, a.Duties.Put(bucketGames, key, gd)
}

// Requests lists the stored request duties.
func (a *Agent) Requests() ([]RequestDuty, error) { return list[RequestDuty](a.Duties, bucketRequests) }

// Games lists the stored game duties.
func (a *Agent) Games() ([]GameDuty, error) { return list[GameDuty](a.Duties, bucketGames) }

func list[T any](s DutyStore, bucket string) ([]T, error) {
	keys, err := s.Keys(bucket)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(keys))
	for _, k := range keys {
		var v T
		if ok, err := s.Get(bucket, k, &v); err != nil {
			return nil, err
		} else if ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// SaveRequest stores d's progress.
func (a *Agent) SaveRequest(d RequestDuty) error { return a.Duties.Put(bucketRequests, d.ID, d) }

// DropRequest forgets a request that needs nothing more (and its session).
func (a *Agent) DropRequest(id string) error {
	a.mu.Lock()
	delete(a.sessions, id)
	a.mu.Unlock()
	return a.Duties.Delete(bucketRequests, id)
}

// HasGames reports whether any game duty is still stored for request id
// (a request is kept until its games are settled).
func (a *Agent) HasGames(id string) (bool, error) {
	gs, err := a.Games()
	if err != nil {
		return false, err
	}
	for _, gd := range gs {
		if gd.RequestID == id {
			return true, nil
		}
	}
	return false, nil
}

// ChallengerGames counts the game duties this service holds as challenger
// (each one's bond is in the market until the game is lost or its reward
// claimed).
func (a *Agent) ChallengerGames() (int, error) {
	gs, err := a.Games()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, g := range gs {
		if g.Role == bisection.RoleChallenger {
			n++
		}
	}
	return n, nil
}

// Listed reports whether a service configured with kernels takes kernel
// id: an empty list takes every kernel.
func Listed(kernels []common.Hash, id common.Hash) bool {
	return len(kernels) == 0 || slices.Contains(kernels, id)
}
