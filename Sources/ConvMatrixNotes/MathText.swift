/// A piece of mathematics written twice: as LaTeX (for LaTeX and Markdown documents) and as
/// plain text (for terminals). The document structure carries both; a renderer picks one.
public struct MathText: Hashable, Sendable {
    /// LaTeX math-mode source, without delimiters.
    public let latex: String
    /// The same in plain text.
    public let text: String

    /// A piece of mathematics in both forms.
    public init(latex: String, text: String) {
        self.latex = latex
        self.text = text
    }
}
