package vm

import (
	"encoding/binary"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/stretchr/testify/require"
)

type phdr struct{ typ, off, vaddr, filesz, memsz uint32 }

// makeELF builds a minimal ELF32 image: header, program headers, payload.
func makeELF(class, data byte, etype, machine uint16, entry uint32, phs []phdr, payload []byte) []byte {
	b := make([]byte, 52+32*len(phs))
	copy(b, "\x7fELF")
	b[4], b[5], b[6] = class, data, 1
	be := binary.BigEndian
	be.PutUint16(b[16:], etype)
	be.PutUint16(b[18:], machine)
	be.PutUint32(b[20:], 1)
	be.PutUint32(b[24:], entry)
	be.PutUint32(b[28:], 52)
	be.PutUint16(b[40:], 52)
	be.PutUint16(b[42:], 32)
	be.PutUint16(b[44:], uint16(len(phs)))
	for i, p := range phs {
		o := 52 + 32*i
		be.PutUint32(b[o:], p.typ)
		be.PutUint32(b[o+4:], p.off)
		be.PutUint32(b[o+8:], p.vaddr)
		be.PutUint32(b[o+16:], p.filesz)
		be.PutUint32(b[o+20:], p.memsz)
	}
	return append(b, payload...)
}

// tinyProgram: exit_group(7) at 0x10000.
var tinyCode = func() []byte {
	words := []uint32{
		0x24020000 | mips.SysExitGroup, // addiu v0, zero, 4246
		0x24040007,                     // addiu a0, zero, 7
		0x0000000C,                     // syscall
	}
	b := make([]byte, 4*len(words))
	for i, w := range words {
		binary.BigEndian.PutUint32(b[4*i:], w)
	}
	return b
}()

func tinyELF() []byte {
	return makeELF(1, 2, 2, 8, 0x10000, []phdr{{1, 52 + 32, 0x10000, uint32(len(tinyCode)), 0x2000}}, tinyCode)
}

func TestLoadTinyELF(t *testing.T) {
	s, err := LoadELF(tinyELF(), []string{"prog", "a1"}, []string{"K=V"})
	require.NoError(t, err)
	th := s.CurrentThread()
	require.Equal(t, uint32(0x10000), th.PC)
	require.Equal(t, uint32(0x10004), th.NextPC)
	require.Equal(t, uint32(1), th.ID)
	require.Equal(t, uint32(2), s.NextThreadID)
	require.Equal(t, uint32(mips.InitialHeap), s.Heap)
	require.Equal(t, tinyCode, s.Memory.ReadBytes(0x10000, len(tinyCode)))

	// Stack: argc, argv, 0, envp, 0, auxv.
	sp := th.Regs[29]
	require.Zero(t, sp&15)
	m := s.Memory
	require.Equal(t, uint32(2), m.GetWord(sp))
	str := func(a uint32) string {
		var out []byte
		for b := m.ReadBytes(a, 1)[0]; b != 0; b = m.ReadBytes(a, 1)[0] {
			out = append(out, b)
			a++
		}
		return string(out)
	}
	require.Equal(t, "prog", str(m.GetWord(sp+4)))
	require.Equal(t, "a1", str(m.GetWord(sp+8)))
	require.Zero(t, m.GetWord(sp+12))
	require.Equal(t, "K=V", str(m.GetWord(sp+16)))
	require.Zero(t, m.GetWord(sp+20))
	require.Equal(t, []uint32{6, 4096, 25, mips.StackTop - 16, 0, 0},
		[]uint32{m.GetWord(sp + 24), m.GetWord(sp + 28), m.GetWord(sp + 32), m.GetWord(sp + 36), m.GetWord(sp + 40), m.GetWord(sp + 44)})
	require.Equal(t, AtRandom[:], m.ReadBytes(mips.StackTop-16, 16))
	require.NotEqual(t, make([]byte, 8), AtRandom[:8])
	require.NotEqual(t, make([]byte, 8), AtRandom[8:])

	// Loading is deterministic, and the program runs to exit 7.
	s2, err := LoadELF(tinyELF(), []string{"prog", "a1"}, []string{"K=V"})
	require.NoError(t, err)
	require.Equal(t, s.Hash(), s2.Hash())
	require.NoError(t, mips.NewVM(s, nil, nil, nil).Run(t.Context(), 100))
	require.True(t, s.Exited)
	require.Equal(t, uint8(7), s.ExitCode)
	require.Equal(t, uint64(3), s.Step)
}

func TestLoadELFErrors(t *testing.T) {
	load := phdr{1, 84, 0x10000, 12, 12}
	cases := []struct {
		name string
		elf  []byte
		msg  string
	}{
		{"empty", nil, "not an ELF"},
		{"text", []byte("#!/bin/sh\necho hi\n"), "not an ELF"},
		{"64-bit", makeELF(2, 2, 2, 8, 0x10000, []phdr{load}, tinyCode), "not a 32-bit"},
		{"little-endian", makeELF(1, 1, 2, 8, 0x10000, []phdr{load}, tinyCode), "not big-endian"},
		{"x86", makeELF(1, 2, 2, 3, 0x10000, []phdr{load}, tinyCode), "not a MIPS"},
		{"pie", makeELF(1, 2, 3, 8, 0x10000, []phdr{load}, tinyCode), "not a static executable"},
		{"relocatable", makeELF(1, 2, 1, 8, 0x10000, []phdr{load}, tinyCode), "not an executable"},
		{"interp", makeELF(1, 2, 2, 8, 0x10000, []phdr{{3, 84, 0, 1, 1}, load}, tinyCode), "PT_INTERP"},
		{"dynamic", makeELF(1, 2, 2, 8, 0x10000, []phdr{load, {2, 84, 0x10000, 4, 4}}, tinyCode), "PT_DYNAMIC"},
		{"truncated-header", tinyELF()[:40], "truncated ELF header"},
		{"truncated-phdrs", tinyELF()[:60], "truncated"},
		{"truncated-data", tinyELF()[:90], "truncated"},
		{"no-phdrs", makeELF(1, 2, 2, 8, 0x10000, nil, nil), "no program headers"},
		{"null-page", makeELF(1, 2, 2, 8, 0x100, []phdr{{1, 84, 0x100, 12, 12}}, tinyCode), "outside the loadable range"},
		{"too-high", makeELF(1, 2, 2, 8, 0x10000, []phdr{{1, 84, 0x3FFFFFF0, 12, 0x20}}, tinyCode), "outside the loadable range"},
		{"wraps", makeELF(1, 2, 2, 8, 0x10000, []phdr{{1, 84, 0xFFFFF000, 12, 0x2000}}, tinyCode), "outside the loadable range"},
		{"filesz>memsz", makeELF(1, 2, 2, 8, 0x10000, []phdr{{1, 84, 0x10000, 12, 4}}, tinyCode), "filesz"},
		{"overlap", makeELF(1, 2, 2, 8, 0x10000, []phdr{load, {1, 84, 0x10008, 4, 4}}, tinyCode), "overlaps"},
		{"entry-outside", makeELF(1, 2, 2, 8, 0x20000, []phdr{load}, tinyCode), "entry point"},
		{"no-load", makeELF(1, 2, 2, 8, 0x10000, []phdr{{6, 0, 0, 0, 0}}, tinyCode), "no loadable segments"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadELF(c.elf, []string{"p"}, nil)
			require.ErrorIs(t, err, ErrBadELF)
			require.ErrorContains(t, err, c.msg)
		})
	}
	_, err := LoadELF(tinyELF(), []string{string(make([]byte, 2<<20))}, nil)
	require.ErrorContains(t, err, "arguments and environment")
}

func FuzzLoadELF(f *testing.F) {
	f.Add(tinyELF())
	f.Add(tinyELF()[:70])
	f.Add(makeELF(1, 2, 2, 8, 0x10000, []phdr{{1, 84, 0x10000, 12, 12}, {1, 84, 0x20000, 12, 0x100000}}, tinyCode))
	f.Fuzz(func(t *testing.T, elf []byte) {
		s, err := LoadELF(elf, []string{"p"}, []string{"A=B"})
		if err != nil {
			require.ErrorIs(t, err, ErrBadELF)
			return
		}
		// Whatever loads must be a well-formed state that steps.
		_ = s.Hash()
		_, err = mips.NewVM(s, nil, nil, nil).Step(true)
		require.NoError(t, err)
	})
}
