// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DisputeGameBase} from "./DisputeGame.t.sol";
import {DisputeGame} from "../src/DisputeGame.sol";
import {PreimageOracle} from "../src/PreimageOracle.sol";

/// @notice Attacks on the game's move and clock rules not covered by DisputeGame.t.sol: the phase
///         link opened too early, moves at and one second past the end of a clock for the moves
///         that test does not time (startVMPhase, step), replays in phase V, and moves after a
///         resolution by timeout.
contract DisputeGameAttacksTest is DisputeGameBase {
    /// @notice startVMPhase is refused (WrongPhase) at every phase-G position that is not yet a
    ///         single node, whether a split is pending or not, and in phase V.
    function test_startVMPhaseOnlyAtASingleNode() public {
        uint256 id = _create(game, _honest());
        bytes32 vt = _trueV(T);
        while (true) {
            DisputeGame.Game memory st = game.getGame(id);
            if (st.hi - st.lo == 1) break;
            vm.prank(ASSERTER);
            vm.expectRevert(DisputeGame.WrongPhase.selector);
            game.startVMPhase(id, vt, _vClaimsK(4, _honest()));
            _split(game, id, _honest());
            vm.prank(ASSERTER);
            vm.expectRevert(DisputeGame.WrongPhase.selector); // split pending: still not a node
            game.startVMPhase(id, vt, _vClaimsK(4, _honest()));
            _choose(game, id, _liar());
        }
        _startV(game, id, _honest());
        // In phase V, at every position down to the single step, split pending or not (the
        // first pending split is the one startVMPhase posted).
        while (true) {
            DisputeGame.Game memory st = game.getGame(id);
            vm.prank(ASSERTER);
            vm.expectRevert(DisputeGame.WrongPhase.selector);
            game.startVMPhase(id, vt, _vClaimsK(4, _honest()));
            if (st.splitPending) {
                _choose(game, id, _liar());
                continue;
            }
            if (st.hi - st.lo == 1) break;
            _split(game, id, _honest());
        }
        assertEq(game.status(id), 0, "nothing decided");
    }

    /// @notice startVMPhase at exactly elapsed == remaining is accepted; in a second game the same
    ///         move one second later is refused with ClockExpired and the timeout is claimable.
    function test_lastSecondStartVMPhase() public {
        uint256 a = _create(game, _honest());
        uint256 b = _create(game, _honest());
        _dissect(game, a, _honest(), _liar());
        _dissect(game, b, _honest(), _liar());
        DisputeGame.Game memory st = game.getGame(a);
        assertEq(st.lastMoveAt, game.getGame(b).lastMoveAt, "same time");
        clock.warp(st.lastMoveAt + uint256(st.asserterClock));
        _startV(game, a, _honest());
        assertEq(game.getGame(a).asserterClock, 0, "the last second was used");
        assertEq(game.getGame(a).phase, 1, "phase V");
        assertTrue(game.getGame(a).splitPending, "with its first split");
        assertEq(game.getGame(a).challengerClock, BUDGET, "the challenger's clock untouched");

        clock.warp(block.timestamp + 1);
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.startVMPhase(b, _trueV(T), _vClaimsK(4, _honest()));
        vm.prank(STRANGER);
        game.claimTimeout(b);
        assertEq(game.status(b), 2, "asserter timed out");
    }

    /// @notice The final step at exactly elapsed == remaining decides the game; in a second game
    ///         one second later it is refused and the timeout makes the challenger win.
    function test_lastSecondStep() public {
        uint256 a = _create(game, _honest());
        uint256 b = _create(game, _honest());
        for (uint256 i = 0; i < 2; i++) {
            uint256 id = i == 0 ? a : b;
            _dissect(game, id, _honest(), _liar());
            _startV(game, id, _honest());
            _dissect(game, id, _honest(), _liar());
        }
        DisputeGame.Game memory st = game.getGame(a);
        assertEq(st.lastMoveAt, game.getGame(b).lastMoveAt, "same time");
        clock.warp(st.lastMoveAt + uint256(st.asserterClock));
        vm.expectRevert(
            abi.encodeWithSelector(DisputeGame.ClockNotExpired.selector, st.asserterClock, st.asserterClock)
        );
        game.claimTimeout(a);
        game.step(a, stepState, stepProof);
        assertEq(game.status(a), 1, "last-second step decided");

        clock.warp(block.timestamp + 1);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.step(b, stepState, stepProof);
        assertEq(game.status(b), 0, "refused step decides nothing");
        game.claimTimeout(b);
        assertEq(game.status(b), 2, "the honest asserter still loses on time");
    }

    /// @notice Replays in phase V: a second startVMPhase, a split on top of the split startVMPhase
    ///         posted, a second choice, a second split.
    function test_replayedMovesInPhaseV() public {
        uint256 id = _create(game, _honest());
        _dissect(game, id, _honest(), _liar());
        _startV(game, id, _honest());
        DisputeGame.Game memory st = game.getGame(id);
        bytes32[] memory first = _vClaimsK(4, _honest());
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.WrongPhase.selector);
        game.startVMPhase(id, _trueV(T), first);
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector); // the opening's split is pending
        game.split(id, first);
        assertEq(keccak256(abi.encode(game.getGame(id))), keccak256(abi.encode(st)), "replays changed nothing");
        uint256 j = _choice(game, id, _liar());
        vm.prank(CHALLENGER);
        game.choose(id, j);
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.choose(id, j);
        bytes32[] memory cs = _claims(game, id, _honest());
        vm.prank(ASSERTER);
        game.split(id, cs);
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.split(id, cs);
        j = _choice(game, id, _liar());
        vm.prank(CHALLENGER);
        game.choose(id, j);
        st = game.getGame(id);
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.choose(id, j);
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.WrongPhase.selector);
        game.startVMPhase(id, _trueV(T), first);
        assertEq(keccak256(abi.encode(game.getGame(id))), keccak256(abi.encode(st)), "replays changed nothing");
    }

    /// @notice After a resolution by timeout every move reverts GameResolved, the timeout cannot
    ///         be claimed again, and the outcome never changes.
    function test_movesAfterTimeoutResolution() public {
        uint256 id = _create(game, _honest());
        _split(game, id, _honest());
        clock.warp(block.timestamp + BUDGET + 1); // the challenger never chooses
        game.claimTimeout(id);
        assertEq(game.status(id), 1, "challenger timed out");
        DisputeGame.Game memory st = game.getGame(id);
        bytes memory resolved = abi.encodeWithSelector(DisputeGame.GameResolved.selector, id);
        vm.prank(CHALLENGER);
        vm.expectRevert(resolved);
        game.choose(id, 0);
        vm.prank(ASSERTER);
        vm.expectRevert(resolved);
        game.split(id, new bytes32[](3));
        vm.prank(ASSERTER);
        vm.expectRevert(resolved);
        game.startVMPhase(id, _trueV(T), _vClaimsK(4, _honest()));
        vm.expectRevert(resolved);
        game.step(id, stepState, stepProof);
        clock.warp(block.timestamp + 10 * BUDGET);
        vm.expectRevert(resolved);
        game.claimTimeout(id);
        assertEq(keccak256(abi.encode(game.getGame(id))), keccak256(abi.encode(st)), "the record is frozen");
    }
}

// bytes4/bytes32 of the preimages take their first bytes on purpose (what the read returns).
// forge-lint: disable-start(unsafe-typecast)
/// @notice A final step that reads a keccak preimage (docs/protocol.md 1.9): a `read` of fd 5 of
///         4 bytes at stream offset 8 of the preimage of KEY, i.e. its first 4 data bytes. Anyone
///         may load keccak parts, but the oracle derives the key from the data, so a forged
///         preimage can never create the part the step reads; while that part is missing the step
///         reverts and decides nothing, and the asserter's clock keeps running.
contract DisputeGameKeccakStepTest is DisputeGameBase {
    bytes internal constant REAL = "AIVM chunk: the real preimage bytes";
    bytes internal constant FORGED = "FAKE chunk: the real preimage bytes"; // same length
    bytes32 internal key; // the keccak key of REAL
    bytes32 internal postForged; // the post-state had the read returned FORGED's first bytes

    function _buildStep() internal override {
        key = _keccakKey(REAL);
        (stepState, stepProof, stepPre, stepPost) = _keccakReadStep(key, bytes4(REAL));
        (,,, postForged) = _keccakReadStep(key, bytes4(FORGED));
    }

    function _lieV(uint256 i) internal view override returns (bytes32) {
        if (i == V_STEP + 1) return postForged;
        return super._lieV(i);
    }

    /// @dev Plays asserter a against challenger c up to the final step.
    function _toFinalStep(Party memory a, Party memory c) internal returns (uint256 id) {
        id = _create(game, a);
        _dissect(game, id, a, c);
        _startV(game, id, a);
        _dissect(game, id, a, c);
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.lo, V_STEP, "the disputed step is the read");
        assertEq(st.loHash, stepPre, "agreed pre-state");
    }

    function _expectMissing() internal {
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, key, 8));
    }

    /// @notice The forged data cannot be stored under KEY (the load has no key argument: it lands
    ///         under keccak(FORGED)); the step still reverts, and decides once REAL is loaded.
    function test_forgedPreimageCannotCreateThePart() public {
        uint256 id = _toFinalStep(_liar(), _honest());
        assertEq(game.getGame(id).hiHash, postForged, "the liar claims the read returned FORGED");

        _expectMissing();
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 0, "a step with a missing part decides nothing");

        vm.prank(ASSERTER);
        oracle.loadKeccak256PreimagePart(8, FORGED);
        (bytes32 dat,) = oracle.readPreimage(_keccakKey(FORGED), 8);
        assertEq(dat, bytes32(bytes(FORGED)), "FORGED lands under its own key");
        _expectMissing();
        oracle.readPreimage(key, 8);
        _expectMissing();
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 0, "still nothing decided");

        vm.prank(CHALLENGER);
        oracle.loadKeccak256PreimagePart(8, REAL);
        vm.prank(CHALLENGER);
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 2, "the step read REAL: the liar loses");
    }

    /// @notice Once REAL is loaded, a later load of FORGED (or of REAL at another offset) leaves the
    ///         part the step reads intact.
    function test_laterLoadsLeaveThePartIntact() public {
        uint256 id = _toFinalStep(_honest(), _liar());
        oracle.loadKeccak256PreimagePart(8, REAL);
        vm.prank(CHALLENGER);
        oracle.loadKeccak256PreimagePart(8, FORGED);
        vm.prank(CHALLENGER);
        oracle.loadKeccak256PreimagePart(0, REAL); // the length part: same stream
        (bytes32 dat, uint256 len) = oracle.readPreimage(key, 8);
        assertEq(dat, bytes32(bytes(REAL)), "part 8 is REAL's");
        assertEq(len, 32, "a full part");
        vm.prank(ASSERTER);
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 1, "the honest asserter wins");
    }

    /// @notice An asserter that cannot (or will not) make the read part available cannot run its
    ///         step; the step reverts without deciding, and once its clock runs out the challenger
    ///         wins by timeout.
    function test_missingPartThenTimeout() public {
        uint256 id = _toFinalStep(_honest(), _liar());
        _expectMissing();
        vm.prank(ASSERTER);
        game.step(id, stepState, stepProof);
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.status, 0, "in progress");
        clock.warp(st.lastMoveAt + uint256(st.asserterClock) + 1);
        oracle.loadKeccak256PreimagePart(8, REAL); // too late
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.step(id, stepState, stepProof);
        game.claimTimeout(id);
        assertEq(game.status(id), 2, "challenger wins on time");
    }
}
