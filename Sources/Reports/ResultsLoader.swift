import BenchFormats
import Foundation

/// Reads a results file (or standard input) and refuses, with a message that says what to do,
/// anything that is not one: raw samples, another MeshBench file kind, not JSON at all.
public enum ResultsLoader {
    /// The raw bytes and the sections they decode to.
    public struct Loaded: Sendable {
        public let bytes: Data
        public let results: LoadedResults
    }

    /// `path` is a file path or `-` for standard input; at most `InputCap.documentMegabytes` is read.
    public static func load(path: String) throws(ReportError) -> Loaded {
        if path == "-" {
            try StandardInput.refuseTerminal(what: "results")
        } else if !FileManager.default.fileExists(atPath: path) {
            throw .inputUnreadable(path: path, reason: "no such file")
        }
        let bytes: Data
        do {
            bytes = Data(try DocumentFile.readBytes(path))
        } catch {
            switch error {
            case .tooLarge: throw .inputInvalid(path: path == "-" ? "standard input" : path, reason: "\(error)")
            // Results are never compressed; gzip that is not a history entry is raw samples.
            case .corruptGzip: throw .rawSamplesGiven(path: path == "-" ? "standard input" : path)
            default: throw .inputUnreadable(path: path, reason: "\(error)")
            }
        }
        return Loaded(bytes: bytes, results: try parse(bytes, name: path == "-" ? "standard input" : path))
    }

    /// Parses results bytes; `name` is used in messages.
    public static func parse(_ bytes: Data, name: String) throws(ReportError) -> LoadedResults {
        if bytes.count >= 2, bytes[bytes.startIndex] == 0x1F, bytes[bytes.startIndex + 1] == 0x8B {
            // Results are never compressed; samples often are.
            throw .rawSamplesGiven(path: name)
        }
        guard bytes.contains(where: { !Self.isJSONWhitespace($0) }) else {
            throw .inputNotJSON(path: name, line: nil, reason: "the input is empty; did analyze fail before writing?")
        }
        let schema: String
        do {
            schema = try JSONDecoder().decode(SchemaProbe.self, from: bytes).schema ?? ""
        } catch {
            // Raw samples are JSON Lines: the whole input is not one JSON value, its first line is.
            // A first line that names nothing leaves the errors below as the ones reported.
            if let firstLine = bytes.split(separator: 0x0A, maxSplits: 1).first,
                let probe = try? JSONDecoder().decode(SchemaProbe.self, from: Data(firstLine)),
                probe.schema?.hasPrefix("meshbench.samples/") == true || probe.type == "run"
            {
                throw .rawSamplesGiven(path: name)
            }
            if let place = JSONSyntaxLocation(bytes) {
                throw .inputNotJSON(path: name, line: place.line, column: place.column, reason: place.problem)
            }
            throw .inputNotJSON(path: name, line: nil, reason: SectionDecoder.describe(error))
        }
        if schema.hasPrefix("meshbench.samples/") { throw .rawSamplesGiven(path: name) }
        guard schema.hasPrefix("meshbench.results/") else {
            if schema.isEmpty {
                throw .inputInvalid(
                    path: name,
                    reason: "no \"schema\" field: render reads meshbench.results/1 documents written by analyze")
            }
            throw .wrongFileKind(path: name, schema: schema, hint: Self.hint(for: schema))
        }
        do {
            let decoder = FormatsJSON.decoder()
            return try LoadedResults(schema: schema, sections: try decoder.decode(SectionDecoder.self, from: bytes))
        } catch {
            throw .inputInvalid(
                path: name, reason: "the top level is not a JSON object (\(SectionDecoder.describe(error)))")
        }
    }

    private static func hint(for schema: String) -> String {
        if schema.hasPrefix("meshbench.baseline/") { return "this is a baseline; use `render baseline-doc` for it" }
        if schema.hasPrefix("meshbench.history/") { return "this is a history entry; use `render trends`" }
        return "render reads meshbench.results/1 documents written by analyze"
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

/// Just enough of any MeshBench file to tell what it is.
private struct SchemaProbe: Decodable {
    let schema: String?
    let type: String?
}
