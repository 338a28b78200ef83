package agent

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOutageOneWarnOneInfo: an outage of many failed polls is one WARN and
// one INFO, and the wait between tries doubles up to the cap, jittered.
func TestOutageOneWarnOneInfo(t *testing.T) {
	var buf bytes.Buffer
	o := &Outage{What: "node", Log: slog.New(slog.NewTextHandler(&buf, nil)), Base: 100 * time.Millisecond, Max: time.Second}
	err := fmt.Errorf("latest header: %w", syscall.ECONNREFUSED)
	if !IsTransport(err) || IsTransport(errors.New("execution reverted")) {
		t.Fatal("IsTransport misclassifies")
	}
	var waits []time.Duration
	for range 10 {
		waits = append(waits, o.Down(err))
	}
	if !o.Up() || o.Up() {
		t.Fatal("Up reports the end of the outage once")
	}
	if w, i := strings.Count(buf.String(), "level=WARN"), strings.Count(buf.String(), "level=INFO"); w != 1 || i != 1 {
		t.Fatalf("%d WARN and %d INFO lines, want 1 and 1:\n%s", w, i, buf.String())
	}
	if waits[0] < 160*time.Millisecond || waits[0] > 240*time.Millisecond {
		t.Errorf("first wait %v, want 200 ms ±20 %%", waits[0])
	}
	for _, w := range waits {
		if w > 1200*time.Millisecond {
			t.Errorf("wait %v over the cap", w)
		}
	}
	if waits[9] < 800*time.Millisecond {
		t.Errorf("last wait %v, want the cap ±20 %%", waits[9])
	}
}
