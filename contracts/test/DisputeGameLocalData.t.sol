// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DisputeGameBase} from "./DisputeGame.t.sol";
import {VMBuilder, Thread, State, Mem} from "./lib/VMBuilder.sol";
import {DisputeGame} from "../src/DisputeGame.sol";

/// @notice End to end through the oracle: the disputed VM step is the kernel's read of local
///         datum 3 (k, u32be) at stream offset 8, so the final MIPS.step reads the data
///         startVMPhase loaded under the game's localContext. The honest post-state has k = 17 in
///         memory; an asserter whose trace read the data of another node (k = 18) loses.
contract DisputeGameLocalDataTest is DisputeGameBase {
    using VMBuilder for Thread;
    using VMBuilder for State;
    using VMBuilder for Mem;

    uint32 internal constant SYSCALL = 0x0C;
    uint32 internal constant BUF = DATA + 0x40; // aligned: the whole 4-byte datum in one read
    bytes32 internal postWrongK;

    function _postFor(Mem memory m, Thread memory t, State memory s, uint32 node) internal pure returns (bytes32) {
        Mem memory m2 = m; // callers pass a fresh copy
        m2.set(BUF, node);
        s.preimageOffset = 12;
        t.regs[2] = 4; // v0 = bytes read
        t.regs[7] = 0; // a3 = no error
        _advance(t);
        return _normal(s, m2, t);
    }

    function _readState() internal pure returns (Mem memory m, Thread memory t, State memory s) {
        m.set(PC, SYSCALL);
        t = _thread();
        t.regs[2] = 4003; // read
        t.regs[4] = 5; // fd 5: preimage read
        t.regs[5] = BUF;
        t.regs[6] = 4;
        s = _state(m, t);
        s.preimageKey = bytes32(uint256(1) << 248 | 3); // local datum 3 (k)
        s.preimageOffset = 8; // the length (offset 0..7) was read by the previous read
        s.step = V_STEP;
    }

    function _buildStep() internal override {
        (Mem memory m, Thread memory t, State memory s) = _readState();
        stepState = s.encode();
        stepPre = s.hash();
        stepProof = _proof(t, m, _one(BUF));
        stepPost = _postFor(m, t, s, G_NODE);
        (m, t, s) = _readState();
        postWrongK = _postFor(m, t, s, G_NODE + 1);
        // The step cannot run outside the game: the data is localized to the game.
        vm.expectRevert();
        mips.step(stepState, stepProof, bytes32(0));
    }

    function _lieV(uint256 i) internal view override returns (bytes32) {
        if (i == V_STEP + 1) return postWrongK;
        return super._lieV(i);
    }

    function test_finalStepReadsTheGamesLocalData() public {
        uint256 id = _play(game, _honest(), _liar());
        assertEq(game.status(id), 1, "the step read k = 17 from the game's local data");
    }

    function test_wrongKLoses() public {
        uint256 id = _play(game, _liar(), _honest());
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.hiHash, postWrongK, "the liar claimed the read of k = 18");
        assertEq(game.status(id), 2, "k = 18 is not what the game loaded");
    }
}
