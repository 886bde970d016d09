import ConvMatrix
import ConvMatrixExplorerCore
import ConvMatrixLayerFlags

/// The page's `js/generated/protocol.js`, generated from the Swift declarations it mirrors, so
/// that the page and the core cannot drift apart:
/// - the layer flags by the command line's names (``ConvMatrixLayerFlags/LayerFlag``), switches
///   apart, and their defaults (``ConvMatrixLayerFlags/LayerFlag/defaultValue``);
/// - the padding modes in the order the answer numbers them (``ConvMatrixCore/PaddingMode``);
/// - the answer's word layout (``ExplorerStatus``, ``ExplorerErrorWord``, ``ExplorerLayerWord``,
///   ``ExplorerAxisWord``);
/// - the letters, digits and brackets of symbol names, as ``ConvMatrixSymbols/LayerSymbols`` and
///   Symbolic's `PlainTextPrinter` print them.
///
/// The file is committed with the page's sources; `ExplorerScriptProtocolTests` fails when it
/// differs from ``module`` and rewrites it when `CONVMATRIX_WRITE_GENERATED=1`
/// (`tools/build-explorer.sh` does that).
enum ExplorerScriptProtocol {
    /// The module's text.
    static var module: String {
        let flags = LayerFlag.allCases
        let text = """
            // @ts-check
            // Generated from the Swift declarations by ExplorerScriptProtocol.swift
            // (Sources/ConvMatrixCommandLine/Explorer). Do not edit: tools/build-explorer.sh
            // rewrites it, and ExplorerScriptProtocolTests fails when it is stale.

            /** The layer flags that take a value, by the command line's names (LayerFlag). */
            export const FLAGS = \(list(flags.filter { !$0.isSwitch }.map(\.rawValue)));

            /** The layer flags that are switches (on: `1`). */
            export const SWITCHES = \(list(flags.filter(\.isSwitch).map(\.rawValue)));

            /**
             * What the command line assumes for a flag not given (LayerFlag.defaultValue).
             * @type {Readonly<Record<string, string>>}
             */
            export const DEFAULTS = \(record(flags.compactMap { flag in flag.defaultValue.map { (flag.rawValue, $0) } }));

            /** The padding modes, numbered as the answer's `paddingMode` word numbers them. */
            export const PADDING_MODES = \(list(PaddingMode.allCases.map(\.rawValue)));

            /** The first word of an answer (ExplorerStatus). */
            export const STATUS = \(words(ExplorerStatus.allCases.map { ("\($0)", Int($0.rawValue)) }));

            /** The words that open an error answer; the UTF-8 line follows (ExplorerErrorWord). */
            export const ERROR_WORDS = \(words(offsets(ExplorerErrorWord.self), count: "bytes"));

            /** The words that open a layer's answer (ExplorerLayerWord); the axes follow. */
            export const LAYER_WORDS = \(words(offsets(ExplorerLayerWord.self), count: "count"));

            /** The words of one axis (ExplorerAxisWord); `sameInputSizeCount` pairs follow. */
            export const AXIS_WORDS = \(words(offsets(ExplorerAxisWord.self), count: "count"));

            /** The letters, digits and brackets of names (LayerSymbols, PlainTextPrinter). */
            export const NAMES = \(record(names));

            """
        return text
    }

    /// The names' parts, printed by the library itself.
    private static var names: [(String, String)] {
        let printer = PlainTextPrinter()
        var subscripts = ""
        var superscripts = ""
        var open = ""
        var close = ""
        for digit in 0...9 {
            subscripts += printer.string(for: Symbol("", indices: [digit]))
            let raised = Array(printer.string(for: Symbol("", superscript: [digit])))
            open = raised.first.map { String($0) } ?? ""
            close = raised.last.map { String($0) } ?? ""
            superscripts += raised.dropFirst().dropLast().map { String($0) }.joined()
        }
        // Indices of two digits or more are separated: `₁₀,₀`.
        let separated = printer.string(for: Symbol("", indices: [10, 0]))
        let separator = String(separated.dropFirst(2).dropLast())
        let forward = LayerSymbols(sample.forward)
        let transposed = LayerSymbols(sample.transposed)
        return [
            ("input", forward.inputLetter), ("output", forward.outputLetter),
            ("kernel", forward.names.kernel), ("transposedInput", transposed.inputLetter),
            ("transposedOutput", transposed.outputLetter), ("subscriptDigits", subscripts),
            ("superscriptDigits", superscripts), ("superscriptOpen", open),
            ("superscriptClose", close), ("separator", separator),
        ]
    }

    /// A one-position layer of each kind, for their letters.
    private static var sample: (forward: Convolution, transposed: TransposedConvolution) {
        let forward = try? ConvolutionSpec(inputSize: [1], kernelSize: [1]).validated()
        let transposed = try? TransposedConvolutionSpec(inputSize: [1], kernelSize: [1])
            .validated()
        guard let forward, let transposed else {
            preconditionFailure("a 1-position layer is valid")
        }
        return (forward, transposed)
    }

    private static func offsets<Word: RawRepresentable & CaseIterable>(_: Word.Type) -> [(
        String, Int
    )] where Word.RawValue == Int {
        Word.allCases.map { ("\($0)", $0.rawValue) }
    }

    private static func list(_ values: [String]) -> String {
        "Object.freeze([" + values.map { JSONString.literal($0) }.joined(separator: ", ") + "])"
    }

    private static func record(_ pairs: [(String, String)]) -> String {
        "Object.freeze({\n"
            + pairs.map { "  " + key($0.0) + ": " + JSONString.literal($0.1) + ",\n" }.joined()
            + "})"
    }

    private static func words(_ pairs: [(String, Int)], count: String? = nil) -> String {
        var all = pairs
        if let count { all.append((count, pairs.count)) }
        return "Object.freeze({\n" + all.map { "  " + key($0.0) + ": \($0.1),\n" }.joined() + "})"
    }

    /// `name` as an object key: bare when it is an identifier, quoted otherwise.
    private static func key(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber } ? name : JSONString.literal(name)
    }
}
