// Package registry is the Go side of KernelRegistry.sol (docs/protocol.md 3):
// kernel records, the content-derived kernel id, the aggregation rule codes,
// and thin wrappers over the generated bindings to deploy the registry,
// register a kernel and read it back on any bind v2 backend (the in-process
// simulated chain, a JSON-RPC node).
package registry

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	bind "github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/aivm-dev/aivm/vm/kernel/store"
)

// Aggregation rule codes stored on chain (KernelRegistry.AGG_*). 0 is
// invalid, so a zero value is never mistaken for a rule.
const (
	AggArgmax  uint8 = 1 // kernel.AggArgmax, "argmax"
	AggLogits  uint8 = 2 // kernel.AggLogits, "logits"
	AggOutputs uint8 = 3 // kernel.AggOutputs, "outputs"
)

// MaxManifestURILength is KernelRegistry.MAX_MANIFEST_URI_LENGTH.
const MaxManifestURILength = 256

// MaxIO is KernelRegistry.MAX_IO: the most graph inputs and graph outputs.
const MaxIO = 256

// ErrNotRegistered is returned by Get for an id nobody registered.
var ErrNotRegistered = errors.New("registry: kernel not registered")

// AggregationCode maps a docs/kernel.md rule name to its on-chain code.
func AggregationCode(rule string) (uint8, error) {
	switch rule {
	case kernel.AggArgmax:
		return AggArgmax, nil
	case kernel.AggLogits:
		return AggLogits, nil
	case kernel.AggOutputs:
		return AggOutputs, nil
	}
	return 0, fmt.Errorf("registry: unknown aggregation rule %q (want %s, %s or %s)",
		rule, kernel.AggArgmax, kernel.AggLogits, kernel.AggOutputs)
}

// AggregationName maps an on-chain code to its docs/kernel.md rule name.
func AggregationName(code uint8) (string, error) {
	switch code {
	case AggArgmax:
		return kernel.AggArgmax, nil
	case AggLogits:
		return kernel.AggLogits, nil
	case AggOutputs:
		return kernel.AggOutputs, nil
	}
	return "", fmt.Errorf("registry: unknown aggregation code %d", code)
}

// Kernel is what gets registered: the content fields the id commits to and
// the manifest URI (a location hint, not part of the id).
type Kernel struct {
	ModelRoot    common.Hash
	PrestateHash common.Hash
	ManifestHash common.Hash // keccak256 of the canonical manifest.json
	GraphSize    uint32      // number of graph nodes n
	Aggregation  string      // kernel.AggArgmax, kernel.AggLogits or kernel.AggOutputs
	NumInputs    uint16      // number of graph inputs I (a request posts exactly I tensors)
	// OutputSlots is the activation slot of every graph output, in output
	// order (I + node index); the market binds results to the ones the
	// aggregation rule names (ResultSlots).
	OutputSlots []uint32
	ManifestURI string
}

// Record is a registered kernel as the chain holds it.
type Record struct {
	Kernel
	ID           common.Hash
	Owner        common.Address // the registering address; it has no powers
	RegisteredAt uint64         // block number
}

// FromManifest returns the registration fields of a kernel manifest
// (vm/kernel) and its model: model root, pre-state hash, manifest hash
// (keccak256 of its canonical encoding), graph size and aggregation rule
// from the manifest, the input count and output slots from the model's
// graph header (the manifest does not carry them). The model must be the
// manifest's: same root, same node count.
func FromManifest(m *kernel.Manifest, model *graph.Model, uri string) (Kernel, error) {
	if err := m.Validate(); err != nil {
		return Kernel{}, err
	}
	mh, err := m.Hash()
	if err != nil {
		return Kernel{}, err
	}
	root, err := parseHash("model.root", m.Model.Root)
	if err != nil {
		return Kernel{}, err
	}
	pre, err := parseHash("prestate_hash", m.PrestateHash)
	if err != nil {
		return Kernel{}, err
	}
	if m.Model.Nodes <= 0 || m.Model.Nodes > math.MaxUint32 {
		return Kernel{}, fmt.Errorf("registry: model.nodes %d out of range (1..%d)", m.Model.Nodes, uint32(math.MaxUint32))
	}
	if model == nil {
		return Kernel{}, errors.New("registry: the kernel's model is needed for its input count and output slots")
	}
	mr, err := model.Root()
	if err != nil {
		return Kernel{}, fmt.Errorf("registry: model root: %w", err)
	}
	if common.Hash(mr) != root {
		return Kernel{}, fmt.Errorf("registry: model root %s, the manifest names %s", common.Hash(mr), root)
	}
	if len(model.Graph.Nodes) != m.Model.Nodes {
		return Kernel{}, fmt.Errorf("registry: the model has %d nodes, the manifest says %d", len(model.Graph.Nodes), m.Model.Nodes)
	}
	ni, slots, err := GraphIO(model.Graph)
	if err != nil {
		return Kernel{}, err
	}
	return Kernel{ModelRoot: root, PrestateHash: pre, ManifestHash: mh, GraphSize: uint32(m.Model.Nodes),
		Aggregation: m.Aggregation, NumInputs: ni, OutputSlots: slots, ManifestURI: uri}, nil
}

// GraphIO is what a registration records about a graph's interface: its
// input count and the activation slot of every output, in output order
// (graph refs of the outputs: slot = inputs + node index). The registry
// takes only node slots as outputs, so a graph that outputs a weight or
// one of its inputs cannot be registered.
func GraphIO(g *graph.Graph) (uint16, []uint32, error) {
	ni := len(g.Inputs)
	if ni == 0 || ni > MaxIO {
		return 0, nil, fmt.Errorf("registry: graph %q has %d inputs (want 1..%d)", g.Name, ni, MaxIO)
	}
	if len(g.Outputs) == 0 || len(g.Outputs) > MaxIO {
		return 0, nil, fmt.Errorf("registry: graph %q has %d outputs (want 1..%d)", g.Name, len(g.Outputs), MaxIO)
	}
	slots := make([]uint32, len(g.Outputs))
	for i, r := range g.Outputs {
		if r.IsWeight() || r.Index() < ni || r.Index() >= ni+len(g.Nodes) {
			return 0, nil, fmt.Errorf("registry: graph %q output %d is %s, not a node slot (%d inputs, %d nodes)",
				g.Name, i, r, ni, len(g.Nodes))
		}
		slots[i] = uint32(r.Index())
	}
	return uint16(ni), slots, nil
}

func parseHash(field, s string) (common.Hash, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) != 32 || !strings.HasPrefix(s, "0x") {
		return common.Hash{}, fmt.Errorf("registry: %s %q is not a 0x-prefixed 32-byte hash", field, s)
	}
	return common.BytesToHash(b), nil
}

// check applies the contract's validation off chain, so a bad kernel fails
// with a clear error before a transaction is sent.
func (k Kernel) check() (uint8, error) {
	agg, err := AggregationCode(k.Aggregation)
	switch {
	case err != nil:
		return 0, err
	case k.ModelRoot == (common.Hash{}):
		return 0, errors.New("registry: zero model root")
	case k.PrestateHash == (common.Hash{}):
		return 0, errors.New("registry: zero pre-state hash")
	case k.ManifestHash == (common.Hash{}):
		return 0, errors.New("registry: zero manifest hash")
	case k.GraphSize == 0:
		return 0, errors.New("registry: zero graph size")
	case len(k.ManifestURI) > MaxManifestURILength:
		return 0, fmt.Errorf("registry: manifest URI is %d bytes, max %d", len(k.ManifestURI), MaxManifestURILength)
	case k.NumInputs == 0 || k.NumInputs > MaxIO:
		return 0, fmt.Errorf("registry: %d inputs, want 1..%d", k.NumInputs, MaxIO)
	case len(k.OutputSlots) == 0 || len(k.OutputSlots) > MaxIO || (agg == AggLogits && len(k.OutputSlots) < 2):
		return 0, fmt.Errorf("registry: %d output slots for aggregation %s (want 1..%d, at least 2 for %s)",
			len(k.OutputSlots), k.Aggregation, MaxIO, kernel.AggLogits)
	}
	end := uint64(k.NumInputs) + uint64(k.GraphSize)
	for _, s := range k.OutputSlots {
		if uint64(s) < uint64(k.NumInputs) || uint64(s) >= end {
			return 0, fmt.Errorf("registry: output slot %d is not a node slot (%d inputs, %d nodes)", s, k.NumInputs, k.GraphSize)
		}
	}
	return agg, nil
}

// ResultSlots are the slots the market binds a posted result to, as
// KernelRegistry.resultShape names them: output 0's for argmax, output 1's
// for logits, every output's for outputs.
func (k Kernel) ResultSlots() ([]uint32, error) {
	agg, err := AggregationCode(k.Aggregation)
	if err != nil {
		return nil, err
	}
	idx := 0
	switch agg {
	case AggOutputs:
		return append([]uint32(nil), k.OutputSlots...), nil
	case AggLogits:
		idx = 1
	}
	if idx >= len(k.OutputSlots) {
		return nil, fmt.Errorf("registry: aggregation %s reads output %d, the kernel has %d", k.Aggregation, idx, len(k.OutputSlots))
	}
	return []uint32{k.OutputSlots[idx]}, nil
}

// ID is the kernel id KernelRegistry.kernelId computes:
// keccak256(abi.encode(modelRoot, prestateHash, manifestHash, graphSize,
// aggregation, numInputs, outputSlots)). The URI is not part of it.
func (k Kernel) ID() (common.Hash, error) {
	agg, err := AggregationCode(k.Aggregation)
	if err != nil {
		return common.Hash{}, err
	}
	slots := k.OutputSlots
	if slots == nil {
		slots = []uint32{} // abi packs an empty dynamic array either way; keep it explicit
	}
	enc, err := idArgs.Pack([32]byte(k.ModelRoot), [32]byte(k.PrestateHash), [32]byte(k.ManifestHash), k.GraphSize, agg,
		k.NumInputs, slots)
	if err != nil {
		return common.Hash{}, fmt.Errorf("registry: encode kernel id: %w", err)
	}
	return crypto.Keccak256Hash(enc), nil
}

// idArgs is kernelId's abi.encode argument list.
var idArgs = func() abi.Arguments {
	typ := func(s string) abi.Type {
		t, err := abi.NewType(s, "", nil)
		if err != nil {
			panic(err)
		}
		return t
	}
	var args abi.Arguments
	for _, s := range []string{"bytes32", "bytes32", "bytes32", "uint32", "uint8", "uint16", "uint32[]"} {
		args = append(args, abi.Argument{Type: typ(s)})
	}
	return args
}()

// PackRegister validates k (the contract's checks, off chain) and packs
// KernelRegistry.register, for a sender that is not a TransactOpts (a
// contracts/chain.TxManager).
func (k Kernel) PackRegister() ([]byte, error) {
	agg, err := k.check()
	if err != nil {
		return nil, err
	}
	return registryABI.PackRegister(k.ModelRoot, k.PrestateHash, k.ManifestHash, k.GraphSize, agg, k.NumInputs,
		k.OutputSlots, k.ManifestURI), nil
}

var registryABI = bindings.NewKernelRegistry()

// Registry is a deployed KernelRegistry.
type Registry struct {
	addr     common.Address
	abi      *bindings.KernelRegistry
	contract *bind.BoundContract
}

// Deploy sends the KernelRegistry creation transaction; the address is
// valid once the transaction is mined.
func Deploy(opts *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, error) {
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.KernelRegistryMetaData.Bin), backend, nil)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("registry: deploy: %w", err)
	}
	return addr, tx, nil
}

// New binds a KernelRegistry deployed at addr.
func New(addr common.Address, backend bind.ContractBackend) *Registry {
	b := bindings.NewKernelRegistry()
	return &Registry{addr: addr, abi: b, contract: b.Instance(backend, addr)}
}

// Address is the registry's address.
func (r *Registry) Address() common.Address { return r.addr }

// Register validates k and sends the register transaction. The kernel is
// registered once the transaction is mined (Registered reads the receipt).
// A kernel whose id is already registered fails gas estimation with the
// contract's KernelAlreadyRegistered (a contracts/chain.RevertError).
func (r *Registry) Register(opts *bind.TransactOpts, k Kernel) (*types.Transaction, error) {
	data, err := k.PackRegister()
	if err != nil {
		return nil, err
	}
	tx, err := bind.Transact(r.contract, opts, data)
	if err != nil {
		return nil, fmt.Errorf("registry: register: %w", chain.Decode(err))
	}
	return tx, nil
}

// Registered returns the kernel a mined register transaction registered,
// from its KernelRegistered event.
func (r *Registry) Registered(receipt *types.Receipt) (*Record, error) {
	if receipt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("registry: transaction %s failed", receipt.TxHash)
	}
	for _, l := range receipt.Logs {
		if l.Address != r.addr {
			continue
		}
		ev, err := r.abi.UnpackKernelRegisteredEvent(l)
		if errors.Is(err, bind.ErrEventSignatureMismatch) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("registry: KernelRegistered event: %w", err)
		}
		return NewRecord(ev.Id, bindings.KernelRegistryKernel{ModelRoot: ev.ModelRoot, PrestateHash: ev.PrestateHash,
			ManifestHash: ev.ManifestHash, GraphSize: ev.GraphSize, Aggregation: ev.Aggregation, NumInputs: ev.NumInputs,
			OutputSlots: ev.OutputSlots, Owner: ev.Owner, RegisteredAt: receipt.BlockNumber, ManifestURI: ev.ManifestURI})
	}
	return nil, fmt.Errorf("registry: transaction %s has no KernelRegistered event", receipt.TxHash)
}

// IsRegistered reports whether a kernel is registered under id.
func (r *Registry) IsRegistered(ctx context.Context, id common.Hash) (bool, error) {
	ok, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, r.abi.PackIsRegistered(id), r.abi.UnpackIsRegistered)
	if err != nil {
		return false, fmt.Errorf("registry: isRegistered: %w", chain.Decode(err))
	}
	return ok, nil
}

// Get reads the record registered under id; ErrNotRegistered if none.
func (r *Registry) Get(ctx context.Context, id common.Hash) (*Record, error) {
	k, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, r.abi.PackGetKernel(id), r.abi.UnpackGetKernel)
	if err != nil {
		err = chain.Decode(err)
		if chain.IsRevert(err, "KernelNotRegistered") {
			return nil, fmt.Errorf("%w: %s", ErrNotRegistered, id)
		}
		return nil, fmt.Errorf("registry: getKernel: %w", err)
	}
	return NewRecord(id, k)
}

// ResultShape reads KernelRegistry.resultShape(id): the input count and the
// slot(s) the market binds a result to (Kernel.ResultSlots on chain).
func (r *Registry) ResultShape(ctx context.Context, id common.Hash) (numInputs uint16, slots []uint32, err error) {
	out, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, r.abi.PackResultShape(id), r.abi.UnpackResultShape)
	if err != nil {
		return 0, nil, fmt.Errorf("registry: resultShape(%s): %w", id, chain.Decode(err))
	}
	return out.NumInputs, out.Slots, nil
}

// NewRecord converts the binding's struct (from getKernel or the event).
func NewRecord(id common.Hash, k bindings.KernelRegistryKernel) (*Record, error) {
	name, err := AggregationName(k.Aggregation)
	if err != nil {
		return nil, err
	}
	return &Record{
		Kernel: Kernel{ModelRoot: k.ModelRoot, PrestateHash: k.PrestateHash, ManifestHash: k.ManifestHash,
			GraphSize: k.GraphSize, Aggregation: name, NumInputs: k.NumInputs, OutputSlots: k.OutputSlots,
			ManifestURI: k.ManifestURI},
		ID: id, Owner: k.Owner, RegisteredAt: k.RegisteredAt.Uint64(),
	}, nil
}

// KernelLoader returns the model and guest ELF of a registered kernel,
// verified against the record's hashes (StoreLoader; the services and
// replay take one).
type KernelLoader func(ctx context.Context, rec *Record) (*graph.Model, []byte, error)

// StoreLoader loads registered kernels from a content store, which checks
// the manifest, ELF and model against the record's hashes.
func StoreLoader(s *store.Store) KernelLoader {
	return func(ctx context.Context, rec *Record) (*graph.Model, []byte, error) {
		k, err := s.Kernel(ctx, rec.ModelRoot, rec.PrestateHash, rec.ManifestHash)
		if err != nil {
			return nil, nil, err
		}
		return k.Model, k.ELF, nil
	}
}
