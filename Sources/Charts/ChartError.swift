/// Failures when making or saving a chart image; each names what failed and how to fix it.
public enum ChartError: Error, CustomStringConvertible, Equatable {
    /// Cairo refused to create the image surface (size too large, out of memory).
    case surfaceCreation(width: Int, height: Int, scale: Double, status: String)
    /// Writing the PNG failed (missing folder, no permission, full disk).
    case pngWrite(path: String, status: String)
    /// A size or scale that cannot make an image.
    case invalidSize(width: Int, height: Int, scale: Double)

    public var description: String {
        switch self {
        case let .surfaceCreation(width, height, scale, status):
            return "cannot create a \(width)×\(height) image at scale \(scale): \(status); use a smaller size or scale"
        case let .pngWrite(path, status):
            return "cannot write PNG \(path): \(status); check that the folder exists and is writable"
        case let .invalidSize(width, height, scale):
            return
                "invalid chart size \(width)×\(height) at scale \(scale): width and height must be 1...16384 and scale 1...4"
        }
    }
}
