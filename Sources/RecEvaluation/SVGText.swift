import Foundation

/// Text in the SVG charts of evaluation reports: XML escaping and fixed-precision numbers.
enum SVGText {
    /// `text` with `&`, `<` and `>` escaped for element content.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A value with three decimals, for axis labels.
    static func label(_ value: Double) -> String { String(format: "%.3f", value) }

    /// A coordinate with one decimal.
    static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
