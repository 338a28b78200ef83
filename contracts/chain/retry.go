package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
)

// Transport failures: riding out a node that is down for a while.
//
// Everything that polls a node (TxManager's receipt polling, LogWatcher,
// `aivm request --wait`, the services' loops) uses the same three pieces:
//
//   - IsTransient tells a transport failure (connection refused or reset,
//     EOF, a timeout of the request, an HTTP 429/5xx from a proxy), worth
//     retrying unchanged, from an answer of the node (a revert, "nonce too
//     low", a bad argument), which retrying does not change.
//   - Backoff is a capped, jittered exponential delay between attempts.
//   - Outage turns a run of failures into exactly two log lines: one WARN
//     when the first failure starts an outage and one INFO, with its length
//     and failure count, when the next success ends it. Attempts in
//     between log at DEBUG only.
//
// Retry combines them: it calls a function until it succeeds, fails with a
// non-transient error, or ctx is done.

// Backoff is a capped, jittered exponential backoff: attempt n (0-based)
// waits Initial·Factor^n, at most Max, then scaled by a random factor in
// [1-Jitter, 1+Jitter] so that many clients of one node do not retry in
// step. The zero value is DefaultBackoff.
type Backoff struct {
	Initial time.Duration // first delay (default 250ms)
	Max     time.Duration // cap of the delay before jitter (default 10s)
	Factor  float64       // growth per attempt (default 2)
	Jitter  float64       // relative jitter, 0..1 (default 0.2; negative: none)
}

// DefaultBackoff is 250ms, 500ms, 1s, ... capped at 10s, ±20% jitter.
var DefaultBackoff = Backoff{Initial: 250 * time.Millisecond, Max: 10 * time.Second, Factor: 2, Jitter: 0.2}

func (b Backoff) withDefaults() Backoff {
	b.Initial = orDefault(b.Initial, DefaultBackoff.Initial)
	b.Max = orDefault(b.Max, DefaultBackoff.Max)
	if b.Max < b.Initial {
		b.Max = b.Initial
	}
	if b.Factor < 1 {
		b.Factor = DefaultBackoff.Factor
	}
	switch {
	case b.Jitter == 0:
		b.Jitter = DefaultBackoff.Jitter
	case b.Jitter < 0:
		b.Jitter = 0
	case b.Jitter > 1:
		b.Jitter = 1
	}
	return b
}

// Delay is the wait before retry number attempt (0 for the first retry).
func (b Backoff) Delay(attempt int) time.Duration {
	b = b.withDefaults()
	d := float64(b.Initial) * math.Pow(b.Factor, float64(max(attempt, 0)))
	d = min(d, float64(b.Max))
	if b.Jitter > 0 {
		d *= 1 + b.Jitter*(2*rand.Float64()-1)
	}
	return time.Duration(d)
}

// IsTransient reports whether err is a transport failure worth retrying
// unchanged: the node could not be reached or did not answer (connection
// refused or reset, broken pipe, EOF, an unknown host, a network or HTTP
// timeout, HTTP 408, 429 or 5xx). Answers of the node (reverts, "nonce too
// low", invalid arguments, "not found") and context cancellation are not
// transient.
func IsTransient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) {
		return true
	}
	var he rpc.HTTPError
	if errors.As(err, &he) {
		return he.StatusCode == 408 || he.StatusCode == 429 || he.StatusCode >= 500
	}
	var phe *rpc.HTTPError
	if errors.As(err, &phe) {
		return phe.StatusCode == 408 || phe.StatusCode == 429 || phe.StatusCode >= 500
	}
	if _, ok := AsRevert(err); ok {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true // dial errors, timeouts
	}
	return errContains(err, "connection refused", "connection reset", "broken pipe", "no such host",
		"i/o timeout", "eof", "server closed", "client is closed", "network is unreachable",
		"503 service unavailable", "502 bad gateway", "504 gateway timeout", "429 too many requests")
}

// Outage tracks whether a node (or any dependency) is failing, so that a
// run of failures logs one WARN when it starts and one INFO when it ends,
// instead of a line per attempt. It is safe for concurrent use; the zero
// value works (logging to slog.Default()).
type Outage struct {
	// What names the dependency in the log lines, e.g. "rpc" or
	// "rpc http://127.0.0.1:8545".
	What string
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// OnChange, if set, is called (outside the lock) when an outage
	// starts (down true) and ends (down false), e.g. for a metric.
	OnChange func(down bool)

	mu       sync.Mutex
	down     bool
	since    time.Time
	failures int
}

// Fail records a failed attempt of op with err. The first failure of an
// outage logs a WARN and returns true; later ones log at DEBUG.
func (o *Outage) Fail(op string, err error) bool {
	o.mu.Lock()
	o.failures++
	first := !o.down
	if first {
		o.down, o.since = true, time.Now()
	}
	n := o.failures
	o.mu.Unlock()
	log := logger(o.Logger)
	if first {
		log.Warn(o.name()+" unavailable; retrying with backoff until it answers", "op", op, "err", err)
		if o.OnChange != nil {
			o.OnChange(true)
		}
	} else {
		log.Debug(o.name()+" still unavailable", "op", op, "failures", n, "err", err)
	}
	return first
}

// OK records a success. If it ends an outage, it logs an INFO with the
// outage's length and failure count and returns true.
func (o *Outage) OK() bool {
	o.mu.Lock()
	if !o.down {
		o.failures = 0
		o.mu.Unlock()
		return false
	}
	d, n := time.Since(o.since), o.failures
	o.down, o.failures = false, 0
	o.mu.Unlock()
	logger(o.Logger).Info(o.name()+" available again", "after", d.Round(time.Millisecond), "failures", n)
	if o.OnChange != nil {
		o.OnChange(false)
	}
	return true
}

// Down reports whether an outage is in progress, and since when.
func (o *Outage) Down() (bool, time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.down, o.since
}

// Failures is the number of failures of the outage in progress (0 if none).
func (o *Outage) Failures() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.failures
}

func (o *Outage) name() string {
	if o.What == "" {
		return "node"
	}
	return o.What
}

// Retry calls fn until it returns nil or a non-transient error (returned
// as is), waiting b.Delay(n) between attempts; a nil o is a fresh Outage
// for this call. Each transient failure is recorded with o.Fail(op, ...),
// the success with o.OK(), so an outage logs one WARN and one INFO. When
// ctx is done first, Retry returns an error wrapping the context's cause
// and naming the last failure.
//
//	err := chain.Retry(ctx, chain.DefaultBackoff, outage, "eth_blockNumber", func(ctx context.Context) (err error) {
//		head, err = client.BlockNumber(ctx)
//		return err
//	})
func Retry(ctx context.Context, b Backoff, o *Outage, op string, fn func(context.Context) error) error {
	if o == nil {
		o = &Outage{}
	}
	for attempt := 0; ; attempt++ {
		err := fn(ctx)
		if !IsTransient(err) {
			o.OK() // the node answered
			return err
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w (last failure: %v)", op, context.Cause(ctx), err)
		}
		o.Fail(op, err)
		if serr := Sleep(ctx, b.Delay(attempt)); serr != nil {
			return fmt.Errorf("%s: %w (last failure: %v)", op, serr, err)
		}
	}
}

// Sleep waits d or until ctx is done, returning context.Cause(ctx) then.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-t.C:
		return nil
	}
}
