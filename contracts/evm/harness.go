// Package evm runs the AIVM contracts (MIPS.sol, PreimageOracle.sol) inside an
// in-process go-ethereum EVM, so Go tests and tools can execute on-chain steps
// without a chain. It uses core/vm/runtime on an in-memory state database:
// no blocks, no signatures, no RPC. Why not the simulated backend: a
// differential run needs thousands of steps per second, and every simulated
// transaction mines a block.
//
// Gas: Step reports execution gas, the gas consumed inside the call frame of
// MIPS.step, which is what Cannon publishes for its MIPS.sol. It excludes the
// 21,000 intrinsic gas and the calldata gas of the transaction (TxGas adds
// those back for a full-transaction figure). Access lists start fresh per call
// with the caller and MIPS warm, as in a transaction to MIPS; the oracle is cold.
package evm

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/aivm-dev/aivm/contracts/bindings"
)

// callGasLimit bounds every call; a step needs < 100k, an oracle load of the
// largest preimage < 1M.
const callGasLimit = 30_000_000

// DefaultCaller is the address every call comes from. Local preimage keys are
// localized to it (protocol 1.9), so LoadLocalData and Step agree.
var DefaultCaller = common.HexToAddress("0x00000000000000000000000000000000a1b2c3d4")

// Contract names accepted by CodeSize.
const (
	MIPSName           = "MIPS"
	PreimageOracleName = "PreimageOracle"
)

// Harness is a deployed PreimageOracle and MIPS in a private in-memory EVM.
// It is not safe for concurrent use.
type Harness struct {
	cfg    *runtime.Config
	rules  params.Rules
	mips   *bindings.MIPS
	oracle *bindings.PreimageOracle
	addrs  map[string]common.Address
	// errABIs decode custom errors of either contract: MIPS bubbles the
	// oracle's revert data up unchanged.
	errABIs []abi.ABI
}

// RevertError is a call that reverted, with its custom error decoded when it
// is one the contracts declare.
type RevertError struct {
	Name string // custom error name, "" when the data is not a known error
	Args []any  // decoded arguments of the custom error
	Data []byte // raw revert data
}

func (e *RevertError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("execution reverted (data 0x%x)", e.Data)
	}
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case [32]byte:
			args[i] = fmt.Sprintf("0x%x", v)
		default:
			args[i] = fmt.Sprint(v)
		}
	}
	return fmt.Sprintf("execution reverted: %s(%s)", e.Name, strings.Join(args, ", "))
}

// RevertName returns the custom error name of a RevertError in err's chain,
// or "" if err is not a revert with a known custom error.
func RevertName(err error) string {
	var re *RevertError
	if errors.As(err, &re) {
		return re.Name
	}
	return ""
}

// New deploys PreimageOracle and MIPS (constructed with the oracle address)
// from the committed bindings' bytecode into a fresh in-memory state.
func New() (*Harness, error) {
	sdb, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	if err != nil {
		return nil, fmt.Errorf("evm: in-memory state: %w", err)
	}
	cfg := &runtime.Config{Origin: DefaultCaller, GasLimit: callGasLimit, State: sdb}
	// Why explicit: Create/Call fill in the same Cancun config lazily, but the
	// rules are needed for Finalise before the first call.
	cfg.ChainConfig = cancunConfig()
	h := &Harness{
		cfg:    cfg,
		rules:  cfg.ChainConfig.Rules(new(big.Int), true, 0),
		mips:   bindings.NewMIPS(),
		oracle: bindings.NewPreimageOracle(),
		addrs:  map[string]common.Address{},
	}
	h.errABIs = []abi.ABI{h.mips.GetABI(), h.oracle.GetABI()}

	oracleAddr, err := h.deploy(bindings.PreimageOracleMetaData.Bin, nil)
	if err != nil {
		return nil, fmt.Errorf("evm: deploy PreimageOracle: %w", err)
	}
	h.addrs[PreimageOracleName] = oracleAddr
	mipsAddr, err := h.deploy(bindings.MIPSMetaData.Bin, h.mips.PackConstructor(oracleAddr))
	if err != nil {
		return nil, fmt.Errorf("evm: deploy MIPS: %w", err)
	}
	h.addrs[MIPSName] = mipsAddr
	return h, nil
}

func cancunConfig() *params.ChainConfig {
	zero := uint64(0)
	return &params.ChainConfig{
		ChainID:                 big.NewInt(1),
		HomesteadBlock:          new(big.Int),
		DAOForkBlock:            new(big.Int),
		EIP150Block:             new(big.Int),
		EIP155Block:             new(big.Int),
		EIP158Block:             new(big.Int),
		ByzantiumBlock:          new(big.Int),
		ConstantinopleBlock:     new(big.Int),
		PetersburgBlock:         new(big.Int),
		IstanbulBlock:           new(big.Int),
		MuirGlacierBlock:        new(big.Int),
		BerlinBlock:             new(big.Int),
		LondonBlock:             new(big.Int),
		TerminalTotalDifficulty: big.NewInt(0),
		ShanghaiTime:            &zero,
		CancunTime:              &zero,
	}
}

func (h *Harness) deploy(binHex string, ctorArgs []byte) (common.Address, error) {
	code := append(common.FromHex(binHex), ctorArgs...)
	_, addr, _, err := runtime.Create(code, h.cfg)
	h.cfg.State.Finalise(h.rules)
	if err != nil {
		return common.Address{}, err
	}
	if len(h.cfg.State.GetCode(addr)) == 0 {
		return common.Address{}, errors.New("no code at the created address")
	}
	return addr, nil
}

// Address returns the deployed address of MIPSName or PreimageOracleName.
func (h *Harness) Address(name string) common.Address { return h.addrs[name] }

// CodeSize returns the deployed (runtime) code size in bytes of MIPSName or
// PreimageOracleName, or 0 for an unknown name.
func (h *Harness) CodeSize(name string) int {
	addr, ok := h.addrs[name]
	if !ok {
		return 0
	}
	return len(h.cfg.State.GetCode(addr))
}

// call runs one call as its own transaction and returns the return data and
// the execution gas consumed.
func (h *Harness) call(to common.Address, input []byte) ([]byte, uint64, error) {
	ret, left, err := runtime.Call(to, input, h.cfg)
	// Why: make storage written by this call "committed" for the next one, as
	// across transactions (SSTORE pricing and refunds depend on it).
	h.cfg.State.Finalise(h.rules)
	used := uint64(callGasLimit) - left
	if err != nil {
		if errors.Is(err, vm.ErrExecutionReverted) {
			return nil, used, h.decodeRevert(ret)
		}
		return nil, used, fmt.Errorf("evm call failed: %w", err)
	}
	return ret, used, nil
}

func (h *Harness) decodeRevert(data []byte) error {
	re := &RevertError{Data: append([]byte(nil), data...)}
	if len(data) >= 4 {
		for _, a := range h.errABIs {
			for name, e := range a.Errors {
				if string(e.ID[:4]) != string(data[:4]) {
					continue
				}
				re.Name = name
				if args, err := e.Inputs.Unpack(data[4:]); err == nil {
					re.Args = args
				}
				return re
			}
		}
	}
	return re
}

// Step runs MIPS.step(stateData, proof, localContext) from DefaultCaller and
// returns the post-state hash and the execution gas (see the package doc). A
// revert is returned as a *RevertError naming the custom error.
func (h *Harness) Step(stateData, proof []byte, localContext [32]byte) (post [32]byte, gasUsed uint64, err error) {
	ret, gasUsed, err := h.call(h.addrs[MIPSName], h.mips.PackStep(stateData, proof, localContext))
	if err != nil {
		return post, gasUsed, fmt.Errorf("MIPS.step: %w", err)
	}
	post, err = h.mips.UnpackStep(ret)
	if err != nil {
		return post, gasUsed, fmt.Errorf("MIPS.step: decode result: %w", err)
	}
	return post, gasUsed, nil
}

// LoadLocalData stores the part at partOffset of the local preimage data under
// key, localized to DefaultCaller and localContext.
func (h *Harness) LoadLocalData(key, localContext [32]byte, data []byte, partOffset uint64) error {
	input := h.oracle.PackLoadLocalData(key, localContext, data, new(big.Int).SetUint64(partOffset))
	if _, _, err := h.call(h.addrs[PreimageOracleName], input); err != nil {
		return fmt.Errorf("PreimageOracle.loadLocalData(key 0x%x, offset %d): %w", key, partOffset, err)
	}
	return nil
}

// LoadKeccakPart stores the part at partOffset of preimage under its keccak
// key (keccak(preimage) with byte 0 set to 2).
func (h *Harness) LoadKeccakPart(partOffset uint64, preimage []byte) error {
	input := h.oracle.PackLoadKeccak256PreimagePart(new(big.Int).SetUint64(partOffset), preimage)
	if _, _, err := h.call(h.addrs[PreimageOracleName], input); err != nil {
		return fmt.Errorf("PreimageOracle.loadKeccak256PreimagePart(offset %d, %d bytes): %w", partOffset, len(preimage), err)
	}
	return nil
}

// LoadPreimagePart loads the part a step will read: key type 1 as local data
// (localized to DefaultCaller and localContext), any other type as a keccak
// preimage. An offset at or past the end of the stream loads part 0 instead,
// which records the stream length the step needs to answer EOF.
func (h *Harness) LoadPreimagePart(key, localContext [32]byte, offset uint64, preimage []byte) error {
	if offset >= uint64(len(preimage))+8 {
		offset = 0
	}
	if key[0] == 1 {
		return h.LoadLocalData(key, localContext, preimage, offset)
	}
	return h.LoadKeccakPart(offset, preimage)
}

// ReadPreimage calls PreimageOracle.readPreimage(key, offset).
func (h *Harness) ReadPreimage(key [32]byte, offset uint64) (dat [32]byte, datLen uint64, err error) {
	ret, _, err := h.call(h.addrs[PreimageOracleName], h.oracle.PackReadPreimage(key, new(big.Int).SetUint64(offset)))
	if err != nil {
		return dat, 0, fmt.Errorf("PreimageOracle.readPreimage: %w", err)
	}
	out, err := h.oracle.UnpackReadPreimage(ret)
	if err != nil {
		return dat, 0, fmt.Errorf("PreimageOracle.readPreimage: decode: %w", err)
	}
	return out.Dat, out.DatLen.Uint64(), nil
}

// LocalizeKey computes the key MIPS.step reads for a local key (protocol 1.9):
// keccak(key ‖ keccak(caller ‖ localContext)) with byte 0 set to 1.
func LocalizeKey(key [32]byte, caller common.Address, localContext [32]byte) [32]byte {
	ctx := crypto.Keccak256(caller.Bytes(), localContext[:])
	out := crypto.Keccak256Hash(key[:], ctx)
	out[0] = 1
	return out
}

// TxGas returns the gas of a whole transaction carrying input that consumed
// execGas inside the EVM: 21,000 + calldata gas (4 per zero byte, 16 per
// non-zero byte) + execGas. Refunds and the EIP-7623 floor are ignored.
func TxGas(input []byte, execGas uint64) uint64 {
	g := params.TxGas + execGas
	for _, b := range input {
		if b == 0 {
			g += params.TxDataZeroGas
		} else {
			g += params.TxDataNonZeroGasEIP2028
		}
	}
	return g
}

// TxGasPrague is TxGas under EIP-7623 (Prague): a transaction pays at least
// the calldata floor, 21,000 + 10 per token (a zero byte 1 token, any other
// byte 4), whatever its execution costs.
func TxGasPrague(input []byte, execGas uint64) uint64 {
	tokens := uint64(0)
	for _, b := range input {
		if b == 0 {
			tokens++
		} else {
			tokens += 4
		}
	}
	return max(TxGas(input, execGas), params.TxGas+10*tokens)
}

// PackStep returns the calldata of MIPS.step (for TxGas).
func (h *Harness) PackStep(stateData, proof []byte, localContext [32]byte) []byte {
	return h.mips.PackStep(stateData, proof, localContext)
}
