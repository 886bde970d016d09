/// What the padded positions contain, with PyTorch's `padding_mode` semantics.
///
/// For an axis of `n` input positions, a padded position `q` (input coordinates, so `q < 0` or
/// `q ≥ n` lies in the padding) reads:
/// - `zeros`: nothing (the value 0), so the tap it would meet contributes no entry to U;
/// - `reflect`: `x[r(q)]` with the mirror that does not repeat the edge: `r(−1) = 1`, `r(n) = n − 2`
///   (requires padding < n on each side, PyTorch's rule);
/// - `replicate`: `x[clamp(q, 0, n − 1)]`, the edge value repeated;
/// - `circular`: `x[q mod n]`, the input wrapped around (requires padding ≤ n on each side).
///
/// Every mode keeps the layer linear in x, so U still exists; but under `reflect`, `replicate` and
/// `circular` several taps can meet the same input, and an entry of U becomes a *sum* of taps
/// (for example `k₀₀ + k₀₂`).
public enum PaddingMode: String, Hashable, Sendable, CaseIterable {
    /// Padded positions are zero.
    case zeros
    /// Mirror without repeating the edge element.
    case reflect
    /// Repeat the edge element.
    case replicate
    /// Wrap around.
    case circular

    /// The input index that padded position `q` reads on an axis of `n` positions, or `nil` when
    /// it reads a zero. `q` is in input coordinates (`0 ≤ q < n` is the input itself).
    ///
    /// Defined for the paddings that validation admits; for `reflect` the mirror is applied
    /// repeatedly so that the function is total even beyond them.
    public func sourceIndex(of q: Int, extent n: Int) -> Int? {
        if q >= 0 && q < n { return q }
        switch self {
        case .zeros:
            return nil
        case .replicate:
            return q < 0 ? 0 : n - 1
        case .circular:
            let r = q % n
            return r < 0 ? r + n : r
        case .reflect:
            if n == 1 { return 0 }
            let period = 2 * (n - 1)
            var r = q % period
            if r < 0 { r += period }
            return r < n ? r : period - r
        }
    }
}
