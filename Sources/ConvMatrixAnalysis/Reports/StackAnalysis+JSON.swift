/// `convmatrix compose --format json`: the keys of the contract (`input`, `output`,
/// `receptive_field`, `effective_stride`, `effective_padding`, `support`) and more.
extension StackAnalysis {
    /// The report as JSON.
    public var json: JSONValue {
        let outputs = stack.outputExtents
        let spatial = outputs.count
        let total = support.ranges.count
        func number(_ x: Double) -> JSONValue { x == x.rounded() ? .int(Int(x)) : .double(x) }
        var pairs: [(String, JSONValue)] = [
            ("input", .ints(stack.inputExtents.sizes)), ("output", .ints(outputs.sizes)),
            ("input_channels", .int(stack.inChannels)),
            ("output_channels", .int(stack.outChannels)),
            ("layers", .int(stack.layers.count)),
            ("receptive_field", .ints(axes.map(\.receptiveField))),
            ("effective_stride", .array(axes.map { number($0.effectiveStride) })),
            ("effective_padding", .array(axes.map { number($0.effectivePadding) })),
            ("derived_from", .string(fromFormulas ? "formulas" : "matrix")),
            (
                "support",
                .array(
                    support.ranges.map { ranges in
                        ranges.map { .array($0.map { .ints([$0.lowerBound, $0.upperBound]) }) }
                            ?? .null
                    })
            ),
        ]
        if fromFormulas {
            let fields = axes.compactMap(\.formula)
            if fields.count == axes.count {
                pairs.append(
                    (
                        "windows",
                        .array(
                            (0..<total).map { r in
                                let i = outputs.multiIndex(r % spatial)
                                return .array(
                                    fields.indices.map {
                                        let w = fields[$0].window(i[$0])
                                        return .ints([w.lowerBound, w.upperBound])
                                    })
                            })
                    ))
                pairs.append(
                    (
                        "centres",
                        .array(
                            (0..<total).map { r in
                                let i = outputs.multiIndex(r % spatial)
                                return .array(
                                    fields.indices.map { number(fields[$0].centre(i[$0])) })
                            })
                    ))
            }
            pairs.append(("window_mismatches", .ints(windowMismatches)))
        }
        pairs.append(("composed_terms", composed.map { .int($0.termCount) } ?? .null))
        if let composedNote { pairs.append(("composed_note", .string(composedNote))) }
        if let single {
            let c = single.convolution
            pairs.append(
                (
                    "single_convolution",
                    .object([
                        ("kernel", .ints(c.axes.map(\.kernelSize))),
                        ("stride", .ints(c.axes.map(\.stride))),
                        (
                            "padding",
                            .array(c.axes.map { .ints([$0.padding.before, $0.padding.after]) })
                        ),
                        ("equal", .bool(single.isEqual)),
                        ("differing_rows", .ints(single.differingRows)),
                    ])
                ))
        } else {
            pairs.append(("single_convolution", .null))
        }
        return .object(pairs)
    }
}
