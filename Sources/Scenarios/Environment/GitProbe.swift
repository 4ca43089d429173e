import BenchFormats
import Foundation

/// Reads the commit, branch and dirty flag of the working directory so every number can be traced
/// to the code that produced it. Outside a repository (or without git) each field says "unknown".
public enum GitProbe {
    public static func current(
        directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> GitInfo {
        guard let commit = git(["rev-parse", "HEAD"], in: directory) else {
            return GitInfo(commit: "unknown", branch: "unknown", dirty: false)
        }
        var branch = git(["rev-parse", "--abbrev-ref", "HEAD"], in: directory) ?? "unknown"
        // CI checks out a detached HEAD; GitHub names the branch in the environment.
        if branch == "HEAD",
            let ref = ProcessInfo.processInfo.environment["GITHUB_HEAD_REF"]
                ?? ProcessInfo.processInfo.environment["GITHUB_REF_NAME"], !ref.isEmpty
        {
            branch = ref
        }
        let status = git(["status", "--porcelain", "--untracked-files=no"], in: directory) ?? ""
        return GitInfo(commit: commit, branch: branch, dirty: !status.isEmpty)
    }

    /// Runs git and returns its trimmed standard output, or nil when git fails or is missing.
    static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
