package vm

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aivm-dev/aivm/mips"
)

// MaxPreimageSize is the largest preimage, in bytes, that the on-chain
// PreimageOracle accepts (its MAX_PREIMAGE_SIZE, 128 KiB; docs/protocol.md
// 1.9). Loading any part of a preimage there needs the whole preimage in one
// transaction's calldata, so a step that reads a larger preimage, even only
// its length, can never be proven on chain. Kernel builds refuse models
// whose guest would read one (vm/kernel.CheckPreimageSizes); the on-chain
// tests check this value against the deployed contract.
const MaxPreimageSize = 131072

// KeccakKey returns the oracle key of data for key type 2 (spec 1.9):
// keccak(data) with byte 0 replaced by 2.
func KeccakKey(data []byte) [32]byte {
	k := mips.Keccak256(data)
	k[0] = mips.KeyTypeKeccak
	return k
}

// LocalKey returns a local (type 1) key for a small identifier: byte 0 is 1,
// the identifier is in the last 8 bytes. The host serves local keys raw; on
// chain they are localized to the dispute (1.9).
func LocalKey(id uint64) (k [32]byte) {
	k[0] = mips.KeyTypeLocal
	for i := range 8 {
		k[31-i] = byte(id >> (8 * i))
	}
	return k
}

// MapOracle is an in-memory host preimage oracle.
type MapOracle map[[32]byte][]byte

// GetPreimage implements mips.PreimageOracle.
func (o MapOracle) GetPreimage(key [32]byte) ([]byte, error) {
	v, ok := o[key]
	if !ok {
		return nil, fmt.Errorf("no preimage for key %x", key)
	}
	return v, nil
}

// AddKeccak stores data under its keccak key and returns the key.
func (o MapOracle) AddKeccak(data []byte) [32]byte {
	k := KeccakKey(data)
	o[k] = data
	return k
}

// DirOracle serves preimages from files in a directory, each named by the 64
// lowercase hex digits of its key.
type DirOracle string

// GetPreimage implements mips.PreimageOracle.
func (d DirOracle) GetPreimage(key [32]byte) ([]byte, error) {
	if d == "" {
		return nil, errors.New("no preimage directory configured")
	}
	b, err := os.ReadFile(filepath.Join(string(d), hex.EncodeToString(key[:])))
	if err != nil {
		return nil, fmt.Errorf("read preimage: %w", err)
	}
	if key[0] == mips.KeyTypeKeccak && KeccakKey(b) != key {
		return nil, fmt.Errorf("preimage file for %x does not hash to its key", key)
	}
	return b, nil
}
