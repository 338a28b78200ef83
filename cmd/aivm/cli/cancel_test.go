package cli

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
)

// tcpProxy forwards a local port to a node; down() makes the node
// unreachable (connection refused, open connections cut) until up().
type tcpProxy struct {
	t      *testing.T
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func startProxy(t *testing.T, target string) *tcpProxy {
	p := &tcpProxy{t: t, target: target, addr: "127.0.0.1:0"}
	p.up()
	p.addr = p.ln.Addr().String()
	t.Cleanup(p.down)
	return p
}

func (p *tcpProxy) up() {
	ln, err := net.Listen("tcp", p.addr)
	require.NoError(p.t, err)
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(u, c); u.Close() }()
			go func() { _, _ = io.Copy(c, u); c.Close() }()
		}
	}()
}

func (p *tcpProxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// On anvil: an unanswered request is followed by request --wait through a
// node outage (no failure, one warning and one recovery line), cancelled
// with aivm cancel after the request timeout (too early first: a clear
// refusal), which ends the wait; replay of a game that does not exist
// fails with printable text.
func TestCancelAndOutageAnvil(t *testing.T) {
	url, keys := startAnvil(t)
	deployer, integrator := keys[0], keys[2]
	dir := t.TempDir()
	dep := filepath.Join(dir, "deployment.json")
	storeDir := filepath.Join(dir, "store")
	fast := []string{"--rpc", url, "--poll", "200ms", "--confirmations", "0"}
	out, err := runCmd(t, deployCmd(), append(fast, "--private-key", deployer, "--devnet", "--request-timeout", "6", "--out", dep)...)
	require.NoError(t, err, out)
	out, err = runCmd(t, kernelRegisterCmd(), append(fast, "--private-key", deployer, "--deployment", dep, "--store", storeDir,
		"--builtin", "fashion-mnist", "--json")...)
	require.NoError(t, err, out)
	kernelID := lastJSON(t, out)["kernel_id"].(string)

	// A deployment whose market has no code on this chain (a node reset
	// with its state lost) is refused with the contract named.
	a, err := deploy.Read(dep)
	require.NoError(t, err)
	a.Market = common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	gone := filepath.Join(dir, "gone.json")
	require.NoError(t, a.Write(gone))
	_, err = runCmd(t, cancelCmd(), "1", "--rpc", url, "--deployment", gone, "--private-key", integrator)
	require.ErrorIs(t, err, chain.ErrContractsGone)
	require.ErrorContains(t, err, "no code at inference_market 0x000000000000000000000000000000000000dEaD on chain 31337")

	// replay of an unknown game: an error, every byte of it printable.
	_, err = runCmd(t, replayCmd(), "--rpc", url, "--deployment", dep, "--store", storeDir, "--game", "99")
	require.Error(t, err)
	t.Logf("replay --game 99: %v", err)
	for _, r := range err.Error() {
		require.True(t, unicode.IsPrint(r) || r == '\n' || r == '\t', "unprintable %q in %q", r, err.Error())
	}

	// The request, followed through a proxy that goes down for 3 s.
	var logs lockedBuffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	proxy := startProxy(t, strings.TrimPrefix(url, "http://"))
	var stdout, progress bytes.Buffer
	req := requestCmd()
	req.SetOut(&stdout)
	req.SetErr(&progress)
	req.SetArgs([]string{"--rpc", "http://" + proxy.addr, "--poll", "200ms", "--confirmations", "0", "--private-key", integrator,
		"--deployment", dep, "--kernel", kernelID, "--sample", "0", "--fee", "0.01ether", "--wait", "--timeout", "60s"})
	done := make(chan error, 1)
	go func() { done <- req.ExecuteContext(t.Context()) }()
	require.Eventually(t, func() bool { return strings.HasPrefix(stdout.String(), "request ") }, 30*time.Second, 50*time.Millisecond)
	id := strings.TrimSpace(strings.TrimPrefix(stdout.String(), "request "))

	// Too early to cancel.
	_, err = runCmd(t, cancelCmd(), id, "--rpc", url, "--deployment", dep, "--private-key", integrator)
	require.ErrorContains(t, err, "cannot be cancelled before")

	proxy.down()
	time.Sleep(3 * time.Second)
	proxy.up()

	// After the timeout: cancelled, fee back to the requester, withdrawn.
	require.Eventually(t, func() bool {
		out, err = runCmd(t, cancelCmd(), id, "--rpc", url, "--deployment", dep, "--private-key", integrator, "--withdraw", "--json")
		return err == nil
	}, 20*time.Second, 500*time.Millisecond, "cancel: %v", err)
	c := lastJSON(t, out)
	require.Equal(t, id, c["request_id"])
	require.Equal(t, "10000000000000000", c["fee_wei"])
	require.Equal(t, "10000000000000000", c["withdrawn_wei"])
	_, err = runCmd(t, cancelCmd(), id, "--rpc", url, "--deployment", dep, "--private-key", integrator)
	require.ErrorContains(t, err, "already cancelled")
	_, err = runCmd(t, cancelCmd(), "12345", "--rpc", url, "--deployment", dep, "--private-key", integrator)
	require.ErrorContains(t, err, "does not exist")

	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("request --wait did not end after the cancellation")
	}
	require.ErrorContains(t, err, "was cancelled without a result")
	require.Contains(t, progress.String(), "status open -> cancelled")
	// The node is reset with its state lost while a request is followed:
	// the wait ends saying the market is gone.
	stdout.Reset()
	req = requestCmd()
	req.SetOut(&stdout)
	req.SetErr(io.Discard)
	req.SetArgs([]string{"--rpc", url, "--poll", "200ms", "--confirmations", "0", "--private-key", integrator,
		"--deployment", dep, "--kernel", kernelID, "--sample", "0", "--fee", "0.01ether", "--wait", "--timeout", "60s"})
	go func() { done <- req.ExecuteContext(t.Context()) }()
	require.Eventually(t, func() bool { return strings.HasPrefix(stdout.String(), "request ") }, 30*time.Second, 50*time.Millisecond)
	rc, err := rpc.Dial(url)
	require.NoError(t, err)
	defer rc.Close()
	require.NoError(t, rc.Call(nil, "anvil_reset"))
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("request --wait did not end after the reset")
	}
	require.ErrorIs(t, err, chain.ErrContractsGone)
	require.ErrorContains(t, err, "no code at inference_market")

	l := logs.String()
	require.Equal(t, 1, strings.Count(l, "unavailable; retrying"), l)
	require.Equal(t, 1, strings.Count(l, "available again"), l)
	require.NotContains(t, progress.String()+l, "level=ERROR")
}
