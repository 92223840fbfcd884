import RecCore

extension DatasetFormat {
    /// The format named on the command line: `ml-100k`, `ml-1m`, `ml-latest`, `movietweetings`, `csv`, `jsonl`.
    ///
    /// - Parameters:
    ///   - name: the format's name.
    ///   - columns: for `csv` / `jsonl`, an ``EventMapping`` in `user=uid,item=movie` form (default columns when `nil`).
    ///   - scale: for `csv` / `jsonl`, `MIN-MAX` or `MIN-MAX/STEP`, e.g. `0.5-5/0.5` (1–5 by 1 when `nil`).
    /// - Throws: ``ImportError`` (`unknownFormat`, `invalidMapping`) saying what was expected.
    public init(parsing name: String, columns: String? = nil, scale: String? = nil) throws(ImportError) {
        let named: [String: DatasetFormat] = ["ml-100k": .movieLens100K, "ml-1m": .movieLens1M,
                                              "ml-latest": .movieLensLatest, "movietweetings": .movieTweetings]
        if let format = named[name] {
            guard columns == nil, scale == nil else {
                throw ImportError(.invalidMapping, "--columns and --scale apply to csv and jsonl only; \(name) has a fixed layout")
            }
            self = format
            return
        }
        guard name == "csv" || name == "jsonl" else {
            throw ImportError(.unknownFormat,
                              "format '\(name)' is unknown; expected ml-100k, ml-1m, ml-latest, movietweetings, csv or jsonl")
        }
        let ratingScale = try scale.map { text throws(ImportError) in try RatingScale(parsing: text) } ?? .oneToFive
        let mapping = try columns.map { text throws(ImportError) in try EventMapping(parsing: text, scale: ratingScale) }
            ?? EventMapping(scale: ratingScale)
        self = name == "csv" ? .csvEvents(mapping) : .jsonLinesEvents(mapping)
    }
}

extension RatingScale {
    /// Parses `MIN-MAX` or `MIN-MAX/STEP`, e.g. `1-5`, `0.5-5/0.5`, `0-10/1`.
    /// - Throws: ``ImportError`` (`invalidMapping`) quoting the text and the expected form.
    init(parsing text: String) throws(ImportError) {
        let parts = text.split(separator: "/", maxSplits: 1)
        let bounds = parts.first.map { $0.split(separator: "-", maxSplits: 1) } ?? []
        guard bounds.count == 2, let minimum = Float(bounds[0]), let maximum = Float(bounds[1]), minimum < maximum,
              let step = parts.count == 2 ? Float(parts[1]) : 0, step >= 0 else {
            throw ImportError(.invalidMapping, "scale '\(text)' is not MIN-MAX or MIN-MAX/STEP with MIN < MAX, e.g. 0.5-5/0.5")
        }
        self.init(minimum: minimum, maximum: maximum, step: step)
    }
}
