package kernel

import (
	"errors"
	"fmt"
	"maps"
	"sync"

	"github.com/aivm-dev/aivm/mips"
	mkernel "github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/vm"
)

// Errors of Provider.GetPreimage. The VM wraps them into its host error, so
// errors.Is works on what mips.VM.Run and Step return.
var (
	// ErrMissingPreimage: the host does not hold the preimage the guest
	// asked for (a host problem, never a verdict).
	ErrMissingPreimage = errors.New("kernel: missing preimage")
	// ErrTamperedPreimage: a stored keccak preimage does not hash to its
	// key, so serving it would make the VM trace diverge from the chain's.
	ErrTamperedPreimage = errors.New("kernel: tampered preimage")
)

// Provider is the host preimage oracle of kernel runs (mips.PreimageOracle):
// keccak preimages (type 2 keys) of everything under the model root and the
// execution trace, plus one request's local data (type 1 keys).
//
// It checks every keccak preimage against its key before serving it, and
// serves local keys only from its local map: the on-chain PreimageOracle
// accepts nothing else, so a host that served anything else would compute
// a trace the chain cannot reproduce.
type Provider struct {
	keccak map[[32]byte][]byte // keyed by vm.KeccakKey
	local  map[[32]byte][]byte // keyed by LocalKey
	// lazy holds the tensors whose chunk trees are added on first use:
	// shared by every WithLocal copy, as keccak is, so both are guarded by
	// lazy.mu once lazy is set.
	lazy *lazyTensors
}

// lazyTensors maps the typed key of a tensor commitment to the encodings
// that hash to it, for tensors not yet expanded into the keccak map.
type lazyTensors struct {
	mu      sync.RWMutex
	pending map[[32]byte][]byte
}

// NewProvider adapts models/kernel preimages (keyed by plain keccak) to the
// VM's typed keys (keccak with byte 0 replaced by 2) and adds local data.
func NewProvider(pre mkernel.MapOracle, local map[[32]byte][]byte) *Provider {
	k := make(map[[32]byte][]byte, len(pre))
	for h, v := range pre {
		key := [32]byte(h)
		key[0] = mips.KeyTypeKeccak
		k[key] = v
	}
	return &Provider{keccak: k, local: maps.Clone(local)}
}

// AddLazyTensor registers a tensor encoding whose commitment tree is added
// to the provider the first time a guest opens its commitment (commit), so
// that a host judging one node of a large model hashes only the weights
// that node reads. enc must not change afterwards. Call it before the
// provider serves any run.
func (p *Provider) AddLazyTensor(commit merkle.Hash, enc []byte) {
	if p.lazy == nil {
		p.lazy = &lazyTensors{pending: map[[32]byte][]byte{}}
	}
	key := [32]byte(commit)
	key[0] = mips.KeyTypeKeccak
	if _, ok := p.keccak[key]; !ok {
		p.lazy.pending[key] = enc
	}
}

// WithLocal returns a provider sharing p's keccak preimages with other local
// data (one per request).
func (p *Provider) WithLocal(local map[[32]byte][]byte) *Provider {
	return &Provider{keccak: p.keccak, local: maps.Clone(local), lazy: p.lazy}
}

// GetPreimage implements mips.PreimageOracle. It also refuses a preimage
// larger than vm.MaxPreimageSize (ErrUnprovable): the on-chain oracle cannot
// load it, so a trace that read it could not be proven.
func (p *Provider) GetPreimage(key [32]byte) ([]byte, error) {
	v, err := p.lookup(key)
	if err != nil {
		return nil, err
	}
	if len(v) > vm.MaxPreimageSize {
		return nil, fmt.Errorf("%w: the preimage of key %x is %d bytes, over the limit of %d bytes", ErrUnprovable, key, len(v), vm.MaxPreimageSize)
	}
	return v, nil
}

// keccakPreimage finds a keccak preimage, expanding a lazy tensor whose
// commitment key is asked for.
func (p *Provider) keccakPreimage(key [32]byte) ([]byte, bool) {
	if p.lazy == nil {
		v, ok := p.keccak[key]
		return v, ok
	}
	p.lazy.mu.RLock()
	v, ok := p.keccak[key]
	enc, pending := p.lazy.pending[key]
	p.lazy.mu.RUnlock()
	if ok || !pending {
		return v, ok
	}
	tree := mkernel.MapOracle{}
	tree.AddEncoding(enc)
	p.lazy.mu.Lock()
	defer p.lazy.mu.Unlock()
	for h, b := range tree {
		k := [32]byte(h)
		k[0] = mips.KeyTypeKeccak
		p.keccak[k] = b
	}
	delete(p.lazy.pending, key)
	v, ok = p.keccak[key]
	return v, ok
}

// lookup finds the preimage of key and checks a keccak preimage against it.
func (p *Provider) lookup(key [32]byte) ([]byte, error) {
	switch key[0] {
	case mips.KeyTypeKeccak:
		v, ok := p.keccakPreimage(key)
		if !ok {
			return nil, fmt.Errorf("%w: keccak key %x", ErrMissingPreimage, key)
		}
		if vm.KeccakKey(v) != key {
			return nil, fmt.Errorf("%w: the stored %d bytes for %x hash to %x", ErrTamperedPreimage, len(v), key, vm.KeccakKey(v))
		}
		return v, nil
	case mips.KeyTypeLocal:
		v, ok := p.local[key]
		if !ok {
			return nil, fmt.Errorf("%w: local key %x is not part of this request", ErrMissingPreimage, key)
		}
		return v, nil
	default:
		return nil, fmt.Errorf("%w: key %x has unknown type %d", ErrMissingPreimage, key, key[0])
	}
}

// Len is the number of keccak preimages held (lazy tensors count once
// expanded).
func (p *Provider) Len() int {
	if p.lazy != nil {
		p.lazy.mu.RLock()
		defer p.lazy.mu.RUnlock()
	}
	return len(p.keccak)
}

// Part is the preimage part one step reads, as it must be loaded into the
// on-chain PreimageOracle before MIPS.step runs that step.
type Part struct {
	// Key is the key the guest wrote (unlocalized).
	Key [32]byte
	// Local: load with loadLocalData(Key, localContext, Data, Offset)
	// (the contract localizes the key); otherwise with
	// loadKeccak256PreimagePart(Offset, Data).
	Local bool
	// Ident is the local datum identifier (Local only).
	Ident uint32
	// Offset is the part offset in the stream u64be(len) ‖ Data. A read at
	// or past the end of the stream (EOF) loads part 0 instead, which
	// records the length the step needs to answer EOF.
	Offset uint64
	// Data is the whole preimage.
	Data []byte
}

// StepPart returns the part a step's witness reads, or false when the step
// does not read the oracle.
func StepPart(w *mips.StepWitness) (Part, bool) {
	if w == nil || !w.HasPreimage {
		return Part{}, false
	}
	p := Part{Key: w.PreimageKey, Local: w.PreimageKey[0] == mips.KeyTypeLocal,
		Offset: uint64(w.PreimageOffset), Data: w.PreimageValue}
	if p.Offset >= uint64(len(p.Data))+8 {
		p.Offset = 0
	}
	if p.Local {
		p.Ident = uint32(w.PreimageKey[28])<<24 | uint32(w.PreimageKey[29])<<16 | uint32(w.PreimageKey[30])<<8 | uint32(w.PreimageKey[31])
	}
	return p, true
}
