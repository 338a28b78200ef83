// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BN254VRF} from "./lib/BN254VRF.sol";

/// @title VrfVerifier
/// @notice The BN254 VRF checks of docs/protocol.md 7 as a stateless contract. Why a contract and
///         not the inlined library: BN254VRF's hash to curve is about 6 KB of code, which would
///         push InferenceMarket past the EIP-170 limit; the market deploys one VrfVerifier from
///         its constructor (so a deployment needs no extra step) and calls it.
contract VrfVerifier {
    /// @notice BN254VRF.verifiedSeed: reverts with BN254VRF's custom error unless sig is pk's VRF
    ///         proof for the request, and returns the seed.
    /// @param pk The public key in G2, EIP-197 order.
    /// @param chainId The chain id.
    /// @param market The market's address.
    /// @param requestId The request id.
    /// @param kernelId The request's kernel.
    /// @param sig The proof (G1).
    /// @return The seed, keccak256(abi.encode(sig.x, sig.y)).
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

    /// @notice BN254VRF.verifyPossession: whether proof is pk's proof of possession for owner.
    /// @param pk The public key in G2, EIP-197 order.
    /// @param owner The address the key is registered for.
    /// @param proof The proof (G1).
    /// @return True iff it verifies.
    function verifyPossession(uint256[4] calldata pk, address owner, uint256[2] calldata proof)
        external
        view
        returns (bool)
    {
        return BN254VRF.verifyPossession(pk, owner, proof);
    }
}
