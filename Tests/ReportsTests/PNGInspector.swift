import CCairo
import Foundation

/// Reads a PNG back through Cairo to check what a person would notice: the size, whether
/// anything is drawn, and whether the drawing runs off the edge.
struct PNGInspector {
    let width: Int
    let height: Int
    /// Fraction of pixels that are not (near-)white.
    let inkFraction: Double
    /// Pixels that are not (near-)white on the outermost 2-pixel frame: clipping shows here.
    let inkOnEdge: Int

    init?(path: String) {
        guard let surface = cairo_image_surface_create_from_png(path),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else { return nil }
        var ink = 0
        var edge = 0
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // ARGB32 in native (little-endian) order: B, G, R, A.
                let pixel = row + x * 4
                let isWhite = pixel[0] > 245 && pixel[1] > 245 && pixel[2] > 245 || pixel[3] == 0
                if !isWhite {
                    ink += 1
                    if x < 2 || y < 2 || x >= width - 2 || y >= height - 2 { edge += 1 }
                }
            }
        }
        inkFraction = Double(ink) / Double(width * height)
        inkOnEdge = edge
    }
}
