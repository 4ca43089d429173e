import Foundation

/// The folder `render` writes into. It is created and probed before anything is drawn, so an
/// unwritable `--out` fails fast with exit 2 instead of after seconds of drawing; each file is
/// then written atomically (temporary file + rename) so a reader never sees half a PNG.
public struct OutputFolder: Sendable {
    public let url: URL

    /// Creates the folder if needed and proves it is writable with a probe file.
    public init(path: String) throws(ReportError) {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .outputNotWritable(path: path, reason: "it is a file, not a folder")
            }
        } else {
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .outputNotWritable(path: path, reason: "cannot create it: \(Self.reason(error))")
            }
        }
        let probe = url.appendingPathComponent(".render-probe-\(getpid())")
        guard manager.createFile(atPath: probe.path, contents: Data()) else {
            throw .outputNotWritable(path: path, reason: "cannot create files in it")
        }
        try? manager.removeItem(at: probe)
        self.url = url
    }

    /// The path of a file inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `data` to `name` atomically.
    public func write(_ data: Data, to name: String) throws(ReportError) {
        let target = file(name)
        do {
            try data.write(to: target, options: .atomic)
        } catch {
            throw .writeFailed(path: target.path, reason: Self.reason(error))
        }
    }

    public func write(_ text: String, to name: String) throws(ReportError) {
        try write(Data(text.utf8), to: name)
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
