package e2e

import (
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
)

// SoakReport is what TestAnvilSoakBench writes to $AIVM_SOAK_OUT
// (scripts/bench-soak.sh turns it into docs/bench/soak.md).
type SoakReport struct {
	Duration       float64            `json:"duration_s"` // first request to last finality
	Requests       int                `json:"requests"`
	Lies           int                `json:"lies"`
	Finalized      int                `json:"finalized"`
	Correct        int                `json:"correct"`
	LiesFinalized  int                `json:"lies_finalized"`
	LiesChallenged int                `json:"lies_challenged"`
	Unfinished     int                `json:"unfinished"`
	PerMinute      float64            `json:"requests_per_minute"`
	FinalityP50    float64            `json:"finality_p50_s"`
	FinalityP99    float64            `json:"finality_p99_s"`
	FinalityMax    float64            `json:"finality_max_s"`
	GasPerRequest  uint64             `json:"gas_per_request"`
	GasTotal       uint64             `json:"gas_total"`
	Blocks         uint64             `json:"blocks"`
	Kills          []string           `json:"kills"`
	AnvilRestarts  int                `json:"anvil_restarts"`
	PeakRSS        map[string]float64 `json:"peak_rss_mib"`
	ChallengeWin   uint64             `json:"challenge_window_s"`
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// rssMiB reads VmRSS and VmHWM (peak) of a process, in MiB.
func rssMiB(pid string) (rss, hwm float64) {
	b, err := os.ReadFile(filepath.Join("/proc", pid, "status"))
	if err != nil {
		return 0, 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			hwm = kb / 1024
		}
	}
	return rss, hwm
}

// TestAnvilSoakBench is the soak benchmark behind scripts/bench-soak.sh,
// skipped unless AIVM_SOAK_OUT names the JSON report to write. On anvil
// mining a block a second (the window passes in real time): requests
// (AIVM_SOAK_REQUESTS, default 200) spread over AIVM_SOAK_DURATION
// (default 10m), every 10th listed to a lying submitter; one honest
// submitter, two challengers; a random service killed and restarted from
// its db about every AIVM_SOAK_KILL_EVERY (default 60s, ±25 %); anvil
// stopped and restarted with its state kept once, half way. Every request
// must finalize with the correct output and no lie may finalize.
func TestAnvilSoakBench(t *testing.T) {
	out := os.Getenv("AIVM_SOAK_OUT")
	if out == "" {
		t.Skip("the soak benchmark: scripts/bench-soak.sh (AIVM_SOAK_OUT unset)")
	}
	dur := envDuration("AIVM_SOAK_DURATION", 10*time.Minute)
	nreq := envInt("AIVM_SOAK_REQUESTS", 200)
	killEvery := envDuration("AIVM_SOAK_KILL_EVERY", time.Minute)

	state := filepath.Join(t.TempDir(), "anvil-state.json")
	node, err := devnet.StartAnvilWith(t.Context(), devnet.AnvilOptions{BlockTime: 1, State: state})
	requireNode(t, err)
	t.Cleanup(node.Stop)
	ro, err := devnet.RPCOptions(t.Context(), node.URL)
	require.NoError(t, err)
	ro.Config = devnet.RealTimeConfig() // windows and clocks pass in real time
	// The challenge window must outlast the anvil restart (about 8 s down,
	// and the pending challenges it drops re-broadcast after): with the
	// real-time config's 6 s, a liar's result finalized before the
	// challenges sent just before the restart were sent again.
	ro.Config.ChallengeWindow = uint64(envInt("AIVM_SOAK_WINDOW", 30))
	ro.Confirmations = 0
	e := startNetWithin(t, ro, dur+15*time.Minute)
	ec, err := ethclient.Dial(node.URL)
	require.NoError(t, err)
	defer ec.Close()
	startBlock, err := ec.BlockNumber(e.ctx)
	require.NoError(t, err)

	var mu sync.Mutex
	running := map[string]*devnet.Running{}
	for _, name := range soakServices {
		running[name] = e.soakService(name)
	}
	names := soakServices
	restart := func(name string) {
		mu.Lock()
		defer mu.Unlock()
		e.stop(running[name])
		running[name] = e.soakService(name)
	}

	rep := SoakReport{Requests: nreq, PeakRSS: map[string]float64{}, ChallengeWin: e.Addr.Config.ChallengeWindow}
	// Resources: the test process (all four services, the requester and
	// the checks) and anvil, sampled every 2 s.
	stopSample := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(2 * time.Second)
		defer tick.Stop()
		for {
			mu.Lock()
			if pid := node.PID(); pid != 0 {
				if rss, _ := rssMiB(strconv.Itoa(pid)); rss > rep.PeakRSS["anvil"] {
					rep.PeakRSS["anvil"] = rss
				}
			}
			mu.Unlock()
			select {
			case <-stopSample:
				return
			case <-tick.C:
			}
		}
	}()

	type req struct {
		id     *big.Int
		want   int32
		lie    bool
		sent   time.Time
		final  time.Time
		sample int
	}
	var (
		reqMu sync.Mutex
		reqs  []*req
	)
	// finalized marks the requests seen finalized since the last call and
	// returns how many are not yet.
	finalized := func() int {
		reqMu.Lock()
		rs := append([]*req(nil), reqs...)
		reqMu.Unlock()
		left := 0
		for _, r := range rs {
			if !r.final.IsZero() {
				continue
			}
			x, err := e.Market.Request(e.ctx, r.id)
			if err == nil && x.Status == market.StatusFinalized {
				r.final = time.Now() // only this goroutine (then the main one, after it stops) writes it
				continue
			}
			left++
		}
		return left
	}
	// Finality is watched from the first request on, every 0.5 s.
	stopWatch := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		for {
			select {
			case <-stopWatch:
				return
			case <-time.After(500 * time.Millisecond):
				finalized()
			}
		}
	}()
	start := time.Now()
	spread := dur * 8 / 10 // the last fifth lets the last requests finalize
	every := spread / time.Duration(nreq)
	nextKill := start.Add(jitter(killEvery))
	anvilAt := start.Add(spread / 2)
	for i := range nreq {
		if wait := time.Until(start.Add(time.Duration(i) * every)); wait > 0 {
			time.Sleep(wait)
		}
		if time.Now().After(nextKill) {
			name := names[rand.IntN(len(names))]
			t.Logf("%s: killing %s", time.Since(start).Round(time.Second), name)
			restart(name)
			rep.Kills = append(rep.Kills, name)
			nextKill = time.Now().Add(jitter(killEvery))
		}
		if rep.AnvilRestarts == 0 && time.Now().After(anvilAt) {
			t.Logf("%s: restarting anvil with its state kept", time.Since(start).Round(time.Second))
			mu.Lock()
			require.NoError(t, node.Down())
			mu.Unlock()
			time.Sleep(5 * time.Second)
			mu.Lock()
			require.NoError(t, node.Up(e.ctx, true))
			mu.Unlock()
			rep.AnvilRestarts++
		}
		sample := i % 50
		lie := i%10 == 9
		listed := []common.Address{e.addr("submitter")}
		if lie {
			listed = []common.Address{e.addr("liar")}
			rep.Lies++
		}
		var id *big.Int
		e.poll("request "+strconv.Itoa(i), func() (bool, error) {
			var err error
			id, err = e.RequestListed(e.ctx, sample, e.fee, listed...)
			return err == nil, err
		})
		r := &req{id: id, want: e.want(sample), lie: lie, sent: time.Now(), sample: sample}
		reqMu.Lock()
		reqs = append(reqs, r)
		reqMu.Unlock()
	}
	close(stopWatch)
	<-watched
	// Wait for every request to finalize (the services do it; the chain's
	// clock runs with anvil's blocks).
	deadline := start.Add(dur + 5*time.Minute)
	for {
		left := finalized()
		if left == 0 || time.Now().After(deadline) {
			rep.Unfinished = left
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	end := time.Now()
	close(stopSample)
	<-sampled
	_, hwm := rssMiB("self")
	rep.PeakRSS["services (one process: 4 services, requester, checks)"] = hwm

	var ttf []float64
	for _, r := range reqs {
		if r.final.IsZero() {
			continue
		}
		ttf = append(ttf, r.final.Sub(r.sent).Seconds())
		x, err := e.Market.Request(e.ctx, r.id)
		require.NoError(t, err)
		rep.Finalized++
		c, err := devnet.Class(x.Candidate.Output)
		if err == nil && c == r.want {
			rep.Correct++
		}
		if x.Submitter == e.addr("liar") {
			rep.LiesFinalized++
		}
		if r.lie && e.challengeCount(r.id) > 0 {
			rep.LiesChallenged++
		}
	}
	sort.Float64s(ttf)
	if len(ttf) > 0 {
		rep.FinalityP50 = quantile(ttf, 0.50)
		rep.FinalityP99 = quantile(ttf, 0.99)
		rep.FinalityMax = ttf[len(ttf)-1]
	}
	rep.Duration = end.Sub(start).Seconds()
	rep.PerMinute = float64(rep.Finalized) / end.Sub(start).Minutes()
	endBlock, err := ec.BlockNumber(e.ctx)
	require.NoError(t, err)
	for b := startBlock + 1; b <= endBlock; b++ {
		h, err := ec.HeaderByNumber(e.ctx, new(big.Int).SetUint64(b))
		if err != nil {
			continue // a block anvil's state dump did not keep
		}
		rep.GasTotal += h.GasUsed
		rep.Blocks++
	}
	rep.GasPerRequest = rep.GasTotal / uint64(nreq)
	b, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(out, append(b, '\n'), 0o644))
	t.Logf("soak: %s", b)
	require.Zero(t, rep.Unfinished, "every request finalizes")
	require.Equal(t, rep.Finalized, rep.Correct, "every request finalizes with the correct output")
	require.Zero(t, rep.LiesFinalized, "no lie finalizes")
}

// jitter is d ±25 %.
func jitter(d time.Duration) time.Duration {
	return d*3/4 + time.Duration(rand.Int64N(int64(d)/2+1))
}

// quantile of sorted xs (nearest rank).
func quantile(xs []float64, q float64) float64 {
	i := int(q*float64(len(xs))+0.999999) - 1
	return xs[min(max(i, 0), len(xs)-1)]
}
