// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IPreimageOracle} from "./interfaces/IPreimageOracle.sol";

/// @title PreimageOracle
/// @notice Serves preimage data to MIPS.step (docs/protocol.md 1.9). It stores 32-byte parts of
///         preimage streams `u64be(len(P)) ‖ P` and accepts only data that matches its key:
///         - keccak keys (type 2): `key = keccak(P)` with byte 0 set to 2, checked on load;
///         - local keys (type 1): namespaced to the loading caller and a context, so a caller
///           can only ever define data under its own localized keys.
///         There are no owner powers and nothing can be deleted; a part, once loaded for a keccak
///         key, can only be reloaded with identical content.
contract PreimageOracle is IPreimageOracle {
    /// @notice Largest preimage accepted, in bytes (128 KiB).
    /// @dev Why this value: loading any part hashes the whole preimage from calldata, so the cap
    ///      bounds the cost of one load transaction. 128 KiB of non-zero bytes costs about 5.26 M
    ///      gas at the EIP-7623 calldata floor (10 gas per token, 4 tokens per non-zero byte, plus
    ///      21,000), well under the 2^24 per-transaction gas cap of EIP-7825. The kernel's inputs
    ///      are 64-byte Merkle pairs, 1 KiB tensor chunks and node descriptions of at most 836
    ///      bytes; the graph header is the only preimage that grows with the model (about 50 bytes
    ///      per weight tensor), and 128 KiB leaves room for thousands of tensors. Kernel builds
    ///      refuse models whose header is larger (Go mirror: vm.MaxPreimageSize;
    ///      docs/protocol.md 1.9), because a step reading it could never be proven here.
    uint256 public constant MAX_PREIMAGE_SIZE = 131072;

    /// @notice Key type byte of local data keys.
    uint8 public constant LOCAL_KEY_TYPE = 1;
    /// @notice Key type byte of keccak keys.
    uint8 public constant KECCAK_KEY_TYPE = 2;

    /// @notice Stored 32-byte parts: key => stream offset => bytes `[offset, offset+32)`, zero-padded.
    mapping(bytes32 => mapping(uint256 => bytes32)) public preimageParts;
    /// @notice key => stream offset => how many bytes of the part exist (0: part not loaded).
    mapping(bytes32 => mapping(uint256 => uint256)) public preimagePartLengths;
    /// @notice key => stream length `8 + len(P)` (0: length unknown, nothing loaded yet).
    mapping(bytes32 => uint256) public preimageStreamLengths;

    /// @notice A local-data part was stored.
    /// @param caller The address the data is namespaced to.
    /// @param localizedKey The key MIPS.step will read (see localizeKey).
    /// @param key The raw local key (type 1).
    /// @param localContext The caller's context.
    /// @param partOffset The stream offset of the stored part.
    /// @param size The preimage length (without the 8-byte prefix).
    event LocalDataLoaded(
        address indexed caller,
        bytes32 indexed localizedKey,
        bytes32 key,
        bytes32 localContext,
        uint256 partOffset,
        uint256 size
    );

    /// @notice A keccak preimage part was stored.
    /// @param key The keccak key (type 2).
    /// @param partOffset The stream offset of the stored part.
    /// @param size The preimage length (without the 8-byte prefix).
    event KeccakPreimagePartLoaded(bytes32 indexed key, uint256 partOffset, uint256 size);

    /// @notice The preimage is larger than MAX_PREIMAGE_SIZE.
    error PreimageTooLarge(uint256 size, uint256 max);
    /// @notice The part offset is not inside the stream `u64be(len) ‖ P`.
    error PartOffsetOutOfBounds(uint256 partOffset, uint256 streamLength);
    /// @notice A local-data key whose type byte is not 1.
    error InvalidLocalKeyType(bytes32 key);
    /// @notice The requested part was never loaded (and the offset is not a known EOF).
    error PreimagePartNotLoaded(bytes32 key, uint256 offset);

    /// @notice Stores one 32-byte part of local data under the caller's namespace.
    /// @dev The data is whatever the caller asserts (typically a dispute game loading its own
    ///      facts); isolation comes from localization with msg.sender. Reloading overwrites the
    ///      caller's own entry.
    /// @param key The raw local key; byte 0 must be 1.
    /// @param localContext The context the key is localized with (MIPS.step's localContext).
    /// @param data The whole preimage P (at most MAX_PREIMAGE_SIZE bytes).
    /// @param partOffset Offset of the part in the stream `u64be(len(P)) ‖ P`; must be inside it.
    /// @return localizedKey The key MIPS.step reads for this caller and context.
    function loadLocalData(bytes32 key, bytes32 localContext, bytes calldata data, uint256 partOffset)
        external
        returns (bytes32 localizedKey)
    {
        if (uint8(key[0]) != LOCAL_KEY_TYPE) revert InvalidLocalKeyType(key);
        localizedKey = localizeKey(key, msg.sender, localContext);
        _storePart(localizedKey, data, partOffset);
        emit LocalDataLoaded(msg.sender, localizedKey, key, localContext, partOffset, data.length);
    }

    /// @notice Stores one 32-byte part of a keccak preimage; the key is derived from the data, so
    ///         only the true preimage of a key can ever be stored under it.
    /// @param partOffset Offset of the part in the stream `u64be(len(P)) ‖ P`; must be inside it.
    /// @param preimage The whole preimage P (at most MAX_PREIMAGE_SIZE bytes).
    function loadKeccak256PreimagePart(uint256 partOffset, bytes calldata preimage) external {
        bytes32 key;
        assembly {
            // Hash straight from calldata via scratch-free memory: copy once, hash once.
            let ptr := mload(0x40)
            calldatacopy(ptr, preimage.offset, preimage.length)
            key := or(and(keccak256(ptr, preimage.length), not(shl(248, 0xff))), shl(248, 2))
        }
        _storePart(key, preimage, partOffset);
        emit KeccakPreimagePartLoaded(key, partOffset, preimage.length);
    }

    /// @inheritdoc IPreimageOracle
    function readPreimage(bytes32 key, uint256 offset) external view returns (bytes32 dat, uint256 datLen) {
        datLen = preimagePartLengths[key][offset];
        if (datLen != 0) return (preimageParts[key][offset], datLen);
        uint256 streamLength = preimageStreamLengths[key];
        // EOF is answerable once any part fixed the length; anything else must be loaded first.
        if (streamLength != 0 && offset >= streamLength) return (bytes32(0), 0);
        revert PreimagePartNotLoaded(key, offset);
    }

    /// @inheritdoc IPreimageOracle
    function localizeKey(bytes32 key, address account, bytes32 localContext)
        public
        pure
        returns (bytes32 localizedKey)
    {
        assembly {
            // keccak(caller ‖ localContext): the 20-byte address packed before the context.
            let ptr := mload(0x40)
            mstore(ptr, shl(96, account))
            mstore(add(ptr, 20), localContext)
            let ctx := keccak256(ptr, 52)
            mstore(0, key)
            mstore(0x20, ctx)
            localizedKey := or(and(keccak256(0, 0x40), not(shl(248, 0xff))), shl(248, 1))
        }
    }

    /// @dev Extracts stream[partOffset : partOffset+32] (zero-padded) and records it with the length.
    function _storePart(bytes32 key, bytes calldata data, uint256 partOffset) private {
        uint256 size = data.length;
        if (size > MAX_PREIMAGE_SIZE) revert PreimageTooLarge(size, MAX_PREIMAGE_SIZE);
        uint256 streamLength = size + 8;
        if (partOffset >= streamLength) revert PartOffsetOutOfBounds(partOffset, streamLength);
        bytes32 part;
        assembly {
            // Lay out u64be(size) ‖ data ‖ 32 zero bytes, then read 32 bytes at partOffset.
            let ptr := mload(0x40)
            mstore(ptr, shl(192, size))
            calldatacopy(add(ptr, 8), data.offset, size)
            mstore(add(add(ptr, 8), size), 0)
            part := mload(add(ptr, partOffset))
        }
        uint256 partLength = streamLength - partOffset;
        if (partLength > 32) partLength = 32;
        preimageParts[key][partOffset] = part;
        preimagePartLengths[key][partOffset] = partLength;
        preimageStreamLengths[key] = streamLength;
    }
}
