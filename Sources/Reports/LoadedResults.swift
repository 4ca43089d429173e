import BenchFormats
import Foundation

/// A results document as `render` sees it: every section decoded on its own, so a file with a
/// missing or damaged section (or a newer schema with sections renamed) still gives a report
/// that says what is missing, instead of no report at all. The sections are `ResultsBody`'s,
/// reached as `results.metrics` and so on.
@dynamicMemberLookup
public struct LoadedResults: Sendable {
    /// The schema the file declares (`meshbench.results/1`, or newer).
    public var schema: String
    public var run: RunHeader?
    public var generatedAt: Date?
    public var verdict: Verdict?
    public var body: ResultsBody
    /// What could not be read, in words (unescaped; the view models escape it).
    public var problems: [String]

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ResultsBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    /// Whether the file declares a schema newer than the one this build understands.
    public var isNewerSchema: Bool { schema != SchemaName.results }

    /// Wraps a fully decoded document (tests and the strict path).
    public init(_ document: ResultsDocument) {
        schema = document.schema
        run = document.run
        generatedAt = document.generatedAt
        verdict = document.verdict
        body = document.body
        problems = []
    }

    /// The document again, when the header sections it needs were readable.
    public var document: ResultsDocument? {
        guard let run, let generatedAt, let verdict else { return nil }
        return ResultsDocument(schema: schema, run: run, generatedAt: generatedAt, verdict: verdict, body: body)
    }

    /// Reads the header and every section of `ResultsBody` on its own; `SectionDecoder` records
    /// what it cannot read as a problem and throws nothing.
    init(schema: String, sections: SectionDecoder) throws {
        self.schema = schema
        run = sections.one(RunHeader.self, "run", required: true)
        generatedAt = sections.one(Date.self, "generated_at", required: true)
        verdict = sections.one(Verdict.self, "verdict", required: true)
        body = ResultsBody()
        var reader = sections
        try body.visit(&reader)
        problems = sections.problems
    }
}
