package agent

import "log/slog"

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
