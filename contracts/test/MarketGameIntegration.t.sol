// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DisputeGameBase} from "./DisputeGame.t.sol";
import {SlotTree} from "./InferenceMarketHelpers.sol";
import {DisputeGame} from "../src/DisputeGame.sol";
import {InferenceMarket} from "../src/InferenceMarket.sol";
import {IDisputeGame} from "../src/interfaces/IDisputeGame.sol";
import {Slots} from "./lib/Slots.sol";

/// @notice Cheatcodes this file needs beyond lib/Vm.sol and DisputeGame.t.sol's.
interface VmNonce {
    function getNonce(address account) external view returns (uint64);
}

// Test traces narrow loop indices on purpose.
// forge-lint: disable-start(unsafe-typecast)
/// @notice The REAL InferenceMarket wired to the REAL DisputeGame (with the real MIPS,
///         PreimageOracle and KernelRegistry): every dispute is opened by the market, played in the
///         game, and settled by the market from the game's status (docs/protocol.md 5 and 6). The
///         circular dependency (the market names the game, the game names the market as its only
///         creator) is solved as 6 says: the game is deployed with creator = the market's future
///         CREATE address, computed from this contract's nonce.
///
///         Shape: fashion-mnist (1 input, n = 5 nodes, output slot 5), k = 4, clocks 3 days with
///         a 1 hour extension, challenge window 1 day. Graph traces: S_0 is the market's on-chain
///         initial state, S_n the posted final state, S_1..S_{n-1} synthetic; VM traces and the
///         one real MIPS step come from DisputeGameBase (a liar's VM trace diverges after V_STEP).
contract MarketGameIntegrationTest is DisputeGameBase {
    VmNonce internal constant cheats = VmNonce(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    InferenceMarket internal market;
    bytes32 internal kid;
    bytes32 internal constant MODEL_ROOT = keccak256("fashion model root");

    uint32 internal constant NODES = 5;
    uint32 internal constant OUT_SLOT = 5;
    uint256 internal constant FEE = 0.5 ether;
    uint256 internal constant SUB_BOND = 1 ether;
    uint256 internal constant CH_BOND = 2 ether;
    uint256 internal constant WINDOW = 1 days;
    uint256 internal constant TIMEOUT = 7 days;
    uint256 internal constant START_BALANCE = 100 ether;

    // The submitter is the game's asserter; CH1 its first challenger (DisputeGameBase's names).
    address internal constant REQ = address(0xAAA1);
    address internal constant SUB = ASSERTER;
    address internal constant CH1 = CHALLENGER;
    address internal constant CH2 = address(0xCCC2);
    address internal constant KEEPER = address(0x4EE9);

    /// @dev A posted result with its link data.
    struct Res {
        bytes output;
        bytes32 commit;
        bytes32 finalState;
        bytes32 actRoot;
        bytes32[] path;
    }

    /// @dev A party's traces: graph states true before gFrom, its own S_n at n; VM trace honest or lying.
    struct Tr {
        uint256 gFrom;
        bytes32 sn;
        bool vLies;
    }

    bytes32 internal s0; // the request's S_0, set by _request

    function setUp() public override {
        super.setUp(); // oracle, MIPS, registry, the real step; `game` is replaced below
        kid = registry.register(MODEL_ROOT, PRESTATE, keccak256("manifest"), NODES, registry.AGG_ARGMAX(), 1, Slots.lastNode(NODES, registry.AGG_ARGMAX()), "");
        uint64 nonce = cheats.getNonce(address(this));
        address predicted = _createAddress(address(this), nonce + 1); // the market comes right after the game
        game = new DisputeGame(mips, registry, predicted, 4, BUDGET, EXT);
        market = new InferenceMarket(registry, IDisputeGame(address(game)), SUB_BOND, CH_BOND, WINDOW, TIMEOUT, 0);
        assertTrue(address(market) == predicted, "market deployed at the precomputed address");
        assertTrue(game.creator() == address(market), "the game's only creator is the market");
        assertTrue(address(market.game()) == address(game), "the market's game");
        vm.deal(REQ, START_BALANCE);
        vm.deal(SUB, START_BALANCE);
        vm.deal(CH1, START_BALANCE);
        vm.deal(CH2, START_BALANCE);
    }

    /// @dev CREATE address: keccak256(rlp([deployer, nonce]))[12:], nonce < 2^16.
    function _createAddress(address deployer, uint256 nonce) internal pure returns (address) {
        bytes memory n;
        if (nonce == 0) n = hex"80";
        else if (nonce < 0x80) n = abi.encodePacked(uint8(nonce));
        else if (nonce <= 0xff) n = abi.encodePacked(uint8(0x81), uint8(nonce));
        else n = abi.encodePacked(uint8(0x82), uint16(nonce));
        bytes memory body = abi.encodePacked(uint8(0x94), deployer, n);
        return address(uint160(uint256(keccak256(abi.encodePacked(uint8(0xc0 + body.length), body)))));
    }

    // ------------------------------------------------------------------ market fixtures

    function _input() internal pure returns (bytes memory b) {
        // fashion-mnist's u8 [1,784] input: 28-byte header (rank 2) + 784 pixels
        b = abi.encodePacked(
            bytes4("AIVT"), uint8(1), uint8(2), uint8(2), uint8(0), uint96(0), uint32(1 << 24), uint32(0x10030000),
            new bytes(784)
        );
        for (uint256 i = 28; i < 812; i++) {
            b[i] = bytes1(uint8(i * 7));
        }
    }

    /// @dev An i32[1] tensor encoding of a class index.
    function _classTensor(uint8 cls) internal pure returns (bytes memory) {
        return abi.encodePacked(
            bytes4("AIVT"),
            uint8(1),
            uint8(3),
            uint8(1),
            uint8(0),
            uint32(0),
            uint32(0),
            uint32(0),
            uint32(1 << 24),
            uint32(uint32(cls) << 24)
        );
    }

    /// @dev A final state whose node slots 1..4 derive from `salt` and slot 5 holds the class.
    function _result(uint8 cls, bytes32 salt) internal pure returns (Res memory r) {
        r.output = _classTensor(cls);
        r.commit = SlotTree.tensorCommit(r.output);
        bytes32[] memory slots = new bytes32[](1 + NODES);
        slots[0] = SlotTree.tensorCommit(_input());
        for (uint256 i = 1; i < NODES; i++) {
            slots[i] = keccak256(abi.encode(salt, i));
        }
        slots[OUT_SLOT] = r.commit;
        r.actRoot = SlotTree.root(slots);
        r.finalState = keccak256(abi.encodePacked(MODEL_ROOT, r.actRoot));
        r.path = SlotTree.proof(slots, OUT_SLOT);
    }

    function _trueRes() internal pure returns (Res memory) {
        return _result(7, "true");
    }

    function _lieRes() internal pure returns (Res memory) {
        return _result(3, "lie");
    }

    function _request() internal returns (uint256 id) {
        bytes[] memory ins = new bytes[](1);
        ins[0] = _input();
        vm.prank(REQ);
        id = market.requestInference{value: FEE}(kid, ins, address(0), 0, new address[](0));
        s0 = market.getRequest(id).initialState;
    }

    function _submit(uint256 id, Res memory r) internal {
        vm.prank(SUB);
        market.submitResult{value: SUB_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    function _challenge(uint256 id, address who, Res memory r) internal returns (uint256 idx) {
        vm.prank(who);
        idx = market.challenge{value: CH_BOND}(id, r.output, r.commit, r.finalState, r.actRoot, r.path);
    }

    /// @dev The market's balance equals what it owes: credits of every party plus every request's
    ///      unpaid fee, candidate bond and held challenge bonds (docs/protocol.md 6.6).
    function _assertSolvent() internal view {
        uint256 owed = market.credits(REQ) + market.credits(SUB) + market.credits(CH1) + market.credits(CH2)
            + market.credits(KEEPER);
        for (uint256 id = 1; id <= market.requestCount(); id++) {
            InferenceMarket.Request memory r = market.getRequest(id);
            owed += r.fee + r.candidateBond;
            for (uint32 k = 0; k < r.round; k++) {
                owed += market.getRefutedRound(id, k).bond;
            }
            uint256 n = market.challengeCount(id);
            for (uint256 j = 0; j < n; j++) {
                InferenceMarket.Challenge memory c = market.getChallenge(id, j);
                owed += c.bond;
                InferenceMarket.RefutedRound memory rd = market.getRefutedRound(id, c.round);
                if (c.status == InferenceMarket.ChallengeStatus.Won && rd.settled) owed += rd.share;
            }
        }
        owed += market.totalBurned();
        assertEq(address(market).balance, owed, "market balance == what it owes + burned");
    }

    function _withdrawAll() internal {
        address[4] memory who = [REQ, SUB, CH1, CH2];
        for (uint256 i = 0; i < who.length; i++) {
            if (market.credits(who[i]) == 0) continue;
            vm.prank(who[i]);
            market.withdraw();
        }
    }

    // ------------------------------------------------------------------ game traces and moves

    function _honestTr() internal pure returns (Tr memory t) {
        t = Tr(type(uint256).max, _trueRes().finalState, false);
    }

    /// @dev A liar: graph states wrong from node 3 on (so phase G ends at node 3), VM trace wrong after V_STEP.
    function _liarTr() internal pure returns (Tr memory t) {
        t = Tr(3, _lieRes().finalState, true);
    }

    function _gAt(Tr memory t, uint256 i) internal view returns (bytes32) {
        if (i == 0) return s0;
        if (i == NODES) return t.sn;
        return i < t.gFrom ? keccak256(abi.encode("S", i)) : keccak256(abi.encode("S-lie", i));
    }

    function _vAt(Tr memory t, uint256 i) internal view returns (bytes32) {
        return t.vLies ? _lieV(i) : _trueV(i);
    }

    function _at(uint256 id, Tr memory t, uint256 i) internal view returns (bytes32) {
        return game.getGame(id).phase == 0 ? _gAt(t, i) : _vAt(t, i);
    }

    function _splitAs(uint256 id, Tr memory a) internal {
        uint64[] memory ps = game.splitPoints(id);
        bytes32[] memory cs = new bytes32[](ps.length);
        for (uint256 i = 0; i < ps.length; i++) {
            cs[i] = _at(id, a, ps[i]);
        }
        vm.prank(game.getGame(id).asserter);
        game.split(id, cs);
    }

    /// @dev The challenger's honest choice against its own trace c (bisection.HonestChoice).
    function _chooseAs(uint256 id, Tr memory c) internal {
        uint64[] memory ps = game.splitPoints(id);
        uint256 j = ps.length;
        for (uint256 i = 0; i < ps.length; i++) {
            if (game.claimAt(id, i) != _at(id, c, ps[i])) {
                j = i;
                break;
            }
        }
        vm.prank(game.getGame(id).challenger);
        game.choose(id, j);
    }

    /// @dev Plays rounds to a single step; a pending split (startVMPhase's) is answered first.
    function _dissectAs(uint256 id, Tr memory a, Tr memory c) internal returns (uint256 rounds) {
        while (game.getGame(id).splitPending || game.getGame(id).hi - game.getGame(id).lo > 1) {
            if (!game.getGame(id).splitPending) _splitAs(id, a);
            _chooseAs(id, c);
            rounds++;
        }
    }

    /// @dev Trace t's claims at the split points of the phase-V root [0, T] (m = K).
    function _vClaimsAs(Tr memory t) internal view returns (bytes32[] memory cs) {
        uint256 m = game.K();
        cs = new bytes32[](m - 1);
        for (uint256 i = 1; i < m; i++) {
            cs[i - 1] = _vAt(t, (i * uint256(T)) / m);
        }
    }

    /// @dev The asserter opens phase V with V_T and its first phase-V split (one move).
    function _startVAs(uint256 id, Tr memory a) internal {
        bytes32[] memory cs = _vClaimsAs(a);
        vm.prank(game.getGame(id).asserter);
        game.startVMPhase(id, _vAt(a, T), cs);
    }

    function _checkOpened(uint256 id, uint256 idx, address challenger, uint256 gameId) internal view {
        InferenceMarket.Challenge memory c = market.getChallenge(id, idx);
        assertEq(c.gameId, gameId, "challenge records its game");
        DisputeGame.Game memory g = game.getGame(gameId);
        InferenceMarket.Request memory r = market.getRequest(id);
        assertTrue(g.asserter == r.submitter, "asserter = candidate submitter");
        assertTrue(g.challenger == challenger, "challenger = caller");
        assertEq(g.loHash, r.initialState, "loHash = request S_0");
        assertEq(g.hiHash, r.candidate.finalState, "hiHash = candidate S_n");
        assertEq(g.lo, 0, "lo = 0");
        assertEq(g.hi, NODES, "hi = graphSize");
        assertEq(g.kernelId, kid, "kernel");
        assertEq(g.phase, 0, "phase G");
        assertEq(g.status, 0, "in progress");
        assertEq(g.asserterClock, BUDGET, "asserter clock full");
        assertEq(g.challengerClock, BUDGET, "challenger clock full");
    }

    // ------------------------------------------------------------------ tests

    /// @notice Honest submitter, lying challenger who stops answering in phase V: the challenger's
    ///         clock runs out, anyone claims the timeout, the asserter wins; the market credits the
    ///         challenger's bond to the submitter, and finalization pays fee and bond.
    function test_asserterWinsByChallengerTimeout() public {
        uint256 id = _request();
        _submit(id, _trueRes());
        clock.warp(block.timestamp + 1 hours);
        uint256 idx = _challenge(id, CH1, _lieRes());
        assertEq(idx, 0, "first challenge");
        _checkOpened(id, idx, CH1, 1);
        _assertSolvent();

        Tr memory a = _honestTr();
        Tr memory c = _liarTr();
        _dissectAs(1, a, c);
        _startVAs(1, a); // V_T and the first phase-V split
        _chooseAs(1, c);
        _splitAs(1, a); // the challenger never answers this split

        vm.expectRevert(abi.encodeWithSelector(InferenceMarket.GameInProgress.selector, 1));
        market.resolveChallenge(id, idx);
        clock.warp(block.timestamp + WINDOW); // window over, but the challenge blocks finalization
        vm.expectRevert(abi.encodeWithSelector(InferenceMarket.ChallengesOpen.selector, 1));
        market.finalize(id);

        DisputeGame.Game memory g = game.getGame(1);
        clock.warp(g.lastMoveAt + uint256(g.challengerClock) + 1);
        vm.prank(CH1);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.choose(1, 0);
        vm.prank(KEEPER);
        game.claimTimeout(1);
        assertEq(game.status(1), 1, "asserter won");

        vm.prank(KEEPER);
        market.resolveChallenge(id, idx);
        assertTrue(market.getChallenge(id, idx).status == InferenceMarket.ChallengeStatus.Lost, "challenge lost");
        assertEq(market.credits(SUB), CH_BOND / 2, "half the challenger bond to the submitter");
        assertEq(market.getRequest(id).openChallenges, 0, "no open challenge");
        _assertSolvent();

        market.finalize(id);
        assertEq(market.credits(SUB), FEE + SUB_BOND + CH_BOND / 2, "fee + own bond + half the forfeited bond");
        _assertSolvent();
        _withdrawAll();
        assertEq(address(market).balance, CH_BOND / 2, "only the burned half stays");
        assertEq(SUB.balance, START_BALANCE + FEE + CH_BOND / 2, "submitter");
        assertEq(CH1.balance, START_BALANCE - CH_BOND, "challenger lost its bond");
        assertEq(REQ.balance, START_BALANCE - FEE, "requester paid the fee");
    }

    /// @notice Lying submitter, honest challenger; the submitter stops moving in phase G: its clock
    ///         runs out, the challenger wins; the market pays it the submitter's bond, makes its
    ///         result the candidate (backed by its own bond) with a fresh window, and finalization
    ///         pays it fee and bond.
    function test_challengerWinsByAsserterTimeout() public {
        uint256 id = _request();
        _submit(id, _lieRes());
        uint256 idx = _challenge(id, CH1, _trueRes());
        _checkOpened(id, idx, CH1, 1);
        Tr memory a = _liarTr();
        Tr memory c = _honestTr();
        _splitAs(1, a);
        _chooseAs(1, c); // the asserter never splits again

        DisputeGame.Game memory g = game.getGame(1);
        assertEq(g.lo, 2, "honest choice: the first wrong claim is at node 3");
        assertEq(g.hi, 3, "single node 3");
        clock.warp(g.lastMoveAt + uint256(g.asserterClock));
        vm.expectRevert(abi.encodeWithSelector(DisputeGame.ClockNotExpired.selector, g.asserterClock, g.asserterClock));
        game.claimTimeout(1);
        clock.warp(block.timestamp + 1);
        bytes32[] memory cs = _vClaimsAs(a);
        vm.prank(SUB);
        vm.expectRevert(DisputeGame.ClockExpired.selector);
        game.startVMPhase(1, _lieV(T), cs);
        vm.prank(KEEPER);
        game.claimTimeout(1);
        assertEq(game.status(1), 2, "challenger won");

        market.resolveChallenge(id, idx);
        InferenceMarket.Request memory r = market.getRequest(id);
        assertTrue(market.getChallenge(id, idx).status == InferenceMarket.ChallengeStatus.Won, "challenge won");
        assertTrue(r.submitter == CH1, "the challenger is the new submitter");
        assertEq(r.candidate.finalState, _trueRes().finalState, "its result is the candidate");
        assertEq(r.candidateBond, CH_BOND, "backed by its challenge bond");
        assertEq(r.windowEnd, block.timestamp + WINDOW, "fresh window");
        assertEq(r.round, 1, "round advanced");
        assertEq(market.credits(CH1), 0, "nothing until the reward is claimed");
        market.claimReward(id, idx);
        assertEq(market.credits(CH1), SUB_BOND / 2, "the unburned half of the submitter bond");
        _assertSolvent();

        vm.expectRevert(abi.encodeWithSelector(InferenceMarket.WindowOpen.selector, r.windowEnd));
        market.finalize(id);
        clock.warp(r.windowEnd);
        market.finalize(id);
        assertEq(market.credits(CH1), SUB_BOND / 2 + FEE + CH_BOND, "share + fee + own bond");
        assertEq(market.credits(SUB), 0, "the liar gets nothing");
        _assertSolvent();
        _withdrawAll();
        assertEq(address(market).balance, SUB_BOND / 2, "only the burned half stays");
        assertEq(CH1.balance, START_BALANCE + FEE + SUB_BOND / 2, "challenger");
        assertEq(SUB.balance, START_BALANCE - SUB_BOND, "submitter lost its bond");
    }

    /// @notice Both phases played to the end through the market: the final MIPS step decides, once
    ///         for each role assignment.
    function test_disputesDecidedByTheStep() public {
        // Lying submitter, honest challenger: the step refutes the liar's VM claim.
        uint256 id = _request();
        _submit(id, _lieRes());
        uint256 idx = _challenge(id, CH1, _trueRes());
        Tr memory liar = _liarTr();
        Tr memory honest = _honestTr();
        _dissectAs(1, liar, honest);
        assertEq(game.getGame(1).hi, 3, "phase G ends at the first wrong node");
        _startVAs(1, liar);
        _dissectAs(1, liar, honest);
        vm.prank(CH1); // the liar will not step: the challenger runs it
        game.step(1, stepState, stepProof);
        assertEq(game.status(1), 2, "step: challenger wins");
        market.resolveChallenge(id, idx);
        assertTrue(market.getRequest(id).submitter == CH1, "the honest result is the candidate");
        _assertSolvent();

        // Honest submitter, lying challenger (a new request).
        uint256 id2 = _request();
        _submit(id2, _trueRes());
        uint256 idx2 = _challenge(id2, CH2, _lieRes());
        _checkOpened(id2, idx2, CH2, 2);
        _dissectAs(2, honest, liar);
        _startVAs(2, honest);
        _dissectAs(2, honest, liar);
        vm.prank(SUB);
        game.step(2, stepState, stepProof);
        assertEq(game.status(2), 1, "step: asserter wins");
        market.resolveChallenge(id2, idx2);
        assertEq(market.credits(SUB), CH_BOND / 2, "half the lying challenger's bond");
        _assertSolvent();
    }

    /// @notice Two challengers of one candidate get two independent games in the real
    ///         DisputeGame. The first to win replaces the candidate; the other game keeps running
    ///         on the refuted candidate and, when its challenger wins it too (by the one-step
    ///         proof), that challenger is paid its bond plus an equal share of the slashed bond:
    ///         the early win does not erase the later one (docs/protocol.md 6.4).
    function test_twoChallengersIndependentGames() public {
        uint256 id = _request();
        _submit(id, _lieRes());
        uint256 i1 = _challenge(id, CH1, _trueRes());
        clock.warp(block.timestamp + 10 minutes);
        uint256 i2 = _challenge(id, CH2, _result(7, "other")); // another result, also not the liar's
        assertEq(i2, 1, "second challenge");
        _checkOpened(id, i1, CH1, 1);
        _checkOpened(id, i2, CH2, 2);
        assertEq(market.getRequest(id).openChallenges, 2, "two open");
        _assertSolvent();

        Tr memory liar = _liarTr();
        Tr memory honest = _honestTr();
        // Game 2 advances into phase V; game 1 does not move at all. Moves in one leave the other
        // untouched.
        DisputeGame.Game memory before1 = game.getGame(1);
        _dissectAs(2, liar, honest);
        assertEq(game.getGame(2).hi, 3, "game 2 reached node 3");
        _startVAs(2, liar); // with its first phase-V split
        DisputeGame.Game memory after1 = game.getGame(1);
        assertEq(keccak256(abi.encode(after1)), keccak256(abi.encode(before1)), "game 1 untouched by game 2");
        assertEq(game.getGame(2).phase, 1, "game 2 in phase V");

        // The asserter neglects game 1 only: its clock there runs out; game 2 is still running.
        clock.warp(before1.lastMoveAt + BUDGET + 1);
        game.claimTimeout(1);
        assertEq(game.status(1), 2, "game 1: challenger won");
        assertEq(game.status(2), 0, "game 2: still in progress");
        vm.expectRevert(abi.encodeWithSelector(InferenceMarket.GameInProgress.selector, 2));
        market.resolveChallenge(id, i2);

        market.resolveChallenge(id, i1);
        assertEq(market.getRequest(id).openChallenges, 0, "nothing open on the new candidate");
        assertTrue(market.getRequest(id).submitter == CH1, "CH1's result is the candidate");
        assertEq(market.getRefutedRound(id, 0).openChallenges, 1, "game 2 still counts on the refuted round");
        vm.expectRevert(abi.encodeWithSelector(InferenceMarket.RoundNotSettled.selector, uint32(0), uint32(1)));
        market.claimReward(id, i1);
        _assertSolvent();

        // Game 2 goes on (here to the final step, which CH2 wins); the new candidate finalizes
        // without waiting for it.
        _chooseAs(2, honest);
        _dissectAs(2, liar, honest);
        vm.prank(CH2);
        game.step(2, stepState, stepProof);
        assertEq(game.status(2), 2, "game 2: challenger won too");
        clock.warp(market.getRequest(id).windowEnd);
        market.finalize(id);
        market.resolveChallenge(id, i2);
        assertTrue(market.getRefutedRound(id, 0).settled, "settled by its last game");
        market.claimReward(id, i1);
        market.claimReward(id, i2);
        _assertSolvent();
        _withdrawAll();
        assertEq(address(market).balance, SUB_BOND / 2, "only the burned half stays");
        assertEq(CH1.balance, START_BALANCE + SUB_BOND / 4 + FEE, "first winner: fee and a share");
        assertEq(CH2.balance, START_BALANCE + SUB_BOND / 4, "later winner: bond back and a share");
        assertEq(SUB.balance, START_BALANCE - SUB_BOND, "liar slashed once");
        assertEq(REQ.balance, START_BALANCE - FEE, "requester");
    }
}
