// Package mips is the Go twin of contracts/src/MIPS.sol: a deterministic
// big-endian MIPS32 interpreter with cooperative threads, a merkleized memory,
// the packed state and its hash, and the one-step witness the contract checks.
// It knows nothing about ML. The exact semantics are specified in
// docs/protocol.md; any change here must change MIPS.sol identically.
package mips
