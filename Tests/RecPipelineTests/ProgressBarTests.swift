import Testing
import RecCore
import RecPipeline

@Suite struct ProgressBarTests {
    @Test func rendersFractionAsBarAndPercent() {
        let line = ProgressBar(width: 10).render(TaskProgress(phase: "train", completed: 5, total: 20))
        #expect(line == "train [##........]  25%  5/20")
    }

    @Test func clampsOverrunAndShowsCountWithoutTotal() {
        #expect(ProgressBar(width: 4).render(TaskProgress(phase: "x", completed: 9, total: 3)) == "x [####] 100%  9/3")
        #expect(ProgressBar().render(TaskProgress(phase: "import", completed: 7, total: nil)) == "import 7")
    }
}
