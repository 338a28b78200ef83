#!/usr/bin/env bash
# syscall-inventory.sh — which Linux syscalls do stock Go 1.26 mips guests make?
#
# WHY: the deterministic VM must answer every syscall the Go runtime and
# standard library issue, with results the runtime accepts. qemu-user is an
# independent reference: we run each guest under `qemu-mips -strace` and
# aggregate syscall name, MIPS o32 number (4000+n), call count, the guests
# that made it and the distinct argument patterns (addresses normalised).
# docs/syscalls.md is written from this output.
#
# Usage: scripts/syscall-inventory.sh [-raw DIR]
#   Builds every guest in testdata/guests, runs it under qemu-mips -strace
#   with an empty environment and the args from its expected.json, and
#   prints the aggregate. -raw DIR keeps the per-guest strace logs.
#   Extra environment passed to the guests: GUEST_ENV (e.g. "GOMAXPROCS=1").
set -euo pipefail

command -v qemu-mips >/dev/null || { echo "need qemu-mips (apt install qemu-user)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
raw=""
if [ "${1:-}" = "-raw" ]; then raw=$2; mkdir -p "$raw"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/build-guests.sh" "$tmp/bin"

for elf in "$tmp"/bin/*; do
	n=$(basename "$elf")
	args=()
	if [ -f "$root/testdata/guests/$n/expected.json" ]; then
		mapfile -t args < <(python3 -c 'import json,sys; [print(a) for a in json.load(open(sys.argv[1])).get("args") or []]' \
			"$root/testdata/guests/$n/expected.json")
	fi
	# shellcheck disable=SC2086
	env -i ${GUEST_ENV:-} timeout 120 qemu-mips -strace "$elf" "${args[@]}" </dev/null >"$tmp/$n.strace" 2>&1 || true
	[ -n "$raw" ] && cp "$tmp/$n.strace" "$raw/"
done

python3 - "$tmp" <<'PY'
import collections, glob, os, re, sys

# MIPS o32 numbers (arch/mips/kernel/syscalls/syscall_o32.tbl) for the calls
# qemu prints by name; qemu's strace prints 4422 etc. as "Unknown syscall".
NR = dict(exit=1, read=3, write=4, open=5, close=6, getpid=20, kill=37, brk=45, ioctl=54,
  fcntl=55, getuid=24, getgid=47, geteuid=49, getegid=50, uname=122, mprotect=125, munmap=91,
  mmap=90, sched_yield=162, nanosleep=166, rt_sigreturn=193, rt_sigaction=194,
  rt_sigprocmask=195, pread64=200, sigaltstack=206, mincore=217, madvise=218, gettid=222,
  tkill=236, futex=238, sched_getaffinity=240, exit_group=246, epoll_create=248, epoll_ctl=249,
  epoll_wait=250, set_tid_address=252, timer_create=257, timer_settime=258, timer_delete=261,
  clock_gettime=263, tgkill=266, openat=288, getdents64=219, fstat64=215, fstatat64=293,
  readlinkat=298, pipe2=328, epoll_pwait=313, eventfd2=325, epoll_create1=326, dup3=327,
  prlimit64=338, getrandom=353, statx=366, clock_gettime64=403, futex_time64=422,
  timer_settime64=409, clone=120, prctl=192, setitimer=104, lseek=19, _llseek=140, writev=146,
  ppoll=302, pselect6=301, getcwd=203, readlink=85, access=33, faccessat=300, faccessat2=439,
  sched_getscheduler=167, rt_sigqueueinfo=196, waitid=278, close_range=436, clone3=435,
  getrlimit=76, ugetrlimit=115, setrlimit=75, getppid=64, sysinfo=116, mmap2=210, fstat=108)
BYNUM = {4000 + v: k for k, v in NR.items()}

call_re = re.compile(r"^\d+ ([a-z_0-9]+)\((.*)")
unk_re = re.compile(r"^\d+ Unknown syscall (\d+)")

def norm(name, args):
    # Keep the fields that say something about semantics, blank the rest.
    args = args.split(")")[0] if name not in ("clone",) else args.rsplit(")", 1)[0]
    a = [x.strip() for x in args.split(",")] + ["?"] * 8  # lines can be cut by other threads
    def addr(x):
        return "NULL" if x in ("NULL", "0", "0x00000000", "(nil)") else "ADDR"
    if name == "mmap" and len(a) >= 6:
        return "addr=%s len=%s %s %s fd=%s" % (addr(a[0]) if a[0] in ("NULL",) else "hint", a[1], a[2], a[3], a[4])
    if name in ("munmap", "madvise") and len(a) >= 2:
        return "len=%s %s" % (a[1], a[2])
    if name in ("open", "openat"):
        return ",".join(x for x in (a[1:4] if name == "openat" else a[:3]) if x != "?")
    if name == "clone":
        return re.sub(r"0x[0-9a-f]+", "ADDR", args)
    if name in ("read", "write", "pread64"):
        return "fd=%s" % a[0]
    if name in ("rt_sigaction",):
        return "sig=%s new=%s old=%s" % (a[0], addr(a[1]), addr(a[2]))
    if name in ("rt_sigprocmask",):
        return "%s new=%s old=%s" % (a[0], addr(a[1]), addr(a[2]))
    if name in ("sigaltstack",):
        return "new=%s old=%s" % (addr(a[0]), addr(a[1]))
    if name in ("tgkill", "kill"):
        return "pid,tid,%s" % a[2] if name == "tgkill" else "pid,%s" % a[1]
    if name in ("fcntl", "clock_gettime", "close", "epoll_ctl", "prlimit64", "prctl"):
        return ",".join(re.sub(r"^0x[0-9a-f]{8}$|^\d{6,}$", "ADDR", x) for x in a[:4] if x != "?")
    if name == "sched_getaffinity":
        return "pid=%s len=%s" % (a[0], a[1])
    if name == "nanosleep":
        return "req=ADDR rem=%s" % a[1]
    if name == "exit_group" or name == "exit":
        return "status=%s" % a[0]
    if name == "eventfd2":
        return ",".join(a[:2])
    return ""

calls = collections.Counter()
guests = collections.defaultdict(set)
pats = collections.defaultdict(collections.Counter)
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.strace"))):
    g = os.path.basename(path)[:-7]
    text = open(path, errors="replace").read()
    # Threads interleave their output mid-line ("nanosleep(...)123 gettid() = 5"):
    # start a new line at every "<pid> <known syscall>(" and "<pid> Unknown syscall".
    text = re.sub(r"(\d+ (?:Unknown syscall|(?:%s)\())" % "|".join(NR), "\n\\1", text)
    for line in text.splitlines():
        m = unk_re.match(line)
        if m:
            n = int(m.group(1)); name = BYNUM.get(n, "nr%d" % n); args = ""
        else:
            m = call_re.match(line)
            if not m:
                continue
            name, args = m.group(1), m.group(2)
            if name not in NR:
                continue  # interleaved output fragments
        calls[name] += 1
        guests[name].add(g)
        p = norm(name, args)
        if p:
            pats[name][p] += 1

nguests = len(glob.glob(os.path.join(sys.argv[1], "*.strace")))
print("%-18s %5s %8s %6s  %s" % ("syscall", "nr", "calls", "guests", "argument patterns (count)"))
for name, c in sorted(calls.items(), key=lambda kv: NR.get(kv[0], 9999)):
    ps = "; ".join("%s (%d)" % kv for kv in pats[name].most_common(12))
    if len(pats[name]) > 12:
        ps += "; ... %d more" % (len(pats[name]) - 12)
    print("%-18s %5d %8d %3d/%-2d  %s" % (name, 4000 + NR.get(name, 0), c, len(guests[name]), nguests, ps))
print()
for name in sorted(calls, key=lambda n: NR.get(n, 9999)):
    if len(guests[name]) < nguests:
        print("%-18s only in: %s" % (name, " ".join(sorted(guests[name]))))
PY
