import Foundation

/// A fresh folder under the system temporary directory for fixture files a test writes; removed when the
/// last reference goes away.
final class TemporaryFolder {
    /// The folder.
    let url: URL

    /// Creates an empty folder.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("RecImportTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` as UTF-8 to `name` and returns the file's URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `text` encoded as Latin-1 (every character must be in U+0000…U+00FF) to `name`.
    @discardableResult
    func write(_ name: String, latin1 text: String) throws -> URL {
        try write(name, bytes: text.unicodeScalars.map { UInt8($0.value) })
    }

    /// Writes `bytes` to `name` and returns the file's URL.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// The URL of `name` in the folder.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}
