// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title LibDissection
/// @notice The k-ary dissection arithmetic of the dispute game (docs/protocol.md 4), the
///         Solidity twin of bisection/rules.go, which fuzzes it against its Go functions
///         (bisection.FuzzLibDissection). A move on segment (lo, hi) with hi - lo >= 2 makes
///         m = min(k, hi - lo) sub-segments whose ends are the points
///         p_i = lo + floor(i * (hi - lo) / m), 0 <= i <= m: p_0 = lo, p_m = hi, strictly
///         increasing. Computed in uint256, where i * (hi - lo) never overflows (hi - lo < 2^64,
///         i <= 256), so the values are exact.
/// @dev Every function assumes what the game checks first: lo < hi, hi - lo >= 2 for a move,
///      2 <= k <= 256, 1 <= m <= k, i <= m and j < m. Under them nothing overflows (i * d and
///      (j + 1) * d are below 2^72, and a point never passes hi < 2^64), so every function
///      computes unchecked.
// forge-lint: disable-next-item(unsafe-typecast)
library LibDissection {
    /// @notice m = min(k, hi - lo), the number of sub-segments a move on (lo, hi) makes
    ///         (bisection.Parts).
    function parts(uint64 lo, uint64 hi, uint256 k) internal pure returns (uint256) {
        unchecked {
            uint256 d = uint256(hi) - lo;
            return d < k ? d : k;
        }
    }

    /// @notice The split point p_i of (lo, hi) for m parts (bisection.SplitPoints: p_1..p_{m-1}).
    function point(uint64 lo, uint64 hi, uint256 m, uint256 i) internal pure returns (uint64) {
        unchecked {
            return uint64(lo + (i * (hi - lo)) / m);
        }
    }

    /// @notice Sub-segment j of (lo, hi) for m parts: (p_j, p_{j+1}) (bisection.Choose).
    function sub(uint64 lo, uint64 hi, uint256 m, uint256 j) internal pure returns (uint64 newLo, uint64 newHi) {
        unchecked {
            uint256 d = uint256(hi) - lo;
            newLo = uint64(lo + (j * d) / m);
            newHi = uint64(lo + ((j + 1) * d) / m);
        }
    }
}
