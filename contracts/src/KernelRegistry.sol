// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title KernelRegistry
/// @notice Registers AIVM kernels (docs/kernel.md, docs/protocol.md 3): for each kernel the
///         model root, the absolute pre-state hash of its program, the manifest hash
///         (keccak256 of the canonical manifest.json), where the manifest can be fetched,
///         the number of graph nodes, the number of graph inputs, the activation slots of the
///         graph's outputs and the aggregation rule.
///         A kernel id is derived from its content (kernelId), so it commits to everything a
///         dispute game trusts about the kernel, and one kernel has exactly one id.
///         Registration is permissionless and final: there are no owner powers, no setters and
///         no deletion. The recorded owner (the registering address) is informational only.
///         The contract cannot parse manifest.json; that the registered fields match the
///         manifest is checked off chain (`aivm kernel verify`). A registration whose fields
///         disagree with its manifest simply gets a different id that honest parties never use.
contract KernelRegistry {
    /// @notice Aggregation rule `argmax` (docs/kernel.md): the posted output is graph output 0,
    ///         an i32 [1] class index written by an argmax node.
    uint8 public constant AGG_ARGMAX = 1;
    /// @notice Aggregation rule `logits`: the posted output is graph output 1, the i32 logits
    ///         vector (output 0 is its argmax).
    uint8 public constant AGG_LOGITS = 2;
    /// @notice Aggregation rule `outputs`: the posted output is the commitment to all graph
    ///         outputs in order (graph.OutputCommit).
    uint8 public constant AGG_OUTPUTS = 3;

    /// @notice Longest manifest URI accepted, in bytes. Why: the URI is stored (one storage
    ///         slot per 32 bytes); an ipfs:// or https:// location fits easily, and the manifest
    ///         is content-addressed by its hash, so the URI is only a hint.
    uint256 public constant MAX_MANIFEST_URI_LENGTH = 256;
    /// @notice Most graph inputs and most graph outputs (the graph IR's limit, docs/models.md 3).
    uint256 public constant MAX_IO = 256;

    /// @notice A registered kernel.
    /// @param modelRoot The model root (graph.Model.Root), also the guest's argv[1].
    /// @param prestateHash The absolute pre-state hash every phase-V game over the kernel starts from.
    /// @param manifestHash keccak256 of the canonical manifest.json.
    /// @param graphSize The number of graph nodes n (phase G dissects [0, n]); > 0.
    /// @param aggregation The aggregation rule: AGG_ARGMAX, AGG_LOGITS or AGG_OUTPUTS.
    /// @param numInputs The number of graph inputs I (a request must post exactly I tensors).
    /// @param owner The address that registered the kernel; informational, it has no powers.
    /// @param registeredAt The block number of the registration.
    /// @param manifestURI Where manifest.json can be fetched (may be empty); not part of the id.
    /// @param outputSlots The activation slot of every graph output, in output order (slot =
    ///        I + node index; each a node slot, I <= slot < I + graphSize). The market reads the
    ///        slot(s) the aggregation rule names from here (docs/protocol.md 6.1).
    struct Kernel {
        bytes32 modelRoot;
        bytes32 prestateHash;
        bytes32 manifestHash;
        uint32 graphSize;
        uint8 aggregation;
        uint16 numInputs;
        address owner;
        uint48 registeredAt;
        string manifestURI;
        uint32[] outputSlots;
    }

    /// @dev id => record. A record exists iff its modelRoot is non-zero (register rejects zero).
    mapping(bytes32 => Kernel) internal _kernels;

    /// @notice A kernel was registered.
    /// @param id The kernel id (kernelId of the content fields).
    /// @param modelRoot The model root.
    /// @param owner The registering address (informational).
    /// @param prestateHash The absolute pre-state hash.
    /// @param manifestHash keccak256 of the canonical manifest.json.
    /// @param graphSize The number of graph nodes.
    /// @param aggregation The aggregation rule code.
    /// @param numInputs The number of graph inputs.
    /// @param outputSlots The activation slots of the graph outputs.
    /// @param manifestURI Where manifest.json can be fetched.
    event KernelRegistered(
        bytes32 indexed id,
        bytes32 indexed modelRoot,
        address indexed owner,
        bytes32 prestateHash,
        bytes32 manifestHash,
        uint32 graphSize,
        uint8 aggregation,
        uint16 numInputs,
        uint32[] outputSlots,
        string manifestURI
    );

    /// @notice The model root is zero.
    error ZeroModelRoot();
    /// @notice The pre-state hash is zero.
    error ZeroPrestateHash();
    /// @notice The manifest hash is zero.
    error ZeroManifestHash();
    /// @notice The graph has no nodes.
    error ZeroGraphSize();
    /// @notice The aggregation code is not AGG_ARGMAX, AGG_LOGITS or AGG_OUTPUTS.
    error InvalidAggregation(uint8 aggregation);
    /// @notice The manifest URI is longer than MAX_MANIFEST_URI_LENGTH bytes.
    error ManifestURITooLong(uint256 length, uint256 max);
    /// @notice The input count is zero or above MAX_IO.
    error InvalidInputCount(uint256 numInputs);
    /// @notice The output list is empty, above MAX_IO, or too short for the aggregation rule
    ///         (argmax reads output 0, logits output 1).
    error InvalidOutputCount(uint256 count, uint8 aggregation);
    /// @notice An output slot is not a node slot (numInputs <= slot < numInputs + graphSize).
    error InvalidOutputSlot(uint32 slot);
    /// @notice A kernel with this id (the same content) is already registered.
    error KernelAlreadyRegistered(bytes32 id);
    /// @notice No kernel is registered under this id.
    error KernelNotRegistered(bytes32 id);

    /// @notice Registers a kernel. Anyone may register; the record can never be changed.
    /// @param modelRoot The model root; non-zero.
    /// @param prestateHash The absolute pre-state hash; non-zero.
    /// @param manifestHash keccak256 of the canonical manifest.json; non-zero.
    /// @param graphSize The number of graph nodes; non-zero.
    /// @param aggregation AGG_ARGMAX, AGG_LOGITS or AGG_OUTPUTS.
    /// @param numInputs The number of graph inputs, 1..MAX_IO.
    /// @param outputSlots The activation slots of the graph outputs in order, 1..MAX_IO of them,
    ///        each a node slot; at least 2 for AGG_LOGITS.
    /// @param manifestURI Where manifest.json can be fetched; at most MAX_MANIFEST_URI_LENGTH bytes.
    /// @return id The kernel id, kernelId(modelRoot, prestateHash, manifestHash, graphSize,
    ///         aggregation, numInputs, outputSlots).
    function register(
        bytes32 modelRoot,
        bytes32 prestateHash,
        bytes32 manifestHash,
        uint32 graphSize,
        uint8 aggregation,
        uint16 numInputs,
        uint32[] calldata outputSlots,
        string calldata manifestURI
    ) external returns (bytes32 id) {
        if (modelRoot == bytes32(0)) revert ZeroModelRoot();
        if (prestateHash == bytes32(0)) revert ZeroPrestateHash();
        if (manifestHash == bytes32(0)) revert ZeroManifestHash();
        if (graphSize == 0) revert ZeroGraphSize();
        if (aggregation == 0 || aggregation > AGG_OUTPUTS) revert InvalidAggregation(aggregation);
        if (bytes(manifestURI).length > MAX_MANIFEST_URI_LENGTH) {
            revert ManifestURITooLong(bytes(manifestURI).length, MAX_MANIFEST_URI_LENGTH);
        }
        _checkIO(graphSize, aggregation, numInputs, outputSlots);
        id = kernelId(modelRoot, prestateHash, manifestHash, graphSize, aggregation, numInputs, outputSlots);
        Kernel storage k = _kernels[id];
        if (k.modelRoot != bytes32(0)) revert KernelAlreadyRegistered(id);
        k.modelRoot = modelRoot;
        k.prestateHash = prestateHash;
        k.manifestHash = manifestHash;
        k.graphSize = graphSize;
        k.aggregation = aggregation;
        k.numInputs = numInputs;
        k.outputSlots = outputSlots;
        k.owner = msg.sender;
        k.registeredAt = uint48(block.number);
        if (bytes(manifestURI).length != 0) k.manifestURI = manifestURI;
        emit KernelRegistered(
            id,
            modelRoot,
            msg.sender,
            prestateHash,
            manifestHash,
            graphSize,
            aggregation,
            numInputs,
            outputSlots,
            manifestURI
        );
    }

    /// @dev The graph shape a market relies on: I inputs, the output list long enough for the
    ///      aggregation rule, every output a node slot.
    function _checkIO(uint32 graphSize, uint8 aggregation, uint16 numInputs, uint32[] calldata outputSlots)
        internal
        pure
    {
        if (numInputs == 0 || numInputs > MAX_IO) revert InvalidInputCount(numInputs);
        uint256 no = outputSlots.length;
        if (no == 0 || no > MAX_IO || (aggregation == AGG_LOGITS && no < 2)) {
            revert InvalidOutputCount(no, aggregation);
        }
        uint256 end = uint256(numInputs) + graphSize;
        for (uint256 i = 0; i < no; i++) {
            uint32 s = outputSlots[i];
            if (s < numInputs || s >= end) revert InvalidOutputSlot(s);
        }
    }

    /// @notice The id of a kernel: keccak256(abi.encode(modelRoot, prestateHash, manifestHash,
    ///         graphSize, aggregation, numInputs, outputSlots)). The URI and the owner are not
    ///         part of it.
    /// @param modelRoot The model root.
    /// @param prestateHash The absolute pre-state hash.
    /// @param manifestHash keccak256 of the canonical manifest.json.
    /// @param graphSize The number of graph nodes.
    /// @param aggregation The aggregation rule code.
    /// @param numInputs The number of graph inputs.
    /// @param outputSlots The activation slots of the graph outputs.
    /// @return The kernel id.
    function kernelId(
        bytes32 modelRoot,
        bytes32 prestateHash,
        bytes32 manifestHash,
        uint32 graphSize,
        uint8 aggregation,
        uint16 numInputs,
        uint32[] calldata outputSlots
    ) public pure returns (bytes32) {
        return keccak256(
            abi.encode(modelRoot, prestateHash, manifestHash, graphSize, aggregation, numInputs, outputSlots)
        );
    }

    /// @notice Whether a kernel is registered under id.
    /// @param id The kernel id.
    /// @return True iff register has created the record.
    function isRegistered(bytes32 id) external view returns (bool) {
        return _kernels[id].modelRoot != bytes32(0);
    }

    /// @notice What a dispute game needs of a kernel, without copying the rest of the record
    ///         (the URI and the output list cost a cold SLOAD per word): the pre-state hash
    ///         phase V starts from and the graph size phase G dissects. Reverts
    ///         KernelNotRegistered for an unknown id.
    /// @param id The kernel id.
    /// @return prestateHash The absolute pre-state hash.
    /// @return graphSize The number of graph nodes.
    function gameShape(bytes32 id) external view returns (bytes32 prestateHash, uint32 graphSize) {
        Kernel storage k = _kernels[id];
        if (k.modelRoot == bytes32(0)) revert KernelNotRegistered(id);
        return (k.prestateHash, k.graphSize);
    }

    /// @notice The output slots the market binds a result to, and the graph's input count: the
    ///         slot list the aggregation rule names (argmax: output 0, logits: output 1,
    ///         outputs: all of them). Reverts KernelNotRegistered for an unknown id.
    /// @param id The kernel id.
    /// @return graphSize The number of graph nodes.
    /// @return aggregation The aggregation rule code.
    /// @return numInputs The number of graph inputs.
    /// @return modelRoot The model root.
    /// @return slots The slot(s) the posted output is bound to.
    function resultShape(bytes32 id)
        external
        view
        returns (uint32 graphSize, uint8 aggregation, uint16 numInputs, bytes32 modelRoot, uint32[] memory slots)
    {
        Kernel storage k = _kernels[id];
        modelRoot = k.modelRoot;
        if (modelRoot == bytes32(0)) revert KernelNotRegistered(id);
        graphSize = k.graphSize;
        aggregation = k.aggregation;
        numInputs = k.numInputs;
        if (aggregation == AGG_OUTPUTS) {
            slots = k.outputSlots;
        } else {
            slots = new uint32[](1);
            slots[0] = k.outputSlots[aggregation == AGG_ARGMAX ? 0 : 1];
        }
    }

    /// @notice The full record of a registered kernel; reverts KernelNotRegistered otherwise, so
    ///         a caller can never mistake an empty record for a kernel.
    /// @param id The kernel id.
    /// @return The record.
    function getKernel(bytes32 id) external view returns (Kernel memory) {
        Kernel memory k = _kernels[id];
        if (k.modelRoot == bytes32(0)) revert KernelNotRegistered(id);
        return k;
    }
}
