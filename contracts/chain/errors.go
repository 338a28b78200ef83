package chain

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/bindings"
)

// ErrReverted matches every *RevertError with errors.Is: a call, a gas
// estimate or a mined transaction that reverted.
var ErrReverted = errors.New("chain: execution reverted")

// RevertError is the one revert error of the Go side: a call, gas estimate
// or mined transaction that reverted, with its raw revert data and, when
// the data is one of the contracts' custom errors, its name and decoded
// arguments (resolved by ErrorName from every contract's ABI, so a market
// call that reverts inside the game, the registry, MIPS or the oracle is
// named too). Receipt is set when a mined transaction reverted; it is nil
// for a reverted call or gas estimate.
type RevertError struct {
	Name    string         // the custom error, e.g. "WindowOpen"; "" for a plain revert or unknown data
	Args    []any          // its decoded arguments, in ABI order
	Data    []byte         // raw revert data: selector + ABI-encoded arguments; may be empty
	Receipt *types.Receipt // the failed transaction's receipt, nil unless mined
	Err     error          // the backend's error, if any

	argsErr error // Data names a custom error whose arguments do not decode
}

func (e *RevertError) Error() string {
	var b strings.Builder
	if e.Receipt != nil {
		fmt.Fprintf(&b, "transaction %s reverted in block %d", e.Receipt.TxHash, e.Receipt.BlockNumber)
	} else {
		b.WriteString("execution reverted")
	}
	if e.Name != "" {
		fmt.Fprintf(&b, ": %s%v", e.Name, e.Args)
		if e.argsErr != nil {
			fmt.Fprintf(&b, " (%v)", e.argsErr)
		}
	} else if reason, err := abi.UnpackRevert(e.Data); err == nil {
		fmt.Fprintf(&b, ": %q", reason)
	}
	if len(e.Data) > 0 {
		fmt.Fprintf(&b, " (revert data 0x%x)", e.Data)
	}
	if e.Err != nil {
		// Nodes put raw revert bytes in their messages (anvil: "custom
		// error 0x…: " and the ABI-encoded arguments, NULs and all). With
		// the data printed above in hex, they are cut; otherwise escaped.
		msg := e.Err.Error()
		if len(e.Data) > 0 {
			if i := strings.IndexFunc(msg, func(r rune) bool {
				return r == utf8.RuneError || !unicode.IsPrint(r) && r != '\n' && r != '\t'
			}); i >= 0 {
				msg = strings.TrimRight(msg[:i], ": ") + " (raw revert bytes omitted)"
			}
		}
		fmt.Fprintf(&b, ": %s", Printable(msg))
	}
	return b.String()
}

// Printable returns s with every byte sequence a terminal would not show
// as text escaped: invalid UTF-8 and control characters other than line
// feed and tab become \xNN (or \uNNNN), so an error message with raw
// bytes in it (revert data, bytes32 fields) stays readable and safe to
// print. Printable text is returned unchanged.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) && r != '\n' && r != '\t' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unicode.IsPrint(r) || r == '\n' || r == '\t':
			b.WriteString(s[i : i+size])
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
		i += size
	}
	return b.String()
}

func (e *RevertError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrReverted) true for every RevertError.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// RevertData returns the raw revert data.
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
// re.Unpack(bindings.NewKernelRegistry().UnpackError), for the typed
// struct. It guards against data too short for a selector (the generated
// UnpackError would panic).
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

// IsRevert reports whether err is a revert with the custom error name.
func IsRevert(err error, name string) bool {
	re, ok := AsRevert(Decode(err))
	return ok && re.Name == name
}

// Decode returns err as a *RevertError when it is a revert: err itself
// when it already holds one (every TxManager revert does), or a new one
// around a backend error carrying revert data (a node's JSON-RPC error, the
// simulated backend's revert, a bound call's error) or an "execution
// reverted" message without data. Any other error (transport, insufficient
// funds, ...) and nil are returned unchanged.
func Decode(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := AsRevert(err); ok {
		return err
	}
	if re := revertFromError(err); re != nil {
		return re
	}
	return err
}

// contractABIs are the ABIs of every contract the Go side talks to; a
// revert's custom error is named from any of them.
var contractABIs = []abi.ABI{
	bindings.NewInferenceMarket().GetABI(), bindings.NewDisputeGame().GetABI(),
	bindings.NewKernelRegistry().GetABI(), bindings.NewMIPS().GetABI(),
	bindings.NewPreimageOracle().GetABI(), bindings.NewFashionConsumer().GetABI(),
	bindings.NewVrfVerifier().GetABI(), // BN254VRF's refusals, bubbled up by the market's submitGeneration
}

// customErrors maps every custom error selector of contractABIs to its
// definition (an error declared by several contracts has one selector).
var customErrors = func() map[[4]byte]abi.Error {
	m := map[[4]byte]abi.Error{}
	for _, a := range contractABIs {
		for _, e := range a.Errors {
			m[[4]byte(e.ID[:4])] = e
		}
	}
	return m
}()

// ErrorName is the one name resolver: the custom error whose selector
// starts data, with its decoded arguments, from every contract's ABI. ok
// is false for data without a known selector (a plain revert, a require
// string, empty data). A known selector whose arguments do not decode
// returns the name, no arguments and the decoding error in err.
func ErrorName(data []byte) (name string, args []any, ok bool, err error) {
	if len(data) < 4 {
		return "", nil, false, nil
	}
	e, ok := customErrors[[4]byte(data[:4])]
	if !ok {
		return "", nil, false, nil
	}
	if args, err = e.Inputs.Unpack(data[4:]); err != nil {
		return e.Name, nil, true, fmt.Errorf("chain: arguments of %s: %w", e.Name, err)
	}
	return e.Name, args, true, nil
}

// newRevert is a RevertError for data, named by ErrorName.
func newRevert(data []byte, err error) *RevertError {
	re := &RevertError{Data: data, Err: err}
	re.Name, re.Args, _, re.argsErr = ErrorName(data)
	return re
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
			return newRevert(common.FromHex(d), err)
		case []byte:
			return newRevert(d, err)
		}
	}
	if strings.Contains(strings.ToLower(err.Error()), "execution reverted") {
		return &RevertError{Err: err}
	}
	return nil
}
