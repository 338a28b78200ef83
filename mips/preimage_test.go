package mips

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

// Preimage I/O (1.9): key writes and reads move up to the end of the 32-byte
// leaf holding a1. Every case goes through checkedStep (Step, VerifyStep and
// Run agree) and is compared with a model written straight from the spec.

// preimageLeaf is the 32-byte-aligned leaf the cases read into and write from;
// the leaves either side of it hold other bytes that must survive.
const preimageLeaf = dataAddr + 0x40

func fillWindow(s *State) {
	for i := uint32(0); i < 96; i++ {
		s.Memory.SetBytes(preimageLeaf-32+i, []byte{byte(0xC0 ^ i*7)})
	}
}

// streamOf is u64be(len p) ‖ p.
func streamOf(p []byte) []byte {
	return append(binary.BigEndian.AppendUint64(nil, uint64(len(p))), p...)
}

// preimageKeys are a keccak key and a local key (the Go host serves local
// keys unlocalized), with preimages whose streams are 53 and 8 (empty P) and
// 13 bytes long.
func preimageKeys() (keys [][32]byte, oracle mapOracle) {
	oracle = mapOracle{}
	kv := []byte("a keccak preimage of forty-five bytes, for 1.9")[:45] // 45 of 46
	kk := Keccak256(kv)
	kk[0] = KeyTypeKeccak
	var lk, empty [32]byte
	lk[0], lk[31] = KeyTypeLocal, 3
	empty[0], empty[31] = KeyTypeLocal, 4
	oracle[kk], oracle[lk], oracle[empty] = kv, []byte{0xAA, 0xBB, 0xCC, 0xDD, 0xEE}, []byte{}
	return [][32]byte{kk, lk, empty}, oracle
}

func TestPreimageKeyWrite(t *testing.T) {
	oldKey := [32]byte{0: 0x11, 1: 0x22, 30: 0x33, 31: 0x44}
	for align := uint32(0); align < 32; align++ {
		for count := uint32(0); count <= 40; count++ {
			addr := preimageLeaf + align
			s := sysState(SysWrite, FdPreimageWrite, addr, count)
			fillWindow(s)
			s.PreimageKey, s.PreimageOffset = oldKey, 9
			win := s.Memory.ReadBytes(preimageLeaf-32, 96)
			th := s.CurrentThread()
			w := checkedStep(t, s, nil)

			label := fmt.Sprintf("align %d count %d", align, count)
			n := min(count, 32-align)
			require.Equal(t, n, th.Regs[rV0], label)
			require.Equal(t, uint32(0), th.Regs[rA3], label)
			require.Equal(t, win, s.Memory.ReadBytes(preimageLeaf-32, 96), "%s: memory changed", label)
			if count == 0 {
				require.Equal(t, 1, proofCount(w), label)
				require.Equal(t, oldKey, s.PreimageKey, label)
				require.Equal(t, uint32(9), s.PreimageOffset, label)
				continue
			}
			require.Equal(t, 2, proofCount(w), label)
			// preimageKey ← (preimageKey << 8n) | bytes, as a 256-bit integer.
			want := new(big.Int).Lsh(new(big.Int).SetBytes(oldKey[:]), uint(8*n))
			want.Or(want, new(big.Int).SetBytes(win[32+align:32+align+n]))
			want.And(want, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
			var wantKey [32]byte
			want.FillBytes(wantKey[:])
			require.Equal(t, wantKey, s.PreimageKey, label)
			require.Equal(t, uint32(0), s.PreimageOffset, label)
		}
	}
}

func TestPreimageKeyWriteWholeKey(t *testing.T) {
	keys, oracle := preimageKeys()
	key := keys[0]
	// From an aligned buffer one step replaces the whole key (n = 32).
	s := sysState(SysWrite, FdPreimageWrite, preimageLeaf, 32)
	s.Memory.SetBytes(preimageLeaf, key[:])
	s.PreimageKey = [32]byte{0: 0xFF, 31: 0xFF}
	checkedStep(t, s, oracle)
	require.Equal(t, uint32(32), s.CurrentThread().Regs[rV0])
	require.Equal(t, key, s.PreimageKey)

	// From a misaligned buffer the loop a guest runs takes two steps.
	for _, align := range []uint32{1, 5, 31} {
		s := sysState(SysWrite, FdPreimageWrite, preimageLeaf+align, 32)
		s.Memory.SetBytes(preimageLeaf+align, key[:])
		th := s.CurrentThread()
		steps := 0
		for off := uint32(0); off < 32; steps++ {
			th.PC, th.NextPC = codeBase, codeBase+4
			th.Regs[rV0], th.Regs[rA0], th.Regs[rA1], th.Regs[rA2] = SysWrite, FdPreimageWrite, preimageLeaf+align+off, 32-off
			checkedStep(t, s, oracle)
			off += th.Regs[rV0]
		}
		require.Equal(t, 2, steps, "align %d", align)
		require.Equal(t, key, s.PreimageKey, "align %d", align)
	}

	// The last leaf of memory and the null page are written from like any other.
	for _, addr := range []uint32{0xFFFFFFE0, 0xFFFFFFFF, 0} {
		s := sysState(SysWrite, FdPreimageWrite, addr, 40)
		s.Memory.SetBytes(addr, []byte{0x5A})
		checkedStep(t, s, nil)
		require.Equal(t, 32-addr&31, s.CurrentThread().Regs[rV0], "addr %#x", addr)
		require.Equal(t, byte(0x5A), s.PreimageKey[32-(32-addr&31)], "addr %#x", addr)
	}
}

func TestPreimageRead(t *testing.T) {
	keys, oracle := preimageKeys()
	for _, key := range keys {
		stream := streamOf(oracle[key])
		sl := uint32(len(stream))
		// Offsets at the start, around the prefix, and at and around the end.
		var offsets []uint32
		seen := map[uint32]bool{}
		for _, o := range []int{0, 1, 7, 8, 9, int(sl) - 33, int(sl) - 32, int(sl) - 31, int(sl) - 9, int(sl) - 2,
			int(sl) - 1, int(sl), int(sl) + 1, int(sl) + 40} {
			if o >= 0 && !seen[uint32(o)] {
				seen[uint32(o)] = true
				offsets = append(offsets, uint32(o))
			}
		}
		t.Run(fmt.Sprintf("key-%x-len-%d", key[:1], sl), func(t *testing.T) {
			t.Parallel()
			for _, off := range offsets {
				for align := uint32(0); align < 32; align++ {
					for count := uint32(1); count <= 40; count++ {
						checkRead(t, oracle, key, stream, off, preimageLeaf+align, count)
					}
				}
			}
		})
	}
}

// checkRead runs one read of count bytes at addr from offset off of stream
// (the stream of key) and checks it against 1.9.
func checkRead(t *testing.T, oracle mapOracle, key [32]byte, stream []byte, off, addr, count uint32) {
	t.Helper()
	s := sysState(SysRead, FdPreimageRead, addr, count)
	fillWindow(s)
	s.PreimageKey, s.PreimageOffset = key, off
	win := s.Memory.ReadBytes(preimageLeaf-32, 96)
	th := s.CurrentThread()
	w := checkedStep(t, s, oracle)

	label := fmt.Sprintf("offset %d addr %#x count %d", off, addr, count)
	require.True(t, w.HasPreimage, label)
	require.Equal(t, key, w.PreimageKey, label)
	require.Equal(t, off, w.PreimageOffset, label)
	var n uint32
	if off < uint32(len(stream)) {
		n = min(count, 32-addr&31, uint32(len(stream))-off)
	}
	require.Equal(t, n, th.Regs[rV0], label)
	require.Equal(t, uint32(0), th.Regs[rA3], label)
	require.Equal(t, off+n, s.PreimageOffset, label)
	if n == 0 {
		require.Equal(t, 1, proofCount(w), "%s: EOF touches no memory", label)
	} else {
		require.Equal(t, 2, proofCount(w), label)
	}
	if n > 0 {
		o := addr - (preimageLeaf - 32)
		copy(win[o:o+n], stream[off:off+n])
	}
	require.Equal(t, win, s.Memory.ReadBytes(preimageLeaf-32, 96), label)
}

// TestPreimageReadStream reads whole streams with count 100 at every
// alignment, as a guest's read loop does: the first read fills to the end of
// the leaf and every later one a whole leaf.
func TestPreimageReadStream(t *testing.T) {
	keys, oracle := preimageKeys()
	for _, key := range keys {
		stream := streamOf(oracle[key])
		for align := uint32(0); align < 32; align++ {
			s := sysState(SysRead, FdPreimageRead, 0, 0)
			s.PreimageKey = key
			th := s.CurrentThread()
			dst := uint32(0x3000) + align
			var got []byte
			for i := 0; ; i++ {
				th.PC, th.NextPC = codeBase, codeBase+4
				th.Regs[rV0], th.Regs[rA0], th.Regs[rA1], th.Regs[rA2] = SysRead, FdPreimageRead, dst, 100
				w := checkedStep(t, s, oracle)
				n := th.Regs[rV0]
				if n == 0 {
					require.Equal(t, 1, proofCount(w), "EOF touches no memory")
					break
				}
				require.Equal(t, 2, proofCount(w))
				require.Equal(t, min(32-dst&31, uint32(len(stream)-len(got))), n, "read %d", i)
				got = append(got, s.Memory.ReadBytes(dst, int(n))...)
				dst += n
			}
			require.Equal(t, stream, got, "align %d", align)
		}
	}

	// Reads into the last leaf of memory and the null page.
	for _, addr := range []uint32{0xFFFFFFE0, 0xFFFFFFF9, 0xFFFFFFFF, 0} {
		s := sysState(SysRead, FdPreimageRead, addr, 40)
		s.PreimageKey, s.PreimageOffset = keys[0], 8
		checkedStep(t, s, oracle)
		n := 32 - addr&31
		require.Equal(t, n, s.CurrentThread().Regs[rV0], "addr %#x", addr)
		require.Equal(t, oracle[keys[0]][:n], s.Memory.ReadBytes(addr, int(n)), "addr %#x", addr)
	}

	// A missing preimage is a host error that leaves the state untouched.
	s := sysState(SysRead, FdPreimageRead, dataAddr, 4)
	s.PreimageKey[0] = KeyTypeLocal
	pre := s.Hash()
	_, err := NewVM(s, mapOracle{}, nil, nil).Step(true)
	require.Error(t, err)
	require.Equal(t, pre, s.Hash())
}

func TestStreamPart(t *testing.T) {
	for _, p := range [][]byte{nil, {1}, []byte("0123456789012345678901234567890123456789")} {
		stream := streamOf(p)
		for off := uint32(0); off < uint32(len(stream))+3; off++ {
			want := []byte(nil)
			if off < uint32(len(stream)) {
				want = stream[off:min(off+32, uint32(len(stream)))]
			}
			got := streamPart(p, off)
			require.Equal(t, len(want), len(got), "len %d off %d", len(p), off)
			if len(want) > 0 {
				require.Equal(t, want, got, "len %d off %d", len(p), off)
			}
		}
	}
}
