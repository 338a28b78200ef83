// Package market is the Go side of InferenceMarket.sol and DisputeGame.sol
// (docs/protocol.md 5 and 6) for the services and tools: it packs every
// market and game transaction, reads records and events, builds a posted
// result (output, commitment, final state, slot path) from a native graph
// trace exactly as the contract checks it. Reverts come back as
// contracts/chain.RevertError, named from every contract's ABI. Sending is
// left to a Sender (contracts/chain.TxManager), which owns nonces, fees and
// reorgs.
package market

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
)

// Request and challenge states (InferenceMarket.Status, .ChallengeStatus).
const (
	StatusNone uint8 = iota
	StatusOpen
	StatusSubmitted
	StatusFinalized
	StatusCancelled
)

// Challenge states (InferenceMarket.ChallengeStatus). A won challenge is
// paid by claimReward once the candidate it refuted has no game left
// (Won -> Rewarded); a lost one has already paid its bond out.
const (
	ChallengeNone uint8 = iota
	ChallengeOpen
	ChallengeWon
	ChallengeLost
	ChallengeRewarded
)

// Market constants (InferenceMarket.BURN_BPS, MAX_OUTPUT_BYTES,
// MAX_SUBMITTERS).
const (
	// BurnBPS is the part of every forfeited bond that is burned, in basis
	// points of 10,000.
	BurnBPS = 5000
	// MaxOutputBytes is the longest posted output.
	MaxOutputBytes = 16384
	// MaxSubmitters is the longest submitter allow list of a request.
	MaxSubmitters = 16
)

// Game outcomes (DisputeGame.status).
const (
	GameInProgress     uint8 = 0
	GameAsserterWins   uint8 = 1
	GameChallengerWins uint8 = 2
)

// Sender sends one transaction and returns its mined receipt.
type Sender interface {
	Address() common.Address
	Send(ctx context.Context, to common.Address, data []byte, value *big.Int) (*types.Receipt, error)
}

// Caller runs read-only calls (any chain backend).
type Caller interface {
	CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
}

// Client reads and writes one deployment's market and game.
type Client struct {
	Addr   deploy.Addresses
	Market *bindings.InferenceMarket
	Game   *bindings.DisputeGame
	caller Caller
}

// New binds a deployment.
func New(a deploy.Addresses, c Caller) *Client {
	return &Client{Addr: a, Market: bindings.NewInferenceMarket(), Game: bindings.NewDisputeGame(), caller: c}
}

// call runs a view and unpacks it.
func call[T any](ctx context.Context, c *Client, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := c.caller.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		return zero, chain.Decode(err)
	}
	return unpack(out)
}

// Request reads a request record.
func (c *Client) Request(ctx context.Context, id *big.Int) (bindings.InferenceMarketRequest, error) {
	r, err := call(ctx, c, c.Addr.Market, c.Market.PackGetRequest(id), c.Market.UnpackGetRequest)
	if err != nil {
		return r, fmt.Errorf("market: getRequest(%s): %w", id, err)
	}
	return r, nil
}

// Challenge reads a challenge record.
func (c *Client) Challenge(ctx context.Context, id *big.Int, index uint64) (bindings.InferenceMarketChallenge, error) {
	r, err := call(ctx, c, c.Addr.Market, c.Market.PackGetChallenge(id, new(big.Int).SetUint64(index)), c.Market.UnpackGetChallenge)
	if err != nil {
		return r, fmt.Errorf("market: getChallenge(%s, %d): %w", id, index, err)
	}
	return r, nil
}

// Credits reads an account's withdrawable balance.
func (c *Client) Credits(ctx context.Context, account common.Address) (*big.Int, error) {
	v, err := call(ctx, c, c.Addr.Market, c.Market.PackCredits(account), c.Market.UnpackCredits)
	if err != nil {
		return nil, fmt.Errorf("market: credits(%s): %w", account, err)
	}
	return v, nil
}

// ChallengeCount is the number of challenges ever opened on a request.
func (c *Client) ChallengeCount(ctx context.Context, id *big.Int) (uint64, error) {
	n, err := call(ctx, c, c.Addr.Market, c.Market.PackChallengeCount(id), c.Market.UnpackChallengeCount)
	if err != nil {
		return 0, fmt.Errorf("market: challengeCount(%s): %w", id, err)
	}
	return n.Uint64(), nil
}

// RefutedRound reads the record of a refuted candidate (all zero for a
// round that was never refuted): its games still open, its winners, and
// whether its bond was split (then claimReward pays each winner).
func (c *Client) RefutedRound(ctx context.Context, id *big.Int, round uint32) (bindings.InferenceMarketRefutedRound, error) {
	r, err := call(ctx, c, c.Addr.Market, c.Market.PackGetRefutedRound(id, round), c.Market.UnpackGetRefutedRound)
	if err != nil {
		return r, fmt.Errorf("market: getRefutedRound(%s, %d): %w", id, round, err)
	}
	return r, nil
}

// TotalBurned is the wei burned so far (held by the market forever).
func (c *Client) TotalBurned(ctx context.Context) (*big.Int, error) {
	v, err := call(ctx, c, c.Addr.Market, c.Market.PackTotalBurned(), c.Market.UnpackTotalBurned)
	if err != nil {
		return nil, fmt.Errorf("market: totalBurned: %w", err)
	}
	return v, nil
}

// IsListedSubmitter reports whether request id's requester listed a as a
// submitter (who may answer before the open fallback).
func (c *Client) IsListedSubmitter(ctx context.Context, id *big.Int, a common.Address) (bool, error) {
	ok, err := call(ctx, c, c.Addr.Market, c.Market.PackIsListedSubmitter(id, a), c.Market.UnpackIsListedSubmitter)
	if err != nil {
		return false, fmt.Errorf("market: isListedSubmitter(%s, %s): %w", id, a, err)
	}
	return ok, nil
}

// GameRecord reads a game.
func (c *Client) GameRecord(ctx context.Context, gameID *big.Int) (bindings.DisputeGameGame, error) {
	g, err := call(ctx, c, c.Addr.Game, c.Game.PackGetGame(gameID), c.Game.UnpackGetGame)
	if err != nil {
		return g, fmt.Errorf("game: getGame(%s): %w", gameID, err)
	}
	return g, nil
}

// Claims reads the pending split's claims of a game (m - 1 of them).
func (c *Client) Claims(ctx context.Context, gameID *big.Int, count int) ([][32]byte, error) {
	out := make([][32]byte, count)
	for i := range out {
		h, err := call(ctx, c, c.Addr.Game, c.Game.PackClaimAt(gameID, big.NewInt(int64(i))), c.Game.UnpackClaimAt)
		if err != nil {
			return nil, fmt.Errorf("game: claimAt(%s, %d): %w", gameID, i, err)
		}
		out[i] = h
	}
	return out, nil
}

// Result is what submitResult and challenge post (docs/protocol.md 6.3).
type Result struct {
	Output           []byte
	OutputCommitment common.Hash
	FinalState       common.Hash
	ActivationsRoot  common.Hash
	SlotPath         []common.Hash
}

func hashes(hs []common.Hash) [][32]byte {
	out := make([][32]byte, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out
}

// PackRequest packs requestInference. The market reads the output slot(s)
// from the kernel's registration; submitters, when not empty, are the only
// accounts that may answer during the first half of the request timeout.
func (c *Client) PackRequest(kernelID common.Hash, inputs [][]byte, callback common.Address, gasLimit uint32, submitters []common.Address) []byte {
	if submitters == nil {
		submitters = []common.Address{}
	}
	return c.Market.PackRequestInference(kernelID, inputs, callback, gasLimit, submitters)
}

// Requested returns the InferenceRequested event of a mined
// requestInference (sent to the market or through a consumer contract).
func (c *Client) Requested(rc *types.Receipt) (*bindings.InferenceMarketInferenceRequested, error) {
	return marketEvent(c, rc, "InferenceRequested", c.Market.UnpackInferenceRequestedEvent)
}

// PackSubmit packs submitResult.
func (c *Client) PackSubmit(id *big.Int, r Result) []byte {
	return c.Market.PackSubmitResult(id, r.Output, r.OutputCommitment, r.FinalState, r.ActivationsRoot, hashes(r.SlotPath))
}

// PackClaimReward packs claimReward: the bond and share of a won challenge,
// payable once the round it refuted is settled.
func (c *Client) PackClaimReward(id *big.Int, index uint64) []byte {
	return c.Market.PackClaimReward(id, new(big.Int).SetUint64(index))
}

// PackChallenge packs challenge.
func (c *Client) PackChallenge(id *big.Int, r Result) []byte {
	return c.Market.PackChallenge(id, r.Output, r.OutputCommitment, r.FinalState, r.ActivationsRoot, hashes(r.SlotPath))
}

// EventName names a log of the market or the game by its first topic
// ("InferenceRequested", "Split", ...); "" for any other log. The services,
// the devnet narrator and the tests dispatch on it.
func EventName(l types.Log) string {
	if len(l.Topics) == 0 {
		return ""
	}
	return eventNames[l.Topics[0]]
}

var eventNames = func() map[common.Hash]string {
	m := map[common.Hash]string{}
	for _, a := range []abi.ABI{bindings.NewInferenceMarket().GetABI(), bindings.NewDisputeGame().GetABI()} {
		for name, ev := range a.Events {
			m[ev.ID] = name
		}
	}
	return m
}()
