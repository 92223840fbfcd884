import Foundation
import Testing
import RecEvaluation

@Suite struct LearningCurveTests {
    static let curves = [
        LearningCurve(fold: "u1", training: [1.0, 0.9, 0.8], validation: [1.1, 0.95, 1.0], bestEpoch: 2),
        LearningCurve(fold: "u2 <&>", training: [1.2, 0.7], validation: [], bestEpoch: nil),
    ]

    /// One dashed training line per fold, a solid validation line where validation ran, a dot at the kept epoch, the
    /// extremes of the axis from the data, and escaped names.
    @Test func drawsEveryCurveOnSharedAxes() {
        let svg = LearningCurve.svg(Self.curves, title: "autorec")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "stroke-dasharray").count - 1 == 2)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 3)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1)
        #expect(svg.contains(">1.200<") && svg.contains(">0.700<"))
        #expect(svg.contains("u2 &lt;&amp;&gt;"))
        #expect(svg.contains(">epoch 3<"))
    }

    /// Epoch 1 is at the left edge (x 60) and the highest RMSE at the top (y 40).
    @Test func scalesEpochsAndRMSEIntoThePlot() {
        let svg = LearningCurve.svg([LearningCurve(fold: "u1", training: [2, 1], validation: [], bestEpoch: nil)], title: "t")
        #expect(svg.contains("points=\"60.0,40.0 530.0,350.0\""))
    }

    @Test func reportsEncodeCurvesOnlyWhenThereAreAny() throws {
        let fold = FoldReport(fold: "u1", rmse: 1, mae: 1, fitSeconds: 0, predictSeconds: 0, testCount: 1)
        let plain = String(decoding: try JSONEncoder().encode(EvaluationReport(algorithm: "a", dataset: "d", split: "s",
                                                                                folds: [fold])), as: UTF8.self)
        #expect(!plain.contains("learning_curves"))
        let withCurves = EvaluationReport(algorithm: "a", dataset: "d", split: "s", folds: [fold], learningCurves: Self.curves)
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: JSONEncoder().encode(withCurves))
        #expect(decoded.learningCurves == Self.curves)
    }
}
