import Charts
import Foundation
import XCTest

/// Writes every demo chart as PNG when MESHBENCH_CHART_DEMO names a folder, for looking at.
final class DemoPNGTests: XCTestCase {
    func testWriteDemoPNGs() throws {
        guard let folder = ProcessInfo.processInfo.environment["MESHBENCH_CHART_DEMO"] else {
            throw XCTSkip("set MESHBENCH_CHART_DEMO=<folder> to write the demo PNGs")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, chart) in DemoCharts.all() {
            let size = name == "grid" ? (1600, 1000) : (960, 540)
            let page = ChartPage(width: size.0, height: size.1, scale: 1, sourceLine: DemoCharts.source)
            try page.write(chart, to: "\(folder)/\(name).png")
            let small = ChartPage(width: 420, height: 300, scale: 2, sourceLine: DemoCharts.source)
            try small.write(chart, to: "\(folder)/small-\(name)@2x.png")
        }
        let page = ChartPage(width: 960, height: 1000, scale: 1, sourceLine: DemoCharts.source)
        try page.write(DemoCharts.baselineDelta(maxRows: 200), to: "\(folder)/baseline-delta-tall.png")
    }
}
