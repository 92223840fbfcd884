import Foundation
import RecPipeline
import RecServer
import RecTestSupport
import Testing

/// `marquee bench --task soak`, shortened to two 2-second runs: a real server on loopback over ml-latest-small
/// under wrk (both installed by `scripts/setup`), reporting every run, no errors and the server's memory.
@Suite struct ServingSoakTests {
    @Test(.enabled(if: (ExternalCommand.isInstalled("wrk") && TestData.isAvailable("ml-latest-small/ratings.csv")) || TestData.isCI,
                   "needs wrk (apt-get install wrk; scripts/setup does) and ml-latest-small in MARQUEE_DATA"))
    func shortSoakReportsEveryIntervalWithoutErrors() async throws {
        let configuration = ServingSoakConfiguration(port: Int.random(in: 20_000...60_000), intervals: 2,
                                                     intervalSeconds: 2, rate: 200)
        let report = try await ServingSoak.run(configuration, data: DataLocation(explicit: TestData.dataDirectory.path))
        #expect(report.intervals.map(\.index) == [1, 2])
        #expect(report.errors == 0, "\(report.text)")
        for interval in report.intervals {
            #expect(interval.run.requests > 50, "paced at 200/s for 2 s: \(report.text)")
            #expect(interval.run.p99 >= interval.run.p50 && interval.run.p50 > 0)
            #expect(interval.residentMiB > 10 && interval.startResidentMiB > 10)
        }
        #expect(report.text.contains("requests \(report.requests), errors 0"))
        #expect(report.catalogue.hasPrefix("ml-latest-small"))
    }
}
