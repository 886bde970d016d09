/// The C ABI the explorer page calls in the WebAssembly build (the same functions exist in the
/// host build, where the tests call them).
///
/// The page writes a request (see ``ExplorerEncoding/pairs(_:)``) into memory it got from
/// `convmatrix_alloc`, calls `convmatrix_explore`, reads the answer's words (see
/// ``ExplorerEncoding``), and gives both buffers back with `convmatrix_free`.

/// `size` bytes of memory, 8-byte aligned, or null.
@_cdecl("convmatrix_alloc")
public func convmatrixAlloc(_ size: Int32) -> UnsafeMutableRawPointer? {
    guard size >= 0 else { return nil }
    return UnsafeMutableRawPointer.allocate(byteCount: Int(size), alignment: 8)
}

/// Frees memory from `convmatrix_alloc` or `convmatrix_explore`.
@_cdecl("convmatrix_free")
public func convmatrixFree(_ pointer: UnsafeMutableRawPointer?) {
    pointer?.deallocate()
}

/// The answer for the request of `length` bytes at `request`: a buffer of 32-bit words whose
/// first word is the status and whose layout ``ExplorerEncoding`` describes. The caller frees it.
@_cdecl("convmatrix_explore")
public func convmatrixExplore(_ request: UnsafePointer<UInt8>?, _ length: Int32)
    -> UnsafeMutablePointer<Int32>?
{
    let bytes = UnsafeBufferPointer(start: request, count: max(0, Int(length)))
    let words: [Int32]
    if let pairs = ExplorerEncoding.pairs(bytes) {
        words = ExplorerEncoding.answer(ExplorerFlags(pairs))
    } else {
        words = ExplorerEncoding.words(ExplorerError(message: "the layer could not be read"))
    }
    let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: words.count)
    buffer.initialize(from: words, count: words.count)
    return buffer
}
