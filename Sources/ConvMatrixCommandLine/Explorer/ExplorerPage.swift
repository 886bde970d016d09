import ConvMatrix
import ConvMatrixExplorerCore

/// Fills the generated page template (``ExplorerPageTemplate``) with a layer and the tap colours.
enum ExplorerPage {
    /// The page for `layer`. Its two data blocks are JSON that no browser executes, with `<`, `>`
    /// and `&` escaped so that no value can close the block.
    static func html(layer: ExplorerFlags) -> String {
        let pairs = layer.pairs.map { "[" + json($0.name) + "," + json($0.value) + "]" }
        let palette = TapPalette.colors.map(json)
        let filled = fill(
            ExplorerPageTemplate.html, "@LAYER_JSON@",
            with: "[" + pairs.joined(separator: ",") + "]")
        return fill(filled, "@PALETTE_JSON@", with: "[" + palette.joined(separator: ",") + "]")
    }

    /// `template` with the first `placeholder` replaced by `value` (the template has one of each).
    static func fill(_ template: String, _ placeholder: String, with value: String) -> String {
        let bytes = Array(template.utf8)
        let key = Array(placeholder.utf8)
        guard !key.isEmpty, bytes.count >= key.count else { return template }
        for start in 0...(bytes.count - key.count) where bytes[start] == key[0] {
            if Array(bytes[start..<start + key.count]) == key {
                return String(decoding: bytes[..<start], as: UTF8.self) + value
                    + String(decoding: bytes[(start + key.count)...], as: UTF8.self)
            }
        }
        return template
    }

    /// `text` as a JSON string literal, safe inside a `<script>` element.
    static func json(_ text: String) -> String { JSONString.literal(text, safeInScript: true) }
}
