package evm

import (
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/mips"
)

func TestDeployAndSizes(t *testing.T) {
	h, err := New()
	require.NoError(t, err)
	// EIP-170: deployed code must stay under 24,576 bytes.
	require.Greater(t, h.CodeSize(MIPSName), 0)
	require.LessOrEqual(t, h.CodeSize(MIPSName), 24576)
	require.Greater(t, h.CodeSize(PreimageOracleName), 0)
	require.Equal(t, 0, h.CodeSize("nope"))
}

func TestStepOnExitedStateIsIdentity(t *testing.T) {
	h, err := New()
	require.NoError(t, err)
	st := make([]byte, mips.StateSize)
	st[77], st[78] = 1, 1 // exitCode 1, exited
	post, _, err := h.Step(st, nil, [32]byte{})
	require.NoError(t, err)
	want := crypto.Keccak256Hash(st)
	want[0] = 1 // INVALID
	require.Equal(t, [32]byte(want), post)
}

func TestStepRevertsAreDecoded(t *testing.T) {
	h, err := New()
	require.NoError(t, err)
	_, _, err = h.Step(make([]byte, mips.StateSize-1), nil, [32]byte{})
	require.Error(t, err)
	require.Equal(t, "InvalidStateLength", RevertName(err))
	require.Contains(t, err.Error(), fmt.Sprintf("InvalidStateLength(%d)", mips.StateSize-1))

	st := make([]byte, mips.StateSize)
	st[95] = 2
	_, _, err = h.Step(st, nil, [32]byte{})
	require.Equal(t, "InvalidStateBoolean", RevertName(err))
}

func TestOracleKeccakAndLocal(t *testing.T) {
	h, err := New()
	require.NoError(t, err)
	pre := []byte("hello preimage oracle, this is more than thirty-two bytes long")
	require.NoError(t, h.LoadKeccakPart(8, pre))
	key := crypto.Keccak256Hash(pre)
	key[0] = 2
	dat, n, err := h.ReadPreimage(key, 8)
	require.NoError(t, err)
	require.Equal(t, uint64(32), n)
	require.Equal(t, pre[:32], dat[:])
	_, _, err = h.ReadPreimage(key, 9)
	require.Equal(t, "PreimagePartNotLoaded", RevertName(err))
	_, n, err = h.ReadPreimage(key, uint64(len(pre))+8)
	require.NoError(t, err)
	require.Zero(t, n)

	var lk, ctx [32]byte
	lk[0], lk[31], ctx[0] = 1, 7, 9
	require.NoError(t, h.LoadLocalData(lk, ctx, []byte{1, 2, 3}, 0))
	dat, n, err = h.ReadPreimage(LocalizeKey(lk, DefaultCaller, ctx), 0)
	require.NoError(t, err)
	require.Equal(t, uint64(11), n)
	require.Equal(t, []byte{0, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}, dat[:11])
	lk[0] = 2
	require.Equal(t, "InvalidLocalKeyType", RevertName(h.LoadLocalData(lk, ctx, []byte{1}, 0)))
}

// TestStepAddiu runs one addiu through MIPS.sol on a hand-built state and
// checks the post-state against a hand-computed one.
func TestStepAddiu(t *testing.T) {
	h, err := New()
	require.NoError(t, err)
	mem := newSparseMem()
	const pc = 0x10000
	mem.set(pc, 0x24420005) // addiu v0, v0, 5
	thread := make([]byte, mips.ThreadSize)
	be := func(b []byte, off int, v uint32) { binary.BigEndian.PutUint32(b[off:], v) }
	be(thread, 0, 1)
	be(thread, 4, pc)
	be(thread, 8, pc+4)
	be(thread, 20+4*2, 37)
	st := make([]byte, mips.StateSize)
	root := mem.root()
	copy(st[0:], root[:])
	th := crypto.Keccak256(thread)
	copy(st[96:], crypto.Keccak256(make([]byte, 32), th))
	be(st, 160, 2)
	proof := append(append(append([]byte{}, thread...), make([]byte, 32)...), mem.proof(pc)...)
	pre := append([]byte{}, st...)
	post, gas, err := h.Step(st, proof, [32]byte{})
	require.NoError(t, err)
	t.Logf("addiu execution gas: %d", gas)

	be(thread, 4, pc+4)
	be(thread, 8, pc+8)
	be(thread, 20+4*2, 42)
	copy(st[96:], crypto.Keccak256(make([]byte, 32), crypto.Keccak256(thread)))
	binary.BigEndian.PutUint64(st[79:], 1) // step
	binary.BigEndian.PutUint64(st[87:], 1) // stepsSinceSwitch
	want := crypto.Keccak256Hash(st)
	want[0] = 3
	require.Equal(t, [32]byte(want), post)

	// A missing memory proof and an extra one are both malformed.
	_, _, err = h.Step(pre, proof[:mips.ThreadProofSize], [32]byte{})
	require.Equal(t, "MissingMemoryProof", RevertName(err))
	_, _, err = h.Step(pre, append(append([]byte{}, proof...), make([]byte, 896)...), [32]byte{})
	require.Equal(t, "InvalidProofLength", RevertName(err))
}
