import Foundation
@testable import RecServer
import Testing

/// `MARQUEE_LLM_*` turn on language-model pitches, `MARQUEE_SQLITE_SYNCHRONOUS` sets the SQLite sync; mistakes are named.
@Suite struct ServerConfigurationTests {
    @Test func theSQLiteSyncSettingIsReadFromTheEnvironment() throws {
        #expect(try ServerConfiguration(environment: [:]).sqliteSynchronous == .normal)
        #expect(try ServerConfiguration(environment: ["MARQUEE_SQLITE_SYNCHRONOUS": "full"]).sqliteSynchronous == .full)
    }

    @Test func theLanguageModelIsReadFromTheEnvironment() throws {
        #expect(try ServerConfiguration(environment: [:]).llm == nil, "no base URL: pitches are written offline")
        let configuration = try ServerConfiguration(environment: [
            "MARQUEE_LLM_BASE_URL": "http://127.0.0.1:8000/v1", "MARQUEE_LLM_MODEL": "smollm2",
            "MARQUEE_LLM_API_KEY": "secret", "MARQUEE_LLM_TIMEOUT": "7.5"])
        let llm = try #require(configuration.llm)
        #expect(llm.baseURL.absoluteString == "http://127.0.0.1:8000/v1")
        #expect(llm.model == "smollm2" && llm.apiKey == "secret" && llm.timeout == 7.5)
        #expect(llm.includesReviews == false, "review text stays out of prompts unless the operator says otherwise")
        try configuration.validate()
        let withReviews = try ServerConfiguration(environment: [
            "MARQUEE_LLM_BASE_URL": "http://127.0.0.1:8000/v1", "MARQUEE_LLM_MODEL": "smollm2", "MARQUEE_LLM_INCLUDE_REVIEWS": "yes"])
        #expect(withReviews.llm?.includesReviews == true)
    }

    @Test(arguments: [
        (["MARQUEE_LLM_BASE_URL": "http://127.0.0.1:8000/v1"], "MARQUEE_LLM_MODEL"),
        (["MARQUEE_LLM_BASE_URL": "ftp://host/v1", "MARQUEE_LLM_MODEL": "m"], "MARQUEE_LLM_BASE_URL"),
        (["MARQUEE_LLM_BASE_URL": "http://host/v1", "MARQUEE_LLM_MODEL": "m", "MARQUEE_LLM_TIMEOUT": "soon"], "MARQUEE_LLM_TIMEOUT"),
        (["MARQUEE_LLM_BASE_URL": "http://host/v1", "MARQUEE_LLM_MODEL": "m", "MARQUEE_LLM_INCLUDE_REVIEWS": "maybe"],
         "MARQUEE_LLM_INCLUDE_REVIEWS"),
        (["MARQUEE_SQLITE_SYNCHRONOUS": "sometimes"], "MARQUEE_SQLITE_SYNCHRONOUS"),
    ])
    func mistakesNameTheVariable(_ environment: [String: String], _ variable: String) {
        do {
            _ = try ServerConfiguration(environment: environment)
            Issue.record("\(environment) was accepted")
        } catch {
            #expect("\(error)".contains(variable), "\(error)")
        }
    }
}
