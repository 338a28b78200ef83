package telemetry

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"sync"
	"time"
)

// HealthOptions are the bounds of the liveness and readiness checks. Zero
// durations take the defaults; a negative one disables its check.
type HealthOptions struct {
	// MaxLoopAge: /healthz fails when no loop of the process (Beat, Polled
	// or Track's samples) ran for this long (default 5m).
	MaxLoopAge time.Duration
	// MaxHeadAge: /readyz fails when the chain head's timestamp is older
	// than this (default 2m). A dev node that mines only on transactions
	// (anvil's default) ages without being broken: give anvil --block-time
	// or disable the check.
	MaxHeadAge time.Duration
	// MaxPollAge: /readyz fails when the service's last successful poll is
	// older than this (default 2m).
	MaxPollAge time.Duration
	// MinBalance: /readyz fails when the wallet balance is below it (nil:
	// no check).
	MinBalance *big.Int
}

// Health is the state behind /healthz and /readyz. Services report to it
// through a Monitor (Polled); Track reports the chain's side.
type Health struct {
	opts    HealthOptions
	mu      sync.Mutex
	started time.Time
	beat    time.Time // any loop alive
	poll    time.Time // the service's last successful poll
	sample  time.Time // Track's last successful chain sample
	head    uint64
	headAt  time.Time // head block's timestamp; zero until known
	balance *big.Int  // nil until known
	// pending transactions (TxManager.Pending): oldest wait and bound
	pendingKnown bool
	oldest       time.Duration
	stuckAfter   time.Duration
}

// NewHealth returns the health state, counting ages from now.
func NewHealth(o HealthOptions) *Health {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&o.MaxLoopAge, 5*time.Minute)
	def(&o.MaxHeadAge, 2*time.Minute)
	def(&o.MaxPollAge, 2*time.Minute)
	return &Health{opts: o, started: time.Now()}
}

// Beat records that a loop of the process is alive.
func (h *Health) Beat() {
	if h == nil {
		return
	}
	h.mu.Lock()
	h.beat = time.Now()
	h.mu.Unlock()
}

// Polled records a successful poll of the service's main loop.
func (h *Health) Polled() {
	if h == nil {
		return
	}
	h.mu.Lock()
	h.beat = time.Now()
	h.poll = h.beat
	h.mu.Unlock()
}

// SetHead records the chain head and its block timestamp.
func (h *Health) SetHead(number uint64, at time.Time) {
	if h == nil {
		return
	}
	h.mu.Lock()
	h.head, h.headAt = number, at
	h.beat = time.Now()
	h.sample = h.beat
	h.mu.Unlock()
}

// SetBalance records the wallet balance.
func (h *Health) SetBalance(wei *big.Int) {
	if h == nil || wei == nil {
		return
	}
	h.mu.Lock()
	h.balance = new(big.Int).Set(wei)
	h.mu.Unlock()
}

// SetPending records the oldest pending transaction's wait and the bound
// past which it is stuck.
func (h *Health) SetPending(oldest, stuckAfter time.Duration) {
	if h == nil {
		return
	}
	h.mu.Lock()
	h.pendingKnown, h.oldest, h.stuckAfter = true, oldest, stuckAfter
	h.mu.Unlock()
}

// Check is one health check's outcome.
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

// Report is the JSON body of /healthz and /readyz: "ok" or "fail", the
// names of the failing checks and every check.
type Report struct {
	Status  string   `json:"status"`
	Failing []string `json:"failing,omitempty"`
	Checks  []Check  `json:"checks"`
}

// OK reports whether every check passed.
func (r Report) OK() bool { return r.Status == "ok" }

func report(checks []Check) Report {
	r := Report{Status: "ok", Checks: checks}
	for _, c := range checks {
		if !c.OK {
			r.Status = "fail"
			r.Failing = append(r.Failing, c.Name)
		}
	}
	return r
}

func age(now, t time.Time) time.Duration { return now.Sub(t).Round(time.Second) }

// Live is the liveness report: a loop of the process ran within
// MaxLoopAge (counted from the start until the first one).
func (h *Health) Live(now time.Time) Report {
	h.mu.Lock()
	defer h.mu.Unlock()
	last, what := h.beat, "last loop"
	if last.IsZero() {
		last, what = h.started, "started, no loop yet,"
	}
	c := Check{Name: "loop", OK: h.opts.MaxLoopAge < 0 || now.Sub(last) <= h.opts.MaxLoopAge,
		Detail: fmt.Sprintf("%s %s ago (bound %s)", what, age(now, last), h.opts.MaxLoopAge)}
	return report([]Check{c})
}

// Ready is the readiness report: chain head age, last successful poll,
// oldest pending transaction and wallet balance against their bounds.
// Until the service reports a poll (Polled), Track's chain samples stand
// in for it.
func (h *Health) Ready(now time.Time) Report {
	h.mu.Lock()
	defer h.mu.Unlock()
	var cs []Check

	head := Check{Name: "chain_head", OK: true, Detail: "check disabled"}
	if h.opts.MaxHeadAge >= 0 {
		if h.headAt.IsZero() {
			head = Check{Name: "chain_head", Detail: "no chain head read yet"}
		} else {
			a := now.Sub(h.headAt)
			head = Check{Name: "chain_head", OK: a <= h.opts.MaxHeadAge,
				Detail: fmt.Sprintf("head block %d is %s old (bound %s)", h.head, age(now, h.headAt), h.opts.MaxHeadAge)}
		}
	}
	cs = append(cs, head)

	poll := Check{Name: "last_poll", OK: true, Detail: "check disabled"}
	if h.opts.MaxPollAge >= 0 {
		last, what := h.poll, "last successful poll"
		if last.IsZero() {
			last, what = h.sample, "no service poll yet; last chain sample"
		}
		if last.IsZero() {
			poll = Check{Name: "last_poll", Detail: "no successful poll yet"}
		} else {
			poll = Check{Name: "last_poll", OK: now.Sub(last) <= h.opts.MaxPollAge,
				Detail: fmt.Sprintf("%s %s ago (bound %s)", what, age(now, last), h.opts.MaxPollAge)}
		}
	}
	cs = append(cs, poll)

	pend := Check{Name: "pending_tx", OK: true, Detail: "no transaction manager tracked"}
	if h.pendingKnown {
		switch {
		case h.oldest == 0:
			pend.Detail = "no transaction pending"
		default:
			pend.OK = h.oldest < h.stuckAfter
			pend.Detail = fmt.Sprintf("oldest pending transaction waited %s (stuck after %s)", h.oldest.Round(time.Second), h.stuckAfter)
		}
	}
	cs = append(cs, pend)

	bal := Check{Name: "balance", OK: true, Detail: "no minimum set"}
	if h.opts.MinBalance != nil {
		if h.balance == nil {
			bal = Check{Name: "balance", Detail: "balance not read yet"}
		} else {
			bal = Check{Name: "balance", OK: h.balance.Cmp(h.opts.MinBalance) >= 0,
				Detail: fmt.Sprintf("balance %s wei (minimum %s wei)", h.balance, h.opts.MinBalance)}
		}
	}
	cs = append(cs, bal)
	return report(cs)
}

// ServeReport writes a report as JSON with 200 (ok) or 503 (fail).
func ServeReport(w http.ResponseWriter, req *http.Request, r Report) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	code := http.StatusOK
	if !r.OK() {
		code = http.StatusServiceUnavailable
	}
	w.WriteHeader(code)
	if req.Method == http.MethodHead {
		return
	}
	b, _ := json.Marshal(r)
	_, _ = w.Write(append(b, '\n'))
}

// LiveHandler serves /healthz.
func (h *Health) LiveHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ServeReport(w, r, h.Live(time.Now())) })
}

// ReadyHandler serves /readyz.
func (h *Health) ReadyHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ServeReport(w, r, h.Ready(time.Now())) })
}
