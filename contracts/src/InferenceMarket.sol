// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KernelRegistry} from "./KernelRegistry.sol";
import {IDisputeGame} from "./interfaces/IDisputeGame.sol";

/// @title IInferenceConsumer
/// @notice What a requester's callback contract implements (docs/protocol.md 6.5).
interface IInferenceConsumer {
    /// @notice Called once by InferenceMarket.finalize with the finalized result.
    /// @param requestId The request.
    /// @param output The posted output bytes (a canonical tensor encoding, docs/models.md 2).
    /// @param outputCommitment The tensor commitment of output.
    function onInferenceResult(uint256 requestId, bytes calldata output, bytes32 outputCommitment) external;
}

/// @title InferenceMarket
/// @notice Optimistic inference requests (docs/protocol.md 6). A requester pays a fee and posts
///         the input tensors; a submitter posts a result with a bond, bound to its claimed final
///         graph state S_n by a Merkle path of the requested output slot; during a challenge window
///         anyone may post a competing result with a bond, which opens a 1-vs-1 IDisputeGame
///         against the candidate (one game per challenger). When the window has passed and no
///         challenge is open, anyone may finalize: the submitter is credited fee and bond and the
///         requester's callback is called with a gas cap (its failure never blocks finalization).
///         All payouts are credits withdrawn with withdraw() (pull payments). No owner powers.
///         Invariant: address(this).balance == sum of credits + held bonds + unpaid fees.
// Why the lint pragmas: every narrowing cast is bounded before it is made (fee and bonds checked
// against uint128 max, slots against graphSize + MAX_INPUTS < 2^32, timestamps + a uint32 window fit
// uint64); windows and timeouts are in seconds of block.timestamp by design (hours to days), so a
// validator's few seconds of drift do not matter.
// forge-lint: disable-start(unsafe-typecast)
// forge-lint: disable-start(block-timestamp)
contract InferenceMarket {
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
        Won, // challenger won: its result replaced the candidate, its bond became the candidate bond
        Lost, // asserter won: the bond was credited to the submitter
        Closed // its candidate was replaced by another challenger: bond refunded
    }

    /// @notice A posted result (the candidate or a challenger's).
    /// @param outputCommitment The tensor commitment of the output (docs/models.md 2).
    /// @param finalState The claimed final graph state S_n.
    /// @param output The output bytes (a canonical tensor encoding).
    struct Result {
        bytes32 outputCommitment;
        bytes32 finalState;
        bytes output;
    }

    /// @notice An inference request.
    struct Request {
        address requester;
        uint32 graphSize;
        uint32 numSlots;
        uint32 outputSlot;
        Status status;
        address callback;
        uint32 callbackGasLimit;
        uint64 createdAt;
        uint128 fee;
        bytes32 kernelId;
        bytes32 modelRoot;
        bytes32 initialState; // S_0, computed on chain
        // candidate
        address submitter;
        uint64 windowEnd;
        uint32 round; // incremented each time the candidate is replaced
        uint32 openChallenges; // open challenges against the current round
        uint128 candidateBond;
        Result candidate;
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
    /// @notice Bond a submitter posts with submitResult, in wei.
    uint256 public immutable submitterBond;
    /// @notice Bond a challenger posts with challenge, in wei.
    uint256 public immutable challengerBond;
    /// @notice Length of a challenge window, in seconds, from a candidate's submission.
    uint256 public immutable challengeWindow;
    /// @notice Time after which a request with no submitted result may be cancelled, in seconds.
    uint256 public immutable requestTimeout;
    /// @notice Largest callback gas limit a request may ask for.
    uint256 public immutable maxCallbackGas;

    /// @notice Gas kept aside when checking that finalize was given enough gas for the callback.
    uint256 public constant CALLBACK_GAS_RESERVE = 40_000;
    /// @notice Most input tensors per request (the graph IR allows 256 inputs).
    uint256 public constant MAX_INPUTS = 256;
    /// @notice Most slots (inputs + nodes) a slot path may address: 2^32.
    uint256 public constant MAX_SLOT_DEPTH = 32;

    /// @notice Number of requests made; request ids are 1..requestCount.
    uint256 public requestCount;
    /// @notice Withdrawable balance per address.
    mapping(address => uint256) public credits;

    mapping(uint256 => Request) internal _requests;
    mapping(uint256 => Challenge[]) internal _challenges;

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
        bytes[] inputs
    );
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
    /// @notice A challenge's game was won by the submitter; the challenger's bond was credited to it.
    event ChallengeLost(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed submitter);
    /// @notice A challenge's game was won by the challenger: the submitter's bond was credited to
    ///         the challenger and its result became the candidate with a fresh window.
    event ChallengeWon(
        uint256 indexed requestId, uint256 indexed challengeIndex, address indexed challenger, uint64 windowEnd
    );
    /// @notice A challenge was closed because its candidate had been replaced; its bond was refunded.
    event ChallengeClosed(uint256 indexed requestId, uint256 indexed challengeIndex, address indexed challenger);
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
    /// @notice The kernel's aggregation rule is not supported by the market yet (AGG_OUTPUTS).
    error UnsupportedAggregation(uint8 aggregation);
    /// @notice The number of inputs is zero or above MAX_INPUTS.
    error InvalidInputCount(uint256 count);
    /// @notice An input tensor is empty.
    error EmptyTensor();
    /// @notice The output slot is not a node slot (inputs <= slot < inputs + graphSize).
    error InvalidOutputSlot(uint32 slot);
    /// @notice The callback gas limit is above maxCallbackGas.
    error CallbackGasTooHigh(uint256 limit, uint256 max);
    /// @notice No request with this id, or it is in the wrong status for this call.
    error BadRequestStatus(uint256 requestId, Status status);
    /// @notice msg.value is not the required bond.
    error WrongBond(uint256 sent, uint256 required);
    /// @notice keccak(modelRoot ‖ activationsRoot) is not the claimed final state.
    error FinalStateMismatch();
    /// @notice The output commitment's slot path does not lead to activationsRoot.
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
    /// @param requestTimeout_ Time after which an unanswered request can be cancelled (seconds), > 0.
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
                || challengeWindow_ == 0 || challengeWindow_ > type(uint32).max || requestTimeout_ == 0
                || requestTimeout_ > type(uint32).max || maxCallbackGas_ > 10_000_000
        ) revert InvalidConfig();
        registry = registry_;
        game = game_;
        submitterBond = submitterBond_;
        challengerBond = challengerBond_;
        challengeWindow = challengeWindow_;
        requestTimeout = requestTimeout_;
        maxCallbackGas = maxCallbackGas_;
    }

    // ------------------------------------------------------------------ request

    /// @notice Requests an inference of a registered kernel, paying msg.value as the fee.
    /// @dev The input tensors are committed on chain (tensor commitment, docs/models.md 2) and the
    ///      initial graph state S_0 is derived from them and the kernel's model root (6.2). The
    ///      tensors themselves are only emitted, for submitters to fetch.
    /// @param kernelId A registered kernel id (aggregation argmax or logits).
    /// @param inputs The canonical encodings of the graph's input tensors, in input order.
    /// @param outputSlot The activation slot of the graph output the aggregation rule names
    ///        (docs/protocol.md 6.3), read by the requester from the model's graph header.
    /// @param callback The contract to call with the result (address(0): none).
    /// @param callbackGasLimit Gas given to the callback, at most maxCallbackGas.
    /// @return requestId The new request's id.
    function requestInference(
        bytes32 kernelId,
        bytes[] calldata inputs,
        uint32 outputSlot,
        address callback,
        uint32 callbackGasLimit
    ) external payable returns (uint256 requestId) {
        if (msg.value == 0 || msg.value > type(uint128).max) revert InvalidFee();
        if (callbackGasLimit > maxCallbackGas) revert CallbackGasTooHigh(callbackGasLimit, maxCallbackGas);
        requestId = ++requestCount;
        Request storage r = _requests[requestId];
        _initRequest(r, kernelId, inputs, outputSlot);
        r.requester = msg.sender;
        r.status = Status.Open;
        r.callback = callback;
        r.callbackGasLimit = callbackGasLimit;
        r.createdAt = uint64(block.timestamp);
        r.fee = uint128(msg.value);
        _emitRequested(requestId, r, inputs);
    }

    /// @dev Reads the kernel, checks the inputs and the output slot, stores S_0.
    function _initRequest(Request storage r, bytes32 kernelId, bytes[] calldata inputs, uint32 outputSlot) internal {
        KernelRegistry.Kernel memory k = registry.getKernel(kernelId);
        if (k.aggregation != registry.AGG_ARGMAX() && k.aggregation != registry.AGG_LOGITS()) {
            revert UnsupportedAggregation(k.aggregation);
        }
        uint256 ni = inputs.length;
        if (ni == 0 || ni > MAX_INPUTS) revert InvalidInputCount(ni);
        uint256 numSlots = ni + k.graphSize;
        if (outputSlot < ni || outputSlot >= numSlots) revert InvalidOutputSlot(outputSlot);
        bytes32[] memory commits = new bytes32[](ni);
        for (uint256 i = 0; i < ni; i++) {
            commits[i] = tensorCommitment(inputs[i]);
        }
        r.kernelId = kernelId;
        r.modelRoot = k.modelRoot;
        r.graphSize = k.graphSize;
        r.numSlots = uint32(numSlots);
        r.outputSlot = outputSlot;
        r.initialState = initialState(k.modelRoot, commits, k.graphSize);
    }

    function _emitRequested(uint256 requestId, Request storage r, bytes[] calldata inputs) internal {
        emit InferenceRequested(
            requestId,
            r.kernelId,
            r.requester,
            r.fee,
            r.initialState,
            r.outputSlot,
            r.callback,
            r.callbackGasLimit,
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
    ///         candidate and the challenge window starts. The output is bound to the claimed final
    ///         state (6.3): keccak(modelRoot ‖ activationsRoot) == finalState, outputCommitment sits
    ///         at the request's output slot under activationsRoot, and output has that commitment.
    /// @param requestId The request (status Open).
    /// @param output The output tensor's canonical encoding.
    /// @param outputCommitment Its tensor commitment.
    /// @param finalState The claimed final graph state S_n.
    /// @param activationsRoot The activations root of S_n.
    /// @param slotPath The Merkle path (bottom-up) of the output slot under activationsRoot.
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
        if (msg.value != submitterBond) revert WrongBond(msg.value, submitterBond);
        _checkResult(r, output, outputCommitment, finalState, activationsRoot, slotPath);

        uint64 windowEnd = uint64(block.timestamp + challengeWindow);
        r.status = Status.Submitted;
        r.submitter = msg.sender;
        r.windowEnd = windowEnd;
        r.candidateBond = uint128(msg.value);
        r.candidate = Result(outputCommitment, finalState, output);
        emit ResultSubmitted(requestId, msg.sender, outputCommitment, finalState, windowEnd, output);
    }

    // ------------------------------------------------------------------ challenge

    /// @notice Disputes the candidate with the caller's own result and msg.value == challengerBond.
    ///         Opens a game in `game` with asserter = candidate submitter and challenger = caller,
    ///         from S_0 to the candidate's S_n. The caller's result is checked like a submission,
    ///         since it becomes the candidate if the caller wins.
    /// @param requestId The request (status Submitted, window open).
    /// @param output The challenger's output tensor encoding.
    /// @param outputCommitment Its tensor commitment.
    /// @param finalState The challenger's final graph state S_n'; must differ from the candidate's.
    /// @param activationsRoot The activations root of S_n'.
    /// @param slotPath The Merkle path of the output slot under activationsRoot.
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

    /// @notice Settles an open challenge from its game's status. Anyone may call it.
    ///         - Its candidate was already replaced: closed, bond refunded to the challenger.
    ///         - Asserter won: the challenger's bond is credited to the candidate's submitter.
    ///         - Challenger won: the candidate bond is credited to the challenger, its result
    ///           becomes the candidate with a fresh window (its own bond now backs it), and every
    ///           other open challenge of the old candidate is closed (refundable through this
    ///           function; they no longer block finalization).
    /// @param requestId The request.
    /// @param challengeIndex The challenge.
    function resolveChallenge(uint256 requestId, uint256 challengeIndex) external {
        Challenge[] storage cs = _challenges[requestId];
        if (challengeIndex >= cs.length) revert ChallengeNotOpen(requestId, challengeIndex);
        Challenge storage c = cs[challengeIndex];
        if (c.status != ChallengeStatus.Open) revert ChallengeNotOpen(requestId, challengeIndex);
        Request storage r = _requests[requestId];

        if (c.round != r.round) {
            // Stale: the candidate it disputed was replaced (and is no longer counted as open).
            c.status = ChallengeStatus.Closed;
            uint256 refund = c.bond;
            c.bond = 0;
            _credit(c.challenger, refund);
            emit ChallengeClosed(requestId, challengeIndex, c.challenger);
            return;
        }

        uint8 st = game.status(c.gameId);
        if (st == 0) revert GameInProgress(c.gameId);
        if (st == 1) {
            c.status = ChallengeStatus.Lost;
            r.openChallenges -= 1;
            uint256 bond = c.bond;
            c.bond = 0;
            _credit(r.submitter, bond);
            emit ChallengeLost(requestId, challengeIndex, r.submitter);
        } else if (st == 2) {
            c.status = ChallengeStatus.Won;
            uint256 slashed = r.candidateBond;
            _credit(c.challenger, slashed);
            // The winner's result becomes the candidate, backed by its challenge bond.
            uint64 windowEnd = uint64(block.timestamp + challengeWindow);
            r.submitter = c.challenger;
            r.candidateBond = c.bond;
            c.bond = 0;
            r.candidate = c.result;
            r.windowEnd = windowEnd;
            r.round += 1;
            r.openChallenges = 0;
            emit ChallengeWon(requestId, challengeIndex, c.challenger, windowEnd);
        } else {
            revert BadGameStatus(st);
        }
    }

    // ------------------------------------------------------------------ finalize

    /// @notice Finalizes a request whose window has passed with no open challenge: credits fee and
    ///         candidate bond to the submitter, then calls the callback with callbackGasLimit gas.
    ///         A reverting or gas-exhausting callback does not revert finalize (CallbackResult
    ///         records success). The caller must send enough gas for the callback's limit.
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
            // EIP-150: at most 63/64 of the remaining gas is forwarded; make sure the callback can
            // get its full limit, so a finalizer cannot make it fail by sending too little gas.
            if (gasleft() < gasLimit + gasLimit / 63 + CALLBACK_GAS_RESERVE) revert InsufficientGasForCallback();
            bytes memory data = abi.encodeCall(
                IInferenceConsumer.onInferenceResult, (requestId, r.candidate.output, r.candidate.outputCommitment)
            );
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

    /// @notice A request's record (the candidate included).
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

    /// @dev The 6.3 binding rule for a posted result.
    function _checkResult(
        Request storage r,
        bytes calldata output,
        bytes32 outputCommitment,
        bytes32 finalState,
        bytes32 activationsRoot,
        bytes32[] calldata slotPath
    ) internal view {
        if (keccak256(abi.encodePacked(r.modelRoot, activationsRoot)) != finalState) revert FinalStateMismatch();
        if (slotPath.length != _depth(r.numSlots)) revert SlotProofInvalid();
        bytes32 h = outputCommitment;
        uint256 idx = r.outputSlot;
        for (uint256 i = 0; i < slotPath.length; i++) {
            h = (idx & 1) == 0 ? _hashPair(h, slotPath[i]) : _hashPair(slotPath[i], h);
            idx >>= 1;
        }
        if (h != activationsRoot) revert SlotProofInvalid();
        if (tensorCommitment(output) != outputCommitment) revert OutputCommitmentMismatch();
    }

    function _credit(address to, uint256 amount) internal {
        if (amount == 0) return;
        credits[to] += amount;
        emit Credited(to, amount);
    }
}
// forge-lint: disable-end(block-timestamp)
// forge-lint: disable-end(unsafe-typecast)
