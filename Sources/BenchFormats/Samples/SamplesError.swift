/// Why a samples file (or stream) was refused. Every message names the file and, where there is
/// one, the line, and says what to do. `analyze` exits 2 on any of these.
public enum SamplesError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened, read or written.
    case io(file: String, operation: String, message: String)
    /// The program reading the output closed it early (`bench | head`): not a fault, the writer
    /// stops quietly.
    case readerClosed(file: String)
    /// Nothing at all in the input.
    case emptyInput(file: String)
    /// The gzip stream stops before its trailer (the writer was killed or the copy is incomplete).
    case truncatedGzip(file: String, line: Int)
    /// zlib rejected the compressed data.
    case corruptGzip(file: String, line: Int, detail: String)
    /// No `end` record: the run did not finish writing.
    case truncated(file: String, line: Int, records: Int)
    /// A line is not valid JSON.
    case malformedJSON(file: String, line: Int, column: Int, detail: String)
    /// `NaN`, `Infinity` or `-Infinity` where a number was expected.
    case nonFiniteLiteral(file: String, line: Int, column: Int, token: String)
    /// A number outside the range of a Double (e.g. `1e999`), or a non-finite value to be written.
    case nonFiniteNumber(file: String, line: Int, field: String)
    /// A negative value in a time unit.
    case negativeTime(file: String, line: Int, field: String, index: Int?, value: Double, unit: String)
    /// A parallel array whose length differs from `values`.
    case parallelArrayLength(file: String, line: Int, field: String, count: Int, expected: Int)
    /// A `run` record with a schema this version does not read.
    case unsupportedSchema(file: String, line: Int, found: String, supported: String)
    /// The first record is not `run`.
    case firstRecordNotRun(file: String, line: Int, found: String)
    /// Another MeshBench file (results, baseline...) where samples were expected.
    case wrongFileKind(file: String, schema: String, hint: String)
    /// Valid JSON, but not a samples record (unknown type, missing or mistyped field, bad value).
    case invalidRecord(file: String, line: Int, detail: String)
    /// A line longer than the reader's cap.
    case lineTooLong(file: String, line: Int, limit: Int)
    /// A record after the `end` record.
    case recordAfterEnd(file: String, line: Int)
    /// `end.records` disagrees with the number of records actually read.
    case recordCountMismatch(file: String, line: Int, declared: Int, counted: Int)

    public var description: String {
        switch self {
        case let .io(file, operation, message):
            return "\(file): cannot \(operation): \(message). Check the path and its permissions."
        case let .readerClosed(file):
            return "\(file): the reader closed the pipe before the run ended; nothing more is written."
        case let .emptyInput(file):
            return "\(file): empty input: no records. Give the output of `bench` (a samples file or `-` for a pipe)."
        case let .truncatedGzip(file, line):
            return "\(file):\(line): truncated gzip stream: the file ends before the gzip trailer. "
                + "The copy is incomplete or bench was interrupted; re-run bench or pass --allow-partial to use the complete lines."
        case let .corruptGzip(file, line, detail):
            return
                "\(file):\(line): corrupt gzip data (\(detail)). Re-run bench or re-copy the file; check it with `gzip -t`."
        case let .truncated(file, line, records):
            return "\(file):\(line): truncated: no `end` record after \(records) records. "
                + "bench did not finish; re-run bench or pass --allow-partial to analyze what was written."
        case let .malformedJSON(file, line, column, detail):
            return "\(file):\(line):\(column): malformed JSON: \(detail). Each line must be one complete JSON object."
        case let .nonFiniteLiteral(file, line, column, token):
            return "\(file):\(line):\(column): `\(token)` is not a JSON number. "
                + "The writer produced a non-finite value; fix the measurement that produced it (JSON cannot hold NaN or Infinity)."
        case let .nonFiniteNumber(file, line, field):
            return
                "\(file):\(line): `\(field)` holds a number outside the range of a 64-bit float (or a non-finite value). "
                + "Record finite values only."
        case let .negativeTime(file, line, field, index, value, unit):
            let at = index.map { "\(field)[\($0)]" } ?? field
            return "\(file):\(line): \(at) = \(value) \(unit) is negative, but durations in \(unit) cannot be. "
                + "Check the clock arithmetic that produced it (use a monotonic clock)."
        case let .parallelArrayLength(file, line, field, count, expected):
            return "\(file):\(line): `\(field)` has \(count) elements but `values` has \(expected). "
                + "Parallel arrays must have one element per value."
        case let .unsupportedSchema(file, line, found, supported):
            return "\(file):\(line): unsupported schema \"\(found)\"; this version reads \"\(supported)\". "
                + "Re-run bench with this version or use a matching analyze."
        case let .firstRecordNotRun(file, line, found):
            return "\(file):\(line): the first record is `\(found)`, but a samples file starts with a `run` record. "
                + "Give the complete output of bench, not an excerpt."
        case let .wrongFileKind(file, schema, hint):
            return "\(file): this is not a samples file (schema \"\(schema)\"): \(hint)."
        case let .invalidRecord(file, line, detail):
            return "\(file):\(line): invalid record: \(detail)."
        case let .lineTooLong(file, line, limit):
            return
                "\(file):\(line): line longer than \(limit) bytes. Split large samples into several `samples` records."
        case let .recordAfterEnd(file, line):
            return
                "\(file):\(line): a record follows the `end` record. Two runs were concatenated; give one run per file."
        case let .recordCountMismatch(file, line, declared, counted):
            return "\(file):\(line): the `end` record declares \(declared) records but \(counted) were read. "
                + "Lines were lost or added; re-run bench."
        }
    }
}
