// Package telemetry is what an aivm service reports to its operator: a
// small Prometheus registry (counters, gauges and histograms, with labels),
// the health state behind /healthz and /readyz, and Track, which feeds both
// from the chain (head, head lag, wallet balance, the TxManager's pending
// and stuck transactions, RPC errors by method).
//
// It sits in the contracts layer so that the services (submitter/agent and
// above) and the CLI's HTTP server (cmd) share it without import cycles.
// A service gets one *Monitor as its metrics (submitter/agent's Metrics
// and StageObserver) and calls, besides Inc/Add/Set for its own counters:
//
//   - Set(MetricLastPoll, unix seconds), or Polled(), after every
//     successful poll of the node (readiness: "last successful poll");
//   - ObserveStage(stage, kernel, d) when a request stage ends (the
//     histogram MetricStageSeconds, labelled by stage and kernel).
//
// Every method is safe for concurrent use, and a nil *Monitor, *Registry
// or *Health does nothing.
package telemetry

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Type is a Prometheus metric type.
type Type string

// The metric types a Registry keeps.
const (
	Counter   Type = "counter"
	Gauge     Type = "gauge"
	Histogram Type = "histogram"
)

// ContentType is the Prometheus text exposition format 0.0.4.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// Labels are a sample's label names and values.
type Labels map[string]string

// DefaultBuckets are the histogram buckets, in seconds, of request stages:
// from a block to a few hours.
var DefaultBuckets = []float64{1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600}

type family struct {
	help    string
	typ     Type
	buckets []float64          // histograms
	series  map[string]*series // by rendered labels ("" for none)
}

type series struct {
	labels string                  // rendered: {a="x",b="y"} or ""
	bits   atomic.Uint64           // math.Float64bits of the value
	big    atomic.Pointer[big.Int] // exact integer value, set by SetBig; cleared by Set/Add
	hist   *histogram
}

type histogram struct {
	mu     sync.Mutex
	counts []uint64 // per bucket, cumulative at render time
	count  uint64
	sum    float64
}

func (s *series) load() float64 { return math.Float64frombits(s.bits.Load()) }

func (s *series) add(v float64) {
	s.big.Store(nil)
	for {
		old := s.bits.Load()
		if s.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// Registry is a small registry of named metrics rendering the Prometheus
// text format. Unregistered names register on first use (a counter if the
// name ends in _total, else a gauge), so a typo shows up on the scrape
// instead of crashing a service.
type Registry struct {
	mu sync.RWMutex
	m  map[string]*family
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{m: map[string]*family{}} }

// ValidName reports whether name matches [a-zA-Z_:][a-zA-Z0-9_:]* (metric
// names; label names may not contain ':', checked separately).
func ValidName(name string) bool {
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

// Register adds a counter or gauge. Registering a name again with the same
// type only updates the help text.
func (r *Registry) Register(name string, typ Type, help string) error {
	if typ != Counter && typ != Gauge {
		return fmt.Errorf("metrics: %s: type %q is not counter or gauge (histograms: RegisterHistogram)", name, typ)
	}
	return r.register(name, typ, help, nil)
}

// RegisterHistogram adds a histogram with the given upper bounds (sorted;
// +Inf is implicit; nil: DefaultBuckets).
func (r *Registry) RegisterHistogram(name, help string, buckets []float64) error {
	if buckets == nil {
		buckets = DefaultBuckets
	}
	if !slices.IsSorted(buckets) {
		return fmt.Errorf("metrics: %s: buckets are not sorted", name)
	}
	return r.register(name, Histogram, help, slices.Clone(buckets))
}

func (r *Registry) register(name string, typ Type, help string, buckets []float64) error {
	if r == nil {
		return nil
	}
	if !ValidName(name) {
		return fmt.Errorf("metrics: invalid name %q", name)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if f, ok := r.m[name]; ok {
		if f.typ != typ {
			return fmt.Errorf("metrics: %s is already a %s", name, f.typ)
		}
		f.help = help
		return nil
	}
	r.m[name] = &family{help: help, typ: typ, buckets: buckets, series: map[string]*series{}}
	return nil
}

// renderLabels is {a="x",b="y"} with names sorted and values escaped; ""
// for no labels. ok is false for an invalid label name.
func renderLabels(l Labels) (string, bool) {
	if len(l) == 0 {
		return "", true
	}
	names := make([]string, 0, len(l))
	for n := range l {
		if !ValidName(n) || strings.Contains(n, ":") || strings.HasPrefix(n, "__") || n == "le" {
			return "", false
		}
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s=\"%s\"", n, strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`).Replace(l[n]))
	}
	b.WriteByte('}')
	return b.String(), true
}

// get returns the series, registering an unknown name on first use.
// Invalid names and labels return nil (with a warning).
func (r *Registry) get(name string, l Labels) (*family, *series) {
	key, ok := renderLabels(l)
	if !ok {
		slog.Warn("metrics: dropped: invalid label name", "name", name, "labels", l)
		return nil, nil
	}
	r.mu.RLock()
	f := r.m[name]
	var s *series
	if f != nil {
		s = f.series[key]
	}
	r.mu.RUnlock()
	if s != nil {
		return f, s
	}
	if f == nil {
		typ := Gauge
		if strings.HasSuffix(name, "_total") {
			typ = Counter
		}
		if err := r.register(name, typ, "Not registered in advance.", nil); err != nil {
			slog.Warn("metrics: dropped", "err", err)
			return nil, nil
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f = r.m[name]
	if s = f.series[key]; s == nil {
		s = &series{labels: key}
		if f.typ == Histogram {
			s.hist = &histogram{counts: make([]uint64, len(f.buckets))}
		}
		f.series[key] = s
	}
	return f, s
}

// Inc adds 1 to a metric.
func (r *Registry) Inc(name string) { r.AddWith(name, nil, 1) }

// Add adds v to a metric. Counters only go up: a negative v for a counter
// is dropped with a warning.
func (r *Registry) Add(name string, v float64) { r.AddWith(name, nil, v) }

// Set sets a gauge. Setting a counter is dropped with a warning.
func (r *Registry) Set(name string, v float64) { r.SetWith(name, nil, v) }

// IncWith adds 1 to the series of a metric with labels.
func (r *Registry) IncWith(name string, l Labels) { r.AddWith(name, l, 1) }

// AddWith is Add for the series with labels.
func (r *Registry) AddWith(name string, l Labels, v float64) {
	if r == nil {
		return
	}
	f, s := r.get(name, l)
	switch {
	case s == nil:
	case f.typ == Histogram:
		slog.Warn("metrics: histograms take Observe", "name", name)
	case f.typ == Counter && (v < 0 || math.IsNaN(v)):
		slog.Warn("metrics: counters only go up", "name", name, "add", v)
	default:
		s.add(v)
	}
}

// SetWith is Set for the series with labels.
func (r *Registry) SetWith(name string, l Labels, v float64) {
	if s := r.gauge(name, l); s != nil {
		s.big.Store(nil)
		s.bits.Store(math.Float64bits(v))
	}
}

// SetBig sets a gauge to an integer (wei), rendered exactly.
func (r *Registry) SetBig(name string, v *big.Int) { r.SetBigWith(name, nil, v) }

// SetBigWith is SetBig for the series with labels.
func (r *Registry) SetBigWith(name string, l Labels, v *big.Int) {
	if v == nil {
		return
	}
	if s := r.gauge(name, l); s != nil {
		fv, _ := new(big.Float).SetInt(v).Float64()
		s.bits.Store(math.Float64bits(fv))
		s.big.Store(new(big.Int).Set(v))
	}
}

// gauge is the series of a gauge, nil (with a warning for another type)
// if there is none.
func (r *Registry) gauge(name string, l Labels) *series {
	if r == nil {
		return nil
	}
	f, s := r.get(name, l)
	if s != nil && f.typ != Gauge {
		slog.Warn("metrics: only gauges can be set", "name", name)
		return nil
	}
	return s
}

// Observe adds a sample to a histogram's series (registered first with
// RegisterHistogram).
func (r *Registry) Observe(name string, l Labels, v float64) {
	if r == nil {
		return
	}
	r.mu.RLock()
	f := r.m[name]
	r.mu.RUnlock()
	if f == nil || f.typ != Histogram {
		slog.Warn("metrics: not a registered histogram", "name", name)
		return
	}
	_, s := r.get(name, l)
	if s == nil {
		return
	}
	h := s.hist
	h.mu.Lock()
	defer h.mu.Unlock()
	if i, _ := slices.BinarySearch(f.buckets, v); i < len(f.buckets) {
		h.counts[i]++
	}
	h.count++
	h.sum += v
}

// Value returns a counter's or gauge's value (0 if unknown).
func (r *Registry) Value(name string) float64 { return r.ValueWith(name, nil) }

// ValueWith returns a series' value; for a histogram, its sample count.
func (r *Registry) ValueWith(name string, l Labels) float64 {
	if r == nil {
		return 0
	}
	key, _ := renderLabels(l)
	r.mu.RLock()
	defer r.mu.RUnlock()
	f := r.m[name]
	if f == nil || f.series[key] == nil {
		return 0
	}
	s := f.series[key]
	if s.hist != nil {
		s.hist.mu.Lock()
		defer s.hist.mu.Unlock()
		return float64(s.hist.count)
	}
	return s.load()
}

// FormatValue writes a sample value as the text format wants it: integers
// in full (never 1e+17), other values in the shortest form.
func FormatValue(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case v == math.Trunc(v) && math.Abs(v) < 1e21:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

// withLabel adds name="value" to rendered labels.
func withLabel(labels, name, value string) string {
	l := name + `="` + value + `"`
	if labels == "" {
		return "{" + l + "}"
	}
	return labels[:len(labels)-1] + "," + l + "}"
}

// WriteTo writes every metric, sorted by name and labels, in the
// Prometheus text exposition format 0.0.4. A metric without samples yet
// shows 0 (counters and gauges without labels) or only its HELP and TYPE.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if r != nil {
		r.mu.RLock()
		names := make([]string, 0, len(r.m))
		for n := range r.m {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			f := r.m[n]
			fmt.Fprintf(&buf, "# HELP %s %s\n# TYPE %s %s\n", n, escapeHelp(f.help), n, f.typ)
			keys := make([]string, 0, len(f.series))
			for k := range f.series {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			if len(keys) == 0 && f.typ != Histogram {
				fmt.Fprintf(&buf, "%s 0\n", n)
			}
			for _, k := range keys {
				s := f.series[k]
				if s.hist == nil {
					v := FormatValue(s.load())
					if b := s.big.Load(); b != nil {
						v = b.String()
					}
					fmt.Fprintf(&buf, "%s%s %s\n", n, k, v)
					continue
				}
				s.hist.mu.Lock()
				var cum uint64
				for i, ub := range f.buckets {
					cum += s.hist.counts[i]
					fmt.Fprintf(&buf, "%s_bucket%s %d\n", n, withLabel(k, "le", FormatValue(ub)), cum)
				}
				fmt.Fprintf(&buf, "%s_bucket%s %d\n", n, withLabel(k, "le", "+Inf"), s.hist.count)
				fmt.Fprintf(&buf, "%s_sum%s %s\n%s_count%s %d\n", n, k, FormatValue(s.hist.sum), n, k, s.hist.count)
				s.hist.mu.Unlock()
			}
		}
		r.mu.RUnlock()
	}
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// ServeHTTP answers a scrape (GET or HEAD).
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", ContentType)
	if req.Method == http.MethodHead {
		return
	}
	if _, err := r.WriteTo(w); err != nil {
		slog.Debug("metrics: write scrape", "err", err)
	}
}
