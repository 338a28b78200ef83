// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice The few Foundry cheatcodes these tests use (forge-std is not available here).
interface Vm {
    function expectRevert() external;
    function expectRevert(bytes4 selector) external;
    function expectRevert(bytes calldata revertData) external;
    function prank(address sender) external;
    function deal(address account, uint256 newBalance) external;
    function assume(bool condition) external pure;
    function expectEmit() external;
    function expectEmit(address emitter) external;
    function getCode(string calldata artifactPath) external view returns (bytes memory);
}

/// @notice Minimal test base: the cheatcode handle and assertions that revert with context.
abstract contract TestBase {
    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    error AssertionFailed(string what, bytes32 got, bytes32 want);

    function assertEq(bytes32 got, bytes32 want, string memory what) internal pure {
        if (got != want) revert AssertionFailed(what, got, want);
    }

    function assertEq(uint256 got, uint256 want, string memory what) internal pure {
        if (got != want) revert AssertionFailed(what, bytes32(got), bytes32(want));
    }

    function assertTrue(bool ok, string memory what) internal pure {
        if (!ok) revert AssertionFailed(what, bytes32(0), bytes32(uint256(1)));
    }
}
