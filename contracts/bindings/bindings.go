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

// KernelRegistryKernel is an auto generated low-level Go binding around an user-defined struct.
type KernelRegistryKernel struct {
	ModelRoot    [32]byte
	PrestateHash [32]byte
	ManifestHash [32]byte
	GraphSize    uint32
	Aggregation  uint8
	Owner        common.Address
	RegisteredAt *big.Int
	ManifestURI  string
}

// KernelRegistryMetaData contains all meta data concerning the KernelRegistry contract.
var KernelRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"AGG_ARGMAX\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"AGG_LOGITS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"AGG_OUTPUTS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_MANIFEST_URI_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"getKernel\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint48\",\"name\":\"registeredAt\",\"type\":\"uint48\"},{\"internalType\":\"string\",\"name\":\"manifestURI\",\"type\":\"string\"}],\"internalType\":\"structKernelRegistry.Kernel\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"isRegistered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"}],\"name\":\"kernelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"manifestURI\",\"type\":\"string\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"modelRoot\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"prestateHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"manifestHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"graphSize\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"manifestURI\",\"type\":\"string\"}],\"name\":\"KernelRegistered\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"aggregation\",\"type\":\"uint8\"}],\"name\":\"InvalidAggregation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"KernelAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"KernelNotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"ManifestURITooLong\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroGraphSize\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroManifestHash\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroModelRoot\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroPrestateHash\",\"type\":\"error\"}]",
	ID:  "89df555bf2c6c46933483ee31ba856dad6",
	Bin: "0x6080604052348015600e575f5ffd5b506109198061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c80639cf21881116100585780639cf2188114610105578063bfa0176d14610126578063d99bb5e91461012e578063e32587fb14610141575f5ffd5b806321dbb5351461008957806327258b22146100b25780633c722a47146100e35780636afbc744146100fd575b5f5ffd5b61009c610097366004610540565b61014a565b6040516100a99190610585565b60405180910390f35b6100d36100c0366004610540565b5f90815260208190526040902054151590565b60405190151581526020016100a9565b6100eb600181565b60405160ff90911681526020016100a9565b6100eb600381565b61011861011336600461063b565b6102eb565b6040519081526020016100a9565b6100eb600281565b61011861013c3660046106e6565b6104ed565b61011861010081565b6101a56040518061010001604052805f81526020015f81526020015f81526020015f63ffffffff1681526020015f60ff1681526020015f6001600160a01b031681526020015f65ffffffffffff168152602001606081525090565b5f8281526020818152604080832081516101008101835281548152600182015493810193909352600281015491830191909152600381015463ffffffff81166060840152640100000000810460ff1660808401526501000000000081046001600160a01b031660a0840152600160c81b900465ffffffffffff1660c083015260048101805460e08401919061023990610732565b80601f016020809104026020016040519081016040528092919081815260200182805461026590610732565b80156102b05780601f10610287576101008083540402835291602001916102b0565b820191905f5260205f20905b81548152906001019060200180831161029357829003601f168201915b50505091909252505081519192506102e5905057604051632907b3bd60e01b8152600481018490526024015b60405180910390fd5b92915050565b5f8761030a57604051630ea3c3a760e21b815260040160405180910390fd5b866103285760405163223406dd60e01b815260040160405180910390fd5b85610346576040516317bdb7f360e21b815260040160405180910390fd5b8463ffffffff165f0361036c5760405163761304e360e01b815260040160405180910390fd5b60ff8416158061037f5750600360ff8516115b156103a2576040516350efdf2160e11b815260ff851660048201526024016102dc565b6101008211156103d057604051632e3068b160e11b81526004810183905261010060248201526044016102dc565b6103dd88888888886104ed565b5f81815260208190526040902080549192509015610411576040516318d1c69d60e01b8152600481018390526024016102dc565b888155600181018890556002810187905560038101805463ffffffff881664ffffffffff199091161764010000000060ff8816021765010000000000600160f81b03191633650100000000000265ffffffffffff60c81b191617600160c81b4365ffffffffffff1602179055821561049457600481016104928486836107d5565b505b336001600160a01b031689837f2882f2c4319a5f7a093bea9dbb56715b479edd2edc34ccd2d3c240972cd91e6b8b8b8b8b8b8b6040516104d996959493929190610890565b60405180910390a450979650505050505050565b60408051602081018790529081018590526060810184905263ffffffff8316608082015260ff821660a08201525f9060c00160405160208183030381529060405280519060200120905095945050505050565b5f60208284031215610550575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b6020815281516020820152602082015160408201526040820151606082015263ffffffff606083015116608082015260ff60808301511660a08201525f60a08301516105dc60c08401826001600160a01b03169052565b5060c083015165ffffffffffff811660e08401525060e08301516101008084015261060b610120840182610557565b949350505050565b803563ffffffff81168114610626575f5ffd5b919050565b803560ff81168114610626575f5ffd5b5f5f5f5f5f5f5f60c0888a031215610651575f5ffd5b87359650602088013595506040880135945061066f60608901610613565b935061067d6080890161062b565b925060a088013567ffffffffffffffff811115610698575f5ffd5b8801601f81018a136106a8575f5ffd5b803567ffffffffffffffff8111156106be575f5ffd5b8a60208284010111156106cf575f5ffd5b602082019350809250505092959891949750929550565b5f5f5f5f5f60a086880312156106fa575f5ffd5b85359450602086013593506040860135925061071860608701610613565b91506107266080870161062b565b90509295509295909350565b600181811c9082168061074657607f821691505b60208210810361076457634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b601f8211156107d057828211156107d057805f5260205f20601f840160051c60208510156107a957505f5b90810190601f840160051c035f5b818110156107cc575f838201556001016107b7565b5050505b505050565b67ffffffffffffffff8311156107ed576107ed61076a565b610801836107fb8354610732565b8361077e565b5f601f841160018114610832575f851561081b5750838201355b5f19600387901b1c1916600186901b178355610889565b5f83815260208120601f198716915b828110156108615786850135825560209485019460019092019101610841565b508682101561087d575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b86815285602082015263ffffffff8516604082015260ff8416606082015260a060808201528160a0820152818360c08301375f81830160c090810191909152601f909201601f191601019594505050505056fea26469706673582212206e78fee6b5ae76fc0e201a2f889d2f813bc97e2bd2402ad14a63a8a2abe77a2164736f6c63430008250033",
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

// PackGetKernel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21dbb535.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getKernel(bytes32 id) view returns((bytes32,bytes32,bytes32,uint32,uint8,address,uint48,string))
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
// Solidity: function getKernel(bytes32 id) view returns((bytes32,bytes32,bytes32,uint32,uint8,address,uint48,string))
func (kernelRegistry *KernelRegistry) TryPackGetKernel(id [32]byte) ([]byte, error) {
	return kernelRegistry.abi.Pack("getKernel", id)
}

// UnpackGetKernel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x21dbb535.
//
// Solidity: function getKernel(bytes32 id) view returns((bytes32,bytes32,bytes32,uint32,uint8,address,uint48,string))
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
// the contract method with ID 0xd99bb5e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function kernelId(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation) pure returns(bytes32)
func (kernelRegistry *KernelRegistry) PackKernelId(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8) []byte {
	enc, err := kernelRegistry.abi.Pack("kernelId", modelRoot, prestateHash, manifestHash, graphSize, aggregation)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKernelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd99bb5e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function kernelId(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation) pure returns(bytes32)
func (kernelRegistry *KernelRegistry) TryPackKernelId(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8) ([]byte, error) {
	return kernelRegistry.abi.Pack("kernelId", modelRoot, prestateHash, manifestHash, graphSize, aggregation)
}

// UnpackKernelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd99bb5e9.
//
// Solidity: function kernelId(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation) pure returns(bytes32)
func (kernelRegistry *KernelRegistry) UnpackKernelId(data []byte) ([32]byte, error) {
	out, err := kernelRegistry.abi.Unpack("kernelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9cf21881.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, string manifestURI) returns(bytes32 id)
func (kernelRegistry *KernelRegistry) PackRegister(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8, manifestURI string) []byte {
	enc, err := kernelRegistry.abi.Pack("register", modelRoot, prestateHash, manifestHash, graphSize, aggregation, manifestURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9cf21881.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, string manifestURI) returns(bytes32 id)
func (kernelRegistry *KernelRegistry) TryPackRegister(modelRoot [32]byte, prestateHash [32]byte, manifestHash [32]byte, graphSize uint32, aggregation uint8, manifestURI string) ([]byte, error) {
	return kernelRegistry.abi.Pack("register", modelRoot, prestateHash, manifestHash, graphSize, aggregation, manifestURI)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9cf21881.
//
// Solidity: function register(bytes32 modelRoot, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, string manifestURI) returns(bytes32 id)
func (kernelRegistry *KernelRegistry) UnpackRegister(data []byte) ([32]byte, error) {
	out, err := kernelRegistry.abi.Unpack("register", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
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
// Solidity: event KernelRegistered(bytes32 indexed id, bytes32 indexed modelRoot, address indexed owner, bytes32 prestateHash, bytes32 manifestHash, uint32 graphSize, uint8 aggregation, string manifestURI)
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
	Bin: "0x60a0604052348015600e575f5ffd5b50604051611d94380380611d94833981016040819052602b91603b565b6001600160a01b03166080526066565b5f60208284031215604a575f5ffd5b81516001600160a01b0381168114605f575f5ffd5b9392505050565b608051611d106100845f395f8181603d015261194b0152611d105ff3fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c80637dc0d1d014610038578063e14ced321461007c575b5f5ffd5b61005f7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b61008f61008a366004611c15565b61009d565b604051908152602001610073565b5f60a485146100c757604051637b128fa760e11b8152600481018690526024015b60405180910390fd5b61030060405260a486608037836102005282610220525f61024052816102e05260016100f460c8515f1a90565b11156101165760405163077018b360e11b8152604860048201526024016100be565b600161012360ce515f1a90565b11156101455760405163077018b360e11b8152604e60048201526024016100be565b600161015260df515f1a90565b11156101745760405163077018b360e11b8152605f60048201526024016100be565b60ce515f1a60010361018f57610188610301565b90506102f8565b60b48310156101bb5760405163180db87d60e11b81526004810184905260b460248201526044016100be565b5f609485610140376094850135806102c052805f525060946101402060205260405f2090506101eb610154610340565b15610209576040516370d2cf6560e01b815260040160405180910390fd5b5f61022c61021860df515f1a90565b6001146102255760e05190565b6101005190565b9050808214610258576040516363a8ef1b60e01b815260048101829052602481018390526044016100be565b5f620186a061026760d761034e565b10610274575060026102ab565b5f610280610144610340565b9050600381161561029457600191506102a9565b6102a66102a15f8361035a565b610425565b91505b505b6102b481610704565b610240516103800260b4018681146102e95760405163180db87d60e11b815260048101889052602481018290526044016100be565b6102f1610301565b9450505050505b95945050505050565b5f600360ce515f1a156103265760cd515f1a600291506002811015610324578091505b505b60a46080206001600160f81b031660f89190911b17919050565b80515f9060e01c5b92915050565b80515f9060c01c610348565b5f80610367846001611c9c565b61037390610380611caf565b61037e9060b4611c9c565b90508061038b6102205190565b10156103ad57604051637c3fcff760e11b8152600481018590526024016100be565b5f61038082036102005101359050808560051b6102600152600185016102405263ffffffff81601c861660031b60e0031c1692506103ea60805190565b6103f5868684610906565b1461041d57604051636a9ebb0f60e01b815260048101869052602481018590526044016100be565b505092915050565b5f601a82901c8082036104425761043b83610961565b9392505050565b602081106104545761043b8382610e3c565b607c601384901c16610154015160e01c601f601085901c1661ffff8516600181900b600885108015906104885750600f8511155b15610578575f8560090361049f575083810161055a565b85600f036104b25750601082901b61055a565b85600d036104c3575083821761055a565b85600c036104d4575083821661055a565b85600b036104fc5763ffffffff821685106104ef575f6104f2565b60015b60ff16905061055a565b85600a0361051857600382810b9086900b126104ef575f6104f2565b85600e03610529575083821861055a565b5f826105358760030b90565b019050806105438260030b90565b146105575750600198975050505050505050565b90505b61056484826111a1565b61056c6111c4565b98975050505050505050565b5f610584610144610340565b905060048610158015610598575060078611155b1561063a575f866004036105bb5750610154600285901b015160e01c851461060e565b866005036105d95750610154600285901b015160e01c85141561060e565b866006036105f9578515806105f2575063800000008610155b905061060e565b851580159061060b5750638000000086105b90505b806106285761061b6111c4565b9998505050505050505050565b61061b600284901b83600401016111f5565b85600214806106495750856003145b15610682578560030361066457610664601f826008016111a1565b61056c6002896303ffffff16901b8260040163f000000016176111f5565b856001036106d457600e8416156106a157506001979650505050505050565b60108416156106b8576106b8601f826008016111a1565b638000000085101560018086161481036106285761061b6111c4565b85601c036106e55761056c8861121a565b85601f036106f65761056c8861133c565b506001979650505050505050565b5f61071060df515f1a90565b60011461071e5760e0610722565b6101005b90506101e081185f6107346102c05190565b905083610796576107618361075d8361074f60946101402090565b5f9182526020526040902090565b9052565b61079160d761077060d761034e565b61077b906001611c9c565b81516001600160c01b031660c09190911b179052565b6108f1565b600184036107b6576107aa60ce6001611466565b61079160cd60ff611466565b600584036107dd576107ca60ce6001611466565b610164516107919060cd9060e01c611466565b60028403610817576107ff8261075d6107f4855190565b60946101402061074f565b8083525f8190036108125761081261146d565b6108d7565b60038403610859578083525f8190036108125781515f036108515761083e60ce6001611466565b610164516108129060cd9060e01c611466565b61081261146d565b5f61086a8261074f60946101402090565b90505f610878610120610340565b905061088661014082611487565b61089160025f6111a1565b6101685160e01c80156108a9576108a9601d826111a1565b6108bd8661075d8561074f60946101402090565b6108d36101206108ce846001611c9c565b611487565b5050505b60d780516001600160c01b031690526108f160c85f611466565b61090060cf61077060cf61034e565b50505050565b5f836103800260b40161020051018291508360051c6103808201602083015b81811015610956576001831660051b858152813560208218525060405f2094508260011c9250602081019050610925565b505050509392505050565b607c601382901c811661015490810151600e84901c90921601515f91603f84169160e091821c911c601f600b86901c1660208410610b81575f846021036109ab5750828201610b64565b846025036109bc5750828217610b64565b84602b036109de578284106109d1575f6109d4565b60015b60ff169050610b64565b846024036109ef5750828216610b64565b84602303610a005750818303610b64565b84602a03610a1c57600383810b9085900b126109d1575f6109d4565b84602603610a2d5750828218610b64565b84602703610a3f575082821719610b64565b8460201480610a4e5750846022145b15610ab3575f85602014610a7657610a668460030b90565b610a708660030b90565b03610a8c565b610a808460030b90565b610a8a8660030b90565b015b905080610a998260030b90565b14610aac57506001979650505050505050565b9050610b64565b60308510158015610ac5575060368511155b8015610ad2575084603514155b15610b57575f85603003610af15750600383810b9085900b1215610b43565b85603103610b03575082841015610b43565b85603203610b1b5750600383810b9085900b12610b43565b85603303610b2c5750828410610b43565b85603403610b3d5750838314610b43565b50838314155b801561056457506001979650505050505050565b5060019695505050505050565b610b6e82826111a1565b610b766111c4565b979650505050505050565b6008841015610c09578360011480610b995750836005145b15610baa5750600195945050505050565b5f6004851015610bc157600687901c601f16610bc6565b83601f165b90505f856003165f03610bdc575082811b610bff565b85600316600203610bf0575082811c610bff565b50600383900b811d63ffffffff165b61056483826111a1565b83600803610c2457610c1a836111f5565b9695505050505050565b83600903610c4c57610c4381610c3b610144610340565b6008016111a1565b610c1a836111f5565b83600a1480610c5b575083600b145b15610c7d57600a8414821503610c7557610c7581846111a1565b610c1a6111c4565b83600c03610c8d57610c1a61149d565b83600f03610c9d57610c1a6111c4565b60108410158015610caf575060138411155b15610d0c5783601003610cd557610cd081610ccb610150610340565b6111a1565b610c75565b83601103610ce957610cd061015084611487565b83601203610d0057610cd081610ccb61014c610340565b610c7561014c84611487565b60188410158015610d1e5750601b8411155b15610e30575f5f85601803610d51575f610d388560030b90565b610d428760030b90565b0292505050602081901c610e18565b85601903610d68575050828202602081901c610e18565b831580610d92575085601a148015610d835750846380000000145b8015610d92575063ffffffff84145b15610da157508390505f610e18565b85601a03610df1575f610db48660030b90565b90505f610dc18660030b90565b9050808281610dd257610dd2611cc6565b05818381610de257610de2611cc6565b91955090079250610e18915050565b838581610e0057610e00611cc6565b04848681610e1057610e10611cc6565b919350900690505b610e2461014c83611487565b61056461015082611487565b50600195945050505050565b5f81602f1480610e4c5750816033145b15610e6057610e596111c4565b9050610348565b8160271480610e6f575081602c145b80610e7a575081602d145b80610e9e5750602e82118015610e91575081603014155b8015610e9e575081603814155b15610eab57506001610348565b610154601384901c607c16015160e01c61ffff841660010b0163ffffffff16611000811015610ede576001915050610348565b5f8360211480610eee5750836025145b80610ef95750836029145b15610f0657506001610f34565b8360231480610f15575083602b145b80610f205750836030145b80610f2b5750836038145b15610f34575060035b81811615610f4757600192505050610348565b601f601086901c165f610f658261015460029190911b015160e01c90565b905085603803610fe05760c8515f1a6001148015610f8b575083610f8960c9610340565b145b15610fb857610f9b60018561035a565b50610fa860018583611888565b610fb38260016111a1565b610fc2565b610fc2825f6111a1565b610fcd60c85f611466565b610fd56111c4565b945050505050610348565b5f610fec60018661035a565b90506018600386901b1660288810806110055750876030145b15611105575f886023148061101a5750886030145b1561104657829050886030036110415761103660c86001611466565b61104160c988611487565b6110f5565b88602003611067576110608260180384901c60ff165f0b90565b90506110f5565b88602403611080578160180383901c60ff1690506110f5565b8860210361109c576110608260100384901c61ffff1660010b90565b886025036110b6578160100383901c61ffff1690506110f5565b886022036110d7575081811b63ffffffff165f196001831b018416176110f5565b50601881900382901c5f196001600884011b0119841663ffffffff16175b6110ff85826111a1565b50611199565b5f88602b0361111557508261118b565b88602803611136575060ff601882900381811b198416918516901b1761118b565b88602903611158575061ffff601082900381811b198416918516901b1761118b565b88602a03611174575063ffffffff811c19821683821c1761118b565b5063ffffffff600882011c8216601882900384901b175b61119760018883611888565b505b61061b6111c4565b81156111c0576111c06111ba600284901b610154611c9c565b82611487565b5050565b5f5f6111d1610148610340565b90506111df61014482611487565b6111ee61014882600401611487565b5f91505090565b5f6112076101446108ce610148610340565b61121361014883611487565b505f919050565b607c601382901c811661015490810151600e84901c90921601515f91603f84169160e091821c911c60028390036112665761125e600b86901c601f168284026111a1565b6102f86111c4565b82602014806112755750826021145b156112a35761125e600b86901c601f16610ccb8560201461129d5763ffffffff8519166118c7565b846118c7565b60058311806112b25750826003145b156112c257506001949350505050565b5f60018416156112d4578183026112ea565b6112de8260030b90565b6112e88460030b90565b025b90505f6112f861014c610340565b6020611305610150610340565b901b1790506004851061131a5781810361131e565b8181015b905061132c61014c82611487565b610b6e610150602083901c611487565b5f603f8216601f601084901c168261135f8261015460029190911b015160e01c90565b9050601f600b86901c811690600687901c165f60208690036113ca57816010036113915760ff84165f0b5b9050610bff565b816018036113a65761ffff841660010b61138a565b816002036106f657600884901c62ff00ff1660088562ff00ff16901b179050610bff565b610154601389901c607c16015160e01c5f87900361141057601f84840111156113fc5750600198975050505050505050565b80831c5f1960018681011b0116915061145c565b8660040361144d578383111561142f5750600198975050505050505050565b5f19600184860381011b0180841b198616908216841b17915061145c565b50600198975050505050505050565b61119986836111a1565b8082535050565b61148560df61147d60df515f1a90565b600118611466565b565b81516001600160e01b031660e09190911b179052565b61015c51610164516101685161016c515f9360e090811c93811c92811c91901c848080610fa18790036114d857600397505050505050505090565b86611096036114ef57600597505050505050505090565b86610fa30361153b57855f03611507575f925061183c565b85600503611520576115198585611937565b925061183c565b8560650361153157600b915061183c565b600991505b61183c565b86610fa40361157d5785600114806115535750856002145b8061155e5750856065145b1561156b5783925061183c565b85600603611531576115198585611a96565b8661108e148061158e575086611146145b156115f057607f85165f8190036115d45760038716156115b157601692506115ea565b846115bd60018961035a565b036115cb57600291506115ea565b600b92506115ea565b806001036115e557600291506115ea565b605992505b5061183c565b866110421480611601575086611046145b8061160d5750866110a9145b80611619575086611137145b806116255750866110d9145b80611631575086611159145b1561163e5750600261183c565b866110a703611658576116518686611afa565b915061183c565b86610ffa036116c957851561166f5785925061183c565b5f61167a60c4610340565b90505f610fff1961168d88610fff611c9c565b169050637f00000061169f8284611c9c565b11156116ae57600c93506116c2565b8194506116c260c482846108ce9190611c9c565b505061183c565b86611018036117005785620101001662010100146116ea576016915061183c565b6116f5610120610340565b92506004905061183c565b8661107e0361171457611519610140610340565b86610fb403611726576001925061183c565b86610fd70361176d5760028611158061173f5750856005145b8061174a5750856006145b806117555750856064145b806117605750856065145b611536576009915061183c565b86610fa5148061177e5750866110c0145b1561178c576002915061183c565b866110900361179e576016915061183c565b866110e6036117b0576064925061183c565b866110e5036117c2576065925061183c565b86610fcd14806117d3575086610ffb145b806117df57508661107a145b806117eb575086610fc5145b806117f75750866110aa145b80611803575086611062145b8061180f575086611063145b8061181b57508661106e145b80611827575086610fa6145b80611833575086611099145b61183c57605991505b811561185e5761184d6002836111a1565b611859600760016111a1565b611874565b6118696002846111a1565b61187460075f6111a1565b61187c6111c4565b50979650505050505050565b5f8360051b61026001601c841660031b60e00363ffffffff8416811b63ffffffff821b198351161792505081815250610900608061075d868685610906565b5f815f036118d757506020919050565b601082901c5f036118ea57601091821b91015b601882901c5f036118fd57600891821b91015b601c82901c5f0361191057600491821b91015b601e82901c5f0361192357600291821b91015b601f82901c5f03611932576001015b919050565b5f815f0361194657505f610348565b60a0517f00000000000000000000000000000000000000000000000000000000000000009063e03110e160e01b905f90819081905f1960f882901c016119b6573360601b5f9081526102e05160145260348120918152602091909152604090206001600160f81b0316600160f81b175b60c05160e01c935060405185815281600482015284602482015260405f6044838a5afa6119e5573d5f5f3e3d5ffd5b505060403d10156119f4575f5ffd5b5f5190506020519150815f03611a11575f95505050505050610348565b611a1c60018961035a565b505f601f891660031b8060031c602003975087891015611a3a578897505b87841015611a46578397505b5f198860031b1c19811c8084831c16811961028051161792505050806102805286840160e01b60c05160201b60201c1760c052611a8a608061075d60018c85610906565b50505050505092915050565b5f815f03611aa557505f610348565b611ab060018461035a565b50601f831660031b8060031c602003915081831015611acd578291505b8160031b61028051821b81610100031c60a051821b1760a052505060c05160201b60201c60c05292915050565b5f6001831115611b0c57506016610348565b6003821615611b1d5750600e610348565b5f611b2860cf61034e565b600a0267ffffffffffffffff1690505f633b9aca008281611b4b57611b4b611cc6565b049050845f03611b5c576367748580015b611b6760018561035a565b50611b7460018583611888565b5f63ffffffff85600401169050600585901c600582901c14611bb457611b9b60028261035a565b50611baf600282633b9aca00865b06611888565b611bc5565b611bc5600182633b9aca0086611ba9565b505f95945050505050565b5f5f83601f840112611be0575f5ffd5b50813567ffffffffffffffff811115611bf7575f5ffd5b602083019150836020828501011115611c0e575f5ffd5b9250929050565b5f5f5f5f5f60608688031215611c29575f5ffd5b853567ffffffffffffffff811115611c3f575f5ffd5b611c4b88828901611bd0565b909650945050602086013567ffffffffffffffff811115611c6a575f5ffd5b611c7688828901611bd0565b96999598509660400135949350505050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561034857610348611c88565b808202811582820484141761034857610348611c88565b634e487b7160e01b5f52601260045260245ffdfea2646970667358221220004c47977a84ccdae69727bcbe0e2942bf4eeca46b8817b9842e6666b118257f64736f6c63430008250033",
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
	Bin: "0x6080604052348015600e575f5ffd5b506106298061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c8063d3683efc11610063578063d3683efc14610117578063d43f167e1461012a578063e03110e114610154578063e15926111461017c578063fd3fe98514610191575f5ffd5b806305bc11c01461009f5780630f842707146100be57806316c7bc3d146100c657806361238bde146100dd57806393bc029214610104575b5f5ffd5b6100a7600281565b60405160ff90911681526020015b60405180910390f35b6100a7600181565b6100cf61800081565b6040519081526020016100b5565b6100cf6100eb366004610460565b5f60208181529281526040808220909352908152205481565b6100cf610112366004610480565b6101b0565b6100cf6101253660046104fe565b6101e4565b6100cf610138366004610460565b600160209081525f928352604080842090915290825290205481565b610167610162366004610460565b61027e565b604080519283526020830191909152016100b5565b61018f61018a366004610554565b610313565b005b6100cf61019f36600461059c565b60026020525f908152604090205481565b6040805160609390931b8352601483019190915260349091205f92835260205290206001600160f81b0316600160f81b1790565b5f600186821a146102105760405163ebc1d74b60e01b8152600481018790526024015b60405180910390fd5b61021b8633876101b0565b90506102298185858561037c565b604080518781526020810187905290810183905260608101849052819033907f8c4c5529b60c952090f73f0dbac2b059678c5c1fc10866d0f6b3e086f5cd654a9060800160405180910390a395945050505050565b5f82815260016020908152604080832084845290915281205480156102bb575f84815260208181526040808320868452909152902054915061030c565b5f8481526002602052604090205480158015906102d85750808410155b156102e957505f915081905061030c565b604051631babdd9b60e31b81526004810186905260248101859052604401610207565b9250929050565b5f604051828482378290206001600160f81b0316600160f91b17905061033b8184848761037c565b604080518581526020810184905282917f030b8e94fc7969d51dc6663d700fe526d5bc7026b2f905a59041e71023669581910160405180910390a250505050565b816180008111156103ab57604051635862dddf60e01b8152600481018290526180006024820152604401610207565b5f6103b78260086105c7565b90508083106103e3576040516323bb278b60e11b81526004810184905260248101829052604401610207565b5f6040518360c01b8152838760088301375f81850160080181905290850151915061040e85846105e0565b9050602081111561041d575060205b5f88815260208181526040808320888452825280832094909455898252600181528382209682529586528281209190915596875260029093529190942055505050565b5f5f60408385031215610471575f5ffd5b50508035926020909101359150565b5f5f5f60608486031215610492575f5ffd5b8335925060208401356001600160a01b03811681146104af575f5ffd5b929592945050506040919091013590565b5f5f83601f8401126104d0575f5ffd5b50813567ffffffffffffffff8111156104e7575f5ffd5b60208301915083602082850101111561030c575f5ffd5b5f5f5f5f5f60808688031215610512575f5ffd5b8535945060208601359350604086013567ffffffffffffffff811115610536575f5ffd5b610542888289016104c0565b96999598509660600135949350505050565b5f5f5f60408486031215610566575f5ffd5b83359250602084013567ffffffffffffffff811115610583575f5ffd5b61058f868287016104c0565b9497909650939450505050565b5f602082840312156105ac575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156105da576105da6105b3565b92915050565b818103818111156105da576105da6105b356fea264697066735822122050cc6537041b1d3bcaf615a829ced8efee47a1223e52f0bb96cc0cb9b483516864736f6c63430008250033",
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
