import CommandLineSupport
import Foundation

/// The temporary folder that holds the node stores of a served mesh (`serve`, `netns-serve`) for
/// as long as the command runs. Removing it is the command's last act: a failure cannot change
/// the outcome, so it is said on standard error (with the path to remove by hand), not thrown.
struct NodeStoreFolder {
    let url: URL

    /// Creates `<tmp>/meshbench-<purpose>-<pid>`.
    init(purpose: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-\(purpose)-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            Console.error("bench: could not remove the node stores in \(url.path): \(error.localizedDescription)")
        }
    }
}
