import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Mingle

/// Reads the polylines and the plot frames of an SVG document.
final class SVGShapes: NSObject, XMLParserDelegate {
    var polylines: [[(Double, Double)]] = []
    var frames: [(x: Double, y: Double, width: Double, height: Double)] = []
    var texts: [String] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "polyline":
            polylines.append((attributes["points"] ?? "").split(separator: " ").map {
                let xy = $0.split(separator: ",")
                return (Double(xy[0])!, Double(xy[1])!)
            })
        case "rect" where attributes["fill"] == "none":
            frames.append((Double(attributes["x"]!)!, Double(attributes["y"]!)!, Double(attributes["width"]!)!, Double(attributes["height"]!)!))
        case "text":
            inText = true
            texts.append("")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }
}

@Suite("SVG line chart")
struct LineChartTests {
    @Test func ticksAreNice() {
        #expect(LineChart.ticks(upTo: 0.37, integers: false, about: 5) == [0, 0.1, 0.2, 0.3, 0.4])
        #expect(LineChart.ticks(upTo: 52, integers: true, about: 8) == [0, 10, 20, 30, 40, 50, 60])
        #expect(LineChart.ticks(upTo: 3, integers: true, about: 8) == [0, 1, 2, 3])
        #expect(LineChart.ticks(upTo: 0, integers: false, about: 5).last! > 0)
    }

    /// Well-formed XML, one polyline per series and panel, every point inside
    /// its panel's frame, higher values drawn higher, names escaped.
    @Test func drawsEverySeriesInsideItsPanel() throws {
        let chart = LineChart(title: "R&D <rules>", panels: [
            LineChart.Panel(title: "rate", xLabel: "session", yLabel: "share", percent: true, series: [
                LineChart.Series(name: "a & b", x: [1, 2, 3], y: [0, 0.25, 0.5]),
                LineChart.Series(name: "c", x: [1, 2, 3], y: [0.1, 0.1, 0.1]),
            ]),
            LineChart.Panel(title: "partners", xLabel: "session", yLabel: "count", series: [
                LineChart.Series(name: "a & b", x: [1, 2, 3], y: [1, 2, 3]),
                LineChart.Series(name: "c", x: [1, 2, 3], y: [1, 1.5, 2]),
            ]),
        ])
        let parser = XMLParser(data: Data(chart.svg()))
        let shapes = SVGShapes()
        parser.delegate = shapes
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(shapes.polylines.count == 4 && shapes.frames.count == 2)
        for (n, line) in shapes.polylines.enumerated() {
            let frame = shapes.frames[n / 2]
            #expect(line.count == 3)
            for (x, y) in line {
                #expect(x >= frame.x - 0.05 && x <= frame.x + frame.width + 0.05)
                #expect(y >= frame.y - 0.05 && y <= frame.y + frame.height + 0.05)
            }
            #expect(line[0].0 < line[1].0 && line[1].0 < line[2].0)
        }
        #expect(shapes.polylines[0][2].1 < shapes.polylines[0][0].1, "0.5 is drawn above 0")
        #expect(abs(shapes.polylines[1][0].1 - shapes.polylines[1][2].1) < 1e-9, "a constant is flat")
        #expect(shapes.texts.contains("R&D <rules>") && shapes.texts.contains("a & b"))
        #expect(shapes.texts.contains("50%"))
    }
}
