import Foundation

/// A memory-mapped `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the tensors' bytes.
public struct SafetensorsFile: Sendable {
    /// Where one tensor lies in the file.
    public struct Tensor: Sendable, Equatable {
        /// The element type as the header spells it: `F32`, `F16`, `I64`, …
        public var dtype: String
        /// Dimensions, outermost first.
        public var shape: [Int]
        /// Byte offsets from the start of the data section, end exclusive.
        public var byteRange: Range<Int>
    }

    /// The file's path, for error messages.
    public let path: String
    /// Every tensor by name (the header's `__metadata__` entry is left out).
    public let tensors: [String: Tensor]
    /// The mapped file.
    private let bytes: Data
    /// Offset of the data section: 8 + the header's length.
    private let dataStart: Int

    /// Maps `url` and parses its header.
    /// - Throws: `TextError.missingModel` when the file does not exist; `.invalidModel` when it is shorter than
    ///   its header says, the header is not the expected JSON, or a tensor's bytes lie outside the file.
    /// - Complexity: O(header size); tensor bytes are not read until asked for.
    public init(contentsOf url: URL) throws {
        path = url.path
        guard FileManager.default.fileExists(atPath: path) else { throw TextError.missingModel(path) }
        do {
            bytes = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw TextError.invalidModel(path, "not readable", underlying: error)
        }
        guard bytes.count >= 8 else {
            throw TextError.invalidModel(path, "\(bytes.count) bytes; expected at least an 8-byte header length")
        }
        let headerLength = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw TextError.invalidModel(path, "header length \(headerLength) exceeds the file's \(bytes.count) bytes; the file is truncated")
        }
        dataStart = 8 + Int(headerLength)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<dataStart))
        } catch {
            throw TextError.invalidModel(path, "header is not valid JSON", underlying: error)
        }
        guard let header = object as? [String: Any] else {
            throw TextError.invalidModel(path, "header is not a JSON object")
        }
        let dataLength = bytes.count - dataStart
        var tensors: [String: Tensor] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int],
                  offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw TextError.invalidModel(path, "tensor '\(name)': expected dtype, shape and two data_offsets")
            }
            guard offsets[1] <= dataLength else {
                throw TextError.invalidModel(path, "tensor '\(name)' ends at byte \(offsets[1]) of a \(dataLength)-byte data section; the file is truncated")
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
        }
        self.tensors = tensors
    }

    /// The F32 tensor `name` as a flat row-major array, checked against `shape`.
    /// - Throws: `TextError.invalidModel` when the tensor is absent, not F32, or of another shape.
    /// - Complexity: O(elements): one copy out of the mapped file.
    public func floats(_ name: String, shape: [Int]) throws -> [Float] {
        guard let tensor = tensors[name] else { throw TextError.invalidModel(path, "no tensor '\(name)'") }
        guard tensor.dtype == "F32" else {
            throw TextError.invalidModel(path, "tensor '\(name)' is \(tensor.dtype); expected F32")
        }
        let count = shape.reduce(1, *)
        guard tensor.shape == shape, tensor.byteRange.count == 4 * count else {
            throw TextError.invalidModel(path, "tensor '\(name)' has shape \(tensor.shape); expected \(shape)")
        }
        let start = dataStart + tensor.byteRange.lowerBound
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + 4 * count)]))
            }
            #if _endian(big)
            for k in 0..<count { buffer[k] = Float(bitPattern: UInt32(littleEndian: buffer[k].bitPattern)) }
            #endif
            initialized = count
        }
    }
}
