// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// The memory MIPSMemory works in (absolute addresses below the free memory pointer, which its user
// moves to MEM_END or beyond first). MIPS.step places its state buffer at 0x80, so MEM_ROOT is the
// state's memRoot field; the words between MEM_LEAVES + 0x60 and MEM_NEXT_PROOF (0x2c0, 0x2e0)
// belong to MIPS. Before the first load or zeroSubtree of a step the user writes MEM_ROOT,
// MEM_PROOF_OFFSET, MEM_PROOF_LENGTH, MEM_PROOFS_USED = 0 and MEM_NEXT_PROOF (where proof 0
// starts); after the step, MEM_NEXT_PROOF is where the proofs used end.

/// @dev The current memory root (docs/protocol.md 1.2); load checks against it, store and
///      zeroSubtree replace it.
uint256 constant MEM_ROOT = 0x80;
/// @dev Calldata offset and length of the bytes the proofs lie in: no proof may reach past their end.
uint256 constant MEM_PROOF_OFFSET = 0x200;
uint256 constant MEM_PROOF_LENGTH = 0x220;
/// @dev How many proofs have been parsed (0..3).
uint256 constant MEM_PROOFS_USED = 0x240;
/// @dev The current leaf of proof idx at MEM_LEAVES + 32 idx, idx = 0, 1, 2 (set by load, updated
///      by store; a user may splice it and commit the root with rootFrom).
uint256 constant MEM_LEAVES = 0x260;
/// @dev MEM_LEAVES + 0x20, the leaf of proof 1, as a literal for inline assembly (which takes no
///      constant expressions; add(MEM_LEAVES, 0x20) costs 6 gas a use).
uint256 constant MEM_LEAF_1 = 0x280;
/// @dev Calldata offset of the next unparsed proof.
uint256 constant MEM_NEXT_PROOF = 0x300;
/// @dev Calldata offset of proof idx at MEM_PROOF_AT + 32 idx, idx = 0, 1, 2.
uint256 constant MEM_PROOF_AT = 0x320;
/// @dev Z[h] at MEM_ZEROS + 32 h, h = 0..26: the empty-subtree hashes (Z[0] = 0, Z[h + 1] =
///      keccak256(Z[h] ‖ Z[h])), written when proof 0 is parsed.
uint256 constant MEM_ZEROS = 0x380;
/// @dev The first byte past the memory MIPSMemory uses.
uint256 constant MEM_END = 0x6e0;

/// @notice The step needs memory proof `index` but the proof bytes are too short to hold it (its
///         leaf and bitmap, or the siblings its bitmap says are present).
error MissingMemoryProof(uint256 index);
/// @notice Memory proof `index` for `addr` does not verify against the current memory root, or
///         its bitmap has a bit above level 26 set.
error InvalidMemoryProof(uint256 index, uint256 addr);

/// @title MIPSMemory
/// @notice The memory proofs of MIPS.step (docs/protocol.md 1.2 and 1.11): the memory is a
///         binary Merkle tree of depth 27 over 32-byte leaves (leaf i holds bytes [32i, 32i + 32)),
///         a node is keccak256(left ‖ right), and an empty subtree of height h hashes to Z[h]. A
///         compact proof is leaf ‖ 4-byte bitmap ‖ the siblings of levels 0..26 whose bitmap bit is
///         clear (a set bit means the sibling is Z[h], elided). A step uses up to three proofs, in
///         order: proof idx starts where proof idx - 1 ends. The Go twin is package mips
///         (Memory.Proof, CompactProof, VerifyStep).
/// @dev Internal functions over the fixed memory above (no free-memory allocation): MIPS.step
///      compiles them in, and contracts/test/MIPSMemory.t.sol tests them on their own. Word
///      values are uint256 holding a u32; addr is a byte address (its low 5 bits pick the word in
///      the leaf, bits 5..31 the leaf).
// forge-lint: disable-next-item(incorrect-shift)
library MIPSMemory {
    /// @dev Verifies memory proof `idx` for `addr` against the current root, records it as used
    ///      and returns the word at `addr & ~3`. Compact proofs (1.11: leaf ‖ 4-byte bitmap ‖ the
    ///      siblings whose bit is clear) are parsed in order, so proof idx starts where idx-1 ends.
    function load(uint256 idx, uint256 addr) internal pure returns (uint256 word) {
        _parse(idx, addr);
        uint256 leaf;
        assembly {
            leaf := calldataload(mload(add(MEM_PROOF_AT, shl(5, idx))))
            mstore(add(MEM_LEAVES, shl(5, idx)), leaf)
            word := and(shr(sub(224, shl(3, and(addr, 0x1c))), leaf), 0xffffffff)
        }
        if (rootFrom(idx, addr, leaf) != root()) revert InvalidMemoryProof(idx, addr);
    }

    /// @dev The word at addr & ~3 of the leaf of proof idx (verified by load).
    function leafWord(uint256 idx, uint256 addr) internal pure returns (uint256 word) {
        assembly {
            word := and(shr(sub(224, shl(3, and(addr, 0x1c))), mload(add(MEM_LEAVES, shl(5, idx)))), 0xffffffff)
        }
    }

    /// @dev Replaces the aligned subtree of height h (7..26) holding addr by Z[h] (1.8), proven by
    ///      memory proof idx in its subtree form (1.11): the subtree's root in place of the leaf,
    ///      bitmap bits 0..h-1 set (nothing below the subtree is carried), then its siblings from
    ///      level h up. One pass computes the old root (checked) and the new one from the same siblings.
    function zeroSubtree(uint256 idx, uint256 addr, uint256 h) internal pure {
        _parse(idx, addr);
        bytes32 oldRoot;
        bytes32 newRoot;
        uint256 bm;
        assembly {
            let p := mload(add(MEM_PROOF_AT, shl(5, idx)))
            bm := shr(224, calldataload(add(p, 32)))
            let q := add(p, 36)
            let node := calldataload(p)
            let z := mload(add(MEM_ZEROS, shl(5, h)))
            for { let l := h } lt(l, 27) { l := add(l, 1) } {
                let sib := mload(add(MEM_ZEROS, shl(5, l)))
                if iszero(and(shr(l, bm), 1)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                // Level l: addr bit l + 5 puts the node right (0x20) or left (0x00).
                let right := and(shr(l, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
                mstore(right, z)
                z := keccak256(0, 0x40)
            }
            oldRoot := node
            newRoot := z
        }
        uint256 below = (1 << h) - 1;
        if (bm & below != below || oldRoot != root()) revert InvalidMemoryProof(idx, addr);
        setRoot(newRoot);
    }

    /// @dev Parses the compact memory proofs up to `idx` (in order: proof idx starts where idx-1
    ///      ends), recording each one's calldata offset; reverts if one is missing or truncated.
    function _parse(uint256 idx, uint256 addr) private pure {
        uint256 failed; // 1: proof missing or truncated, 2: bitmap has bits above level 26
        uint256 bad;
        assembly {
            for {} iszero(gt(mload(MEM_PROOFS_USED), idx)) {} {
                bad := mload(MEM_PROOFS_USED) // the proof being parsed
                let p := mload(MEM_NEXT_PROOF)
                let end := add(mload(MEM_PROOF_OFFSET), mload(MEM_PROOF_LENGTH))
                if gt(add(p, 36), end) {
                    failed := 1
                    break
                }
                let bm := shr(224, calldataload(add(p, 32)))
                if gt(bm, 0x7ffffff) {
                    failed := 2
                    break
                }
                // popcount of the 27-bit bitmap: the number of elided siblings
                let c := sub(bm, and(shr(1, bm), 0x55555555))
                c := add(and(c, 0x33333333), and(shr(2, c), 0x33333333))
                c := and(add(c, shr(4, c)), 0x0f0f0f0f)
                c := and(shr(24, mul(c, 0x01010101)), 0xff)
                let q := add(p, add(36, shl(5, sub(27, c))))
                if gt(q, end) {
                    failed := 1
                    break
                }
                mstore(add(MEM_PROOF_AT, shl(5, bad)), p)
                mstore(MEM_NEXT_PROOF, q)
                mstore(MEM_PROOFS_USED, add(bad, 1))
                if iszero(bad) {
                    // Z[h] for h = 1..26 (Z[0] = 0 is fresh memory); checked against
                    // mips.ZeroHash by TestMIPSZeroHashes.
                    mstore(0x3a0, 0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5)
                    mstore(0x3c0, 0xb4c11951957c6f8f642c4af61cd6b24640fec6dc7fc607ee8206a99e92410d30)
                    mstore(0x3e0, 0x21ddb9a356815c3fac1026b6dec5df3124afbadb485c9ba5a3e3398a04b7ba85)
                    mstore(0x400, 0xe58769b32a1beaf1ea27375a44095a0d1fb664ce2dd358e7fcbfb78c26a19344)
                    mstore(0x420, 0x0eb01ebfc9ed27500cd4dfc979272d1f0913cc9f66540d7e8005811109e1cf2d)
                    mstore(0x440, 0x887c22bd8750d34016ac3c66b5ff102dacdd73f6b014e710b51e8022af9a1968)
                    mstore(0x460, 0xffd70157e48063fc33c97a050f7f640233bf646cc98d9524c6b92bcf3ab56f83)
                    mstore(0x480, 0x9867cc5f7f196b93bae1e27e6320742445d290f2263827498b54fec539f756af)
                    mstore(0x4a0, 0xcefad4e508c098b9a7e1d8feb19955fb02ba9675585078710969d3440f5054e0)
                    mstore(0x4c0, 0xf9dc3e7fe016e050eff260334f18a5d4fe391d82092319f5964f2e2eb7c1c3a5)
                    mstore(0x4e0, 0xf8b13a49e282f609c317a833fb8d976d11517c571d1221a265d25af778ecf892)
                    mstore(0x500, 0x3490c6ceeb450aecdc82e28293031d10c7d73bf85e57bf041a97360aa2c5d99c)
                    mstore(0x520, 0xc1df82d9c4b87413eae2ef048f94b4d3554cea73d92b0f7af96e0271c691e2bb)
                    mstore(0x540, 0x5c67add7c6caf302256adedf7ab114da0acfe870d449a3a489f781d659e8becc)
                    mstore(0x560, 0xda7bce9f4e8618b6bd2f4132ce798cdc7a60e7e1460a7299e3c6342a579626d2)
                    mstore(0x580, 0x2733e50f526ec2fa19a22b31e8ed50f23cd1fdf94c9154ed3a7609a2f1ff981f)
                    mstore(0x5a0, 0xe1d3b5c807b281e4683cc6d6315cf95b9ade8641defcb32372f1c126e398ef7a)
                    mstore(0x5c0, 0x5a2dce0a8a7f68bb74560f8f71837c2c2ebbcbf7fffb42ae1896f13f7c7479a0)
                    mstore(0x5e0, 0xb46a28b6f55540f89444f63de0378e3d121be09e06cc9ded1c20e65876d36aa0)
                    mstore(0x600, 0xc65e9645644786b620e2dd2ad648ddfcbf4a7e5b1a3a4ecfe7f64667a3f0b7e2)
                    mstore(0x620, 0xf4418588ed35a2458cffeb39b93d26f18d2ab13bdce6aee58e7b99359ec2dfd9)
                    mstore(0x640, 0x5a9c16dc00d6ef18b7933a6f8dc65ccb55667138776f7dea101070dc8796e377)
                    mstore(0x660, 0x4df84f40ae0c8229d0d6069e5c8f39a7c299677a09d367fc7b05e3bc380ee652)
                    mstore(0x680, 0xcdc72595f74c7b1043d0e1ffbab734648c838dfb0527d971b602bc216c9619ef)
                    mstore(0x6a0, 0x0abf5ac974a1ed57f4050aa510dd9c74f508277b39d7973bb2dfccc5eeb0618d)
                    mstore(0x6c0, 0xb8cd74046ff337f0a7bf2c8e03e10f642c1886798d71806ab1e888d9e5ee87d0)
                }
            }
        }
        if (failed == 1) revert MissingMemoryProof(bad);
        if (failed == 2) revert InvalidMemoryProof(bad, addr);
    }

    /// @dev Writes `value` at `addr & ~3` into the leaf of (already verified) proof `idx` and
    ///      recomputes the memory root along the same siblings.
    function store(uint256 idx, uint256 addr, uint256 value) internal pure {
        uint256 leaf;
        assembly {
            let slot := add(MEM_LEAVES, shl(5, idx))
            let shift := sub(224, shl(3, and(addr, 0x1c)))
            leaf := or(and(mload(slot), not(shl(shift, 0xffffffff))), shl(shift, and(value, 0xffffffff)))
            mstore(slot, leaf)
        }
        setRoot(rootFrom(idx, addr, leaf));
    }

    /// @dev Root of the tree with `leaf` at index addr >> 5 and the siblings of memory proof idx:
    ///      level h's sibling is Z[h] (at MEM_ZEROS + 32h) when bitmap bit h is set, else the next
    ///      explicit one. Unrolled (the 27 levels differ only in their constants): as a loop, the
    ///      counter and bitmap shifts cost about 1,900 gas per root (the two-proof read step took
    ///      54,356 execution gas looped, 48,773 unrolled; scripts/dispute-gas.sh).
    function rootFrom(uint256 idx, uint256 addr, uint256 leaf) internal pure returns (bytes32 node) {
        assembly {
            let p := mload(add(MEM_PROOF_AT, shl(5, idx)))
            let bm := shr(224, calldataload(add(p, 32)))
            let q := add(p, 36)
            node := leaf
            // Level h: addr bit h + 5 puts the node right (0x20) or left (0x00).
            {
                let sib := mload(0x380)
                if iszero(and(bm, 0x1)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(addr, 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x3a0)
                if iszero(and(bm, 0x2)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(1, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x3c0)
                if iszero(and(bm, 0x4)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(2, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x3e0)
                if iszero(and(bm, 0x8)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(3, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x400)
                if iszero(and(bm, 0x10)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(4, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x420)
                if iszero(and(bm, 0x20)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(5, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x440)
                if iszero(and(bm, 0x40)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(6, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x460)
                if iszero(and(bm, 0x80)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(7, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x480)
                if iszero(and(bm, 0x100)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(8, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x4a0)
                if iszero(and(bm, 0x200)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(9, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x4c0)
                if iszero(and(bm, 0x400)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(10, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x4e0)
                if iszero(and(bm, 0x800)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(11, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x500)
                if iszero(and(bm, 0x1000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(12, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x520)
                if iszero(and(bm, 0x2000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(13, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x540)
                if iszero(and(bm, 0x4000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(14, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x560)
                if iszero(and(bm, 0x8000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(15, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x580)
                if iszero(and(bm, 0x10000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(16, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x5a0)
                if iszero(and(bm, 0x20000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(17, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x5c0)
                if iszero(and(bm, 0x40000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(18, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x5e0)
                if iszero(and(bm, 0x80000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(19, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x600)
                if iszero(and(bm, 0x100000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(20, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x620)
                if iszero(and(bm, 0x200000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(21, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x640)
                if iszero(and(bm, 0x400000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(22, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x660)
                if iszero(and(bm, 0x800000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(23, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x680)
                if iszero(and(bm, 0x1000000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(24, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x6a0)
                if iszero(and(bm, 0x2000000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(25, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
            {
                let sib := mload(0x6c0)
                if iszero(and(bm, 0x4000000)) {
                    sib := calldataload(q)
                    q := add(q, 0x20)
                }
                let right := and(shr(26, addr), 0x20)
                mstore(right, node)
                mstore(xor(right, 0x20), sib)
                node := keccak256(0, 0x40)
            }
        }
    }

    /// @dev The current memory root.
    function root() internal pure returns (bytes32 r) {
        assembly {
            r := mload(MEM_ROOT)
        }
    }

    /// @dev Replaces the memory root (after a write to a verified leaf, with rootFrom).
    function setRoot(bytes32 r) internal pure {
        assembly {
            mstore(MEM_ROOT, r)
        }
    }
}
