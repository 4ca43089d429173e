import Foundation
import Mustache

/// The Mustache templates of every Markdown document, loaded and parsed before anything is
/// written so that a broken template is reported (file and line) instead of producing half a
/// report.
///
/// The defaults are `templates/*.mustache` of the repository, built into the binary by the
/// EmbedTemplates plugin (`BuiltInTemplates`); when the user passes `--templates DIR`, files there
/// replace the default ones of the same name, and a partial override (only
/// `pr-comment.mustache`, say) keeps the other defaults.
///
/// Every template is parsed with Mustache's TEXT content type: all escaping is done once, in the
/// view models (`MarkdownEscaping`), because HTML escaping alone does not make strings safe in
/// Markdown tables and would double-escape what the view model already escaped.
public struct TemplateSet: Sendable {
    /// The documents `render` writes; each needs `<name>.mustache`.
    public enum Document: String, CaseIterable, Sendable {
        case report = "benchmark-report"
        case prComment = "pr-comment"
        case trends = "trends"
        case performanceBaseline = "performance-baseline"
    }

    private let library: MustacheLibrary
    /// Where each template was read from, for messages.
    public let sources: [String: String]

    /// Takes the built-in templates, replaces them with every `*.mustache` of `overrideDirectory`,
    /// and checks that the documents the command will write have a template.
    public init(overrideDirectory: URL? = nil, required: [Document] = [.report, .prComment]) throws(ReportError) {
        var texts = BuiltInTemplates.texts.reduce(into: [String: (path: String, text: String)]()) { texts, entry in
            texts[entry.key] = ("templates/\(entry.key).mustache (built in)", entry.value)
        }
        if let overrideDirectory {
            try Self.readFolder(overrideDirectory, into: &texts)
        }
        for document in required where texts[document.rawValue] == nil {
            throw .templateMissing(
                name: document.rawValue + ".mustache",
                searched: ["the built-in templates"] + [overrideDirectory?.path].compactMap { $0 })
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                // Same line as the first template line, so reported line numbers stay true.
                library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw .templateInvalid(
                    path: entry.path, line: error.context.lineNumber,
                    column: error.context.columnNumber, text: error.context.line,
                    reason: Self.describe(error.error))
            } catch {
                throw .templateInvalid(path: entry.path, line: 1, column: 1, text: "", reason: "\(error)")
            }
            sources[name] = entry.path
        }
        self.library = library
        self.sources = sources
    }

    /// Renders one document from its view model.
    public func render(_ document: Document, _ viewModel: Any) -> String {
        // Loading checked that the required documents have a template.
        guard let text = library.render(viewModel, withTemplate: document.rawValue) else {
            preconditionFailure("template \(document.rawValue) was not required when the set was loaded")
        }
        return text
    }

    private static func readFolder(
        _ folder: URL, into texts: inout [String: (path: String, text: String)]
    ) throws(ReportError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .templateFolderMissing(path: folder.path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .templateUnreadable(path: folder.path, reason: "\(error.localizedDescription)")
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .templateUnreadable(path: path, reason: "cannot be read (check its permissions)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .templateUnreadable(path: path, reason: "is not valid UTF-8")
            }
            texts[String(name.dropLast(".mustache".count))] = (path, text)
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/name}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#name}} is never closed with {{/name}}"
        case .invalidSetDelimiter: return "a set-delimiter tag {{=<% %>=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "a partial's inherit section contains something other than block definitions"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "a pragma {{% ... }} is malformed or unknown"
        }
    }
}
