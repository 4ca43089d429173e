import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing the whole-document files (results, baseline, thresholds, flake history,
/// history entries): schema checked before decoding, gzip accepted on input (by magic bytes),
/// outputs through `FileCommit`, stable JSON (sorted keys, ISO 8601 dates).
public enum DocumentFile {
    /// Documents are read whole; this caps what a hostile or mistaken input (a gzip bomb) can
    /// make us inflate and allocate, checked while inflating.
    static var maxBytes: Int {
        let megabytes = InputCap.documentMegabytes.value
        return megabytes > Int.max >> 20 ? Int.max : megabytes << 20
    }

    static func read<T: Decodable>(
        _ type: T.Type, from path: String, schema expected: String
    ) throws(DocumentError) -> T {
        try decode(type, from: try readBytes(path), file: path, schema: expected)
    }

    /// The bytes of a whole document (gzip inflated), at most `maxBytes` of them.
    public static func readBytes(_ path: String) throws(DocumentError) -> [UInt8] {
        let raw: ByteSource
        if path == "-" {
            raw = FileDescriptorSource(fd: STDIN_FILENO, ownsDescriptor: false)
        } else {
            // A commit killed after its commit point is finished first, never read half applied.
            CommitRecovery.settle(beforeReading: path)
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .io(file: path, operation: "open", message: String(cString: strerror(errno))) }
            raw = FileDescriptorSource(fd: fd, ownsDescriptor: true)
        }
        do {
            return try Gzip.readAll(raw, limit: maxBytes)
        } catch {
            throw convert(error, file: path)
        }
    }

    static func decode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], file: String, schema expected: String
    ) throws(DocumentError) -> T {
        let data = Data(bytes)
        let decoder = FormatsJSON.decoder()
        let probe: Probe
        do {
            probe = try decoder.decode(Probe.self, from: data)
        } catch {
            // JSON Lines (a samples file) is not one JSON document; its first line names it. A
            // first line that names nothing leaves the decoding error below as the one reported.
            if let firstLine = bytes.split(separator: 0x0A, maxSplits: 1).first,
                let lineProbe = try? decoder.decode(Probe.self, from: Data(firstLine)), let found = lineProbe.schema
            {
                throw .wrongSchema(
                    file: file, found: found, expected: expected,
                    hint: found.hasPrefix("meshbench.samples/") ? "this is a samples file; give it to analyze" : nil)
            }
            throw .invalid(
                file: file, detail: bytes.isEmpty ? "the file is empty" : "not a JSON object (\(Self.describe(error)))")
        }
        guard let found = probe.schema else {
            throw .invalid(file: file, detail: "no \"schema\" key; expected \"\(expected)\"")
        }
        guard found == expected else {
            throw .wrongSchema(
                file: file, found: found, expected: expected,
                hint: found.hasPrefix("meshbench.samples/")
                    ? "this is a samples file; give it to analyze"
                    : Self.sameFamily(found, expected) ? nil : SchemaName.consumerHint(for: found))
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw .invalid(file: file, detail: Self.describe(error))
        }
    }

    static func encode<T: Encodable>(_ value: T, pretty: Bool, file: String) throws(DocumentError) -> [UInt8] {
        do {
            var bytes = [UInt8](try FormatsJSON.encoder(pretty: pretty).encode(value))
            bytes.append(0x0A)
            return bytes
        } catch {
            throw .invalid(
                file: file, detail: "cannot encode: \(Self.describe(error)) (non-finite numbers cannot be written)")
        }
    }

    /// Writes `path` as a one-file commit (`FileCommit`): atomically, or as a stream for `-` and special files.
    static func write(_ bytes: [UInt8], to path: String) throws(DocumentError) {
        let commit = FileCommit()
        do {
            try commit.add(bytes, to: path)
            try commit.commit()
        } catch {
            throw .output(error)
        }
    }

    /// Only the `schema` key, to identify a document before decoding all of it.
    private struct Probe: Decodable { let schema: String? }

    private static func sameFamily(_ a: String, _ b: String) -> Bool {
        a.split(separator: "/").first == b.split(separator: "/").first
    }

    static func convert(_ error: StreamError, file: String) -> DocumentError {
        switch error {
        case .truncatedGzip: .corruptGzip(file: file, detail: "the stream ends before its trailer")
        case .corruptGzip(let detail): .corruptGzip(file: file, detail: detail)
        case let .system(operation, message): .io(file: file, operation: operation, message: message)
        case .tooLarge(let limit): .tooLarge(file: file, limit: limit)
        case .readerClosed: .io(file: file, operation: "write", message: "the reader closed the pipe")
        }
    }

    private static func describe(_ error: Error) -> String {
        if let e = error as? DecodingError { return DecodingErrorText.describe(e) }
        if let e = error as? EncodingError, case let .invalidValue(value, ctx) = e {
            return "\(value) at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        }
        return "\(error)"
    }
}
