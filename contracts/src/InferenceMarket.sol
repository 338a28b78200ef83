// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KernelRegistry} from "./KernelRegistry.sol";
import {IDisputeGame} from "./interfaces/IDisputeGame.sol";
import {VrfVerifier} from "./VrfVerifier.sol";

/// @title IInferenceConsumer
/// @notice What a requester's callback contract implements (docs/protocol.md 6.5).
interface IInferenceConsumer {
    /// @notice Called once by InferenceMarket.finalize with the finalized result.
    /// @param requestId The request.
    /// @param output The posted output bytes (a canonical tensor encoding, docs/models.md 2).
    /// @param outputCommitment The tensor commitment of output.
    function onInferenceResult(uint256 requestId, bytes calldata output, bytes32 outputCommitment) external;
}

/// @title IGenerationConsumer
/// @notice What a generation request's callback contract implements (docs/protocol.md 8.5).
interface IGenerationConsumer {
    /// @notice Called once by InferenceMarket.finalize with the finalized generation.
    /// @param requestId The request.
    /// @param tokens The generated tokens: the first maxTokens of the committed ones, cut after
    ///        the first stop token when the request set one.
    /// @param outputCommitment The tensor commitment of the committed token tensor.
    function onGenerationResult(uint256 requestId, uint32[] calldata tokens, bytes32 outputCommitment) external;
}

/// @title InferenceMarket
/// @notice Optimistic inference requests (docs/protocol.md 6). A requester pays a fee and posts
///         the input tensors; a submitter (one the requester listed, or anyone after the listed
///         ones' head start) posts a result with a bond, bound exactly to its claimed final graph
///         state S_n by Merkle paths of the kernel's registered output slot(s); during a challenge
///         window anyone may post a competing result with a bond, which opens a 1-vs-1
///         IDisputeGame against the candidate (one game per challenger). The first challenger win
///         refutes the candidate and makes the winner's result the next candidate (a new round
///         with a fresh window); every game on a refuted candidate keeps running, and when the
///         last one ends its bond is split: BURN_BPS burned, the rest shared equally by every
///         challenger that beat it. Every forfeited challenge bond is split the same way (burned
///         part, rest to the asserter). When the window has passed and no challenge on the
///         current candidate is open, anyone may finalize: the submitter is credited fee and bond
///         and the requester's callback gets exactly its gas limit (its failure never blocks
///         finalization). All payouts are credits withdrawn with withdraw() (pull payments).
///         No owner powers. Invariant (6.6): balance == credits + held bonds + unpaid fees +
///         unclaimed rewards + burned.
// Why the lint pragmas: every narrowing cast is bounded before it is made (fee and bonds checked
// against uint128 max, slots against graphSize + MAX_INPUTS < 2^32, timestamps + a uint32 window fit
// uint64); windows and timeouts are in seconds of block.timestamp by design (hours to days), so a
// validator's few seconds of drift do not matter.
// forge-lint: disable-start(unsafe-typecast)
// forge-lint: disable-start(block-timestamp)
contract InferenceMarket {
    /// @dev Aggregation code of KernelRegistry.AGG_OUTPUTS (several slots, Merkle-rooted).
    uint8 internal constant AGG_OUTPUTS = 3;

    // ------------------------------------------------------------------ types

    /// @notice Life cycle of a request.
    enum Status {
        None,
        Open, // fee paid, no candidate yet
        Submitted, // a candidate result exists
        Finalized, // paid out and delivered
        Cancelled // no result in time, fee refunded
    }

    /// @notice Life cycle of a challenge.
    enum ChallengeStatus {
        None,
        Open, // game running, bond held
        Won, // challenger won: reward (and bond, unless it now backs the candidate) claimable once the round settles
        Lost, // asserter won: the bond was forfeited (BURN_BPS burned, the rest to the asserter)
        Rewarded // a won challenge was paid its bond and share
    }

    /// @notice A posted result (the candidate or a challenger's).
    /// @param outputCommitment The commitment of the output: the tensor commitment of the one
    ///        bound slot, or for AGG_OUTPUTS the Merkle root of the slots' tensor commitments.
    /// @param finalState The claimed final graph state S_n.
    /// @param output The output bytes: the canonical tensor encoding(s) of the bound slot(s),
    ///        concatenated in output order.
    struct Result {
        bytes32 outputCommitment;
        bytes32 finalState;
        bytes output;
    }

    /// @notice An inference request and its current candidate.
    struct Request {
        address requester;
        uint32 graphSize;
        uint32 numSlots;
        uint32 outputSlot; // the bound slot (argmax, logits); the first output slot for AGG_OUTPUTS
        Status status;
        address callback;
        uint32 callbackGasLimit;
        uint8 aggregation;
        bool generation; // a generation request (section 8): its record is in _generations
        uint64 createdAt;
        uint64 openAfter; // before this time only listed submitters may submit (0: open at once)
        uint128 fee;
        bytes32 kernelId;
        bytes32 modelRoot;
        bytes32 initialState; // S_0, computed on chain
        // current candidate
        address submitter;
        uint64 windowEnd;
        uint32 round; // the current candidate's round: incremented each time a candidate is refuted
        uint32 openChallenges; // open challenges against the current candidate
        uint128 candidateBond;
        Result candidate;
    }

    /// @notice Decoding settings of a generation request, in the sample op's fixed point
    ///         (docs/protocol.md 8.1).
    /// @param temperature Q16 (65536 = 1.0); 0 is greedy decoding. At most 2^31 - 1.
    /// @param topP Nucleus mass, Q16, in [1, 65536] (65536 keeps every token).
    /// @param stopEnabled Whether stopToken ends the output.
    /// @param stopToken The token after which the delivered output is cut (it is included).
    struct Sampling {
        uint32 temperature;
        uint32 topP;
        bool stopEnabled;
        uint32 stopToken;
    }

    /// @notice What a generation request adds to its Request record.
    /// @param maxTokens Tokens to deliver at most (> 0 marks the request a generation).
    /// @param createdBlock The request's block: only VRF keys registered before it may answer.
    /// @param sampling The decoding settings.
    /// @param seed The VRF seed of the current candidate's submission (0 until a submission).
    /// @param prompt The prompt tokens, exactly the kernel's prompt window.
    struct Generation {
        uint32 maxTokens;
        uint64 createdBlock;
        Sampling sampling;
        bytes32 seed;
        uint32[] prompt;
    }

    /// @notice A submitter's registered VRF public key.
    /// @param pk The key in G2, EIP-197 word order (x.im, x.re, y.im, y.re).
    /// @param registeredBlock The block of its registration (0: none).
    struct VrfKey {
        uint256[4] pk;
        uint64 registeredBlock;
    }

    /// @notice A refuted candidate whose games may still be running (docs/protocol.md 6.4).
    /// @param submitter The refuted candidate's submitter (the asserter of its games).
    /// @param openChallenges Its games not resolved yet.
    /// @param winners Challengers that beat it so far.
    /// @param settled Whether its last game has ended and its bond was split.
    /// @param bond Its bond, held until settlement.
    /// @param share Each winner's reward, set at settlement.
    struct RefutedRound {
        address submitter;
        uint32 openChallenges;
        uint32 winners;
        bool settled;
        uint128 bond;
        uint128 share;
    }

    /// @notice A challenge.
    struct Challenge {
        address challenger;
        ChallengeStatus status;
        uint32 round;
        uint128 bond;
        uint256 gameId;
        Result result;
    }

    // ------------------------------------------------------------------ immutables and storage

    /// @notice The registry the kernels are read from.
    KernelRegistry public immutable registry;
    /// @notice The dispute game every challenge opens a game in.
    IDisputeGame public immutable game;
    /// @notice The VRF verifier this market deployed in its constructor (docs/protocol.md 7).
    VrfVerifier public immutable vrf;
    /// @notice Bond a submitter posts with submitResult, in wei.
    uint256 public immutable submitterBond;
    /// @notice Bond a challenger posts with challenge, in wei.
    uint256 public immutable challengerBond;
    /// @notice Length of a challenge window, in seconds, from a candidate's submission.
    uint256 public immutable challengeWindow;
    /// @notice Time after which a request with no submitted result may be cancelled, in seconds.
    ///         When the requester listed submitters, anyone may submit from half of it on.
    uint256 public immutable requestTimeout;
    /// @notice Largest callback gas limit a request may ask for.
    uint256 public immutable maxCallbackGas;

    /// @notice Gas finalize keeps beyond the callback's limit and its 1/64 (EIP-150) when it
    ///         calls back: the CALL's own cost (cold account access) and the CallbackResult event.
    uint256 public constant CALLBACK_GAS_RESERVE = 40_000;
    /// @notice Most input tensors per request (the graph IR allows 256 inputs).
    uint256 public constant MAX_INPUTS = 256;
    /// @notice Most slots (inputs + nodes) a slot path may address: 2^32.
    uint256 public constant MAX_SLOT_DEPTH = 32;
    /// @notice Largest posted output, in bytes. Why: the candidate's output is stored (one slot
    ///         per 32 bytes, 20k gas each) and copied to the callback at finalization, so the
    ///         largest result must stay far below a block (16 KiB: about 11 M gas to submit).
    uint256 public constant MAX_OUTPUT_BYTES = 16_384;
    /// @notice Most submitters a requester may list.
    uint256 public constant MAX_SUBMITTERS = 16;
    /// @notice Part of every forfeited bond that is burned, in basis points. Why: a party that
    ///         loses to its own sybil must still lose something (docs/protocol.md 6.4, 6.7).
    uint256 public constant BURN_BPS = 5_000;
    /// @notice Most tokens a generation request may ask for: the committed token tensor (28-byte
    ///         header, 4 bytes a token) must fit MAX_OUTPUT_BYTES.
    uint256 public constant MAX_GENERATION_TOKENS = 4_000;
    /// @notice Q16 fixed-point 1.0 of temperature and top-p (ops.SampleOne).
    uint256 public constant SAMPLE_ONE = 1 << 16;
    /// @notice Largest encoded tensor element count (docs/models.md 2).
    uint256 internal constant MAX_ELEMENTS = 1 << 28;

    /// @notice Number of requests made; request ids are 1..requestCount.
    uint256 public requestCount;
    /// @notice Withdrawable balance per address.
    mapping(address => uint256) public credits;
    /// @notice Wei burned so far: held by this contract forever, no function can move it.
    uint256 public totalBurned;
    /// @notice Whether a requester listed an address as an allowed submitter of a request.
    mapping(uint256 => mapping(address => bool)) public isListedSubmitter;

    mapping(uint256 => Request) internal _requests;
    mapping(uint256 => Challenge[]) internal _challenges;
    mapping(uint256 => mapping(uint32 => RefutedRound)) internal _refuted;

    mapping(uint256 => Generation) internal _generations;
    mapping(address => VrfKey) internal _vrfKeys;

    bool transient _locked;

    // ------------------------------------------------------------------ events

    /// @notice A request was made. The input tensors are only in this event (calldata).
    event InferenceRequested(
        uint256 indexed requestId,
        bytes32 indexed kernelId,
        address indexed requester,
        uint256 fee,
        bytes32 initialState,
        uint32 outputSlot,
        address callback,
        uint32 callbackGasLimit,
        uint64 openAfter,
        address[] submitters,
        bytes[] inputs
    );
    /// @notice A generation was requested. The prompt is also stored (the seed-dependent S_0 is
    ///         computed from it when a result is posted).
    event GenerationRequested(
        uint256 indexed requestId,
        bytes32 indexed kernelId,
        address indexed requester,
        uint256 fee,
        uint32 maxTokens,
        Sampling sampling,
        address callback,
        uint32 callbackGasLimit,
        uint32[] promptTokens
    );
    /// @notice A submitter registered (or replaced) its VRF public key.
    event VrfKeyRegistered(address indexed submitter, uint256[4] pk, uint64 registeredBlock);
    /// @notice A generation result was posted with a valid VRF proof: its seed and the S_0 it
    ///         fixes (the initial state of every game on the request). ResultSubmitted follows.
    event GenerationSeeded(uint256 indexed requestId, address indexed submitter, bytes32 seed, bytes32 initialState);
    /// @notice A candidate result was posted by submitResult.
    event ResultSubmitted(
        uint256 indexed requestId,
        address indexed submitter,
        bytes32 outputCommitment,
        bytes32 finalState,
        uint64 windowEnd,
        bytes output
    );
    /// @notice A challenge was opened against the current candidate.
    event ChallengeOpened(
        uint256 indexed requestId,
        uint256 indexed challengeIndex,
        address indexed challenger,
        uint256 gameId,
        bytes32 outputCommitment,
        bytes32 finalState
    );
    /// @notice A challenge's game was won by the asserter; the challenger's bond was forfeited.
    event ChallengeLost(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed submitter);
    /// @notice A challenge's game was won by the challenger. If it was the first win against the
    ///         current candidate, the challenger's result became the candidate (replacedCandidate)
    ///         with a new window ending at windowEnd; otherwise windowEnd is 0.
    event ChallengeWon(
        uint256 indexed requestId,
        uint256 indexed challengeIndex,
        address indexed challenger,
        bool replacedCandidate,
        uint64 windowEnd
    );
    /// @notice Every game on a refuted candidate has ended: its bond was split, `burned` burned
    ///         and `share` owed to each of the `winners` challengers that beat it.
    event RoundSettled(uint256 indexed requestId, uint32 indexed round, uint32 winners, uint256 share, uint256 burned);
    /// @notice A won challenge was paid its bond (unless it backs a candidate) and its share.
    event RewardClaimed(
        uint256 indexed requestId, uint256 indexed challengeIndex, address indexed challenger, uint256 amount
    );
    /// @notice Part of a forfeited bond was burned.
    event Burned(uint256 indexed requestId, uint256 amount);
    /// @notice A request was finalized: fee and bond credited to the submitter.
    event RequestFinalized(uint256 indexed requestId, address indexed submitter, uint256 fee, uint256 bond);
    /// @notice The callback was called after finalization.
    event CallbackResult(uint256 indexed requestId, address indexed callback, bool success);
    /// @notice A request with no result was cancelled and its fee credited back to the requester.
    event RequestCancelled(uint256 indexed requestId, address indexed requester, uint256 fee);
    /// @notice An address was credited (accounting trail for every payout).
    event Credited(address indexed account, uint256 amount);
    /// @notice An address withdrew its credits.
    event Withdrawn(address indexed account, uint256 amount);

    // ------------------------------------------------------------------ errors

    /// @notice A constructor argument is invalid.
    error InvalidConfig();
    /// @notice The fee is zero or does not fit 128 bits.
    error InvalidFee();
    /// @notice The number of inputs is not the kernel's registered input count.
    error InvalidInputCount(uint256 count, uint256 expected);
    /// @notice A tensor is empty.
    error EmptyTensor();
    /// @notice Bytes at `offset` of a posted tensor list are not a canonical tensor encoding
    ///         (docs/models.md 2: magic, version, dtype, rank, flags, dimensions, exact length).
    error NonCanonicalTensor(uint256 offset);
    /// @notice The output is longer than MAX_OUTPUT_BYTES.
    error OutputTooLarge(uint256 length, uint256 max);
    /// @notice The callback gas limit is above maxCallbackGas.
    error CallbackGasTooHigh(uint256 limit, uint256 max);
    /// @notice More than MAX_SUBMITTERS submitters were listed.
    error TooManySubmitters(uint256 count, uint256 max);
    /// @notice The caller is not a listed submitter and the open fallback has not started.
    error NotListedSubmitter(address caller, uint64 openAfter);
    /// @notice No request with this id, or it is in the wrong status for this call.
    error BadRequestStatus(uint256 requestId, Status status);
    /// @notice msg.value is not the required bond.
    error WrongBond(uint256 sent, uint256 required);
    /// @notice keccak(modelRoot ‖ activationsRoot) is not the claimed final state.
    error FinalStateMismatch();
    /// @notice An output commitment's slot path does not lead to activationsRoot.
    error SlotProofInvalid();
    /// @notice The output bytes do not have the posted output commitment.
    error OutputCommitmentMismatch();
    /// @notice The challenge window has passed.
    error WindowClosed(uint64 windowEnd);
    /// @notice The challenge window has not passed yet.
    error WindowOpen(uint64 windowEnd);
    /// @notice Challenges are still open on the candidate.
    error ChallengesOpen(uint32 open);
    /// @notice The challenger's final state equals the candidate's: nothing to dispute.
    error SameFinalState();
    /// @notice No challenge with this index, or it is not open.
    error ChallengeNotOpen(uint256 requestId, uint256 challengeIndex);
    /// @notice The challenge did not win, or its reward was already paid.
    error ChallengeNotWon(uint256 requestId, uint256 challengeIndex);
    /// @notice Games on the refuted candidate are still running; the reward is not known yet.
    error RoundNotSettled(uint32 round, uint32 openChallenges);
    /// @notice The challenge's game has not been decided.
    error GameInProgress(uint256 gameId);
    /// @notice The game reported a status other than 0, 1, 2.
    error BadGameStatus(uint8 status);
    /// @notice The request timeout has not passed yet.
    error TooEarly(uint256 notBefore);
    /// @notice finalize was sent with too little gas to give the callback its limit.
    error InsufficientGasForCallback();
    /// @notice Nothing to withdraw.
    error NothingToWithdraw();
    /// @notice The ether transfer of withdraw failed.
    error TransferFailed();
    /// @notice The kernel is not a generation kernel (aggregation outputs with one output slot).
    error NotGenerationKernel(bytes32 kernelId);
    /// @notice The prompt is not exactly the kernel's prompt window (its input count minus one).
    error InvalidPromptLength(uint256 length, uint256 expected);
    /// @notice A prompt token does not fit an int32.
    error InvalidPromptToken(uint256 index, uint32 token);
    /// @notice maxTokens is 0 or above MAX_GENERATION_TOKENS.
    error InvalidMaxTokens(uint256 maxTokens, uint256 max);
    /// @notice The temperature does not fit an int32 or top-p is outside [1, SAMPLE_ONE].
    error InvalidSampling();
    /// @notice The request is a generation (use submitGeneration) or not one (use submitResult).
    error WrongRequestKind(uint256 requestId, bool generation);
    /// @notice The proof of possession of a VRF key does not verify for the caller.
    error InvalidPossessionProof();
    /// @notice The submitter has no VRF key registered before the request's block.
    error VrfKeyNotUsable(address submitter, uint64 registeredBlock, uint64 requestBlock);
    /// @notice The posted token tensor is not i8 [T, 4] with T >= maxTokens.
    error BadGenerationOutput();
    /// @notice A guarded function was re-entered.
    error Reentrancy();

    modifier nonReentrant() {
        if (_locked) revert Reentrancy();
        _locked = true;
        _;
        _locked = false;
    }

    /// @notice Deploys a market. Every parameter is fixed for the contract's life.
    /// @param registry_ The kernel registry.
    /// @param game_ The dispute game.
    /// @param submitterBond_ Bond per submitted result (wei), > 0.
    /// @param challengerBond_ Bond per challenge (wei), > 0.
    /// @param challengeWindow_ Challenge window (seconds), > 0.
    /// @param requestTimeout_ Time after which an unanswered request can be cancelled (seconds), > 1.
    /// @param maxCallbackGas_ Largest callback gas limit a request may set.
    constructor(
        KernelRegistry registry_,
        IDisputeGame game_,
        uint256 submitterBond_,
        uint256 challengerBond_,
        uint256 challengeWindow_,
        uint256 requestTimeout_,
        uint256 maxCallbackGas_
    ) {
        if (
            address(registry_) == address(0) || address(game_) == address(0) || submitterBond_ == 0
                || challengerBond_ == 0 || submitterBond_ > type(uint128).max || challengerBond_ > type(uint128).max
                || challengeWindow_ == 0 || challengeWindow_ > type(uint32).max || requestTimeout_ < 2
                || requestTimeout_ > type(uint32).max || maxCallbackGas_ > 10_000_000
        ) revert InvalidConfig();
        registry = registry_;
        game = game_;
        submitterBond = submitterBond_;
        challengerBond = challengerBond_;
        challengeWindow = challengeWindow_;
        requestTimeout = requestTimeout_;
        maxCallbackGas = maxCallbackGas_;
        vrf = new VrfVerifier();
    }

    // ------------------------------------------------------------------ request

    /// @notice Requests an inference of a registered kernel, paying msg.value as the fee.
    /// @dev The input tensors are checked canonical and committed on chain (tensor commitment,
    ///      docs/models.md 2) and the initial graph state S_0 is derived from them and the
    ///      kernel's model root (6.2). The tensors themselves are only emitted, for submitters to
    ///      fetch. The output slot(s) come from the registry (6.1), never from the requester.
    /// @param kernelId A registered kernel id.
    /// @param inputs The canonical encodings of the graph's input tensors, in input order; exactly
    ///        the kernel's registered input count.
    /// @param callback The contract to call with the result (address(0): none).
    /// @param callbackGasLimit Gas given to the callback, at most maxCallbackGas.
    /// @param submitters The submitters allowed to answer during the first half of requestTimeout
    ///        (empty: anyone at once); at most MAX_SUBMITTERS.
    /// @return requestId The new request's id.
    function requestInference(
        bytes32 kernelId,
        bytes[] calldata inputs,
        address callback,
        uint32 callbackGasLimit,
        address[] calldata submitters
    ) external payable returns (uint256 requestId) {
        if (msg.value == 0 || msg.value > type(uint128).max) revert InvalidFee();
        if (callbackGasLimit > maxCallbackGas) revert CallbackGasTooHigh(callbackGasLimit, maxCallbackGas);
        if (submitters.length > MAX_SUBMITTERS) revert TooManySubmitters(submitters.length, MAX_SUBMITTERS);
        requestId = ++requestCount;
        Request storage r = _requests[requestId];
        _initRequest(r, kernelId, inputs);
        r.requester = msg.sender;
        r.status = Status.Open;
        r.callback = callback;
        r.callbackGasLimit = callbackGasLimit;
        r.createdAt = uint64(block.timestamp);
        r.fee = uint128(msg.value);
        if (submitters.length != 0) {
            r.openAfter = uint64(block.timestamp + requestTimeout / 2);
            for (uint256 i = 0; i < submitters.length; i++) {
                isListedSubmitter[requestId][submitters[i]] = true;
            }
        }
        _emitRequested(requestId, r, submitters, inputs);
    }

    /// @dev Reads the kernel's shape, checks and commits the inputs, stores S_0.
    function _initRequest(Request storage r, bytes32 kernelId, bytes[] calldata inputs) internal {
        (uint32 graphSize, uint8 aggregation, uint16 numInputs, bytes32 modelRoot, uint32[] memory slots) =
            registry.resultShape(kernelId);
        uint256 ni = inputs.length;
        if (ni != numInputs) revert InvalidInputCount(ni, numInputs);
        bytes32[] memory commits = new bytes32[](ni);
        for (uint256 i = 0; i < ni; i++) {
            _requireOneTensor(inputs[i]);
            commits[i] = tensorCommitment(inputs[i]);
        }
        r.kernelId = kernelId;
        r.modelRoot = modelRoot;
        r.graphSize = graphSize;
        r.aggregation = aggregation;
        r.numSlots = uint32(ni + graphSize);
        r.outputSlot = slots[0];
        r.initialState = initialState(modelRoot, commits, graphSize);
    }

    function _emitRequested(
        uint256 requestId,
        Request storage r,
        address[] calldata submitters,
        bytes[] calldata inputs
    ) internal {
        emit InferenceRequested(
            requestId,
            r.kernelId,
            r.requester,
            r.fee,
            r.initialState,
            r.outputSlot,
            r.callback,
            r.callbackGasLimit,
            r.openAfter,
            submitters,
            inputs
        );
    }

    /// @notice Cancels a request that got no result within requestTimeout; the fee is credited
    ///         back to the requester. Anyone may call it.
    /// @param requestId The request.
    function cancelRequest(uint256 requestId) external {
        Request storage r = _requests[requestId];
        if (r.status != Status.Open) revert BadRequestStatus(requestId, r.status);
        uint256 notBefore = uint256(r.createdAt) + requestTimeout;
        if (block.timestamp < notBefore) revert TooEarly(notBefore);
        r.status = Status.Cancelled;
        uint256 fee = r.fee;
        r.fee = 0;
        _credit(r.requester, fee);
        emit RequestCancelled(requestId, r.requester, fee);
    }

    // ------------------------------------------------------------------ submit

    /// @notice Posts a result for an open request with msg.value == submitterBond; it becomes the
    ///         candidate and the challenge window starts. While the open fallback has not started
    ///         only a listed submitter may call it. The output is bound exactly to the claimed
    ///         final state (6.3): keccak(modelRoot ‖ activationsRoot) == finalState, each output
    ///         tensor's commitment sits at its registered slot under activationsRoot, and output
    ///         is exactly the canonical encodings of those tensors.
    /// @param requestId The request (status Open).
    /// @param output The output tensors' canonical encodings, concatenated in output order.
    /// @param outputCommitment Their commitment (one tensor: its tensor commitment; several: the
    ///        Merkle root of their tensor commitments).
    /// @param finalState The claimed final graph state S_n.
    /// @param activationsRoot The activations root of S_n.
    /// @param slotPath The Merkle paths (bottom-up) of the output slot(s) under activationsRoot,
    ///        concatenated in output order.
    function submitResult(
        uint256 requestId,
        bytes calldata output,
        bytes32 outputCommitment,
        bytes32 finalState,
        bytes32 activationsRoot,
        bytes32[] calldata slotPath
    ) external payable {
        Request storage r = _requests[requestId];
        if (r.status != Status.Open) revert BadRequestStatus(requestId, r.status);
        if (r.generation) revert WrongRequestKind(requestId, true);
        if (block.timestamp < r.openAfter && !isListedSubmitter[requestId][msg.sender]) {
            revert NotListedSubmitter(msg.sender, r.openAfter);
        }
        if (msg.value != submitterBond) revert WrongBond(msg.value, submitterBond);
        _checkResult(r, output, outputCommitment, finalState, activationsRoot, slotPath);
        _acceptCandidate(requestId, r, output, outputCommitment, finalState);
    }

    /// @dev Makes a checked result the candidate and starts its challenge window.
    function _acceptCandidate(
        uint256 requestId,
        Request storage r,
        bytes calldata output,
        bytes32 outputCommitment,
        bytes32 finalState
    ) internal {
        uint64 windowEnd = uint64(block.timestamp + challengeWindow);
        r.status = Status.Submitted;
        r.submitter = msg.sender;
        r.windowEnd = windowEnd;
        r.candidateBond = uint128(msg.value);
        r.candidate = Result(outputCommitment, finalState, output);
        emit ResultSubmitted(requestId, msg.sender, outputCommitment, finalState, windowEnd, output);
    }

    // ------------------------------------------------------------------ generation (docs/protocol.md 8)

    /// @notice Registers (or replaces) the caller's VRF public key, with its proof of possession
    ///         bound to the caller (docs/protocol.md 7.4). A key answers only requests made in a
    ///         later block than its registration, so a key registered or changed after a request
    ///         exists can never seed it: a submitter cannot try keys against a known request, and
    ///         its key is in effect fixed for every request open when it registers (7.3).
    /// @param pk The key in G2, EIP-197 word order.
    /// @param pop The proof of possession: a signature under the PoP DST over abi.encode(pk, caller).
    function registerVrfKey(uint256[4] calldata pk, uint256[2] calldata pop) external {
        if (!vrf.verifyPossession(pk, msg.sender, pop)) revert InvalidPossessionProof();
        VrfKey storage k = _vrfKeys[msg.sender];
        k.pk = pk;
        k.registeredBlock = uint64(block.number);
        emit VrfKeyRegistered(msg.sender, pk, uint64(block.number));
    }

    /// @notice Requests a text generation from a registered generation kernel (docs/protocol.md
    ///         8), paying msg.value as the fee. The kernel's graph is the unrolled generation: its
    ///         inputs are the prompt tokens (i32 [1] each) and the sampling tensor, its one output
    ///         the i8 [T, 4] tensor of the T generated tokens. S_0 depends on the VRF seed and is
    ///         computed when a result is posted (submitGeneration).
    /// @param kernelId A registered generation kernel.
    /// @param promptTokens The prompt, exactly the kernel's prompt window (left-pad a shorter one).
    /// @param maxTokens Tokens to deliver at most, 1..MAX_GENERATION_TOKENS and at most the
    ///        kernel's T (a larger value cannot be answered and ends in cancelRequest).
    /// @param sampling The decoding settings (fixed point).
    /// @param callback The IGenerationConsumer to call with the tokens (address(0): none).
    /// @param callbackGasLimit Gas given to the callback, at most maxCallbackGas.
    /// @return requestId The new request's id.
    function requestGeneration(
        bytes32 kernelId,
        uint32[] calldata promptTokens,
        uint32 maxTokens,
        Sampling calldata sampling,
        address callback,
        uint32 callbackGasLimit
    ) external payable returns (uint256 requestId) {
        if (msg.value == 0 || msg.value > type(uint128).max) revert InvalidFee();
        if (callbackGasLimit > maxCallbackGas) revert CallbackGasTooHigh(callbackGasLimit, maxCallbackGas);
        if (maxTokens == 0 || maxTokens > MAX_GENERATION_TOKENS) {
            revert InvalidMaxTokens(maxTokens, MAX_GENERATION_TOKENS);
        }
        if (sampling.temperature > uint32(type(int32).max) || sampling.topP == 0 || sampling.topP > SAMPLE_ONE) {
            revert InvalidSampling();
        }
        for (uint256 i = 0; i < promptTokens.length; i++) {
            if (promptTokens[i] > uint32(type(int32).max)) revert InvalidPromptToken(i, promptTokens[i]);
        }
        requestId = _newGenerationRequest(kernelId, promptTokens.length, callback, callbackGasLimit);
        Generation storage g = _generations[requestId];
        g.maxTokens = maxTokens;
        g.createdBlock = uint64(block.number);
        g.sampling = sampling;
        g.prompt = promptTokens;
        _emitGenerationRequested(requestId, _requests[requestId], g, promptTokens);
    }

    function _emitGenerationRequested(
        uint256 requestId,
        Request storage r,
        Generation storage g,
        uint32[] calldata promptTokens
    ) internal {
        emit GenerationRequested(
            requestId,
            r.kernelId,
            r.requester,
            r.fee,
            g.maxTokens,
            g.sampling,
            r.callback,
            r.callbackGasLimit,
            promptTokens
        );
    }

    /// @dev Reads the kernel's shape, checks it is a generation kernel with a prompt window of
    ///      `promptLength`, and creates the Open request record (no S_0 yet).
    function _newGenerationRequest(bytes32 kernelId, uint256 promptLength, address callback, uint32 callbackGasLimit)
        internal
        returns (uint256 requestId)
    {
        (uint32 graphSize, uint8 aggregation, uint16 numInputs, bytes32 modelRoot, uint32[] memory slots) =
            registry.resultShape(kernelId);
        if (aggregation != AGG_OUTPUTS || slots.length != 1) revert NotGenerationKernel(kernelId);
        if (promptLength + 1 != numInputs) revert InvalidPromptLength(promptLength, numInputs - 1);
        requestId = ++requestCount;
        Request storage r = _requests[requestId];
        r.kernelId = kernelId;
        r.modelRoot = modelRoot;
        r.graphSize = graphSize;
        r.aggregation = aggregation;
        r.generation = true;
        r.numSlots = uint32(numInputs) + graphSize;
        r.outputSlot = slots[0];
        r.requester = msg.sender;
        r.status = Status.Open;
        r.callback = callback;
        r.callbackGasLimit = callbackGasLimit;
        r.createdAt = uint64(block.timestamp);
        r.fee = uint128(msg.value);
    }

    /// @notice Posts a generation result with msg.value == submitterBond and the caller's VRF
    ///         proof for the request. The proof is checked against the caller's key (registered in
    ///         an earlier block than the request) by BN254VRF.verifiedSeed; its seed fixes the
    ///         sampling input and so S_0, stored as the initial state of every game on the
    ///         request. The result is then bound to its final state as submitResult binds one
    ///         (6.3), and the token tensor must be i8 [T, 4] with T >= maxTokens. A challenger's
    ///         result (challenge) is a different S_n from the same S_0: same seed.
    /// @param requestId The generation request (status Open).
    /// @param vrfProof The VRF proof (signature in G1) over the request's message (7.2).
    /// @param output The committed token tensor's canonical encoding.
    /// @param outputCommitment Its tensor commitment.
    /// @param finalState The claimed final state of the unrolled generation.
    /// @param activationsRoot The activations root of finalState.
    /// @param slotPath The Merkle path of the output slot under activationsRoot.
    function submitGeneration(
        uint256 requestId,
        uint256[2] calldata vrfProof,
        bytes calldata output,
        bytes32 outputCommitment,
        bytes32 finalState,
        bytes32 activationsRoot,
        bytes32[] calldata slotPath
    ) external payable {
        Request storage r = _requests[requestId];
        if (r.status != Status.Open) revert BadRequestStatus(requestId, r.status);
        Generation storage g = _generations[requestId];
        if (g.maxTokens == 0) revert WrongRequestKind(requestId, false);
        if (msg.value != submitterBond) revert WrongBond(msg.value, submitterBond);
        _seed(requestId, r, g, vrfProof);
        _checkResult(r, output, outputCommitment, finalState, activationsRoot, slotPath);
        _checkTokenTensor(output, g.maxTokens);
        _acceptCandidate(requestId, r, output, outputCommitment, finalState);
    }

    /// @dev Verifies the caller's VRF proof for the request and stores the seed and the S_0 it
    ///      gives.
    function _seed(uint256 requestId, Request storage r, Generation storage g, uint256[2] calldata vrfProof) internal {
        VrfKey storage k = _vrfKeys[msg.sender];
        uint64 kb = k.registeredBlock;
        if (kb == 0 || kb >= g.createdBlock) revert VrfKeyNotUsable(msg.sender, kb, g.createdBlock);
        bytes32 s = vrf.verifiedSeed(k.pk, block.chainid, address(this), requestId, r.kernelId, vrfProof);
        bytes32 s0 =
            generationInitialState(r.modelRoot, g.prompt, g.sampling.temperature, g.sampling.topP, s, r.graphSize);
        g.seed = s;
        r.initialState = s0;
        emit GenerationSeeded(requestId, msg.sender, s, s0);
    }

    /// @dev Requires the posted token tensor to be i8 [T, 4] with T >= maxTokens (the binding of
    ///      6.3 has already checked it canonical).
    function _checkTokenTensor(bytes calldata output, uint256 maxTokens) internal pure {
        if (output.length < 28) revert BadGenerationOutput();
        uint256 w = uint256(bytes32(output[0:32 > output.length ? output.length : 32]));
        // dtype 1 (i8), rank 2, second dimension 4
        if ((w >> 208) & 0xff != 1 || (w >> 200) & 0xff != 2 || _le32(output, 24) != 4) revert BadGenerationOutput();
        if (_le32(output, 20) < maxTokens) revert BadGenerationOutput();
    }

    function _le32(bytes calldata b, uint256 off) internal pure returns (uint256) {
        return uint256(uint8(b[off])) | uint256(uint8(b[off + 1])) << 8 | uint256(uint8(b[off + 2])) << 16
            | uint256(uint8(b[off + 3])) << 24;
    }

    /// @notice The seed's 32 bits the sample op draws with: the low 32 bits of the VRF seed
    ///         (its last 4 bytes, big-endian), as an int32 in the sampling tensor.
    /// @param seed The VRF seed.
    /// @return The draw seed.
    function drawSeed(bytes32 seed) public pure returns (uint32) {
        return uint32(uint256(seed));
    }

    /// @notice S_0 of a generation (docs/protocol.md 8.2): the 6.2 initial state of the unrolled
    ///         graph whose inputs are the P prompt tokens, each an i32 [1] tensor, then the
    ///         sampling tensor i32 [3] (drawSeed(seed), temperature, topP); every encoding has
    ///         zero quantization fields and is one 1 KiB chunk, so its commitment is the keccak of
    ///         the zero-padded chunk.
    /// @param modelRoot The kernel's model root.
    /// @param prompt The prompt tokens.
    /// @param temperature Q16 temperature.
    /// @param topP Q16 top-p.
    /// @param seed The VRF seed.
    /// @param graphSize The unrolled graph's node count.
    /// @return S_0.
    function generationInitialState(
        bytes32 modelRoot,
        uint32[] memory prompt,
        uint32 temperature,
        uint32 topP,
        bytes32 seed,
        uint256 graphSize
    ) public pure returns (bytes32) {
        uint256 p = prompt.length;
        bytes32[] memory commits = new bytes32[](p + 1);
        bytes memory chunk = new bytes(1024); // zeroed; only its first 36 bytes are ever written
        // "AIVT", version 1, dtype 3 (i32), rank 1, flags 0; 12 zero quantization bytes follow
        uint256 head = uint256(0x4149565401030100) << 192;
        for (uint256 i = 0; i < p; i++) {
            // dims [1] at bytes 20..23, the token at 24..27, both little-endian
            uint256 w = head | uint256(0x01000000) << 64 | uint256(_bswap32(prompt[i])) << 32;
            assembly ("memory-safe") {
                mstore(add(chunk, 32), w)
                mstore(add(commits, mul(add(i, 1), 32)), keccak256(add(chunk, 32), 1024))
            }
        }
        uint256 w0 =
            head | uint256(0x03000000) << 64 | uint256(_bswap32(drawSeed(seed))) << 32 | uint256(_bswap32(temperature));
        uint256 w1 = uint256(_bswap32(topP)) << 224;
        assembly ("memory-safe") {
            mstore(add(chunk, 32), w0)
            mstore(add(chunk, 64), w1)
            mstore(add(commits, mul(add(p, 1), 32)), keccak256(add(chunk, 32), 1024))
        }
        return initialState(modelRoot, commits, graphSize);
    }

    function _bswap32(uint32 x) internal pure returns (uint32) {
        return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
    }

    /// @notice The tokens a finalized (or current) generation candidate delivers: the first
    ///         maxTokens rows of its i8 [T, 4] tensor, each row a little-endian u32, cut after the
    ///         first stop token when the request set one. Empty before a submission.
    /// @param requestId A generation request.
    /// @return tokens The tokens.
    function generationTokens(uint256 requestId) public view returns (uint32[] memory tokens) {
        Generation storage g = _generations[requestId];
        Request storage r = _requests[requestId];
        if (g.maxTokens == 0 || r.status == Status.Open || r.status == Status.Cancelled) return tokens;
        bytes memory out = r.candidate.output;
        // A submitted candidate's tensor has at least maxTokens rows (_checkTokenTensor); a
        // challenger's result that replaced it was bound to its state but not shape-checked, so
        // the rows read are bounded by the bytes there are.
        uint256 n = g.maxTokens;
        uint256 rows = out.length < 28 ? 0 : (out.length - 28) / 4;
        if (rows < n) n = rows;
        bool stop = g.sampling.stopEnabled;
        uint32 stopTok = g.sampling.stopToken;
        tokens = new uint32[](n);
        uint256 count;
        for (uint256 i = 0; i < n; i++) {
            uint256 w;
            assembly ("memory-safe") {
                w := mload(add(add(out, 60), mul(i, 4))) // 32 (length word) + 28 (header)
            }
            uint32 t = _bswap32(uint32(w >> 224));
            tokens[i] = t;
            count = i + 1;
            if (stop && t == stopTok) break;
        }
        assembly ("memory-safe") {
            mstore(tokens, count)
        }
    }

    /// @notice A generation request's record (all zero for an inference request).
    /// @param requestId The request.
    /// @return The record.
    function getGeneration(uint256 requestId) external view returns (Generation memory) {
        return _generations[requestId];
    }

    /// @notice A submitter's VRF key record (registeredBlock 0: none).
    /// @param submitter The submitter.
    /// @return The record.
    function vrfKey(address submitter) external view returns (VrfKey memory) {
        return _vrfKeys[submitter];
    }

    // ------------------------------------------------------------------ challenge

    /// @notice Disputes the current candidate with the caller's own result and msg.value ==
    ///         challengerBond. Opens a game in `game` with asserter = candidate submitter and
    ///         challenger = caller, from S_0 to the candidate's S_n. The caller's result is checked
    ///         like a submission, since it becomes the candidate if the caller wins first.
    /// @param requestId The request (status Submitted, window open).
    /// @param output The challenger's output tensor encoding(s).
    /// @param outputCommitment Their commitment.
    /// @param finalState The challenger's final graph state S_n'; must differ from the candidate's.
    /// @param activationsRoot The activations root of S_n'.
    /// @param slotPath The Merkle path(s) of the output slot(s) under activationsRoot.
    /// @return challengeIndex The index of the new challenge for this request.
    function challenge(
        uint256 requestId,
        bytes calldata output,
        bytes32 outputCommitment,
        bytes32 finalState,
        bytes32 activationsRoot,
        bytes32[] calldata slotPath
    ) external payable returns (uint256 challengeIndex) {
        Request storage r = _requests[requestId];
        if (r.status != Status.Submitted) revert BadRequestStatus(requestId, r.status);
        if (block.timestamp >= r.windowEnd) revert WindowClosed(r.windowEnd);
        if (msg.value != challengerBond) revert WrongBond(msg.value, challengerBond);
        if (finalState == r.candidate.finalState) revert SameFinalState();
        _checkResult(r, output, outputCommitment, finalState, activationsRoot, slotPath);

        Challenge[] storage cs = _challenges[requestId];
        challengeIndex = cs.length;
        Challenge storage c = cs.push();
        c.challenger = msg.sender;
        c.status = ChallengeStatus.Open;
        c.round = r.round;
        c.bond = uint128(msg.value);
        c.result = Result(outputCommitment, finalState, output);
        r.openChallenges += 1;

        // Effects are done; the game is a trusted, fixed contract (no owner powers either).
        uint256 gameId =
            game.create(r.kernelId, r.initialState, r.candidate.finalState, r.graphSize, r.submitter, msg.sender);
        c.gameId = gameId;
        emit ChallengeOpened(requestId, challengeIndex, msg.sender, gameId, outputCommitment, finalState);
    }

    /// @notice Settles an open challenge from its decided game. Anyone may call it.
    ///         - Asserter won: the challenger's bond is forfeited: BURN_BPS of it burned, the rest
    ///           credited to the asserter (the submitter of the candidate it disputed).
    ///         - Challenger won, first against the current candidate: the candidate is refuted;
    ///           the challenger's result becomes the candidate with a fresh window, backed by the
    ///           challenger's bond. The refuted candidate's other games keep running.
    ///         - Challenger won against an already refuted candidate: counted as a winner.
    ///         When the last game on a refuted candidate is resolved, its bond is split (6.4):
    ///         BURN_BPS burned, the rest shared equally by its winners (claimReward).
    /// @param requestId The request.
    /// @param challengeIndex The challenge.
    function resolveChallenge(uint256 requestId, uint256 challengeIndex) external {
        Challenge[] storage cs = _challenges[requestId];
        if (challengeIndex >= cs.length) revert ChallengeNotOpen(requestId, challengeIndex);
        Challenge storage c = cs[challengeIndex];
        if (c.status != ChallengeStatus.Open) revert ChallengeNotOpen(requestId, challengeIndex);
        uint8 st = game.status(c.gameId);
        if (st == 0) revert GameInProgress(c.gameId);
        if (st > 2) revert BadGameStatus(st);
        Request storage r = _requests[requestId];
        uint32 round = c.round;

        if (round == r.round) {
            // A game on the current candidate (never finalized: finalize needs none open).
            r.openChallenges -= 1;
            if (st == 1) {
                _lose(requestId, challengeIndex, c, r.submitter);
                return;
            }
            // First win: refute the candidate and move its games to a refuted-round record.
            c.status = ChallengeStatus.Won;
            RefutedRound storage rd = _refuted[requestId][round];
            rd.submitter = r.submitter;
            rd.bond = r.candidateBond;
            rd.openChallenges = r.openChallenges;
            rd.winners = 1;
            uint64 windowEnd = uint64(block.timestamp + challengeWindow);
            r.submitter = c.challenger;
            r.candidateBond = c.bond;
            c.bond = 0;
            r.candidate = c.result;
            r.windowEnd = windowEnd;
            r.round = round + 1;
            r.openChallenges = 0;
            emit ChallengeWon(requestId, challengeIndex, c.challenger, true, windowEnd);
            if (rd.openChallenges == 0) _settle(requestId, round, rd);
        } else {
            RefutedRound storage rd = _refuted[requestId][round];
            rd.openChallenges -= 1;
            if (st == 1) {
                _lose(requestId, challengeIndex, c, rd.submitter);
            } else {
                c.status = ChallengeStatus.Won;
                rd.winners += 1;
                emit ChallengeWon(requestId, challengeIndex, c.challenger, false, 0);
            }
            if (rd.openChallenges == 0) _settle(requestId, round, rd);
        }
    }

    /// @notice Pays a won challenge once every game on the candidate it refuted has ended: its
    ///         bond (unless the bond now backs a candidate, the first winner's case) plus an equal
    ///         share of the refuted candidate's unburned bond. Anyone may call it; the credit goes
    ///         to the challenger.
    /// @param requestId The request.
    /// @param challengeIndex The challenge (status Won).
    function claimReward(uint256 requestId, uint256 challengeIndex) external {
        Challenge[] storage cs = _challenges[requestId];
        if (challengeIndex >= cs.length || cs[challengeIndex].status != ChallengeStatus.Won) {
            revert ChallengeNotWon(requestId, challengeIndex);
        }
        Challenge storage c = cs[challengeIndex];
        RefutedRound storage rd = _refuted[requestId][c.round];
        if (!rd.settled) revert RoundNotSettled(c.round, rd.openChallenges);
        c.status = ChallengeStatus.Rewarded;
        uint256 amount = uint256(c.bond) + rd.share;
        c.bond = 0;
        _credit(c.challenger, amount);
        emit RewardClaimed(requestId, challengeIndex, c.challenger, amount);
    }

    /// @dev A lost challenge: its bond is forfeited to the asserter, BURN_BPS burned.
    function _lose(uint256 requestId, uint256 challengeIndex, Challenge storage c, address asserter) internal {
        c.status = ChallengeStatus.Lost;
        uint256 bond = c.bond;
        c.bond = 0;
        uint256 burn = bond * BURN_BPS / 10_000;
        _burn(requestId, burn);
        _credit(asserter, bond - burn);
        emit ChallengeLost(requestId, challengeIndex, asserter);
    }

    /// @dev Splits a refuted candidate's bond once its last game has ended: BURN_BPS burned, the
    ///      rest shared equally by the winners; the division's remainder is burned too, so the
    ///      books balance to the wei.
    function _settle(uint256 requestId, uint32 round, RefutedRound storage rd) internal {
        uint256 pool = rd.bond;
        uint256 winners = rd.winners; // >= 1: a round is refuted by a win
        uint256 share = (pool - pool * BURN_BPS / 10_000) / winners;
        uint256 burn = pool - share * winners;
        rd.bond = 0;
        rd.share = uint128(share);
        rd.settled = true;
        _burn(requestId, burn);
        emit RoundSettled(requestId, round, uint32(winners), share, burn);
    }

    function _burn(uint256 requestId, uint256 amount) internal {
        if (amount == 0) return;
        totalBurned += amount;
        emit Burned(requestId, amount);
    }

    // ------------------------------------------------------------------ finalize

    /// @notice Finalizes a request whose window has passed with no open challenge on the current
    ///         candidate: credits fee and candidate bond to the submitter, then calls the callback
    ///         with exactly callbackGasLimit gas. A reverting or gas-exhausting callback does not
    ///         revert finalize (CallbackResult records success). The caller must send enough gas
    ///         for the callback's full limit, or finalize reverts InsufficientGasForCallback.
    /// @param requestId The request.
    function finalize(uint256 requestId) external nonReentrant {
        Request storage r = _requests[requestId];
        if (r.status != Status.Submitted) revert BadRequestStatus(requestId, r.status);
        if (block.timestamp < r.windowEnd) revert WindowOpen(r.windowEnd);
        if (r.openChallenges != 0) revert ChallengesOpen(r.openChallenges);

        r.status = Status.Finalized;
        uint256 fee = r.fee;
        uint256 bond = r.candidateBond;
        r.fee = 0;
        r.candidateBond = 0;
        address submitter = r.submitter;
        _credit(submitter, fee + bond);
        emit RequestFinalized(requestId, submitter, fee, bond);

        address cb = r.callback;
        if (cb != address(0)) {
            uint256 gasLimit = r.callbackGasLimit;
            // The output is copied out of storage (cold SLOADs, 2,100 gas a word) BEFORE the gas
            // check, so nothing but the CALL itself runs between the check and the call.
            bytes memory data = !r.generation
                ? abi.encodeCall(
                    IInferenceConsumer.onInferenceResult, (requestId, r.candidate.output, r.candidate.outputCommitment)
                )
                : abi.encodeCall(
                    IGenerationConsumer.onGenerationResult,
                    (requestId, generationTokens(requestId), r.candidate.outputCommitment)
                );
            // EIP-150 forwards at most 63/64 of what is left: refuse to call with less than the
            // callback's full limit available, so a finalizer cannot starve it.
            if (gasleft() < gasLimit + gasLimit / 63 + CALLBACK_GAS_RESERVE) revert InsufficientGasForCallback();
            bool ok;
            assembly ("memory-safe") {
                // No return data is copied (a callback cannot make finalize pay for a huge return).
                ok := call(gasLimit, cb, 0, add(data, 32), mload(data), 0, 0)
            }
            emit CallbackResult(requestId, cb, ok);
        }
    }

    // ------------------------------------------------------------------ withdraw

    /// @notice Sends the caller all its credits.
    function withdraw() external nonReentrant {
        uint256 amount = credits[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        credits[msg.sender] = 0;
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
        emit Withdrawn(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @notice A request's record (the current candidate included).
    /// @param requestId The request.
    /// @return The record.
    function getRequest(uint256 requestId) external view returns (Request memory) {
        return _requests[requestId];
    }

    /// @notice A challenge's record.
    /// @param requestId The request.
    /// @param challengeIndex The challenge.
    /// @return The record.
    function getChallenge(uint256 requestId, uint256 challengeIndex) external view returns (Challenge memory) {
        return _challenges[requestId][challengeIndex];
    }

    /// @notice Number of challenges ever opened on a request.
    /// @param requestId The request.
    /// @return The count.
    function challengeCount(uint256 requestId) external view returns (uint256) {
        return _challenges[requestId].length;
    }

    /// @notice A refuted candidate's record (all zero for a round that was never refuted).
    /// @param requestId The request.
    /// @param round The refuted candidate's round.
    /// @return The record.
    function getRefutedRound(uint256 requestId, uint32 round) external view returns (RefutedRound memory) {
        return _refuted[requestId][round];
    }

    // ------------------------------------------------------------------ commitments

    /// @notice Tensor commitment of an encoding (docs/models.md 2): the encoding is split into
    ///         1024-byte chunks, the last zero-padded, leaf = keccak(chunk), commitment = Merkle
    ///         root of the leaves (docs/models.md 1). Reverts EmptyTensor for empty input.
    /// @param enc The encoding.
    /// @return The commitment.
    function tensorCommitment(bytes calldata enc) public pure returns (bytes32) {
        uint256 len = enc.length;
        if (len == 0) revert EmptyTensor();
        uint256 n = (len + 1023) / 1024;
        bytes32[] memory leaves = new bytes32[](n);
        assembly ("memory-safe") {
            let buf := mload(0x40)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                let off := mul(i, 1024)
                let l := sub(len, off)
                if gt(l, 1024) { l := 1024 }
                calldatacopy(buf, add(enc.offset, off), l)
                // zero the rest: copying from past the end of calldata yields zeros
                calldatacopy(add(buf, l), calldatasize(), sub(1024, l))
                mstore(add(add(leaves, 32), mul(i, 32)), keccak256(buf, 1024))
            }
        }
        return merkleRoot(leaves);
    }

    /// @notice Merkle root of docs/models.md 1: leaves padded to a power of two with zero
    ///         hashes, inner node keccak(left ‖ right), one leaf is its own root, none is zero.
    /// @param leaves The leaves; overwritten.
    /// @return The root.
    function merkleRoot(bytes32[] memory leaves) public pure returns (bytes32) {
        return _rootOfPrefix(leaves, leaves.length);
    }

    /// @notice S_0 of a request (docs/protocol.md 6.2, docs/models.md 4): keccak(modelRoot ‖
    ///         activationsRoot_0), activationsRoot_0 the Merkle root over the I + graphSize slots
    ///         with the I input commitments set and every node slot zero.
    /// @param modelRoot The registered model root.
    /// @param inputCommits The input tensor commitments (I of them); overwritten.
    /// @param graphSize The number of graph nodes n.
    /// @return S_0.
    function initialState(bytes32 modelRoot, bytes32[] memory inputCommits, uint256 graphSize)
        public
        pure
        returns (bytes32)
    {
        bytes32 act = _rootOfPrefix(inputCommits, inputCommits.length + graphSize);
        return keccak256(abi.encodePacked(modelRoot, act));
    }

    /// @dev Root over `total` leaves whose first prefix.length are given and the rest zero,
    ///      in O(prefix + depth) hashes: zero subtrees are hashed once per level.
    function _rootOfPrefix(bytes32[] memory prefix, uint256 total) internal pure returns (bytes32) {
        if (total == 0) return bytes32(0);
        if (total == 1) return prefix.length == 1 ? prefix[0] : bytes32(0);
        uint256 m = prefix.length; // non-zero leaves at this level
        bytes32 zero; // root of an all-zero subtree at this level
        uint256 width = 1;
        while (width < total) {
            uint256 half = (m + 1) / 2;
            for (uint256 i = 0; i < half; i++) {
                bytes32 left = prefix[2 * i];
                bytes32 right = 2 * i + 1 < m ? prefix[2 * i + 1] : zero;
                prefix[i] = _hashPair(left, right);
            }
            m = half;
            zero = _hashPair(zero, zero);
            width <<= 1;
        }
        return m == 0 ? zero : prefix[0];
    }

    function _hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0, a)
            mstore(32, b)
            h := keccak256(0, 64)
        }
    }

    /// @dev Depth of the slot tree: ceil(log2(numSlots)), 0 for one slot.
    function _depth(uint256 numSlots) internal pure returns (uint256 d) {
        while ((uint256(1) << d) < numSlots) d++;
    }

    /// @notice Length of the canonical tensor encoding (docs/models.md 2) that starts at byte 0
    ///         of `b`, read from its header: 20 + 4·rank + elements·size. Reverts
    ///         NonCanonicalTensor(0) on a wrong magic, version, dtype or flags, a rank above 8, a
    ///         truncated header, a dimension or element count above 2^28, or fewer bytes than the
    ///         header asks for. Bytes after the tensor are not looked at.
    /// @param b The bytes.
    /// @return The tensor's encoded length.
    function tensorLength(bytes calldata b) external pure returns (uint256) {
        return _tensorLength(b, 0);
    }

    /// @dev tensorLength of the tensor starting at b[off:], reverting NonCanonicalTensor(off).
    function _tensorLength(bytes calldata b, uint256 off) internal pure returns (uint256 len) {
        uint256 avail = b.length - off; // off < b.length is checked by callers or is 0
        if (avail < 20) revert NonCanonicalTensor(off);
        uint256 w = uint256(bytes32(b[off:off + 20])); // left-aligned: byte 0 at bits 255..248
        uint256 dtype = (w >> 208) & 0xff;
        uint256 rank = (w >> 200) & 0xff;
        // magic "AIVT", version 1, dtype 1..3, rank <= 8, flags 0
        if (
            w >> 224 != 0x41495654 || (w >> 216) & 0xff != 1 || dtype == 0 || dtype > 3 || rank > 8
                || (w >> 192) & 0xff != 0
        ) revert NonCanonicalTensor(off);
        uint256 hdr = 20 + 4 * rank;
        if (avail < hdr) revert NonCanonicalTensor(off);
        uint256 n = 1;
        for (uint256 i = 0; i < rank; i++) {
            uint256 o = off + 20 + 4 * i;
            uint256 d = uint256(uint8(b[o])) | uint256(uint8(b[o + 1])) << 8 | uint256(uint8(b[o + 2])) << 16
                | uint256(uint8(b[o + 3])) << 24; // little-endian u32
            if (d > MAX_ELEMENTS) revert NonCanonicalTensor(off);
            n *= d;
            if (n > MAX_ELEMENTS) revert NonCanonicalTensor(off);
        }
        len = hdr + n * (dtype == 3 ? 4 : 1);
        if (avail < len) revert NonCanonicalTensor(off);
    }

    /// @dev Requires `b` to be exactly one canonical tensor encoding.
    function _requireOneTensor(bytes calldata b) internal pure {
        if (_tensorLength(b, 0) != b.length) revert NonCanonicalTensor(0);
    }

    /// @dev The 6.3 binding rule for a posted result: the final state opens to activationsRoot,
    ///      `output` is exactly k canonical tensor encodings back to back (k = the number of
    ///      bound slots), tensor i's commitment sits at bound slot i under activationsRoot, and
    ///      outputCommitment is the Merkle root of the k commitments (for k = 1, the commitment).
    function _checkResult(
        Request storage r,
        bytes calldata output,
        bytes32 outputCommitment,
        bytes32 finalState,
        bytes32 activationsRoot,
        bytes32[] calldata slotPath
    ) internal view {
        if (output.length > MAX_OUTPUT_BYTES) {
            revert OutputTooLarge(output.length, MAX_OUTPUT_BYTES);
        }
        if (keccak256(abi.encodePacked(r.modelRoot, activationsRoot)) != finalState) revert FinalStateMismatch();
        uint32[] memory slots;
        if (r.aggregation == AGG_OUTPUTS) {
            (,,,, slots) = registry.resultShape(r.kernelId);
        } else {
            slots = new uint32[](1);
            slots[0] = r.outputSlot;
        }
        uint256 d = _depth(r.numSlots);
        if (slotPath.length != d * slots.length) revert SlotProofInvalid();
        bytes32[] memory commits = new bytes32[](slots.length);
        uint256 off;
        for (uint256 k = 0; k < slots.length; k++) {
            if (off >= output.length) revert NonCanonicalTensor(off);
            uint256 len = _tensorLength(output, off);
            bytes32 h = tensorCommitment(output[off:off + len]);
            commits[k] = h;
            off += len;
            uint256 idx = slots[k];
            for (uint256 i = k * d; i < (k + 1) * d; i++) {
                h = (idx & 1) == 0 ? _hashPair(h, slotPath[i]) : _hashPair(slotPath[i], h);
                idx >>= 1;
            }
            if (h != activationsRoot) revert SlotProofInvalid();
        }
        if (off != output.length) revert NonCanonicalTensor(off);
        if (merkleRoot(commits) != outputCommitment) revert OutputCommitmentMismatch();
    }

    function _credit(address to, uint256 amount) internal {
        if (amount == 0) return;
        credits[to] += amount;
        emit Credited(to, amount);
    }
}
// forge-lint: disable-end(block-timestamp)
// forge-lint: disable-end(unsafe-typecast)
