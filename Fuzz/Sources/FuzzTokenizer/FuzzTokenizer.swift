import Foundation
import FuzzDriver
import RecText

/// The MiniLM vocabulary (`$MARQUEE_MODELS/all-MiniLM-L6-v2/vocab.txt`, else `../models/...`), loaded once.
let tokenizer: WordPieceTokenizer = {
    let models = ProcessInfo.processInfo.environment["MARQUEE_MODELS"] ?? "models"
    let vocabulary = URL(fileURLWithPath: models).appendingPathComponent("all-MiniLM-L6-v2/vocab.txt")
    do {
        return try WordPieceTokenizer(vocabularyFile: vocabulary)
    } catch {
        fatalError("FuzzTokenizer needs the MiniLM vocabulary (scripts/setup installs it): \(error)")
    }
}()

/// One input: any bytes, read as UTF-8 (invalid sequences become U+FFFD), tokenized with truncation at 256
/// pieces. Checks the invariants every caller relies on: at most 256 ids, `[CLS]` first and `[SEP]` last.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (ids, _) = tokenizer.tokenize(text, maxLength: 256)
    precondition(ids.count >= 2 && ids.count <= 256, "\(ids.count) ids for a text of \(size) bytes")
    precondition(ids.first == tokenizer.encode("", maxLength: 256).first, "the first id is not [CLS]")
    precondition(ids.last == tokenizer.encode("", maxLength: 256).last, "the last id is not [SEP]")
    return 0
}

/// The executable's entry point under SwiftPM, handing over to libFuzzer.
@_cdecl("FuzzTokenizer_main")
func FuzzTokenizerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzz(argc, argv) { data, size in LLVMFuzzerTestOneInput(data, size) }
}
