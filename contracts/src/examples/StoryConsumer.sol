// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {InferenceMarket, IGenerationConsumer} from "../InferenceMarket.sol";

/// @title StoryConsumer
/// @notice Example generation consumer (issue 17): asks an InferenceMarket for a text generation
///         and stores the tokens it receives by callback. Decoding the tokens to text is the
///         tokenizer's job, off chain (the kernel's model carries it as a blob).
contract StoryConsumer is IGenerationConsumer {
    /// @notice Gas the market gives the callback: one new storage slot per 8 tokens (about 22k
    ///         gas each under today's mainnet rules) plus the array bookkeeping, about 200k for 64
    ///         tokens; 450k leaves a margin and stays under the devnet market's 500k maxCallbackGas.
    uint32 public constant CALLBACK_GAS = 450_000;

    /// @notice The market requests go to.
    InferenceMarket public immutable market;
    /// @notice The generation kernel id.
    bytes32 public immutable kernelId;

    /// @notice Tokens received, by request id.
    mapping(uint256 => uint32[]) internal _stories;
    /// @notice Whether a request's tokens arrived.
    mapping(uint256 => bool) public done;

    /// @notice A story was requested.
    event StoryRequested(uint256 indexed requestId, address indexed by);
    /// @notice A story arrived.
    event StoryReceived(uint256 indexed requestId, uint256 tokens, bytes32 outputCommitment);

    /// @notice The callback did not come from the market.
    error NotMarket();

    /// @param market_ The market.
    /// @param kernelId_ The registered generation kernel.
    constructor(InferenceMarket market_, bytes32 kernelId_) {
        market = market_;
        kernelId = kernelId_;
    }

    /// @notice Requests a story, paying msg.value as the fee.
    /// @param promptTokens The prompt, exactly the kernel's prompt window.
    /// @param maxTokens Tokens to generate at most.
    /// @param sampling The decoding settings.
    /// @return requestId The market's request id.
    function tell(uint32[] calldata promptTokens, uint32 maxTokens, InferenceMarket.Sampling calldata sampling)
        external
        payable
        returns (uint256 requestId)
    {
        requestId = market.requestGeneration{value: msg.value}(
            kernelId, promptTokens, maxTokens, sampling, address(this), CALLBACK_GAS
        );
        emit StoryRequested(requestId, msg.sender);
    }

    /// @notice Market callback: stores the tokens.
    /// @param requestId The request.
    /// @param tokens The generated tokens.
    /// @param outputCommitment The committed token tensor's commitment.
    function onGenerationResult(uint256 requestId, uint32[] calldata tokens, bytes32 outputCommitment) external {
        if (msg.sender != address(market)) revert NotMarket();
        _stories[requestId] = tokens;
        done[requestId] = true;
        emit StoryReceived(requestId, tokens.length, outputCommitment);
    }

    /// @notice The tokens of a finished request (empty if none yet).
    /// @param requestId The request.
    /// @return The tokens.
    function story(uint256 requestId) external view returns (uint32[] memory) {
        return _stories[requestId];
    }
}
