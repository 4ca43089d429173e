import CCairo
@testable import Charts
import Foundation
import XCTest

/// MeshBench's own PNG writer, read back by Cairo's libpng reader: every pixel must survive,
/// opaque charts as RGB and translucent images as straight RGBA.
final class PNGEncoderTests: XCTestCase {
    func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("meshbench-png-\(getpid())-\(name).png").path
    }

    /// Reads a PNG through Cairo and returns its ARGB32 words (premultiplied, as Cairo holds them).
    func decoded(_ file: String) throws -> (width: Int, height: Int, argb: [UInt32]) {
        let surface = try XCTUnwrap(cairo_image_surface_create_from_png(file))
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS, "libpng refused the file")
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try XCTUnwrap(cairo_image_surface_get_data(surface))
        var argb: [UInt32] = []
        for y in 0..<height {
            for x in 0..<width {
                argb.append(UnsafeRawPointer(data + y * stride).load(fromByteOffset: x * 4, as: UInt32.self))
            }
        }
        return (width, height, argb)
    }

    func testAChartRoundTripsPixelForPixel() throws {
        let chart = StackedBarChart(
            title: "Phases", categoryTitle: "Scenario", valueAxis: AxisSpec(title: "Time", dimension: .duration),
            phases: ["decode", "verify"], bars: [StackedBar(label: "a", segments: [2e4, 7e4])])
        let context = try ChartPage(width: 320, height: 200, scale: 2, sourceLine: "source").render(chart)
        let file = path("chart")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try context.canvas.writePNG(to: file)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertEqual(bytes[25], 2, "an opaque chart is written as RGB (colour type 2)")
        let read = try decoded(file)
        let drawn = context.canvas.pixels()
        XCTAssertEqual(read.width, 640)
        XCTAssertEqual(read.height, 400)
        XCTAssertEqual(read.argb, drawn.argb)
    }

    func testTranslucentPixelsAreWrittenAsStraightRGBA() throws {
        // Premultiplied ARGB: (a 0x80, r 0x40, g 0x20, b 0x00) is straight (r 0x80, g 0x40, b 0) at
        // alpha 128/255, which Cairo premultiplies back to the same words; transparent stays 0.
        let words: [UInt32] = [0x8040_2000, 0x0000_0000, 0xFF12_3456, 0x0101_0101]
        let file = path("rgba")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let png = try words.withUnsafeBytes { raw in
            try PNGEncoder.encode(pixels: raw.bindMemory(to: UInt8.self).baseAddress!, width: 2, height: 2, stride: 8)
        }
        try Data(png).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(png[25], 6, "translucent pixels need colour type 6 (RGBA)")
        XCTAssertEqual(try decoded(file).argb, words)
    }
}
