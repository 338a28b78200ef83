package vm_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/testenv"
	"github.com/aivm-dev/aivm/vm"
	"github.com/stretchr/testify/require"
)

// This file checks the VM's instruction semantics against qemu-user, an
// independent MIPS implementation. The whole-program guests (guests_vm_test.go)
// only exercise what Go's compiler emits, with the operands Go programs happen
// to produce; here a seeded generator writes assembly that runs every
// supported instruction on edge and random operands, stores every result
// register into a buffer and writes the buffer to stdout. qemu-mips and the VM
// must produce byte-identical output. docs/isa.md ("Instruction semantics vs
// qemu-user") records what is covered.

// isaSeeds are the generator seeds of the default run: several small
// programs rather than one big one, so a regression in one instruction shows
// up with different surrounding register states.
var isaSeeds = []uint64{1, 2, 3}

// isaDefaultCases is the number of random cases per program (plus the fixed
// edge cases every program starts with); AIVM_ISA_CASES overrides it.
const isaDefaultCases = 300

// isaTools returns the paths of the assembler, the linker and qemu-mips; a
// missing one skips the test locally and fails it in CI (testenv), where
// the instruction reference check must run.
func isaTools(t *testing.T) (as, ld, qemu string) {
	t.Helper()
	const binutils = "Debian package binutils-mips-linux-gnu, make setup"
	as = testenv.RequireTool(t, binutils, "mips-linux-gnu-as")
	ld = testenv.RequireTool(t, binutils, "mips-linux-gnu-ld")
	qemu = testenv.RequireTool(t, "Debian package qemu-user, make setup", "qemu-mips")
	return as, ld, qemu
}

// isaAssemble assembles and statically links src; -Ttext puts the code where
// a Go binary would sit (1.10 requires segments above the null page and below
// 0x40000000). --fatal-warnings together with `.set nomacro` in the source
// guarantees that every line is exactly one machine instruction: GAS would
// otherwise silently expand some mnemonics (two-operand div, for example,
// gets a divide-by-zero check) and we would test the expansion instead.
func isaAssemble(t *testing.T, as, ld, dir, name, src string) string {
	t.Helper()
	s := filepath.Join(dir, name+".s")
	o := filepath.Join(dir, name+".o")
	elf := filepath.Join(dir, name+".elf")
	require.NoError(t, os.WriteFile(s, []byte(src), 0o644))
	for _, c := range [][]string{
		{as, "-march=mips32r2", "-EB", "--fatal-warnings", "-o", o, s},
		{ld, "-EB", "-static", "-Ttext-segment=0x400000", "-e", "__start", "-o", elf, o},
	} {
		out, err := exec.Command(c[0], c[1:]...).CombinedOutput()
		require.NoError(t, err, "%s: %s", filepath.Base(c[0]), out)
	}
	return elf
}

// isaQEMU runs elf under qemu-mips in dir (qemu-user writes core files into
// its working directory when the guest dies of a signal). signaled reports a
// guest killed by a signal, which exec reports as exit code -1.
func isaQEMU(t *testing.T, qemu, dir, elf string) (stdout []byte, code int, signaled bool) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), qemu, elf)
	cmd.Dir = dir
	cmd.Env = []string{}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return o.Bytes(), -1, true
		}
		return o.Bytes(), exit.ExitCode(), false
	}
	require.NoError(t, err, "qemu-mips: %s", e.String())
	return o.Bytes(), 0, false
}

// isaRun is one VM execution of a generated program.
type isaRun struct {
	path  string
	out   []byte
	state *mips.State
}

// isaVM runs elf in the VM twice: with Run (the fast interpreter, what
// hosts execute) and step by step with witnesses, checking each step with
// VerifyStep (the proof path that mirrors MIPS.sol). The caller compares
// both with qemu.
func isaVM(t *testing.T, elfPath string) []isaRun {
	t.Helper()
	elf, err := os.ReadFile(elfPath)
	require.NoError(t, err)
	load := func() *mips.State {
		s, err := vm.LoadELF(elf, []string{"isaref"}, nil)
		require.NoError(t, err)
		return s
	}
	fast := load()
	var fastOut bytes.Buffer
	require.NoError(t, mips.NewVM(fast, nil, &fastOut, nil).Run(context.Background(), isaMaxSteps))
	require.True(t, fast.Exited, "program did not exit")

	s := load()
	var out bytes.Buffer
	m := mips.NewVM(s, nil, &out, nil)
	for !s.Exited {
		require.Less(t, s.Step, uint64(isaMaxSteps), "step limit")
		w, err := m.Step(true)
		require.NoError(t, err)
		post, err := mips.VerifyStep(w)
		require.NoError(t, err, "VerifyStep at step %d", s.Step-1)
		require.Equal(t, s.Hash(), post, "VerifyStep post-state differs from the VM at step %d", s.Step-1)
	}
	return []isaRun{{"Run", fastOut.Bytes(), fast}, {"Step+VerifyStep", out.Bytes(), s}}
}

// isaMaxSteps bounds a generated program (about 10 steps per case).
const isaMaxSteps = 50_000_000

// Register conventions of generated programs: $16 points into the output
// buffer, $17 at the data area (64 known bytes, then a 16-byte scratch area
// for stores and ll/sc). $29 (sp) is left alone. Everything else is fair game
// as an operand, including $1 (at, hence `.set noat`) and $31.
const (
	regOut     = 16
	regData    = 17
	dataBytes  = 64
	scratchOff = dataBytes
)

var isaRegs = func() (r []int) {
	for i := 1; i < 32; i++ {
		if i != regOut && i != regData && i != 29 {
			r = append(r, i)
		}
	}
	return r
}()

// isaEdge32 are the register values at which implementations typically go
// wrong: zero, ±1, the signed extremes, and half-word boundaries.
var isaEdge32 = []uint32{0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 2,
	0x0000ffff, 0xffff0000, 0x00008000, 0xffff8000, 0x00007fff, 0x55555555, 0xaaaaaaaa}

// isaEdgeShift are variable-shift amounts: only rs & 31 counts, so 32 and
// above must wrap.
var isaEdgeShift = []uint32{0, 1, 31, 32, 33, 63, 0xffffffff, 0x80000000, 0x7fffffe1}

var isaEdge16 = []int32{0, 1, -1, 0x7fff, -0x8000, 2, -2, 0x00ff, -0x100}

type isaGen struct {
	rng   *rand.Rand
	b     strings.Builder
	off   int      // offset of the next output word from $16
	outN  int      // output words so far
	cases []string // the assembly of each case, for failure messages
	owner []int    // case index of each output word
	label int
	start int // builder length at the start of the current case
}

func (g *isaGen) emit(format string, args ...any) {
	fmt.Fprintf(&g.b, "\t"+format+"\n", args...)
}

func (g *isaGen) newLabel() string {
	g.label++
	return "L" + strconv.Itoa(g.label)
}

// begin and end bracket a case so a mismatching output word can be traced
// back to the instructions that produced it.
func (g *isaGen) begin(desc string) {
	g.start = g.b.Len()
	g.emit("# %s", desc)
}

func (g *isaGen) end() {
	g.cases = append(g.cases, g.b.String()[g.start:])
}

// li loads v with exactly two instructions (no `li` macro: its length
// depends on the value).
func (g *isaGen) li(r int, v uint32) {
	g.emit("lui $%d, 0x%x", r, v>>16)
	g.emit("ori $%d, $%d, 0x%x", r, r, v&0xffff)
}

// la loads the address of label (%hi is adjusted for addiu's sign extension).
func (g *isaGen) la(r int, label string) {
	g.emit("lui $%d, %%hi(%s)", r, label)
	g.emit("addiu $%d, $%d, %%lo(%s)", r, r, label)
}

// out stores register r as the next output word. The offset field is 16-bit
// signed, so $16 is advanced before it runs out (large AIVM_ISA_CASES).
func (g *isaGen) out(r int) {
	if g.off >= 0x7ff0 {
		g.emit("addiu $%d, $%d, %d", regOut, regOut, g.off)
		g.off = 0
	}
	g.emit("sw $%d, %d($%d)", r, g.off, regOut)
	g.off += 4
	g.outN++
	g.owner = append(g.owner, len(g.cases))
}

// regs returns n distinct operand registers.
func (g *isaGen) regs(n int) []int {
	p := g.rng.Perm(len(isaRegs))[:n]
	r := make([]int, n)
	for i, j := range p {
		r[i] = isaRegs[j]
	}
	return r
}

func (g *isaGen) val() uint32 {
	switch g.rng.IntN(10) {
	case 0, 1, 2, 3:
		return isaEdge32[g.rng.IntN(len(isaEdge32))]
	case 4, 5:
		// Small magnitudes of either sign, where carries and sign bits meet.
		return uint32(int32(g.rng.IntN(33) - 16))
	default:
		// Random width, so that not every value has its top bit set half the time.
		return g.rng.Uint32() >> g.rng.IntN(32)
	}
}

func (g *isaGen) imm16() int32 {
	if g.rng.IntN(3) == 0 {
		return isaEdge16[g.rng.IntN(len(isaEdge16))]
	}
	return int32(int16(g.rng.Uint32()))
}

// dest is the destination register: usually fresh, sometimes one of the
// sources (an instruction reads its sources before writing), rarely $0
// (writes discarded).
func (g *isaGen) dest(fresh int, srcs ...int) int {
	switch g.rng.IntN(20) {
	case 0:
		return 0
	case 1, 2:
		return srcs[g.rng.IntN(len(srcs))]
	}
	return fresh
}

func overflows(op string, a, b uint32) bool {
	x, y := int64(int32(a)), int64(int32(b))
	r := x + y
	if op == "sub" {
		r = x - y
	}
	return r != int64(int32(r))
}

func (g *isaGen) alu3(op string) {
	r := g.regs(3)
	rs, rt := r[0], r[1]
	a, b := g.val(), g.val()
	if op == "movz" || op == "movn" {
		if g.rng.IntN(2) == 0 {
			b = 0 // the condition register; otherwise zero would be rare
		}
	}
	for (op == "add" || op == "sub") && overflows(op, a, b) {
		b >>= 1 // overflow traps (tested separately); shrink until it does not
	}
	rd := g.dest(r[2], rs, rt)
	g.begin(fmt.Sprintf("%s rs=%#x rt=%#x", op, a, b))
	if rd != 0 && rd != rs && rd != rt {
		g.li(rd, g.val()) // movz/movn keep it when the condition fails
	}
	g.op3(op, rd, rs, a, rt, b)
}

// op3 loads x and y, runs `op rd, x, y`, stores rd and ends the case.
func (g *isaGen) op3(op string, rd, x int, xv uint32, y int, yv uint32) {
	g.li(x, xv)
	g.li(y, yv)
	g.emit("%s $%d, $%d, $%d", op, rd, x, y)
	g.out(rd)
	g.end()
}

func (g *isaGen) shiftv(op string) {
	r := g.regs(3)
	rs, rt := r[0], r[1]
	sh := g.rng.Uint32()
	if g.rng.IntN(2) == 0 {
		sh = isaEdgeShift[g.rng.IntN(len(isaEdgeShift))]
	}
	v := g.val()
	rd := g.dest(r[2], rs, rt)
	g.begin(fmt.Sprintf("%s rt=%#x rs=%#x", op, v, sh))
	g.op3(op, rd, rt, v, rs, sh) // sllv rd, rt, rs: the value comes first
}

func (g *isaGen) shifti(op string) {
	r := g.regs(2)
	sa := []int{0, 1, 31, 16, g.rng.IntN(32), g.rng.IntN(32)}[g.rng.IntN(6)]
	v := g.val()
	rd := g.dest(r[1], r[0])
	g.begin(fmt.Sprintf("%s rt=%#x sa=%d", op, v, sa))
	g.li(r[0], v)
	g.emit("%s $%d, $%d, %d", op, rd, r[0], sa)
	g.out(rd)
	g.end()
}

// hilo runs a multiply/divide with hi and lo preset (mthi/mtlo) so that the
// accumulating forms add to something non-trivial and the others must
// overwrite both.
func (g *isaGen) hilo(op string, a, b uint32) {
	r := g.regs(2)
	hi, lo := g.val(), g.val()
	g.begin(fmt.Sprintf("%s rs=%#x rt=%#x hi=%#x lo=%#x", op, a, b, hi, lo))
	g.li(r[0], hi)
	g.li(r[1], lo)
	g.emit("mthi $%d", r[0])
	g.emit("mtlo $%d", r[1])
	g.li(r[0], a)
	g.li(r[1], b)
	switch op {
	case "div", "divu":
		// The three-operand form with $zero is the bare instruction; the
		// two-operand form is a GAS macro with a zero check.
		g.emit("%s $0, $%d, $%d", op, r[0], r[1])
	case "mthi/mtlo":
		g.emit("mthi $%d", r[0])
		g.emit("mtlo $%d", r[1])
	default:
		g.emit("%s $%d, $%d", op, r[0], r[1])
	}
	g.emit("mfhi $%d", r[0])
	g.emit("mflo $%d", r[1])
	g.out(r[0])
	g.out(r[1])
	g.end()
}

func (g *isaGen) unary(op string) {
	r := g.regs(2)
	v := g.val()
	if g.rng.IntN(3) == 0 {
		// clz/clo count leading bits: make every count reachable.
		v = 0xffffffff >> g.rng.IntN(33)
		if g.rng.IntN(2) == 0 {
			v = ^v
		}
	}
	rd := g.dest(r[1], r[0])
	g.begin(fmt.Sprintf("%s %#x", op, v))
	g.li(r[0], v)
	g.emit("%s $%d, $%d", op, rd, r[0])
	g.out(rd)
	g.end()
}

// extIns uses only valid fields (1.6 makes the others reserved instructions,
// as qemu does; MIPS calls them UNPREDICTABLE).
func (g *isaGen) extIns(op string) {
	r := g.regs(2)
	pos := g.rng.IntN(32)
	size := 1 + g.rng.IntN(32-pos)
	if g.rng.IntN(4) == 0 {
		pos = []int{0, 0, 31, 16}[g.rng.IntN(4)]
		size = 32 - pos
		if g.rng.IntN(2) == 0 {
			size = 1
		}
	}
	src, old := g.val(), g.val()
	g.begin(fmt.Sprintf("%s rs=%#x rt=%#x pos=%d size=%d", op, src, old, pos, size))
	g.li(r[0], src)
	g.li(r[1], old)
	g.emit("%s $%d, $%d, %d, %d", op, r[1], r[0], pos, size)
	g.out(r[1])
	g.end()
}

func (g *isaGen) imm(op string) {
	r := g.regs(2)
	v := g.val()
	i := g.imm16()
	rt := g.dest(r[1], r[0])
	for op == "addi" && overflows("add", v, uint32(i)) {
		v >>= 1
	}
	g.begin(fmt.Sprintf("%s rs=%#x imm=%d", op, v, i))
	g.li(r[0], v)
	switch op {
	case "andi", "ori", "xori", "lui":
		// Zero-extended immediates: GAS wants them unsigned.
		if op == "lui" {
			g.emit("lui $%d, 0x%x", rt, uint16(i))
		} else {
			g.emit("%s $%d, $%d, 0x%x", op, rt, r[0], uint16(i))
		}
	default:
		g.emit("%s $%d, $%d, %d", op, rt, r[0], i)
	}
	g.out(rt)
	g.end()
}

// base points a random register near the target so the effective address
// (rs + signext(imm)) is exercised with negative and positive offsets.
func (g *isaGen) base(r int, target int) int {
	k := g.rng.IntN(96) - 16
	g.emit("addiu $%d, $%d, %d", r, regData, k)
	return target - k
}

var isaAlign = map[string]int{"lb": 1, "lbu": 1, "lh": 2, "lhu": 2, "lw": 4, "lwl": 1, "lwr": 1,
	"sb": 1, "sh": 2, "sw": 4, "swl": 1, "swr": 1, "ll": 4}

func (g *isaGen) load(op string, at int) {
	r := g.regs(2)
	old := g.val() // lwl/lwr merge into it
	g.begin(fmt.Sprintf("%s data+%d old=%#x", op, at, old))
	g.li(r[1], old)
	imm := g.base(r[0], at)
	rt := r[1]
	if g.rng.IntN(10) == 0 {
		rt = r[0] // the loaded value replaces the base register
	}
	g.emit("%s $%d, %d($%d)", op, rt, imm, r[0])
	g.out(rt)
	g.end()
}

// store writes into two scratch words with known contents and reads both
// back, so bytes the store must not touch are checked too.
func (g *isaGen) store(op string, at int) {
	r := g.regs(2)
	w0, w1, v := g.val(), g.val(), g.val()
	g.begin(fmt.Sprintf("%s scratch+%d v=%#x words=%#x,%#x", op, at, v, w0, w1))
	g.li(r[1], w0)
	g.emit("sw $%d, %d($%d)", r[1], scratchOff, regData)
	g.li(r[1], w1)
	g.emit("sw $%d, %d($%d)", r[1], scratchOff+4, regData)
	g.li(r[1], v)
	imm := g.base(r[0], scratchOff+at)
	g.emit("%s $%d, %d($%d)", op, r[1], imm, r[0])
	g.emit("lw $%d, %d($%d)", r[1], scratchOff, regData)
	g.out(r[1])
	g.emit("lw $%d, %d($%d)", r[1], scratchOff+4, regData)
	g.out(r[1])
	g.end()
}

// branch records which of delay slot (1), fall-through (2) and target (4)
// ran in a marker register, and for the linking forms r31 relative to the
// branch (always 8: links write pc+8 whether or not taken). The target is
// either after the branch or before it (negative offset).
func (g *isaGen) branch(op string) {
	r := g.regs(4)
	rs, rt, m, tmp := r[0], r[1], r[2], r[3]
	a, b := g.val(), g.val()
	switch {
	case g.rng.IntN(3) == 0:
		b = a
	case op != "beq" && op != "bne" && g.rng.IntN(3) == 0:
		a = 0 // blez/bgez/… boundary
	}
	link := strings.HasSuffix(op, "al")
	if link && g.rng.IntN(6) == 0 {
		rs = 31 // compares the old r31 (1.6)
	}
	g.begin(fmt.Sprintf("%s rs=%#x rt=%#x", op, a, b))
	br, target, done := g.newLabel(), g.newLabel(), g.newLabel()
	backward := g.rng.IntN(2) == 0
	if backward {
		start := g.newLabel()
		g.emit("beq $0, $0, %s", start)
		g.emit("nop")
		fmt.Fprintf(&g.b, "%s:\n", target)
		g.emit("ori $%d, $%d, 4", m, m)
		g.emit("beq $0, $0, %s", done)
		g.emit("nop")
		fmt.Fprintf(&g.b, "%s:\n", start)
	}
	g.li(rt, b)
	g.li(rs, a)
	g.emit("ori $%d, $0, 0", m)
	fmt.Fprintf(&g.b, "%s:\n", br)
	switch {
	case op == "beq" || op == "bne":
		g.emit("%s $%d, $%d, %s", op, rs, rt, target)
	case rs == 31:
		// GAS refuses an $31 source for the linking forms (MIPS calls it
		// UNPREDICTABLE), so encode it by hand: REGIMM, rt 0x10/0x11.
		g.emit(".word 0x%08x | (((%s - %s - 4) >> 2) & 0xffff) # %s $31, %s",
			1<<26|31<<21|map[string]uint32{"bltzal": 0x10, "bgezal": 0x11}[op]<<16, target, br, op, target)
	default:
		g.emit("%s $%d, %s", op, rs, target)
	}
	g.emit("ori $%d, $%d, 1", m, m)
	g.emit("ori $%d, $%d, 2", m, m)
	if !backward {
		fmt.Fprintf(&g.b, "%s:\n", target)
		g.emit("ori $%d, $%d, 4", m, m)
	}
	fmt.Fprintf(&g.b, "%s:\n", done)
	g.out(m)
	if link {
		g.la(tmp, br)
		g.emit("subu $%d, $31, $%d", tmp, tmp)
		g.out(tmp)
	}
	g.end()
}

// jump covers j, jal, jr and jalr (rd random, including rd == rs, which
// jumps to the old rs). GAS refuses `jalr rd, rd`, so that one is a .word.
func (g *isaGen) jump(op string) {
	r := g.regs(3)
	m, tmp, rs := r[0], r[1], r[2]
	g.begin(op)
	at, target := g.newLabel(), g.newLabel()
	rd := 31
	if op == "jalr" && g.rng.IntN(2) == 0 {
		rd = g.regs(1)[0]
		if g.rng.IntN(3) == 0 {
			rd = rs
		}
	}
	if op == "jr" || op == "jalr" {
		g.la(rs, target)
	}
	g.emit("ori $%d, $0, 0", m)
	if rd == m {
		m = tmp // keep the marker out of the link's way
		g.emit("ori $%d, $0, 0", m)
	}
	fmt.Fprintf(&g.b, "%s:\n", at)
	switch op {
	case "j", "jal":
		g.emit("%s %s", op, target)
	case "jr":
		g.emit("jr $%d", rs)
	case "jalr":
		g.emit(".word 0x%08x # jalr $%d, $%d", uint32(rs)<<21|uint32(rd)<<11|9, rd, rs)
	}
	g.emit("ori $%d, $%d, 1", m, m)
	g.emit("ori $%d, $%d, 2", m, m)
	fmt.Fprintf(&g.b, "%s:\n", target)
	g.emit("ori $%d, $%d, 4", m, m)
	g.out(m)
	if op == "jal" || op == "jalr" {
		l := g.regs(1)[0]
		for l == rd {
			l = g.regs(1)[0]
		}
		g.la(l, at)
		g.emit("subu $%d, $%d, $%d", l, rd, l)
		g.out(l)
	}
	g.end()
}

// llsc: ll then sc to the same word succeeds (single thread, no switch in
// between); a second sc, or an sc to another word after ll, fails and stores
// nothing.
func (g *isaGen) llsc() {
	r := g.regs(2)
	at := scratchOff + 4*g.rng.IntN(2)
	other := scratchOff + 8 + 4*g.rng.IntN(2)
	w, v := g.val(), g.val()
	if v == w {
		// qemu's sc is value-based (it succeeds while the address matches
		// the last ll's and memory still holds the ll'd value, and no sc
		// clears that), so a second sc after storing the same value would
		// succeed there; the VM clears the reservation on every sc (1.6),
		// as hardware clears LLbit. Different values keep qemu a reference.
		v = ^w
	}
	g.begin(fmt.Sprintf("ll/sc scratch+%d w=%#x v=%#x", at, w, v))
	// A quantum expiry between ll and sc clears the reservation (1.5), a
	// legal spurious sc failure that qemu never has. sched_yield starts a
	// fresh quantum first (it clobbers only v0 and a3, loaded below).
	g.emit("ori $2, $0, 4162")
	g.emit("syscall")
	g.li(r[1], w)
	g.emit("sw $%d, %d($%d)", r[1], at, regData)
	imm := g.base(r[0], at)
	g.emit("ll $%d, %d($%d)", r[1], imm, r[0])
	g.out(r[1])
	g.li(r[1], v)
	g.emit("sc $%d, %d($%d)", r[1], imm, r[0])
	g.out(r[1]) // 1
	g.li(r[1], ^v)
	g.emit("sc $%d, %d($%d)", r[1], imm, r[0])
	g.out(r[1]) // 0: the first sc cleared the reservation
	g.emit("ll $%d, %d($%d)", r[1], imm, r[0])
	g.out(r[1]) // v
	g.emit("sc $%d, %d($%d)", r[1], other, regData)
	g.out(r[1]) // 0: other address
	g.emit("lw $%d, %d($%d)", r[1], at, regData)
	g.out(r[1])
	g.emit("lw $%d, %d($%d)", r[1], other, regData)
	g.out(r[1])
	g.end()
}

var (
	isaALU3    = []string{"addu", "subu", "and", "or", "xor", "nor", "slt", "sltu", "add", "sub", "mul", "movz", "movn"}
	isaShiftV  = []string{"sllv", "srlv", "srav"}
	isaShiftI  = []string{"sll", "srl", "sra"}
	isaHiLo    = []string{"mult", "multu", "div", "divu", "madd", "maddu", "msub", "msubu", "mthi/mtlo"}
	isaUnary   = []string{"clz", "clo", "seb", "seh", "wsbh"}
	isaImm     = []string{"addiu", "slti", "sltiu", "andi", "ori", "xori", "addi", "lui"}
	isaLoads   = []string{"lb", "lbu", "lh", "lhu", "lw", "lwl", "lwr"}
	isaStores  = []string{"sb", "sh", "sw", "swl", "swr"}
	isaBranch  = []string{"beq", "bne", "blez", "bgtz", "bltz", "bgez", "bltzal", "bgezal"}
	isaJumps   = []string{"j", "jal", "jr", "jalr"}
	isaAllKind = [][]string{isaALU3, isaShiftV, isaShiftI, isaHiLo, isaUnary, {"ext", "ins"}, isaImm,
		isaLoads, isaStores, isaBranch, isaJumps, {"ll/sc"}}
)

func (g *isaGen) random(op string) {
	switch {
	case slices.Contains(isaALU3, op):
		g.alu3(op)
	case slices.Contains(isaShiftV, op):
		g.shiftv(op)
	case slices.Contains(isaShiftI, op):
		g.shifti(op)
	case slices.Contains(isaHiLo, op):
		g.hilo(op, g.val(), g.val())
	case slices.Contains(isaUnary, op):
		g.unary(op)
	case op == "ext" || op == "ins":
		g.extIns(op)
	case slices.Contains(isaImm, op):
		g.imm(op)
	case slices.Contains(isaLoads, op):
		a := isaAlign[op]
		g.load(op, a*g.rng.IntN(dataBytes/a))
	case slices.Contains(isaStores, op):
		a := isaAlign[op]
		g.store(op, a*g.rng.IntN(8/a))
	case slices.Contains(isaBranch, op):
		g.branch(op)
	case slices.Contains(isaJumps, op):
		g.jump(op)
	case op == "ll/sc":
		g.llsc()
	default:
		panic("isaref: unknown op " + op)
	}
}

// genISAProgram returns the assembly of one test program, the assembly of
// each case, and for each output word the case that wrote it.
func genISAProgram(seed uint64, n int) (src string, cases []string, owner []int) {
	g := &isaGen{rng: rand.New(rand.NewPCG(seed, 0x15a4ef))}
	g.b.WriteString(".set noreorder\n.set noat\n.set nomacro\n.text\n.globl __start\n__start:\n")
	g.la(regOut, "outbuf")
	g.la(regData, "data")

	// Fixed edge cases first, so every seed covers them whatever the dice say.
	const intMin, m1 = 0x80000000, 0xffffffff
	for _, op := range []string{"div", "divu"} {
		for _, ab := range [][2]uint32{{7, 0}, {0, 0}, {m1, 0}, {intMin, 0}, {intMin, m1}, {intMin, 1},
			{m1, m1}, {7, m1}, {m1, 2}, {intMin, 2}, {0x7fffffff, m1}} {
			g.hilo(op, ab[0], ab[1])
		}
	}
	for _, op := range []string{"mult", "multu", "madd", "maddu", "msub", "msubu"} {
		for _, ab := range [][2]uint32{{intMin, intMin}, {m1, m1}, {intMin, m1}, {0x7fffffff, 0x7fffffff}} {
			g.hilo(op, ab[0], ab[1])
		}
	}
	for _, op := range isaLoads {
		for at := 0; at < 8; at += isaAlign[op] {
			g.load(op, at)
		}
	}
	for _, op := range isaStores {
		for at := 0; at < 8; at += isaAlign[op] {
			g.store(op, at)
		}
	}
	for _, ops := range [][]string{isaBranch, isaJumps, isaShiftV, {"ll/sc", "ext", "ins", "clz", "clo"}} {
		for _, op := range ops {
			g.random(op)
		}
	}

	for range n {
		kind := isaAllKind[g.rng.IntN(len(isaAllKind))]
		g.random(kind[g.rng.IntN(len(kind))])
	}

	// write(1, outbuf, len); exit_group(0).
	g.la(5, "outbuf")
	g.li(6, uint32(4*g.outN))
	g.emit("ori $4, $0, 1")
	g.emit("ori $2, $0, 4004")
	g.emit("syscall")
	g.emit("ori $4, $0, 0")
	g.emit("ori $2, $0, 4246")
	g.emit("syscall")
	g.emit("break")

	g.b.WriteString(".data\n.align 4\ndata:\n")
	for i := 0; i < dataBytes; i++ {
		fmt.Fprintf(&g.b, "\t.byte 0x%02x\n", uint8(g.rng.Uint32()))
	}
	g.b.WriteString("scratch:\n\t.space 16\n.bss\n.align 4\noutbuf:\n")
	fmt.Fprintf(&g.b, "\t.space %d\n", 4*g.outN+4)
	return g.b.String(), g.cases, g.owner
}

// TestISAAgainstQEMU runs generated instruction test programs under qemu-mips
// and in the VM and requires byte-identical output and exit status.
func TestISAAgainstQEMU(t *testing.T) {
	as, ld, qemu := isaTools(t)
	n := isaDefaultCases
	if s := os.Getenv("AIVM_ISA_CASES"); s != "" {
		v, err := strconv.Atoi(s)
		require.NoError(t, err, "AIVM_ISA_CASES")
		n = v
	}
	for _, seed := range isaSeeds {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			src, cases, owner := genISAProgram(seed, n)
			elf := isaAssemble(t, as, ld, dir, "isa", src)
			want, code, sig := isaQEMU(t, qemu, dir, elf)
			require.False(t, sig, "qemu-mips: killed by a signal")
			require.Equal(t, 0, code, "qemu-mips exit status")
			require.Len(t, want, 4*len(owner), "qemu-mips output length")

			runs := isaVM(t, elf)
			for _, r := range runs {
				require.Equal(t, 0, int(r.state.ExitCode), "VM (%s) exit status", r.path)
				require.Len(t, r.out, len(want), "VM (%s) output length", r.path)
				for i := 0; i < len(want); i += 4 {
					w, v := binary.BigEndian.Uint32(want[i:]), binary.BigEndian.Uint32(r.out[i:])
					if w != v {
						k := i / 4 // the k-th sw of its case (counting from 1)
						for k > 0 && owner[k-1] == owner[i/4] {
							k--
						}
						require.Failf(t, "VM disagrees with qemu-mips",
							"%s, seed %d, output word %d (sw %d of the case): qemu %#08x, VM %#08x; case:\n%s",
							r.path, seed, i/4, i/4-k+1, w, v, cases[owner[i/4]])
					}
				}
			}
			require.Equal(t, runs[0].state.Hash(), runs[1].state.Hash(), "Run and Step end in different states")
			t.Logf("seed %d: %d cases, %d result words identical, %d VM steps", seed, len(cases), len(owner), runs[0].state.Step)
		})
	}
}

// TestISATrapsAgainstQEMU checks the trapping instructions: signed overflow
// in add, addi, sub and a teq whose condition holds. qemu-user delivers
// SIGFPE/SIGTRAP and the guest dies of it; the VM has no signals and faults
// (1.7: exit 255, status PANIC). Both must have written what came before the
// trap and nothing after it.
func TestISATrapsAgainstQEMU(t *testing.T) {
	as, ld, qemu := isaTools(t)
	for name, insn := range map[string][]string{
		"add":  {"lui $8, 0x7fff", "ori $8, $8, 0xffff", "ori $9, $0, 1", "add $10, $8, $9"},
		"addi": {"lui $8, 0x7fff", "ori $8, $8, 0xffff", "addi $10, $8, 1"},
		"sub":  {"lui $8, 0x8000", "ori $9, $0, 1", "sub $10, $8, $9"},
		"teq":  {"ori $8, $0, 5", "ori $9, $0, 5", "teq $8, $9"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			b.WriteString(".set noreorder\n.set noat\n.set nomacro\n.text\n.globl __start\n__start:\n")
			write := func(label string) {
				fmt.Fprintf(&b, "\tori $4, $0, 1\n\tlui $5, %%hi(%s)\n\taddiu $5, $5, %%lo(%s)\n", label, label)
				b.WriteString("\tori $6, $0, 4\n\tori $2, $0, 4004\n\tsyscall\n")
			}
			write("pre")
			for _, l := range insn {
				b.WriteString("\t" + l + "\n")
			}
			write("post")
			b.WriteString("\tori $4, $0, 0\n\tori $2, $0, 4246\n\tsyscall\n")
			b.WriteString(".data\npre: .ascii \"pre\\n\"\npost: .ascii \"post\"\n")
			dir := t.TempDir()
			elf := isaAssemble(t, as, ld, dir, name, b.String())

			out, code, sig := isaQEMU(t, qemu, dir, elf)
			require.True(t, sig || code != 0, "qemu-mips: %s must end the program abnormally", name)
			require.Equal(t, "pre\n", string(out), "qemu-mips output")

			for _, r := range isaVM(t, elf) {
				require.Equal(t, mips.FaultExitCode, int(r.state.ExitCode), "VM (%s): %s must fault", r.path, name)
				require.Equal(t, byte(mips.StatusPanic), r.state.Hash()[0], r.path)
				require.Equal(t, "pre\n", string(r.out), "VM (%s) output", r.path)
			}
		})
	}
}
