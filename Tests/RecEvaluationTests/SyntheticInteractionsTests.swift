import Foundation
import Testing
import RecCore
import RecEvaluation

@Suite struct SyntheticInteractionsTests {
    let generator = SyntheticInteractions(users: 100, items: 1000, interactions: 2050, factors: 8, seed: 11)

    @Test func producesTheRequestedUniquePairsInEqualQuotas() throws {
        let data = try generator.generate()
        #expect(data.count == 2050)
        #expect(Set(data.map { "\($0.user)|\($0.item)" }).count == data.count)
        let perUser = Dictionary(grouping: data, by: \.user).mapValues(\.count)
        // 2050 = 100 × 20 + 50: users 0…49 get 21, the rest 20.
        #expect(perUser["0"] == 21 && perUser["49"] == 21 && perUser["50"] == 20 && perUser["99"] == 20)
        #expect(data.allSatisfy { $0.value == 1 && $0.kind == .watched })
        #expect(data.filter { $0.user == "7" }.compactMap(\.timestamp) == Array(0..<21))
    }

    @Test func isDeterministicForASeed() throws {
        #expect(try generator.generate() == generator.generate())
        var other = generator
        other.seed = 12
        #expect(try generator.generate() != other.generate())
    }

    @Test func popularityIsLongTailed() throws {
        let data = try generator.generate()
        let counts = Dictionary(grouping: data, by: \.item).values.map(\.count).sorted(by: >)
        // The top 1% of the catalogue (10 items) would hold 1% of interactions under uniform popularity.
        let top = counts.prefix(10).reduce(0, +)
        #expect(Double(top) / Double(data.count) > 0.1)
        var flat = generator
        flat.zipfExponent = 0
        let flatCounts = Dictionary(grouping: try flat.generate(), by: \.item).values.map(\.count).sorted(by: >)
        #expect(flatCounts.prefix(10).reduce(0, +) < top)
    }

    @Test func rejectsQuotasBeyondTheCatalogue() {
        #expect(throws: EvaluationError.self) {
            try SyntheticInteractions(users: 2, items: 3, interactions: 7).generate()
        }
    }

    @Test func writesCSVWithAHeader() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-synthetic-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let data = try SyntheticInteractions(users: 3, items: 5, interactions: 6, seed: 1).generate()
        try SyntheticInteractions.writeCSV(data, to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "user,item,value")
        #expect(lines.dropFirst().map(String.init) == data.map { "\($0.user),\($0.item),1" })
    }
}
