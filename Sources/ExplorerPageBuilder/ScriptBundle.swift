import Foundation

/// The page's ES modules as one classic script, the only kind a single-file page can inline
/// under its Content-Security-Policy (a module script cannot import its neighbours from
/// `file://`, and the page loads nothing).
///
/// The modules keep to a small subset of the syntax, so that this needs no JavaScript parser:
/// - an import is one line, `import { a, b } from './name.js';` (a path relative to the module);
/// - an export is a declaration, `export function f`, `export const x`, `export class C`
///   (no `export let`: every module sees its imports as the values they had when it ran);
/// - a JSDoc block (`/** … */`) that starts a line is for `tsc` and is left out of the page.
///
/// Each module becomes a function run once, in dependency order, that returns its exports;
/// an import becomes `const { a, b } = <that module's exports>;`. The order follows the imports
/// from the entry module, depth first, so the script is the same on every machine.
struct ScriptBundle {
    /// A module's source and where it lives (relative to the script folder, `/`-separated).
    struct Module {
        let path: String
        let source: String
    }

    /// Why the modules cannot be bundled.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The script of the module at `entry` and everything it imports; `read` gives a module's
    /// source by its path.
    static func script(entry: String, read: (String) throws -> String) throws -> String {
        var order: [String] = []
        var sources: [String: String] = [:]
        var visiting: Set<String> = []
        func visit(_ path: String) throws {
            if sources[path] != nil { return }
            guard visiting.insert(path).inserted else {
                throw Failure(description: "the modules import each other in a cycle at \(path)")
            }
            let source = try read(path)
            for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
                if let imported = try importLine(String(line), from: path) {
                    try visit(imported.path)
                }
            }
            visiting.remove(path)
            sources[path] = source
            order.append(path)
        }
        try visit(entry)
        var script = "'use strict';\n(() => {\n"
        for path in order {
            script += try body(path: path, source: sources[path] ?? "")
        }
        return script + "})();\n"
    }

    /// The identifier that holds the exports of the module at `path`.
    static func variable(_ path: String) -> String {
        let stem = path.hasSuffix(".js") ? String(path.dropLast(3)) : path
        return "module_" + String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A module as a function that returns its exports, assigned to its ``variable(_:)``.
    private static func body(path: String, source: String) throws -> String {
        var lines: [String] = []
        var exports: [String] = []
        var inDocComment = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            // JSDoc blocks on lines of their own are types for `tsc`, not code: left out of the
            // page (casts inside a line, `/** @type {T} */ (x)`, stay).
            let trimmed = text.drop { $0 == " " }
            if inDocComment || trimmed.hasPrefix("/**") {
                inDocComment = !trimmed.contains("*/")
                continue
            }
            if let imported = try importLine(text, from: path) {
                lines.append(
                    "const { " + imported.names.joined(separator: ", ") + " } = "
                        + variable(imported.path) + ";")
            } else if text.hasPrefix("export ") {
                let declaration = String(text.dropFirst("export ".count))
                guard let name = exportedName(declaration) else {
                    throw Failure(
                        description:
                            "\(path): only `export function`, `export const` and `export class` are bundled: \(text)"
                    )
                }
                exports.append(name)
                lines.append(declaration)
            } else if text.contains("import ") && text.hasPrefix("import") {
                throw Failure(description: "\(path): an import must be one line: \(text)")
            } else {
                lines.append(text)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return "// " + path + "\nconst " + variable(path) + " = (() => {\n"
            + lines.joined(separator: "\n") + "\nreturn { " + exports.joined(separator: ", ")
            + " };\n})();\n"
    }

    /// The names and the module path of an import line, or nil for any other line.
    private static func importLine(_ line: String, from path: String) throws -> (
        names: [String], path: String
    )? {
        guard line.hasPrefix("import {") else { return nil }
        guard let close = line.firstIndex(of: "}"),
            let fromRange = line.range(of: " from '", range: close..<line.endIndex),
            line.hasSuffix("';")
        else {
            throw Failure(
                description: "\(path): an import must read import { a, b } from './x.js';")
        }
        let names = line[line.index(line.startIndex, offsetBy: "import {".count)..<close]
            .split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        let target = String(line[fromRange.upperBound..<line.index(line.endIndex, offsetBy: -2)])
        guard target.hasPrefix("./") || target.hasPrefix("../") else {
            throw Failure(description: "\(path): imports are relative paths, got \(target)")
        }
        guard names.allSatisfy({ !$0.contains(" ") }) else {
            throw Failure(description: "\(path): `as` in an import is not bundled: \(line)")
        }
        return (names, resolve(target, from: path))
    }

    /// `target` relative to the folder of `path`.
    static func resolve(_ target: String, from path: String) -> String {
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The name a declaration declares (`function f(`, `const x =`, `class C`), or nil.
    private static func exportedName(_ declaration: String) -> String? {
        for keyword in ["function ", "const ", "class "] where declaration.hasPrefix(keyword) {
            let rest = declaration.dropFirst(keyword.count)
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
