// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MIPSTestBase} from "./MIPSTestBase.sol";
import {MIPS} from "../src/MIPS.sol";
import {InvalidMemoryProof, MissingMemoryProof} from "../src/lib/MIPSMemory.sol";
import {PreimageOracle} from "../src/PreimageOracle.sol";
import {VMBuilder, Thread, State, Mem} from "./lib/VMBuilder.sol";

/// @notice System calls, scheduling and the preimage ABI (docs/protocol.md 1.5, 1.8, 1.9).
contract MIPSSyscallsTest is MIPSTestBase {
    using VMBuilder for Thread;
    using VMBuilder for State;
    using VMBuilder for Mem;

    event log_named_uint(string key, uint256 val);

    /// @dev A machine about to run `syscall` with v0 and a0..a2; the word at DATA is 7.
    function _sys(uint32 num, uint32 a0, uint32 a1, uint32 a2)
        internal
        pure
        returns (Mem memory m, Thread memory t, State memory s)
    {
        m.set(DATA, 7);
        (t, s) = _sysOn(m, num, a0, a1, a2, 0);
    }

    function _ret(Thread memory t, uint32 v0, uint32 a3) internal pure {
        t.regs[2] = v0;
        t.regs[7] = a3;
        _advance(t);
    }

    function test_simpleResults() public view {
        uint32[12] memory nums = [uint32(4045), 4020, 4222, 4326, 4325, 4091, 4218, 4006, 4005, 4240, 4999, 4004];
        uint32[12] memory v0 = [uint32(0), 1, 1, 100, 101, 0, 0, 0, 2, 22, 89, 9];
        uint32[12] memory a3 = [uint32(0), 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        for (uint256 i = 0; i < nums.length; i++) {
            (Mem memory m, Thread memory t, State memory s) = _sys(nums[i], 3, 0, 0);
            bytes32 post = _step(s, _proof(t, m, _none()));
            _ret(t, v0[i], a3[i]);
            assertEq(post, _normal(s, m, t), "syscall result");
        }
    }

    function test_mmap() public view {
        (Mem memory m, Thread memory t, State memory s) = _sys(4090, 0, 0x1001, 0);
        bytes32 post = _step(s, _proof(t, m, _none()));
        _ret(t, 0x60000000, 0);
        s.heap = 0x60002000;
        assertEq(post, _normal(s, m, t), "mmap rounds up");

        (m, t, s) = _sys(4090, 0, 0xFFFFF001, 0); // would wrap in 32 bits: ENOMEM (1.8)
        post = _step(s, _proof(t, m, _none()));
        _ret(t, 12, 1);
        assertEq(post, _normal(s, m, t), "mmap ENOMEM");

        (m, t, s) = _sys(4090, 0x12345000, 0x1000, 0); // hint honoured, its page zeroed in one step
        m.set(0x12345ffc, 9);
        s = _state(m, t);
        post = _step(s, bytes.concat(_proof(t, m, _none()), m.subtreeProof(0x12345000, 7)));
        m.clear(0x12345000, 0x12346000);
        _ret(t, 0x12345000, 0);
        t.regs[5] = 0;
        assertEq(post, _normal(s, m, t), "mmap hint");
    }

    // ------------------------------------------------------------------ memory release (1.8)

    /// @dev A machine about to run `syscall` with v0 = num and a0..a3 over memory m (m holds the code).
    /// @dev One zeroing step of the height-h block at `blk`; checks the post-state (range done or
    ///      not: `left` bytes still to go in a1) and returns the machine after it.
    function _zeroStep(Mem memory m, Thread memory t, State memory s, uint32 blk, uint256 h, uint32 left, uint32 v0)
        internal
        view
        returns (State memory)
    {
        bytes32 post = _step(s, bytes.concat(_proof(t, m, _none()), m.subtreeProof(blk, h)));
        m.clear(blk, uint256(blk) + (uint256(32) << h));
        t.regs[5] = left;
        if (left == 0) _ret(t, v0, 0);
        assertEq(post, _normal(s, m, t), "zeroing step");
        return s; // _normal advanced s in place
    }

    function test_madviseDontneedZeroesInBlocks() public view {
        Mem memory m;
        m.set(0x401000, 1); // first page of the range
        m.set(0x403ffc, 2); // last word of the range
        m.set(0x400ffc, 3); // just below
        m.set(0x404000, 4); // just above: the length 0x2801 rounds up to 0x3000
        (Thread memory t, State memory s) = _sysOn(m, 4218, 0x401000, 0x2801, 4, 0);
        // [0x401000, 0x404000): the top block is 8 KiB (0x404000 is 16 KiB aligned, 0x3000 >= 8 KiB),
        // then one page; pc stays on the syscall in between.
        s = _zeroStep(m, t, s, 0x402000, 8, 0x1000, 0);
        assertEq(t.pc, PC, "still in the syscall");
        s = _zeroStep(m, t, s, 0x401000, 7, 0, 0);
        assertEq(m.get(0x400ffc), 3, "below untouched");
        assertEq(m.get(0x404000), 4, "above untouched");
        assertEq(m.get(0x401000), 0, "released");
    }

    function test_mmapFixedOverMemoryInUseZeroesIt() public view {
        Mem memory m;
        m.set(0x400000, 0xAA); // Go's 32-bit arena chunk: 4 MiB, one subtree of height 17
        m.set(0x7ffffc, 0xBB);
        m.set(0x800000, 0xCC);
        (Thread memory t, State memory s) = _sysOn(m, 4090, 0x400000, 0x400000, 3, 0x812);
        _zeroStep(m, t, s, 0x400000, 17, 0, 0x400000);
        assertEq(m.get(0x800000), 0xCC, "above untouched");
        assertEq(m.n, 2, "code and the word above are left");
    }

    function test_releaseArgumentErrors() public view {
        // (num, a0, a1, a2, errno): rejected before any memory is touched (one proof).
        uint32[5][8] memory cases = [
            [uint32(4218), 0x401004, 0x1000, 4, 22], // madvise: unaligned start
            [uint32(4218), 0xfffff000, 0x1000, 4, 22], // madvise: the end wraps to 0
            [uint32(4218), 0x1000, 0xfffff001, 4, 22], // madvise: the length rounds past 2^32
            [uint32(4218), 0x401000, 0, 4, 0], // madvise: empty range
            [uint32(4218), 0x401004, 0x1000, 15, 0], // other advice: no effect, no check
            [uint32(4090), 0x401800, 0x1000, 3, 22], // mmap: unaligned hint
            [uint32(4090), 0x401000, 0, 3, 22], // mmap: empty
            [uint32(4090), 0xfffff000, 0x1001, 3, 12] // mmap: past the address space
        ];
        for (uint256 i = 0; i < cases.length; i++) {
            Mem memory m;
            (Thread memory t, State memory s) = _sysOn(m, cases[i][0], cases[i][1], cases[i][2], cases[i][3], 0);
            bytes32 post = _step(s, _proof(t, m, _none()));
            _ret(t, cases[i][4], cases[i][4] == 0 ? 0 : 1);
            assertEq(post, _normal(s, m, t), "release argument check");
        }
    }

    function test_subtreeProofMalformed() public {
        Mem memory m;
        m.set(0x401000, 1);
        (Thread memory t, State memory s) = _sysOn(m, 4218, 0x401000, 0x1000, 4, 0);
        bytes memory head = _proof(t, m, _none());
        bytes memory sp = m.subtreeProof(0x401000, 7);
        bytes memory st = s.encode();

        vm.expectRevert(abi.encodeWithSelector(MissingMemoryProof.selector, 1));
        mips.step(st, head, CTX);

        bytes memory bad = bytes.concat(sp); // wrong subtree root
        bad[0] ^= 0x01;
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 1, 0x401000));
        mips.step(st, bytes.concat(head, bad), CTX);

        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 1, 0x401000));
        mips.step(st, bytes.concat(head, m.proof(0x401000)), CTX); // a leaf proof is not a subtree proof

        // Level 6 written out as Z[6] (bit clear): still sound, but not the canonical form the
        // subtree proof must take, and Go's verifier rejects it too.
        bad = bytes.concat(sp);
        bad[35] = bytes1(uint8(bad[35]) & 0xBF);
        bad = bytes.concat(_slice(bad, 0, 36), VMBuilder.zero(6), _slice(bad, 36, bad.length));
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 1, 0x401000));
        mips.step(st, bytes.concat(head, bad), CTX);

        vm.expectRevert(); // a trailing byte
        mips.step(st, bytes.concat(head, sp, hex"00"), CTX);
    }

    /// @dev The dearest zeroing step: one page (the lowest subtree, so the most siblings) next to the
    ///      code page, with every sibling of both proofs a non-empty subtree: a fetch proof of 27
    ///      explicit siblings and a subtree proof of 20.
    function test_zeroStepGasDense() public {
        Mem memory m;
        uint32 blk = PC + 0x1000; // the code page's neighbour: level 7 siblings of each other
        m.set(blk, 0x11111111);
        _fillSiblings(m, PC, 7);
        (Thread memory t, State memory s) = _sysOn(m, 4218, blk, 0x1000, 4, 0);
        bytes memory proof = bytes.concat(_proof(t, m, _none()), m.subtreeProof(blk, 7));
        StepGas memory g = _stepGas(s, proof);
        // Had every calldata byte been non-zero (never so: zero registers and state fields), the
        // floor would decide: the caveat docs/bench/dispute-gas.md states for dense two-proof loads.
        uint256 allNonZero = 21000 + 40 * g.input;
        emit log_named_uint("zeroing step, dense page: witness bytes", s.encode().length + proof.length);
        emit log_named_uint("exec gas (with the call overhead)", g.exec);
        emit log_named_uint("tx gas (21,000 + calldata + exec)", g.tx);
        emit log_named_uint("EIP-7623 calldata floor", g.floor);
        emit log_named_uint("EIP-7623 floor if every calldata byte were non-zero", allNonZero);
        assertTrue((g.tx > g.floor ? g.tx : g.floor) <= 100000, "one-step target");
    }

    function _slice(bytes memory b, uint256 from, uint256 to) internal pure returns (bytes memory out) {
        out = new bytes(to - from);
        for (uint256 i = from; i < to; i++) {
            out[i - from] = b[i];
        }
    }

    function test_yieldMovesThreadToOtherStack() public view {
        (Mem memory m, Thread memory t, State memory s) = _sys(4162, 0, 0, 0);
        s.llActive = true;
        bytes32 post = _step(s, _proof(t, m, _none()));
        _ret(t, 0, 0);
        assertEq(post, _yielded(s, m, t), "sched_yield");
    }

    function test_futex() public view {
        (Mem memory m, Thread memory t, State memory s) = _sys(4238, DATA, 0x81, 7); // WAKE yields
        bytes32 post = _step(s, _proof(t, m, _none()));
        _ret(t, 0, 0);
        assertEq(post, _yielded(s, m, t), "futex wake yields");

        (m, t, s) = _sys(4422, DATA + 2, 0, 7); // misaligned: EINVAL, no proof
        post = _step(s, _proof(t, m, _none()));
        _ret(t, 22, 1);
        assertEq(post, _normal(s, m, t), "futex EINVAL");

        (m, t, s) = _sys(4422, DATA, 9, 7); // another op
        post = _step(s, _proof(t, m, _none()));
        _ret(t, 89, 1);
        assertEq(post, _normal(s, m, t), "futex ENOSYS");
        // WAIT itself: MIPSWait.t.sol.
    }

    function test_clockGettimeSpanningTwoLeaves() public view {
        uint32 a1 = DATA + 28; // sec in one leaf, nsec in the next
        (Mem memory m, Thread memory t, State memory s) = _sys(4263, 1, a1, 0);
        s.step = 123456789012; // ns = 1234567890120 -> 1234 s, 567890120 ns
        Mem memory m1 = _copy(m);
        m1.set(a1, 1234);
        bytes memory proof = bytes.concat(_proof(t, m, _one(a1)), m1.proof(a1 + 4));
        bytes32 post = _step(s, proof);
        m1.set(a1 + 4, 567890120);
        _ret(t, 0, 0);
        assertEq(post, _normal(s, m1, t), "clock_gettime");

        (m, t, s) = _sys(4263, 0, DATA, 0); // REALTIME at step 0, one leaf
        post = _step(s, _proof(t, m, _one(DATA)));
        m.set(DATA, 1735689600);
        _ret(t, 0, 0);
        assertEq(post, _normal(s, m, t), "clock_gettime realtime");
    }

    function test_cloneThenChildRuns() public view {
        (Mem memory m, Thread memory t, State memory s) = _sys(4120, 0x10100, 0x7FF00000, 0);
        bytes32 post = _step(s, _proof(t, m, _none()));
        _ret(t, 2, 0); // parent gets the child id
        Thread memory c = _copyThread(t);
        c.id = 2;
        c.regs[2] = 0;
        c.regs[29] = 0x7FF00000;
        s.leftStack = keccak256(abi.encodePacked(VMBuilder.push(bytes32(0), t), c.hash()));
        s.nextThreadID = 3;
        s.step += 1;
        s.stepsSinceSwitch = 0;
        assertEq(post, s.hash(), "clone");

        (m, t, s) = _sys(4120, 0x100, 0, 0); // no CLONE_THREAD: EINVAL
        post = _step(s, _proof(t, m, _none()));
        _ret(t, 22, 1);
        assertEq(post, _normal(s, m, t), "clone EINVAL");
    }

    function test_exits() public view {
        (Mem memory m, Thread memory t, State memory s) = _sys(4001, 0x107, 0, 0); // last thread exits
        bytes32 post = _step(s, _proof(t, m, _none()));
        s.leftStack = bytes32(0);
        s.exited = true;
        s.exitCode = 7;
        s.step += 1;
        assertEq(post, s.hash(), "exit of the last thread");

        (m, t, s) = _sys(4246, 1, 0, 0); // exit_group: stacks and counters untouched
        s.stepsSinceSwitch = 9;
        post = _step(s, _proof(t, m, _none()));
        s.exited = true;
        s.exitCode = 1;
        s.step += 1;
        assertEq(post, s.hash(), "exit_group");
        assertEq(uint256(post) >> 248, 1, "status INVALID");

        // A thread exits while another waits on the right stack: traverse flips.
        (m, t, s) = _sys(4001, 0, 0, 0);
        Thread memory other = _thread();
        other.id = 2;
        s.rightStack = VMBuilder.push(bytes32(0), other);
        post = _step(s, _proof(t, m, _none()));
        s.leftStack = bytes32(0);
        s.traverseRight = true;
        s.step += 1;
        s.passWake = type(uint64).max; // a new pass
        assertEq(post, s.hash(), "exit flips to the other stack");
    }

    function test_quantumExpiryPreemptsWithoutProofs() public view {
        (Mem memory m, Thread memory t, State memory s) = _sys(4004, 1, 0, 0);
        s.stepsSinceSwitch = 100000;
        s.llActive = true;
        bytes32 post = _step(s, bytes.concat(t.encode(), bytes32(0)));
        assertEq(post, _yielded(s, m, t), "quantum");
    }

    function test_exitedStateIsIdentity() public view {
        Mem memory m;
        Thread memory t = _thread();
        State memory s = _state(m, t);
        s.exited = true;
        s.exitCode = 0;
        assertEq(_step(s, hex"deadbeef"), s.hash(), "exited: proof ignored");
        assertEq(uint256(s.hash()) >> 248, 0, "status VALID");
    }

    // ------------------------------------------------------------------ preimages

    /// @dev Writes key from the aligned leaf at DATA in one step (n = 32 replaces the key) and
    ///      checks it; returns the machine about to run the syscall again.
    function _keyWrite(bytes32 key) internal view returns (State memory s, Mem memory m, Thread memory t) {
        m.set(PC, SYSCALL_INSN);
        m.set(PC + 4, I(4, 0, 0, 0xFFFE)); // b back to the syscall (delay slot is PC+8 = nop)
        for (uint32 i = 0; i < 8; i++) {
            m.set(DATA + 4 * i, uint32(uint256(key) >> (224 - 32 * i)));
        }
        t = _thread();
        t.regs[2] = 4004;
        t.regs[4] = 6;
        t.regs[5] = DATA;
        t.regs[6] = 40;
        s = _state(m, t);
        s.preimageKey = bytes32(type(uint256).max);
        s.preimageOffset = 7;
        bytes32 post = _step(s, _proof(t, m, _one(DATA)));
        s.preimageKey = key;
        s.preimageOffset = 0;
        Thread memory te = _copyThread(t);
        _ret(te, 32, 0);
        assertEq(post, _normal(_copyState(s), m, te), "32-byte key write");
    }

    /// @dev Leaf bytes of m for the 32 bytes at the leaf-aligned address `leafAddr`.
    function _leafBytes(Mem memory m, uint32 leafAddr) internal pure returns (bytes memory b) {
        b = new bytes(32);
        for (uint32 i = 0; i < 32; i++) {
            b[i] = bytes1(uint8(m.get(leafAddr + i) >> (8 * (3 - ((leafAddr + i) & 3)))));
        }
    }

    /// @dev Writes byte v at addr of the sparse memory m.
    function _setByte(Mem memory m, uint32 addr, uint8 v) internal pure {
        uint32 sh = 8 * (3 - (addr & 3));
        m.set(addr, (m.get(addr) & ~(uint32(0xFF) << sh)) | (uint32(v) << sh));
    }

    function test_preimageKeyWriteEveryAlignment() public view {
        uint32[4] memory counts = [uint32(1), 7, 32, 40];
        for (uint32 align = 0; align < 32; align++) {
            for (uint256 c = 0; c < counts.length; c++) {
                this.checkKeyWrite(align, counts[c]); // a call per case: fresh memory
            }
        }
    }

    /// @dev One key write of `count` bytes from byte `align` of a patterned leaf.
    function checkKeyWrite(uint32 align, uint32 count) external view {
        uint32 leafAddr = DATA + 0x20;
        bytes32 k0 = bytes32(uint256(0x1122) << 240 | 0x3344);
        (Mem memory m, Thread memory t, State memory s) = _sys(4004, 6, leafAddr + align, count);
        for (uint32 i = 0; i < 8; i++) {
            m.set(leafAddr + 4 * i, 0xA0B0C0D0 + 0x01010101 * i);
        }
        s.memRoot = m.root();
        s.preimageKey = k0;
        s.preimageOffset = 9;
        bytes32 post = _step(s, _proof(t, m, _one(leafAddr + align)));
        uint32 n = count < 32 - align ? count : 32 - align;
        bytes memory leaf = _leafBytes(m, leafAddr);
        uint256 key = n == 32 ? 0 : uint256(k0) << (8 * n);
        for (uint32 i = 0; i < n; i++) {
            key |= uint256(uint8(leaf[align + i])) << (8 * (n - 1 - i));
        }
        s.preimageKey = bytes32(key);
        s.preimageOffset = 0;
        _ret(t, n, 0);
        assertEq(post, _normal(s, m, t), "key write");
    }

    function _read(State memory s, Mem memory m, Thread memory t, uint32 addr, uint32 count)
        internal
        view
        returns (bytes32)
    {
        t.regs[2] = 4003;
        t.regs[4] = 5;
        t.regs[5] = addr;
        t.regs[6] = count;
        s.leftStack = VMBuilder.push(bytes32(0), t);
        return _step(s, _proof(t, m, _one(addr)));
    }

    /// @dev Expected post-state of a read of `count` bytes of `stream` at `off` into addr.
    function _readPost(State memory s, Mem memory m, Thread memory t, bytes memory stream, uint32 addr, uint32 count)
        internal
        pure
        returns (bytes32)
    {
        uint32 off = s.preimageOffset;
        uint32 n = 32 - (addr & 31);
        if (count < n) n = count;
        if (stream.length - off < n) n = uint32(stream.length - off);
        Mem memory m2 = _copy(m);
        for (uint32 i = 0; i < n; i++) {
            _setByte(m2, addr + i, uint8(stream[off + i]));
        }
        State memory e = _copyState(s);
        e.preimageOffset = off + n;
        Thread memory te = _copyThread(t);
        _ret(te, n, 0);
        return _normal(e, m2, te);
    }

    function test_preimageKeccakReadEveryOffset() public {
        bytes memory data = "AIVM keccak preimage, 40 bytes long....";
        bytes32 key = bytes32((uint256(keccak256(data)) & ((1 << 248) - 1)) | (2 << 248));
        (State memory s, Mem memory m, Thread memory t) = _keyWrite(key);
        bytes memory stream = bytes.concat(bytes8(uint64(data.length)), data);
        for (uint32 off = 0; off < stream.length; off++) {
            oracle.loadKeccak256PreimagePart(off, data);
            s.preimageOffset = off;
            uint32 addr = DATA + 0x40 + (off % 32);
            bytes32 post = _read(s, m, t, addr, 40);
            assertEq(post, _readPost(s, m, t, stream, addr, 40), "preimage read");
        }
        // EOF needs the oracle (for the length) but no memory proof.
        s.preimageOffset = uint32(stream.length);
        t.regs[2] = 4003;
        t.regs[4] = 5;
        t.regs[5] = DATA;
        t.regs[6] = 4;
        s.leftStack = VMBuilder.push(bytes32(0), t);
        bytes32 eof = _step(s, _proof(t, m, _none()));
        _ret(t, 0, 0);
        assertEq(eof, _normal(s, m, t), "EOF");
    }

    /// @dev Every alignment of the destination in its leaf, counts around the leaf end, offsets
    ///      at the start, inside, and just before the end of the stream.
    function test_preimageReadEveryAlignment() public {
        bytes memory data = "a preimage of forty bytes, for 1.9 reads";
        uint32[4] memory offs = [uint32(0), 5, 17, 47];
        uint32[4] memory counts = [uint32(1), 9, 32, 40];
        for (uint256 o = 0; o < offs.length; o++) {
            oracle.loadKeccak256PreimagePart(offs[o], data);
            for (uint32 align = 0; align < 32; align++) {
                for (uint256 c = 0; c < counts.length; c++) {
                    this.checkRead(data, offs[o], align, counts[c]); // a call per case: fresh memory
                }
            }
        }
    }

    /// @dev One read of `count` bytes at stream offset `off` into byte `align` of a leaf whose
    ///      other bytes must survive.
    function checkRead(bytes memory data, uint32 off, uint32 align, uint32 count) external view {
        bytes32 key = bytes32((uint256(keccak256(data)) & ((1 << 248) - 1)) | (2 << 248));
        (Mem memory m, Thread memory t, State memory s) = _sys(4003, 5, DATA + 0x40 + align, count);
        for (uint32 i = 0; i < 8; i++) {
            m.set(DATA + 0x40 + 4 * i, 0xEEEEEEEE);
        }
        s.memRoot = m.root();
        s.preimageKey = key;
        s.preimageOffset = off;
        bytes32 post = _read(s, m, t, DATA + 0x40 + align, count);
        bytes memory stream = bytes.concat(bytes8(uint64(data.length)), data);
        assertEq(post, _readPost(s, m, t, stream, DATA + 0x40 + align, count), "read");
    }

    function test_preimageLocalIsNamespacedToCaller() public {
        bytes32 key = bytes32(uint256(1 << 248 | 5));
        (State memory s, Mem memory m, Thread memory t) = _keyWrite(key);
        oracle.loadLocalData(key, CTX, hex"0102030405", 8);
        s.preimageOffset = 8;
        bytes32 post = _read(s, m, t, DATA + 0x40, 40);
        Mem memory m2 = _copy(m);
        m2.set(DATA + 0x40, 0x01020304);
        m2.set(DATA + 0x44, 0x05000000);
        State memory e = _copyState(s);
        e.preimageOffset = 13;
        Thread memory te = _copyThread(t);
        _ret(te, 5, 0);
        assertEq(post, _normal(e, m2, te), "local read");

        // Another caller (a different dispute game) sees none of this caller's data.
        bytes memory st = s.encode();
        bytes memory proof = _proof(t, m, _one(DATA + 0x40));
        vm.prank(address(0xBAD));
        vm.expectRevert(); // PreimagePartNotLoaded, bubbled up from the oracle
        mips.step(st, proof, CTX);
        // Neither does this caller under another context.
        vm.expectRevert(
            abi.encodeWithSelector(
                PreimageOracle.PreimagePartNotLoaded.selector, oracle.localizeKey(key, address(this), bytes32(0)), 8
            )
        );
        mips.step(st, proof, bytes32(0));
    }

    // ------------------------------------------------------------------ copies

    function _copy(Mem memory m) internal pure returns (Mem memory c) {
        c.n = m.n;
        for (uint256 i = 0; i < m.n; i++) {
            c.addrs[i] = m.addrs[i];
            c.vals[i] = m.vals[i];
        }
    }

    /// @dev Deep copy (a struct literal would alias the regs array).
    function _copyThread(Thread memory t) internal pure returns (Thread memory) {
        return abi.decode(abi.encode(t), (Thread));
    }

    function _copyState(State memory s) internal pure returns (State memory) {
        return abi.decode(abi.encode(s), (State));
    }
}
