import Foundation

/// Reads a file one line at a time through a fixed-size buffer, so memory stays bounded by the longest
/// line rather than the file size. Accepts LF and CRLF endings and a leading UTF-8 byte-order mark.
///
/// Not `Sendable`: it owns an open `FILE*` and is used by one reader on one task, then closed.
final class LineReader {
    /// The file's name, for messages.
    let name: String
    /// The file's size in bytes when opened.
    let size: Int
    /// The 1-based number of the line last returned; 0 before the first.
    private(set) var lineNumber = 0
    /// Bytes consumed so far, line terminators included.
    private(set) var bytesConsumed = 0

    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var isAtEndOfFile = false

    /// Opens `url` for reading.
    /// - Throws: `ImportError` `.fileNotFound` when nothing is there, `.unreadable` when it is a folder
    ///   or cannot be opened.
    init(url: URL, bufferSize: Int = 1 << 16) throws(ImportError) {
        name = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError(.fileNotFound, "\(url.path): file not found")
        }
        guard !isDirectory.boolValue else {
            throw ImportError(.unreadable, "\(url.path): is a folder, expected a file")
        }
        guard let file = fopen(url.path, "rb") else {
            throw ImportError(.unreadable, "\(url.path): cannot open for reading (errno \(errno))")
        }
        self.file = file
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    deinit { fclose(file) }

    /// Calls `body` with the next line, without its `\n` or `\r\n`, and whether a terminator followed it.
    /// - Returns: `body`'s result, or `nil` at the end of the file.
    /// - Complexity: O(line length) amortised; the buffer grows only for a line longer than it.
    func nextLine<Result>(
        _ body: (UnsafeBufferPointer<UInt8>, _ isTerminated: Bool) throws(ImportError) -> Result
    ) throws(ImportError) -> Result? {
        while true {
            if let newline = findNewline() {
                var lineEnd = newline
                if lineEnd > start, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let lineStart = start
                advance(to: newline + 1)
                return try buffer.withUnsafeBufferPointer { all throws(ImportError) in
                    try body(UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), true)
                }
            }
            if isAtEndOfFile {
                guard start < end else { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let lineStart = start
                advance(to: end)
                return try buffer.withUnsafeBufferPointer { all throws(ImportError) in
                    try body(UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), false)
                }
            }
            try fill()
        }
    }

    private func advance(to position: Int) {
        bytesConsumed += position - start
        start = position
        lineNumber += 1
    }

    private func findNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBufferPointer { all -> Int? in
            guard let base = all.baseAddress,
                  let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Moves the unread tail to the front, grows the buffer if a line fills it, and reads more.
    private func fill() throws(ImportError) {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { all in
                guard let base = all.baseAddress else { return }
                memmove(base, base + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let wasAtFileStart = bytesConsumed == 0 && end == 0
        let count = buffer.withUnsafeMutableBufferPointer { all -> Int in
            guard let base = all.baseAddress else { return 0 }
            return fread(base + end, 1, all.count - end, file)
        }
        if count == 0 {
            guard ferror(file) == 0 else {
                throw ImportError(.unreadable, "\(name): read error after line \(lineNumber)")
            }
            isAtEndOfFile = true
        }
        end += count
        if wasAtFileStart, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            start = 3
            bytesConsumed = 3
        }
    }
}
