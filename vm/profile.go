package vm

import (
	"bytes"
	"debug/elf"
	"debug/gosym"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/google/pprof/profile"

	"github.com/aivm-dev/aivm/mips"
)

// DefaultProfilePeriod is the step period of `--profile` samples. A prime, so
// the samples do not lock onto a loop whose length divides the period.
const DefaultProfilePeriod = 997

// maxProfileDepth bounds a sample's unwound stack.
const maxProfileDepth = 64

// StepProfile counts a guest's steps by guest function: a sample every period
// steps (exact with period 1) records the current thread's pc, its call
// stack unwound through the Go pclntab when the ELF has one, the thread and
// whether the step was a quantum expiry. Write turns it into a pprof profile
// (`go tool pprof -top FILE`).
type StepProfile struct {
	period uint64
	syms   *elfSymbols
	counts map[stackKey]int64
	steps  uint64 // steps sampled over: last sample step + period
}

// stackKey is one distinct sample: up to maxProfileDepth pcs (leaf first).
type stackKey struct {
	pcs    [maxProfileDepth]uint32
	depth  uint8
	tid    uint32
	expiry bool
}

// NewStepProfile resolves functions from the ELF's symbol table (and, for Go
// programs, lines and frame sizes from .gopclntab) and samples every period
// steps (0: DefaultProfilePeriod).
func NewStepProfile(elfBytes []byte, period uint64) (*StepProfile, error) {
	if period == 0 {
		period = DefaultProfilePeriod
	}
	syms, err := readELFSymbols(elfBytes)
	if err != nil {
		return nil, err
	}
	return &StepProfile{period: period, syms: syms, counts: map[stackKey]int64{}}, nil
}

// Attach makes m record into p from its next Run on.
func (p *StepProfile) Attach(m *mips.VM) { m.SetSampler(p.period, p.record) }

func (p *StepProfile) record(s *mips.State, smp mips.Sample) {
	k := stackKey{tid: smp.ThreadID, expiry: smp.Expiry}
	t := s.CurrentThread()
	k.depth = uint8(p.syms.unwind(s.Memory, t.PC, t.Regs[29], t.Regs[31], k.pcs[:]))
	p.counts[k]++
	p.steps = smp.Step + p.period
}

// Samples is the number of samples taken so far.
func (p *StepProfile) Samples() int64 {
	var n int64
	for _, c := range p.counts {
		n += c
	}
	return n
}

// Write encodes the profile (gzipped protobuf, pprof's format). Values are
// samples and steps (samples × period); every sample carries a "thread" label.
func (p *StepProfile) Write(w io.Writer) error {
	prof := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "steps", Unit: "count"}},
		PeriodType: &profile.ValueType{Type: "steps", Unit: "count"},
		Period:     int64(p.period),
		Comments:   []string{fmt.Sprintf("aivm VM steps, one sample every %d steps", p.period)},
	}
	prof.DefaultSampleType = "steps"
	mapping := &profile.Mapping{ID: 1, Start: uint64(p.syms.textStart), Limit: uint64(p.syms.textEnd),
		File: "guest", HasFunctions: true, HasFilenames: p.syms.lines != nil, HasLineNumbers: p.syms.lines != nil}
	prof.Mapping = []*profile.Mapping{mapping}
	// One function per name and file: code inlined from another file keeps
	// the caller's name (gosym reports the outer function) with its own file.
	funcs := map[[2]string]*profile.Function{}
	fn := func(name, file string) *profile.Function {
		f, ok := funcs[[2]string{name, file}]
		if !ok {
			f = &profile.Function{ID: uint64(len(funcs) + 1), Name: name, SystemName: name, Filename: file}
			funcs[[2]string{name, file}] = f
			prof.Function = append(prof.Function, f)
		}
		return f
	}
	locs := map[uint32]*profile.Location{}
	loc := func(pc uint32, leaf bool) *profile.Location {
		if l, ok := locs[pc]; ok {
			return l
		}
		lookup := pc
		if !leaf && pc > 0 {
			lookup = pc - 1 // a return address may be past the caller's end
		}
		name, file, line := p.syms.resolve(lookup)
		l := &profile.Location{ID: uint64(len(prof.Location) + 1), Mapping: mapping, Address: uint64(pc),
			Line: []profile.Line{{Function: fn(name, file), Line: int64(line)}}}
		locs[pc] = l
		prof.Location = append(prof.Location, l)
		return l
	}
	var expiry *profile.Location
	keys := make([]stackKey, 0, len(p.counts))
	for k := range p.counts {
		keys = append(keys, k)
	}
	// Deterministic output: the same run writes the same bytes.
	sort.Slice(keys, func(i, j int) bool { return keyLess(&keys[i], &keys[j]) })
	for _, k := range keys {
		c := p.counts[k]
		s := &profile.Sample{Value: []int64{c, c * int64(p.period)},
			Label: map[string][]string{"thread": {strconv.FormatUint(uint64(k.tid), 10)}}}
		if k.expiry {
			if expiry == nil {
				expiry = &profile.Location{ID: uint64(len(prof.Location) + 1),
					Line: []profile.Line{{Function: fn("[quantum expiry]", "")}}}
				prof.Location = append(prof.Location, expiry)
			}
			s.Location = append(s.Location, expiry)
		}
		for i := range int(k.depth) {
			s.Location = append(s.Location, loc(k.pcs[i], i == 0))
		}
		prof.Sample = append(prof.Sample, s)
	}
	if err := prof.CheckValid(); err != nil {
		return fmt.Errorf("step profile: %w", err)
	}
	if err := prof.Write(w); err != nil {
		return fmt.Errorf("step profile: write: %w", err)
	}
	return nil
}

func keyLess(a, b *stackKey) bool {
	if a.tid != b.tid {
		return a.tid < b.tid
	}
	if a.expiry != b.expiry {
		return !a.expiry
	}
	if c := slices.Compare(a.pcs[:a.depth], b.pcs[:b.depth]); c != 0 {
		return c < 0
	}
	return false
}

// elfSymbols resolves guest pcs: function names from the ELF symbol table,
// and for Go programs file:line and frame sizes from .gopclntab.
type elfSymbols struct {
	funcs              []elfFunc // sorted by addr
	textStart, textEnd uint32
	lines              *gosym.Table // nil without .gopclntab
	pcln               *pclntab     // nil without .gopclntab
}

type elfFunc struct {
	addr, size uint32
	name       string
}

func readELFSymbols(b []byte) (*elfSymbols, error) {
	f, err := elf.NewFile(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("step profile: %w: %w", ErrBadELF, err)
	}
	syms, err := f.Symbols()
	if err != nil {
		return nil, fmt.Errorf("step profile: ELF symbol table: %w", err)
	}
	out := &elfSymbols{}
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) == elf.STT_FUNC && s.Value != 0 {
			out.funcs = append(out.funcs, elfFunc{addr: uint32(s.Value), size: uint32(s.Size), name: s.Name})
		}
	}
	if len(out.funcs) == 0 {
		return nil, fmt.Errorf("step profile: the ELF has no function symbols (built with -ldflags=-s?)")
	}
	sort.Slice(out.funcs, func(i, j int) bool { return out.funcs[i].addr < out.funcs[j].addr })
	if t := f.Section(".text"); t != nil {
		out.textStart, out.textEnd = uint32(t.Addr), uint32(t.Addr+t.Size)
	}
	for _, s := range syms {
		if s.Name == "runtime.text" { // Go's pclntab offsets count from here
			out.textStart = uint32(s.Value)
		}
	}
	if sec := f.Section(".gopclntab"); sec != nil {
		data, err := sec.Data()
		if err != nil {
			return nil, fmt.Errorf("step profile: .gopclntab: %w", err)
		}
		if out.lines, err = gosym.NewTable(nil, gosym.NewLineTable(data, uint64(out.textStart))); err != nil {
			return nil, fmt.Errorf("step profile: .gopclntab: %w", err)
		}
		out.pcln = parsePclntab(data, out.textStart)
	}
	return out, nil
}

// resolve names the function holding pc (and its file and line for Go).
func (e *elfSymbols) resolve(pc uint32) (name, file string, line int) {
	i := sort.Search(len(e.funcs), func(i int) bool { return e.funcs[i].addr > pc }) - 1
	switch {
	case i < 0:
		name = fmt.Sprintf("[unknown %#x]", pc)
	case e.funcs[i].size != 0 && pc-e.funcs[i].addr >= e.funcs[i].size:
		name = fmt.Sprintf("[unknown %#x after %s]", pc, e.funcs[i].name)
	default:
		name = e.funcs[i].name
	}
	if e.lines != nil {
		file, line, _ = e.lines.PCToLine(uint64(pc))
	}
	return name, file, line
}

// unwind writes the call stack of a thread at pc (leaf first) into pcs and
// returns its depth: the leaf alone unless the program is Go, whose frames
// it walks like the runtime does on an LR machine (the frame size at each pc
// from the pcsp table; the innermost frame's return address is in ra until
// the prologue saved it at 0(sp), every outer one's is at 0(sp)).
func (e *elfSymbols) unwind(m *mips.Memory, pc, sp, ra uint32, pcs []uint32) int {
	pcs[0] = pc
	if e.pcln == nil {
		return 1
	}
	n := 1
	for n < len(pcs) {
		f := e.pcln.find(pc)
		if f == nil || f.topOfStack {
			break
		}
		delta, ok := e.pcln.spDelta(f, pc)
		if !ok || delta < 0 || sp&3 != 0 {
			break
		}
		var lr uint32
		if n == 1 && delta == 0 {
			lr = ra
		} else {
			lr = m.GetWord(sp)
		}
		if lr == 0 {
			break
		}
		pc, sp = lr, sp+uint32(delta)
		pcs[n] = pc
		n++
	}
	return n
}

// pclntab is the part of a Go 1.20+ .gopclntab that unwinding needs: the
// function table and the pc→sp-delta tables (runtime/symtab.go).
type pclntab struct {
	data      []byte
	textStart uint32
	pctab     []byte
	funcs     []pclnFunc // sorted by entry
}

type pclnFunc struct {
	entry, end uint32
	pcsp       uint32 // offset into pctab
	topOfStack bool   // the runtime stops unwinding here
}

const (
	go120Magic     = 0xFFFFFFF1
	funcFlagOffset = 41     // abi.FuncFlag in runtime._func
	funcFlagTop    = 1 << 0 // abi.FuncFlagTopFrame
)

// parsePclntab returns nil unless data is a 32-bit Go 1.20+ pclntab.
func parsePclntab(data []byte, textStart uint32) *pclntab {
	be := binary.BigEndian
	if len(data) < 8+4*8 || be.Uint32(data) != go120Magic || data[7] != 4 {
		return nil
	}
	word := func(i int) uint32 { return be.Uint32(data[8+4*i:]) }
	nfunc, pctabOff, pclnOff := word(0), word(6), word(7)
	if uint64(pclnOff)+8*uint64(nfunc+1) > uint64(len(data)) || pctabOff > uint32(len(data)) {
		return nil
	}
	t := &pclntab{data: data, textStart: textStart, pctab: data[pctabOff:]}
	ft := data[pclnOff:]
	for i := range nfunc {
		entry, foff := be.Uint32(ft[8*i:]), be.Uint32(ft[8*i+4:])
		fd := uint64(pclnOff) + uint64(foff)
		if fd+44 > uint64(len(data)) {
			return nil
		}
		f := pclnFunc{entry: textStart + entry, end: textStart + be.Uint32(ft[8*(i+1):]),
			pcsp: be.Uint32(data[fd+16:]), topOfStack: data[fd+funcFlagOffset]&funcFlagTop != 0}
		t.funcs = append(t.funcs, f)
	}
	return t
}

func (t *pclntab) find(pc uint32) *pclnFunc {
	i := sort.Search(len(t.funcs), func(i int) bool { return t.funcs[i].end > pc })
	if i == len(t.funcs) || pc < t.funcs[i].entry {
		return nil
	}
	return &t.funcs[i]
}

// spDelta evaluates f's pcsp table at pc (runtime.pcvalue).
func (t *pclntab) spDelta(f *pclnFunc, pc uint32) (int32, bool) {
	if f.pcsp == 0 || f.pcsp >= uint32(len(t.pctab)) {
		return 0, false
	}
	p := t.pctab[f.pcsp:]
	val, at := int32(-1), f.entry
	for first := true; ; first = false {
		uv, n := binary.Uvarint(p)
		if n <= 0 || uv == 0 && !first {
			return 0, false
		}
		val += int32(-(uint32(uv) & 1) ^ (uint32(uv) >> 1))
		p = p[n:]
		d, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, false
		}
		p = p[n:]
		at += uint32(d) * 4 // pc quantum on mips
		if pc < at {
			return val, true
		}
	}
}
