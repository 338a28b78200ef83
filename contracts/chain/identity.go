package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Identity names one chain: its chain id and the hash of its genesis
// block. A node restarted with its state lost (anvil without --state, a
// re-created devnet) keeps its chain id but gets a new genesis, so two
// identities differ exactly when everything read from the other one is
// void: duties, checkpoints, nonces. It is comparable (==) and usable as a
// map key; Key is its string form for database keys.
type Identity struct {
	ChainID uint64
	Genesis common.Hash
}

// ReadIdentity reads the identity of the chain b is connected to.
func ReadIdentity(ctx context.Context, b Backend) (Identity, error) {
	id, err := b.ChainID(ctx)
	if err != nil {
		return Identity{}, fmt.Errorf("chain: chain id: %w", err)
	}
	if !id.IsUint64() {
		return Identity{}, fmt.Errorf("chain: chain id %s does not fit 64 bits", id)
	}
	g, err := b.HeaderByNumber(ctx, new(big.Int))
	if err != nil {
		return Identity{}, fmt.Errorf("chain: genesis header: %w", err)
	}
	return Identity{ChainID: id.Uint64(), Genesis: g.Hash()}, nil
}

// Key is "<chain id>:<genesis hash>", e.g. for keying stored duties.
func (i Identity) Key() string { return fmt.Sprintf("%d:%s", i.ChainID, i.Genesis.Hex()) }

// String is "chain <id> (genesis 0x1234…abcd)".
func (i Identity) String() string {
	return fmt.Sprintf("chain %d (genesis %s)", i.ChainID, i.Genesis.TerminalString())
}

// ErrChainChanged matches (errors.Is) a *ChainChangedError: the node now
// serves another chain than the one recorded (a reset with its state lost,
// or another network behind the same URL).
var ErrChainChanged = errors.New("chain: chain changed")

// ChainChangedError is a node whose identity is not the recorded one.
type ChainChangedError struct{ Want, Got Identity }

func (e *ChainChangedError) Error() string {
	return fmt.Sprintf("chain: the node now serves %s, not %s (node reset with its state lost, or another network): "+
		"everything recorded from the old chain is void", e.Got, e.Want)
}

// Is makes errors.Is(err, ErrChainChanged) true.
func (e *ChainChangedError) Is(target error) bool { return target == ErrChainChanged }

// Check reads the identity of the chain b serves and returns nil if it is
// i, a *ChainChangedError if not, or the node's error.
func (i Identity) Check(ctx context.Context, b Backend) error {
	got, err := ReadIdentity(ctx, b)
	if err != nil {
		return err
	}
	if got != i {
		return &ChainChangedError{Want: i, Got: got}
	}
	return nil
}

// ErrContractsGone matches (errors.Is) a *ContractsGoneError: contracts
// that should be deployed have no code on the chain.
var ErrContractsGone = errors.New("chain: contracts gone")

// ContractsGoneError names the contracts without code. It happens when the
// node was reset with its state lost, the deployment file is for another
// chain, or a reorg dropped the deployment; calls to such an address
// return empty data ("abi: attempting to unmarshal an empty string").
type ContractsGoneError struct {
	Chain   Identity                  // zero if unknown
	Missing map[string]common.Address // name -> address, only the missing ones
}

func (e *ContractsGoneError) Error() string {
	names := make([]string, 0, len(e.Missing))
	for n := range e.Missing {
		names = append(names, n)
	}
	slices.Sort(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %s", n, e.Missing[n].Hex())
	}
	on := "the chain"
	if e.Chain != (Identity{}) {
		on = e.Chain.String()
	}
	return fmt.Sprintf("chain: contracts gone: no code at %s on %s (was the node reset, or is the deployment for another chain? redeploy or fix the deployment file)",
		strings.Join(parts, ", "), on)
}

// Is makes errors.Is(err, ErrContractsGone) true.
func (e *ContractsGoneError) Is(target error) bool { return target == ErrContractsGone }

// CheckContracts checks that every named contract (name -> address, e.g.
// "market" -> ...) has code at the latest block. It returns nil, a
// *ContractsGoneError naming every address without code, or the node's
// error. The identity in the error is read best effort.
func CheckContracts(ctx context.Context, b Backend, contracts map[string]common.Address) error {
	gone := map[string]common.Address{}
	for name, addr := range contracts {
		code, err := b.CodeAt(ctx, addr, nil)
		if err != nil {
			return fmt.Errorf("chain: code of %s %s: %w", name, addr.Hex(), err)
		}
		if len(code) == 0 {
			gone[name] = addr
		}
	}
	if len(gone) == 0 {
		return nil
	}
	id, _ := ReadIdentity(ctx, b)
	return &ContractsGoneError{Chain: id, Missing: gone}
}
