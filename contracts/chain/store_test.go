package chain_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/chain"
)

type duty struct {
	Claim    uint64 `json:"claim"`
	Deadline uint64 `json:"deadline"`
}

func TestStoreRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "daemon.db")
	s, err := chain.Open(path)
	require.NoError(t, err)
	assert.Equal(t, path, s.Path())

	var d duty
	ok, err := s.Get("duties", "x", &d)
	require.NoError(t, err)
	assert.False(t, ok, "missing bucket")
	require.NoError(t, s.Put("duties", "b", duty{Claim: 2, Deadline: 20}))
	require.NoError(t, s.Put("duties", "a", duty{Claim: 1, Deadline: 10}))
	require.NoError(t, s.Put("duties", "a", duty{Claim: 1, Deadline: 11})) // replace
	ok, err = s.Get("duties", "a", &d)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, duty{Claim: 1, Deadline: 11}, d)
	ok, err = s.Get("duties", "zz", &d)
	require.NoError(t, err)
	assert.False(t, ok)

	list, err := s.List("duties")
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "a", list[0].Key)
	assert.Equal(t, "b", list[1].Key)
	var d2 duty
	require.NoError(t, json.Unmarshal(list[1].Value, &d2))
	assert.Equal(t, duty{Claim: 2, Deadline: 20}, d2)
	keys, err := s.Keys("duties")
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, keys)
	keys, err = s.Keys("nothing")
	require.NoError(t, err)
	assert.Empty(t, keys)
	list, err = s.List("nothing")
	require.NoError(t, err)
	assert.Empty(t, list)

	require.NoError(t, s.Delete("duties", "a"))
	require.NoError(t, s.Delete("duties", "a"))
	require.NoError(t, s.Delete("nothing", "a"))
	ok, err = s.Get("duties", "a", &d)
	require.NoError(t, err)
	assert.False(t, ok)

	_, ok, err = s.Cursor("w")
	require.NoError(t, err)
	assert.False(t, ok)
	require.NoError(t, s.SetCursor("w", 42, common.Hash{4, 2}))
	require.NoError(t, s.Close())

	// Durable across reopen.
	s, err = chain.Open(path)
	require.NoError(t, err)
	defer s.Close()
	c, ok, err := s.Cursor("w")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, chain.Cursor{Block: 42, Hash: common.Hash{4, 2}}, c)
	c, ok, err = s.Checkpoint("w").Load()
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, uint64(42), c.Block)
	ok, err = s.Get("duties", "b", &d)
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestStoreSecondOpenFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daemon.db")
	s, err := chain.Open(path)
	require.NoError(t, err)
	_, err = chain.Open(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "store "+path+" is in use by another process")
	require.NoError(t, s.Close())
	s, err = chain.Open(path)
	require.NoError(t, err, "lock released on Close")
	require.NoError(t, s.Close())
}
