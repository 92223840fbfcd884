import Foundation

extension LearningCurve {
    /// A line chart of every curve as a standalone SVG document: epoch on x, RMSE on y, one colour per fold, the
    /// training RMSE dashed and the validation RMSE solid, a dot at each kept epoch.
    /// - Complexity: O(total epochs).
    public static func svg(_ curves: [LearningCurve], title: String) -> String {
        let width = 640.0, height = 400.0, left = 60.0, right = 110.0, top = 40.0, bottom = 50.0
        let values = curves.flatMap { $0.training + $0.validation }.filter(\.isFinite)
        let epochs = max(1, curves.map { max($0.training.count, $0.validation.count) }.max() ?? 1)
        var low = values.min() ?? 0, high = values.max() ?? 1
        if high - low < 1e-6 { (low, high) = (low - 0.5, high + 0.5) }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ epoch: Int) -> Double { left + (epochs == 1 ? 0 : Double(epoch - 1) / Double(epochs - 1)) * plotWidth }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * plotHeight }
        let number = SVGText.coordinate
        func points(_ series: [Double]) -> String {
            series.enumerated().filter { $0.element.isFinite }
                .map { "\(number(x($0.offset + 1))),\(number(y($0.element)))" }.joined(separator: " ")
        }
        let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <text x="\(Int(left))" y="20" font-size="14">\(SVGText.escaped(title))</text>
            <rect x="\(Int(left))" y="\(Int(top))" width="\(Int(plotWidth))" height="\(Int(plotHeight))" fill="none" stroke="#888"/>
            <text x="\(Int(left))" y="\(Int(height) - 15)">epoch 1</text>
            <text x="\(Int(left + plotWidth) - 60)" y="\(Int(height) - 15)">epoch \(epochs)</text>
            <text x="5" y="\(Int(top) + 4)">\(SVGText.label(high))</text>
            <text x="5" y="\(Int(top + plotHeight))">\(SVGText.label(low))</text>

            """
        for (index, curve) in curves.enumerated() {
            let colour = colours[index % colours.count]
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-dasharray=\"4 3\" points=\"\(points(curve.training))\"/>\n"
            if !curve.validation.isEmpty {
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" points=\"\(points(curve.validation))\"/>\n"
            }
            if let best = curve.bestEpoch, best >= 1, best <= curve.validation.count {
                svg += "<circle cx=\"\(number(x(best)))\" cy=\"\(number(y(curve.validation[best - 1])))\" r=\"3\" fill=\"\(colour)\"/>\n"
            }
            let legendY = Int(top) + 16 * index + 10
            svg += "<text x=\"\(Int(left + plotWidth) + 10)\" y=\"\(legendY)\" fill=\"\(colour)\">\(SVGText.escaped(curve.fold))</text>\n"
        }
        svg += "<text x=\"\(Int(left + plotWidth) + 10)\" y=\"\(Int(top + plotHeight))\">dashed: training</text>\n"
        svg += "<text x=\"\(Int(left + plotWidth) + 10)\" y=\"\(Int(top + plotHeight) - 16)\">solid: validation</text>\n"
        return svg + "</svg>\n"
    }
}
