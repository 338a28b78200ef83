// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IPreimageOracle
/// @notice The read side of the AIVM preimage oracle that MIPS.step consults (docs/protocol.md 1.9).
interface IPreimageOracle {
    /// @notice Reads 32 bytes of the preimage stream `u64be(len(P)) ‖ P` of `key` starting at `offset`.
    /// @param key The (already localized, for local keys) preimage key.
    /// @param offset Byte offset into the stream.
    /// @return dat The stream bytes `[offset, offset + 32)`, zero-padded past the end.
    /// @return datLen How many of those bytes exist: `min(32, len(stream) - offset)`, 0 at EOF.
    function readPreimage(bytes32 key, uint256 offset) external view returns (bytes32 dat, uint256 datLen);

    /// @notice Localizes a local-data key (type 1) to a caller and a context (docs/protocol.md 1.9).
    /// @param key The raw key; its byte 0 is replaced, so any type is accepted here.
    /// @param account The address the data is namespaced to (the caller of MIPS.step).
    /// @param localContext The caller-chosen 32-byte context.
    /// @return localizedKey `keccak(key ‖ keccak(caller ‖ localContext))` with byte 0 set to 1.
    function localizeKey(bytes32 key, address account, bytes32 localContext)
        external
        pure
        returns (bytes32 localizedKey);
}
