package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"runtime"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/bisection"
	"github.com/aivm-dev/aivm/bisection/adversary"
	"github.com/aivm-dev/aivm/challenger"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/contracts/registry"
	"github.com/aivm-dev/aivm/contracts/telemetry"
	"github.com/aivm-dev/aivm/models/gpu"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/submitter"
	"github.com/aivm-dev/aivm/submitter/agent"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// `aivm submitter run` and `aivm challenger run`: the two daemons of
// docs/services.md, wired to a JSON-RPC node, a content store, a duty
// database and (optionally) a Prometheus endpoint.

// SubmitterCmd is the `aivm submitter` group.
var SubmitterCmd = &cobra.Command{
	Use:   "submitter",
	Short: "The submitter service: answer inference requests with bonded results and defend them",
}

// ChallengerCmd is the `aivm challenger` group.
var ChallengerCmd = &cobra.Command{
	Use:   "challenger",
	Short: "The challenger service: re-execute posted results and dispute the wrong ones",
}

func init() {
	Root.AddCommand(SubmitterCmd, ChallengerCmd)
	SubmitterCmd.AddCommand(serviceRunCmd("submitter"))
	ChallengerCmd.AddCommand(serviceRunCmd("challenger"))
}

const (
	roleSubmitter  = "submitter"
	roleChallenger = "challenger"
)

// serviceOptions are the flags of a run command beyond the chain flags.
type serviceOptions struct {
	chain       *chainOptions
	storeDir    string
	db          string
	kernels     []string
	workers     int
	executor    string
	metricsAddr string
	health      telemetry.HealthOptions
	minBalance  weiValue
	budget      weiValue
	lie         adversary.Lie
	vrfSeedFile string
}

func serviceRunCmd(role string) *cobra.Command {
	so := &serviceOptions{}
	long := map[string]string{
		roleSubmitter: `Run the submitter (docs/services.md): for every request of a served kernel it
runs the model natively, posts the result with the market's submitter bond,
plays every dispute opened against it to the end (also after its result was
refuted: a lying challenger still forfeits its bond to it), finalizes its
results once the window has passed and withdraws what it earns.`,
		roleChallenger: `Run the challenger (docs/services.md): it re-executes every request of a
watched kernel, challenges each posted result whose final graph state
differs from its own (within --budget of bonds at stake), plays the dispute
to the end even if another challenger refuted the result first, claims its
reward once every game on the refuted result is over, and, when its win was
the first, finalizes and defends its own result.`,
	}[role]
	c := &cobra.Command{
		Use:   "run --rpc URL --deployment FILE --store DIR (--keystore FILE --password-file FILE | --private-key HEX)",
		Short: fmt.Sprintf("Run the %s until SIGINT/SIGTERM", role),
		Long: long + `

Duties live in the bbolt file --db, so a restarted service picks up where it
stopped; kernels are loaded from the content store --store (seed it with
'aivm kernel register'). Logs are handled once --confirmations blocks deep.
Bonds are read from the market. Every flag can also be set as AIVM_<FLAG>
(AIVM_RPC, AIVM_PRIVATE_KEY, ...) or as a key of the JSON --config file.
With --metrics-addr the service serves Prometheus metrics at /metrics
(aivm_requests_seen_total, aivm_results_posted_total, aivm_disputes_open,
aivm_rewards_claimed_total, aivm_bond_at_stake_wei; the chain's
aivm_chain_head_block, aivm_chain_head_age_seconds, aivm_rpc_errors_total
by method, aivm_rpc_up, aivm_tx_pending, aivm_tx_stuck, aivm_tx_nonce,
aivm_wallet_balance_wei; aivm_request_stage_seconds by kernel, stage and executor),
liveness at /healthz and readiness at /readyz (JSON naming the failing
checks; 200 or 503): chain head age (--ready-max-head-age), last
successful poll (--ready-max-poll-age), oldest pending transaction
(--stuck-after) and wallet balance (--ready-min-balance).`,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error { return bindConfig(cmd) },
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runService(cmd, role, so)
		},
	}
	so.chain = addChainFlags(c, true, 2)
	f := c.Flags()
	f.StringVar(&so.storeDir, "store", "aivm-store", "content store directory holding the kernels (models, manifests, ELFs)")
	f.StringVar(&so.db, "db", "aivm-"+role+".db", "duty database (bbolt file; locked while the service runs)")
	f.StringSliceVar(&so.kernels, "kernels", nil, "kernel ids to serve, comma-separated (default: every kernel the store holds)")
	f.IntVar(&so.workers, "workers", 0, "native inference parallelism (0: every core)")
	f.StringVar(&so.executor, "executor", gpu.ExecAuto, "native inference executor, auto|go|simd|gpu: auto is a GPU when one is present, else simd, else go (results are identical; the metrics' executor label names the one used)")
	f.StringVar(&so.metricsAddr, "metrics-addr", "", "serve Prometheus metrics at http://ADDR/metrics, /healthz and /readyz, e.g. :9100 (empty: off)")
	f.DurationVar(&so.health.MaxHeadAge, "ready-max-head-age", 2*time.Minute, "/readyz fails when the chain head is older than this (negative: no check; a dev node mining only on transactions needs --block-time or -1s)")
	f.DurationVar(&so.health.MaxPollAge, "ready-max-poll-age", 2*time.Minute, "/readyz fails when the last successful poll is older than this (negative: no check)")
	f.Var(&so.minBalance, "ready-min-balance", "/readyz fails when the wallet balance is below this, wei (units allowed: 0.5ether; empty: no check)")
	if role == roleSubmitter {
		f.StringVar(&so.vrfSeedFile, "vrf-seed-file", "", "file holding the secret seed (>= 32 bytes) of the VRF key that seeds generation requests (docs/protocol.md 7, 8); registered with the market at start (empty: inference requests only)")
	}
	if role == roleChallenger {
		f.Var(&so.budget, "budget", "cap of the bonds at stake in open challenges at once, wei (units allowed: 2ether); empty: no cap")
	}
	f.IntVar(&so.lie.Node, "lie-node", 0, "DISHONEST (demos, tests): flip a bit of this graph node's output")
	f.IntVar(&so.lie.Bit, "lie-bit", 0, "DISHONEST: the bit to flip (with --lie-node)")
	f.Uint64Var(&so.lie.VMStep, "lie-vm-step", 0, "DISHONEST: the VM step at which the phase-V trace diverges (0: at the kernel's exit)")
	for _, n := range []string{"lie-node", "lie-bit", "lie-vm-step"} {
		_ = f.MarkHidden(n)
	}
	return c
}

func runService(cmd *cobra.Command, role string, so *serviceOptions) error {
	ctx := signalCtx(cmd)
	log := slog.Default().With("service", role)
	flags := cmd.Flags()
	var lie *adversary.Lie
	if flags.Changed("lie-node") || flags.Changed("lie-bit") || flags.Changed("lie-vm-step") {
		if !flags.Changed("lie-node") {
			return errors.New("--lie-bit and --lie-vm-step need --lie-node")
		}
		l := so.lie
		lie = &l
		banner := fmt.Sprintf("DISHONEST MODE: this %s posts and defends a FALSE trace (node %d, bit %d, VM step %d); "+
			"it will lose its bonds. For demos and tests only, never on a real deployment.", role, l.Node, l.Bit, l.VMStep)
		fmt.Fprintln(cmd.ErrOrStderr(), "\n!!! "+banner+" !!!")
		log.Warn(banner)
	}
	kernels, err := parseKernelIDs(so.kernels)
	if err != nil {
		return err
	}
	workers := so.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	exec, err := gpu.Select(so.executor, workers)
	if err != nil {
		return fmt.Errorf("--executor: %w", err)
	}
	defer exec.Close()
	log.Info("executor", "executor", exec.Label)
	var mon *telemetry.Monitor
	if so.metricsAddr != "" {
		so.health.MinBalance = so.minBalance.v
		mon = newMonitor(so.health)
		mon.Executor = exec.Metric
		so.chain.observe = mon.ObserveRPC
	}
	cn, err := so.chain.dial(ctx, true, log)
	if err != nil {
		return err
	}
	defer cn.Close()
	st, err := store.Open(so.storeDir)
	if err != nil {
		return fmt.Errorf("store %s: %w", so.storeDir, err)
	}
	fromStore := registry.StoreLoader(st)
	loader := func(ctx context.Context, rec *registry.Record) (*graph.Model, []byte, error) {
		m, elf, err := fromStore(ctx, rec)
		if err != nil {
			return nil, nil, fmt.Errorf("kernel %s is not usable from store %s (seed it with `aivm kernel register --store %s`): %w",
				rec.ID, so.storeDir, so.storeDir, err)
		}
		return m, elf, nil
	}
	reg := registry.New(cn.addrs.Registry, cn.client)
	for _, id := range kernels {
		rec, err := reg.Get(ctx, id)
		if err != nil {
			return fmt.Errorf("--kernels: %w", err)
		}
		if _, _, err := loader(ctx, rec); err != nil {
			return fmt.Errorf("--kernels: %w", err)
		}
	}
	subBond, chalBond, err := cn.bonds(ctx)
	if err != nil {
		return err
	}
	bond := subBond
	if role == roleChallenger {
		bond = chalBond
	}
	bal, err := cn.balance(ctx)
	if err != nil {
		return err
	}
	if bal.Cmp(bond) < 0 {
		log.Warn("balance below one bond: results (or challenges) will fail until the account is funded",
			"account", cn.from, "balance", formatWei(bal), "bond", formatWei(bond))
	}
	duties, err := chain.Open(so.db)
	if err != nil {
		return fmt.Errorf("duty database: %w", err)
	}
	defer duties.Close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	metricsDone := make(chan error, 1)
	if mon != nil {
		ln, err := net.Listen("tcp", so.metricsAddr)
		if err != nil {
			return fmt.Errorf("metrics: listen on %s: %w", so.metricsAddr, err)
		}
		go func() { metricsDone <- serveMetricsOn(ctx, ln, mon) }()
		go mon.Track(ctx, cn.client, telemetry.TrackOptions{Account: cn.from, Tx: cn.tx, Every: max(so.chain.poll, 5*time.Second), Logger: log})
	} else {
		metricsDone <- nil
	}

	mc := market.New(*cn.addrs, cn.client)
	env := agent.Env{Duties: duties, Log: log, Poll: so.chain.poll}
	env.Connect(agent.Deployment{Chain: cn.client, Tx: cn.tx, Client: mc, Registry: reg, Kernels: loader, Workers: workers, Executor: exec.Prepare})
	if lie != nil {
		env.Claim = lie
	}
	if mon != nil {
		env.Metrics = mon
	}
	var base *agent.Agent
	var run func(context.Context, agent.Follow) error
	switch role {
	case roleSubmitter:
		key, err := vrfKeyFile(so.vrfSeedFile)
		if err != nil {
			return err
		}
		svc, err := submitter.New(env, submitter.Config{Kernels: kernels, Bond: subBond, VRF: key})
		if err != nil {
			return err
		}
		if key != nil {
			// Before serving: a key answers only requests of later blocks.
			if _, err := svc.RegisterVRF(ctx); err != nil {
				return err
			}
		}
		base, run = svc.Agent, svc.Run
	default:
		svc, err := challenger.New(env, challenger.Config{Kernels: kernels, Bond: chalBond, Budget: so.budget.v})
		if err != nil {
			return err
		}
		base, run = svc.Agent, svc.Run
	}
	follow := agent.NewFollow(cn.client, cn.addrs.Market, agent.FollowOptions{
		From: cn.addrs.Block, Confirmations: so.chain.confirmations, Poll: so.chain.poll,
		Checkpoint: duties.Checkpoint("market"), Log: log,
	})
	served := "all"
	if len(kernels) > 0 {
		served = strings.Join(so.kernels, ",")
	}
	log.Info("running", "account", cn.from, "chain", cn.chainID, "market", cn.addrs.Market, "bond", formatWei(bond),
		"balance", formatWei(bal), "kernels", served, "db", so.db, "store", so.storeDir, "confirmations", so.chain.confirmations)
	if mon != nil {
		go trackBondAtStake(ctx, base, mc, mon.Metrics, so.chain.poll)
	}
	runErr := run(ctx, follow)
	cancel()
	if err := <-metricsDone; err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		return fmt.Errorf("%s: %w", role, runErr)
	}
	log.Info("stopped")
	return nil
}

// The services' metrics are a telemetry.Monitor: counters and gauges,
// stage durations and the last poll (readiness).
var (
	_ agent.Metrics       = (*telemetry.Monitor)(nil)
	_ agent.StageObserver = (*telemetry.Monitor)(nil)
)

// parseKernelIDs parses --kernels.
func parseKernelIDs(ss []string) ([]common.Hash, error) {
	var out []common.Hash
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		h, err := parseHash32(s)
		if err != nil {
			return nil, fmt.Errorf("--kernels: %w", err)
		}
		out = append(out, h)
	}
	return out, nil
}

// trackBondAtStake keeps aivm_bond_at_stake_wei up to date: the bonds of
// this service's candidate results and of its open challenges, read from
// the chain for its current duties every period.
func trackBondAtStake(ctx context.Context, b *agent.Agent, mc *market.Client, met *Metrics, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if v, err := bondAtStake(ctx, b, mc); err == nil {
			met.SetBig(MetricBondAtStakeWei, v)
		} else if ctx.Err() == nil {
			b.Log.Debug("bond at stake", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func bondAtStake(ctx context.Context, b *agent.Agent, mc *market.Client) (*big.Int, error) {
	total := new(big.Int)
	reqs, err := b.Requests()
	if err != nil {
		return nil, err
	}
	for _, d := range reqs {
		id, err := d.RequestID()
		if err != nil {
			return nil, err
		}
		r, err := mc.Request(ctx, id)
		if err != nil {
			return nil, err
		}
		if r.Status == market.StatusSubmitted && r.Submitter == b.Address() && r.CandidateBond != nil {
			total.Add(total, r.CandidateBond)
		}
	}
	games, err := b.Games()
	if err != nil {
		return nil, err
	}
	for _, g := range games {
		if g.Role != bisection.RoleChallenger {
			continue
		}
		id, err := agent.ParseID(g.RequestID)
		if err != nil {
			return nil, err
		}
		ch, err := mc.Challenge(ctx, id, g.ChallengeIndex)
		if err != nil {
			return nil, err
		}
		// A won challenge's bond stays in the market until its reward is
		// claimed (the first winner's backs its candidate: zero here).
		if (ch.Status == market.ChallengeOpen || ch.Status == market.ChallengeWon) && ch.Challenger == b.Address() && ch.Bond != nil {
			total.Add(total, ch.Bond)
		}
	}
	return total, nil
}
