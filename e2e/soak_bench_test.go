package e2e

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
	Duration       float64   `json:"duration_s"` // first request to last finality
	Requests       int       `json:"requests"`
	Lies           int       `json:"lies"`
	Finalized      int       `json:"finalized"`
	Correct        int       `json:"correct"`
	LiesFinalized  int       `json:"lies_finalized"`
	LiesChallenged int       `json:"lies_challenged"`
	Unfinished     int       `json:"unfinished"`
	PerMinute      float64   `json:"requests_per_minute"`
	FinalityP50    float64   `json:"finality_p50_s"`
	FinalityP99    float64   `json:"finality_p99_s"`
	FinalityMax    float64   `json:"finality_max_s"`
	GasPerRequest  uint64    `json:"gas_per_request"`
	GasTotal       uint64    `json:"gas_total"`
	Blocks         uint64    `json:"blocks"`
	Kills          []string  `json:"kills"`
	SelfExits      []string  `json:"self_exits"` // services that exited on their own (restarted, as a supervisor would)
	AnvilRestarts  int       `json:"anvil_restarts"`
	AnvilDown      float64   `json:"anvil_down_s"` // the restart's outage: stop requested to answering again
	PeakRSS        []PeakRSS `json:"peak_rss"`
	ChallengeWin   uint64    `json:"challenge_window_s"`
}

// PeakRSS is the peak resident set (VmHWM) of one process, the highest
// over its incarnations when it was killed and restarted.
type PeakRSS struct {
	Name string  `json:"name"`
	MiB  float64 `json:"mib"`
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

// hwmMiB reads VmHWM (the peak resident set so far) of a live process, in
// MiB; 0 once it has exited.
func hwmMiB(pid int) float64 {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// soakProcs runs the soak's services as `aivm submitter run` and `aivm
// challenger run` processes, as an operator would: each has its own duty
// db and log file, is killed with SIGKILL and restarted from its db, and
// is restarted likewise if it exits on its own (a supervisor's
// Restart=always). Each one's VmHWM is sampled while it lives and just
// before it is killed, so peak holds the peak RSS over its incarnations.
type soakProcs struct {
	t    *testing.T
	bin  string
	args map[string][]string // by service name
	dir  string              // logs

	mu     sync.Mutex
	procs  map[string]*soakProc
	peak   map[string]float64
	exits  []string
	closed bool
}

type soakProc struct {
	cmd    *exec.Cmd
	log    *os.File
	done   chan struct{}
	killed bool // by kill or close: not an exit of its own
}

// start runs service name; the caller holds mu.
func (s *soakProcs) start(name string) error {
	lf, err := os.OpenFile(filepath.Join(s.dir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	fmt.Fprintf(lf, "=== %s: start\n", time.Now().UTC().Format(time.RFC3339Nano))
	cmd := exec.Command(s.bin, s.args[name]...)
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Start(); err != nil {
		lf.Close()
		return fmt.Errorf("start %s: %w", name, err)
	}
	p := &soakProc{cmd: cmd, log: lf, done: make(chan struct{})}
	s.procs[name] = p
	go func() {
		err := cmd.Wait()
		fmt.Fprintf(lf, "=== %s: exited: %v\n", time.Now().UTC().Format(time.RFC3339Nano), err)
		lf.Close()
		close(p.done)
		s.mu.Lock()
		defer s.mu.Unlock()
		if p.killed || s.closed || s.procs[name] != p {
			return
		}
		s.exits = append(s.exits, name)
		s.t.Logf("%s exited on its own (%v); restarting it in 1 s", name, err)
		time.AfterFunc(time.Second, func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if !s.closed && s.procs[name] == p {
				if err := s.start(name); err != nil {
					s.t.Errorf("restart %s: %v", name, err)
				}
			}
		})
	}()
	return nil
}

// sampleLocked records the live processes' VmHWM; the caller holds mu.
func (s *soakProcs) sampleLocked() {
	for name, p := range s.procs {
		s.peak[name] = max(s.peak[name], hwmMiB(p.cmd.Process.Pid))
	}
}

func (s *soakProcs) sample() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sampleLocked()
}

// stopLocked SIGKILLs name's process and waits for it; the caller holds mu.
func (s *soakProcs) stopLocked(name string) {
	p := s.procs[name]
	s.peak[name] = max(s.peak[name], hwmMiB(p.cmd.Process.Pid))
	p.killed = true
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// kill SIGKILLs service name and starts it again from its duty db.
func (s *soakProcs) kill(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopLocked(name)
	return s.start(name)
}

// close kills every service for good.
func (s *soakProcs) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for name := range s.procs {
		s.stopLocked(name)
	}
}

// startSoakProcs starts the soak services (soakServices) as processes of
// the aivm binary against e's deployment on url; logs go to dir.
func startSoakProcs(t *testing.T, e *tnet, url, dir string) *soakProcs {
	t.Helper()
	dep := filepath.Join(dir, "deployment.json")
	require.NoError(t, writeJSON(dep, e.Addr))
	s := &soakProcs{t: t, bin: aivmBinary(t), args: map[string][]string{}, dir: dir,
		procs: map[string]*soakProc{}, peak: map[string]float64{}}
	for _, name := range soakServices {
		role := "submitter"
		if strings.HasPrefix(name, "challenger") {
			role = "challenger"
		}
		args := []string{role, "run", "--rpc", url, "--deployment", dep, "--store", filepath.Join(e.Opts.Dir, "store"),
			"--db", filepath.Join(dir, name+".db"), "--private-key", hexKey(e.Accounts[name].Key),
			"--kernels", e.KernelID.Hex(), "--confirmations", "0", "--poll", "500ms"}
		if name == "liar" { // the CLI's test-only dishonest mode: a bit of the last node's output flipped
			lie := e.lastNode()
			args = append(args, "--lie-node", strconv.Itoa(lie.Node), "--lie-bit", strconv.Itoa(lie.Bit))
		}
		s.args[name] = args
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, name := range soakServices {
		require.NoError(t, s.start(name))
	}
	t.Cleanup(s.close)
	return s
}

// TestAnvilSoakBench is the soak benchmark behind scripts/bench-soak.sh,
// skipped unless AIVM_SOAK_OUT names the JSON report to write. On anvil
// mining a block a second (the window passes in real time): requests
// (AIVM_SOAK_REQUESTS, default 200) spread over AIVM_SOAK_DURATION
// (default 10m), every 10th listed to a lying submitter; one honest
// submitter, two challengers, each service its own `aivm ... run` process
// (soakProcs); a random service SIGKILLed and restarted from its db about
// every AIVM_SOAK_KILL_EVERY (default 60s, ±25 %); anvil stopped and
// restarted with its state kept once, half way. The challenge window is
// AIVM_SOAK_WINDOW seconds (default 30). The services' logs go to
// AIVM_SOAK_LOGS (default: a temporary directory). Every request must
// finalize with the correct output and no lie may finalize.
func TestAnvilSoakBench(t *testing.T) {
	out := os.Getenv("AIVM_SOAK_OUT")
	if out == "" {
		t.Skip("the soak benchmark: scripts/bench-soak.sh (AIVM_SOAK_OUT unset)")
	}
	dur := envDuration("AIVM_SOAK_DURATION", 10*time.Minute)
	nreq := envInt("AIVM_SOAK_REQUESTS", 200)
	killEvery := envDuration("AIVM_SOAK_KILL_EVERY", time.Minute)
	logDir := os.Getenv("AIVM_SOAK_LOGS")
	if logDir == "" {
		logDir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(logDir, 0o755))

	state := filepath.Join(t.TempDir(), "anvil-state.json")
	node, err := devnet.StartAnvilWith(t.Context(), devnet.AnvilOptions{BlockTime: 1, State: state})
	requireNode(t, err)
	t.Cleanup(node.Stop)
	ro, err := devnet.RPCOptions(t.Context(), node.URL)
	require.NoError(t, err)
	ro.Config = devnet.RealTimeConfig() // windows and clocks pass in real time
	// The chain's clock runs on through an anvil restart: a window shorter
	// than the node's outage lets a lie posted just before it finalize
	// in the first block after it, however fast a dropped challenge is
	// sent again (docs/services.md).
	ro.Config.ChallengeWindow = uint64(envInt("AIVM_SOAK_WINDOW", 30))
	ro.Confirmations = 0
	e := startNetWithin(t, ro, dur+15*time.Minute)
	ec, err := ethclient.Dial(node.URL)
	require.NoError(t, err)
	defer ec.Close()
	startBlock, err := ec.BlockNumber(e.ctx)
	require.NoError(t, err)

	procs := startSoakProcs(t, e, node.URL, logDir)
	t.Logf("service logs in %s", logDir)
	names := soakServices
	rep := SoakReport{Requests: nreq, ChallengeWin: e.Addr.Config.ChallengeWindow}
	// Peak RSS: each service process and anvil, sampled every second and
	// before each is stopped (VmHWM is a process's peak so far).
	var anvilMu sync.Mutex
	var anvilPeak float64
	sampleAnvil := func() {
		anvilMu.Lock()
		defer anvilMu.Unlock()
		if pid := node.PID(); pid != 0 {
			anvilPeak = max(anvilPeak, hwmMiB(pid))
		}
	}
	stopSample := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			procs.sample()
			sampleAnvil()
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
			t.Logf("%s: SIGKILL %s, restarted from its db", time.Since(start).Round(time.Second), name)
			require.NoError(t, procs.kill(name))
			rep.Kills = append(rep.Kills, name)
			nextKill = time.Now().Add(jitter(killEvery))
		}
		if rep.AnvilRestarts == 0 && time.Now().After(anvilAt) {
			t.Logf("%s: restarting anvil with its state kept", time.Since(start).Round(time.Second))
			down := time.Now()
			anvilMu.Lock()
			anvilPeak = max(anvilPeak, hwmMiB(node.PID()))
			require.NoError(t, node.Down())
			anvilMu.Unlock()
			time.Sleep(5 * time.Second)
			anvilMu.Lock()
			require.NoError(t, node.Up(e.ctx, true))
			anvilMu.Unlock()
			rep.AnvilDown = time.Since(down).Seconds()
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
	procs.close()
	sampleAnvil()
	procs.mu.Lock()
	for _, name := range names {
		rep.PeakRSS = append(rep.PeakRSS, PeakRSS{Name: soakRole[name], MiB: procs.peak[name]})
	}
	rep.SelfExits = procs.exits
	procs.mu.Unlock()
	rep.PeakRSS = append(rep.PeakRSS, PeakRSS{Name: "anvil", MiB: anvilPeak},
		PeakRSS{Name: "test process (requester, checks; no service)", MiB: hwmMiB(os.Getpid())})

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

// soakRole names the soak's services in the report.
var soakRole = map[string]string{"submitter": "honest submitter", "liar": "lying submitter",
	"challenger": "challenger 1", "challenger2": "challenger 2"}

// jitter is d ±25 %.
func jitter(d time.Duration) time.Duration {
	return d*3/4 + time.Duration(rand.Int64N(int64(d)/2+1))
}

// quantile of sorted xs (nearest rank).
func quantile(xs []float64, q float64) float64 {
	i := int(q*float64(len(xs))+0.999999) - 1
	return xs[min(max(i, 0), len(xs)-1)]
}
