// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice A VM thread (docs/protocol.md 1.3) as a test value.
struct Thread {
    uint32 id;
    uint32 pc;
    uint32 nextPC;
    uint32 lo;
    uint32 hi;
    uint32[32] regs;
    uint64 waitUntil;
}

/// @notice The global state (1.4) as a test value.
struct State {
    bytes32 memRoot;
    bytes32 preimageKey;
    uint32 preimageOffset;
    uint32 heap;
    bool llActive;
    uint32 llAddress;
    uint8 exitCode;
    bool exited;
    uint64 step;
    uint64 stepsSinceSwitch;
    bool traverseRight;
    bytes32 leftStack;
    bytes32 rightStack;
    uint32 nextThreadID;
    uint64 timeOffset;
    uint64 passWake;
}

/// @notice A sparse memory of at most 32 words with the 1.2 Merkle tree computed on demand.
struct Mem {
    uint32[32] addrs;
    uint32[32] vals;
    uint256 n;
}

/// @notice Builds encodings, hashes and memory proofs for hand-made MIPS.step witnesses.
library VMBuilder {
    function encode(Thread memory t) internal pure returns (bytes memory out) {
        out = abi.encodePacked(t.id, t.pc, t.nextPC, t.lo, t.hi);
        for (uint256 i = 0; i < 32; i++) {
            out = bytes.concat(out, bytes4(t.regs[i]));
        }
        out = bytes.concat(out, bytes8(t.waitUntil));
    }

    function hash(Thread memory t) internal pure returns (bytes32) {
        return keccak256(encode(t));
    }

    function push(bytes32 stackRoot, Thread memory t) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(stackRoot, hash(t)));
    }

    function encode(State memory s) internal pure returns (bytes memory) {
        bytes memory a = abi.encodePacked(s.memRoot, s.preimageKey, s.preimageOffset, s.heap, s.llActive, s.llAddress);
        bytes memory b = abi.encodePacked(s.exitCode, s.exited, s.step, s.stepsSinceSwitch, s.traverseRight);
        return bytes.concat(a, b, abi.encodePacked(s.leftStack, s.rightStack, s.nextThreadID, s.timeOffset, s.passWake));
    }

    function hash(State memory s) internal pure returns (bytes32 h) {
        h = keccak256(encode(s));
        uint256 status = 3;
        if (s.exited) status = s.exitCode == 0 ? 0 : (s.exitCode == 1 ? 1 : 2);
        h = bytes32((uint256(h) & ((1 << 248) - 1)) | (status << 248));
    }

    // ------------------------------------------------------------------ sparse memory

    function set(Mem memory m, uint32 addr, uint32 v) internal pure {
        addr &= ~uint32(3);
        for (uint256 i = 0; i < m.n; i++) {
            if (m.addrs[i] == addr) {
                m.vals[i] = v;
                return;
            }
        }
        m.addrs[m.n] = addr;
        m.vals[m.n] = v;
        m.n++;
    }

    function get(Mem memory m, uint32 addr) internal pure returns (uint32) {
        addr &= ~uint32(3);
        for (uint256 i = 0; i < m.n; i++) {
            if (m.addrs[i] == addr) return m.vals[i];
        }
        return 0;
    }

    function leaf(Mem memory m, uint256 idx) internal pure returns (bytes32 l) {
        uint256 v;
        for (uint256 i = 0; i < m.n; i++) {
            if (m.addrs[i] >> 5 == idx) v |= uint256(m.vals[i]) << (224 - 8 * (m.addrs[i] & 31));
        }
        l = bytes32(v);
    }

    function zero(uint256 h) internal pure returns (bytes32 z) {
        for (uint256 i = 0; i < h; i++) {
            z = keccak256(abi.encodePacked(z, z));
        }
    }

    function node(Mem memory m, uint256 h, uint256 idx) internal pure returns (bytes32) {
        bool any;
        for (uint256 i = 0; i < m.n && !any; i++) {
            any = (uint256(m.addrs[i]) >> 5) >> h == idx;
        }
        if (!any) return zero(h);
        if (h == 0) return leaf(m, idx);
        return keccak256(abi.encodePacked(node(m, h - 1, 2 * idx), node(m, h - 1, 2 * idx + 1)));
    }

    function root(Mem memory m) internal pure returns (bytes32) {
        return node(m, 27, 0);
    }

    /// @notice The compact memory proof of addr (1.11): leaf ‖ 4-byte bitmap ‖ the siblings that are
    ///         not the empty-subtree hash Z[h] (bit h set: level h's sibling is Z[h], omitted).
    function proof(Mem memory m, uint32 addr) internal pure returns (bytes memory out) {
        uint256 idx = addr >> 5;
        bytes memory sibs;
        uint256 bm;
        for (uint256 h = 0; h < 27; h++) {
            bytes32 s = node(m, h, (idx >> h) ^ 1);
            if (s == zero(h)) bm += 2 ** h;
            else sibs = bytes.concat(sibs, s);
        }
        out = bytes.concat(leaf(m, idx), bytes4(bytes32(bm << 224)), sibs);
    }

    /// @notice The subtree proof (1.11) of the aligned subtree of height h holding addr: its root ‖
    ///         bitmap with bits 0..h-1 set (no level below the subtree is carried) ‖ the siblings from
    ///         level h up that are not Z[l].
    function subtreeProof(Mem memory m, uint32 addr, uint256 h) internal pure returns (bytes memory out) {
        uint256 idx = uint256(addr) >> (5 + h);
        bytes memory sibs;
        uint256 bm = 2 ** h - 1;
        for (uint256 l = h; l < 27; l++) {
            bytes32 s = node(m, l, (idx >> (l - h)) ^ 1);
            if (s == zero(l)) bm += 2 ** l;
            else sibs = bytes.concat(sibs, s);
        }
        out = bytes.concat(node(m, h, idx), bytes4(bytes32(bm << 224)), sibs);
    }

    /// @notice Drops every word of m in [start, end): the range now reads as zero.
    function clear(Mem memory m, uint256 start, uint256 end) internal pure {
        uint256 i;
        while (i < m.n) {
            if (m.addrs[i] >= start && m.addrs[i] < end) {
                m.n--;
                m.addrs[i] = m.addrs[m.n];
                m.vals[i] = m.vals[m.n];
            } else {
                i++;
            }
        }
    }

    /// @notice The memory proof of addr with all 27 siblings explicit (bitmap 0), which MIPS.step
    ///         also accepts.
    function fullProof(Mem memory m, uint32 addr) internal pure returns (bytes memory out) {
        uint256 idx = addr >> 5;
        out = abi.encodePacked(leaf(m, idx), bytes4(0));
        for (uint256 h = 0; h < 27; h++) {
            out = bytes.concat(out, node(m, h, (idx >> h) ^ 1));
        }
    }
}
