import ConvMatrixCore
import ConvMatrixNumeric
import Foundation
import Symbolic
import Testing

/// Numbers from lists and files (`ValueArray`, `NpyArray`), exact values from floats, the
/// layer with values, and max pooling's selection.
struct ValueSourcesTests {
    /// A `.npy` file as `numpy.save` writes it (version 1.0, header padded to 64 bytes).
    static func npy(_ descr: String, shape: String, payload: [UInt8], order: String = "False")
        -> [UInt8]
    {
        var header = "{'descr': '\(descr)', 'fortran_order': \(order), 'shape': \(shape), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        return [0x93] + Array("NUMPY".utf8) + [1, 0]
            + [UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)] + Array(header.utf8)
            + payload
    }

    static func bytes<T>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    @Test("each accepted dtype reads back exactly, little-endian, C order")
    func dtypes() throws {
        let f8 = try NpyArray(
            bytes: Self.npy("<f8", shape: "(2, 2)", payload: Self.bytes([0.5, -3.25, 1e-3, 7.0])))
        #expect(f8.shape == [2, 2] && f8.dtype == "float64")
        #expect(f8.values[0].exact == (try Rational(1, 2)))
        #expect(f8.values[1].exact == (try Rational(-13, 4)))
        #expect(f8.values[3].exact == Rational(7))
        // 0.001 is stored as the binary fraction nearest to it: exactly that fraction.
        #expect(
            f8.values[2].exact?.denominator == 1 << 62 || f8.values[2].exact?.doubleValue == 1e-3)
        #expect(f8.values[2].double == 1e-3)
        let f4 = try NpyArray(
            bytes: Self.npy("<f4", shape: "(3,)", payload: Self.bytes([Float(0.25), -2, 1.5])))
        #expect(f4.values.map(\.exact) == [try Rational(1, 4), Rational(-2), try Rational(3, 2)])
        let i8 = try NpyArray(
            bytes: Self.npy("<i8", shape: "(2,)", payload: Self.bytes([Int64(-5), 9])))
        #expect(i8.values.map(\.exact) == [Rational(-5), Rational(9)])
        let i4 = try NpyArray(
            bytes: Self.npy("<i4", shape: "(1, 2)", payload: Self.bytes([Int32(3), -1])))
        #expect(i4.shape == [1, 2] && i4.values.map(\.exact) == [Rational(3), Rational(-1)])
        let scalar = try NpyArray(bytes: Self.npy("<f8", shape: "()", payload: Self.bytes([2.0])))
        #expect(scalar.shape == [] && scalar.values.count == 1)
    }

    @Test(
        "unsupported files are refused with a reason",
        arguments: [
            ("<f2", "(2,)", "False", 4, "dtype '<f2'"), (">f8", "(2,)", "False", 16, "dtype '>f8'"),
            ("<f8", "(2, 2)", "True", 32, "Fortran order"),
            ("<f8", "(4,)", "False", 8, "cut short"),
            ("<c16", "(1,)", "False", 16, "dtype '<c16'"),
        ])
    func refused(descr: String, shape: String, order: String, payload: Int, message: String) {
        do {
            _ = try NpyArray(
                bytes: Self.npy(
                    descr, shape: shape, payload: [UInt8](repeating: 0, count: payload),
                    order: order))
            Issue.record("accepted \(descr) \(shape)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("NaN and infinity in a .npy are refused; a file that is not .npy is not read as one")
    func nonFinite() {
        #expect(throws: NumericValueError.self) {
            try NpyArray(bytes: Self.npy("<f8", shape: "(1,)", payload: Self.bytes([Double.nan])))
        }
        #expect(!NpyArray.isNpy(Array("1,2,3".utf8)))
    }

    @Test("a .npy's shape must match, with PyTorch's batch of one allowed for tensors")
    func shapes() throws {
        let extents = try #require(Extents([2, 2]))
        let file = Self.npy("<f8", shape: "(1, 1, 2, 2)", payload: Self.bytes([1.0, 2, 3, 4]))
        let array = try ValueArray(file: file, name: "x.npy", field: .inputValues)
        let tensor = try TensorValues(array, channels: 1, extents: extents)
        #expect(tensor.values.map(\.double) == [1, 2, 3, 4])
        let wrong = try ValueArray(
            file: Self.npy("<f8", shape: "(4,)", payload: Self.bytes([1.0, 2, 3, 4])),
            name: "x.npy",
            field: .inputValues)
        #expect(throws: SpecificationError.self) {
            try TensorValues(wrong, channels: 1, extents: extents)
        }
    }

    @Test("text files separate numbers by commas or whitespace; a list keeps exact spellings")
    func text() throws {
        let array = try ValueArray(
            file: Array("1, 2\n3\t1/9  -0.5\n".utf8), name: "v.txt", field: .kernelValues)
        #expect(array.values.map(\.text) == ["1", "2", "3", "1/9", "-0.5"])
        #expect(array.shape == nil)
        let list = try ValueArray(list: "1/9,0.1", field: .kernelValues)
        #expect(list.values.map(\.exact) == [try Rational(1, 9), try Rational(1, 10)])
        #expect(throws: SpecificationError.self) { try ValueArray(list: "1,,2", field: .bias) }
        #expect(throws: SpecificationError.self) {
            try ValueArray(file: [], name: "e.txt", field: .bias)
        }
    }

    @Test(
        "U's stored entries are counted before it is built",
        arguments: [
            "5x5 3x3 s2", "7x7 3x3 p1 reflect", "9 3 d2 p2", "6x6x6 3x3x3 s2",
            "8x8 3x3 c4 m6 g2 p1",
        ])
    func storedCount(_ description: String) throws {
        var spec = ConvolutionSpec(inputSize: [5, 5], kernelSize: [3, 3])
        let parts = description.split(separator: " ")
        spec.inputSize = parts[0].split(separator: "x").compactMap { Int($0) }
        spec.kernelSize = parts[1].split(separator: "x").compactMap { Int($0) }
        for part in parts.dropFirst(2) {
            let value = Int(part.dropFirst()) ?? 0
            switch part.first {
            case "s": spec.stride = Array(repeating: value, count: spec.inputSize.count)
            case "d": spec.dilation = Array(repeating: value, count: spec.inputSize.count)
            case "p":
                spec.padding = .explicit(
                    Array(
                        repeating: AxisPadding(before: value, after: value),
                        count: spec.inputSize.count))
            case "c": spec.inChannels = value
            case "m": spec.outChannels = value
            case "g": spec.groups = value
            default: spec.paddingMode = .reflect
            }
        }
        let conv = try spec.validated()
        #expect(conv.unrolledStoredCount == (try conv.unrolled()).storedCount)
    }

    @Test("max pooling selects the first maximum of each window, as PyTorch")
    func maxPoolSelection() throws {
        var spec = ConvolutionSpec(inputSize: [4, 4], kernelSize: [2, 2])
        spec.stride = [2, 2]
        let conv = try spec.validated()
        let input = try [1, 2, 2, 0, 0, 1, 3, 3, 5, 5, 0, 0, 5, 1, 0, 1].map {
            try NumericValue(parsing: "\($0)")
        }
        let selection = try MaxPoolSelection(conv, u: try conv.unrolled(), input: input)
        #expect(selection.argmax == [1, 6, 8, 15])
        #expect(selection.tiedOutputs == [1, 2])
        #expect(selection.output(input).map(\.double) == [2, 3, 5, 1])
        #expect(selection.matrix.storedCount == 4)
        let delta = try ["1", "1/2", "3", "-1"].map { try NumericValue(parsing: $0) }
        #expect(
            try selection.inputGradient(delta)
                == .exact(
                    [0, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, -1].enumerated().map {
                        $0.offset == 6 ? try Rational(1, 2) : Rational($0.element)
                    }))
    }

    @Test("exact arithmetic falls back to doubles on overflow, never traps")
    func overflowFallsBack() throws {
        var spec = ConvolutionSpec(inputSize: [2], kernelSize: [2])
        spec.stride = [1]
        let conv = try spec.validated()
        let huge = try NumericValue(parsing: "1/\(Int.max)")
        let other = try NumericValue(parsing: "1/\(Int.max - 1)")
        let result = try conv.evaluate(
            try conv.unrolled(), values: LayerValues(input: [huge, other], kernel: [other, huge]))
        #expect(!result.isExact)
        #expect(result.doubles[0] > 0)
    }
}
