package mips

import (
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// memModel is a Memory under test with the words written to it, so its root
// can be checked against naiveRoot, which knows nothing of sharing.
type memModel struct {
	m     *Memory
	words map[uint32]uint32
}

func (mm *memModel) write(rng *rand.Rand, n int) {
	for range n {
		a := 0x10000 + rng.Uint32N(0x40000)&^3 // dense: shared pages get hit
		if rng.IntN(4) == 0 {
			a = rng.Uint32() &^ 3 // sparse: new directories
		}
		v := rng.Uint32()
		if rng.IntN(3) == 0 {
			mm.m.SetBytes(a, []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
		} else {
			mm.m.SetWord(a, v)
		}
		mm.words[a] = v
	}
}

func (mm *memModel) snapshot() *memModel {
	w := make(map[uint32]uint32, len(mm.words))
	for a, v := range mm.words {
		w[a] = v
	}
	return &memModel{m: mm.m.Snapshot(), words: w}
}

func (mm *memModel) check(t *testing.T, rng *rand.Rand, msg string) {
	t.Helper()
	root := mm.m.Root()
	require.Equal(t, naiveRoot(mm.words), root, msg)
	for a, v := range mm.words {
		require.Equal(t, v, mm.m.GetWord(a), msg)
		if rng.IntN(8) == 0 {
			require.True(t, verifyProof(root, a, mm.m.Proof(a)), msg)
		}
	}
}

// TestSnapshotCopyOnWrite writes independently to a memory and a tree of
// its snapshots (snapshots of snapshots included) and checks every one
// against a from-scratch root: a write through one memory must never show
// in another, and the shared hash caches must stay right.
func TestSnapshotCopyOnWrite(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	live := &memModel{m: NewMemory(), words: map[uint32]uint32{}}
	live.write(rng, 300)
	mems := []*memModel{live}
	for round := range 5 {
		// Snapshot a random existing memory, then write to random ones.
		mems = append(mems, mems[rng.IntN(len(mems))].snapshot())
		for range 3 {
			mems[rng.IntN(len(mems))].write(rng, 60)
		}
		for i, mm := range mems {
			mm.check(t, rng, "round "+string(rune('0'+round))+" memory "+string(rune('0'+i)))
		}
	}
	// Accounting: an unwritten snapshot holds nothing new, a written one
	// holds at least the page it wrote.
	a := live.snapshot()
	b := a.snapshot()
	require.Equal(t, uint64(unsafe.Sizeof(Memory{})), b.m.BytesNotIn(a.m)-topBytes(b.m))
	b.m.SetWord(0x10000, 1)
	require.GreaterOrEqual(t, b.m.BytesNotIn(a.m)-topBytes(b.m), uint64(unsafe.Sizeof(Memory{}))+uint64(PageObjectBytes+DirectoryObjectBytes))
	require.Equal(t, live.m.PageCount(), a.m.PageCount())
}

func topBytes(m *Memory) (n uint64) {
	for h := range m.top {
		n += uint64(len(m.top[h])) * 36
	}
	return n
}

// TestSnapshotFastPathStoreToFetchPage: the fast path caches the page it
// fetches from; a store into that page when it is shared must copy it and
// fetch later instructions from the copy (here: an instruction the store
// just rewrote), as the reference path does. The snapshot stays intact.
func TestSnapshotFastPathStoreToFetchPage(t *testing.T) {
	patched := itype(9, 0, rT2, 7) // addiu t2, zero, 7
	s := newTestState(
		itype(15, 0, rT0, codeBase>>16),        // lui t0, codeBase>>16
		itype(15, 0, rT1, uint16(patched>>16)), // lui t1, hi(patched)
		itype(13, rT1, rT1, uint16(patched)),   // ori t1, t1, lo(patched)
		itype(0x2B, rT0, rT1, 24),              // sw t1, 24(t0): rewrites insn 6
		insnNop, insnNop,
		itype(9, 0, rT2, 1),    // addiu t2, zero, 1 (before patching)
		itype(4, 0, 0, 0xFFFF), // b .
		insnNop,
	)
	ref := s.Copy()
	before := s.Hash()
	snap := s.Snapshot()

	require.ErrorIs(t, NewVM(s, nil, nil, nil).Run(t.Context(), 20), ErrStepLimit)
	refVM := NewVM(ref, nil, nil, nil)
	for range 20 {
		_, err := refVM.Step(false)
		require.NoError(t, err)
	}
	require.Equal(t, uint32(7), ref.CurrentThread().Regs[rT2])
	require.Equal(t, uint32(7), s.CurrentThread().Regs[rT2], "fast path fetched from the stale shared page")
	require.Equal(t, ref.Hash(), s.Hash())
	require.Equal(t, before, snap.Hash(), "a write through the live state changed the snapshot")

	// The snapshot runs to the same state on its own.
	require.ErrorIs(t, NewVM(snap, nil, nil, nil).Run(t.Context(), 20), ErrStepLimit)
	require.Equal(t, ref.Hash(), snap.Hash())
}
