import BenchFormats
import Foundation

/// `benchmark-results.json`: the results, indented and with sorted keys so it diffs well.
/// A file whose every section decoded is re-encoded from the typed document; one with sections
/// render could not read is re-indented as generic JSON, so nothing in it is lost.
enum PrettyJSON {
    /// Each form falls back to the next (the input was already read as JSON, so the first two
    /// do not fail in practice); the last, the bytes as given, cannot fail.
    static func format(_ bytes: Data, results: LoadedResults) -> Data {
        if results.problems.isEmpty, !results.isNewerSchema, let document = results.document {
            if let data = try? FormatsJSON.encoder(pretty: true).encode(document) { return data + Data("\n".utf8) }
        }
        if let object = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        {
            return data + Data("\n".utf8)
        }
        return bytes
    }
}
