package mips

// Protocol constants (docs/protocol.md section 1). Changing any of them changes
// the state transition and must be mirrored in contracts/src/MIPS.sol.
const (
	// Quantum is the number of steps a thread runs before it is preempted (1.5).
	Quantum = 100000
	// QUANTUM is an alias of Quantum matching the spec's spelling.
	QUANTUM = Quantum

	// FaultExitCode is the exit code of a faulted machine (1.7).
	FaultExitCode = 255

	// NullPageEnd is the first address above the null page; loads and stores
	// below it fault (1.7).
	NullPageEnd = 0x1000

	// InitialHeap is where mmap(0, …) starts handing out memory (1.10).
	InitialHeap = 0x60000000
	// HeapLimit is the highest end address mmap(0, …) may reach (1.8).
	HeapLimit = 0x7F000000
	// BrkResult is the fixed brk result (1.8): no program break, so Go puts
	// its heap arena right above the binary, away from the mmap region.
	BrkResult = 0
	// StackTop is the address below which the initial stack is built (1.10).
	StackTop = 0x7FFFF000

	// ClockStepNS is the number of nanoseconds one step lasts on the virtual
	// clock (1.5): now = step × ClockStepNS + timeOffset.
	ClockStepNS = 10
	// NoDeadline is a waiting thread's waitUntil when nothing but a futex
	// wake ends its wait, and passWake's value while a pass has met no
	// deadline (1.5).
	NoDeadline = 1<<64 - 1
	// MaxDeadline is the latest finite deadline; later ones saturate to it.
	MaxDeadline = NoDeadline - 1
	// RealtimeEpoch is the seconds added to CLOCK_REALTIME (2025-01-01 UTC).
	RealtimeEpoch = 1735689600

	// ThreadSize is the length of an encoded thread (1.3).
	ThreadSize = 156
	// StateSize is the length of the encoded global state (1.4).
	StateSize = 180
	// ProofSize is the length of one memory proof (1.2).
	ProofSize = 28 * 32
	// MemDepth is the depth of the memory Merkle tree.
	MemDepth = 27
	// ThreadProofSize is the fixed prefix of a step proof: thread ‖ I (1.11).
	ThreadProofSize = ThreadSize + 32
)

// Status bytes: byte 0 of the state hash (1.4).
const (
	StatusValid      = 0
	StatusInvalid    = 1
	StatusPanic      = 2
	StatusUnfinished = 3
)

// System call numbers (MIPS o32, 1.8).
const (
	SysExit             = 4001
	SysRead             = 4003
	SysWrite            = 4004
	SysOpen             = 4005
	SysClose            = 4006
	SysGetpid           = 4020
	SysKill             = 4037
	SysBrk              = 4045
	SysFcntl            = 4055
	SysMmap             = 4090
	SysMunmap           = 4091
	SysSchedYield       = 4162
	SysNanosleep        = 4166
	SysRtSigaction      = 4194
	SysRtSigprocmask    = 4195
	SysSigaltstack      = 4206
	SysMadvise          = 4218
	SysGettid           = 4222
	SysFutex            = 4238
	SysSchedGetaffinity = 4240
	SysExitGroup        = 4246
	SysEpollCtl         = 4249
	SysClockGettime     = 4263
	SysClockNanosleep   = 4265
	SysTgkill           = 4266
	SysOpenat           = 4288
	SysEpollPwait       = 4313
	SysEventfd2         = 4325
	SysEpollCreate1     = 4326
	SysClockNanosleep64 = 4407
	SysFutexTime64      = 4422
	SysEpollPwait2      = 4441
	SysClone            = 4120
)

// File descriptors with fixed meaning (1.8, 1.9).
const (
	FdStdin         = 0
	FdStdout        = 1
	FdStderr        = 2
	FdPreimageRead  = 5
	FdPreimageWrite = 6
	FdEpoll         = 100
	FdEventfd       = 101
)

// Errno values (MIPS numbering).
const (
	ENOENT    = 2
	EBADF     = 9
	EAGAIN    = 11
	ENOMEM    = 12
	EFAULT    = 14
	EINVAL    = 22
	ENOSYS    = 89
	ETIMEDOUT = 145
)

// TimerAbstime is clock_nanosleep's flag for an absolute deadline (1.8).
const TimerAbstime = 1

// Futex operations (low 7 bits of a1).
const (
	FutexWait = 0
	FutexWake = 1
)

// Clone flags that must both be set (CLONE_VM | CLONE_THREAD).
const CloneRequired = 0x10100

// Memory release (1.8). PageSize is the page the VM reports (AT_PAGESZ, 1.10)
// and the unit of madvise and hinted mmap ranges.
const (
	PageSize = 4096
	// MadvDontneed is the only madvise advice with an effect: the range reads
	// as zero afterwards (Go 1.26 relies on it, docs/syscalls.md).
	MadvDontneed = 4
	// AddressSpace is the end of the 32-bit address space, computed in 64 bits.
	AddressSpace = 1 << 32
)

// Preimage key types (1.9).
const (
	KeyTypeLocal  = 1
	KeyTypeKeccak = 2
)
