// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IDisputeGame
/// @notice What the InferenceMarket relies on from the dispute game (docs/protocol.md 5).
interface IDisputeGame {
    /// @notice Opens a game: asserter (the submitter) claims finalState S_n for a request; challenger disputes it.
    function create(
        bytes32 kernelId,
        bytes32 initialState, /*S_0 computed by the market*/
        bytes32 claimedFinalState,
        uint32 graphSize,
        address asserter,
        address challenger
    ) external returns (uint256 gameId);

    /// @notice 0 = in progress, 1 = asserter won, 2 = challenger won.
    function status(uint256 gameId) external view returns (uint8);
}
