/// Options for ``EASE``.
public struct EASEConfiguration: Sendable, Codable, Equatable {
    /// λ > 0 added to the diagonal of the Gram matrix XᵀX, in units of squared interaction value (a count of
    /// users for 0/1 data). The default 500 is the value Steck (2019) reports for ML-20M; smaller catalogues
    /// and sparser data usually want less, so tune it.
    public var regularization: Float
    /// Largest working memory, in bytes, that fitting may use: about 12 bytes per item pair (a Double Gram and
    /// Cholesky matrix plus the Float weights). The default is 4 GiB, enough for about 18,900 items.
    public var memoryLimitBytes: Int

    /// Creates a configuration.
    public init(regularization: Float = 500, memoryLimitBytes: Int = 4 << 30) {
        self.regularization = regularization
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// Checks every value is in range.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` naming the field, what was expected and found.
    public func validate() throws {
        if !(regularization > 0 && regularization.isFinite) {
            throw AlgorithmError.invalidConfiguration("EASEConfiguration", field: "regularization",
                                                      expected: "a finite number > 0", found: "\(regularization)")
        }
        if memoryLimitBytes < 1 {
            throw AlgorithmError.invalidConfiguration("EASEConfiguration", field: "memoryLimitBytes",
                                                      expected: "an integer ≥ 1", found: "\(memoryLimitBytes)")
        }
    }

    /// Bytes ``EASE/fit(_:configuration:progress:)`` needs for `items` items: an items² Double matrix (Gram, then
    /// its Cholesky factor), the items² Float weights, and per-task solve scratch.
    /// - Complexity: O(1).
    public static func bytesNeeded(items: Int) -> Int {
        let pairs = Double(items) * Double(items)
        return Int(min(Double(Int.max), pairs * 12 + Double(items) * 8 * 8 * 4))
    }
}
