package telemetry

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// Metrics fed by the chain layer (Track, ObserveRPC) and by the services
// (Polled, Stage).
const (
	MetricChainHead       = "aivm_chain_head_block"
	MetricChainHeadAge    = "aivm_chain_head_age_seconds"
	MetricRPCRequests     = "aivm_rpc_requests_total"
	MetricRPCErrors       = "aivm_rpc_errors_total"
	MetricRPCUp           = "aivm_rpc_up"
	MetricTxPending       = "aivm_tx_pending"
	MetricTxStuck         = "aivm_tx_stuck"
	MetricTxOldestPending = "aivm_tx_oldest_pending_seconds"
	MetricTxNonce         = "aivm_tx_nonce"
	MetricBalanceWei      = "aivm_wallet_balance_wei"
	MetricLastPoll        = "aivm_last_poll_success_timestamp_seconds"
	MetricStageSeconds    = "aivm_request_stage_seconds"
)

// Monitor is one service's telemetry: its metrics and its health. It
// implements the services' metrics interface (Inc, Add, Set). A nil
// *Monitor does nothing.
type Monitor struct {
	Metrics *Registry
	Health  *Health
	// Executor names the backend the service's native runs use (e.g.
	// "avx2", "go"): the executor label of MetricStageSeconds.
	Executor string
}

// NewMonitor returns a monitor with the chain metrics registered.
func NewMonitor(o HealthOptions) *Monitor {
	m := &Monitor{Metrics: NewRegistry(), Health: NewHealth(o)}
	for _, d := range []struct {
		name string
		typ  Type
		help string
	}{
		{MetricChainHead, Gauge, "Latest block number of the node."},
		{MetricChainHeadAge, Gauge, "Seconds between now and the latest block's timestamp (head lag)."},
		{MetricRPCRequests, Counter, "JSON-RPC calls, by method."},
		{MetricRPCErrors, Counter, "JSON-RPC calls that failed, by method (not counting 'not found' answers and reverts)."},
		{MetricRPCUp, Gauge, "1 while the node answers, 0 during an outage."},
		{MetricTxPending, Gauge, "Transactions sent and waiting to be mined and confirmed."},
		{MetricTxStuck, Gauge, "Pending transactions waiting longer than the stuck bound."},
		{MetricTxOldestPending, Gauge, "Seconds the oldest pending transaction has waited."},
		{MetricTxNonce, Gauge, "Next nonce of the service's account."},
		{MetricBalanceWei, Gauge, "Balance of the service's account, in wei."},
		{MetricLastPoll, Gauge, "Unix time of the service's last successful poll of the node."},
	} {
		if err := m.Metrics.Register(d.name, d.typ, d.help); err != nil {
			panic(err) // the names above are valid
		}
	}
	if err := m.Metrics.RegisterHistogram(MetricStageSeconds,
		"Seconds each request stage took (seen_to_posted, seen_to_challenged, posted_to_finalized, seen_to_finalized), by kernel and executor (the int8 backend of the native runs).", nil); err != nil {
		panic(err)
	}
	return m
}

// Inc adds 1 to a metric.
func (m *Monitor) Inc(name string) {
	if m != nil {
		m.Metrics.Inc(name)
	}
}

// Add adds v to a metric.
func (m *Monitor) Add(name string, v float64) {
	if m != nil {
		m.Metrics.Add(name, v)
	}
}

// Set sets a gauge. Setting MetricLastPoll (what the services' run loop
// does after every successful poll of the node) also records the poll for
// readiness, as Polled does.
func (m *Monitor) Set(name string, v float64) {
	if m == nil {
		return
	}
	m.Metrics.Set(name, v)
	if name == MetricLastPoll {
		m.Health.Polled()
	}
}

// Polled records a successful poll of the service's main loop (readiness
// and MetricLastPoll).
func (m *Monitor) Polled() { m.Set(MetricLastPoll, float64(time.Now().Unix())) }

// ObserveStage records that a request stage (the services' stage names:
// seen_to_posted, seen_to_challenged, posted_to_finalized,
// seen_to_finalized) took d, for a request of kernel: MetricStageSeconds
// with labels stage, kernel and executor. It is submitter/agent's
// StageObserver.
func (m *Monitor) ObserveStage(stage string, kernel common.Hash, d time.Duration) {
	if m == nil {
		return
	}
	m.Metrics.Observe(MetricStageSeconds, Labels{"kernel": kernel.Hex(), "stage": stage, "executor": m.Executor}, d.Seconds())
}

// ObserveRPC counts one JSON-RPC call and, if it failed, the error by
// method; a chain.RPCObserver for chain.Instrument. "Not found" answers
// and reverts are answers, not errors.
func (m *Monitor) ObserveRPC(method string, err error) {
	if m == nil {
		return
	}
	l := Labels{"method": method}
	m.Metrics.IncWith(MetricRPCRequests, l)
	if err == nil || chain.IsNotFound(err) || errors.Is(err, context.Canceled) {
		return
	}
	if _, ok := chain.AsRevert(chain.Decode(err)); ok {
		return
	}
	m.Metrics.IncWith(MetricRPCErrors, l)
}

// TrackOptions configure Track.
type TrackOptions struct {
	// Account is the wallet whose balance is reported (zero: none).
	Account common.Address
	// Tx, if set, is the manager whose pending and stuck transactions and
	// nonce are reported.
	Tx *chain.TxManager
	// Every is the sampling period (default 5s).
	Every time.Duration
	// Logger defaults to slog.Default().
	Logger *slog.Logger
}

// Track samples the chain into the metrics and the health state every
// o.Every until ctx is done: head and head age, balance, pending and stuck
// transactions, nonce. Failed samples are logged at DEBUG (the outage
// itself is reported by the components that poll).
func (m *Monitor) Track(ctx context.Context, b chain.Backend, o TrackOptions) {
	if m == nil {
		return
	}
	if o.Every <= 0 {
		o.Every = 5 * time.Second
	}
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	for {
		if err := m.Sample(ctx, b, o); err != nil && ctx.Err() == nil {
			log.Debug("telemetry: chain sample failed", "err", err)
		}
		if chain.Sleep(ctx, o.Every) != nil {
			return
		}
	}
}

// Sample is one round of Track.
func (m *Monitor) Sample(ctx context.Context, b chain.Backend, o TrackOptions) error {
	m.Health.Beat()
	if o.Tx != nil {
		st := o.Tx.Pending()
		m.Metrics.Set(MetricTxPending, float64(st.Pending))
		m.Metrics.Set(MetricTxStuck, float64(st.Stuck))
		m.Metrics.Set(MetricTxOldestPending, st.Oldest.Seconds())
		if st.NonceKnown {
			m.Metrics.Set(MetricTxNonce, float64(st.Nonce))
		}
		m.Health.SetPending(st.Oldest, st.StuckAfter)
	}
	h, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		m.Metrics.Set(MetricRPCUp, 0)
		return err
	}
	at := time.Unix(int64(h.Time), 0)
	m.Metrics.Set(MetricChainHead, float64(h.Number.Uint64()))
	m.Metrics.Set(MetricChainHeadAge, max(0, time.Since(at).Seconds()))
	m.Health.SetHead(h.Number.Uint64(), at)
	if o.Account != (common.Address{}) {
		bal, err := b.BalanceAt(ctx, o.Account, nil)
		if err != nil {
			m.Metrics.Set(MetricRPCUp, 0)
			return err
		}
		m.Metrics.SetBig(MetricBalanceWei, bal)
		m.Health.SetBalance(bal)
	}
	m.Metrics.Set(MetricRPCUp, 1)
	return nil
}
