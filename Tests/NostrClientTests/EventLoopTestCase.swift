import NIOPosix
import XCTest

/// A test case with its own one-thread event loop group for each test.
///
/// Made per test in setUp: XCTest creates every test's instance before the first test runs, so a
/// group made at init would run threads through the whole suite (and other tests' cleanup checks).
class EventLoopTestCase: XCTestCase {
    private(set) var group: MultiThreadedEventLoopGroup!

    override func setUp() async throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    override func tearDown() async throws {
        try await group.shutdownGracefully()
    }
}
