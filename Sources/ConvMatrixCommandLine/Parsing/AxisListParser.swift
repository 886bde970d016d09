import ConvMatrix
import ConvMatrixLayerFlags

/// Integer values of options that are not layer flags (`--max-cells`, `--max-rows`), parsed by
/// ``ConvMatrixLayerFlags/FlagValues`` with the errors written for the flag.
enum AxisListParser {
    /// One integer value (not an axis list); a number beyond `Int` names `Int.max` as the limit.
    static func single(_ text: String, flag: String) throws(UsageError) -> Int {
        do {
            return try FlagValues.integer(text, largest: Int.max)
        } catch {
            throw UsageError(flag: flag, error.rule)
        }
    }
}
