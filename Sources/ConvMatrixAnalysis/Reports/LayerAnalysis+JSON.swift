/// `convmatrix analyze --format json`: the keys of the contract (`rows`, `columns`,
/// `stored_entries`, `fan_in`, `fan_out`, `unreached_inputs`, `overlap`, `rank`, `structure`,
/// `operator_norm`, `singular_values`) and more.
extension LayerAnalysis {
    /// The report as JSON.
    public var json: JSONValue {
        func summary(_ s: CountSummary) -> JSONValue {
            .object([
                ("min", .int(s.min)), ("max", .int(s.max)),
                ("histogram", .array(s.histogram.map { .ints([$0.value, $0.positions]) })),
                ("counts", .ints(s.counts)),
            ])
        }
        let rule: [JSONValue] = overlap.axes.map { axis in
            .object([
                ("kernel", .int(axis.axis.kernel)), ("stride", .int(axis.axis.stride)),
                ("dilation", .int(axis.axis.dilation)), ("gcd", .int(axis.gcd)),
                ("interior_period", .ints(axis.interiorPeriod)),
                ("interior_uniform", .bool(axis.interiorUniform)), ("counts", .ints(axis.counts)),
            ])
        }
        var pairs: [(String, JSONValue)] = [
            ("matrix", .string(layer.isTransposed ? "T" : "U")),
            ("rows", .int(rows)), ("columns", .int(columns)),
            ("stored_entries", .int(storedEntries)), ("positions", .int(positions)),
            ("density", .double(density)),
            ("fan_in", summary(fans.fanIn)), ("fan_out", summary(fans.fanOut)),
            ("unreached_inputs", .ints(unreachedInputs)),
            (
                "unreached_inputs_match_geometry",
                unreachedMatchesGeometry.map(JSONValue.bool) ?? .null
            ),
            (
                "overlap",
                .object([
                    ("uniform", .bool(overlap.uniform)), ("counts", .ints(overlap.counts.counts)),
                    ("min", .int(overlap.counts.min)), ("max", .int(overlap.counts.max)),
                    ("rule_uniform", .bool(overlap.ruleSaysUniform)),
                    ("rule_matches_matrix", .bool(overlap.matchesMatrix)),
                    ("channel_factor", .int(overlap.channelFactor)), ("axes", .array(rule)),
                ])
            ),
            (
                "rank",
                .object([
                    ("structural", .int(structuralRank)),
                    ("values", valueRank.map { .int($0.value) } ?? .null),
                    ("method", valueRank.map { .string($0.method) } ?? .null),
                    ("tolerance", valueRank?.tolerance.map(JSONValue.double) ?? .null),
                    ("exact_note", valueRank?.exactNote.map(JSONValue.string) ?? .null),
                ])
            ),
            ("structure", .array(structure.map { .string($0.rawValue) })),
            ("structure_checked", .bool(structureChecked)),
            ("operator_norm", operatorNorm.map { .double($0.value) } ?? .null),
            (
                "power_iteration",
                operatorNorm.map {
                    .object([
                        ("iterations", .int($0.iterations)),
                        ("krylov_iterations", .int($0.krylovIterations)),
                        ("power_estimate", .double($0.powerEstimate)),
                        ("converged", .bool($0.converged)),
                        ("last_relative_change", .double($0.lastRelativeChange)),
                    ])
                } ?? .null
            ),
            ("singular_values", singularValues.map { .array($0.map(JSONValue.double)) } ?? .null),
            (
                "dft_singular_values",
                dftSingularValues.map { .array($0.map(JSONValue.double)) } ?? .null
            ),
            ("spectrum_disagreement", spectrumDisagreement.map(JSONValue.double) ?? .null),
        ]
        if let svdNote { pairs.append(("svd_note", .string(svdNote))) }
        return .object(pairs)
    }
}
