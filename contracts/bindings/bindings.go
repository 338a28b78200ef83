// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// DisputeGameGame is an auto generated low-level Go binding around an user-defined struct.
type DisputeGameGame struct {
	Asserter        common.Address
	LastMoveAt      *big.Int
	Status          uint8
	Phase           uint8
	SplitPending    bool
	Challenger      common.Address
	Node            uint32
	AsserterClock   uint64
	ChallengerClock uint64
	Lo              uint64
	Hi              uint64
	LoHash          [32]byte
	HiHash          [32]byte
	KernelId        [32]byte
}

// InferenceMarketChallenge is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketChallenge struct {
	Challenger common.Address
	Status     uint8
	Round      uint32
	Bond       *big.Int
	GameId     *big.Int
	Result     InferenceMarketResult
}

// InferenceMarketGeneration is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketGeneration struct {
	MaxTokens    uint32
	CreatedBlock uint64
	Sampling     InferenceMarketSampling
	Seed         [32]byte
	Prompt       []uint32
}

// InferenceMarketRefutedRound is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketRefutedRound struct {
	Submitter      common.Address
	OpenChallenges uint32
	Winners        uint32
	Settled        bool
	Bond           *big.Int
	Share          *big.Int
}

// InferenceMarketRequest is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketRequest struct {
	Requester        common.Address
	GraphSize        uint32
	NumSlots         uint32
	OutputSlot       uint32
	Status           uint8
	Callback         common.Address
	CallbackGasLimit uint32
	Aggregation      uint8
	Generation       bool
	CreatedAt        uint64
	OpenAfter        uint64
	Fee              *big.Int
	KernelId         [32]byte
	ModelRoot        [32]byte
	InitialState     [32]byte
	Submitter        common.Address
	WindowEnd        uint64
	Round            uint32
	OpenChallenges   uint32
	CandidateBond    *big.Int
	Candidate        InferenceMarketResult
}

// InferenceMarketResult is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketResult struct {
	OutputCommitment [32]byte
	FinalState       [32]byte
	Output           []byte
}

// InferenceMarketSampling is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketSampling struct {
	Temperature uint32
	TopP        uint32
	StopEnabled bool
	StopToken   uint32
}

// InferenceMarketVrfKey is an auto generated low-level Go binding around an user-defined struct.
type InferenceMarketVrfKey struct {
	Pk              [4]*big.Int
	RegisteredBlock uint64
}

// KernelRegistryKernel is an auto generated low-level Go binding around an user-defined struct.
type KernelRegistryKernel struct {
	ModelRoot    [32]byte
	PrestateHash [32]byte
	ManifestHash [32]byte
	GraphSize    uint32
	Aggregation  uint8
	NumInputs    uint16
	Owner        common.Address
	RegisteredAt *big.Int
	ManifestURI  string
	OutputSlots  []uint32
}

// BN254VRFMetaData contains all meta data concerning the BN254VRF contract.
var BN254VRFMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"CoordinateOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpandLengthInvalid\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PairingMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"which\",\"type\":\"uint256\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PublicKeyAtInfinity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PublicKeyInvalid\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignatureAtInfinity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignatureNotOnCurve\",\"type\":\"error\"}]",
	ID:  "ac1320133c331973b04224d85c6775f88f",
	Bin: "0x60556032600b8282823980515f1a607314602657634e487b7160e01b5f525f60045260245ffd5b305f52607381538281f3fe730000000000000000000000000000000000000000301460806040525f5ffdfea26469706673582212203f53ce7c8a2cfea9782f7a3860e753b2d59924c44e8b173d8ea2867495bb542864736f6c63430008250033",
}

// BN254VRF is an auto generated Go binding around an Ethereum contract.
type BN254VRF struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *BN254VRF) GetABI() abi.ABI {
	return c.abi
}

// NewBN254VRF creates a new instance of BN254VRF.
func NewBN254VRF() *BN254VRF {
	parsed, err := BN254VRFMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &BN254VRF{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *BN254VRF) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (bN254VRF *BN254VRF) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["CoordinateOutOfRange"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackCoordinateOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["ExpandLengthInvalid"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackExpandLengthInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["PairingMismatch"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackPairingMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["PrecompileFailed"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackPrecompileFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["PublicKeyAtInfinity"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackPublicKeyAtInfinityError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["PublicKeyInvalid"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackPublicKeyInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["SignatureAtInfinity"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackSignatureAtInfinityError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRF.abi.Errors["SignatureNotOnCurve"].ID.Bytes()[:4]) {
		return bN254VRF.UnpackSignatureNotOnCurveError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// BN254VRFCoordinateOutOfRange represents a CoordinateOutOfRange error raised by the BN254VRF contract.
type BN254VRFCoordinateOutOfRange struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CoordinateOutOfRange()
func BN254VRFCoordinateOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x0b3564f55f46d8385797887b4fba229dbbd2b49df7ba6faf6cf4d48967693a09")
}

// UnpackCoordinateOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CoordinateOutOfRange()
func (bN254VRF *BN254VRF) UnpackCoordinateOutOfRangeError(raw []byte) (*BN254VRFCoordinateOutOfRange, error) {
	out := new(BN254VRFCoordinateOutOfRange)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "CoordinateOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFExpandLengthInvalid represents a ExpandLengthInvalid error raised by the BN254VRF contract.
type BN254VRFExpandLengthInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpandLengthInvalid()
func BN254VRFExpandLengthInvalidErrorID() common.Hash {
	return common.HexToHash("0xf662aab63ea3587531a9888bec952a40ed3816efd35da535cc0260b717c29aa3")
}

// UnpackExpandLengthInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpandLengthInvalid()
func (bN254VRF *BN254VRF) UnpackExpandLengthInvalidError(raw []byte) (*BN254VRFExpandLengthInvalid, error) {
	out := new(BN254VRFExpandLengthInvalid)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "ExpandLengthInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFPairingMismatch represents a PairingMismatch error raised by the BN254VRF contract.
type BN254VRFPairingMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PairingMismatch()
func BN254VRFPairingMismatchErrorID() common.Hash {
	return common.HexToHash("0x36e116cd7f0f3321b4e3fc430412e958442245e95233f2d55c0596bd8ca8d1ee")
}

// UnpackPairingMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PairingMismatch()
func (bN254VRF *BN254VRF) UnpackPairingMismatchError(raw []byte) (*BN254VRFPairingMismatch, error) {
	out := new(BN254VRFPairingMismatch)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "PairingMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFPrecompileFailed represents a PrecompileFailed error raised by the BN254VRF contract.
type BN254VRFPrecompileFailed struct {
	Which *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PrecompileFailed(uint256 which)
func BN254VRFPrecompileFailedErrorID() common.Hash {
	return common.HexToHash("0x00a48593f9c209d4d7e3b1ee4f754577225379f193a95f3a1400534a74238e14")
}

// UnpackPrecompileFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PrecompileFailed(uint256 which)
func (bN254VRF *BN254VRF) UnpackPrecompileFailedError(raw []byte) (*BN254VRFPrecompileFailed, error) {
	out := new(BN254VRFPrecompileFailed)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "PrecompileFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFPublicKeyAtInfinity represents a PublicKeyAtInfinity error raised by the BN254VRF contract.
type BN254VRFPublicKeyAtInfinity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicKeyAtInfinity()
func BN254VRFPublicKeyAtInfinityErrorID() common.Hash {
	return common.HexToHash("0xf0d5bc413d9be0df09eccbb6a233e5350c3f52478ab96192d10269c11f17e37b")
}

// UnpackPublicKeyAtInfinityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicKeyAtInfinity()
func (bN254VRF *BN254VRF) UnpackPublicKeyAtInfinityError(raw []byte) (*BN254VRFPublicKeyAtInfinity, error) {
	out := new(BN254VRFPublicKeyAtInfinity)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "PublicKeyAtInfinity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFPublicKeyInvalid represents a PublicKeyInvalid error raised by the BN254VRF contract.
type BN254VRFPublicKeyInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicKeyInvalid()
func BN254VRFPublicKeyInvalidErrorID() common.Hash {
	return common.HexToHash("0x9342014bb9a1d9760b67e6217c65355a9de3ef4ffaada763e779c992d4ef6566")
}

// UnpackPublicKeyInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicKeyInvalid()
func (bN254VRF *BN254VRF) UnpackPublicKeyInvalidError(raw []byte) (*BN254VRFPublicKeyInvalid, error) {
	out := new(BN254VRFPublicKeyInvalid)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "PublicKeyInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFSignatureAtInfinity represents a SignatureAtInfinity error raised by the BN254VRF contract.
type BN254VRFSignatureAtInfinity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureAtInfinity()
func BN254VRFSignatureAtInfinityErrorID() common.Hash {
	return common.HexToHash("0x54656aa0463ac70f3a6eb55161a23d6fe66fc3c118a153363c2836e98352c56a")
}

// UnpackSignatureAtInfinityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureAtInfinity()
func (bN254VRF *BN254VRF) UnpackSignatureAtInfinityError(raw []byte) (*BN254VRFSignatureAtInfinity, error) {
	out := new(BN254VRFSignatureAtInfinity)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "SignatureAtInfinity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFSignatureNotOnCurve represents a SignatureNotOnCurve error raised by the BN254VRF contract.
type BN254VRFSignatureNotOnCurve struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureNotOnCurve()
func BN254VRFSignatureNotOnCurveErrorID() common.Hash {
	return common.HexToHash("0x75ea04af3703d3329fcb133d13cf7a119c45b6bcc808e06b1df969150fe970b1")
}

// UnpackSignatureNotOnCurveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureNotOnCurve()
func (bN254VRF *BN254VRF) UnpackSignatureNotOnCurveError(raw []byte) (*BN254VRFSignatureNotOnCurve, error) {
	out := new(BN254VRFSignatureNotOnCurve)
	if err := bN254VRF.abi.UnpackIntoInterface(out, "SignatureNotOnCurve", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessMetaData contains all meta data concerning the BN254VRFHarness contract.
var BN254VRFHarnessMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"uint256[2]\",\"name\":\"sig\",\"type\":\"uint256[2]\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"check\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"lenInBytes\",\"type\":\"uint256\"}],\"name\":\"expandMessageXmd\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"hashToField\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"u0\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"u1\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"hashToG1\",\"outputs\":[{\"internalType\":\"uint256[2]\",\"name\":\"\",\"type\":\"uint256[2]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"u\",\"type\":\"uint256\"}],\"name\":\"mapToCurve\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"x\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"y\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"dst\",\"type\":\"bytes\"}],\"name\":\"measureHashToG1\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"market\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[2]\",\"name\":\"sig\",\"type\":\"uint256[2]\"}],\"name\":\"measureVerifiedSeed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"market\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"}],\"name\":\"requestMessage\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[2]\",\"name\":\"sig\",\"type\":\"uint256[2]\"}],\"name\":\"seed\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"market\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[2]\",\"name\":\"sig\",\"type\":\"uint256[2]\"}],\"name\":\"verifiedSeed\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"bytes\",\"name\":\"message\",\"type\":\"bytes\"},{\"internalType\":\"uint256[2]\",\"name\":\"sig\",\"type\":\"uint256[2]\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint256[2]\",\"name\":\"proof\",\"type\":\"uint256[2]\"}],\"name\":\"verifyPossession\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CoordinateOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpandLengthInvalid\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PairingMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"which\",\"type\":\"uint256\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PublicKeyAtInfinity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PublicKeyInvalid\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignatureAtInfinity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignatureNotOnCurve\",\"type\":\"error\"}]",
	ID:  "8454bb87808b9808fe8ef80f034057f2ed",
	Bin: "0x6080604052348015600e575f5ffd5b50611a4e8061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100b1575f3560e01c8063c88b291d1161006e578063c88b291d1461017e578063d9451add14610191578063e403f629146101a4578063eb20bda1146101b7578063f0b18a53146101ca578063ff913ecd146101ea575f5ffd5b80631e401c78146100b55780632130bc48146100dd5780632efbad27146100fd5780638ca728a21461012557806392ce2ef214610146578063b926bc631461016b575b5f5ffd5b6100c86100c336600461143c565b6101fd565b60405190151581526020015b60405180910390f35b6100f06100eb3660046114ba565b61028e565b6040516100d491906114f2565b61011061010b366004611527565b61029c565b604080519283526020830191909152016100d4565b61013861013336600461153e565b6102b0565b6040519081526020016100d4565b6101596101543660046115aa565b610345565b60405160ff90911681526020016100d4565b61013861017936600461163e565b61041a565b61011061018c36600461153e565b61044d565b61013861019f36600461165f565b6104cd565b6100f06101b23660046116be565b610527565b6100c86101c5366004611731565b6105a6565b6101dd6101d836600461153e565b6105fb565b6040516100d49190611773565b6101386101f836600461165f565b610674565b5f6102838560048060200260405190810160405280929190826004602002808284375f9201919091525050604080516020601f8901819004810282018101909252878152915087908790819084018382808284375f9201919091525050604080518082018252925087915060029083908390808284375f920191909152506106f0915050565b90505b949350505050565b606061028385858585610730565b5f5f6102a783610771565b91509150915091565b5f5f85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920182905250604080516020601f8b0181900481028201810190925289815295965090949350889250879150819084018382808284375f9201829052509394505050505a905061032d83836109d0565b505a61033990826117b7565b98975050505050505050565b5f6103fe8760048060200260405190810160405280929190826004602002808284375f9201919091525050604080516020601f8b01819004810282018101909252898152915089908990819084018382808284375f9201919091525050604080518082018252925089915060029083908390808284375f9201919091525050604080516020601f8a01819004810282018101909252888152915088908890819084018382808284375f92019190915250610a6a92505050565b600681111561040f5761040f6117ca565b979650505050505050565b6040805180820182525f916104479190849060029083908390808284375f92019190915250610d7a915050565b92915050565b5f5f6104c086868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8a0181900481028201810190925288815292508891508790819084018382808284375f92019190915250610dac92505050565b9150915094509492505050565b5f61040f8760048060200260405190810160405280929190826004602002808284375f92019190915250506040805180820182528a9250899189918991899060029083908390808284375f92019190915250610e5a915050565b606061059c86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f8a0181900481028201810190925288815292508891508790819084018382808284375f92019190915250879250610ea5915050565b9695505050505050565b5f6102868460048060200260405190810160405280929190826004602002808284375f920191909152505060408051808201825287925090869060029083908390808284375f9201919091525061110c915050565b61060361139b565b61028385858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050604080516020601f890181900481028201810190925287815292508791508690819084018382808284375f920191909152506109d092505050565b5f5f8760048060200260405190810160405280929190826004602002808284375f9201829052506040805180820182529495509093925086915060029083908390808284375f92018290525092935050505a90506106d6838a8a8a8a87610e5a565b505a6106e290826117b7565b9a9950505050505050505050565b5f8061071685858560405180606001604052806033815260200161199360339139610a6a565b6006811115610727576107276117ca565b14949350505050565b6040805160208101959095526001600160a01b03939093168484015260608401919091526080808401919091528151808403909101815260a0909201905290565b5f80805f5160206119c65f395f51905f5260045f5160206119c65f395f51905f528687090990505f5f5160206119c65f395f51905f528260010890505f5160206119c65f395f51905f526107d2835f5160206119c65f395f51905f526117b7565b60010891505f6108125f5160206119c65f395f51905f528385097f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd4561114f565b90505f5f5160206119c65f395f51905f5278016789af3a83522eb353c98fc6b36d713d5d8d1cc5dffffffa5f5160206119c65f395f51905f52845f5160206119c65f395f51905f52888c09090990505f5f5160206119c65f395f51905f52610887835f5160206119c65f395f51905f526117b7565b7f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea30896506108bc6108b7886111bb565b6111f4565b9650905080610994575f5160206119c65f395f51905f52827f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea30896506109046108b7886111bb565b9650905080610994575f5160206119c65f395f51905f52835f5160206119c65f395f51905f528687090996505f5160206119c65f395f51905f5260015f5160206119c65f395f51905f527f10216f7ba065e00de81ac1e7808072c9dd2b2385cd7b438469602eb24829a9bd5f5160206119c65f395f51905f528b8c09090896506109906108b7886111bb565b9650505b8560011688600116146109c6575f5160206119c65f395f51905f526109b987826117b7565b6109c391906117f2565b95505b5050505050915091565b6109d861139b565b5f5f6109e48585610dac565b915091505f5f6109f384610771565b915091505f5f610a0285610771565b915091505f60405180608001604052808681526020018581526020018481526020018381525090505f60408960808460065afa905080610a5c5760405162a4859360e01b8152600660048201526024015b60405180910390fd5b505050505050505092915050565b81515f905f5160206119c65f395f51905f52111580610a9a575060208301515f5160206119c65f395f51905f5211155b80610ab3575084515f5160206119c65f395f51905f5211155b80610acf575060208501515f5160206119c65f395f51905f5211155b80610aeb575060408501515f5160206119c65f395f51905f5211155b80610b07575060608501515f5160206119c65f395f51905f5211155b15610b1457506001610286565b8251158015610b2557506020830151155b15610b3257506002610286565b8251610b3d906111bb565b60208401515f5160206119c65f395f51905f5290800914610b6057506003610286565b8451158015610b7157506020850151155b8015610b7f57506040850151155b8015610b8d57506060850151155b15610b9a57506004610286565b5f610ba585846109d0565b90505f604051806101800160405280865f60028110610bc657610bc6611805565b6020020151815260200186600160028110610be357610be3611805565b602002015181526020017f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c281526020017f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed81526020017f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec81526020017f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d8152602001835f60028110610c9757610c97611805565b6020020151815260200183600160028110610cb457610cb4611805565b60200201518152602001885f60048110610cd057610cd0611805565b6020020151815260200188600160048110610ced57610ced611805565b6020020151815260200188600260048110610d0a57610d0a611805565b6020020151815260200188600360048110610d2757610d27611805565b602002015190529050610d386113b9565b5f602082610180856008620372d0fa905080610d5b576005945050505050610286565b8151600114610d6b576006610d6d565b5f5b9998505050505050505050565b805160209182015160408051808501939093528281019190915280518083038201815260609092019052805191012090565b5f5f5f610dbb85856060610ea5565b60208101516040820151606083015192935090915f5160206119c65f395f51905f52608083901c5f5160206119c65f395f51905f52600160801b86090895505f5160206119c65f395f51905f52815f5160206119c65f395f51905f527f0e0a77c19a07df2f666ea36f7879462c0a78eb28f5c70b3dd35d438dc58f0d9d6fffffffffffffffffffffffffffffffff861609089450505050509250929050565b5f610e7187610e6b88888888610730565b8461123c565b815160208084015160408051808401949094528381019190915280518084038201815260609093019052815191012061040f565b60605f6020610eb584601f611819565b610ebf919061182c565b905060ff811180610ed1575060ff8451115b80610edd575061ffff83115b15610efb57604051637b31555b60e11b815260040160405180910390fd5b5f848551604051602001610f10929190611856565b60408051601f1981840301815290829052915084905f90600290610f4290839081908c90879083908a9060200161187d565b60408051601f1981840301815290829052610f5c916118c6565b602060405180830381855afa158015610f77573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610f9a91906118d1565b9050610fa78460206118e8565b67ffffffffffffffff811115610fbf57610fbf6118ff565b6040519080825280601f01601f191660200182016040528015610fe9576020820181803683370190505b5094505f60028260018660405160200161100593929190611913565b60408051601f198184030181529082905261101f916118c6565b602060405180830381855afa15801561103a573d5f5f3e3d5ffd5b5050506040513d601f19601f8201168201806040525081019061105d91906118d1565b60208701819052905060025b8581116110fc576002828418828760405160200161108993929190611913565b60408051601f19818403018152908290526110a3916118c6565b602060405180830381855afa1580156110be573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906110e191906118d1565b91508160208202880152806110f590611938565b9050611069565b5086865250505050509392505050565b5f80610716858686604051602001611125929190611950565b60408051601f19818403018152606083019091526033808352909187916119e66020830139610a6a565b5f5f60405160208152602080820152602060408201528460608201528360808201525f5160206119c65f395f51905f5260a082015260208160c08360055afa905192509050806111b45760405162a4859360e01b815260056004820152602401610a53565b5092915050565b5f5f5160206119c65f395f51905f5260035f5160206119c65f395f51905f52845f5160206119c65f395f51905f52868709090892915050565b5f5f611220837f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f5261114f565b9050825f5160206119c65f395f51905f52828309149150915091565b61126861126384848460405180606001604052806033815260200161199360339139610a6a565b61126d565b505050565b5f816006811115611280576112806117ca565b036112885750565b600181600681111561129c5761129c6117ca565b036112ba57604051630b3564f560e01b815260040160405180910390fd5b60028160068111156112ce576112ce6117ca565b036112ec576040516302a32b5560e51b815260040160405180910390fd5b6003816006811115611300576113006117ca565b0361131e576040516375ea04af60e01b815260040160405180910390fd5b6004816006811115611332576113326117ca565b036113505760405163f0d5bc4160e01b815260040160405180910390fd5b6005816006811115611364576113646117ca565b0361138257604051639342014b60e01b815260040160405180910390fd5b6040516336e116cd60e01b815260040160405180910390fd5b60405180604001604052806002906020820280368337509192915050565b60405180602001604052806001906020820280368337509192915050565b8060808101831015610447575f5ffd5b5f5f83601f8401126113f7575f5ffd5b50813567ffffffffffffffff81111561140e575f5ffd5b602083019150836020828501011115611425575f5ffd5b9250929050565b8060408101831015610447575f5ffd5b5f5f5f5f60e0858703121561144f575f5ffd5b61145986866113d7565b9350608085013567ffffffffffffffff811115611474575f5ffd5b611480878288016113e7565b909450925061149490508660a0870161142c565b905092959194509250565b80356001600160a01b03811681146114b5575f5ffd5b919050565b5f5f5f5f608085870312156114cd575f5ffd5b843593506114dd6020860161149f565b93969395505050506040820135916060013590565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f60208284031215611537575f5ffd5b5035919050565b5f5f5f5f60408587031215611551575f5ffd5b843567ffffffffffffffff811115611567575f5ffd5b611573878288016113e7565b909550935050602085013567ffffffffffffffff811115611592575f5ffd5b61159e878288016113e7565b95989497509550505050565b5f5f5f5f5f5f61010087890312156115c0575f5ffd5b6115ca88886113d7565b9550608087013567ffffffffffffffff8111156115e5575f5ffd5b6115f189828a016113e7565b909650945061160590508860a0890161142c565b925060e087013567ffffffffffffffff811115611620575f5ffd5b61162c89828a016113e7565b979a9699509497509295939492505050565b5f6040828403121561164e575f5ffd5b611658838361142c565b9392505050565b5f5f5f5f5f5f6101408789031215611675575f5ffd5b61167f88886113d7565b95506080870135945061169460a0880161149f565b935060c0870135925060e087013591506116b288610100890161142c565b90509295509295509295565b5f5f5f5f5f606086880312156116d2575f5ffd5b853567ffffffffffffffff8111156116e8575f5ffd5b6116f4888289016113e7565b909650945050602086013567ffffffffffffffff811115611713575f5ffd5b61171f888289016113e7565b96999598509660400135949350505050565b5f5f5f60e08486031215611743575f5ffd5b61174d85856113d7565b925061175b6080850161149f565b915061176a8560a0860161142c565b90509250925092565b6040810181835f5b600281101561179a57815183526020928301929091019060010161177b565b50505092915050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610447576104476117a3565b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52601260045260245ffd5b5f82611800576118006117de565b500690565b634e487b7160e01b5f52603260045260245ffd5b80820180821115610447576104476117a3565b5f8261183a5761183a6117de565b500490565b5f81518060208401855e5f93019283525090919050565b5f611861828561183f565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f611894604083018761183f565b60f086901b6001600160f01b031916815260f885901b6001600160f81b0319166002820152610d6d600382018561183f565b5f611658828461183f565b5f602082840312156118e1575f5ffd5b5051919050565b8082028115828204841417610447576104476117a3565b634e487b7160e01b5f52604160045260245ffd5b83815260f883901b6001600160f81b03191660208201525f610283602183018461183f565b5f60018201611949576119496117a3565b5060010190565b60a0810181845f5b6004811015611977578151835260209283019290910190600101611958565b5050506001600160a01b03929092166080919091015291905056fe4149564d2d5652462d5630312d435330312d776974682d424e32353447315f584d443a5348412d3235365f535644575f524f5f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd474149564d2d504f502d5630312d435330312d776974682d424e32353447315f584d443a5348412d3235365f535644575f524f5fa26469706673582212201d2c64674f0ece54cc4f13c6649185714f918a6f8e81eddc818c9b5ddeb5e4d964736f6c63430008250033",
}

// BN254VRFHarness is an auto generated Go binding around an Ethereum contract.
type BN254VRFHarness struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *BN254VRFHarness) GetABI() abi.ABI {
	return c.abi
}

// NewBN254VRFHarness creates a new instance of BN254VRFHarness.
func NewBN254VRFHarness() *BN254VRFHarness {
	parsed, err := BN254VRFHarnessMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &BN254VRFHarness{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *BN254VRFHarness) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackCheck is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92ce2ef2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function check(uint256[4] pk, bytes message, uint256[2] sig, bytes dst) view returns(uint8)
func (bN254VRFHarness *BN254VRFHarness) PackCheck(pk [4]*big.Int, message []byte, sig [2]*big.Int, dst []byte) []byte {
	enc, err := bN254VRFHarness.abi.Pack("check", pk, message, sig, dst)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheck is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92ce2ef2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function check(uint256[4] pk, bytes message, uint256[2] sig, bytes dst) view returns(uint8)
func (bN254VRFHarness *BN254VRFHarness) TryPackCheck(pk [4]*big.Int, message []byte, sig [2]*big.Int, dst []byte) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("check", pk, message, sig, dst)
}

// UnpackCheck is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x92ce2ef2.
//
// Solidity: function check(uint256[4] pk, bytes message, uint256[2] sig, bytes dst) view returns(uint8)
func (bN254VRFHarness *BN254VRFHarness) UnpackCheck(data []byte) (uint8, error) {
	out, err := bN254VRFHarness.abi.Unpack("check", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackExpandMessageXmd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe403f629.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function expandMessageXmd(bytes message, bytes dst, uint256 lenInBytes) pure returns(bytes)
func (bN254VRFHarness *BN254VRFHarness) PackExpandMessageXmd(message []byte, dst []byte, lenInBytes *big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("expandMessageXmd", message, dst, lenInBytes)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExpandMessageXmd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe403f629.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function expandMessageXmd(bytes message, bytes dst, uint256 lenInBytes) pure returns(bytes)
func (bN254VRFHarness *BN254VRFHarness) TryPackExpandMessageXmd(message []byte, dst []byte, lenInBytes *big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("expandMessageXmd", message, dst, lenInBytes)
}

// UnpackExpandMessageXmd is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe403f629.
//
// Solidity: function expandMessageXmd(bytes message, bytes dst, uint256 lenInBytes) pure returns(bytes)
func (bN254VRFHarness *BN254VRFHarness) UnpackExpandMessageXmd(data []byte) ([]byte, error) {
	out, err := bN254VRFHarness.abi.Unpack("expandMessageXmd", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackHashToField is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc88b291d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashToField(bytes message, bytes dst) pure returns(uint256 u0, uint256 u1)
func (bN254VRFHarness *BN254VRFHarness) PackHashToField(message []byte, dst []byte) []byte {
	enc, err := bN254VRFHarness.abi.Pack("hashToField", message, dst)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashToField is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc88b291d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashToField(bytes message, bytes dst) pure returns(uint256 u0, uint256 u1)
func (bN254VRFHarness *BN254VRFHarness) TryPackHashToField(message []byte, dst []byte) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("hashToField", message, dst)
}

// HashToFieldOutput serves as a container for the return parameters of contract
// method HashToField.
type HashToFieldOutput struct {
	U0 *big.Int
	U1 *big.Int
}

// UnpackHashToField is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc88b291d.
//
// Solidity: function hashToField(bytes message, bytes dst) pure returns(uint256 u0, uint256 u1)
func (bN254VRFHarness *BN254VRFHarness) UnpackHashToField(data []byte) (HashToFieldOutput, error) {
	out, err := bN254VRFHarness.abi.Unpack("hashToField", data)
	outstruct := new(HashToFieldOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.U0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.U1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0b18a53.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashToG1(bytes message, bytes dst) view returns(uint256[2])
func (bN254VRFHarness *BN254VRFHarness) PackHashToG1(message []byte, dst []byte) []byte {
	enc, err := bN254VRFHarness.abi.Pack("hashToG1", message, dst)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0b18a53.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashToG1(bytes message, bytes dst) view returns(uint256[2])
func (bN254VRFHarness *BN254VRFHarness) TryPackHashToG1(message []byte, dst []byte) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("hashToG1", message, dst)
}

// UnpackHashToG1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf0b18a53.
//
// Solidity: function hashToG1(bytes message, bytes dst) view returns(uint256[2])
func (bN254VRFHarness *BN254VRFHarness) UnpackHashToG1(data []byte) ([2]*big.Int, error) {
	out, err := bN254VRFHarness.abi.Unpack("hashToG1", data)
	if err != nil {
		return *new([2]*big.Int), err
	}
	out0 := *abi.ConvertType(out[0], new([2]*big.Int)).(*[2]*big.Int)
	return out0, nil
}

// PackMapToCurve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2efbad27.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mapToCurve(uint256 u) view returns(uint256 x, uint256 y)
func (bN254VRFHarness *BN254VRFHarness) PackMapToCurve(u *big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("mapToCurve", u)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMapToCurve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2efbad27.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mapToCurve(uint256 u) view returns(uint256 x, uint256 y)
func (bN254VRFHarness *BN254VRFHarness) TryPackMapToCurve(u *big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("mapToCurve", u)
}

// MapToCurveOutput serves as a container for the return parameters of contract
// method MapToCurve.
type MapToCurveOutput struct {
	X *big.Int
	Y *big.Int
}

// UnpackMapToCurve is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2efbad27.
//
// Solidity: function mapToCurve(uint256 u) view returns(uint256 x, uint256 y)
func (bN254VRFHarness *BN254VRFHarness) UnpackMapToCurve(data []byte) (MapToCurveOutput, error) {
	out, err := bN254VRFHarness.abi.Unpack("mapToCurve", data)
	outstruct := new(MapToCurveOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.X = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Y = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackMeasureHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ca728a2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function measureHashToG1(bytes message, bytes dst) view returns(uint256 gasUsed)
func (bN254VRFHarness *BN254VRFHarness) PackMeasureHashToG1(message []byte, dst []byte) []byte {
	enc, err := bN254VRFHarness.abi.Pack("measureHashToG1", message, dst)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMeasureHashToG1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ca728a2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function measureHashToG1(bytes message, bytes dst) view returns(uint256 gasUsed)
func (bN254VRFHarness *BN254VRFHarness) TryPackMeasureHashToG1(message []byte, dst []byte) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("measureHashToG1", message, dst)
}

// UnpackMeasureHashToG1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ca728a2.
//
// Solidity: function measureHashToG1(bytes message, bytes dst) view returns(uint256 gasUsed)
func (bN254VRFHarness *BN254VRFHarness) UnpackMeasureHashToG1(data []byte) (*big.Int, error) {
	out, err := bN254VRFHarness.abi.Unpack("measureHashToG1", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMeasureVerifiedSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xff913ecd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function measureVerifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(uint256 gasUsed)
func (bN254VRFHarness *BN254VRFHarness) PackMeasureVerifiedSeed(pk [4]*big.Int, chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte, sig [2]*big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("measureVerifiedSeed", pk, chainId, market, requestId, kernelId, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMeasureVerifiedSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xff913ecd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function measureVerifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(uint256 gasUsed)
func (bN254VRFHarness *BN254VRFHarness) TryPackMeasureVerifiedSeed(pk [4]*big.Int, chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte, sig [2]*big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("measureVerifiedSeed", pk, chainId, market, requestId, kernelId, sig)
}

// UnpackMeasureVerifiedSeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xff913ecd.
//
// Solidity: function measureVerifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(uint256 gasUsed)
func (bN254VRFHarness *BN254VRFHarness) UnpackMeasureVerifiedSeed(data []byte) (*big.Int, error) {
	out, err := bN254VRFHarness.abi.Unpack("measureVerifiedSeed", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRequestMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2130bc48.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestMessage(uint256 chainId, address market, uint256 requestId, bytes32 kernelId) pure returns(bytes)
func (bN254VRFHarness *BN254VRFHarness) PackRequestMessage(chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte) []byte {
	enc, err := bN254VRFHarness.abi.Pack("requestMessage", chainId, market, requestId, kernelId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestMessage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2130bc48.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestMessage(uint256 chainId, address market, uint256 requestId, bytes32 kernelId) pure returns(bytes)
func (bN254VRFHarness *BN254VRFHarness) TryPackRequestMessage(chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("requestMessage", chainId, market, requestId, kernelId)
}

// UnpackRequestMessage is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2130bc48.
//
// Solidity: function requestMessage(uint256 chainId, address market, uint256 requestId, bytes32 kernelId) pure returns(bytes)
func (bN254VRFHarness *BN254VRFHarness) UnpackRequestMessage(data []byte) ([]byte, error) {
	out, err := bN254VRFHarness.abi.Unpack("requestMessage", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb926bc63.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function seed(uint256[2] sig) pure returns(bytes32)
func (bN254VRFHarness *BN254VRFHarness) PackSeed(sig [2]*big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("seed", sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb926bc63.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function seed(uint256[2] sig) pure returns(bytes32)
func (bN254VRFHarness *BN254VRFHarness) TryPackSeed(sig [2]*big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("seed", sig)
}

// UnpackSeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb926bc63.
//
// Solidity: function seed(uint256[2] sig) pure returns(bytes32)
func (bN254VRFHarness *BN254VRFHarness) UnpackSeed(data []byte) ([32]byte, error) {
	out, err := bN254VRFHarness.abi.Unpack("seed", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVerifiedSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9451add.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(bytes32)
func (bN254VRFHarness *BN254VRFHarness) PackVerifiedSeed(pk [4]*big.Int, chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte, sig [2]*big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("verifiedSeed", pk, chainId, market, requestId, kernelId, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifiedSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9451add.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(bytes32)
func (bN254VRFHarness *BN254VRFHarness) TryPackVerifiedSeed(pk [4]*big.Int, chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte, sig [2]*big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("verifiedSeed", pk, chainId, market, requestId, kernelId, sig)
}

// UnpackVerifiedSeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9451add.
//
// Solidity: function verifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(bytes32)
func (bN254VRFHarness *BN254VRFHarness) UnpackVerifiedSeed(data []byte) ([32]byte, error) {
	out, err := bN254VRFHarness.abi.Unpack("verifiedSeed", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e401c78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verify(uint256[4] pk, bytes message, uint256[2] sig) view returns(bool)
func (bN254VRFHarness *BN254VRFHarness) PackVerify(pk [4]*big.Int, message []byte, sig [2]*big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("verify", pk, message, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e401c78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verify(uint256[4] pk, bytes message, uint256[2] sig) view returns(bool)
func (bN254VRFHarness *BN254VRFHarness) TryPackVerify(pk [4]*big.Int, message []byte, sig [2]*big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("verify", pk, message, sig)
}

// UnpackVerify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1e401c78.
//
// Solidity: function verify(uint256[4] pk, bytes message, uint256[2] sig) view returns(bool)
func (bN254VRFHarness *BN254VRFHarness) UnpackVerify(data []byte) (bool, error) {
	out, err := bN254VRFHarness.abi.Unpack("verify", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVerifyPossession is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb20bda1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyPossession(uint256[4] pk, address owner, uint256[2] proof) view returns(bool)
func (bN254VRFHarness *BN254VRFHarness) PackVerifyPossession(pk [4]*big.Int, owner common.Address, proof [2]*big.Int) []byte {
	enc, err := bN254VRFHarness.abi.Pack("verifyPossession", pk, owner, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyPossession is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb20bda1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyPossession(uint256[4] pk, address owner, uint256[2] proof) view returns(bool)
func (bN254VRFHarness *BN254VRFHarness) TryPackVerifyPossession(pk [4]*big.Int, owner common.Address, proof [2]*big.Int) ([]byte, error) {
	return bN254VRFHarness.abi.Pack("verifyPossession", pk, owner, proof)
}

// UnpackVerifyPossession is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb20bda1.
//
// Solidity: function verifyPossession(uint256[4] pk, address owner, uint256[2] proof) view returns(bool)
func (bN254VRFHarness *BN254VRFHarness) UnpackVerifyPossession(data []byte) (bool, error) {
	out, err := bN254VRFHarness.abi.Unpack("verifyPossession", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (bN254VRFHarness *BN254VRFHarness) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["CoordinateOutOfRange"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackCoordinateOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["ExpandLengthInvalid"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackExpandLengthInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["PairingMismatch"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackPairingMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["PrecompileFailed"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackPrecompileFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["PublicKeyAtInfinity"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackPublicKeyAtInfinityError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["PublicKeyInvalid"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackPublicKeyInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["SignatureAtInfinity"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackSignatureAtInfinityError(raw[4:])
	}
	if bytes.Equal(raw[:4], bN254VRFHarness.abi.Errors["SignatureNotOnCurve"].ID.Bytes()[:4]) {
		return bN254VRFHarness.UnpackSignatureNotOnCurveError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// BN254VRFHarnessCoordinateOutOfRange represents a CoordinateOutOfRange error raised by the BN254VRFHarness contract.
type BN254VRFHarnessCoordinateOutOfRange struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CoordinateOutOfRange()
func BN254VRFHarnessCoordinateOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x0b3564f55f46d8385797887b4fba229dbbd2b49df7ba6faf6cf4d48967693a09")
}

// UnpackCoordinateOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CoordinateOutOfRange()
func (bN254VRFHarness *BN254VRFHarness) UnpackCoordinateOutOfRangeError(raw []byte) (*BN254VRFHarnessCoordinateOutOfRange, error) {
	out := new(BN254VRFHarnessCoordinateOutOfRange)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "CoordinateOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessExpandLengthInvalid represents a ExpandLengthInvalid error raised by the BN254VRFHarness contract.
type BN254VRFHarnessExpandLengthInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpandLengthInvalid()
func BN254VRFHarnessExpandLengthInvalidErrorID() common.Hash {
	return common.HexToHash("0xf662aab63ea3587531a9888bec952a40ed3816efd35da535cc0260b717c29aa3")
}

// UnpackExpandLengthInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpandLengthInvalid()
func (bN254VRFHarness *BN254VRFHarness) UnpackExpandLengthInvalidError(raw []byte) (*BN254VRFHarnessExpandLengthInvalid, error) {
	out := new(BN254VRFHarnessExpandLengthInvalid)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "ExpandLengthInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessPairingMismatch represents a PairingMismatch error raised by the BN254VRFHarness contract.
type BN254VRFHarnessPairingMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PairingMismatch()
func BN254VRFHarnessPairingMismatchErrorID() common.Hash {
	return common.HexToHash("0x36e116cd7f0f3321b4e3fc430412e958442245e95233f2d55c0596bd8ca8d1ee")
}

// UnpackPairingMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PairingMismatch()
func (bN254VRFHarness *BN254VRFHarness) UnpackPairingMismatchError(raw []byte) (*BN254VRFHarnessPairingMismatch, error) {
	out := new(BN254VRFHarnessPairingMismatch)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "PairingMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessPrecompileFailed represents a PrecompileFailed error raised by the BN254VRFHarness contract.
type BN254VRFHarnessPrecompileFailed struct {
	Which *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PrecompileFailed(uint256 which)
func BN254VRFHarnessPrecompileFailedErrorID() common.Hash {
	return common.HexToHash("0x00a48593f9c209d4d7e3b1ee4f754577225379f193a95f3a1400534a74238e14")
}

// UnpackPrecompileFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PrecompileFailed(uint256 which)
func (bN254VRFHarness *BN254VRFHarness) UnpackPrecompileFailedError(raw []byte) (*BN254VRFHarnessPrecompileFailed, error) {
	out := new(BN254VRFHarnessPrecompileFailed)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "PrecompileFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessPublicKeyAtInfinity represents a PublicKeyAtInfinity error raised by the BN254VRFHarness contract.
type BN254VRFHarnessPublicKeyAtInfinity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicKeyAtInfinity()
func BN254VRFHarnessPublicKeyAtInfinityErrorID() common.Hash {
	return common.HexToHash("0xf0d5bc413d9be0df09eccbb6a233e5350c3f52478ab96192d10269c11f17e37b")
}

// UnpackPublicKeyAtInfinityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicKeyAtInfinity()
func (bN254VRFHarness *BN254VRFHarness) UnpackPublicKeyAtInfinityError(raw []byte) (*BN254VRFHarnessPublicKeyAtInfinity, error) {
	out := new(BN254VRFHarnessPublicKeyAtInfinity)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "PublicKeyAtInfinity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessPublicKeyInvalid represents a PublicKeyInvalid error raised by the BN254VRFHarness contract.
type BN254VRFHarnessPublicKeyInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicKeyInvalid()
func BN254VRFHarnessPublicKeyInvalidErrorID() common.Hash {
	return common.HexToHash("0x9342014bb9a1d9760b67e6217c65355a9de3ef4ffaada763e779c992d4ef6566")
}

// UnpackPublicKeyInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicKeyInvalid()
func (bN254VRFHarness *BN254VRFHarness) UnpackPublicKeyInvalidError(raw []byte) (*BN254VRFHarnessPublicKeyInvalid, error) {
	out := new(BN254VRFHarnessPublicKeyInvalid)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "PublicKeyInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessSignatureAtInfinity represents a SignatureAtInfinity error raised by the BN254VRFHarness contract.
type BN254VRFHarnessSignatureAtInfinity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureAtInfinity()
func BN254VRFHarnessSignatureAtInfinityErrorID() common.Hash {
	return common.HexToHash("0x54656aa0463ac70f3a6eb55161a23d6fe66fc3c118a153363c2836e98352c56a")
}

// UnpackSignatureAtInfinityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureAtInfinity()
func (bN254VRFHarness *BN254VRFHarness) UnpackSignatureAtInfinityError(raw []byte) (*BN254VRFHarnessSignatureAtInfinity, error) {
	out := new(BN254VRFHarnessSignatureAtInfinity)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "SignatureAtInfinity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BN254VRFHarnessSignatureNotOnCurve represents a SignatureNotOnCurve error raised by the BN254VRFHarness contract.
type BN254VRFHarnessSignatureNotOnCurve struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureNotOnCurve()
func BN254VRFHarnessSignatureNotOnCurveErrorID() common.Hash {
	return common.HexToHash("0x75ea04af3703d3329fcb133d13cf7a119c45b6bcc808e06b1df969150fe970b1")
}

// UnpackSignatureNotOnCurveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureNotOnCurve()
func (bN254VRFHarness *BN254VRFHarness) UnpackSignatureNotOnCurveError(raw []byte) (*BN254VRFHarnessSignatureNotOnCurve, error) {
	out := new(BN254VRFHarnessSignatureNotOnCurve)
	if err := bN254VRFHarness.abi.UnpackIntoInterface(out, "SignatureNotOnCurve", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameMetaData contains all meta data concerning the DisputeGame contract.
var DisputeGameMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractMIPS\",\"name\":\"_mips\",\"type\":\"address\"},{\"internalType\":\"contractKernelRegistry\",\"name\":\"_registry\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_creator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"k\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"clockBudget\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"clockExtension\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"ASSERTER_WINS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CHALLENGER_WINS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CLOCK_BUDGET\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CLOCK_EXTENSION\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"IN_PROGRESS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"K\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"LOCAL_CLAIMED\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"LOCAL_NODE\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"LOCAL_PREV\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_K\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_K\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PHASE_G\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PHASE_V\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VM_SPAN\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VM_STATUS_VALID\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"asserterToMove\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"}],\"name\":\"choose\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"claimAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"claimTimeout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"initialState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"claimedFinalState\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"address\",\"name\":\"asserter\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"}],\"name\":\"create\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"creator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"gameCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"getGame\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"asserter\",\"type\":\"address\"},{\"internalType\":\"uint48\",\"name\":\"lastMoveAt\",\"type\":\"uint48\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"phase\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"splitPending\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"node\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"asserterClock\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"challengerClock\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lo\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"hi\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"loHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"hiHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"}],\"internalType\":\"structDisputeGame.Game\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"internalType\":\"uint32\",\"name\":\"node\",\"type\":\"uint32\"}],\"name\":\"localContext\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"ident\",\"type\":\"uint32\"}],\"name\":\"localKey\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"mips\",\"outputs\":[{\"internalType\":\"contractMIPS\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"oracle\",\"outputs\":[{\"internalType\":\"contractPreimageOracle\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractKernelRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"claims\",\"type\":\"bytes32[]\"}],\"name\":\"split\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"splitPoints\",\"outputs\":[{\"internalType\":\"uint64[]\",\"name\":\"ps\",\"type\":\"uint64[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"vmFinalState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"claims\",\"type\":\"bytes32[]\"}],\"name\":\"startVMPhase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"stateData\",\"type\":\"bytes\"}],\"name\":\"stateHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"h\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"status\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"stateData\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"step\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"phase\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"lo\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"hi\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"loHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"hiHash\",\"type\":\"bytes32\"}],\"name\":\"Chosen\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asserter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"initialState\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"claimedFinalState\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"}],\"name\":\"GameCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"byTimeout\",\"type\":\"bool\"}],\"name\":\"Resolved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"phase\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"lo\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"hi\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32[]\",\"name\":\"claims\",\"type\":\"bytes32[]\"}],\"name\":\"Split\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"vmStep\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"preStateHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"postStateHash\",\"type\":\"bytes32\"}],\"name\":\"Stepped\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"node\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"localContext\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"prestate\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"vmFinalState\",\"type\":\"bytes32\"}],\"name\":\"VMPhaseStarted\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"j\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"m\",\"type\":\"uint256\"}],\"name\":\"BadChoice\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"BadClaimCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"registered\",\"type\":\"uint32\"}],\"name\":\"BadGraphSize\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"vmFinalState\",\"type\":\"bytes32\"}],\"name\":\"BadVMFinalState\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ClockExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"elapsed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"}],\"name\":\"ClockNotExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"GameNotFound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"GameResolved\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidParameters\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidParties\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotCreator\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotYourTurn\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"WrongPhase\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"got\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"want\",\"type\":\"bytes32\"}],\"name\":\"WrongPreState\",\"type\":\"error\"}]",
	ID:  "a221a8884392a37513b3f0a99402440b22",
	Bin: "0x610160604052348015610010575f5ffd5b5060405161245238038061245283398101604081905261002f91610174565b600283108061003f575061010083115b8061005157506001600160401b038116155b8061006d5750806001600160401b0316826001600160401b0316105b8061007f57506001600160a01b038416155b1561009d57604051630e52390960e41b815260040160405180910390fd5b6001600160a01b0386166080819052604080516307dc0d1d60e41b81529051637dc0d1d0916004808201926020929091908290030181865afa1580156100e5573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061010991906101e6565b6001600160a01b0390811660a05294851660c0529290931660e052610100526001600160401b0391821661012052166101405250610208565b6001600160a01b0381168114610156575f5ffd5b50565b80516001600160401b038116811461016f575f5ffd5b919050565b5f5f5f5f5f5f60c08789031215610189575f5ffd5b865161019481610142565b60208801519096506101a581610142565b60408801519095506101b681610142565b606088015190945092506101cc60808801610159565b91506101da60a08801610159565b90509295509295509295565b5f602082840312156101f6575f5ffd5b815161020181610142565b9392505050565b60805160a05160c05160e0516101005161012051610140516121906102c25f395f8181610337015281816117140152818161174f015281816117ac01526117e601525f81816104370152610b1d01525f818161047e01528181610587015281816107f601528181610c71015261105f01525f8181610206015261094201525f81816103d6015281816109f1015261127801525f81816103fd0152818161111501526111b401525f818161026401526114bc01526121905ff3fe608060405234801561000f575f5ffd5b50600436106101fd575f3560e01c806362ae6b7811610114578063a932492f116100a9578063e0cd97af11610079578063e0cd97af146104bc578063e25ee26a146104cf578063e8281a1a146104e2578063f0a4190f146104f5578063f0c6782714610508575f5ffd5b8063a932492f14610479578063c6badc16146104a0578063c7f1fa10146104ac578063cd9652e0146104b4575f5ffd5b80637f3ff4fa116100e45780637f3ff4fa146102f457806386e773f11461041f5780639ab84c5214610432578063a2f77bcc14610459575f5ffd5b806362ae6b781461038e57806365359996146103b15780637b103999146103d15780637dc0d1d0146103f8575f5ffd5b806323548a8f11610195578063491263431161016557806349126343146103175780634d1975b41461032a5780634f90b0ea146103325780635b19c3ad14610371578063600f150c146102f4575f5ffd5b806323548a8f146102e15780633a8e7f78146102f45780633e4c6ab0146102fb57806342d21ef714610304575f5ffd5b806313ba8000116101d057806313ba800014610286578063160e09011461029b5780631c15d7af146102b15780631ea6a366146102ce575f5ffd5b806302d05d3f1461020157806302d3a651146102455780630605a51b1461025f578063118f924414610245575b5f5ffd5b6102287f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b61024d600181565b60405160ff909116815260200161023c565b6102287f000000000000000000000000000000000000000000000000000000000000000081565b610299610294366004611ae0565b610510565b005b6102a3600281565b60405190815260200161023c565b6102b9600381565b60405163ffffffff909116815260200161023c565b6102996102dc366004611b47565b61072e565b6102a36102ef366004611bcb565b61086e565b61024d5f81565b6102a361010081565b61024d610312366004611c09565b61091b565b6102a3610325366004611c4a565b610936565b6102a35f5481565b6103597f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160401b03909116815260200161023c565b6102a361037f366004611ca7565b63ffffffff16600160f81b1790565b6103a161039c366004611c09565b610bf6565b604051901515815260200161023c565b6103c46103bf366004611c09565b610c18565b60405161023c9190611cc2565b6102287f000000000000000000000000000000000000000000000000000000000000000081565b6102287f000000000000000000000000000000000000000000000000000000000000000081565b61029961042d366004611c09565b610d42565b6103597f000000000000000000000000000000000000000000000000000000000000000081565b61046c610467366004611c09565b610e04565b60405161023c9190611d0d565b6102a37f000000000000000000000000000000000000000000000000000000000000000081565b61035964010000000081565b6102b9600181565b61024d600281565b6102a36104ca366004611ae0565b610f64565b6102996104dd366004611e46565b610f8c565b6102996104f0366004611e94565b6113b0565b6102a3610503366004611f0b565b6115ee565b6102b9600281565b5f61051a8361162f565b60018101549091506001600160a01b03163314158061054257508054600160e01b900460ff16155b1561056057604051631cc191eb60e31b815260040160405180910390fd5b60028101546001600160401b03600160401b8204811691600160801b9004165f6105ab83837f000000000000000000000000000000000000000000000000000000000000000061166e565b90508085106105dc576040516353d8b02160e11b815260048101869052602481018290526044015b60405180910390fd5b6105e6845f611698565b5f5f6105f48585858a611867565b9092509050861561062e575f8881526002602052604081209061061860018a611f4d565b815260208101919091526040015f205460038701555b610639600184611f4d565b87101561065f575f8881526002602090815260408083208a845290915290205460048701555b600286018054600160401b600160c01b031916600160401b6001600160401b0385811691820267ffffffffffffffff60801b191692909217600160801b92851692830217909255875460ff60e01b1916808955600389015460048a01546040805160ff600160d81b909504949094168452602084018d90528301949094526060820192909252608081019190915260a081019190915288907f9a98ce7a7a235ba9c178c7f042b2f311cf4f956e593f49bb9dd736b35fb576ab9060c00160405180910390a25050505050505050565b5f6107388461162f565b60028082015491925090610765906001600160401b03600160401b8204811691600160801b900416611f60565b6001600160401b0316101561078d576040516338961af360e21b815260040160405180910390fd5b80546001600160a01b0316331415806107ae57508054600160e01b900460ff165b156107cc57604051631cc191eb60e31b815260040160405180910390fd5b60028101545f9060019061081a906001600160401b03600160401b8204811691600160801b9004167f000000000000000000000000000000000000000000000000000000000000000061166e565b6108249190611f4d565b905082811461085057604051639890939960e01b815260048101849052602481018290526044016105d3565b61085b826001611698565b610867858386866118c3565b5050505050565b5f6003604e831180156108a257508383604e81811061088f5761088f611f7f565b909101356001600160f81b031916151590505b156108de575f8484604d8181106108bb576108bb611f7f565b919091013560f81c915050600281106108d55760026108d7565b805b60ff169150505b83836040516108ee929190611f93565b604051908190039020915060f881901b61090d6001600160f81b611f4d565b909216919091179392505050565b5f6109258261198f565b54600160d01b900460ff1692915050565b5f336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146109825760405163c66f47bf60e01b81523360048201526024016105d3565b6001600160a01b038316158061099f57506001600160a01b038216155b806109bb5750816001600160a01b0316836001600160a01b0316145b156109d957604051635b72807f60e11b815260040160405180910390fd5b6040516366efd02160e01b8152600481018890525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906366efd021906024016040805180830381865afa158015610a3d573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610a619190611fa2565b91505063ffffffff85161580610a8357508063ffffffff168563ffffffff1614155b15610ab157604051630ed1744960e01b815263ffffffff8087166004830152821660248201526044016105d3565b5f5f8154610abe90611fc6565b91829055505f8181526001602081815260409283902080546001600160a01b038a81166001600160d01b03199092168217600160a01b4265ffffffffffff16021783559382018054948a1663ffffffff60a01b9095168517600160c01b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b03169081029190911790915560028301805477ffffffffffffffff0000000000000000ffffffffffffffff191690911763ffffffff8d16600160801b810291909117909155600383018e9055600483018d9055600583018f905585519485529284018d90529383018b905260608301919091529294508a9085907fdc1f8e6af7ea13e4e82e7b050870cb96f991f52772a6ffa9dfabbfc9c182a5819060800160405180910390a450509695505050505050565b5f610c12610c038361198f565b54600160e01b900460ff161590565b92915050565b60605f610c248361198f565b6002808201549192506001600160401b03600160401b8304811692600160801b90041690610c528383611f60565b6001600160401b03161015610c6957505050919050565b5f610c9583837f000000000000000000000000000000000000000000000000000000000000000061166e565b9050610ca2600182611f4d565b6001600160401b03811115610cb957610cb9611fde565b604051908082528060200260200182016040528015610ce2578160200160208202803683370190505b50945060015b81811015610d3857610cfc848484846119c7565b86610d08600184611f4d565b81518110610d1857610d18611f7f565b6001600160401b0390921660209283029190910190910152600101610ce8565b5050505050919050565b5f610d4c8261162f565b90505f610d63825460ff600160e01b909104161590565b82549091505f90610d8390600160a01b900465ffffffffffff1642611f4d565b90505f82610d9e5760028401546001600160401b0316610db4565b6001840154600160c01b90046001600160401b03165b6001600160401b03169050808211610de957604051635de88ccf60e11b815260048101839052602481018290526044016105d3565b610867858585610dfa576001610dfd565b60025b60016119fa565b604080516101c0810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e08101829052610100810182905261012081018290526101408101829052610160810182905261018081018290526101a0810191909152610e7d8261198f565b604080516101c08101825282546001600160a01b038082168352600160a01b80830465ffffffffffff166020850152600160d01b830460ff90811695850195909552600160d81b830485166060850152600160e01b90920490931615156080830152600184015492831660a0830152820463ffffffff1660c0820152600160c01b9091046001600160401b0390811660e08301526002830154808216610100840152600160401b81048216610120840152600160801b900416610140820152600382015461016082015260048201546101808201526005909101546101a082015292915050565b5f610f6e8361198f565b50505f91825260026020908152604080842092845291905290205490565b5f610f968561162f565b8054909150600160d81b900460ff16151580610fe357506002810154610fd5906001600160401b03600160401b8204811691600160801b900416611f60565b6001600160401b0316600114155b15611001576040516338961af360e21b815260040160405180910390fd5b80546001600160a01b0316331461102b57604051631cc191eb60e31b815260040160405180910390fd5b5f84811a1461105057604051630da004f160e11b8152600481018590526024016105d3565b5f60016110835f6401000000007f000000000000000000000000000000000000000000000000000000000000000061166e565b61108d9190611f4d565b90508281146110b957604051639890939960e01b815260048101849052602481018290526044016105d3565b6110c4826001611698565b6002820154600160801b90046001600160401b03165f6110e488836115ee565b905060015b600363ffffffff821611611259575f611103868386611a57565b6040516334da0fbf60e21b81529091507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063d3683efc9061116490600160f81b63ffffffff87161790879086905f90600401612020565b6020604051808303815f875af1158015611180573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906111a4919061204f565b506040516334da0fbf60e21b81527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063d3683efc9061120490600160f81b63ffffffff8716179087908690600890600401612020565b6020604051808303815f875af1158015611220573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611244919061204f565b5050808061125190612066565b9150506110e9565b5060058401546040516366efd02160e01b81525f916001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016916366efd021916112af9160040190815260200190565b6040805180830381865afa1580156112c9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906112ed9190611fa2565b50855460ff60d81b1916600160d81b17865560018601805463ffffffff8616600160a01b81810263ffffffff60a01b1990931692909217909255600288018054600160401b600160c01b031916909117905560038701829055600487018a905560408051918252602082018590528101829052606081018a905290915089907f999329f09f1fad21699fe16bb33ecbe10e09afff952a377d4c8e85dcea6c7cca9060800160405180910390a26113a5898689896118c3565b505050505050505050565b5f6113ba8661162f565b8054909150600160d81b900460ff166001141580611409575060028101546113fb906001600160401b03600160401b8204811691600160801b900416611f60565b6001600160401b0316600114155b15611427576040516338961af360e21b815260040160405180910390fd5b60018101548154600160c01b9091046001600160401b03169061145990600160a01b900465ffffffffffff1642611f4d565b1115611478576040516328dedbb960e21b815260040160405180910390fd5b5f611483868661086e565b9050816003015481146114b9576003820154604051639ef7a34d60e01b81526105d3918391600401918252602082015260400190565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663e14ced328888888861150b8e8a60010160149054906101000a900463ffffffff166115ee565b6040518663ffffffff1660e01b815260040161152b9594939291906120b2565b602060405180830381865afa158015611546573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061156a919061204f565b600284015460408051600160401b9092046001600160401b0316825260208201859052810182905290915088907fa6ac66f2d8dc6d2c02c8fef6e8d3392f89aff405561303fa56eb5ca9f0aa85569060600160405180910390a26115e48884856004015484146115db5760026115de565b60015b5f6119fa565b5050505050505050565b5f828263ffffffff16604051602001611611929190918252602082015260400190565b60405160208183030381529060405280519060200120905092915050565b5f6116398261198f565b8054909150600160d01b900460ff161561166957604051630ee7852d60e21b8152600481018390526024016105d3565b919050565b5f6001600160401b038085169084160382811061168b578261168d565b805b9150505b9392505050565b81545f906116b590600160a01b900465ffffffffffff1642611f4d565b600184015460028501549192506001600160401b03600160c01b90910481169116831561177457816001600160401b0316831115611706576040516328dedbb960e21b815260040160405180910390fd5b6117108383611f60565b91507f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316816001600160401b0316101561176f57507f00000000000000000000000000000000000000000000000000000000000000005b611808565b806001600160401b031683111561179e576040516328dedbb960e21b815260040160405180910390fd5b6117a88382611f60565b90507f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316826001600160401b03161015611808577f000000000000000000000000000000000000000000000000000000000000000091505b6001850180546001600160c01b0316600160c01b6001600160401b039485160217905560028501805467ffffffffffffffff1916919092161790555050805465ffffffffffff60a01b1916600160a01b4265ffffffffffff1602179055565b5f806001600160401b03808716908616038484820281611889576118896120eb565b04876001600160401b031601925084818560010102816118ab576118ab6120eb565b04876001600160401b03160191505094509492505050565b5f848152600260205260408120905b8281101561190d578383828181106118ec576118ec611f7f565b5f8481526020868152604090912091029290920135909155506001016118d2565b50835460ff60e01b1916600160e01b17808555600285015460405187927ff3402ef399d11b1e37a54da9ac80177c545bfaeb93930c703e74da09e3d9a64e9261198092600160d81b90920460ff16916001600160401b03600160401b8304811692600160801b90041690899089906120ff565b60405180910390a25050505050565b5f81815260016020526040902080546001600160a01b03166116695760405163d13b267760e01b8152600481018390526024016105d3565b5f828585036001600160401b03168302816119e4576119e46120eb565b04856001600160401b0316019050949350505050565b825460ff60d01b1916600160d01b60ff841690810291909117845560408051918252821515602083015285917fb9ee44df13f1af04c007141b51046ee35094c5ba247b2f08082ca335056330ec910160405180910390a250505050565b606060021963ffffffff841601611a98576040516001600160e01b031960e084901b1660208201526024016040516020818303038152906040529050611691565b63ffffffff8316600114611ab0578360040154611ab6565b83600301545b604051602001611ac891815260200190565b60405160208183030381529060405290509392505050565b5f5f60408385031215611af1575f5ffd5b50508035926020909101359150565b5f5f83601f840112611b10575f5ffd5b5081356001600160401b03811115611b26575f5ffd5b6020830191508360208260051b8501011115611b40575f5ffd5b9250929050565b5f5f5f60408486031215611b59575f5ffd5b8335925060208401356001600160401b03811115611b75575f5ffd5b611b8186828701611b00565b9497909650939450505050565b5f5f83601f840112611b9e575f5ffd5b5081356001600160401b03811115611bb4575f5ffd5b602083019150836020828501011115611b40575f5ffd5b5f5f60208385031215611bdc575f5ffd5b82356001600160401b03811115611bf1575f5ffd5b611bfd85828601611b8e565b90969095509350505050565b5f60208284031215611c19575f5ffd5b5035919050565b63ffffffff81168114611c31575f5ffd5b50565b80356001600160a01b0381168114611669575f5ffd5b5f5f5f5f5f5f60c08789031215611c5f575f5ffd5b8635955060208701359450604087013593506060870135611c7f81611c20565b9250611c8d60808801611c34565b9150611c9b60a08801611c34565b90509295509295509295565b5f60208284031215611cb7575f5ffd5b813561169181611c20565b602080825282518282018190525f918401906040840190835b81811015611d025783516001600160401b0316835260209384019390920191600101611cdb565b509095945050505050565b81516001600160a01b031681526101c081016020830151611d38602084018265ffffffffffff169052565b506040830151611d4d604084018260ff169052565b506060830151611d62606084018260ff169052565b506080830151611d76608084018215159052565b5060a0830151611d9160a08401826001600160a01b03169052565b5060c0830151611da960c084018263ffffffff169052565b5060e0830151611dc460e08401826001600160401b03169052565b50610100830151611de16101008401826001600160401b03169052565b50610120830151611dfe6101208401826001600160401b03169052565b50610140830151611e1b6101408401826001600160401b03169052565b506101608301516101608301526101808301516101808301526101a08301516101a083015292915050565b5f5f5f5f60608587031215611e59575f5ffd5b843593506020850135925060408501356001600160401b03811115611e7c575f5ffd5b611e8887828801611b00565b95989497509550505050565b5f5f5f5f5f60608688031215611ea8575f5ffd5b8535945060208601356001600160401b03811115611ec4575f5ffd5b611ed088828901611b8e565b90955093505060408601356001600160401b03811115611eee575f5ffd5b611efa88828901611b8e565b969995985093965092949392505050565b5f5f60408385031215611f1c575f5ffd5b823591506020830135611f2e81611c20565b809150509250929050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610c1257610c12611f39565b6001600160401b038281168282160390811115610c1257610c12611f39565b634e487b7160e01b5f52603260045260245ffd5b818382375f9101908152919050565b5f5f60408385031215611fb3575f5ffd5b82516020840151909250611f2e81611c20565b5f60018201611fd757611fd7611f39565b5060010190565b634e487b7160e01b5f52604160045260245ffd5b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b848152836020820152608060408201525f61203e6080830185611ff2565b905082606083015295945050505050565b5f6020828403121561205f575f5ffd5b5051919050565b5f63ffffffff821663ffffffff810361208157612081611f39565b60010192915050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b606081525f6120c560608301878961208a565b82810360208401526120d881868861208a565b9150508260408301529695505050505050565b634e487b7160e01b5f52601260045260245ffd5b60ff861681526001600160401b0385811660208301528416604082015260806060820181905281018290525f6001600160fb1b0383111561213e575f5ffd5b8260051b808560a08501379190910160a001969550505050505056fea2646970667358221220c1602fdc1187ea4fb74cff02b48f7548bcfe336e80195d18560d938dfd1a882d64736f6c63430008250033",
}

// DisputeGame is an auto generated Go binding around an Ethereum contract.
type DisputeGame struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *DisputeGame) GetABI() abi.ABI {
	return c.abi
}

// NewDisputeGame creates a new instance of DisputeGame.
func NewDisputeGame() *DisputeGame {
	parsed, err := DisputeGameMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &DisputeGame{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *DisputeGame) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _mips, address _registry, address _creator, uint256 k, uint64 clockBudget, uint64 clockExtension) returns()
func (disputeGame *DisputeGame) PackConstructor(_mips common.Address, _registry common.Address, _creator common.Address, k *big.Int, clockBudget uint64, clockExtension uint64) []byte {
	enc, err := disputeGame.abi.Pack("", _mips, _registry, _creator, k, clockBudget, clockExtension)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackASSERTERWINS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x118f9244.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ASSERTER_WINS() view returns(uint8)
func (disputeGame *DisputeGame) PackASSERTERWINS() []byte {
	enc, err := disputeGame.abi.Pack("ASSERTER_WINS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackASSERTERWINS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x118f9244.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ASSERTER_WINS() view returns(uint8)
func (disputeGame *DisputeGame) TryPackASSERTERWINS() ([]byte, error) {
	return disputeGame.abi.Pack("ASSERTER_WINS")
}

// UnpackASSERTERWINS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x118f9244.
//
// Solidity: function ASSERTER_WINS() view returns(uint8)
func (disputeGame *DisputeGame) UnpackASSERTERWINS(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("ASSERTER_WINS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackCHALLENGERWINS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcd9652e0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CHALLENGER_WINS() view returns(uint8)
func (disputeGame *DisputeGame) PackCHALLENGERWINS() []byte {
	enc, err := disputeGame.abi.Pack("CHALLENGER_WINS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCHALLENGERWINS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcd9652e0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CHALLENGER_WINS() view returns(uint8)
func (disputeGame *DisputeGame) TryPackCHALLENGERWINS() ([]byte, error) {
	return disputeGame.abi.Pack("CHALLENGER_WINS")
}

// UnpackCHALLENGERWINS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcd9652e0.
//
// Solidity: function CHALLENGER_WINS() view returns(uint8)
func (disputeGame *DisputeGame) UnpackCHALLENGERWINS(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("CHALLENGER_WINS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackCLOCKBUDGET is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ab84c52.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CLOCK_BUDGET() view returns(uint64)
func (disputeGame *DisputeGame) PackCLOCKBUDGET() []byte {
	enc, err := disputeGame.abi.Pack("CLOCK_BUDGET")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCLOCKBUDGET is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ab84c52.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CLOCK_BUDGET() view returns(uint64)
func (disputeGame *DisputeGame) TryPackCLOCKBUDGET() ([]byte, error) {
	return disputeGame.abi.Pack("CLOCK_BUDGET")
}

// UnpackCLOCKBUDGET is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9ab84c52.
//
// Solidity: function CLOCK_BUDGET() view returns(uint64)
func (disputeGame *DisputeGame) UnpackCLOCKBUDGET(data []byte) (uint64, error) {
	out, err := disputeGame.abi.Unpack("CLOCK_BUDGET", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackCLOCKEXTENSION is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f90b0ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CLOCK_EXTENSION() view returns(uint64)
func (disputeGame *DisputeGame) PackCLOCKEXTENSION() []byte {
	enc, err := disputeGame.abi.Pack("CLOCK_EXTENSION")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCLOCKEXTENSION is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f90b0ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CLOCK_EXTENSION() view returns(uint64)
func (disputeGame *DisputeGame) TryPackCLOCKEXTENSION() ([]byte, error) {
	return disputeGame.abi.Pack("CLOCK_EXTENSION")
}

// UnpackCLOCKEXTENSION is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4f90b0ea.
//
// Solidity: function CLOCK_EXTENSION() view returns(uint64)
func (disputeGame *DisputeGame) UnpackCLOCKEXTENSION(data []byte) (uint64, error) {
	out, err := disputeGame.abi.Unpack("CLOCK_EXTENSION", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackINPROGRESS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x600f150c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function IN_PROGRESS() view returns(uint8)
func (disputeGame *DisputeGame) PackINPROGRESS() []byte {
	enc, err := disputeGame.abi.Pack("IN_PROGRESS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackINPROGRESS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x600f150c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function IN_PROGRESS() view returns(uint8)
func (disputeGame *DisputeGame) TryPackINPROGRESS() ([]byte, error) {
	return disputeGame.abi.Pack("IN_PROGRESS")
}

// UnpackINPROGRESS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x600f150c.
//
// Solidity: function IN_PROGRESS() view returns(uint8)
func (disputeGame *DisputeGame) UnpackINPROGRESS(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("IN_PROGRESS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa932492f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function K() view returns(uint256)
func (disputeGame *DisputeGame) PackK() []byte {
	enc, err := disputeGame.abi.Pack("K")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa932492f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function K() view returns(uint256)
func (disputeGame *DisputeGame) TryPackK() ([]byte, error) {
	return disputeGame.abi.Pack("K")
}

// UnpackK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa932492f.
//
// Solidity: function K() view returns(uint256)
func (disputeGame *DisputeGame) UnpackK(data []byte) (*big.Int, error) {
	out, err := disputeGame.abi.Unpack("K", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLOCALCLAIMED is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0c67827.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function LOCAL_CLAIMED() view returns(uint32)
func (disputeGame *DisputeGame) PackLOCALCLAIMED() []byte {
	enc, err := disputeGame.abi.Pack("LOCAL_CLAIMED")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLOCALCLAIMED is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0c67827.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function LOCAL_CLAIMED() view returns(uint32)
func (disputeGame *DisputeGame) TryPackLOCALCLAIMED() ([]byte, error) {
	return disputeGame.abi.Pack("LOCAL_CLAIMED")
}

// UnpackLOCALCLAIMED is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf0c67827.
//
// Solidity: function LOCAL_CLAIMED() view returns(uint32)
func (disputeGame *DisputeGame) UnpackLOCALCLAIMED(data []byte) (uint32, error) {
	out, err := disputeGame.abi.Unpack("LOCAL_CLAIMED", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackLOCALNODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c15d7af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function LOCAL_NODE() view returns(uint32)
func (disputeGame *DisputeGame) PackLOCALNODE() []byte {
	enc, err := disputeGame.abi.Pack("LOCAL_NODE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLOCALNODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c15d7af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function LOCAL_NODE() view returns(uint32)
func (disputeGame *DisputeGame) TryPackLOCALNODE() ([]byte, error) {
	return disputeGame.abi.Pack("LOCAL_NODE")
}

// UnpackLOCALNODE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1c15d7af.
//
// Solidity: function LOCAL_NODE() view returns(uint32)
func (disputeGame *DisputeGame) UnpackLOCALNODE(data []byte) (uint32, error) {
	out, err := disputeGame.abi.Unpack("LOCAL_NODE", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackLOCALPREV is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7f1fa10.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function LOCAL_PREV() view returns(uint32)
func (disputeGame *DisputeGame) PackLOCALPREV() []byte {
	enc, err := disputeGame.abi.Pack("LOCAL_PREV")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLOCALPREV is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7f1fa10.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function LOCAL_PREV() view returns(uint32)
func (disputeGame *DisputeGame) TryPackLOCALPREV() ([]byte, error) {
	return disputeGame.abi.Pack("LOCAL_PREV")
}

// UnpackLOCALPREV is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc7f1fa10.
//
// Solidity: function LOCAL_PREV() view returns(uint32)
func (disputeGame *DisputeGame) UnpackLOCALPREV(data []byte) (uint32, error) {
	out, err := disputeGame.abi.Unpack("LOCAL_PREV", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMAXK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e4c6ab0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_K() view returns(uint256)
func (disputeGame *DisputeGame) PackMAXK() []byte {
	enc, err := disputeGame.abi.Pack("MAX_K")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e4c6ab0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_K() view returns(uint256)
func (disputeGame *DisputeGame) TryPackMAXK() ([]byte, error) {
	return disputeGame.abi.Pack("MAX_K")
}

// UnpackMAXK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3e4c6ab0.
//
// Solidity: function MAX_K() view returns(uint256)
func (disputeGame *DisputeGame) UnpackMAXK(data []byte) (*big.Int, error) {
	out, err := disputeGame.abi.Unpack("MAX_K", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMINK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x160e0901.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_K() view returns(uint256)
func (disputeGame *DisputeGame) PackMINK() []byte {
	enc, err := disputeGame.abi.Pack("MIN_K")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x160e0901.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_K() view returns(uint256)
func (disputeGame *DisputeGame) TryPackMINK() ([]byte, error) {
	return disputeGame.abi.Pack("MIN_K")
}

// UnpackMINK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x160e0901.
//
// Solidity: function MIN_K() view returns(uint256)
func (disputeGame *DisputeGame) UnpackMINK(data []byte) (*big.Int, error) {
	out, err := disputeGame.abi.Unpack("MIN_K", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPHASEG is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f3ff4fa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PHASE_G() view returns(uint8)
func (disputeGame *DisputeGame) PackPHASEG() []byte {
	enc, err := disputeGame.abi.Pack("PHASE_G")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPHASEG is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f3ff4fa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PHASE_G() view returns(uint8)
func (disputeGame *DisputeGame) TryPackPHASEG() ([]byte, error) {
	return disputeGame.abi.Pack("PHASE_G")
}

// UnpackPHASEG is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7f3ff4fa.
//
// Solidity: function PHASE_G() view returns(uint8)
func (disputeGame *DisputeGame) UnpackPHASEG(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("PHASE_G", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPHASEV is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02d3a651.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PHASE_V() view returns(uint8)
func (disputeGame *DisputeGame) PackPHASEV() []byte {
	enc, err := disputeGame.abi.Pack("PHASE_V")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPHASEV is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02d3a651.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PHASE_V() view returns(uint8)
func (disputeGame *DisputeGame) TryPackPHASEV() ([]byte, error) {
	return disputeGame.abi.Pack("PHASE_V")
}

// UnpackPHASEV is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x02d3a651.
//
// Solidity: function PHASE_V() view returns(uint8)
func (disputeGame *DisputeGame) UnpackPHASEV(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("PHASE_V", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackVMSPAN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6badc16.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VM_SPAN() view returns(uint64)
func (disputeGame *DisputeGame) PackVMSPAN() []byte {
	enc, err := disputeGame.abi.Pack("VM_SPAN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVMSPAN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6badc16.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VM_SPAN() view returns(uint64)
func (disputeGame *DisputeGame) TryPackVMSPAN() ([]byte, error) {
	return disputeGame.abi.Pack("VM_SPAN")
}

// UnpackVMSPAN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6badc16.
//
// Solidity: function VM_SPAN() view returns(uint64)
func (disputeGame *DisputeGame) UnpackVMSPAN(data []byte) (uint64, error) {
	out, err := disputeGame.abi.Unpack("VM_SPAN", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackVMSTATUSVALID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a8e7f78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VM_STATUS_VALID() view returns(uint8)
func (disputeGame *DisputeGame) PackVMSTATUSVALID() []byte {
	enc, err := disputeGame.abi.Pack("VM_STATUS_VALID")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVMSTATUSVALID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a8e7f78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VM_STATUS_VALID() view returns(uint8)
func (disputeGame *DisputeGame) TryPackVMSTATUSVALID() ([]byte, error) {
	return disputeGame.abi.Pack("VM_STATUS_VALID")
}

// UnpackVMSTATUSVALID is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3a8e7f78.
//
// Solidity: function VM_STATUS_VALID() view returns(uint8)
func (disputeGame *DisputeGame) UnpackVMSTATUSVALID(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("VM_STATUS_VALID", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAsserterToMove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62ae6b78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function asserterToMove(uint256 gameId) view returns(bool)
func (disputeGame *DisputeGame) PackAsserterToMove(gameId *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("asserterToMove", gameId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAsserterToMove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62ae6b78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function asserterToMove(uint256 gameId) view returns(bool)
func (disputeGame *DisputeGame) TryPackAsserterToMove(gameId *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("asserterToMove", gameId)
}

// UnpackAsserterToMove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x62ae6b78.
//
// Solidity: function asserterToMove(uint256 gameId) view returns(bool)
func (disputeGame *DisputeGame) UnpackAsserterToMove(data []byte) (bool, error) {
	out, err := disputeGame.abi.Unpack("asserterToMove", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackChoose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x13ba8000.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function choose(uint256 gameId, uint256 j) returns()
func (disputeGame *DisputeGame) PackChoose(gameId *big.Int, j *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("choose", gameId, j)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChoose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x13ba8000.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function choose(uint256 gameId, uint256 j) returns()
func (disputeGame *DisputeGame) TryPackChoose(gameId *big.Int, j *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("choose", gameId, j)
}

// PackClaimAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0cd97af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimAt(uint256 gameId, uint256 i) view returns(bytes32)
func (disputeGame *DisputeGame) PackClaimAt(gameId *big.Int, i *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("claimAt", gameId, i)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0cd97af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimAt(uint256 gameId, uint256 i) view returns(bytes32)
func (disputeGame *DisputeGame) TryPackClaimAt(gameId *big.Int, i *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("claimAt", gameId, i)
}

// UnpackClaimAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe0cd97af.
//
// Solidity: function claimAt(uint256 gameId, uint256 i) view returns(bytes32)
func (disputeGame *DisputeGame) UnpackClaimAt(data []byte) ([32]byte, error) {
	out, err := disputeGame.abi.Unpack("claimAt", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackClaimTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86e773f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimTimeout(uint256 gameId) returns()
func (disputeGame *DisputeGame) PackClaimTimeout(gameId *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("claimTimeout", gameId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86e773f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimTimeout(uint256 gameId) returns()
func (disputeGame *DisputeGame) TryPackClaimTimeout(gameId *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("claimTimeout", gameId)
}

// PackCreate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49126343.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function create(bytes32 kernelId, bytes32 initialState, bytes32 claimedFinalState, uint32 graphSize, address asserter, address challenger) returns(uint256 gameId)
func (disputeGame *DisputeGame) PackCreate(kernelId [32]byte, initialState [32]byte, claimedFinalState [32]byte, graphSize uint32, asserter common.Address, challenger common.Address) []byte {
	enc, err := disputeGame.abi.Pack("create", kernelId, initialState, claimedFinalState, graphSize, asserter, challenger)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49126343.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function create(bytes32 kernelId, bytes32 initialState, bytes32 claimedFinalState, uint32 graphSize, address asserter, address challenger) returns(uint256 gameId)
func (disputeGame *DisputeGame) TryPackCreate(kernelId [32]byte, initialState [32]byte, claimedFinalState [32]byte, graphSize uint32, asserter common.Address, challenger common.Address) ([]byte, error) {
	return disputeGame.abi.Pack("create", kernelId, initialState, claimedFinalState, graphSize, asserter, challenger)
}

// UnpackCreate is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x49126343.
//
// Solidity: function create(bytes32 kernelId, bytes32 initialState, bytes32 claimedFinalState, uint32 graphSize, address asserter, address challenger) returns(uint256 gameId)
func (disputeGame *DisputeGame) UnpackCreate(data []byte) (*big.Int, error) {
	out, err := disputeGame.abi.Unpack("create", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCreator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02d05d3f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function creator() view returns(address)
func (disputeGame *DisputeGame) PackCreator() []byte {
	enc, err := disputeGame.abi.Pack("creator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02d05d3f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function creator() view returns(address)
func (disputeGame *DisputeGame) TryPackCreator() ([]byte, error) {
	return disputeGame.abi.Pack("creator")
}

// UnpackCreator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x02d05d3f.
//
// Solidity: function creator() view returns(address)
func (disputeGame *DisputeGame) UnpackCreator(data []byte) (common.Address, error) {
	out, err := disputeGame.abi.Unpack("creator", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGameCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d1975b4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function gameCount() view returns(uint256)
func (disputeGame *DisputeGame) PackGameCount() []byte {
	enc, err := disputeGame.abi.Pack("gameCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGameCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d1975b4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function gameCount() view returns(uint256)
func (disputeGame *DisputeGame) TryPackGameCount() ([]byte, error) {
	return disputeGame.abi.Pack("gameCount")
}

// UnpackGameCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4d1975b4.
//
// Solidity: function gameCount() view returns(uint256)
func (disputeGame *DisputeGame) UnpackGameCount(data []byte) (*big.Int, error) {
	out, err := disputeGame.abi.Unpack("gameCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetGame is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2f77bcc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getGame(uint256 gameId) view returns((address,uint48,uint8,uint8,bool,address,uint32,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32))
func (disputeGame *DisputeGame) PackGetGame(gameId *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("getGame", gameId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetGame is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2f77bcc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getGame(uint256 gameId) view returns((address,uint48,uint8,uint8,bool,address,uint32,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32))
func (disputeGame *DisputeGame) TryPackGetGame(gameId *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("getGame", gameId)
}

// UnpackGetGame is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2f77bcc.
//
// Solidity: function getGame(uint256 gameId) view returns((address,uint48,uint8,uint8,bool,address,uint32,uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32))
func (disputeGame *DisputeGame) UnpackGetGame(data []byte) (DisputeGameGame, error) {
	out, err := disputeGame.abi.Unpack("getGame", data)
	if err != nil {
		return *new(DisputeGameGame), err
	}
	out0 := *abi.ConvertType(out[0], new(DisputeGameGame)).(*DisputeGameGame)
	return out0, nil
}

// PackLocalContext is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0a4190f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function localContext(uint256 gameId, uint32 node) pure returns(bytes32)
func (disputeGame *DisputeGame) PackLocalContext(gameId *big.Int, node uint32) []byte {
	enc, err := disputeGame.abi.Pack("localContext", gameId, node)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLocalContext is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0a4190f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function localContext(uint256 gameId, uint32 node) pure returns(bytes32)
func (disputeGame *DisputeGame) TryPackLocalContext(gameId *big.Int, node uint32) ([]byte, error) {
	return disputeGame.abi.Pack("localContext", gameId, node)
}

// UnpackLocalContext is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf0a4190f.
//
// Solidity: function localContext(uint256 gameId, uint32 node) pure returns(bytes32)
func (disputeGame *DisputeGame) UnpackLocalContext(data []byte) ([32]byte, error) {
	out, err := disputeGame.abi.Unpack("localContext", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLocalKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b19c3ad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function localKey(uint32 ident) pure returns(bytes32)
func (disputeGame *DisputeGame) PackLocalKey(ident uint32) []byte {
	enc, err := disputeGame.abi.Pack("localKey", ident)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLocalKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b19c3ad.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function localKey(uint32 ident) pure returns(bytes32)
func (disputeGame *DisputeGame) TryPackLocalKey(ident uint32) ([]byte, error) {
	return disputeGame.abi.Pack("localKey", ident)
}

// UnpackLocalKey is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5b19c3ad.
//
// Solidity: function localKey(uint32 ident) pure returns(bytes32)
func (disputeGame *DisputeGame) UnpackLocalKey(data []byte) ([32]byte, error) {
	out, err := disputeGame.abi.Unpack("localKey", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMips is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0605a51b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mips() view returns(address)
func (disputeGame *DisputeGame) PackMips() []byte {
	enc, err := disputeGame.abi.Pack("mips")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMips is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0605a51b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mips() view returns(address)
func (disputeGame *DisputeGame) TryPackMips() ([]byte, error) {
	return disputeGame.abi.Pack("mips")
}

// UnpackMips is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0605a51b.
//
// Solidity: function mips() view returns(address)
func (disputeGame *DisputeGame) UnpackMips(data []byte) (common.Address, error) {
	out, err := disputeGame.abi.Unpack("mips", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function oracle() view returns(address)
func (disputeGame *DisputeGame) PackOracle() []byte {
	enc, err := disputeGame.abi.Pack("oracle")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function oracle() view returns(address)
func (disputeGame *DisputeGame) TryPackOracle() ([]byte, error) {
	return disputeGame.abi.Pack("oracle")
}

// UnpackOracle is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7dc0d1d0.
//
// Solidity: function oracle() view returns(address)
func (disputeGame *DisputeGame) UnpackOracle(data []byte) (common.Address, error) {
	out, err := disputeGame.abi.Unpack("oracle", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (disputeGame *DisputeGame) PackRegistry() []byte {
	enc, err := disputeGame.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (disputeGame *DisputeGame) TryPackRegistry() ([]byte, error) {
	return disputeGame.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (disputeGame *DisputeGame) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := disputeGame.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSplit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ea6a366.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function split(uint256 gameId, bytes32[] claims) returns()
func (disputeGame *DisputeGame) PackSplit(gameId *big.Int, claims [][32]byte) []byte {
	enc, err := disputeGame.abi.Pack("split", gameId, claims)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSplit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1ea6a366.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function split(uint256 gameId, bytes32[] claims) returns()
func (disputeGame *DisputeGame) TryPackSplit(gameId *big.Int, claims [][32]byte) ([]byte, error) {
	return disputeGame.abi.Pack("split", gameId, claims)
}

// PackSplitPoints is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65359996.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function splitPoints(uint256 gameId) view returns(uint64[] ps)
func (disputeGame *DisputeGame) PackSplitPoints(gameId *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("splitPoints", gameId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSplitPoints is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65359996.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function splitPoints(uint256 gameId) view returns(uint64[] ps)
func (disputeGame *DisputeGame) TryPackSplitPoints(gameId *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("splitPoints", gameId)
}

// UnpackSplitPoints is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x65359996.
//
// Solidity: function splitPoints(uint256 gameId) view returns(uint64[] ps)
func (disputeGame *DisputeGame) UnpackSplitPoints(data []byte) ([]uint64, error) {
	out, err := disputeGame.abi.Unpack("splitPoints", data)
	if err != nil {
		return *new([]uint64), err
	}
	out0 := *abi.ConvertType(out[0], new([]uint64)).(*[]uint64)
	return out0, nil
}

// PackStartVMPhase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe25ee26a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function startVMPhase(uint256 gameId, bytes32 vmFinalState, bytes32[] claims) returns()
func (disputeGame *DisputeGame) PackStartVMPhase(gameId *big.Int, vmFinalState [32]byte, claims [][32]byte) []byte {
	enc, err := disputeGame.abi.Pack("startVMPhase", gameId, vmFinalState, claims)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStartVMPhase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe25ee26a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function startVMPhase(uint256 gameId, bytes32 vmFinalState, bytes32[] claims) returns()
func (disputeGame *DisputeGame) TryPackStartVMPhase(gameId *big.Int, vmFinalState [32]byte, claims [][32]byte) ([]byte, error) {
	return disputeGame.abi.Pack("startVMPhase", gameId, vmFinalState, claims)
}

// PackStateHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23548a8f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stateHash(bytes stateData) pure returns(bytes32 h)
func (disputeGame *DisputeGame) PackStateHash(stateData []byte) []byte {
	enc, err := disputeGame.abi.Pack("stateHash", stateData)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStateHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23548a8f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stateHash(bytes stateData) pure returns(bytes32 h)
func (disputeGame *DisputeGame) TryPackStateHash(stateData []byte) ([]byte, error) {
	return disputeGame.abi.Pack("stateHash", stateData)
}

// UnpackStateHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23548a8f.
//
// Solidity: function stateHash(bytes stateData) pure returns(bytes32 h)
func (disputeGame *DisputeGame) UnpackStateHash(data []byte) ([32]byte, error) {
	out, err := disputeGame.abi.Unpack("stateHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42d21ef7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function status(uint256 gameId) view returns(uint8)
func (disputeGame *DisputeGame) PackStatus(gameId *big.Int) []byte {
	enc, err := disputeGame.abi.Pack("status", gameId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42d21ef7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function status(uint256 gameId) view returns(uint8)
func (disputeGame *DisputeGame) TryPackStatus(gameId *big.Int) ([]byte, error) {
	return disputeGame.abi.Pack("status", gameId)
}

// UnpackStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42d21ef7.
//
// Solidity: function status(uint256 gameId) view returns(uint8)
func (disputeGame *DisputeGame) UnpackStatus(data []byte) (uint8, error) {
	out, err := disputeGame.abi.Unpack("status", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackStep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8281a1a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function step(uint256 gameId, bytes stateData, bytes proof) returns()
func (disputeGame *DisputeGame) PackStep(gameId *big.Int, stateData []byte, proof []byte) []byte {
	enc, err := disputeGame.abi.Pack("step", gameId, stateData, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8281a1a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function step(uint256 gameId, bytes stateData, bytes proof) returns()
func (disputeGame *DisputeGame) TryPackStep(gameId *big.Int, stateData []byte, proof []byte) ([]byte, error) {
	return disputeGame.abi.Pack("step", gameId, stateData, proof)
}

// DisputeGameChosen represents a Chosen event raised by the DisputeGame contract.
type DisputeGameChosen struct {
	GameId *big.Int
	Phase  uint8
	J      *big.Int
	Lo     uint64
	Hi     uint64
	LoHash [32]byte
	HiHash [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const DisputeGameChosenEventName = "Chosen"

// ContractEventName returns the user-defined event name.
func (DisputeGameChosen) ContractEventName() string {
	return DisputeGameChosenEventName
}

// UnpackChosenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Chosen(uint256 indexed gameId, uint8 phase, uint256 j, uint64 lo, uint64 hi, bytes32 loHash, bytes32 hiHash)
func (disputeGame *DisputeGame) UnpackChosenEvent(log *types.Log) (*DisputeGameChosen, error) {
	event := "Chosen"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != disputeGame.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DisputeGameChosen)
	if len(log.Data) > 0 {
		if err := disputeGame.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range disputeGame.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DisputeGameGameCreated represents a GameCreated event raised by the DisputeGame contract.
type DisputeGameGameCreated struct {
	GameId            *big.Int
	KernelId          [32]byte
	Asserter          common.Address
	Challenger        common.Address
	InitialState      [32]byte
	ClaimedFinalState [32]byte
	GraphSize         uint32
	Raw               *types.Log // Blockchain specific contextual infos
}

const DisputeGameGameCreatedEventName = "GameCreated"

// ContractEventName returns the user-defined event name.
func (DisputeGameGameCreated) ContractEventName() string {
	return DisputeGameGameCreatedEventName
}

// UnpackGameCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GameCreated(uint256 indexed gameId, bytes32 indexed kernelId, address indexed asserter, address challenger, bytes32 initialState, bytes32 claimedFinalState, uint32 graphSize)
func (disputeGame *DisputeGame) UnpackGameCreatedEvent(log *types.Log) (*DisputeGameGameCreated, error) {
	event := "GameCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != disputeGame.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DisputeGameGameCreated)
	if len(log.Data) > 0 {
		if err := disputeGame.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range disputeGame.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DisputeGameResolved represents a Resolved event raised by the DisputeGame contract.
type DisputeGameResolved struct {
	GameId    *big.Int
	Status    uint8
	ByTimeout bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const DisputeGameResolvedEventName = "Resolved"

// ContractEventName returns the user-defined event name.
func (DisputeGameResolved) ContractEventName() string {
	return DisputeGameResolvedEventName
}

// UnpackResolvedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Resolved(uint256 indexed gameId, uint8 status, bool byTimeout)
func (disputeGame *DisputeGame) UnpackResolvedEvent(log *types.Log) (*DisputeGameResolved, error) {
	event := "Resolved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != disputeGame.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DisputeGameResolved)
	if len(log.Data) > 0 {
		if err := disputeGame.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range disputeGame.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DisputeGameSplit represents a Split event raised by the DisputeGame contract.
type DisputeGameSplit struct {
	GameId *big.Int
	Phase  uint8
	Lo     uint64
	Hi     uint64
	Claims [][32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const DisputeGameSplitEventName = "Split"

// ContractEventName returns the user-defined event name.
func (DisputeGameSplit) ContractEventName() string {
	return DisputeGameSplitEventName
}

// UnpackSplitEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Split(uint256 indexed gameId, uint8 phase, uint64 lo, uint64 hi, bytes32[] claims)
func (disputeGame *DisputeGame) UnpackSplitEvent(log *types.Log) (*DisputeGameSplit, error) {
	event := "Split"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != disputeGame.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DisputeGameSplit)
	if len(log.Data) > 0 {
		if err := disputeGame.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range disputeGame.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DisputeGameStepped represents a Stepped event raised by the DisputeGame contract.
type DisputeGameStepped struct {
	GameId        *big.Int
	VmStep        uint64
	PreStateHash  [32]byte
	PostStateHash [32]byte
	Raw           *types.Log // Blockchain specific contextual infos
}

const DisputeGameSteppedEventName = "Stepped"

// ContractEventName returns the user-defined event name.
func (DisputeGameStepped) ContractEventName() string {
	return DisputeGameSteppedEventName
}

// UnpackSteppedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Stepped(uint256 indexed gameId, uint64 vmStep, bytes32 preStateHash, bytes32 postStateHash)
func (disputeGame *DisputeGame) UnpackSteppedEvent(log *types.Log) (*DisputeGameStepped, error) {
	event := "Stepped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != disputeGame.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DisputeGameStepped)
	if len(log.Data) > 0 {
		if err := disputeGame.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range disputeGame.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DisputeGameVMPhaseStarted represents a VMPhaseStarted event raised by the DisputeGame contract.
type DisputeGameVMPhaseStarted struct {
	GameId       *big.Int
	Node         uint32
	LocalContext [32]byte
	Prestate     [32]byte
	VmFinalState [32]byte
	Raw          *types.Log // Blockchain specific contextual infos
}

const DisputeGameVMPhaseStartedEventName = "VMPhaseStarted"

// ContractEventName returns the user-defined event name.
func (DisputeGameVMPhaseStarted) ContractEventName() string {
	return DisputeGameVMPhaseStartedEventName
}

// UnpackVMPhaseStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VMPhaseStarted(uint256 indexed gameId, uint32 node, bytes32 localContext, bytes32 prestate, bytes32 vmFinalState)
func (disputeGame *DisputeGame) UnpackVMPhaseStartedEvent(log *types.Log) (*DisputeGameVMPhaseStarted, error) {
	event := "VMPhaseStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != disputeGame.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DisputeGameVMPhaseStarted)
	if len(log.Data) > 0 {
		if err := disputeGame.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range disputeGame.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (disputeGame *DisputeGame) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["BadChoice"].ID.Bytes()[:4]) {
		return disputeGame.UnpackBadChoiceError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["BadClaimCount"].ID.Bytes()[:4]) {
		return disputeGame.UnpackBadClaimCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["BadGraphSize"].ID.Bytes()[:4]) {
		return disputeGame.UnpackBadGraphSizeError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["BadVMFinalState"].ID.Bytes()[:4]) {
		return disputeGame.UnpackBadVMFinalStateError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["ClockExpired"].ID.Bytes()[:4]) {
		return disputeGame.UnpackClockExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["ClockNotExpired"].ID.Bytes()[:4]) {
		return disputeGame.UnpackClockNotExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["GameNotFound"].ID.Bytes()[:4]) {
		return disputeGame.UnpackGameNotFoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["GameResolved"].ID.Bytes()[:4]) {
		return disputeGame.UnpackGameResolvedError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["InvalidParameters"].ID.Bytes()[:4]) {
		return disputeGame.UnpackInvalidParametersError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["InvalidParties"].ID.Bytes()[:4]) {
		return disputeGame.UnpackInvalidPartiesError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["NotCreator"].ID.Bytes()[:4]) {
		return disputeGame.UnpackNotCreatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["NotYourTurn"].ID.Bytes()[:4]) {
		return disputeGame.UnpackNotYourTurnError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["WrongPhase"].ID.Bytes()[:4]) {
		return disputeGame.UnpackWrongPhaseError(raw[4:])
	}
	if bytes.Equal(raw[:4], disputeGame.abi.Errors["WrongPreState"].ID.Bytes()[:4]) {
		return disputeGame.UnpackWrongPreStateError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DisputeGameBadChoice represents a BadChoice error raised by the DisputeGame contract.
type DisputeGameBadChoice struct {
	J *big.Int
	M *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadChoice(uint256 j, uint256 m)
func DisputeGameBadChoiceErrorID() common.Hash {
	return common.HexToHash("0xa7b16042fd926e7058afabad2aaa72cc4b76202e63f022c4bc2745336a0b769b")
}

// UnpackBadChoiceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadChoice(uint256 j, uint256 m)
func (disputeGame *DisputeGame) UnpackBadChoiceError(raw []byte) (*DisputeGameBadChoice, error) {
	out := new(DisputeGameBadChoice)
	if err := disputeGame.abi.UnpackIntoInterface(out, "BadChoice", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameBadClaimCount represents a BadClaimCount error raised by the DisputeGame contract.
type DisputeGameBadClaimCount struct {
	Got  *big.Int
	Want *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadClaimCount(uint256 got, uint256 want)
func DisputeGameBadClaimCountErrorID() common.Hash {
	return common.HexToHash("0x98909399584841b44bd485a6ace5b2e749825dba42cacdb3d35477679af7fa41")
}

// UnpackBadClaimCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadClaimCount(uint256 got, uint256 want)
func (disputeGame *DisputeGame) UnpackBadClaimCountError(raw []byte) (*DisputeGameBadClaimCount, error) {
	out := new(DisputeGameBadClaimCount)
	if err := disputeGame.abi.UnpackIntoInterface(out, "BadClaimCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameBadGraphSize represents a BadGraphSize error raised by the DisputeGame contract.
type DisputeGameBadGraphSize struct {
	GraphSize  uint32
	Registered uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadGraphSize(uint32 graphSize, uint32 registered)
func DisputeGameBadGraphSizeErrorID() common.Hash {
	return common.HexToHash("0x0ed17449e33bcf04f6a8c1ebc173d2ae45386df5e3262d30b01ec4e65923b985")
}

// UnpackBadGraphSizeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadGraphSize(uint32 graphSize, uint32 registered)
func (disputeGame *DisputeGame) UnpackBadGraphSizeError(raw []byte) (*DisputeGameBadGraphSize, error) {
	out := new(DisputeGameBadGraphSize)
	if err := disputeGame.abi.UnpackIntoInterface(out, "BadGraphSize", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameBadVMFinalState represents a BadVMFinalState error raised by the DisputeGame contract.
type DisputeGameBadVMFinalState struct {
	VmFinalState [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadVMFinalState(bytes32 vmFinalState)
func DisputeGameBadVMFinalStateErrorID() common.Hash {
	return common.HexToHash("0x1b4009e2cb54e0057918feaee602ca2801ddcf08857cd4c63ce5fdb3236d4255")
}

// UnpackBadVMFinalStateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadVMFinalState(bytes32 vmFinalState)
func (disputeGame *DisputeGame) UnpackBadVMFinalStateError(raw []byte) (*DisputeGameBadVMFinalState, error) {
	out := new(DisputeGameBadVMFinalState)
	if err := disputeGame.abi.UnpackIntoInterface(out, "BadVMFinalState", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameClockExpired represents a ClockExpired error raised by the DisputeGame contract.
type DisputeGameClockExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClockExpired()
func DisputeGameClockExpiredErrorID() common.Hash {
	return common.HexToHash("0xa37b6ee4e69cc1b9a5bb3f2ab30547ddcf94dca6482e0f550f70c4719fb8b783")
}

// UnpackClockExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClockExpired()
func (disputeGame *DisputeGame) UnpackClockExpiredError(raw []byte) (*DisputeGameClockExpired, error) {
	out := new(DisputeGameClockExpired)
	if err := disputeGame.abi.UnpackIntoInterface(out, "ClockExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameClockNotExpired represents a ClockNotExpired error raised by the DisputeGame contract.
type DisputeGameClockNotExpired struct {
	Elapsed   *big.Int
	Remaining *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClockNotExpired(uint256 elapsed, uint256 remaining)
func DisputeGameClockNotExpiredErrorID() common.Hash {
	return common.HexToHash("0xbbd1199e52c5793c381842fd76ea5277efea8a7cc1621437cfc87a4d0c7484f0")
}

// UnpackClockNotExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClockNotExpired(uint256 elapsed, uint256 remaining)
func (disputeGame *DisputeGame) UnpackClockNotExpiredError(raw []byte) (*DisputeGameClockNotExpired, error) {
	out := new(DisputeGameClockNotExpired)
	if err := disputeGame.abi.UnpackIntoInterface(out, "ClockNotExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameGameNotFound represents a GameNotFound error raised by the DisputeGame contract.
type DisputeGameGameNotFound struct {
	GameId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GameNotFound(uint256 gameId)
func DisputeGameGameNotFoundErrorID() common.Hash {
	return common.HexToHash("0xd13b267709ae2b15a31aa938e5bad8d124be0f1c33059c2876e46390e56e4084")
}

// UnpackGameNotFoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GameNotFound(uint256 gameId)
func (disputeGame *DisputeGame) UnpackGameNotFoundError(raw []byte) (*DisputeGameGameNotFound, error) {
	out := new(DisputeGameGameNotFound)
	if err := disputeGame.abi.UnpackIntoInterface(out, "GameNotFound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameGameResolved represents a GameResolved error raised by the DisputeGame contract.
type DisputeGameGameResolved struct {
	GameId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GameResolved(uint256 gameId)
func DisputeGameGameResolvedErrorID() common.Hash {
	return common.HexToHash("0x3b9e14b4d188f695fd367cb256f68f7ac4178cca58bc4ad7572bbe28c336b54b")
}

// UnpackGameResolvedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GameResolved(uint256 gameId)
func (disputeGame *DisputeGame) UnpackGameResolvedError(raw []byte) (*DisputeGameGameResolved, error) {
	out := new(DisputeGameGameResolved)
	if err := disputeGame.abi.UnpackIntoInterface(out, "GameResolved", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameInvalidParameters represents a InvalidParameters error raised by the DisputeGame contract.
type DisputeGameInvalidParameters struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidParameters()
func DisputeGameInvalidParametersErrorID() common.Hash {
	return common.HexToHash("0xe52390909f87229f872871b8ab57a0e139663fb951ac6346f3852d332ca460b7")
}

// UnpackInvalidParametersError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidParameters()
func (disputeGame *DisputeGame) UnpackInvalidParametersError(raw []byte) (*DisputeGameInvalidParameters, error) {
	out := new(DisputeGameInvalidParameters)
	if err := disputeGame.abi.UnpackIntoInterface(out, "InvalidParameters", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameInvalidParties represents a InvalidParties error raised by the DisputeGame contract.
type DisputeGameInvalidParties struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidParties()
func DisputeGameInvalidPartiesErrorID() common.Hash {
	return common.HexToHash("0xb6e500fe9415e318ab589528aeb8f58af2eee32dcda03f97dae5d4bf8aea672c")
}

// UnpackInvalidPartiesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidParties()
func (disputeGame *DisputeGame) UnpackInvalidPartiesError(raw []byte) (*DisputeGameInvalidParties, error) {
	out := new(DisputeGameInvalidParties)
	if err := disputeGame.abi.UnpackIntoInterface(out, "InvalidParties", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameNotCreator represents a NotCreator error raised by the DisputeGame contract.
type DisputeGameNotCreator struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotCreator(address caller)
func DisputeGameNotCreatorErrorID() common.Hash {
	return common.HexToHash("0xc66f47bf350ee1bf9e0c1be02671afd9da5d2da4e1459cba22a80a2a2a689a52")
}

// UnpackNotCreatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotCreator(address caller)
func (disputeGame *DisputeGame) UnpackNotCreatorError(raw []byte) (*DisputeGameNotCreator, error) {
	out := new(DisputeGameNotCreator)
	if err := disputeGame.abi.UnpackIntoInterface(out, "NotCreator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameNotYourTurn represents a NotYourTurn error raised by the DisputeGame contract.
type DisputeGameNotYourTurn struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotYourTurn()
func DisputeGameNotYourTurnErrorID() common.Hash {
	return common.HexToHash("0xe60c8f58eabf2857bd772065b1b439e82bfd592ed5117876dd4b2b95320d0275")
}

// UnpackNotYourTurnError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotYourTurn()
func (disputeGame *DisputeGame) UnpackNotYourTurnError(raw []byte) (*DisputeGameNotYourTurn, error) {
	out := new(DisputeGameNotYourTurn)
	if err := disputeGame.abi.UnpackIntoInterface(out, "NotYourTurn", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameWrongPhase represents a WrongPhase error raised by the DisputeGame contract.
type DisputeGameWrongPhase struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPhase()
func DisputeGameWrongPhaseErrorID() common.Hash {
	return common.HexToHash("0xe2586bcc3922aeced192925d9e0eea38bd274dc9ca6c99bad431310815062029")
}

// UnpackWrongPhaseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPhase()
func (disputeGame *DisputeGame) UnpackWrongPhaseError(raw []byte) (*DisputeGameWrongPhase, error) {
	out := new(DisputeGameWrongPhase)
	if err := disputeGame.abi.UnpackIntoInterface(out, "WrongPhase", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DisputeGameWrongPreState represents a WrongPreState error raised by the DisputeGame contract.
type DisputeGameWrongPreState struct {
	Got  [32]byte
	Want [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPreState(bytes32 got, bytes32 want)
func DisputeGameWrongPreStateErrorID() common.Hash {
	return common.HexToHash("0x9ef7a34dfd28d0bf6415c1bc64efaaba0ffe57c18f50f289effd5ba7d845048d")
}

// UnpackWrongPreStateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPreState(bytes32 got, bytes32 want)
func (disputeGame *DisputeGame) UnpackWrongPreStateError(raw []byte) (*DisputeGameWrongPreState, error) {
	out := new(DisputeGameWrongPreState)
	if err := disputeGame.abi.UnpackIntoInterface(out, "WrongPreState", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FashionConsumerMetaData contains all meta data concerning the FashionConsumer contract.
var FashionConsumerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractInferenceMarket\",\"name\":\"market_\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId_\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CALLBACK_GAS\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"image\",\"type\":\"bytes\"}],\"name\":\"classify\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"kernelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"label\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"market\",\"outputs\":[{\"internalType\":\"contractInferenceMarket\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"onInferenceResult\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"results\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"done\",\"type\":\"bool\"},{\"internalType\":\"int32\",\"name\":\"cls\",\"type\":\"int32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"}],\"name\":\"ClassificationRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"int32\",\"name\":\"cls\",\"type\":\"int32\"}],\"name\":\"Classified\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BadOutput\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotMarket\",\"type\":\"error\"}]",
	ID:  "35466def16220eae432e81cb7eb5d12ca0",
	Bin: "0x60c060405234801561000f575f5ffd5b50604051610b66380380610b6683398101604081905261002e91610044565b6001600160a01b0390911660805260a05261007b565b5f5f60408385031215610055575f5ffd5b82516001600160a01b038116811461006b575f5ffd5b6020939093015192949293505050565b60805160a051610ab66100b05f395f818161019201526104a501525f818160fb015281816101eb015261047d0152610ab65ff3fe60806040526004361061006e575f3560e01c80639779ea461161004c5780639779ea46146101355780639f903bca14610160578063c79e380814610181578063e89db4d2146101b4575f5ffd5b806309c065bd146100725780631b0c27da1461009357806380f55605146100ea575b5f5ffd5b34801561007d575f5ffd5b5061009161008c366004610867565b6101e0565b005b34801561009e575f5ffd5b506100cb6100ad3660046108b6565b5f6020819052908152604090205460ff811690610100900460030b82565b60408051921515835260039190910b6020830152015b60405180910390f35b3480156100f5575f5ffd5b5061011d7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100e1565b348015610140575f5ffd5b5061014b620493e081565b60405163ffffffff90911681526020016100e1565b61017361016e3660046108cd565b6103ef565b6040519081526020016100e1565b34801561018c575f5ffd5b506101737f000000000000000000000000000000000000000000000000000000000000000081565b3480156101bf575f5ffd5b506101d36101ce3660046108b6565b61058c565b6040516100e1919061093a565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146102295760405163c4bbea6960e01b815260040160405180910390fd5b601c8214158061024d575061023f83835f610772565b63ffffffff16635456494114155b8061028257508282600481811061026657610266610953565b9050013560f81c60f81b6001600160f81b031916600160f81b14155b806102b757508282600581811061029b5761029b610953565b9050013560f81c60f81b6001600160f81b031916600360f81b14155b806102ec5750828260068181106102d0576102d0610953565b9050013560f81c60f81b6001600160f81b031916600160f81b14155b8061031857508282600781811061030557610305610953565b909101356001600160f81b031916151590505b80610335575061032a83836014610772565b63ffffffff16600114155b156103535760405163b51b41f160e01b815260040160405180910390fd5b5f61036084846018610772565b60408051808201825260018152600383900b60208083018281525f8b815280835285902093518454915164ffffffffff1990921690151564ffffffff0019161761010063ffffffff9092169190910217909255915191825291925086917f363feb0d1dece9e89820aa1a1f5af2936ba8b50f6837de2b0a0004e18fca1d01910160405180910390a25050505050565b6040805160018082528183019092525f91829190816020015b606081526020019060019003908161040857905050905083838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92018290525085518694509092501515905061046857610468610953565b60209081029190910101526001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000166397c2df10347f00000000000000000000000000000000000000000000000000000000000000008430620493e05f6040519080825280602002602001820160405280156104f4578160200160208202803683370190505b506040518763ffffffff1660e01b81526004016105159594939291906109aa565b60206040518083038185885af1158015610531573d5f5f3e3d5ffd5b50505050506040513d601f19601f820116820180604052508101906105569190610a44565b604051909250339083907ffb01330e5418f8200acb5393e558d8ab5453af711658a4b08f1a3e1de3c0092d905f90a35092915050565b5f818152602081815260409182902082518084019093525460ff8116158015845261010090910460030b9183019190915260609190806105d257505f816020015160030b125b806105e457506009816020015160030b135b156105fe57505060408051602081019091525f8152919050565b6040805161018081018252600b61014082019081526a0542d73686972742f746f760ac1b6101608301528152815180830183526007808252662a3937bab9b2b960c91b60208381019190915280840192909252835180850185526008815267283ab63637bb32b960c11b818401528385015283518085018552600580825264447265737360d81b82850152606085019190915284518086018652600481526310dbd85d60e21b81850152608085015284518086018652600681526514d85b99185b60d21b8185015260a0850152845180860186529081526414da1a5c9d60da1b8184015260c0840152835180850185529081526629b732b0b5b2b960c91b8183015260e083015282518084018452600381526242616760e81b818301526101008301528251808401909352600a80845269105b9adb1948189bdbdd60b21b848301526101208301939093528301519091829163ffffffff1690811061076557610765610953565b6020020151949350505050565b5f60188484610782856003610a5b565b81811061079157610791610953565b919091013560f81c90911b9050601085856107ad866002610a5b565b8181106107bc576107bc610953565b919091013560f81c90911b9050600886866107d8876001610a5b565b8181106107e7576107e7610953565b919091013560f81c90911b905086868681811061080657610806610953565b9050013560f81c60f81b60f81c60ff1617171790509392505050565b5f5f83601f840112610832575f5ffd5b50813567ffffffffffffffff811115610849575f5ffd5b602083019150836020828501011115610860575f5ffd5b9250929050565b5f5f5f5f6060858703121561087a575f5ffd5b84359350602085013567ffffffffffffffff811115610897575f5ffd5b6108a387828801610822565b9598909750949560400135949350505050565b5f602082840312156108c6575f5ffd5b5035919050565b5f5f602083850312156108de575f5ffd5b823567ffffffffffffffff8111156108f4575f5ffd5b61090085828601610822565b90969095509350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61094c602083018461090c565b9392505050565b634e487b7160e01b5f52603260045260245ffd5b5f8151808452602084019350602083015f5b828110156109a05781516001600160a01b0316865260209586019590910190600101610979565b5093949350505050565b5f60a0820187835260a0602084015280875180835260c08501915060c08160051b8601019250602089015f5b82811015610a075760bf198786030184526109f285835161090c565b945060209384019391909101906001016109d6565b5050506001600160a01b03871660408501525063ffffffff851660608401528281036080840152610a388185610967565b98975050505050505050565b5f60208284031215610a54575f5ffd5b5051919050565b80820180821115610a7a57634e487b7160e01b5f52601160045260245ffd5b9291505056fea2646970667358221220f0a2c43b271e4eacb0d4b574cca8e6ceec8db45bbae4a8637dc7c9f31712d78b64736f6c63430008250033",
}

// FashionConsumer is an auto generated Go binding around an Ethereum contract.
type FashionConsumer struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *FashionConsumer) GetABI() abi.ABI {
	return c.abi
}

// NewFashionConsumer creates a new instance of FashionConsumer.
func NewFashionConsumer() *FashionConsumer {
	parsed, err := FashionConsumerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &FashionConsumer{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *FashionConsumer) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address market_, bytes32 kernelId_) returns()
func (fashionConsumer *FashionConsumer) PackConstructor(market_ common.Address, kernelId_ [32]byte) []byte {
	enc, err := fashionConsumer.abi.Pack("", market_, kernelId_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCALLBACKGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9779ea46.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CALLBACK_GAS() view returns(uint32)
func (fashionConsumer *FashionConsumer) PackCALLBACKGAS() []byte {
	enc, err := fashionConsumer.abi.Pack("CALLBACK_GAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCALLBACKGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9779ea46.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CALLBACK_GAS() view returns(uint32)
func (fashionConsumer *FashionConsumer) TryPackCALLBACKGAS() ([]byte, error) {
	return fashionConsumer.abi.Pack("CALLBACK_GAS")
}

// UnpackCALLBACKGAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9779ea46.
//
// Solidity: function CALLBACK_GAS() view returns(uint32)
func (fashionConsumer *FashionConsumer) UnpackCALLBACKGAS(data []byte) (uint32, error) {
	out, err := fashionConsumer.abi.Unpack("CALLBACK_GAS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackClassify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f903bca.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function classify(bytes image) payable returns(uint256 requestId)
func (fashionConsumer *FashionConsumer) PackClassify(image []byte) []byte {
	enc, err := fashionConsumer.abi.Pack("classify", image)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClassify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f903bca.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function classify(bytes image) payable returns(uint256 requestId)
func (fashionConsumer *FashionConsumer) TryPackClassify(image []byte) ([]byte, error) {
	return fashionConsumer.abi.Pack("classify", image)
}

// UnpackClassify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9f903bca.
//
// Solidity: function classify(bytes image) payable returns(uint256 requestId)
func (fashionConsumer *FashionConsumer) UnpackClassify(data []byte) (*big.Int, error) {
	out, err := fashionConsumer.abi.Unpack("classify", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc79e3808.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function kernelId() view returns(bytes32)
func (fashionConsumer *FashionConsumer) PackKernelId() []byte {
	enc, err := fashionConsumer.abi.Pack("kernelId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc79e3808.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function kernelId() view returns(bytes32)
func (fashionConsumer *FashionConsumer) TryPackKernelId() ([]byte, error) {
	return fashionConsumer.abi.Pack("kernelId")
}

// UnpackKernelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc79e3808.
//
// Solidity: function kernelId() view returns(bytes32)
func (fashionConsumer *FashionConsumer) UnpackKernelId(data []byte) ([32]byte, error) {
	out, err := fashionConsumer.abi.Unpack("kernelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLabel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe89db4d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function label(uint256 requestId) view returns(string)
func (fashionConsumer *FashionConsumer) PackLabel(requestId *big.Int) []byte {
	enc, err := fashionConsumer.abi.Pack("label", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLabel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe89db4d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function label(uint256 requestId) view returns(string)
func (fashionConsumer *FashionConsumer) TryPackLabel(requestId *big.Int) ([]byte, error) {
	return fashionConsumer.abi.Pack("label", requestId)
}

// UnpackLabel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe89db4d2.
//
// Solidity: function label(uint256 requestId) view returns(string)
func (fashionConsumer *FashionConsumer) UnpackLabel(data []byte) (string, error) {
	out, err := fashionConsumer.abi.Unpack("label", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80f55605.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function market() view returns(address)
func (fashionConsumer *FashionConsumer) PackMarket() []byte {
	enc, err := fashionConsumer.abi.Pack("market")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80f55605.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function market() view returns(address)
func (fashionConsumer *FashionConsumer) TryPackMarket() ([]byte, error) {
	return fashionConsumer.abi.Pack("market")
}

// UnpackMarket is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x80f55605.
//
// Solidity: function market() view returns(address)
func (fashionConsumer *FashionConsumer) UnpackMarket(data []byte) (common.Address, error) {
	out, err := fashionConsumer.abi.Unpack("market", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOnInferenceResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09c065bd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onInferenceResult(uint256 requestId, bytes output, bytes32 ) returns()
func (fashionConsumer *FashionConsumer) PackOnInferenceResult(requestId *big.Int, output []byte, arg2 [32]byte) []byte {
	enc, err := fashionConsumer.abi.Pack("onInferenceResult", requestId, output, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnInferenceResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09c065bd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onInferenceResult(uint256 requestId, bytes output, bytes32 ) returns()
func (fashionConsumer *FashionConsumer) TryPackOnInferenceResult(requestId *big.Int, output []byte, arg2 [32]byte) ([]byte, error) {
	return fashionConsumer.abi.Pack("onInferenceResult", requestId, output, arg2)
}

// PackResults is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b0c27da.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function results(uint256 ) view returns(bool done, int32 cls)
func (fashionConsumer *FashionConsumer) PackResults(arg0 *big.Int) []byte {
	enc, err := fashionConsumer.abi.Pack("results", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResults is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1b0c27da.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function results(uint256 ) view returns(bool done, int32 cls)
func (fashionConsumer *FashionConsumer) TryPackResults(arg0 *big.Int) ([]byte, error) {
	return fashionConsumer.abi.Pack("results", arg0)
}

// ResultsOutput serves as a container for the return parameters of contract
// method Results.
type ResultsOutput struct {
	Done bool
	Cls  int32
}

// UnpackResults is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1b0c27da.
//
// Solidity: function results(uint256 ) view returns(bool done, int32 cls)
func (fashionConsumer *FashionConsumer) UnpackResults(data []byte) (ResultsOutput, error) {
	out, err := fashionConsumer.abi.Unpack("results", data)
	outstruct := new(ResultsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Done = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.Cls = *abi.ConvertType(out[1], new(int32)).(*int32)
	return *outstruct, nil
}

// FashionConsumerClassificationRequested represents a ClassificationRequested event raised by the FashionConsumer contract.
type FashionConsumerClassificationRequested struct {
	RequestId *big.Int
	By        common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const FashionConsumerClassificationRequestedEventName = "ClassificationRequested"

// ContractEventName returns the user-defined event name.
func (FashionConsumerClassificationRequested) ContractEventName() string {
	return FashionConsumerClassificationRequestedEventName
}

// UnpackClassificationRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ClassificationRequested(uint256 indexed requestId, address indexed by)
func (fashionConsumer *FashionConsumer) UnpackClassificationRequestedEvent(log *types.Log) (*FashionConsumerClassificationRequested, error) {
	event := "ClassificationRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != fashionConsumer.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FashionConsumerClassificationRequested)
	if len(log.Data) > 0 {
		if err := fashionConsumer.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range fashionConsumer.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// FashionConsumerClassified represents a Classified event raised by the FashionConsumer contract.
type FashionConsumerClassified struct {
	RequestId *big.Int
	Cls       int32
	Raw       *types.Log // Blockchain specific contextual infos
}

const FashionConsumerClassifiedEventName = "Classified"

// ContractEventName returns the user-defined event name.
func (FashionConsumerClassified) ContractEventName() string {
	return FashionConsumerClassifiedEventName
}

// UnpackClassifiedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Classified(uint256 indexed requestId, int32 cls)
func (fashionConsumer *FashionConsumer) UnpackClassifiedEvent(log *types.Log) (*FashionConsumerClassified, error) {
	event := "Classified"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != fashionConsumer.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FashionConsumerClassified)
	if len(log.Data) > 0 {
		if err := fashionConsumer.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range fashionConsumer.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (fashionConsumer *FashionConsumer) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], fashionConsumer.abi.Errors["BadOutput"].ID.Bytes()[:4]) {
		return fashionConsumer.UnpackBadOutputError(raw[4:])
	}
	if bytes.Equal(raw[:4], fashionConsumer.abi.Errors["NotMarket"].ID.Bytes()[:4]) {
		return fashionConsumer.UnpackNotMarketError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// FashionConsumerBadOutput represents a BadOutput error raised by the FashionConsumer contract.
type FashionConsumerBadOutput struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadOutput()
func FashionConsumerBadOutputErrorID() common.Hash {
	return common.HexToHash("0xb51b41f10c75edcb03626d4939e862a1cbda4a3dc92c85aec83b93eae7c2d7b9")
}

// UnpackBadOutputError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadOutput()
func (fashionConsumer *FashionConsumer) UnpackBadOutputError(raw []byte) (*FashionConsumerBadOutput, error) {
	out := new(FashionConsumerBadOutput)
	if err := fashionConsumer.abi.UnpackIntoInterface(out, "BadOutput", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FashionConsumerNotMarket represents a NotMarket error raised by the FashionConsumer contract.
type FashionConsumerNotMarket struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMarket()
func FashionConsumerNotMarketErrorID() common.Hash {
	return common.HexToHash("0xc4bbea694daf04190b125ad8e91c3e4aacafdec06ab734d230bd92a002f5ead9")
}

// UnpackNotMarketError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMarket()
func (fashionConsumer *FashionConsumer) UnpackNotMarketError(raw []byte) (*FashionConsumerNotMarket, error) {
	out := new(FashionConsumerNotMarket)
	if err := fashionConsumer.abi.UnpackIntoInterface(out, "NotMarket", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketMetaData contains all meta data concerning the InferenceMarket contract.
var InferenceMarketMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractKernelRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"contractIDisputeGame\",\"name\":\"game_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"submitterBond_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengerBond_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengeWindow_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"requestTimeout_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxCallbackGas_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BURN_BPS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CALLBACK_GAS_RESERVE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_GENERATION_TOKENS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_INPUTS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_OUTPUT_BYTES\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SLOT_DEPTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SUBMITTERS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SAMPLE_ONE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"cancelRequest\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"activationsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"slotPath\",\"type\":\"bytes32[]\"}],\"name\":\"challenge\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"challengeCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"challengeWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"challengerBond\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"}],\"name\":\"claimReward\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"credits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"seed\",\"type\":\"bytes32\"}],\"name\":\"drawSeed\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"finalize\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"game\",\"outputs\":[{\"internalType\":\"contractIDisputeGame\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint32[]\",\"name\":\"prompt\",\"type\":\"uint32[]\"},{\"internalType\":\"uint32\",\"name\":\"temperature\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topP\",\"type\":\"uint32\"},{\"internalType\":\"bytes32\",\"name\":\"seed\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"graphSize\",\"type\":\"uint256\"}],\"name\":\"generationInitialState\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"generationTokens\",\"outputs\":[{\"internalType\":\"uint32[]\",\"name\":\"tokens\",\"type\":\"uint32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"}],\"name\":\"getChallenge\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"internalType\":\"enumInferenceMarket.ChallengeStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"round\",\"type\":\"uint32\"},{\"internalType\":\"uint128\",\"name\":\"bond\",\"type\":\"uint128\"},{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"}],\"internalType\":\"structInferenceMarket.Result\",\"name\":\"result\",\"type\":\"tuple\"}],\"internalType\":\"structInferenceMarket.Challenge\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"getGeneration\",\"outputs\":[{\"components\":[{\"internalType\":\"uint32\",\"name\":\"maxTokens\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"createdBlock\",\"type\":\"uint64\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"temperature\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topP\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"stopEnabled\",\"type\":\"bool\"},{\"internalType\":\"uint32\",\"name\":\"stopToken\",\"type\":\"uint32\"}],\"internalType\":\"structInferenceMarket.Sampling\",\"name\":\"sampling\",\"type\":\"tuple\"},{\"internalType\":\"bytes32\",\"name\":\"seed\",\"type\":\"bytes32\"},{\"internalType\":\"uint32[]\",\"name\":\"prompt\",\"type\":\"uint32[]\"}],\"internalType\":\"structInferenceMarket.Generation\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint32\",\"name\":\"round\",\"type\":\"uint32\"}],\"name\":\"getRefutedRound\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"openChallenges\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"winners\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"settled\",\"type\":\"bool\"},{\"internalType\":\"uint128\",\"name\":\"bond\",\"type\":\"uint128\"},{\"internalType\":\"uint128\",\"name\":\"share\",\"type\":\"uint128\"}],\"internalType\":\"structInferenceMarket.RefutedRound\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"getRequest\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"numSlots\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"outputSlot\",\"type\":\"uint32\"},{\"internalType\":\"enumInferenceMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"callback\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"callbackGasLimit\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"generation\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"createdAt\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"openAfter\",\"type\":\"uint64\"},{\"internalType\":\"uint128\",\"name\":\"fee\",\"type\":\"uint128\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"initialState\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"windowEnd\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"round\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"openChallenges\",\"type\":\"uint32\"},{\"internalType\":\"uint128\",\"name\":\"candidateBond\",\"type\":\"uint128\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"}],\"internalType\":\"structInferenceMarket.Result\",\"name\":\"candidate\",\"type\":\"tuple\"}],\"internalType\":\"structInferenceMarket.Request\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"inputCommits\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint256\",\"name\":\"graphSize\",\"type\":\"uint256\"}],\"name\":\"initialState\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"isListedSubmitter\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxCallbackGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"leaves\",\"type\":\"bytes32[]\"}],\"name\":\"merkleRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256[2]\",\"name\":\"pop\",\"type\":\"uint256[2]\"}],\"name\":\"registerVrfKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractKernelRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint32[]\",\"name\":\"promptTokens\",\"type\":\"uint32[]\"},{\"internalType\":\"uint32\",\"name\":\"maxTokens\",\"type\":\"uint32\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"temperature\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topP\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"stopEnabled\",\"type\":\"bool\"},{\"internalType\":\"uint32\",\"name\":\"stopToken\",\"type\":\"uint32\"}],\"internalType\":\"structInferenceMarket.Sampling\",\"name\":\"sampling\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"callback\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"callbackGasLimit\",\"type\":\"uint32\"}],\"name\":\"requestGeneration\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes[]\",\"name\":\"inputs\",\"type\":\"bytes[]\"},{\"internalType\":\"address\",\"name\":\"callback\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"callbackGasLimit\",\"type\":\"uint32\"},{\"internalType\":\"address[]\",\"name\":\"submitters\",\"type\":\"address[]\"}],\"name\":\"requestInference\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestTimeout\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"}],\"name\":\"resolveChallenge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint256[2]\",\"name\":\"vrfProof\",\"type\":\"uint256[2]\"},{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"activationsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"slotPath\",\"type\":\"bytes32[]\"}],\"name\":\"submitGeneration\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"activationsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"slotPath\",\"type\":\"bytes32[]\"}],\"name\":\"submitResult\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"submitterBond\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"enc\",\"type\":\"bytes\"}],\"name\":\"tensorCommitment\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"b\",\"type\":\"bytes\"}],\"name\":\"tensorLength\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalBurned\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"vrf\",\"outputs\":[{\"internalType\":\"contractVrfVerifier\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"}],\"name\":\"vrfKey\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint64\",\"name\":\"registeredBlock\",\"type\":\"uint64\"}],\"internalType\":\"structInferenceMarket.VrfKey\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Burned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"callback\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"name\":\"CallbackResult\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"}],\"name\":\"ChallengeLost\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"}],\"name\":\"ChallengeOpened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"replacedCandidate\",\"type\":\"bool\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"windowEnd\",\"type\":\"uint64\"}],\"name\":\"ChallengeWon\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Credited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"maxTokens\",\"type\":\"uint32\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"temperature\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topP\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"stopEnabled\",\"type\":\"bool\"},{\"internalType\":\"uint32\",\"name\":\"stopToken\",\"type\":\"uint32\"}],\"indexed\":false,\"internalType\":\"structInferenceMarket.Sampling\",\"name\":\"sampling\",\"type\":\"tuple\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"callback\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"callbackGasLimit\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32[]\",\"name\":\"promptTokens\",\"type\":\"uint32[]\"}],\"name\":\"GenerationRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"seed\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"initialState\",\"type\":\"bytes32\"}],\"name\":\"GenerationSeeded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"initialState\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"outputSlot\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"callback\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"callbackGasLimit\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"openAfter\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"submitters\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"bytes[]\",\"name\":\"inputs\",\"type\":\"bytes[]\"}],\"name\":\"InferenceRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"}],\"name\":\"RequestCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"}],\"name\":\"RequestFinalized\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"finalState\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"windowEnd\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"}],\"name\":\"ResultSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RewardClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"round\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"winners\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"share\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"burned\",\"type\":\"uint256\"}],\"name\":\"RoundSettled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"registeredBlock\",\"type\":\"uint64\"}],\"name\":\"VrfKeyRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"BadGameStatus\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadGenerationOutput\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"enumInferenceMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"BadRequestStatus\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"CallbackGasTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"}],\"name\":\"ChallengeNotOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"challengeIndex\",\"type\":\"uint256\"}],\"name\":\"ChallengeNotWon\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"open\",\"type\":\"uint32\"}],\"name\":\"ChallengesOpen\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyTensor\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FinalStateMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gameId\",\"type\":\"uint256\"}],\"name\":\"GameInProgress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InsufficientGasForCallback\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidConfig\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidFee\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidInputCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"maxTokens\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"InvalidMaxTokens\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPossessionProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidPromptLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint32\",\"name\":\"token\",\"type\":\"uint32\"}],\"name\":\"InvalidPromptToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSampling\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"}],\"name\":\"NonCanonicalTensor\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"}],\"name\":\"NotGenerationKernel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"openAfter\",\"type\":\"uint64\"}],\"name\":\"NotListedSubmitter\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"OutputCommitmentMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"OutputTooLarge\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"round\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"openChallenges\",\"type\":\"uint32\"}],\"name\":\"RoundNotSettled\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SameFinalState\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SlotProofInvalid\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"notBefore\",\"type\":\"uint256\"}],\"name\":\"TooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"TooManySubmitters\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"submitter\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"registeredBlock\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"requestBlock\",\"type\":\"uint64\"}],\"name\":\"VrfKeyNotUsable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"windowEnd\",\"type\":\"uint64\"}],\"name\":\"WindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"windowEnd\",\"type\":\"uint64\"}],\"name\":\"WindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"}],\"name\":\"WrongBond\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"generation\",\"type\":\"bool\"}],\"name\":\"WrongRequestKind\",\"type\":\"error\"}]",
	ID:  "92e1e7969f6c299118212e9617ff9c1fc0",
	Bin: "0x610180604052348015610010575f5ffd5b50604051616f71380380616f7183398101604081905261002f9161016e565b6001600160a01b038716158061004c57506001600160a01b038616155b80610055575084155b8061005e575083155b8061006f57506001600160801b0385115b8061008057506001600160801b0384115b80610089575082155b80610097575063ffffffff83115b806100a25750600282105b806100b0575063ffffffff82115b806100bd57506298968081115b156100db576040516306b7c75960e31b815260040160405180910390fd5b6001600160a01b03808816608052861660a05260e08590526101008490526101208390526101408290526101608190526040516101179061014a565b604051809103905ff080158015610130573d5f5f3e3d5ffd5b506001600160a01b031660c052506101d095505050505050565b61117b80615df683390190565b6001600160a01b038116811461016b575f5ffd5b50565b5f5f5f5f5f5f5f60e0888a031215610184575f5ffd5b875161018f81610157565b60208901519097506101a081610157565b604089015160608a015160808b015160a08c015160c0909c01519a9d939c50919a90999198509650945092505050565b60805160a05160c05160e05161010051610120516101405161016051615b386102be5f395f818161066a0152818161172d01528181611774015281816119c00152611a0701525f818161043601528181610fb20152611b1901525f8181610598015281816129a50152613e3a01525f8181610532015281816123bc01526123f601525f81816108a601528181611db701528181611df101528181611f6b0152611fa501525f818161029501528181611c1101526137e301525f81816107ff015281816125f8015261278601525f818161056501528181613118015281816134410152613a250152615b385ff3fe60806040526004361061025f575f3560e01c8063861a14121161013f578063c3fe3e28116100b3578063d63b272c11610078578063d63b272c14610895578063d76f4308146108c8578063d89135cd14610911578063dff2fb3114610926578063e171112b14610945578063fe5ff46814610971575f5ffd5b8063c3fe3e28146107ee578063c58343ef14610821578063c6188e3c1461084d578063c7c51a1e1461086c578063ccbd96e814610882575f5ffd5b80639b3858ba116101045780639b3858ba1461061e578063a37a9fc014610631578063a37ae0da14610646578063a8e224a414610659578063ac31531b1461068c578063af480ba3146106a0575f5ffd5b8063861a14121461058757806386bb8f37146105ba5780638ed0f6b2146105d957806397c2df10146105ec57806397d0530b146105ff575f5ffd5b80633a4ea8c7116101d6578063468f531e1161019b578063468f531e146104a357806356e3df97146104c2578063574d16f1146104ee5780635badbe4c1461050d57806368ccdc86146105215780637b10399914610554575f5ffd5b80633a4ea8c7146103df5780633ccfd60b146104115780633f20b4c9146104255780634123453e146104585780634172924714610484575f5ffd5b80632bfb47d1116102275780632bfb47d1146103415780632e8f396d146103555780633015394c1461038157806332d41ade146103a057806333a2fd29146103b557806334cad928146103ca575f5ffd5b806305261aea146102635780630c949043146102845780630e6b1033146102d457806315bf02e5146103015780631f42258714610316575b5f5ffd5b34801561026e575f5ffd5b5061028261027d3660046145c3565b61099c565b005b34801561028f575f5ffd5b506102b77f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b3480156102df575f5ffd5b506102f36102ee36600461461e565b610ce8565b6040519081526020016102cb565b34801561030c575f5ffd5b506102f361010081565b348015610321575f5ffd5b506102f36103303660046145c3565b5f9081526005602052604090205490565b34801561034c575f5ffd5b506102f3602081565b348015610360575f5ffd5b5061037461036f36600461465c565b610dce565b6040516102cb91906146fb565b34801561038c575f5ffd5b5061028261039b3660046145c3565b610f53565b3480156103ab575f5ffd5b506102f3610fa081565b3480156103c0575f5ffd5b506102f3619c4081565b3480156103d5575f5ffd5b506102f361400081565b3480156103ea575f5ffd5b506103fc6103f93660046145c3565b90565b60405163ffffffff90911681526020016102cb565b34801561041c575f5ffd5b50610282611093565b348015610430575f5ffd5b506102f37f000000000000000000000000000000000000000000000000000000000000000081565b348015610463575f5ffd5b50610477610472366004614787565b6111ad565b6040516102cb91906147a0565b34801561048f575f5ffd5b506102f361049e366004614867565b61121f565b3480156104ae575f5ffd5b506102f36104bd3660046149a6565b611383565b3480156104cd575f5ffd5b506104e16104dc3660046145c3565b61138f565b6040516102cb9190614a17565b3480156104f9575f5ffd5b506102f3610508366004614a9f565b6114df565b348015610518575f5ffd5b506102f35f5481565b34801561052c575f5ffd5b506102f37f000000000000000000000000000000000000000000000000000000000000000081565b34801561055f575f5ffd5b506102b77f000000000000000000000000000000000000000000000000000000000000000081565b348015610592575f5ffd5b506102f37f000000000000000000000000000000000000000000000000000000000000000081565b3480156105c5575f5ffd5b506102826105d436600461465c565b61152e565b6102f36105e7366004614b2b565b6116f9565b6102f36105fa366004614bc6565b61198c565b34801561060a575f5ffd5b50610282610619366004614c70565b611bfa565b61028261062c366004614ca8565b611d22565b34801561063c575f5ffd5b506102f361138881565b610282610654366004614d4e565b611e69565b348015610664575f5ffd5b506102f37f000000000000000000000000000000000000000000000000000000000000000081565b348015610697575f5ffd5b506102f3601081565b3480156106ab575f5ffd5b5061077b6106ba366004614de0565b6040805160c0810182525f80825260208201819052918101829052606081018290526080810182905260a0810191909152505f91825260066020908152604080842063ffffffff9384168552825292839020835160c08101855281546001600160a01b0381168252600160a01b8104851693820193909352600160c01b830490931693830193909352600160e01b900460ff16151560608201526001909101546001600160801b038082166080840152600160801b9091041660a082015290565b6040516102cb91905f60c08201905060018060a01b03835116825263ffffffff602084015116602083015263ffffffff60408401511660408301526060830151151560608301526001600160801b0360808401511660808301526001600160801b0360a08401511660a083015292915050565b3480156107f9575f5ffd5b506102b77f000000000000000000000000000000000000000000000000000000000000000081565b34801561082c575f5ffd5b5061084061083b3660046145c3565b611ffa565b6040516102cb9190614e1b565b348015610858575f5ffd5b506102f361086736600461461e565b612309565b348015610877575f5ffd5b506102f36201000081565b6102f3610890366004614d4e565b61231c565b3480156108a0575f5ffd5b506102f37f000000000000000000000000000000000000000000000000000000000000000081565b3480156108d3575f5ffd5b506109016108e2366004614fc3565b600360209081525f928352604080842090915290825290205460ff1681565b60405190151581526020016102cb565b34801561091c575f5ffd5b506102f360025481565b348015610931575f5ffd5b5061028261094036600461465c565b6126c5565b348015610950575f5ffd5b5061096461095f3660046145c3565b612c8d565b6040516102cb9190614fed565b34801561097c575f5ffd5b506102f361098b366004614787565b60016020525f908152604090205481565b60ff5f5c16156109bf5760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d505f8181526004602052604090206002600182015460ff1660048111156109f5576109f561467c565b14610a2957600181015460405163f333f67b60e01b8152610a2091849160ff90911690600401614fff565b60405180910390fd5b6006810154600160a01b90046001600160401b0316421015610a7557600681015460405163adc9513160e01b8152600160a01b9091046001600160401b03166004820152602401610a20565b600781015463ffffffff1615610aac57600781015460405163eef24e8d60e01b815263ffffffff9091166004820152602401610a20565b60018101805460ff191660031790556002810180546007830180546001600160801b03808416909455640100000000600160a01b031981169091556006840154600160801b909204831692600160201b90910416906001600160a01b0316610b1d81610b188486615030565b612ed4565b60408051848152602081018490526001600160a01b0383169187917f58be2222bb4191b3d7d8a8b8ec288168b1e6010c069b558e11764192f3181a04910160405180910390a3600184015461010090046001600160a01b03168015610cd4576001850154600160a81b810463ffffffff16905f90600160d01b900460ff1615610bf05787610baa89612c8d565b6008890154604051610bc193929190602401615043565b60408051601f198184030181529190526020810180516001600160e01b0316630f0fce6760e01b179052610c37565b6008870154604051610c0c918a91600a8b0191906024016150a3565b60408051601f198184030181529190526020810180516001600160e01b03166309c065bd60e01b1790525b9050619c40610c47603f84615139565b610c519084615030565b610c5b9190615030565b5a1015610c7b5760405163657989e960e01b815260040160405180910390fd5b5f5f5f8351602085015f8888f19050836001600160a01b0316897f44e68d6a5ecc69e2fb20f2bf64c8bfaf6c1cf9eb9cfea5ee103bf8ec5a350c6f83604051610cc8911515815260200190565b60405180910390a35050505b505f93505050815c60ff19169050815d5050565b5f81808203610d0a57604051632085f32960e11b815260040160405180910390fd5b5f610400610d1a836103ff615030565b610d249190615139565b90505f816001600160401b03811115610d3f57610d3f6147e5565b604051908082528060200260200182016040528015610d68578160200160208202803683370190505b5090506040515f5b83811015610db7576104008102808603610400811115610d8f57506104005b80828b0185378061040003368286013750506104008220602082810285010152600101610d70565b5050610dc281611383565b93505050505b92915050565b610dd6614525565b5f838152600560205260409020805483908110610df557610df5615158565b5f9182526020918290206040805160c0810190915260069092020180546001600160a01b0381168352919290919083019060ff600160a01b909104166004811115610e4257610e4261467c565b6004811115610e5357610e5361467c565b81528154600160a81b900463ffffffff1660208083019190915260018301546001600160801b03166040808401919091526002840154606080850191909152815190810182526003850180548252600486015493820193909352600585018054608090950194919392840191610ec89061506b565b80601f0160208091040260200160405190810160405280929190818152602001828054610ef49061506b565b8015610f3f5780601f10610f1657610100808354040283529160200191610f3f565b820191905f5260205f20905b815481529060010190602001808311610f2257829003601f168201915b505050919092525050509052509392505050565b5f81815260046020526040902060018082015460ff166004811115610f7a57610f7a61467c565b14610fa557600181015460405163f333f67b60e01b8152610a2091849160ff90911690600401614fff565b60028101545f90610fe0907f0000000000000000000000000000000000000000000000000000000000000000906001600160401b0316615030565b90508042101561100657604051630a8d68c960e21b815260048101829052602401610a20565b60018201805460ff191660041790556002820180546001600160801b038082169092558354600160801b9091049091169061104a906001600160a01b031682612ed4565b82546040518281526001600160a01b039091169085907f3796cd2bbde8f185a2341d1c3fb8207b168febf5cd44d360661956cfdc70a1779060200160405180910390a350505050565b60ff5f5c16156110b65760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d50335f90815260016020526040812054908190036110f457604051630686827b60e51b815260040160405180910390fd5b335f818152600160205260408082208290555190919083908381818185875af1925050503d805f8114611142576040519150601f19603f3d011682016040523d82523d5f602084013e611147565b606091505b5050905080611169576040516312171d8360e31b815260040160405180910390fd5b60405182815233907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a2505f905060ff19815c16815d50565b6111b5614586565b6001600160a01b0382165f9081526008602052604090819020815160c08101835291829081018260048282826020028201915b8154815260200190600101908083116111e8575050509183525050600491909101546001600160401b031660209091015292915050565b84515f908161122f826001615030565b6001600160401b03811115611246576112466147e5565b60405190808252806020026020018201604052801561126f578160200160208202803683370190505b506040805161040080825261042082019092529192505f9190602082018180368337019050509050664149565401030160c81b5f5b84811015611304575f60206112d18d84815181106112c4576112c4615158565b6020026020010151612f4e565b63ffffffff16901b8317600160581b176020858101918252610400909120600193909301908102860192909252506112a4565b505f61130f8a612f4e565b63ffffffff1660206113208a612f4e565b63ffffffff16901b831717600360581b1790505f60e061133f8b612f4e565b63ffffffff16901b90508160208501528060408501526104006020850120602060018801028601526113728d868a6114df565b9d9c50505050505050505050505050565b5f610dc8828351612f8e565b6040805160a080820183525f8083526020808401829052845160808082018752838252818301849052818701849052606080830185905286880192909252818601849052808601829052878452600783529286902086519485018752805463ffffffff8082168752600160201b918290046001600160401b03168786015288518087018a5260018401548083168252928304821681870152600160401b830460ff161515818b0152600160481b90920416818401528588015260028101549185019190915260038101805487518185028101850190985280885295969495919493860193929091908301828280156114cf57602002820191905f5260205f20905f905b82829054906101000a900463ffffffff1663ffffffff16815260200190600401906020826003010492830192600103820291508084116114925790505b5050505050815250509050919050565b5f5f6114f7848486516114f29190615030565b612f8e565b6040805160208101889052908101829052909150606001604051602081830303815290604052805190602001209150509392505050565b5f8281526005602052604090208054821015806115885750600281838154811061155a5761155a615158565b5f918252602090912060069091020154600160a01b900460ff1660048111156115855761158561467c565b14155b156115b05760405163031fe94760e51b81526004810184905260248101839052604401610a20565b5f8183815481106115c3576115c3615158565b5f91825260208083208784526006808352604080862091909402909101805463ffffffff600160a81b9091041685529152912080549192509060ff600160e01b909104166116475781548154604051631d5e660560e11b8152600160a81b90920463ffffffff9081166004840152600160a01b909104166024820152604401610a20565b815460ff60a01b1916600160a21b178255600181810154908301545f91611681916001600160801b03600160801b90920482169116615030565b6001840180546001600160801b031916905583549091506116ab906001600160a01b031682612ed4565b82546040518281526001600160a01b0390911690869088907fa8325f46ec9623d7ced8f695ff820511a4acef4f5d5c4933bd5d992141a2b905906020015b60405180910390a4505050505050565b5f34158061170d57506001600160801b0334115b1561172b576040516358d620b360e01b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000008263ffffffff1611156117a05760405163924121a760e01b815263ffffffff831660048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610a20565b63ffffffff851615806117ba5750610fa08563ffffffff16115b156117e857604051637b48572360e01b815263ffffffff86166004820152610fa06024820152604401610a20565b637fffffff6117fa602086018661516c565b63ffffffff16118061181f5750611817604085016020860161516c565b63ffffffff16155b80611841575062010000611839604086016020870161516c565b63ffffffff16115b1561185f5760405163b89917bd60e01b815260040160405180910390fd5b5f5b868110156118f957637fffffff88888381811061188057611880615158565b9050602002016020810190611895919061516c565b63ffffffff1611156118f157808888838181106118b4576118b4615158565b90506020020160208101906118c9919061516c565b60405163827f0deb60e01b8152600481019290925263ffffffff166024820152604401610a20565b600101611861565b5061190688878585613110565b5f81815260076020526040902080546001600160401b034316600160201b026bffffffffffffffffffffffff1990911663ffffffff891617178155909150846001820161195382826151a0565b505060038101611964888a836152e3565b505f828152600460205260409020611980908390838b8b6133a5565b50979650505050505050565b5f3415806119a057506001600160801b0334115b156119be576040516358d620b360e01b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000008463ffffffff161115611a335760405163924121a760e01b815263ffffffff851660048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610a20565b6010821115611a5e5760405162469bd160e31b81526004810183905260106024820152604401610a20565b5f5f8154611a6b906153b3565b91829055505f818152600460205260409020909150611a8c818a8a8a61343a565b80546001600160a01b03191633178155600180820180546001600160c81b0319166101006001600160a01b038a160263ffffffff60a81b191617600160a81b63ffffffff891602179091179055600281018054426001600160401b031667ffffffffffffffff60401b90911617600160801b346001600160801b0316021790558215611bec57611b3d60027f0000000000000000000000000000000000000000000000000000000000000000615139565b611b479042615030565b6002820180546001600160401b0392909216600160401b026fffffffffffffffff0000000000000000199092169190911790555f5b83811015611bea575f838152600360205260408120600191878785818110611ba657611ba6615158565b9050602002016020810190611bbb9190614787565b6001600160a01b0316815260208101919091526040015f20805460ff1916911515919091179055600101611b7c565b505b611980828286868c8c6136a4565b60405163eb20bda160e01b81526001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169063eb20bda190611c4a908590339086906004016153cb565b602060405180830381865afa158015611c65573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611c8991906153f3565b611ca657604051635d5debef60e11b815260040160405180910390fd5b335f90815260086020526040902080611cbf848261540e565b5060048101805467ffffffffffffffff1916436001600160401b0381169190911790915560405133917fb74e17deb9f1347a5871d9aeb3f3521adb76f5e92f38e88a89330995bb0e4a8a91611d1591879161542e565b60405180910390a2505050565b5f89815260046020526040902060018082015460ff166004811115611d4957611d4961467c565b14611d7457600181015460405163f333f67b60e01b8152610a20918c9160ff90911690600401614fff565b5f8a81526007602052604081208054909163ffffffff9091169003611db5576040516313e9391f60e21b8152600481018c90525f6024820152604401610a20565b7f00000000000000000000000000000000000000000000000000000000000000003414611e1d5760405163062f01ed60e11b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610a20565b611e298b83838d613745565b611e39828a8a8a8a8a8a8a613968565b8054611e4e908a908a9063ffffffff16613d5f565b611e5c8b838b8b8b8b613e34565b5050505050505050505050565b5f88815260046020526040902060018082015460ff166004811115611e9057611e9061467c565b14611ebb57600181015460405163f333f67b60e01b8152610a20918b9160ff90911690600401614fff565b6001810154600160d01b900460ff1615611ef2576040516313e9391f60e21b8152600481018a905260016024820152604401610a20565b6002810154600160401b90046001600160401b031642108015611f2e57505f89815260036020908152604080832033845290915290205460ff16155b15611f69576002810154604051630c2c075560e41b8152336004820152600160401b9091046001600160401b03166024820152604401610a20565b7f00000000000000000000000000000000000000000000000000000000000000003414611fd15760405163062f01ed60e11b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610a20565b611fe18189898989898989613968565b611fef89828a8a8a8a613e34565b505050505050505050565b604080516102a0810182525f808252602080830182905282840182905260608084018390526080840183905260a0840183905260c0840183905260e08401839052610100840183905261012084018390526101408401839052610160840183905261018084018390526101a084018390526101c084018390526101e0840183905261020084018390526102208401839052610240840183905261026084018390528451808201865283815291820192909252928301526102808101919091525f8281526004602081815260409283902083516102a08101855281546001600160a01b038116825263ffffffff600160a01b8204811694830194909452600160c01b8104841695820195909552600160e01b909404909116606084015260018101549091608084019160ff16908111156121355761213561467c565b60048111156121465761214661467c565b815260018201546001600160a01b03610100808304821660208086019190915263ffffffff600160a81b8504811660408088019190915260ff600160c81b870481166060808a0191909152600160d01b909704161515608088015260028801546001600160401b0380821660a08a0152600160401b8204811660c08a01526001600160801b03600160801b909204821660e08a015260038a015495890195909552600489015461012089015260058901546101408901526006890154958616610160890152600160a01b8604909416610180880152600160e01b90940481166101a087015260078701549081166101c0870152600160201b90049091166101e0850152815192830182526008850180548452600986015491840191909152600a8501805461020090950194919284019161227f9061506b565b80601f01602080910402602001604051908101604052809291908181526020018280546122ab9061506b565b80156122f65780601f106122cd576101008083540402835291602001916122f6565b820191905f5260205f20905b8154815290600101906020018083116122d957829003601f168201915b5050509190925250505090525092915050565b5f61231583835f613f96565b9392505050565b5f8881526004602052604081206002600182015460ff1660048111156123445761234461467c565b1461236f57600181015460405163f333f67b60e01b8152610a20918c9160ff90911690600401614fff565b6006810154600160a01b90046001600160401b031642106123ba5760068101546040516305bd3a4960e51b8152600160a01b9091046001600160401b03166004820152602401610a20565b7f000000000000000000000000000000000000000000000000000000000000000034146124225760405163062f01ed60e11b81523460048201527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610a20565b6009810154860361244657604051633acfec7560e21b815260040160405180910390fd5b612456818a8a8a8a8a8a8a613968565b5f8a815260056020908152604080832080546001808201835582865294849020600680830290910180543360ff60a01b19166001600160a81b031990911617600160a01b178082559188015463ffffffff60a81b19909216600160e01b90920463ffffffff16600160a81b0291909117815594850180546001600160801b031916346001600160801b031617905582516060810184528c81528085018c90528351601f8f0186900486028101860185528e815291975091949391928301918e908e90819084018382808284375f9201919091525050509152508051600383019081556020820151600484015560408201516005840190612556908261548c565b505050600783018054600191905f9061257690849063ffffffff16615549565b82546101009290920a63ffffffff81810219909316918316021790915560038501546005860154600987015487546006890154604051634912634360e01b8152600481019590955260248501939093526044840191909152600160a01b900490921660648201526001600160a01b0391821660848201523360a48201525f92507f00000000000000000000000000000000000000000000000000000000000000009091169063491263439060c4016020604051808303815f875af1158015612640573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906126649190615565565b6002830181905560408051828152602081018d90529081018b9052909150339086908f907f3d482348da74b00622f361c46677e29716e27cd00346fae5f33fa4c0b3dfb48a9060600160405180910390a45050505098975050505050505050565b5f828152600560205260409020805482106126fd57604051630aeba9d360e11b81526004810184905260248101839052604401610a20565b5f81838154811061271057612710615158565b5f9182526020909120600690910201905060018154600160a01b900460ff1660048111156127405761274061467c565b1461276857604051630aeba9d360e11b81526004810185905260248101849052604401610a20565b60028101546040516342d21ef760e01b81525f916001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016916342d21ef7916127bd9160040190815260200190565b602060405180830381865afa1580156127d8573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906127fc919061558c565b90508060ff165f0361282957816002015460405163366043d160e01b8152600401610a2091815260200190565b60028160ff1611156128535760405163135ce75960e01b815260ff82166004820152602401610a20565b5f8581526004602052604090208254600682015463ffffffff600160a81b909204821691600160e01b909104168103612b3f57600782018054600191905f906128a390849063ffffffff166155a5565b92506101000a81548163ffffffff021916908363ffffffff1602179055508260ff166001036128f25760068201546128e9908890889087906001600160a01b0316614248565b50505050505050565b8354600160a11b60ff60a01b199091161784555f87815260066020818152604080842063ffffffff8681168652925283209185015482546001600160a01b031981166001600160a01b0390921691821784556007870180546001860180546001600160801b0319166001600160801b03600160201b909304929092169190911790555463ffffffff60c01b199316600160a01b026001600160c01b03199091169091171716600160c01b178155906129ca7f000000000000000000000000000000000000000000000000000000000000000042615030565b86546006860180546001600160a01b039092166001600160a01b0319909216919091179055600187018054600787018054640100000000600160a01b0319166001600160801b03909216600160201b0291909117905580546001600160801b0319169055600387018054600887019081556004890154600988015591925090600a8601612a5a60058a01826155c1565b50505060068401805467ffffffffffffffff60a01b1916600160a01b6001600160401b03841602179055612a8f836001615549565b60068501805463ffffffff92909216600160e01b026001600160e01b0390921691909117905560078401805463ffffffff19169055855460408051600181526001600160401b03841660208201526001600160a01b03909216918a918c917fe931ec15e5240d9eba9269b443a20d4236486bab7f340fedcee0acfbcd8ef917910160405180910390a48154600160a01b900463ffffffff165f03612b3857612b388984846142ea565b50506128e9565b5f87815260066020908152604080832063ffffffff80861685529252909120805490916001918391601491612b7d918591600160a01b9004166155a5565b92506101000a81548163ffffffff021916908363ffffffff1602179055508360ff16600103612bc5578054612bc0908990899088906001600160a01b0316614248565b612c63565b845460ff60a01b1916600160a11b17855580546001908290601890612bf8908490600160c01b900463ffffffff16615549565b825463ffffffff9182166101009390930a9283029190920219909116179055508454604080515f80825260208201526001600160a01b039092169189918b917fe931ec15e5240d9eba9269b443a20d4236486bab7f340fedcee0acfbcd8ef917910160405180910390a45b8054600160a01b900463ffffffff165f03612c8357612c838883836142ea565b5050505050505050565b5f81815260076020908152604080832060049092529091208154606092919063ffffffff161580612cd5575060018082015460ff166004811115612cd357612cd361467c565b145b80612cf857506004600182015460ff166004811115612cf657612cf661467c565b145b15612d04575050919050565b5f816008016002018054612d179061506b565b80601f0160208091040260200160405190810160405280929190818152602001828054612d439061506b565b8015612d8e5780601f10612d6557610100808354040283529160200191612d8e565b820191905f5260205f20905b815481529060010190602001808311612d7157829003601f168201915b50508654845194955063ffffffff16935f9350601c119150612dcb9050576004601c8451612dbc919061568d565b612dc69190615139565b612dcd565b5f5b905081811015612ddb578091505b6001850154600160401b810460ff1690600160481b900463ffffffff16836001600160401b03811115612e1057612e106147e5565b604051908082528060200260200182016040528015612e39578160200160208202803683370190505b5097505f805b85811015612ec457600481028701603c01515f612e5f60e083901c612f4e565b9050808c8481518110612e7457612e74615158565b63ffffffff90921660209283029190910190910152612e94836001615030565b9350858015612eae57508463ffffffff168163ffffffff16145b15612eba575050612ec4565b5050600101612e3f565b5088525095979650505050505050565b805f03612edf575050565b6001600160a01b0382165f9081526001602052604081208054839290612f06908490615030565b90915550506040518181526001600160a01b038316907f9c9e0cdb1670e88302408e5b941dc636f63a3293204694bb68910fcf3d9305f3906020015b60405180910390a25050565b5f60188263ffffffff16901b60088363ffffffff16901b62ff00001660088463ffffffff16901c61ff001660188563ffffffff16901c1717179050919050565b5f815f03612f9d57505f610dc8565b81600103612fd6578251600114612fb4575f612fcf565b825f81518110612fc657612fc6615158565b60200260200101515b9050610dc8565b82515f60015b848110156130e2575f6002612ff2856001615030565b612ffc9190615139565b90505f5b818110156130c0575f88613015836002615243565b8151811061302557613025615158565b602002602001015190505f8683600261303e9190615243565b613049906001615030565b106130545785613084565b89613060846002615243565b61306b906001615030565b8151811061307b5761307b615158565b60200260200101515b905061309982825f9182526020526040902090565b8a84815181106130ab576130ab615158565b60209081029190910101525050600101613000565b508093506130d783845f9182526020526040902090565b92505060011b612fdc565b821561310757855f815181106130fa576130fa615158565b6020026020010151610dc2565b50949350505050565b5f5f5f5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663e9170a038b6040518263ffffffff1660e01b815260040161316491815260200190565b5f60405180830381865afa15801561317e573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526131a591908101906156a0565b94509450945094509450600360ff168460ff161415806131c757508051600114155b156131e857604051633ae3b61160e21b8152600481018b9052602401610a20565b61ffff83166131f88a6001615030565b1461322f5788613209600185615780565b604051631d92be2560e21b8152600481019290925261ffff166024820152604401610a20565b5f5f815461323c906153b3565b91829055505f818152600460208190526040909120600381018d9055908101849055805463ffffffff60a01b1916600160a01b63ffffffff891602178155600181018054600160d01b61ffff60c81b19909116600160c81b60ff8a160260ff60d01b1916171790559096506132b58661ffff8616615549565b815463ffffffff91909116600160c01b0263ffffffff60c01b19909116178155815182905f906132e7576132e7615158565b602090810291909101015181543367ffffffffffffffff60a01b909116600160e01b63ffffffff938416026001600160a01b03191617178255600180830180546001600160c81b0319166101006001600160a01b039d909d169c909c0263ffffffff60a81b19169b909b17600160a81b9a909216999099021790971790975550505060029092018054426001600160401b031667ffffffffffffffff60401b90911617600160801b346001600160801b031602179055949350505050565b83546003850154600286015485546001808901546040516001600160a01b03968716968c957f51a8fd707cbb7f01b6e71ea73a620c0cd57333328faaca6ec2ab551f0db99a2f9561342b95600160801b9092046001600160801b03169463ffffffff91821694928e019361010082041692600160a81b909104909116908c908c906157d5565b60405180910390a45050505050565b5f5f5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663e9170a03896040518263ffffffff1660e01b815260040161348d91815260200190565b5f60405180830381865afa1580156134a7573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526134ce91908101906156a0565b9398509196509450925090508561ffff8416811461350c57604051632fca04b760e11b81526004810182905261ffff85166024820152604401610a20565b5f816001600160401b03811115613525576135256147e5565b60405190808252806020026020018201604052801561354e578160200160208202803683370190505b5090505f5b828110156135d3576135878a8a8381811061357057613570615158565b9050602002810190613582919061586f565b6143cd565b6135ae8a8a8381811061359c5761359c615158565b90506020028101906102ee919061586f565b8282815181106135c0576135c0615158565b6020908102919091010152600101613553565b5060038b018a905560048b018490558a5463ffffffff60a01b1916600160a01b63ffffffff8916908102919091178c5560018c01805460ff60c81b1916600160c81b60ff8a16021790556136279083615030565b8b5463ffffffff91909116600160c01b0263ffffffff60c01b19909116178b55825183905f9061365957613659615158565b60209081029190910101518b546001600160e01b0316600160e01b63ffffffff92831602178c5561368f90859083908a166114df565b8b600501819055505050505050505050505050565b845460038601546002870154600588015460018901546040516001600160a01b03808716968d957fdb4eb27ff23bf67d0087c3912917c67fb68f69a97c3c324c2b777a63e1a6d471956116e995600160801b83046001600160801b0316959194600160e01b90940463ffffffff9081169461010083041693600160a81b9092041691600160401b9091046001600160401b0316908f908f908f908f90615971565b335f90815260086020526040902060048101546001600160401b0316801580613783575083546001600160401b03600160201b909104811690821610155b156137c557835460405163ba2b786b60e01b81523360048201526001600160401b038084166024830152600160201b9092049091166044820152606401610a20565b600385015460405163d9451add60e01b81525f916001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169163d9451add91613820918791469130918e918c90600401615a22565b602060405180830381865afa15801561383b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061385f9190615565565b90505f6139108760040154876003018054806020026020016040519081016040528092919081815260200182805480156138e157602002820191905f5260205f20905f905b82829054906101000a900463ffffffff1663ffffffff16815260200190600401906020826003010492830192600103820291508084116138a45790505b5050505060018a01548b5463ffffffff8083169350600160201b9092048216918891600160a01b90041661121f565b6002870183905560058801819055604080518481526020810183905291925033918a917f278f03ad653b5edd94a2379ae5c9c4748bbedcea7a2fa2a912b90b85f1f69ebf910160405180910390a35050505050505050565b614000861115613996576040516372cd7bff60e01b8152600481018790526140006024820152604401610a20565b838860040154846040516020016139b7929190918252602082015260400190565b60405160208183030381529060405280519060200120146139ee5760405160016221d73760e11b0319815260040160405180910390fd5b6001880154606090600219600160c81b90910460ff1601613aa457600389015460405163e9170a0360e01b815260048101919091527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063e9170a03906024015f60405180830381865afa158015613a71573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f19168201604052613a9891908101906156a0565b9450613b029350505050565b60408051600180825281830190925290602080830190803683370190505089548151919250600160e01b900463ffffffff169082905f90613ae757613ae7615158565b602002602001019063ffffffff16908163ffffffff16815250505b88545f90613b1c90600160c01b900463ffffffff166143fd565b9050815181613b2b9190615243565b8314613b4a5760405163623c369760e01b815260040160405180910390fd5b5f82516001600160401b03811115613b6457613b646147e5565b604051908082528060200260200182016040528015613b8d578160200160208202803683370190505b5090505f805b8451811015613d05578a8210613bbf576040516312cf921160e01b815260048101839052602401610a20565b5f613bcb8d8d85613f96565b90505f613beb8e858f613bde8683615030565b926102ee93929190615a85565b905080858481518110613c0057613c00615158565b6020908102919091010152613c158285615030565b93505f878481518110613c2a57613c2a615158565b602002602001015163ffffffff1690505f8785613c479190615243565b90505b87613c56866001615030565b613c609190615243565b811015613cd9576001821615613ca057613c9b8b8b83818110613c8557613c85615158565b90506020020135845f9182526020526040902090565b613ccb565b613ccb838c8c84818110613cb657613cb6615158565b905060200201355f9182526020526040902090565b9250600191821c9101613c4a565b508a8214613cfa5760405163623c369760e01b815260040160405180910390fd5b505050600101613b93565b50808a14613d29576040516312cf921160e01b815260048101829052602401610a20565b88613d3383611383565b14613d5157604051630329ac5960e61b815260040160405180910390fd5b505050505050505050505050565b601c821015613d815760405163ab6e42ef60e01b815260040160405180910390fd5b5f83818460208110613d94576020613d96565b855b92613da393929190615a85565b613dac91615aac565b9050600160ff60d083901c16141580613dcd575060c881901c60ff16600214155b80613de45750613ddf84846018614422565b600414155b15613e025760405163ab6e42ef60e01b815260040160405180910390fd5b81613e0f85856014614422565b1015613e2e5760405163ab6e42ef60e01b815260040160405180910390fd5b50505050565b5f613e5f7f000000000000000000000000000000000000000000000000000000000000000042615030565b600187018054600260ff199091161790556006870180546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b6001600160401b03841602179055600787018054640100000000600160a01b031916600160201b346001600160801b0316021790556040805160608101825285815260208082018690528251601f890182900482028101820184528881529394509092918301919088908890819084018382808284375f920191909152505050915250805160088801908155602082015160098901556040820151600a890190613f3f908261548c565b50905050336001600160a01b0316877f1ce07d316469d0f8e0306af82399a7ce8a0ad3470eb95fc0cc754cc391a56b8d8585858a8a604051613f85959493929190615ac9565b60405180910390a350505050505050565b5f80613fa2838561568d565b90506014811015613fc9576040516312cf921160e01b815260048101849052602401610a20565b5f858486613fd8826014615030565b92613fe593929190615a85565b613fee91615aac565b905060ff60d082901c81169060c883901c16634149565460e084901c14158061401f575060d883901c60ff16600114155b80614028575081155b806140335750600382115b8061403e5750600881115b8061404f575060ff60c084901c1615155b15614070576040516312cf921160e01b815260048101879052602401610a20565b5f61407c826004615243565b614087906014615030565b9050808510156140ad576040516312cf921160e01b815260048101889052602401610a20565b60015f5b838110156141eb575f6140c5826004615243565b6140d08b6014615030565b6140da9190615030565b90505f60188d8d6140ec856003615030565b8181106140fb576140fb615158565b919091013560f81c90911b905060108e8e614117866002615030565b81811061412657614126615158565b919091013560f81c90911b905060088f8f614142876001615030565b81811061415157614151615158565b919091013560f81c90911b90508f8f8681811061417057614170615158565b9050013560f81c60f81b60f81c60ff16171717905063100000008111156141ad576040516312cf921160e01b8152600481018c9052602401610a20565b6141b78185615243565b935063100000008411156141e1576040516312cf921160e01b8152600481018c9052602401610a20565b50506001016140b1565b50836003146141fb5760016141fe565b60045b61420b9060ff1682615243565b6142159083615030565b96508686101561423b576040516312cf921160e01b815260048101899052602401610a20565b5050505050509392505050565b815460ff60a01b1916600360a01b1782556001820180546001600160801b031981169091556001600160801b03165f61271061428661138884615243565b6142909190615139565b905061429c86826144d2565b6142aa83610b18838561568d565b826001600160a01b031685877fe27b83228ebdbe5e8f31da08dafa00aadb7187e00994802f0f0faf90f7149ba260405160405180910390a4505050505050565b600181015481546001600160801b0390911690600160c01b900463ffffffff165f8161271061431b61138886615243565b6143259190615139565b61432f908561568d565b6143399190615139565b90505f6143468383615243565b614350908561568d565b6001600160801b038316600160801b026001870155855460ff60e01b1916600160e01b178655905061438287826144d2565b6040805163ffffffff8581168252602082018590529181018390529087169088907f0cb8ba048c84427474f5a7c4fdb8303729bda607e566311598beaae69af75d0290606001613f85565b806143d983825f613f96565b146143f9576040516312cf921160e01b81525f6004820152602401610a20565b5050565b5f5b81816001901b101561441d5780614415816153b3565b9150506143ff565b919050565b5f60188484614432856003615030565b81811061444157614441615158565b919091013560f81c90911b90506010858561445d866002615030565b81811061446c5761446c615158565b919091013560f81c90911b905060088686614488876001615030565b81811061449757614497615158565b919091013560f81c90911b90508686868181106144b6576144b6615158565b9050013560f81c60f81b60f81c60ff1617171790509392505050565b805f036144dd575050565b8060025f8282546144ee9190615030565b909155505060405181815282907fcec1bae6e024d929f2929f3478ce70f55f9c636c8ef7b5073a61d7c3a432451b90602001612f42565b6040805160c081019091525f808252602082019081526020015f63ffffffff1681526020015f6001600160801b031681526020015f815260200161458160405180606001604052805f81526020015f8152602001606081525090565b905290565b60405180604001604052806145996145a5565b81525f60209091015290565b60405180608001604052806004906020820280368337509192915050565b5f602082840312156145d3575f5ffd5b5035919050565b5f5f83601f8401126145ea575f5ffd5b5081356001600160401b03811115614600575f5ffd5b602083019150836020828501011115614617575f5ffd5b9250929050565b5f5f6020838503121561462f575f5ffd5b82356001600160401b03811115614644575f5ffd5b614650858286016145da565b90969095509350505050565b5f5f6040838503121561466d575f5ffd5b50508035926020909101359150565b634e487b7160e01b5f52602160045260245ffd5b600581106146ac57634e487b7160e01b5f52602160045260245ffd5b50565b80518252602081015160208301525f60408201516060604085015280518060608601528060208301608087015e5f608082870101526080601f19601f8301168601019250505092915050565b602080825282516001600160a01b0316828201528201515f9061471d81614690565b8060408401525063ffffffff60408401511660608301526001600160801b036060840151166080830152608083015160a083015260a083015160c08084015261476960e08401826146af565b949350505050565b80356001600160a01b038116811461441d575f5ffd5b5f60208284031215614797575f5ffd5b61231582614771565b815160a0820190825f5b60048110156147c95782518252602092830192909101906001016147aa565b5050506001600160401b03602084015116608083015292915050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b0381118282101715614821576148216147e5565b604052919050565b5f6001600160401b03821115614841576148416147e5565b5060051b60200190565b63ffffffff811681146146ac575f5ffd5b803561441d8161484b565b5f5f5f5f5f5f60c0878903121561487c575f5ffd5b8635955060208701356001600160401b03811115614898575f5ffd5b8701601f810189136148a8575f5ffd5b80356148bb6148b682614829565b6147f9565b8082825260208201915060208360051b85010192508b8311156148dc575f5ffd5b6020840193505b828410156149075783356148f68161484b565b8252602093840193909101906148e3565b9750614919925050506040880161485c565b93506149276060880161485c565b9598949750929560808101359460a0909101359350915050565b5f82601f830112614950575f5ffd5b813561495e6148b682614829565b8082825260208201915060208360051b86010192508583111561497f575f5ffd5b602085015b8381101561499c578035835260209283019201614984565b5095945050505050565b5f602082840312156149b6575f5ffd5b81356001600160401b038111156149cb575f5ffd5b61476984828501614941565b5f8151808452602084019350602083015f5b82811015614a0d57815163ffffffff168652602095860195909101906001016149e9565b5093949350505050565b6020815263ffffffff82511660208201526001600160401b0360208301511660408201525f604083015163ffffffff815116606084015263ffffffff60208201511660808401526040810151151560a084015263ffffffff60608201511660c084015250606083015160e08301526080830151610100808401526147696101208401826149d7565b5f5f5f60608486031215614ab1575f5ffd5b8335925060208401356001600160401b03811115614acd575f5ffd5b614ad986828701614941565b93969395505050506040919091013590565b5f5f83601f840112614afb575f5ffd5b5081356001600160401b03811115614b11575f5ffd5b6020830191508360208260051b8501011115614617575f5ffd5b5f5f5f5f5f5f5f878903610120811215614b43575f5ffd5b8835975060208901356001600160401b03811115614b5f575f5ffd5b614b6b8b828c01614aeb565b9098509650506040890135614b7f8161484b565b94506080605f1982011215614b92575f5ffd5b50606088019250614ba560e08901614771565b9150610100880135614bb68161484b565b8091505092959891949750929550565b5f5f5f5f5f5f5f60a0888a031215614bdc575f5ffd5b8735965060208801356001600160401b03811115614bf8575f5ffd5b614c048a828b01614aeb565b9097509550614c17905060408901614771565b93506060880135614c278161484b565b925060808801356001600160401b03811115614c41575f5ffd5b614c4d8a828b01614aeb565b989b979a50959850939692959293505050565b8060408101831015610dc8575f5ffd5b5f5f60c08385031215614c81575f5ffd5b6080830184811115614c91575f5ffd5b839250614c9e8582614c60565b9150509250929050565b5f5f5f5f5f5f5f5f5f6101008a8c031215614cc1575f5ffd5b89359850614cd28b60208c01614c60565b975060608a01356001600160401b03811115614cec575f5ffd5b614cf88c828d016145da565b90985096505060808a0135945060a08a0135935060c08a0135925060e08a01356001600160401b03811115614d2b575f5ffd5b614d378c828d01614aeb565b915080935050809150509295985092959850929598565b5f5f5f5f5f5f5f5f60c0898b031215614d65575f5ffd5b8835975060208901356001600160401b03811115614d81575f5ffd5b614d8d8b828c016145da565b90985096505060408901359450606089013593506080890135925060a08901356001600160401b03811115614dc0575f5ffd5b614dcc8b828c01614aeb565b999c989b5096995094979396929594505050565b5f5f60408385031215614df1575f5ffd5b823591506020830135614e038161484b565b809150509250929050565b614e1781614690565b9052565b60208152614e356020820183516001600160a01b03169052565b5f6020830151614e4d604084018263ffffffff169052565b50604083015163ffffffff8116606084015250606083015163ffffffff81166080840152506080830151614e8460a0840182614e0e565b5060a08301516001600160a01b03811660c08401525060c083015163ffffffff811660e08401525060e083015160ff811661010084015250610100830151801515610120840152506101208301516001600160401b038116610140840152506101408301516001600160401b038116610160840152506101608301516001600160801b038116610180840152506101808301516101a08301526101a08301516101c08301526101c08301516101e08301526101e0830151614f516102008401826001600160a01b03169052565b506102008301516001600160401b0381166102208401525061022083015163ffffffff81166102408401525061024083015163ffffffff8116610260840152506102608301516001600160801b038116610280840152506102808301516102a0808401526147696102c08401826146af565b5f5f60408385031215614fd4575f5ffd5b82359150614fe460208401614771565b90509250929050565b602081525f61231560208301846149d7565b8281526040810161500f83614690565b8260208301529392505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610dc857610dc861501c565b838152606060208201525f61505b60608301856149d7565b9050826040830152949350505050565b600181811c9082168061507f57607f821691505b60208210810361509d57634e487b7160e01b5f52602260045260245ffd5b50919050565b838152606060208201525f5f84546150ba8161506b565b806060860152600182165f81146150d857600181146150f457615125565b60ff1983166080870152608082151560051b8701019350615125565b875f5260205f205f5b8381101561511c578154888201608001526001909101906020016150fd565b87016080019450505b505050604092909201929092529392505050565b5f8261515357634e487b7160e01b5f52601260045260245ffd5b500490565b634e487b7160e01b5f52603260045260245ffd5b5f6020828403121561517c575f5ffd5b81356123158161484b565b5f8135610dc88161484b565b80151581146146ac575f5ffd5b81356151ab8161484b565b815460208401356151bb8161484b565b60408501356151c981615193565b68ff000000000000000081151560401b1663ffffffff851668ffffffffffffffffff1985161767ffffffff000000008460201b1617178555505050505f60608301356152148161484b565b82546cffffffff000000000000000000191660489190911b6cffffffff00000000000000000016179091555050565b8082028115828204841417610dc857610dc861501c565b5f5b82811015615271575f8282015560010161525c565b505050565b600160401b82111561528a5761528a6147e5565b805482825580831015615271576007830160031c825f528060205f2001601c8560021b1680156152c9575f19820180545f198360200360031b1c168155505b506152dc826007850160031c038261525a565b5050505050565b6001600160401b038311156152fa576152fa6147e5565b6153048382615276565b5f8181526020902082908460031c5f5b8181101561536c575f5f5b600881101561535f5761534e61533487615187565b63ffffffff908116600584901b90811b91901b1984161790565b60209690960195915060010161531f565b5083820155600101615314565b506007198616808703818814612c83575f5f5b828110156153a45761539361533488615187565b60209790970196915060010161537f565b50848401555050505050505050565b5f600182016153c4576153c461501c565b5060010190565b60e0810160808583376001600160a01b038416608083015260408360a0840137949350505050565b5f60208284031215615403575f5ffd5b815161231581615193565b815f5b6004811015613e2e57813583820155602090910190600101615411565b60a0810160808483376001600160401b03831660808301529392505050565b601f821115615271578282111561527157805f5260205f20601f840160051c602085101561547857505f5b6152dc81601f860160051c0382840161525a565b81516001600160401b038111156154a5576154a56147e5565b6154b9816154b3845461506b565b8461544d565b6020601f8211600181146154ee575f83156154d45750848201515b600184901b5f19600386901b1c198216175b8555506152dc565b5f84815260208120601f198516915b8281101561551d57878501518255602094850194600190920191016154fd565b508482101561553a57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b63ffffffff8181168382160190811115610dc857610dc861501c565b5f60208284031215615575575f5ffd5b5051919050565b805160ff8116811461441d575f5ffd5b5f6020828403121561559c575f5ffd5b6123158261557c565b63ffffffff8281168282160390811115610dc857610dc861501c565b8181036155cc575050565b6155d6825461506b565b6001600160401b038111156155ed576155ed6147e5565b6155fb816154b3845461506b565b5f601f82116001811461562a575f83156154d4575081850154600184901b5f19600386901b1c198216176154e6565b5f8581526020808220868352908220601f198616925b838110156156605782860154825560019586019590910190602001615640565b508583101561567d57818501545f19600388901b60f8161c191681555b5050505050600190811b01905550565b81810381811115610dc857610dc861501c565b5f5f5f5f5f60a086880312156156b4575f5ffd5b85516156bf8161484b565b94506156cd6020870161557c565b9350604086015161ffff811681146156e3575f5ffd5b6060870151608088015191945092506001600160401b03811115615705575f5ffd5b8601601f81018813615715575f5ffd5b80516157236148b682614829565b8082825260208201915060208360051b85010192508a831115615744575f5ffd5b6020840193505b8284101561576f57835161575e8161484b565b82526020938401939091019061574b565b809450505050509295509295909350565b61ffff8281168282160390811115610dc857610dc861501c565b8183526020830192505f815f5b84811015614a0d5781356157ba8161484b565b63ffffffff16865260209586019591909101906001016157a7565b6001600160801b038816815263ffffffff871660208201525f865463ffffffff8116604084015263ffffffff8160201c16606084015260ff8160401c161515608084015263ffffffff8160481c1660a08401525061583e60c08301876001600160a01b03169052565b63ffffffff851660e08301526101206101008301526158626101208301848661579a565b9998505050505050505050565b5f5f8335601e19843603018112615884575f5ffd5b8301803591506001600160401b0382111561589d575f5ffd5b602001915036819003821315614617575f5ffd5b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b5f8383855260208501945060208460051b820101835f601e19863603015b8782101561596457848403601f190189528235818112615915575f5ffd5b87016020810190356001600160401b03811115615930575f5ffd5b80360382131561593e575f5ffd5b6159498682846158b1565b955050506020830192506020890198506001820191506158f7565b5091979650505050505050565b6001600160801b038b168152602081018a905263ffffffff89811660408301526001600160a01b0389166060830152871660808201526001600160401b03861660a082015261010060c0820181905281018490525f856101208301825b878110156159fc576001600160a01b036159e784614771565b168252602092830192909101906001016159ce565b5083810360e0850152615a108186886158d9565b9e9d5050505050505050505050505050565b610140810181885f5b6004811015615a4a578154835260209092019160019182019101615a2b565b505050608082018790526001600160a01b03861660a083015260c0820185905260e08201849052604083610100840137979650505050505050565b5f5f85851115615a93575f5ffd5b83861115615a9f575f5ffd5b5050820193919092039150565b80356020831015610dc8575f19602084900360031b1b1692915050565b8581528460208201526001600160401b0384166040820152608060608201525f615af76080830184866158b1565b97965050505050505056fea2646970667358221220b62d439fb8e7957d528be366afdf378a782d2e461a3fcf4633cd1ba506c2d8d264736f6c634300082500336080604052348015600e575f5ffd5b5061115f8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c8063d9451add14610038578063eb20bda11461005e575b5f5ffd5b61004b610046366004610e03565b610081565b6040519081526020015b60405180910390f35b61007161006c366004610e62565b6100e6565b6040519015158152602001610055565b5f6100db8760048060200260405190810160405280929190826004602002808284375f92019190915250506040805180820182528a9250899189918991899060029083908390808284375f92019190915250610143915050565b979650505050505050565b5f61013b8460048060200260405190810160405280929190826004602002808284375f920191909152505060408051808201825287925090869060029083908390808284375f920191909152506101bf915050565b949350505050565b60408051602081018790526001600160a01b038616818301526060810185905260808082018590528251808303909101815260a09091019091525f9061018b9088908461021c565b81516020808401516040805180840194909452838101919091528051808403820181526060909301905281519101206100db565b5f806102028586866040516020016101d8929190610eb8565b60408051601f19818403018152606083019091526033808352909187916110f7602083013961024d565b600681111561021357610213610ea4565b14949350505050565b6102486102438484846040518060600160405280603381526020016110a46033913961024d565b61055d565b505050565b81515f905f5160206110d75f395f51905f5211158061027d575060208301515f5160206110d75f395f51905f5211155b80610296575084515f5160206110d75f395f51905f5211155b806102b2575060208501515f5160206110d75f395f51905f5211155b806102ce575060408501515f5160206110d75f395f51905f5211155b806102ea575060608501515f5160206110d75f395f51905f5211155b156102f75750600161013b565b825115801561030857506020830151155b156103155750600261013b565b82516103209061068b565b60208401515f5160206110d75f395f51905f52908009146103435750600361013b565b845115801561035457506020850151155b801561036257506040850151155b801561037057506060850151155b1561037d5750600461013b565b5f61038885846106c4565b90505f604051806101800160405280865f600281106103a9576103a9610efa565b60200201518152602001866001600281106103c6576103c6610efa565b602002015181526020017f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c281526020017f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed81526020017f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec81526020017f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d8152602001835f6002811061047a5761047a610efa565b602002015181526020018360016002811061049757610497610efa565b60200201518152602001885f600481106104b3576104b3610efa565b60200201518152602001886001600481106104d0576104d0610efa565b60200201518152602001886002600481106104ed576104ed610efa565b602002015181526020018860036004811061050a5761050a610efa565b60200201519052905061051b610d86565b5f602082610180856008620372d0fa90508061053e57600594505050505061013b565b815160011461054e576006610550565b5f5b9998505050505050505050565b5f81600681111561057057610570610ea4565b036105785750565b600181600681111561058c5761058c610ea4565b036105aa57604051630b3564f560e01b815260040160405180910390fd5b60028160068111156105be576105be610ea4565b036105dc576040516302a32b5560e51b815260040160405180910390fd5b60038160068111156105f0576105f0610ea4565b0361060e576040516375ea04af60e01b815260040160405180910390fd5b600481600681111561062257610622610ea4565b036106405760405163f0d5bc4160e01b815260040160405180910390fd5b600581600681111561065457610654610ea4565b0361067257604051639342014b60e01b815260040160405180910390fd5b6040516336e116cd60e01b815260040160405180910390fd5b5f5f5160206110d75f395f51905f5260035f5160206110d75f395f51905f52845f5160206110d75f395f51905f52868709090892915050565b6106cc610da4565b5f5f6106d8858561075e565b915091505f5f6106e78461080c565b915091505f5f6106f68561080c565b915091505f60405180608001604052808681526020018581526020018481526020018381525090505f60408960808460065afa9050806107505760405162a4859360e01b8152600660048201526024015b60405180910390fd5b505050505050505092915050565b5f5f5f61076d85856060610a6b565b60208101516040820151606083015192935090915f5160206110d75f395f51905f52608083901c5f5160206110d75f395f51905f52600160801b86090895505f5160206110d75f395f51905f52815f5160206110d75f395f51905f527f0e0a77c19a07df2f666ea36f7879462c0a78eb28f5c70b3dd35d438dc58f0d9d6fffffffffffffffffffffffffffffffff861609089450505050509250929050565b5f80805f5160206110d75f395f51905f5260045f5160206110d75f395f51905f528687090990505f5f5160206110d75f395f51905f528260010890505f5160206110d75f395f51905f5261086d835f5160206110d75f395f51905f52610f36565b60010891505f6108ad5f5160206110d75f395f51905f528385097f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45610cd2565b90505f5f5160206110d75f395f51905f5278016789af3a83522eb353c98fc6b36d713d5d8d1cc5dffffffa5f5160206110d75f395f51905f52845f5160206110d75f395f51905f52888c09090990505f5f5160206110d75f395f51905f52610922835f5160206110d75f395f51905f52610f36565b7f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea30896506109576109528861068b565b610d3e565b9650905080610a2f575f5160206110d75f395f51905f52827f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea308965061099f6109528861068b565b9650905080610a2f575f5160206110d75f395f51905f52835f5160206110d75f395f51905f528687090996505f5160206110d75f395f51905f5260015f5160206110d75f395f51905f527f10216f7ba065e00de81ac1e7808072c9dd2b2385cd7b438469602eb24829a9bd5f5160206110d75f395f51905f528b8c0909089650610a2b6109528861068b565b9650505b856001168860011614610a61575f5160206110d75f395f51905f52610a548782610f36565b610a5e9190610f49565b95505b5050505050915091565b60605f6020610a7b84601f610f5c565b610a859190610f6f565b905060ff811180610a97575060ff8451115b80610aa3575061ffff83115b15610ac157604051637b31555b60e11b815260040160405180910390fd5b5f848551604051602001610ad6929190610f99565b60408051601f1981840301815290829052915084905f90600290610b0890839081908c90879083908a90602001610fc0565b60408051601f1981840301815290829052610b2291611009565b602060405180830381855afa158015610b3d573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610b60919061101b565b9050610b6d846020611032565b67ffffffffffffffff811115610b8557610b85611049565b6040519080825280601f01601f191660200182016040528015610baf576020820181803683370190505b5094505f600282600186604051602001610bcb9392919061105d565b60408051601f1981840301815290829052610be591611009565b602060405180830381855afa158015610c00573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610c23919061101b565b60208701819052905060025b858111610cc25760028284188287604051602001610c4f9392919061105d565b60408051601f1981840301815290829052610c6991611009565b602060405180830381855afa158015610c84573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610ca7919061101b565b9150816020820288015280610cbb9061108b565b9050610c2f565b5086865250505050509392505050565b5f5f60405160208152602080820152602060408201528460608201528360808201525f5160206110d75f395f51905f5260a082015260208160c08360055afa90519250905080610d375760405162a4859360e01b815260056004820152602401610747565b5092915050565b5f5f610d6a837f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f52610cd2565b9050825f5160206110d75f395f51905f52828309149150915091565b60405180602001604052806001906020820280368337509192915050565b60405180604001604052806002906020820280368337509192915050565b8060808101831015610dd2575f5ffd5b92915050565b80356001600160a01b0381168114610dee575f5ffd5b919050565b8060408101831015610dd2575f5ffd5b5f5f5f5f5f5f6101408789031215610e19575f5ffd5b610e238888610dc2565b955060808701359450610e3860a08801610dd8565b935060c0870135925060e08701359150610e56886101008901610df3565b90509295509295509295565b5f5f5f60e08486031215610e74575f5ffd5b610e7e8585610dc2565b9250610e8c60808501610dd8565b9150610e9b8560a08601610df3565b90509250925092565b634e487b7160e01b5f52602160045260245ffd5b60a0810181845f5b6004811015610edf578151835260209283019290910190600101610ec0565b5050506001600160a01b039290921660809190910152919050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b81810381811115610dd257610dd2610f22565b5f82610f5757610f57610f0e565b500690565b80820180821115610dd257610dd2610f22565b5f82610f7d57610f7d610f0e565b500490565b5f81518060208401855e5f93019283525090919050565b5f610fa48285610f82565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f610fd76040830187610f82565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526105506003820185610f82565b5f6110148284610f82565b9392505050565b5f6020828403121561102b575f5ffd5b5051919050565b8082028115828204841417610dd257610dd2610f22565b634e487b7160e01b5f52604160045260245ffd5b83815260f883901b6001600160f81b03191660208201525f6110826021830184610f82565b95945050505050565b5f6001820161109c5761109c610f22565b506001019056fe4149564d2d5652462d5630312d435330312d776974682d424e32353447315f584d443a5348412d3235365f535644575f524f5f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd474149564d2d504f502d5630312d435330312d776974682d424e32353447315f584d443a5348412d3235365f535644575f524f5fa2646970667358221220f4214e2bda6db64f4cf5aea508ba0e42b9ad1319e37638fec94c76dd99ac658964736f6c63430008250033",
}

// InferenceMarket is an auto generated Go binding around an Ethereum contract.
type InferenceMarket struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *InferenceMarket) GetABI() abi.ABI {
	return c.abi
}

// NewInferenceMarket creates a new instance of InferenceMarket.
func NewInferenceMarket() *InferenceMarket {
	parsed, err := InferenceMarketMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &InferenceMarket{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *InferenceMarket) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_, address game_, uint256 submitterBond_, uint256 challengerBond_, uint256 challengeWindow_, uint256 requestTimeout_, uint256 maxCallbackGas_) returns()
func (inferenceMarket *InferenceMarket) PackConstructor(registry_ common.Address, game_ common.Address, submitterBond_ *big.Int, challengerBond_ *big.Int, challengeWindow_ *big.Int, requestTimeout_ *big.Int, maxCallbackGas_ *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("", registry_, game_, submitterBond_, challengerBond_, challengeWindow_, requestTimeout_, maxCallbackGas_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBURNBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa37a9fc0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BURN_BPS() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackBURNBPS() []byte {
	enc, err := inferenceMarket.abi.Pack("BURN_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBURNBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa37a9fc0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BURN_BPS() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackBURNBPS() ([]byte, error) {
	return inferenceMarket.abi.Pack("BURN_BPS")
}

// UnpackBURNBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa37a9fc0.
//
// Solidity: function BURN_BPS() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackBURNBPS(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("BURN_BPS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCALLBACKGASRESERVE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x33a2fd29.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CALLBACK_GAS_RESERVE() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackCALLBACKGASRESERVE() []byte {
	enc, err := inferenceMarket.abi.Pack("CALLBACK_GAS_RESERVE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCALLBACKGASRESERVE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x33a2fd29.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CALLBACK_GAS_RESERVE() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackCALLBACKGASRESERVE() ([]byte, error) {
	return inferenceMarket.abi.Pack("CALLBACK_GAS_RESERVE")
}

// UnpackCALLBACKGASRESERVE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x33a2fd29.
//
// Solidity: function CALLBACK_GAS_RESERVE() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackCALLBACKGASRESERVE(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("CALLBACK_GAS_RESERVE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXGENERATIONTOKENS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x32d41ade.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_GENERATION_TOKENS() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackMAXGENERATIONTOKENS() []byte {
	enc, err := inferenceMarket.abi.Pack("MAX_GENERATION_TOKENS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXGENERATIONTOKENS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x32d41ade.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_GENERATION_TOKENS() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackMAXGENERATIONTOKENS() ([]byte, error) {
	return inferenceMarket.abi.Pack("MAX_GENERATION_TOKENS")
}

// UnpackMAXGENERATIONTOKENS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x32d41ade.
//
// Solidity: function MAX_GENERATION_TOKENS() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackMAXGENERATIONTOKENS(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("MAX_GENERATION_TOKENS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXINPUTS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15bf02e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_INPUTS() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackMAXINPUTS() []byte {
	enc, err := inferenceMarket.abi.Pack("MAX_INPUTS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXINPUTS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15bf02e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_INPUTS() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackMAXINPUTS() ([]byte, error) {
	return inferenceMarket.abi.Pack("MAX_INPUTS")
}

// UnpackMAXINPUTS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x15bf02e5.
//
// Solidity: function MAX_INPUTS() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackMAXINPUTS(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("MAX_INPUTS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXOUTPUTBYTES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x34cad928.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_OUTPUT_BYTES() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackMAXOUTPUTBYTES() []byte {
	enc, err := inferenceMarket.abi.Pack("MAX_OUTPUT_BYTES")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXOUTPUTBYTES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x34cad928.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_OUTPUT_BYTES() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackMAXOUTPUTBYTES() ([]byte, error) {
	return inferenceMarket.abi.Pack("MAX_OUTPUT_BYTES")
}

// UnpackMAXOUTPUTBYTES is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x34cad928.
//
// Solidity: function MAX_OUTPUT_BYTES() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackMAXOUTPUTBYTES(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("MAX_OUTPUT_BYTES", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSLOTDEPTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2bfb47d1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SLOT_DEPTH() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackMAXSLOTDEPTH() []byte {
	enc, err := inferenceMarket.abi.Pack("MAX_SLOT_DEPTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSLOTDEPTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2bfb47d1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SLOT_DEPTH() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackMAXSLOTDEPTH() ([]byte, error) {
	return inferenceMarket.abi.Pack("MAX_SLOT_DEPTH")
}

// UnpackMAXSLOTDEPTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2bfb47d1.
//
// Solidity: function MAX_SLOT_DEPTH() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackMAXSLOTDEPTH(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("MAX_SLOT_DEPTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSUBMITTERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac31531b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SUBMITTERS() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackMAXSUBMITTERS() []byte {
	enc, err := inferenceMarket.abi.Pack("MAX_SUBMITTERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSUBMITTERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac31531b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SUBMITTERS() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackMAXSUBMITTERS() ([]byte, error) {
	return inferenceMarket.abi.Pack("MAX_SUBMITTERS")
}

// UnpackMAXSUBMITTERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xac31531b.
//
// Solidity: function MAX_SUBMITTERS() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackMAXSUBMITTERS(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("MAX_SUBMITTERS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSAMPLEONE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7c51a1e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SAMPLE_ONE() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackSAMPLEONE() []byte {
	enc, err := inferenceMarket.abi.Pack("SAMPLE_ONE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSAMPLEONE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7c51a1e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SAMPLE_ONE() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackSAMPLEONE() ([]byte, error) {
	return inferenceMarket.abi.Pack("SAMPLE_ONE")
}

// UnpackSAMPLEONE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc7c51a1e.
//
// Solidity: function SAMPLE_ONE() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackSAMPLEONE(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("SAMPLE_ONE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCancelRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3015394c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelRequest(uint256 requestId) returns()
func (inferenceMarket *InferenceMarket) PackCancelRequest(requestId *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("cancelRequest", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3015394c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelRequest(uint256 requestId) returns()
func (inferenceMarket *InferenceMarket) TryPackCancelRequest(requestId *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("cancelRequest", requestId)
}

// PackChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xccbd96e8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challenge(uint256 requestId, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns(uint256 challengeIndex)
func (inferenceMarket *InferenceMarket) PackChallenge(requestId *big.Int, output []byte, outputCommitment [32]byte, finalState [32]byte, activationsRoot [32]byte, slotPath [][32]byte) []byte {
	enc, err := inferenceMarket.abi.Pack("challenge", requestId, output, outputCommitment, finalState, activationsRoot, slotPath)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xccbd96e8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challenge(uint256 requestId, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns(uint256 challengeIndex)
func (inferenceMarket *InferenceMarket) TryPackChallenge(requestId *big.Int, output []byte, outputCommitment [32]byte, finalState [32]byte, activationsRoot [32]byte, slotPath [][32]byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("challenge", requestId, output, outputCommitment, finalState, activationsRoot, slotPath)
}

// UnpackChallenge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xccbd96e8.
//
// Solidity: function challenge(uint256 requestId, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns(uint256 challengeIndex)
func (inferenceMarket *InferenceMarket) UnpackChallenge(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("challenge", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackChallengeCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f422587.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeCount(uint256 requestId) view returns(uint256)
func (inferenceMarket *InferenceMarket) PackChallengeCount(requestId *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("challengeCount", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f422587.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeCount(uint256 requestId) view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackChallengeCount(requestId *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("challengeCount", requestId)
}

// UnpackChallengeCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1f422587.
//
// Solidity: function challengeCount(uint256 requestId) view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackChallengeCount(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("challengeCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeWindow() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackChallengeWindow() []byte {
	enc, err := inferenceMarket.abi.Pack("challengeWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeWindow() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackChallengeWindow() ([]byte, error) {
	return inferenceMarket.abi.Pack("challengeWindow")
}

// UnpackChallengeWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x861a1412.
//
// Solidity: function challengeWindow() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackChallengeWindow(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("challengeWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackChallengerBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68ccdc86.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengerBond() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackChallengerBond() []byte {
	enc, err := inferenceMarket.abi.Pack("challengerBond")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengerBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68ccdc86.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengerBond() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackChallengerBond() ([]byte, error) {
	return inferenceMarket.abi.Pack("challengerBond")
}

// UnpackChallengerBond is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x68ccdc86.
//
// Solidity: function challengerBond() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackChallengerBond(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("challengerBond", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaimReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86bb8f37.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimReward(uint256 requestId, uint256 challengeIndex) returns()
func (inferenceMarket *InferenceMarket) PackClaimReward(requestId *big.Int, challengeIndex *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("claimReward", requestId, challengeIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86bb8f37.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimReward(uint256 requestId, uint256 challengeIndex) returns()
func (inferenceMarket *InferenceMarket) TryPackClaimReward(requestId *big.Int, challengeIndex *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("claimReward", requestId, challengeIndex)
}

// PackCredits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe5ff468.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function credits(address ) view returns(uint256)
func (inferenceMarket *InferenceMarket) PackCredits(arg0 common.Address) []byte {
	enc, err := inferenceMarket.abi.Pack("credits", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCredits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe5ff468.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function credits(address ) view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackCredits(arg0 common.Address) ([]byte, error) {
	return inferenceMarket.abi.Pack("credits", arg0)
}

// UnpackCredits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfe5ff468.
//
// Solidity: function credits(address ) view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackCredits(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("credits", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDrawSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a4ea8c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function drawSeed(bytes32 seed) pure returns(uint32)
func (inferenceMarket *InferenceMarket) PackDrawSeed(seed [32]byte) []byte {
	enc, err := inferenceMarket.abi.Pack("drawSeed", seed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDrawSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a4ea8c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function drawSeed(bytes32 seed) pure returns(uint32)
func (inferenceMarket *InferenceMarket) TryPackDrawSeed(seed [32]byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("drawSeed", seed)
}

// UnpackDrawSeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3a4ea8c7.
//
// Solidity: function drawSeed(bytes32 seed) pure returns(uint32)
func (inferenceMarket *InferenceMarket) UnpackDrawSeed(data []byte) (uint32, error) {
	out, err := inferenceMarket.abi.Unpack("drawSeed", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackFinalize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05261aea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finalize(uint256 requestId) returns()
func (inferenceMarket *InferenceMarket) PackFinalize(requestId *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("finalize", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFinalize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05261aea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function finalize(uint256 requestId) returns()
func (inferenceMarket *InferenceMarket) TryPackFinalize(requestId *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("finalize", requestId)
}

// PackGame is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3fe3e28.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function game() view returns(address)
func (inferenceMarket *InferenceMarket) PackGame() []byte {
	enc, err := inferenceMarket.abi.Pack("game")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGame is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3fe3e28.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function game() view returns(address)
func (inferenceMarket *InferenceMarket) TryPackGame() ([]byte, error) {
	return inferenceMarket.abi.Pack("game")
}

// UnpackGame is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc3fe3e28.
//
// Solidity: function game() view returns(address)
func (inferenceMarket *InferenceMarket) UnpackGame(data []byte) (common.Address, error) {
	out, err := inferenceMarket.abi.Unpack("game", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGenerationInitialState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41729247.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function generationInitialState(bytes32 modelRoot, uint32[] prompt, uint32 temperature, uint32 topP, bytes32 seed, uint256 graphSize) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) PackGenerationInitialState(modelRoot [32]byte, prompt []uint32, temperature uint32, topP uint32, seed [32]byte, graphSize *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("generationInitialState", modelRoot, prompt, temperature, topP, seed, graphSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenerationInitialState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41729247.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function generationInitialState(bytes32 modelRoot, uint32[] prompt, uint32 temperature, uint32 topP, bytes32 seed, uint256 graphSize) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) TryPackGenerationInitialState(modelRoot [32]byte, prompt []uint32, temperature uint32, topP uint32, seed [32]byte, graphSize *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("generationInitialState", modelRoot, prompt, temperature, topP, seed, graphSize)
}

// UnpackGenerationInitialState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x41729247.
//
// Solidity: function generationInitialState(bytes32 modelRoot, uint32[] prompt, uint32 temperature, uint32 topP, bytes32 seed, uint256 graphSize) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) UnpackGenerationInitialState(data []byte) ([32]byte, error) {
	out, err := inferenceMarket.abi.Unpack("generationInitialState", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGenerationTokens is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe171112b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function generationTokens(uint256 requestId) view returns(uint32[] tokens)
func (inferenceMarket *InferenceMarket) PackGenerationTokens(requestId *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("generationTokens", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenerationTokens is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe171112b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function generationTokens(uint256 requestId) view returns(uint32[] tokens)
func (inferenceMarket *InferenceMarket) TryPackGenerationTokens(requestId *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("generationTokens", requestId)
}

// UnpackGenerationTokens is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe171112b.
//
// Solidity: function generationTokens(uint256 requestId) view returns(uint32[] tokens)
func (inferenceMarket *InferenceMarket) UnpackGenerationTokens(data []byte) ([]uint32, error) {
	out, err := inferenceMarket.abi.Unpack("generationTokens", data)
	if err != nil {
		return *new([]uint32), err
	}
	out0 := *abi.ConvertType(out[0], new([]uint32)).(*[]uint32)
	return out0, nil
}

// PackGetChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e8f396d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getChallenge(uint256 requestId, uint256 challengeIndex) view returns((address,uint8,uint32,uint128,uint256,(bytes32,bytes32,bytes)))
func (inferenceMarket *InferenceMarket) PackGetChallenge(requestId *big.Int, challengeIndex *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("getChallenge", requestId, challengeIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e8f396d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getChallenge(uint256 requestId, uint256 challengeIndex) view returns((address,uint8,uint32,uint128,uint256,(bytes32,bytes32,bytes)))
func (inferenceMarket *InferenceMarket) TryPackGetChallenge(requestId *big.Int, challengeIndex *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("getChallenge", requestId, challengeIndex)
}

// UnpackGetChallenge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2e8f396d.
//
// Solidity: function getChallenge(uint256 requestId, uint256 challengeIndex) view returns((address,uint8,uint32,uint128,uint256,(bytes32,bytes32,bytes)))
func (inferenceMarket *InferenceMarket) UnpackGetChallenge(data []byte) (InferenceMarketChallenge, error) {
	out, err := inferenceMarket.abi.Unpack("getChallenge", data)
	if err != nil {
		return *new(InferenceMarketChallenge), err
	}
	out0 := *abi.ConvertType(out[0], new(InferenceMarketChallenge)).(*InferenceMarketChallenge)
	return out0, nil
}

// PackGetGeneration is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56e3df97.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getGeneration(uint256 requestId) view returns((uint32,uint64,(uint32,uint32,bool,uint32),bytes32,uint32[]))
func (inferenceMarket *InferenceMarket) PackGetGeneration(requestId *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("getGeneration", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetGeneration is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56e3df97.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getGeneration(uint256 requestId) view returns((uint32,uint64,(uint32,uint32,bool,uint32),bytes32,uint32[]))
func (inferenceMarket *InferenceMarket) TryPackGetGeneration(requestId *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("getGeneration", requestId)
}

// UnpackGetGeneration is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x56e3df97.
//
// Solidity: function getGeneration(uint256 requestId) view returns((uint32,uint64,(uint32,uint32,bool,uint32),bytes32,uint32[]))
func (inferenceMarket *InferenceMarket) UnpackGetGeneration(data []byte) (InferenceMarketGeneration, error) {
	out, err := inferenceMarket.abi.Unpack("getGeneration", data)
	if err != nil {
		return *new(InferenceMarketGeneration), err
	}
	out0 := *abi.ConvertType(out[0], new(InferenceMarketGeneration)).(*InferenceMarketGeneration)
	return out0, nil
}

// PackGetRefutedRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf480ba3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRefutedRound(uint256 requestId, uint32 round) view returns((address,uint32,uint32,bool,uint128,uint128))
func (inferenceMarket *InferenceMarket) PackGetRefutedRound(requestId *big.Int, round uint32) []byte {
	enc, err := inferenceMarket.abi.Pack("getRefutedRound", requestId, round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRefutedRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf480ba3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRefutedRound(uint256 requestId, uint32 round) view returns((address,uint32,uint32,bool,uint128,uint128))
func (inferenceMarket *InferenceMarket) TryPackGetRefutedRound(requestId *big.Int, round uint32) ([]byte, error) {
	return inferenceMarket.abi.Pack("getRefutedRound", requestId, round)
}

// UnpackGetRefutedRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaf480ba3.
//
// Solidity: function getRefutedRound(uint256 requestId, uint32 round) view returns((address,uint32,uint32,bool,uint128,uint128))
func (inferenceMarket *InferenceMarket) UnpackGetRefutedRound(data []byte) (InferenceMarketRefutedRound, error) {
	out, err := inferenceMarket.abi.Unpack("getRefutedRound", data)
	if err != nil {
		return *new(InferenceMarketRefutedRound), err
	}
	out0 := *abi.ConvertType(out[0], new(InferenceMarketRefutedRound)).(*InferenceMarketRefutedRound)
	return out0, nil
}

// PackGetRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc58343ef.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRequest(uint256 requestId) view returns((address,uint32,uint32,uint32,uint8,address,uint32,uint8,bool,uint64,uint64,uint128,bytes32,bytes32,bytes32,address,uint64,uint32,uint32,uint128,(bytes32,bytes32,bytes)))
func (inferenceMarket *InferenceMarket) PackGetRequest(requestId *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("getRequest", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc58343ef.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRequest(uint256 requestId) view returns((address,uint32,uint32,uint32,uint8,address,uint32,uint8,bool,uint64,uint64,uint128,bytes32,bytes32,bytes32,address,uint64,uint32,uint32,uint128,(bytes32,bytes32,bytes)))
func (inferenceMarket *InferenceMarket) TryPackGetRequest(requestId *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("getRequest", requestId)
}

// UnpackGetRequest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc58343ef.
//
// Solidity: function getRequest(uint256 requestId) view returns((address,uint32,uint32,uint32,uint8,address,uint32,uint8,bool,uint64,uint64,uint128,bytes32,bytes32,bytes32,address,uint64,uint32,uint32,uint128,(bytes32,bytes32,bytes)))
func (inferenceMarket *InferenceMarket) UnpackGetRequest(data []byte) (InferenceMarketRequest, error) {
	out, err := inferenceMarket.abi.Unpack("getRequest", data)
	if err != nil {
		return *new(InferenceMarketRequest), err
	}
	out0 := *abi.ConvertType(out[0], new(InferenceMarketRequest)).(*InferenceMarketRequest)
	return out0, nil
}

// PackInitialState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x574d16f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function initialState(bytes32 modelRoot, bytes32[] inputCommits, uint256 graphSize) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) PackInitialState(modelRoot [32]byte, inputCommits [][32]byte, graphSize *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("initialState", modelRoot, inputCommits, graphSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInitialState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x574d16f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function initialState(bytes32 modelRoot, bytes32[] inputCommits, uint256 graphSize) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) TryPackInitialState(modelRoot [32]byte, inputCommits [][32]byte, graphSize *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("initialState", modelRoot, inputCommits, graphSize)
}

// UnpackInitialState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x574d16f1.
//
// Solidity: function initialState(bytes32 modelRoot, bytes32[] inputCommits, uint256 graphSize) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) UnpackInitialState(data []byte) ([32]byte, error) {
	out, err := inferenceMarket.abi.Unpack("initialState", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIsListedSubmitter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd76f4308.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isListedSubmitter(uint256 , address ) view returns(bool)
func (inferenceMarket *InferenceMarket) PackIsListedSubmitter(arg0 *big.Int, arg1 common.Address) []byte {
	enc, err := inferenceMarket.abi.Pack("isListedSubmitter", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsListedSubmitter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd76f4308.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isListedSubmitter(uint256 , address ) view returns(bool)
func (inferenceMarket *InferenceMarket) TryPackIsListedSubmitter(arg0 *big.Int, arg1 common.Address) ([]byte, error) {
	return inferenceMarket.abi.Pack("isListedSubmitter", arg0, arg1)
}

// UnpackIsListedSubmitter is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd76f4308.
//
// Solidity: function isListedSubmitter(uint256 , address ) view returns(bool)
func (inferenceMarket *InferenceMarket) UnpackIsListedSubmitter(data []byte) (bool, error) {
	out, err := inferenceMarket.abi.Unpack("isListedSubmitter", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMaxCallbackGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8e224a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxCallbackGas() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackMaxCallbackGas() []byte {
	enc, err := inferenceMarket.abi.Pack("maxCallbackGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxCallbackGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8e224a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxCallbackGas() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackMaxCallbackGas() ([]byte, error) {
	return inferenceMarket.abi.Pack("maxCallbackGas")
}

// UnpackMaxCallbackGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa8e224a4.
//
// Solidity: function maxCallbackGas() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackMaxCallbackGas(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("maxCallbackGas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMerkleRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x468f531e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function merkleRoot(bytes32[] leaves) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) PackMerkleRoot(leaves [][32]byte) []byte {
	enc, err := inferenceMarket.abi.Pack("merkleRoot", leaves)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMerkleRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x468f531e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function merkleRoot(bytes32[] leaves) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) TryPackMerkleRoot(leaves [][32]byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("merkleRoot", leaves)
}

// UnpackMerkleRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x468f531e.
//
// Solidity: function merkleRoot(bytes32[] leaves) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) UnpackMerkleRoot(data []byte) ([32]byte, error) {
	out, err := inferenceMarket.abi.Unpack("merkleRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegisterVrfKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97d0530b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerVrfKey(uint256[4] pk, uint256[2] pop) returns()
func (inferenceMarket *InferenceMarket) PackRegisterVrfKey(pk [4]*big.Int, pop [2]*big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("registerVrfKey", pk, pop)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterVrfKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97d0530b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerVrfKey(uint256[4] pk, uint256[2] pop) returns()
func (inferenceMarket *InferenceMarket) TryPackRegisterVrfKey(pk [4]*big.Int, pop [2]*big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("registerVrfKey", pk, pop)
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (inferenceMarket *InferenceMarket) PackRegistry() []byte {
	enc, err := inferenceMarket.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (inferenceMarket *InferenceMarket) TryPackRegistry() ([]byte, error) {
	return inferenceMarket.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (inferenceMarket *InferenceMarket) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := inferenceMarket.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRequestCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5badbe4c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestCount() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackRequestCount() []byte {
	enc, err := inferenceMarket.abi.Pack("requestCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5badbe4c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestCount() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackRequestCount() ([]byte, error) {
	return inferenceMarket.abi.Pack("requestCount")
}

// UnpackRequestCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5badbe4c.
//
// Solidity: function requestCount() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackRequestCount(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("requestCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRequestGeneration is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ed0f6b2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestGeneration(bytes32 kernelId, uint32[] promptTokens, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling, address callback, uint32 callbackGasLimit) payable returns(uint256 requestId)
func (inferenceMarket *InferenceMarket) PackRequestGeneration(kernelId [32]byte, promptTokens []uint32, maxTokens uint32, sampling InferenceMarketSampling, callback common.Address, callbackGasLimit uint32) []byte {
	enc, err := inferenceMarket.abi.Pack("requestGeneration", kernelId, promptTokens, maxTokens, sampling, callback, callbackGasLimit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestGeneration is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ed0f6b2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestGeneration(bytes32 kernelId, uint32[] promptTokens, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling, address callback, uint32 callbackGasLimit) payable returns(uint256 requestId)
func (inferenceMarket *InferenceMarket) TryPackRequestGeneration(kernelId [32]byte, promptTokens []uint32, maxTokens uint32, sampling InferenceMarketSampling, callback common.Address, callbackGasLimit uint32) ([]byte, error) {
	return inferenceMarket.abi.Pack("requestGeneration", kernelId, promptTokens, maxTokens, sampling, callback, callbackGasLimit)
}

// UnpackRequestGeneration is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ed0f6b2.
//
// Solidity: function requestGeneration(bytes32 kernelId, uint32[] promptTokens, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling, address callback, uint32 callbackGasLimit) payable returns(uint256 requestId)
func (inferenceMarket *InferenceMarket) UnpackRequestGeneration(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("requestGeneration", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRequestInference is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97c2df10.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestInference(bytes32 kernelId, bytes[] inputs, address callback, uint32 callbackGasLimit, address[] submitters) payable returns(uint256 requestId)
func (inferenceMarket *InferenceMarket) PackRequestInference(kernelId [32]byte, inputs [][]byte, callback common.Address, callbackGasLimit uint32, submitters []common.Address) []byte {
	enc, err := inferenceMarket.abi.Pack("requestInference", kernelId, inputs, callback, callbackGasLimit, submitters)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestInference is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97c2df10.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestInference(bytes32 kernelId, bytes[] inputs, address callback, uint32 callbackGasLimit, address[] submitters) payable returns(uint256 requestId)
func (inferenceMarket *InferenceMarket) TryPackRequestInference(kernelId [32]byte, inputs [][]byte, callback common.Address, callbackGasLimit uint32, submitters []common.Address) ([]byte, error) {
	return inferenceMarket.abi.Pack("requestInference", kernelId, inputs, callback, callbackGasLimit, submitters)
}

// UnpackRequestInference is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x97c2df10.
//
// Solidity: function requestInference(bytes32 kernelId, bytes[] inputs, address callback, uint32 callbackGasLimit, address[] submitters) payable returns(uint256 requestId)
func (inferenceMarket *InferenceMarket) UnpackRequestInference(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("requestInference", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRequestTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f20b4c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestTimeout() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackRequestTimeout() []byte {
	enc, err := inferenceMarket.abi.Pack("requestTimeout")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f20b4c9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestTimeout() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackRequestTimeout() ([]byte, error) {
	return inferenceMarket.abi.Pack("requestTimeout")
}

// UnpackRequestTimeout is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3f20b4c9.
//
// Solidity: function requestTimeout() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackRequestTimeout(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("requestTimeout", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackResolveChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdff2fb31.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveChallenge(uint256 requestId, uint256 challengeIndex) returns()
func (inferenceMarket *InferenceMarket) PackResolveChallenge(requestId *big.Int, challengeIndex *big.Int) []byte {
	enc, err := inferenceMarket.abi.Pack("resolveChallenge", requestId, challengeIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdff2fb31.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveChallenge(uint256 requestId, uint256 challengeIndex) returns()
func (inferenceMarket *InferenceMarket) TryPackResolveChallenge(requestId *big.Int, challengeIndex *big.Int) ([]byte, error) {
	return inferenceMarket.abi.Pack("resolveChallenge", requestId, challengeIndex)
}

// PackSubmitGeneration is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b3858ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitGeneration(uint256 requestId, uint256[2] vrfProof, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns()
func (inferenceMarket *InferenceMarket) PackSubmitGeneration(requestId *big.Int, vrfProof [2]*big.Int, output []byte, outputCommitment [32]byte, finalState [32]byte, activationsRoot [32]byte, slotPath [][32]byte) []byte {
	enc, err := inferenceMarket.abi.Pack("submitGeneration", requestId, vrfProof, output, outputCommitment, finalState, activationsRoot, slotPath)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitGeneration is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b3858ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitGeneration(uint256 requestId, uint256[2] vrfProof, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns()
func (inferenceMarket *InferenceMarket) TryPackSubmitGeneration(requestId *big.Int, vrfProof [2]*big.Int, output []byte, outputCommitment [32]byte, finalState [32]byte, activationsRoot [32]byte, slotPath [][32]byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("submitGeneration", requestId, vrfProof, output, outputCommitment, finalState, activationsRoot, slotPath)
}

// PackSubmitResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa37ae0da.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitResult(uint256 requestId, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns()
func (inferenceMarket *InferenceMarket) PackSubmitResult(requestId *big.Int, output []byte, outputCommitment [32]byte, finalState [32]byte, activationsRoot [32]byte, slotPath [][32]byte) []byte {
	enc, err := inferenceMarket.abi.Pack("submitResult", requestId, output, outputCommitment, finalState, activationsRoot, slotPath)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa37ae0da.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitResult(uint256 requestId, bytes output, bytes32 outputCommitment, bytes32 finalState, bytes32 activationsRoot, bytes32[] slotPath) payable returns()
func (inferenceMarket *InferenceMarket) TryPackSubmitResult(requestId *big.Int, output []byte, outputCommitment [32]byte, finalState [32]byte, activationsRoot [32]byte, slotPath [][32]byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("submitResult", requestId, output, outputCommitment, finalState, activationsRoot, slotPath)
}

// PackSubmitterBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd63b272c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitterBond() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackSubmitterBond() []byte {
	enc, err := inferenceMarket.abi.Pack("submitterBond")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitterBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd63b272c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitterBond() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackSubmitterBond() ([]byte, error) {
	return inferenceMarket.abi.Pack("submitterBond")
}

// UnpackSubmitterBond is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd63b272c.
//
// Solidity: function submitterBond() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackSubmitterBond(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("submitterBond", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTensorCommitment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e6b1033.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tensorCommitment(bytes enc) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) PackTensorCommitment(enc []byte) []byte {
	enc, err := inferenceMarket.abi.Pack("tensorCommitment", enc)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTensorCommitment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e6b1033.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tensorCommitment(bytes enc) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) TryPackTensorCommitment(enc []byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("tensorCommitment", enc)
}

// UnpackTensorCommitment is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0e6b1033.
//
// Solidity: function tensorCommitment(bytes enc) pure returns(bytes32)
func (inferenceMarket *InferenceMarket) UnpackTensorCommitment(data []byte) ([32]byte, error) {
	out, err := inferenceMarket.abi.Unpack("tensorCommitment", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackTensorLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6188e3c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tensorLength(bytes b) pure returns(uint256)
func (inferenceMarket *InferenceMarket) PackTensorLength(b []byte) []byte {
	enc, err := inferenceMarket.abi.Pack("tensorLength", b)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTensorLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6188e3c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tensorLength(bytes b) pure returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackTensorLength(b []byte) ([]byte, error) {
	return inferenceMarket.abi.Pack("tensorLength", b)
}

// UnpackTensorLength is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6188e3c.
//
// Solidity: function tensorLength(bytes b) pure returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackTensorLength(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("tensorLength", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTotalBurned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd89135cd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalBurned() view returns(uint256)
func (inferenceMarket *InferenceMarket) PackTotalBurned() []byte {
	enc, err := inferenceMarket.abi.Pack("totalBurned")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalBurned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd89135cd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalBurned() view returns(uint256)
func (inferenceMarket *InferenceMarket) TryPackTotalBurned() ([]byte, error) {
	return inferenceMarket.abi.Pack("totalBurned")
}

// UnpackTotalBurned is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd89135cd.
//
// Solidity: function totalBurned() view returns(uint256)
func (inferenceMarket *InferenceMarket) UnpackTotalBurned(data []byte) (*big.Int, error) {
	out, err := inferenceMarket.abi.Unpack("totalBurned", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackVrf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c949043.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vrf() view returns(address)
func (inferenceMarket *InferenceMarket) PackVrf() []byte {
	enc, err := inferenceMarket.abi.Pack("vrf")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVrf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c949043.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vrf() view returns(address)
func (inferenceMarket *InferenceMarket) TryPackVrf() ([]byte, error) {
	return inferenceMarket.abi.Pack("vrf")
}

// UnpackVrf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0c949043.
//
// Solidity: function vrf() view returns(address)
func (inferenceMarket *InferenceMarket) UnpackVrf(data []byte) (common.Address, error) {
	out, err := inferenceMarket.abi.Unpack("vrf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackVrfKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4123453e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vrfKey(address submitter) view returns((uint256[4],uint64))
func (inferenceMarket *InferenceMarket) PackVrfKey(submitter common.Address) []byte {
	enc, err := inferenceMarket.abi.Pack("vrfKey", submitter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVrfKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4123453e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vrfKey(address submitter) view returns((uint256[4],uint64))
func (inferenceMarket *InferenceMarket) TryPackVrfKey(submitter common.Address) ([]byte, error) {
	return inferenceMarket.abi.Pack("vrfKey", submitter)
}

// UnpackVrfKey is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4123453e.
//
// Solidity: function vrfKey(address submitter) view returns((uint256[4],uint64))
func (inferenceMarket *InferenceMarket) UnpackVrfKey(data []byte) (InferenceMarketVrfKey, error) {
	out, err := inferenceMarket.abi.Unpack("vrfKey", data)
	if err != nil {
		return *new(InferenceMarketVrfKey), err
	}
	out0 := *abi.ConvertType(out[0], new(InferenceMarketVrfKey)).(*InferenceMarketVrfKey)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (inferenceMarket *InferenceMarket) PackWithdraw() []byte {
	enc, err := inferenceMarket.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (inferenceMarket *InferenceMarket) TryPackWithdraw() ([]byte, error) {
	return inferenceMarket.abi.Pack("withdraw")
}

// InferenceMarketBurned represents a Burned event raised by the InferenceMarket contract.
type InferenceMarketBurned struct {
	RequestId *big.Int
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const InferenceMarketBurnedEventName = "Burned"

// ContractEventName returns the user-defined event name.
func (InferenceMarketBurned) ContractEventName() string {
	return InferenceMarketBurnedEventName
}

// UnpackBurnedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Burned(uint256 indexed requestId, uint256 amount)
func (inferenceMarket *InferenceMarket) UnpackBurnedEvent(log *types.Log) (*InferenceMarketBurned, error) {
	event := "Burned"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketBurned)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketCallbackResult represents a CallbackResult event raised by the InferenceMarket contract.
type InferenceMarketCallbackResult struct {
	RequestId *big.Int
	Callback  common.Address
	Success   bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const InferenceMarketCallbackResultEventName = "CallbackResult"

// ContractEventName returns the user-defined event name.
func (InferenceMarketCallbackResult) ContractEventName() string {
	return InferenceMarketCallbackResultEventName
}

// UnpackCallbackResultEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CallbackResult(uint256 indexed requestId, address indexed callback, bool success)
func (inferenceMarket *InferenceMarket) UnpackCallbackResultEvent(log *types.Log) (*InferenceMarketCallbackResult, error) {
	event := "CallbackResult"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketCallbackResult)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketChallengeLost represents a ChallengeLost event raised by the InferenceMarket contract.
type InferenceMarketChallengeLost struct {
	RequestId      *big.Int
	ChallengeIndex *big.Int
	Submitter      common.Address
	Raw            *types.Log // Blockchain specific contextual infos
}

const InferenceMarketChallengeLostEventName = "ChallengeLost"

// ContractEventName returns the user-defined event name.
func (InferenceMarketChallengeLost) ContractEventName() string {
	return InferenceMarketChallengeLostEventName
}

// UnpackChallengeLostEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ChallengeLost(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed submitter)
func (inferenceMarket *InferenceMarket) UnpackChallengeLostEvent(log *types.Log) (*InferenceMarketChallengeLost, error) {
	event := "ChallengeLost"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketChallengeLost)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketChallengeOpened represents a ChallengeOpened event raised by the InferenceMarket contract.
type InferenceMarketChallengeOpened struct {
	RequestId        *big.Int
	ChallengeIndex   *big.Int
	Challenger       common.Address
	GameId           *big.Int
	OutputCommitment [32]byte
	FinalState       [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const InferenceMarketChallengeOpenedEventName = "ChallengeOpened"

// ContractEventName returns the user-defined event name.
func (InferenceMarketChallengeOpened) ContractEventName() string {
	return InferenceMarketChallengeOpenedEventName
}

// UnpackChallengeOpenedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ChallengeOpened(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed challenger, uint256 gameId, bytes32 outputCommitment, bytes32 finalState)
func (inferenceMarket *InferenceMarket) UnpackChallengeOpenedEvent(log *types.Log) (*InferenceMarketChallengeOpened, error) {
	event := "ChallengeOpened"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketChallengeOpened)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketChallengeWon represents a ChallengeWon event raised by the InferenceMarket contract.
type InferenceMarketChallengeWon struct {
	RequestId         *big.Int
	ChallengeIndex    *big.Int
	Challenger        common.Address
	ReplacedCandidate bool
	WindowEnd         uint64
	Raw               *types.Log // Blockchain specific contextual infos
}

const InferenceMarketChallengeWonEventName = "ChallengeWon"

// ContractEventName returns the user-defined event name.
func (InferenceMarketChallengeWon) ContractEventName() string {
	return InferenceMarketChallengeWonEventName
}

// UnpackChallengeWonEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ChallengeWon(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed challenger, bool replacedCandidate, uint64 windowEnd)
func (inferenceMarket *InferenceMarket) UnpackChallengeWonEvent(log *types.Log) (*InferenceMarketChallengeWon, error) {
	event := "ChallengeWon"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketChallengeWon)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketCredited represents a Credited event raised by the InferenceMarket contract.
type InferenceMarketCredited struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const InferenceMarketCreditedEventName = "Credited"

// ContractEventName returns the user-defined event name.
func (InferenceMarketCredited) ContractEventName() string {
	return InferenceMarketCreditedEventName
}

// UnpackCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Credited(address indexed account, uint256 amount)
func (inferenceMarket *InferenceMarket) UnpackCreditedEvent(log *types.Log) (*InferenceMarketCredited, error) {
	event := "Credited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketCredited)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketGenerationRequested represents a GenerationRequested event raised by the InferenceMarket contract.
type InferenceMarketGenerationRequested struct {
	RequestId        *big.Int
	KernelId         [32]byte
	Requester        common.Address
	Fee              *big.Int
	MaxTokens        uint32
	Sampling         InferenceMarketSampling
	Callback         common.Address
	CallbackGasLimit uint32
	PromptTokens     []uint32
	Raw              *types.Log // Blockchain specific contextual infos
}

const InferenceMarketGenerationRequestedEventName = "GenerationRequested"

// ContractEventName returns the user-defined event name.
func (InferenceMarketGenerationRequested) ContractEventName() string {
	return InferenceMarketGenerationRequestedEventName
}

// UnpackGenerationRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GenerationRequested(uint256 indexed requestId, bytes32 indexed kernelId, address indexed requester, uint256 fee, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling, address callback, uint32 callbackGasLimit, uint32[] promptTokens)
func (inferenceMarket *InferenceMarket) UnpackGenerationRequestedEvent(log *types.Log) (*InferenceMarketGenerationRequested, error) {
	event := "GenerationRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketGenerationRequested)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketGenerationSeeded represents a GenerationSeeded event raised by the InferenceMarket contract.
type InferenceMarketGenerationSeeded struct {
	RequestId    *big.Int
	Submitter    common.Address
	Seed         [32]byte
	InitialState [32]byte
	Raw          *types.Log // Blockchain specific contextual infos
}

const InferenceMarketGenerationSeededEventName = "GenerationSeeded"

// ContractEventName returns the user-defined event name.
func (InferenceMarketGenerationSeeded) ContractEventName() string {
	return InferenceMarketGenerationSeededEventName
}

// UnpackGenerationSeededEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GenerationSeeded(uint256 indexed requestId, address indexed submitter, bytes32 seed, bytes32 initialState)
func (inferenceMarket *InferenceMarket) UnpackGenerationSeededEvent(log *types.Log) (*InferenceMarketGenerationSeeded, error) {
	event := "GenerationSeeded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketGenerationSeeded)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketInferenceRequested represents a InferenceRequested event raised by the InferenceMarket contract.
type InferenceMarketInferenceRequested struct {
	RequestId        *big.Int
	KernelId         [32]byte
	Requester        common.Address
	Fee              *big.Int
	InitialState     [32]byte
	OutputSlot       uint32
	Callback         common.Address
	CallbackGasLimit uint32
	OpenAfter        uint64
	Submitters       []common.Address
	Inputs           [][]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const InferenceMarketInferenceRequestedEventName = "InferenceRequested"

// ContractEventName returns the user-defined event name.
func (InferenceMarketInferenceRequested) ContractEventName() string {
	return InferenceMarketInferenceRequestedEventName
}

// UnpackInferenceRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event InferenceRequested(uint256 indexed requestId, bytes32 indexed kernelId, address indexed requester, uint256 fee, bytes32 initialState, uint32 outputSlot, address callback, uint32 callbackGasLimit, uint64 openAfter, address[] submitters, bytes[] inputs)
func (inferenceMarket *InferenceMarket) UnpackInferenceRequestedEvent(log *types.Log) (*InferenceMarketInferenceRequested, error) {
	event := "InferenceRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketInferenceRequested)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketRequestCancelled represents a RequestCancelled event raised by the InferenceMarket contract.
type InferenceMarketRequestCancelled struct {
	RequestId *big.Int
	Requester common.Address
	Fee       *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const InferenceMarketRequestCancelledEventName = "RequestCancelled"

// ContractEventName returns the user-defined event name.
func (InferenceMarketRequestCancelled) ContractEventName() string {
	return InferenceMarketRequestCancelledEventName
}

// UnpackRequestCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RequestCancelled(uint256 indexed requestId, address indexed requester, uint256 fee)
func (inferenceMarket *InferenceMarket) UnpackRequestCancelledEvent(log *types.Log) (*InferenceMarketRequestCancelled, error) {
	event := "RequestCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketRequestCancelled)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketRequestFinalized represents a RequestFinalized event raised by the InferenceMarket contract.
type InferenceMarketRequestFinalized struct {
	RequestId *big.Int
	Submitter common.Address
	Fee       *big.Int
	Bond      *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const InferenceMarketRequestFinalizedEventName = "RequestFinalized"

// ContractEventName returns the user-defined event name.
func (InferenceMarketRequestFinalized) ContractEventName() string {
	return InferenceMarketRequestFinalizedEventName
}

// UnpackRequestFinalizedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RequestFinalized(uint256 indexed requestId, address indexed submitter, uint256 fee, uint256 bond)
func (inferenceMarket *InferenceMarket) UnpackRequestFinalizedEvent(log *types.Log) (*InferenceMarketRequestFinalized, error) {
	event := "RequestFinalized"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketRequestFinalized)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketResultSubmitted represents a ResultSubmitted event raised by the InferenceMarket contract.
type InferenceMarketResultSubmitted struct {
	RequestId        *big.Int
	Submitter        common.Address
	OutputCommitment [32]byte
	FinalState       [32]byte
	WindowEnd        uint64
	Output           []byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const InferenceMarketResultSubmittedEventName = "ResultSubmitted"

// ContractEventName returns the user-defined event name.
func (InferenceMarketResultSubmitted) ContractEventName() string {
	return InferenceMarketResultSubmittedEventName
}

// UnpackResultSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ResultSubmitted(uint256 indexed requestId, address indexed submitter, bytes32 outputCommitment, bytes32 finalState, uint64 windowEnd, bytes output)
func (inferenceMarket *InferenceMarket) UnpackResultSubmittedEvent(log *types.Log) (*InferenceMarketResultSubmitted, error) {
	event := "ResultSubmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketResultSubmitted)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketRewardClaimed represents a RewardClaimed event raised by the InferenceMarket contract.
type InferenceMarketRewardClaimed struct {
	RequestId      *big.Int
	ChallengeIndex *big.Int
	Challenger     common.Address
	Amount         *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const InferenceMarketRewardClaimedEventName = "RewardClaimed"

// ContractEventName returns the user-defined event name.
func (InferenceMarketRewardClaimed) ContractEventName() string {
	return InferenceMarketRewardClaimedEventName
}

// UnpackRewardClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardClaimed(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed challenger, uint256 amount)
func (inferenceMarket *InferenceMarket) UnpackRewardClaimedEvent(log *types.Log) (*InferenceMarketRewardClaimed, error) {
	event := "RewardClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketRewardClaimed)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketRoundSettled represents a RoundSettled event raised by the InferenceMarket contract.
type InferenceMarketRoundSettled struct {
	RequestId *big.Int
	Round     uint32
	Winners   uint32
	Share     *big.Int
	Burned    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const InferenceMarketRoundSettledEventName = "RoundSettled"

// ContractEventName returns the user-defined event name.
func (InferenceMarketRoundSettled) ContractEventName() string {
	return InferenceMarketRoundSettledEventName
}

// UnpackRoundSettledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundSettled(uint256 indexed requestId, uint32 indexed round, uint32 winners, uint256 share, uint256 burned)
func (inferenceMarket *InferenceMarket) UnpackRoundSettledEvent(log *types.Log) (*InferenceMarketRoundSettled, error) {
	event := "RoundSettled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketRoundSettled)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketVrfKeyRegistered represents a VrfKeyRegistered event raised by the InferenceMarket contract.
type InferenceMarketVrfKeyRegistered struct {
	Submitter       common.Address
	Pk              [4]*big.Int
	RegisteredBlock uint64
	Raw             *types.Log // Blockchain specific contextual infos
}

const InferenceMarketVrfKeyRegisteredEventName = "VrfKeyRegistered"

// ContractEventName returns the user-defined event name.
func (InferenceMarketVrfKeyRegistered) ContractEventName() string {
	return InferenceMarketVrfKeyRegisteredEventName
}

// UnpackVrfKeyRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VrfKeyRegistered(address indexed submitter, uint256[4] pk, uint64 registeredBlock)
func (inferenceMarket *InferenceMarket) UnpackVrfKeyRegisteredEvent(log *types.Log) (*InferenceMarketVrfKeyRegistered, error) {
	event := "VrfKeyRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketVrfKeyRegistered)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// InferenceMarketWithdrawn represents a Withdrawn event raised by the InferenceMarket contract.
type InferenceMarketWithdrawn struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const InferenceMarketWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (InferenceMarketWithdrawn) ContractEventName() string {
	return InferenceMarketWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed account, uint256 amount)
func (inferenceMarket *InferenceMarket) UnpackWithdrawnEvent(log *types.Log) (*InferenceMarketWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != inferenceMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(InferenceMarketWithdrawn)
	if len(log.Data) > 0 {
		if err := inferenceMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range inferenceMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (inferenceMarket *InferenceMarket) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["BadGameStatus"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackBadGameStatusError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["BadGenerationOutput"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackBadGenerationOutputError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["BadRequestStatus"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackBadRequestStatusError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["CallbackGasTooHigh"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackCallbackGasTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["ChallengeNotOpen"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackChallengeNotOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["ChallengeNotWon"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackChallengeNotWonError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["ChallengesOpen"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackChallengesOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["EmptyTensor"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackEmptyTensorError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["FinalStateMismatch"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackFinalStateMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["GameInProgress"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackGameInProgressError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InsufficientGasForCallback"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInsufficientGasForCallbackError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidConfig"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidConfigError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidFee"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidFeeError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidInputCount"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidInputCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidMaxTokens"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidMaxTokensError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidPossessionProof"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidPossessionProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidPromptLength"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidPromptLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidPromptToken"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidPromptTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["InvalidSampling"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackInvalidSamplingError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["NonCanonicalTensor"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackNonCanonicalTensorError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["NotGenerationKernel"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackNotGenerationKernelError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["NotListedSubmitter"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackNotListedSubmitterError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["OutputCommitmentMismatch"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackOutputCommitmentMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["OutputTooLarge"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackOutputTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["Reentrancy"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackReentrancyError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["RoundNotSettled"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackRoundNotSettledError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["SameFinalState"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackSameFinalStateError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["SlotProofInvalid"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackSlotProofInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["TooEarly"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["TooManySubmitters"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackTooManySubmittersError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["VrfKeyNotUsable"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackVrfKeyNotUsableError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["WindowClosed"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["WindowOpen"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["WrongBond"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackWrongBondError(raw[4:])
	}
	if bytes.Equal(raw[:4], inferenceMarket.abi.Errors["WrongRequestKind"].ID.Bytes()[:4]) {
		return inferenceMarket.UnpackWrongRequestKindError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// InferenceMarketBadGameStatus represents a BadGameStatus error raised by the InferenceMarket contract.
type InferenceMarketBadGameStatus struct {
	Status uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadGameStatus(uint8 status)
func InferenceMarketBadGameStatusErrorID() common.Hash {
	return common.HexToHash("0x135ce7594909491ca84b411b3d171d64b760dcd839fe65244b757588541b212d")
}

// UnpackBadGameStatusError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadGameStatus(uint8 status)
func (inferenceMarket *InferenceMarket) UnpackBadGameStatusError(raw []byte) (*InferenceMarketBadGameStatus, error) {
	out := new(InferenceMarketBadGameStatus)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "BadGameStatus", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketBadGenerationOutput represents a BadGenerationOutput error raised by the InferenceMarket contract.
type InferenceMarketBadGenerationOutput struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadGenerationOutput()
func InferenceMarketBadGenerationOutputErrorID() common.Hash {
	return common.HexToHash("0xab6e42efd9a6858ba61db66901e4af576b451d96ed6a9990e5f3f38a8bd64538")
}

// UnpackBadGenerationOutputError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadGenerationOutput()
func (inferenceMarket *InferenceMarket) UnpackBadGenerationOutputError(raw []byte) (*InferenceMarketBadGenerationOutput, error) {
	out := new(InferenceMarketBadGenerationOutput)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "BadGenerationOutput", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketBadRequestStatus represents a BadRequestStatus error raised by the InferenceMarket contract.
type InferenceMarketBadRequestStatus struct {
	RequestId *big.Int
	Status    uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadRequestStatus(uint256 requestId, uint8 status)
func InferenceMarketBadRequestStatusErrorID() common.Hash {
	return common.HexToHash("0xf333f67b84eae1edf44b3917507188d55724666b9594d3122432aa761dbd3070")
}

// UnpackBadRequestStatusError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadRequestStatus(uint256 requestId, uint8 status)
func (inferenceMarket *InferenceMarket) UnpackBadRequestStatusError(raw []byte) (*InferenceMarketBadRequestStatus, error) {
	out := new(InferenceMarketBadRequestStatus)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "BadRequestStatus", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketCallbackGasTooHigh represents a CallbackGasTooHigh error raised by the InferenceMarket contract.
type InferenceMarketCallbackGasTooHigh struct {
	Limit *big.Int
	Max   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CallbackGasTooHigh(uint256 limit, uint256 max)
func InferenceMarketCallbackGasTooHighErrorID() common.Hash {
	return common.HexToHash("0x924121a79ccdfcb86f644c91c8bdc65b88f1c7a9d8fbb580e2bb765b81ba1b8b")
}

// UnpackCallbackGasTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CallbackGasTooHigh(uint256 limit, uint256 max)
func (inferenceMarket *InferenceMarket) UnpackCallbackGasTooHighError(raw []byte) (*InferenceMarketCallbackGasTooHigh, error) {
	out := new(InferenceMarketCallbackGasTooHigh)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "CallbackGasTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketChallengeNotOpen represents a ChallengeNotOpen error raised by the InferenceMarket contract.
type InferenceMarketChallengeNotOpen struct {
	RequestId      *big.Int
	ChallengeIndex *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeNotOpen(uint256 requestId, uint256 challengeIndex)
func InferenceMarketChallengeNotOpenErrorID() common.Hash {
	return common.HexToHash("0x15d753a609f166755e006b5cd35ccf25e9df59b85aaded1a0c92d593562fcf1d")
}

// UnpackChallengeNotOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeNotOpen(uint256 requestId, uint256 challengeIndex)
func (inferenceMarket *InferenceMarket) UnpackChallengeNotOpenError(raw []byte) (*InferenceMarketChallengeNotOpen, error) {
	out := new(InferenceMarketChallengeNotOpen)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "ChallengeNotOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketChallengeNotWon represents a ChallengeNotWon error raised by the InferenceMarket contract.
type InferenceMarketChallengeNotWon struct {
	RequestId      *big.Int
	ChallengeIndex *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeNotWon(uint256 requestId, uint256 challengeIndex)
func InferenceMarketChallengeNotWonErrorID() common.Hash {
	return common.HexToHash("0x63fd28e0ec7a4ed87b103ba89bf1814113c1feb1554788ac96df8311e8e08a34")
}

// UnpackChallengeNotWonError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeNotWon(uint256 requestId, uint256 challengeIndex)
func (inferenceMarket *InferenceMarket) UnpackChallengeNotWonError(raw []byte) (*InferenceMarketChallengeNotWon, error) {
	out := new(InferenceMarketChallengeNotWon)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "ChallengeNotWon", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketChallengesOpen represents a ChallengesOpen error raised by the InferenceMarket contract.
type InferenceMarketChallengesOpen struct {
	Open uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengesOpen(uint32 open)
func InferenceMarketChallengesOpenErrorID() common.Hash {
	return common.HexToHash("0xeef24e8d3634973493a01f0f0adc1b9294dcab41f177bd9ab87b52c0cd8115b4")
}

// UnpackChallengesOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengesOpen(uint32 open)
func (inferenceMarket *InferenceMarket) UnpackChallengesOpenError(raw []byte) (*InferenceMarketChallengesOpen, error) {
	out := new(InferenceMarketChallengesOpen)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "ChallengesOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketEmptyTensor represents a EmptyTensor error raised by the InferenceMarket contract.
type InferenceMarketEmptyTensor struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyTensor()
func InferenceMarketEmptyTensorErrorID() common.Hash {
	return common.HexToHash("0x410be652579c376886f14bdf2fe3e2260d9f547b1ea9cbc0307844a41e06cd03")
}

// UnpackEmptyTensorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyTensor()
func (inferenceMarket *InferenceMarket) UnpackEmptyTensorError(raw []byte) (*InferenceMarketEmptyTensor, error) {
	out := new(InferenceMarketEmptyTensor)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "EmptyTensor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketFinalStateMismatch represents a FinalStateMismatch error raised by the InferenceMarket contract.
type InferenceMarketFinalStateMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FinalStateMismatch()
func InferenceMarketFinalStateMismatchErrorID() common.Hash {
	return common.HexToHash("0xffbc51920f12725af5eaf17eaf84c77748e8e21ff8dc39ea86a3a76884498f0b")
}

// UnpackFinalStateMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FinalStateMismatch()
func (inferenceMarket *InferenceMarket) UnpackFinalStateMismatchError(raw []byte) (*InferenceMarketFinalStateMismatch, error) {
	out := new(InferenceMarketFinalStateMismatch)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "FinalStateMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketGameInProgress represents a GameInProgress error raised by the InferenceMarket contract.
type InferenceMarketGameInProgress struct {
	GameId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GameInProgress(uint256 gameId)
func InferenceMarketGameInProgressErrorID() common.Hash {
	return common.HexToHash("0x366043d1c1c7ef48900e650a8d900f2cf947c13f02fb6e95b88ee0d28d83be83")
}

// UnpackGameInProgressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GameInProgress(uint256 gameId)
func (inferenceMarket *InferenceMarket) UnpackGameInProgressError(raw []byte) (*InferenceMarketGameInProgress, error) {
	out := new(InferenceMarketGameInProgress)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "GameInProgress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInsufficientGasForCallback represents a InsufficientGasForCallback error raised by the InferenceMarket contract.
type InferenceMarketInsufficientGasForCallback struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientGasForCallback()
func InferenceMarketInsufficientGasForCallbackErrorID() common.Hash {
	return common.HexToHash("0x657989e91dba522901e1aaf566e4670dd60f8c49325c20011d16fb58380befd1")
}

// UnpackInsufficientGasForCallbackError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientGasForCallback()
func (inferenceMarket *InferenceMarket) UnpackInsufficientGasForCallbackError(raw []byte) (*InferenceMarketInsufficientGasForCallback, error) {
	out := new(InferenceMarketInsufficientGasForCallback)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InsufficientGasForCallback", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidConfig represents a InvalidConfig error raised by the InferenceMarket contract.
type InferenceMarketInvalidConfig struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidConfig()
func InferenceMarketInvalidConfigErrorID() common.Hash {
	return common.HexToHash("0x35be3ac88eaaf385e6b33d44d849a44bdc3ae215676d5d7e0194dfe20d80c66e")
}

// UnpackInvalidConfigError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidConfig()
func (inferenceMarket *InferenceMarket) UnpackInvalidConfigError(raw []byte) (*InferenceMarketInvalidConfig, error) {
	out := new(InferenceMarketInvalidConfig)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidConfig", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidFee represents a InvalidFee error raised by the InferenceMarket contract.
type InferenceMarketInvalidFee struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidFee()
func InferenceMarketInvalidFeeErrorID() common.Hash {
	return common.HexToHash("0x58d620b3807fdfdfa872e49c2c2a27a3084828dec052f2608fce0f177dbe28cf")
}

// UnpackInvalidFeeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidFee()
func (inferenceMarket *InferenceMarket) UnpackInvalidFeeError(raw []byte) (*InferenceMarketInvalidFee, error) {
	out := new(InferenceMarketInvalidFee)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidFee", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidInputCount represents a InvalidInputCount error raised by the InferenceMarket contract.
type InferenceMarketInvalidInputCount struct {
	Count    *big.Int
	Expected *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidInputCount(uint256 count, uint256 expected)
func InferenceMarketInvalidInputCountErrorID() common.Hash {
	return common.HexToHash("0x5f94096ed0086636aa14be4ed10a2d50d8c41888b8dbc78181fe7cdea43afcd0")
}

// UnpackInvalidInputCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidInputCount(uint256 count, uint256 expected)
func (inferenceMarket *InferenceMarket) UnpackInvalidInputCountError(raw []byte) (*InferenceMarketInvalidInputCount, error) {
	out := new(InferenceMarketInvalidInputCount)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidInputCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidMaxTokens represents a InvalidMaxTokens error raised by the InferenceMarket contract.
type InferenceMarketInvalidMaxTokens struct {
	MaxTokens *big.Int
	Max       *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMaxTokens(uint256 maxTokens, uint256 max)
func InferenceMarketInvalidMaxTokensErrorID() common.Hash {
	return common.HexToHash("0x7b485723fadf7cd33157f7eea9e805a376865cd92dfa9d507dd05f5842bcb9a9")
}

// UnpackInvalidMaxTokensError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMaxTokens(uint256 maxTokens, uint256 max)
func (inferenceMarket *InferenceMarket) UnpackInvalidMaxTokensError(raw []byte) (*InferenceMarketInvalidMaxTokens, error) {
	out := new(InferenceMarketInvalidMaxTokens)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidMaxTokens", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidPossessionProof represents a InvalidPossessionProof error raised by the InferenceMarket contract.
type InferenceMarketInvalidPossessionProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPossessionProof()
func InferenceMarketInvalidPossessionProofErrorID() common.Hash {
	return common.HexToHash("0xbabbd7de9d74dae552c64af9fd92f75e46674137b2c1fb6d79f5f83244946329")
}

// UnpackInvalidPossessionProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPossessionProof()
func (inferenceMarket *InferenceMarket) UnpackInvalidPossessionProofError(raw []byte) (*InferenceMarketInvalidPossessionProof, error) {
	out := new(InferenceMarketInvalidPossessionProof)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidPossessionProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidPromptLength represents a InvalidPromptLength error raised by the InferenceMarket contract.
type InferenceMarketInvalidPromptLength struct {
	Length   *big.Int
	Expected *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPromptLength(uint256 length, uint256 expected)
func InferenceMarketInvalidPromptLengthErrorID() common.Hash {
	return common.HexToHash("0x764af894e3f42c4620898f5d85dec7ddf9ceb702d237720efe3668d12d492934")
}

// UnpackInvalidPromptLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPromptLength(uint256 length, uint256 expected)
func (inferenceMarket *InferenceMarket) UnpackInvalidPromptLengthError(raw []byte) (*InferenceMarketInvalidPromptLength, error) {
	out := new(InferenceMarketInvalidPromptLength)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidPromptLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidPromptToken represents a InvalidPromptToken error raised by the InferenceMarket contract.
type InferenceMarketInvalidPromptToken struct {
	Index *big.Int
	Token uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPromptToken(uint256 index, uint32 token)
func InferenceMarketInvalidPromptTokenErrorID() common.Hash {
	return common.HexToHash("0x827f0deb7abcb604817dbb89bc8b6aa6ae755d7e039aecb75749d97b265e546c")
}

// UnpackInvalidPromptTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPromptToken(uint256 index, uint32 token)
func (inferenceMarket *InferenceMarket) UnpackInvalidPromptTokenError(raw []byte) (*InferenceMarketInvalidPromptToken, error) {
	out := new(InferenceMarketInvalidPromptToken)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidPromptToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketInvalidSampling represents a InvalidSampling error raised by the InferenceMarket contract.
type InferenceMarketInvalidSampling struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSampling()
func InferenceMarketInvalidSamplingErrorID() common.Hash {
	return common.HexToHash("0xb89917bdde9afedb696a4172237744a63bfa32c6a458eeada8bfca29a0b9e179")
}

// UnpackInvalidSamplingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSampling()
func (inferenceMarket *InferenceMarket) UnpackInvalidSamplingError(raw []byte) (*InferenceMarketInvalidSampling, error) {
	out := new(InferenceMarketInvalidSampling)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "InvalidSampling", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketNonCanonicalTensor represents a NonCanonicalTensor error raised by the InferenceMarket contract.
type InferenceMarketNonCanonicalTensor struct {
	Offset *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NonCanonicalTensor(uint256 offset)
func InferenceMarketNonCanonicalTensorErrorID() common.Hash {
	return common.HexToHash("0x12cf9211a878cf48a377ef115f22296a0466e3ad4db5627fbdf0819dac4e893d")
}

// UnpackNonCanonicalTensorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NonCanonicalTensor(uint256 offset)
func (inferenceMarket *InferenceMarket) UnpackNonCanonicalTensorError(raw []byte) (*InferenceMarketNonCanonicalTensor, error) {
	out := new(InferenceMarketNonCanonicalTensor)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "NonCanonicalTensor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketNotGenerationKernel represents a NotGenerationKernel error raised by the InferenceMarket contract.
type InferenceMarketNotGenerationKernel struct {
	KernelId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGenerationKernel(bytes32 kernelId)
func InferenceMarketNotGenerationKernelErrorID() common.Hash {
	return common.HexToHash("0xeb8ed844e3ee702cb67d689f2599f7189b8d9ac3d3d011d1c24c9d66baf2755b")
}

// UnpackNotGenerationKernelError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGenerationKernel(bytes32 kernelId)
func (inferenceMarket *InferenceMarket) UnpackNotGenerationKernelError(raw []byte) (*InferenceMarketNotGenerationKernel, error) {
	out := new(InferenceMarketNotGenerationKernel)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "NotGenerationKernel", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketNotListedSubmitter represents a NotListedSubmitter error raised by the InferenceMarket contract.
type InferenceMarketNotListedSubmitter struct {
	Caller    common.Address
	OpenAfter uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotListedSubmitter(address caller, uint64 openAfter)
func InferenceMarketNotListedSubmitterErrorID() common.Hash {
	return common.HexToHash("0xc2c0755092689193cb22b9cbba1418a7903f855022cba237c277fde49b5e35c9")
}

// UnpackNotListedSubmitterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotListedSubmitter(address caller, uint64 openAfter)
func (inferenceMarket *InferenceMarket) UnpackNotListedSubmitterError(raw []byte) (*InferenceMarketNotListedSubmitter, error) {
	out := new(InferenceMarketNotListedSubmitter)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "NotListedSubmitter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketNothingToWithdraw represents a NothingToWithdraw error raised by the InferenceMarket contract.
type InferenceMarketNothingToWithdraw struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw()
func InferenceMarketNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xd0d04f60bf4f7629141a1f00f5d2908fa0f3e15bf4cbf8bb8edc6fcbdf2509fa")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw()
func (inferenceMarket *InferenceMarket) UnpackNothingToWithdrawError(raw []byte) (*InferenceMarketNothingToWithdraw, error) {
	out := new(InferenceMarketNothingToWithdraw)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketOutputCommitmentMismatch represents a OutputCommitmentMismatch error raised by the InferenceMarket contract.
type InferenceMarketOutputCommitmentMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OutputCommitmentMismatch()
func InferenceMarketOutputCommitmentMismatchErrorID() common.Hash {
	return common.HexToHash("0xca6b164047cc3fec28308d8c039feb46f6c88707199f1992112ba80c18b876af")
}

// UnpackOutputCommitmentMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OutputCommitmentMismatch()
func (inferenceMarket *InferenceMarket) UnpackOutputCommitmentMismatchError(raw []byte) (*InferenceMarketOutputCommitmentMismatch, error) {
	out := new(InferenceMarketOutputCommitmentMismatch)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "OutputCommitmentMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketOutputTooLarge represents a OutputTooLarge error raised by the InferenceMarket contract.
type InferenceMarketOutputTooLarge struct {
	Length *big.Int
	Max    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OutputTooLarge(uint256 length, uint256 max)
func InferenceMarketOutputTooLargeErrorID() common.Hash {
	return common.HexToHash("0x72cd7bff3ac25a1f3ea0692b84d4cab047392e906802e482d203ce1621686439")
}

// UnpackOutputTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OutputTooLarge(uint256 length, uint256 max)
func (inferenceMarket *InferenceMarket) UnpackOutputTooLargeError(raw []byte) (*InferenceMarketOutputTooLarge, error) {
	out := new(InferenceMarketOutputTooLarge)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "OutputTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketReentrancy represents a Reentrancy error raised by the InferenceMarket contract.
type InferenceMarketReentrancy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Reentrancy()
func InferenceMarketReentrancyErrorID() common.Hash {
	return common.HexToHash("0xab143c06c9772d69bbbc9f2fe74acd02f810e93b099f3d1dac8448ac9ae35991")
}

// UnpackReentrancyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Reentrancy()
func (inferenceMarket *InferenceMarket) UnpackReentrancyError(raw []byte) (*InferenceMarketReentrancy, error) {
	out := new(InferenceMarketReentrancy)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "Reentrancy", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketRoundNotSettled represents a RoundNotSettled error raised by the InferenceMarket contract.
type InferenceMarketRoundNotSettled struct {
	Round          uint32
	OpenChallenges uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundNotSettled(uint32 round, uint32 openChallenges)
func InferenceMarketRoundNotSettledErrorID() common.Hash {
	return common.HexToHash("0x3abccc0a6ab8a194bc7881023e7b5e1c015c2099df334d6bab357979c5acc544")
}

// UnpackRoundNotSettledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundNotSettled(uint32 round, uint32 openChallenges)
func (inferenceMarket *InferenceMarket) UnpackRoundNotSettledError(raw []byte) (*InferenceMarketRoundNotSettled, error) {
	out := new(InferenceMarketRoundNotSettled)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "RoundNotSettled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketSameFinalState represents a SameFinalState error raised by the InferenceMarket contract.
type InferenceMarketSameFinalState struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SameFinalState()
func InferenceMarketSameFinalStateErrorID() common.Hash {
	return common.HexToHash("0xeb3fb1d4eb26df03ebab66940662deed6e4c369e29ea4a85c2ef3b0f819ea43b")
}

// UnpackSameFinalStateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SameFinalState()
func (inferenceMarket *InferenceMarket) UnpackSameFinalStateError(raw []byte) (*InferenceMarketSameFinalState, error) {
	out := new(InferenceMarketSameFinalState)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "SameFinalState", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketSlotProofInvalid represents a SlotProofInvalid error raised by the InferenceMarket contract.
type InferenceMarketSlotProofInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SlotProofInvalid()
func InferenceMarketSlotProofInvalidErrorID() common.Hash {
	return common.HexToHash("0x623c36972db809d0a469f856f9c4abdca02a8e8035bec731531280150e188392")
}

// UnpackSlotProofInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SlotProofInvalid()
func (inferenceMarket *InferenceMarket) UnpackSlotProofInvalidError(raw []byte) (*InferenceMarketSlotProofInvalid, error) {
	out := new(InferenceMarketSlotProofInvalid)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "SlotProofInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketTooEarly represents a TooEarly error raised by the InferenceMarket contract.
type InferenceMarketTooEarly struct {
	NotBefore *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooEarly(uint256 notBefore)
func InferenceMarketTooEarlyErrorID() common.Hash {
	return common.HexToHash("0x2a35a3246d5070e2b118858c24c2c4d23eaebe645b92ab746b92dd600c35a9d7")
}

// UnpackTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooEarly(uint256 notBefore)
func (inferenceMarket *InferenceMarket) UnpackTooEarlyError(raw []byte) (*InferenceMarketTooEarly, error) {
	out := new(InferenceMarketTooEarly)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "TooEarly", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketTooManySubmitters represents a TooManySubmitters error raised by the InferenceMarket contract.
type InferenceMarketTooManySubmitters struct {
	Count *big.Int
	Max   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManySubmitters(uint256 count, uint256 max)
func InferenceMarketTooManySubmittersErrorID() common.Hash {
	return common.HexToHash("0x0234de88c81000ab96aab22cf80cdb9d6f78d8095d9950906c346eeb88a24479")
}

// UnpackTooManySubmittersError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManySubmitters(uint256 count, uint256 max)
func (inferenceMarket *InferenceMarket) UnpackTooManySubmittersError(raw []byte) (*InferenceMarketTooManySubmitters, error) {
	out := new(InferenceMarketTooManySubmitters)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "TooManySubmitters", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketTransferFailed represents a TransferFailed error raised by the InferenceMarket contract.
type InferenceMarketTransferFailed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed()
func InferenceMarketTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x90b8ec1877afffd816d05d9b13947f3ff18ec5851c38bad15ec2b710f92391b1")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed()
func (inferenceMarket *InferenceMarket) UnpackTransferFailedError(raw []byte) (*InferenceMarketTransferFailed, error) {
	out := new(InferenceMarketTransferFailed)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketVrfKeyNotUsable represents a VrfKeyNotUsable error raised by the InferenceMarket contract.
type InferenceMarketVrfKeyNotUsable struct {
	Submitter       common.Address
	RegisteredBlock uint64
	RequestBlock    uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VrfKeyNotUsable(address submitter, uint64 registeredBlock, uint64 requestBlock)
func InferenceMarketVrfKeyNotUsableErrorID() common.Hash {
	return common.HexToHash("0xba2b786bed10019d87f6b0ca47e309ac39a8ae412d45085ecee9f6004bd44738")
}

// UnpackVrfKeyNotUsableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VrfKeyNotUsable(address submitter, uint64 registeredBlock, uint64 requestBlock)
func (inferenceMarket *InferenceMarket) UnpackVrfKeyNotUsableError(raw []byte) (*InferenceMarketVrfKeyNotUsable, error) {
	out := new(InferenceMarketVrfKeyNotUsable)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "VrfKeyNotUsable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketWindowClosed represents a WindowClosed error raised by the InferenceMarket contract.
type InferenceMarketWindowClosed struct {
	WindowEnd uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WindowClosed(uint64 windowEnd)
func InferenceMarketWindowClosedErrorID() common.Hash {
	return common.HexToHash("0xb7a749206d8179505f87eae415c0167441d2b07748a072df075f7d5d103538cc")
}

// UnpackWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WindowClosed(uint64 windowEnd)
func (inferenceMarket *InferenceMarket) UnpackWindowClosedError(raw []byte) (*InferenceMarketWindowClosed, error) {
	out := new(InferenceMarketWindowClosed)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "WindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketWindowOpen represents a WindowOpen error raised by the InferenceMarket contract.
type InferenceMarketWindowOpen struct {
	WindowEnd uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WindowOpen(uint64 windowEnd)
func InferenceMarketWindowOpenErrorID() common.Hash {
	return common.HexToHash("0xadc951317b32155912b5145c70b168db2dc49a695bd5815c460f18b891311aac")
}

// UnpackWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WindowOpen(uint64 windowEnd)
func (inferenceMarket *InferenceMarket) UnpackWindowOpenError(raw []byte) (*InferenceMarketWindowOpen, error) {
	out := new(InferenceMarketWindowOpen)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "WindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketWrongBond represents a WrongBond error raised by the InferenceMarket contract.
type InferenceMarketWrongBond struct {
	Sent     *big.Int
	Required *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongBond(uint256 sent, uint256 required)
func InferenceMarketWrongBondErrorID() common.Hash {
	return common.HexToHash("0x0c5e03da3c3575f08d387f0e59dfdfe46b22550c7a25676fffcb9251582e2c11")
}

// UnpackWrongBondError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongBond(uint256 sent, uint256 required)
func (inferenceMarket *InferenceMarket) UnpackWrongBondError(raw []byte) (*InferenceMarketWrongBond, error) {
	out := new(InferenceMarketWrongBond)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "WrongBond", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// InferenceMarketWrongRequestKind represents a WrongRequestKind error raised by the InferenceMarket contract.
type InferenceMarketWrongRequestKind struct {
	RequestId  *big.Int
	Generation bool
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongRequestKind(uint256 requestId, bool generation)
func InferenceMarketWrongRequestKindErrorID() common.Hash {
	return common.HexToHash("0x4fa4e47cc3ebb62e1ac19942ddca733163d7130926102ec6211c3873cd1f96c9")
}

// UnpackWrongRequestKindError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongRequestKind(uint256 requestId, bool generation)
func (inferenceMarket *InferenceMarket) UnpackWrongRequestKindError(raw []byte) (*InferenceMarketWrongRequestKind, error) {
	out := new(InferenceMarketWrongRequestKind)
	if err := inferenceMarket.abi.UnpackIntoInterface(out, "WrongRequestKind", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryMetaData contains all meta data concerning the KernelRegistry contract.
var KernelRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"AGG_ARGMAX\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"AGG_LOGITS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"AGG_OUTPUTS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_IO\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_MANIFEST_URI_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"gameShape\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"getKernel\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"uint16\",\"name\":\"numInputs\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint48\",\"name\":\"registeredAt\",\"type\":\"uint48\"},{\"internalType\":\"string\",\"name\":\"manifestURI\",\"type\":\"string\"},{\"internalType\":\"uint32[]\",\"name\":\"outputSlots\",\"type\":\"uint32[]\"}],\"internalType\":\"structKernelRegistry.Kernel\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"isRegistered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"uint16\",\"name\":\"numInputs\",\"type\":\"uint16\"},{\"internalType\":\"uint32[]\",\"name\":\"outputSlots\",\"type\":\"uint32[]\"}],\"name\":\"kernelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"uint16\",\"name\":\"numInputs\",\"type\":\"uint16\"},{\"internalType\":\"uint32[]\",\"name\":\"outputSlots\",\"type\":\"uint32[]\"},{\"internalType\":\"string\",\"name\":\"manifestURI\",\"type\":\"string\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"resultShape\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"uint16\",\"name\":\"numInputs\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint32[]\",\"name\":\"slots\",\"type\":\"uint32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"numInputs\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint32[]\",\"name\":\"outputSlots\",\"type\":\"uint32[]\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"manifestURI\",\"type\":\"string\"}],\"name\":\"KernelRegistered\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"}],\"name\":\"InvalidAggregation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"numInputs\",\"type\":\"uint256\"}],\"name\":\"InvalidInputCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"}],\"name\":\"InvalidOutputCount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"slot\",\"type\":\"uint32\"}],\"name\":\"InvalidOutputSlot\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"KernelAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"KernelNotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"ManifestURITooLong\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroGraphSize\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroManifestHash\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroModelRoot\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroPrestateHash\",\"type\":\"error\"}]",
	ID:  "89df555bf2c6c46933483ee31ba856dad6",
	Bin: "0x6080604052348015600e575f5ffd5b506111938061001c5f395ff3fe608060405234801561000f575f5ffd5b50600436106100a6575f3560e01c806366efd0211161006e57806366efd021146101445780636afbc744146101715780637a67b65e14610179578063bfa0176d1461018c578063e32587fb146100aa578063e9170a0314610194575f5ffd5b806316bf3570146100aa5780631c98c0f9146100c657806321dbb535146100d957806327258b22146100f95780633c722a471461012a575b5f5ffd5b6100b361010081565b6040519081526020015b60405180910390f35b6100b36100d4366004610a1a565b6101b8565b6100ec6100e7366004610b07565b610407565b6040516100bd9190610b8c565b61011a610107366004610b07565b5f90815260208190526040902054151590565b60405190151581526020016100bd565b610132600181565b60405160ff90911681526020016100bd565b610157610152366004610b07565b610644565b6040805192835263ffffffff9091166020830152016100bd565b610132600381565b6100b3610187366004610c52565b610692565b610132600281565b6101a76101a2366004610b07565b6106d6565b6040516100bd959493929190610ce0565b5f8a6101d757604051630ea3c3a760e21b815260040160405180910390fd5b896101f55760405163223406dd60e01b815260040160405180910390fd5b88610213576040516317bdb7f360e21b815260040160405180910390fd5b8763ffffffff165f036102395760405163761304e360e01b815260040160405180910390fd5b60ff8716158061024c5750600360ff8816115b15610274576040516350efdf2160e11b815260ff881660048201526024015b60405180910390fd5b6101008211156102a257604051632e3068b160e11b815260048101839052610100602482015260440161026b565b6102af888888888861086a565b6102bf8b8b8b8b8b8b8b8b610692565b5f818152602081905260409020805491925090156102f3576040516318d1c69d60e01b81526004810183905260240161026b565b8b8155600181018b9055600281018a905560038101805463ffffffff8b1664ffffffffff199091161764010000000060ff8b16021766ffff000000000019166501000000000061ffff8a160217905560068101610351868883610e03565b50600381018054670100000000000000600160d81b03191633600160381b0217905560048101805465ffffffffffff19164365ffffffffffff1617905582156103a557600581016103a3848683610f4b565b505b336001600160a01b03168c837f429736d6c7f61cad9baeb748c0bef089cc6173e7c13930e444aaf0303b7f1e7a8e8e8e8e8e8e8e8e8e6040516103f099989796959493929190611040565b60405180910390a4509a9950505050505050505050565b6104736040518061014001604052805f81526020015f81526020015f81526020015f63ffffffff1681526020015f60ff1681526020015f61ffff1681526020015f6001600160a01b031681526020015f65ffffffffffff16815260200160608152602001606081525090565b5f8281526020818152604080832081516101408101835281548152600182015493810193909352600281015491830191909152600381015463ffffffff81166060840152640100000000810460ff16608084015265010000000000810461ffff1660a0840152600160381b90046001600160a01b031660c0830152600481015465ffffffffffff1660e08301526005810180546101008401919061051690610ed4565b80601f016020809104026020016040519081016040528092919081815260200182805461054290610ed4565b801561058d5780601f106105645761010080835404028352916020019161058d565b820191905f5260205f20905b81548152906001019060200180831161057057829003601f168201915b505050505081526020016006820180548060200260200160405190810160405280929190818152602001828054801561060e57602002820191905f5260205f20905f905b82829054906101000a900463ffffffff1663ffffffff16815260200190600401906020826003010492830192600103820291508084116105d15790505b505050919092525050815191925061063e905057604051632907b3bd60e01b81526004810184905260240161026b565b92915050565b5f818152602081905260408120805482919061067657604051632907b3bd60e01b81526004810185905260240161026b565b6001810154600390910154909463ffffffff9091169350915050565b5f88888888888888886040516020016106b29897969594939291906110b6565b60405160208183030381529060405280519060200120905098975050505050505050565b5f818152602081905260408120805482918291906060908261070e57604051632907b3bd60e01b81526004810188905260240161026b565b600381015463ffffffff81169650640100000000810460ff16955065010000000000900461ffff16935060021985016107c457806006018054806020026020016040519081016040528092919081815260200182805480156107b857602002820191905f5260205f20905f905b82829054906101000a900463ffffffff1663ffffffff168152602001906004019060208260030104928301926001038202915080841161077b5790505b50505050509150610860565b60408051600180825281830190925290602080830190803683370190505091506006810160ff86166001146107fa5760016107fc565b5f5b60ff168154811061080f5761080f611108565b905f5260205f2090600891828204019190066004029054906101000a900463ffffffff16825f8151811061084557610845611108565b602002602001019063ffffffff16908163ffffffff16815250505b5091939590929450565b61ffff8316158061088057506101008361ffff16115b156108a45760405163643811c360e11b815261ffff8416600482015260240161026b565b808015806108b3575061010081115b806108cc575060ff851660021480156108cc5750600281105b156108f65760405163054fe50160e31b81526004810182905260ff8616602482015260440161026b565b5f61090b63ffffffff881661ffff871661111c565b90505f5b8281101561098e575f85858381811061092a5761092a611108565b905060200201602081019061093f919061113b565b90508661ffff168163ffffffff16108061095f5750828163ffffffff1610155b156109855760405163b213fbe960e01b815263ffffffff8216600482015260240161026b565b5060010161090f565b5050505050505050565b63ffffffff811681146109a9575f5ffd5b50565b803560ff811681146109bc575f5ffd5b919050565b803561ffff811681146109bc575f5ffd5b5f5f83601f8401126109e2575f5ffd5b50813567ffffffffffffffff8111156109f9575f5ffd5b6020830191508360208260051b8501011115610a13575f5ffd5b9250929050565b5f5f5f5f5f5f5f5f5f5f6101008b8d031215610a34575f5ffd5b8a35995060208b0135985060408b0135975060608b0135610a5481610998565b9650610a6260808c016109ac565b9550610a7060a08c016109c1565b945060c08b013567ffffffffffffffff811115610a8b575f5ffd5b610a978d828e016109d2565b90955093505060e08b013567ffffffffffffffff811115610ab6575f5ffd5b8b01601f81018d13610ac6575f5ffd5b803567ffffffffffffffff811115610adc575f5ffd5b8d6020828401011115610aed575f5ffd5b60208201935080925050509295989b9194979a5092959850565b5f60208284031215610b17575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f8151808452602084019350602083015f5b82811015610b8257815163ffffffff16865260209586019590910190600101610b5e565b5093949350505050565b602081528151602082015260208201516040820152604082015160608201525f6060830151610bc3608084018263ffffffff169052565b50608083015160ff811660a08401525060a083015161ffff811660c08401525060c08301516001600160a01b03811660e08401525060e083015165ffffffffffff811661010084015250610100830151610140610120840152610c2a610160840182610b1e565b9050610120840151601f1984830301610140850152610c498282610b4c565b95945050505050565b5f5f5f5f5f5f5f5f60e0898b031215610c69575f5ffd5b8835975060208901359650604089013595506060890135610c8981610998565b9450610c9760808a016109ac565b9350610ca560a08a016109c1565b925060c089013567ffffffffffffffff811115610cc0575f5ffd5b610ccc8b828c016109d2565b999c989b5096995094979396929594505050565b5f60a0820163ffffffff8816835260ff8716602084015261ffff8616604084015284606084015260a0608084015280845180835260c0850191506020860192505f5b81811015610d4657835163ffffffff16835260209384019390920191600101610d22565b50909998505050505050505050565b634e487b7160e01b5f52604160045260245ffd5b5f5b82811015610d80575f82820155600101610d6b565b505050565b68010000000000000000821115610d9e57610d9e610d55565b805482825580831015610d80576007830160031c825f528060205f2001601c8560021b168015610ddd575f19820180545f198360200360031b1c168155505b50610df0826007850160031c0382610d69565b5050505050565b5f813561063e81610998565b67ffffffffffffffff831115610e1b57610e1b610d55565b610e258382610d85565b5f8181526020902082908460031c5f5b81811015610e8d575f5f5b6008811015610e8057610e6f610e5587610df7565b63ffffffff908116600584901b90811b91901b1984161790565b602096909601959150600101610e40565b5083820155600101610e35565b50600719861680870381881461098e575f5f5b82811015610ec557610eb4610e5588610df7565b602097909701969150600101610ea0565b50848401555050505050505050565b600181811c90821680610ee857607f821691505b602082108103610f0657634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610d805782821115610d8057805f5260205f20601f840160051c6020851015610f3757505f5b610df081601f860160051c03828401610d69565b67ffffffffffffffff831115610f6357610f63610d55565b610f7783610f718354610ed4565b83610f0c565b5f601f841160018114610fa8575f8515610f915750838201355b5f19600387901b1c1916600186901b178355610df0565b5f83815260208120601f198716915b82811015610fd75786850135825560209485019460019092019101610fb7565b5086821015610ff3575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b8183526020830192505f815f5b84811015610b8257813561102581610998565b63ffffffff1686526020958601959190910190600101611012565b89815288602082015263ffffffff8816604082015260ff8716606082015261ffff8616608082015260e060a08201525f61107e60e083018688611005565b82810360c0840152838152838560208301375f602085830101526020601f19601f8601168201019150509a9950505050505050505050565b88815287602082015286604082015263ffffffff8616606082015260ff8516608082015261ffff841660a082015260e060c08201525f6110fa60e083018486611005565b9a9950505050505050505050565b634e487b7160e01b5f52603260045260245ffd5b8082018082111561063e57634e487b7160e01b5f52601160045260245ffd5b5f6020828403121561114b575f5ffd5b813561115681610998565b939250505056fea26469706673582212206dd7c1c9f95dbbdc82f026dbd4086f19000759490083a92847a2a8bd355c6c5164736f6c63430008250033",
}

// KernelRegistry is an auto generated Go binding around an Ethereum contract.
type KernelRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *KernelRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewKernelRegistry creates a new instance of KernelRegistry.
func NewKernelRegistry() *KernelRegistry {
	parsed, err := KernelRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &KernelRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *KernelRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAGGARGMAX is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c722a47.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function AGG_ARGMAX() view returns(uint8)
func (kernelRegistry *KernelRegistry) PackAGGARGMAX() []byte {
	enc, err := kernelRegistry.abi.Pack("AGG_ARGMAX")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAGGARGMAX is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c722a47.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function AGG_ARGMAX() view returns(uint8)
func (kernelRegistry *KernelRegistry) TryPackAGGARGMAX() ([]byte, error) {
	return kernelRegistry.abi.Pack("AGG_ARGMAX")
}

// UnpackAGGARGMAX is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3c722a47.
//
// Solidity: function AGG_ARGMAX() view returns(uint8)
func (kernelRegistry *KernelRegistry) UnpackAGGARGMAX(data []byte) (uint8, error) {
	out, err := kernelRegistry.abi.Unpack("AGG_ARGMAX", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAGGLOGITS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfa0176d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function AGG_LOGITS() view returns(uint8)
func (kernelRegistry *KernelRegistry) PackAGGLOGITS() []byte {
	enc, err := kernelRegistry.abi.Pack("AGG_LOGITS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAGGLOGITS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfa0176d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function AGG_LOGITS() view returns(uint8)
func (kernelRegistry *KernelRegistry) TryPackAGGLOGITS() ([]byte, error) {
	return kernelRegistry.abi.Pack("AGG_LOGITS")
}

// UnpackAGGLOGITS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbfa0176d.
//
// Solidity: function AGG_LOGITS() view returns(uint8)
func (kernelRegistry *KernelRegistry) UnpackAGGLOGITS(data []byte) (uint8, error) {
	out, err := kernelRegistry.abi.Unpack("AGG_LOGITS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAGGOUTPUTS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6afbc744.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function AGG_OUTPUTS() view returns(uint8)
func (kernelRegistry *KernelRegistry) PackAGGOUTPUTS() []byte {
	enc, err := kernelRegistry.abi.Pack("AGG_OUTPUTS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAGGOUTPUTS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6afbc744.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function AGG_OUTPUTS() view returns(uint8)
func (kernelRegistry *KernelRegistry) TryPackAGGOUTPUTS() ([]byte, error) {
	return kernelRegistry.abi.Pack("AGG_OUTPUTS")
}

// UnpackAGGOUTPUTS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6afbc744.
//
// Solidity: function AGG_OUTPUTS() view returns(uint8)
func (kernelRegistry *KernelRegistry) UnpackAGGOUTPUTS(data []byte) (uint8, error) {
	out, err := kernelRegistry.abi.Unpack("AGG_OUTPUTS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackMAXIO is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16bf3570.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_IO() view returns(uint256)
func (kernelRegistry *KernelRegistry) PackMAXIO() []byte {
	enc, err := kernelRegistry.abi.Pack("MAX_IO")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXIO is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16bf3570.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_IO() view returns(uint256)
func (kernelRegistry *KernelRegistry) TryPackMAXIO() ([]byte, error) {
	return kernelRegistry.abi.Pack("MAX_IO")
}

// UnpackMAXIO is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x16bf3570.
//
// Solidity: function MAX_IO() view returns(uint256)
func (kernelRegistry *KernelRegistry) UnpackMAXIO(data []byte) (*big.Int, error) {
	out, err := kernelRegistry.abi.Unpack("MAX_IO", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXMANIFESTURILENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe32587fb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_MANIFEST_URI_LENGTH() view returns(uint256)
func (kernelRegistry *KernelRegistry) PackMAXMANIFESTURILENGTH() []byte {
	enc, err := kernelRegistry.abi.Pack("MAX_MANIFEST_URI_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXMANIFESTURILENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe32587fb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_MANIFEST_URI_LENGTH() view returns(uint256)
func (kernelRegistry *KernelRegistry) TryPackMAXMANIFESTURILENGTH() ([]byte, error) {
	return kernelRegistry.abi.Pack("MAX_MANIFEST_URI_LENGTH")
}

// UnpackMAXMANIFESTURILENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe32587fb.
//
// Solidity: function MAX_MANIFEST_URI_LENGTH() view returns(uint256)
func (kernelRegistry *KernelRegistry) UnpackMAXMANIFESTURILENGTH(data []byte) (*big.Int, error) {
	out, err := kernelRegistry.abi.Unpack("MAX_MANIFEST_URI_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGameShape is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66efd021.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function gameShape(bytes32 id) view returns(bytes32 prestateHash, uint32 graphSize)
func (kernelRegistry *KernelRegistry) PackGameShape(id [32]byte) []byte {
	enc, err := kernelRegistry.abi.Pack("gameShape", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGameShape is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66efd021.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function gameShape(bytes32 id) view returns(bytes32 prestateHash, uint32 graphSize)
func (kernelRegistry *KernelRegistry) TryPackGameShape(id [32]byte) ([]byte, error) {
	return kernelRegistry.abi.Pack("gameShape", id)
}

// GameShapeOutput serves as a container for the return parameters of contract
// method GameShape.
type GameShapeOutput struct {
	PrestateHash [32]byte
	GraphSize    uint32
}

// UnpackGameShape is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x66efd021.
//
// Solidity: function gameShape(bytes32 id) view returns(bytes32 prestateHash, uint32 graphSize)
func (kernelRegistry *KernelRegistry) UnpackGameShape(data []byte) (GameShapeOutput, error) {
	out, err := kernelRegistry.abi.Unpack("gameShape", data)
	outstruct := new(GameShapeOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.PrestateHash = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.GraphSize = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackGetKernel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21dbb535.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getKernel(bytes32 id) view returns((bytes32,bytes32,bytes32,uint32,uint8,uint16,address,uint48,string,uint32[]))
func (kernelRegistry *KernelRegistry) PackGetKernel(id [32]byte) []byte {
	enc, err := kernelRegistry.abi.Pack("getKernel", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetKernel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21dbb535.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getKernel(bytes32 id) view returns((bytes32,bytes32,bytes32,uint32,uint8,uint16,address,uint48,string,uint32[]))
func (kernelRegistry *KernelRegistry) TryPackGetKernel(id [32]byte) ([]byte, error) {
	return kernelRegistry.abi.Pack("getKernel", id)
}

// UnpackGetKernel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x21dbb535.
//
// Solidity: function getKernel(bytes32 id) view returns((bytes32,bytes32,bytes32,uint32,uint8,uint16,address,uint48,string,uint32[]))
func (kernelRegistry *KernelRegistry) UnpackGetKernel(data []byte) (KernelRegistryKernel, error) {
	out, err := kernelRegistry.abi.Unpack("getKernel", data)
	if err != nil {
		return *new(KernelRegistryKernel), err
	}
	out0 := *abi.ConvertType(out[0], new(KernelRegistryKernel)).(*KernelRegistryKernel)
	return out0, nil
}

// PackIsRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27258b22.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isRegistered(bytes32 id) view returns(bool)
func (kernelRegistry *KernelRegistry) PackIsRegistered(id [32]byte) []byte {
	enc, err := kernelRegistry.abi.Pack("isRegistered", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27258b22.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isRegistered(bytes32 id) view returns(bool)
func (kernelRegistry *KernelRegistry) TryPackIsRegistered(id [32]byte) ([]byte, error) {
	return kernelRegistry.abi.Pack("isRegistered", id)
}

// UnpackIsRegistered is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27258b22.
//
// Solidity: function isRegistered(bytes32 id) view returns(bool)
func (kernelRegistry *KernelRegistry) UnpackIsRegistered(data []byte) (bool, error) {
	out, err := kernelRegistry.abi.Unpack("isRegistered", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a67b65e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function kernelId(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots) pure returns(bytes32)
func (kernelRegistry *KernelRegistry) PackKernelId(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8, numInputs uint16, outputSlots []uint32) []byte {
	enc, err := kernelRegistry.abi.Pack("kernelId", modelRoot, prestateHash, manifestHash, graphSize, aggregation, numInputs, outputSlots)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a67b65e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function kernelId(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots) pure returns(bytes32)
func (kernelRegistry *KernelRegistry) TryPackKernelId(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8, numInputs uint16, outputSlots []uint32) ([]byte, error) {
	return kernelRegistry.abi.Pack("kernelId", modelRoot, prestateHash, manifestHash, graphSize, aggregation, numInputs, outputSlots)
}

// UnpackKernelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7a67b65e.
//
// Solidity: function kernelId(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots) pure returns(bytes32)
func (kernelRegistry *KernelRegistry) UnpackKernelId(data []byte) ([32]byte, error) {
	out, err := kernelRegistry.abi.Unpack("kernelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c98c0f9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots, string manifestURI) returns(bytes32 id)
func (kernelRegistry *KernelRegistry) PackRegister(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8, numInputs uint16, outputSlots []uint32, manifestURI string) []byte {
	enc, err := kernelRegistry.abi.Pack("register", modelRoot, prestateHash, manifestHash, graphSize, aggregation, numInputs, outputSlots, manifestURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c98c0f9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots, string manifestURI) returns(bytes32 id)
func (kernelRegistry *KernelRegistry) TryPackRegister(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8, numInputs uint16, outputSlots []uint32, manifestURI string) ([]byte, error) {
	return kernelRegistry.abi.Pack("register", modelRoot, prestateHash, manifestHash, graphSize, aggregation, numInputs, outputSlots, manifestURI)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1c98c0f9.
//
// Solidity: function register(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots, string manifestURI) returns(bytes32 id)
func (kernelRegistry *KernelRegistry) UnpackRegister(data []byte) ([32]byte, error) {
	out, err := kernelRegistry.abi.Unpack("register", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackResultShape is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9170a03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resultShape(bytes32 id) view returns(uint32 graphSize, uint8 aggregation, uint16 numInputs, bytes32 modelRoot, uint32[] slots)
func (kernelRegistry *KernelRegistry) PackResultShape(id [32]byte) []byte {
	enc, err := kernelRegistry.abi.Pack("resultShape", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResultShape is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9170a03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resultShape(bytes32 id) view returns(uint32 graphSize, uint8 aggregation, uint16 numInputs, bytes32 modelRoot, uint32[] slots)
func (kernelRegistry *KernelRegistry) TryPackResultShape(id [32]byte) ([]byte, error) {
	return kernelRegistry.abi.Pack("resultShape", id)
}

// ResultShapeOutput serves as a container for the return parameters of contract
// method ResultShape.
type ResultShapeOutput struct {
	GraphSize   uint32
	Aggregation uint8
	NumInputs   uint16
	ModelRoot   [32]byte
	Slots       []uint32
}

// UnpackResultShape is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe9170a03.
//
// Solidity: function resultShape(bytes32 id) view returns(uint32 graphSize, uint8 aggregation, uint16 numInputs, bytes32 modelRoot, uint32[] slots)
func (kernelRegistry *KernelRegistry) UnpackResultShape(data []byte) (ResultShapeOutput, error) {
	out, err := kernelRegistry.abi.Unpack("resultShape", data)
	outstruct := new(ResultShapeOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.GraphSize = *abi.ConvertType(out[0], new(uint32)).(*uint32)
	outstruct.Aggregation = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.NumInputs = *abi.ConvertType(out[2], new(uint16)).(*uint16)
	outstruct.ModelRoot = *abi.ConvertType(out[3], new([32]byte)).(*[32]byte)
	outstruct.Slots = *abi.ConvertType(out[4], new([]uint32)).(*[]uint32)
	return *outstruct, nil
}

// KernelRegistryKernelRegistered represents a KernelRegistered event raised by the KernelRegistry contract.
type KernelRegistryKernelRegistered struct {
	Id           [32]byte
	ModelRoot    [32]byte
	Owner        common.Address
	PrestateHash [32]byte
	ManifestHash [32]byte
	GraphSize    uint32
	Aggregation  uint8
	NumInputs    uint16
	OutputSlots  []uint32
	ManifestURI  string
	Raw          *types.Log // Blockchain specific contextual infos
}

const KernelRegistryKernelRegisteredEventName = "KernelRegistered"

// ContractEventName returns the user-defined event name.
func (KernelRegistryKernelRegistered) ContractEventName() string {
	return KernelRegistryKernelRegisteredEventName
}

// UnpackKernelRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KernelRegistered(bytes32 indexed id, bytes32 indexed modelRoot, address indexed owner, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] outputSlots, string manifestURI)
func (kernelRegistry *KernelRegistry) UnpackKernelRegisteredEvent(log *types.Log) (*KernelRegistryKernelRegistered, error) {
	event := "KernelRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != kernelRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(KernelRegistryKernelRegistered)
	if len(log.Data) > 0 {
		if err := kernelRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range kernelRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (kernelRegistry *KernelRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["InvalidAggregation"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackInvalidAggregationError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["InvalidInputCount"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackInvalidInputCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["InvalidOutputCount"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackInvalidOutputCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["InvalidOutputSlot"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackInvalidOutputSlotError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["KernelAlreadyRegistered"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackKernelAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["KernelNotRegistered"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackKernelNotRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["ManifestURITooLong"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackManifestURITooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["ZeroGraphSize"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackZeroGraphSizeError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["ZeroManifestHash"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackZeroManifestHashError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["ZeroModelRoot"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackZeroModelRootError(raw[4:])
	}
	if bytes.Equal(raw[:4], kernelRegistry.abi.Errors["ZeroPrestateHash"].ID.Bytes()[:4]) {
		return kernelRegistry.UnpackZeroPrestateHashError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// KernelRegistryInvalidAggregation represents a InvalidAggregation error raised by the KernelRegistry contract.
type KernelRegistryInvalidAggregation struct {
	Aggregation uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAggregation(uint8 aggregation)
func KernelRegistryInvalidAggregationErrorID() common.Hash {
	return common.HexToHash("0xa1dfbe428ed8eec1eecb49b59c42ceb205f76e9599ef39b9ed39e63b299ee67a")
}

// UnpackInvalidAggregationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAggregation(uint8 aggregation)
func (kernelRegistry *KernelRegistry) UnpackInvalidAggregationError(raw []byte) (*KernelRegistryInvalidAggregation, error) {
	out := new(KernelRegistryInvalidAggregation)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "InvalidAggregation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryInvalidInputCount represents a InvalidInputCount error raised by the KernelRegistry contract.
type KernelRegistryInvalidInputCount struct {
	NumInputs *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidInputCount(uint256 numInputs)
func KernelRegistryInvalidInputCountErrorID() common.Hash {
	return common.HexToHash("0xc870238682313abc1246a633e49dd5f2cdb23b0da217e15f9428d2cdfbe0ca6d")
}

// UnpackInvalidInputCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidInputCount(uint256 numInputs)
func (kernelRegistry *KernelRegistry) UnpackInvalidInputCountError(raw []byte) (*KernelRegistryInvalidInputCount, error) {
	out := new(KernelRegistryInvalidInputCount)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "InvalidInputCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryInvalidOutputCount represents a InvalidOutputCount error raised by the KernelRegistry contract.
type KernelRegistryInvalidOutputCount struct {
	Count       *big.Int
	Aggregation uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidOutputCount(uint256 count, uint8 aggregation)
func KernelRegistryInvalidOutputCountErrorID() common.Hash {
	return common.HexToHash("0x2a7f28089e5adf97dbfc7bad8479bcc15c46036a274c55a9ca92ab813c1b4f95")
}

// UnpackInvalidOutputCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidOutputCount(uint256 count, uint8 aggregation)
func (kernelRegistry *KernelRegistry) UnpackInvalidOutputCountError(raw []byte) (*KernelRegistryInvalidOutputCount, error) {
	out := new(KernelRegistryInvalidOutputCount)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "InvalidOutputCount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryInvalidOutputSlot represents a InvalidOutputSlot error raised by the KernelRegistry contract.
type KernelRegistryInvalidOutputSlot struct {
	Slot uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidOutputSlot(uint32 slot)
func KernelRegistryInvalidOutputSlotErrorID() common.Hash {
	return common.HexToHash("0xb213fbe94c38c1157205bb0392c7c508ca18002cc16a489d72687568f98e5394")
}

// UnpackInvalidOutputSlotError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidOutputSlot(uint32 slot)
func (kernelRegistry *KernelRegistry) UnpackInvalidOutputSlotError(raw []byte) (*KernelRegistryInvalidOutputSlot, error) {
	out := new(KernelRegistryInvalidOutputSlot)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "InvalidOutputSlot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryKernelAlreadyRegistered represents a KernelAlreadyRegistered error raised by the KernelRegistry contract.
type KernelRegistryKernelAlreadyRegistered struct {
	Id [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KernelAlreadyRegistered(bytes32 id)
func KernelRegistryKernelAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x18d1c69d71d69f5ed00981f9e0eee562935594294eac00b28a849698c98c5ca4")
}

// UnpackKernelAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KernelAlreadyRegistered(bytes32 id)
func (kernelRegistry *KernelRegistry) UnpackKernelAlreadyRegisteredError(raw []byte) (*KernelRegistryKernelAlreadyRegistered, error) {
	out := new(KernelRegistryKernelAlreadyRegistered)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "KernelAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryKernelNotRegistered represents a KernelNotRegistered error raised by the KernelRegistry contract.
type KernelRegistryKernelNotRegistered struct {
	Id [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KernelNotRegistered(bytes32 id)
func KernelRegistryKernelNotRegisteredErrorID() common.Hash {
	return common.HexToHash("0x2907b3bdfc80911a1a6694bd0ce6f9ccd903417d1f9eaad2a1e9681862d3f0d7")
}

// UnpackKernelNotRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KernelNotRegistered(bytes32 id)
func (kernelRegistry *KernelRegistry) UnpackKernelNotRegisteredError(raw []byte) (*KernelRegistryKernelNotRegistered, error) {
	out := new(KernelRegistryKernelNotRegistered)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "KernelNotRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryManifestURITooLong represents a ManifestURITooLong error raised by the KernelRegistry contract.
type KernelRegistryManifestURITooLong struct {
	Length *big.Int
	Max    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ManifestURITooLong(uint256 length, uint256 max)
func KernelRegistryManifestURITooLongErrorID() common.Hash {
	return common.HexToHash("0x5c60d162a5630c4cce6ddfef33ab326d20456cb9f1eca82bc3040f8ea80182e5")
}

// UnpackManifestURITooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ManifestURITooLong(uint256 length, uint256 max)
func (kernelRegistry *KernelRegistry) UnpackManifestURITooLongError(raw []byte) (*KernelRegistryManifestURITooLong, error) {
	out := new(KernelRegistryManifestURITooLong)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "ManifestURITooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryZeroGraphSize represents a ZeroGraphSize error raised by the KernelRegistry contract.
type KernelRegistryZeroGraphSize struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroGraphSize()
func KernelRegistryZeroGraphSizeErrorID() common.Hash {
	return common.HexToHash("0x761304e354178c91875c251bb9c194ebb4f53295011ade310cc46d664acf4183")
}

// UnpackZeroGraphSizeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroGraphSize()
func (kernelRegistry *KernelRegistry) UnpackZeroGraphSizeError(raw []byte) (*KernelRegistryZeroGraphSize, error) {
	out := new(KernelRegistryZeroGraphSize)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "ZeroGraphSize", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryZeroManifestHash represents a ZeroManifestHash error raised by the KernelRegistry contract.
type KernelRegistryZeroManifestHash struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroManifestHash()
func KernelRegistryZeroManifestHashErrorID() common.Hash {
	return common.HexToHash("0x5ef6dfcc2d242e5af5fd132a024257d1eb91cc91738f0de24edbfec9a66feeb9")
}

// UnpackZeroManifestHashError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroManifestHash()
func (kernelRegistry *KernelRegistry) UnpackZeroManifestHashError(raw []byte) (*KernelRegistryZeroManifestHash, error) {
	out := new(KernelRegistryZeroManifestHash)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "ZeroManifestHash", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryZeroModelRoot represents a ZeroModelRoot error raised by the KernelRegistry contract.
type KernelRegistryZeroModelRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroModelRoot()
func KernelRegistryZeroModelRootErrorID() common.Hash {
	return common.HexToHash("0x3a8f0e9c111e1c3aea921be0bbf2a3e5852f77384e143543ee6a6c8ab60690a6")
}

// UnpackZeroModelRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroModelRoot()
func (kernelRegistry *KernelRegistry) UnpackZeroModelRootError(raw []byte) (*KernelRegistryZeroModelRoot, error) {
	out := new(KernelRegistryZeroModelRoot)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "ZeroModelRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KernelRegistryZeroPrestateHash represents a ZeroPrestateHash error raised by the KernelRegistry contract.
type KernelRegistryZeroPrestateHash struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroPrestateHash()
func KernelRegistryZeroPrestateHashErrorID() common.Hash {
	return common.HexToHash("0x223406ddc8848ed4bc433d0c7af29ec7a023ac8ee4b99988383e3352b04f263c")
}

// UnpackZeroPrestateHashError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroPrestateHash()
func (kernelRegistry *KernelRegistry) UnpackZeroPrestateHashError(raw []byte) (*KernelRegistryZeroPrestateHash, error) {
	out := new(KernelRegistryZeroPrestateHash)
	if err := kernelRegistry.abi.UnpackIntoInterface(out, "ZeroPrestateHash", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSMetaData contains all meta data concerning the MIPS contract.
var MIPSMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIPreimageOracle\",\"name\":\"_oracle\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"oracle\",\"outputs\":[{\"internalType\":\"contractIPreimageOracle\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"stateData\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"localContext\",\"type\":\"bytes32\"}],\"name\":\"step\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"postStateHash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"addr\",\"type\":\"uint256\"}],\"name\":\"InvalidMemoryProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"}],\"name\":\"InvalidProofLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"}],\"name\":\"InvalidStateBoolean\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidStateLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidThreadRegZero\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"activeRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"computedRoot\",\"type\":\"bytes32\"}],\"name\":\"InvalidThreadWitness\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"MissingMemoryProof\",\"type\":\"error\"}]",
	ID:  "14f841265321459b43d0fb127ab8f2b801",
	Bin: "0x60a0604052348015600e575f5ffd5b50604051612e2b380380612e2b833981016040819052602b91603b565b6001600160a01b03166080526066565b5f60208284031215604a575f5ffd5b81516001600160a01b0381168114605f575f5ffd5b9392505050565b608051612da76100845f395f8181603d01526124380152612da75ff3fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c80637dc0d1d014610038578063e14ced321461007c575b5f5ffd5b61005f7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b61008f61008a366004612cb0565b61009d565b604051908152602001610073565b5f60b485146100c757604051637b128fa760e11b8152600481018690526024015b60405180910390fd5b6106e060405260b486608037836102005282610220525f61024052816102e05260bc84016103005260016100fc60c8515f1a90565b111561011e5760405163077018b360e11b8152604860048201526024016100be565b600161012b60ce515f1a90565b111561014d5760405163077018b360e11b8152604e60048201526024016100be565b600161015a60df515f1a90565b111561017c5760405163077018b360e11b8152605f60048201526024016100be565b60ce515f1a60010361019757610190610307565b90506102fe565b60bc8310156101c35760405163180db87d60e11b81526004810184905260bc60248201526044016100be565b5f609c8561014037609c850135806102c052805f5250609c6101402060205260405f2090506101f3610154610346565b15610211576040516370d2cf6560e01b815260040160405180910390fd5b5f61023461022060df515f1a90565b60011461022d5760e05190565b6101005190565b9050808214610260576040516363a8ef1b60e01b815260048101829052602481018390526044016100be565b5f620186a061026f60d7610354565b1061027c575060026102b3565b5f610288610144610346565b9050600381161561029c57600191506102b1565b6102ae6102a95f83610360565b6103d9565b91505b505b6102bc816106b8565b6102005161030051038681146102ef5760405163180db87d60e11b815260048101889052602481018290526044016100be565b6102f7610307565b9450505050505b95945050505050565b5f600360ce515f1a1561032c5760cd515f1a60029150600281101561032a578091505b505b60b46080206001600160f81b031660f89190911b17919050565b80515f9060e01c5b92915050565b80515f9060c01c61034e565b5f61036b838361091e565b5f8360051b6103200151359050808460051b610260015263ffffffff81601c851660031b60e0031c16915061039f60805190565b6103aa858584610e04565b146103d257604051636a9ebb0f60e01b815260048101859052602481018490526044016100be565b5092915050565b5f601a82901c8082036103f6576103ef836112e6565b9392505050565b60208110610408576103ef83826117c1565b607c601384901c16610154015160e01c601f601085901c1661ffff8516600181900b6008851080159061043c5750600f8511155b1561052c575f85600903610453575083810161050e565b85600f036104665750601082901b61050e565b85600d03610477575083821761050e565b85600c03610488575083821661050e565b85600b036104b05763ffffffff821685106104a3575f6104a6565b60015b60ff16905061050e565b85600a036104cc57600382810b9086900b126104a3575f6104a6565b85600e036104dd575083821861050e565b5f826104e98760030b90565b019050806104f78260030b90565b1461050b5750600198975050505050505050565b90505b6105188482611b26565b610520611b49565b98975050505050505050565b5f610538610144610346565b90506004861015801561054c575060078611155b156105ee575f8660040361056f5750610154600285901b015160e01c85146105c2565b8660050361058d5750610154600285901b015160e01c8514156105c2565b866006036105ad578515806105a6575063800000008610155b90506105c2565b85158015906105bf5750638000000086105b90505b806105dc576105cf611b49565b9998505050505050505050565b6105cf600284901b8360040101611b7a565b85600214806105fd5750856003145b15610636578560030361061857610618601f82600801611b26565b6105206002896303ffffff16901b8260040163f00000001617611b7a565b8560010361068857600e84161561065557506001979650505050505050565b601084161561066c5761066c601f82600801611b26565b638000000085101560018086161481036105dc576105cf611b49565b85601c036106995761052088611b9f565b85601f036106aa5761052088611cc1565b506001979650505050505050565b6106d760cf6106c760cf610354565b6106d2906001612d37565b611deb565b5f6106e360df515f1a90565b6001146106f15760e06106f5565b6101005b90506101e081185f6107076102c05190565b905060068403610753575f61071d61012c610354565b90505f61072b6101d4610354565b9050811580159061073b57508181105b1561074c5761074c61012c82611deb565b5050610776565b60018414158015610765575060058414155b156107765761077661012c5f611deb565b836107b5576107a18361079d8361078f609c6101402090565b5f9182526020526040902090565b9052565b6107b060d76106c760d7610354565b610918565b600184036107d5576107c960ce6001611e01565b6107b060cd60ff611e01565b600584036107fc576107e960ce6001611e01565b610164516107b09060cd9060e01c611e01565b600284148061080b5750600684145b156108425761082a8261079d61081f855190565b609c6101402061078f565b8083525f81900361083d5761083d611e08565b610902565b60038403610884578083525f81900361083d5781515f0361087c5761086960ce6001611e01565b6101645161083d9060cd9060e01c611e01565b61083d611e08565b5f6108958261078f609c6101402090565b90505f6108a3610120610346565b90506108b161014082611e9d565b6108bc60025f611b26565b6101685160e01c80156108d4576108d4601d82611b26565b6108e88661079d8561078f609c6101402090565b6108fe6101206108f9846001612d37565b611e9d565b5050505b61090d60d75f611deb565b61091860c85f611e01565b50505050565b5f5f5b836102405111610db557610240519050610300516102205161020051018060248301111561095457600193505050610db5565b602082013560e01c6307ffffff8111156109745760029450505050610db5565b63010101016333333333600183901c63555555551690920382811660029190911c90921691909101600481901c01630f0f0f0f160260181c60ff16601b0360051b8201602401818111156109ce5760019450505050610db5565b828460051b61032001528061030052505050600181016102405280610db0577fad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb56103a0527fb4c11951957c6f8f642c4af61cd6b24640fec6dc7fc607ee8206a99e92410d306103c0527f21ddb9a356815c3fac1026b6dec5df3124afbadb485c9ba5a3e3398a04b7ba856103e0527fe58769b32a1beaf1ea27375a44095a0d1fb664ce2dd358e7fcbfb78c26a19344610400527f0eb01ebfc9ed27500cd4dfc979272d1f0913cc9f66540d7e8005811109e1cf2d610420527f887c22bd8750d34016ac3c66b5ff102dacdd73f6b014e710b51e8022af9a1968610440527fffd70157e48063fc33c97a050f7f640233bf646cc98d9524c6b92bcf3ab56f83610460527f9867cc5f7f196b93bae1e27e6320742445d290f2263827498b54fec539f756af610480527fcefad4e508c098b9a7e1d8feb19955fb02ba9675585078710969d3440f5054e06104a0527ff9dc3e7fe016e050eff260334f18a5d4fe391d82092319f5964f2e2eb7c1c3a56104c0527ff8b13a49e282f609c317a833fb8d976d11517c571d1221a265d25af778ecf8926104e0527f3490c6ceeb450aecdc82e28293031d10c7d73bf85e57bf041a97360aa2c5d99c610500527fc1df82d9c4b87413eae2ef048f94b4d3554cea73d92b0f7af96e0271c691e2bb610520527f5c67add7c6caf302256adedf7ab114da0acfe870d449a3a489f781d659e8becc610540527fda7bce9f4e8618b6bd2f4132ce798cdc7a60e7e1460a7299e3c6342a579626d2610560527f2733e50f526ec2fa19a22b31e8ed50f23cd1fdf94c9154ed3a7609a2f1ff981f610580527fe1d3b5c807b281e4683cc6d6315cf95b9ade8641defcb32372f1c126e398ef7a6105a0527f5a2dce0a8a7f68bb74560f8f71837c2c2ebbcbf7fffb42ae1896f13f7c7479a06105c0527fb46a28b6f55540f89444f63de0378e3d121be09e06cc9ded1c20e65876d36aa06105e0527fc65e9645644786b620e2dd2ad648ddfcbf4a7e5b1a3a4ecfe7f64667a3f0b7e2610600527ff4418588ed35a2458cffeb39b93d26f18d2ab13bdce6aee58e7b99359ec2dfd9610620527f5a9c16dc00d6ef18b7933a6f8dc65ccb55667138776f7dea101070dc8796e377610640527f4df84f40ae0c8229d0d6069e5c8f39a7c299677a09d367fc7b05e3bc380ee652610660527fcdc72595f74c7b1043d0e1ffbab734648c838dfb0527d971b602bc216c9619ef610680527f0abf5ac974a1ed57f4050aa510dd9c74f508277b39d7973bb2dfccc5eeb0618d6106a0527fb8cd74046ff337f0a7bf2c8e03e10f642c1886798d71806ab1e888d9e5ee87d06106c0525b610921565b81600103610dd957604051637c3fcff760e11b8152600481018290526024016100be565b8160020361091857604051636a9ebb0f60e01b815260048101829052602481018490526044016100be565b5f8360051b6103200151602081013560e01c6024820191508392506103805160018216610e3357506020820191355b60208616848152816020821852505060405f2092506103a05160028216610e5c57506020820191355b60208660011c16848152816020821852505060405f2092506103c05160048216610e8857506020820191355b60208660021c16848152816020821852505060405f2092506103e05160088216610eb457506020820191355b60208660031c16848152816020821852505060405f2092506104005160108216610ee057506020820191355b6020600487901c81169485529384185260405f206104205190938216610f0857506020820191355b60208660051c16848152816020821852505060405f2092506104405160408216610f3457506020820191355b60208660061c16848152816020821852505060405f2092506104605160808216610f6057506020820191355b60208660071c16848152816020821852505060405f209250610480516101008216610f8d57506020820191355b60208660081c16848152816020821852505060405f2092506104a0516102008216610fba57506020820191355b60208660091c16848152816020821852505060405f2092506104c0516104008216610fe757506020820191355b602086600a1c16848152816020821852505060405f2092506104e051610800821661101457506020820191355b602086600b1c16848152816020821852505060405f20925061050051611000821661104157506020820191355b602086600c1c16848152816020821852505060405f20925061052051612000821661106e57506020820191355b602086600d1c16848152816020821852505060405f20925061054051614000821661109b57506020820191355b602086600e1c16848152816020821852505060405f2092506105605161800082166110c857506020820191355b602086600f1c16848152816020821852505060405f209250610580516201000082166110f657506020820191355b60208660101c16848152816020821852505060405f2092506105a05162020000821661112457506020820191355b60208660111c16848152816020821852505060405f2092506105c05162040000821661115257506020820191355b60208660121c16848152816020821852505060405f2092506105e05162080000821661118057506020820191355b60208660131c16848152816020821852505060405f209250610600516210000082166111ae57506020820191355b60208660141c16848152816020821852505060405f209250610620516220000082166111dc57506020820191355b60208660151c16848152816020821852505060405f2092506106405162400000821661120a57506020820191355b60208660161c16848152816020821852505060405f2092506106605162800000821661123857506020820191355b60208660171c16848152816020821852505060405f209250610680516301000000821661126757506020820191355b60208660181c16848152816020821852505060405f2092506106a0516302000000821661129657506020820191355b60208660191c16848152816020821852505060405f2092506106c051630400000082166112c557506020820191355b602086601a1c16848152816020821852505060405f20925050509392505050565b607c601382901c811661015490810151600e84901c90921601515f91603f84169160e091821c911c601f600b86901c1660208410611506575f8460210361133057508282016114e9565b8460250361134157508282176114e9565b84602b0361136357828410611356575f611359565b60015b60ff1690506114e9565b8460240361137457508282166114e9565b8460230361138557508183036114e9565b84602a036113a157600383810b9085900b12611356575f611359565b846026036113b257508282186114e9565b846027036113c45750828217196114e9565b84602014806113d35750846022145b15611438575f856020146113fb576113eb8460030b90565b6113f58660030b90565b03611411565b6114058460030b90565b61140f8660030b90565b015b90508061141e8260030b90565b1461143157506001979650505050505050565b90506114e9565b6030851015801561144a575060368511155b8015611457575084603514155b156114dc575f856030036114765750600383810b9085900b12156114c8565b856031036114885750828410156114c8565b856032036114a05750600383810b9085900b126114c8565b856033036114b157508284106114c8565b856034036114c257508383146114c8565b50838314155b801561051857506001979650505050505050565b5060019695505050505050565b6114f38282611b26565b6114fb611b49565b979650505050505050565b600884101561158e57836001148061151e5750836005145b1561152f5750600195945050505050565b5f600485101561154657600687901c601f1661154b565b83601f165b90505f856003165f03611561575082811b611584565b85600316600203611575575082811c611584565b50600383900b811d63ffffffff165b6105188382611b26565b836008036115a95761159f83611b7a565b9695505050505050565b836009036115d1576115c8816115c0610144610346565b600801611b26565b61159f83611b7a565b83600a14806115e0575083600b145b1561160257600a84148215036115fa576115fa8184611b26565b61159f611b49565b83600c036116125761159f611eb3565b83600f036116225761159f611b49565b60108410158015611634575060138411155b15611691578360100361165a5761165581611650610150610346565b611b26565b6115fa565b8360110361166e5761165561015084611e9d565b83601203611685576116558161165061014c610346565b6115fa61014c84611e9d565b601884101580156116a35750601b8411155b156117b5575f5f856018036116d6575f6116bd8560030b90565b6116c78760030b90565b0292505050602081901c61179d565b856019036116ed575050828202602081901c61179d565b831580611717575085601a1480156117085750846380000000145b8015611717575063ffffffff84145b1561172657508390505f61179d565b85601a03611776575f6117398660030b90565b90505f6117468660030b90565b905080828161175757611757612d4a565b0581838161176757611767612d4a565b9195509007925061179d915050565b83858161178557611785612d4a565b0484868161179557611795612d4a565b919350900690505b6117a961014c83611e9d565b61051861015082611e9d565b50600195945050505050565b5f81602f14806117d15750816033145b156117e5576117de611b49565b905061034e565b81602714806117f4575081602c145b806117ff575081602d145b806118235750602e82118015611816575081603014155b8015611823575081603814155b156118305750600161034e565b610154601384901c607c16015160e01c61ffff841660010b0163ffffffff1661100081101561186357600191505061034e565b5f83602114806118735750836025145b8061187e5750836029145b1561188b575060016118b9565b836023148061189a575083602b145b806118a55750836030145b806118b05750836038145b156118b9575060035b818116156118cc5760019250505061034e565b601f601086901c165f6118ea8261015460029190911b015160e01c90565b9050856038036119655760c8515f1a600114801561191057508361190e60c9610346565b145b1561193d57611920600185610360565b5061192d60018583612372565b611938826001611b26565b611947565b611947825f611b26565b61195260c85f611e01565b61195a611b49565b94505050505061034e565b5f611971600186610360565b90506018600386901b16602888108061198a5750876030145b15611a8a575f886023148061199f5750886030145b156119cb57829050886030036119c6576119bb60c86001611e01565b6119c660c988611e9d565b611a7a565b886020036119ec576119e58260180384901c60ff165f0b90565b9050611a7a565b88602403611a05578160180383901c60ff169050611a7a565b88602103611a21576119e58260100384901c61ffff1660010b90565b88602503611a3b578160100383901c61ffff169050611a7a565b88602203611a5c575081811b63ffffffff165f196001831b01841617611a7a565b50601881900382901c5f196001600884011b0119841663ffffffff16175b611a848582611b26565b50611b1e565b5f88602b03611a9a575082611b10565b88602803611abb575060ff601882900381811b198416918516901b17611b10565b88602903611add575061ffff601082900381811b198416918516901b17611b10565b88602a03611af9575063ffffffff811c19821683821c17611b10565b5063ffffffff600882011c8216601882900384901b175b611b1c60018883612372565b505b6105cf611b49565b8115611b4557611b45611b3f600284901b610154612d37565b82611e9d565b5050565b5f5f611b56610148610346565b9050611b6461014482611e9d565b611b7361014882600401611e9d565b5f91505090565b5f611b8c6101446108f9610148610346565b611b9861014883611e9d565b505f919050565b607c601382901c811661015490810151600e84901c90921601515f91603f84169160e091821c911c6002839003611beb57611be3600b86901c601f16828402611b26565b6102fe611b49565b8260201480611bfa5750826021145b15611c2857611be3600b86901c601f1661165085602014611c225763ffffffff8519166123b4565b846123b4565b6005831180611c375750826003145b15611c4757506001949350505050565b5f6001841615611c5957818302611c6f565b611c638260030b90565b611c6d8460030b90565b025b90505f611c7d61014c610346565b6020611c8a610150610346565b901b17905060048510611c9f57818103611ca3565b8181015b9050611cb161014c82611e9d565b6114f3610150602083901c611e9d565b5f603f8216601f601084901c1682611ce48261015460029190911b015160e01c90565b9050601f600b86901c811690600687901c165f6020869003611d4f5781601003611d165760ff84165f0b5b9050611584565b81601803611d2b5761ffff841660010b611d0f565b816002036106aa57600884901c62ff00ff1660088562ff00ff16901b179050611584565b610154601389901c607c16015160e01c5f879003611d9557601f8484011115611d815750600198975050505050505050565b80831c5f1960018681011b01169150611de1565b86600403611dd25783831115611db45750600198975050505050505050565b5f19600184860381011b0180841b198616908216841b179150611de1565b50600198975050505050505050565b611b1e8683611b26565b81516001600160c01b031660c09190911b179052565b8082535050565b611e2060df611e1860df515f1a90565b600118611e01565b5f611e2c61012c610354565b90505f600a611e3b60cf610354565b0290508115801590611e55575067ffffffffffffffff8214155b8015611e76575067ffffffffffffffff611e70610124610354565b82011682115b15611e8957611e89610124828403611deb565b611b4561012c67ffffffffffffffff611deb565b81516001600160e01b031660e09190911b179052565b61015c51610164516101685161016c515f9360e090811c93811c92811c91901c848080610fa1879003611eee57600397505050505050505090565b8661109603611f0557600597505050505050505090565b86610fa303611f5157855f03611f1d575f9250612325565b85600503611f3657611f2f8585612424565b9250612325565b85606503611f4757600b9150612325565b600991505b612325565b86610fa403611f93578560011480611f695750856002145b80611f745750856065145b15611f8157839250612325565b85600603611f4757611f2f8585612581565b8661108e1480611fa4575086611146145b15611ffd57607f85165f819003611fe1575f611fbf896125e5565b90955090935090508015611fdb57509098975050505050505050565b50611ff7565b80600103611ff25760029150611ff7565b605992505b50612325565b866110420361200e57506002612325565b86611046148061201f5750866110a9145b8061202b575086611137145b806120375750866110d9145b80612043575086611159145b1561206c575f612052886125e5565b90945090925090508015611ff75750979650505050505050565b866110a7036120865761207f868661271e565b9150612325565b86610ffa03612149575f610fff196120a087610fff612d37565b169050865f036120e7575f6120b560c4610346565b9050637f0000006120c68383612d37565b11156120d557600c9350611fdb565b935083611fdb60c46108f98484612d37565b8515806120f75750610fff871615155b156121055760169250611ff7565b6401000000006121158289612d37565b111561212457600c9250611ff7565b61212e87826127d6565b612140575f9850505050505050505090565b86935050612325565b8661107a036121be5783600403611f4c575f610fff1961216b87610fff612d37565b169050610fff871615158061218e575064010000000061218b8289612d37565b10155b1561219c5760169250611ff7565b8015611ff7576121ac87826127d6565b611ff7575f9850505050505050505090565b86611018036121f55785620101001662010100146121df5760169150612325565b6121ea610120610346565b925060049050612325565b8661107e0361220957611f2f610140610346565b86610fb40361221b5760019250612325565b86610fd703612262576002861115806122345750856005145b8061223f5750856006145b8061224a5750856064145b806122555750856065145b611f4c5760099150612325565b86610fa514806122735750866110c0145b156122815760029150612325565b86611090036122935760169150612325565b866110e6036122a55760649250612325565b866110e5036122b75760659250612325565b86610fcd14806122c8575086610ffb145b806122d4575086610fc5145b806122e05750866110aa145b806122ec575086611062145b806122f8575086611063145b8061230457508661106e145b80612310575086610fa6145b8061231c575086611099145b61232557605991505b811561234757612336600283611b26565b61234260076001611b26565b61235d565b612352600284611b26565b61235d60075f611b26565b612365611b49565b506114fb6101d45f611deb565b5f8360051b61026001601c841660031b60e00363ffffffff8416811b63ffffffff821b1983511617925050818152506109186123af858584610e04565b608052565b5f815f036123c457506020919050565b601082901c5f036123d757601091821b91015b601882901c5f036123ea57600891821b91015b601c82901c5f036123fd57600491821b91015b601e82901c5f0361241057600291821b91015b601f82901c5f0361241f576001015b919050565b5f815f0361243357505f61034e565b60a0517f00000000000000000000000000000000000000000000000000000000000000009063e03110e160e01b905f90819081905f1960f882901c016124a3573360601b5f9081526102e05160145260348120918152602091909152604090206001600160f81b0316600160f81b175b60c05160e01c935060405185815281600482015284602482015260405f6044838a5afa6124d2573d5f5f3e3d5ffd5b505060403d10156124e1575f5ffd5b5f5190506020519150815f036124fe575f9550505050505061034e565b612509600189610360565b505f601f891660031b8060031c602003975087891015612527578897505b87841015612533578397505b5f198860031b1c19811c8084831c16811961028051161792505050806102805286840160e01b60c05160201b60201c1760c0526125756123af60018b84610e04565b50505050505092915050565b5f815f0361259057505f61034e565b61259b600184610360565b50601f831660031b8060031c6020039150818310156125b8578291505b8160031b61028051821b81610100031c60a051821b1760a052505060c05160201b60201c60c05292915050565b5f5f5f5f8461108e14806125fa575084611146145b6101645190915060e01c81801561261357506003811615155b15612629575f60165f9450945094505050612717565b5f6126356101d4610354565b9050805f036126a9575f6126498885612831565b96509050851561266357505f955085935061271792505050565b805f0361268a57600284612677575f61267a565b60915b5f96509650965050505050612717565b6126966101d482611deb565b5f5f600196509650965050505050612717565b8280156126c6575061016c5160e01c6126c3600184610360565b14155b156126dc575f5f5f955095509550505050612717565b806126e56129f6565b10612708575f836126f6575f6126f9565b60915b5f955095509550505050612717565b60065f60019550955095505050505b9193909250565b5f60018311156127305750601661034e565b60038216156127415750600e61034e565b5f61274a6129f6565b9050633b9aca0081045f859003612762576367748580015b61276d600185610360565b5061277a60018583612372565b5f63ffffffff85600401169050600585901c600582901c146127ba576127a1600282610360565b506127b5600282633b9aca00865b06612372565b6127cb565b6127cb600182633b9aca00866127af565b505f95945050505050565b5f82820160018119018116826127eb856123b4565b601f036001901b905081811015612800578091505b6128196001838503612811856123b4565b601a03612a1f565b6128266005838703611b26565b509092149392505050565b5f5f5f8315612877576101705160e01c5f81900361285e5767ffffffffffffffff5f9350935050506129ef565b61286c818761114614612b00565b935091506129ab9050565b846110460361289a57610164516128919060e01c5f612b00565b925090506129ab565b846110d9036128d9576101705160e01c8015806128bb575063800000008110155b156128cd575f5f9350935050506129ef565b620f42400290506129ab565b8461115903612909576101705160e01c5f8190036128fe575f5f9350935050506129ef565b61286c816001612b00565b6101645160e01c6001811115612927575f60169350935050506129ef565b61016c5161293c9060e01c8761113714612b00565b935091508215801561295657506101685160e01c60011615155b156129a957805f0361298757671816687ec05700008211612977575f612984565b671816687ec056ffff1982015b91505b61298f6129f6565b821161299b575f61299d565b815b5f9350935050506129ef565b505b811515806129b7575080155b156129c5575f9250506129ef565b806129ce6129f6565b01925067fffffffffffffffe8311156129ed5767fffffffffffffffe92505b505b9250929050565b5f67ffffffffffffffff612a0b610124610354565b600a612a1760cf610354565b020116905090565b612a29838361091e565b5f5f5f8560051b6103200151602081013560e01c915060248101813591508560051b6103800151865b601b811015612a9a578060051b6103800151600186831c16612a7657506020830192355b60208a831c811695865285185260405f818120939095529093209092600101612a52565b509194509092505f9050612ab1600180871b612d5e565b905080818316141580612ac657506080518414155b15612aee57604051636a9ebb0f60e01b815260048101889052602481018790526044016100be565b612af783608052565b50505050505050565b5f806003841615612b1657505f9050600e6129ef565b5f612b22600186610360565b90505f612b30866004612bd6565b905081818615612b6f5782602085901b179150612b4e886008612bd6565b9050603f82901c15612b6a575f601695509550505050506129ef565b612b89565b601f82901c15612b89575f601695509550505050506129ef565b633b9aca008110612ba4575f601695509550505050506129ef565b633b9aca0082028101955067fffffffffffffffe861115612bcb5767fffffffffffffffe95505b505050509250929050565b5f8063ffffffff612be78486612d37565b169050600584901c600582901c03612c18576102805160e0600383901b811690031c63ffffffff165b91505061034e565b826008148015612c3f5750600584811c9063ffffffff612c39876004612d37565b16901c14155b15612c5f576102a05160e0600383901b811690031c63ffffffff16612c10565b612c6a600282610360565b949350505050565b5f5f83601f840112612c82575f5ffd5b50813567ffffffffffffffff811115612c99575f5ffd5b6020830191508360208285010111156129ef575f5ffd5b5f5f5f5f5f60608688031215612cc4575f5ffd5b853567ffffffffffffffff811115612cda575f5ffd5b612ce688828901612c72565b909650945050602086013567ffffffffffffffff811115612d05575f5ffd5b612d1188828901612c72565b96999598509660400135949350505050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561034e5761034e612d23565b634e487b7160e01b5f52601260045260245ffd5b8181038181111561034e5761034e612d2356fea26469706673582212203a2c2c1229d44ee7af898f1b950c4af287cac79b1039b6e5fec868b7b1c5b93364736f6c63430008250033",
}

// MIPS is an auto generated Go binding around an Ethereum contract.
type MIPS struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MIPS) GetABI() abi.ABI {
	return c.abi
}

// NewMIPS creates a new instance of MIPS.
func NewMIPS() *MIPS {
	parsed, err := MIPSMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MIPS{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MIPS) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _oracle) returns()
func (mIPS *MIPS) PackConstructor(_oracle common.Address) []byte {
	enc, err := mIPS.abi.Pack("", _oracle)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function oracle() view returns(address)
func (mIPS *MIPS) PackOracle() []byte {
	enc, err := mIPS.abi.Pack("oracle")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOracle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dc0d1d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function oracle() view returns(address)
func (mIPS *MIPS) TryPackOracle() ([]byte, error) {
	return mIPS.abi.Pack("oracle")
}

// UnpackOracle is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7dc0d1d0.
//
// Solidity: function oracle() view returns(address)
func (mIPS *MIPS) UnpackOracle(data []byte) (common.Address, error) {
	out, err := mIPS.abi.Unpack("oracle", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackStep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe14ced32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function step(bytes stateData, bytes proof, bytes32 localContext) view returns(bytes32 postStateHash)
func (mIPS *MIPS) PackStep(stateData []byte, proof []byte, localContext [32]byte) []byte {
	enc, err := mIPS.abi.Pack("step", stateData, proof, localContext)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStep is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe14ced32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function step(bytes stateData, bytes proof, bytes32 localContext) view returns(bytes32 postStateHash)
func (mIPS *MIPS) TryPackStep(stateData []byte, proof []byte, localContext [32]byte) ([]byte, error) {
	return mIPS.abi.Pack("step", stateData, proof, localContext)
}

// UnpackStep is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe14ced32.
//
// Solidity: function step(bytes stateData, bytes proof, bytes32 localContext) view returns(bytes32 postStateHash)
func (mIPS *MIPS) UnpackStep(data []byte) ([32]byte, error) {
	out, err := mIPS.abi.Unpack("step", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (mIPS *MIPS) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], mIPS.abi.Errors["InvalidMemoryProof"].ID.Bytes()[:4]) {
		return mIPS.UnpackInvalidMemoryProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], mIPS.abi.Errors["InvalidProofLength"].ID.Bytes()[:4]) {
		return mIPS.UnpackInvalidProofLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], mIPS.abi.Errors["InvalidStateBoolean"].ID.Bytes()[:4]) {
		return mIPS.UnpackInvalidStateBooleanError(raw[4:])
	}
	if bytes.Equal(raw[:4], mIPS.abi.Errors["InvalidStateLength"].ID.Bytes()[:4]) {
		return mIPS.UnpackInvalidStateLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], mIPS.abi.Errors["InvalidThreadRegZero"].ID.Bytes()[:4]) {
		return mIPS.UnpackInvalidThreadRegZeroError(raw[4:])
	}
	if bytes.Equal(raw[:4], mIPS.abi.Errors["InvalidThreadWitness"].ID.Bytes()[:4]) {
		return mIPS.UnpackInvalidThreadWitnessError(raw[4:])
	}
	if bytes.Equal(raw[:4], mIPS.abi.Errors["MissingMemoryProof"].ID.Bytes()[:4]) {
		return mIPS.UnpackMissingMemoryProofError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MIPSInvalidMemoryProof represents a InvalidMemoryProof error raised by the MIPS contract.
type MIPSInvalidMemoryProof struct {
	Index *big.Int
	Addr  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidMemoryProof(uint256 index, uint256 addr)
func MIPSInvalidMemoryProofErrorID() common.Hash {
	return common.HexToHash("0x6a9ebb0f0a33ea3eb4af41c6651c68efe0a8bffbc7440014e5daac8a53ca21ee")
}

// UnpackInvalidMemoryProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidMemoryProof(uint256 index, uint256 addr)
func (mIPS *MIPS) UnpackInvalidMemoryProofError(raw []byte) (*MIPSInvalidMemoryProof, error) {
	out := new(MIPSInvalidMemoryProof)
	if err := mIPS.abi.UnpackIntoInterface(out, "InvalidMemoryProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSInvalidProofLength represents a InvalidProofLength error raised by the MIPS contract.
type MIPSInvalidProofLength struct {
	Length   *big.Int
	Expected *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProofLength(uint256 length, uint256 expected)
func MIPSInvalidProofLengthErrorID() common.Hash {
	return common.HexToHash("0x301b70fae3e1d76ba347f8b2446c3c70b33612508466a521ffb746f5c3a1c5ee")
}

// UnpackInvalidProofLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProofLength(uint256 length, uint256 expected)
func (mIPS *MIPS) UnpackInvalidProofLengthError(raw []byte) (*MIPSInvalidProofLength, error) {
	out := new(MIPSInvalidProofLength)
	if err := mIPS.abi.UnpackIntoInterface(out, "InvalidProofLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSInvalidStateBoolean represents a InvalidStateBoolean error raised by the MIPS contract.
type MIPSInvalidStateBoolean struct {
	Offset *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidStateBoolean(uint256 offset)
func MIPSInvalidStateBooleanErrorID() common.Hash {
	return common.HexToHash("0x0ee031665ddf964b01a1448925dae8eed96a235a334ad788273b9a39fe1e6564")
}

// UnpackInvalidStateBooleanError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidStateBoolean(uint256 offset)
func (mIPS *MIPS) UnpackInvalidStateBooleanError(raw []byte) (*MIPSInvalidStateBoolean, error) {
	out := new(MIPSInvalidStateBoolean)
	if err := mIPS.abi.UnpackIntoInterface(out, "InvalidStateBoolean", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSInvalidStateLength represents a InvalidStateLength error raised by the MIPS contract.
type MIPSInvalidStateLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidStateLength(uint256 length)
func MIPSInvalidStateLengthErrorID() common.Hash {
	return common.HexToHash("0xf6251f4edf8ee5e29890dc9b174452cb437664e886d00c259135ee4046fc7a07")
}

// UnpackInvalidStateLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidStateLength(uint256 length)
func (mIPS *MIPS) UnpackInvalidStateLengthError(raw []byte) (*MIPSInvalidStateLength, error) {
	out := new(MIPSInvalidStateLength)
	if err := mIPS.abi.UnpackIntoInterface(out, "InvalidStateLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSInvalidThreadRegZero represents a InvalidThreadRegZero error raised by the MIPS contract.
type MIPSInvalidThreadRegZero struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidThreadRegZero()
func MIPSInvalidThreadRegZeroErrorID() common.Hash {
	return common.HexToHash("0x70d2cf6561ed1fde2d71ee5b656410eb95c2e90514033aa6defdfa619bcd7147")
}

// UnpackInvalidThreadRegZeroError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidThreadRegZero()
func (mIPS *MIPS) UnpackInvalidThreadRegZeroError(raw []byte) (*MIPSInvalidThreadRegZero, error) {
	out := new(MIPSInvalidThreadRegZero)
	if err := mIPS.abi.UnpackIntoInterface(out, "InvalidThreadRegZero", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSInvalidThreadWitness represents a InvalidThreadWitness error raised by the MIPS contract.
type MIPSInvalidThreadWitness struct {
	ActiveRoot   [32]byte
	ComputedRoot [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidThreadWitness(bytes32 activeRoot, bytes32 computedRoot)
func MIPSInvalidThreadWitnessErrorID() common.Hash {
	return common.HexToHash("0x63a8ef1b32ceee35cb43eaf4614df84bdc1a4385f0271dde67e5d34f426e795b")
}

// UnpackInvalidThreadWitnessError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidThreadWitness(bytes32 activeRoot, bytes32 computedRoot)
func (mIPS *MIPS) UnpackInvalidThreadWitnessError(raw []byte) (*MIPSInvalidThreadWitness, error) {
	out := new(MIPSInvalidThreadWitness)
	if err := mIPS.abi.UnpackIntoInterface(out, "InvalidThreadWitness", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MIPSMissingMemoryProof represents a MissingMemoryProof error raised by the MIPS contract.
type MIPSMissingMemoryProof struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MissingMemoryProof(uint256 index)
func MIPSMissingMemoryProofErrorID() common.Hash {
	return common.HexToHash("0xf87f9feed4fe6afc9831aa6be00eaf840a193367f34c288a657e89f8a2ab24cc")
}

// UnpackMissingMemoryProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MissingMemoryProof(uint256 index)
func (mIPS *MIPS) UnpackMissingMemoryProofError(raw []byte) (*MIPSMissingMemoryProof, error) {
	out := new(MIPSMissingMemoryProof)
	if err := mIPS.abi.UnpackIntoInterface(out, "MissingMemoryProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PreimageOracleMetaData contains all meta data concerning the PreimageOracle contract.
var PreimageOracleMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"KECCAK_KEY_TYPE\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"LOCAL_KEY_TYPE\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PREIMAGE_SIZE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"partOffset\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"preimage\",\"type\":\"bytes\"}],\"name\":\"loadKeccak256PreimagePart\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"localContext\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"partOffset\",\"type\":\"uint256\"}],\"name\":\"loadLocalData\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"localizedKey\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"localContext\",\"type\":\"bytes32\"}],\"name\":\"localizeKey\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"localizedKey\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"preimagePartLengths\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"preimageParts\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"preimageStreamLengths\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"}],\"name\":\"readPreimage\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"dat\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"datLen\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"partOffset\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"}],\"name\":\"KeccakPreimagePartLoaded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"localizedKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"localContext\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"partOffset\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"}],\"name\":\"LocalDataLoaded\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"}],\"name\":\"InvalidLocalKeyType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"partOffset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"streamLength\",\"type\":\"uint256\"}],\"name\":\"PartOffsetOutOfBounds\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"key\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"offset\",\"type\":\"uint256\"}],\"name\":\"PreimagePartNotLoaded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"PreimageTooLarge\",\"type\":\"error\"}]",
	ID:  "41fff3fbd9ab61648adaab88cfc4a8aff2",
	Bin: "0x6080604052348015600e575f5ffd5b5061062c8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c8063d3683efc11610063578063d3683efc14610118578063d43f167e1461012b578063e03110e114610155578063e15926111461017d578063fd3fe98514610192575f5ffd5b806305bc11c01461009f5780630f842707146100be57806316c7bc3d146100c657806361238bde146100de57806393bc029214610105575b5f5ffd5b6100a7600281565b60405160ff90911681526020015b60405180910390f35b6100a7600181565b6100d06202000081565b6040519081526020016100b5565b6100d06100ec366004610463565b5f60208181529281526040808220909352908152205481565b6100d0610113366004610483565b6101b1565b6100d0610126366004610501565b6101e5565b6100d0610139366004610463565b600160209081525f928352604080842090915290825290205481565b610168610163366004610463565b61027f565b604080519283526020830191909152016100b5565b61019061018b366004610557565b610314565b005b6100d06101a036600461059f565b60026020525f908152604090205481565b6040805160609390931b8352601483019190915260349091205f92835260205290206001600160f81b0316600160f81b1790565b5f600186821a146102115760405163ebc1d74b60e01b8152600481018790526024015b60405180910390fd5b61021c8633876101b1565b905061022a8185858561037d565b604080518781526020810187905290810183905260608101849052819033907f8c4c5529b60c952090f73f0dbac2b059678c5c1fc10866d0f6b3e086f5cd654a9060800160405180910390a395945050505050565b5f82815260016020908152604080832084845290915281205480156102bc575f84815260208181526040808320868452909152902054915061030d565b5f8481526002602052604090205480158015906102d95750808410155b156102ea57505f915081905061030d565b604051631babdd9b60e31b81526004810186905260248101859052604401610208565b9250929050565b5f604051828482378290206001600160f81b0316600160f91b17905061033c8184848761037d565b604080518581526020810184905282917f030b8e94fc7969d51dc6663d700fe526d5bc7026b2f905a59041e71023669581910160405180910390a250505050565b81620200008111156103ae57604051635862dddf60e01b815260048101829052620200006024820152604401610208565b5f6103ba8260086105ca565b90508083106103e6576040516323bb278b60e11b81526004810184905260248101829052604401610208565b5f6040518360c01b8152838760088301375f81850160080181905290850151915061041185846105e3565b90506020811115610420575060205b5f88815260208181526040808320888452825280832094909455898252600181528382209682529586528281209190915596875260029093529190942055505050565b5f5f60408385031215610474575f5ffd5b50508035926020909101359150565b5f5f5f60608486031215610495575f5ffd5b8335925060208401356001600160a01b03811681146104b2575f5ffd5b929592945050506040919091013590565b5f5f83601f8401126104d3575f5ffd5b50813567ffffffffffffffff8111156104ea575f5ffd5b60208301915083602082850101111561030d575f5ffd5b5f5f5f5f5f60808688031215610515575f5ffd5b8535945060208601359350604086013567ffffffffffffffff811115610539575f5ffd5b610545888289016104c3565b96999598509660600135949350505050565b5f5f5f60408486031215610569575f5ffd5b83359250602084013567ffffffffffffffff811115610586575f5ffd5b610592868287016104c3565b9497909650939450505050565b5f602082840312156105af575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156105dd576105dd6105b6565b92915050565b818103818111156105dd576105dd6105b656fea2646970667358221220bfcd0f4d11cde7fcc626d0401531ec5490d04c417c0061cb851a0b7412a56ff664736f6c63430008250033",
}

// PreimageOracle is an auto generated Go binding around an Ethereum contract.
type PreimageOracle struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PreimageOracle) GetABI() abi.ABI {
	return c.abi
}

// NewPreimageOracle creates a new instance of PreimageOracle.
func NewPreimageOracle() *PreimageOracle {
	parsed, err := PreimageOracleMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PreimageOracle{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PreimageOracle) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackKECCAKKEYTYPE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05bc11c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KECCAK_KEY_TYPE() view returns(uint8)
func (preimageOracle *PreimageOracle) PackKECCAKKEYTYPE() []byte {
	enc, err := preimageOracle.abi.Pack("KECCAK_KEY_TYPE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKECCAKKEYTYPE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05bc11c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KECCAK_KEY_TYPE() view returns(uint8)
func (preimageOracle *PreimageOracle) TryPackKECCAKKEYTYPE() ([]byte, error) {
	return preimageOracle.abi.Pack("KECCAK_KEY_TYPE")
}

// UnpackKECCAKKEYTYPE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x05bc11c0.
//
// Solidity: function KECCAK_KEY_TYPE() view returns(uint8)
func (preimageOracle *PreimageOracle) UnpackKECCAKKEYTYPE(data []byte) (uint8, error) {
	out, err := preimageOracle.abi.Unpack("KECCAK_KEY_TYPE", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackLOCALKEYTYPE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f842707.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function LOCAL_KEY_TYPE() view returns(uint8)
func (preimageOracle *PreimageOracle) PackLOCALKEYTYPE() []byte {
	enc, err := preimageOracle.abi.Pack("LOCAL_KEY_TYPE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLOCALKEYTYPE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f842707.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function LOCAL_KEY_TYPE() view returns(uint8)
func (preimageOracle *PreimageOracle) TryPackLOCALKEYTYPE() ([]byte, error) {
	return preimageOracle.abi.Pack("LOCAL_KEY_TYPE")
}

// UnpackLOCALKEYTYPE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f842707.
//
// Solidity: function LOCAL_KEY_TYPE() view returns(uint8)
func (preimageOracle *PreimageOracle) UnpackLOCALKEYTYPE(data []byte) (uint8, error) {
	out, err := preimageOracle.abi.Unpack("LOCAL_KEY_TYPE", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackMAXPREIMAGESIZE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16c7bc3d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PREIMAGE_SIZE() view returns(uint256)
func (preimageOracle *PreimageOracle) PackMAXPREIMAGESIZE() []byte {
	enc, err := preimageOracle.abi.Pack("MAX_PREIMAGE_SIZE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPREIMAGESIZE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16c7bc3d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PREIMAGE_SIZE() view returns(uint256)
func (preimageOracle *PreimageOracle) TryPackMAXPREIMAGESIZE() ([]byte, error) {
	return preimageOracle.abi.Pack("MAX_PREIMAGE_SIZE")
}

// UnpackMAXPREIMAGESIZE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x16c7bc3d.
//
// Solidity: function MAX_PREIMAGE_SIZE() view returns(uint256)
func (preimageOracle *PreimageOracle) UnpackMAXPREIMAGESIZE(data []byte) (*big.Int, error) {
	out, err := preimageOracle.abi.Unpack("MAX_PREIMAGE_SIZE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLoadKeccak256PreimagePart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe1592611.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function loadKeccak256PreimagePart(uint256 partOffset, bytes preimage) returns()
func (preimageOracle *PreimageOracle) PackLoadKeccak256PreimagePart(partOffset *big.Int, preimage []byte) []byte {
	enc, err := preimageOracle.abi.Pack("loadKeccak256PreimagePart", partOffset, preimage)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLoadKeccak256PreimagePart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe1592611.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function loadKeccak256PreimagePart(uint256 partOffset, bytes preimage) returns()
func (preimageOracle *PreimageOracle) TryPackLoadKeccak256PreimagePart(partOffset *big.Int, preimage []byte) ([]byte, error) {
	return preimageOracle.abi.Pack("loadKeccak256PreimagePart", partOffset, preimage)
}

// PackLoadLocalData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd3683efc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function loadLocalData(bytes32 key, bytes32 localContext, bytes data, uint256 partOffset) returns(bytes32 localizedKey)
func (preimageOracle *PreimageOracle) PackLoadLocalData(key [32]byte, localContext [32]byte, data []byte, partOffset *big.Int) []byte {
	enc, err := preimageOracle.abi.Pack("loadLocalData", key, localContext, data, partOffset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLoadLocalData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd3683efc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function loadLocalData(bytes32 key, bytes32 localContext, bytes data, uint256 partOffset) returns(bytes32 localizedKey)
func (preimageOracle *PreimageOracle) TryPackLoadLocalData(key [32]byte, localContext [32]byte, data []byte, partOffset *big.Int) ([]byte, error) {
	return preimageOracle.abi.Pack("loadLocalData", key, localContext, data, partOffset)
}

// UnpackLoadLocalData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd3683efc.
//
// Solidity: function loadLocalData(bytes32 key, bytes32 localContext, bytes data, uint256 partOffset) returns(bytes32 localizedKey)
func (preimageOracle *PreimageOracle) UnpackLoadLocalData(data []byte) ([32]byte, error) {
	out, err := preimageOracle.abi.Unpack("loadLocalData", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLocalizeKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93bc0292.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function localizeKey(bytes32 key, address account, bytes32 localContext) pure returns(bytes32 localizedKey)
func (preimageOracle *PreimageOracle) PackLocalizeKey(key [32]byte, account common.Address, localContext [32]byte) []byte {
	enc, err := preimageOracle.abi.Pack("localizeKey", key, account, localContext)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLocalizeKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93bc0292.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function localizeKey(bytes32 key, address account, bytes32 localContext) pure returns(bytes32 localizedKey)
func (preimageOracle *PreimageOracle) TryPackLocalizeKey(key [32]byte, account common.Address, localContext [32]byte) ([]byte, error) {
	return preimageOracle.abi.Pack("localizeKey", key, account, localContext)
}

// UnpackLocalizeKey is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x93bc0292.
//
// Solidity: function localizeKey(bytes32 key, address account, bytes32 localContext) pure returns(bytes32 localizedKey)
func (preimageOracle *PreimageOracle) UnpackLocalizeKey(data []byte) ([32]byte, error) {
	out, err := preimageOracle.abi.Unpack("localizeKey", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPreimagePartLengths is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd43f167e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function preimagePartLengths(bytes32 , uint256 ) view returns(uint256)
func (preimageOracle *PreimageOracle) PackPreimagePartLengths(arg0 [32]byte, arg1 *big.Int) []byte {
	enc, err := preimageOracle.abi.Pack("preimagePartLengths", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPreimagePartLengths is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd43f167e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function preimagePartLengths(bytes32 , uint256 ) view returns(uint256)
func (preimageOracle *PreimageOracle) TryPackPreimagePartLengths(arg0 [32]byte, arg1 *big.Int) ([]byte, error) {
	return preimageOracle.abi.Pack("preimagePartLengths", arg0, arg1)
}

// UnpackPreimagePartLengths is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd43f167e.
//
// Solidity: function preimagePartLengths(bytes32 , uint256 ) view returns(uint256)
func (preimageOracle *PreimageOracle) UnpackPreimagePartLengths(data []byte) (*big.Int, error) {
	out, err := preimageOracle.abi.Unpack("preimagePartLengths", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPreimageParts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61238bde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function preimageParts(bytes32 , uint256 ) view returns(bytes32)
func (preimageOracle *PreimageOracle) PackPreimageParts(arg0 [32]byte, arg1 *big.Int) []byte {
	enc, err := preimageOracle.abi.Pack("preimageParts", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPreimageParts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61238bde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function preimageParts(bytes32 , uint256 ) view returns(bytes32)
func (preimageOracle *PreimageOracle) TryPackPreimageParts(arg0 [32]byte, arg1 *big.Int) ([]byte, error) {
	return preimageOracle.abi.Pack("preimageParts", arg0, arg1)
}

// UnpackPreimageParts is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61238bde.
//
// Solidity: function preimageParts(bytes32 , uint256 ) view returns(bytes32)
func (preimageOracle *PreimageOracle) UnpackPreimageParts(data []byte) ([32]byte, error) {
	out, err := preimageOracle.abi.Unpack("preimageParts", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPreimageStreamLengths is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd3fe985.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function preimageStreamLengths(bytes32 ) view returns(uint256)
func (preimageOracle *PreimageOracle) PackPreimageStreamLengths(arg0 [32]byte) []byte {
	enc, err := preimageOracle.abi.Pack("preimageStreamLengths", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPreimageStreamLengths is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd3fe985.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function preimageStreamLengths(bytes32 ) view returns(uint256)
func (preimageOracle *PreimageOracle) TryPackPreimageStreamLengths(arg0 [32]byte) ([]byte, error) {
	return preimageOracle.abi.Pack("preimageStreamLengths", arg0)
}

// UnpackPreimageStreamLengths is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfd3fe985.
//
// Solidity: function preimageStreamLengths(bytes32 ) view returns(uint256)
func (preimageOracle *PreimageOracle) UnpackPreimageStreamLengths(data []byte) (*big.Int, error) {
	out, err := preimageOracle.abi.Unpack("preimageStreamLengths", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReadPreimage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe03110e1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function readPreimage(bytes32 key, uint256 offset) view returns(bytes32 dat, uint256 datLen)
func (preimageOracle *PreimageOracle) PackReadPreimage(key [32]byte, offset *big.Int) []byte {
	enc, err := preimageOracle.abi.Pack("readPreimage", key, offset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReadPreimage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe03110e1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function readPreimage(bytes32 key, uint256 offset) view returns(bytes32 dat, uint256 datLen)
func (preimageOracle *PreimageOracle) TryPackReadPreimage(key [32]byte, offset *big.Int) ([]byte, error) {
	return preimageOracle.abi.Pack("readPreimage", key, offset)
}

// ReadPreimageOutput serves as a container for the return parameters of contract
// method ReadPreimage.
type ReadPreimageOutput struct {
	Dat    [32]byte
	DatLen *big.Int
}

// UnpackReadPreimage is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe03110e1.
//
// Solidity: function readPreimage(bytes32 key, uint256 offset) view returns(bytes32 dat, uint256 datLen)
func (preimageOracle *PreimageOracle) UnpackReadPreimage(data []byte) (ReadPreimageOutput, error) {
	out, err := preimageOracle.abi.Unpack("readPreimage", data)
	outstruct := new(ReadPreimageOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Dat = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.DatLen = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PreimageOracleKeccakPreimagePartLoaded represents a KeccakPreimagePartLoaded event raised by the PreimageOracle contract.
type PreimageOracleKeccakPreimagePartLoaded struct {
	Key        [32]byte
	PartOffset *big.Int
	Size       *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const PreimageOracleKeccakPreimagePartLoadedEventName = "KeccakPreimagePartLoaded"

// ContractEventName returns the user-defined event name.
func (PreimageOracleKeccakPreimagePartLoaded) ContractEventName() string {
	return PreimageOracleKeccakPreimagePartLoadedEventName
}

// UnpackKeccakPreimagePartLoadedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KeccakPreimagePartLoaded(bytes32 indexed key, uint256 partOffset, uint256 size)
func (preimageOracle *PreimageOracle) UnpackKeccakPreimagePartLoadedEvent(log *types.Log) (*PreimageOracleKeccakPreimagePartLoaded, error) {
	event := "KeccakPreimagePartLoaded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != preimageOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PreimageOracleKeccakPreimagePartLoaded)
	if len(log.Data) > 0 {
		if err := preimageOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range preimageOracle.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PreimageOracleLocalDataLoaded represents a LocalDataLoaded event raised by the PreimageOracle contract.
type PreimageOracleLocalDataLoaded struct {
	Caller       common.Address
	LocalizedKey [32]byte
	Key          [32]byte
	LocalContext [32]byte
	PartOffset   *big.Int
	Size         *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const PreimageOracleLocalDataLoadedEventName = "LocalDataLoaded"

// ContractEventName returns the user-defined event name.
func (PreimageOracleLocalDataLoaded) ContractEventName() string {
	return PreimageOracleLocalDataLoadedEventName
}

// UnpackLocalDataLoadedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LocalDataLoaded(address indexed caller, bytes32 indexed localizedKey, bytes32 key, bytes32 localContext, uint256 partOffset, uint256 size)
func (preimageOracle *PreimageOracle) UnpackLocalDataLoadedEvent(log *types.Log) (*PreimageOracleLocalDataLoaded, error) {
	event := "LocalDataLoaded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != preimageOracle.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(PreimageOracleLocalDataLoaded)
	if len(log.Data) > 0 {
		if err := preimageOracle.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range preimageOracle.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (preimageOracle *PreimageOracle) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], preimageOracle.abi.Errors["InvalidLocalKeyType"].ID.Bytes()[:4]) {
		return preimageOracle.UnpackInvalidLocalKeyTypeError(raw[4:])
	}
	if bytes.Equal(raw[:4], preimageOracle.abi.Errors["PartOffsetOutOfBounds"].ID.Bytes()[:4]) {
		return preimageOracle.UnpackPartOffsetOutOfBoundsError(raw[4:])
	}
	if bytes.Equal(raw[:4], preimageOracle.abi.Errors["PreimagePartNotLoaded"].ID.Bytes()[:4]) {
		return preimageOracle.UnpackPreimagePartNotLoadedError(raw[4:])
	}
	if bytes.Equal(raw[:4], preimageOracle.abi.Errors["PreimageTooLarge"].ID.Bytes()[:4]) {
		return preimageOracle.UnpackPreimageTooLargeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PreimageOracleInvalidLocalKeyType represents a InvalidLocalKeyType error raised by the PreimageOracle contract.
type PreimageOracleInvalidLocalKeyType struct {
	Key [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidLocalKeyType(bytes32 key)
func PreimageOracleInvalidLocalKeyTypeErrorID() common.Hash {
	return common.HexToHash("0xebc1d74bad57095729902d8dc0d9584f3ed2d08cf97662d404c4e97758392ce7")
}

// UnpackInvalidLocalKeyTypeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidLocalKeyType(bytes32 key)
func (preimageOracle *PreimageOracle) UnpackInvalidLocalKeyTypeError(raw []byte) (*PreimageOracleInvalidLocalKeyType, error) {
	out := new(PreimageOracleInvalidLocalKeyType)
	if err := preimageOracle.abi.UnpackIntoInterface(out, "InvalidLocalKeyType", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PreimageOraclePartOffsetOutOfBounds represents a PartOffsetOutOfBounds error raised by the PreimageOracle contract.
type PreimageOraclePartOffsetOutOfBounds struct {
	PartOffset   *big.Int
	StreamLength *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PartOffsetOutOfBounds(uint256 partOffset, uint256 streamLength)
func PreimageOraclePartOffsetOutOfBoundsErrorID() common.Hash {
	return common.HexToHash("0x47764f167d41e72a89d99761a62b870e0eee1aa13ba0f79c8d78c0a40a71897e")
}

// UnpackPartOffsetOutOfBoundsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PartOffsetOutOfBounds(uint256 partOffset, uint256 streamLength)
func (preimageOracle *PreimageOracle) UnpackPartOffsetOutOfBoundsError(raw []byte) (*PreimageOraclePartOffsetOutOfBounds, error) {
	out := new(PreimageOraclePartOffsetOutOfBounds)
	if err := preimageOracle.abi.UnpackIntoInterface(out, "PartOffsetOutOfBounds", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PreimageOraclePreimagePartNotLoaded represents a PreimagePartNotLoaded error raised by the PreimageOracle contract.
type PreimageOraclePreimagePartNotLoaded struct {
	Key    [32]byte
	Offset *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PreimagePartNotLoaded(bytes32 key, uint256 offset)
func PreimageOraclePreimagePartNotLoadedErrorID() common.Hash {
	return common.HexToHash("0xdd5eecd814b00dfc730dda0cb91c84069ef293c5575168c5d17db2ed6ccd2450")
}

// UnpackPreimagePartNotLoadedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PreimagePartNotLoaded(bytes32 key, uint256 offset)
func (preimageOracle *PreimageOracle) UnpackPreimagePartNotLoadedError(raw []byte) (*PreimageOraclePreimagePartNotLoaded, error) {
	out := new(PreimageOraclePreimagePartNotLoaded)
	if err := preimageOracle.abi.UnpackIntoInterface(out, "PreimagePartNotLoaded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PreimageOraclePreimageTooLarge represents a PreimageTooLarge error raised by the PreimageOracle contract.
type PreimageOraclePreimageTooLarge struct {
	Size *big.Int
	Max  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PreimageTooLarge(uint256 size, uint256 max)
func PreimageOraclePreimageTooLargeErrorID() common.Hash {
	return common.HexToHash("0x5862dddf8e60ffef505a343e029152a29f00537d074bde876f88f77660221913")
}

// UnpackPreimageTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PreimageTooLarge(uint256 size, uint256 max)
func (preimageOracle *PreimageOracle) UnpackPreimageTooLargeError(raw []byte) (*PreimageOraclePreimageTooLarge, error) {
	out := new(PreimageOraclePreimageTooLarge)
	if err := preimageOracle.abi.UnpackIntoInterface(out, "PreimageTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StoryConsumerMetaData contains all meta data concerning the StoryConsumer contract.
var StoryConsumerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractInferenceMarket\",\"name\":\"market_\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId_\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CALLBACK_GAS\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"done\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"kernelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"market\",\"outputs\":[{\"internalType\":\"contractInferenceMarket\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"uint32[]\",\"name\":\"tokens\",\"type\":\"uint32[]\"},{\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"}],\"name\":\"onGenerationResult\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"name\":\"story\",\"outputs\":[{\"internalType\":\"uint32[]\",\"name\":\"\",\"type\":\"uint32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32[]\",\"name\":\"promptTokens\",\"type\":\"uint32[]\"},{\"internalType\":\"uint32\",\"name\":\"maxTokens\",\"type\":\"uint32\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"temperature\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topP\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"stopEnabled\",\"type\":\"bool\"},{\"internalType\":\"uint32\",\"name\":\"stopToken\",\"type\":\"uint32\"}],\"internalType\":\"structInferenceMarket.Sampling\",\"name\":\"sampling\",\"type\":\"tuple\"}],\"name\":\"tell\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokens\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"outputCommitment\",\"type\":\"bytes32\"}],\"name\":\"StoryReceived\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"}],\"name\":\"StoryRequested\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"NotMarket\",\"type\":\"error\"}]",
	ID:  "60aa1fd7973c9ad5cf5f6532ecdb0ca9db",
	Bin: "0x60c060405234801561000f575f5ffd5b506040516108d93803806108d983398101604081905261002e91610044565b6001600160a01b0390911660805260a05261007b565b5f5f60408385031215610055575f5ffd5b82516001600160a01b038116811461006b575f5ffd5b6020939093015192949293505050565b60805160a0516108286100b15f395f81816101aa01526102bc01525f8181610108015281816101d7015261028c01526108285ff3fe60806040526004361061006e575f3560e01c806380f556051161004c57806380f55605146100f75780639779ea4614610142578063beba8bbe1461016d578063c79e380814610199575f5ffd5b80630f0fce671461007257806358a743c7146100935780637aabd8da146100d6575b5f5ffd5b34801561007d575f5ffd5b5061009161008c36600461044e565b6101cc565b005b34801561009e575f5ffd5b506100c16100ad36600461049d565b60016020525f908152604090205460ff1681565b60405190151581526020015b60405180910390f35b6100e96100e43660046104c8565b610289565b6040519081526020016100cd565b348015610102575f5ffd5b5061012a7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100cd565b34801561014d575f5ffd5b506101586206ddd081565b60405163ffffffff90911681526020016100cd565b348015610178575f5ffd5b5061018c61018736600461049d565b61037e565b6040516100cd9190610533565b3480156101a4575f5ffd5b506100e97f000000000000000000000000000000000000000000000000000000000000000081565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146102155760405163c4bbea6960e01b815260040160405180910390fd5b5f84815260208190526040902061022d838583610625565b505f84815260016020818152604092839020805460ff1916909217909155815184815290810183905285917f88c5baae87e2ceff6d30d28e6325e7126cbbef0ef8992db28c619bcb2fdf0020910160405180910390a250505050565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316638ed0f6b2347f000000000000000000000000000000000000000000000000000000000000000088888888306206ddd06040518963ffffffff1660e01b815260040161030697969594939291906106f7565b60206040518083038185885af1158015610322573d5f5f3e3d5ffd5b50505050506040513d601f19601f8201168201806040525081019061034791906107db565b604051909150339082907f5026f7153dd1176ecba13e9712720b347aabee833f1d8f5f1ebaa3762450067e905f90a3949350505050565b5f81815260208181526040918290208054835181840281018401909452808452606093928301828280156103fa57602002820191905f5260205f20905f905b82829054906101000a900463ffffffff1663ffffffff16815260200190600401906020826003010492830192600103820291508084116103bd5790505b50505050509050919050565b5f5f83601f840112610416575f5ffd5b50813567ffffffffffffffff81111561042d575f5ffd5b6020830191508360208260051b8501011115610447575f5ffd5b9250929050565b5f5f5f5f60608587031215610461575f5ffd5b84359350602085013567ffffffffffffffff81111561047e575f5ffd5b61048a87828801610406565b9598909750949560400135949350505050565b5f602082840312156104ad575f5ffd5b5035919050565b63ffffffff811681146104c5575f5ffd5b50565b5f5f5f5f84860360c08112156104dc575f5ffd5b853567ffffffffffffffff8111156104f2575f5ffd5b6104fe88828901610406565b9096509450506020860135610512816104b4565b92506080603f1982011215610525575f5ffd5b509295919450926040019150565b602080825282518282018190525f918401906040840190835b8181101561057057835163ffffffff1683526020938401939092019160010161054c565b509095945050505050565b634e487b7160e01b5f52604160045260245ffd5b680100000000000000008211156105a8576105a861057b565b80548282558083101561060e576007830160031c825f528060205f2001601c8560021b1680156105e7575f19820180545f198360200360031b1c168155505b50816007840160031c0391505f5b8281101561060a575f828201556001016105f5565b5050505b505050565b5f813561061f816104b4565b92915050565b67ffffffffffffffff83111561063d5761063d61057b565b610647838261058f565b5f8181526020902082908460031c5f5b818110156106af575f5f5b60088110156106a25761069161067787610613565b63ffffffff908116600584901b90811b91901b1984161790565b602096909601959150600101610662565b5083820155600101610657565b5060071986168087038188146106ed575f5f5b828110156106e7576106d661067788610613565b6020979097019691506001016106c2565b50848401555b5050505050505050565b8781526101206020820181905281018690525f876101408301825b8981101561073f578235610725816104b4565b63ffffffff16825260209283019290910190600101610712565b5063ffffffff8816604085015291505060608201853561075e816104b4565b63ffffffff1681526020860135610774816104b4565b63ffffffff1660208201526040860135801515808214610792575f5ffd5b60408301525060608601356107a6816104b4565b63ffffffff16606091909101526001600160a01b03841660e083015263ffffffff831661010083015298975050505050505050565b5f602082840312156107eb575f5ffd5b505191905056fea26469706673582212208d7cc270ebd5c202d549e11a417a3378454b53c7249729a402c698e969c5f97964736f6c63430008250033",
}

// StoryConsumer is an auto generated Go binding around an Ethereum contract.
type StoryConsumer struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *StoryConsumer) GetABI() abi.ABI {
	return c.abi
}

// NewStoryConsumer creates a new instance of StoryConsumer.
func NewStoryConsumer() *StoryConsumer {
	parsed, err := StoryConsumerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &StoryConsumer{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *StoryConsumer) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address market_, bytes32 kernelId_) returns()
func (storyConsumer *StoryConsumer) PackConstructor(market_ common.Address, kernelId_ [32]byte) []byte {
	enc, err := storyConsumer.abi.Pack("", market_, kernelId_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCALLBACKGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9779ea46.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CALLBACK_GAS() view returns(uint32)
func (storyConsumer *StoryConsumer) PackCALLBACKGAS() []byte {
	enc, err := storyConsumer.abi.Pack("CALLBACK_GAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCALLBACKGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9779ea46.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CALLBACK_GAS() view returns(uint32)
func (storyConsumer *StoryConsumer) TryPackCALLBACKGAS() ([]byte, error) {
	return storyConsumer.abi.Pack("CALLBACK_GAS")
}

// UnpackCALLBACKGAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9779ea46.
//
// Solidity: function CALLBACK_GAS() view returns(uint32)
func (storyConsumer *StoryConsumer) UnpackCALLBACKGAS(data []byte) (uint32, error) {
	out, err := storyConsumer.abi.Unpack("CALLBACK_GAS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackDone is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x58a743c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function done(uint256 ) view returns(bool)
func (storyConsumer *StoryConsumer) PackDone(arg0 *big.Int) []byte {
	enc, err := storyConsumer.abi.Pack("done", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDone is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x58a743c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function done(uint256 ) view returns(bool)
func (storyConsumer *StoryConsumer) TryPackDone(arg0 *big.Int) ([]byte, error) {
	return storyConsumer.abi.Pack("done", arg0)
}

// UnpackDone is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x58a743c7.
//
// Solidity: function done(uint256 ) view returns(bool)
func (storyConsumer *StoryConsumer) UnpackDone(data []byte) (bool, error) {
	out, err := storyConsumer.abi.Unpack("done", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc79e3808.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function kernelId() view returns(bytes32)
func (storyConsumer *StoryConsumer) PackKernelId() []byte {
	enc, err := storyConsumer.abi.Pack("kernelId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc79e3808.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function kernelId() view returns(bytes32)
func (storyConsumer *StoryConsumer) TryPackKernelId() ([]byte, error) {
	return storyConsumer.abi.Pack("kernelId")
}

// UnpackKernelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc79e3808.
//
// Solidity: function kernelId() view returns(bytes32)
func (storyConsumer *StoryConsumer) UnpackKernelId(data []byte) ([32]byte, error) {
	out, err := storyConsumer.abi.Unpack("kernelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80f55605.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function market() view returns(address)
func (storyConsumer *StoryConsumer) PackMarket() []byte {
	enc, err := storyConsumer.abi.Pack("market")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80f55605.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function market() view returns(address)
func (storyConsumer *StoryConsumer) TryPackMarket() ([]byte, error) {
	return storyConsumer.abi.Pack("market")
}

// UnpackMarket is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x80f55605.
//
// Solidity: function market() view returns(address)
func (storyConsumer *StoryConsumer) UnpackMarket(data []byte) (common.Address, error) {
	out, err := storyConsumer.abi.Unpack("market", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOnGenerationResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f0fce67.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onGenerationResult(uint256 requestId, uint32[] tokens, bytes32 outputCommitment) returns()
func (storyConsumer *StoryConsumer) PackOnGenerationResult(requestId *big.Int, tokens []uint32, outputCommitment [32]byte) []byte {
	enc, err := storyConsumer.abi.Pack("onGenerationResult", requestId, tokens, outputCommitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnGenerationResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f0fce67.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onGenerationResult(uint256 requestId, uint32[] tokens, bytes32 outputCommitment) returns()
func (storyConsumer *StoryConsumer) TryPackOnGenerationResult(requestId *big.Int, tokens []uint32, outputCommitment [32]byte) ([]byte, error) {
	return storyConsumer.abi.Pack("onGenerationResult", requestId, tokens, outputCommitment)
}

// PackStory is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbeba8bbe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function story(uint256 requestId) view returns(uint32[])
func (storyConsumer *StoryConsumer) PackStory(requestId *big.Int) []byte {
	enc, err := storyConsumer.abi.Pack("story", requestId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStory is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbeba8bbe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function story(uint256 requestId) view returns(uint32[])
func (storyConsumer *StoryConsumer) TryPackStory(requestId *big.Int) ([]byte, error) {
	return storyConsumer.abi.Pack("story", requestId)
}

// UnpackStory is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbeba8bbe.
//
// Solidity: function story(uint256 requestId) view returns(uint32[])
func (storyConsumer *StoryConsumer) UnpackStory(data []byte) ([]uint32, error) {
	out, err := storyConsumer.abi.Unpack("story", data)
	if err != nil {
		return *new([]uint32), err
	}
	out0 := *abi.ConvertType(out[0], new([]uint32)).(*[]uint32)
	return out0, nil
}

// PackTell is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7aabd8da.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tell(uint32[] promptTokens, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling) payable returns(uint256 requestId)
func (storyConsumer *StoryConsumer) PackTell(promptTokens []uint32, maxTokens uint32, sampling InferenceMarketSampling) []byte {
	enc, err := storyConsumer.abi.Pack("tell", promptTokens, maxTokens, sampling)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTell is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7aabd8da.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tell(uint32[] promptTokens, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling) payable returns(uint256 requestId)
func (storyConsumer *StoryConsumer) TryPackTell(promptTokens []uint32, maxTokens uint32, sampling InferenceMarketSampling) ([]byte, error) {
	return storyConsumer.abi.Pack("tell", promptTokens, maxTokens, sampling)
}

// UnpackTell is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7aabd8da.
//
// Solidity: function tell(uint32[] promptTokens, uint32 maxTokens, (uint32,uint32,bool,uint32) sampling) payable returns(uint256 requestId)
func (storyConsumer *StoryConsumer) UnpackTell(data []byte) (*big.Int, error) {
	out, err := storyConsumer.abi.Unpack("tell", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// StoryConsumerStoryReceived represents a StoryReceived event raised by the StoryConsumer contract.
type StoryConsumerStoryReceived struct {
	RequestId        *big.Int
	Tokens           *big.Int
	OutputCommitment [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const StoryConsumerStoryReceivedEventName = "StoryReceived"

// ContractEventName returns the user-defined event name.
func (StoryConsumerStoryReceived) ContractEventName() string {
	return StoryConsumerStoryReceivedEventName
}

// UnpackStoryReceivedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event StoryReceived(uint256 indexed requestId, uint256 tokens, bytes32 outputCommitment)
func (storyConsumer *StoryConsumer) UnpackStoryReceivedEvent(log *types.Log) (*StoryConsumerStoryReceived, error) {
	event := "StoryReceived"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != storyConsumer.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StoryConsumerStoryReceived)
	if len(log.Data) > 0 {
		if err := storyConsumer.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range storyConsumer.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// StoryConsumerStoryRequested represents a StoryRequested event raised by the StoryConsumer contract.
type StoryConsumerStoryRequested struct {
	RequestId *big.Int
	By        common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const StoryConsumerStoryRequestedEventName = "StoryRequested"

// ContractEventName returns the user-defined event name.
func (StoryConsumerStoryRequested) ContractEventName() string {
	return StoryConsumerStoryRequestedEventName
}

// UnpackStoryRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event StoryRequested(uint256 indexed requestId, address indexed by)
func (storyConsumer *StoryConsumer) UnpackStoryRequestedEvent(log *types.Log) (*StoryConsumerStoryRequested, error) {
	event := "StoryRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != storyConsumer.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(StoryConsumerStoryRequested)
	if len(log.Data) > 0 {
		if err := storyConsumer.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range storyConsumer.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (storyConsumer *StoryConsumer) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], storyConsumer.abi.Errors["NotMarket"].ID.Bytes()[:4]) {
		return storyConsumer.UnpackNotMarketError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// StoryConsumerNotMarket represents a NotMarket error raised by the StoryConsumer contract.
type StoryConsumerNotMarket struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMarket()
func StoryConsumerNotMarketErrorID() common.Hash {
	return common.HexToHash("0xc4bbea694daf04190b125ad8e91c3e4aacafdec06ab734d230bd92a002f5ead9")
}

// UnpackNotMarketError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMarket()
func (storyConsumer *StoryConsumer) UnpackNotMarketError(raw []byte) (*StoryConsumerNotMarket, error) {
	out := new(StoryConsumerNotMarket)
	if err := storyConsumer.abi.UnpackIntoInterface(out, "NotMarket", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierMetaData contains all meta data concerning the VrfVerifier contract.
var VrfVerifierMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"market\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"requestId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"kernelId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[2]\",\"name\":\"sig\",\"type\":\"uint256[2]\"}],\"name\":\"verifiedSeed\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[4]\",\"name\":\"pk\",\"type\":\"uint256[4]\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint256[2]\",\"name\":\"proof\",\"type\":\"uint256[2]\"}],\"name\":\"verifyPossession\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CoordinateOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ExpandLengthInvalid\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PairingMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"which\",\"type\":\"uint256\"}],\"name\":\"PrecompileFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PublicKeyAtInfinity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PublicKeyInvalid\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignatureAtInfinity\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignatureNotOnCurve\",\"type\":\"error\"}]",
	ID:  "c16f79d6388b327f9e6ebc57d56c257503",
	Bin: "0x6080604052348015600e575f5ffd5b5061115f8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c8063d9451add14610038578063eb20bda11461005e575b5f5ffd5b61004b610046366004610e03565b610081565b6040519081526020015b60405180910390f35b61007161006c366004610e62565b6100e6565b6040519015158152602001610055565b5f6100db8760048060200260405190810160405280929190826004602002808284375f92019190915250506040805180820182528a9250899189918991899060029083908390808284375f92019190915250610143915050565b979650505050505050565b5f61013b8460048060200260405190810160405280929190826004602002808284375f920191909152505060408051808201825287925090869060029083908390808284375f920191909152506101bf915050565b949350505050565b60408051602081018790526001600160a01b038616818301526060810185905260808082018590528251808303909101815260a09091019091525f9061018b9088908461021c565b81516020808401516040805180840194909452838101919091528051808403820181526060909301905281519101206100db565b5f806102028586866040516020016101d8929190610eb8565b60408051601f19818403018152606083019091526033808352909187916110f7602083013961024d565b600681111561021357610213610ea4565b14949350505050565b6102486102438484846040518060600160405280603381526020016110a46033913961024d565b61055d565b505050565b81515f905f5160206110d75f395f51905f5211158061027d575060208301515f5160206110d75f395f51905f5211155b80610296575084515f5160206110d75f395f51905f5211155b806102b2575060208501515f5160206110d75f395f51905f5211155b806102ce575060408501515f5160206110d75f395f51905f5211155b806102ea575060608501515f5160206110d75f395f51905f5211155b156102f75750600161013b565b825115801561030857506020830151155b156103155750600261013b565b82516103209061068b565b60208401515f5160206110d75f395f51905f52908009146103435750600361013b565b845115801561035457506020850151155b801561036257506040850151155b801561037057506060850151155b1561037d5750600461013b565b5f61038885846106c4565b90505f604051806101800160405280865f600281106103a9576103a9610efa565b60200201518152602001866001600281106103c6576103c6610efa565b602002015181526020017f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c281526020017f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed81526020017f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec81526020017f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d8152602001835f6002811061047a5761047a610efa565b602002015181526020018360016002811061049757610497610efa565b60200201518152602001885f600481106104b3576104b3610efa565b60200201518152602001886001600481106104d0576104d0610efa565b60200201518152602001886002600481106104ed576104ed610efa565b602002015181526020018860036004811061050a5761050a610efa565b60200201519052905061051b610d86565b5f602082610180856008620372d0fa90508061053e57600594505050505061013b565b815160011461054e576006610550565b5f5b9998505050505050505050565b5f81600681111561057057610570610ea4565b036105785750565b600181600681111561058c5761058c610ea4565b036105aa57604051630b3564f560e01b815260040160405180910390fd5b60028160068111156105be576105be610ea4565b036105dc576040516302a32b5560e51b815260040160405180910390fd5b60038160068111156105f0576105f0610ea4565b0361060e576040516375ea04af60e01b815260040160405180910390fd5b600481600681111561062257610622610ea4565b036106405760405163f0d5bc4160e01b815260040160405180910390fd5b600581600681111561065457610654610ea4565b0361067257604051639342014b60e01b815260040160405180910390fd5b6040516336e116cd60e01b815260040160405180910390fd5b5f5f5160206110d75f395f51905f5260035f5160206110d75f395f51905f52845f5160206110d75f395f51905f52868709090892915050565b6106cc610da4565b5f5f6106d8858561075e565b915091505f5f6106e78461080c565b915091505f5f6106f68561080c565b915091505f60405180608001604052808681526020018581526020018481526020018381525090505f60408960808460065afa9050806107505760405162a4859360e01b8152600660048201526024015b60405180910390fd5b505050505050505092915050565b5f5f5f61076d85856060610a6b565b60208101516040820151606083015192935090915f5160206110d75f395f51905f52608083901c5f5160206110d75f395f51905f52600160801b86090895505f5160206110d75f395f51905f52815f5160206110d75f395f51905f527f0e0a77c19a07df2f666ea36f7879462c0a78eb28f5c70b3dd35d438dc58f0d9d6fffffffffffffffffffffffffffffffff861609089450505050509250929050565b5f80805f5160206110d75f395f51905f5260045f5160206110d75f395f51905f528687090990505f5f5160206110d75f395f51905f528260010890505f5160206110d75f395f51905f5261086d835f5160206110d75f395f51905f52610f36565b60010891505f6108ad5f5160206110d75f395f51905f528385097f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45610cd2565b90505f5f5160206110d75f395f51905f5278016789af3a83522eb353c98fc6b36d713d5d8d1cc5dffffffa5f5160206110d75f395f51905f52845f5160206110d75f395f51905f52888c09090990505f5f5160206110d75f395f51905f52610922835f5160206110d75f395f51905f52610f36565b7f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea30896506109576109528861068b565b610d3e565b9650905080610a2f575f5160206110d75f395f51905f52827f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea308965061099f6109528861068b565b9650905080610a2f575f5160206110d75f395f51905f52835f5160206110d75f395f51905f528687090996505f5160206110d75f395f51905f5260015f5160206110d75f395f51905f527f10216f7ba065e00de81ac1e7808072c9dd2b2385cd7b438469602eb24829a9bd5f5160206110d75f395f51905f528b8c0909089650610a2b6109528861068b565b9650505b856001168860011614610a61575f5160206110d75f395f51905f52610a548782610f36565b610a5e9190610f49565b95505b5050505050915091565b60605f6020610a7b84601f610f5c565b610a859190610f6f565b905060ff811180610a97575060ff8451115b80610aa3575061ffff83115b15610ac157604051637b31555b60e11b815260040160405180910390fd5b5f848551604051602001610ad6929190610f99565b60408051601f1981840301815290829052915084905f90600290610b0890839081908c90879083908a90602001610fc0565b60408051601f1981840301815290829052610b2291611009565b602060405180830381855afa158015610b3d573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610b60919061101b565b9050610b6d846020611032565b67ffffffffffffffff811115610b8557610b85611049565b6040519080825280601f01601f191660200182016040528015610baf576020820181803683370190505b5094505f600282600186604051602001610bcb9392919061105d565b60408051601f1981840301815290829052610be591611009565b602060405180830381855afa158015610c00573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610c23919061101b565b60208701819052905060025b858111610cc25760028284188287604051602001610c4f9392919061105d565b60408051601f1981840301815290829052610c6991611009565b602060405180830381855afa158015610c84573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610ca7919061101b565b9150816020820288015280610cbb9061108b565b9050610c2f565b5086865250505050509392505050565b5f5f60405160208152602080820152602060408201528460608201528360808201525f5160206110d75f395f51905f5260a082015260208160c08360055afa90519250905080610d375760405162a4859360e01b815260056004820152602401610747565b5092915050565b5f5f610d6a837f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f52610cd2565b9050825f5160206110d75f395f51905f52828309149150915091565b60405180602001604052806001906020820280368337509192915050565b60405180604001604052806002906020820280368337509192915050565b8060808101831015610dd2575f5ffd5b92915050565b80356001600160a01b0381168114610dee575f5ffd5b919050565b8060408101831015610dd2575f5ffd5b5f5f5f5f5f5f6101408789031215610e19575f5ffd5b610e238888610dc2565b955060808701359450610e3860a08801610dd8565b935060c0870135925060e08701359150610e56886101008901610df3565b90509295509295509295565b5f5f5f60e08486031215610e74575f5ffd5b610e7e8585610dc2565b9250610e8c60808501610dd8565b9150610e9b8560a08601610df3565b90509250925092565b634e487b7160e01b5f52602160045260245ffd5b60a0810181845f5b6004811015610edf578151835260209283019290910190600101610ec0565b5050506001600160a01b039290921660809190910152919050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b81810381811115610dd257610dd2610f22565b5f82610f5757610f57610f0e565b500690565b80820180821115610dd257610dd2610f22565b5f82610f7d57610f7d610f0e565b500490565b5f81518060208401855e5f93019283525090919050565b5f610fa48285610f82565b60f89390931b6001600160f81b03191683525050600101919050565b8681528560208201525f610fd76040830187610f82565b60f086901b6001600160f01b031916815260f885901b6001600160f81b03191660028201526105506003820185610f82565b5f6110148284610f82565b9392505050565b5f6020828403121561102b575f5ffd5b5051919050565b8082028115828204841417610dd257610dd2610f22565b634e487b7160e01b5f52604160045260245ffd5b83815260f883901b6001600160f81b03191660208201525f6110826021830184610f82565b95945050505050565b5f6001820161109c5761109c610f22565b506001019056fe4149564d2d5652462d5630312d435330312d776974682d424e32353447315f584d443a5348412d3235365f535644575f524f5f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd474149564d2d504f502d5630312d435330312d776974682d424e32353447315f584d443a5348412d3235365f535644575f524f5fa2646970667358221220f4214e2bda6db64f4cf5aea508ba0e42b9ad1319e37638fec94c76dd99ac658964736f6c63430008250033",
}

// VrfVerifier is an auto generated Go binding around an Ethereum contract.
type VrfVerifier struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *VrfVerifier) GetABI() abi.ABI {
	return c.abi
}

// NewVrfVerifier creates a new instance of VrfVerifier.
func NewVrfVerifier() *VrfVerifier {
	parsed, err := VrfVerifierMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &VrfVerifier{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *VrfVerifier) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackVerifiedSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9451add.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(bytes32)
func (vrfVerifier *VrfVerifier) PackVerifiedSeed(pk [4]*big.Int, chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte, sig [2]*big.Int) []byte {
	enc, err := vrfVerifier.abi.Pack("verifiedSeed", pk, chainId, market, requestId, kernelId, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifiedSeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9451add.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(bytes32)
func (vrfVerifier *VrfVerifier) TryPackVerifiedSeed(pk [4]*big.Int, chainId *big.Int, market common.Address, requestId *big.Int, kernelId [32]byte, sig [2]*big.Int) ([]byte, error) {
	return vrfVerifier.abi.Pack("verifiedSeed", pk, chainId, market, requestId, kernelId, sig)
}

// UnpackVerifiedSeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9451add.
//
// Solidity: function verifiedSeed(uint256[4] pk, uint256 chainId, address market, uint256 requestId, bytes32 kernelId, uint256[2] sig) view returns(bytes32)
func (vrfVerifier *VrfVerifier) UnpackVerifiedSeed(data []byte) ([32]byte, error) {
	out, err := vrfVerifier.abi.Unpack("verifiedSeed", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVerifyPossession is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb20bda1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyPossession(uint256[4] pk, address owner, uint256[2] proof) view returns(bool)
func (vrfVerifier *VrfVerifier) PackVerifyPossession(pk [4]*big.Int, owner common.Address, proof [2]*big.Int) []byte {
	enc, err := vrfVerifier.abi.Pack("verifyPossession", pk, owner, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyPossession is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb20bda1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyPossession(uint256[4] pk, address owner, uint256[2] proof) view returns(bool)
func (vrfVerifier *VrfVerifier) TryPackVerifyPossession(pk [4]*big.Int, owner common.Address, proof [2]*big.Int) ([]byte, error) {
	return vrfVerifier.abi.Pack("verifyPossession", pk, owner, proof)
}

// UnpackVerifyPossession is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb20bda1.
//
// Solidity: function verifyPossession(uint256[4] pk, address owner, uint256[2] proof) view returns(bool)
func (vrfVerifier *VrfVerifier) UnpackVerifyPossession(data []byte) (bool, error) {
	out, err := vrfVerifier.abi.Unpack("verifyPossession", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (vrfVerifier *VrfVerifier) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["CoordinateOutOfRange"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackCoordinateOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["ExpandLengthInvalid"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackExpandLengthInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["PairingMismatch"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackPairingMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["PrecompileFailed"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackPrecompileFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["PublicKeyAtInfinity"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackPublicKeyAtInfinityError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["PublicKeyInvalid"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackPublicKeyInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["SignatureAtInfinity"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackSignatureAtInfinityError(raw[4:])
	}
	if bytes.Equal(raw[:4], vrfVerifier.abi.Errors["SignatureNotOnCurve"].ID.Bytes()[:4]) {
		return vrfVerifier.UnpackSignatureNotOnCurveError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// VrfVerifierCoordinateOutOfRange represents a CoordinateOutOfRange error raised by the VrfVerifier contract.
type VrfVerifierCoordinateOutOfRange struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CoordinateOutOfRange()
func VrfVerifierCoordinateOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x0b3564f55f46d8385797887b4fba229dbbd2b49df7ba6faf6cf4d48967693a09")
}

// UnpackCoordinateOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CoordinateOutOfRange()
func (vrfVerifier *VrfVerifier) UnpackCoordinateOutOfRangeError(raw []byte) (*VrfVerifierCoordinateOutOfRange, error) {
	out := new(VrfVerifierCoordinateOutOfRange)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "CoordinateOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierExpandLengthInvalid represents a ExpandLengthInvalid error raised by the VrfVerifier contract.
type VrfVerifierExpandLengthInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExpandLengthInvalid()
func VrfVerifierExpandLengthInvalidErrorID() common.Hash {
	return common.HexToHash("0xf662aab63ea3587531a9888bec952a40ed3816efd35da535cc0260b717c29aa3")
}

// UnpackExpandLengthInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExpandLengthInvalid()
func (vrfVerifier *VrfVerifier) UnpackExpandLengthInvalidError(raw []byte) (*VrfVerifierExpandLengthInvalid, error) {
	out := new(VrfVerifierExpandLengthInvalid)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "ExpandLengthInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierPairingMismatch represents a PairingMismatch error raised by the VrfVerifier contract.
type VrfVerifierPairingMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PairingMismatch()
func VrfVerifierPairingMismatchErrorID() common.Hash {
	return common.HexToHash("0x36e116cd7f0f3321b4e3fc430412e958442245e95233f2d55c0596bd8ca8d1ee")
}

// UnpackPairingMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PairingMismatch()
func (vrfVerifier *VrfVerifier) UnpackPairingMismatchError(raw []byte) (*VrfVerifierPairingMismatch, error) {
	out := new(VrfVerifierPairingMismatch)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "PairingMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierPrecompileFailed represents a PrecompileFailed error raised by the VrfVerifier contract.
type VrfVerifierPrecompileFailed struct {
	Which *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PrecompileFailed(uint256 which)
func VrfVerifierPrecompileFailedErrorID() common.Hash {
	return common.HexToHash("0x00a48593f9c209d4d7e3b1ee4f754577225379f193a95f3a1400534a74238e14")
}

// UnpackPrecompileFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PrecompileFailed(uint256 which)
func (vrfVerifier *VrfVerifier) UnpackPrecompileFailedError(raw []byte) (*VrfVerifierPrecompileFailed, error) {
	out := new(VrfVerifierPrecompileFailed)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "PrecompileFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierPublicKeyAtInfinity represents a PublicKeyAtInfinity error raised by the VrfVerifier contract.
type VrfVerifierPublicKeyAtInfinity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicKeyAtInfinity()
func VrfVerifierPublicKeyAtInfinityErrorID() common.Hash {
	return common.HexToHash("0xf0d5bc413d9be0df09eccbb6a233e5350c3f52478ab96192d10269c11f17e37b")
}

// UnpackPublicKeyAtInfinityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicKeyAtInfinity()
func (vrfVerifier *VrfVerifier) UnpackPublicKeyAtInfinityError(raw []byte) (*VrfVerifierPublicKeyAtInfinity, error) {
	out := new(VrfVerifierPublicKeyAtInfinity)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "PublicKeyAtInfinity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierPublicKeyInvalid represents a PublicKeyInvalid error raised by the VrfVerifier contract.
type VrfVerifierPublicKeyInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicKeyInvalid()
func VrfVerifierPublicKeyInvalidErrorID() common.Hash {
	return common.HexToHash("0x9342014bb9a1d9760b67e6217c65355a9de3ef4ffaada763e779c992d4ef6566")
}

// UnpackPublicKeyInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicKeyInvalid()
func (vrfVerifier *VrfVerifier) UnpackPublicKeyInvalidError(raw []byte) (*VrfVerifierPublicKeyInvalid, error) {
	out := new(VrfVerifierPublicKeyInvalid)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "PublicKeyInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierSignatureAtInfinity represents a SignatureAtInfinity error raised by the VrfVerifier contract.
type VrfVerifierSignatureAtInfinity struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureAtInfinity()
func VrfVerifierSignatureAtInfinityErrorID() common.Hash {
	return common.HexToHash("0x54656aa0463ac70f3a6eb55161a23d6fe66fc3c118a153363c2836e98352c56a")
}

// UnpackSignatureAtInfinityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureAtInfinity()
func (vrfVerifier *VrfVerifier) UnpackSignatureAtInfinityError(raw []byte) (*VrfVerifierSignatureAtInfinity, error) {
	out := new(VrfVerifierSignatureAtInfinity)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "SignatureAtInfinity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// VrfVerifierSignatureNotOnCurve represents a SignatureNotOnCurve error raised by the VrfVerifier contract.
type VrfVerifierSignatureNotOnCurve struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignatureNotOnCurve()
func VrfVerifierSignatureNotOnCurveErrorID() common.Hash {
	return common.HexToHash("0x75ea04af3703d3329fcb133d13cf7a119c45b6bcc808e06b1df969150fe970b1")
}

// UnpackSignatureNotOnCurveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignatureNotOnCurve()
func (vrfVerifier *VrfVerifier) UnpackSignatureNotOnCurveError(raw []byte) (*VrfVerifierSignatureNotOnCurve, error) {
	out := new(VrfVerifierSignatureNotOnCurve)
	if err := vrfVerifier.abi.UnpackIntoInterface(out, "SignatureNotOnCurve", raw); err != nil {
		return nil, err
	}
	return out, nil
}
