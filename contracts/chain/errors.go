package chain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// ErrReverted matches every *RevertError with errors.Is: a call, a gas
// estimate or a mined transaction that reverted.
var ErrReverted = errors.New("chain: execution reverted")

// RevertError is a revert with its raw revert data, so callers decode the
// contracts' custom errors with a generated binding's UnpackError (see
// Unpack). Receipt is set when a mined transaction reverted; it is nil for a
// reverted call or gas estimate.
type RevertError struct {
	Data    []byte         // raw revert data: selector + ABI-encoded arguments; may be empty
	Receipt *types.Receipt // the failed transaction's receipt, nil unless mined
	Err     error          // the backend's error, if any
}

func (e *RevertError) Error() string {
	var b strings.Builder
	if e.Receipt != nil {
		fmt.Fprintf(&b, "transaction %s reverted in block %d", e.Receipt.TxHash, e.Receipt.BlockNumber)
	} else {
		b.WriteString("execution reverted")
	}
	if reason, err := abi.UnpackRevert(e.Data); err == nil {
		fmt.Fprintf(&b, ": %q", reason)
	}
	if len(e.Data) > 0 {
		fmt.Fprintf(&b, " (revert data 0x%x)", e.Data)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *RevertError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrReverted) true for every RevertError.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// RevertData returns the raw revert data (contracts/market.RevertData reads
// it through this method).
func (e *RevertError) RevertData() []byte { return e.Data }

// Selector returns the 4-byte custom error selector, false if the data is
// too short to hold one.
func (e *RevertError) Selector() ([4]byte, bool) {
	if len(e.Data) < 4 {
		return [4]byte{}, false
	}
	return [4]byte(e.Data[:4]), true
}

// Unpack decodes the revert data with a binding's UnpackError, e.g.
// re.Unpack(bindings.NewKernelRegistry().UnpackError). It guards against
// data too short for a selector (the generated UnpackError would panic).
func (e *RevertError) Unpack(unpackError func(raw []byte) (any, error)) (any, error) {
	if len(e.Data) < 4 {
		return nil, fmt.Errorf("chain: revert data 0x%x has no error selector", e.Data)
	}
	v, err := unpackError(e.Data)
	if err != nil {
		return nil, fmt.Errorf("chain: decode revert data 0x%x: %w", e.Data, err)
	}
	return v, nil
}

// AsRevert returns the *RevertError in err's chain.
func AsRevert(err error) (*RevertError, bool) {
	var re *RevertError
	ok := errors.As(err, &re)
	return re, ok
}

// revertFromError turns a backend error for a call or estimate into a
// *RevertError when it is a revert: a JSON-RPC error carrying revert data
// (ErrorData, as both geth and anvil report it, the simulated backend too)
// or an "execution reverted" message without data. Other errors (transport,
// insufficient funds, ...) return nil.
func revertFromError(err error) *RevertError {
	if err == nil {
		return nil
	}
	var de interface{ ErrorData() any }
	if errors.As(err, &de) {
		switch d := de.ErrorData().(type) {
		case string:
			return &RevertError{Data: common.FromHex(d), Err: err}
		case []byte:
			return &RevertError{Data: d, Err: err}
		}
	}
	if strings.Contains(strings.ToLower(err.Error()), "execution reverted") {
		return &RevertError{Err: err}
	}
	return nil
}
