import Foundation
import XCTest

/// Runs the built `analyze` executable. The binary sits next to the test bundle in the build
/// products folder (`.build/<triple>/<config>/`); the test target depends on `analyze`, so
/// `swift test` builds it first. `ANALYZE_BINARY` overrides the location.
enum AnalyzeBinary {
    static func url() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["ANALYZE_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var candidates = [
            Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for folder in candidates {
            let url = folder.appendingPathComponent("analyze")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("analyze binary not found next to the tests (\(candidates.map(\.path))); run `swift build` first")
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs `analyze args` in `directory` with `stdin` piped from a file (like `cat F | analyze`).
    static func run(_ args: [String], in directory: URL, stdinFile: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try url()
        process.arguments = args
        process.currentDirectoryURL = directory
        // Standard output goes to a file, standard error to a pipe read to its end before waiting:
        // neither can fill up and block the child.
        let outURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let err = Pipe()
        process.standardOutput = outHandle
        process.standardError = err
        if let stdinFile {
            process.standardInput = try FileHandle(forReadingFrom: stdinFile)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try outHandle.close()
        let stdoutData = try Data(contentsOf: outURL)
        return Result(
            status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
