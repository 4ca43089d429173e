import Foundation

// embed-templates OUTPUT TEMPLATE...: writes OUTPUT, a Swift file holding each template's text
// as a string literal (run by the EmbedTemplates build plugin for the Reports target).

/// `text` as the body of a Swift string literal: quotes, backslashes and every non-printable or
/// non-ASCII scalar escaped, so any template compiles to exactly its own text.
func literal(_ text: String) -> String {
    var body = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": body += "\\\\"
        case "\"": body += "\\\""
        case "\n": body += "\\n"
        case "\t": body += "\\t"
        case " "..."~": body.unicodeScalars.append(scalar)
        default: body += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return "\"" + body + "\""
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-templates OUTPUT TEMPLATE...\n".utf8))
    exit(2)
}
var source = """
    // Generated at build time by the EmbedTemplates plugin from templates/*.mustache; edit those.

    /// The default Markdown templates, by name (without `.mustache`).
    enum BuiltInTemplates {
        static let texts: [String: String] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("embed-templates: \(path) is not a readable UTF-8 file\n".utf8))
        exit(2)
    }
    source += "        \(literal(url.deletingPathExtension().lastPathComponent)): \(literal(text)),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("embed-templates: cannot write \(output): \(error)\n".utf8))
    exit(2)
}
