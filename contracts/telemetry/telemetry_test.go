package telemetry_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/telemetry"
)

func render(t *testing.T, r *telemetry.Registry) string {
	t.Helper()
	var sb strings.Builder
	_, err := r.WriteTo(&sb)
	require.NoError(t, err)
	return sb.String()
}

func TestRegistryFormat(t *testing.T) {
	r := telemetry.NewRegistry()
	require.NoError(t, r.Register("aivm_bond_wei", telemetry.Gauge, "Bond."))
	require.NoError(t, r.Register("aivm_float", telemetry.Gauge, "A float."))
	r.Set("aivm_bond_wei", 1e17)
	r.Set("aivm_float", 0.25)
	out := render(t, r)
	assert.Contains(t, out, "\naivm_bond_wei 100000000000000000\n", "integers print in full, never 1e+17")
	assert.Contains(t, out, "\naivm_float 0.25\n")

	// SetBig is exact beyond float64's 53 bits.
	v, _ := new(big.Int).SetString("123456789012345678901", 10)
	r.SetBig("aivm_bond_wei", v)
	assert.Contains(t, render(t, r), "\naivm_bond_wei 123456789012345678901\n")
	r.Add("aivm_bond_wei", 1) // back to float arithmetic
	assert.NotContains(t, render(t, r), "123456789012345678901")

	for v, want := range map[float64]string{0: "0", -3: "-3", 2.5e18: "2500000000000000000", 1e21: "1e+21",
		math.NaN(): "NaN", math.Inf(1): "+Inf", math.Inf(-1): "-Inf", 1.5e-7: "1.5e-07"} {
		assert.Equal(t, want, telemetry.FormatValue(v), "%v", v)
	}
}

func TestRegistryLabelsAndHistogram(t *testing.T) {
	r := telemetry.NewRegistry()
	require.NoError(t, r.Register("aivm_rpc_errors_total", telemetry.Counter, "Errors."))
	r.IncWith("aivm_rpc_errors_total", telemetry.Labels{"method": "eth_call"})
	r.IncWith("aivm_rpc_errors_total", telemetry.Labels{"method": "eth_call"})
	r.IncWith("aivm_rpc_errors_total", telemetry.Labels{"method": `we"ird`})
	r.IncWith("aivm_rpc_errors_total", telemetry.Labels{"bad-name": "x"}) // dropped
	assert.Equal(t, 2.0, r.ValueWith("aivm_rpc_errors_total", telemetry.Labels{"method": "eth_call"}))

	require.NoError(t, r.RegisterHistogram("aivm_stage_seconds", "Stages.", []float64{1, 10}))
	l := telemetry.Labels{"stage": "posted", "executor": "0xabc"}
	for _, v := range []float64{0.5, 1, 3, 100} {
		r.Observe("aivm_stage_seconds", l, v)
	}
	assert.Equal(t, 4.0, r.ValueWith("aivm_stage_seconds", l))
	out := render(t, r)
	for _, line := range []string{
		"# TYPE aivm_rpc_errors_total counter",
		`aivm_rpc_errors_total{method="eth_call"} 2`,
		`aivm_rpc_errors_total{method="we\"ird"} 1`,
		"# TYPE aivm_stage_seconds histogram",
		`aivm_stage_seconds_bucket{executor="0xabc",stage="posted",le="1"} 2`,
		`aivm_stage_seconds_bucket{executor="0xabc",stage="posted",le="10"} 3`,
		`aivm_stage_seconds_bucket{executor="0xabc",stage="posted",le="+Inf"} 4`,
		`aivm_stage_seconds_sum{executor="0xabc",stage="posted"} 104.5`,
		`aivm_stage_seconds_count{executor="0xabc",stage="posted"} 4`,
	} {
		assert.Contains(t, out, "\n"+line+"\n")
	}
	assert.NotContains(t, out, "bad-name")
	assert.NotContains(t, out, "aivm_rpc_errors_total 0", "a labelled family has no unlabelled zero sample")

	// Rules: types are fixed; histograms take Observe only; counters only go up.
	require.Error(t, r.Register("aivm_stage_seconds", telemetry.Gauge, ""))
	require.Error(t, r.Register("x", telemetry.Histogram, ""))
	require.Error(t, r.RegisterHistogram("h", "", []float64{2, 1}))
	r.Add("aivm_stage_seconds", 1)
	r.AddWith("aivm_rpc_errors_total", telemetry.Labels{"method": "eth_call"}, -1)
	r.SetWith("aivm_rpc_errors_total", telemetry.Labels{"method": "eth_call"}, 9)
	assert.Equal(t, 2.0, r.ValueWith("aivm_rpc_errors_total", telemetry.Labels{"method": "eth_call"}))
	r.Observe("aivm_unregistered", nil, 1)
	assert.NotContains(t, render(t, r), "aivm_unregistered")

	var none *telemetry.Registry
	none.Inc("x")
	none.Observe("x", nil, 1)
	assert.Equal(t, 0.0, none.Value("x"))
}

func TestHealthChecks(t *testing.T) {
	now := time.Now()
	h := telemetry.NewHealth(telemetry.HealthOptions{MaxLoopAge: time.Minute, MaxHeadAge: 30 * time.Second,
		MaxPollAge: time.Minute, MinBalance: big.NewInt(100)})
	assert.True(t, h.Live(now).OK(), "within the grace period after start")
	assert.False(t, h.Live(now.Add(2*time.Minute)).OK())

	r := h.Ready(now)
	assert.False(t, r.OK())
	assert.Equal(t, []string{"chain_head", "last_poll", "balance"}, r.Failing)

	h.SetHead(10, now.Add(-5*time.Second))
	h.SetBalance(big.NewInt(100))
	r = h.Ready(now)
	assert.True(t, r.OK(), "%+v", r) // Track's sample stands in for a poll until the service polls
	h.Polled()
	h.SetPending(time.Minute, 5*time.Minute)
	assert.True(t, h.Ready(now).OK())

	h.SetPending(6*time.Minute, 5*time.Minute)
	h.SetBalance(big.NewInt(99))
	r = h.Ready(now.Add(40 * time.Second))
	assert.Equal(t, []string{"chain_head", "pending_tx", "balance"}, r.Failing)
	for _, c := range r.Checks {
		switch c.Name {
		case "chain_head":
			assert.Contains(t, c.Detail, "head block 10 is 45s old (bound 30s)")
		case "pending_tx":
			assert.Contains(t, c.Detail, "waited 6m0s (stuck after 5m0s)")
		case "balance":
			assert.Contains(t, c.Detail, "balance 99 wei (minimum 100 wei)")
		}
	}
	assert.Equal(t, []string{"last_poll"}, h.Ready(now.Add(2 * time.Minute)).Failing[1:2])

	// Negative bounds disable checks.
	off := telemetry.NewHealth(telemetry.HealthOptions{MaxHeadAge: -1, MaxPollAge: -1, MaxLoopAge: -1})
	assert.True(t, off.Ready(now).OK())
	assert.True(t, off.Live(now.Add(time.Hour)).OK())
}

func TestHealthHandlers(t *testing.T) {
	h := telemetry.NewHealth(telemetry.HealthOptions{})
	get := func(hd http.Handler) (int, telemetry.Report) {
		rec := httptest.NewRecorder()
		hd.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		var r telemetry.Report
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r))
		assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
		return rec.Code, r
	}
	code, r := get(h.LiveHandler())
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok", r.Status)
	code, r = get(h.ReadyHandler())
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Equal(t, "fail", r.Status)
	assert.Contains(t, r.Failing, "chain_head")
	rec := httptest.NewRecorder()
	h.ReadyHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

func TestMonitor(t *testing.T) {
	keys, alloc, err := chain.FundedKeys(1)
	require.NoError(t, err)
	sim := simulated.NewBackend(alloc, chain.MainnetRules)
	t.Cleanup(func() { sim.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	t.Cleanup(chain.AutoMine(ctx, sim, 20*time.Millisecond))

	mon := telemetry.NewMonitor(telemetry.HealthOptions{MinBalance: big.NewInt(1)})
	b := chain.Instrument(sim.Client(), mon.ObserveRPC)
	tx, err := chain.NewTxManager(b, keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond,
		Logger: discard()})
	require.NoError(t, err)
	_, err = tx.Send(ctx, common.Address{7}, nil, big.NewInt(1))
	require.NoError(t, err)
	_, err = b.TransactionReceipt(ctx, common.Hash{1}) // not found: an answer
	require.Error(t, err)
	mon.ObserveRPC("eth_call", errors.New("connection refused"))

	require.NoError(t, mon.Sample(ctx, b, telemetry.TrackOptions{Account: tx.Address(), Tx: tx}))
	mon.Polled()
	mon.Executor = "avx2"
	mon.ObserveStage("seen_to_posted", common.Hash{0xab}, 3*time.Second)
	mon.Inc("aivm_requests_seen_total")
	out := render(t, mon.Metrics)
	for _, want := range []string{
		`aivm_rpc_errors_total{method="eth_call"} 1`,
		"aivm_tx_pending 0", "aivm_tx_stuck 0", "aivm_tx_nonce 1", "aivm_rpc_up 1",
		`aivm_request_stage_seconds_count{executor="avx2",kernel="0xab00000000000000000000000000000000000000000000000000000000000000",stage="seen_to_posted"} 1`,
		"aivm_requests_seen_total 1",
	} {
		assert.Contains(t, out, "\n"+want+"\n")
	}
	assert.NotContains(t, out, `aivm_rpc_errors_total{method="eth_getTransactionReceipt"}`)
	assert.Positive(t, mon.Metrics.ValueWith(telemetry.MetricRPCRequests, telemetry.Labels{"method": "eth_sendRawTransaction"}))
	assert.Positive(t, mon.Metrics.Value(telemetry.MetricChainHead))
	assert.Positive(t, mon.Metrics.Value(telemetry.MetricLastPoll))
	bal, err := b.BalanceAt(ctx, tx.Address(), nil)
	require.NoError(t, err)
	assert.Contains(t, out, "\naivm_wallet_balance_wei "+bal.String()+"\n", "exact wei")
	assert.True(t, mon.Health.Ready(time.Now()).OK(), "%+v", mon.Health.Ready(time.Now()))
	assert.True(t, mon.Health.Live(time.Now()).OK())

	// The services' run loop sets the last-poll gauge: readiness follows it.
	fresh := telemetry.NewMonitor(telemetry.HealthOptions{MaxHeadAge: -1})
	assert.Equal(t, []string{"last_poll"}, fresh.Health.Ready(time.Now()).Failing)
	fresh.Set(telemetry.MetricLastPoll, float64(time.Now().Unix()))
	assert.True(t, fresh.Health.Ready(time.Now()).OK())

	// Track samples until cancelled.
	tctx, tcancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { mon.Track(tctx, b, telemetry.TrackOptions{Every: 10 * time.Millisecond}) })
	start := mon.Metrics.Value(telemetry.MetricChainHead)
	require.Eventually(t, func() bool { return mon.Metrics.Value(telemetry.MetricChainHead) > start }, 5*time.Second, 10*time.Millisecond)
	tcancel()
	wg.Wait()

	var none *telemetry.Monitor
	none.Polled()
	none.ObserveStage("seen_to_finalized", common.Hash{}, time.Second)
	none.ObserveRPC("eth_call", errors.New("x"))
	none.Inc("x")
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
