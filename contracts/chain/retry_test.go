package chain_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// lockedBuffer is a log sink safe for concurrent writers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// countLevel counts the log lines of a level (text handler output).
func countLevel(s, level string) int { return strings.Count(s, "level="+level+" ") }

func bufLogger(buf io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func TestBackoffDelay(t *testing.T) {
	b := chain.Backoff{Initial: 100 * time.Millisecond, Max: time.Second, Factor: 2, Jitter: -1}
	want := []time.Duration{100, 200, 400, 800, 1000, 1000, 1000}
	for i, w := range want {
		assert.Equal(t, w*time.Millisecond, b.Delay(i), "attempt %d", i)
	}
	// Jitter stays within its bounds and varies.
	j := chain.Backoff{Initial: time.Second, Max: time.Second, Jitter: 0.25}
	seen := map[time.Duration]bool{}
	for range 200 {
		d := j.Delay(3)
		require.GreaterOrEqual(t, d, 750*time.Millisecond)
		require.LessOrEqual(t, d, 1250*time.Millisecond)
		seen[d] = true
	}
	assert.Greater(t, len(seen), 10, "jittered delays vary")
	// The zero value is DefaultBackoff.
	assert.InDelta(t, float64(chain.DefaultBackoff.Initial), float64(chain.Backoff{}.Delay(0)), float64(chain.DefaultBackoff.Initial)/4)
	assert.LessOrEqual(t, chain.Backoff{}.Delay(100), chain.DefaultBackoff.Max*12/10)
}

func TestIsTransient(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: syscall.ECONNREFUSED}}
	for _, err := range []error{
		refused,
		fmt.Errorf("chain: block number: %w", refused),
		io.EOF,
		fmt.Errorf("post: %w", io.ErrUnexpectedEOF),
		rpc.HTTPError{StatusCode: 503, Status: "503 Service Unavailable"},
		fmt.Errorf("x: %w", rpc.HTTPError{StatusCode: 429}),
		errors.New(`Post "http://127.0.0.1:8545": dial tcp 127.0.0.1:8545: connect: connection refused`),
		errors.New("read tcp: connection reset by peer"),
		&net.DNSError{Err: "no such host", Name: "nope", IsNotFound: true},
	} {
		assert.True(t, chain.IsTransient(err), "%v", err)
	}
	for _, err := range []error{
		nil,
		context.Canceled,
		errors.New("nonce too low"),
		errors.New("execution reverted"),
		chain.Decode(errors.New("execution reverted: eof")),
		rpc.HTTPError{StatusCode: 400},
		errors.New("abi: attempting to unmarshal an empty string while arguments are expected"),
	} {
		assert.False(t, chain.IsTransient(err), "%v", err)
	}
}

// An outage of many failures logs one WARN and one INFO.
func TestOutageLogsOnce(t *testing.T) {
	var buf lockedBuffer
	var changes []bool
	o := &chain.Outage{What: "rpc", Logger: bufLogger(&buf), OnChange: func(down bool) { changes = append(changes, down) }}
	assert.False(t, o.OK(), "no outage to end")
	for i := range 50 {
		first := o.Fail("eth_blockNumber", errors.New("connection refused"))
		assert.Equal(t, i == 0, first)
	}
	down, since := o.Down()
	assert.True(t, down)
	assert.False(t, since.IsZero())
	assert.Equal(t, 50, o.Failures())
	assert.True(t, o.OK())
	assert.False(t, o.OK())
	s := buf.String()
	assert.Equal(t, 1, countLevel(s, "WARN"), s)
	assert.Equal(t, 1, countLevel(s, "INFO"), s)
	assert.Contains(t, s, "rpc unavailable")
	assert.Contains(t, s, "rpc available again")
	assert.Contains(t, s, "failures=50")
	assert.Equal(t, []bool{true, false}, changes)
	down, _ = o.Down()
	assert.False(t, down)
}

func TestRetry(t *testing.T) {
	ctx := context.Background()
	fast := chain.Backoff{Initial: time.Millisecond, Max: 5 * time.Millisecond}
	var buf lockedBuffer
	o := &chain.Outage{Logger: bufLogger(&buf)}

	// Transient failures are retried until success.
	calls := 0
	err := chain.Retry(ctx, fast, o, "op", func(context.Context) error {
		if calls++; calls < 6 {
			return syscall.ECONNREFUSED
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 6, calls)
	assert.Equal(t, 1, countLevel(buf.String(), "WARN"))
	assert.Equal(t, 1, countLevel(buf.String(), "INFO"))

	// A node's answer is returned at once.
	calls = 0
	answer := errors.New("nonce too low")
	err = chain.Retry(ctx, fast, nil, "op", func(context.Context) error { calls++; return answer })
	require.ErrorIs(t, err, answer)
	assert.Equal(t, 1, calls)

	// A context ending during an outage names the op and the last failure.
	cctx, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	err = chain.Retry(cctx, fast, nil, "eth_chainId", func(context.Context) error { return io.EOF })
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.ErrorContains(t, err, "eth_chainId")
	assert.ErrorContains(t, err, "last failure: EOF")
}
