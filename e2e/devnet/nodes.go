package devnet

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/aivm-dev/aivm/contracts/deploy"
	"github.com/aivm-dev/aivm/vm/kernel"
)

// GethVersion is the geth release the e2e suite runs against, built from
// the Go module proxy (no binary downloads).
const GethVersion = "v1.17.8"

// Node is a local Ethereum node process (anvil or geth --dev) on
// 127.0.0.1, for the real-node e2e tests and `aivm devnet --rpc`.
type Node struct {
	Kind string // "anvil" or "geth"
	URL  string
	// TimeTravel reports whether the node moves its clock on request
	// (evm_increaseTime); geth --dev does not, so waits are real.
	TimeTravel bool
	cmd        *exec.Cmd
	dir        string
	out        *bytes.Buffer
	once       sync.Once
	anvil      *AnvilOptions // how to start it again (Restart)
}

// Stop kills the node and removes its data directory.
func (n *Node) Stop() {
	n.once.Do(func() {
		if n.cmd != nil && n.cmd.Process != nil {
			_ = n.cmd.Process.Kill()
			_ = n.cmd.Wait()
		}
		if n.dir != "" {
			_ = os.RemoveAll(n.dir)
		}
	})
}

// PID is the node process's id (0 when it is down or not a process of
// ours), for resource sampling.
func (n *Node) PID() int {
	if n.cmd == nil || n.cmd.Process == nil {
		return 0
	}
	return n.cmd.Process.Pid
}

// Output is what the node printed (for failure reports).
func (n *Node) Output() string { return n.out.String() }

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// AnvilPath is the anvil from the project's npm packages.
func AnvilPath() (string, error) {
	root, err := kernel.ModuleRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, "node_modules", ".bin", "anvil")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("devnet: anvil not installed (%s); run `make setup-npm`", p)
	}
	return p, nil
}

// StartAnvil starts anvil with automining on a free port.
func StartAnvil(ctx context.Context) (*Node, error) {
	return StartAnvilWith(ctx, AnvilOptions{})
}

// AnvilOptions tune StartAnvilWith.
type AnvilOptions struct {
	// BlockTime mines a block every BlockTime seconds besides automining
	// (0: blocks only with transactions). Confirmations need it.
	BlockTime int
	// State is a file anvil loads on start and dumps on a clean stop
	// (anvil --state): Restart with it keeps the chain.
	State string
	port  int
}

// StartAnvilWith starts anvil on a free port with o.
func StartAnvilWith(ctx context.Context, o AnvilOptions) (*Node, error) {
	bin, err := AnvilPath()
	if err != nil {
		return nil, err
	}
	if o.port == 0 {
		if o.port, err = freePort(); err != nil {
			return nil, err
		}
	}
	n := &Node{Kind: "anvil", URL: fmt.Sprintf("http://127.0.0.1:%d", o.port), TimeTravel: true, out: &bytes.Buffer{}, anvil: &o}
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(o.port), "--accounts", "2",
		"--balance", "1000000", "--gas-limit", "60000000", "--code-size-limit", "49152"}
	if o.BlockTime > 0 {
		args = append(args, "--block-time", strconv.Itoa(o.BlockTime))
	}
	if o.State != "" {
		args = append(args, "--state", o.State)
	}
	n.cmd = exec.Command(bin, args...)
	n.cmd.Stdout, n.cmd.Stderr = n.out, n.out
	if err := n.cmd.Start(); err != nil {
		return nil, fmt.Errorf("devnet: start anvil: %w", err)
	}
	if err := waitRPC(ctx, n); err != nil {
		n.Stop()
		return nil, err
	}
	return n, nil
}

// Down stops an anvil started by StartAnvilWith, cleanly (SIGTERM: with
// State it dumps the chain there), and keeps its port for Up.
func (n *Node) Down() error {
	if n.anvil == nil || n.cmd == nil || n.cmd.Process == nil {
		return fmt.Errorf("devnet: %s node was not started by StartAnvilWith", n.Kind)
	}
	_ = n.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- n.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = n.cmd.Process.Kill()
		<-done
	}
	n.cmd = nil
	return nil
}

// Up starts the anvil Down stopped again, on the same URL. keepState
// false starts a fresh chain (the state file, if any, is removed first):
// the node's state is lost, as after a crash of a node without a disk.
func (n *Node) Up(ctx context.Context, keepState bool) error {
	o := *n.anvil
	if !keepState && o.State != "" {
		_ = os.Remove(o.State)
	}
	m, err := StartAnvilWith(ctx, o)
	if err != nil {
		return err
	}
	n.cmd, n.out = m.cmd, m.out
	return nil
}

// RPC calls method on the node.
func (n *Node) RPC(ctx context.Context, result any, method string, args ...any) error {
	c, err := rpc.DialContext(ctx, n.URL)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.CallContext(ctx, result, method, args...)
}

// Snapshot takes an evm_snapshot; Revert goes back to it (anvil).
func (n *Node) Snapshot(ctx context.Context) (string, error) {
	var id string
	err := n.RPC(ctx, &id, "evm_snapshot")
	return id, err
}

// Revert reverts the chain to snapshot id: every later block is dropped,
// and the blocks mined next are a new fork.
func (n *Node) Revert(ctx context.Context, id string) error {
	var ok bool
	if err := n.RPC(ctx, &ok, "evm_revert", id); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("devnet: evm_revert %s refused", id)
	}
	return nil
}

// Mine mines blocks empty blocks now (anvil_mine).
func (n *Node) Mine(ctx context.Context, blocks int) error {
	return n.RPC(ctx, nil, "anvil_mine", hexutil.Uint64(blocks))
}

// GethPath returns a geth GethVersion binary, building it with `go install`
// from the module proxy into the cache directory on first use (a minute or
// two), so later runs reuse it.
func GethPath(ctx context.Context) (string, error) {
	if p := os.Getenv("AIVM_GETH"); p != "" {
		return p, nil
	}
	root, err := kernel.ModuleRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, ".cache", "geth-"+GethVersion)
	bin := filepath.Join(dir, "geth")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(dir, "build-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.CommandContext(ctx, "go", "install", "github.com/ethereum/go-ethereum/cmd/geth@"+GethVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+tmp, "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("devnet: build geth %s from the module proxy: %w\n%s", GethVersion, err, out)
	}
	if err := os.Rename(filepath.Join(tmp, "geth"), bin); err != nil {
		return "", err
	}
	return bin, nil
}

// StartGeth starts geth --dev (one block a second) on a free port.
func StartGeth(ctx context.Context) (*Node, error) {
	bin, err := GethPath(ctx)
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "aivm-geth-*")
	if err != nil {
		return nil, err
	}
	n := &Node{Kind: "geth", URL: fmt.Sprintf("http://127.0.0.1:%d", port), dir: dir, out: &bytes.Buffer{}}
	n.cmd = exec.Command(bin, "--dev", "--dev.period", "1", "--dev.gaslimit", "60000000", "--datadir", dir,
		"--http", "--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(port), "--http.api", "eth,net,web3,debug",
		"--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0", "--authrpc.port", "0", "--verbosity", "2")
	n.cmd.Stdout, n.cmd.Stderr = n.out, n.out
	if err := n.cmd.Start(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("devnet: start geth: %w", err)
	}
	if err := waitRPC(ctx, n); err != nil {
		n.Stop()
		return nil, err
	}
	return n, nil
}

func waitRPC(ctx context.Context, n *Node) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		c, err := rpc.DialContext(ctx, n.URL)
		if err == nil {
			var id hexutil.Big
			err = c.CallContext(ctx, &id, "eth_chainId")
			c.Close()
			if err == nil {
				return nil
			}
		}
		if n.cmd.ProcessState != nil {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("devnet: %s did not answer on %s:\n%s", n.Kind, n.URL, n.Output())
}

// FundFromDev creates count fresh keys and funds each with amount wei from
// the node's first unlocked dev account (anvil and geth --dev both have
// one), waiting until every transfer is mined.
func FundFromDev(ctx context.Context, url string, count int, amount *big.Int) ([]*ecdsa.PrivateKey, error) {
	keys := make([]*ecdsa.PrivateKey, count)
	for i := range keys {
		var err error
		if keys[i], err = crypto.GenerateKey(); err != nil {
			return nil, err
		}
	}
	return keys, FundKeys(ctx, url, keys, amount)
}

// FundKeys funds each key with amount wei from the node's first unlocked
// dev account, waiting until every transfer is mined (a node restarted
// with its state lost funds the same keys again).
func FundKeys(ctx context.Context, url string, keys []*ecdsa.PrivateKey, amount *big.Int) error {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close()
	var accts []common.Address
	if err := c.CallContext(ctx, &accts, "eth_accounts"); err != nil || len(accts) == 0 {
		return fmt.Errorf("devnet: the node at %s has no unlocked dev account: %v", url, err)
	}
	// Explicit nonces: geth --dev picks one from its pool, which a block
	// imported between two sends can leave behind for a moment, so the next
	// send reused a nonce ("replacement transaction underpriced").
	var nonce hexutil.Uint64
	if err := c.CallContext(ctx, &nonce, "eth_getTransactionCount", accts[0], "pending"); err != nil {
		return fmt.Errorf("devnet: nonce of %s: %w", accts[0], err)
	}
	hashes := make([]common.Hash, len(keys))
	for i, k := range keys {
		tx := map[string]any{"from": accts[0], "to": crypto.PubkeyToAddress(k.PublicKey), "value": (*hexutil.Big)(amount),
			"nonce": nonce + hexutil.Uint64(i)}
		if err := c.CallContext(ctx, &hashes[i], "eth_sendTransaction", tx); err != nil {
			return fmt.Errorf("devnet: fund key %d from %s: %w", i, accts[0], err)
		}
	}
	for _, h := range hashes {
		for {
			var r map[string]any
			if err := c.CallContext(ctx, &r, "eth_getTransactionReceipt", h); err == nil && r != nil {
				if s, _ := r["status"].(string); s != "0x1" {
					return fmt.Errorf("devnet: funding transaction %s failed", h)
				}
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}

// RealTimeConfig is deploy.Devnet with windows and clocks short enough for
// a node whose clock cannot be moved (geth --dev), where waits are real
// seconds: a 20 s challenge window, 40 s of clock per side (moves take a
// block, one second, each). WHY 20 s: a generation's challenger can only
// re-execute once the result (and with it the VRF seed) is posted, and on a
// loaded 2-core CI machine re-executing the devnet's text-llama generation
// took longer than the 6 s window this used to be (TestGethDevnet's lie
// found the window closed).
func RealTimeConfig() deploy.Config {
	c := deploy.Devnet()
	c.ChallengeWindow = 20
	c.ClockBudget = 40
	c.ClockExtension = 15
	c.RequestTimeout = 600
	return c
}

func isMethodMissing(err error) bool {
	var re rpc.Error
	if errors.As(err, &re) && re.ErrorCode() == -32601 {
		return true
	}
	return err != nil && strings.Contains(err.Error(), "does not exist")
}

// HasTimeTravel reports whether the node at url moves its clock on request
// (anvil: yes; geth --dev: no).
func HasTimeTravel(ctx context.Context, url string) (bool, error) {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return false, err
	}
	defer c.Close()
	err = c.CallContext(ctx, nil, "evm_increaseTime", 0)
	if err != nil && isMethodMissing(err) {
		return false, nil
	}
	return err == nil, err
}

// RPCOptions prepares Options for a dev node at url: fresh keys funded from
// its dev account, and a deployment whose windows suit its clock.
func RPCOptions(ctx context.Context, url string) (Options, error) {
	tt, err := HasTimeTravel(ctx, url)
	if err != nil {
		return Options{}, fmt.Errorf("devnet: probe %s: %w", url, err)
	}
	keys, err := FundFromDev(ctx, url, len(Roles), new(big.Int).Mul(big.NewInt(1e18), big.NewInt(100)))
	if err != nil {
		return Options{}, err
	}
	o := Options{RPC: url, Keys: keys, Config: deploy.Devnet()}
	if !tt {
		o.Config = RealTimeConfig()
	}
	return o, nil
}
