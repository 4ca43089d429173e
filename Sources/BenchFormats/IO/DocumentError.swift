/// Why a results, baseline, thresholds, history or flake-history file could not be read or written.
public enum DocumentError: Error, Equatable, CustomStringConvertible {
    case io(file: String, operation: String, message: String)
    /// Not JSON, or JSON of the wrong shape; `detail` names the field.
    case invalid(file: String, detail: String)
    /// Another kind of MeshBench file, or an unsupported version.
    case wrongSchema(file: String, found: String, expected: String, hint: String?)
    case corruptGzip(file: String, detail: String)
    case tooLarge(file: String, limit: Int)
    case output(FileCommitError)

    public var description: String {
        switch self {
        case let .io(file, operation, message):
            return "\(file): cannot \(operation): \(message). Check the path and its permissions."
        case let .invalid(file, detail):
            return "\(file): invalid: \(detail). Regenerate the file with this version of MeshBench or fix that field."
        case let .wrongSchema(file, found, expected, hint):
            let why = hint.map { ": \($0)" } ?? "; this version reads \"\(expected)\""
            return "\(file): schema \"\(found)\" where \"\(expected)\" was expected\(why)."
        case let .corruptGzip(file, detail):
            return "\(file): corrupt or truncated gzip data (\(detail)). Restore the file from git or delete it."
        case let .tooLarge(file, limit):
            return
                "\(file): larger than \(limit) bytes once decompressed; refused before loading it: \(InputCap.documentMegabytes.refusal)."
        case let .output(error):
            return error.description
        }
    }
}
