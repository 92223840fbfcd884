import RecCore

/// Dense content features per item, row-aligned with a training matrix's items: the input the neural models read
/// besides learned embeddings.
///
/// Built from a catalogue, a row is [genre one-hot (genres sorted by name) ; release year standardised to mean 0,
/// deviation 1 over the catalogue's dated items ; 1 if the year is unknown ; 1 if the item is missing from the
/// catalogue]. An item without a catalogue entry or a year gets zeros there and its flag set, so it still has a
/// well-defined row (the documented fallback for items without features).
public struct ItemFeatures: Sendable, Codable, Equatable {
    /// Floats per item; 0 when there are no features.
    public let dimension: Int
    /// items × dimension, row-major, in the training matrix's item order; every value is finite.
    public let values: [Float]

    /// No features: models then read embeddings only.
    public static let none = ItemFeatures(dimension: 0, values: [])

    /// Given features: `values` holds `items × dimension` floats in the training matrix's item order.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` if the count is wrong or any value is NaN or infinite,
    ///   naming the item row and column.
    public init(items: Int, dimension: Int, values: [Float]) throws {
        guard dimension >= 0, values.count == items * dimension else {
            throw AlgorithmError(.invalidConfiguration, "item features: expected \(items) rows of \(dimension) floats, "
                                 + "got \(values.count) floats")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw AlgorithmError(.invalidConfiguration, "item features: row \(bad / max(1, dimension)) column "
                                 + "\(bad % max(1, dimension)) is \(values[bad]); expected a finite number")
        }
        self.init(dimension: dimension, values: values)
    }

    private init(dimension: Int, values: [Float]) {
        self.dimension = dimension
        self.values = values
    }

    /// Genres one-hot, standardised year and the two missing-data flags for every item of `items`, looked up in
    /// `catalogue`; an empty catalogue gives no features at all.
    /// - Complexity: O(catalogue × genres per item + items × dimension).
    public init(catalogue: [Item], items: IDIndex<ItemID>) {
        guard !catalogue.isEmpty else {
            self.init(dimension: 0, values: [])
            return
        }
        let genres = Array(Set(catalogue.flatMap(\.genres))).sorted()
        let genreColumn = Dictionary(uniqueKeysWithValues: genres.enumerated().map { ($1, $0) })
        let years = catalogue.compactMap(\.year).map(Double.init)
        let meanYear = years.isEmpty ? 0 : years.reduce(0, +) / Double(years.count)
        let variance = years.isEmpty ? 0 : years.reduce(0) { $0 + ($1 - meanYear) * ($1 - meanYear) } / Double(years.count)
        let deviation = variance > 0 ? variance.squareRoot() : 1
        var byID: [ItemID: Item] = [:]
        for item in catalogue where byID[item.id] == nil { byID[item.id] = item }
        let dimension = genres.count + 3
        var values = [Float](repeating: 0, count: items.count * dimension)
        for row in 0..<items.count {
            let base = row * dimension
            guard let item = byID[items[row]] else {
                values[base + genres.count + 2] = 1
                continue
            }
            for genre in item.genres { if let column = genreColumn[genre] { values[base + column] = 1 } }
            if let year = item.year {
                values[base + genres.count] = Float((Double(year) - meanYear) / deviation)
            } else {
                values[base + genres.count + 1] = 1
            }
        }
        self.init(dimension: dimension, values: values)
    }
}
