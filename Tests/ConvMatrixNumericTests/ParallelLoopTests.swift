import Testing

@testable import ConvMatrixNumeric

/// The fork-and-join loop behind the parallel direct convolution and sparse products.
@Suite("ParallelLoop")
struct ParallelLoopTests {
    @Test("every iteration runs exactly once", arguments: [0, 1, 2, 3, 7, 64, 1000])
    func everyIterationOnce(iterations: Int) {
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(iterations, 1))
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        // Each iteration writes its own slot: the disjoint writes the loop's callers make.
        let slots = UnsafeSendable(counts)
        ParallelLoop.forEach(iterations: iterations) { i in slots.pointer[i] += 1 }
        #expect(counts.prefix(iterations).allSatisfy { $0 == 1 })
    }
}
