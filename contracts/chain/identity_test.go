package chain_test

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
)

func TestIdentity(t *testing.T) {
	sim, keys := newSim(t, 1)
	ctx := ctxT(t)
	id, err := chain.ReadIdentity(ctx, sim.Client())
	require.NoError(t, err)
	assert.Equal(t, uint64(1337), id.ChainID)
	assert.NotEqual(t, common.Hash{}, id.Genesis)

	// Stable as blocks are added; a fresh chain (same chain id) differs.
	sim.Commit()
	again, err := chain.ReadIdentity(ctx, sim.Client())
	require.NoError(t, err)
	assert.Equal(t, id, again)
	other, _ := newSim(t, 1)
	fresh, err := chain.ReadIdentity(ctx, other.Client())
	require.NoError(t, err)
	assert.Equal(t, id.ChainID, fresh.ChainID)
	assert.NotEqual(t, id, fresh, "a chain restarted with its state lost has another identity")
	assert.NotEqual(t, id.Key(), fresh.Key())
	assert.Contains(t, id.Key(), "1337:0x")
	assert.Contains(t, id.String(), "chain 1337 (genesis ")
	require.NoError(t, id.Check(ctx, sim.Client()))
	err = id.Check(ctx, other.Client())
	require.ErrorIs(t, err, chain.ErrChainChanged)
	var changed *chain.ChainChangedError
	require.True(t, errors.As(err, &changed))
	assert.Equal(t, fresh, changed.Got)
	assert.ErrorContains(t, err, "the node now serves chain 1337 (genesis ")

	// Contracts: present on the chain that deployed them, gone on the
	// fresh one.
	t.Cleanup(chain.AutoMine(ctx, sim, 20*time.Millisecond))
	m, err := chain.NewTxManager(sim.Client(), keys[0], chain.TxOptions{PollInterval: 10 * time.Millisecond, Logger: testLogger()})
	require.NoError(t, err)
	reg := deployRegistry(t, ctx, m)
	contracts := map[string]common.Address{"registry": reg}
	require.NoError(t, chain.CheckContracts(ctx, sim.Client(), contracts))

	contracts["market"] = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	err = chain.CheckContracts(ctx, sim.Client(), contracts)
	require.ErrorIs(t, err, chain.ErrContractsGone)
	assert.ErrorContains(t, err, "no code at market 0x00000000000000000000000000000000000000AA on chain 1337")
	assert.NotContains(t, err.Error(), reg.Hex())

	err = chain.CheckContracts(ctx, other.Client(), contracts)
	var gone *chain.ContractsGoneError
	require.True(t, errors.As(err, &gone))
	assert.Equal(t, fresh, gone.Chain)
	assert.Len(t, gone.Missing, 2)
	assert.ErrorContains(t, err, "market 0x00000000000000000000000000000000000000AA, registry "+reg.Hex())
}
