import Foundation

/// What `scripts/reference/surprise_folds.py --json` prints (and the committed fixture holds):
/// a peer library's per-fold accuracy and cost on the official ML-100K folds.
public struct PeerReport: Sendable, Decodable {
    /// One algorithm's figures.
    public struct Algorithm: Sendable, Decodable {
        /// One fold's figures.
        public struct Fold: Sendable, Decodable {
            /// Fold number, 1…5 for `u1`…`u5`.
            public var fold: Int
            /// RMSE on the fold's test file.
            public var rmse: Double
            /// MAE on the fold's test file.
            public var mae: Double
            /// Wall-clock seconds to fit.
            public var fitSeconds: Double
            /// Wall-clock seconds to predict the test file.
            public var predictSeconds: Double

            enum CodingKeys: String, CodingKey {
                case fold, rmse, mae
                case fitSeconds = "fit_seconds"
                case predictSeconds = "predict_seconds"
            }
        }
        /// Mean RMSE over the folds run.
        public var rmse: Double
        /// Mean MAE over the folds run.
        public var mae: Double
        /// Mean fit seconds.
        public var fitSeconds: Double
        /// Per-fold figures.
        public var folds: [Fold]

        enum CodingKeys: String, CodingKey {
            case rmse, mae, folds
            case fitSeconds = "fit_seconds"
        }
    }

    /// The peer library and version, e.g. `"scikit-surprise 1.1.5"`.
    public var library: String
    /// Peak resident memory of the peer's process, in MiB.
    public var peakRSSMiB: Double?
    /// Figures by the script's algorithm name (`baseline-als`, `svd`, `svdpp`, `knn-baseline`, …).
    public var algorithms: [String: Algorithm]

    enum CodingKeys: String, CodingKey {
        case library, algorithms
        case peakRSSMiB = "peak_rss_mib"
    }

    /// Decodes a report from the script's JSON.
    /// - Throws: ``PipelineError`` saying what was malformed.
    public static func decode(_ json: Data, source: String) throws -> PeerReport {
        do {
            return try JSONDecoder().decode(PeerReport.self, from: json)
        } catch {
            throw PipelineError(.externalToolFailed, "\(source) is not a peer report as surprise_folds.py writes it", underlying: error)
        }
    }
}
