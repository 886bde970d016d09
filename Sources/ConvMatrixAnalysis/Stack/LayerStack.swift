import ConvMatrixCore

/// A stack of layers applied one after the other, `y = U_L ⋯ U_2 · U_1 · x`: each layer's
/// input is the previous layer's output, sizes and channels included.
public struct LayerStack: Hashable, Sendable {
    /// The layers, first applied first.
    public let layers: [Layer]

    /// A stack of `layers`, which must chain.
    ///
    /// - Throws: ``StackError`` naming the layer (counted from 1) whose input size or channels
    ///   differ from the previous layer's output.
    public init(_ layers: [Layer]) throws(StackError) {
        guard !layers.isEmpty else {
            throw StackError(layer: 0, .input, "a stack needs at least one layer")
        }
        for l in 1..<layers.count {
            let previous = layers[l - 1]
            let current = layers[l]
            guard current.inputSide.channels == previous.outputSide.channels else {
                throw StackError(
                    layer: l + 1, .inChannels,
                    "must be \(previous.outputSide.channels) (the output channels of layer \(l)), got \(current.inputSide.channels)"
                )
            }
            guard current.inputSide.extents == previous.outputSide.extents else {
                throw StackError(
                    layer: l + 1, .input,
                    "must be \(previous.outputSide.extents) (the output of layer \(l)), got \(current.inputSide.extents)"
                )
            }
        }
        self.layers = layers
    }

    /// Spatial input extents of the stack.
    public var inputExtents: Extents { layers[0].inputSide.extents }
    /// Spatial output extents of the stack.
    public var outputExtents: Extents { layers[layers.count - 1].outputSide.extents }
    /// Input channels.
    public var inChannels: Int { layers[0].inputSide.channels }
    /// Output channels.
    public var outChannels: Int { layers[layers.count - 1].outputSide.channels }
    /// Whether every layer is a forward convolution.
    public var isForwardOnly: Bool { !layers.contains(where: \.isTransposed) }
}

/// A stack whose layers do not chain, or a layer of a stack that breaks a rule: the layer
/// (counted from 1) and the field.
public struct StackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The layer, counted from 1.
    public let layer: Int
    /// The field at fault.
    public let field: SpecificationField
    /// The rule.
    public let message: String

    /// Creates an error.
    public init(layer: Int, _ field: SpecificationField, _ message: String) {
        self.layer = layer
        self.field = field
        self.message = message
    }

    /// `layer 2: in-channels: must be 8 …`.
    public var description: String { "layer \(layer): \(field.rawValue): \(message)" }
}
