import RecCore

/// One row of a delimited file: its fields as byte ranges in a buffer that ``RecordReader`` reuses from
/// row to row, so reading a row allocates only the strings a parser asks for.
struct Record {
    /// Where the row is, for error messages.
    var context: RowContext
    /// How to turn field bytes into text.
    let encoding: TextEncoding
    /// Field bytes, unescaped, back to back.
    var bytes: [UInt8] = []
    /// Start offset of each field in ``bytes``.
    var starts: [Int] = []
    /// End offset of each field in ``bytes``.
    var ends: [Int] = []
    /// CSV only: whether a field is open in double quotes at the end of the line appended last.
    var isInQuotes = false
    /// CSV only: where the field being read starts in ``bytes``.
    var openFieldStart = 0

    /// The number of fields.
    var count: Int { starts.count }

    /// The text of field `index`.
    func text(_ index: Int) -> String {
        bytes.withUnsafeBufferPointer { all in
            encoding.decode(UnsafeBufferPointer(rebasing: all[starts[index]..<ends[index]]))
        }
    }

    /// The texts of all fields.
    var texts: [String] { (0..<count).map(text) }

    /// Forgets the previous row's fields, keeping the buffers' capacity.
    mutating func reset(line: Int) {
        context.line = line
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        isInQuotes = false
        openFieldStart = 0
    }

    /// Appends a field made of `field`'s bytes.
    mutating func appendField(_ field: UnsafeBufferPointer<UInt8>) {
        starts.append(bytes.count)
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    /// The id in field `index`; see ``RowContext/id(_:field:)``.
    func id(_ index: Int, _ field: String) throws(RowError) -> String {
        try context.id(text(index), field: field)
    }

    /// The whole number in field `index`.
    func integer(_ index: Int, _ field: String) throws(RowError) -> Int {
        try context.integer(text(index), field: field)
    }

    /// The Unix seconds in field `index`.
    func timestamp(_ index: Int, _ field: String) throws(RowError) -> Int64 {
        try context.timestamp(text(index), field: field)
    }

    /// The rating in field `index`, checked against `scale`.
    func rating(_ index: Int, _ field: String, scale: RatingScale) throws(RowError) -> Float {
        try context.rating(text(index), field: field, scale: scale)
    }
}
