import Foundation
import FuzzDriver
import RecCore
import RecImport

/// A scratch folder for this process's inputs: in memory (/dev/shm) where there is one, so a run is not disk-bound.
let scratch: URL = {
    let shm = URL(fileURLWithPath: "/dev/shm")
    let base = FileManager.default.fileExists(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
    let url = base.appendingPathComponent("marquee-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

/// Every format the importer reads, with the files it opens.
let formats: [(format: DatasetFormat, files: [String])] = [
    (.csvEvents(EventMapping()), ["events.csv"]),
    (.jsonLinesEvents(EventMapping()), ["events.jsonl"]),
    (.movieLens100K, ["u.data", "u.item", "u.user", "u.genre"]),
    (.movieLens1M, ["ratings.dat", "movies.dat", "users.dat"]),
    (.movieLensLatest, ["ratings.csv", "movies.csv"]),
    (.movieTweetings, ["ratings.dat", "movies.dat"]),
]

/// One input: the first byte picks the format, the rest is written to each of its files (the first file gets the
/// bytes up to the first 0x00, the others what follows, so one input can make ratings and movies differ).
/// The importer must either read it or throw an ``ImportError``; anything else (a crash, a hang) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let (format, files) = formats[Int(data[0]) % formats.count]
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let parts = body.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let folder = scratch.appendingPathComponent("format-\(Int(data[0]) % formats.count)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (index, file) in files.enumerated() {
        let content = index == 0 ? (parts.first ?? Data()) : (parts.count > 1 ? parts[1] : Data())
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data(content))
    }
    let target = format.isFolder ? folder : folder.appendingPathComponent(files[0])
    do {
        _ = try DatasetImporter.read(target, format: format)
    } catch {
        precondition(!error.message.isEmpty, "an import error without a message")
    }
    return 0
}

/// The executable's entry point under SwiftPM, handing over to libFuzzer.
@_cdecl("FuzzImport_main")
func FuzzImportMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz(argc, argv) { data, size in LLVMFuzzerTestOneInput(data, size) }
}
