// Package kernel is the host side of the AIVM kernel: the MIPS guest in
// ./guest that re-executes one graph node inside the VM (phase V of the
// dispute game, docs/protocol.md section 2).
//
// It fixes the guest's interface (argv binding the model root, local data
// keys, exit codes), serves the guest's preimages from a native execution
// trace (Provider), builds the guest for the VM (GuestELF) and prepares and
// runs the initial VM state for one node (Session, Session.Prepare, Run).
package kernel

import (
	"encoding/binary"
	"encoding/hex"

	"github.com/aivm-dev/aivm/mips"
)

// Exit codes of the guest (docs/protocol.md 2.4), which become the final VM
// status: 0 VALID, 1 INVALID, anything else PANIC.
const (
	// ExitValid: the claimed S_k is the one node k gives from S_{k-1}.
	ExitValid = 0
	// ExitInvalid: the claimed S_k is wrong.
	ExitInvalid = 1
	// ExitBadRequest: the request is invalid (k outside 1..n, S_{k-1} not
	// a state of the argv model, malformed preimage contents, a node that
	// cannot run). Deterministic, never a hang.
	ExitBadRequest = 2
)

// Local data identifiers (docs/protocol.md 2.2).
const (
	LocalPrev    uint32 = 1 // S_{k-1}, 32 bytes
	LocalClaimed uint32 = 2 // the disputed S_k, 32 bytes
	LocalNode    uint32 = 3 // k as u32be, 4 bytes
)

// argv0 is argv[0] of the guest (build.go exports it as GuestArgv0 for the
// manifest; kept separate so each file builds on its own).
const argv0 = "aivm-kernel"

// Argv is the guest's argument vector for a model: argv[1] binds the kernel
// to the model root, because argv is part of the pre-state's memory.
func Argv(modelRoot [32]byte) []string {
	return []string{argv0, "0x" + hex.EncodeToString(modelRoot[:])}
}

// LocalKey is the local (type 1) key of a local datum: 0x01 ‖ 27 zero bytes
// ‖ u32be(ident). On chain the game localizes it (docs/protocol.md 1.9).
func LocalKey(ident uint32) (k [32]byte) {
	k[0] = mips.KeyTypeLocal
	binary.BigEndian.PutUint32(k[28:], ident)
	return k
}

// LocalData is the local data of the request "is claimed the S_k that node
// k gives from prev = S_{k-1}?", keyed by LocalKey.
func LocalData(prev, claimed [32]byte, k uint32) map[[32]byte][]byte {
	kb := binary.BigEndian.AppendUint32(nil, k)
	return map[[32]byte][]byte{
		LocalKey(LocalPrev):    append([]byte(nil), prev[:]...),
		LocalKey(LocalClaimed): append([]byte(nil), claimed[:]...),
		LocalKey(LocalNode):    kb,
	}
}
