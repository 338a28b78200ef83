package agent

import (
	"context"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// The agent takes its collaborators as small interfaces, so the services'
// decisions run against a fake chain in unit tests (agenttest) and against
// a real deployment (Deployment) in the daemons.

// Market is the agent's view of one deployment's market and game: the
// records it decides from, the chain's clock, and the transactions it
// sends. Sends return the mined receipt; a revert is a
// contracts/chain.RevertError (chain.IsRevert names it).
type Market interface {
	// Address is the service's account (the sender of every transaction).
	Address() common.Address
	// Now is the chain's time: the latest block's timestamp.
	Now(ctx context.Context) (uint64, error)

	Request(ctx context.Context, id *big.Int) (bindings.InferenceMarketRequest, error)
	Challenge(ctx context.Context, id *big.Int, index uint64) (bindings.InferenceMarketChallenge, error)
	ChallengeCount(ctx context.Context, id *big.Int) (uint64, error)
	RefutedRound(ctx context.Context, id *big.Int, round uint32) (bindings.InferenceMarketRefutedRound, error)
	GameRecord(ctx context.Context, gameID *big.Int) (bindings.DisputeGameGame, error)
	Credits(ctx context.Context, account common.Address) (*big.Int, error)
	IsListedSubmitter(ctx context.Context, id *big.Int, account common.Address) (bool, error)

	Submit(ctx context.Context, id *big.Int, r market.Result, bond *big.Int) (*types.Receipt, error)
	OpenChallenge(ctx context.Context, id *big.Int, r market.Result, bond *big.Int) (*types.Receipt, error)
	Finalize(ctx context.Context, id *big.Int) (*types.Receipt, error)
	ResolveChallenge(ctx context.Context, id *big.Int, index uint64) (*types.Receipt, error)
	ClaimReward(ctx context.Context, id *big.Int, index uint64) (*types.Receipt, error)
	// ClaimTimeout ends a game whose side due has run out of time (anyone
	// may send it, DisputeGame.claimTimeout).
	ClaimTimeout(ctx context.Context, gameID *big.Int) (*types.Receipt, error)
	Withdraw(ctx context.Context) (*types.Receipt, error)
}

// Kernels are the registered kernels a service runs: the slot(s) a
// result is bound to (the registry's resultShape) and a native run of a
// request's inputs.
type Kernels interface {
	Slots(ctx context.Context, id common.Hash) ([]uint32, error)
	Run(ctx context.Context, id common.Hash, inputs []*tensor.Tensor) (*kernel.Session, error)
}

// Player plays one game for one party: one call makes the move due, if
// any, and returns the game's status (bisection.Player).
type Player interface {
	Act(ctx context.Context) ([]bisection.Move, uint8, error)
}

// Players makes the player of game gameID for role, playing from src.
type Players func(gameID *big.Int, role bisection.Role, src bisection.Sources, log *slog.Logger) Player

// DutyStore persists duties across restarts (contracts/chain.Store).
type DutyStore interface {
	Put(bucket, key string, v any) error
	Get(bucket, key string, v any) (bool, error)
	Delete(bucket, key string) error
	Keys(bucket string) ([]string, error)
}

// Metrics counts what a service does (cmd/aivm/cli.Metrics); nil is none.
type Metrics interface {
	Inc(name string)
	Add(name string, v float64)
	Set(name string, v float64)
}

// Follow delivers every market log, once its block is confirmed, in chain
// order, re-delivering after a reorg (contracts/chain.LogWatcher). It
// returns nil when ctx ends, or the error that stopped it (Run restarts
// it with backoff).
type Follow func(ctx context.Context, h FollowHooks) error

// FollowHooks are what a Follow calls, and how it starts.
type FollowHooks struct {
	// Handle gets each confirmed log; it must be idempotent.
	Handle func(types.Log) error
	// Reorg is called when processed blocks from fork on were reorged away
	// (deeper than the confirmations), before their replacements'
	// logs are delivered.
	Reorg func(ctx context.Context, fork uint64) error
	// Rescan ignores the checkpoint and starts again at the deployment
	// block (after a chain reset, or a duty found on a gone fork).
	Rescan bool
}

// Env is everything a service runs against.
type Env struct {
	Market  Market
	Kernels Kernels
	Players Players
	Duties  DutyStore
	Metrics Metrics
	// Chain, when set, is checked on start and every tick: a reset chain,
	// missing contracts or a duty whose event is no longer canonical drop
	// the stale duties and re-derive them (Env.Connect sets it).
	Chain ChainView
	Log   *slog.Logger
	// Poll is the period of the duty loop (it also runs on every new event).
	Poll time.Duration
	// Claim, when set, makes the service claim something else than its
	// honest run (bisection/adversary: tests, devnet); nil is honest.
	Claim bisection.Claimer
}

// Policy is what a service decides on its own; the agent does the rest
// (duties, events, games, withdrawal) and calls it.
type Policy interface {
	// Serves reports whether the service follows requests of kernel id.
	Serves(kernel common.Hash) bool
	// Seen is called once for every new request duty.
	Seen(ctx context.Context, d RequestDuty, ev *bindings.InferenceMarketInferenceRequested)
	// Candidate is called when request id gets a candidate result: a
	// posted one, or a challenger's win that replaced it.
	Candidate(id *big.Int, replaced bool)
	// Request does what is due from the service for request d; it runs
	// every tick, for every stored request duty. ctx is anchored to the
	// block of d's event (Where.Anchor): a send under it whose block left
	// the canonical chain fails with chain.ErrAnchorGone, which Request
	// returns as it is (wrapped with %w) for the agent to drop the duty.
	Request(ctx context.Context, d RequestDuty) error
}
