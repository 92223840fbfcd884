/// Options for ``EASE``.
public struct EASEConfiguration: Sendable, Codable, Equatable {
    /// λ > 0 added to the diagonal of the Gram matrix XᵀX, in units of squared interaction value (a count of
    /// users for 0/1 data). The default 500 is the value Steck (2019) reports for ML-20M; smaller catalogues
    /// and sparser data usually want less, so tune it.
    public var regularization: Float
    /// Largest working memory, in bytes, that fitting may use: about 12 bytes per item pair (three Float
    /// matrices while inverting: the Cholesky factor's inverse, its transpose and their product). The default
    /// is 4 GiB, enough for about 18,900 items.
    public var memoryLimitBytes: Int
    /// Child tasks that share each step of the inverse (cores to use); the weights are the same for any value.
    public var threads: Int

    /// Creates a configuration.
    public init(regularization: Float = 500, memoryLimitBytes: Int = 4 << 30, threads: Int = 2) {
        self.regularization = regularization
        self.memoryLimitBytes = memoryLimitBytes
        self.threads = threads
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
        if threads < 1 {
            throw AlgorithmError.invalidConfiguration("EASEConfiguration", field: "threads",
                                                      expected: "an integer ≥ 1", found: "\(threads)")
        }
    }

    /// Bytes ``EASE/fit(_:configuration:progress:)`` needs for `items` items: three items² Float matrices (the
    /// Gram matrix becomes the inverse factor, then its transpose and their product) and a 64-row panel.
    /// - Complexity: O(1).
    public static func bytesNeeded(items: Int) -> Int {
        let pairs = Double(items) * Double(items)
        return Int(min(Double(Int.max), pairs * 12 + Double(items) * 64 * 4))
    }
}
