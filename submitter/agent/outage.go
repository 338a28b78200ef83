package agent

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"strings"
	"syscall"
	"time"
)

// IsTransport reports whether err is the node being unreachable (refused,
// reset or timed-out connections, an HTTP endpoint that is down) rather
// than an answer: such errors are retried with backoff and reported once
// per outage, not once per poll.
func IsTransport(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var ne net.Error
	var oe *net.OpError
	if errors.As(err, &oe) || errors.As(err, &ne) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true
	}
	s := err.Error()
	for _, sub := range []string{"connection refused", "connection reset", "broken pipe", "no such host",
		"i/o timeout", "EOF", "502 Bad Gateway", "503 Service Unavailable", "504 Gateway Timeout"} {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Outage tracks one kind of failure across polls: the first failure logs
// one WARN, the first success after it one INFO with the outage's length,
// and the failures between are quiet (DEBUG). Delay is the wait before the
// next try: the poll period while healthy, then doubling up to Max with
// ±20 % jitter.
type Outage struct {
	What string // "node", "market follower", ...
	Log  *slog.Logger
	Base time.Duration
	Max  time.Duration

	since time.Time // zero: no outage
	tries int
	last  string
}

// Down records a failure and returns the wait before the next try.
func (o *Outage) Down(err error) time.Duration {
	if o.since.IsZero() {
		o.since = time.Now()
		o.Log.Warn(o.What+" unreachable; retrying with backoff until it answers", "err", err)
	} else {
		o.Log.Debug(o.What+" still unreachable", "err", err, "for", time.Since(o.since).Round(time.Second))
	}
	o.tries++
	o.last = err.Error()
	return o.Delay()
}

// Up records a success; it reports whether an outage ended.
func (o *Outage) Up() bool {
	if o.since.IsZero() {
		return false
	}
	o.Log.Info(o.What+" reachable again", "outage", time.Since(o.since).Round(time.Millisecond), "tries", o.tries)
	o.since, o.tries, o.last = time.Time{}, 0, ""
	return true
}

// In reports whether an outage is going on.
func (o *Outage) In() bool { return !o.since.IsZero() }

// Delay is the wait before the next try.
func (o *Outage) Delay() time.Duration {
	if o.tries == 0 {
		return o.Base
	}
	d := o.Base << min(o.tries, 16)
	if o.Max > 0 && (d > o.Max || d <= 0) {
		d = o.Max
	}
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

// repeatFilter logs an error at WARN once and, while it repeats unchanged,
// at DEBUG: a duty that fails the same way every tick is one WARN line.
type repeatFilter struct{ last string }

func (f *repeatFilter) log(l *slog.Logger, msg string, err error) {
	if err == nil {
		f.last = ""
		return
	}
	if s := err.Error(); s != f.last {
		f.last = s
		l.Warn(msg, "err", err)
		return
	}
	l.Debug(msg+" (unchanged)", "err", err)
}
