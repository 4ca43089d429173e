/// Why a file of another harness (hyperfine, Google Benchmark, pytest-benchmark, Go) was refused:
/// the file, the line (and column for syntax), what is wrong and what to do. `analyze` exits 2.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let format: InputFormat
    public let problem: String
    public let fix: String

    init(file: String, line: Int? = nil, column: Int? = nil, format: InputFormat, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.column = column
        self.format = format
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        let place = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return "\(place): \(format.displayName): \(problem). \(fix)."
    }
}
