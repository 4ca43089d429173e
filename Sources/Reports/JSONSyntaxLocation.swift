import Foundation

/// Where a JSON syntax error is, as line and column. JSONDecoder only says "not valid JSON";
/// JSONSerialization names the character offset ("Invalid value around character 32."), which
/// this turns into the line and column an editor shows (both from 1, columns in characters).
struct JSONSyntaxLocation: Equatable {
    let line: Int
    let column: Int
    let problem: String

    init?(_ bytes: Data) {
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
            return nil
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let range = text.range(of: "character "),
                let offset = Int(text[range.upperBound...].prefix { $0.isNumber })
            else { return nil }
            let before = String(decoding: bytes.prefix(offset), as: UTF8.self)
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            line = lines.count
            column = (lines.last?.count ?? 0) + 1
            problem = String(text[..<range.lowerBound]).replacingOccurrences(of: " around ", with: "")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}
