import ConvMatrix

/// The options `derive` adds for course notes: the style, zeros in equation lists, the order
/// of factors and the sections to print.
extension Options {
    static let deriveStyle = OptionDefinition(
        name: "style", choices: DeriveStyle.self,
        help:
            "matrices: U, T and the grids (default); equations: one equation per output and per gradient entry, as course notes write them."
    )
    static let showZeros = OptionDefinition(
        name: "show-zeros", valueName: nil,
        help: "With --style equations: write the outputs that do not reach an entry as ·0.")
    static let productOrder = OptionDefinition(
        name: "product-order", choices: ProductOrder.self,
        help:
            "Order of factors: δ, input, weight (x₁₁·w₁₁, δ₁₁·x₁₁: input-first, default) or the letters' order (weight-first for x,w)."
    )
    static let sections = OptionDefinition(
        name: "sections", valueName: "<name,name,…>",
        help: "Only these sections, by name (see --help): a one-page handout picks a few.")
}

/// `derive --style`.
enum DeriveStyle: String, CaseIterable, Sendable {
    case matrices, equations
}

/// `--product-order`.
enum ProductOrder: String, CaseIterable, Sendable {
    case inputFirst = "input-first"
    case weightFirst = "weight-first"
}
