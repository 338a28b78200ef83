package devnet

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/challenger"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/models/graph"
)

// RunOptions configure Run.
type RunOptions struct {
	Network Options
	// HonestSample and LieSample are the test images classified in the
	// honest and the disputed request.
	HonestSample, LieSample int
	// Lie is the lying submitter's fault (default: bit 0 of the last
	// node's output, i.e. a wrong class, claiming the kernel accepted it).
	Lie *adversary.Lie
	// Timeout bounds the whole run (default 5 minutes).
	Timeout time.Duration
	// Executor chooses the services' native executor (see
	// ServiceOptions.Executor; nil: the process's ops backend).
	Executor func(*graph.Model) (graph.Options, error)
}

// Summary is what a devnet run established.
type Summary struct {
	HonestRequest, DisputedRequest string
	HonestClass, HonestWant        int32
	LiarClass, FinalClass, Want    int32
	Winner                         string
	// HonestChallenges is the number of challenges of the honest request
	// (0: the challenger re-executed it and agreed).
	HonestChallenges uint64
	// WonBy is how the disputed game was decided, from its Resolved
	// event: "the one-step proof" or "timeout"; GameWinner the side it
	// names.
	WonBy, GameWinner string
	// Stepped is set when the game's one-step proof (Stepped) was seen.
	Stepped      bool
	GameID       string
	Rounds       map[string]int // phase -> rounds
	DisputedNode uint32
	DisputedStep uint64
	Moves        int
	GameGas      map[string]uint64 // party -> gas of its game moves
	BondMoves    []string
	// Slashed is the liar's bond; Burned the part of it the market burned
	// (totalBurned at the end); Reward what the winning challenger claimed
	// of it (claimReward).
	Slashed, Burned, Reward *big.Int
	Detection               time.Duration
	Elapsed, Setup          time.Duration
	// Generation is the generation part (issue 17.6).
	Generation *GenerationSummary `json:"generation,omitempty"`
}

// timeline prints timestamped progress lines.
type timeline struct {
	mu    sync.Mutex
	w     io.Writer
	start time.Time
}

func (t *timeline) printf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.w, "[%6.2fs] %s\n", time.Since(t.start).Seconds(), fmt.Sprintf(format, args...))
}

// Run runs the whole AIVM flow on a fresh network and checks every
// outcome: an honest classification is finalized and delivered by callback;
// a lying submitter's classification is challenged, bisected to one graph
// node and one VM instruction, decided on chain, the liar's bond is slashed
// (half burned, half claimed by the challenger), and the challenger's
// correct result is delivered. It prints a timeline to w and returns an
// error if any outcome differs.
func Run(ctx context.Context, o RunOptions, w io.Writer) (*Summary, error) {
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	tl := &timeline{w: w, start: time.Now()}
	sum := &Summary{Rounds: map[string]int{}, GameGas: map[string]uint64{}}

	where := "an in-process go-ethereum chain (simulated backend)"
	if o.Network.RPC != "" {
		where = o.Network.RPC
	}
	tl.printf("starting: %s; building the fashion-mnist kernel reproducibly, deploying the contracts", where)
	n, err := Start(ctx, o.Network)
	if err != nil {
		return nil, err
	}
	defer n.Close()
	sum.Setup = n.SetupTime()
	tl.printf("deployed: market %s, game %s (k=%d), MIPS %s", n.Addr.Market, n.Addr.Game, n.Addr.Config.K, n.Addr.MIPS)
	tl.printf("kernel %s registered (model root %x, pre-state %x, %d nodes); consumer %s",
		short(n.KernelID), n.Kernel.ModelRoot[:6], n.Kernel.PrestateHash[:6], len(n.Model.Graph.Nodes), n.Consumer)
	narr, err := n.narrate(ctx, tl, sum)
	if err != nil {
		return nil, err
	}
	// On an early return the run's own error is the one reported; the
	// narration's, if any, is checked on the way out of a whole run.
	defer func() { _ = narr() }()

	honest, err := n.StartSubmitter(ctx, "submitter", ServiceOptions{Executor: o.Executor})
	if err != nil {
		return nil, err
	}
	ch, err := n.StartChallenger(ctx, "challenger", ServiceOptions{Executor: o.Executor})
	if err != nil {
		return nil, err
	}
	tl.printf("services up: honest submitter %s, challenger %s", short(n.Accounts["submitter"].Address()), short(n.Accounts["challenger"].Address()))
	fee := big.NewInt(1e15)
	window := time.Duration(n.Addr.Config.ChallengeWindow+1) * time.Second

	// 1. The honest path.
	_, want, err := n.Sample(o.HonestSample)
	if err != nil {
		return nil, err
	}
	if sum.HonestWant, err = n.ResultClass(want); err != nil {
		return nil, err
	}
	id1, err := n.Classify(ctx, o.HonestSample, fee)
	if err != nil {
		return nil, err
	}
	sum.HonestRequest = id1.String()
	tl.printf("request %s: the consumer asks to classify test image %d (fee %s wei)", id1, o.HonestSample, fee)
	r, err := n.WaitRequest(ctx, id1, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	if err != nil {
		return nil, err
	}
	c, err := Class(r.Candidate.Output)
	if err != nil {
		return nil, fmt.Errorf("request %s: the posted output: %w", id1, err)
	}
	tl.printf("request %s: result posted by %s with a %s wei bond: class %d", id1, who(n, r.Submitter), n.Addr.Config.SubmitterBond, c)
	// The window closes only once the challenger has judged the result.
	if agrees, err := waitVerdict(ctx, ch.Challenger, id1); err != nil {
		return nil, err
	} else if !agrees {
		return nil, fmt.Errorf("request %s: the challenger disagrees with the honest result", id1)
	}
	if err := n.AdvanceTime(ctx, window); err != nil {
		return nil, err
	}
	tl.printf("chain clock +%s: the challenge window is over", window)
	if _, err = n.WaitRequest(ctx, id1, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized }); err != nil {
		return nil, err
	}
	done, cls, label, err := n.ConsumerResult(ctx, id1)
	if err != nil {
		return nil, err
	}
	if !done {
		return nil, fmt.Errorf("request %s: finalized, but the consumer has no result", id1)
	}
	sum.HonestClass = cls
	tl.printf("request %s: finalized; the callback delivered class %d (%q) to the consumer", id1, cls, label)
	if sum.HonestChallenges, err = n.Market.ChallengeCount(ctx, id1); err != nil {
		return nil, err
	}
	if sum.HonestChallenges != 0 {
		return nil, fmt.Errorf("request %s: the honest result was challenged %d time(s)", id1, sum.HonestChallenges)
	}
	tl.printf("request %s: the challenger re-executed it and agrees: nobody challenged it in its window", id1)
	// The submitter withdraws fee and bond on its next tick; let it.
	if err := n.waitCredits(ctx, []string{"submitter"}); err != nil {
		return nil, err
	}
	if err := honest.Stop(); err != nil {
		return nil, fmt.Errorf("stopping the honest submitter: %w", err)
	}

	// 2. The lie.
	lie := o.Lie
	if lie == nil {
		lie = &adversary.Lie{Node: len(n.Model.Graph.Nodes), Bit: 0}
	}
	if _, err := n.StartSubmitter(ctx, "liar", ServiceOptions{Lie: lie, Executor: o.Executor}); err != nil {
		return nil, err
	}
	tl.printf("a lying submitter %s replaces the honest one: it flips bit %d of node %d's output", short(n.Accounts["liar"].Address()), lie.Bit, lie.Node)
	_, want2, err := n.Sample(o.LieSample)
	if err != nil {
		return nil, err
	}
	if sum.Want, err = n.ResultClass(want2); err != nil {
		return nil, err
	}
	id2, err := n.Classify(ctx, o.LieSample, fee)
	if err != nil {
		return nil, err
	}
	sum.DisputedRequest = id2.String()
	tl.printf("request %s: the consumer asks to classify test image %d", id2, o.LieSample)
	r, err = n.WaitRequest(ctx, id2, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	if err != nil {
		return nil, err
	}
	if sum.LiarClass, err = Class(r.Candidate.Output); err != nil {
		return nil, fmt.Errorf("request %s: the liar's output: %w", id2, err)
	}
	tl.printf("request %s: the liar posted class %d (correct: %d)", id2, sum.LiarClass, sum.Want)
	det, err := detection(ctx, ch.Challenger, id2)
	if err != nil {
		return nil, err
	}
	sum.Detection = det.Sent.Sub(det.ResultSeen)
	tl.printf("request %s: the challenger re-executed, found a different S_n and challenged %s after seeing the result", id2, sum.Detection.Round(time.Millisecond))
	r, err = n.WaitRequest(ctx, id2, func(r bindings.InferenceMarketRequest) bool { return r.Round > 0 })
	if err != nil {
		return nil, err
	}
	sum.Winner = who(n, r.Submitter)
	tl.printf("request %s: the challenge is settled; the candidate is now %s's result, with a fresh window", id2, sum.Winner)
	// The refuted round settles with its last game; the winner then claims
	// its share of the liar's bond.
	if err := n.waitRewarded(ctx, id2, 0); err != nil {
		return nil, err
	}
	if err := n.AdvanceTime(ctx, window); err != nil {
		return nil, err
	}
	tl.printf("chain clock +%s", window)
	if _, err = n.WaitRequest(ctx, id2, func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusFinalized }); err != nil {
		return nil, err
	}
	done, sum.FinalClass, label, err = n.ConsumerResult(ctx, id2)
	if err != nil {
		return nil, err
	}
	if !done {
		return nil, fmt.Errorf("request %s: finalized, but the consumer has no result", id2)
	}
	tl.printf("request %s: finalized; the callback delivered class %d (%q)", id2, sum.FinalClass, label)
	// Let the services withdraw.
	if err := n.waitCredits(ctx, []string{"challenger", "liar"}); err != nil {
		return nil, err
	}
	sum.Slashed = n.Addr.Config.SubmitterBond
	if sum.Burned, err = n.Market.TotalBurned(ctx); err != nil {
		return nil, err
	}
	// The narrator fills the summary's game and payment figures: let it
	// drain what was mined before they are checked.
	if err := narr(); err != nil {
		return sum, err
	}
	if err := sum.check(); err != nil {
		return sum, err
	}
	// 3. Generation requests (docs/protocol.md 8), after the narration:
	// its figures are the classification dispute's.
	if sum.Generation, err = n.runGeneration(ctx, tl, o); err != nil {
		return sum, fmt.Errorf("generation: %w", err)
	}
	sum.Elapsed = time.Since(tl.start)
	return sum, nil
}

// waitVerdict waits until the challenger has re-executed request id and
// judged its candidate; it reports whether it found it right.
func waitVerdict(ctx context.Context, ch *challenger.Service, id *big.Int) (bool, error) {
	for {
		if agrees, judged := ch.Verdict(id.String()); judged {
			return agrees, nil
		}
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("request %s: the challenger never judged the result: %w", id, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// detection is the challenger's challenge of request id; a challenge of any
// other request is an error (the devnet's other request is honest).
func detection(ctx context.Context, ch *challenger.Service, id *big.Int) (challenger.Detection, error) {
	select {
	case det := <-ch.Detections:
		if det.RequestID != id.String() {
			return det, fmt.Errorf("the challenger challenged request %s, want only request %s", det.RequestID, id)
		}
		return det, nil
	case <-ctx.Done():
		return challenger.Detection{}, fmt.Errorf("no challenge of request %s: %w", id, ctx.Err())
	}
}

// waitRewarded waits until challenge idx of request id has been paid its
// reward (claimReward: status Rewarded).
func (n *Network) waitRewarded(ctx context.Context, id *big.Int, idx uint64) error {
	for {
		c, err := n.Market.Challenge(ctx, id, idx)
		if err == nil && c.Status == market.ChallengeRewarded {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("challenge %s/%d was never rewarded (status %d): %w", id, idx, c.Status, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// check compares the outcomes with the expected ones.
func (s *Summary) check() error {
	var errs []error
	if s.HonestClass != s.HonestWant {
		errs = append(errs, fmt.Errorf("honest request delivered class %d, native inference says %d", s.HonestClass, s.HonestWant))
	}
	if s.LiarClass == s.Want {
		errs = append(errs, fmt.Errorf("the liar's class %d is the correct one: the lie changed nothing visible", s.LiarClass))
	}
	if s.Winner != "challenger" {
		errs = append(errs, fmt.Errorf("the disputed request's candidate is %s's, want the challenger's", s.Winner))
	}
	if s.FinalClass != s.Want {
		errs = append(errs, fmt.Errorf("disputed request delivered class %d, want %d", s.FinalClass, s.Want))
	}
	switch {
	case s.WonBy == "":
		errs = append(errs, fmt.Errorf("no Resolved event of game %q was seen", s.GameID))
	case s.GameWinner != "challenger":
		errs = append(errs, fmt.Errorf("game %s was won by the %s, want the challenger", s.GameID, s.GameWinner))
	case s.WonBy != wonByStep:
		// The liar plays to the end; only a broken step (or a stalled
		// player) leaves the challenger a timeout.
		errs = append(errs, fmt.Errorf("game %s was won by %s, want by the one-step proof", s.GameID, s.WonBy))
	case !s.Stepped:
		errs = append(errs, fmt.Errorf("game %s was resolved by the one-step proof, but no Stepped event was seen", s.GameID))
	}
	if s.HonestChallenges != 0 {
		errs = append(errs, fmt.Errorf("the honest request was challenged %d time(s)", s.HonestChallenges))
	}
	// The one winner's share is the unburned half of the liar's bond; the
	// burned half stays in the market.
	burn := new(big.Int).Div(new(big.Int).Mul(s.Slashed, big.NewInt(market.BurnBPS)), big.NewInt(10_000))
	if s.Burned == nil || s.Burned.Cmp(burn) != 0 {
		errs = append(errs, fmt.Errorf("burned %v wei, want %s (BURN_BPS of the liar's bond)", s.Burned, burn))
	}
	if share := new(big.Int).Sub(s.Slashed, burn); s.Reward == nil || s.Reward.Cmp(share) != 0 {
		errs = append(errs, fmt.Errorf("the challenger claimed %v wei, want %s (the unburned rest of the liar's bond)", s.Reward, share))
	}
	return errors.Join(errs...)
}

// waitCredits waits until the named accounts have withdrawn everything.
func (n *Network) waitCredits(ctx context.Context, names []string) error {
	for _, name := range names {
		for {
			c, err := n.Market.Credits(ctx, n.Accounts[name].Address())
			if err != nil {
				return err
			}
			if c.Sign() == 0 {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s never withdrew its %s wei: %w", name, c, ctx.Err())
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
	return nil
}

// txInfo is the gas and sender of a mined transaction. A node may lag in
// serving what it has mined (geth's transaction index), so a failed read
// is retried for a few seconds.
func (n *Network) txInfo(ctx context.Context, hash common.Hash) (gas uint64, from common.Address, err error) {
	for try := 0; ; try++ {
		var rc *types.Receipt
		var tx *types.Transaction
		if rc, err = n.Backend.TransactionReceipt(ctx, hash); err == nil {
			if tx, _, err = n.Backend.TransactionByHash(ctx, hash); err == nil {
				from, err = types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
				if err != nil {
					return 0, from, fmt.Errorf("sender of %s: %w", hash, err)
				}
				return rc.GasUsed, from, nil
			}
		}
		if try == 20 || ctx.Err() != nil {
			return 0, from, fmt.Errorf("transaction %s: %w", hash, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// The two ways a game is decided, as the summary names them.
const (
	wonByStep    = "the one-step proof"
	wonByTimeout = "timeout"
)

// unpack decodes one event, recording a failure in errs.
func unpack[T any](errs *[]error, name string, f func(*types.Log) (T, error), l types.Log) (T, bool) {
	v, err := f(&l)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("narrator: %s event in tx %s: %w", name, l.TxHash, err))
		return v, false
	}
	return v, true
}

// narrate prints every game and market event as it is mined, with the gas
// of its transaction, and fills the summary's game figures. stop ends it
// after draining what was mined meanwhile and returns every error the
// narration met (an event that did not decode, a transaction it could not
// read): a line it could not print is a failed run.
func (n *Network) narrate(ctx context.Context, tl *timeline, sum *Summary) (stop func() error, err error) {
	ctx, cancel := context.WithCancel(ctx)
	game := bindings.NewDisputeGame()
	mk := n.Market.Market
	seen := map[common.Hash]bool{}
	// request -> the submitter of each candidate round, to name a refuted
	// round's loser when it settles
	candidates := map[string][]common.Address{}
	var errs []error // written by the watcher's goroutine, read after it ends
	type logID struct {
		tx    common.Hash
		index uint
	}
	narrated := map[logID]bool{} // a log delivered again (see below) is told once
	handle := func(ctx context.Context, l types.Log) error {
		if narrated[logID{l.TxHash, l.Index}] {
			return nil
		}
		narrated[logID{l.TxHash, l.Index}] = true
		gas, from, err := n.txInfo(ctx, l.TxHash)
		if err != nil {
			if ctx.Err() != nil {
				// stop cancelled the follower mid-log: failing the log
				// keeps the cursor before it, and stop's final Sync
				// delivers it again with a live context.
				delete(narrated, logID{l.TxHash, l.Index})
				return ctx.Err()
			}
			errs = append(errs, fmt.Errorf("narrator: %w", err))
			return nil
		}
		party := who(n, from)
		first := !seen[l.TxHash]
		seen[l.TxHash] = true
		count := func() {
			if first {
				sum.GameGas[party] += gas
				sum.Moves++
			}
		}
		name := market.EventName(l)
		switch l.Address {
		case n.Addr.Game:
			switch name {
			case "GameCreated":
				ev, ok := unpack(&errs, name, game.UnpackGameCreatedEvent, l)
				if !ok {
					break
				}
				sum.GameID = ev.GameId.String()
				tl.printf("game %s: phase G over graph states [0, %d]; asserter %s, challenger %s", ev.GameId, ev.GraphSize, who(n, ev.Asserter), who(n, ev.Challenger))
			case "Split":
				ev, ok := unpack(&errs, name, game.UnpackSplitEvent, l)
				if !ok {
					break
				}
				count()
				sum.Rounds[bisection.PhaseName(ev.Phase)]++
				cost := fmt.Sprintf("%d gas", gas)
				if !first {
					cost = "in the same transaction" // startVMPhase carries phase V's first split
				}
				tl.printf("game %s: %s splits %s [%d, %d] into %d parts (%d claims, %s)", ev.GameId, party, bisection.PhaseName(ev.Phase), ev.Lo, ev.Hi, len(ev.Claims)+1, len(ev.Claims), cost)
			case "Chosen":
				ev, ok := unpack(&errs, name, game.UnpackChosenEvent, l)
				if !ok {
					break
				}
				count()
				tl.printf("game %s: %s disputes part %d -> %s [%d, %d] (%d gas)", ev.GameId, party, ev.J, bisection.PhaseName(ev.Phase), ev.Lo, ev.Hi, gas)
			case "VMPhaseStarted":
				ev, ok := unpack(&errs, name, game.UnpackVMPhaseStartedEvent, l)
				if !ok {
					break
				}
				count()
				sum.DisputedNode = ev.Node
				tl.printf("game %s: phase G ends at node %d; phase V over kernel steps [0, 2^32] from the registered pre-state, local data loaded on chain (%d gas)", ev.GameId, ev.Node, gas)
			case "Stepped":
				ev, ok := unpack(&errs, name, game.UnpackSteppedEvent, l)
				if !ok {
					break
				}
				count()
				sum.DisputedStep, sum.Stepped = ev.VmStep, true
				tl.printf("game %s: %s executes VM step %d on chain with MIPS.step (%d gas): post-state %x", ev.GameId, party, ev.VmStep, gas, ev.PostStateHash[:6])
			case "Resolved":
				ev, ok := unpack(&errs, name, game.UnpackResolvedEvent, l)
				if !ok {
					break
				}
				how := wonByStep
				if ev.ByTimeout {
					how = wonByTimeout
				}
				if ev.GameId.String() == sum.GameID {
					sum.WonBy, sum.GameWinner = how, bisection.WinnerName(ev.Status)
				}
				tl.printf("game %s: resolved by %s: the %s wins", ev.GameId, how, bisection.WinnerName(ev.Status))
			}
		case n.Addr.Market:
			switch name {
			case "ChallengeOpened":
				ev, ok := unpack(&errs, name, mk.UnpackChallengeOpenedEvent, l)
				if !ok {
					break
				}
				tl.printf("request %s: %s challenges with a %s wei bond (%d gas), game %s", ev.RequestId, who(n, ev.Challenger), n.Addr.Config.ChallengerBond, gas, ev.GameId)
			case "ResultSubmitted":
				ev, ok := unpack(&errs, name, mk.UnpackResultSubmittedEvent, l)
				if !ok {
					break
				}
				candidates[ev.RequestId.String()] = []common.Address{ev.Submitter}
			case "Credited":
				ev, ok := unpack(&errs, name, mk.UnpackCreditedEvent, l)
				if !ok {
					break
				}
				sum.BondMoves = append(sum.BondMoves, fmt.Sprintf("%s credited %s ETH", who(n, ev.Account), eth(ev.Amount)))
			case "Withdrawn":
				ev, ok := unpack(&errs, name, mk.UnpackWithdrawnEvent, l)
				if !ok {
					break
				}
				tl.printf("%s withdrew %s wei", who(n, ev.Account), ev.Amount)
			case "ChallengeWon":
				ev, ok := unpack(&errs, name, mk.UnpackChallengeWonEvent, l)
				if !ok {
					break
				}
				req := ev.RequestId.String()
				if ev.ReplacedCandidate {
					tl.printf("request %s: challenge %s won by %s: the candidate is refuted and %s's result replaces it", req, ev.ChallengeIndex,
						who(n, ev.Challenger), who(n, ev.Challenger))
					candidates[req] = append(candidates[req], ev.Challenger)
				} else {
					tl.printf("request %s: challenge %s won by %s against an already refuted candidate", req, ev.ChallengeIndex, who(n, ev.Challenger))
				}
			case "ChallengeLost":
				ev, ok := unpack(&errs, name, mk.UnpackChallengeLostEvent, l)
				if !ok {
					break
				}
				tl.printf("request %s: challenge %s lost: half its bond burned, half to %s", ev.RequestId, ev.ChallengeIndex, who(n, ev.Submitter))
			case "RoundSettled":
				ev, ok := unpack(&errs, name, mk.UnpackRoundSettledEvent, l)
				if !ok {
					break
				}
				var loser common.Address
				if cs := candidates[ev.RequestId.String()]; int(ev.Round) < len(cs) {
					loser = cs[ev.Round]
				}
				bond := new(big.Int).Add(new(big.Int).Mul(ev.Share, big.NewInt(int64(ev.Winners))), ev.Burned)
				tl.printf("request %s: every game on round %d's candidate is over: %s's %s wei bond split, %s wei burned, %s wei to each of %d winner(s)",
					ev.RequestId, ev.Round, who(n, loser), bond, ev.Burned, ev.Share, ev.Winners)
				sum.BondMoves = append(sum.BondMoves, fmt.Sprintf("slashed: %s's %s ETH bond: %s ETH burned, %s ETH shared by %d winner(s)",
					who(n, loser), eth(bond), eth(ev.Burned), eth(new(big.Int).Mul(ev.Share, big.NewInt(int64(ev.Winners)))), ev.Winners))
			case "RewardClaimed":
				ev, ok := unpack(&errs, name, mk.UnpackRewardClaimedEvent, l)
				if !ok {
					break
				}
				tl.printf("request %s: %s claims its reward for challenge %s: %s wei", ev.RequestId, who(n, ev.Challenger), ev.ChallengeIndex, ev.Amount)
				if sum.Reward == nil {
					sum.Reward = new(big.Int)
				}
				sum.Reward.Add(sum.Reward, ev.Amount)
			}
		}
		return nil
	}
	w, err := chain.NewLogWatcher(n.Backend, chain.WatchOptions{
		Query: ethereum.FilterQuery{Addresses: []common.Address{n.Addr.Game, n.Addr.Market}},
		From:  n.Addr.Block, PollInterval: 20 * time.Millisecond, Logger: slog.New(slog.DiscardHandler),
	}, handle)
	if err != nil {
		cancel()
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var stopErr error
	return func() error {
		// Stop, then drain what was mined meanwhile (once: Run stops
		// it before checking the summary and again on return).
		once.Do(func() {
			cancel()
			if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
				errs = append(errs, fmt.Errorf("narrator: following the chain: %w", err))
			}
			if err := w.Sync(context.Background()); err != nil {
				errs = append(errs, fmt.Errorf("narrator: last events: %w", err))
			}
			stopErr = errors.Join(errs...)
		})
		return stopErr
	}, nil
}

// eth formats wei as ETH.
func eth(wei *big.Int) string {
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(1e18)).Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func who(n *Network, a common.Address) string {
	for name, acct := range n.Accounts {
		if acct.Address() == a {
			return name
		}
	}
	if a == n.Consumer {
		return "consumer"
	}
	return short(a)
}

func short(v interface{ Hex() string }) string {
	h := v.Hex()
	if len(h) > 12 {
		return h[:8] + "…" + h[len(h)-4:]
	}
	return h
}

// Print writes the summary as a table.
func (s *Summary) Print(w io.Writer) {
	fmt.Fprintln(w, "\nsummary")
	row := func(k, v string) { fmt.Fprintf(w, "  %-28s %s\n", k, v) }
	row("honest request", fmt.Sprintf("%s: class %d delivered (native %d)", s.HonestRequest, s.HonestClass, s.HonestWant))
	row("disputed request", fmt.Sprintf("%s: liar said %d, delivered %d (native %d)", s.DisputedRequest, s.LiarClass, s.FinalClass, s.Want))
	how := "by " + s.WonBy
	if s.WonBy == wonByStep {
		how += fmt.Sprintf(" at VM step %d", s.DisputedStep)
	}
	row("winner", fmt.Sprintf("%s (game won %s)", s.Winner, how))
	row("game", fmt.Sprintf("%s: node %d, VM step %d; rounds G %d, V %d; %d moves", s.GameID, s.DisputedNode, s.DisputedStep, s.Rounds["G"], s.Rounds["V"], s.Moves))
	parties := make([]string, 0, len(s.GameGas))
	for p := range s.GameGas {
		parties = append(parties, p)
	}
	sort.Strings(parties)
	var gas []string
	for _, p := range parties {
		gas = append(gas, fmt.Sprintf("%s %d", p, s.GameGas[p]))
	}
	row("game gas", strings.Join(gas, ", "))
	row("bonds and fees", strings.Join(s.BondMoves, "\n"+strings.Repeat(" ", 31)))
	if s.Slashed != nil && s.Burned != nil && s.Reward != nil {
		row("liar's bond", fmt.Sprintf("%s ETH slashed: %s ETH burned (kept by the market forever), %s ETH claimed by the winner",
			eth(s.Slashed), eth(s.Burned), eth(s.Reward)))
	}
	row("detection latency", s.Detection.Round(time.Millisecond).String())
	if g := s.Generation; g != nil {
		row("honest generation", fmt.Sprintf("%s: %q", g.HonestRequest, g.HonestText))
		row("disputed generation", fmt.Sprintf("%s: token %d changed, dispute at node %d (%q of token %d), won by %s",
			g.DisputedRequest, devnetLiedToken, g.GameNode, g.DisputedNode, g.DisputedToken, g.Winner))
		row("VRF check gas", fmt.Sprintf("%d (a call to VrfVerifier.verifiedSeed)", g.VRFVerifyGas))
	}
	row("time", fmt.Sprintf("%s (setup %s)", s.Elapsed.Round(10*time.Millisecond), s.Setup.Round(10*time.Millisecond)))
}
