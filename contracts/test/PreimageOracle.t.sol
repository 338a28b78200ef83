// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PreimageOracle} from "../src/PreimageOracle.sol";
import {TestBase} from "./lib/Vm.sol";

/// @notice The oracle accepts only data that matches its key, namespaces local data per
///         caller and context, and answers EOF once the length is known.
contract PreimageOracleTest is TestBase {
    PreimageOracle internal oracle;

    function setUp() public {
        oracle = new PreimageOracle();
    }

    function _keccakKey(bytes memory data) internal pure returns (bytes32) {
        return bytes32((uint256(keccak256(data)) & ((1 << 248) - 1)) | (2 << 248));
    }

    /// @dev stream[off : off+32] zero-padded, and its length.
    function _part(bytes memory data, uint256 off) internal pure returns (bytes32 dat, uint256 len) {
        bytes memory stream = bytes.concat(bytes8(uint64(data.length)), data, new bytes(32));
        assembly {
            dat := mload(add(add(stream, 32), off))
        }
        len = data.length + 8 - off;
        if (len > 32) len = 32;
    }

    function testFuzz_keccakParts(bytes calldata data, uint256 off) public {
        vm.assume(data.length <= 300);
        off %= data.length + 8;
        oracle.loadKeccak256PreimagePart(off, data);
        (bytes32 dat, uint256 len) = oracle.readPreimage(_keccakKey(data), off);
        (bytes32 wantDat, uint256 wantLen) = _part(data, off);
        assertEq(dat, wantDat, "part");
        assertEq(len, wantLen, "length");
        // EOF is known once any part is loaded.
        (dat, len) = oracle.readPreimage(_keccakKey(data), data.length + 8 + off);
        assertEq(len, 0, "EOF length");
        assertEq(dat, bytes32(0), "EOF data");
    }

    function test_forgedPreimageRejected() public {
        bytes memory honest = "the real preimage";
        bytes memory forged = "a forged preimage";
        bytes32 key = _keccakKey(honest);
        oracle.loadKeccak256PreimagePart(0, forged); // lands under keccak(forged) only
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, key, 0));
        oracle.readPreimage(key, 0);
        // The type byte cannot be abused either: local data needs type 1 and is localized.
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.InvalidLocalKeyType.selector, key));
        oracle.loadLocalData(key, bytes32(0), forged, 0);
    }

    event log_named_uint(string key, uint256 val);

    function test_sizeAndOffsetBounds() public {
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PartOffsetOutOfBounds.selector, 11, 11));
        oracle.loadKeccak256PreimagePart(11, "abc");
    }

    /// @dev `size` non-zero bytes (the costliest calldata), varying so the hash is not trivial.
    function _nonZero(uint256 size) internal pure returns (bytes memory data) {
        data = new bytes(size);
        for (uint256 i = 0; i < size; i += 32) {
            bytes32 w = keccak256(abi.encode(i)) | 0x0101010101010101010101010101010101010101010101010101010101010101;
            assembly {
                mstore(add(add(data, 32), i), w)
            }
        }
        assembly {
            mstore(data, size) // the last word may have spilled past size; the length is what counts
        }
    }

    /// @notice The cap is 128 KiB (issue 11: graph headers of thousands of tensors must be
    ///         provable): a preimage of exactly MAX_PREIMAGE_SIZE bytes loads, its first and last
    ///         parts read back, and one byte more reverts. The gas of the largest load is logged.
    function test_maxSizePreimageLoads() public {
        uint256 max = oracle.MAX_PREIMAGE_SIZE();
        assertEq(max, 131072, "MAX_PREIMAGE_SIZE (Go mirror: vm.MaxPreimageSize)");
        bytes memory data = _nonZero(max);
        bytes32 key = _keccakKey(data);
        uint256 last = max + 8 - 1;

        uint256 g0 = gasleft();
        oracle.loadKeccak256PreimagePart(last, data);
        uint256 used = g0 - gasleft();
        // A transaction carrying it pays the EIP-7623 floor: 21,000 + 10 gas per calldata token, a
        // non-zero byte being 4 tokens (the ABI head adds ~100 bytes, mostly zero). `used` also
        // counts this test contract's memory for ABI-encoding the call (a transaction does not pay
        // that), so floor + used bounds the transaction from above; it must fit EIP-7825's cap.
        uint256 floor = 21000 + 40 * max;
        emit log_named_uint("gas: loadKeccak256PreimagePart(128 KiB) called from a contract", used);
        emit log_named_uint("gas: its transaction at the EIP-7623 calldata floor (lower bound)", floor);
        assertTrue(floor + used < 1 << 24, "fits the EIP-7825 per-transaction cap");

        (bytes32 dat, uint256 len) = oracle.readPreimage(key, last);
        (bytes32 wantDat, uint256 wantLen) = _part(data, last);
        assertEq(len, 1, "last part length");
        assertEq(dat, wantDat, "last part");
        assertEq(wantLen, 1, "reference length");
        oracle.loadKeccak256PreimagePart(0, data);
        (dat, len) = oracle.readPreimage(key, 0);
        (wantDat,) = _part(data, 0);
        assertEq(len, 32, "first part length");
        assertEq(dat, wantDat, "first part (the length prefix and 24 bytes)");

        bytes memory tooBig = _nonZero(max + 1);
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimageTooLarge.selector, max + 1, max));
        oracle.loadKeccak256PreimagePart(0, tooBig);
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimageTooLarge.selector, max + 1, max));
        oracle.loadLocalData(bytes32(uint256(1 << 248 | 1)), bytes32(0), tooBig, 0);
    }

    function test_localDataIsNamespaced() public {
        bytes32 key = bytes32(uint256(1 << 248 | 7));
        bytes32 ctx = bytes32(uint256(42));
        address game = address(0x6A3E);
        vm.prank(game);
        bytes32 lk = oracle.loadLocalData(key, ctx, hex"aabbcc", 0);
        assertEq(lk, oracle.localizeKey(key, game, ctx), "returned key");
        (bytes32 dat, uint256 len) = oracle.readPreimage(lk, 0);
        assertEq(len, 11, "len");
        assertEq(dat, bytes32(uint256(0x0000000000000003aabbcc) << 168), "data");
        bytes32 other = oracle.localizeKey(key, address(this), ctx);
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, other, 0));
        oracle.readPreimage(other, 0);
        bytes32 otherCtx = oracle.localizeKey(key, game, bytes32(uint256(43)));
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, otherCtx, 0));
        oracle.readPreimage(otherCtx, 0);
    }

    function test_localizeKeyMatchesSpec() public view {
        bytes32 key = bytes32(uint256(1 << 248 | 9));
        address caller = address(0x1234567890123456789012345678901234567890);
        bytes32 ctx = keccak256("ctx");
        bytes32 h = keccak256(abi.encodePacked(key, keccak256(abi.encodePacked(caller, ctx))));
        bytes32 want = bytes32((uint256(h) & ((1 << 248) - 1)) | (1 << 248));
        assertEq(oracle.localizeKey(key, caller, ctx), want, "localizeKey");
    }

    function test_events() public {
        bytes memory data = "evented";
        vm.expectEmit(address(oracle));
        emit PreimageOracle.KeccakPreimagePartLoaded(_keccakKey(data), 3, data.length);
        oracle.loadKeccak256PreimagePart(3, data);

        bytes32 key = bytes32(uint256(1 << 248));
        vm.expectEmit(address(oracle));
        emit PreimageOracle.LocalDataLoaded(address(this), oracle.localizeKey(key, address(this), 0), key, 0, 0, 2);
        oracle.loadLocalData(key, 0, hex"0102", 0);
    }

    function test_unloadedAndUnknownLengthRevert() public {
        bytes32 key = _keccakKey("never loaded");
        vm.expectRevert(abi.encodeWithSelector(PreimageOracle.PreimagePartNotLoaded.selector, key, 1000));
        oracle.readPreimage(key, 1000);
    }
}
