package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/aivm-dev/aivm/contracts/chain"
)

// Identity names the chain a service's duties belong to: the chain id, the
// genesis block's hash and the contracts' addresses. Duties taken on one
// chain mean nothing on another: a node restarted with its state lost, the
// contracts redeployed at the same addresses, reuses request and game ids.
type Identity struct {
	ChainID   uint64           `json:"chain_id"`
	Genesis   common.Hash      `json:"genesis"`
	Contracts []common.Address `json:"contracts"`
}

// Diff names what differs between id (stored) and now, "" if nothing.
func (id Identity) Diff(now Identity) string {
	var d []string
	if id.ChainID != now.ChainID {
		d = append(d, fmt.Sprintf("chain id %d -> %d", id.ChainID, now.ChainID))
	}
	if id.Genesis != now.Genesis {
		d = append(d, fmt.Sprintf("genesis %s -> %s", id.Genesis, now.Genesis))
	}
	if fmt.Sprint(id.Contracts) != fmt.Sprint(now.Contracts) {
		d = append(d, fmt.Sprintf("contracts %v -> %v", id.Contracts, now.Contracts))
	}
	return strings.Join(d, ", ")
}

// ChainView is what a service checks about the chain it acts on, on start
// and every tick: its identity, whether the contracts still have code, and
// whether the block an event came from is still canonical. Env.Chain nil
// checks nothing (the unit tests' fake chain).
type ChainView interface {
	Identity(ctx context.Context) (Identity, error)
	// MissingCode lists the contracts without code now.
	MissingCode(ctx context.Context) ([]common.Address, error)
	// Head is the latest block number.
	Head(ctx context.Context) (uint64, error)
	// BlockHash is the canonical hash at number; false if the chain is
	// shorter.
	BlockHash(ctx context.Context, number uint64) (common.Hash, bool, error)
}

// Where is the block of the event that created a duty. A duty whose block
// is no longer canonical came from a fork that is gone.
type Where struct {
	Block     uint64      `json:"block,omitempty"`
	BlockHash common.Hash `json:"block_hash,omitempty"`
}

// WhereOf is the block of log l.
func WhereOf(l types.Log) Where { return Where{Block: l.BlockNumber, BlockHash: l.BlockHash} }

// Anchor returns ctx with w's block as an anchor (chain.WithAnchor) of
// every transaction sent under it: a send that answers the event at w is
// refused, or its pending transaction replaced by a cancellation, once w's
// block leaves the canonical chain (chain.ErrAnchorGone). A w not recorded
// (a duty stored before blocks were) adds nothing.
func (w Where) Anchor(ctx context.Context) context.Context {
	if !w.known() {
		return ctx
	}
	return chain.WithAnchor(ctx, w.Block, w.BlockHash)
}

// forkGone handles a send refused because the block of the event its duty
// answers left the canonical chain (chain.ErrAnchorGone): the duty (a
// request with its games, or a game) belongs to a fork that is gone, so it
// is dropped, never retried, and the duties are re-derived from the
// canonical chain.
func (a *Agent) forkGone(reqs, games []string, err error) error {
	a.Log.Warn("a duty's event is no longer canonical (its fork is gone): its transaction was not sent or was cancelled; "+
		"dropping the duty and re-deriving duties", "requests", reqs, "games", games, "err", err)
	if err := a.dropDuties(reqs, games); err != nil {
		return err
	}
	a.Inc("aivm_duties_dropped_total")
	a.rederive()
	return nil
}

// known reports whether the duty recorded where its event was.
func (w Where) known() bool { return w.BlockHash != (common.Hash{}) }

const (
	bucketChain = "chain"
	keyIdentity = "identity"
	// recentBlocks bounds the per-tick canonical check to duties this near
	// the head; older ones are checked on start and after any sign of a
	// reset (a reorg that deep is a reset, which the identity shows).
	recentBlocks = 256
)

// chainState is what the agent remembers between checks.
type chainState struct {
	checked bool // the first full check is done
	gone    bool // the contracts had no code at the last check
}

// checkChain checks the chain's identity, the contracts' code and the
// canonicity of every recent duty's event. It reports whether the tick may
// act; a reset or a duty from a gone fork drops the stale duties and asks
// for a rescan (rederive).
func (a *Agent) checkChain(ctx context.Context) (bool, error) {
	if a.Chain == nil {
		return true, nil
	}
	missing, err := a.Chain.MissingCode(ctx)
	if err != nil {
		return false, fmt.Errorf("contract code: %w", err)
	}
	if len(missing) > 0 {
		if !a.chain.gone {
			a.chain.gone = true
			a.Log.Error("contracts gone: no code at their addresses (node reset or wrong --rpc?); "+
				"doing nothing until they are back", "missing", missing)
			a.set("aivm_contracts_missing", 1)
		}
		return false, nil
	}
	now, err := a.Chain.Identity(ctx)
	if err != nil {
		return false, fmt.Errorf("chain identity: %w", err)
	}
	var stored Identity
	ok, err := a.Duties.Get(bucketChain, keyIdentity, &stored)
	if err != nil {
		return false, err
	}
	switch diff := stored.Diff(now); {
	case !ok:
		if err := a.Duties.Put(bucketChain, keyIdentity, now); err != nil {
			return false, err
		}
	case diff != "":
		if err := a.reset("chain reset: "+diff, now); err != nil {
			return false, err
		}
		a.chain.gone = false
		return false, nil
	case a.chain.gone:
		// The contracts came back on the same genesis: redeployed after
		// a reset the genesis does not show. The duties' block hashes say
		// which survive (a full check below).
		a.Log.Warn("contracts are back; re-checking every duty against the canonical chain")
		a.chain.checked = false
	}
	a.chain.gone = false
	a.set("aivm_contracts_missing", 0)
	full := !a.chain.checked
	if err := a.checkDuties(ctx, full); err != nil {
		return false, err
	}
	a.chain.checked = true
	return true, nil
}

// reset drops every duty after a chain reset, stores the new identity and
// asks for a rescan from the deployment block.
func (a *Agent) reset(why string, now Identity) error {
	rs, gs, err := a.dutiesWhere(func(Where) (bool, error) { return true, nil })
	if err != nil {
		return err
	}
	a.Log.Error(why+"; dropping every duty of the old chain and re-deriving duties from the new one",
		"requests_dropped", rs, "games_dropped", gs)
	if err := a.dropDuties(rs, gs); err != nil {
		return err
	}
	if err := a.Duties.Put(bucketChain, keyIdentity, now); err != nil {
		return err
	}
	a.Inc("aivm_chain_resets_total")
	a.chain.checked = true
	a.rederive()
	return nil
}

// checkDuties drops every duty whose event's block is no longer canonical
// (only those near the head unless full) and asks for a rescan if any was.
func (a *Agent) checkDuties(ctx context.Context, full bool) error {
	head, err := a.Chain.Head(ctx)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	hashes := map[uint64]common.Hash{}
	stale := func(w Where) (bool, error) {
		if !w.known() || (!full && w.Block+recentBlocks < head) {
			return false, nil
		}
		h, ok := hashes[w.Block]
		if !ok {
			var there bool
			if h, there, err = a.Chain.BlockHash(ctx, w.Block); err != nil {
				return false, err
			}
			if !there {
				h = common.Hash{}
			}
			hashes[w.Block] = h
		}
		return h != w.BlockHash, nil
	}
	reqs, games, err := a.dutiesWhere(stale)
	if err != nil {
		return err
	}
	if len(reqs)+len(games) == 0 {
		return nil
	}
	a.Log.Warn("duties whose events are no longer canonical (their fork is gone): dropping them and re-deriving them",
		"requests", reqs, "games", games)
	if err := a.dropDuties(reqs, games); err != nil {
		return err
	}
	a.Inc("aivm_duties_dropped_total")
	a.rederive()
	return nil
}

// dutiesWhere lists the request and game duties whose event position
// satisfies drop.
func (a *Agent) dutiesWhere(drop func(Where) (bool, error)) (reqs, games []string, err error) {
	rs, err := a.Requests()
	if err != nil {
		return nil, nil, err
	}
	for _, d := range rs {
		if ok, err := drop(d.Where); err != nil {
			return nil, nil, err
		} else if ok {
			reqs = append(reqs, d.ID)
		}
	}
	gs, err := a.Games()
	if err != nil {
		return nil, nil, err
	}
	for _, g := range gs {
		if ok, err := drop(g.Where); err != nil {
			return nil, nil, err
		} else if ok {
			games = append(games, g.GameID)
		}
	}
	return reqs, games, nil
}

// dropDuties drops request duties (with their games) and game duties.
func (a *Agent) dropDuties(reqs, games []string) error {
	for _, id := range reqs {
		if err := a.dropRequestAndGames(id); err != nil {
			return err
		}
	}
	for _, id := range games {
		if err := a.dropGame(id); err != nil {
			return err
		}
	}
	return nil
}

// onReorg is the LogWatcher's reorg hook: processed blocks from fork on
// were reorged away (deeper than the confirmations), so the duties their
// events created are dropped before the watcher re-delivers the canonical
// chain's events from fork.
func (a *Agent) onReorg(_ context.Context, fork uint64) error {
	a.dutyMu.Lock()
	defer a.dutyMu.Unlock()
	rs, gs, err := a.dutiesWhere(func(w Where) (bool, error) { return w.Block >= fork || !w.known(), nil })
	if err != nil {
		return err
	}
	a.Log.Warn("reorg deeper than the confirmations: dropping the duties created at or after the fork; "+
		"the canonical chain's events re-derive them", "fork", fork, "requests", rs, "games", gs)
	if err := a.dropDuties(rs, gs); err != nil {
		return err
	}
	a.Inc("aivm_reorgs_total")
	return nil
}

// dropRequestAndGames forgets request id, its session and its game duties.
func (a *Agent) dropRequestAndGames(id string) error {
	games, err := a.Games()
	if err != nil {
		return err
	}
	for _, g := range games {
		if g.RequestID == id {
			if err := a.dropGame(g.GameID); err != nil {
				return err
			}
		}
	}
	if f, ok := a.policy.(Forgetter); ok {
		f.Forget(id)
	}
	return a.DropRequest(id)
}

// Forgetter is a Policy that keeps its own per-request memory, which a
// dropped duty (its fork gone, its id reused) must clear.
type Forgetter interface {
	Forget(id string)
}

// rederive asks Run to re-follow the market from its deployment block.
func (a *Agent) rederive() {
	select {
	case a.rescan <- struct{}{}:
	default:
	}
}

// deploymentView is ChainView over a node and one deployment's addresses.
type deploymentView struct {
	c         IdentityChain
	contracts []common.Address
}

// IdentityChain is the node access a ChainView needs (ethclient.Client and
// the simulated backend's client implement it).
type IdentityChain interface {
	ChainID(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
}

// NewChainView checks the chain c against contracts.
func NewChainView(c IdentityChain, contracts ...common.Address) ChainView {
	return &deploymentView{c: c, contracts: contracts}
}

func (v *deploymentView) Identity(ctx context.Context) (Identity, error) {
	id, err := v.c.ChainID(ctx)
	if err != nil {
		return Identity{}, err
	}
	g, err := v.c.HeaderByNumber(ctx, big.NewInt(0))
	if err != nil {
		return Identity{}, err
	}
	return Identity{ChainID: id.Uint64(), Genesis: g.Hash(), Contracts: v.contracts}, nil
}

func (v *deploymentView) MissingCode(ctx context.Context) ([]common.Address, error) {
	var out []common.Address
	for _, a := range v.contracts {
		code, err := v.c.CodeAt(ctx, a, nil)
		if err != nil {
			return nil, err
		}
		if len(code) == 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

func (v *deploymentView) Head(ctx context.Context) (uint64, error) {
	h, err := v.c.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, err
	}
	return h.Number.Uint64(), nil
}

func (v *deploymentView) BlockHash(ctx context.Context, n uint64) (common.Hash, bool, error) {
	h, err := v.c.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		if isNotFound(err) {
			return common.Hash{}, false, nil
		}
		return common.Hash{}, false, err
	}
	return h.Hash(), true, nil
}

func isNotFound(err error) bool {
	return err != nil && (errors.Is(err, ethereum.NotFound) || strings.Contains(err.Error(), "not found"))
}
