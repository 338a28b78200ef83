package agenttest

import (
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/contracts/chain"
	"github.com/aivm-dev/aivm/submitter/agent"
)

// View is a fake agent.ChainView: an identity, contracts that can vanish,
// and block hashes a test sets (a block without a set hash is "hash of
// its number", so a fork is a SetHash).
type View struct {
	mu      sync.Mutex
	id      agent.Identity
	missing []common.Address
	hashes  map[uint64]common.Hash
	head    uint64
	Err     error // when set, every call fails with it (a node outage)
}

// NewView is a chain with genesis g and the market at m.
func NewView(g common.Hash, m common.Address) *View {
	return &View{id: agent.Identity{ChainID: 31337, Genesis: g, Contracts: []common.Address{m}}, hashes: map[uint64]common.Hash{}, head: 100}
}

// HashOf is block n's hash unless SetHash changed it.
func HashOf(n uint64) common.Hash {
	return common.BigToHash(new(common.Hash).Big().SetUint64(n + 1000))
}

// Where is log block n's position on the view's chain.
func (v *View) Where(n uint64) agent.Where {
	h, _, _ := v.BlockHash(context.Background(), n)
	return agent.Where{Block: n, BlockHash: h}
}

// SetGenesis resets the chain.
func (v *View) SetGenesis(g common.Hash) { v.mu.Lock(); v.id.Genesis = g; v.mu.Unlock() }

// SetHash forks block n.
func (v *View) SetHash(n uint64, h common.Hash) { v.mu.Lock(); v.hashes[n] = h; v.mu.Unlock() }

// SetMissing makes the contracts' code vanish (nil: back).
func (v *View) SetMissing(a []common.Address) { v.mu.Lock(); v.missing = a; v.mu.Unlock() }

// CheckAnchors returns a *chain.AnchorGoneError for the first anchor
// whose block's hash on v is another, nil if none.
func (v *View) CheckAnchors(anchors []chain.Cursor) error {
	for _, a := range anchors {
		if h, _, _ := v.BlockHash(context.Background(), a.Block); h != a.Hash {
			return &chain.AnchorGoneError{Anchor: a, Now: h}
		}
	}
	return nil
}

func (v *View) Identity(context.Context) (agent.Identity, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.id, v.Err
}

func (v *View) MissingCode(context.Context) ([]common.Address, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.missing, v.Err
}

func (v *View) Head(context.Context) (uint64, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.head, v.Err
}

func (v *View) BlockHash(_ context.Context, n uint64) (common.Hash, bool, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if h, ok := v.hashes[n]; ok {
		return h, true, v.Err
	}
	return HashOf(n), true, v.Err
}
