// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BN254VRF} from "../lib/BN254VRF.sol";

/// @title BN254VRFHarness
/// @notice Exposes the internal functions of BN254VRF as external calls, so Go tests can run the
///         library in go-ethereum's in-process EVM against gnark-crypto (contracts/vrf) and measure
///         its gas. It holds no state and no funds; nothing depends on it being deployed.
contract BN254VRFHarness {
    /// @notice BN254VRF.expandMessageXmd.
    /// @param message The message.
    /// @param dst The domain separation tag.
    /// @param lenInBytes The output length.
    /// @return The expanded bytes.
    function expandMessageXmd(bytes calldata message, bytes calldata dst, uint256 lenInBytes)
        external
        pure
        returns (bytes memory)
    {
        return BN254VRF.expandMessageXmd(message, dst, lenInBytes);
    }

    /// @notice BN254VRF.hashToField.
    /// @param message The message.
    /// @param dst The domain separation tag.
    /// @return u0 The first field element.
    /// @return u1 The second field element.
    function hashToField(bytes calldata message, bytes calldata dst) external pure returns (uint256 u0, uint256 u1) {
        return BN254VRF.hashToField(message, dst);
    }

    /// @notice BN254VRF.mapToCurve.
    /// @param u A field element.
    /// @return x The image's x coordinate.
    /// @return y The image's y coordinate.
    function mapToCurve(uint256 u) external view returns (uint256 x, uint256 y) {
        return BN254VRF.mapToCurve(u);
    }

    /// @notice BN254VRF.hashToG1.
    /// @param message The message.
    /// @param dst The domain separation tag.
    /// @return The point (x, y).
    function hashToG1(bytes calldata message, bytes calldata dst) external view returns (uint256[2] memory) {
        return BN254VRF.hashToG1(message, dst);
    }

    /// @notice BN254VRF.check under an explicit DST.
    /// @param pk The public key, EIP-197 order.
    /// @param message The message.
    /// @param sig The signature.
    /// @param dst The domain separation tag.
    /// @return The BN254VRF.Status as its number.
    function check(uint256[4] calldata pk, bytes calldata message, uint256[2] calldata sig, bytes calldata dst)
        external
        view
        returns (uint8)
    {
        return uint8(BN254VRF.check(pk, message, sig, dst));
    }

    /// @notice BN254VRF.verify (VRF DST).
    /// @param pk The public key, EIP-197 order.
    /// @param message The message.
    /// @param sig The signature.
    /// @return Whether it verifies.
    function verify(uint256[4] calldata pk, bytes calldata message, uint256[2] calldata sig)
        external
        view
        returns (bool)
    {
        return BN254VRF.verify(pk, message, sig);
    }

    /// @notice BN254VRF.verifiedSeed: reverts with the library's custom error unless valid.
    /// @param pk The public key, EIP-197 order.
    /// @param chainId The chain id.
    /// @param market The market address.
    /// @param requestId The request id.
    /// @param kernelId The kernel id.
    /// @param sig The signature.
    /// @return The seed.
    function verifiedSeed(
        uint256[4] calldata pk,
        uint256 chainId,
        address market,
        uint256 requestId,
        bytes32 kernelId,
        uint256[2] calldata sig
    ) external view returns (bytes32) {
        return BN254VRF.verifiedSeed(pk, chainId, market, requestId, kernelId, sig);
    }

    /// @notice BN254VRF.verifyPossession.
    /// @param pk The public key, EIP-197 order.
    /// @param owner The address the key is registered for.
    /// @param proof The proof of possession.
    /// @return Whether it verifies.
    function verifyPossession(uint256[4] calldata pk, address owner, uint256[2] calldata proof)
        external
        view
        returns (bool)
    {
        return BN254VRF.verifyPossession(pk, owner, proof);
    }

    /// @notice BN254VRF.requestMessage.
    /// @param chainId The chain id.
    /// @param market The market address.
    /// @param requestId The request id.
    /// @param kernelId The kernel id.
    /// @return The message bytes.
    function requestMessage(uint256 chainId, address market, uint256 requestId, bytes32 kernelId)
        external
        pure
        returns (bytes memory)
    {
        return BN254VRF.requestMessage(chainId, market, requestId, kernelId);
    }

    /// @notice BN254VRF.seed.
    /// @param sig The signature.
    /// @return The seed.
    function seed(uint256[2] calldata sig) external pure returns (bytes32) {
        return BN254VRF.seed(sig);
    }

    /// @notice Gas of the library's verifiedSeed inside this call (gasleft before and after, so the
    ///         ABI decoding and the call itself are excluded): what a market pays for the check.
    /// @param pk The public key, EIP-197 order.
    /// @param chainId The chain id.
    /// @param market The market address.
    /// @param requestId The request id.
    /// @param kernelId The kernel id.
    /// @param sig The signature (must verify, or this reverts).
    /// @return gasUsed The gas the check consumed.
    function measureVerifiedSeed(
        uint256[4] calldata pk,
        uint256 chainId,
        address market,
        uint256 requestId,
        bytes32 kernelId,
        uint256[2] calldata sig
    ) external view returns (uint256 gasUsed) {
        uint256[4] memory pkm = pk;
        uint256[2] memory sigm = sig;
        uint256 before = gasleft();
        BN254VRF.verifiedSeed(pkm, chainId, market, requestId, kernelId, sigm);
        gasUsed = before - gasleft();
    }

    /// @notice Gas of the library's hashToG1 inside this call (gasleft before and after).
    /// @param message The message.
    /// @param dst The domain separation tag.
    /// @return gasUsed The gas hash-to-curve consumed.
    function measureHashToG1(bytes calldata message, bytes calldata dst) external view returns (uint256 gasUsed) {
        bytes memory m = message;
        bytes memory d = dst;
        uint256 before = gasleft();
        BN254VRF.hashToG1(m, d);
        gasUsed = before - gasleft();
    }
}
