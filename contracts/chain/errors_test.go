package chain_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
)

// TestErrorNameNamesEveryError: every custom error of every contract the
// Go side talks to decodes to its own name with its arguments, through the
// one resolver (the registry's errors bubbling up through requestInference
// included; the market's and the registry's two InvalidInputCount errors
// have different arguments, hence selectors).
func TestErrorNameNamesEveryError(t *testing.T) {
	for contract, a := range map[string]abi.ABI{
		"InferenceMarket": bindings.NewInferenceMarket().GetABI(),
		"KernelRegistry":  bindings.NewKernelRegistry().GetABI(),
		"DisputeGame":     bindings.NewDisputeGame().GetABI(),
		"MIPS":            bindings.NewMIPS().GetABI(),
		"PreimageOracle":  bindings.NewPreimageOracle().GetABI(),
		"FashionConsumer": bindings.NewFashionConsumer().GetABI(),
	} {
		for name, e := range a.Errors {
			args := make([]any, len(e.Inputs))
			for i, in := range e.Inputs {
				args[i] = zeroOf(t, in.Type)
			}
			packed, err := e.Inputs.Pack(args...)
			require.NoError(t, err, "%s.%s", contract, name)
			data := append(e.ID.Bytes()[:4:4], packed...)
			got, gotArgs, ok, err := chain.ErrorName(data)
			require.True(t, ok, "%s.%s", contract, name)
			require.NoError(t, err, "%s.%s", contract, name)
			require.Equal(t, name, got, "%s.%s", contract, name)
			require.Len(t, gotArgs, len(e.Inputs), "%s.%s", contract, name)

			// A backend error carrying the data decodes to a named revert.
			err = chain.Decode(dataErr{data})
			require.True(t, chain.IsRevert(err, name), "%s.%s: %v", contract, name, err)
			require.ErrorIs(t, err, chain.ErrReverted)
			require.Contains(t, err.Error(), name)
		}
	}
}

// TestDecode: errors without revert data pass unchanged, a revert without
// data is still a revert (unnamed), and an error already holding a
// RevertError is returned as is, wrapping and all.
func TestDecode(t *testing.T) {
	require.NoError(t, chain.Decode(nil))
	plain := errors.New("connection refused")
	require.Equal(t, plain, chain.Decode(plain))
	require.False(t, chain.IsRevert(plain, ""))

	err := chain.Decode(errors.New("execution reverted"))
	re, ok := chain.AsRevert(err)
	require.True(t, ok)
	require.Empty(t, re.Name)

	unknown := chain.Decode(dataErr{[]byte{1, 2, 3, 4, 5}})
	re, ok = chain.AsRevert(unknown)
	require.True(t, ok)
	require.Empty(t, re.Name, "an unknown selector has no name")

	// A known selector with arguments that do not decode is named, and
	// says why its arguments are missing.
	sel := bindings.NewInferenceMarket().GetABI().Errors["InvalidInputCount"].ID
	short := chain.Decode(dataErr{sel.Bytes()[:4]})
	re, ok = chain.AsRevert(short)
	require.True(t, ok)
	require.Equal(t, "InvalidInputCount", re.Name)
	require.Nil(t, re.Args)
	require.Contains(t, short.Error(), "arguments of InvalidInputCount")

	named := &chain.RevertError{Name: "WindowClosed"}
	wrapped := fmt.Errorf("submit: %w", named)
	require.Same(t, wrapped, chain.Decode(wrapped))
	require.True(t, chain.IsRevert(wrapped, "WindowClosed"))
	require.False(t, chain.IsRevert(wrapped, "WindowOpen"))
}

// dataErr is a backend error with revert data, as a node's JSON-RPC error
// reports it.
type dataErr struct{ data []byte }

func (e dataErr) Error() string  { return "execution reverted" }
func (e dataErr) ErrorData() any { return fmt.Sprintf("0x%x", e.data) }

// zeroOf is a zero value of an ABI type, as the abi packer takes it.
func zeroOf(t *testing.T, typ abi.Type) any {
	switch typ.T {
	case abi.UintTy, abi.IntTy:
		if typ.Size > 64 {
			return new(big.Int)
		}
		signed := typ.T == abi.IntTy
		switch typ.Size {
		case 8:
			if signed {
				return int8(0)
			}
			return uint8(0)
		case 16:
			if signed {
				return int16(0)
			}
			return uint16(0)
		case 32:
			if signed {
				return int32(0)
			}
			return uint32(0)
		default:
			if signed {
				return int64(0)
			}
			return uint64(0)
		}
	case abi.AddressTy:
		return common.Address{}
	case abi.FixedBytesTy:
		return [32]byte{}
	case abi.BoolTy:
		return false
	case abi.BytesTy:
		return []byte{}
	case abi.StringTy:
		return ""
	}
	t.Fatalf("no zero value for %s", typ)
	return nil
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, tabs\tand\nlines": "plain text, tabs\tand\nlines",
		"nul\x00bytes":                 `nul\x00bytes`,
		"bad utf8 \xff\xfe":            `bad utf8 \xff\xfe`,
		"bell\a esc\x1b[31m":           `bell\x07 esc\x1b[31m`,
		"ünïcode ✓":                    "ünïcode ✓",
		"line sep \u2028":              `line sep \u2028`,
	} {
		require.Equal(t, want, chain.Printable(in), "%q", in)
	}
	// A node's message with raw revert bytes prints as text.
	re := chain.Decode(errors.New("execution reverted: custom error 0x12345678: \x00\x00\x00\x63"))
	require.NotContains(t, re.Error(), "\x00")
	require.Contains(t, re.Error(), `custom error 0x12345678: \x00\x00\x00c`)
}

// A node message repeating the revert data as raw bytes is cut where the
// bytes start: the data is printed in hex already.
func TestRevertErrorNodeMessage(t *testing.T) {
	data := append(common.FromHex("0xd13b2677"), common.LeftPadBytes([]byte{99}, 32)...)
	re := &chain.RevertError{Data: data, Err: errors.New("execution reverted: custom error 0xd13b2677: " + string(data[4:]))}
	require.Equal(t, "execution reverted (revert data 0x"+common.Bytes2Hex(data)+"): execution reverted: custom error 0xd13b2677 (raw revert bytes omitted)", re.Error())
}
