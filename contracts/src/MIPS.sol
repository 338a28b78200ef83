// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IPreimageOracle} from "./interfaces/IPreimageOracle.sol";
import {
    MIPSMemory,
    MEM_END,
    MEM_LEAF_1,
    MEM_NEXT_PROOF,
    MEM_PROOF_LENGTH,
    MEM_PROOF_OFFSET,
    MEM_PROOFS_USED
} from "./lib/MIPSMemory.sol";

/// @title MIPS
/// @notice Stateless one-step verifier of the AIVM MIPS32 fraud-proof VM. It executes exactly one
///         step of docs/protocol.md section 1 (the single source of truth; section numbers below
///         refer to it) on a witness and returns the post-state hash. The Go twin is package mips;
///         both must produce bit-identical hashes.
/// @dev Layout. The step runs on fixed memory regions below the free memory pointer, which is
///      moved past them first:
///        0x080..0x134  state buffer (the 180-byte encoding of 1.4, edited in place)
///        0x140..0x1dc  thread buffer (the 156-byte encoding of 1.3, edited in place)
///        0x200..0x2c0 and 0x300..0x6e0  MIPSMemory's (lib/MIPSMemory.sol): proof calldata
///                      bounds, proofs used, the leaves of memory proofs 0/1/2, the next unparsed
///                      proof, the proofs' offsets and the empty-subtree hashes Z[0..26]
///        0x2c0 root I under the thread, 0x2e0 localContext.
///      The memory root MIPSMemory checks and updates is the state buffer's memRoot (0x80).
///      Keeping the packed encodings in memory means the pre/post hashes are a single keccak each
///      and no field is ever decoded or re-encoded wholesale. Word values are kept as uint256
///      holding a u32; every write masks through shl so stray high bits cannot leak.
// Why the lint pragmas: shifts of constants by a variable amount (`1 << n`) are intended, and
// the int256 -> uint256 casts reinterpret two's complement 32-bit results.
// forge-lint: disable-start(incorrect-shift)
// forge-lint: disable-start(unsafe-typecast)
contract MIPS {
    /// @notice The oracle consulted for preimage reads (fd 5).
    IPreimageOracle public immutable oracle;

    /// @notice stateData is not exactly 180 bytes.
    error InvalidStateLength(uint256 length);
    /// @notice A boolean field of the state (llActive, exited, traverseRight) is neither 0 nor 1.
    /// @param offset Byte offset of the field in stateData.
    error InvalidStateBoolean(uint256 offset);
    /// @notice proof has the wrong length for this step (1.11: exactly 188 + the compact memory
    ///         proofs used, each 36 + 32 × (27 − elided siblings) bytes).
    error InvalidProofLength(uint256 length, uint256 expected);
    /// @notice The thread encoding has a non-zero regs[0].
    error InvalidThreadRegZero();
    /// @notice push(I, threadHash) does not equal the active stack root.
    error InvalidThreadWitness(bytes32 activeRoot, bytes32 computedRoot);
    // MissingMemoryProof and InvalidMemoryProof are MIPSMemory's (lib/MIPSMemory.sol).

    // Outcomes of executing the current thread's step (applied to the stacks by _finish).
    uint256 private constant NORMAL = 0;
    uint256 private constant FAULT = 1;
    uint256 private constant PREEMPT = 2;
    uint256 private constant THREAD_EXIT = 3;
    uint256 private constant CLONE = 4;
    uint256 private constant MACHINE_EXIT = 5;
    uint256 private constant WAIT = 6; // a wait step: preempt a thread that stays waiting (1.5)

    uint256 private constant STATE_SIZE = 180;
    uint256 private constant THREAD_SIZE = 156;
    uint256 private constant WITNESS_HEAD = 188; // thread encoding (156) ‖ root I (32)
    uint256 private constant QUANTUM = 100000;
    uint256 private constant M32 = 0xFFFFFFFF;
    uint256 private constant M64 = 0xFFFFFFFFFFFFFFFF;
    // Virtual time (1.5): ns per step, waitUntil/passWake without a deadline, the latest one.
    uint256 private constant CLOCK_STEP_NS = 10;
    uint256 private constant NO_DEADLINE = M64;
    uint256 private constant MAX_DEADLINE = M64 - 1;
    uint256 private constant REALTIME_EPOCH = 1735689600;

    // Absolute memory addresses of state fields (0x80 + offset in 1.4); memRoot (0x80) is
    // MIPSMemory's MEM_ROOT.
    uint256 private constant S_PREIMAGE_KEY = 0xa0;
    uint256 private constant S_PREIMAGE_OFFSET = 0xc0;
    uint256 private constant S_HEAP = 0xc4;
    uint256 private constant S_LL_ACTIVE = 0xc8;
    uint256 private constant S_LL_ADDRESS = 0xc9;
    uint256 private constant S_EXIT_CODE = 0xcd;
    uint256 private constant S_EXITED = 0xce;
    uint256 private constant S_STEP = 0xcf;
    uint256 private constant S_STEPS_SINCE_SWITCH = 0xd7;
    uint256 private constant S_TRAVERSE_RIGHT = 0xdf;
    uint256 private constant S_LEFT_STACK = 0xe0;
    uint256 private constant S_RIGHT_STACK = 0x100;
    uint256 private constant S_NEXT_THREAD_ID = 0x120;
    uint256 private constant S_TIME_OFFSET = 0x124;
    uint256 private constant S_PASS_WAKE = 0x12c;
    // Absolute memory addresses of thread fields (0x140 + offset in 1.3).
    uint256 private constant T_ID = 0x140;
    uint256 private constant T_PC = 0x144;
    uint256 private constant T_NEXT_PC = 0x148;
    uint256 private constant T_LO = 0x14c;
    uint256 private constant T_HI = 0x150;
    uint256 private constant T_REGS = 0x154;
    uint256 private constant T_WAIT_UNTIL = 0x1d4;

    // Errno values (1.8, MIPS numbering).
    uint256 private constant ENOENT = 2;
    uint256 private constant EBADF = 9;
    uint256 private constant EAGAIN = 11;
    uint256 private constant ENOMEM = 12;
    uint256 private constant EFAULT = 14;
    uint256 private constant EINVAL = 22;
    uint256 private constant ENOSYS = 89;
    uint256 private constant ETIMEDOUT = 145;

    /// @param _oracle The PreimageOracle that serves preimage reads.
    constructor(IPreimageOracle _oracle) {
        oracle = _oracle;
    }

    /// @notice Executes one VM step (docs/protocol.md 1.11) and returns the post-state hash.
    /// @dev Local keys (type 1) are localized with msg.sender and localContext before the oracle
    ///      is read, so only data the caller itself loaded can be served to its steps.
    ///      Malformed input reverts with a custom error; a VM fault is a valid PANIC post-state.
    /// @param stateData The 180-byte global state encoding (1.4).
    /// @param proof Thread encoding ‖ root I under it ‖ the memory proofs the step touches.
    /// @param localContext The caller's context for localizing local preimage keys.
    /// @return postStateHash The state hash (status byte in byte 0) after the step.
    function step(bytes calldata stateData, bytes calldata proof, bytes32 localContext)
        external
        view
        returns (bytes32 postStateHash)
    {
        if (stateData.length != STATE_SIZE) revert InvalidStateLength(stateData.length);
        assembly {
            mstore(0x40, MEM_END)
            calldatacopy(0x80, stateData.offset, 180)
            mstore(MEM_PROOF_OFFSET, proof.offset)
            mstore(MEM_PROOF_LENGTH, proof.length)
            mstore(MEM_PROOFS_USED, 0)
            mstore(0x2e0, localContext)
            mstore(MEM_NEXT_PROOF, add(proof.offset, 188))
        }
        if (_r8(S_LL_ACTIVE) > 1) revert InvalidStateBoolean(72);
        if (_r8(S_EXITED) > 1) revert InvalidStateBoolean(78);
        if (_r8(S_TRAVERSE_RIGHT) > 1) revert InvalidStateBoolean(95);
        // 1.5: a step on an exited state is the identity and ignores the proof.
        if (_r8(S_EXITED) == 1) return _stateHash();

        if (proof.length < WITNESS_HEAD) revert InvalidProofLength(proof.length, WITNESS_HEAD);
        bytes32 threadRoot;
        assembly {
            calldatacopy(0x140, proof.offset, 156)
            let below := calldataload(add(proof.offset, 156))
            mstore(0x2c0, below)
            mstore(0, below)
            mstore(0x20, keccak256(0x140, 156))
            threadRoot := keccak256(0, 0x40)
        }
        if (_r32(T_REGS) != 0) revert InvalidThreadRegZero();
        bytes32 activeRoot = _mload(_r8(S_TRAVERSE_RIGHT) == 1 ? S_RIGHT_STACK : S_LEFT_STACK);
        if (threadRoot != activeRoot) revert InvalidThreadWitness(activeRoot, threadRoot);

        uint256 outcome;
        if (_r64(S_STEPS_SINCE_SWITCH) >= QUANTUM) {
            outcome = PREEMPT; // 1.5 quantum expiry: no instruction, T' = T.
        } else {
            uint256 pc = _r32(T_PC);
            if (pc & 3 != 0) {
                outcome = FAULT; // 1.7 (3): faults before fetching.
            } else {
                outcome = _execute(MIPSMemory.load(0, pc));
            }
        }
        _finish(outcome);

        uint256 expected;
        assembly {
            expected := sub(mload(MEM_NEXT_PROOF), mload(MEM_PROOF_OFFSET))
        }
        if (proof.length != expected) revert InvalidProofLength(proof.length, expected);
        return _stateHash();
    }

    // ---------------------------------------------------------------- scheduling (1.5)

    /// @dev Applies an outcome to the thread stacks and counters; step += 1 in every case (first, so
    ///      a pass ending here sees the post-state step).
    function _finish(uint256 outcome) private pure {
        _w64(S_STEP, _r64(S_STEP) + 1);
        uint256 activePtr = _r8(S_TRAVERSE_RIGHT) == 1 ? S_RIGHT_STACK : S_LEFT_STACK;
        uint256 inactivePtr = activePtr ^ (S_RIGHT_STACK ^ S_LEFT_STACK);
        bytes32 below = _mload(0x2c0);
        // passWake (1.5): a wait step keeps the pass's earliest deadline, any other step that does
        // not halt the machine marks the pass busy.
        if (outcome == WAIT) {
            uint256 pw = _r64(S_PASS_WAKE);
            uint256 until = _r64(T_WAIT_UNTIL);
            if (pw != 0 && until < pw) _w64(S_PASS_WAKE, until);
        } else if (outcome != FAULT && outcome != MACHINE_EXIT) {
            _w64(S_PASS_WAKE, 0);
        }
        if (outcome == NORMAL) {
            _mstore(activePtr, _push(below, _threadHash()));
            _w64(S_STEPS_SINCE_SWITCH, _r64(S_STEPS_SINCE_SWITCH) + 1);
        } else if (outcome == FAULT) {
            _w8(S_EXITED, 1);
            _w8(S_EXIT_CODE, 255);
        } else if (outcome == MACHINE_EXIT) {
            _w8(S_EXITED, 1);
            _w8(S_EXIT_CODE, _reg(4));
        } else {
            if (outcome == PREEMPT || outcome == WAIT) {
                _mstore(inactivePtr, _push(_mload(inactivePtr), _threadHash()));
                _mstore(activePtr, below);
                if (below == 0) _flip();
            } else if (outcome == THREAD_EXIT) {
                _mstore(activePtr, below);
                if (below == 0) {
                    if (_mload(inactivePtr) == 0) {
                        _w8(S_EXITED, 1);
                        _w8(S_EXIT_CODE, _reg(4));
                    } else {
                        _flip();
                    }
                }
            } else {
                // CLONE: the parent (regs already set by the syscall) goes below the child.
                bytes32 parent = _push(below, _threadHash());
                uint256 childId = _r32(S_NEXT_THREAD_ID);
                _w32(T_ID, childId);
                _setReg(2, 0);
                uint256 stack = _reg(5);
                if (stack != 0) _setReg(29, stack);
                _mstore(activePtr, _push(parent, _threadHash()));
                _w32(S_NEXT_THREAD_ID, childId + 1);
            }
            _w64(S_STEPS_SINCE_SWITCH, 0);
            _w8(S_LL_ACTIVE, 0);
        }
    }

    /// @dev Ends a pass (1.5): switches the active stack; if every step of the pass was a wait step
    ///      and one had a deadline still ahead, the clock jumps to the earliest; a new pass begins.
    function _flip() private pure {
        unchecked {
            _w8(S_TRAVERSE_RIGHT, _r8(S_TRAVERSE_RIGHT) ^ 1);
            uint256 w = _r64(S_PASS_WAKE);
            uint256 t = _r64(S_STEP) * CLOCK_STEP_NS; // the post-state step (_finish counted it)
            if (w != 0 && w != NO_DEADLINE && w > ((t + _r64(S_TIME_OFFSET)) & M64)) {
                _w64(S_TIME_OFFSET, w - t); // mod 2^64, as a u64
            }
            _w64(S_PASS_WAKE, NO_DEADLINE);
        }
    }

    /// @dev The pre-state's virtual time (1.5): step * 10 + timeOffset, mod 2^64.
    function _now() private pure returns (uint256) {
        unchecked {
            return (_r64(S_STEP) * CLOCK_STEP_NS + _r64(S_TIME_OFFSET)) & M64;
        }
    }

    // ---------------------------------------------------------------- instructions (1.6)

    /// @dev Executes one instruction word of the current thread; returns the outcome.
    function _execute(uint256 insn) private view returns (uint256) {
        unchecked {
            uint256 op = insn >> 26;
            if (op == 0) return _special(insn);
            if (op >= 0x20) return _loadStore(insn, op);
            uint256 rs = _reg((insn >> 21) & 31);
            uint256 rtIdx = (insn >> 16) & 31;
            uint256 imm = insn & 0xFFFF;
            uint256 simm = _sext(imm, 1);
            if (op >= 8 && op <= 15) {
                uint256 v;
                if (op == 9) {
                    v = rs + simm; // addiu
                } else if (op == 15) {
                    v = imm << 16; // lui
                } else if (op == 13) {
                    v = rs | imm; // ori
                } else if (op == 12) {
                    v = rs & imm; // andi
                } else if (op == 11) {
                    v = rs < (simm & M32) ? 1 : 0; // sltiu
                } else if (op == 10) {
                    v = _slt(rs, simm) ? 1 : 0; // slti
                } else if (op == 14) {
                    v = rs ^ imm; // xori
                } else {
                    // addi: faults on signed overflow (1.7 (2)).
                    uint256 sum = _sext(rs, 3) + simm;
                    if (_sext(sum, 3) != sum) return FAULT;
                    v = sum;
                }
                _setReg(rtIdx, v);
                return _advance();
            }
            uint256 pc = _r32(T_PC);
            if (op >= 4 && op <= 7) {
                bool taken;
                if (op == 4) taken = rs == _reg(rtIdx); // beq
                else if (op == 5) taken = rs != _reg(rtIdx); // bne
                else if (op == 6) taken = rs == 0 || rs >= 0x80000000; // blez
                else taken = rs != 0 && rs < 0x80000000; // bgtz
                if (!taken) return _advance();
                return _jump(pc + 4 + (simm << 2));
            }
            if (op == 2 || op == 3) {
                if (op == 3) _setReg(31, pc + 8); // jal
                return _jump(((pc + 4) & 0xF0000000) | ((insn & 0x03FFFFFF) << 2));
            }
            if (op == 1) {
                // REGIMM: bltz 0, bgez 1, bltzal 0x10, bgezal 0x11.
                if (rtIdx & 0x0E != 0) return FAULT;
                if (rtIdx & 0x10 != 0) _setReg(31, pc + 8);
                bool negative = rs >= 0x80000000;
                if (negative == (rtIdx & 1 == 1)) return _advance();
                return _jump(pc + 4 + (simm << 2));
            }
            if (op == 0x1C) return _special2(insn);
            if (op == 0x1F) return _special3(insn);
            return FAULT; // reserved: COP0/COP1, branch-likely forms, ...
        }
    }

    /// @dev op 0: SPECIAL.
    function _special(uint256 insn) private view returns (uint256) {
        unchecked {
            uint256 funct = insn & 0x3F;
            uint256 rs = _reg((insn >> 21) & 31);
            uint256 rt = _reg((insn >> 16) & 31);
            uint256 rd = (insn >> 11) & 31;
            if (funct >= 0x20) {
                uint256 v;
                if (funct == 0x21) {
                    v = rs + rt; // addu
                } else if (funct == 0x25) {
                    v = rs | rt; // or
                } else if (funct == 0x2B) {
                    v = rs < rt ? 1 : 0; // sltu
                } else if (funct == 0x24) {
                    v = rs & rt; // and
                } else if (funct == 0x23) {
                    v = rs - rt; // subu
                } else if (funct == 0x2A) {
                    v = _slt(rs, rt) ? 1 : 0; // slt
                } else if (funct == 0x26) {
                    v = rs ^ rt; // xor
                } else if (funct == 0x27) {
                    v = ~(rs | rt); // nor
                } else if (funct == 0x20 || funct == 0x22) {
                    // add / sub: fault on signed overflow (1.7 (2)).
                    uint256 r = funct == 0x20 ? _sext(rs, 3) + _sext(rt, 3) : _sext(rs, 3) - _sext(rt, 3);
                    if (_sext(r, 3) != r) return FAULT;
                    v = r;
                } else if (funct >= 0x30 && funct <= 0x36 && funct != 0x35) {
                    // Traps fault when their condition holds (1.7 (1)).
                    bool cond;
                    if (funct == 0x30) cond = !_slt(rs, rt); // tge
                    else if (funct == 0x31) cond = rs >= rt; // tgeu
                    else if (funct == 0x32) cond = _slt(rs, rt); // tlt
                    else if (funct == 0x33) cond = rs < rt; // tltu
                    else if (funct == 0x34) cond = rs == rt; // teq
                    else cond = rs != rt; // tne
                    if (cond) return FAULT;
                    return _advance();
                } else {
                    return FAULT;
                }
                _setReg(rd, v);
                return _advance();
            }
            if (funct < 8) {
                // Shifts: sll 0, srl 2, sra 3, sllv 4, srlv 6, srav 7.
                if (funct == 1 || funct == 5) return FAULT;
                uint256 sa = funct >= 4 ? rs & 31 : (insn >> 6) & 31;
                uint256 v;
                if (funct & 3 == 0) v = rt << sa;
                else if (funct & 3 == 2) v = rt >> sa;
                else v = _sar(rt, sa);
                _setReg(rd, v);
                return _advance();
            }
            if (funct == 8) return _jump(rs); // jr
            if (funct == 9) {
                _setReg(rd, _r32(T_PC) + 8); // jalr (target read before the link)
                return _jump(rs);
            }
            if (funct == 0x0A || funct == 0x0B) {
                // movz / movn
                if ((rt == 0) == (funct == 0x0A)) _setReg(rd, rs);
                return _advance();
            }
            if (funct == 0x0C) return _syscall();
            if (funct == 0x0F) return _advance(); // sync
            if (funct >= 0x10 && funct <= 0x13) {
                if (funct == 0x10) _setReg(rd, _r32(T_HI)); // mfhi
                else if (funct == 0x11) _w32(T_HI, rs); // mthi
                else if (funct == 0x12) _setReg(rd, _r32(T_LO)); // mflo
                else _w32(T_LO, rs); // mtlo
                return _advance();
            }
            if (funct >= 0x18 && funct <= 0x1B) {
                uint256 lo;
                uint256 hi;
                if (funct == 0x18) {
                    uint256 p = _sext(rs, 3) * _sext(rt, 3); // mult: two's complement mod 2^256
                    (lo, hi) = (p, p >> 32);
                } else if (funct == 0x19) {
                    uint256 p = rs * rt; // multu
                    (lo, hi) = (p, p >> 32);
                } else if (rt == 0 || (funct == 0x1A && rs == 0x80000000 && rt == M32)) {
                    (lo, hi) = (rs, 0); // 1.6: x/0 and INT_MIN/-1 give lo = rs, hi = 0
                } else if (funct == 0x1A) {
                    int256 a = int256(_sext(rs, 3));
                    int256 b = int256(_sext(rt, 3));
                    (lo, hi) = (uint256(a / b), uint256(a % b)); // div: truncating, Go semantics
                } else {
                    (lo, hi) = (rs / rt, rs % rt); // divu
                }
                _w32(T_LO, lo);
                _w32(T_HI, hi);
                return _advance();
            }
            return FAULT; // break (0x0D) and every unlisted funct
        }
    }

    /// @dev op 0x1C: SPECIAL2 (madd maddu mul msub msubu clz clo).
    function _special2(uint256 insn) private pure returns (uint256) {
        unchecked {
            uint256 funct = insn & 0x3F;
            uint256 rs = _reg((insn >> 21) & 31);
            uint256 rt = _reg((insn >> 16) & 31);
            if (funct == 2) {
                _setReg((insn >> 11) & 31, rs * rt); // mul: low 32 bits, hi/lo unchanged
                return _advance();
            }
            if (funct == 0x20 || funct == 0x21) {
                _setReg((insn >> 11) & 31, _clz(funct == 0x20 ? rs : ~rs & M32)); // clz / clo
                return _advance();
            }
            if (funct > 5 || funct == 3) return FAULT;
            uint256 prod = funct & 1 == 0 ? _sext(rs, 3) * _sext(rt, 3) : rs * rt;
            uint256 acc = (_r32(T_HI) << 32) | _r32(T_LO);
            acc = funct < 4 ? acc + prod : acc - prod; // madd(u) / msub(u), mod 2^64 via _w32
            _w32(T_LO, acc);
            _w32(T_HI, acc >> 32);
            return _advance();
        }
    }

    /// @dev op 0x1F: SPECIAL3 (bshfl seb/seh/wsbh, ext, ins).
    function _special3(uint256 insn) private pure returns (uint256) {
        unchecked {
            uint256 funct = insn & 0x3F;
            uint256 rtIdx = (insn >> 16) & 31;
            uint256 rt = _reg(rtIdx);
            uint256 fieldRd = (insn >> 11) & 31;
            uint256 sa = (insn >> 6) & 31;
            uint256 v;
            if (funct == 0x20) {
                if (sa == 0x10) v = _sext(rt & 0xFF, 0); // seb
                else if (sa == 0x18) v = _sext(rt & 0xFFFF, 1); // seh
                else if (sa == 0x02) v = ((rt & 0x00FF00FF) << 8) | ((rt >> 8) & 0x00FF00FF); // wsbh
                else return FAULT;
                _setReg(fieldRd, v);
                return _advance();
            }
            uint256 rs = _reg((insn >> 21) & 31);
            if (funct == 0) {
                // ext: pos = sa, size = rd + 1; pos + size > 32 is reserved (qemu).
                if (sa + fieldRd > 31) return FAULT;
                v = (rs >> sa) & ((1 << (fieldRd + 1)) - 1);
            } else if (funct == 4) {
                // ins: bits sa..rd of rt from the low bits of rs; sa > rd is reserved (qemu).
                if (sa > fieldRd) return FAULT;
                uint256 mask = ((1 << (fieldRd - sa + 1)) - 1) << sa;
                v = (rt & ~mask) | ((rs << sa) & mask);
            } else {
                return FAULT;
            }
            _setReg(rtIdx, v);
            return _advance();
        }
    }

    /// @dev ops 0x20..0x3F: loads, stores, ll/sc, cache/pref.
    function _loadStore(uint256 insn, uint256 op) private pure returns (uint256) {
        unchecked {
            if (op == 0x2F || op == 0x33) return _advance(); // cache, pref: no-ops, no access
            // Valid: 0x20-0x26, 0x28-0x2B, 0x2E, 0x30, 0x38.
            if (op == 0x27 || op == 0x2C || op == 0x2D || (op > 0x2E && op != 0x30 && op != 0x38)) return FAULT;
            uint256 addr = (_reg((insn >> 21) & 31) + _sext(insn & 0xFFFF, 1)) & M32;
            if (addr < 0x1000) return FAULT; // null page (1.7 (5))
            uint256 align;
            if (op == 0x21 || op == 0x25 || op == 0x29) align = 1;
            else if (op == 0x23 || op == 0x2B || op == 0x30 || op == 0x38) align = 3;
            if (addr & align != 0) return FAULT; // 1.7 (4)
            uint256 rtIdx = (insn >> 16) & 31;
            uint256 rt = _reg(rtIdx);
            if (op == 0x38) {
                // sc: stores only with a matching reservation; touches memory only then.
                if (_r8(S_LL_ACTIVE) == 1 && _r32(S_LL_ADDRESS) == addr) {
                    MIPSMemory.load(1, addr);
                    MIPSMemory.store(1, addr, rt);
                    _setReg(rtIdx, 1);
                } else {
                    _setReg(rtIdx, 0);
                }
                _w8(S_LL_ACTIVE, 0);
                return _advance();
            }
            uint256 w = MIPSMemory.load(1, addr);
            uint256 k8 = (addr & 3) << 3; // bit offset of the byte from the word's top
            if (op < 0x28 || op == 0x30) {
                uint256 v;
                if (op == 0x23 || op == 0x30) {
                    v = w; // lw, ll
                    if (op == 0x30) {
                        _w8(S_LL_ACTIVE, 1);
                        _w32(S_LL_ADDRESS, addr);
                    }
                } else if (op == 0x20) {
                    v = _sext((w >> (24 - k8)) & 0xFF, 0); // lb
                } else if (op == 0x24) {
                    v = (w >> (24 - k8)) & 0xFF; // lbu
                } else if (op == 0x21) {
                    v = _sext((w >> (16 - k8)) & 0xFFFF, 1); // lh
                } else if (op == 0x25) {
                    v = (w >> (16 - k8)) & 0xFFFF; // lhu
                } else if (op == 0x22) {
                    v = ((w << k8) & M32) | (rt & ((1 << k8) - 1)); // lwl
                } else {
                    v = (w >> (24 - k8)) | (rt & ~((1 << (k8 + 8)) - 1) & M32); // lwr
                }
                _setReg(rtIdx, v);
            } else {
                uint256 nw;
                if (op == 0x2B) {
                    nw = rt; // sw
                } else if (op == 0x28) {
                    nw = (w & ~(0xFF << (24 - k8))) | ((rt & 0xFF) << (24 - k8)); // sb
                } else if (op == 0x29) {
                    nw = (w & ~(0xFFFF << (16 - k8))) | ((rt & 0xFFFF) << (16 - k8)); // sh
                } else if (op == 0x2A) {
                    nw = (w & ~(M32 >> k8)) | (rt >> k8); // swl
                } else {
                    nw = (w & (M32 >> (k8 + 8))) | (rt << (24 - k8)); // swr
                }
                MIPSMemory.store(1, addr, nw);
            }
            return _advance();
        }
    }

    /// @dev pc <- nextPC, nextPC <- nextPC + 4.
    function _advance() private pure returns (uint256) {
        unchecked {
            uint256 npc = _r32(T_NEXT_PC);
            _w32(T_PC, npc);
            _w32(T_NEXT_PC, npc + 4);
            return NORMAL;
        }
    }

    /// @dev Taken branch/jump: pc <- nextPC (delay slot), nextPC <- target.
    function _jump(uint256 target) private pure returns (uint256) {
        _w32(T_PC, _r32(T_NEXT_PC));
        _w32(T_NEXT_PC, target);
        return NORMAL;
    }

    // ---------------------------------------------------------------- system calls (1.8, 1.9)

    /// @dev Executes `syscall`; returns the outcome.
    function _syscall() private view returns (uint256) {
        uint256 num = _reg(2);
        uint256 a0 = _reg(4);
        uint256 a1 = _reg(5);
        uint256 a2 = _reg(6);
        uint256 v0;
        uint256 errno;
        uint256 outcome = NORMAL;
        if (num == 4001) return THREAD_EXIT;
        if (num == 4246) return MACHINE_EXIT;
        if (num == 4003) {
            // read
            if (a0 == 0) v0 = 0;
            else if (a0 == 5) v0 = _preimageRead(a1, a2);
            else if (a0 == 101) errno = EAGAIN;
            else errno = EBADF;
        } else if (num == 4004) {
            // write
            if (a0 == 1 || a0 == 2 || a0 == 101) v0 = a2;
            else if (a0 == 6) v0 = _preimageKeyWrite(a1, a2);
            else errno = EBADF;
        } else if (num == 4238 || num == 4422) {
            // futex(_time64)
            uint256 fop = a1 & 0x7F;
            if (fop == 0) {
                bool stay;
                (outcome, errno, stay) = _wait(num);
                if (stay) return outcome;
            } else if (fop == 1) {
                outcome = PREEMPT;
            } else {
                errno = ENOSYS;
            }
        } else if (num == 4162) {
            outcome = PREEMPT; // sched_yield
        } else if (num == 4166 || num == 4265 || num == 4407 || num == 4313 || num == 4441) {
            // nanosleep, clock_nanosleep(_time64), epoll_pwait(2)
            bool stay;
            (outcome, errno, stay) = _wait(num);
            if (stay) return outcome;
        } else if (num == 4263) {
            errno = _clockGettime(a0, a1);
        } else if (num == 4090) {
            // mmap
            uint256 len = (a1 + 0xFFF) & ~uint256(0xFFF); // no 32-bit wraparound (1.8)
            if (a0 == 0) {
                uint256 heap = _r32(S_HEAP);
                if (heap + len > 0x7F000000) {
                    errno = ENOMEM;
                } else {
                    v0 = heap;
                    _w32(S_HEAP, heap + len);
                }
            } else if (a1 == 0 || a0 & 0xFFF != 0) {
                errno = EINVAL;
            } else if (a0 + len > 1 << 32) {
                errno = ENOMEM;
            } else {
                // The hint is honoured, so the range reads as zero whatever it held (MAP_FIXED).
                if (!_zeroStep(a0, len)) return NORMAL; // the thread stays on the syscall
                v0 = a0;
            }
        } else if (num == 4218) {
            // madvise: only MADV_DONTNEED (4) changes memory; other advice is a hint (result 0).
            if (a2 == 4) {
                uint256 len = (a1 + 0xFFF) & ~uint256(0xFFF);
                if (a0 & 0xFFF != 0 || a0 + len >= 1 << 32) {
                    errno = EINVAL; // Linux: unaligned start, or the end wraps
                } else if (len != 0) {
                    if (!_zeroStep(a0, len)) return NORMAL;
                }
            }
        } else if (num == 4120) {
            // clone
            if (a0 & 0x10100 != 0x10100) {
                errno = EINVAL;
            } else {
                v0 = _r32(S_NEXT_THREAD_ID);
                outcome = CLONE;
            }
        } else if (num == 4222) {
            v0 = _r32(T_ID); // gettid
        } else if (num == 4020) {
            v0 = 1; // getpid
        } else if (num == 4055) {
            // fcntl
            if (!(a0 <= 2 || a0 == 5 || a0 == 6 || a0 == 100 || a0 == 101)) errno = EBADF;
        } else if (num == 4005 || num == 4288) {
            errno = ENOENT; // open, openat
        } else if (num == 4240) {
            errno = EINVAL; // sched_getaffinity
        } else if (num == 4326) {
            v0 = 100; // epoll_create1
        } else if (num == 4325) {
            v0 = 101; // eventfd2
        } else if (!(num == 4045 || num == 4091 || num == 4037 || num == 4266 || num == 4194 || num == 4195
                    || num == 4206 || num == 4006 || num == 4249)) {
            errno = ENOSYS; // everything not listed; the listed ones (brk included) return 0
        }
        if (errno != 0) {
            _setReg(2, errno);
            _setReg(7, 1);
        } else {
            _setReg(2, v0);
            _setReg(7, 0);
        }
        _advance();
        _w64(T_WAIT_UNTIL, 0); // a returning syscall ends any wait
        return outcome;
    }

    /// @dev A waiting syscall (1.8): on entry (waitUntil == 0) works out the deadline and, if one is
    ///      ahead, stays on the syscall with waitUntil set (a normal step); a check returns for a
    ///      futex word that changed (0) or a deadline reached (ETIMEDOUT for futex, else 0), else it
    ///      is a wait step. A wait with nothing to wait for returns the timed-out result and yields.
    ///      The result is always 0 or errno. stay: the thread stays on the syscall.
    function _wait(uint256 num) private pure returns (uint256 outcome, uint256 errno, bool stay) {
        bool futex = num == 4238 || num == 4422;
        uint256 a0 = _reg(4);
        if (futex && a0 & 3 != 0) return (NORMAL, EINVAL, false);
        uint256 until = _r64(T_WAIT_UNTIL);
        if (until == 0) {
            uint256 d;
            (d, errno) = _deadline(num, futex);
            if (errno != 0) return (NORMAL, errno, false);
            if (d == 0) return (PREEMPT, futex ? ETIMEDOUT : 0, false);
            _w64(T_WAIT_UNTIL, d);
            return (NORMAL, 0, true);
        }
        if (futex && MIPSMemory.load(1, a0) != _reg(6)) return (NORMAL, 0, false);
        if (_now() >= until) return (NORMAL, futex ? ETIMEDOUT : 0, false);
        return (WAIT, 0, true);
    }

    /// @dev The virtual time a waiting syscall's wait ends (1.8), 0 when there is nothing to wait
    ///      for, or an errno for bad arguments.
    function _deadline(uint256 num, bool futex) private pure returns (uint256 d, uint256 errno) {
        unchecked {
            uint256 dur;
            if (futex) {
                uint256 ts = _reg(7);
                if (ts == 0) return (NO_DEADLINE, 0);
                (dur, errno) = _timespec(ts, num == 4422);
            } else if (num == 4166) {
                (dur, errno) = _timespec(_reg(4), false);
            } else if (num == 4313) {
                uint256 ms = _reg(7);
                if (ms == 0 || ms >= 0x80000000) return (0, 0); // a poll, or no timeout
                dur = ms * 1e6;
            } else if (num == 4441) {
                uint256 ts = _reg(7);
                if (ts == 0) return (0, 0);
                (dur, errno) = _timespec(ts, true);
            } else {
                // clock_nanosleep(_time64): clock a0, flags a1, request a2
                uint256 clock = _reg(4);
                if (clock > 1) return (0, EINVAL);
                (dur, errno) = _timespec(_reg(6), num == 4407);
                if (errno == 0 && _reg(5) & 1 != 0) {
                    // TIMER_ABSTIME; CLOCK_REALTIME counts from the epoch
                    if (clock == 0) dur = dur > REALTIME_EPOCH * 1e9 ? dur - REALTIME_EPOCH * 1e9 : 0;
                    return (dur > _now() ? dur : 0, 0);
                }
            }
            if (errno != 0 || dur == 0) return (0, errno);
            d = _now() + dur;
            if (d > MAX_DEADLINE) d = MAX_DEADLINE;
        }
    }

    /// @dev Reads the duration at addr (1.8): {s32 sec; s32 nsec} or, wide, {s64 sec; s32 nsec}, in
    ///      ns capped at MAX_DEADLINE; memory proof 1 for the leaf of addr, 2 for the next leaf.
    function _timespec(uint256 addr, bool wide) private pure returns (uint256 ns, uint256 errno) {
        unchecked {
            if (addr & 3 != 0) return (0, EFAULT);
            uint256 w0 = MIPSMemory.load(1, addr);
            uint256 w1 = _timespecWord(addr, 4);
            uint256 sec = w0;
            uint256 nsec = w1;
            if (wide) {
                sec = (w0 << 32) | w1;
                nsec = _timespecWord(addr, 8);
                if (sec >> 63 != 0) return (0, EINVAL);
            } else if (sec >> 31 != 0) {
                return (0, EINVAL);
            }
            if (nsec >= 1e9) return (0, EINVAL); // a negative s32 too
            ns = sec * 1e9 + nsec;
            if (ns > MAX_DEADLINE) ns = MAX_DEADLINE;
        }
    }

    /// @dev The word at addr + off of a timespec whose first word proof 1 verified: from proof 1's
    ///      leaf, else from proof 2 (verified on its first use).
    function _timespecWord(uint256 addr, uint256 off) private pure returns (uint256 word) {
        uint256 a = (addr + off) & M32;
        if (a >> 5 == addr >> 5) return MIPSMemory.leafWord(1, a);
        if (off == 8 && ((addr + 4) & M32) >> 5 != addr >> 5) return MIPSMemory.leafWord(2, a);
        return MIPSMemory.load(2, a);
    }

    /// @dev One step of zeroing the page range [start, start + len), len > 0 (1.8): zeroes the block
    ///      ending at start + len whose size is the largest power of two dividing start + len and at
    ///      most len, an aligned subtree, with memory proof 1; leaves len - size in a1. Returns whether
    ///      the range is done (else pc stays on the syscall and the thread's next step goes on).
    function _zeroStep(uint256 start, uint256 len) private pure returns (bool) {
        unchecked {
            uint256 end = start + len;
            uint256 size = end & (~end + 1); // lowest set bit of end
            uint256 top = 1 << (31 - _clz(len)); // highest power of two <= len (len < 2^32)
            if (top < size) size = top;
            MIPSMemory.zeroSubtree(1, end - size, 26 - _clz(size)); // height log2(size) - 5
            _setReg(5, len - size);
            return len == size;
        }
    }

    /// @dev clock_gettime (4263); returns the errno (0 on success).
    function _clockGettime(uint256 clockId, uint256 addr) private pure returns (uint256) {
        unchecked {
            if (clockId > 1) return EINVAL;
            if (addr & 3 != 0) return EFAULT;
            uint256 ns = _now();
            uint256 sec = ns / 1e9;
            if (clockId == 0) sec += 1735689600;
            MIPSMemory.load(1, addr);
            MIPSMemory.store(1, addr, sec);
            uint256 addr2 = (addr + 4) & M32;
            if ((addr2 >> 5) != (addr >> 5)) {
                MIPSMemory.load(2, addr2); // against the root after the first write
                MIPSMemory.store(2, addr2, ns % 1e9);
            } else {
                MIPSMemory.store(1, addr2, ns % 1e9);
            }
            return 0;
        }
    }

    /// @dev Key write to fd 6 (1.9): shifts the n = min(count, 32 - (addr & 31)) bytes at addr
    ///      (up to the end of their leaf) into the key; returns n.
    function _preimageKeyWrite(uint256 addr, uint256 count) private pure returns (uint256 n) {
        if (count == 0) return 0;
        MIPSMemory.load(1, addr); // verifies proof 1; its leaf is now at MEM_LEAF_1
        assembly {
            let k := shl(3, and(addr, 31)) // bit offset of addr in the leaf
            n := sub(32, shr(3, k))
            if lt(count, n) { n := count }
            let bits := shl(3, n)
            // key << 8n | leaf bytes [addr & 31, +n); shl by 256 is 0, so n = 32 replaces the key.
            mstore(S_PREIMAGE_KEY, or(shl(bits, mload(S_PREIMAGE_KEY)), shr(sub(256, bits), shl(k, mload(MEM_LEAF_1)))))
            mstore(S_PREIMAGE_OFFSET, shr(32, shl(32, mload(S_PREIMAGE_OFFSET)))) // preimageOffset <- 0
        }
    }

    /// @dev Preimage read from fd 5 (1.9): splices n = min(count, 32 - (addr & 31), datLen) bytes
    ///      of the oracle part at preimageOffset into the leaf of addr; returns n (0 at EOF).
    function _preimageRead(uint256 addr, uint256 count) private view returns (uint256 n) {
        if (count == 0) return 0;
        address o = address(oracle);
        bytes4 sel = IPreimageOracle.readPreimage.selector;
        uint256 offset;
        uint256 datLen;
        uint256 dat;
        assembly {
            let key := mload(S_PREIMAGE_KEY)
            if eq(shr(248, key), 1) {
                // Localize to the caller of step (1.9), as PreimageOracle.localizeKey does.
                mstore(0, shl(96, caller()))
                mstore(20, mload(0x2e0))
                let ctx := keccak256(0, 52)
                mstore(0, key)
                mstore(0x20, ctx)
                key := or(and(keccak256(0, 0x40), not(shl(248, 0xff))), shl(248, 1))
            }
            offset := shr(224, mload(S_PREIMAGE_OFFSET))
            // readPreimage(key, offset) -> (dat, datLen) in scratch 0..0x40; reverts bubble up.
            let ptr := mload(0x40)
            mstore(ptr, sel)
            mstore(add(ptr, 4), key)
            mstore(add(ptr, 0x24), offset)
            if iszero(staticcall(gas(), o, ptr, 0x44, 0, 0x40)) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
            if lt(returndatasize(), 0x40) { revert(0, 0) }
            dat := mload(0)
            datLen := mload(0x20)
        }
        if (datLen == 0) return 0; // EOF
        MIPSMemory.load(1, addr); // verifies proof 1; its leaf is now at MEM_LEAF_1
        uint256 leaf;
        assembly {
            let k := shl(3, and(addr, 31)) // bit offset of addr in the leaf
            n := sub(32, shr(3, k))
            if lt(count, n) { n := count }
            if lt(datLen, n) { n := datLen }
            // n bytes from bit k: the top 8n bits set, moved down by k.
            let mask := shr(k, not(shr(shl(3, n), not(0))))
            leaf := or(and(mload(MEM_LEAF_1), not(mask)), and(shr(k, dat), mask))
            mstore(MEM_LEAF_1, leaf)
            // preimageOffset += n (shl 224 keeps the low 32 bits: a u32 add, as in Go)
            mstore(S_PREIMAGE_OFFSET, or(shr(32, shl(32, mload(S_PREIMAGE_OFFSET))), shl(224, add(offset, n))))
        }
        MIPSMemory.setRoot(MIPSMemory.rootFrom(1, addr, leaf));
    }

    // ---------------------------------------------------------------- hashing helpers (1.3, 1.4)

    function _threadHash() private pure returns (bytes32 h) {
        assembly {
            h := keccak256(0x140, 156)
        }
    }

    function _push(bytes32 root, bytes32 threadHash) private pure returns (bytes32 r) {
        assembly {
            mstore(0, root)
            mstore(0x20, threadHash)
            r := keccak256(0, 0x40)
        }
    }

    /// @dev keccak of the state buffer with byte 0 replaced by the status (1.4).
    function _stateHash() private pure returns (bytes32 h) {
        assembly {
            let status := 3
            if byte(0, mload(0xce)) {
                let code := byte(0, mload(0xcd))
                status := 2
                if lt(code, 2) { status := code }
            }
            h := or(and(keccak256(0x80, 180), not(shl(248, 0xff))), shl(248, status))
        }
    }

    // ---------------------------------------------------------------- field access

    function _reg(uint256 i) private pure returns (uint256 v) {
        assembly {
            v := shr(224, mload(add(0x154, shl(2, i))))
        }
    }

    /// @dev Writes register i (writes to regs[0] are discarded).
    function _setReg(uint256 i, uint256 v) private pure {
        if (i != 0) _w32(T_REGS + (i << 2), v);
    }

    function _r8(uint256 p) private pure returns (uint256 v) {
        assembly {
            v := byte(0, mload(p))
        }
    }

    function _w8(uint256 p, uint256 v) private pure {
        assembly {
            mstore8(p, v)
        }
    }

    function _r32(uint256 p) private pure returns (uint256) {
        return _rd(p, 32);
    }

    function _w32(uint256 p, uint256 v) private pure {
        _wr(p, 32, v);
    }

    function _r64(uint256 p) private pure returns (uint256) {
        return _rd(p, 64);
    }

    /// @dev u64 counters wrap like Go's uint64.
    function _w64(uint256 p, uint256 v) private pure {
        _wr(p, 64, v);
    }

    /// @dev Reads the big-endian `bits`-bit field at p.
    function _rd(uint256 p, uint256 bits) private pure returns (uint256 v) {
        assembly {
            v := shr(sub(256, bits), mload(p))
        }
    }

    /// @dev Stores the low `bits` bits of v at p, keeping the bytes after the field.
    function _wr(uint256 p, uint256 bits, uint256 v) private pure {
        assembly {
            mstore(p, or(shr(bits, shl(bits, mload(p))), shl(sub(256, bits), v)))
        }
    }

    function _mload(uint256 p) private pure returns (bytes32 v) {
        assembly {
            v := mload(p)
        }
    }

    function _mstore(uint256 p, bytes32 v) private pure {
        assembly {
            mstore(p, v)
        }
    }

    // ---------------------------------------------------------------- arithmetic helpers

    /// @dev Sign-extends v from byte b (0: 8 bits, 1: 16 bits, 3: 32 bits) to 256 bits.
    function _sext(uint256 v, uint256 b) private pure returns (uint256 r) {
        assembly {
            r := signextend(b, v)
        }
    }

    function _slt(uint256 a, uint256 b) private pure returns (bool r) {
        assembly {
            r := slt(signextend(3, a), signextend(3, b))
        }
    }

    /// @dev Arithmetic shift right of a 32-bit value.
    function _sar(uint256 v, uint256 sa) private pure returns (uint256 r) {
        assembly {
            r := and(sar(sa, signextend(3, v)), 0xffffffff)
        }
    }

    /// @dev Count of leading zero bits of a 32-bit value (32 for 0).
    function _clz(uint256 x) private pure returns (uint256 n) {
        unchecked {
            if (x == 0) return 32;
            if (x >> 16 == 0) (n, x) = (n + 16, x << 16);
            if (x >> 24 == 0) (n, x) = (n + 8, x << 8);
            if (x >> 28 == 0) (n, x) = (n + 4, x << 4);
            if (x >> 30 == 0) (n, x) = (n + 2, x << 2);
            if (x >> 31 == 0) n += 1;
        }
    }
}
// forge-lint: disable-end(unsafe-typecast)
// forge-lint: disable-end(incorrect-shift)
