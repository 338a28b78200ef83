package vm

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/mips"
)

// ELF constants used by the loader.
const (
	etExec    = 2
	etDyn     = 3
	emMIPS    = 8
	ptLoad    = 1
	ptDynamic = 2
	ptInterp  = 3

	ehdrSize = 52
	phdrSize = 32

	// Segments must lie in [mips.NullPageEnd, segmentLimit) (1.10), far
	// below the mmap heap and the initial stack.
	segmentLimit = 0x40000000

	// maxStartupBytes bounds argv+env+auxv so the stack block stays sane.
	maxStartupBytes = 1 << 20

	atNull   = 0
	atPagesz = 6
	atRandom = 25
)

// ErrBadELF wraps every loader rejection.
var ErrBadELF = errors.New("bad ELF")

// AtRandom are the 16 fixed "random" bytes AT_RANDOM points at: the first 16
// bytes of keccak("aivm AT_RANDOM"). The Go runtime seeds its hash and rand
// state from them; both halves must be non-zero or it falls back to
// /dev/urandom.
var AtRandom = func() (r [16]byte) {
	h := mips.Keccak256([]byte("aivm AT_RANDOM"))
	copy(r[:], h[:16])
	return r
}()

type segment struct {
	vaddr, filesz, memsz uint32
	data                 []byte
}

func badELF(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadELF, fmt.Sprintf(format, args...))
}

// LoadELF builds the initial state of a static big-endian MIPS32 Go program
// (docs/protocol.md 1.10). args is the full argv (args[0] is the program
// name); env holds KEY=VALUE strings.
//
// Initial stack, from StackTop (0x7FFFF000) down:
//
//	[StackTop-16, StackTop)  the 16 AT_RANDOM bytes
//	strings                  argv[0..], then env[0..], each NUL-terminated,
//	                         packed downward so the last byte of env ends
//	                         right below the random bytes; start 4-aligned
//	sp (16-aligned) →        argc, argv[0..argc-1], 0, envp[..], 0,
//	                         AT_PAGESZ 4096, AT_RANDOM &random, AT_NULL 0
//
// This is what the Go runtime reads (runtime.args, sysargs, sysauxv): argc,
// argv, envp and the auxv entries AT_PAGESZ and AT_RANDOM.
func LoadELF(elf []byte, args, env []string) (*mips.State, error) {
	entry, segs, err := parseELF(elf)
	if err != nil {
		return nil, err
	}
	mem := mips.NewMemory()
	for _, sg := range segs {
		mem.SetBytes(sg.vaddr, sg.data)
	}
	sp, err := buildStack(mem, args, env)
	if err != nil {
		return nil, err
	}
	t := &mips.Thread{ID: 1, PC: entry, NextPC: entry + 4}
	t.Regs[29] = sp
	return &mips.State{
		Memory:       mem,
		Heap:         mips.InitialHeap,
		LeftStack:    []*mips.Thread{t},
		NextThreadID: 2,
	}, nil
}

func parseELF(elf []byte) (entry uint32, segs []segment, err error) {
	if len(elf) < 16 || string(elf[:4]) != "\x7fELF" {
		return 0, nil, badELF("not an ELF file")
	}
	if elf[4] != 1 {
		return 0, nil, badELF("not a 32-bit ELF (EI_CLASS %d)", elf[4])
	}
	if elf[5] != 2 {
		return 0, nil, badELF("not big-endian (EI_DATA %d); build with GOARCH=mips, not mipsle", elf[5])
	}
	if len(elf) < ehdrSize {
		return 0, nil, badELF("truncated ELF header (%d bytes)", len(elf))
	}
	be := binary.BigEndian
	if m := be.Uint16(elf[18:]); m != emMIPS {
		return 0, nil, badELF("not a MIPS executable (e_machine %d)", m)
	}
	switch typ := be.Uint16(elf[16:]); typ {
	case etExec:
	case etDyn:
		return 0, nil, badELF("not a static executable (ET_DYN: PIE or shared object); build with CGO_ENABLED=0")
	default:
		return 0, nil, badELF("not an executable (e_type %d)", typ)
	}
	entry = be.Uint32(elf[24:])
	phoff := uint64(be.Uint32(elf[28:]))
	phentsize := uint64(be.Uint16(elf[42:]))
	phnum := uint64(be.Uint16(elf[44:]))
	if phnum == 0 {
		return 0, nil, badELF("no program headers")
	}
	if phentsize < phdrSize {
		return 0, nil, badELF("program header entry size %d < %d", phentsize, phdrSize)
	}
	if phoff+phnum*phentsize > uint64(len(elf)) {
		return 0, nil, badELF("truncated: program headers end at %d, file has %d bytes", phoff+phnum*phentsize, len(elf))
	}
	entryOK := false
	for i := uint64(0); i < phnum; i++ {
		ph := elf[phoff+i*phentsize:]
		typ := be.Uint32(ph[0:])
		switch typ {
		case ptInterp:
			return 0, nil, badELF("dynamically linked (PT_INTERP); build with CGO_ENABLED=0")
		case ptDynamic:
			return 0, nil, badELF("dynamically linked (PT_DYNAMIC); build with CGO_ENABLED=0")
		case ptLoad:
		default:
			continue
		}
		off, vaddr := uint64(be.Uint32(ph[4:])), uint64(be.Uint32(ph[8:]))
		filesz, memsz := uint64(be.Uint32(ph[16:])), uint64(be.Uint32(ph[20:]))
		if filesz > memsz {
			return 0, nil, badELF("segment %d: filesz %d > memsz %d", i, filesz, memsz)
		}
		if off+filesz > uint64(len(elf)) {
			return 0, nil, badELF("truncated: segment %d data ends at %d, file has %d bytes", i, off+filesz, len(elf))
		}
		if memsz == 0 {
			continue
		}
		if vaddr < mips.NullPageEnd || vaddr+memsz > segmentLimit {
			return 0, nil, badELF("segment %d [%#x, %#x) outside the loadable range [%#x, %#x)", i, vaddr, vaddr+memsz, mips.NullPageEnd, segmentLimit)
		}
		for j, o := range segs {
			if vaddr < uint64(o.vaddr)+uint64(o.memsz) && uint64(o.vaddr) < vaddr+memsz {
				return 0, nil, badELF("segment %d overlaps segment %d", i, j)
			}
		}
		segs = append(segs, segment{vaddr: uint32(vaddr), filesz: uint32(filesz), memsz: uint32(memsz), data: elf[off : off+filesz]})
		if uint64(entry) >= vaddr && uint64(entry) < vaddr+memsz {
			entryOK = true
		}
	}
	if len(segs) == 0 {
		return 0, nil, badELF("no loadable segments")
	}
	if !entryOK {
		return 0, nil, badELF("entry point %#x is not in a loadable segment", entry)
	}
	return entry, segs, nil
}

// buildStack writes the initial stack (layout in LoadELF) and returns sp.
func buildStack(mem *mips.Memory, args, env []string) (uint32, error) {
	strBytes := 0
	for _, s := range append(append([]string(nil), args...), env...) {
		strBytes += len(s) + 1
	}
	words := 1 + len(args) + 1 + len(env) + 1 + 6
	if strBytes+4*words > maxStartupBytes {
		return 0, fmt.Errorf("arguments and environment take %d bytes, limit %d", strBytes+4*words, maxStartupBytes)
	}
	randAddr := uint32(mips.StackTop - 16)
	mem.SetBytes(randAddr, AtRandom[:])

	strBase := (randAddr - uint32(strBytes)) &^ 3
	ptrs := make([]uint32, 0, len(args)+len(env))
	a := strBase
	for _, s := range append(append([]string(nil), args...), env...) {
		ptrs = append(ptrs, a)
		mem.SetBytes(a, append([]byte(s), 0))
		a += uint32(len(s) + 1)
	}
	sp := (strBase - uint32(4*words)) &^ 15
	block := make([]uint32, 0, words)
	block = append(block, uint32(len(args)))
	block = append(block, ptrs[:len(args)]...)
	block = append(block, 0)
	block = append(block, ptrs[len(args):]...)
	block = append(block, 0, atPagesz, mips.PageSize, atRandom, randAddr, atNull, 0)
	buf := make([]byte, 4*len(block))
	for i, w := range block {
		binary.BigEndian.PutUint32(buf[4*i:], w)
	}
	mem.SetBytes(sp, buf)
	return sp, nil
}
