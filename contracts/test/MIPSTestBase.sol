// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MIPS} from "../src/MIPS.sol";
import {PreimageOracle} from "../src/PreimageOracle.sol";
import {TestBase} from "./lib/Vm.sol";
import {VMBuilder, Thread, State, Mem} from "./lib/VMBuilder.sol";

/// @notice Shared fixtures: a deployed oracle and MIPS, one-thread machines at PC, witness
///         builders, and the expected post-states of normal steps and faults.
abstract contract MIPSTestBase is TestBase {
    using VMBuilder for Thread;
    using VMBuilder for State;
    using VMBuilder for Mem;

    PreimageOracle internal oracle;
    MIPS internal mips;

    uint32 internal constant PC = 0x10000;
    uint32 internal constant DATA = 0x20000;
    bytes32 internal constant CTX = bytes32(uint256(0xC0FFEE));
    // Register conventions: rs = t0 (8), rt = t1 (9), rd = v1 (3).
    uint32 internal constant RS = 8;
    uint32 internal constant RT = 9;
    uint32 internal constant RD = 3;
    // The witness head (1.11): thread encoding (156 bytes) ‖ root I (32).
    uint256 internal constant HEAD = 188;

    function setUp() public virtual {
        oracle = new PreimageOracle();
        mips = new MIPS(oracle);
    }

    // ------------------------------------------------------------------ encodings

    function R(uint32 funct, uint32 rs, uint32 rt, uint32 rd, uint32 sa) internal pure returns (uint32) {
        return rs << 21 | rt << 16 | rd << 11 | sa << 6 | funct;
    }

    function I(uint32 op, uint32 rs, uint32 rt, uint16 imm) internal pure returns (uint32) {
        return op << 26 | rs << 21 | rt << 16 | imm;
    }

    // ------------------------------------------------------------------ machines

    function _thread() internal pure returns (Thread memory t) {
        t.id = 1;
        t.pc = PC;
        t.nextPC = PC + 4;
    }

    /// @dev A running machine whose only thread t is on the left stack.
    function _state(Mem memory m, Thread memory t) internal pure returns (State memory s) {
        s.memRoot = m.root();
        s.heap = 0x60000000;
        s.leftStack = VMBuilder.push(bytes32(0), t);
        s.nextThreadID = 2;
    }

    /// @dev thread ‖ I = 0 ‖ fetch proof ‖ proofs of `extra` (against the unchanged memory).
    function _proof(Thread memory t, Mem memory m, uint32[] memory extra) internal pure returns (bytes memory p) {
        p = bytes.concat(t.encode(), bytes32(0), m.proof(t.pc));
        for (uint256 i = 0; i < extra.length; i++) {
            p = bytes.concat(p, m.proof(extra[i]));
        }
    }

    uint32 internal constant SYSCALL_INSN = 0x0C;

    /// @dev The one-thread machine of m about to run `syscall` at PC with v0 = num and a0..a3.
    function _sysOn(Mem memory m, uint32 num, uint32 a0, uint32 a1, uint32 a2, uint32 a3)
        internal
        pure
        returns (Thread memory t, State memory s)
    {
        m.set(PC, SYSCALL_INSN);
        t = _thread();
        t.regs[2] = num;
        t.regs[4] = a0;
        t.regs[5] = a1;
        t.regs[6] = a2;
        t.regs[7] = a3;
        s = _state(m, t);
    }

    /// @dev Makes every sibling subtree of addr's leaf non-empty (level `skip` excepted; 27: none), so
    ///      a memory proof of addr elides nothing: the dense worst case of 1.11.
    function _fillSiblings(Mem memory m, uint32 addr, uint256 skip) internal pure {
        for (uint256 l = 0; l < 27; l++) {
            if (l == skip) continue;
            uint256 a = ((uint256(addr) >> (5 + l)) ^ 1) << (5 + l);
            // forge-lint: disable-next-line(incorrect-shift)
            m.set(uint32(a | (l == 0 ? 4 : 0x40 & ((32 << l) - 1))), uint32(0xF0F0F0F0 ^ l));
        }
    }

    /// @dev Gas of one MIPS.step transaction: execution (with the call overhead), 21,000 +
    ///      calldata + execution, and EIP-7623's calldata floor; input is the calldata length.
    struct StepGas {
        uint256 exec;
        uint256 tx;
        uint256 floor;
        uint256 input;
    }

    function _stepGas(State memory s, bytes memory proof) internal view returns (StepGas memory g) {
        bytes memory input = abi.encodeCall(MIPS.step, (s.encode(), proof, CTX));
        uint256 g0 = gasleft();
        mips.step(s.encode(), proof, CTX);
        g.exec = g0 - gasleft();
        uint256 zeros;
        for (uint256 i = 0; i < input.length; i++) {
            if (input[i] == 0) zeros++;
        }
        g.tx = 21000 + 4 * zeros + 16 * (input.length - zeros) + g.exec;
        g.floor = 21000 + 10 * (zeros + 4 * (input.length - zeros));
        g.input = input.length;
    }

    function _none() internal pure returns (uint32[] memory) {
        return new uint32[](0);
    }

    function _one(uint32 a) internal pure returns (uint32[] memory x) {
        x = new uint32[](1);
        x[0] = a;
    }

    function _step(State memory s, bytes memory proof) internal view returns (bytes32) {
        return mips.step(s.encode(), proof, CTX);
    }

    // ------------------------------------------------------------------ expectations

    function _advance(Thread memory t) internal pure {
        t.pc = t.nextPC;
        t.nextPC = t.nextPC + 4;
    }

    /// @dev Post-state of a normal step of the single left-stack thread: t and m are the new values.
    function _normal(State memory s, Mem memory m, Thread memory t) internal pure returns (bytes32) {
        s.memRoot = m.root();
        s.leftStack = VMBuilder.push(bytes32(0), t);
        s.step += 1;
        s.stepsSinceSwitch += 1;
        return s.hash();
    }

    /// @dev Post-state of a yield by the only thread: it moves to the (empty) right stack, which ends
    ///      a pass that ran something (no clock jump) and starts the next one (1.5).
    function _yielded(State memory s, Mem memory m, Thread memory t) internal pure returns (bytes32) {
        s.memRoot = m.root();
        s.leftStack = bytes32(0);
        s.rightStack = VMBuilder.push(bytes32(0), t);
        s.traverseRight = true;
        s.step += 1;
        s.stepsSinceSwitch = 0;
        s.llActive = false;
        s.passWake = type(uint64).max;
        return s.hash();
    }

    function _faulted(State memory s) internal pure returns (bytes32) {
        s.exited = true;
        s.exitCode = 255;
        s.step += 1;
        return s.hash();
    }

    // ------------------------------------------------------------------ one-instruction runners

    /// @dev Runs insn with rs/rt preset; returns the post hash and the pre-step values.
    function _exec(uint32 insn, uint32 rs, uint32 rt)
        internal
        view
        returns (bytes32 post, Mem memory m, Thread memory t, State memory s)
    {
        m.set(PC, insn);
        t = _thread();
        t.regs[RS] = rs;
        t.regs[RT] = rt;
        t.hi = 0x01234567;
        t.lo = 0x89ABCDEF;
        s = _state(m, t);
        post = _step(s, _proof(t, m, _none()));
    }

    /// @dev insn must write `want` into register rd and advance.
    function _expectReg(uint32 insn, uint32 rs, uint32 rt, uint32 rd, uint32 want) internal view {
        (bytes32 post, Mem memory m, Thread memory t, State memory s) = _exec(insn, rs, rt);
        if (rd != 0) t.regs[rd] = want;
        _advance(t);
        assertEq(post, _normal(s, m, t), "register result");
    }

    /// @dev insn must fault (PANIC, nothing else changes).
    function _expectFault(uint32 insn, uint32 rs, uint32 rt) internal view {
        (bytes32 post,,, State memory s) = _exec(insn, rs, rt);
        assertEq(post, _faulted(s), "fault");
    }

    /// @dev Runs a load/store at DATA+off with the data words preset; returns post and pre-values.
    function _execMem(uint32 insn, uint32 base, uint32 rt, uint32 addr)
        internal
        view
        returns (bytes32 post, Mem memory m, Thread memory t, State memory s)
    {
        m.set(PC, insn);
        m.set(DATA, 0x8899AABB);
        m.set(DATA + 4, 0xCCDDEEFF);
        t = _thread();
        t.regs[RS] = base;
        t.regs[RT] = rt;
        s = _state(m, t);
        post = _step(s, _proof(t, m, _one(addr)));
    }
}
