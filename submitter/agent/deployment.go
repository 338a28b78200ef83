package agent

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"runtime"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// Chain is what a service reads from a node besides the contracts' views:
// the latest header (ethclient.Client and the simulated backend's client
// implement it).
type Chain interface {
	market.Caller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Deployment is a service's connection to one real deployment: the
// market and game through a market.Client and a transaction sender, the
// registry and a kernel loader, and bisection.Player for its games.
type Deployment struct {
	Chain    Chain
	Tx       market.Sender
	Client   *market.Client
	Registry *registry.Registry
	Kernels  registry.KernelLoader
	// Workers is the native inference parallelism (0: every core).
	Workers int
	// Executor, when set, gives the options a loaded kernel's native runs
	// use (gpu.Selection.Prepare: a GPU runner, or Workers for the CPU
	// executors); it is called once per kernel. Nil runs with Workers.
	Executor func(*graph.Model) (graph.Options, error)
}

// Connect sets env's Market, Kernels and Players to d's.
func (e *Env) Connect(d Deployment) {
	if d.Workers <= 0 {
		d.Workers = runtime.NumCPU()
	}
	e.Market = &onchainMarket{d}
	if c, ok := d.Chain.(IdentityChain); ok && d.Client != nil {
		e.Chain = NewChainView(c, d.Client.Addr.Market, d.Client.Addr.Game, d.Client.Addr.Registry)
	}
	e.Kernels = &registryKernels{d: d, loaded: map[common.Hash]*loadedKernel{}}
	e.Players = func(gameID *big.Int, role bisection.Role, src bisection.Sources, log *slog.Logger) Player {
		return &bisection.Player{Client: d.Client, Sender: d.Tx, Chain: d.Chain, GameID: gameID, Role: role, Src: src, Log: log}
	}
}

// onchainMarket is Market over a deployment.
type onchainMarket struct{ d Deployment }

func (m *onchainMarket) Address() common.Address { return m.d.Tx.Address() }

func (m *onchainMarket) Now(ctx context.Context) (uint64, error) {
	h, err := m.d.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	return h.Time, nil
}

func (m *onchainMarket) Request(ctx context.Context, id *big.Int) (bindings.InferenceMarketRequest, error) {
	return m.d.Client.Request(ctx, id)
}

func (m *onchainMarket) Challenge(ctx context.Context, id *big.Int, index uint64) (bindings.InferenceMarketChallenge, error) {
	return m.d.Client.Challenge(ctx, id, index)
}

func (m *onchainMarket) ChallengeCount(ctx context.Context, id *big.Int) (uint64, error) {
	return m.d.Client.ChallengeCount(ctx, id)
}

func (m *onchainMarket) RefutedRound(ctx context.Context, id *big.Int, round uint32) (bindings.InferenceMarketRefutedRound, error) {
	return m.d.Client.RefutedRound(ctx, id, round)
}

func (m *onchainMarket) GameRecord(ctx context.Context, gameID *big.Int) (bindings.DisputeGameGame, error) {
	return m.d.Client.GameRecord(ctx, gameID)
}

func (m *onchainMarket) Credits(ctx context.Context, account common.Address) (*big.Int, error) {
	return m.d.Client.Credits(ctx, account)
}

func (m *onchainMarket) IsListedSubmitter(ctx context.Context, id *big.Int, account common.Address) (bool, error) {
	return m.d.Client.IsListedSubmitter(ctx, id, account)
}

// send sends one market transaction; a revert comes back named.
func (m *onchainMarket) send(ctx context.Context, data []byte, value *big.Int) (*types.Receipt, error) {
	rc, err := m.d.Tx.Send(ctx, m.d.Client.Addr.Market, data, value)
	return rc, chain.Decode(err)
}

func (m *onchainMarket) Submit(ctx context.Context, id *big.Int, r market.Result, bond *big.Int) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.PackSubmit(id, r), bond)
}

func (m *onchainMarket) OpenChallenge(ctx context.Context, id *big.Int, r market.Result, bond *big.Int) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.PackChallenge(id, r), bond)
}

func (m *onchainMarket) Finalize(ctx context.Context, id *big.Int) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.Market.PackFinalize(id), nil)
}

func (m *onchainMarket) ResolveChallenge(ctx context.Context, id *big.Int, index uint64) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.Market.PackResolveChallenge(id, new(big.Int).SetUint64(index)), nil)
}

func (m *onchainMarket) ClaimReward(ctx context.Context, id *big.Int, index uint64) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.PackClaimReward(id, index), nil)
}

func (m *onchainMarket) ClaimTimeout(ctx context.Context, gameID *big.Int) (*types.Receipt, error) {
	rc, err := m.d.Tx.Send(ctx, m.d.Client.Addr.Game, bindings.NewDisputeGame().PackClaimTimeout(gameID), nil)
	return rc, chain.Decode(err)
}

func (m *onchainMarket) Withdraw(ctx context.Context) (*types.Receipt, error) {
	return m.send(ctx, m.d.Client.Market.PackWithdraw(), nil)
}

// registryKernels is Kernels over the registry and a kernel loader: each
// kernel is loaded once, with the slots the chain binds its results to.
type registryKernels struct {
	d      Deployment
	mu     sync.Mutex
	loaded map[common.Hash]*loadedKernel
}

type loadedKernel struct {
	model *graph.Model
	elf   []byte
	slots []uint32 // the slots a result is bound to (KernelRegistry.resultShape)
	opt   graph.Options
}

// kernel loads (once) the model and ELF of a registered kernel.
func (r *registryKernels) kernel(ctx context.Context, id common.Hash) (*loadedKernel, error) {
	r.mu.Lock()
	k := r.loaded[id]
	r.mu.Unlock()
	if k != nil {
		return k, nil
	}
	rec, err := r.d.Registry.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	m, elf, err := r.d.Kernels(ctx, rec)
	if err != nil {
		return nil, fmt.Errorf("kernel %s: %w", id, err)
	}
	// The chain's own view names the bound slots, so a result is built for
	// exactly what submitResult checks.
	_, slots, err := r.d.Registry.ResultShape(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("kernel %s: %w", id, err)
	}
	opt := graph.Options{Workers: r.d.Workers}
	if r.d.Executor != nil {
		if opt, err = r.d.Executor(m); err != nil {
			return nil, fmt.Errorf("kernel %s: %w", id, err)
		}
	}
	k = &loadedKernel{model: m, elf: elf, slots: slots, opt: opt}
	r.mu.Lock()
	r.loaded[id] = k
	r.mu.Unlock()
	return k, nil
}

func (r *registryKernels) Slots(ctx context.Context, id common.Hash) ([]uint32, error) {
	k, err := r.kernel(ctx, id)
	if err != nil {
		return nil, err
	}
	return k.slots, nil
}

func (r *registryKernels) Run(ctx context.Context, id common.Hash, inputs []*tensor.Tensor) (*kernel.Session, error) {
	k, err := r.kernel(ctx, id)
	if err != nil {
		return nil, err
	}
	return kernel.NewSessionWith(ctx, k.model, inputs, k.elf, k.opt)
}

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
// chain.LogWatcher, its reorg hook wired to h.Reorg.
func NewFollow(b chain.Backend, addr common.Address, o FollowOptions) Follow {
	return func(ctx context.Context, h FollowHooks) error {
		cp := o.Checkpoint
		if h.Rescan && cp != nil {
			cp = rescanCheckpoint{cp}
		}
		w, err := chain.NewLogWatcher(b, chain.WatchOptions{
			Query: ethereum.FilterQuery{Addresses: []common.Address{addr}}, From: o.From,
			Confirmations: o.Confirmations, PollInterval: o.Poll, Checkpoint: cp, Logger: o.Log,
			OnReorg: h.Reorg,
		}, func(_ context.Context, l types.Log) error { return h.Handle(l) })
		if err != nil {
			return err
		}
		return w.Run(ctx)
	}
}

// rescanCheckpoint hides the stored checkpoint (the watcher starts at its
// From) and saves the new positions over it.
type rescanCheckpoint struct{ chain.Checkpoint }

func (rescanCheckpoint) Load() (chain.Cursor, bool, error) { return chain.Cursor{}, false, nil }
