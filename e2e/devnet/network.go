package devnet

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/challenger"
	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/contracts/vrf"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/submitter"
	"github.com/aivm-dev/aivm/submitter/agent"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// Roles are the accounts a network funds, in order: an RPC network takes
// its keys in this order too.
var Roles = []string{"deployer", "requester", "submitter", "liar", "challenger", "challenger2", "sybil"}

// Options configure a network.
type Options struct {
	// RPC is a node's URL; empty starts go-ethereum's simulated backend in
	// process.
	RPC string
	// Keys are funded keys for an RPC network, one per Roles entry (anvil's
	// dev keys, or keys funded from geth --dev's account).
	Keys []*ecdsa.PrivateKey
	// Config is the deployment; zero means deploy.Devnet().
	Config deploy.Config
	// Confirmations the services wait for (0 on the simulated chain).
	Confirmations uint64
	// BlockEvery is the simulated chain's block period (default 50 ms).
	BlockEvery time.Duration
	// Dir holds the content store and the services' duty databases
	// (default: a fresh temporary directory, removed by Close).
	Dir string
	// Model is the zoo model registered as the kernel (default
	// fashion-mnist).
	Model string
	Log   *slog.Logger
}

// Account is a funded key with its transaction manager.
type Account struct {
	Name string
	Key  *ecdsa.PrivateKey
	Tx   *chain.TxManager
}

// Address is the account's address.
func (a *Account) Address() common.Address { return a.Tx.Address() }

// Network is a chain with the AIVM contracts deployed, a kernel registered
// and a consumer contract, on which real services run. `aivm devnet` (Run)
// and the e2e tests use it.
type Network struct {
	Opts     Options
	Sim      *simulated.Backend // nil on an RPC network
	Backend  chain.Backend
	rpc      *rpc.Client
	Accounts map[string]*Account
	Addr     *deploy.Addresses
	Market   *market.Client
	Registry *registry.Registry
	Store    *store.Store
	Kernel   store.Hashes
	KernelID common.Hash
	Model    *graph.Model
	Entry    *zoo.Entry
	// ResultSlots are the slots the market binds a result to (the
	// registry's resultShape: output 0's for argmax, output 1's for
	// logits, every output's for outputs).
	ResultSlots []uint32
	Consumer    common.Address
	// Gas of the setup transactions, by name.
	Gas map[string]uint64

	log       *slog.Logger
	stopMine  func() // guarded by mu
	closed    bool   // guarded by mu
	ownDir    bool
	mu        sync.Mutex
	running   []*Running
	setupTime time.Duration
}

// Start brings a network up: chain, accounts, contracts, kernel, consumer.
func Start(ctx context.Context, o Options) (n *Network, err error) {
	start := time.Now()
	if o.Config.K == 0 {
		o.Config = deploy.Devnet()
	}
	if o.BlockEvery <= 0 {
		o.BlockEvery = 50 * time.Millisecond
	}
	if o.Model == "" {
		o.Model = "fashion-mnist"
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	n = &Network{Opts: o, Accounts: map[string]*Account{}, Gas: map[string]uint64{}, log: o.Log}
	self := n // the error returns set n to nil
	defer func() {
		if err != nil {
			self.Close()
		}
	}()
	if o.Dir == "" {
		if o.Dir, err = os.MkdirTemp("", "aivm-net-*"); err != nil {
			return nil, err
		}
		n.ownDir = true
		n.Opts.Dir = o.Dir
	}
	keys := o.Keys
	if o.RPC == "" {
		var alloc types.GenesisAlloc
		if keys, alloc, err = chain.FundedKeys(len(Roles)); err != nil {
			return nil, err
		}
		// Today's mainnet rules, so gas figures match a real chain.
		n.Sim = simulated.NewBackend(alloc, chain.MainnetRules)
		n.Backend = n.Sim.Client()
		n.stopMine = chain.AutoMine(context.Background(), n.Sim, o.BlockEvery)
	} else {
		if len(keys) < len(Roles) {
			return nil, fmt.Errorf("devnet: an RPC network needs %d funded keys (%v), got %d", len(Roles), Roles, len(keys))
		}
		if n.rpc, err = rpc.DialContext(ctx, o.RPC); err != nil {
			return nil, fmt.Errorf("devnet: dial %s: %w", o.RPC, err)
		}
		n.Backend = ethclient.NewClient(n.rpc)
	}
	poll := 20 * time.Millisecond
	if o.RPC != "" {
		poll = 200 * time.Millisecond
	}
	for i, name := range Roles {
		tx, err := chain.NewTxManager(n.Backend, keys[i], chain.TxOptions{Confirmations: o.Confirmations,
			PollInterval: poll, BumpAfter: 20 * time.Second, Logger: o.Log.With("account", name)})
		if err != nil {
			return nil, err
		}
		n.Accounts[name] = &Account{Name: name, Key: keys[i], Tx: tx}
	}
	dep := n.Accounts["deployer"].Tx
	if n.Addr, err = deploy.Deploy(ctx, dep, n.Backend, o.Config, o.Log); err != nil {
		return nil, err
	}
	for k, v := range n.Addr.GasUsed {
		n.Gas["deploy "+k] = v
	}
	n.Market = market.New(*n.Addr, n.Backend)
	n.Registry = registry.New(n.Addr.Registry, n.Backend)
	if n.Store, err = store.Open(filepath.Join(o.Dir, "store")); err != nil {
		return nil, err
	}
	if err := n.registerKernel(ctx); err != nil {
		return nil, err
	}
	if o.Model == "fashion-mnist" {
		if n.Consumer, err = deploy.DeployConsumer(ctx, dep, n.Addr.Market, n.KernelID); err != nil {
			return nil, err
		}
	}
	n.setupTime = time.Since(start)
	return n, nil
}

// registerKernel builds the model's kernel reproducibly into the content
// store and registers it.
func (n *Network) registerKernel(ctx context.Context) error {
	var err error
	if n.Kernel, err = n.Store.AddBuiltin(ctx, n.Opts.Model); err != nil {
		return fmt.Errorf("devnet: build kernel %s: %w", n.Opts.Model, err)
	}
	sk, err := n.Store.Kernel(ctx, n.Kernel.ModelRoot, n.Kernel.PrestateHash, n.Kernel.ManifestHash)
	if err != nil {
		return err
	}
	k, err := registry.FromManifest(sk.Manifest, sk.Model, "aivm-store://"+n.Opts.Model)
	if err != nil {
		return err
	}
	if n.KernelID, err = k.ID(); err != nil {
		return err
	}
	data, err := k.PackRegister()
	if err != nil {
		return err
	}
	r, err := n.Accounts["deployer"].Tx.Send(ctx, n.Addr.Registry, data, nil)
	if err != nil {
		return fmt.Errorf("devnet: register kernel: %w", chain.Decode(err))
	}
	n.Gas["register kernel"] = r.GasUsed
	if n.Model, n.Entry, err = zoo.Resolve(n.Opts.Model); err != nil {
		return err
	}
	if _, n.ResultSlots, err = n.Registry.ResultShape(ctx, n.KernelID); err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	return nil
}

// Redeploy deploys the contracts, the kernel and the consumer again on
// a node restarted with its state lost (its accounts funded again): the
// deployer's nonces start at 0 again, so every contract lands at the same
// address, which it checks. The deployer and requester get fresh
// transaction managers (the test's own accounts); the services' keep
// theirs, whose nonces are what a reset tests.
func (n *Network) Redeploy(ctx context.Context) error {
	if n.Sim != nil {
		return errors.New("devnet: Redeploy is for an RPC node")
	}
	for _, name := range []string{"deployer", "requester"} {
		if err := n.FreshTx(name); err != nil {
			return err
		}
	}
	old := n.Addr
	addr, err := deploy.Deploy(ctx, n.Accounts["deployer"].Tx, n.Backend, n.Opts.Config, n.log)
	if err != nil {
		return err
	}
	if addr.Market != old.Market || addr.Game != old.Game || addr.Registry != old.Registry {
		return fmt.Errorf("devnet: redeployed at other addresses (market %s, was %s)", addr.Market, old.Market)
	}
	if err := n.registerKernel(ctx); err != nil {
		return err
	}
	if n.Consumer != (common.Address{}) {
		c, err := deploy.DeployConsumer(ctx, n.Accounts["deployer"].Tx, addr.Market, n.KernelID)
		if err != nil {
			return err
		}
		if c != n.Consumer {
			return fmt.Errorf("devnet: consumer redeployed at %s, was %s", c, n.Consumer)
		}
	}
	return nil
}

// FreshTx gives account name a new transaction manager (its nonce read
// from the node again).
func (n *Network) FreshTx(name string) error {
	acct := n.Accounts[name]
	poll := 200 * time.Millisecond
	tx, err := chain.NewTxManager(n.Backend, acct.Key, chain.TxOptions{Confirmations: n.Opts.Confirmations,
		PollInterval: poll, BumpAfter: 20 * time.Second, Logger: n.log.With("account", name)})
	if err != nil {
		return err
	}
	acct.Tx = tx
	return nil
}

// RequestListed requests sample i directly from the market, with the
// submitters that have it to themselves for half the request timeout
// (none: anyone at once); it returns the request id.
func (n *Network) RequestListed(ctx context.Context, sample int, fee *big.Int, listed ...common.Address) (*big.Int, error) {
	in, _, err := n.Sample(sample)
	if err != nil {
		return nil, err
	}
	r, err := n.Accounts["requester"].Tx.Send(ctx, n.Addr.Market, n.Market.PackRequest(n.KernelID, in, common.Address{}, 0, listed), fee)
	if err != nil {
		return nil, fmt.Errorf("devnet: request: %w", chain.Decode(err))
	}
	ev, err := n.Market.Requested(r)
	if err != nil {
		return nil, err
	}
	return ev.RequestId, nil
}

// SetupTime is how long Start took.
func (n *Network) SetupTime() time.Duration { return n.setupTime }

// Close stops every running service and the chain, and removes the
// network's own directory.
func (n *Network) Close() {
	n.mu.Lock()
	running := n.running
	n.running = nil
	n.closed = true
	n.mu.Unlock()
	for _, r := range running {
		_ = r.Stop()
	}
	n.PauseMining()
	if n.Sim != nil {
		_ = n.Sim.Close()
	}
	if n.rpc != nil {
		n.rpc.Close()
	}
	if n.ownDir {
		_ = os.RemoveAll(n.Opts.Dir)
	}
}

// Now is the chain's latest block time.
func (n *Network) Now(ctx context.Context) (uint64, error) {
	h, err := n.Backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	return h.Time, nil
}

// PauseMining stops the simulated chain's automatic blocks (the caller
// then commits, forks or moves time itself; the simulated backend must not
// seal blocks from two goroutines at once). It reports whether they were
// running. A no-op on an RPC network.
func (n *Network) PauseMining() bool {
	n.mu.Lock()
	stop := n.stopMine
	n.stopMine = nil
	n.mu.Unlock()
	if stop != nil {
		stop()
	}
	return stop != nil
}

// ResumeMining restarts the automatic blocks PauseMining stopped.
func (n *Network) ResumeMining() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.Sim != nil && n.stopMine == nil && !n.closed {
		n.stopMine = chain.AutoMine(context.Background(), n.Sim, n.Opts.BlockEvery)
	}
}

// AdvanceTime moves the chain's clock forward by d and mines a block:
// AdjustTime on the simulated backend, evm_increaseTime + evm_mine on anvil;
// on a node without time travel (geth --dev) it waits until the chain's
// clock has moved by d (deploy with RealTimeConfig there).
func (n *Network) AdvanceTime(ctx context.Context, d time.Duration) error {
	if n.Sim != nil {
		// The simulated beacon is not safe for concurrent blocks: stop the
		// automatic ones while this commits.
		if n.PauseMining() {
			defer n.ResumeMining()
		}
		// AdjustTime needs an empty pending block; the services may be
		// sending, so mine what is pending first and retry.
		for {
			n.Sim.Commit()
			err := n.Sim.AdjustTime(d)
			if err == nil || !strings.Contains(err.Error(), "non-empty block") {
				return err
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	err := n.rpc.CallContext(ctx, nil, "evm_increaseTime", uint64(d/time.Second))
	if err == nil {
		return n.rpc.CallContext(ctx, nil, "evm_mine")
	}
	if !isMethodMissing(err) {
		return fmt.Errorf("devnet: evm_increaseTime: %w", err)
	}
	// No time travel (geth --dev): wait until the chain's clock has moved.
	now, err := n.Now(ctx)
	if err != nil {
		return err
	}
	target := now + uint64((d+time.Second-1)/time.Second)
	for now < target {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
		if now, err = n.Now(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Loader loads registered kernels from the network's content store.
func (n *Network) Loader() registry.KernelLoader {
	return registry.StoreLoader(n.Store)
}

// Running is a service running in its own goroutine.
type Running struct {
	Name       string
	Submitter  *submitter.Service
	Challenger *challenger.Service
	db         *chain.Store
	cancel     context.CancelFunc
	done       chan error
	stopOnce   sync.Once
	stopErr    error
}

// Stop cancels the service, waits for it and closes its duty database (a
// later Start with the same name resumes from it, as a restarted daemon).
func (r *Running) Stop() error {
	r.stopOnce.Do(func() {
		r.cancel()
		r.stopErr = <-r.done
		if err := r.db.Close(); err != nil && r.stopErr == nil {
			r.stopErr = err
		}
	})
	return r.stopErr
}

// Done is closed-on-exit: it yields the service's Run error.
func (r *Running) Done() <-chan error { return r.done }

// ServiceOptions tune one service.
type ServiceOptions struct {
	Lie *adversary.Lie
	// Budget caps a challenger's bonds at stake.
	Budget  *big.Int
	Workers int
	// Executor chooses the native runs' executor (gpu.Selection.Prepare);
	// nil runs the process's ops backend on Workers.
	Executor func(*graph.Model) (graph.Options, error)
	Log      *slog.Logger
	// Kernels are served besides the network's kernel (a generation
	// kernel, RegisterGeneration).
	Kernels []common.Hash
	// VRF is a submitter's VRF key for generation requests.
	VRF *vrf.SecretKey
}

func (n *Network) env(ctx context.Context, account string, o ServiceOptions) (agent.Env, *chain.Store, error) {
	acct := n.Accounts[account]
	if acct == nil {
		return agent.Env{}, nil, fmt.Errorf("devnet: no account %q (have %v)", account, Roles)
	}
	db, err := chain.Open(filepath.Join(n.Opts.Dir, account+".db"))
	if err != nil {
		return agent.Env{}, nil, err
	}
	log := o.Log
	if log == nil {
		log = n.log.With("service", account)
	}
	poll := 100 * time.Millisecond
	if n.Sim == nil {
		poll = 500 * time.Millisecond
	}
	env := agent.Env{Duties: db, Log: log, Poll: poll}
	if o.Lie != nil {
		env.Claim = o.Lie
	}
	env.Connect(agent.Deployment{Chain: n.Backend, Tx: acct.Tx, Client: n.Market, Registry: n.Registry,
		Kernels: n.Loader(), Workers: o.Workers, Executor: o.Executor})
	return env, db, nil
}

func (n *Network) follow(db *chain.Store, log *slog.Logger) agent.Follow {
	poll := 50 * time.Millisecond
	if n.Sim == nil {
		poll = 300 * time.Millisecond
	}
	return agent.NewFollow(n.Backend, n.Addr.Market, agent.FollowOptions{From: n.Addr.Block,
		Confirmations: n.Opts.Confirmations, Poll: poll, Checkpoint: db.Checkpoint("market"), Log: log})
}

func (n *Network) run(name string, db *chain.Store, run func(ctx context.Context) error) *Running {
	ctx, cancel := context.WithCancel(context.Background())
	r := &Running{Name: name, db: db, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- run(ctx) }()
	n.mu.Lock()
	n.running = append(n.running, r)
	n.mu.Unlock()
	return r
}

// StartSubmitter runs a submitter service from account.
func (n *Network) StartSubmitter(ctx context.Context, account string, o ServiceOptions) (*Running, error) {
	env, db, err := n.env(ctx, account, o)
	if err != nil {
		return nil, err
	}
	s, err := submitter.New(env, submitter.Config{Kernels: append([]common.Hash{n.KernelID}, o.Kernels...), Bond: n.Addr.Config.SubmitterBond,
		VRF: o.VRF})
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	f := n.follow(db, env.Log)
	r := n.run(account, db, func(ctx context.Context) error { return s.Run(ctx, f) })
	r.Submitter = s
	return r, nil
}

// StartChallenger runs a challenger service from account.
func (n *Network) StartChallenger(ctx context.Context, account string, o ServiceOptions) (*Running, error) {
	env, db, err := n.env(ctx, account, o)
	if err != nil {
		return nil, err
	}
	s, err := challenger.New(env, challenger.Config{Kernels: append([]common.Hash{n.KernelID}, o.Kernels...),
		Bond: n.Addr.Config.ChallengerBond, Budget: o.Budget})
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	f := n.follow(db, env.Log)
	r := n.run(account, db, func(ctx context.Context) error { return s.Run(ctx, f) })
	r.Challenger = s
	return r, nil
}

// Sample is the encoded input tensors of the zoo model's test sample i and
// the class a correct inference gives.
func (n *Network) Sample(i int) ([][]byte, *graph.Trace, error) {
	if n.Entry == nil || n.Entry.Sample == nil {
		return nil, nil, fmt.Errorf("devnet: model %s has no samples", n.Opts.Model)
	}
	s, err := n.Entry.Sample(i)
	if err != nil {
		return nil, nil, err
	}
	e, err := graph.NewExecutor(n.Model)
	if err != nil {
		return nil, nil, err
	}
	tr, err := e.Run(s.Inputs, graph.Options{})
	if err != nil {
		return nil, nil, err
	}
	enc := make([][]byte, len(s.Inputs))
	for j, t := range s.Inputs {
		if enc[j], err = t.Encode(); err != nil {
			return nil, nil, err
		}
	}
	return enc, tr, nil
}

// Classify has the consumer contract request a classification of sample
// i, paid by the requester; it returns the request id.
func (n *Network) Classify(ctx context.Context, sample int, fee *big.Int) (*big.Int, error) {
	if n.Consumer == (common.Address{}) {
		return nil, errors.New("devnet: no consumer contract on this network")
	}
	in, _, err := n.Sample(sample)
	if err != nil {
		return nil, err
	}
	r, err := n.Accounts["requester"].Tx.Send(ctx, n.Consumer, bindings.NewFashionConsumer().PackClassify(in[0]), fee)
	if err != nil {
		return nil, fmt.Errorf("devnet: classify: %w", chain.Decode(err))
	}
	n.Gas["classify (requestInference via consumer)"] = r.GasUsed
	ev, err := n.Market.Requested(r)
	if err != nil {
		return nil, fmt.Errorf("devnet: classify: %w", err)
	}
	return ev.RequestId, nil
}

// ConsumerResult reads what the consumer contract stored for a request.
func (n *Network) ConsumerResult(ctx context.Context, id *big.Int) (done bool, cls int32, label string, err error) {
	c := bindings.NewFashionConsumer()
	out, err := n.Call(ctx, n.Consumer, c.PackResults(id))
	if err != nil {
		return false, 0, "", err
	}
	res, err := c.UnpackResults(out)
	if err != nil {
		return false, 0, "", err
	}
	out, err = n.Call(ctx, n.Consumer, c.PackLabel(id))
	if err != nil {
		return false, 0, "", err
	}
	label, err = c.UnpackLabel(out)
	return res.Done, res.Cls, label, err
}

// WaitRequest polls request id until cond holds or ctx ends.
func (n *Network) WaitRequest(ctx context.Context, id *big.Int, cond func(bindings.InferenceMarketRequest) bool) (bindings.InferenceMarketRequest, error) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		r, err := n.Market.Request(ctx, id)
		if err == nil && cond(r) {
			return r, nil
		}
		select {
		case <-ctx.Done():
			return r, fmt.Errorf("devnet: waiting on request %s (status %d): %w", id, r.Status, ctx.Err())
		case <-t.C:
		}
	}
}

// Balance is an account's balance.
func (n *Network) Balance(ctx context.Context, a common.Address) (*big.Int, error) {
	return n.Backend.BalanceAt(ctx, a, nil)
}

// Class decodes an i32 [1] output tensor encoding.
func Class(enc []byte) (int32, error) {
	t, err := tensor.Decode(enc)
	if err != nil {
		return 0, err
	}
	if t.DType != tensor.I32 || t.Len() != 1 {
		return 0, fmt.Errorf("devnet: output is not an i32 [1] tensor")
	}
	return t.I32[0], nil
}

// Call runs a read-only call on the latest block.
func (n *Network) Call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	return n.Backend.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
}

// ResultClass is the class a result for trace tr posts: the i32 [1]
// argmax at the kernel's bound slot.
func (n *Network) ResultClass(tr *graph.Trace) (int32, error) {
	res, err := market.ResultFromTrace(tr, n.ResultSlots)
	if err != nil {
		return 0, err
	}
	return Class(res.Output)
}
