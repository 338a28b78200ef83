// Package vm is the AIVM machine around the mips interpreter: ELF loading, the
// host side of the preimage oracle, traced execution and kernel builds.
package vm
