// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MIPSTestBase} from "./MIPSTestBase.sol";
import {VMBuilder, Thread, State, Mem} from "./lib/VMBuilder.sol";
import {DisputeGame} from "../src/DisputeGame.sol";
import {KernelRegistry} from "../src/KernelRegistry.sol";
import {PreimageOracle} from "../src/PreimageOracle.sol";
import {Slots} from "./lib/Slots.sol";

/// @notice Cheatcodes beyond the shared lib/Vm.sol that the game tests need.
interface VmClock {
    function warp(uint256 newTimestamp) external;
    function cool(address target) external;
}

// Test traces narrow loop indices and hashes on purpose.
// forge-lint: disable-start(unsafe-typecast)
/// @notice Fixtures: a registry with one kernel whose pre-state is arbitrary, a game with k = 4,
///         synthetic graph traces, and VM traces that are synthetic except around one real step:
///         V_STEP is the hash of a hand-built addiu state and V_STEP+1 its true MIPS post-state.
abstract contract DisputeGameBase is MIPSTestBase {
    using VMBuilder for Thread;
    using VMBuilder for State;
    using VMBuilder for Mem;

    VmClock internal constant clock = VmClock(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    address internal constant ASSERTER = address(0xA55E);
    address internal constant CHALLENGER = address(0xC4A1);
    address internal constant STRANGER = address(0x5757);

    uint64 internal constant BUDGET = 3 days;
    uint64 internal constant EXT = 1 hours;
    uint32 internal constant N = 41; // graph nodes (tiny-llama size)
    uint64 internal constant T = 1 << 32;
    uint64 internal constant V_STEP = 3_000_000_017; // the VM step the games end on
    uint32 internal constant G_NODE = 17; // the graph node the games end on

    KernelRegistry internal registry;
    DisputeGame internal game;
    bytes32 internal kernel;
    bytes32 internal constant PRESTATE = bytes32(uint256(0x03) << 248 | 0x9E57A7E);

    // The real step.
    bytes internal stepState;
    bytes internal stepProof;
    bytes32 internal stepPre;
    bytes32 internal stepPost;

    function setUp() public virtual override {
        super.setUp();
        clock.warp(1_000_000);
        registry = new KernelRegistry();
        kernel = registry.register(bytes32(uint256(1)), PRESTATE, bytes32(uint256(2)), N, 1, 1, Slots.lastNode(N, 1), "");
        game = _deploy(4);
        _buildStep();
    }

    function _deploy(uint256 k) internal returns (DisputeGame) {
        return new DisputeGame(mips, registry, address(this), k, BUDGET, EXT);
    }

    /// @dev addiu v1, t0, -5 with t0 = 37 at step V_STEP: a one-proof step whose post-state is checked below.
    function _buildStep() internal virtual {
        Mem memory m;
        m.set(PC, I(9, RS, RD, 0xFFFB));
        Thread memory t = _thread();
        t.regs[RS] = 37;
        State memory s = _state(m, t);
        s.step = V_STEP;
        s.stepsSinceSwitch = 7;
        stepState = s.encode();
        stepPre = s.hash();
        stepProof = _proof(t, m, _none());
        t.regs[RD] = 32;
        _advance(t);
        stepPost = _normal(s, m, t);
        assertEq(mips.step(stepState, stepProof, bytes32(0)), stepPost, "the hand-built step is real");
    }

    /// @dev The keccak key of a preimage (docs/protocol.md 1.9): keccak256(data) with byte 0 = 2.
    function _keccakKey(bytes memory data) internal pure returns (bytes32) {
        return bytes32((uint256(keccak256(data)) & ((uint256(1) << 248) - 1)) | (uint256(2) << 248));
    }

    /// @dev A `read` syscall of 4 bytes of preimage `key` at stream offset 8 (the first data bytes)
    ///      into an aligned buffer at DATA + 0x40, at step V_STEP: a two-proof step (fetch and
    ///      buffer) that calls the oracle. `got` is what the read returns; post is the state it
    ///      leads to. The step runs only once the part (key, 8) is in the oracle.
    function _keccakReadStep(bytes32 key, bytes4 got)
        internal
        pure
        returns (bytes memory st, bytes memory pf, bytes32 pre, bytes32 post)
    {
        uint32 buf = DATA + 0x40;
        Mem memory m;
        m.set(PC, 0x0C); // syscall
        Thread memory t = _thread();
        t.regs[2] = 4003; // read
        t.regs[4] = 5; // fd 5: preimage read
        t.regs[5] = buf;
        t.regs[6] = 4;
        State memory s = _state(m, t);
        s.preimageKey = key;
        s.preimageOffset = 8; // past the length prefix
        s.step = V_STEP;
        st = s.encode();
        pre = s.hash();
        pf = _proof(t, m, _one(buf));
        m.set(buf, uint32(got));
        s.preimageOffset = 12;
        t.regs[2] = 4; // v0 = bytes read
        t.regs[7] = 0; // a3 = no error
        _advance(t);
        post = _normal(s, m, t);
    }

    // ------------------------------------------------------------------ traces

    /// @dev The true graph trace S_0..S_N.
    function _trueS(uint256 i) internal pure returns (bytes32) {
        return keccak256(abi.encode("S", i));
    }

    /// @dev A graph trace equal to the true one before `from`, wrong from it on.
    function _s(uint256 i, uint256 from) internal pure returns (bytes32) {
        return i < from ? _trueS(i) : keccak256(abi.encode("S-lie", i));
    }

    function _validStatus(bytes32 h) internal pure returns (bytes32) {
        return bytes32(uint256(h) & ((uint256(1) << 248) - 1)); // status byte 0 = VALID
    }

    /// @dev The true VM trace: the registered pre-state, synthetic hashes, the real step around
    ///      V_STEP, a VALID final state.
    function _trueV(uint256 i) internal view returns (bytes32) {
        if (i == 0) return PRESTATE;
        if (i == V_STEP) return stepPre;
        if (i == V_STEP + 1) return stepPost;
        if (i == T) return _validStatus(keccak256("V_T"));
        return keccak256(abi.encode("V", i));
    }

    /// @dev A VM trace true up to V_STEP and wrong after it (a different VALID V_T).
    function _lieV(uint256 i) internal view virtual returns (bytes32) {
        if (i <= V_STEP) return _trueV(i);
        if (i == T) return _validStatus(keccak256("V_T-lie"));
        return keccak256(abi.encode("V-lie", i));
    }

    /// @dev Party traces: phase G by divergence node (type(uint256).max: honest), phase V honest or lying.
    struct Party {
        uint256 gFrom;
        bool vLies;
    }

    function _g(Party memory p, uint256 i) internal pure returns (bytes32) {
        return _s(i, p.gFrom);
    }

    function _v(Party memory p, uint256 i) internal view returns (bytes32) {
        return p.vLies ? _lieV(i) : _trueV(i);
    }

    function _honest() internal pure returns (Party memory) {
        return Party(type(uint256).max, false);
    }

    function _liar() internal pure returns (Party memory) {
        return Party(G_NODE, true);
    }

    // ------------------------------------------------------------------ moves

    function _create(DisputeGame g, Party memory a) internal returns (uint256) {
        return g.create(kernel, _trueS(0), _g(a, N), N, ASSERTER, CHALLENGER);
    }

    function _claims(DisputeGame g, uint256 id, Party memory a) internal view returns (bytes32[] memory cs) {
        DisputeGame.Game memory st = g.getGame(id);
        uint64[] memory ps = g.splitPoints(id);
        cs = new bytes32[](ps.length);
        for (uint256 i = 0; i < ps.length; i++) {
            cs[i] = st.phase == 0 ? _g(a, ps[i]) : _v(a, ps[i]);
        }
    }

    /// @dev The challenger's honest choice against its own trace c (bisection.HonestChoice).
    function _choice(DisputeGame g, uint256 id, Party memory c) internal view returns (uint256) {
        DisputeGame.Game memory st = g.getGame(id);
        uint64[] memory ps = g.splitPoints(id);
        for (uint256 i = 0; i < ps.length; i++) {
            bytes32 mine = st.phase == 0 ? _g(c, ps[i]) : _v(c, ps[i]);
            if (g.claimAt(id, i) != mine) return i;
        }
        return ps.length;
    }

    function _split(DisputeGame g, uint256 id, Party memory a) internal {
        bytes32[] memory cs = _claims(g, id, a);
        vm.prank(ASSERTER);
        g.split(id, cs);
    }

    function _choose(DisputeGame g, uint256 id, Party memory c) internal {
        uint256 j = _choice(g, id, c);
        vm.prank(CHALLENGER);
        g.choose(id, j);
    }

    /// @dev Plays rounds until the current phase's segment is a single step. A split already
    ///      pending (the one startVMPhase posts) is answered first and counts as a round.
    function _dissect(DisputeGame g, uint256 id, Party memory a, Party memory c) internal returns (uint256 rounds) {
        while (true) {
            DisputeGame.Game memory st = g.getGame(id);
            if (!st.splitPending) {
                if (st.hi - st.lo == 1) return rounds;
                _split(g, id, a);
            }
            _choose(g, id, c);
            rounds++;
        }
    }

    /// @dev Party a's claims at the split points of the phase-V root [0, T] (m = K), computed
    ///      independently of the game's splitPoints (which still names the phase-G node then).
    function _vClaims(DisputeGame g, Party memory a) internal view returns (bytes32[] memory) {
        return _vClaimsK(g.K(), a);
    }

    /// @dev The same for arity k, with no call to a game (usable between a prank or an
    ///      expectRevert and the call it applies to).
    function _vClaimsK(uint256 k, Party memory a) internal view returns (bytes32[] memory cs) {
        cs = new bytes32[](k - 1);
        for (uint256 i = 1; i < k; i++) {
            cs[i - 1] = _v(a, (i * uint256(T)) / k);
        }
    }

    /// @dev The asserter's phase-V opening: V_T and its first phase-V split in one move.
    function _startV(DisputeGame g, uint256 id, Party memory a) internal {
        bytes32[] memory cs = _vClaims(g, a);
        vm.prank(ASSERTER);
        g.startVMPhase(id, _v(a, T), cs);
    }

    /// @dev Plays a whole game to the final step; returns the id (resolved).
    function _play(DisputeGame g, Party memory a, Party memory c) internal returns (uint256 id) {
        id = _create(g, a);
        _dissect(g, id, a, c);
        _startV(g, id, a);
        _dissect(g, id, a, c);
        vm.prank(ASSERTER);
        g.step(id, stepState, stepProof);
    }
}

contract DisputeGameTest is DisputeGameBase {
    using VMBuilder for State;

    // ------------------------------------------------------------------ full games

    function test_honestAsserterWins() public {
        uint256 id = _create(game, _honest());
        // A challenger lying from node 17 on and after step V_STEP.
        assertEq(_dissect(game, id, _honest(), _liar()), 3, "phase G rounds, n = 41, k = 4");
        _expectPosition(id, G_NODE - 1, G_NODE, _trueS(G_NODE - 1), _trueS(G_NODE));
        _startV(game, id, _honest());
        assertEq(_dissect(game, id, _honest(), _liar()), 16, "phase V rounds, T = 2^32, k = 4");
        _expectPosition(id, V_STEP, V_STEP + 1, stepPre, stepPost);
        vm.expectEmit(address(game));
        emit DisputeGame.Resolved(id, 1, false);
        vm.prank(ASSERTER);
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 1, "asserter won");
    }

    function _expectPosition(uint256 id, uint256 lo, uint256 hi, bytes32 loHash, bytes32 hiHash) internal view {
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.lo, lo, "lo");
        assertEq(st.hi, hi, "hi");
        assertEq(st.loHash, loHash, "loHash");
        assertEq(st.hiHash, hiHash, "hiHash");
    }

    function test_lyingAsserterLoses() public {
        uint256 id = _play(game, _liar(), _honest());
        assertEq(game.status(id), 2, "challenger won");
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.node, G_NODE, "phase V ran node 17");
        assertTrue(st.hiHash != stepPost, "the liar's post-state");
    }

    function test_fullGamesEveryK() public {
        uint256[4] memory ks = [uint256(2), 4, 8, 16];
        for (uint256 i = 0; i < ks.length; i++) {
            DisputeGame g = _deploy(ks[i]);
            assertEq(g.status(_play(g, _honest(), _liar())), 1, "honest asserter");
            assertEq(g.status(_play(g, _liar(), _honest())), 2, "honest challenger");
        }
    }

    function test_challengerMayRunTheFinalStep() public {
        uint256 id = _create(game, _liar());
        _dissect(game, id, _liar(), _honest());
        _startV(game, id, _liar());
        _dissect(game, id, _liar(), _honest());
        vm.prank(CHALLENGER);
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 2, "challenger won");
    }

    function test_singleNodeGraph() public {
        bytes32 k1 = registry.register(bytes32(uint256(1)), PRESTATE, bytes32(uint256(2)), 1, 1, 1, Slots.lastNode(1, 1), "");
        uint256 id = game.create(k1, _trueS(0), _trueS(1), 1, ASSERTER, CHALLENGER);
        assertTrue(game.asserterToMove(id), "asserter opens phase V at once");
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.WrongPhase.selector);
        game.split(id, new bytes32[](0));
        _startV(game, id, _honest());
        assertEq(game.getGame(id).node, 1, "node 1");
    }

    // ------------------------------------------------------------------ split rule mirror

    function test_splitPointsMirrorRules() public {
        uint256 id = _create(game, _honest()); // (0, 41), k = 4: m = 4
        uint64[] memory ps = game.splitPoints(id);
        assertEq(ps.length, 3, "m - 1 points");
        assertEq(ps[0], 10, "p1 = floor(41/4)");
        assertEq(ps[1], 20, "p2 = floor(82/4)");
        assertEq(ps[2], 30, "p3 = floor(123/4)");
        DisputeGame g16 = _deploy(16);
        uint256 id16 = _create(g16, _honest());
        ps = g16.splitPoints(id16);
        assertEq(ps.length, 15, "k = 16");
        for (uint256 i = 1; i < 16; i++) {
            assertEq(ps[i - 1], (i * 41) / 16, "p_i = floor(i d / m)");
        }
        // A segment shorter than k splits into single steps: (0, 41) -> choose j = 3 -> (30, 41)
        // -> choose the last of 4 -> (38, 41): d = 3 < 4, m = 3, two points 39, 40.
        _split(game, id, _honest());
        vm.prank(CHALLENGER);
        game.choose(id, 3);
        _split(game, id, _honest());
        vm.prank(CHALLENGER);
        game.choose(id, 3);
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.lo, 38, "lo = 30 + floor(3*11/4)");
        assertEq(st.hi, 41, "hi");
        ps = game.splitPoints(id);
        assertEq(ps.length, 2, "m = d = 3");
        assertEq(ps[0], 39, "p1");
        assertEq(ps[1], 40, "p2");
        bytes32[] memory three = new bytes32[](3);
        vm.prank(ASSERTER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadClaimCount.selector, 3, 2));
        game.split(id, three);
    }

    // ------------------------------------------------------------------ attacks

    function test_outOfTurnMoves() public {
        uint256 id = _create(game, _honest());
        bytes32[] memory cs = _claims(game, id, _honest());
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.split(id, cs);
        vm.prank(STRANGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.split(id, cs);
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.choose(id, 0); // no split pending
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.WrongPhase.selector);
        game.startVMPhase(id, _trueV(T), _vClaimsK(4, _honest())); // not a single node yet
        vm.expectRevert(DisputeGame.WrongPhase.selector);
        game.step(id, stepState, stepProof);

        _split(game, id, _honest());
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.choose(id, 0);
        vm.prank(STRANGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.choose(id, 0);

        // At the end of phase G, only the asserter opens phase V.
        _choose(game, id, _liar());
        _dissect(game, id, _honest(), _liar());
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.startVMPhase(id, _trueV(T), _vClaimsK(4, _honest()));
    }

    function test_replayedMoves() public {
        uint256 id = _create(game, _honest());
        bytes32[] memory cs = _claims(game, id, _honest());
        vm.prank(ASSERTER);
        game.split(id, cs);
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.split(id, cs);
        vm.prank(CHALLENGER);
        game.choose(id, 1);
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.choose(id, 1);

        _dissect(game, id, _honest(), _liar());
        _startV(game, id, _honest());
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.WrongPhase.selector);
        game.startVMPhase(id, _trueV(T), _vClaimsK(4, _honest()));
    }

    function test_movesAfterResolution() public {
        uint256 id = _play(game, _liar(), _honest());
        bytes memory resolved = abi.encodeWithSelector(DisputeGame.GameResolved.selector, id);
        vm.expectRevert(resolved);
        game.step(id, stepState, stepProof);
        vm.prank(ASSERTER);
        vm.expectRevert(resolved);
        game.split(id, new bytes32[](3));
        vm.prank(CHALLENGER);
        vm.expectRevert(resolved);
        game.choose(id, 0);
        vm.prank(ASSERTER);
        vm.expectRevert(resolved);
        game.startVMPhase(id, _trueV(T), _vClaimsK(4, _honest()));
        clock.warp(block.timestamp + 2 * BUDGET);
        vm.expectRevert(resolved);
        game.claimTimeout(id);
        assertEq(game.status(id), 2, "resolution is final");
    }

    function test_lastSecondMoveGetsExtension() public {
        uint256 t0 = block.timestamp;
        uint256 id = _create(game, _honest());
        bytes32[] memory cs = _claims(game, id, _honest());
        // The asserter moves at the last second of its whole budget.
        clock.warp(t0 + BUDGET);
        vm.prank(ASSERTER);
        game.split(id, cs);
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.asserterClock, 0, "asserter used its whole budget");
        assertEq(st.challengerClock, BUDGET, "challenger untouched");
        // The challenger also waits until its last second.
        clock.warp(t0 + 2 * BUDGET);
        vm.prank(CHALLENGER);
        game.choose(id, 0);
        st = game.getGame(id);
        assertEq(st.asserterClock, EXT, "asserter raised to the extension");
        assertEq(st.challengerClock, 0, "challenger used its budget");
        // The asserter has exactly EXT: a move at EXT + 1 is refused and the timeout is claimable.
        cs = _claims(game, id, _honest());
        uint256 t1 = block.timestamp;
        clock.warp(t1 + EXT);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.ClockNotExpired.selector, EXT, EXT));
        game.claimTimeout(id);
        vm.prank(ASSERTER);
        game.split(id, cs); // last second of the extension
        st = game.getGame(id);
        assertEq(st.challengerClock, EXT, "challenger raised to the extension");
        clock.warp(block.timestamp + EXT + 1);
        vm.prank(CHALLENGER);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.choose(id, 0);
        vm.expectEmit(address(game));
        emit DisputeGame.Resolved(id, 1, true);
        vm.prank(STRANGER);
        game.claimTimeout(id);
        assertEq(game.status(id), 1, "challenger timed out");
    }

    function test_timeoutTooEarly() public {
        uint256 t0 = block.timestamp;
        uint256 id = _create(game, _honest());
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.ClockNotExpired.selector, 0, BUDGET));
        game.claimTimeout(id);
        clock.warp(t0 + BUDGET);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.ClockNotExpired.selector, BUDGET, BUDGET));
        game.claimTimeout(id);
        clock.warp(t0 + BUDGET + 1);
        bytes32[] memory cs = _claims(game, id, _honest());
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.split(id, cs);
        game.claimTimeout(id);
        assertEq(game.status(id), 2, "asserter timed out");
    }

    function test_finalStepNeedsAsserterClock() public {
        uint256 id = _create(game, _liar());
        _dissect(game, id, _liar(), _honest());
        _startV(game, id, _liar());
        _dissect(game, id, _liar(), _honest());
        clock.warp(block.timestamp + EXT + 1); // the asserter had at least EXT after the last choice
        DisputeGame.Game memory st = game.getGame(id);
        if (block.timestamp - st.lastMoveAt > st.asserterClock) {
            vm.expectRevert(DisputeGame.ClockExpired.selector);
            game.step(id, stepState, stepProof);
        }
        clock.warp(st.lastMoveAt + uint256(st.asserterClock) + 1);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.step(id, stepState, stepProof);
        game.claimTimeout(id);
        assertEq(game.status(id), 2, "asserter did not step in time");
    }

    function test_forgedStep() public {
        uint256 id = _create(game, _honest());
        _dissect(game, id, _honest(), _liar());
        _startV(game, id, _honest());
        _dissect(game, id, _honest(), _liar());
        // A different pre-state (another register value) than the agreed loHash.
        bytes memory forged = bytes.concat(stepState);
        forged[40] = 0x01; // preimageKey byte
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.WrongPreState.selector, game.stateHash(forged), stepPre));
        game.step(id, forged, stepProof);
        // The right pre-state with a witness that does not open it reverts in MIPS and decides nothing.
        bytes memory badProof = bytes.concat(stepProof);
        badProof[200] ^= 0x01;
        vm.expectRevert();
        game.step(id, stepState, badProof);
        assertEq(game.status(id), 0, "still open");
        assertEq(game.stateHash(stepState), stepPre, "stateHash mirrors MIPS");
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 1, "honest asserter");
    }

    function test_badClaimCountAndChoice() public {
        uint256 id = _create(game, _honest());
        vm.prank(ASSERTER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadClaimCount.selector, 2, 3));
        game.split(id, new bytes32[](2));
        vm.prank(ASSERTER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadClaimCount.selector, 4, 3));
        game.split(id, new bytes32[](4));
        _split(game, id, _honest());
        vm.prank(CHALLENGER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadChoice.selector, 4, 4));
        game.choose(id, 4);
        vm.prank(CHALLENGER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadChoice.selector, type(uint256).max, 4));
        game.choose(id, type(uint256).max);
    }

    function test_nonValidFinalVMStateRejected() public {
        uint256 id = _create(game, _honest());
        _dissect(game, id, _honest(), _liar());
        bytes32 vt = _trueV(T);
        for (uint256 st = 1; st < 256; st = st == 3 ? 0xFF : st + 1) {
            bytes32 bad = bytes32(uint256(vt) | (st << 248));
            vm.prank(ASSERTER);
            vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadVMFinalState.selector, bad));
            game.startVMPhase(id, bad, _vClaimsK(4, _honest()));
        }
        _startV(game, id, _honest());
        assertEq(game.getGame(id).hiHash, vt, "VALID V_T accepted");
    }

    /// @notice startVMPhase is one move that opens phase V and posts the asserter's first
    ///         phase-V split: VMPhaseStarted then Split(phase V, 0, T, claims); the claims are
    ///         stored as split stores them and the challenger's choice is due; the clock ticks
    ///         once (the asserter is charged the time since the last choice, the challenger is
    ///         raised to the extension).
    function test_startVMPhaseCarriesTheFirstVSplit() public {
        uint256 id = _create(game, _liar());
        _dissect(game, id, _liar(), _honest());
        DisputeGame.Game memory before = game.getGame(id);
        clock.warp(block.timestamp + 600);
        bytes32[] memory cs = _vClaimsK(4, _liar());
        bytes32 ctx = game.localContext(id, G_NODE);
        vm.expectEmit(address(game));
        emit DisputeGame.VMPhaseStarted(id, G_NODE, ctx, PRESTATE, _lieV(T));
        vm.expectEmit(address(game));
        emit DisputeGame.Split(id, 1, 0, T, cs);
        vm.prank(ASSERTER);
        game.startVMPhase(id, _lieV(T), cs);

        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.phase, 1, "phase V");
        assertTrue(st.splitPending, "the first phase-V split is pending");
        assertTrue(!game.asserterToMove(id), "the challenger's choice is due");
        _expectPosition(id, 0, T, PRESTATE, _lieV(T));
        uint64[] memory ps = game.splitPoints(id);
        assertEq(ps.length, 3, "m - 1 = K - 1 points of [0, 2^32]");
        for (uint256 i = 0; i < ps.length; i++) {
            assertEq(ps[i], ((i + 1) * uint256(T)) / 4, "p_i = floor(i T / K)");
            assertEq(game.claimAt(id, i), cs[i], "claims stored as split stores them");
        }
        assertEq(st.asserterClock, before.asserterClock - 600, "one tick: the asserter is charged once");
        assertEq(st.challengerClock, before.challengerClock, "the challenger's clock is untouched");
        assertEq(st.lastMoveAt, block.timestamp, "the clock restarts");

        // No second split on top of it; the choice answers it as any split.
        vm.prank(ASSERTER);
        vm.expectRevert(DisputeGame.NotYourTurn.selector);
        game.split(id, cs);
        uint256 j = _choice(game, id, _honest());
        assertEq(j, 2, "the liar's trace diverges after V_STEP, in sub-segment 2");
        vm.expectEmit(address(game));
        emit DisputeGame.Chosen(id, 1, 2, ps[1], ps[2], cs[1], cs[2]);
        vm.prank(CHALLENGER);
        game.choose(id, j);
        assertEq(_dissect(game, id, _liar(), _honest()), 15, "16 phase-V rounds in all, k = 4");
        game.step(id, stepState, stepProof);
        assertEq(game.status(id), 2, "challenger won");
    }

    /// @notice startVMPhase must carry exactly K - 1 claims (m = min(K, 2^32) = K); a wrong count
    ///         is refused with BadClaimCount and changes nothing, for k = 4 and k = 16.
    function test_startVMPhaseBadClaimCount() public {
        uint256[2] memory ks = [uint256(4), 16];
        for (uint256 n = 0; n < ks.length; n++) {
            uint256 k = ks[n];
            DisputeGame g = k == 4 ? game : _deploy(k);
            uint256 id = _create(g, _honest());
            _dissect(g, id, _honest(), _liar());
            DisputeGame.Game memory before = g.getGame(id);
            uint256[4] memory bad = [uint256(0), k - 2, k, 3 * k];
            for (uint256 i = 0; i < bad.length; i++) {
                vm.prank(ASSERTER);
                vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadClaimCount.selector, bad[i], k - 1));
                g.startVMPhase(id, _trueV(T), new bytes32[](bad[i]));
            }
            assertEq(keccak256(abi.encode(g.getGame(id))), keccak256(abi.encode(before)), "refusals change nothing");
            _startV(g, id, _honest());
            assertEq(g.splitPoints(id).length, k - 1, "K - 1 claims accepted");
        }
    }

    function test_localDataForNodeK() public {
        uint256 id = _create(game, _liar());
        _dissect(game, id, _liar(), _honest());
        DisputeGame.Game memory st = game.getGame(id);
        bytes32 prev = st.loHash;
        bytes32 claimed = st.hiHash;
        assertEq(prev, _trueS(G_NODE - 1), "agreed S_{k-1}");
        assertEq(claimed, _s(G_NODE, G_NODE), "the liar's S_k");
        bytes32 ctx = game.localContext(id, G_NODE);
        vm.expectEmit(address(game));
        emit DisputeGame.VMPhaseStarted(id, G_NODE, ctx, PRESTATE, _lieV(T));
        _startV(game, id, _liar());
        assertEq(ctx, keccak256(abi.encode(id, uint256(G_NODE))), "localContext = keccak(gameId, k)");
        st = game.getGame(id);
        assertEq(st.loHash, PRESTATE, "V_0 is the registered pre-state");
        assertEq(st.hi, T, "phase V spans 2^32");

        _expectLocal(ctx, 1, bytes.concat(bytes8(uint64(32)), prev), 32);
        _expectLocal(ctx, 2, bytes.concat(bytes8(uint64(32)), claimed), 32);
        _expectLocal(ctx, 3, bytes.concat(bytes8(uint64(4)), bytes4(G_NODE)), 4);
        _expectOnlyThere(id, ctx);
    }

    function _expectOnlyThere(uint256 id, bytes32 ctx) internal {
        (bytes32 dat, uint256 len) = oracle.readPreimage(_localized(ctx, 3), 40); // past the end
        assertEq(len, 0, "EOF after u32be(k)");
        assertEq(dat, bytes32(0), "EOF");
        // The data of any other node, game or caller is not there.
        _expectMissing(_localized(game.localContext(id, G_NODE + 1), 3));
        _expectMissing(_localized(game.localContext(id, G_NODE - 1), 3));
        _expectMissing(_localized(game.localContext(id + 1, G_NODE), 3));
        _expectMissing(oracle.localizeKey(game.localKey(3), address(this), ctx));
    }

    function _expectMissing(bytes32 key) internal {
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, key, 8));
        oracle.readPreimage(key, 8);
    }

    function _localized(bytes32 ctx, uint32 ident) internal view returns (bytes32) {
        return oracle.localizeKey(bytes32(uint256(1) << 248 | ident), address(game), ctx);
    }

    function _expectLocal(bytes32 ctx, uint32 ident, bytes memory stream, uint256 dataLen) internal view {
        bytes32 key = _localized(ctx, ident);
        (bytes32 dat, uint256 len) = oracle.readPreimage(key, 0);
        assertEq(len, dataLen + 8 < 32 ? dataLen + 8 : 32, "part 0 holds the length");
        assertEq(dat, _word(stream, 0), "part 0");
        (dat, len) = oracle.readPreimage(key, 8);
        assertEq(len, dataLen, "part 8 holds the datum");
        assertEq(dat, _word(stream, 8), "part 8");
    }

    function _word(bytes memory b, uint256 off) internal pure returns (bytes32 w) {
        bytes memory p = new bytes(32);
        for (uint256 i = 0; i < 32 && off + i < b.length; i++) {
            p[i] = b[off + i];
        }
        w = bytes32(p);
    }

    // ------------------------------------------------------------------ creation

    function test_createChecks() public {
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.NotCreator.selector, STRANGER));
        game.create(kernel, _trueS(0), _trueS(N), N, ASSERTER, CHALLENGER);
        vm.expectRevert(DisputeGame.InvalidParties.selector);
        game.create(kernel, _trueS(0), _trueS(N), N, ASSERTER, ASSERTER);
        vm.expectRevert(DisputeGame.InvalidParties.selector);
        game.create(kernel, _trueS(0), _trueS(N), N, address(0), CHALLENGER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.BadGraphSize.selector, N + 1, N));
        game.create(kernel, _trueS(0), _trueS(N), N + 1, ASSERTER, CHALLENGER);
        vm.expectRevert(abi.encodeWithSelector(KernelRegistry.KernelNotRegistered.selector, bytes32(uint256(7))));
        game.create(bytes32(uint256(7)), _trueS(0), _trueS(N), N, ASSERTER, CHALLENGER);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.GameNotFound.selector, 1));
        game.status(1);
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.GameNotFound.selector, 1));
        game.claimTimeout(1);

        vm.expectEmit(address(game));
        emit DisputeGame.GameCreated(1, kernel, ASSERTER, CHALLENGER, _trueS(0), _trueS(N), N);
        uint256 id = game.create(kernel, _trueS(0), _trueS(N), N, ASSERTER, CHALLENGER);
        assertEq(id, 1, "first id");
        assertEq(game.create(kernel, _trueS(0), _trueS(N), N, ASSERTER, CHALLENGER), 2, "ids count up");
        assertEq(game.status(id), 0, "in progress");
        DisputeGame.Game memory st = game.getGame(id);
        assertEq(st.hi, N, "root segment (0, n)");
        assertEq(st.asserterClock, BUDGET, "full clock");
    }

    function test_constructorChecks() public {
        vm.expectRevert(DisputeGame.InvalidParameters.selector);
        new DisputeGame(mips, registry, address(this), 1, BUDGET, EXT);
        vm.expectRevert(DisputeGame.InvalidParameters.selector);
        new DisputeGame(mips, registry, address(this), 257, BUDGET, EXT);
        vm.expectRevert(DisputeGame.InvalidParameters.selector);
        new DisputeGame(mips, registry, address(this), 4, BUDGET, 0);
        vm.expectRevert(DisputeGame.InvalidParameters.selector);
        new DisputeGame(mips, registry, address(this), 4, EXT - 1, EXT);
        vm.expectRevert(DisputeGame.InvalidParameters.selector);
        new DisputeGame(mips, registry, address(0), 4, BUDGET, EXT);
        DisputeGame g = new DisputeGame(mips, registry, address(this), 256, BUDGET, EXT);
        assertTrue(address(g.oracle()) == address(oracle), "the oracle MIPS reads");
    }
}
