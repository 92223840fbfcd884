import Foundation
import Testing
import RecCore
import RecEvaluation
import RecTestSupport

/// p1-temporal on MovieLens 100K, whose counts the Python peer reproduces with
/// `sorted(key=(timestamp, str(item)))` and `(n + 4) // 5`: 55,375 positives (ratings ≥ 4) of 942 users;
/// 938 users have ≥ 5 and hold out 11,442 items; 43,933 positives train.
@Suite struct TopNProtocolMovieLensTests {
    /// `u.data`'s tab-separated user, item, rating, timestamp lines, parsed minimally (RecEvaluation
    /// cannot import RecImport).
    static func ratings() throws -> [Interaction] {
        let text = try String(contentsOf: TestData.url("ml-100k/u.data"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 4, let rating = Float(fields[2]), let time = Int64(fields[3]) else {
                throw EvaluationError(.invalidInput, "u.data: malformed line \"\(line)\"")
            }
            return Interaction(user: UserID(String(fields[0])), item: ItemID(String(fields[1])), value: rating, timestamp: time)
        }
    }

    @Test(.enabled(if: TestData.isAvailable("ml-100k/u.data"), TestData.skipMessage("ml-100k/u.data")))
    func p1TemporalCountsOnML100K() throws {
        let ratings = try Self.ratings()
        #expect(ratings.count == 100_000)
        let split = TopNProtocol.p1Temporal.split(ratings)
        #expect(split.train.count == 43_933)
        #expect(split.test.count == 938)
        #expect(split.test.values.reduce(0) { $0 + $1.count } == 11_442)
    }
}
