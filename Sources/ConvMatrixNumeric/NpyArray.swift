import ConvMatrixCore
import Symbolic

/// An array read from NumPy's `.npy` file format (version 1.0, 2.0 or 3.0), as `numpy.save`
/// writes it: the magic string `\x93NUMPY`, a version, a header length, and a Python-literal
/// header such as `{'descr': '<f8', 'fortran_order': False, 'shape': (1, 5, 5), }`, then the
/// raw data.
///
/// Accepted: little-endian (or byte-order-free) `float64` (`<f8`), `float32` (`<f4`), `int64`
/// (`<i8`) and `int32` (`<i4`), in C order. Source: NumPy's "A simple file format for NumPy
/// arrays" (NEP 1, `numpy.lib.format`).
///
/// Floats become exact rationals when their binary fraction fits 64-bit integers (every float
/// with few significant bits, such as `0.5` or `-3.25`); integers are always exact.
public struct NpyArray: Hashable, Sendable {
    /// The array's shape as its header states it (`()` for a scalar).
    public let shape: [Int]
    /// The entries, in C (row-major) order.
    public let values: [NumericValue]
    /// The dtype as NumPy names it (`float64`, `float32`, `int64`, `int32`).
    public let dtype: String

    /// Whether `bytes` start with the `.npy` magic string.
    public static func isNpy(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 6 && Array(bytes[0..<6]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    }

    /// Reads a `.npy` file's bytes.
    ///
    /// - Throws: ``NumericValueError`` saying what is wrong: not a `.npy` file, a dtype other
    ///   than the four above, big-endian data, Fortran order, or too few data bytes.
    public init(bytes: [UInt8]) throws(NumericValueError) {
        guard NpyArray.isNpy(bytes), bytes.count >= 10 else {
            throw NumericValueError("not a .npy file (no \\x93NUMPY magic string)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NumericValueError(".npy header is cut short") }
            headerLength =
                Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw NumericValueError(".npy version \(major) is not supported (1, 2 or 3)")
        }
        guard headerStart + headerLength <= bytes.count else {
            throw NumericValueError(".npy header is cut short")
        }
        let header = String(
            decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        guard let descr = NpyArray.field("descr", in: header),
            let order = NpyArray.field("fortran_order", in: header),
            let shapeText = NpyArray.field("shape", in: header)
        else {
            throw NumericValueError(".npy header lacks descr, fortran_order or shape: \(header)")
        }
        guard order == "False" else {
            throw NumericValueError(
                "the .npy array is in Fortran order; save it in C order (numpy.ascontiguousarray)")
        }
        let kind = descr.trimmingCharacters(in: "'\"")
        let width: Int
        switch kind {
        case "<f8", "=f8", "f8": (dtype, width) = ("float64", 8)
        case "<f4", "=f4", "f4": (dtype, width) = ("float32", 4)
        case "<i8", "=i8", "i8": (dtype, width) = ("int64", 8)
        case "<i4", "=i4", "i4": (dtype, width) = ("int32", 4)
        default:
            throw NumericValueError(
                "dtype '\(kind)' is not supported: use little-endian float64, float32, int64 or int32"
            )
        }
        var dims: [Int] = []
        for part in shapeText.trimmingCharacters(in: "()").split(separator: ",") {
            let text = String(part).trimmingSpaces
            if text.isEmpty { continue }
            guard let size = Int(text), size >= 0 else {
                throw NumericValueError(".npy shape '\(shapeText)' is not a tuple of sizes")
            }
            dims.append(size)
        }
        var count = 1
        for size in dims {
            guard let product = CheckedArithmetic.multiply(count, size) else {
                throw NumericValueError(".npy shape \(shapeText) is too large")
            }
            count = product
        }
        let dataStart = headerStart + headerLength
        guard let needed = CheckedArithmetic.multiply(count, width),
            bytes.count - dataStart >= needed
        else {
            throw NumericValueError(".npy data is cut short for shape \(shapeText)")
        }
        shape = dims
        var values: [NumericValue] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            var bits: UInt64 = 0
            let start = dataStart + index * width
            for byte in 0..<width { bits |= UInt64(bytes[start + byte]) << (8 * UInt64(byte)) }
            let value: NumericValue
            switch dtype {
            case "float64": value = try NumericValue(double: Double(bitPattern: bits))
            case "float32":
                value = try NumericValue(
                    double: Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))))
            case "int64": value = NumericValue(Rational(Int(Int64(bitPattern: bits))))
            default: value = NumericValue(Rational(Int(Int32(truncatingIfNeeded: bits))))
            }
            values.append(value)
        }
        self.values = values
    }

    /// The text after `'name':` up to the next top-level comma (a tuple's commas are inside
    /// its parentheses).
    private static func field(_ name: String, in header: String) -> String? {
        guard let key = header.range(of: "'\(name)':") else { return nil }
        var depth = 0
        var result = ""
        for character in header[key.upperBound...] {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if (character == "," || character == "}") && depth == 0 { break }
            result.append(character)
        }
        return result.trimmingSpaces
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }

    fileprivate func range(of needle: String) -> Range<String.Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) {
                return start..<index(start, offsetBy: needle.count)
            }
            start = index(after: start)
        }
        return nil
    }
}
