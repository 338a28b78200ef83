// Package deploy puts the whole AIVM contract suite on a chain in one call:
// PreimageOracle, MIPS, KernelRegistry, DisputeGame and InferenceMarket (and,
// on request, the FashionConsumer example). It exists because the game and
// the market name each other: the game admits only its creator (the market)
// and the market is constructed with the game's address, so the market's
// address is predicted from the deployer's nonce before the game is deployed,
// and checked afterwards. The CLI (`aivm deploy`), `aivm devnet` and the
// tests share it.
package deploy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/aivm-dev/aivm/contracts/bindings"
)

// Sender sends transactions from one key and waits for their receipts
// (contracts/chain.TxManager).
type Sender interface {
	Address() common.Address
	SendCreate(ctx context.Context, data []byte, value *big.Int) (*types.Receipt, error)
	Send(ctx context.Context, to common.Address, data []byte, value *big.Int) (*types.Receipt, error)
}

// NonceSource reads the deployer's next nonce (any chain backend).
type NonceSource interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
}

// Config fixes every constructor parameter. The game's arity and clocks and
// the market's bonds and windows can never change after deployment.
type Config struct {
	// K is the dissection arity (docs/protocol.md 4; docs/bench/dispute-gas.md
	// explains the default).
	K uint64 `json:"k"`
	// ClockBudget is each side's chess clock, seconds.
	ClockBudget uint64 `json:"clock_budget_s"`
	// ClockExtension is the time the opponent keeps after every move, seconds.
	ClockExtension uint64 `json:"clock_extension_s"`
	// SubmitterBond and ChallengerBond are in wei.
	SubmitterBond  *big.Int `json:"submitter_bond_wei"`
	ChallengerBond *big.Int `json:"challenger_bond_wei"`
	// ChallengeWindow is the time a candidate result can be challenged, seconds.
	ChallengeWindow uint64 `json:"challenge_window_s"`
	// RequestTimeout is the time after which an unanswered request may be
	// cancelled, seconds.
	RequestTimeout uint64 `json:"request_timeout_s"`
	// MaxCallbackGas caps a request's callback gas limit.
	MaxCallbackGas uint64 `json:"max_callback_gas"`
}

// DefaultK is the deployed arity: the only one of 2, 4, 8 and 16 that keeps
// a LLaMA-7B-scale dispute within 12 moves per side (docs/bench/dispute-gas.md).
const DefaultK = 16

// Production is a configuration for a public chain: a week of clock per side,
// an hour's extension, a one-day window.
func Production() Config {
	eth := big.NewInt(1e18)
	return Config{K: DefaultK, ClockBudget: 7 * 24 * 3600, ClockExtension: 3600,
		SubmitterBond: new(big.Int).Set(eth), ChallengerBond: new(big.Int).Set(eth),
		ChallengeWindow: 24 * 3600, RequestTimeout: 3 * 24 * 3600, MaxCallbackGas: 1_000_000}
}

// Devnet is a configuration for local chains whose clock the tools move on
// (the simulated backend's AdjustTime, anvil's evm_increaseTime): short
// windows so a whole flow takes seconds, small bonds.
func Devnet() Config {
	milli := big.NewInt(1e15)
	return Config{K: DefaultK, ClockBudget: 3600, ClockExtension: 300,
		SubmitterBond: new(big.Int).Mul(milli, big.NewInt(100)), ChallengerBond: new(big.Int).Mul(milli, big.NewInt(100)),
		ChallengeWindow: 600, RequestTimeout: 3600, MaxCallbackGas: 500_000}
}

// Validate applies the constructors' checks off chain, with clear errors.
func (c Config) Validate() error {
	switch {
	case c.K < 2 || c.K > 256:
		return fmt.Errorf("deploy: k = %d, want 2..256", c.K)
	case c.ClockExtension == 0 || c.ClockBudget < c.ClockExtension:
		return fmt.Errorf("deploy: clock budget %d s must be >= clock extension %d s > 0", c.ClockBudget, c.ClockExtension)
	case c.SubmitterBond == nil || c.SubmitterBond.Sign() <= 0 || c.ChallengerBond == nil || c.ChallengerBond.Sign() <= 0:
		return errors.New("deploy: both bonds must be > 0")
	case c.ChallengeWindow == 0 || c.ChallengeWindow > 1<<32-1:
		return fmt.Errorf("deploy: challenge window %d s out of range", c.ChallengeWindow)
	case c.RequestTimeout == 0 || c.RequestTimeout > 1<<32-1:
		return fmt.Errorf("deploy: request timeout %d s out of range", c.RequestTimeout)
	case c.MaxCallbackGas > 10_000_000:
		return fmt.Errorf("deploy: max callback gas %d > 10,000,000", c.MaxCallbackGas)
	}
	return nil
}

// Addresses is a deployment, as written to and read from addresses.json.
type Addresses struct {
	ChainID  uint64         `json:"chain_id"`
	Oracle   common.Address `json:"preimage_oracle"`
	MIPS     common.Address `json:"mips"`
	Registry common.Address `json:"kernel_registry"`
	Game     common.Address `json:"dispute_game"`
	Market   common.Address `json:"inference_market"`
	// Block is the block of the market's deployment: watchers start there.
	Block  uint64 `json:"deploy_block"`
	Config Config `json:"config"`
	// GasUsed is the gas of every deployment transaction, by contract.
	GasUsed map[string]uint64 `json:"gas_used"`
}

// Deploy deploys the suite with cfg from s. ns must see s's nonces; nothing
// else may send from s's key meanwhile (the market's address is predicted
// from the nonce and the result is checked).
func Deploy(ctx context.Context, s Sender, ns NonceSource, cfg Config, log *slog.Logger) (*Addresses, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Addresses{Config: cfg, GasUsed: map[string]uint64{}}
	create := func(name, bin string, args []byte) (common.Address, uint64, error) {
		code := append(common.FromHex(bin), args...)
		r, err := s.SendCreate(ctx, code, nil)
		if err != nil {
			return common.Address{}, 0, fmt.Errorf("deploy %s: %w", name, err)
		}
		a.GasUsed[name] = r.GasUsed
		log.Info("deployed", "contract", name, "address", r.ContractAddress, "gas", r.GasUsed)
		return r.ContractAddress, r.BlockNumber.Uint64(), nil
	}
	var err error
	if a.Oracle, _, err = create("PreimageOracle", bindings.PreimageOracleMetaData.Bin, nil); err != nil {
		return nil, err
	}
	if a.MIPS, _, err = create("MIPS", bindings.MIPSMetaData.Bin, bindings.NewMIPS().PackConstructor(a.Oracle)); err != nil {
		return nil, err
	}
	if a.Registry, _, err = create("KernelRegistry", bindings.KernelRegistryMetaData.Bin, nil); err != nil {
		return nil, err
	}
	nonce, err := ns.PendingNonceAt(ctx, s.Address())
	if err != nil {
		return nil, fmt.Errorf("deploy: deployer nonce: %w", err)
	}
	predicted := crypto.CreateAddress(s.Address(), nonce+1)
	gameArgs := bindings.NewDisputeGame().PackConstructor(a.MIPS, a.Registry, predicted,
		new(big.Int).SetUint64(cfg.K), cfg.ClockBudget, cfg.ClockExtension)
	if a.Game, _, err = create("DisputeGame", bindings.DisputeGameMetaData.Bin, gameArgs); err != nil {
		return nil, err
	}
	marketArgs := bindings.NewInferenceMarket().PackConstructor(a.Registry, a.Game, cfg.SubmitterBond, cfg.ChallengerBond,
		new(big.Int).SetUint64(cfg.ChallengeWindow), new(big.Int).SetUint64(cfg.RequestTimeout),
		new(big.Int).SetUint64(cfg.MaxCallbackGas))
	if a.Market, a.Block, err = create("InferenceMarket", bindings.InferenceMarketMetaData.Bin, marketArgs); err != nil {
		return nil, err
	}
	if a.Market != predicted {
		return nil, fmt.Errorf("deploy: market landed at %s, the game admits only %s: another transaction from %s "+
			"used a nonce during deployment; deploy again from an idle key", a.Market, predicted, s.Address())
	}
	return a, nil
}

// DeployConsumer deploys the FashionConsumer example bound to market and
// kernelID.
func DeployConsumer(ctx context.Context, s Sender, market common.Address, kernelID common.Hash) (common.Address, error) {
	code := append(common.FromHex(bindings.FashionConsumerMetaData.Bin),
		bindings.NewFashionConsumer().PackConstructor(market, kernelID)...)
	r, err := s.SendCreate(ctx, code, nil)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy FashionConsumer: %w", err)
	}
	return r.ContractAddress, nil
}

// Write stores a as indented JSON at path.
func (a *Addresses) Write(path string) error {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("deploy: write %s: %w", path, err)
	}
	return nil
}

// Read loads a deployment written by Write.
func Read(path string) (*Addresses, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("deploy: read deployment: %w", err)
	}
	var a Addresses
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("deploy: parse %s: %w", path, err)
	}
	if a.Market == (common.Address{}) || a.Game == (common.Address{}) || a.Registry == (common.Address{}) {
		return nil, fmt.Errorf("deploy: %s lacks the market, game or registry address", path)
	}
	return &a, nil
}
