import Foundation

/// A line chart written as SVG text by the project itself (no browser, no
/// plotting library): panels stacked vertically, one line per series, the same
/// colour and dash per series in every panel, and a legend under the title.
///
/// Axes start at 0 (y also ends at a "nice" number above the data), so lines
/// of different panels and series compare at a glance. Colours are the
/// Okabe–Ito palette, readable by colour-blind people; dashes tell series
/// apart in grey print too.
public struct LineChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
    }

    public struct Panel: Sendable, Equatable {
        public var title: String
        public var xLabel: String
        public var yLabel: String
        /// Whether y values are shares (0.05 is written 5%).
        public var percent: Bool
        public var series: [Series]
        public init(title: String, xLabel: String, yLabel: String, percent: Bool = false, series: [Series]) {
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.percent = percent
            self.series = series
        }
    }

    public var title: String
    public var panels: [Panel]
    public var width: Int
    public var panelHeight: Int

    public init(title: String, panels: [Panel], width: Int = 900, panelHeight: Int = 300) {
        self.title = title
        self.panels = panels
        self.width = width
        self.panelHeight = panelHeight
    }

    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    static let dashes = ["", "8 4", "2 3", "8 3 2 3"]
    static let margin = (left: 72.0, right: 24.0, top: 34.0, bottom: 52.0)

    /// The series names, each once, in order of first appearance (legend order).
    var seriesNames: [String] {
        var seen = Set<String>()
        return panels.flatMap { $0.series.map(\.name) }.filter { seen.insert($0).inserted }
    }

    /// The chart as an SVG document.
    ///
    /// - Complexity: O(total points).
    public func svg() -> [UInt8] {
        let names = seriesNames
        let legendRows = (names.count + 2) / 3
        let header = 44.0 + 22.0 * Double(legendRows)
        let height = Int(header) + panelHeight * panels.count
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(width / 2)" y="26" text-anchor="middle" font-size="17" font-weight="bold">\(LineChart.escape(title))</text>

        """
        for (n, name) in names.enumerated() {
            let x = 72.0 + Double(n % 3) * (Double(width) - 96) / 3, y = 52.0 + 22.0 * Double(n / 3)
            s += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 36))\" y2=\"\(f(y - 4))\" \(stroke(n)) stroke-width=\"3\"/>"
            s += "<text x=\"\(f(x + 44))\" y=\"\(f(y))\">\(LineChart.escape(name))</text>\n"
        }
        for (p, panel) in panels.enumerated() {
            s += draw(panel, top: header + Double(p * panelHeight), names: names)
        }
        s += "</svg>\n"
        return Array(s.utf8)
    }

    private func stroke(_ n: Int) -> String {
        let dash = LineChart.dashes[(n / LineChart.colors.count + n) % LineChart.dashes.count]
        return "stroke=\"\(LineChart.colors[n % LineChart.colors.count])\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
    }

    private func draw(_ panel: Panel, top: Double, names: [String]) -> String {
        let m = LineChart.margin
        let left = m.left, right = Double(width) - m.right
        let plotTop = top + m.top, plotBottom = top + Double(panelHeight) - m.bottom
        let xs = panel.series.flatMap(\.x), ys = panel.series.flatMap(\.y).filter(\.isFinite)
        // x ends at the data (sessions run to their count); y at a nice number above it.
        let xMax = max(1, xs.max() ?? 1)
        let xTicks = LineChart.ticks(upTo: xMax, integers: true, about: 8).filter { $0 <= xMax }
        let yTicks = LineChart.ticks(upTo: ys.max() ?? 1, integers: false, about: 5)
        let yMax = yTicks.last!
        func px(_ x: Double) -> Double { left + (right - left) * x / xMax }
        func py(_ y: Double) -> Double { plotBottom - (plotBottom - plotTop) * y / yMax }
        var s = "<g>\n"
        s += "<text x=\"\(f(left))\" y=\"\(f(top + 20))\" font-size=\"15\" font-weight=\"bold\">\(LineChart.escape(panel.title))</text>\n"
        for t in yTicks {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(right))\" y2=\"\(f(py(t)))\" stroke=\"#dddddd\"/>"
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(label(t, percent: panel.percent, step: yTicks[1] - yTicks[0]))</text>\n"
        }
        for t in xTicks {
            s += "<line x1=\"\(f(px(t)))\" y1=\"\(f(plotBottom))\" x2=\"\(f(px(t)))\" y2=\"\(f(plotBottom + 5))\" stroke=\"#333333\"/>"
            s += "<text x=\"\(f(px(t)))\" y=\"\(f(plotBottom + 20))\" text-anchor=\"middle\">\(label(t, percent: false, step: 1))</text>\n"
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(plotTop))\" width=\"\(f(right - left))\" height=\"\(f(plotBottom - plotTop))\" fill=\"none\" stroke=\"#333333\"/>\n"
        s += "<text x=\"\(f((left + right) / 2))\" y=\"\(f(plotBottom + 42))\" text-anchor=\"middle\">\(LineChart.escape(panel.xLabel))</text>\n"
        let midY = (plotTop + plotBottom) / 2
        s += "<text x=\"\(f(left - 52))\" y=\"\(f(midY))\" text-anchor=\"middle\" transform=\"rotate(-90 \(f(left - 52)) \(f(midY)))\">\(LineChart.escape(panel.yLabel))</text>\n"
        for series in panel.series {
            let n = names.firstIndex(of: series.name) ?? 0
            let points = zip(series.x, series.y).filter { $0.1.isFinite }.map { "\(f(px($0.0))),\(f(py($0.1)))" }
            guard !points.isEmpty else { continue }
            s += "<polyline fill=\"none\" \(stroke(n)) stroke-width=\"2\" stroke-linejoin=\"round\" points=\"\(points.joined(separator: " "))\"><title>\(LineChart.escape(series.name))</title></polyline>\n"
        }
        s += "</g>\n"
        return s
    }

    private func label(_ value: Double, percent: Bool, step: Double) -> String {
        let v = percent ? value * 100 : value
        let s = percent ? step * 100 : step
        let decimals = s >= 1 ? 0 : Int((-log10(s)).rounded(.up))
        return String(format: "%.\(decimals)f", v) + (percent ? "%" : "")
    }

    private func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// Ticks from 0 to a "nice" number at or above `maximum` (steps of 1, 2 or
    /// 5 times a power of ten; whole steps for integers), `about` of them.
    static func ticks(upTo maximum: Double, integers: Bool, about: Int) -> [Double] {
        let top = maximum > 0 && maximum.isFinite ? maximum : 1
        let raw = top / Double(about)
        let power = pow(10, (log10(raw)).rounded(.down))
        var step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        if integers { step = max(1, step.rounded(.up)) }
        let count = Int((top / step).rounded(.up))
        // Multiples of a step below 1 are divided, not multiplied, so 0.3 is 3 / 10, not 3 × 0.1.
        let inverse = (1 / step).rounded()
        return (0...max(1, count)).map { step < 1 ? Double($0) / inverse : Double($0) * step }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
