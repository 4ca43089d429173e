import BenchFormats
import Foundation

/// Decodes the top level of a results file one section at a time and list sections one element
/// at a time, writing down in words what was missing or malformed rather than failing the whole
/// file (see `LoadedResults`).
struct SectionDecoder: Decodable {
    private let container: KeyedDecodingContainer<AnyKey>
    private let problemLog = ProblemLog()

    var problems: [String] { problemLog.entries }

    init(from decoder: Decoder) throws {
        container = try decoder.container(keyedBy: AnyKey.self)
    }

    /// A single-valued section; `nil` (and a problem when `required`) if absent or malformed.
    func one<T: Decodable>(_ type: T.Type, _ key: String, required: Bool) -> T? {
        let codingKey = AnyKey(key)
        guard container.contains(codingKey) else {
            if required { problemLog.add("section \"\(key)\" is missing") }
            return nil
        }
        do {
            return try container.decodeIfPresent(T.self, forKey: codingKey)
        } catch {
            problemLog.add("section \"\(key)\" could not be read: \(Self.describe(error))")
            return nil
        }
    }

    /// A list section; malformed elements are skipped one by one and each is reported.
    func list<T: Decodable>(_ type: T.Type, _ key: String, required: Bool = false) -> [T] {
        let codingKey = AnyKey(key)
        guard container.contains(codingKey) else {
            if required { problemLog.add("section \"\(key)\" is missing") }
            return []
        }
        let elements: [Lossy<T>]
        do {
            elements = try container.decodeIfPresent([Lossy<T>].self, forKey: codingKey) ?? []
        } catch {
            problemLog.add("section \"\(key)\" could not be read: \(Self.describe(error))")
            return []
        }
        var values: [T] = []
        values.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            switch element.result {
            case .success(let value): values.append(value)
            case .failure(let error):
                problemLog.add("\(key)[\(index)] was skipped: \(Self.describe(error))")
            }
        }
        return values
    }

}

/// Render's reader of `ResultsBody.visit`: each section on its own, nothing thrown.
extension SectionDecoder: ResultsSectionVisitor {
    func one<Value: Codable>(_ value: inout Value?, _ key: String, required: Bool) {
        value = one(Value.self, key, required: required)
    }

    func list<Element: Codable>(_ values: inout [Element], _ key: String, required: Bool) {
        values = list(Element.self, key, required: required)
    }
}

extension SectionDecoder {
    /// A decoding error as "field path: what is wrong".
    static func describe(_ error: Error) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "field \"\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)\" is missing"
        case .typeMismatch(let type, let context):
            return "field \"\(path(context.codingPath))\" should be \(type)"
        case .valueNotFound(let type, let context):
            return "field \"\(path(context.codingPath))\" is null, expected \(type)"
        case .dataCorrupted(let context):
            return "field \"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// One element of a list section, decoded or with the reason it could not be.
private struct Lossy<T: Decodable>: Decodable {
    let result: Result<T, Error>

    init(from decoder: Decoder) throws {
        do {
            result = .success(try T(from: decoder))
        } catch {
            result = .failure(error)
        }
    }
}

/// Collects problems while `SectionDecoder`'s value-type methods run (one decoding pass, one thread).
private final class ProblemLog {
    private(set) var entries: [String] = []
    func add(_ entry: String) { entries.append(entry) }
}

struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(_ string: String) { stringValue = string; intValue = nil }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}
