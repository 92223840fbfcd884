@testable import RecStorePostgres
import Testing

/// The text format of `COPY … FROM STDIN`, byte for byte.
struct CopyTextRowsTests {
    @Test func escapesSeparatorsAndMarksNull() {
        var rows = CopyTextRows()
        rows.append("a\tb\\c\nd\re 🎬")
        rows.append(nil as String?)
        rows.append(-42 as Int64?)
        rows.append(nil as Int?)
        rows.append(0.1 as Double?)
        rows.endRow()
        rows.append("\\N")
        rows.endRow()
        let text = String(buffer: rows.take())
        #expect(text == "a\\tb\\\\c\\nd\\re 🎬\t\\N\t-42\t\\N\t0.1\n\\\\N\n")
        #expect(rows.isEmpty, "take() starts a new buffer")
    }
}
