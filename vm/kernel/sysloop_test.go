package kernel_test

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/vm/kernel"
)

// TestSysLoopLayout reads the oracle loop main.sysLoop out of the built
// kernel guest and checks the hand-encoded branches of sys_mips.s land
// where its layout comment says: the loop is 8 words at entry+28, `ok`
// follows it (sw s3 / sw zero) and `fail` 16 bytes later (sw s3 / sw v0).
// A change in how the Go assembler lays out the blocks around the WORDs
// would send a branch into the wrong instruction.
func TestSysLoopLayout(t *testing.T) {
	b, err := kernel.GuestELF(t.Context())
	require.NoError(t, err)
	f, err := elf.NewFile(bytes.NewReader(b))
	require.NoError(t, err)
	syms, err := f.Symbols()
	require.NoError(t, err)
	var sym elf.Symbol
	for _, s := range syms {
		if s.Name == "main.sysLoop" {
			sym = s
		}
	}
	require.NotZero(t, sym.Value, "main.sysLoop not in the guest")
	text := f.Section(".text")
	code := make([]byte, 96)
	_, err = text.ReadAt(code, int64(sym.Value-text.Addr))
	require.NoError(t, err)
	word := func(off int) uint32 { return binary.BigEndian.Uint32(code[off:]) }
	const loop = 28 // 5 loads/moves and beqz+nop before it
	require.Equal(t, uint32(0x00101025), word(loop), "or v0, zero, s0 opens the loop")
	require.Equal(t, uint32(0x0000000c), word(loop+4), "syscall")
	target := func(off int) int { return off + 4 + 4*int(int16(word(off))) }
	require.Equal(t, loop+48, target(loop+8), "bnez a3 goes to fail")
	require.Equal(t, loop+32, target(loop+16), "beqz v0 goes to ok")
	require.Equal(t, loop, target(loop+24), "bnez a2 goes back to the loop")
	require.Equal(t, []uint32{0xafb30014, 0xafa00018}, []uint32{word(loop + 32), word(loop + 36)}, "ok: sw s3, done; sw zero, errno")
	require.Equal(t, []uint32{0xafb30014, 0xafa20018}, []uint32{word(loop + 48), word(loop + 52)}, "fail: sw s3, done; sw v0, errno")
	require.Equal(t, loop+32, target(loop-8), "beqz a2 at entry: nothing to move goes to ok")
}
