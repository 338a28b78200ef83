// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DisputeGameBase} from "./DisputeGame.t.sol";
import {DisputeGame} from "../src/DisputeGame.sol";
import {KernelRegistry} from "../src/KernelRegistry.sol";
import {MIPS} from "../src/MIPS.sol";
import {Slots} from "./lib/Slots.sol";

/// @notice Cheatcodes the handler uses.
interface VmHandler {
    function prank(address sender) external;
    function warp(uint256 newTimestamp) external;
}

// The handler narrows fuzz seeds on purpose.
// forge-lint: disable-start(unsafe-typecast)
/// @notice Plays several games in two DisputeGame deployments (k = 4 and k = 16) with random legal
///         and illegal moves: each move is sent by the party due, the other party or a stranger,
///         with a right or wrong claim count / choice / V_T status, at random times. Claims are
///         drawn from a small pool that contains the real step's pre- and post-state, so some
///         games end by the step, others by timeout. Every refusal must be one of the game's own
///         errors; every accepted move is checked against the game's record before and after it,
///         and every violation is counted for the invariant to report.
contract DisputeGameHandler {
    VmHandler internal constant vm = VmHandler(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    address internal constant ASSERTER = address(0xA55E);
    address internal constant CHALLENGER = address(0xC4A1);
    address internal constant STRANGER = address(0x5757);
    uint256 internal constant MAX_GAMES = 4;
    uint64 internal constant T_SPAN = 1 << 32;

    DisputeGame[2] public games;
    bytes32 public kernel;
    uint32 public graphSize;
    uint64 public budget;
    bytes internal stepState;
    bytes internal stepProof;
    bytes32[4] internal pool;

    /// @notice The games played: (deployment index, game id).
    uint256[] public gameDeployment;
    uint256[] public gameIds;
    /// @notice keccak(deployment, id) => keccak of the game record when first seen resolved (0: not yet).
    mapping(bytes32 => bytes32) public resolvedRecord;

    /// @notice Broken rules, by kind (all must stay zero).
    uint256 public movedAfterResolution; // a move accepted on a resolved game
    uint256 public resolvedRecordChanged; // a resolved game's record changed
    uint256 public chooseDidNotShrink; // a choice whose segment is not strictly inside the old one
    uint256 public phaseWentBack; // phase V -> G, or phase changed by anything but startVMPhase
    uint256 public unexpectedRevert; // a refusal with an error the game does not define
    uint256 public splitMovedPosition; // a split changed the position
    uint256 public vmStartWithoutSplit; // an accepted startVMPhase that did not post its split as given
    /// @notice Coverage counters.
    uint256 public splits;
    uint256 public chooses;
    uint256 public vmStarts;
    uint256 public steps;
    uint256 public timeouts;
    uint256 public refusals;

    constructor(
        MIPS mips,
        KernelRegistry registry,
        bytes32 kernel_,
        uint32 graphSize_,
        uint64 budget_,
        uint64 extension,
        bytes memory stepState_,
        bytes memory stepProof_,
        bytes32 stepPre,
        bytes32 stepPost
    ) {
        kernel = kernel_;
        graphSize = graphSize_;
        budget = budget_;
        games[0] = new DisputeGame(mips, registry, address(this), 4, budget_, extension);
        games[1] = new DisputeGame(mips, registry, address(this), 16, budget_, extension);
        stepState = stepState_;
        stepProof = stepProof_;
        pool = [stepPre, stepPost, keccak256("claim a"), keccak256("claim b")];
        _create(0);
        _create(1);
    }

    function gameCount() external view returns (uint256) {
        return gameIds.length;
    }

    function record(uint256 i) public view returns (DisputeGame.Game memory) {
        return games[gameDeployment[i]].getGame(gameIds[i]);
    }

    // ------------------------------------------------------------------ actions

    function create(uint256 seed) external {
        if (gameIds.length >= MAX_GAMES) return;
        _create(seed % 2);
    }

    /// @notice Up to 24 moves due in a game, each made legally by the party due (so games
    ///         progress); on a resolved game, random moves (which must be refused).
    function play(uint256 gameSeed, uint256 seed) external {
        uint256 n = seed % 24 + 1;
        for (uint256 i = 0; i < n; i++) {
            _move(gameSeed, uint256(keccak256(abi.encode(seed, i))));
        }
    }

    function _move(uint256 gameSeed, uint256 seed) internal {
        (,,, DisputeGame.Game memory g) = _pick(gameSeed);
        if (g.status != 0) {
            uint256 r = seed % 4;
            if (r == 0) this.split(gameSeed, 0, 1, seed);
            else if (r == 1) this.choose(gameSeed, 0, seed);
            else if (r == 2) this.startVMPhase(gameSeed, 0, 1, 1, seed);
            else this.step(gameSeed, 0);
        } else if (g.splitPending) {
            this.choose(gameSeed, 0, seed % 16); // j <= 15: in range but for a few k = 4 picks
        } else if (g.hi - g.lo >= 2) {
            this.split(gameSeed, 0, 1, seed);
        } else if (g.phase == 0) {
            this.startVMPhase(gameSeed, 0, 1, 1, seed);
        } else {
            this.step(gameSeed, 0);
        }
    }

    function split(uint256 gameSeed, uint256 who, uint256 countSeed, uint256 claimSeed) public {
        (uint256 i, DisputeGame g, uint256 id, DisputeGame.Game memory before) = _pick(gameSeed);
        uint256 n = g.splitPoints(id).length;
        if (countSeed % 4 == 0) n = countSeed % 8 == 0 ? n + 1 : (n == 0 ? 0 : n - 1);
        bytes32[] memory cs = new bytes32[](n);
        for (uint256 j = 0; j < n; j++) {
            // Odd seeds: claims drawn from the pool. Even seeds: the real step's pre-state, so a
            // game that ends after a choice j > 0 can be decided by the step.
            cs[j] = claimSeed % 2 == 1 ? pool[uint256(keccak256(abi.encode(claimSeed, j))) % 4] : pool[0];
        }
        vm.prank(_party(before, who, true));
        try g.split(id, cs) {
            splits++;
            DisputeGame.Game memory afterMove = g.getGame(id);
            if (afterMove.lo != before.lo || afterMove.hi != before.hi || afterMove.phase != before.phase) {
                splitMovedPosition++;
            }
            _accepted(i, before);
        } catch (bytes memory err) {
            _refused(err);
        }
        _observe();
    }

    function choose(uint256 gameSeed, uint256 who, uint256 jSeed) public {
        (uint256 i, DisputeGame g, uint256 id, DisputeGame.Game memory before) = _pick(gameSeed);
        uint256 m = g.splitPoints(id).length + 1;
        uint256 j = jSeed % (m + 1); // j = m is out of range
        vm.prank(_party(before, who, false));
        try g.choose(id, j) {
            chooses++;
            DisputeGame.Game memory afterMove = g.getGame(id);
            if (
                afterMove.hi - afterMove.lo >= before.hi - before.lo || afterMove.lo < before.lo
                    || afterMove.hi > before.hi || afterMove.phase != before.phase
            ) chooseDidNotShrink++;
            _accepted(i, before);
        } catch (bytes memory err) {
            _refused(err);
        }
        _observe();
    }

    function startVMPhase(uint256 gameSeed, uint256 who, uint256 vtSeed, uint256 countSeed, uint256 claimSeed)
        public
    {
        (uint256 i, DisputeGame g, uint256 id, DisputeGame.Game memory before) = _pick(gameSeed);
        // status byte VALID most of the time; INVALID or UNFINISHED otherwise
        uint256 st = vtSeed % 4 == 0 ? 1 + (vtSeed >> 8) % 3 : 0;
        bytes32 vt = bytes32((uint256(keccak256(abi.encode("V_T", vtSeed % 3))) >> 8) | (st << 248));
        // The first phase-V split: K - 1 claims, sometimes one more or one fewer.
        uint256 n = g.K() - 1;
        if (countSeed % 4 == 0) n = countSeed % 8 == 0 ? n + 1 : n - 1;
        bytes32[] memory cs = new bytes32[](n);
        for (uint256 j = 0; j < n; j++) {
            cs[j] = claimSeed % 2 == 1 ? pool[uint256(keccak256(abi.encode(claimSeed, j))) % 4] : pool[0];
        }
        vm.prank(_party(before, who, true));
        try g.startVMPhase(id, vt, cs) {
            vmStarts++;
            DisputeGame.Game memory afterMove = g.getGame(id);
            if (before.phase != 0 || afterMove.phase != 1) phaseWentBack++;
            if (
                !afterMove.splitPending || afterMove.lo != 0 || afterMove.hi != T_SPAN || afterMove.hiHash != vt
                    || n != g.K() - 1 || g.splitPoints(id).length != n
            ) vmStartWithoutSplit++;
            for (uint256 j = 0; j < n; j++) {
                if (g.claimAt(id, j) != cs[j]) vmStartWithoutSplit++;
            }
            _accepted(i, before);
        } catch (bytes memory err) {
            _refused(err);
        }
        _observe();
    }

    function step(uint256 gameSeed, uint256 who) public {
        (uint256 i, DisputeGame g, uint256 id, DisputeGame.Game memory before) = _pick(gameSeed);
        vm.prank(_party(before, who, true));
        try g.step(id, stepState, stepProof) {
            steps++;
            _accepted(i, before);
        } catch (bytes memory err) {
            _refused(err);
        }
        _observe();
    }

    function claimTimeout(uint256 gameSeed) external {
        (uint256 i, DisputeGame g, uint256 id, DisputeGame.Game memory before) = _pick(gameSeed);
        try g.claimTimeout(id) {
            timeouts++;
            _accepted(i, before);
        } catch (bytes memory err) {
            _refused(err);
        }
        _observe();
    }

    function warp(uint256 dt) external {
        // Mostly short pauses; one in four long enough to run a clock out.
        uint256 span = dt % 4 == 0 ? 2 * uint256(budget) : uint256(budget) / 8;
        vm.warp(block.timestamp + (dt >> 2) % span);
        _observe();
    }

    // ------------------------------------------------------------------ internals

    function _create(uint256 d) internal {
        uint256 id = games[d].create(kernel, keccak256("S_0"), keccak256("S_n"), graphSize, ASSERTER, CHALLENGER);
        gameDeployment.push(d);
        gameIds.push(id);
    }

    function _pick(uint256 seed)
        internal
        view
        returns (uint256 i, DisputeGame g, uint256 id, DisputeGame.Game memory before)
    {
        i = seed % gameIds.length;
        g = games[gameDeployment[i]];
        id = gameIds[i];
        before = g.getGame(id);
    }

    /// @dev Mostly the party the move belongs to; sometimes the other one or a stranger.
    function _party(DisputeGame.Game memory g, uint256 seed, bool asserterMove) internal pure returns (address) {
        uint256 r = seed % 6;
        if (r < 4) return asserterMove ? g.asserter : g.challenger;
        if (r == 4) return asserterMove ? g.challenger : g.asserter;
        return STRANGER;
    }

    function _accepted(uint256 i, DisputeGame.Game memory before) internal {
        if (before.status != 0) movedAfterResolution++;
        if (record(i).phase < before.phase) phaseWentBack++;
    }

    function _refused(bytes memory err) internal {
        refusals++;
        bytes4 sel = err.length >= 4 ? bytes4(err) : bytes4(0);
        if (
            sel != DisputeGame.WrongPhase.selector && sel != DisputeGame.NotYourTurn.selector
                && sel != DisputeGame.BadClaimCount.selector && sel != DisputeGame.BadChoice.selector
                && sel != DisputeGame.BadVMFinalState.selector && sel != DisputeGame.ClockExpired.selector
                && sel != DisputeGame.ClockNotExpired.selector && sel != DisputeGame.WrongPreState.selector
                && sel != DisputeGame.GameResolved.selector
        ) unexpectedRevert++;
    }

    /// @dev Records each game's record when first seen resolved; counts any later change.
    function _observe() internal {
        for (uint256 i = 0; i < gameIds.length; i++) {
            DisputeGame.Game memory r = record(i);
            if (r.status == 0) continue;
            bytes32 h = keccak256(abi.encode(r));
            bytes32 key = keccak256(abi.encode(gameDeployment[i], gameIds[i]));
            if (resolvedRecord[key] == 0) resolvedRecord[key] = h;
            else if (resolvedRecord[key] != h) resolvedRecordChanged++;
        }
    }
}

/// @notice Invariants of the dispute game under random play (docs/protocol.md 4 and 5): every
///         status is 0, 1 or 2; a resolved game's record never changes and it accepts no move;
///         lo < hi inside the phase's span; every choice strictly shrinks the segment (nested in
///         the old one); the phase only goes G -> V; no clock exceeds the budget; refusals are the
///         game's own errors. Runs are kept modest (see the forge-config lines) so the suite stays
///         fast.
contract DisputeGameInvariantTest is DisputeGameBase {
    DisputeGameHandler internal handler;
    uint32 internal constant NODES = 6;
    uint64 internal constant H_BUDGET = 1 days;

    function setUp() public override {
        super.setUp();
        bytes32 k = registry.register(bytes32(uint256(11)), PRESTATE, bytes32(uint256(12)), NODES, 1, 1, Slots.lastNode(NODES, 1), "");
        handler =
            new DisputeGameHandler(mips, registry, k, NODES, H_BUDGET, EXT, stepState, stepProof, stepPre, stepPost);
    }

    event log_named_uint(string key, uint256 val);

    /// @dev Coverage of the last run (forge test -vvv shows it): moves accepted by kind, refusals.
    function afterInvariant() public {
        emit log_named_uint("splits", handler.splits());
        emit log_named_uint("chooses", handler.chooses());
        emit log_named_uint("vmStarts", handler.vmStarts());
        emit log_named_uint("steps", handler.steps());
        emit log_named_uint("timeouts", handler.timeouts());
        emit log_named_uint("refusals", handler.refusals());
        emit log_named_uint("games", handler.gameCount());
    }

    /// @dev forge's invariant target list (forge-std's StdInvariant is not available here).
    function targetContracts() public view returns (address[] memory t) {
        t = new address[](1);
        t[0] = address(handler);
    }

    /// forge-config: default.invariant.runs = 48
    /// forge-config: default.invariant.depth = 48
    /// forge-config: default.invariant.fail-on-revert = true
    function invariant_gameRules() public view {
        assertEq(handler.movedAfterResolution(), 0, "a resolved game accepted a move");
        assertEq(handler.resolvedRecordChanged(), 0, "a resolved game changed");
        assertEq(handler.chooseDidNotShrink(), 0, "a choice did not shrink the segment");
        assertEq(handler.phaseWentBack(), 0, "phase went V -> G");
        assertEq(handler.splitMovedPosition(), 0, "a split moved the position");
        assertEq(handler.vmStartWithoutSplit(), 0, "startVMPhase did not post its first phase-V split");
        assertEq(handler.unexpectedRevert(), 0, "a refusal with a foreign error");
        uint256 n = handler.gameCount();
        for (uint256 i = 0; i < n; i++) {
            DisputeGame.Game memory g = handler.record(i);
            assertTrue(g.status <= 2, "status in {0, 1, 2}");
            assertTrue(g.phase <= 1, "phase G or V");
            assertTrue(g.lo < g.hi, "lo < hi");
            assertTrue(g.hi <= (g.phase == 0 ? NODES : T), "inside the phase's span");
            assertTrue(g.asserterClock <= H_BUDGET, "asserter clock <= budget");
            assertTrue(g.challengerClock <= H_BUDGET, "challenger clock <= budget");
            assertTrue(!g.splitPending || g.hi - g.lo >= 2, "a split is pending only on a splittable segment");
            if (g.phase == 1) assertTrue(g.node >= 1 && g.node <= NODES, "phase V names a graph node");
        }
    }
}
