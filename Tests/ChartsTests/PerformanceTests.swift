import Charts
import Foundation
import XCTest

/// Prints the time to render every chart kind once (release builds: MESHBENCH_PERF=1
/// swift test -c release --filter ChartsTests.PerformanceTests). Printed, never asserted.
final class PerformanceTests: XCTestCase {
    func testRenderAllChartKindsOnce() throws {
        guard ProcessInfo.processInfo.environment["MESHBENCH_PERF"] == "1" else {
            throw XCTSkip("set MESHBENCH_PERF=1 to time chart rendering")
        }
        let charts = DemoCharts.all()
        let start = DispatchTime.now().uptimeNanoseconds
        for (name, chart) in charts {
            let size = name == "grid" ? (1600, 1000) : (960, 540)
            let chartStart = DispatchTime.now().uptimeNanoseconds
            _ = try ChartPage(width: size.0, height: size.1, scale: 2, sourceLine: DemoCharts.source).render(chart)
            print("render \(name): \(Double(DispatchTime.now().uptimeNanoseconds - chartStart) / 1e6) ms")
        }
        print(
            "render all \(charts.count) charts at scale 2: \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) ms"
        )
    }
}
