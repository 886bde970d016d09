import ConvMatrixCore
import ConvMatrixLayerFlags
import Foundation
import Testing

@testable import ConvMatrixCommandLine

/// The page's generated module (`js/generated/protocol.js`) is what the Swift declarations give:
/// the flag names and defaults, the answer's layout and the parts of names cannot drift.
@Suite("the page's generated protocol module")
struct ExplorerScriptProtocolTests {
    /// The committed module, beside the page's other sources.
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(
            "Sources/ConvMatrixCommandLine/Explorer/Page/js/generated/protocol.js"
        ).path

    @Test(
        "the committed module is what the declarations generate (CONVMATRIX_WRITE_GENERATED=1 rewrites it)"
    )
    func upToDate() throws {
        let generated = ExplorerScriptProtocol.module
        if ProcessInfo.processInfo.environment["CONVMATRIX_WRITE_GENERATED"] == "1" {
            try generated.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(
            committed == generated,
            "js/generated/protocol.js is stale: run tools/build-explorer.sh and commit it")
    }

    @Test("the module names every flag, the padding modes and the answer's words")
    func contents() {
        let module = ExplorerScriptProtocol.module
        for flag in LayerFlag.allCases {
            #expect(module.contains("\"\(flag.rawValue)\""), "\(flag)")
        }
        #expect(module.contains("export const FLAGS = Object.freeze([\"input\", \"kernel\""))
        #expect(
            module.contains(
                "export const SWITCHES = Object.freeze([\"flip\", \"average-pool\", \"transposed\"])"
            ))
        #expect(module.contains("  stride: \"1\",\n"))
        #expect(module.contains("  \"output-padding\": \"0\",\n"))
        #expect(module.contains("\"zeros\", \"reflect\", \"replicate\", \"circular\""))
        #expect(module.contains("  total: 1,\n"))
        #expect(module.contains("  stored: 14,\n  count: 15,\n"))
        #expect(module.contains("  sameInputSizeCount: 8,\n  count: 9,\n"))
        #expect(module.contains("  subscriptDigits: \"₀₁₂₃₄₅₆₇₈₉\",\n"))
        #expect(module.contains("  superscriptDigits: \"⁰¹²³⁴⁵⁶⁷⁸⁹\",\n"))
        #expect(module.contains("  transposedOutput: \"C\",\n"))
    }

    @Test(
        "a flag's declared default is what the command line assumes", arguments: LayerFlag.allCases)
    func defaults(flag: LayerFlag) throws {
        guard let value = flag.defaultValue else {
            #expect(flag.isSwitch || flag == .input || flag == .kernel)
            return
        }
        let transposed = flag == .outputPadding
        var base: [(name: String, value: String?)] = [("input", "6x6"), ("kernel", "3x3")]
        if transposed { base.append(("transposed", nil)) }
        let without = try LayerFlags(base).layer()
        let with = try LayerFlags(base + [(flag.rawValue, value)]).layer()
        #expect(with == without, "\(flag.rawValue)=\(value)")
    }
}
