import ConvMatrix
import Testing

/// The library knows nothing of its command line: its errors are values (field, rule, numbers)
/// and its messages name no flag; the command line adds the options that change a rule.
@Suite("The library names no flag")
struct LibraryNamesNoFlagTests {
    @Test("budgets: the rule and its numbers, no flag")
    func budgets() {
        let limits = ResourceLimits(maxMemoryBytes: 1000, maxDenseCells: 10)
        do {
            try limits.checkMemory(5000, for: "U")
            Issue.record("expected an error")
        } catch {
            #expect(error.rule == .memoryBudget(needed: 5000, budget: 1000))
            #expect(!error.message.contains("--"))
        }
        do {
            try limits.checkDense(rows: 4, columns: 5, what: "U")
            Issue.record("expected an error")
        } catch {
            #expect(error.rule == .denseCellLimit(rows: 4, columns: 5, limit: 10))
            #expect(error.field == .size)
            #expect(!error.message.contains("--"))
        }
    }

    @Test("a strided 'same' under PyTorch's rule says so without naming an option")
    func sameRule() {
        let spec = ConvolutionSpec(inputSize: [7], kernelSize: [3], stride: [2], padding: .same)
        do {
            _ = try spec.validated()
            Issue.record("expected an error")
        } catch {
            #expect(error.rule == .sameNeedsStrideOne(stride: 2))
            #expect(!error.message.contains("--"))
        }
    }

    @Test("a stack's supports over the memory budget: the limit and its numbers, no flag")
    func stackSupports() throws {
        let conv = try ConvolutionSpec(inputSize: [64], kernelSize: [3]).validated()
        let u = try conv.unrolled()
        let limits = ResourceLimits(maxMemoryBytes: 64, maxDenseCells: 10)
        do {
            _ = try StackSupport(matrices: [u, u], inputExtents: conv.inputExtents, limits: limits)
            Issue.record("expected an error")
        } catch {
            #expect(error == .composedTooLarge(.supportMemory(budget: 64)))
            #expect(error.description.contains("64 bytes"))
            #expect(!error.description.contains("--"))
        }
    }

    @Test("a derivation fragment does not name the program")
    func derivation() throws {
        let conv = try ConvolutionSpec.input5x5Kernel3x3Stride2.validated()
        let text = DerivationRenderer(format: .latex, language: .en, standalone: false).render(
            try Derivation(conv, options: DerivationOptions()), layer: "input 5×5")
        #expect(!text.contains("convmatrix"))
    }
}
