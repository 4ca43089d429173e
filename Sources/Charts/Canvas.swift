import CCairo
import Foundation

/// A white ARGB32 Cairo image surface. Drawing happens in points; `scale` is the device scale
/// (2 for HiDPI), which multiplies the pixel size but keeps the layout identical.
public final class Canvas {
    public let width: Double
    public let height: Double
    public let scale: Double
    let surface: OpaquePointer
    let cairo: OpaquePointer

    public init(width: Int, height: Int, scale: Double = 1) throws(ChartError) {
        guard (1...16384).contains(width), (1...16384).contains(height), scale >= 1, scale <= 4,
            Double(width) * scale <= 32767, Double(height) * scale <= 32767
        else {
            throw .invalidSize(width: width, height: height, scale: scale)
        }
        let pixelWidth = Int32((Double(width) * scale).rounded())
        let pixelHeight = Int32((Double(height) * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight) else {
            throw .surfaceCreation(width: width, height: height, scale: scale, status: "no surface")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let cairo = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .surfaceCreation(width: width, height: height, scale: scale, status: Canvas.describe(status))
        }
        cairo_surface_set_device_scale(surface, scale, scale)
        // Unhinted metrics: text measures the same at every scale, so scale 2 is the same layout.
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_set_font_options(cairo, options)
            cairo_font_options_destroy(options)
        }
        self.width = Double(width)
        self.height = Double(height)
        self.scale = scale
        self.surface = surface
        self.cairo = cairo
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    public var pixelWidth: Int { Int(cairo_image_surface_get_width(surface)) }
    public var pixelHeight: Int { Int(cairo_image_surface_get_height(surface)) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The image as PNG bytes (`PNGEncoder`: fast, for flat chart colours).
    public func pngBytes() throws(ChartError) -> [UInt8] {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw .pngWrite(path: "(in memory)", status: Canvas.describe(cairo_surface_status(surface)))
        }
        do {
            return try PNGEncoder.encode(
                pixels: data, width: pixelWidth, height: pixelHeight,
                stride: Int(cairo_image_surface_get_stride(surface)))
        } catch {
            throw .pngWrite(path: "(in memory)", status: "zlib could not compress the image (\(error))")
        }
    }

    /// Writes the image as PNG to `path` (plainly: the tools write through their atomic commit
    /// with `pngBytes()`); the error names the path.
    public func writePNG(to path: String) throws(ChartError) {
        let png = try pngBytes()
        guard let file = fopen(path, "wb") else {
            throw .pngWrite(path: path, status: String(cString: strerror(errno)))
        }
        let written = png.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == png.count, closed == 0 else {
            throw .pngWrite(path: path, status: String(cString: strerror(errno)))
        }
    }

    /// A copy of the pixels, for checks that an image is not blank or clipped.
    public func pixels() -> PixelBuffer {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        var values = [UInt32](repeating: 0, count: pixelWidth * pixelHeight)
        if let data = cairo_image_surface_get_data(surface) {
            for row in 0..<pixelHeight {
                let rowStart = UnsafeRawPointer(data + row * stride)
                for column in 0..<pixelWidth {
                    values[row * pixelWidth + column] = rowStart.load(fromByteOffset: column * 4, as: UInt32.self)
                }
            }
        }
        return PixelBuffer(width: pixelWidth, height: pixelHeight, argb: values)
    }

    static func describe(_ status: cairo_status_t) -> String {
        cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo status \(status.rawValue)"
    }
}

/// Premultiplied ARGB32 pixels, row-major.
public struct PixelBuffer: Sendable {
    public let width: Int
    public let height: Int
    public let argb: [UInt32]

    /// True when the pixel is (nearly) white: every channel ≥ 245.
    public func isWhite(x: Int, y: Int) -> Bool {
        let value = argb[y * width + x]
        return (value >> 16) & 0xFF >= 245 && (value >> 8) & 0xFF >= 245 && value & 0xFF >= 245
    }
}
