// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IDisputeGame} from "../src/interfaces/IDisputeGame.sol";
import {InferenceMarket, IInferenceConsumer} from "../src/InferenceMarket.sol";

/// @notice Cheatcodes the market tests need beyond contracts/test/lib/Vm.sol.
interface VmMarket {
    function warp(uint256 timestamp) external;
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function deal(address account, uint256 newBalance) external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 selector) external;
    function expectRevert() external;
    function expectEmit(address emitter) external;
    function assume(bool condition) external pure;
}

/// @notice TEST DOUBLE for IDisputeGame: records every create and lets the test set each game's
///         status directly. It plays no game at all: the market's unit and invariant tests use it
///         to reach every outcome cheaply. MarketGameIntegration.t.sol wires the market to the real
///         contracts/src/DisputeGame.sol instead.
contract TestGame is IDisputeGame {
    struct Created {
        bytes32 kernelId;
        bytes32 initialState;
        bytes32 claimedFinalState;
        uint32 graphSize;
        address asserter;
        address challenger;
    }

    Created[] public games;
    mapping(uint256 => uint8) public statusOf;

    function create(
        bytes32 kernelId,
        bytes32 initialState,
        bytes32 claimedFinalState,
        uint32 graphSize,
        address asserter,
        address challenger
    ) external returns (uint256 gameId) {
        gameId = games.length;
        games.push(Created(kernelId, initialState, claimedFinalState, graphSize, asserter, challenger));
    }

    function status(uint256 gameId) external view returns (uint8) {
        return statusOf[gameId];
    }

    /// @notice Test control: set a game's outcome (0 in progress, 1 asserter, 2 challenger).
    function setStatus(uint256 gameId, uint8 s) external {
        statusOf[gameId] = s;
    }

    function count() external view returns (uint256) {
        return games.length;
    }

    function get(uint256 gameId) external view returns (Created memory) {
        return games[gameId];
    }
}

/// @notice Callback that records what it receives.
contract RecordingConsumer is IInferenceConsumer {
    uint256 public calls;
    uint256 public lastRequest;
    bytes public lastOutput;
    bytes32 public lastCommitment;

    function onInferenceResult(uint256 requestId, bytes calldata output, bytes32 outputCommitment) external {
        calls++;
        lastRequest = requestId;
        lastOutput = output;
        lastCommitment = outputCommitment;
    }
}

/// @notice Callback that always reverts.
contract RevertingConsumer is IInferenceConsumer {
    function onInferenceResult(uint256, bytes calldata, bytes32) external pure {
        revert("no");
    }
}

/// @notice Callback that burns all the gas it is given.
contract GasBurningConsumer is IInferenceConsumer {
    function onInferenceResult(uint256, bytes calldata, bytes32) external pure {
        while (true) {}
    }
}

/// @notice Callback that returns a huge blob (return-data bomb).
contract ReturnBombConsumer {
    fallback() external {
        assembly {
            return(0, 1000000)
        }
    }
}

/// @notice An account that re-enters the market from its receive hook and its callback.
contract Reentrant is IInferenceConsumer {
    InferenceMarket public market;
    uint256 public reenterFinalize;
    bool public withdrawBlocked;
    bool public finalizeBlocked;
    uint256 public received;

    constructor(InferenceMarket m) {
        market = m;
    }

    function setFinalizeTarget(uint256 id) external {
        reenterFinalize = id;
    }

    function doWithdraw() external {
        market.withdraw();
    }

    receive() external payable {
        received += msg.value;
        // try to withdraw again while the first withdraw is in progress
        try market.withdraw() {} catch {
            withdrawBlocked = true;
        }
    }

    function onInferenceResult(uint256 requestId, bytes calldata, bytes32) external {
        try market.finalize(requestId) {} catch {
            finalizeBlocked = true;
        }
    }
}

/// @notice Slot trees of docs/models.md 1 and 4 built in memory, for test fixtures.
library SlotTree {
    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(a, b));
    }

    function padded(uint256 n) internal pure returns (uint256 p) {
        p = 1;
        while (p < n) p <<= 1;
    }

    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        if (leaves.length == 0) return bytes32(0);
        uint256 p = padded(leaves.length);
        bytes32[] memory level = new bytes32[](p);
        for (uint256 i = 0; i < leaves.length; i++) level[i] = leaves[i];
        while (p > 1) {
            for (uint256 i = 0; i < p / 2; i++) level[i] = hashPair(level[2 * i], level[2 * i + 1]);
            p /= 2;
        }
        return level[0];
    }

    function proof(bytes32[] memory leaves, uint256 idx) internal pure returns (bytes32[] memory path) {
        uint256 p = padded(leaves.length);
        uint256 d;
        while ((uint256(1) << d) < p) d++;
        path = new bytes32[](d);
        bytes32[] memory level = new bytes32[](p);
        for (uint256 i = 0; i < leaves.length; i++) level[i] = leaves[i];
        for (uint256 h = 0; h < d; h++) {
            path[h] = level[idx ^ 1];
            for (uint256 i = 0; i < p / 2; i++) level[i] = hashPair(level[2 * i], level[2 * i + 1]);
            p /= 2;
            idx >>= 1;
        }
    }

    /// @dev Reference tensor commitment (byte-by-byte, slow but obviously right).
    function tensorCommit(bytes memory enc) internal pure returns (bytes32) {
        uint256 n = (enc.length + 1023) / 1024;
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 c = 0; c < n; c++) {
            bytes memory chunk = new bytes(1024);
            for (uint256 j = 0; j < 1024 && c * 1024 + j < enc.length; j++) chunk[j] = enc[c * 1024 + j];
            leaves[c] = keccak256(chunk);
        }
        return root(leaves);
    }
}
