package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Metric names the services report.
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

// MetricType is a Prometheus metric type.
type MetricType string

// The metric types Metrics keeps.
const (
	Counter MetricType = "counter"
	Gauge   MetricType = "gauge"
)

// metricsContentType is the Prometheus text exposition format 0.0.4.
const metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

type metric struct {
	help string
	typ  MetricType
	bits atomic.Uint64 // math.Float64bits of the value
}

func (m *metric) load() float64 { return math.Float64frombits(m.bits.Load()) }

func (m *metric) add(v float64) {
	for {
		old := m.bits.Load()
		if m.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// Metrics is a tiny registry of named counters and gauges (float64 values,
// updated atomically) that renders the Prometheus text format. Methods on a
// nil *Metrics do nothing, so a service without --metrics passes nil.
type Metrics struct {
	mu sync.RWMutex
	m  map[string]*metric
}

// NewMetrics returns a registry with the service metrics registered.
func NewMetrics() *Metrics {
	r := &Metrics{m: map[string]*metric{}}
	for _, d := range []struct {
		name string
		typ  MetricType
		help string
	}{
		{MetricRequestsSeen, Counter, "Inference requests seen on chain."},
		{MetricResultsPosted, Counter, "Results posted (submitter)."},
		{MetricChallengesSent, Counter, "Challenges sent against posted results (challenger)."},
		{MetricDisputesOpen, Gauge, "Disputes this service is playing now."},
		{MetricDisputesWon, Counter, "Disputes resolved in this service's favour."},
		{MetricDisputesLost, Counter, "Disputes resolved against this service."},
		{MetricRewardsClaimed, Counter, "Won challenges paid their bond and share of a refuted result's bond (claimReward)."},
		{MetricBondAtStakeWei, Gauge, "Bond this service has at stake in open results and disputes, in wei."},
	} {
		if err := r.Register(d.name, d.typ, d.help); err != nil {
			panic(err) // the names above are valid
		}
	}
	return r
}

// validMetricName reports whether name matches [a-zA-Z_:][a-zA-Z0-9_:]*.
func validMetricName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// Register adds a metric. Registering a name again with the same type
// only updates the help text.
func (r *Metrics) Register(name string, typ MetricType, help string) error {
	if r == nil {
		return nil
	}
	if !validMetricName(name) {
		return fmt.Errorf("metrics: invalid name %q", name)
	}
	if typ != Counter && typ != Gauge {
		return fmt.Errorf("metrics: %s: type %q is not counter or gauge", name, typ)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := r.m[name]; ok {
		if m.typ != typ {
			return fmt.Errorf("metrics: %s is already a %s", name, m.typ)
		}
		m.help = help
		return nil
	}
	r.m[name] = &metric{help: help, typ: typ}
	return nil
}

// get returns the metric, registering an unknown name on first use (a
// counter if it ends in _total, else a gauge) so a typo shows up on the
// scrape instead of crashing a service. Invalid names return nil.
func (r *Metrics) get(name string) *metric {
	r.mu.RLock()
	m := r.m[name]
	r.mu.RUnlock()
	if m != nil {
		return m
	}
	typ := Gauge
	if strings.HasSuffix(name, "_total") {
		typ = Counter
	}
	if err := r.Register(name, typ, "Not registered in advance."); err != nil {
		slog.Warn("metrics: dropped", "err", err)
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.m[name]
}

// Inc adds 1 to a metric.
func (r *Metrics) Inc(name string) { r.Add(name, 1) }

// Add adds v to a metric. Counters only go up: a negative v for a counter
// is dropped with a warning.
func (r *Metrics) Add(name string, v float64) {
	if r == nil {
		return
	}
	m := r.get(name)
	if m == nil {
		return
	}
	if m.typ == Counter && (v < 0 || math.IsNaN(v)) {
		slog.Warn("metrics: counters only go up", "name", name, "add", v)
		return
	}
	m.add(v)
}

// Set sets a gauge. Setting a counter is dropped with a warning.
func (r *Metrics) Set(name string, v float64) {
	if r == nil {
		return
	}
	m := r.get(name)
	if m == nil {
		return
	}
	if m.typ == Counter {
		slog.Warn("metrics: counters cannot be set", "name", name)
		return
	}
	m.bits.Store(math.Float64bits(v))
}

// SetBig sets a gauge to a big integer (wei amounts), rounded to float64 as
// every Prometheus value is.
func (r *Metrics) SetBig(name string, v *big.Int) {
	if v == nil {
		return
	}
	f, _ := new(big.Float).SetInt(v).Float64()
	r.Set(name, f)
}

// Value returns a metric's current value (0 for an unknown name).
func (r *Metrics) Value(name string) float64 {
	if r == nil {
		return 0
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if m := r.m[name]; m != nil {
		return m.load()
	}
	return 0
}

// formatValue writes a sample value as the text format wants it.
func formatValue(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// escapeHelp escapes a HELP text: backslash and line feed.
func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

// WriteTo writes every metric, sorted by name, in the Prometheus text
// exposition format 0.0.4.
func (r *Metrics) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if r != nil {
		r.mu.RLock()
		names := make([]string, 0, len(r.m))
		for n := range r.m {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			m := r.m[n]
			fmt.Fprintf(&buf, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", n, escapeHelp(m.help), n, m.typ, n, formatValue(m.load()))
		}
		r.mu.RUnlock()
	}
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// ServeHTTP answers a scrape.
func (r *Metrics) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", metricsContentType)
	if req.Method == http.MethodHead {
		return
	}
	if _, err := r.WriteTo(w); err != nil {
		slog.Debug("metrics: write scrape", "err", err)
	}
}

// serveMetrics serves reg at http://addr/metrics until ctx is done, then
// shuts the server down (giving scrapes in flight up to 5 seconds) and
// returns nil. An empty addr disables the endpoint: it returns nil at once.
// A listen error (bad address, port in use) is returned immediately.
func serveMetrics(ctx context.Context, addr string, reg *Metrics) error {
	if addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("metrics: listen on %s: %w", addr, err)
	}
	return serveMetricsOn(ctx, ln, reg)
}

// serveMetricsOn is serveMetrics on an open listener (closed on return).
func serveMetricsOn(ctx context.Context, ln net.Listener, reg *Metrics) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", reg)
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	slog.Info("metrics: serving", "url", "http://"+ln.Addr().String()+"/metrics")
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
