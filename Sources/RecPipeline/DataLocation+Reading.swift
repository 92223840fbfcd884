import RecCore
import RecImport

extension DataLocation {
    /// Reads data set `name` whole, in the format its files show; evaluations refuse data with bad rows.
    /// - Throws: ``PipelineError`` if the folder is missing or any row was rejected (naming the first);
    ///   ``RecImport/ImportError`` for unreadable files.
    /// - Complexity: O(size of the data set's files).
    func read(_ name: String, progress: ProgressHandler? = nil) throws -> ImportResult {
        let folder = try dataset(name)
        let result = try DatasetImporter.read(folder, format: DatasetFormat.detect(in: folder), progress: progress)
        if let first = result.rejected.first {
            throw PipelineError(.invalidArgument, "\(name) has \(result.rejected.count) bad rows, first: \(first)")
        }
        return result
    }
}
