import CZlib

/// PNG encoding of a Cairo ARGB32 image. `cairo_surface_write_to_png` goes through libpng's
/// defaults (adaptive row filters, zlib level 6), which took 60 % of a full report's time; chart
/// pixels are mostly runs of flat colour, which the Up filter and deflate level 1 compress
/// nearly as small in a fraction of the time. Opaque images (every chart: white background)
/// are written as 8-bit RGB, others as straight (un-premultiplied) RGBA. PNG spec (ISO 15948).
enum PNGEncoder {
    enum Failure: Error { case deflate(Int32) }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `pixels` is Cairo's ARGB32 buffer: native-endian 32-bit words, premultiplied alpha.
    static func encode(
        pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
        level: Int32 = 1
    ) throws(Failure) -> [UInt8] {
        let opaque = isOpaque(pixels, width: width, height: height, stride: stride)
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var current = [UInt8](repeating: 0, count: rowBytes)
        for y in 0..<height {
            straightRow(pixels + y * stride, width: width, opaque: opaque, into: &current)
            // Filter type 2 (Up): each byte minus the byte above; flat regions become zeros.
            let start = y * (rowBytes + 1)
            raw[start] = 2
            for i in 0..<rowBytes { raw[start + 1 + i] = current[i] &- previous[i] }
            swap(&previous, &current)
        }
        var png = signature
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // bit depth, colour type RGB / RGBA, deflate, filters, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflate(raw, level: level), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    static func isOpaque(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = UnsafeRawPointer(pixels + y * stride)
            for x in 0..<width where row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self) >> 24 != 0xFF {
                return false
            }
        }
        return true
    }

    /// One row as R, G, B (, A) bytes, alpha divided out (rounded) when not opaque.
    static func straightRow(_ row: UnsafePointer<UInt8>, width: Int, opaque: Bool, into out: inout [UInt8]) {
        let words = UnsafeRawPointer(row)
        out.withUnsafeMutableBufferPointer { out in
            for x in 0..<width {
                let argb = words.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                let a = argb >> 24
                var r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF
                if opaque {
                    out[x * 3] = UInt8(r); out[x * 3 + 1] = UInt8(g); out[x * 3 + 2] = UInt8(b)
                    continue
                }
                if a != 0 && a != 0xFF {
                    r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a
                }
                out[x * 4] = UInt8(min(r, 255)); out[x * 4 + 1] = UInt8(min(g, 255))
                out[x * 4 + 2] = UInt8(min(b, 255)); out[x * 4 + 3] = UInt8(a)
            }
        }
    }

    static func deflate(_ input: [UInt8], level: Int32) throws(Failure) -> [UInt8] {
        var bound = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(bound))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer {
                compress2(out.baseAddress, &bound, $0.baseAddress, uLong(input.count), level)
            }
        }
        guard status == Z_OK else { throw .deflate(status) }
        output.removeSubrange(Int(bound)...)
        return output
    }

    /// Length, type, data, CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let name = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += name
        png += data
        var crc = name.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(crc))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
