// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MIPSTestBase} from "./MIPSTestBase.sol";
import {VMBuilder, Thread, State, Mem} from "./lib/VMBuilder.sol";

// Test vectors shift constants by loop variables and narrow small loop counters on purpose.
// forge-lint: disable-start(incorrect-shift)
// forge-lint: disable-start(unsafe-typecast)
/// @notice One or more hand-checked cases per instruction class (docs/protocol.md 1.6, 1.7).
///         Exhaustive operand coverage is in the Go differential tests (contracts/evm).
contract MIPSInstructionsTest is MIPSTestBase {
    using VMBuilder for Thread;
    using VMBuilder for State;
    using VMBuilder for Mem;

    function test_arithmetic() public view {
        _expectReg(I(9, RS, RD, 0xFFFB), 37, 0, RD, 32); // addiu -5
        _expectReg(R(0x21, RS, RT, RD, 0), 0xFFFFFFFF, 2, RD, 1); // addu wraps
        _expectReg(R(0x23, RS, RT, RD, 0), 0, 1, RD, 0xFFFFFFFF); // subu wraps
        _expectReg(R(0x20, RS, RT, RD, 0), 0x7FFFFFFE, 1, RD, 0x7FFFFFFF); // add, no overflow
        _expectReg(R(0x2A, RS, RT, RD, 0), 0xFFFFFFFF, 0, RD, 1); // slt: -1 < 0
        _expectReg(R(0x2B, RS, RT, RD, 0), 0xFFFFFFFF, 0, RD, 0); // sltu
        _expectReg(I(11, RS, RD, 0xFFFF), 5, 0, RD, 1); // sltiu: imm sign-extended, unsigned compare
        _expectReg(I(10, RS, RD, 0xFFFF), 0x80000000, 0, RD, 1); // slti
        _expectReg(I(13, RS, RD, 0x8000), 1, 0, RD, 0x8001); // ori zero-extends
        _expectReg(I(15, 0, RD, 0xBEEF), 0, 0, RD, 0xBEEF0000); // lui
        _expectReg(R(0x27, RS, RT, RD, 0), 0xF0F0F0F0, 0x0F0F0F00, RD, 0x0000000F); // nor
        _expectReg(R(0x21, RS, RT, 0, 0), 5, 6, 0, 0); // writes to r0 are discarded
    }

    function test_overflowFaults() public view {
        _expectFault(R(0x20, RS, RT, RD, 0), 0x7FFFFFFF, 1); // add
        _expectFault(R(0x22, RS, RT, RD, 0), 0x80000000, 1); // sub
        _expectFault(I(8, RS, RD, 1), 0x7FFFFFFF, 0); // addi
        _expectFault(I(8, RS, RD, 0x8000), 0x80000000, 0); // addi negative
    }

    function test_shifts() public view {
        _expectReg(R(0, 0, RT, RD, 0), 0, 0x80000001, RD, 0x80000001); // sll 0
        _expectReg(R(0, 0, RT, RD, 31), 0, 3, RD, 0x80000000); // sll 31
        _expectReg(R(3, 0, RT, RD, 31), 0, 0x80000000, RD, 0xFFFFFFFF); // sra 31
        _expectReg(R(2, 1, RT, RD, 4), 0, 0x12345678, RD, 0x01234567); // srl with rs=1 (not rotr)
        _expectReg(R(7, RS, RT, RD, 0), 33, 0x80000000, RD, 0xC0000000); // srav uses rs & 31
        _expectReg(R(6, RS, RT, RD, 0), 32, 0xFFFF, RD, 0xFFFF); // srlv by 32 = by 0
        _expectReg(R(4, RS, RT, RD, 0), 0xFFFFFFFF, 1, RD, 0x80000000); // sllv by 31
    }

    function test_multDiv() public view {
        (bytes32 post, Mem memory m, Thread memory t, State memory s) = _exec(R(0x18, RS, RT, 0, 0), 0xFFFFFFFF, 2);
        (t.hi, t.lo) = (0xFFFFFFFF, 0xFFFFFFFE); // mult -1 * 2
        _advance(t);
        assertEq(post, _normal(s, m, t), "mult");

        (post, m, t, s) = _exec(R(0x1A, RS, RT, 0, 0), 0xFFFFFFF9, 2); // div -7 / 2
        (t.lo, t.hi) = (0xFFFFFFFD, 0xFFFFFFFF);
        _advance(t);
        assertEq(post, _normal(s, m, t), "div truncates");

        (post, m, t, s) = _exec(R(0x1A, RS, RT, 0, 0), 0x80000000, 0xFFFFFFFF); // INT_MIN / -1
        (t.lo, t.hi) = (0x80000000, 0);
        _advance(t);
        assertEq(post, _normal(s, m, t), "div INT_MIN/-1");

        (post, m, t, s) = _exec(R(0x1B, RS, RT, 0, 0), 1234, 0); // divu by zero
        (t.lo, t.hi) = (1234, 0);
        _advance(t);
        assertEq(post, _normal(s, m, t), "divu by zero");
    }

    function test_special2And3() public view {
        _expectReg(0x1C << 26 | R(2, RS, RT, RD, 0), 0x10000, 0x10001, RD, 0x10000); // mul low bits
        _expectReg(0x1C << 26 | R(0x20, RS, 0, RD, 0), 0x00010000, 0, RD, 15); // clz
        _expectReg(0x1C << 26 | R(0x20, RS, 0, RD, 0), 0, 0, RD, 32); // clz 0
        _expectReg(0x1C << 26 | R(0x21, RS, 0, RD, 0), 0xFFFFFFFF, 0, RD, 32); // clo
        _expectReg(0x1F << 26 | R(0x20, 0, RT, RD, 0x10), 0, 0x80, RD, 0xFFFFFF80); // seb
        _expectReg(0x1F << 26 | R(0x20, 0, RT, RD, 0x18), 0, 0x8000, RD, 0xFFFF8000); // seh
        _expectReg(0x1F << 26 | R(0x20, 0, RT, RD, 0x02), 0, 0x11223344, RD, 0x22114433); // wsbh
        _expectReg(0x1F << 26 | R(0, RS, RT, 7, 4), 0xDEADBEEF, 0, RT, 0xEE); // ext pos 4 size 8
        _expectReg(0x1F << 26 | R(4, RS, RT, 11, 4), 0xABC, 0xFFFFFFFF, RT, 0xFFFFFBCF); // ins bits 4..11
        _expectFault(0x1F << 26 | R(0, RS, RT, 20, 12), 0, 0); // ext pos + size > 32: reserved
        _expectFault(0x1F << 26 | R(4, RS, RT, 3, 4), 0, 0); // ins msb < lsb: reserved

        (bytes32 post, Mem memory m, Thread memory t, State memory s) =
            _exec(0x1C << 26 | R(0, RS, RT, 0, 0), 0xFFFFFFFF, 1); // madd -1
        (t.hi, t.lo) = (0x01234567, 0x89ABCDEE);
        _advance(t);
        assertEq(post, _normal(s, m, t), "madd");
    }

    function test_branchDelaySlot() public view {
        // beq taken: pc <- delay slot, nextPC <- target.
        (bytes32 post, Mem memory m, Thread memory t, State memory s) = _exec(I(4, RS, RT, 0xFFFF), 3, 3);
        t.pc = PC + 4;
        t.nextPC = PC; // PC + 4 + (-1 << 2)
        assertEq(post, _normal(s, m, t), "beq taken");
        // bgezal not taken still links.
        (post, m, t, s) = _exec(I(1, RS, 0x11, 8), 0x80000000, 0);
        t.regs[31] = PC + 8;
        _advance(t);
        assertEq(post, _normal(s, m, t), "bgezal links when not taken");
        // jal
        (post, m, t, s) = _exec(3 << 26 | 0x40, 0, 0);
        t.regs[31] = PC + 8;
        t.pc = PC + 4;
        t.nextPC = 0x100;
        assertEq(post, _normal(s, m, t), "jal");
        // jalr rd == rs jumps to the old rs.
        (post, m, t, s) = _exec(R(9, RS, 0, RS, 0), 0x4000, 0);
        t.regs[RS] = PC + 8;
        t.pc = PC + 4;
        t.nextPC = 0x4000;
        assertEq(post, _normal(s, m, t), "jalr rd=rs");
    }

    function test_loadsAtEveryAlignment() public view {
        // lwl / lwr against the big-endian word 0x8899AABB with rt = 0x11223344.
        uint32[4] memory lwl = [uint32(0x8899AABB), 0x99AABB44, 0xAABB3344, 0xBB223344];
        uint32[4] memory lwr = [uint32(0x11223388), 0x11228899, 0x118899AA, 0x8899AABB];
        for (uint32 k = 0; k < 4; k++) {
            (bytes32 post, Mem memory m, Thread memory t, State memory s) =
                _execMem(I(0x22, RS, RT, uint16(k)), DATA, 0x11223344, DATA + k);
            t.regs[RT] = lwl[k];
            _advance(t);
            assertEq(post, _normal(s, m, t), "lwl");
            (post, m, t, s) = _execMem(I(0x26, RS, RT, uint16(k)), DATA, 0x11223344, DATA + k);
            t.regs[RT] = lwr[k];
            _advance(t);
            assertEq(post, _normal(s, m, t), "lwr");
            (post, m, t, s) = _execMem(I(0x20, RS, RT, uint16(k)), DATA, 0, DATA + k);
            t.regs[RT] = uint32(int32(int8(uint8(0x8899AABB >> (24 - 8 * k)))));
            _advance(t);
            assertEq(post, _normal(s, m, t), "lb");
        }
    }

    function test_storesAtEveryAlignment() public view {
        uint32[4] memory swl = [uint32(0x11223344), 0x88112233, 0x88991122, 0x8899AA11];
        uint32[4] memory swr = [uint32(0x4499AABB), 0x3344AABB, 0x223344BB, 0x11223344];
        uint32[4] memory sb = [uint32(0x4499AABB), 0x8844AABB, 0x889944BB, 0x8899AA44];
        for (uint32 k = 0; k < 4; k++) {
            (bytes32 post, Mem memory m, Thread memory t, State memory s) =
                _execMem(I(0x2A, RS, RT, uint16(k)), DATA, 0x11223344, DATA + k);
            m.set(DATA, swl[k]);
            _advance(t);
            assertEq(post, _normal(s, m, t), "swl");
            (post, m, t, s) = _execMem(I(0x2E, RS, RT, uint16(k)), DATA, 0x11223344, DATA + k);
            m.set(DATA, swr[k]);
            _advance(t);
            assertEq(post, _normal(s, m, t), "swr");
            (post, m, t, s) = _execMem(I(0x28, RS, RT, uint16(k)), DATA, 0x11223344, DATA + k);
            m.set(DATA, sb[k]);
            _advance(t);
            assertEq(post, _normal(s, m, t), "sb");
        }
    }

    function test_memoryFaults() public view {
        _expectFault(I(0x23, RS, RT, 0), 0xFFC, 0); // lw in the null page
        _expectFault(I(0x2B, RS, RT, 0xFFFF), 0x1000, 0); // sw at 0xFFF (wraps below 0x1000)
        _expectFault(I(0x22, RS, RT, 0), 0, 0); // lwl in the null page
        _expectFault(I(0x23, RS, RT, 2), DATA, 0); // misaligned lw
        _expectFault(I(0x21, RS, RT, 1), DATA, 0); // misaligned lh
        _expectFault(I(0x38, RS, RT, 1), DATA, 0); // misaligned sc
        // cache and pref never access memory: no fault even at address 0, and no data proof.
        _expectReg(I(0x2F, RS, RT, 0), 0, 5, RT, 5);
        _expectReg(I(0x33, RS, RT, 0), 0, 5, RT, 5);
    }

    function test_llsc() public view {
        // ll sets the reservation.
        (bytes32 post, Mem memory m, Thread memory t, State memory s) = _execMem(I(0x30, RS, RT, 4), DATA, 0, DATA + 4);
        t.regs[RT] = 0xCCDDEEFF;
        _advance(t);
        s.llActive = true;
        s.llAddress = DATA + 4;
        assertEq(post, _normal(s, m, t), "ll");

        // sc with the reservation stores and clears it.
        (m, t, s) = _scMachine(true);
        post = _step(s, _proof(t, m, _one(DATA + 4)));
        m.set(DATA + 4, 77);
        t.regs[RT] = 1;
        _advance(t);
        s.llActive = false;
        assertEq(post, _normal(s, m, t), "sc success");

        // sc without a reservation stores nothing and takes no data proof.
        (m, t, s) = _scMachine(false);
        post = _step(s, _proof(t, m, _none()));
        t.regs[RT] = 0;
        _advance(t);
        assertEq(post, _normal(s, m, t), "sc failure");
    }

    /// @dev sc t1, 4(t0) with t0 = DATA, t1 = 77, reservation on DATA+4 held or not.
    function _scMachine(bool reserved) internal pure returns (Mem memory m, Thread memory t, State memory s) {
        m = _memWith(I(0x38, RS, RT, 4));
        t = _thread();
        t.regs[RS] = DATA;
        t.regs[RT] = 77;
        s = _state(m, t);
        s.llActive = reserved;
        s.llAddress = DATA + 4;
    }

    function test_reservedInstructionsFault() public view {
        uint32[12] memory reserved = [
            uint32(0x10 << 26), // COP0
            0x11 << 26, // COP1
            0x14 << 26, // beql
            0x17 << 26, // bgtzl
            0x27 << 26, // lwu
            0x31 << 26, // lwc1
            0x3F << 26, // sd
            R(0x0D, 0, 0, 0, 0), // break
            R(0x01, 0, 0, 0, 0), // movci
            R(0x35, 0, 0, 0, 0), // unlisted trap slot
            0x1F << 26 | R(0x3B, 0, RT, 29, 0), // rdhwr
            I(1, RS, 2, 0) // bltzl
        ];
        for (uint256 i = 0; i < reserved.length; i++) {
            _expectFault(reserved[i], 0, 0);
        }
        _expectFault(R(0x34, RS, RT, 0, 0), 5, 5); // teq holds
        _expectReg(R(0x36, RS, RT, 0, 0), 5, 5, 0, 0); // tne does not hold: no-op
    }

    function test_misalignedPcFaultsWithoutProofs() public view {
        Mem memory m;
        Thread memory t = _thread();
        t.pc = PC + 2;
        State memory s = _state(m, t);
        bytes32 post = _step(s, bytes.concat(t.encode(), bytes32(0)));
        assertEq(post, _faulted(s), "misaligned pc");
    }

    function _memWith(uint32 insn) internal pure returns (Mem memory m) {
        m.set(PC, insn);
        m.set(DATA, 0x8899AABB);
        m.set(DATA + 4, 0xCCDDEEFF);
    }
}
// forge-lint: disable-end(unsafe-typecast)
// forge-lint: disable-end(incorrect-shift)
