package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
)

// PlayGames does what is due in each of the service's games: a move, the
// challenge's resolution once the game is decided (resolveChallenge moves
// the bonds), and a won challenge's claimReward once the candidate it
// refuted has no game left; finished duties are removed.
func (a *Agent) PlayGames(ctx context.Context) error {
	keys, err := a.Duties.Keys(bucketGames)
	if err != nil {
		return err
	}
	var errs []error
	open := 0
	for _, key := range keys {
		done, err := a.playGame(ctx, key)
		if errors.Is(err, chain.ErrAnchorGone) {
			done, err = true, a.forkGone(nil, []string{key}, err)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("game %s: %w", key, err))
		}
		if !done {
			open++
		}
	}
	a.set("aivm_disputes_open", float64(open))
	return errors.Join(errs...)
}

// playGame does what is due in one game; it reports whether the duty is
// gone (nothing more due, or no such duty).
func (a *Agent) playGame(ctx context.Context, key string) (bool, error) {
	var gd GameDuty
	if ok, err := a.Duties.Get(bucketGames, key, &gd); err != nil || !ok {
		return !ok, err
	}
	reqID, err := ParseID(gd.RequestID)
	if err != nil {
		return false, err
	}
	// Every move, resolution, timeout claim and reward claim of the game
	// is anchored to the block of its ChallengeOpened event (which is on
	// the request's fork, past the request's block).
	ctx = gd.Anchor(ctx)
	if !gd.Decided {
		decided, err := a.playAndResolve(ctx, key, &gd, reqID)
		if err != nil || !decided {
			return false, err
		}
	}
	if !gd.Won || gd.Role != bisection.RoleChallenger {
		// Nothing more: a lost challenge paid out at resolution, and an
		// asserter's pay (a lost challenger's bond) came with it too.
		return true, a.dropGame(key)
	}
	return a.claim(ctx, key, gd, reqID)
}

// playAndResolve makes the move due in an undecided game and, once the game
// is over, resolves its challenge and records the outcome in the duty. It
// reports whether the game is decided.
func (a *Agent) playAndResolve(ctx context.Context, key string, gd *GameDuty, reqID *big.Int) (bool, error) {
	c, err := a.Market.Challenge(ctx, reqID, gd.ChallengeIndex)
	if err != nil {
		return false, err
	}
	if c.Status == market.ChallengeOpen {
		status, err := a.act(ctx, key, *gd)
		if err != nil || status == market.GameInProgress {
			return false, err
		}
		// Either party (or anyone) resolves; the market pays from the
		// game's status, so a second resolution is refused harmlessly.
		_, err = a.Market.ResolveChallenge(ctx, reqID, gd.ChallengeIndex)
		if err != nil && !chain.IsRevert(err, "ChallengeNotOpen") {
			return false, fmt.Errorf("resolveChallenge: %w", err)
		}
		if c, err = a.Market.Challenge(ctx, reqID, gd.ChallengeIndex); err != nil {
			return false, err
		}
	}
	var won bool
	switch c.Status {
	case market.ChallengeWon, market.ChallengeRewarded:
		won = gd.Role == bisection.RoleChallenger
	case market.ChallengeLost:
		won = gd.Role == bisection.RoleAsserter
	default:
		return false, fmt.Errorf("challenge %s/%d has status %d after its game ended", gd.RequestID, gd.ChallengeIndex, c.Status)
	}
	if won {
		a.Inc("aivm_disputes_won_total")
	} else {
		a.Inc("aivm_disputes_lost_total")
	}
	a.Log.Info("game over", "game", gd.GameID, "request", gd.RequestID, "role", gd.Role, "won", won, "round", c.Round)
	a.mu.Lock()
	delete(a.players, key)
	a.mu.Unlock()
	gd.Decided, gd.Won = true, won
	return true, a.Duties.Put(bucketGames, key, *gd)
}

// act makes the move due from this service in game gd, if any, and returns
// the game's status.
func (a *Agent) act(ctx context.Context, key string, gd GameDuty) (uint8, error) {
	a.mu.Lock()
	p := a.players[key]
	a.mu.Unlock()
	if p == nil {
		gameID, err := ParseID(gd.GameID)
		if err != nil {
			return 0, err
		}
		// A game decided while the service was away needs no re-execution.
		if g, err := a.Market.GameRecord(ctx, gameID); err != nil {
			return 0, err
		} else if g.Status != market.GameInProgress {
			return g.Status, nil
		}
		var d RequestDuty
		if ok, err := a.Duties.Get(bucketRequests, gd.RequestID, &d); err != nil {
			return 0, err
		} else if !ok {
			return 0, fmt.Errorf("no stored request %s", gd.RequestID)
		}
		src, err := a.sources(ctx, d)
		if err != nil {
			return 0, err
		}
		p = a.Players(gameID, gd.Role, src, a.Log) // the player adds game and role
		a.mu.Lock()
		a.players[key] = p
		a.mu.Unlock()
	}
	_, status, err := p.Act(ctx)
	return status, err
}

// claim collects a won challenge's reward: its bond (unless the bond now
// backs the candidate, the first winner's case) and its share of the
// refuted candidate's bond, payable once every game on that candidate has
// ended (RoundSettled). It reports whether the duty is done.
func (a *Agent) claim(ctx context.Context, key string, gd GameDuty, reqID *big.Int) (bool, error) {
	c, err := a.Market.Challenge(ctx, reqID, gd.ChallengeIndex)
	if err != nil {
		return false, err
	}
	if c.Status == market.ChallengeRewarded {
		return true, a.dropGame(key) // someone claimed it for us (anyone may)
	}
	rd, err := a.Market.RefutedRound(ctx, reqID, c.Round)
	if err != nil {
		return false, err
	}
	if !rd.Settled {
		// Games on the refuted candidate are still running. Push them: the
		// round settles only when its last game is resolved, and parties
		// that do not care (a liar and its own sybil, say) may leave theirs
		// undecided forever, which would hold our reward back.
		return false, a.pushRound(ctx, reqID, c.Round)
	}
	rc, err := a.Market.ClaimReward(ctx, reqID, gd.ChallengeIndex)
	if err != nil {
		if chain.IsRevert(err, "ChallengeNotWon") {
			return true, a.dropGame(key) // claimed meanwhile
		}
		return false, fmt.Errorf("claimReward: %w", err)
	}
	a.Inc("aivm_rewards_claimed_total")
	amount, err := claimed(rc)
	if err != nil {
		// The claim is mined; only the log line lacks its amount.
		a.Log.Warn("reward claimed, amount unreadable", "game", gd.GameID, "err", err)
		amount = new(big.Int)
	}
	a.Log.Info("reward claimed", "game", gd.GameID, "request", gd.RequestID, "round", c.Round, "winners", rd.Winners,
		"share", rd.Share, "wei", amount, "tx", rc.TxHash)
	return true, a.dropGame(key)
}

// claimed is the amount a mined claimReward paid, from its RewardClaimed
// event.
func claimed(rc *types.Receipt) (*big.Int, error) {
	mk := bindings.NewInferenceMarket()
	for _, l := range rc.Logs {
		if market.EventName(*l) == "RewardClaimed" {
			ev, err := mk.UnpackRewardClaimedEvent(l)
			if err != nil {
				return nil, fmt.Errorf("RewardClaimed event: %w", err)
			}
			return ev.Amount, nil
		}
	}
	return nil, fmt.Errorf("claimReward transaction %s has no RewardClaimed event", rc.TxHash)
}

// dropGame forgets a game duty that needs nothing more.
func (a *Agent) dropGame(key string) error {
	a.mu.Lock()
	delete(a.players, key)
	a.mu.Unlock()
	return a.Duties.Delete(bucketGames, key)
}

// pushRound moves every other open game on a refuted round towards its end:
// a decided game is resolved, and a game whose side due has run out of time
// gets its timeout claimed and is resolved (both calls are open to anyone,
// docs/protocol.md 5.3, 6.4). Games still in time are left to their parties.
func (a *Agent) pushRound(ctx context.Context, reqID *big.Int, round uint32) error {
	n, err := a.Market.ChallengeCount(ctx, reqID)
	if err != nil {
		return err
	}
	now, err := a.Market.Now(ctx)
	if err != nil {
		return err
	}
	for i := range n {
		c, err := a.Market.Challenge(ctx, reqID, i)
		if err != nil {
			return err
		}
		if c.Status != market.ChallengeOpen || c.Round != round {
			continue
		}
		g, err := a.Market.GameRecord(ctx, c.GameId)
		if err != nil {
			return err
		}
		if g.Status == market.GameInProgress {
			if due, _, _ := bisection.TimeoutDue(g, now); !due {
				continue
			}
			if _, err := a.Market.ClaimTimeout(ctx, c.GameId); err != nil && !chain.IsRevert(err, "GameResolved") {
				return fmt.Errorf("claimTimeout of game %s (challenge %d): %w", c.GameId, i, err)
			}
			a.Log.Info("claimed a timeout to settle the round", "game", c.GameId, "request", reqID, "round", round)
		}
		if _, err := a.Market.ResolveChallenge(ctx, reqID, i); err != nil && !chain.IsRevert(err, "ChallengeNotOpen") {
			return fmt.Errorf("resolveChallenge %d to settle round %d: %w", i, round, err)
		}
	}
	return nil
}
