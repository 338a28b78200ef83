// Package agenttest is test support for the services' unit tests: a fake
// chain that keeps the market's and the game's records in memory and
// applies the market's rules to the transactions the services send
// (InferenceMarket.sol, simplified to what a service's decisions read),
// fake game players whose games the test decides, native kernel runs of a
// real model without a guest, and an in-memory duty store. No EVM and no
// simulated backend: a test drives time, events and outcomes itself.
package agenttest

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"sort"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// Market rules of the fake (InferenceMarket's constructor arguments).
const (
	Window = 100 // challenge window, seconds
	// Timeout is the request timeout; listed submitters have the request
	// to themselves for the first half of it.
	Timeout = 1000
	// ClockBudget is each side's chess clock in a new game, seconds.
	ClockBudget = 300
)

// Bonds of the fake market.
var (
	SubmitterBond  = big.NewInt(1_000)
	ChallengerBond = big.NewInt(600)
)

// Tx is one transaction a service sent.
type Tx struct {
	From   common.Address
	Method string // submitResult, challenge, finalize, resolveChallenge, claimReward, withdraw
	ID     *big.Int
	Index  uint64
	Revert string // the custom error it reverted with, "" when mined
	// Anchors are the blocks the send depended on (chain.WithAnchor).
	Anchors []chain.Cursor
}

// Chain is the fake chain: one market, one game contract, a clock.
type Chain struct {
	mu         sync.Mutex
	now        uint64
	nextGame   int64
	requests   map[string]*bindings.InferenceMarketRequest
	listed     map[string][]common.Address
	challenges map[string][]*bindings.InferenceMarketChallenge
	rounds     map[string]*bindings.InferenceMarketRefutedRound // "request/round"
	games      map[string]*bindings.DisputeGameGame
	credits    map[common.Address]*big.Int
	txs        []Tx
	refuse     map[string]string // method -> custom error of its next call
	// anchorCheck, when set, judges every send's anchors first
	// (CheckAnchorsOn).
	anchorCheck func([]chain.Cursor) error
	// Logs are the market events emitted so far, in order, for a test to
	// feed to HandleLog.
	logs []types.Log
	// Generation requests (generation.go): their records, the VRF keys,
	// and how S_0 follows from a prompt, settings and seed.
	gens    map[string]*bindings.InferenceMarketGeneration
	vrfKeys map[common.Address]bindings.InferenceMarketVrfKey
	genS0   func(prompt []uint32, s bindings.InferenceMarketSampling, seed [32]byte) ([32]byte, error)
}

// NewChain starts a fake chain at time 1,000.
func NewChain() *Chain {
	return &Chain{now: 1_000, nextGame: 1, requests: map[string]*bindings.InferenceMarketRequest{},
		listed: map[string][]common.Address{}, challenges: map[string][]*bindings.InferenceMarketChallenge{},
		rounds: map[string]*bindings.InferenceMarketRefutedRound{}, games: map[string]*bindings.DisputeGameGame{},
		credits: map[common.Address]*big.Int{}, refuse: map[string]string{}}
}

// Refuse makes the next call of method (submitResult, challenge, ...)
// revert with the custom error name, whatever the records say: what a
// service sees when the chain changed between its read and its
// transaction.
func (c *Chain) Refuse(method, name string) {
	c.mu.Lock()
	c.refuse[method] = name
	c.mu.Unlock()
}

// CheckAnchorsOn makes every send check its anchors (chain.WithAnchor)
// against v's blocks first, as contracts/chain.TxManager does against the
// node: a send anchored to a block v no longer has is refused with a
// *chain.AnchorGoneError and nothing is recorded.
func (c *Chain) CheckAnchorsOn(v *View) {
	c.mu.Lock()
	c.anchorCheck = v.CheckAnchors
	c.mu.Unlock()
}

// Advance moves the chain's clock by seconds.
func (c *Chain) Advance(seconds uint64) {
	c.mu.Lock()
	c.now += seconds
	c.mu.Unlock()
}

// Now is the chain's clock.
func (c *Chain) Now() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Txs are the transactions sent so far.
func (c *Chain) Txs() []Tx {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Tx(nil), c.txs...)
}

// Sent counts the mined transactions of method from account.
func (c *Chain) Sent(from common.Address, method string) int {
	n := 0
	for _, tx := range c.Txs() {
		if tx.From == from && tx.Method == method && tx.Revert == "" {
			n++
		}
	}
	return n
}

// Logs are the events emitted since index from.
func (c *Chain) Logs(from int) []types.Log {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]types.Log(nil), c.logs[from:]...)
}

// Request opens request id for kernel with encoded inputs and initial
// state s0; listed, when not empty, are the submitters that have it to
// themselves for half the timeout. It emits InferenceRequested.
func (c *Chain) Request(id int64, kernel common.Hash, inputs [][]byte, s0 [32]byte, fee *big.Int, listed ...common.Address) *big.Int {
	c.mu.Lock()
	defer c.mu.Unlock()
	rid := big.NewInt(id)
	r := &bindings.InferenceMarketRequest{Status: market.StatusOpen, CreatedAt: c.now, Fee: fee, KernelId: kernel,
		InitialState: s0, CandidateBond: new(big.Int)}
	if len(listed) > 0 {
		r.OpenAfter = c.now + Timeout/2
		c.listed[rid.String()] = listed
	}
	c.requests[rid.String()] = r
	c.emit("InferenceRequested", rid, kernel, common.Address{}, fee, s0, uint32(0), common.Address{}, uint32(0),
		r.OpenAfter, append([]common.Address{}, listed...), inputs)
	return rid
}

// Decide ends game gameID with status (market.GameAsserterWins or
// market.GameChallengerWins), as a final step or a timeout would.
func (c *Chain) Decide(gameID *big.Int, status uint8) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.games[gameID.String()].Status = status
}

// Game is a game's record.
func (c *Chain) Game(gameID *big.Int) bindings.DisputeGameGame {
	c.mu.Lock()
	defer c.mu.Unlock()
	return *c.games[gameID.String()]
}

// RequestRecord is a request's record.
func (c *Chain) RequestRecord(id *big.Int) bindings.InferenceMarketRequest {
	c.mu.Lock()
	defer c.mu.Unlock()
	return *c.requests[id.String()]
}

// ChallengeRecord is a challenge's record.
func (c *Chain) ChallengeRecord(id *big.Int, index uint64) bindings.InferenceMarketChallenge {
	c.mu.Lock()
	defer c.mu.Unlock()
	return *c.challenges[id.String()][index]
}

// CreditOf is an account's withdrawable balance.
func (c *Chain) CreditOf(a common.Address) *big.Int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return new(big.Int).Set(c.credit(a))
}

// As is the market as account a sees and uses it.
func (c *Chain) As(a common.Address) agent.Market { return &view{c: c, me: a} }

func (c *Chain) credit(a common.Address) *big.Int {
	if c.credits[a] == nil {
		c.credits[a] = new(big.Int)
	}
	return c.credits[a]
}

var marketABI = bindings.NewInferenceMarket().GetABI()

// emit appends a market event with its arguments in ABI order.
func (c *Chain) emit(name string, args ...any) *types.Log {
	ev := marketABI.Events[name]
	topics := []common.Hash{ev.ID}
	var data []any
	for i, in := range ev.Inputs {
		if in.Indexed {
			t, err := abi.MakeTopics([]any{args[i]})
			if err != nil {
				panic(fmt.Sprintf("agenttest: topic %s.%s: %v", name, in.Name, err))
			}
			topics = append(topics, t[0][0])
		} else {
			data = append(data, args[i])
		}
	}
	packed, err := ev.Inputs.NonIndexed().Pack(data...)
	if err != nil {
		panic(fmt.Sprintf("agenttest: pack %s: %v", name, err))
	}
	n := uint64(len(c.logs) + 1)
	l := types.Log{Topics: topics, Data: packed, BlockNumber: n, BlockHash: HashOf(n), Index: uint(len(c.logs))}
	c.logs = append(c.logs, l)
	return &c.logs[len(c.logs)-1]
}

// view is one account's Market.
type view struct {
	c  *Chain
	me common.Address
}

func (v *view) Address() common.Address { return v.me }

func (v *view) Now(context.Context) (uint64, error) { return v.c.Now(), nil }

func (v *view) Request(_ context.Context, id *big.Int) (bindings.InferenceMarketRequest, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	r := v.c.requests[id.String()]
	if r == nil {
		return bindings.InferenceMarketRequest{}, nil
	}
	return *r, nil
}

func (v *view) Challenge(_ context.Context, id *big.Int, index uint64) (bindings.InferenceMarketChallenge, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	cs := v.c.challenges[id.String()]
	if index >= uint64(len(cs)) {
		return bindings.InferenceMarketChallenge{}, nil
	}
	return *cs[index], nil
}

func (v *view) ChallengeCount(_ context.Context, id *big.Int) (uint64, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	return uint64(len(v.c.challenges[id.String()])), nil
}

func (v *view) RefutedRound(_ context.Context, id *big.Int, round uint32) (bindings.InferenceMarketRefutedRound, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	rd := v.c.rounds[roundKey(id, round)]
	if rd == nil {
		return bindings.InferenceMarketRefutedRound{}, nil
	}
	return *rd, nil
}

func (v *view) GameRecord(_ context.Context, gameID *big.Int) (bindings.DisputeGameGame, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	g := v.c.games[gameID.String()]
	if g == nil {
		return bindings.DisputeGameGame{}, fmt.Errorf("agenttest: no game %s", gameID)
	}
	return *g, nil
}

func (v *view) Credits(_ context.Context, a common.Address) (*big.Int, error) {
	return v.c.CreditOf(a), nil
}

func (v *view) IsListedSubmitter(_ context.Context, id *big.Int, a common.Address) (bool, error) {
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	return slices.Contains(v.c.listed[id.String()], a), nil
}

func roundKey(id *big.Int, round uint32) string { return fmt.Sprintf("%s/%d", id, round) }

// send applies one transaction of method under the chain's lock: an
// injected refusal (Refuse) reverts it first, else apply runs the market's
// rule and returns the custom error it reverts with ("" when mined) and
// the events it emitted.
func (v *view) send(ctx context.Context, method string, id *big.Int, index uint64, apply func() (string, []*types.Log)) (*types.Receipt, error) {
	anchors := chain.Anchors(ctx)
	v.c.mu.Lock()
	check := v.c.anchorCheck
	v.c.mu.Unlock()
	if check != nil {
		if err := check(anchors); err != nil {
			// Refused before any broadcast, as TxManager.Send refuses it.
			return nil, err
		}
	}
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	revert, refused := v.c.refuse[method]
	delete(v.c.refuse, method)
	var logs []*types.Log
	if !refused {
		revert, logs = apply()
	}
	v.c.txs = append(v.c.txs, Tx{From: v.me, Method: method, ID: id, Index: index, Revert: revert, Anchors: anchors})
	if revert != "" {
		return nil, &chain.RevertError{Name: revert}
	}
	return &types.Receipt{Status: types.ReceiptStatusSuccessful, GasUsed: 21_000, Logs: logs,
		TxHash: common.BigToHash(big.NewInt(int64(len(v.c.txs))))}, nil
}

func (v *view) Submit(ctx context.Context, id *big.Int, res market.Result, bond *big.Int) (*types.Receipt, error) {
	return v.send(ctx, "submitResult", id, 0, func() (string, []*types.Log) {
		r := v.c.requests[id.String()]
		switch {
		case r == nil || r.Status != market.StatusOpen:
			return "BadRequestStatus", nil
		case v.c.now < r.OpenAfter && !slices.Contains(v.c.listed[id.String()], v.me):
			return "NotListedSubmitter", nil
		case bond.Cmp(SubmitterBond) != 0:
			return "WrongBond", nil
		}
		r.Status, r.Submitter, r.CandidateBond, r.WindowEnd = market.StatusSubmitted, v.me, new(big.Int).Set(bond), v.c.now+Window
		r.Candidate = result(res)
		return "", []*types.Log{v.c.emit("ResultSubmitted", id, v.me, [32]byte(res.OutputCommitment), [32]byte(res.FinalState), r.WindowEnd, res.Output)}
	})
}

func result(res market.Result) bindings.InferenceMarketResult {
	return bindings.InferenceMarketResult{OutputCommitment: res.OutputCommitment, FinalState: res.FinalState, Output: res.Output}
}

func (v *view) OpenChallenge(ctx context.Context, id *big.Int, res market.Result, bond *big.Int) (*types.Receipt, error) {
	index := uint64(len(v.c.challengesOf(id)))
	return v.send(ctx, "challenge", id, index, func() (string, []*types.Log) {
		r := v.c.requests[id.String()]
		switch {
		case r == nil || r.Status != market.StatusSubmitted:
			return "BadRequestStatus", nil
		case v.c.now >= r.WindowEnd:
			return "WindowClosed", nil
		case bond.Cmp(ChallengerBond) != 0:
			return "WrongBond", nil
		case [32]byte(res.FinalState) == r.Candidate.FinalState:
			return "SameFinalState", nil
		}
		gameID := big.NewInt(v.c.nextGame)
		v.c.nextGame++
		v.c.challenges[id.String()] = append(v.c.challenges[id.String()], &bindings.InferenceMarketChallenge{
			Challenger: v.me, Status: market.ChallengeOpen, Round: r.Round, Bond: new(big.Int).Set(bond), GameId: gameID,
			Result: result(res)})
		v.c.games[gameID.String()] = &bindings.DisputeGameGame{Asserter: r.Submitter, Challenger: v.me,
			LastMoveAt: new(big.Int).SetUint64(v.c.now), AsserterClock: ClockBudget, ChallengerClock: ClockBudget}
		r.OpenChallenges++
		return "", []*types.Log{v.c.emit("ChallengeOpened", id, new(big.Int).SetUint64(index), v.me, gameID,
			[32]byte(res.OutputCommitment), [32]byte(res.FinalState))}
	})
}

// challengesOf is request id's challenge list.
func (c *Chain) challengesOf(id *big.Int) []*bindings.InferenceMarketChallenge {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.challenges[id.String()]
}

func (v *view) Finalize(ctx context.Context, id *big.Int) (*types.Receipt, error) {
	return v.send(ctx, "finalize", id, 0, func() (string, []*types.Log) {
		r := v.c.requests[id.String()]
		switch {
		case r == nil || r.Status != market.StatusSubmitted:
			return "BadRequestStatus", nil
		case v.c.now < r.WindowEnd:
			return "WindowOpen", nil
		case r.OpenChallenges != 0:
			return "ChallengesOpen", nil
		}
		r.Status = market.StatusFinalized
		v.c.credit(r.Submitter).Add(v.c.credit(r.Submitter), new(big.Int).Add(r.Fee, r.CandidateBond))
		r.Fee, r.CandidateBond = new(big.Int), new(big.Int)
		return "", nil
	})
}

// burn is the burned part of a forfeited bond.
func burn(bond *big.Int) *big.Int {
	return new(big.Int).Div(new(big.Int).Mul(bond, big.NewInt(market.BurnBPS)), big.NewInt(10_000))
}

// challenge is request id's challenge index when its status is want.
func (c *Chain) challenge(id *big.Int, index uint64, want uint8) *bindings.InferenceMarketChallenge {
	cs := c.challenges[id.String()]
	if index >= uint64(len(cs)) || cs[index].Status != want {
		return nil
	}
	return cs[index]
}

func (v *view) ResolveChallenge(ctx context.Context, id *big.Int, index uint64) (*types.Receipt, error) {
	return v.send(ctx, "resolveChallenge", id, index, func() (string, []*types.Log) {
		ch := v.c.challenge(id, index, market.ChallengeOpen)
		if ch == nil {
			return "ChallengeNotOpen", nil
		}
		st := v.c.games[ch.GameId.String()].Status
		if st == market.GameInProgress {
			return "GameInProgress", nil
		}
		r := v.c.requests[id.String()]
		idx := new(big.Int).SetUint64(index)
		var rd *bindings.InferenceMarketRefutedRound
		if ch.Round == r.Round {
			// A game on the current candidate.
			r.OpenChallenges--
			if st == market.GameAsserterWins {
				v.lose(id, idx, ch, r.Submitter)
				return "", nil
			}
			// The first win refutes the candidate: its games move to a
			// refuted-round record, the challenger's result replaces it.
			ch.Status = market.ChallengeWon
			rd = &bindings.InferenceMarketRefutedRound{Submitter: r.Submitter, Bond: r.CandidateBond,
				OpenChallenges: r.OpenChallenges, Winners: 1, Share: new(big.Int)}
			v.c.rounds[roundKey(id, ch.Round)] = rd
			r.Submitter, r.CandidateBond, ch.Bond = ch.Challenger, ch.Bond, new(big.Int)
			r.Candidate, r.WindowEnd, r.Round, r.OpenChallenges = ch.Result, v.c.now+Window, ch.Round+1, 0
			v.c.emit("ChallengeWon", id, idx, ch.Challenger, true, r.WindowEnd)
		} else {
			rd = v.c.rounds[roundKey(id, ch.Round)]
			rd.OpenChallenges--
			if st == market.GameAsserterWins {
				v.lose(id, idx, ch, rd.Submitter)
			} else {
				ch.Status = market.ChallengeWon
				rd.Winners++
				v.c.emit("ChallengeWon", id, idx, ch.Challenger, false, uint64(0))
			}
		}
		if rd.OpenChallenges == 0 {
			// Settle: the unburned half of the refuted bond is shared by
			// every winner.
			rest := new(big.Int).Sub(rd.Bond, burn(rd.Bond))
			rd.Share = new(big.Int).Div(rest, big.NewInt(int64(rd.Winners)))
			rd.Settled = true
			burned := new(big.Int).Sub(rd.Bond, new(big.Int).Mul(rd.Share, big.NewInt(int64(rd.Winners))))
			v.c.emit("RoundSettled", id, ch.Round, rd.Winners, rd.Share, burned)
		}
		return "", nil
	})
}

// lose forfeits a lost challenge's bond: half to the asserter, half burned.
func (v *view) lose(id, index *big.Int, ch *bindings.InferenceMarketChallenge, asserter common.Address) {
	ch.Status = market.ChallengeLost
	v.c.credit(asserter).Add(v.c.credit(asserter), new(big.Int).Sub(ch.Bond, burn(ch.Bond)))
	ch.Bond = new(big.Int)
	v.c.emit("ChallengeLost", id, index, asserter)
}

func (v *view) ClaimReward(ctx context.Context, id *big.Int, index uint64) (*types.Receipt, error) {
	return v.send(ctx, "claimReward", id, index, func() (string, []*types.Log) {
		ch := v.c.challenge(id, index, market.ChallengeWon)
		if ch == nil {
			return "ChallengeNotWon", nil
		}
		if !v.c.rounds[roundKey(id, ch.Round)].Settled {
			return "RoundNotSettled", nil
		}
		ch.Status = market.ChallengeRewarded
		amount := new(big.Int).Add(ch.Bond, v.c.rounds[roundKey(id, ch.Round)].Share)
		ch.Bond = new(big.Int)
		v.c.credit(ch.Challenger).Add(v.c.credit(ch.Challenger), amount)
		return "", []*types.Log{v.c.emit("RewardClaimed", id, new(big.Int).SetUint64(index), ch.Challenger, amount)}
	})
}

// ClaimTimeout decides a game whose side due ran out of time: with a
// split pending the challenger was due and the asserter wins, otherwise the
// challenger wins.
func (v *view) ClaimTimeout(ctx context.Context, gameID *big.Int) (*types.Receipt, error) {
	return v.send(ctx, "claimTimeout", gameID, 0, func() (string, []*types.Log) {
		g := v.c.games[gameID.String()]
		switch {
		case g == nil:
			return "GameNotFound", nil
		case g.Status != market.GameInProgress:
			return "GameResolved", nil
		}
		if due, _, _ := bisection.TimeoutDue(*g, v.c.now); !due {
			return "ClockNotExpired", nil
		}
		g.Status = market.GameChallengerWins
		if g.SplitPending {
			g.Status = market.GameAsserterWins
		}
		return "", nil
	})
}

func (v *view) Withdraw(ctx context.Context) (*types.Receipt, error) {
	return v.send(ctx, "withdraw", nil, 0, func() (string, []*types.Log) {
		if v.c.credit(v.me).Sign() == 0 {
			return "NothingToWithdraw", nil
		}
		v.c.credits[v.me] = new(big.Int)
		return "", nil
	})
}

// Players are fake game players on c: a player only reads its game's
// status (the test decides games with Decide) and counts its turns.
type Players struct {
	c     *Chain
	mu    sync.Mutex
	acts  map[string]int
	roles map[string]bisection.Role
	srcs  map[string]bisection.Sources
}

// NewPlayers makes fake players for games on c.
func NewPlayers(c *Chain) *Players {
	return &Players{c: c, acts: map[string]int{}, roles: map[string]bisection.Role{}, srcs: map[string]bisection.Sources{}}
}

// New is an agent.Players.
func (p *Players) New(gameID *big.Int, role bisection.Role, src bisection.Sources, _ *slog.Logger) agent.Player {
	p.mu.Lock()
	p.roles[gameID.String()], p.srcs[gameID.String()] = role, src
	p.mu.Unlock()
	return player{p, gameID}
}

// Acts counts the turns played in game gameID (every Act, moving or not).
func (p *Players) Acts(gameID *big.Int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.acts[gameID.String()]
}

// Sources are what the last player made for game gameID plays from.
func (p *Players) Sources(gameID *big.Int) (bisection.Sources, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.srcs[gameID.String()]
	return s, ok
}

type player struct {
	p      *Players
	gameID *big.Int
}

func (pl player) Act(context.Context) ([]bisection.Move, uint8, error) {
	pl.p.mu.Lock()
	pl.p.acts[pl.gameID.String()]++
	pl.p.mu.Unlock()
	return nil, pl.p.c.Game(pl.gameID).Status, nil
}

// Duties is an in-memory agent.DutyStore (JSON values, as contracts/chain.Store keeps them).
type Duties struct {
	mu sync.Mutex
	m  map[string]map[string][]byte
}

// NewDuties is an empty duty store.
func NewDuties() *Duties { return &Duties{m: map[string]map[string][]byte{}} }

func (d *Duties) Put(bucket, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m[bucket] == nil {
		d.m[bucket] = map[string][]byte{}
	}
	d.m[bucket][key] = b
	return nil
}

func (d *Duties) Get(bucket, key string, v any) (bool, error) {
	d.mu.Lock()
	b, ok := d.m[bucket][key]
	d.mu.Unlock()
	if !ok {
		return false, nil
	}
	return true, json.Unmarshal(b, v)
}

func (d *Duties) Delete(bucket, key string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.m[bucket], key)
	return nil
}

func (d *Duties) Keys(bucket string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	keys := make([]string, 0, len(d.m[bucket]))
	for k := range d.m[bucket] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
