import ExecutableTesting
import XCTest

/// A test with its own scratch folder, removed afterwards (kept with MESHBENCH_KEEP_TEST_OUTPUT=1).
class ScratchTestCase: XCTestCase {
    private(set) var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder(name) }
    override func tearDown() { scratch?.remove() }
}

/// A scratch test that runs the built `render` as CI does.
class RenderTestCase: ScratchTestCase {
    private(set) var render: BuiltExecutable!

    override func setUpWithError() throws {
        render = try BuiltExecutable("render")
        try super.setUpWithError()
    }
}
