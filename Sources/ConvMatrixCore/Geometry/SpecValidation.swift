/// Shared checks of the per-axis fields of convolution and transposed-convolution specs.
enum SpecValidation {
    /// `values` expanded to `rank` axes: one value per axis, or a single value repeated.
    static func perAxis<T>(_ values: [T], rank: Int, field: SpecificationField)
        throws(SpecificationError) -> [T]
    {
        if values.count == rank { return values }
        if values.count == 1 { return Array(repeating: values[0], count: rank) }
        throw SpecificationError(
            field, "has \(values.count) axes but the input has \(rank); give one value or \(rank)")
    }

    /// The largest size, stride, dilation, padding or channel count accepted: `2³¹ − 1`.
    ///
    /// Matrices index columns and taps with 32-bit integers, so nothing larger could be unrolled;
    /// and with every per-axis value below `2³¹`, the single-axis arithmetic of validation
    /// (`d·(k − 1)`, `(m − 1)·s`, `n + p_before + p_after`) cannot overflow a 64-bit `Int`.
    static let largestValue = Int(Int32.max)

    /// Checks that every value is at most ``largestValue``.
    static func atMostLargest(_ values: [Int], field: SpecificationField) throws(SpecificationError)
    {
        for (axis, value) in values.enumerated() where value > largestValue {
            let place = AxisNames.place(axis, rank: values.count)
            throw SpecificationError(field, "must be ≤ \(largestValue), got \(value)\(place)")
        }
    }

    /// Checks that every value is at least `minimum`.
    static func atLeast(_ minimum: Int, _ values: [Int], field: SpecificationField)
        throws(SpecificationError)
    {
        for (axis, value) in values.enumerated() where value < minimum {
            let place = AxisNames.place(axis, rank: values.count)
            throw SpecificationError(field, "must be ≥ \(minimum), got \(value)\(place)")
        }
    }

    /// Checks channel counts and that the groups divide both.
    static func channels(inChannels: Int, outChannels: Int, groups: Int) throws(SpecificationError)
    {
        try atLeast(1, [inChannels], field: .inChannels)
        try atMostLargest([inChannels], field: .inChannels)
        try atLeast(1, [outChannels], field: .outChannels)
        try atMostLargest([outChannels], field: .outChannels)
        try atLeast(1, [groups], field: .groups)
        guard inChannels % groups == 0 else {
            throw SpecificationError(
                .groups, "must divide the input channels (\(inChannels)), got \(groups)")
        }
        guard outChannels % groups == 0 else {
            throw SpecificationError(
                .groups, "must divide the output channels (\(outChannels)), got \(groups)")
        }
    }

    /// `Extents` of `sizes`, or an error naming `field` when the element count `channels · Π sizes`
    /// overflows. The count is computed in 64-bit arithmetic on every host; a count that fits
    /// `Int64` but not this host's `Int` (a 32-bit host: the explorer's WebAssembly core) is
    /// refused by `elements`' budget at the default limits, as a 64-bit command line refuses it.
    static func extents(
        _ sizes: [Int], channels: Int64, field: SpecificationField,
        elements: () -> LayerElementCounts? = { nil }
    ) throws(SpecificationError) -> Extents {
        guard LayerElementCounts.count(channels: channels, sizes: sizes) != nil else {
            throw SpecificationError(
                field,
                "\(channels) channel(s) of \(sizes.map(String.init).joined(separator: "×")) elements overflow a 64-bit count"
            )
        }
        if let extents = Extents(sizes), Int(exactly: channels) != nil,
            CheckedArithmetic.multiply(extents.count, Int(channels)) != nil
        {
            return extents
        }
        if let counts = elements() {
            try ResourceLimits.checkElements(counts, budget: ResourceLimits.defaultMemoryBytes)
        }
        throw SpecificationError(
            field,
            "\(channels) channel(s) of \(sizes.map(String.init).joined(separator: "×")) elements are more than this \(Int.bitWidth)-bit host counts"
        )
    }

    /// Explicit paddings expanded to `rank` axes and checked ≥ 0.
    static func explicitPadding(_ amounts: [AxisPadding], rank: Int) throws(SpecificationError)
        -> [AxisPadding]
    {
        for (axis, padding) in amounts.enumerated() {
            let place = AxisNames.place(axis, rank: amounts.count)
            for value in [padding.before, padding.after] {
                if value < 0 {
                    throw SpecificationError(.padding, "must be ≥ 0, got \(value)\(place)")
                }
                if value > largestValue {
                    throw SpecificationError(
                        .padding, "must be ≤ \(largestValue), got \(value)\(place)")
                }
            }
        }
        return try perAxis(amounts, rank: rank, field: .padding)
    }
}
