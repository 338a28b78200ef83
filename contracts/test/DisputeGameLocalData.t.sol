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

    // ------------------------------------------------------------------ attacks on the phase link

    /// @dev `who` calls the oracle itself with the game's raw keys and localContext, loading a
    ///      wrong S_{k-1}, S_k and k = 18 at both parts the kernel reads. The oracle localizes
    ///      the keys with the caller, so the data lands in `who`'s namespace only.
    function _loadFakeLocalData(bytes32 ctx, address who) internal {
        for (uint32 ident = 1; ident <= 3; ident++) {
            bytes memory fake =
                ident == 3 ? abi.encodePacked(G_NODE + 1) : abi.encodePacked(keccak256(abi.encode("fake", ident)));
            bytes32 key = game.localKey(ident);
            for (uint256 off = 0; off <= 8; off += 8) {
                vm.prank(who);
                bytes32 lk = oracle.loadLocalData(key, ctx, fake, off);
                assertEq(lk, oracle.localizeKey(key, who, ctx), "localized to the caller");
                assertTrue(lk != oracle.localizeKey(key, address(game), ctx), "not the game's key");
            }
        }
    }

    /// @dev The game's own parts hold exactly S_{k-1} = prev, S_k = claimed and u32be(k).
    function _expectGameData(bytes32 ctx, bytes32 prev, bytes32 claimed) internal view {
        bytes32[3] memory want = [prev, claimed, bytes32(bytes4(G_NODE))];
        uint256[3] memory lens = [uint256(32), 32, 4];
        for (uint32 ident = 1; ident <= 3; ident++) {
            bytes32 key = oracle.localizeKey(game.localKey(ident), address(game), ctx);
            (bytes32 dat, uint256 len) = oracle.readPreimage(key, 8);
            assertEq(dat, want[ident - 1], "the game's datum");
            assertEq(len, lens[ident - 1], "datum length");
            (dat, len) = oracle.readPreimage(key, 0);
            assertEq(uint256(dat) >> 192, lens[ident - 1], "the game's length prefix");
        }
    }

    /// @notice A lying challenger (and a stranger) load k = 18 and wrong states under the game's
    ///         own keys and localContext, before and after startVMPhase: the game's namespace is
    ///         untouched and the final step still reads k = 17, so the honest asserter wins.
    function test_attackerLocalDataIsIgnored() public {
        uint256 id = _create(game, _honest());
        _dissect(game, id, _honest(), _liar());
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.hi, G_NODE, "phase G ends at node k");
        bytes32 ctx = game.localContext(id, G_NODE);
        _loadFakeLocalData(ctx, CHALLENGER); // front-running startVMPhase
        _loadFakeLocalData(ctx, STRANGER);
        _startV(game, id, _honest());
        _loadFakeLocalData(ctx, CHALLENGER); // after it
        _expectGameData(ctx, st.loHash, st.hiHash);
        _dissect(game, id, _honest(), _liar());
        vm.prank(CHALLENGER);
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 1, "the step read the game's k = 17");
    }

    /// @notice A lying asserter whose trace read k = 18 cannot supply that k itself: its loads go
    ///         to its own namespace, the step reads the game's k = 17, and it loses.
    function test_lyingAsserterCannotSupplyItsOwnLocalData() public {
        uint256 id = _create(game, _liar());
        _dissect(game, id, _liar(), _honest());
        DisputeGame.Game memory st = game.getGame(id);
        bytes32 ctx = game.localContext(id, G_NODE);
        _loadFakeLocalData(ctx, ASSERTER);
        _startV(game, id, _liar());
        _loadFakeLocalData(ctx, ASSERTER);
        _expectGameData(ctx, st.loHash, st.hiHash);
        _dissect(game, id, _liar(), _honest());
        vm.prank(ASSERTER);
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 2, "k = 18 is not in the game's namespace");
    }
}
