#!/usr/bin/env bash
# isa-inventory.sh — list every distinct MIPS32 instruction in the guest ELFs.
#
# WHY: the deterministic VM (mips/) must implement exactly the instructions
# that stock Go emits for GOOS=linux GOARCH=mips GOMIPS=softfloat. objdump's
# mnemonics hide the real encodings behind pseudo-ops (nop, li, move, b,
# beqz, negu, ...) and print R2 instructions such as rdhwr as ".word", so we
# decode the raw 32-bit words ourselves and report canonical instructions
# with their opcode/funct/rt, counts, and the functions containing the rare
# ones. docs/isa.md is written from this output.
#
# Usage: scripts/isa-inventory.sh [ELF...]
#   With no arguments, builds every guest in testdata/guests into a temp dir.
#   RARE=N (default 400) lists the containing functions of instructions that
#   occur at most N times in total.
set -euo pipefail

OBJDUMP=${OBJDUMP:-mips-linux-gnu-objdump}
command -v "$OBJDUMP" >/dev/null || { echo "need $OBJDUMP (apt install binutils-mips-linux-gnu)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)

elfs=("$@")
if [ ${#elfs[@]} -eq 0 ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	"$root/scripts/build-guests.sh" "$tmp"
	elfs=("$tmp"/*)
fi

for f in "${elfs[@]}"; do
	echo "#ELF $(basename "$f")"
	"$OBJDUMP" -d -z "$f"
done | RARE=${RARE:-400} python3 -c '
import os, re, sys, collections

SPECIAL = {0:"sll",1:"movci(COP1)",2:"srl",3:"sra",4:"sllv",6:"srlv",7:"srav",8:"jr",9:"jalr",
  10:"movz",11:"movn",12:"syscall",13:"break",15:"sync",16:"mfhi",17:"mthi",18:"mflo",19:"mtlo",
  24:"mult",25:"multu",26:"div",27:"divu",32:"add",33:"addu",34:"sub",35:"subu",36:"and",37:"or",
  38:"xor",39:"nor",42:"slt",43:"sltu",48:"tge",49:"tgeu",50:"tlt",51:"tltu",52:"teq",54:"tne"}
REGIMM = {0:"bltz",1:"bgez",2:"bltzl",3:"bgezl",8:"tgei",9:"tgeiu",10:"tlti",11:"tltiu",12:"teqi",
  14:"tnei",16:"bltzal",17:"bgezal",18:"bltzall",19:"bgezall"}
SPECIAL2 = {0:"madd",1:"maddu",2:"mul",4:"msub",5:"msubu",32:"clz",33:"clo",63:"sdbbp"}
OPS = {2:"j",3:"jal",4:"beq",5:"bne",6:"blez",7:"bgtz",8:"addi",9:"addiu",10:"slti",11:"sltiu",
  12:"andi",13:"ori",14:"xori",15:"lui",16:"COP0",17:"COP1",18:"COP2",19:"COP1X",20:"beql",21:"bnel",
  22:"blezl",23:"bgtzl",32:"lb",33:"lh",34:"lwl",35:"lw",36:"lbu",37:"lhu",38:"lwr",40:"sb",41:"sh",
  42:"swl",43:"sw",46:"swr",47:"cache",48:"ll",49:"lwc1",50:"lwc2",51:"pref",53:"ldc1",54:"ldc2",
  56:"sc",57:"swc1",58:"swc2",61:"sdc1",62:"sdc2"}

def decode(w):
    op, rs, rt, sa, fn = w >> 26, (w >> 21) & 31, (w >> 16) & 31, (w >> 6) & 31, w & 63
    if op == 0:
        return SPECIAL.get(fn, "SPECIAL?"), "SPECIAL funct=0x%02x" % fn
    if op == 1:
        return REGIMM.get(rt, "REGIMM?"), "REGIMM rt=0x%02x" % rt
    if op == 28:
        return SPECIAL2.get(fn, "SPECIAL2?"), "SPECIAL2 funct=0x%02x" % fn
    if op == 31:
        if fn == 0x3b:
            return "rdhwr", "SPECIAL3 funct=0x3b rd=%d" % ((w >> 11) & 31)
        if fn == 0x20:
            return {2:"wsbh",16:"seb",24:"seh"}.get(sa, "bshfl?"), "SPECIAL3 funct=0x20 sa=0x%02x" % sa
        return {0:"ext",4:"ins"}.get(fn, "SPECIAL3?"), "SPECIAL3 funct=0x%02x" % fn
    if op in (16, 17, 18, 19):
        return OPS[op], "op=0x%02x rs=0x%02x" % (op, rs)
    return OPS.get(op, "op?%d" % op), "op=0x%02x" % op

count = collections.Counter()
enc = {}
elfs = collections.defaultdict(set)
funcs = collections.defaultdict(collections.Counter)
elf = fn = None
line_re = re.compile(r"^\s*[0-9a-f]+:\s+([0-9a-f]{8})\s")
for line in sys.stdin:
    if line.startswith("#ELF "):
        elf = line[5:].strip(); continue
    m = re.match(r"^[0-9a-f]+ <(.*)>:$", line)
    if m:
        fn = m.group(1); continue
    m = line_re.match(line)
    if not m:
        continue
    w = int(m.group(1), 16)
    name, e = decode(w)
    if w == 0:
        name = "sll (nop)"
    count[name] += 1
    enc[name] = e
    elfs[name].add(elf)
    funcs[name][fn] += 1

rare = int(os.environ.get("RARE", "400"))
nelf = len({e for s in elfs.values() for e in s})
print("%-14s %-30s %9s %5s  %s" % ("instruction", "encoding", "count", "elfs", "functions (rare only)"))
for name, c in count.most_common():
    fs = ""
    if c <= rare:
        fs = ", ".join(sorted(funcs[name]))
    print("%-14s %-30s %9d %2d/%-2d  %s" % (name, enc[name], c, len(elfs[name]), nelf, fs))
print()
print("distinct instructions:", len(count))
fpu = [n for n in count if n.startswith(("COP1", "lwc1", "swc1", "ldc1", "sdc1", "movci"))]
print("FPU (COP1/COP1X/lwc1/swc1/ldc1/sdc1/movci) instructions:", ", ".join(fpu) if fpu else "none")
'
