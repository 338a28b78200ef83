// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MIPSTestBase} from "./MIPSTestBase.sol";
import {MIPS} from "../src/MIPS.sol";
import {InvalidMemoryProof, MissingMemoryProof} from "../src/lib/MIPSMemory.sol";
import {PreimageOracle} from "../src/PreimageOracle.sol";
import {VMBuilder, Thread, State, Mem} from "./lib/VMBuilder.sol";

/// @notice Malformed witnesses revert with the right custom error and never produce a hash
///         (docs/protocol.md 1.11); plus the EIP-170 size bound.
contract MIPSMalformedTest is MIPSTestBase {
    using VMBuilder for Thread;
    using VMBuilder for State;
    using VMBuilder for Mem;

    bytes internal stateData;
    bytes internal proofData;
    uint256 internal proof0Len; // length of the compact fetch proof
    Mem internal mem;
    Thread internal thread;

    /// @dev An honest two-proof witness: sw t1, 4(t0) with t0 = DATA.
    function setUp() public override {
        super.setUp();
        Mem memory m;
        m.set(PC, I(0x2B, RS, RT, 4));
        m.set(DATA + 4, 9);
        Thread memory t = _thread();
        t.regs[RS] = DATA;
        t.regs[RT] = 0x55;
        State memory s = _state(m, t);
        stateData = s.encode();
        proofData = _proof(t, m, _one(DATA + 4));
        proof0Len = m.proof(PC).length;
        mem = m;
        thread = t;
    }

    /// @dev The verifier also accepts siblings written out in full (bitmap bits clear), with the
    ///      same post-state: the root check binds every sibling either way (1.11).
    function test_explicitSiblingsAccepted() public view {
        Mem memory m = mem;
        Thread memory t = thread;
        bytes memory full = bytes.concat(t.encode(), bytes32(0), m.fullProof(PC), m.fullProof(DATA + 4));
        assertTrue(full.length > proofData.length, "the canonical proofs elide siblings");
        assertEq(mips.step(stateData, full, CTX), mips.step(stateData, proofData, CTX), "full proofs");
        // Mixed: the fetch proof compact, the data proof full.
        bytes memory mixed = bytes.concat(t.encode(), bytes32(0), m.proof(PC), m.fullProof(DATA + 4));
        assertEq(mips.step(stateData, mixed, CTX), mips.step(stateData, proofData, CTX), "mixed proofs");
    }

    /// @dev A bitmap bit above level 26 is rejected.
    function test_bitmapHighBitRejected() public {
        bytes memory p = bytes.concat(proofData);
        p[HEAD + 32] = bytes1(uint8(p[HEAD + 32]) | 0x08); // bit 27
        vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, PC));
        mips.step(stateData, p, CTX);
    }

    function test_honestWitnessSucceeds() public view {
        mips.step(stateData, proofData, CTX);
    }

    function test_codeSizeFitsEIP170() public view {
        assertTrue(address(mips).code.length <= 24576, "MIPS exceeds EIP-170");
        assertTrue(address(oracle).code.length <= 24576, "PreimageOracle exceeds EIP-170");
    }

    function testFuzz_stateLength(bytes calldata data) public {
        vm.assume(data.length != 180);
        vm.expectRevert(abi.encodeWithSelector(MIPS.InvalidStateLength.selector, data.length));
        mips.step(data, proofData, CTX);
    }

    function testFuzz_badBoolean(uint8 value, uint8 which) public {
        vm.assume(value > 1);
        uint256[3] memory offsets = [uint256(72), 78, 95];
        uint256 off = offsets[which % 3];
        bytes memory st = stateData;
        st[off] = bytes1(value);
        vm.expectRevert(abi.encodeWithSelector(MIPS.InvalidStateBoolean.selector, off));
        mips.step(st, proofData, CTX);
    }

    function test_nonZeroRegZero() public {
        Mem memory m;
        m.set(PC, 0);
        Thread memory t = _thread();
        t.regs[0] = 1;
        State memory s = _state(m, t);
        vm.expectRevert(MIPS.InvalidThreadRegZero.selector);
        mips.step(s.encode(), _proof(t, m, _none()), CTX);
    }

    function testFuzz_proofLength(uint256 cut, bool extend) public {
        bytes memory p = proofData;
        if (extend) {
            p = bytes.concat(p, new bytes(1 + cut % 2000));
            vm.expectRevert(abi.encodeWithSelector(MIPS.InvalidProofLength.selector, p.length, proofData.length));
        } else {
            uint256 len = cut % proofData.length;
            assembly {
                mstore(p, len)
            }
            if (len < HEAD) {
                vm.expectRevert(abi.encodeWithSelector(MIPS.InvalidProofLength.selector, len, HEAD));
            } else {
                vm.expectRevert(abi.encodeWithSelector(MissingMemoryProof.selector, len < HEAD + proof0Len ? 0 : 1));
            }
        }
        mips.step(stateData, p, CTX);
    }

    /// @dev Any changed proof byte is rejected, with the error naming what failed.
    function testFuzz_tamperedProofByte(uint256 pos, uint8 x) public {
        vm.assume(x != 0);
        pos %= proofData.length;
        bytes memory p = bytes.concat(proofData);
        p[pos] = bytes1(uint8(p[pos]) ^ x);
        if (pos >= 20 && pos < 24) {
            vm.expectRevert(MIPS.InvalidThreadRegZero.selector);
        } else if (pos < HEAD) {
            vm.expectRevert(); // InvalidThreadWitness(active, computed)
        } else if (
            (pos >= HEAD + 32 && pos < HEAD + 36) || (pos >= HEAD + 32 + proof0Len && pos < HEAD + 36 + proof0Len)
        ) {
            vm.expectRevert(); // a bitmap: the proofs no longer parse or verify
        } else if (pos < HEAD + proof0Len) {
            vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, PC));
        } else {
            vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 1, DATA + 4));
        }
        mips.step(stateData, p, CTX);
    }

    /// @dev A changed memory root or stack root invalidates the witness.
    function testFuzz_tamperedRoots(uint8 field, uint8 x, uint8 pos) public {
        vm.assume(x != 0);
        uint256 base = [uint256(0), 96][field % 2]; // memRoot, leftStack
        bytes memory st = bytes.concat(stateData);
        st[base + pos % 32] = bytes1(uint8(st[base + pos % 32]) ^ x);
        if (base == 0) vm.expectRevert(abi.encodeWithSelector(InvalidMemoryProof.selector, 0, PC));
        else vm.expectRevert(); // InvalidThreadWitness
        mips.step(st, proofData, CTX);
    }

    /// @dev Random witnesses for a live state never succeed.
    function testFuzz_randomWitnessNeverSucceeds(bytes32 a, bytes32 b, bytes calldata proof) public {
        bytes memory st = bytes.concat(a, b, new bytes(32), a, b, bytes4(0));
        st[72] = 0;
        st[78] = 0; // not exited
        st[95] = 0;
        vm.expectRevert();
        mips.step(st, proof, CTX);
    }

    function test_oraclePartNotLoaded() public {
        Mem memory m;
        m.set(PC, 0x0C);
        Thread memory t = _thread();
        (t.regs[2], t.regs[4], t.regs[5], t.regs[6]) = (4003, 5, DATA, 4);
        State memory s = _state(m, t);
        s.preimageKey = bytes32(uint256(2 << 248 | 1));
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, s.preimageKey, 0));
        mips.step(s.encode(), _proof(t, m, _one(DATA)), CTX);
    }
}
