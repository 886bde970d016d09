import ConvMatrixCore
import ConvMatrixSymbols
import Symbolic

extension LayerGradientSymbols {
    /// Chosen entries of the gradients, each built from the part of U it needs and nothing
    /// else: an elided printout of ResNet-50's first layer shows a few hundred of them, where
    /// ``init(_:u:symbols:transposed:deltaName:)`` builds U (116 million entries) and every sum.
    ///
    /// The entries equal those of ``init(_:u:symbols:transposed:deltaName:)`` at the same
    /// indices, with the same names (see there).
    public struct Entries: Sendable {
        /// The convolution (the forward one of a transposed layer).
        public let conv: Convolution
        /// The names of its inputs, taps and outputs.
        public let symbols: LayerSymbols
        /// Whether the gradients are those of the transposed layer.
        public let transposed: Bool
        /// The upstream gradient's letter.
        public let deltaName: String

        /// The entries of `conv`'s gradients (or, with `transposed`, its transposed layer's).
        public init(
            _ conv: Convolution, symbols: LayerSymbols, transposed: Bool, deltaName: String
        ) {
            self.conv = conv
            self.symbols = symbols
            self.transposed = transposed
            self.deltaName = deltaName
        }

        /// `δ` at an output of the layer: a forward output `r` of the convolution, or (for the
        /// transposed layer) a forward input, named like the input.
        private func delta(_ index: Int) -> Symbol {
            let named = transposed ? symbols.input(index) : symbols.output(index)
            return Symbol(deltaName, indices: named.indices, superscript: named.superscript)
        }

        /// The layer's input `index`: the convolution's input, or (transposed) its output `r`
        /// named with the input letter.
        private func input(_ index: Int) -> Symbol {
            guard transposed else { return symbols.input(index) }
            let o = symbols.output(index)
            return Symbol(symbols.names.input, indices: o.indices, superscript: o.superscript)
        }

        /// `∂E/∂x` at the layer's inputs `indices`: `Σ δ_r·w_t` over column `x` of U (a
        /// convolution, `Uᵀ·δ`) or over row `x` of U (the transposed layer, `U·δ`).
        ///
        /// - Throws: the `memory` error when those columns or rows do not fit in `limits`.
        public func input(at indices: [Int], limits: ResourceLimits) throws(SpecificationError)
            -> [Expression]
        {
            let lines =
                transposed
                ? try conv.unrolledRows(indices, limits: limits)
                : try conv.unrolledColumns(indices, limits: limits)
            return Layer.productSums(
                lines, left: { delta($0) }, kernel: { symbols.kernel($0) })
        }

        /// `∂E/∂w` at the taps `taps` (PyTorch's weight order): `Σ δ_r·x_c` over the entries of
        /// U that carry the tap (`x_r·δ_c` for the transposed layer, `M(δ)ᵀ·x`).
        public func kernel(at taps: [Int]) -> [Expression] {
            taps.map { tap in
                Expression.sum(
                    conv.entries(ofTap: tap).map { entry in
                        transposed
                            ? Monomial([input(entry.row), delta(entry.column)])
                            : Monomial([delta(entry.row), input(entry.column)])
                    })
            }
        }

        /// `∂E/∂w` at `tap` as ``kernel(at:)`` gives it, whole when it has at most `wholeUpTo`
        /// terms and otherwise its first and last `edgeItems` terms
        /// (``ConvMatrixSymbols/ProductSum/of(_:first:second:wholeUpTo:head:tail:)``): only the
        /// printed products become symbols, where the whole sum of ResNet-50's first layer has
        /// 12,544.
        public func kernelSum(at tap: Int, wholeUpTo: Int, edgeItems: Int) -> ProductSum {
            let pairs = conv.entries(ofTap: tap).map { ($0.row, $0.column) }
            return transposed
                ? ProductSum.of(
                    pairs, first: input, second: delta, wholeUpTo: wholeUpTo, head: edgeItems,
                    tail: edgeItems)
                : ProductSum.of(
                    pairs, first: delta, second: input, wholeUpTo: wholeUpTo, head: edgeItems,
                    tail: edgeItems)
        }

        /// `∂E/∂b` at output channel `o` as ``bias(at:)`` gives it, whole up to `wholeUpTo`
        /// terms, else its first and last `edgeItems`: the δ of a channel are distinct and
        /// order as their flat indices.
        public func biasSum(at o: Int, wholeUpTo: Int, edgeItems: Int) -> ProductSum {
            let perChannel = transposed ? conv.inputExtents.count : conv.outputExtents.count
            guard perChannel > max(wholeUpTo, 2 * edgeItems) else {
                return .whole(bias(at: [o])[0])
            }
            let first = o * perChannel
            let last = first + perChannel
            return .ends(
                SumEnds(
                    head: Expression.sum((first..<(first + edgeItems)).map { Monomial(delta($0)) }),
                    tail: Expression.sum(((last - edgeItems)..<last).map { Monomial(delta($0)) }),
                    termCount: perChannel))
        }

        /// `∂E/∂b` at the output channels `channels`: the sum of δ over that channel.
        public func bias(at channels: [Int]) -> [Expression] {
            let perChannel = transposed ? conv.inputExtents.count : conv.outputExtents.count
            return channels.map { o in
                Expression.sum(
                    ((o * perChannel)..<((o + 1) * perChannel)).map { Monomial(delta($0)) })
            }
        }
    }
}
