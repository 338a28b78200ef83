// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {InferenceMarket, IInferenceConsumer} from "../InferenceMarket.sol";

/// @title FashionConsumer
/// @notice Example consumer (issue 5 item 4): requests a Fashion-MNIST classification from an
///         InferenceMarket and stores the class it receives by callback. The kernel is the
///         registered fashion-mnist kernel (aggregation argmax): its graph has one input (slot 0,
///         the u8 [1,784] image tensor) and five nodes, the last an argmax, so the posted output
///         is graph output 0 = slot 5, an i32 [1] tensor (docs/models.md 6, docs/kernel.md). The
///         market takes the slot from the kernel's registration and binds the output exactly.
contract FashionConsumer is IInferenceConsumer {
    /// @notice Gas the market gives the callback. The callback writes one new storage slot:
    ///         about 30k gas under today's mainnet rules, but about 115k under a state-growth
    ///         repricing such as the unscheduled fork geth --dev runs, hence the margin.
    uint32 public constant CALLBACK_GAS = 300_000;
    /// @notice Length of the canonical encoding of an i32 [1] tensor: 20-byte header, one
    ///         dimension, one 4-byte element.
    uint256 internal constant CLASS_TENSOR_LENGTH = 28;

    /// @notice The market requests go to.
    InferenceMarket public immutable market;
    /// @notice The fashion-mnist kernel id.
    bytes32 public immutable kernelId;

    /// @notice A classification.
    /// @param done Whether the result arrived.
    /// @param cls The class index 0..9 (meaningful when done).
    struct Result {
        bool done;
        int32 cls;
    }

    /// @notice Results by request id.
    mapping(uint256 => Result) public results;

    /// @notice A classification was requested.
    event ClassificationRequested(uint256 indexed requestId, address indexed by);
    /// @notice A classification arrived.
    event Classified(uint256 indexed requestId, int32 cls);

    /// @notice The callback did not come from the market.
    error NotMarket();
    /// @notice The output is not a canonical i32 [1] tensor encoding.
    error BadOutput();

    /// @param market_ The market.
    /// @param kernelId_ The registered fashion-mnist kernel.
    constructor(InferenceMarket market_, bytes32 kernelId_) {
        market = market_;
        kernelId = kernelId_;
    }

    /// @notice Requests the classification of one image, paying msg.value as the fee.
    /// @param image The canonical tensor encoding of the u8 [1,784] image (docs/models.md 2).
    /// @return requestId The market's request id.
    function classify(bytes calldata image) external payable returns (uint256 requestId) {
        bytes[] memory inputs = new bytes[](1);
        inputs[0] = image;
        requestId =
            market.requestInference{value: msg.value}(kernelId, inputs, address(this), CALLBACK_GAS, new address[](0));
        emit ClassificationRequested(requestId, msg.sender);
    }

    /// @notice Market callback: decodes the i32 [1] tensor and stores the class.
    /// @param requestId The request.
    /// @param output The output tensor encoding.
    function onInferenceResult(uint256 requestId, bytes calldata output, bytes32) external {
        if (msg.sender != address(market)) revert NotMarket();
        if (
            output.length != CLASS_TENSOR_LENGTH || _le32(output, 0) != 0x54564941 /* "AIVT" */ || output[4] != 0x01
                || output[5] != 0x03 || output[6] != 0x01 || output[7] != 0x00 || _le32(output, 20) != 1
        ) revert BadOutput();
        // casting to 'int32' is safe because it reinterprets the i32 element's 32 bits
        // forge-lint: disable-next-line(unsafe-typecast)
        int32 cls = int32(_le32(output, 24));
        results[requestId] = Result(true, cls);
        emit Classified(requestId, cls);
    }

    /// @notice The Fashion-MNIST label of a finished request ("" if none yet or out of range).
    /// @param requestId The request.
    /// @return The label.
    function label(uint256 requestId) external view returns (string memory) {
        Result memory r = results[requestId];
        if (!r.done || r.cls < 0 || r.cls > 9) return "";
        string[10] memory names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
        ];
        return names[uint32(r.cls)];
    }

    function _le32(bytes calldata b, uint256 off) internal pure returns (uint32) {
        return uint32(uint8(b[off])) | (uint32(uint8(b[off + 1])) << 8) | (uint32(uint8(b[off + 2])) << 16)
            | (uint32(uint8(b[off + 3])) << 24);
    }
}
