import Testing
import RecCore
import RecEvaluation

@Suite struct TopNProtocolTests {
    static func rating(_ user: UserID, _ item: ItemID, _ value: Float, at time: Int64) -> Interaction {
        Interaction(user: user, item: item, value: value, timestamp: time)
    }

    /// a: positives i2@5, i1@10, i3@10, i6@25, i10@40, i7@40 in temporal order (ties by id as strings:
    /// "i1" < "i3", "i10" < "i7"), plus i4 rated 3. b: four positives and one 2. c: ten positives j0…j9 at 0…9.
    let data: [Interaction] = [
        rating("a", "i3", 5, at: 10), rating("a", "i1", 4, at: 10), rating("a", "i2", 4, at: 5),
        rating("a", "i4", 3, at: 20), rating("a", "i7", 4, at: 40), rating("a", "i6", 5, at: 25),
        rating("a", "i10", 4, at: 40),
        rating("b", "x1", 5, at: 1), rating("b", "x2", 5, at: 2), rating("b", "x3", 5, at: 3),
        rating("b", "x4", 5, at: 4), rating("b", "x5", 2, at: 5),
    ] + (0..<10).map { rating("c", ItemID("j\($0)"), 4, at: Int64($0)) }

    @Test func p1TemporalHoldsOutTheLastFifthRoundedUp() {
        let split = TopNProtocol.p1Temporal.split(data)
        #expect(split.name == "p1-temporal")
        // a: 6 positives, ⌈6/5⌉ = 2 held out: the two at 40, i10 before i7. c: ⌈10/5⌉ = 2, not 3.
        // b: 4 positives, below 5, all trained on.
        #expect(split.test == ["a": ["i10", "i7"], "c": ["j8", "j9"]])
        #expect(split.train.filter { $0.user == "a" }.map(\.item) == ["i2", "i1", "i3", "i6"])
        #expect(split.train.filter { $0.user == "b" }.map(\.item) == ["x1", "x2", "x3", "x4"])
        #expect(split.train.count == 4 + 4 + 8)
        #expect(split.train.allSatisfy { $0.value == 1 })
    }

    @Test func leaveLastOutHoldsOutOnePositivePerUser() {
        let split = TopNProtocol.leaveLastOut.split(data)
        #expect(split.test == ["a": ["i7"], "b": ["x4"], "c": ["j9"]])
        #expect(split.train.count == 5 + 3 + 9)
    }

    @Test func leaveLastOutSkipsUsersWithOnePositive() {
        let split = TopNProtocol.leaveLastOut.split([Self.rating("solo", "z", 5, at: 1)])
        #expect(split.test.isEmpty)
        #expect(split.train.map(\.item) == ["z"])
    }

    @Test func randomPerUserIsSeededAndHoldsOutAFifth() {
        let a = TopNProtocol.randomPerUser(seed: 42).split(data)
        let b = TopNProtocol.randomPerUser(seed: 42).split(data)
        #expect(a == b)
        #expect(a.test["a"]?.count == 2 && a.test["c"]?.count == 2 && a.test["b"] == nil)
        let seeds: [UInt64] = [1, 2, 3, 4, 5]
        #expect(Set(seeds.map { TopNProtocol.randomPerUser(seed: $0).split(data).test }).count > 1)
        for (user, items) in a.test {
            let trained = Set(a.train.filter { $0.user == user }.map(\.item))
            #expect(trained.isDisjoint(with: items))
            #expect(trained.count + items.count == (user == "a" ? 6 : 10))
        }
    }

    @Test func validationCarvesTheSameRuleFromTrainingOnly() {
        let split = TopNProtocol.p1Temporal.split(data)
        let validation = TopNProtocol.p1Temporal.validation(from: split.train)
        // Only c keeps ≥ 5 training positives (j0…j7): ⌈8/5⌉ = 2 held out.
        #expect(validation.name == "validation")
        #expect(validation.test == ["c": ["j6", "j7"]])
        #expect(validation.train.count == split.train.count - 2)
    }

    @Test func positivesAreGoodRatingsAndImplicitLikesOncePerPair() {
        let rule = PositiveFeedback()
        #expect(rule.isPositive(Self.rating("u", "m", 4, at: 0)))
        #expect(!rule.isPositive(Self.rating("u", "m", 3.5, at: 0)))
        #expect(!rule.isPositive(Interaction(user: "u", item: "m")))
        #expect(rule.isPositive(Interaction(user: "u", item: "m", kind: .watched)))
        #expect(!rule.isPositive(Interaction(user: "u", item: "m", kind: .dislike)))
        let twice = [Self.rating("u", "m", 5, at: 9), Self.rating("u", "m", 4, at: 3), Self.rating("u", "n", 1, at: 1)]
        #expect(rule.positives(in: twice) == [Interaction(user: "u", item: "m", value: 1, timestamp: 3)])
    }
}
