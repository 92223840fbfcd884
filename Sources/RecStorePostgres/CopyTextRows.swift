import PostgresNIO

/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`: tab between columns, newline after
/// each row, `\N` for `NULL`, and backslash escapes for backslash, tab, newline and carriage return.
///
/// Rows accumulate in a buffer that the caller sends whenever ``isFull`` says so, keeping memory flat
/// for a million-row import.
struct CopyTextRows {
    /// Bytes buffered before the caller should send them.
    static let chunkBytes = 1 << 20

    /// The rows written since the last ``take()``.
    private(set) var buffer = ByteBuffer()
    private var columnsInRow = 0

    /// Whether the buffer holds at least ``chunkBytes`` and should be sent.
    var isFull: Bool { buffer.readableBytes >= Self.chunkBytes }

    /// Whether nothing is buffered.
    var isEmpty: Bool { buffer.readableBytes == 0 }

    /// Appends a text column, escaped; `nil` is `NULL`.
    mutating func append(_ text: String?) {
        separate()
        guard let text else { buffer.writeStaticString("\\N"); return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    /// Appends an integer column; `nil` is `NULL`.
    mutating func append<I: BinaryInteger>(_ value: I?) {
        separate()
        guard let value else { buffer.writeStaticString("\\N"); return }
        buffer.writeString(String(value))
    }

    /// Appends a finite `Double` column in its shortest exact decimal form; `nil` is `NULL`.
    mutating func append(_ value: Double?) {
        separate()
        guard let value else { buffer.writeStaticString("\\N"); return }
        precondition(value.isFinite, "COPY text of a non-finite value; callers reject those first")
        buffer.writeString(value.description)
    }

    /// Ends the current row.
    mutating func endRow() {
        buffer.writeStaticString("\n")
        columnsInRow = 0
    }

    /// Hands over the buffered rows and starts an empty buffer.
    mutating func take() -> ByteBuffer {
        defer { buffer = ByteBuffer() }
        return buffer
    }

    private mutating func separate() {
        if columnsInRow > 0 { buffer.writeStaticString("\t") }
        columnsInRow += 1
    }
}
