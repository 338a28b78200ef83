// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TestBase} from "./lib/Vm.sol";
import {VMBuilder, Mem} from "./lib/VMBuilder.sol";
import {
    MIPSMemory,
    InvalidMemoryProof,
    MissingMemoryProof,
    MEM_END,
    MEM_LEAF_1,
    MEM_LEAVES,
    MEM_NEXT_PROOF,
    MEM_PROOF_AT,
    MEM_PROOF_LENGTH,
    MEM_PROOF_OFFSET,
    MEM_PROOFS_USED,
    MEM_ROOT,
    MEM_ZEROS
} from "../src/lib/MIPSMemory.sol";

/// @notice Runs MIPSMemory on its own: each call sets up the library's memory as MIPS.step does
///         (the root, the calldata bounds of `proofs`, proof 0 at its start) and returns what the
///         library left there.
contract MIPSMemoryHarness {
    uint256 internal constant NO_STORE = type(uint256).max;

    function _begin(bytes32 root, bytes calldata proofs) private pure {
        assembly {
            mstore(0x40, MEM_END)
            mstore(MEM_ROOT, root)
            mstore(MEM_PROOF_OFFSET, proofs.offset)
            mstore(MEM_PROOF_LENGTH, proofs.length)
            mstore(MEM_PROOFS_USED, 0)
            mstore(MEM_NEXT_PROOF, proofs.offset)
        }
    }

    function _end() private pure returns (bytes32 root, uint256 used) {
        assembly {
            root := mload(MEM_ROOT)
            used := sub(mload(MEM_NEXT_PROOF), mload(MEM_PROOF_OFFSET))
        }
    }

    /// @notice For each i: words[i] = load(i, addrs[i]); then, unless values[i] is NO_STORE,
    ///         store(i, addrs[i], values[i]); leafWords[i] = leafWord(i, addrs[i]). newRoot is
    ///         the root after all of them, used the proof bytes they used.
    function run(bytes32 root, bytes calldata proofs, uint256[] calldata addrs, uint256[] calldata values)
        external
        pure
        returns (uint256[] memory words, uint256[] memory leafWords, bytes32 newRoot, uint256 used)
    {
        _begin(root, proofs);
        words = new uint256[](addrs.length);
        leafWords = new uint256[](addrs.length);
        for (uint256 i = 0; i < addrs.length; i++) {
            words[i] = MIPSMemory.load(i, addrs[i]);
            if (values[i] != NO_STORE) MIPSMemory.store(i, addrs[i], values[i]);
            leafWords[i] = MIPSMemory.leafWord(i, addrs[i]);
        }
        (newRoot, used) = _end();
    }

    /// @notice zeroSubtree(0, addr, h).
    function zero(bytes32 root, bytes calldata proofs, uint256 addr, uint256 h)
        external
        pure
        returns (bytes32 newRoot, uint256 used)
    {
        _begin(root, proofs);
        MIPSMemory.zeroSubtree(0, addr, h);
        return _end();
    }

    /// @notice The Z table the library writes when it parses proof 0.
    function zeros(bytes32 root, bytes calldata proofs, uint256 addr) external pure returns (bytes32[27] memory z) {
        _begin(root, proofs);
        MIPSMemory.load(0, addr);
        assembly {
            for { let h := 0 } lt(h, 27) { h := add(h, 1) } {
                mstore(add(z, shl(5, h)), mload(add(MEM_ZEROS, shl(5, h))))
            }
        }
    }
}

/// @notice MIPSMemory tested on its own (docs/protocol.md 1.2, 1.11): reads, writes, chained
///         proofs and subtree zeroing against roots computed here in plain Solidity (a loop over
///         the 27 levels, or VMBuilder's sparse memory), fuzzed; wrong siblings, leaves,
///         addresses, bitmaps and lengths revert with the library's errors. MIPS.step runs the
///         same code on Go-made witnesses in contracts/evm (the differential tests).
contract MIPSMemoryTest is TestBase {
    using VMBuilder for Mem;

    uint256 internal constant DEPTH = 27;
    uint256 internal constant NO_STORE = type(uint256).max;
    MIPSMemoryHarness internal h;

    function setUp() public {
        h = new MIPSMemoryHarness();
    }

    // ------------------------------------------------------------------ the reference model

    function _z(uint256 level) internal pure returns (bytes32 z) {
        for (uint256 i = 0; i < level; i++) {
            z = keccak256(abi.encodePacked(z, z));
        }
    }

    /// @dev The root over `leaf` at index addr >> 5 with siblings sibs[0..26].
    function _root(bytes32 leaf, uint256 addr, bytes32[27] memory sibs) internal pure returns (bytes32 node) {
        node = leaf;
        for (uint256 l = 0; l < DEPTH; l++) {
            node = (addr >> (5 + l)) & 1 == 1
                ? keccak256(abi.encodePacked(sibs[l], node))
                : keccak256(abi.encodePacked(node, sibs[l]));
        }
    }

    /// @dev Siblings from seed, with Z[l] at every level whose bit of emptyMask is set.
    function _sibs(uint256 seed, uint256 emptyMask) internal pure returns (bytes32[27] memory sibs) {
        for (uint256 l = 0; l < DEPTH; l++) {
            sibs[l] = (emptyMask >> l) & 1 == 1 ? _z(l) : keccak256(abi.encodePacked(seed, l));
        }
    }

    /// @dev The compact proof: leaf ‖ bitmap ‖ the siblings whose bit is clear. A level is elided
    ///      when its sibling is Z[l] and its bit of elide is set (a proof may carry Z[l] explicitly).
    function _proof(bytes32 leaf, bytes32[27] memory sibs, uint256 elide) internal pure returns (bytes memory p) {
        uint256 bm;
        bytes memory rest;
        for (uint256 l = 0; l < DEPTH; l++) {
            if ((elide >> l) & 1 == 1 && sibs[l] == _z(l)) bm |= 1 << l;
            else rest = bytes.concat(rest, sibs[l]);
        }
        p = bytes.concat(leaf, bytes4(uint32(bm)), rest);
    }

    function _word(bytes32 leaf, uint256 addr) internal pure returns (uint256) {
        return (uint256(leaf) >> (224 - 8 * (addr & 0x1c))) & 0xffffffff;
    }

    function _setWord(bytes32 leaf, uint256 addr, uint256 v) internal pure returns (bytes32) {
        uint256 shift = 224 - 8 * (addr & 0x1c);
        return bytes32((uint256(leaf) & ~(uint256(0xffffffff) << shift)) | ((v & 0xffffffff) << shift));
    }

    function _one(uint256 a) internal pure returns (uint256[] memory xs) {
        xs = new uint256[](1);
        xs[0] = a;
    }

    function _two(uint256 a, uint256 b) internal pure returns (uint256[] memory xs) {
        xs = new uint256[](2);
        (xs[0], xs[1]) = (a, b);
    }

    function _load(bytes32 root, bytes memory p, uint256 addr) internal view returns (uint256 word, uint256 used) {
        uint256[] memory words;
        bytes32 after_;
        (words,, after_, used) = h.run(root, p, _one(addr), _one(NO_STORE));
        assertEq(after_, root, "a load leaves the root");
        word = words[0];
    }

    // ------------------------------------------------------------------ reads and writes

    /// @dev A proof verifies against the root it was built for and yields the word at addr & ~3,
    ///      whatever siblings are elided; exactly its bytes are used.
    function testFuzz_load(uint32 addr, bytes32 leaf, uint256 seed, uint32 emptyMask, uint32 elide) public view {
        bytes32[27] memory sibs = _sibs(seed, emptyMask);
        bytes32 root = _root(leaf, addr, sibs);
        bytes memory p = _proof(leaf, sibs, elide);
        (uint256 word, uint256 used) = _load(root, p, addr);
        assertEq(word, _word(leaf, addr), "word");
        assertEq(used, p.length, "bytes used");
    }

    /// @dev A store replaces the 4 bytes at addr & ~3 (the low 32 bits of the value) and the root
    ///      becomes the root over the new leaf along the same siblings.
    function testFuzz_store(uint32 addr, bytes32 leaf, uint256 seed, uint32 emptyMask, uint256 value) public view {
        vm.assume(value != NO_STORE);
        bytes32[27] memory sibs = _sibs(seed, emptyMask);
        bytes memory p = _proof(leaf, sibs, type(uint32).max);
        (uint256[] memory words, uint256[] memory leafWords, bytes32 root, uint256 used) =
            h.run(_root(leaf, addr, sibs), p, _one(addr), _one(value));
        assertEq(words[0], _word(leaf, addr), "word before");
        assertEq(leafWords[0], value & 0xffffffff, "word after");
        assertEq(root, _root(_setWord(leaf, addr, value), addr, sibs), "root after");
        assertEq(used, p.length, "bytes used");
    }

    /// @dev Two proofs in a row over a sparse memory: proof 1 is checked against the root the
    ///      store through proof 0 left (as for an sc, or clock_gettime across two leaves).
    function testFuzz_storeThenLoad(uint32 a0, uint32 a1, uint32 v0, uint32 v1, uint32 other) public view {
        TwoProofs memory c = _twoProofs(a0, a1, v0, v1, other);
        (uint256[] memory words,, bytes32 after_, uint256 used) = h.run(c.root, c.proofs, c.addrs, c.values);
        assertEq(words[1], c.want1, "second word, after the first store");
        assertEq(after_, c.want, "root after both stores");
        assertEq(used, c.proofs.length, "bytes used");
    }

    struct TwoProofs {
        bytes32 root;
        bytes proofs;
        uint256[] addrs;
        uint256[] values;
        uint256 want1;
        bytes32 want;
    }

    /// @dev A memory holding `other` and a1: its root, the proofs of a0 and (after v0 is stored
    ///      at a0) of a1, the word at a1 then, and the root after v1 is stored at a1.
    function _twoProofs(uint32 a0, uint32 a1, uint32 v0, uint32 v1, uint32 other)
        internal
        pure
        returns (TwoProofs memory c)
    {
        Mem memory m;
        m.set(other, other | 1);
        m.set(a1, ~other);
        c.root = m.root();
        c.proofs = m.proof(a0);
        m.set(a0, v0);
        c.proofs = bytes.concat(c.proofs, m.proof(a1));
        c.want1 = m.get(a1);
        m.set(a1, v1);
        c.want = m.root();
        c.addrs = _two(a0, a1);
        c.values = _two(v0, v1);
    }

    /// @dev Empty memory: one leaf of zeros with every sibling elided proves every address against
    ///      Z[27] computed here, which checks all of the library's Z table.
    function testFuzz_emptyMemory(uint32 addr) public view {
        bytes memory p = bytes.concat(bytes32(0), bytes4(uint32(0x7ffffff)));
        (uint256 word, uint256 used) = _load(_z(27), p, addr);
        assertEq(word, 0, "word");
        assertEq(used, 36, "bytes used");
        bytes32[27] memory z = h.zeros(_z(27), p, addr);
        for (uint256 l = 0; l < DEPTH; l++) {
            assertEq(z[l], _z(l), "Z table");
        }
    }

    // ------------------------------------------------------------------ rejected proofs

    /// @dev Any changed sibling, or a changed leaf, fails the root check.
    function testFuzz_wrongSiblingReverts(uint32 addr, bytes32 leaf, uint256 seed, uint8 level, bytes32 flip) public {
        vm.assume(flip != 0);
        bytes32[27] memory sibs = _sibs(seed, 0);
        bytes32 root = _root(leaf, addr, sibs);
        uint256 l = uint256(level) % (DEPTH + 1); // 27: the leaf
        if (l == DEPTH) leaf ^= flip;
        else sibs[l] ^= flip;
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, uint256(addr)));
        h.run(root, _proof(leaf, sibs, 0), _one(addr), _one(NO_STORE));
    }

    /// @dev A level elided whose sibling is not Z[l] fails the root check.
    function testFuzz_falseElisionReverts(uint32 addr, bytes32 leaf, uint256 seed, uint8 level) public {
        bytes32[27] memory sibs = _sibs(seed, 0);
        bytes32 root = _root(leaf, addr, sibs);
        uint256 l = uint256(level) % DEPTH;
        sibs[l] = _z(l); // the proof now elides level l
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, uint256(addr)));
        h.run(root, _proof(leaf, sibs, type(uint32).max), _one(addr), _one(NO_STORE));
    }

    /// @dev A proof does not verify for a word of another leaf.
    function testFuzz_wrongAddressReverts(uint32 addr, uint32 other, bytes32 leaf, uint256 seed, uint32 emptyMask)
        public
    {
        vm.assume(other >> 5 != addr >> 5 && leaf != 0);
        bytes32[27] memory sibs = _sibs(seed, emptyMask);
        bytes32 root = _root(leaf, addr, sibs);
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, uint256(other)));
        h.run(root, _proof(leaf, sibs, type(uint32).max), _one(other), _one(NO_STORE));
    }

    /// @dev A proof cut short anywhere is missing; so is the next proof when only one is given.
    function testFuzz_truncatedReverts(uint32 addr, bytes32 leaf, uint256 seed, uint32 emptyMask, uint16 cut) public {
        bytes32[27] memory sibs = _sibs(seed, emptyMask);
        bytes32 root = _root(leaf, addr, sibs);
        bytes memory p = _proof(leaf, sibs, type(uint32).max);
        uint256 n = 1 + uint256(cut) % p.length;
        bytes memory short = new bytes(p.length - n);
        for (uint256 i = 0; i < short.length; i++) {
            short[i] = p[i];
        }
        vm.expectRevert(abi.encodeWithSelector(MissingMemoryProof.selector, 0));
        h.run(root, short, _one(addr), _one(NO_STORE));
        vm.expectRevert(abi.encodeWithSelector(MissingMemoryProof.selector, 1));
        h.run(root, p, _two(addr, addr), _two(NO_STORE, NO_STORE));
    }

    /// @dev A bitmap bit above level 26 is rejected before any hashing.
    function testFuzz_bitmapHighBitsRevert(uint32 addr, uint8 bit) public {
        uint256 b = 27 + uint256(bit) % 5;
        bytes memory p = bytes.concat(bytes32(0), bytes4(uint32(0x7ffffff | (1 << b))));
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, uint256(addr)));
        h.run(_z(27), p, _one(addr), _one(NO_STORE));
    }

    // ------------------------------------------------------------------ zeroing a subtree

    /// @dev zeroSubtree replaces the aligned subtree of height ht holding addr by Z[ht]: the root
    ///      becomes that of the memory with the subtree's words dropped.
    function testFuzz_zeroSubtree(uint32 addr, uint8 height, uint32 w0, uint32 w1, uint32 w2) public view {
        uint256 ht = 7 + uint256(height) % 20; // 7..26
        Mem memory m = _around(addr, ht, w0, w1, w2);
        bytes memory p = m.subtreeProof(addr, ht);
        bytes32 root = m.root();
        uint256 start = uint256(addr) & ~((32 << ht) - 1);
        m.clear(start, start + (32 << ht));
        (bytes32 after_, uint256 used) = h.zero(root, p, addr, ht);
        assertEq(after_, m.root(), "root after zeroing");
        assertEq(used, p.length, "bytes used");
    }

    /// @dev A memory with a word inside the subtree of height ht holding addr, one past it
    ///      (unless that wraps into it) and one anywhere.
    function _around(uint32 addr, uint256 ht, uint32 w0, uint32 w1, uint32 w2) internal pure returns (Mem memory m) {
        uint256 size = 32 << ht;
        uint256 start = uint256(addr) & ~(size - 1);
        m.set(uint32(start + (uint256(w0) % size)), w0 | 1);
        m.set(uint32((start + size + uint256(w1)) % (1 << 32)), w1 | 1);
        m.set(w2, w2 | 1);
    }

    /// @dev A subtree proof must set bitmap bits 0..ht-1 and carry the subtree's true root.
    function testFuzz_zeroSubtreeRejects(uint32 addr, uint8 height, uint8 bit, uint32 w0) public {
        uint256 ht = 7 + uint256(height) % 20;
        Mem memory m;
        m.set(w0, w0 | 1);
        m.set(addr, 7);
        bytes memory p = m.subtreeProof(addr, ht);
        bytes32 root = m.root();
        // Bit b < ht cleared: the proof then carries one more sibling (junk, never read), so only
        // the bitmap check can reject it.
        bytes memory noBit = bytes.concat(p, bytes32(0));
        uint256 b = uint256(bit) % ht; // bit b of the big-endian bitmap at p[32..36]
        noBit[35 - b / 8] = bytes1(uint8(noBit[35 - b / 8]) & ~uint8(1 << (b % 8)));
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, uint256(addr)));
        h.zero(root, noBit, addr, ht);
        bytes memory badRoot = bytes.concat(p);
        badRoot[0] = bytes1(uint8(badRoot[0]) ^ 1);
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, uint256(addr)));
        h.zero(root, badRoot, addr, ht);
    }

    // ------------------------------------------------------------------ the layout

    /// @dev The layout constants agree with each other: three leaves and three proof offsets, the
    ///      Z table ends at MEM_END, and MIPS's two words (0x2c0, 0x2e0) lie in the gap.
    function test_layout() public pure {
        assertEq(MEM_LEAF_1, MEM_LEAVES + 32, "MEM_LEAF_1");
        assertTrue(MEM_ROOT + 32 <= MEM_PROOF_OFFSET, "root before the proof words");
        assertEq(MEM_PROOF_LENGTH, MEM_PROOF_OFFSET + 32, "length after offset");
        assertEq(MEM_PROOFS_USED, MEM_PROOF_LENGTH + 32, "used after length");
        assertEq(MEM_LEAVES, MEM_PROOFS_USED + 32, "leaves after used");
        assertTrue(MEM_LEAVES + 3 * 32 + 2 * 32 == MEM_NEXT_PROOF, "the gap holds two words");
        assertEq(MEM_PROOF_AT, MEM_NEXT_PROOF + 32, "offsets after next");
        assertEq(MEM_ZEROS, MEM_PROOF_AT + 3 * 32, "Z after offsets");
        assertEq(MEM_END, MEM_ZEROS + DEPTH * 32, "Z ends at MEM_END");
    }
}
