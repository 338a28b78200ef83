package cli

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/contracts/deploy"
)

// Shared plumbing of the commands that talk to a chain (deploy, kernel
// register, submitter run, challenger run, request): the connection flags,
// the signing key, the transaction manager, the deployment file, and
// parsing of wei amounts and durations in seconds.

// chainOptions are the flags every chain command shares.
type chainOptions struct {
	rpc           string
	deployment    string // "" for commands that make one (deploy)
	confirmations uint64
	poll          time.Duration
	bumpAfter     time.Duration
	stuckAfter    time.Duration
	maxFeeCap     weiValue
	keys          *keyOptions
	// observe, if set before dial, sees every JSON-RPC call (metrics).
	observe chain.RPCObserver
}

// addChainFlags adds --rpc, --confirmations, --poll, --bump-after,
// --max-fee-cap, the key flags, --config and (withDeployment) --deployment.
func addChainFlags(cmd *cobra.Command, withDeployment bool, confirmations uint64) *chainOptions {
	o := &chainOptions{}
	f := cmd.Flags()
	f.StringVar(&o.rpc, "rpc", "", "JSON-RPC endpoint of the chain (http(s):// or ws(s)://; AIVM_RPC)")
	if withDeployment {
		f.StringVar(&o.deployment, "deployment", "deployment.json", "deployment file written by 'aivm deploy' (contract addresses, deploy block)")
	}
	f.Uint64Var(&o.confirmations, "confirmations", confirmations, "blocks built on a transaction's (or log's) block before it counts")
	f.DurationVar(&o.poll, "poll", time.Second, "polling period for receipts, logs and state")
	f.DurationVar(&o.bumpAfter, "bump-after", 30*time.Second, "replace a transaction not mined after this long with a higher fee (same nonce)")
	f.DurationVar(&o.stuckAfter, "stuck-after", 5*time.Minute, "report a transaction still unmined after this long (a WARN, the aivm_tx_stuck metric, /readyz)")
	f.Var(&o.maxFeeCap, "max-fee-cap", "upper bound of the max fee per gas, wei (units allowed: 30gwei); empty: none")
	o.keys = addKeyFlags(cmd)
	addConfigFlag(cmd)
	return o
}

// conn is an open chain connection with its signing key.
type conn struct {
	rpc     *ethclient.Client
	client  chain.Backend // rpc, instrumented when chainOptions.observe is set
	outage  *chain.Outage // the node's outages, shared by everything on this connection
	chainID *big.Int
	key     *ecdsa.PrivateKey
	from    common.Address
	tx      *chain.TxManager
	addrs   *deploy.Addresses // nil for deploy
}

func (c *conn) Close() { c.rpc.Close() }

// dial loads the key (when needKey), connects to --rpc, checks the chain
// id against the deployment file (when the command has one) and builds the
// transaction manager.
func (o *chainOptions) dial(ctx context.Context, needKey bool, log *slog.Logger) (*conn, error) {
	if o.rpc == "" {
		return nil, errors.New("no --rpc endpoint (flag, AIVM_RPC or the config file)")
	}
	var c conn
	if needKey {
		key, err := o.keys.load()
		if err != nil {
			return nil, err
		}
		c.key = key
	}
	if o.deployment != "" {
		a, err := deploy.Read(o.deployment)
		if err != nil {
			return nil, err
		}
		c.addrs = a
	}
	client, err := ethclient.DialContext(ctx, o.rpc)
	if err != nil {
		return nil, fmt.Errorf("rpc %s: %w", o.rpc, err)
	}
	c.rpc = client
	c.client = chain.Instrument(client, o.observe)
	c.outage = &chain.Outage{What: "rpc " + o.rpc, Logger: log}
	if c.chainID, err = client.ChainID(ctx); err != nil {
		client.Close()
		return nil, fmt.Errorf("rpc %s: chain id: %w", o.rpc, err)
	}
	if c.addrs != nil && c.addrs.ChainID != 0 && c.addrs.ChainID != c.chainID.Uint64() {
		client.Close()
		return nil, fmt.Errorf("deployment %s is for chain %d, %s is chain %s", o.deployment, c.addrs.ChainID, o.rpc, c.chainID)
	}
	if c.addrs != nil {
		// A node reset with its state lost keeps its chain id: without this,
		// every call to the market fails with "abi: attempting to unmarshal
		// an empty string".
		err := chain.CheckContracts(ctx, c.client, map[string]common.Address{
			"inference_market": c.addrs.Market, "kernel_registry": c.addrs.Registry, "dispute_game": c.addrs.Game})
		if err != nil {
			client.Close()
			return nil, fmt.Errorf("deployment %s: %w", o.deployment, err)
		}
	}
	if c.key != nil {
		c.from = crypto.PubkeyToAddress(c.key.PublicKey)
		c.tx, err = chain.NewTxManager(c.client, c.key, chain.TxOptions{
			Confirmations: o.confirmations, PollInterval: o.poll, BumpAfter: o.bumpAfter, StuckAfter: o.stuckAfter,
			MaxFeeCap: o.maxFeeCap.v, Outage: c.outage, Logger: log,
		})
		if err != nil {
			client.Close()
			return nil, err
		}
	}
	return &c, nil
}

// balance reads the sending account's balance.
func (c *conn) balance(ctx context.Context) (*big.Int, error) {
	b, err := c.client.BalanceAt(ctx, c.from, nil)
	if err != nil {
		return nil, fmt.Errorf("balance of %s: %w", c.from, err)
	}
	return b, nil
}

// marketUint reads a uint256 view of the market (submitterBond, ...).
func (c *conn) marketUint(ctx context.Context, name string, data []byte, unpack func([]byte) (*big.Int, error)) (*big.Int, error) {
	to := c.addrs.Market
	out, err := c.client.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		return nil, fmt.Errorf("market %s: %s(): %w", c.addrs.Market, name, chain.Decode(err))
	}
	v, err := unpack(out)
	if err != nil {
		return nil, fmt.Errorf("market %s: %s(): %w (is the deployment file for this chain?)", c.addrs.Market, name, err)
	}
	return v, nil
}

// bonds reads the market's submitter and challenger bonds.
func (c *conn) bonds(ctx context.Context) (sub, chal *big.Int, err error) {
	m := bindings.NewInferenceMarket()
	if sub, err = c.marketUint(ctx, "submitterBond", m.PackSubmitterBond(), m.UnpackSubmitterBond); err != nil {
		return nil, nil, err
	}
	if chal, err = c.marketUint(ctx, "challengerBond", m.PackChallengerBond(), m.UnpackChallengerBond); err != nil {
		return nil, nil, err
	}
	return sub, chal, nil
}

// sendErr wraps a failed transaction with what it was and the contracts'
// decoded custom error.
func sendErr(what string, err error) error {
	return fmt.Errorf("%s: %w", what, chain.Decode(err))
}

// weiValue is a pflag.Value holding an amount of wei: an integer, or a
// decimal with a unit (wei, gwei, ether or eth): "1000", "30gwei",
// "0.1ether". Empty means unset (nil).
type weiValue struct{ v *big.Int }

func (w *weiValue) String() string {
	if w.v == nil {
		return ""
	}
	return w.v.String()
}

func (w *weiValue) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		w.v = nil
		return nil
	}
	v, err := parseWei(s)
	if err != nil {
		return err
	}
	w.v = v
	return nil
}

func (w *weiValue) Type() string { return "wei" }

// parseWei parses an amount of wei (see weiValue).
func parseWei(s string) (*big.Int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	scale := int64(1)
	for _, u := range []struct {
		suffix string
		scale  int64
	}{{"gwei", 1e9}, {"ether", 1e18}, {"eth", 1e18}, {"wei", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, scale = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.scale
			break
		}
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok || t == "" || strings.ContainsAny(t, "/eE") {
		return nil, fmt.Errorf("%q is not an amount of wei (an integer, or a decimal with a unit: 30gwei, 0.1ether)", s)
	}
	r.Mul(r, new(big.Rat).SetInt64(scale))
	if !r.IsInt() {
		return nil, fmt.Errorf("%q is not a whole number of wei", s)
	}
	if r.Sign() < 0 {
		return nil, fmt.Errorf("%q is negative", s)
	}
	return new(big.Int).Set(r.Num()), nil
}

// formatWei prints wei with its ether value, e.g. "100000000000000000 wei
// (0.1 ETH)".
func formatWei(v *big.Int) string {
	if v == nil {
		return "0 wei"
	}
	eth := new(big.Rat).SetFrac(v, big.NewInt(1e18))
	s := strings.TrimRight(strings.TrimRight(eth.FloatString(18), "0"), ".")
	return fmt.Sprintf("%s wei (%s ETH)", v, s)
}

// secondsValue is a pflag.Value holding whole seconds: an integer number
// of seconds ("600") or a Go duration ("10m", "168h").
type secondsValue struct{ v *uint64 }

func (s secondsValue) String() string {
	if s.v == nil {
		return "0"
	}
	return strconv.FormatUint(*s.v, 10)
}

func (s secondsValue) Set(x string) error {
	x = strings.TrimSpace(x)
	if n, err := strconv.ParseUint(x, 10, 64); err == nil {
		*s.v = n
		return nil
	}
	d, err := time.ParseDuration(x)
	if err != nil {
		return fmt.Errorf("%q is neither whole seconds nor a duration (10m, 168h)", x)
	}
	if d < 0 || d%time.Second != 0 {
		return fmt.Errorf("%q is not a whole, non-negative number of seconds", x)
	}
	*s.v = uint64(d / time.Second)
	return nil
}

func (s secondsValue) Type() string { return "seconds" }

// signalCtx returns the command's context, or a background one when the
// command runs without (tests that call Execute directly).
func signalCtx(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
