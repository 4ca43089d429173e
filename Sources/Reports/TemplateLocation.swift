import Foundation

/// Where the default templates are: `templates/` in the current folder when it has them (the
/// repository root, where `make report` runs), else the repository this binary was built from.
public enum TemplateLocation {
    public static func defaultDirectory() -> URL {
        let local = URL(fileURLWithPath: "templates", isDirectory: true)
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("benchmark-report.mustache").path) {
            return local
        }
        // Sources/Reports/TemplateLocation.swift → repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates", isDirectory: true)
    }
}
