import Foundation
import RecCore
import RecImport
import Testing

@Suite struct EventFileTests {
    @Test func csvEventsFollowTheKindRules() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("events.csv", """
            user,item,rating,timestamp,kind
            u1,i1,4,1700000000,
            u1,i2,,1700000001,like
            u2,i1,,,
            u2,i3,0.7,1700000002,watched
            u3,i1,,1700000003,rating
            u3,i2,3,1700000004,favourite
            u3,i4,9,1700000005,rating
            ,i4,3,1700000006,
            u3,i4,3,soon,

            """)
        let result = try DatasetImporter.read(file, format: .csvEvents(EventMapping()))
        #expect(result.interactions == [
            Interaction(user: "u1", item: "i1", kind: .rating, value: 4, timestamp: 1_700_000_000),
            Interaction(user: "u1", item: "i2", kind: .like, value: nil, timestamp: 1_700_000_001),
            Interaction(user: "u2", item: "i1", kind: .watched, value: nil, timestamp: nil),
            Interaction(user: "u2", item: "i3", kind: .watched, value: 0.7, timestamp: 1_700_000_002),
        ])
        #expect(result.rejected.map(\.description) == [
            #"events.csv:6: field 'rating': expected a number in [1, 5], got """#,
            #"events.csv:7: field 'kind': expected one of rating, like, dislike, watched, skipped, got "favourite""#,
            #"events.csv:8: field 'rating': expected a number in [1, 5], got "9""#,
            #"events.csv:9: field 'user': expected a non-empty id, got """#,
            #"events.csv:10: field 'timestamp': expected Unix seconds (a whole number), got "soon""#,
        ])
    }

    @Test func mappingRenamesColumnsAndCarriesTheScale() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("log.csv", "stars,uid,movie\r\n8,7,\"m,1\"\r\n10,8,m2\r\n")
        let mapping = try EventMapping(parsing: "user=uid,item=movie,rating=stars", scale: .zeroToTen)
        let result = try DatasetImporter.read(file, format: .csvEvents(mapping))
        #expect(result.scale == .zeroToTen)
        #expect(result.interactions == [
            Interaction(user: "7", item: "m,1", kind: .rating, value: 8),
            Interaction(user: "8", item: "m2", kind: .rating, value: 10),
        ])
    }

    @Test func missingUserColumnIsABadHeader() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("log.csv", "uid,item\n1,2\n")
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(file, format: .csvEvents(EventMapping()))
        }
        #expect(error.code == .badHeader)
        #expect(error.message == #"log.csv:1: no column "user" for the user id in the header "uid,item"; name it with user=<column>"#)
    }

    @Test(arguments: [
        ("user=uid,film=movie", #"event mapping: unknown field "film"; expected one of user, item, rating, timestamp, kind"#),
        ("user", #"event mapping: expected field=column, got "user""#),
        ("user=a,user=b", #"event mapping: field "user" given twice"#),
    ])
    func invalidMappingsAreExplained(text: String, message: String) throws {
        let error = try #require(throws: ImportError.self) { try EventMapping(parsing: text) }
        #expect(error.code == .invalidMapping)
        #expect(error.message == message)
    }

    @Test func mappingTextMayHaveSpaces() throws {
        let mapping = try EventMapping(parsing: " user = uid , kind=action")
        #expect(mapping == EventMapping(user: "uid", kind: "action"))
    }

    @Test func mappingDecodesWithDefaultsAndRejectsUnknownKeys() throws {
        let decoded = try JSONDecoder().decode(EventMapping.self, from: Data(#"{"item": "movie", "unratedKind": "like"}"#.utf8))
        #expect(decoded == EventMapping(item: "movie", unratedKind: .like))
        let roundTrip = try JSONDecoder().decode(EventMapping.self, from: JSONEncoder().encode(decoded))
        #expect(roundTrip == decoded)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EventMapping.self, from: Data(#"{"film": "movie"}"#.utf8))
        }
    }

    @Test func jsonLinesEventsWithKinds() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("events.jsonl", """
            {"user": "u1", "item": "i1", "kind": "like", "timestamp": 1700000000}
            {"user": 2, "item": 42, "rating": 4.5, "kind": "rating"}
            {"user": "u3", "item": "i9", "kind": "skipped"}
            {"user": "u3", "item": "i9", "kind": "dislike", "timestamp": null}
            {"user": "u4", "item": ["i1"]}
            not json
            {"user": "u5", "item": "i1", "rating": 3}
            """)
        let mapping = EventMapping(scale: .halfStars)
        let result = try DatasetImporter.read(file, format: .jsonLinesEvents(mapping))
        #expect(result.interactions == [
            Interaction(user: "u1", item: "i1", kind: .like, value: nil, timestamp: 1_700_000_000),
            Interaction(user: "2", item: "42", kind: .rating, value: 4.5, timestamp: nil),
            Interaction(user: "u3", item: "i9", kind: .skipped),
            Interaction(user: "u3", item: "i9", kind: .dislike),
            Interaction(user: "u5", item: "i1", kind: .rating, value: 3),
        ])
        #expect(result.rejected.map(\.description) == [
            #"events.jsonl:5: field 'item': expected a string or number, got "[\"i1\"]""#,
            #"events.jsonl:6: expected a JSON object, got "not json""#,
        ])
    }

    @Test func jsonLinesCutOffAtTheEndIsTruncation() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("events.jsonl", "{\"user\": \"u1\", \"item\": \"i1\"}\n{\"user\": \"u2\", \"it")
        let error = try #require(throws: ImportError.self) {
            try DatasetImporter.read(file, format: .jsonLinesEvents(EventMapping()))
        }
        #expect(error.code == .truncated)
        #expect(error.message.hasPrefix("events.jsonl:2: file looks truncated"))
    }

    @Test func lineLongerThanTheReadBufferIsRead() throws {
        let folder = try TemporaryFolder()
        let longItem = String(repeating: "x", count: 200_000)
        let file = try folder.write("events.csv", "user,item\nu1,\(longItem)\nu2,i2\n")
        let result = try DatasetImporter.read(file, format: .csvEvents(EventMapping()))
        #expect(result.interactions.map(\.item) == [ItemID(longItem), "i2"])
    }
}
