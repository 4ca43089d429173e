import Foundation
import XCTest
@testable import Mesh

final class TeardownTests: XCTestCase {
    private func openDescriptors() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    func testShutdownLeavesNoFilesSocketsOrThreads() async throws {
        // Warm up once: lazily opened process-wide descriptors are not the network's.
        try await withNetwork(MeshConfig(topology: try .line(nodes: 2))) { _ in }
        let before = try openDescriptors()
        var folder: URL?
        try await withNetwork(MeshConfig(topology: try .randomRegular(nodes: 8, degree: 3, seed: 2))) { network in
            folder = network.storageFolder
            let event = try await network.publish(from: 3)
            _ = try await network.awaitPropagation(of: event.id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: network.storePath(of: 0)))
            XCTAssertGreaterThan(try openDescriptors(), before + 8 * 2, "sockets and databases are open while running")
        }
        XCTAssertEqual(try openDescriptors(), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder!.path))
    }
}
