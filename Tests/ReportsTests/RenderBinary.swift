import Foundation
import XCTest

/// Runs the built `render` executable, found in the build products folder next to the test
/// bundle (`.build/debug/render`), the way CI runs it.
struct RenderBinary {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let url: URL

    init() throws {
        // The test bundle's folder (.build/<triple>/debug) holds the built executables.
        let starts = [Bundle(for: BundleMarker.self).bundleURL, Bundle.main.bundleURL,
                      URL(fileURLWithPath: CommandLine.arguments.first ?? ".")]
        for start in starts {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("render")
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    url = candidate
                    return
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw NotBuilt(searched: starts.map(\.path))
    }

    struct NotBuilt: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "render binary not found next to \(searched.joined(separator: ", ")); `swift build` builds it (swift test does too)"
        }
    }

    func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

private final class BundleMarker {}

/// A temporary folder per test; kept (and printed) when MESHBENCH_KEEP_TEST_OUTPUT=1 so the
/// PNGs and Markdown can be looked at.
struct Scratch {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() {
        if ProcessInfo.processInfo.environment["MESHBENCH_KEEP_TEST_OUTPUT"] == "1" {
            print("kept test output in \(url.path)")
            return
        }
        try? FileManager.default.removeItem(at: url)
    }
}
