// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Output-slot lists for test kernels registered with one graph input: every graph
///         output is the last node (slot n), so argmax (output 0) and logits (output 1) both bind
///         slot n, as the tests' traces expect.
library Slots {
    function lastNode(uint32 n, uint8 aggregation) internal pure returns (uint32[] memory s) {
        s = new uint32[](aggregation == 2 ? 2 : 1);
        for (uint256 i = 0; i < s.length; i++) s[i] = n;
    }
}
