/// The accuracy-versus-exposure trade-off of re-ranking dials as a standalone SVG document: three panels with
/// NDCG@k on y and coverage@k, Gini@k and novelty@k on x; one line per dial from the model's own list (a black dot)
/// through the dial's settings, and a ring around the serving default.
public struct TradeOffPlot: Sendable {
    /// One dial's reports, in increasing setting.
    public struct Series: Sendable {
        /// The dial's name, e.g. `"popularity"`.
        public var name: String
        /// Its reports.
        public var reports: [TopNReport]

        /// Creates a series.
        public init(name: String, reports: [TopNReport]) {
            self.name = name
            self.reports = reports
        }
    }

    /// The model's own list.
    public var baseline: TopNReport
    /// One line per dial.
    public var series: [Series]
    /// The serving default, ringed when given.
    public var standard: TopNReport?

    /// Creates a plot.
    public init(baseline: TopNReport, series: [Series], standard: TopNReport?) {
        self.baseline = baseline
        self.series = series
        self.standard = standard
    }

    /// The chart.
    /// - Complexity: O(reports).
    public func svg(title: String) -> String {
        let panelWidth = 300.0, height = 360.0, left = 60.0, gap = 40.0, top = 40.0, bottom = 60.0
        let panels: [(name: String, value: (TopNReport) -> Double?)] = [
            ("coverage@\(baseline.k)", { $0.coverage }), ("gini@\(baseline.k)", { $0.gini }),
            ("novelty@\(baseline.k) (bits)", { $0.novelty }),
        ]
        let all = [baseline] + series.flatMap(\.reports) + (standard.map { [$0] } ?? [])
        let width = left + Double(panels.count) * (panelWidth + gap) + 60
        let plotHeight = height - top - bottom
        let (yLow, yHigh) = Self.range(all.map(\.ndcg))
        func y(_ value: Double) -> Double { top + (yHigh - value) / (yHigh - yLow) * plotHeight }
        let colours = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e"]
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <text x="\(Int(left))" y="20" font-size="14">\(SVGText.escaped(title))</text>
            <text x="5" y="\(Int(top) + 4)">\(SVGText.label(yHigh))</text>
            <text x="5" y="\(Int(top + plotHeight))">\(SVGText.label(yLow))</text>
            <text x="5" y="\(Int(top + plotHeight / 2))">ndcg@\(baseline.k)</text>

            """
        for (index, panel) in panels.enumerated() {
            let x0 = left + Double(index) * (panelWidth + gap)
            let (xLow, xHigh) = Self.range(all.compactMap(panel.value))
            func x(_ value: Double) -> Double { x0 + (value - xLow) / (xHigh - xLow) * panelWidth }
            func point(_ report: TopNReport) -> (Double, Double)? { panel.value(report).map { (x($0), y(report.ndcg)) } }
            svg += "<rect x=\"\(Int(x0))\" y=\"\(Int(top))\" width=\"\(Int(panelWidth))\" height=\"\(Int(plotHeight))\" fill=\"none\" stroke=\"#888\"/>\n"
            svg += "<text x=\"\(Int(x0))\" y=\"\(Int(height) - 35)\">\(SVGText.label(xLow))</text>\n"
            svg += "<text x=\"\(Int(x0 + panelWidth) - 40)\" y=\"\(Int(height) - 35)\">\(SVGText.label(xHigh))</text>\n"
            svg += "<text x=\"\(Int(x0 + panelWidth / 2) - 40)\" y=\"\(Int(height) - 15)\">\(SVGText.escaped(panel.name))</text>\n"
            for (offset, line) in series.enumerated() {
                let colour = colours[offset % colours.count]
                let points = ([baseline] + line.reports).compactMap(point)
                    .map { "\(SVGText.coordinate($0.0)),\(SVGText.coordinate($0.1))" }.joined(separator: " ")
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" points=\"\(points)\"/>\n"
                for (px, py) in line.reports.compactMap(point) {
                    svg += "<circle cx=\"\(SVGText.coordinate(px))\" cy=\"\(SVGText.coordinate(py))\" r=\"2.5\" fill=\"\(colour)\"/>\n"
                }
            }
            if let (px, py) = point(baseline) {
                svg += "<circle cx=\"\(SVGText.coordinate(px))\" cy=\"\(SVGText.coordinate(py))\" r=\"4\" fill=\"black\"/>\n"
            }
            if let standard, let (px, py) = point(standard) {
                svg += "<circle cx=\"\(SVGText.coordinate(px))\" cy=\"\(SVGText.coordinate(py))\" r=\"7\" fill=\"none\" stroke=\"black\"/>\n"
            }
        }
        let legendX = Int(left + Double(panels.count) * (panelWidth + gap)) - 30
        for (offset, line) in series.enumerated() {
            svg += "<text x=\"\(legendX)\" y=\"\(Int(top) + 16 * offset + 10)\" fill=\"\(colours[offset % colours.count])\">\(SVGText.escaped(line.name))</text>\n"
        }
        svg += "<text x=\"\(legendX)\" y=\"\(Int(top) + 16 * series.count + 10)\">● model</text>\n"
        if standard != nil { svg += "<text x=\"\(legendX)\" y=\"\(Int(top) + 16 * series.count + 26)\">○ default</text>\n" }
        return svg + "</svg>\n"
    }

    /// The values' range, widened when it is (nearly) a single value.
    private static func range(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        return high - low < 1e-9 ? (low - 0.5, high + 0.5) : (low, high)
    }
}
