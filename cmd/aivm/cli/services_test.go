package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/contracts/telemetry"
	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/aivm-dev/aivm/models/zoo"
)

// devKey is a key for argument tests that never reach a chain.
const devKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"

// Service flag errors are reported before any connection is made.
func TestServiceRunArgs(t *testing.T) {
	for _, role := range []string{roleSubmitter, roleChallenger} {
		_, err := runCmd(t, serviceRunCmd(role), "--lie-bit", "3")
		require.ErrorContains(t, err, "need --lie-node")
		_, err = runCmd(t, serviceRunCmd(role), "--kernels", "0x12")
		require.ErrorContains(t, err, "--kernels")
		_, err = runCmd(t, serviceRunCmd(role), "--executor", "tpu", "--private-key", devKey)
		require.ErrorContains(t, err, `--executor: unknown executor "tpu"`)
		t.Setenv("AIVM_RPC", "")
		_, err = runCmd(t, serviceRunCmd(role), "--private-key", devKey)
		require.ErrorContains(t, err, "no --rpc endpoint")
	}
	_, err := runCmd(t, serviceRunCmd(roleChallenger), "--budget", "lots")
	require.ErrorContains(t, err, "not an amount of wei")
	_, err = runCmd(t, kernelRegisterCmd(), "--builtin", "fashion-mnist", "--kernel-dir", "x")
	require.ErrorContains(t, err, "exactly one of --builtin")
}

// findAnvil returns the anvil binary from the module's node_modules (make
// setup-npm) or PATH, "" if there is none.
func findAnvil(t *testing.T) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "node_modules", ".bin", "anvil")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			break
		}
		dir = up
	}
	if p, err := exec.LookPath("anvil"); err == nil {
		return p
	}
	return ""
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startAnvil runs anvil on a free local port with a block every second
// and returns its URL and the private keys of its funded dev accounts (the
// default mnemonic's, public knowledge: anvil prints them at start); it is
// stopped when the test ends.
func startAnvil(t *testing.T) (string, []string) {
	bin := findAnvil(t)
	if bin == "" {
		testenv.Require(t, "anvil (make setup-npm)", errors.New("not found"))
	}
	port := freePort(t)
	cmd := exec.Command(bin, "--host", "127.0.0.1", "--port", fmt.Sprint(port), "--block-time", "1")
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("anvil output:\n%s", out.String())
		}
	})
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(15 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		c, err := ethclient.DialContext(ctx, url)
		if err == nil {
			_, err = c.ChainID(ctx)
			c.Close()
		}
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("anvil did not answer on %s: %v\n%s", url, err, out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	// anvil may answer RPC before its banner, with the dev keys, is all
	// written: read the keys until three are there.
	keyRE := regexp.MustCompile(`\(\d+\) (0x[0-9a-fA-F]{64})`)
	var keys []string
	for {
		keys = keys[:0]
		_, list, _ := strings.Cut(out.String(), "Private Keys")
		for _, m := range keyRE.FindAllStringSubmatch(list, -1) {
			keys = append(keys, m[1])
		}
		if len(keys) >= 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.GreaterOrEqual(t, len(keys), 3, "anvil printed no dev keys:\n%s", out.String())
	return url, keys
}

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

// scrapeMetric reads one sample from a /metrics endpoint.
func scrapeMetric(t *testing.T, url, name string) string {
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			return v
		}
	}
	t.Fatalf("%s has no %s", url, name)
	return ""
}

// TestEndToEndAnvil drives the operator and integrator commands against a
// real anvil: deploy (devnet, 5 s window), register the fashion-mnist
// kernel (twice: idempotent), run the submitter through cli.Root, request
// sample 0 and wait: the request must finalize with the model's own class.
func TestEndToEndAnvil(t *testing.T) {
	url, keys := startAnvil(t)
	deployer, operator, integrator := keys[0], keys[1], keys[2]
	dir := t.TempDir()
	dep := filepath.Join(dir, "deployment.json")
	storeDir := filepath.Join(dir, "store")
	fast := []string{"--rpc", url, "--poll", "200ms", "--confirmations", "0"}
	start := time.Now()

	// Deploy.
	out, err := runCmd(t, deployCmd(), append(fast, "--private-key", deployer, "--devnet", "--challenge-window", "5",
		"--out", dep, "--json")...)
	require.NoError(t, err, out)
	d := lastJSON(t, out)
	require.Equal(t, float64(5), d["config"].(map[string]any)["challenge_window_s"])
	a, err := deploy.Read(dep)
	require.NoError(t, err)
	require.Equal(t, deploy.Devnet().SubmitterBond, a.Config.SubmitterBond)
	require.Equal(t, deploy.Devnet().ClockBudget, a.Config.ClockBudget)
	require.Equal(t, d["inference_market"], strings.ToLower(a.Market.Hex()))
	require.Equal(t, uint64(31337), a.ChainID)
	require.Len(t, a.GasUsed, 5)
	_, err = runCmd(t, deployCmd(), append(fast, "--private-key", deployer, "--out", dep)...)
	require.ErrorContains(t, err, "exists")
	t.Logf("deployed in %s", time.Since(start))

	// Register, twice.
	reg := append(fast, "--private-key", deployer, "--deployment", dep, "--store", storeDir, "--builtin", "fashion-mnist", "--json")
	out, err = runCmd(t, kernelRegisterCmd(), reg...)
	require.NoError(t, err, out)
	r := lastJSON(t, out)
	require.Equal(t, false, r["already_registered"])
	kernelID := r["kernel_id"].(string)
	require.Equal(t, float64(5), r["graph_size"])
	require.Equal(t, "argmax", r["aggregation"])
	require.Equal(t, float64(1), r["num_inputs"])
	require.Equal(t, []any{float64(5), float64(4)}, r["output_slots"], "the argmax (slot 5), then the logits (slot 4)")
	out, err = runCmd(t, kernelRegisterCmd(), reg...)
	require.NoError(t, err, out)
	r = lastJSON(t, out)
	require.Equal(t, true, r["already_registered"])
	require.Equal(t, kernelID, r["kernel_id"])
	t.Logf("registered %s at %s", kernelID, time.Since(start))

	// The submitter, through the root command, until cancelled.
	metricsPort := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	subDone := make(chan error, 1)
	args := []string{"submitter", "run", "--rpc", url, "--deployment", dep, "--store", storeDir,
		"--db", filepath.Join(dir, "submitter.db"), "--private-key", operator, "--confirmations", "1", "--poll", "200ms",
		"--kernels", kernelID, "--workers", "2", "--executor", "simd", "--metrics-addr", fmt.Sprintf("127.0.0.1:%d", metricsPort), "--log-level", "info"}
	go func() { subDone <- executeRoot(t, ctx, args) }()

	// The integrator: request sample 0 from the operator only (it is listed,
	// so it may answer at once) and wait (the RPC from the environment).
	t.Setenv("AIVM_RPC", url)
	out, err = runCmd(t, requestCmd(), "--private-key", integrator, "--deployment", dep, "--poll", "200ms", "--confirmations", "0",
		"--kernel", kernelID, "--sample", "0", "--fee", "0.01ether", "--submitter", addressOf(t, operator), "--wait", "--timeout", "60s", "--json")
	require.NoError(t, err, out)
	res := lastJSON(t, out)
	t.Logf("request finalized at %s: %s", time.Since(start), strings.TrimSpace(out))
	require.Equal(t, "finalized", res["status"])
	require.Equal(t, []any{strings.ToLower(addressOf(t, operator))}, res["submitters"])
	require.Equal(t, []any{float64(5)}, res["output_slots"], "argmax binds output 0's slot")
	require.Equal(t, strings.ToLower(addressOf(t, operator)), res["submitter"])

	m, entry, err := zoo.Resolve("fashion-mnist")
	require.NoError(t, err)
	s, err := entry.Sample(0)
	require.NoError(t, err)
	ex, err := graph.NewExecutor(m)
	require.NoError(t, err)
	outs, err := ex.Eval(s.Inputs)
	require.NoError(t, err)
	want, err := fashion.Predict(outs)
	require.NoError(t, err)
	require.Equal(t, float64(want), res["class"])
	require.Equal(t, fashion.ClassNames[want], res["label"])
	require.Equal(t, s.Label, res["sample_label"])
	require.Equal(t, []any{float64(want)}, res["output"].(map[string]any)["data"])

	metrics := fmt.Sprintf("http://127.0.0.1:%d/metrics", metricsPort)
	require.Equal(t, "1", scrapeMetric(t, metrics, MetricResultsPosted))
	require.Equal(t, "1", scrapeMetric(t, metrics, MetricRequestsSeen))
	// The chain's metrics and the operator endpoints.
	require.Regexp(t, `^[0-9]+$`, scrapeMetric(t, metrics, telemetry.MetricBalanceWei), "wei as an integer")
	require.Eventually(t, func() bool { return scrapeMetric(t, metrics, telemetry.MetricChainHead) != "0" }, 10*time.Second, 200*time.Millisecond)
	require.Equal(t, "1", scrapeMetric(t, metrics, telemetry.MetricRPCUp))
	require.Equal(t, "0", scrapeMetric(t, metrics, telemetry.MetricTxStuck))
	require.NotEqual(t, "0", scrapeMetric(t, metrics, telemetry.MetricLastPoll))
	require.NotEqual(t, "0", scrapeMetric(t, metrics, telemetry.MetricStageSeconds+`_count{executor="`+ops.Backend()+`",kernel="`+kernelID+`",stage="seen_to_posted"}`))
	ops := fmt.Sprintf("http://127.0.0.1:%d", metricsPort)
	code, live := healthReport(t, ops+"/healthz")
	require.Equal(t, http.StatusOK, code, "%+v", live)
	code, ready := healthReport(t, ops+"/readyz")
	require.Equal(t, http.StatusOK, code, "%+v", ready)

	// The submitter withdraws fee and bond; then SIGINT-like shutdown exits 0.
	c, err := ethclient.Dial(url)
	require.NoError(t, err)
	defer c.Close()
	require.Eventually(t, func() bool {
		v, err := c.CallContract(context.Background(), callCredits(a, operator), nil)
		return err == nil && new(big.Int).SetBytes(v).Sign() == 0
	}, 20*time.Second, 200*time.Millisecond, "submitter credits not withdrawn")
	cancel()
	select {
	case err := <-subDone:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("submitter did not stop after cancellation")
	}
	t.Logf("honest flow done in %s", time.Since(start))

	// A lying submitter is caught: the challenger (configured by a config
	// file) wins the dispute and its result is finalized.
	liar, watcher := keys[3], keys[4]
	cfgFile := filepath.Join(dir, "challenger.json")
	require.NoError(t, os.WriteFile(cfgFile, []byte(fmt.Sprintf(`{"rpc": %q, "deployment": %q, "store": %q,
		"db": %q, "private-key": %q, "confirmations": 0, "poll": "200ms", "budget": "1ether", "metrics-addr": "127.0.0.1:%d"}`,
		url, dep, storeDir, filepath.Join(dir, "challenger.db"), watcher, metricsPort)), 0o600))
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	done := make(chan error, 2)
	for _, c := range []struct {
		cmd  *cobra.Command
		args []string
	}{
		{serviceRunCmd(roleChallenger), []string{"--config", cfgFile}},
		{serviceRunCmd(roleSubmitter), []string{"--rpc", url, "--deployment", dep, "--store", storeDir, "--db", filepath.Join(dir, "liar.db"),
			"--private-key", liar, "--confirmations", "0", "--poll", "200ms", "--lie-node", "5", "--lie-bit", "0"}},
	} {
		c.cmd.SetArgs(c.args)
		c.cmd.SetOut(io.Discard)
		c.cmd.SetErr(io.Discard)
		go func() { done <- c.cmd.ExecuteContext(ctx2) }()
	}
	out, err = runCmd(t, requestCmd(), "--private-key", integrator, "--deployment", dep, "--poll", "200ms", "--confirmations", "0",
		"--kernel", kernelID, "--sample", "1", "--fee", "0.01ether", "--wait", "--timeout", "90s", "--json")
	require.NoError(t, err, out)
	res = lastJSON(t, out)
	t.Logf("disputed request finalized at %s: %s", time.Since(start), strings.TrimSpace(out))
	s, err = entry.Sample(1)
	require.NoError(t, err)
	outs, err = ex.Eval(s.Inputs)
	require.NoError(t, err)
	want, err = fashion.Predict(outs)
	require.NoError(t, err)
	require.Equal(t, "finalized", res["status"])
	require.Equal(t, float64(want), res["class"])
	require.Equal(t, float64(1), res["round"], "the candidate was replaced once")
	require.Equal(t, strings.ToLower(addressOf(t, watcher)), res["submitter"])
	require.Equal(t, "1", scrapeMetric(t, metrics, MetricChallengesSent))
	require.Equal(t, "1", scrapeMetric(t, metrics, MetricDisputesWon))
	// Its only game settled the liar's round at once: the challenger claims
	// its share of the liar's bond (half of it; the other half is burned).
	require.Eventually(t, func() bool { return scrapeMetric(t, metrics, MetricRewardsClaimed) == "1" },
		20*time.Second, 200*time.Millisecond, "the challenger never claimed its reward")
	cancel2()
	for range 2 {
		select {
		case err := <-done:
			require.NoError(t, err)
		case <-time.After(15 * time.Second):
			t.Fatal("a service did not stop after cancellation")
		}
	}
	t.Logf("done in %s", time.Since(start))
}

func addressOf(t *testing.T, key string) string {
	k, err := crypto.HexToECDSA(strings.TrimPrefix(key, "0x"))
	require.NoError(t, err)
	return crypto.PubkeyToAddress(k.PublicKey).Hex()
}

// callCredits is the credits(account of key) view call.
func callCredits(a *deploy.Addresses, key string) ethereum.CallMsg {
	k, err := crypto.HexToECDSA(strings.TrimPrefix(key, "0x"))
	if err != nil {
		panic(err)
	}
	to := a.Market
	return ethereum.CallMsg{To: &to, Data: bindings.NewInferenceMarket().PackCredits(crypto.PubkeyToAddress(k.PublicKey))}
}

// executeRoot runs Root with args under ctx. cobra hands a parent's context
// to a subcommand only when the subcommand has none yet, and flag values
// persist between executions: a command an earlier test ran through Root
// would keep that test's (cancelled) context and its flags, such as
// --vrf-seed-file. Both are reset first.
func executeRoot(t *testing.T, ctx context.Context, args []string) error {
	t.Helper()
	sub, _, err := Root.Find(args)
	if err != nil {
		return err
	}
	sub.SetContext(ctx)
	sub.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Changed {
			return
		}
		if sv, ok := f.Value.(pflag.SliceValue); ok && f.DefValue == "[]" {
			_ = sv.Replace(nil)
		} else {
			_ = f.Value.Set(f.DefValue)
		}
		f.Changed = false
	})
	Root.SetOut(io.Discard)
	Root.SetArgs(args)
	return Root.ExecuteContext(ctx)
}
