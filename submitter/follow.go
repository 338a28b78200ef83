package submitter

import (
	"context"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// FollowOptions configure NewFollow.
type FollowOptions struct {
	// From is the first block scanned without a checkpoint (the market's
	// deployment block).
	From          uint64
	Confirmations uint64
	Poll          time.Duration
	// Checkpoint makes a restart resume where the last run stopped.
	Checkpoint chain.Checkpoint
	Log        *slog.Logger
}

// NewFollow follows every log of the market at addr with a
// chain.LogWatcher.
func NewFollow(b chain.Backend, addr common.Address, o FollowOptions) Follow {
	return func(ctx context.Context, handle func(types.Log) error) error {
		w, err := chain.NewLogWatcher(b, chain.WatchOptions{
			Query: ethereum.FilterQuery{Addresses: []common.Address{addr}}, From: o.From,
			Confirmations: o.Confirmations, PollInterval: o.Poll, Checkpoint: o.Checkpoint, Logger: o.Log,
		}, func(_ context.Context, l types.Log) error { return handle(l) })
		if err != nil {
			return err
		}
		return w.Run(ctx)
	}
}
