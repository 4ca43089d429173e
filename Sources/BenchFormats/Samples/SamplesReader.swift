import Foundation
import JSON
#if canImport(Glibc)
import Glibc
#endif

/// Streams a `meshbench.samples/1` file one record at a time: plain or gzip (told apart by the
/// magic bytes), from a path or `-` for standard input. Memory is bounded by the longest line,
/// never the file. Every record is validated; the first problem stops reading with a
/// `SamplesError` that names the file and line.
public final class SamplesReader {
    /// Name used in messages (`<stdin>` for `-`).
    public let fileName: String
    /// Whether the input was gzip.
    public let isGzip: Bool
    /// The `run` record (read when the reader is created).
    public let run: RunRecord
    /// The `end` record, once `next()` has returned nil on a complete file.
    public private(set) var end: EndRecord?
    /// True when the input ended without an `end` record and `allowPartial` accepted it.
    public private(set) var isPartial = false
    /// Records read so far, the `run` record included.
    public private(set) var recordCount = 1

    private let lines: LineReader
    private let allowPartial: Bool
    private var done = false

    /// Default cap on one line: 64 MiB, room for ~3 million values per `samples` record.
    public static let defaultMaxLineBytes = 64 << 20

    /// Opens `path` (`-` = standard input) and reads its `run` record.
    public convenience init(
        path: String, allowPartial: Bool = false,
        maxLineBytes: Int = SamplesReader.defaultMaxLineBytes
    ) throws(SamplesError) {
        if path == "-" {
            try self.init(
                fileDescriptor: STDIN_FILENO, name: "<stdin>", ownsDescriptor: false,
                allowPartial: allowPartial, maxLineBytes: maxLineBytes)
        } else {
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw .io(file: path, operation: "open", message: String(cString: strerror(errno)))
            }
            try self.init(
                fileDescriptor: fd, name: path, ownsDescriptor: true,
                allowPartial: allowPartial, maxLineBytes: maxLineBytes)
        }
    }

    /// Reads from an open descriptor (closed with the reader when `ownsDescriptor`).
    public convenience init(
        fileDescriptor: Int32, name: String, ownsDescriptor: Bool, allowPartial: Bool = false,
        maxLineBytes: Int = SamplesReader.defaultMaxLineBytes
    ) throws(SamplesError) {
        try self.init(
            source: FileDescriptorSource(fd: fileDescriptor, ownsDescriptor: ownsDescriptor), name: name,
            allowPartial: allowPartial, maxLineBytes: maxLineBytes)
    }

    /// Reads from any byte source (`BenchmarkInput` hands over what it read to detect the format).
    init(
        source raw: ByteSource, name: String, allowPartial: Bool = false,
        maxLineBytes: Int = SamplesReader.defaultMaxLineBytes
    ) throws(SamplesError) {
        fileName = name
        self.allowPartial = allowPartial
        let opened: (source: ByteSource, gzip: Bool)
        do {
            opened = try InputDetection.open(raw)
        } catch {
            throw Self.streamError(error, file: name, line: 1)
        }
        isGzip = opened.gzip
        lines = LineReader(source: opened.source, maxLineBytes: maxLineBytes)
        run = try Self.readRunRecord(lines, file: name, allowPartial: allowPartial)
    }

    /// The next record after `run`; nil after the `end` record (see `end`) or, with
    /// `allowPartial`, at a premature end of input (see `isPartial`).
    public func next() throws(SamplesError) -> SampleRecord? {
        guard !done else { return nil }
        while true {
            let scanned: Scanned?
            do {
                scanned = try lines.nextLine { line throws(SamplesError) -> Scanned in
                    try Self.scanLine(line, lines, fileName)
                }
            } catch let error as SamplesError {
                if allowPartial, Self.isTruncation(error) { return finishPartial() }
                if case let .truncated(file, line, _) = error {
                    throw .truncated(file: file, line: line, records: recordCount)
                }
                throw error
            } catch let error as StreamError {
                if allowPartial, error == .truncatedGzip { return finishPartial() }
                throw Self.streamError(error, file: fileName, line: lines.lineNumber + 1)
            } catch let error as LineReader.LineTooLong {
                throw .lineTooLong(file: fileName, line: error.line, limit: error.limit)
            } catch {
                throw .io(file: fileName, operation: "read", message: "\(error)")
            }
            guard let scanned else {
                if allowPartial { return finishPartial() }
                throw .truncated(file: fileName, line: lines.lineNumber, records: recordCount)
            }
            guard case .record(let record) = scanned else { continue }
            let loc = RecordLocation(file: fileName, line: lines.lineNumber)
            switch record {
            case .run:
                throw .invalidRecord(
                    file: fileName, line: loc.line,
                    detail: "a second `run` record; two runs were concatenated, give one run per file")
            case .end(let e):
                guard e.records == recordCount else {
                    throw .recordCountMismatch(
                        file: fileName, line: loc.line, declared: e.records, counted: recordCount)
                }
                end = e
                done = true
                try expectNothingAfterEnd()
                return nil
            default:
                recordCount += 1
                return record
            }
        }
    }

    private func finishPartial() -> SampleRecord? {
        isPartial = true
        done = true
        return nil
    }

    /// Blank lines may follow `end`; records may not.
    private func expectNothingAfterEnd() throws(SamplesError) {
        do {
            while let blank = try lines.nextLine({ RecordLineScanner.isBlank($0) }) {
                if !blank { throw SamplesError.recordAfterEnd(file: fileName, line: lines.lineNumber) }
            }
        } catch let error as SamplesError {
            throw error
        } catch let error as StreamError {
            throw Self.streamError(error, file: fileName, line: lines.lineNumber + 1)
        } catch {
            throw .io(file: fileName, operation: "read", message: "\(error)")
        }
    }

    // MARK: - one line

    private enum Scanned {
        case blank
        case record(SampleRecord)
    }

    private static func scanLine(
        _ line: UnsafeRawBufferPointer, _ lines: LineReader,
        _ file: String
    ) throws(SamplesError) -> Scanned {
        if RecordLineScanner.isBlank(line) { return .blank }
        let loc = RecordLocation(file: file, line: lines.lineNumber)
        let fields: [String: ScannedValue]
        do {
            fields = try RecordLineScanner.scan(line)
        } catch {
            // A broken last line without a newline is a cut-off write, not bad JSON.
            if lines.lastLineUnterminated, !error.isNonFinite {
                throw .truncated(file: file, line: loc.line, records: max(0, loc.line - 1))
            }
            throw convert(error, at: loc)
        }
        let record = try RecordDecoder.decode(line, fields, at: loc)
        try RecordValidator.validate(record, at: loc)
        return .record(record)
    }

    private static func convert(_ error: JSONError, at loc: RecordLocation) -> SamplesError {
        let column = error.offset + 1
        switch error.problem {
        case .nonFiniteLiteral(let token):
            return .nonFiniteLiteral(file: loc.file, line: loc.line, column: column, token: token)
        case .numberOutOfRange:
            return .nonFiniteNumber(file: loc.file, line: loc.line, field: error.field)
        default:
            let place = error.field.isEmpty ? "" : " in `\(error.field)`"
            return .malformedJSON(file: loc.file, line: loc.line, column: column, detail: error.detail + place)
        }
    }

    private static func isTruncation(_ error: SamplesError) -> Bool {
        switch error {
        case .truncated, .truncatedGzip: true
        default: false
        }
    }

    static func streamError(_ error: StreamError, file: String, line: Int) -> SamplesError {
        switch error {
        case .truncatedGzip: .truncatedGzip(file: file, line: line)
        case .corruptGzip(let detail): .corruptGzip(file: file, line: line, detail: detail)
        case let .system(operation, message): .io(file: file, operation: operation, message: message)
        case .tooLarge(let limit): .lineTooLong(file: file, line: line, limit: limit)
        case .readerClosed: .readerClosed(file: file)
        }
    }

    // MARK: - the first record

    private static func readRunRecord(
        _ lines: LineReader, file: String, allowPartial: Bool
    ) throws(SamplesError) -> RunRecord {
        while true {
            let first: FirstLine?
            do {
                first = try lines.nextLine { line throws(SamplesError) -> FirstLine in
                    if RecordLineScanner.isBlank(line) { return .blank }
                    if isBareBrace(line) { return .prettyJSON }
                    return .record(try scanLine(line, lines, file))
                }
            } catch let error as SamplesError {
                throw error
            } catch let error as StreamError {
                throw streamError(error, file: file, line: lines.lineNumber + 1)
            } catch let error as LineReader.LineTooLong {
                throw .lineTooLong(file: file, line: error.line, limit: error.limit)
            } catch {
                throw .io(file: file, operation: "read", message: "\(error)")
            }
            switch first {
            case nil:
                throw .emptyInput(file: file)
            case .blank?, .record(.blank)?:
                continue
            case .prettyJSON?:
                throw try identifyPrettyJSON(lines, file: file, firstLine: lines.lineNumber)
            case .record(.record(let record))?:
                guard case .run(let run) = record else {
                    throw .firstRecordNotRun(file: file, line: lines.lineNumber, found: record.kind.rawValue)
                }
                return run
            }
        }
    }

    private enum FirstLine {
        case blank
        case prettyJSON
        case record(Scanned)
    }

    private static func isBareBrace(_ line: UnsafeRawBufferPointer) -> Bool {
        let text = line.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        return text == [UInt8(ascii: "{")] || text == [UInt8(ascii: "[")]
    }

    /// A pretty-printed JSON document was given (results, baseline...): find its top-level
    /// `"schema"` so the message can say which file it is and where it belongs.
    private static func identifyPrettyJSON(
        _ lines: LineReader, file: String, firstLine: Int
    ) throws(SamplesError) -> SamplesError {
        let notJSONLines = SamplesError.malformedJSON(
            file: file, line: firstLine, column: 1,
            detail: "the line holds only `{`: this is pretty-printed JSON, not JSON Lines (one record per line)")
        do {
            while let schema = try lines.nextLine({ schemaValue(in: $0) }) {
                guard let schema else { continue }
                if let hint = SchemaName.consumerHint(for: schema) {
                    return .wrongFileKind(file: file, schema: schema, hint: hint)
                }
                return notJSONLines
            }
        } catch {
            return notJSONLines
        }
        return notJSONLines
    }

    /// The value of a line of the form `  "schema" : "…",` (as JSONEncoder pretty-prints).
    private static func schemaValue(in line: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("\"schema\"") else { return nil }
        let rest = text.dropFirst("\"schema\"".count).drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        let value = rest.dropFirst().drop { $0 == " " }
        guard value.first == "\"", let close = value.dropFirst().firstIndex(of: "\"") else { return nil }
        return String(value[value.index(after: value.startIndex)..<close])
    }
}
