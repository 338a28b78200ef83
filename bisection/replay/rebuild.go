package replay

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Backend is what Rebuild reads from a chain. A JSON-RPC *ethclient.Client,
// the simulated backend's client and contracts/chain.Backend implement it.
type Backend interface {
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	TransactionByHash(ctx context.Context, hash common.Hash) (tx *types.Transaction, isPending bool, err error)
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Addresses are the contracts a dispute lives in. FromBlock bounds the log
// queries (the deployment block; 0 scans from genesis).
type Addresses struct {
	Market    common.Address `json:"inference_market"`
	Game      common.Address `json:"dispute_game"`
	Registry  common.Address `json:"kernel_registry"`
	Oracle    common.Address `json:"preimage_oracle"`
	MIPS      common.Address `json:"mips"`
	FromBlock uint64         `json:"from_block"`
}

// FromDeployment takes the addresses of a deployment file.
func FromDeployment(a *deploy.Addresses) Addresses {
	return Addresses{Market: a.Market, Game: a.Game, Registry: a.Registry, Oracle: a.Oracle, MIPS: a.MIPS, FromBlock: a.Block}
}

var (
	gameABI     = bindings.NewDisputeGame()
	marketABI   = bindings.NewInferenceMarket()
	oracleABI   = bindings.NewPreimageOracle()
	registryABI = bindings.NewKernelRegistry()
)

func view[T any](ctx context.Context, b Backend, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := b.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		return zero, chain.Decode(err)
	}
	return unpack(out)
}

// ResolveAddresses finds the game, registry, oracle and MIPS of a market
// from its immutables (market.game(), market.registry(), game.mips(),
// game.oracle()). FromBlock is 0: logs are searched from genesis.
func ResolveAddresses(ctx context.Context, b Backend, marketAddr common.Address) (Addresses, error) {
	a := Addresses{Market: marketAddr}
	var err error
	if a.Game, err = view(ctx, b, marketAddr, marketABI.PackGame(), marketABI.UnpackGame); err != nil {
		return a, fmt.Errorf("replay: market %s: game(): %w", marketAddr, err)
	}
	if a.Registry, err = view(ctx, b, marketAddr, marketABI.PackRegistry(), marketABI.UnpackRegistry); err != nil {
		return a, fmt.Errorf("replay: market %s: registry(): %w", marketAddr, err)
	}
	if a.MIPS, err = view(ctx, b, a.Game, gameABI.PackMips(), gameABI.UnpackMips); err != nil {
		return a, fmt.Errorf("replay: game %s: mips(): %w", a.Game, err)
	}
	if a.Oracle, err = view(ctx, b, a.Game, gameABI.PackOracle(), gameABI.UnpackOracle); err != nil {
		return a, fmt.Errorf("replay: game %s: oracle(): %w", a.Game, err)
	}
	return a, nil
}

// TxInfo is one transaction behind an event.
type TxInfo struct {
	Hash  common.Hash    `json:"hash"`
	Block uint64         `json:"block"`
	Time  uint64         `json:"time"`
	From  common.Address `json:"from"`
	Gas   uint64         `json:"gas"`
	// Calldata is the transaction's input (kept for the final step only).
	Calldata []byte `json:"-"`
}

// Move kinds (bisection's names, plus the resolution).
const (
	KindSplit   = bisection.MoveSplit
	KindChoose  = bisection.MoveChoose
	KindStartVM = bisection.MoveStartVM
	KindStep    = bisection.MoveStep
	KindTimeout = bisection.MoveClaimTimeout
)

// Move is one game transaction, with the position it was made on and the
// clocks after it (recomputed from block times by the contract's rules).
type Move struct {
	Kind  string `json:"kind"`
	Party string `json:"party"` // asserter | challenger | anyone (step/claimTimeout by a third party)
	Phase uint8  `json:"phase"`
	// Seg is the segment the move was made on.
	Seg bisection.Segment `json:"segment"`
	// Split: the claims at bisection.SplitPoints(Seg).
	Points []uint64         `json:"points,omitempty"`
	Claims []bisection.Hash `json:"claims,omitempty"`
	// Choose: the index and the new position.
	J    uint64              `json:"j,omitempty"`
	Next *bisection.Position `json:"next,omitempty"`
	// StartVM: node and V_T; Step: the step and its hashes.
	Node    uint32         `json:"node,omitempty"`
	VT      bisection.Hash `json:"vm_final_state,omitempty"`
	VMStep  uint64         `json:"vm_step,omitempty"`
	PreHash bisection.Hash `json:"pre_state_hash,omitempty"`
	Post    bisection.Hash `json:"post_state_hash,omitempty"`
	Tx      TxInfo         `json:"tx"`
	// SameTx: the move shares its transaction with the previous move
	// (startVMPhase carrying the first phase-V split): its gas is counted
	// there and the clock ticked once.
	SameTx bool `json:"same_tx,omitempty"`
	// Elapsed is the time charged to the mover (since the previous move);
	// AsserterClock and ChallengerClock the remaining seconds after it.
	Elapsed         uint64 `json:"elapsed_s"`
	AsserterClock   uint64 `json:"asserter_clock_s"`
	ChallengerClock uint64 `json:"challenger_clock_s"`
}

// Request is the market request a game disputes.
type Request struct {
	ID           *big.Int       `json:"id"`
	Requester    common.Address `json:"requester"`
	Fee          *big.Int       `json:"fee_wei"`
	InitialState common.Hash    `json:"initial_state"`
	OutputSlot   uint32         `json:"output_slot"`
	Inputs       [][]byte       `json:"-"`
	Tx           TxInfo         `json:"tx"`
	// Generation is set for a generation request (docs/protocol.md 8): its
	// inputs are rebuilt from the prompt, the settings and the seed.
	Generation *GenerationRequest `json:"generation,omitempty"`
}

// GenerationRequest is what a generation request adds: the
// GenerationRequested event's fields and the GenerationSeeded seed.
type GenerationRequest struct {
	Prompt      []uint32                         `json:"prompt"`
	MaxTokens   uint32                           `json:"max_tokens"`
	Sampling    bindings.InferenceMarketSampling `json:"sampling"`
	Seed        common.Hash                      `json:"seed"`
	SeededState common.Hash                      `json:"seeded_initial_state"`
}

// Posted is a result posted by submitResult or challenge.
type Posted struct {
	By               common.Address `json:"by"`
	OutputCommitment common.Hash    `json:"output_commitment"`
	FinalState       common.Hash    `json:"final_state"`
	Output           []byte         `json:"output,omitempty"`
	Tx               TxInfo         `json:"tx"`
}

// Dispute is everything the chain says about one game.
type Dispute struct {
	Addrs           Addresses        `json:"addresses"`
	GameID          *big.Int         `json:"game_id"`
	K               uint             `json:"k"`
	ClockBudget     uint64           `json:"clock_budget_s"`
	ClockExtension  uint64           `json:"clock_extension_s"`
	KernelID        common.Hash      `json:"kernel_id"`
	Kernel          *registry.Record `json:"kernel"`
	Asserter        common.Address   `json:"asserter"`
	Challenger      common.Address   `json:"challenger"`
	InitialState    bisection.Hash   `json:"initial_state"`
	ClaimedFinal    bisection.Hash   `json:"claimed_final_state"`
	GraphSize       uint32           `json:"graph_size"`
	Created         TxInfo           `json:"created"`
	Request         *Request         `json:"request,omitempty"`
	ChallengeIndex  uint64           `json:"challenge_index"`
	Result          *Posted          `json:"result,omitempty"`
	ChallengeResult *Posted          `json:"challenge_result,omitempty"`
	Moves           []Move           `json:"moves"`

	// Phase V: the node phase G ended at, with S_{k-1}/S_k from the
	// phase-G replay (OracleLocal: read back from the oracle's local data,
	// zero when unreadable), the kernel pre-state and the asserter's V_T.
	VMStarted    bool               `json:"vm_started"`
	Node         uint32             `json:"node,omitempty"`
	Prev         bisection.Hash     `json:"prev_state,omitempty"`
	Claimed      bisection.Hash     `json:"claimed_state,omitempty"`
	OracleLocal  *[2]bisection.Hash `json:"oracle_local,omitempty"`
	LocalContext bisection.Hash     `json:"local_context,omitempty"`
	Prestate     bisection.Hash     `json:"prestate,omitempty"`
	VT           bisection.Hash     `json:"vm_final_state,omitempty"`
	// Final is the last position (the one the game was decided on).
	Final bisection.Position `json:"final_position"`

	// Step is the final step's calldata (nil when decided by timeout).
	StepState, StepProof []byte

	Resolved  bool                     `json:"resolved"`
	Status    uint8                    `json:"status"` // 1 asserter, 2 challenger
	ByTimeout bool                     `json:"by_timeout"`
	Record    bindings.DisputeGameGame `json:"record"`
	// Notes are inconsistencies between the events, the record and the
	// rules found while rebuilding (empty for a well-formed game).
	Notes []string `json:"notes,omitempty"`
}

// Winner names the side that won ("" while in progress).
func (d *Dispute) Winner() string { return bisection.WinnerName(d.Status) }

func (d *Dispute) note(format string, args ...any) {
	d.Notes = append(d.Notes, fmt.Sprintf(format, args...))
}

type reader struct {
	b       Backend
	headers map[uint64]uint64
}

func (r *reader) tx(ctx context.Context, l types.Log, keepData bool) (TxInfo, error) {
	ti := TxInfo{Hash: l.TxHash, Block: l.BlockNumber}
	tx, _, err := r.b.TransactionByHash(ctx, l.TxHash)
	if err != nil {
		return ti, fmt.Errorf("replay: transaction %s: %w", l.TxHash, err)
	}
	if ti.From, err = types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx); err != nil {
		return ti, fmt.Errorf("replay: sender of %s: %w", l.TxHash, err)
	}
	if keepData {
		ti.Calldata = tx.Data()
	}
	rc, err := r.b.TransactionReceipt(ctx, l.TxHash)
	if err != nil {
		return ti, fmt.Errorf("replay: receipt %s: %w", l.TxHash, err)
	}
	ti.Gas = rc.GasUsed
	t, ok := r.headers[l.BlockNumber]
	if !ok {
		h, err := r.b.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
		if err != nil {
			return ti, fmt.Errorf("replay: header %d: %w", l.BlockNumber, err)
		}
		t = h.Time
		r.headers[l.BlockNumber] = t
	}
	ti.Time = t
	return ti, nil
}

func gameEvent(name string) common.Hash   { return gameABI.GetABI().Events[name].ID }
func marketEvent(name string) common.Hash { return marketABI.GetABI().Events[name].ID }

func sortLogs(ls []types.Log) {
	sort.SliceStable(ls, func(i, j int) bool {
		if ls[i].BlockNumber != ls[j].BlockNumber {
			return ls[i].BlockNumber < ls[j].BlockNumber
		}
		return ls[i].Index < ls[j].Index
	})
}

// Rebuild reads game gameID and its request from the chain.
func Rebuild(ctx context.Context, b Backend, addrs Addresses, gameID *big.Int) (*Dispute, error) {
	if gameID == nil || gameID.Sign() <= 0 {
		return nil, errors.New("replay: game ids start at 1")
	}
	d := &Dispute{Addrs: addrs, GameID: new(big.Int).Set(gameID)}
	r := &reader{b: b, headers: map[uint64]uint64{}}
	var err error
	if d.Record, err = view(ctx, b, addrs.Game, gameABI.PackGetGame(gameID), gameABI.UnpackGetGame); err != nil {
		return nil, fmt.Errorf("replay: game %s: getGame: %w", gameID, err)
	}
	kv, err := view(ctx, b, addrs.Game, gameABI.PackK(), gameABI.UnpackK)
	if err != nil {
		return nil, fmt.Errorf("replay: game K: %w", err)
	}
	if !kv.IsUint64() || kv.Uint64() < bisection.MinK || kv.Uint64() > bisection.MaxK {
		return nil, fmt.Errorf("replay: game K = %s out of range", kv)
	}
	d.K = uint(kv.Uint64())
	if d.ClockBudget, err = view(ctx, b, addrs.Game, gameABI.PackCLOCKBUDGET(), gameABI.UnpackCLOCKBUDGET); err != nil {
		return nil, fmt.Errorf("replay: CLOCK_BUDGET: %w", err)
	}
	if d.ClockExtension, err = view(ctx, b, addrs.Game, gameABI.PackCLOCKEXTENSION(), gameABI.UnpackCLOCKEXTENSION); err != nil {
		return nil, fmt.Errorf("replay: CLOCK_EXTENSION: %w", err)
	}

	logs, err := b.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(addrs.FromBlock),
		Addresses: []common.Address{addrs.Game},
		Topics:    [][]common.Hash{nil, {common.BigToHash(gameID)}},
	})
	if err != nil {
		return nil, fmt.Errorf("replay: game logs: %w", err)
	}
	sortLogs(logs)
	if err := d.replayGame(ctx, r, logs); err != nil {
		return nil, err
	}
	if err := d.findRequest(ctx, r); err != nil {
		return nil, err
	}
	rec, err := view(ctx, b, addrs.Registry, registryABI.PackGetKernel(d.KernelID), registryABI.UnpackGetKernel)
	if err != nil {
		return nil, fmt.Errorf("replay: registry getKernel(%s): %w", d.KernelID, err)
	}
	if d.Kernel, err = registry.NewRecord(d.KernelID, rec); err != nil {
		return nil, fmt.Errorf("replay: kernel %s: %w", d.KernelID, err)
	}
	if d.VMStarted && d.Prestate != d.Kernel.PrestateHash {
		d.note("phase V started at pre-state %x, the registry records %x", d.Prestate, d.Kernel.PrestateHash)
	}
	if d.VMStarted {
		d.readOracleLocal(ctx, b)
	}
	d.checkRecord()
	return d, nil
}

// replayGame walks the game's events in order, replaying positions and clocks.
func (d *Dispute) replayGame(ctx context.Context, r *reader, logs []types.Log) error {
	var (
		pos      bisection.Position
		pending  *Move // the split awaiting its choice
		aClock   uint64
		cClock   uint64
		last     uint64
		created  bool
		graphEnd bisection.Position
		phase    = bisection.PhaseG
	)
	tick := func(m *Move, asserter bool) {
		el := uint64(0)
		if m.Tx.Time > last {
			el = m.Tx.Time - last
		}
		m.Elapsed = el
		if asserter {
			if el > aClock {
				d.note("%s at block %d: the asserter's clock had run out (elapsed %d > %d)", m.Kind, m.Tx.Block, el, aClock)
				aClock = 0
			} else {
				aClock -= el
			}
			cClock = max(cClock, d.ClockExtension)
		} else {
			if el > cClock {
				d.note("%s at block %d: the challenger's clock had run out (elapsed %d > %d)", m.Kind, m.Tx.Block, el, cClock)
				cClock = 0
			} else {
				cClock -= el
			}
			aClock = max(aClock, d.ClockExtension)
		}
		last = m.Tx.Time
	}
	party := func(from common.Address) string {
		switch from {
		case d.Asserter:
			return "asserter"
		case d.Challenger:
			return "challenger"
		}
		return "anyone"
	}
	for _, l := range logs {
		if len(l.Topics) == 0 {
			continue
		}
		switch l.Topics[0] {
		case gameEvent("GameCreated"):
			ev, err := gameABI.UnpackGameCreatedEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: GameCreated: %w", err)
			}
			created = true
			d.KernelID, d.Asserter, d.Challenger = ev.KernelId, ev.Asserter, ev.Challenger
			d.InitialState, d.ClaimedFinal, d.GraphSize = ev.InitialState, ev.ClaimedFinalState, ev.GraphSize
			if d.Created, err = r.tx(ctx, l, false); err != nil {
				return err
			}
			aClock, cClock, last = d.ClockBudget, d.ClockBudget, d.Created.Time
			pos = bisection.Position{Seg: bisection.Segment{Lo: 0, Hi: uint64(ev.GraphSize)}, LoHash: ev.InitialState, HiHash: ev.ClaimedFinalState}
		case gameEvent("Split"):
			ev, err := gameABI.UnpackSplitEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: Split: %w", err)
			}
			m := Move{Kind: KindSplit, Phase: ev.Phase, Seg: bisection.Segment{Lo: ev.Lo, Hi: ev.Hi}, Claims: ev.Claims,
				Points: bisection.SplitPoints(ev.Lo, ev.Hi, d.K)}
			if m.Tx, err = r.tx(ctx, l, false); err != nil {
				return err
			}
			m.Party = party(m.Tx.From)
			if m.Seg != pos.Seg || ev.Phase != phase {
				d.note("split at block %d on phase %d %v, the replayed position is phase %d %v", m.Tx.Block, ev.Phase, m.Seg, phase, pos.Seg)
			}
			if len(m.Points) != len(m.Claims) {
				d.note("split at block %d posts %d claims for %d split points", m.Tx.Block, len(m.Claims), len(m.Points))
			}
			if n := len(d.Moves); n > 0 && d.Moves[n-1].Tx.Hash == m.Tx.Hash {
				m.SameTx = true
			} else {
				tick(&m, true)
			}
			m.AsserterClock, m.ChallengerClock = aClock, cClock
			d.Moves = append(d.Moves, m)
			pending = &d.Moves[len(d.Moves)-1]
		case gameEvent("Chosen"):
			ev, err := gameABI.UnpackChosenEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: Chosen: %w", err)
			}
			m := Move{Kind: KindChoose, Phase: ev.Phase, Seg: pos.Seg, J: ev.J.Uint64()}
			if m.Tx, err = r.tx(ctx, l, false); err != nil {
				return err
			}
			m.Party = party(m.Tx.From)
			if pending == nil {
				d.note("choice at block %d without a pending split", m.Tx.Block)
			} else {
				next, err := bisection.Apply(pos, d.K, pending.Claims, m.J)
				if err != nil {
					d.note("choice at block %d: %v", m.Tx.Block, err)
				} else {
					if next.Seg.Lo != ev.Lo || next.Seg.Hi != ev.Hi || next.LoHash != ev.LoHash || next.HiHash != ev.HiHash {
						d.note("choice %d at block %d: the event's position (%d,%d) differs from bisection.Apply's %v", m.J, m.Tx.Block, ev.Lo, ev.Hi, next.Seg)
					}
				}
			}
			pos = bisection.Position{Seg: bisection.Segment{Lo: ev.Lo, Hi: ev.Hi}, LoHash: ev.LoHash, HiHash: ev.HiHash}
			next := pos
			m.Next = &next
			tick(&m, false)
			m.AsserterClock, m.ChallengerClock = aClock, cClock
			d.Moves = append(d.Moves, m)
			pending = nil
		case gameEvent("VMPhaseStarted"):
			ev, err := gameABI.UnpackVMPhaseStartedEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: VMPhaseStarted: %w", err)
			}
			m := Move{Kind: KindStartVM, Phase: bisection.PhaseG, Seg: pos.Seg, Node: ev.Node, VT: ev.VmFinalState}
			if m.Tx, err = r.tx(ctx, l, false); err != nil {
				return err
			}
			m.Party = party(m.Tx.From)
			if !pos.Seg.IsStep() || uint64(ev.Node) != pos.Seg.Hi {
				d.note("phase V started at node %d, the replayed phase-G position is %v", ev.Node, pos.Seg)
			}
			graphEnd = pos
			d.VMStarted, d.Node, d.LocalContext, d.Prestate, d.VT = true, ev.Node, ev.LocalContext, ev.Prestate, ev.VmFinalState
			d.Prev, d.Claimed = graphEnd.LoHash, graphEnd.HiHash
			tick(&m, true)
			m.AsserterClock, m.ChallengerClock = aClock, cClock
			d.Moves = append(d.Moves, m)
			phase = bisection.PhaseV
			pos = bisection.Position{Seg: bisection.Segment{Lo: 0, Hi: bisection.VMSpan}, LoHash: ev.Prestate, HiHash: ev.VmFinalState}
		case gameEvent("Stepped"):
			ev, err := gameABI.UnpackSteppedEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: Stepped: %w", err)
			}
			m := Move{Kind: KindStep, Phase: bisection.PhaseV, Seg: pos.Seg, VMStep: ev.VmStep, PreHash: ev.PreStateHash, Post: ev.PostStateHash}
			if m.Tx, err = r.tx(ctx, l, true); err != nil {
				return err
			}
			m.Party = party(m.Tx.From)
			if ev.VmStep != pos.Seg.Lo || ev.PreStateHash != pos.LoHash {
				d.note("step %d from %x, the replayed position is %v from %x", ev.VmStep, ev.PreStateHash, pos.Seg, pos.LoHash)
			}
			d.decodeStep(m.Tx.Calldata)
			// step does not tick the clocks (DisputeGame.step only checks the asserter's).
			if m.Tx.Time > last {
				m.Elapsed = m.Tx.Time - last
			}
			m.AsserterClock, m.ChallengerClock = aClock, cClock
			d.Moves = append(d.Moves, m)
		case gameEvent("Resolved"):
			ev, err := gameABI.UnpackResolvedEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: Resolved: %w", err)
			}
			d.Resolved, d.Status, d.ByTimeout = true, ev.Status, ev.ByTimeout
			if ev.ByTimeout {
				m := Move{Kind: KindTimeout, Phase: phase, Seg: pos.Seg}
				if m.Tx, err = r.tx(ctx, l, false); err != nil {
					return err
				}
				m.Party = party(m.Tx.From)
				if m.Tx.Time > last {
					m.Elapsed = m.Tx.Time - last
				}
				m.AsserterClock, m.ChallengerClock = aClock, cClock
				d.Moves = append(d.Moves, m)
			}
		}
	}
	if !created {
		return fmt.Errorf("replay: no GameCreated event for game %s at %s from block %d", d.GameID, d.Addrs.Game, d.Addrs.FromBlock)
	}
	d.Final = pos
	if d.Record.Status == market.GameInProgress {
		// Clocks as of now are the record's; nothing to compare beyond.
		return nil
	}
	if d.Record.AsserterClock != aClock || d.Record.ChallengerClock != cClock || d.Record.LastMoveAt.Uint64() != last {
		d.note("recomputed clocks (asserter %d s, challenger %d s, last move %d) differ from the record's (%d, %d, %d)",
			aClock, cClock, last, d.Record.AsserterClock, d.Record.ChallengerClock, d.Record.LastMoveAt)
	}
	return nil
}

// decodeStep unpacks step(gameId, stateData, proof) calldata.
func (d *Dispute) decodeStep(data []byte) {
	m, ok := gameABI.GetABI().Methods["step"]
	if !ok || len(data) < 4 || !bytes.Equal(data[:4], m.ID) {
		d.note("the step transaction is not a direct DisputeGame.step call: its calldata cannot be decoded (sent through a contract?)")
		return
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil || len(args) != 3 {
		d.note("step calldata: %v", err)
		return
	}
	st, ok1 := args[1].([]byte)
	pr, ok2 := args[2].([]byte)
	if !ok1 || !ok2 {
		d.note("step calldata has unexpected argument types")
		return
	}
	d.StepState, d.StepProof = st, pr
}

// findRequest ties the game to its market challenge, request and result.
func (d *Dispute) findRequest(ctx context.Context, r *reader) error {
	logs, err := r.b.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(d.Addrs.FromBlock),
		Addresses: []common.Address{d.Addrs.Market},
		Topics:    [][]common.Hash{{marketEvent("ChallengeOpened")}},
	})
	if err != nil {
		return fmt.Errorf("replay: market ChallengeOpened logs: %w", err)
	}
	var open *bindings.InferenceMarketChallengeOpened
	var openLog types.Log
	for _, l := range logs {
		ev, err := marketABI.UnpackChallengeOpenedEvent(&l)
		if err == nil && ev.GameId.Cmp(d.GameID) == 0 {
			open, openLog = ev, l
			break
		}
	}
	if open == nil {
		d.note("no ChallengeOpened event of market %s names game %s: the request is unknown", d.Addrs.Market, d.GameID)
		return nil
	}
	d.ChallengeIndex = open.ChallengeIndex.Uint64()
	d.ChallengeResult = &Posted{By: open.Challenger, OutputCommitment: open.OutputCommitment, FinalState: open.FinalState}
	if d.ChallengeResult.Tx, err = r.tx(ctx, openLog, false); err != nil {
		return err
	}
	if open.Challenger != d.Challenger {
		d.note("challenge %d was opened by %s, the game's challenger is %s", d.ChallengeIndex, open.Challenger, d.Challenger)
	}
	if ch, err := view(ctx, r.b, d.Addrs.Market, marketABI.PackGetChallenge(open.RequestId, open.ChallengeIndex), marketABI.UnpackGetChallenge); err == nil {
		if ch.GameId.Cmp(d.GameID) != 0 {
			d.note("the market's challenge record %s/%d names game %s", open.RequestId, d.ChallengeIndex, ch.GameId)
		}
		d.ChallengeResult.Output = ch.Result.Output
	}
	id := common.BigToHash(open.RequestId)
	logs, err = r.b.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(d.Addrs.FromBlock),
		Addresses: []common.Address{d.Addrs.Market},
		Topics: [][]common.Hash{{marketEvent("InferenceRequested"), marketEvent("ResultSubmitted"), marketEvent("ChallengeWon"),
			marketEvent("GenerationRequested"), marketEvent("GenerationSeeded")}, {id}},
	})
	if err != nil {
		return fmt.Errorf("replay: market logs of request %s: %w", open.RequestId, err)
	}
	sortLogs(logs)
	for _, l := range logs {
		switch l.Topics[0] {
		case marketEvent("InferenceRequested"):
			ev, err := marketABI.UnpackInferenceRequestedEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: InferenceRequested: %w", err)
			}
			d.Request = &Request{ID: ev.RequestId, Requester: ev.Requester, Fee: ev.Fee, InitialState: ev.InitialState,
				OutputSlot: ev.OutputSlot, Inputs: ev.Inputs}
			if d.Request.Tx, err = r.tx(ctx, l, false); err != nil {
				return err
			}
			if ev.KernelId != d.KernelID {
				d.note("request %s is for kernel %x, the game runs kernel %x", ev.RequestId, ev.KernelId, d.KernelID)
			}
			if ev.InitialState != d.InitialState {
				d.note("request %s's S_0 %x differs from the game's %x", ev.RequestId, ev.InitialState, d.InitialState)
			}
		case marketEvent("GenerationRequested"), marketEvent("GenerationSeeded"):
			if err := d.generationLog(ctx, r, l); err != nil {
				return err
			}
		case marketEvent("ResultSubmitted"):
			if l.BlockNumber > openLog.BlockNumber || (l.BlockNumber == openLog.BlockNumber && l.Index > openLog.Index) {
				continue
			}
			ev, err := marketABI.UnpackResultSubmittedEvent(&l)
			if err != nil {
				return fmt.Errorf("replay: ResultSubmitted: %w", err)
			}
			p := &Posted{By: ev.Submitter, OutputCommitment: ev.OutputCommitment, FinalState: ev.FinalState, Output: ev.Output}
			if p.Tx, err = r.tx(ctx, l, false); err != nil {
				return err
			}
			d.Result = p
		}
	}
	if d.Request == nil {
		d.note("no InferenceRequested event for request %s", open.RequestId)
	} else if g := d.Request.Generation; g != nil {
		if err := d.generationInputs(); err != nil {
			return err
		}
	}
	if d.Result != nil && (d.Result.By != d.Asserter || d.Result.FinalState != d.ClaimedFinal) {
		// The candidate may be a challenger's earlier winning result.
		d.Result = nil
	}
	return nil
}

// readOracleLocal reads S_{k-1} and S_k back from the local data
// startVMPhase loaded (part 8 of idents 1 and 2), as bisection.Player does.
func (d *Dispute) readOracleLocal(ctx context.Context, b Backend) {
	var out [2]bisection.Hash
	for i, ident := range []uint32{kernel.LocalPrev, kernel.LocalClaimed} {
		key, err := view(ctx, b, d.Addrs.Oracle, oracleABI.PackLocalizeKey(kernel.LocalKey(ident), d.Addrs.Game, d.LocalContext),
			oracleABI.UnpackLocalizeKey)
		if err != nil {
			d.note("oracle localizeKey(%d): %v", ident, err)
			return
		}
		if out[i], err = view(ctx, b, d.Addrs.Oracle, oracleABI.PackPreimageParts(key, big.NewInt(8)), oracleABI.UnpackPreimageParts); err != nil {
			d.note("oracle local datum %d: %v", ident, err)
			return
		}
	}
	d.OracleLocal = &out
	if out[0] != d.Prev || out[1] != d.Claimed {
		d.note("the oracle's local data (S_{k-1} %x, S_k %x) differ from the phase-G replay's (%x, %x)", out[0], out[1], d.Prev, d.Claimed)
	}
}

// checkRecord compares the final game record with the replay.
func (d *Dispute) checkRecord() {
	g := d.Record
	if g.KernelId != d.KernelID || g.Asserter != d.Asserter || g.Challenger != d.Challenger {
		d.note("the game record's kernel or parties differ from GameCreated")
	}
	if g.Status != d.Status {
		d.note("the game record's status %d differs from the Resolved event's %d", g.Status, d.Status)
	}
	if g.Lo != d.Final.Seg.Lo || g.Hi != d.Final.Seg.Hi || g.LoHash != d.Final.LoHash || g.HiHash != d.Final.HiHash {
		d.note("the game record's position (%d,%d) differs from the replayed %v", g.Lo, g.Hi, d.Final.Seg)
	}
	if d.VMStarted && g.Node != d.Node {
		d.note("the game record's node %d differs from VMPhaseStarted's %d", g.Node, d.Node)
	}
}
