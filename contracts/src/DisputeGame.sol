// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IDisputeGame} from "./interfaces/IDisputeGame.sol";
import {MIPS} from "./MIPS.sol";
import {PreimageOracle} from "./PreimageOracle.sol";
import {KernelRegistry} from "./KernelRegistry.sol";
import {LibDissection} from "./lib/LibDissection.sol";

/// @title DisputeGame
/// @notice The 1-vs-1 two-phase AIVM dispute game (docs/protocol.md 4 and 5). One singleton holds
///         every game (gameId => Game). Only `creator` (the InferenceMarket, fixed at
///         construction) opens games; there are no owner powers. The game holds no funds: the
///         market reads `status` and pays.
///
///         Phase G dissects graph states over [0, n] until the position is a single node
///         (k-1, k); the asserter then opens phase V with `startVMPhase`, which loads the kernel's
///         local data for node k into the PreimageOracle under this contract's namespace and
///         localContext = keccak256(abi.encode(gameId, k)), sets the position to [0, 2^32] from
///         the kernel's registered pre-state and posts the asserter's first phase-V split in the
///         same move; the VM trace is then dissected as in phase G. A single VM step is decided by
///         MIPS.step. The dissection rules (split points, choice, position update) mirror
///         bisection/rules.go (SplitPoints / Choose / Apply) exactly.
///
///         Clocks: each side has a chess clock of CLOCK_BUDGET seconds. While a move is due, the
///         mover's clock runs; a move made with elapsed <= remaining is accepted (the last second
///         counts) and stops it; after every move the opponent's remaining time is raised to at
///         least CLOCK_EXTENSION. Once elapsed > remaining, the move is refused (ClockExpired)
///         and anyone may `claimTimeout`, which makes the other side win.
/// @dev Departures from docs/design.md, explained in docs/protocol.md 5:
///      - one CLOCK_EXTENSION for every move (no larger extension for the phase-V start and the
///        final step): the game loads the local data itself inside startVMPhase, and keccak parts
///        can be loaded by anyone at any time before the step, so no move needs a second
///        transaction inside the mover's own clock;
///      - the challenger's own V_T is not recorded (docs/protocol.md 4.1: it plays no part);
///      - `step` and `claimTimeout` may be sent by anyone: their outcome is a function of the
///        game alone, so the caller does not matter (the challenger may run the final step, 4.3);
///      - every claim of a split is stored (the brief's `choose(gameId, j)` carries no claims);
///        the claim slots of a game are reused round after round.
// Why the lint pragma: every narrowing cast is bounded: indices <= 2^32 (phase V) or < 2^32
// (graphSize), split points lie inside [lo, hi], elapsed <= the uint64 clock it is subtracted from,
// timestamps fit uint48. Clocks are in seconds of block.timestamp by design (minutes to days),
// far above what a block producer can skew.
// forge-lint: disable-start(unsafe-typecast)
// forge-lint: disable-start(block-timestamp)
contract DisputeGame is IDisputeGame {
    // ------------------------------------------------------------------ types

    /// @notice A game's status. Game.status, status() and the Resolved event hold it as its
    ///         uint8 value (0, 1, 2), so the ABI is that of the uint8 constants below it replaces.
    /// @dev Stored as uint8 rather than as the enum: solc range-checks a stored enum on every
    ///      read and write (Panic 0x21), about 25 gas on each move (measured).
    enum GameStatus {
        InProgress,
        AsserterWins,
        ChallengerWins
    }

    // ------------------------------------------------------------------ constants

    /// @notice Status of a game in progress (GameStatus.InProgress).
    uint8 public constant IN_PROGRESS = uint8(GameStatus.InProgress);
    /// @notice Status of a game the asserter won (GameStatus.AsserterWins).
    uint8 public constant ASSERTER_WINS = uint8(GameStatus.AsserterWins);
    /// @notice Status of a game the challenger won (GameStatus.ChallengerWins).
    uint8 public constant CHALLENGER_WINS = uint8(GameStatus.ChallengerWins);

    /// @notice Phase G: dissection of graph states S_0..S_n.
    uint8 public constant PHASE_G = 0;
    /// @notice Phase V: dissection of the kernel's VM trace V_0..V_T.
    uint8 public constant PHASE_V = 1;

    /// @notice T, the span of every phase-V segment (bisection.VMSpan, vm/kernel.DefaultMaxSteps).
    uint64 public constant VM_SPAN = 1 << 32;
    /// @notice Smallest arity (bisection.MinK).
    uint256 public constant MIN_K = 2;
    /// @notice Largest arity (bisection.MaxK).
    uint256 public constant MAX_K = 256;

    /// @notice Local data idents of the kernel (docs/protocol.md 2.3).
    uint32 public constant LOCAL_PREV = 1;
    uint32 public constant LOCAL_CLAIMED = 2;
    uint32 public constant LOCAL_NODE = 3;

    /// @notice VM state status VALID (docs/protocol.md 1.4): the status byte of the asserter's V_T.
    uint8 public constant VM_STATUS_VALID = 0;

    // ------------------------------------------------------------------ immutables

    /// @notice The one-step verifier.
    MIPS public immutable mips;
    /// @notice The oracle MIPS reads (mips.oracle()); the game loads local data into it.
    PreimageOracle public immutable oracle;
    /// @notice Where kernels (pre-state, graph size) are registered.
    KernelRegistry public immutable registry;
    /// @notice The only address allowed to open games (the InferenceMarket).
    address public immutable creator;
    /// @notice The dissection arity k (2..256), the same for both phases.
    uint256 public immutable K;
    /// @notice Each side's initial clock, in seconds.
    uint64 public immutable CLOCK_BUDGET;
    /// @notice After every move the opponent has at least this many seconds left.
    uint64 public immutable CLOCK_EXTENSION;

    // ------------------------------------------------------------------ storage

    /// @notice One game (6 storage slots).
    /// @param asserter The submitter, whose claims are checked.
    /// @param lastMoveAt Timestamp of creation or of the last move: the running clock started then.
    /// @param status A GameStatus: InProgress, AsserterWins or ChallengerWins.
    /// @param phase PHASE_G or PHASE_V.
    /// @param splitPending True between a split and the choice that answers it (challenger to move).
    /// @param challenger The party disputing the asserter's claims.
    /// @param node Phase V only: the graph node k under dispute (local data ident 3).
    /// @param asserterClock The asserter's remaining seconds, as of lastMoveAt.
    /// @param challengerClock The challenger's remaining seconds, as of lastMoveAt.
    /// @param lo The position's lo index.
    /// @param hi The position's hi index.
    /// @param loHash The agreed hash at lo.
    /// @param hiHash The asserter's disputed hash at hi.
    /// @param kernelId The registered kernel the game runs.
    struct Game {
        address asserter;
        uint48 lastMoveAt;
        uint8 status;
        uint8 phase;
        bool splitPending;
        address challenger;
        uint32 node;
        uint64 asserterClock;
        uint64 challengerClock;
        uint64 lo;
        uint64 hi;
        bytes32 loHash;
        bytes32 hiHash;
        bytes32 kernelId;
    }

    /// @notice Number of games created; ids are 1..gameCount (0 is never a game).
    uint256 public gameCount;
    /// @dev gameId => game. A game exists iff its asserter is non-zero (create rejects zero).
    mapping(uint256 => Game) internal _games;
    /// @dev gameId => i => the asserter's pending claim at split point p_{i+1}.
    mapping(uint256 => mapping(uint256 => bytes32)) internal _claims;

    // ------------------------------------------------------------------ events

    /// @notice A game was opened at position (0, graphSize, initialState, claimedFinalState).
    event GameCreated(
        uint256 indexed gameId,
        bytes32 indexed kernelId,
        address indexed asserter,
        address challenger,
        bytes32 initialState,
        bytes32 claimedFinalState,
        uint32 graphSize
    );
    /// @notice The asserter posted its claims at the split points of (lo, hi).
    event Split(uint256 indexed gameId, uint8 phase, uint64 lo, uint64 hi, bytes32[] claims);
    /// @notice The challenger chose sub-segment j; the new position follows.
    event Chosen(uint256 indexed gameId, uint8 phase, uint256 j, uint64 lo, uint64 hi, bytes32 loHash, bytes32 hiHash);
    /// @notice Phase G ended at node `node`; phase V starts at (0, VM_SPAN, prestate, vmFinalState).
    event VMPhaseStarted(uint256 indexed gameId, uint32 node, bytes32 localContext, bytes32 prestate, bytes32 vmFinalState);
    /// @notice The final MIPS step ran from preStateHash (= loHash) to postStateHash.
    event Stepped(uint256 indexed gameId, uint64 vmStep, bytes32 preStateHash, bytes32 postStateHash);
    /// @notice The game was decided (status 1 asserter, 2 challenger); byTimeout if by the clock.
    event Resolved(uint256 indexed gameId, uint8 status, bool byTimeout);

    // ------------------------------------------------------------------ errors

    /// @notice k, the clock budget or the extension is out of range at deployment.
    error InvalidParameters();
    /// @notice Only the creator may open games.
    error NotCreator(address caller);
    /// @notice asserter or challenger is zero, or they are the same address.
    error InvalidParties();
    /// @notice graphSize is zero or differs from the registered kernel's.
    error BadGraphSize(uint32 graphSize, uint32 registered);
    /// @notice No game with this id.
    error GameNotFound(uint256 gameId);
    /// @notice The game is already decided.
    error GameResolved(uint256 gameId);
    /// @notice The move does not exist in the current phase or position.
    error WrongPhase();
    /// @notice The caller is not the party whose move is due.
    error NotYourTurn();
    /// @notice A split must post exactly m - 1 claims.
    error BadClaimCount(uint256 got, uint256 want);
    /// @notice A choice must be below m.
    error BadChoice(uint256 j, uint256 m);
    /// @notice The asserter's V_T must have status VALID.
    error BadVMFinalState(bytes32 vmFinalState);
    /// @notice The mover's clock has run out; the opponent may claim the timeout.
    error ClockExpired();
    /// @notice The side to move still has time.
    error ClockNotExpired(uint256 elapsed, uint256 remaining);
    /// @notice The step's stateData does not hash to the agreed loHash.
    error WrongPreState(bytes32 got, bytes32 want);

    // ------------------------------------------------------------------ construction

    /// @param _mips The MIPS verifier; its oracle is the one local data is loaded into.
    /// @param _registry The kernel registry.
    /// @param _creator The only address that may call create (the market).
    /// @param k The arity, 2..256.
    /// @param clockBudget Each side's initial clock, seconds; >= clockExtension.
    /// @param clockExtension Minimum time left to the opponent after every move, seconds; > 0.
    constructor(
        MIPS _mips,
        KernelRegistry _registry,
        address _creator,
        uint256 k,
        uint64 clockBudget,
        uint64 clockExtension
    ) {
        if (k < MIN_K || k > MAX_K || clockExtension == 0 || clockBudget < clockExtension || _creator == address(0)) {
            revert InvalidParameters();
        }
        mips = _mips;
        oracle = PreimageOracle(address(_mips.oracle()));
        registry = _registry;
        creator = _creator;
        K = k;
        CLOCK_BUDGET = clockBudget;
        CLOCK_EXTENSION = clockExtension;
    }

    // ------------------------------------------------------------------ IDisputeGame

    /// @inheritdoc IDisputeGame
    /// @dev The kernel must be registered and graphSize must equal its registered graph size, so
    ///      phase G can only end at a node the kernel accepts. Both clocks start full; the
    ///      asserter's runs first (or, with n = 1, its startVMPhase is due at once).
    function create(
        bytes32 kernelId,
        bytes32 initialState,
        bytes32 claimedFinalState,
        uint32 graphSize,
        address asserter,
        address challenger
    ) external returns (uint256 gameId) {
        if (msg.sender != creator) revert NotCreator(msg.sender);
        if (asserter == address(0) || challenger == address(0) || asserter == challenger) revert InvalidParties();
        (, uint32 registered) = registry.gameShape(kernelId); // reverts KernelNotRegistered
        if (graphSize == 0 || graphSize != registered) revert BadGraphSize(graphSize, registered);
        gameId = ++gameCount;
        Game storage g = _games[gameId];
        g.asserter = asserter;
        g.lastMoveAt = uint48(block.timestamp);
        g.challenger = challenger;
        g.asserterClock = CLOCK_BUDGET;
        g.challengerClock = CLOCK_BUDGET;
        g.hi = graphSize;
        g.loHash = initialState;
        g.hiHash = claimedFinalState;
        g.kernelId = kernelId;
        emit GameCreated(gameId, kernelId, asserter, challenger, initialState, claimedFinalState, graphSize);
    }

    /// @inheritdoc IDisputeGame
    /// @dev Reverts GameNotFound for an id that was never created.
    function status(uint256 gameId) external view returns (uint8) {
        return _existing(gameId).status;
    }

    // ------------------------------------------------------------------ moves

    /// @notice The asserter posts its claims at the m - 1 split points of the current segment
    ///         (m = min(K, hi - lo)), in order p_1..p_{m-1} (bisection.SplitPoints).
    /// @param gameId The game.
    /// @param claims Exactly m - 1 hashes.
    function split(uint256 gameId, bytes32[] calldata claims) external {
        Game storage g = _open(gameId);
        if (g.hi - g.lo < 2) revert WrongPhase();
        if (msg.sender != g.asserter || g.splitPending) revert NotYourTurn();
        uint256 want = LibDissection.parts(g.lo, g.hi, K) - 1;
        if (claims.length != want) revert BadClaimCount(claims.length, want);
        _tick(g, true);
        _split(gameId, g, claims);
    }

    /// @notice The challenger chooses sub-segment j (p_j, p_{j+1}) of the pending split; the new
    ///         position is bisection.Apply's: loHash = claim at p_j (old loHash for j = 0), hiHash =
    ///         claim at p_{j+1} (old hiHash for j = m - 1).
    /// @param gameId The game.
    /// @param j The sub-segment, 0 <= j < m.
    function choose(uint256 gameId, uint256 j) external {
        Game storage g = _open(gameId);
        if (msg.sender != g.challenger || !g.splitPending) revert NotYourTurn();
        uint64 lo = g.lo;
        uint64 hi = g.hi;
        uint256 m = LibDissection.parts(lo, hi, K);
        if (j >= m) revert BadChoice(j, m);
        _tick(g, false);
        (uint64 newLo, uint64 newHi) = LibDissection.sub(lo, hi, m, j);
        if (j > 0) g.loHash = _claims[gameId][j - 1];
        if (j < m - 1) g.hiHash = _claims[gameId][j];
        g.lo = newLo;
        g.hi = newHi;
        g.splitPending = false;
        emit Chosen(gameId, g.phase, j, newLo, newHi, g.loHash, g.hiHash);
    }

    /// @notice Ends phase G at node k = hi (agreed S_{k-1} = loHash, disputed S_k = hiHash),
    ///         opens phase V at (0, VM_SPAN, prestate, vmFinalState) and posts the asserter's
    ///         first phase-V split, all in one move (docs/protocol.md 4.3: the phase-V opening
    ///         carries the first phase-V split). Loads the kernel's local data
    ///         (docs/protocol.md 2.3) into the oracle under localContext(gameId, k): ident 1 =
    ///         S_{k-1}, 2 = S_k, 3 = u32be(k), each at stream offsets 0 (the length) and 8 (the
    ///         bytes), the only parts the kernel reads: it reads the 8-byte length into an
    ///         aligned 8-byte buffer, then the datum (32 or 4 bytes) into an aligned buffer (2.4),
    ///         and a read past the end is EOF once any part fixed the stream length. The claims
    ///         are then recorded exactly as `split` records them (Split is emitted after
    ///         VMPhaseStarted), so the challenger's `choose` is due next. The clock ticks once,
    ///         for the combined move.
    /// @param gameId The game.
    /// @param vmFinalState The asserter's V_T; its status byte (byte 0) must be VALID.
    /// @param claims The asserter's claims at the split points of [0, VM_SPAN]: exactly m - 1
    ///        hashes, m = min(K, VM_SPAN) = K (BadClaimCount otherwise).
    function startVMPhase(uint256 gameId, bytes32 vmFinalState, bytes32[] calldata claims) external {
        Game storage g = _open(gameId);
        if (g.phase != PHASE_G || g.hi - g.lo != 1) revert WrongPhase();
        if (msg.sender != g.asserter) revert NotYourTurn();
        if (uint8(vmFinalState[0]) != VM_STATUS_VALID) revert BadVMFinalState(vmFinalState);
        uint256 want = LibDissection.parts(0, VM_SPAN, K) - 1;
        if (claims.length != want) revert BadClaimCount(claims.length, want);
        _tick(g, true);
        uint32 node = uint32(g.hi);
        bytes32 ctx = localContext(gameId, node);
        for (uint32 ident = LOCAL_PREV; ident <= LOCAL_NODE; ident++) {
            bytes memory data = _localDatum(g, ident, node);
            oracle.loadLocalData(localKey(ident), ctx, data, 0);
            oracle.loadLocalData(localKey(ident), ctx, data, 8);
        }
        (bytes32 prestate,) = registry.gameShape(g.kernelId);
        g.phase = PHASE_V;
        g.node = node;
        g.lo = 0;
        g.hi = VM_SPAN;
        g.loHash = prestate;
        g.hiHash = vmFinalState;
        emit VMPhaseStarted(gameId, node, ctx, prestate, vmFinalState);
        _split(gameId, g, claims);
    }

    /// @notice Decides a phase-V single step (lo, lo + 1): stateData must hash (with its status
    ///         byte, docs/protocol.md 1.4) to loHash; MIPS.step runs it with the game's
    ///         localContext; the asserter wins iff the post-state hash equals hiHash. Due from the
    ///         asserter (its clock must not have run out) but anyone may send it. A malformed
    ///         witness or a missing oracle part reverts inside MIPS and decides nothing.
    /// @param gameId The game.
    /// @param stateData The 164-byte pre-state encoding.
    /// @param proof The step's proof (docs/protocol.md 1.11).
    function step(uint256 gameId, bytes calldata stateData, bytes calldata proof) external {
        Game storage g = _open(gameId);
        if (g.phase != PHASE_V || g.hi - g.lo != 1) revert WrongPhase();
        if (block.timestamp - g.lastMoveAt > g.asserterClock) revert ClockExpired();
        bytes32 pre = stateHash(stateData);
        if (pre != g.loHash) revert WrongPreState(pre, g.loHash);
        bytes32 post = mips.step(stateData, proof, localContext(gameId, g.node));
        emit Stepped(gameId, g.lo, pre, post);
        _resolve(gameId, g, post == g.hiHash ? uint8(GameStatus.AsserterWins) : uint8(GameStatus.ChallengerWins), false);
    }

    /// @notice Once the side to move has used more than its remaining time, the other side wins.
    ///         Anyone may call it.
    /// @param gameId The game.
    function claimTimeout(uint256 gameId) external {
        Game storage g = _open(gameId);
        bool aMoves = _asserterToMove(g);
        uint256 elapsed = block.timestamp - g.lastMoveAt;
        uint256 remaining = aMoves ? g.asserterClock : g.challengerClock;
        if (elapsed <= remaining) revert ClockNotExpired(elapsed, remaining);
        _resolve(gameId, g, aMoves ? uint8(GameStatus.ChallengerWins) : uint8(GameStatus.AsserterWins), true);
    }

    // ------------------------------------------------------------------ views

    /// @notice The whole game record.
    function getGame(uint256 gameId) external view returns (Game memory) {
        return _existing(gameId);
    }

    /// @notice The pending claim at split point p_{i+1} (meaningful while a split is pending).
    function claimAt(uint256 gameId, uint256 i) external view returns (bytes32) {
        _existing(gameId);
        return _claims[gameId][i];
    }

    /// @notice The interior split points of the current segment (bisection.SplitPoints).
    function splitPoints(uint256 gameId) external view returns (uint64[] memory ps) {
        Game storage g = _existing(gameId);
        uint64 lo = g.lo;
        uint64 hi = g.hi;
        if (hi - lo < 2) return ps;
        uint256 m = LibDissection.parts(lo, hi, K);
        ps = new uint64[](m - 1);
        for (uint256 i = 1; i < m; i++) {
            ps[i - 1] = LibDissection.point(lo, hi, m, i);
        }
    }

    /// @notice Whether the move due is the asserter's (split, startVMPhase, step) rather than the
    ///         challenger's (choose).
    function asserterToMove(uint256 gameId) external view returns (bool) {
        return _asserterToMove(_existing(gameId));
    }

    /// @notice The localContext of node k's local data in game gameId: keccak256(abi.encode(gameId, k)).
    function localContext(uint256 gameId, uint32 node) public pure returns (bytes32) {
        return keccak256(abi.encode(gameId, uint256(node)));
    }

    /// @notice The raw local key of datum ident: 0x01 ‖ 27 zero bytes ‖ u32be(ident) (kernel.LocalKey).
    function localKey(uint32 ident) public pure returns (bytes32) {
        return bytes32((uint256(1) << 248) | uint256(ident));
    }

    /// @notice The state hash of a 164-byte state encoding, as MIPS computes it: keccak256 with
    ///         byte 0 replaced by the status (VALID 0 / INVALID 1 / PANIC 2 if exited, by exit
    ///         code; UNFINISHED 3 otherwise; docs/protocol.md 1.4). The length is not checked
    ///         here (MIPS.step rejects anything but 164 bytes).
    function stateHash(bytes calldata stateData) public pure returns (bytes32 h) {
        uint256 st = 3;
        if (stateData.length > 78 && stateData[78] != 0) {
            uint8 code = uint8(stateData[77]);
            st = code < 2 ? code : 2;
        }
        h = keccak256(stateData);
        h = bytes32((uint256(h) & ((uint256(1) << 248) - 1)) | (st << 248));
    }

    // ------------------------------------------------------------------ internals

    function _existing(uint256 gameId) internal view returns (Game storage g) {
        g = _games[gameId];
        if (g.asserter == address(0)) revert GameNotFound(gameId);
    }

    function _open(uint256 gameId) internal view returns (Game storage g) {
        g = _existing(gameId);
        if (g.status != uint8(GameStatus.InProgress)) revert GameResolved(gameId);
    }

    /// @dev The challenger moves only while a split is pending; every other move is the asserter's.
    function _asserterToMove(Game storage g) internal view returns (bool) {
        return !g.splitPending;
    }

    /// @dev Charges the mover's clock with the time since the last move (refusing the move if it
    ///      ran out), raises the opponent's to at least CLOCK_EXTENSION, and restarts the clock.
    function _tick(Game storage g, bool asserterMoves) internal {
        uint256 elapsed = block.timestamp - g.lastMoveAt;
        uint64 a = g.asserterClock;
        uint64 c = g.challengerClock;
        if (asserterMoves) {
            if (elapsed > a) revert ClockExpired();
            a -= uint64(elapsed);
            if (c < CLOCK_EXTENSION) c = CLOCK_EXTENSION;
        } else {
            if (elapsed > c) revert ClockExpired();
            c -= uint64(elapsed);
            if (a < CLOCK_EXTENSION) a = CLOCK_EXTENSION;
        }
        g.asserterClock = a;
        g.challengerClock = c;
        g.lastMoveAt = uint48(block.timestamp);
    }

    /// @dev Records a split of the current segment (claims already checked, clock already
    ///      ticked): stores the claims, marks the split pending (the challenger's choose is due)
    ///      and emits Split. Shared by split and startVMPhase.
    function _split(uint256 gameId, Game storage g, bytes32[] calldata claims) internal {
        mapping(uint256 => bytes32) storage c = _claims[gameId];
        for (uint256 i = 0; i < claims.length; i++) {
            c[i] = claims[i];
        }
        g.splitPending = true;
        emit Split(gameId, g.phase, g.lo, g.hi, claims);
    }

    function _localDatum(Game storage g, uint32 ident, uint32 node) internal view returns (bytes memory) {
        if (ident == LOCAL_NODE) return abi.encodePacked(node);
        // Called in startVMPhase before the position is replaced: lo/hi hashes are S_{k-1}/S_k.
        return abi.encodePacked(ident == LOCAL_PREV ? g.loHash : g.hiHash);
    }

    /// @dev outcome is uint8(GameStatus.AsserterWins) or uint8(GameStatus.ChallengerWins).
    function _resolve(uint256 gameId, Game storage g, uint8 outcome, bool byTimeout) internal {
        g.status = outcome;
        emit Resolved(gameId, outcome, byTimeout);
    }
}
