package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/aivm-dev/aivm/contracts/telemetry"
	"github.com/aivm-dev/aivm/models/ops"
)

// The services' operator endpoints: Prometheus metrics at /metrics,
// liveness at /healthz and readiness at /readyz, on one --metrics-addr
// server. The registry, the health checks and the chain metrics live in
// contracts/telemetry, where the services can reach them.

// Metric names the services report (the chain's own are telemetry.Metric*).
const (
	MetricRequestsSeen   = "aivm_requests_seen_total"
	MetricResultsPosted  = "aivm_results_posted_total"
	MetricChallengesSent = "aivm_challenges_sent_total"
	MetricDisputesOpen   = "aivm_disputes_open"
	MetricDisputesWon    = "aivm_disputes_won_total"
	MetricDisputesLost   = "aivm_disputes_lost_total"
	MetricRewardsClaimed = "aivm_rewards_claimed_total"
	MetricBondAtStakeWei = "aivm_bond_at_stake_wei"
)

// Metrics is the metric registry of a service.
type Metrics = telemetry.Registry

// registerServiceMetrics registers the services' metrics on r.
func registerServiceMetrics(r *telemetry.Registry) {
	for _, d := range []struct {
		name string
		typ  telemetry.Type
		help string
	}{
		{MetricRequestsSeen, telemetry.Counter, "Inference requests seen on chain."},
		{MetricResultsPosted, telemetry.Counter, "Results posted (submitter)."},
		{MetricChallengesSent, telemetry.Counter, "Challenges sent against posted results (challenger)."},
		{MetricDisputesOpen, telemetry.Gauge, "Disputes this service is playing now."},
		{MetricDisputesWon, telemetry.Counter, "Disputes resolved in this service's favour."},
		{MetricDisputesLost, telemetry.Counter, "Disputes resolved against this service."},
		{MetricRewardsClaimed, telemetry.Counter, "Won challenges paid their bond and share of a refuted result's bond (claimReward)."},
		{MetricBondAtStakeWei, telemetry.Gauge, "Bond this service has at stake in open results and disputes, in wei."},
	} {
		if err := r.Register(d.name, d.typ, d.help); err != nil {
			panic(err) // the names above are valid
		}
	}
}

// newMonitor returns a service's monitor: the service metrics, the chain
// metrics and the health checks with the given bounds.
func newMonitor(o telemetry.HealthOptions) *telemetry.Monitor {
	m := telemetry.NewMonitor(o)
	m.Executor = ops.Backend() // the native re-execution's int8 backend
	registerServiceMetrics(m.Metrics)
	return m
}

// serveMetrics serves mon at http://addr/metrics, /healthz and /readyz
// until ctx is done, then shuts the server down (giving requests in flight
// up to 5 seconds) and returns nil. An empty addr disables the endpoint: it
// returns nil at once. A listen error (bad address, port in use) is
// returned immediately.
func serveMetrics(ctx context.Context, addr string, mon *telemetry.Monitor) error {
	if addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("metrics: listen on %s: %w", addr, err)
	}
	return serveMetricsOn(ctx, ln, mon)
}

// serveMetricsOn is serveMetrics on an open listener (closed on return).
func serveMetricsOn(ctx context.Context, ln net.Listener, mon *telemetry.Monitor) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", mon.Metrics)
	mux.Handle("/healthz", mon.Health.LiveHandler())
	mux.Handle("/readyz", mon.Health.ReadyHandler())
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	base := "http://" + ln.Addr().String()
	slog.Info("metrics: serving", "metrics", base+"/metrics", "healthz", base+"/healthz", "readyz", base+"/readyz")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("metrics: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("metrics: shutdown: %w", err)
	}
	return nil
}
