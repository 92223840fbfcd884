import RecCore

/// Everything one import read: catalogue, users, events, tags, the rating scale, and every row it skipped.
///
/// Duplicate rows are kept as read; removing them is the store's job.
public struct ImportResult: Sendable, Equatable {
    /// Row counts of one file the import read.
    public struct FileSummary: Sendable, Hashable {
        /// The file's name, e.g. `"u.data"`.
        public var name: String
        /// Data rows read, rejected ones included; headers and blank lines are not counted.
        public var rowsRead: Int
        /// Rows skipped because they were malformed.
        public var rowsRejected: Int

        /// Creates a summary.
        public init(name: String, rowsRead: Int, rowsRejected: Int) {
            self.name = name
            self.rowsRead = rowsRead
            self.rowsRejected = rowsRejected
        }
    }

    /// The format the data was read as.
    public var format: DatasetFormat
    /// The scale ratings are on; values are kept on it, never rescaled.
    public var scale: RatingScale
    /// The catalogue, in file order; empty for event files.
    public var items: [Item] = []
    /// Users with demographics, in file order; empty when the data set has no user file (or, as for
    /// MovieTweetings, one that must not be read).
    public var users: [User] = []
    /// Ratings and other events, in file order.
    public var interactions: [Interaction] = []
    /// Free-text tags (MovieLens latest `tags.csv`).
    public var tags: [Tag] = []
    /// Every row skipped, file by file in reading order.
    public var rejected: [RowError] = []
    /// The files read, in reading order.
    public var files: [FileSummary] = []

    /// An empty result for `format`.
    public init(format: DatasetFormat) {
        self.format = format
        self.scale = format.scale
    }

    /// Adds the counts and rejected rows of a file just read.
    mutating func addSummary(of reader: RecordReader) {
        files.append(reader.summary)
        rejected.append(contentsOf: reader.rejected)
    }
}
