import XCTest
@testable import Charts

final class FoldedStackTests: XCTestCase {
    func testParsesStacksAndMergesThemIntoATree() throws {
        let stacks = try FoldedStack.parse("main;a;b 3\nmain;a;c 2\r\n\nmain;d 5\n")
        XCTAssertEqual(
            stacks,
            [
                FoldedStack(frames: ["main", "a", "b"], count: 3), FoldedStack(frames: ["main", "a", "c"], count: 2),
                FoldedStack(frames: ["main", "d"], count: 5),
            ])
        let root = FlameNode(stacks: stacks, rootName: "all")
        XCTAssertEqual(root.count, 10)
        XCTAssertEqual(root.depth, 4)
        XCTAssertEqual(root.children["main"]?.children["a"]?.count, 5)
        XCTAssertEqual(root.children["main"]?.sortedChildren.map(\.name), ["a", "d"])
    }

    func testMalformedLinesNameTheLine() {
        XCTAssertThrowsError(try FoldedStack.parse("main;a 1\nmain;b")) {
            XCTAssertEqual($0 as? FoldedStackError, .missingCount(line: 2))
        }
        XCTAssertThrowsError(try FoldedStack.parse("main;a -4")) {
            XCTAssertEqual($0 as? FoldedStackError, .badCount(line: 1, text: "-4"))
        }
        XCTAssertThrowsError(try FoldedStack.parse("main;;a 4")) {
            XCTAssertEqual($0 as? FoldedStackError, .emptyFrame(line: 1))
        }
        XCTAssertThrowsError(try FoldedStack.parse("a 99999999999999999999999")) { error in
            XCTAssertTrue("\(error)".contains("line 1"))
        }
    }
}
