package cli

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"math/big"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/telemetry"
)

func scrape(t *testing.T, url string) (string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b), resp.Header
}

// parseExposition checks every line of a text-format scrape and returns the
// samples, the HELP and TYPE of each metric.
func parseExposition(t *testing.T, body string) (samples map[string]string, help, typ map[string]string) {
	t.Helper()
	samples, help, typ = map[string]string{}, map[string]string{}, map[string]string{}
	helpRE := regexp.MustCompile(`^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$`)
	typeRE := regexp.MustCompile(`^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)$`)
	sampleRE := regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$`)
	require.True(t, strings.HasSuffix(body, "\n"), "the exposition ends with a line feed")
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if m := helpRE.FindStringSubmatch(line); m != nil {
			help[m[1]] = m[2]
		} else if m := typeRE.FindStringSubmatch(line); m != nil {
			require.Contains(t, help, m[1], "HELP comes before TYPE")
			typ[m[1]] = m[2]
		} else if m := sampleRE.FindStringSubmatch(line); m != nil {
			family := m[1]
			if _, ok := typ[family]; !ok {
				for _, suffix := range []string{"_bucket", "_sum", "_count"} {
					family = strings.TrimSuffix(family, suffix)
				}
			}
			require.Contains(t, typ, family, "TYPE comes before the sample")
			samples[m[1]+m[2]] = m[3]
		} else {
			t.Fatalf("line %q is not in the text format", line)
		}
	}
	return samples, help, typ
}

func TestMetricsServe(t *testing.T) {
	mon := newMonitor(telemetry.HealthOptions{})
	reg := mon.Metrics
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveMetricsOn(ctx, ln, mon) }()
	url := "http://" + ln.Addr().String() + "/metrics"

	body, hdr := scrape(t, url)
	require.Equal(t, "text/plain; version=0.0.4; charset=utf-8", hdr.Get("Content-Type"))
	samples, help, typ := parseExposition(t, body)
	want := map[string]string{
		"aivm_requests_seen_total": "counter", "aivm_results_posted_total": "counter",
		"aivm_challenges_sent_total": "counter", "aivm_disputes_open": "gauge",
		"aivm_disputes_won_total": "counter", "aivm_disputes_lost_total": "counter",
		"aivm_rewards_claimed_total": "counter", "aivm_bond_at_stake_wei": "gauge",
	}
	for name, ty := range want {
		require.Equal(t, ty, typ[name], name)
	}
	require.Equal(t, "gauge", typ[telemetry.MetricChainHead])
	require.Equal(t, "histogram", typ[telemetry.MetricStageSeconds])
	for name := range want {
		require.NotEmpty(t, help[name], name)
		require.Equal(t, "0", samples[name], name)
	}

	reg.Inc(MetricRequestsSeen)
	reg.Inc(MetricRequestsSeen)
	reg.Add(MetricResultsPosted, 3)
	reg.Set(MetricDisputesOpen, 2)
	reg.Add(MetricDisputesOpen, -1)
	bond, _ := new(big.Int).SetString("2500000000000000000", 10)
	reg.SetBig(MetricBondAtStakeWei, bond)
	body, _ = scrape(t, url)
	samples, _, _ = parseExposition(t, body)
	require.Equal(t, "2", samples[MetricRequestsSeen])
	require.Equal(t, "3", samples[MetricResultsPosted])
	require.Equal(t, "1", samples[MetricDisputesOpen])
	require.Equal(t, "2500000000000000000", samples[MetricBondAtStakeWei], "wei as an integer")
	require.Contains(t, body, "# HELP aivm_disputes_open ")
	require.Contains(t, body, "\naivm_requests_seen_total 2\n")

	// Liveness and readiness: JSON naming the failing checks.
	code, rep := healthReport(t, "http://"+ln.Addr().String()+"/healthz")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "ok", rep.Status)
	code, rep = healthReport(t, "http://"+ln.Addr().String()+"/readyz")
	require.Equal(t, http.StatusServiceUnavailable, code)
	require.Equal(t, []string{"chain_head", "last_poll"}, rep.Failing)
	mon.Health.SetHead(7, time.Now())
	mon.Polled()
	code, rep = healthReport(t, "http://"+ln.Addr().String()+"/readyz")
	require.Equal(t, http.StatusOK, code, "%+v", rep)

	// Other paths and methods.
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
	resp, err = http.Post(url, "text/plain", nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	// Cancelling the context shuts the server down cleanly.
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("serveMetrics did not return after cancel")
	}
	_, err = http.Get(url)
	require.Error(t, err)
}

func healthReport(t *testing.T, url string) (int, telemetry.Report) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	var r telemetry.Report
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	return resp.StatusCode, r
}

func TestServeMetricsAddr(t *testing.T) {
	require.NoError(t, serveMetrics(context.Background(), "", newMonitor(telemetry.HealthOptions{})), "empty address: disabled")

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	err = serveMetrics(context.Background(), busy.Addr().String(), newMonitor(telemetry.HealthOptions{}))
	require.ErrorContains(t, err, "metrics: listen on "+busy.Addr().String())
	require.Error(t, serveMetrics(context.Background(), "not an address", newMonitor(telemetry.HealthOptions{})))

	// A real address, scraped, then shut down.
	addr := busy.Addr().String()
	busy.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	mon := newMonitor(telemetry.HealthOptions{})
	mon.Inc(MetricChallengesSent)
	go func() { done <- serveMetrics(ctx, addr, mon) }()
	var body string
	require.Eventually(t, func() bool {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		body = string(b)
		return true
	}, 5*time.Second, 20*time.Millisecond)
	require.Contains(t, body, "\naivm_challenges_sent_total 1\n")
	cancel()
	require.NoError(t, <-done)
}

func TestMetricsRules(t *testing.T) {
	captureLog(t)
	reg := newMonitor(telemetry.HealthOptions{}).Metrics
	// Counters only go up and cannot be set.
	reg.Add(MetricDisputesWon, -1)
	reg.Add(MetricDisputesWon, math.NaN())
	reg.Set(MetricDisputesWon, 5)
	require.Equal(t, 0.0, reg.Value(MetricDisputesWon))
	// Unknown names register on first use; invalid ones are dropped.
	reg.Inc("aivm_extra_total")
	reg.Set("aivm_extra_gauge", -2.5)
	reg.Inc("bad name")
	var sb strings.Builder
	_, err := reg.WriteTo(&sb)
	require.NoError(t, err)
	samples, _, typ := parseExposition(t, sb.String())
	require.Equal(t, "counter", typ["aivm_extra_total"])
	require.Equal(t, "gauge", typ["aivm_extra_gauge"])
	require.Equal(t, "-2.5", samples["aivm_extra_gauge"])
	require.NotContains(t, sb.String(), "bad name")

	require.Error(t, reg.Register("1abc", telemetry.Gauge, ""))
	require.Error(t, reg.Register("x", "histogram", ""))
	require.Error(t, reg.Register(MetricDisputesOpen, telemetry.Counter, ""))
	require.NoError(t, reg.Register("aivm_multi", telemetry.Gauge, "line one\nback\\slash"))
	sb.Reset()
	_, err = reg.WriteTo(&sb)
	require.NoError(t, err)
	require.Contains(t, sb.String(), `# HELP aivm_multi line one\nback\\slash`+"\n")

	// A nil registry is a no-op.
	var none *Metrics
	none.Inc(MetricRequestsSeen)
	none.Set(MetricDisputesOpen, 1)
	require.Equal(t, 0.0, none.Value(MetricRequestsSeen))
}

func TestMetricsConcurrent(t *testing.T) {
	reg := newMonitor(telemetry.HealthOptions{}).Metrics
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				reg.Inc(MetricRequestsSeen)
				reg.Add(MetricBondAtStakeWei, 0.5)
				_, _ = reg.WriteTo(io.Discard)
			}
		}()
	}
	wg.Wait()
	require.Equal(t, 16000.0, reg.Value(MetricRequestsSeen))
	require.Equal(t, 8000.0, reg.Value(MetricBondAtStakeWei))
}
