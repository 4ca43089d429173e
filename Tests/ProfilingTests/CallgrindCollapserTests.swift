@testable import Profiling
import XCTest

/// Callgrind output captured from a small C program with a known call structure, collected only
/// inside `main` (`valgrind --tool=callgrind --toggle-collect=main`, valgrind 3.19, gcc -O1):
///
///     void leaf(int n)   { for (i < n) sink += i; }            // 8 Ir per iteration
///     void middle(int n) { for (i < n) sink ^= i; leaf(n); }
///     int main(void)     { middle(1000); leaf(3000); }
///
/// callgrind's own figures (the file's `summary:` line and `callgrind_annotate --inclusive=yes`):
/// total 30,023 Ir; main self 7; middle self 6,006; leaf self 24,010, of which 6,005 through
/// middle and 18,005 called from main.
final class CallgrindCollapserTests: XCTestCase {
    static let captured = #"""
        # callgrind format
        version: 1
        creator: callgrind-3.19.0
        pid: 14803
        cmd:  ./prog
        part: 1


        desc: I1 cache: 
        desc: D1 cache: 
        desc: LL cache: 

        desc: Timerange: Basic block 0 - 33084
        desc: Trigger: Program termination

        positions: line
        events: Ir
        summary: 30023


        ob=(5) /tmp/dt-cg/prog
        fl=(139) ???
        fn=(502) (below main)
        cob=(3) /usr/lib/x86_64-linux-gnu/libc.so.6
        cfi=(140) ./csu/../csu/libc-start.c
        cfn=(504) __libc_start_main@@GLIBC_2.34
        calls=1 242 
        0 30023

        fl=(146) /tmp/dt-cg/prog.c
        fn=(536) main
        5 2
        cfn=(538) middle
        calls=1 -1 
        * 12011
        * 2
        cfn=(540) leaf
        calls=1 -2 
        * 18005
        * 3

        fn=(538)
        4 6005
        cfn=(540)
        calls=1 -1 
        * 6005
        * 1

        fn=(540)
        3 24010

        ob=(3)
        fl=(142) ./csu/../sysdeps/nptl/libc_start_call_main.h
        fn=(528) (below main)
        cob=(5)
        cfi=(146)
        cfn=(536)
        calls=1 5 
        58 30023

        fl=(140)
        fn=(504)
        cfi=(142)
        cfn=(528)
        calls=1 29 
        360 30023

        ob=(1) /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
        fl=(1) ???
        fn=(0) 0x000000000001ab70
        cob=(5)
        cfi=(139)
        cfn=(502)
        calls=1 0 
        0 30023

        totals: 30023
        """#

    func testParsesSelfCostsAndCallEdgesKeyedById() throws {
        let graph = try CallgrindCollapser(options: .init(rename: { $0 })).parse(Self.captured)
        XCTAssertEqual(graph.eventName, "Ir")
        XCTAssertEqual(graph.selfCost["(536)"], 7, "main: 2 + 2 + 3 Ir of its own")
        XCTAssertEqual(graph.selfCost["(538)"], 6_006)
        XCTAssertEqual(graph.selfCost["(540)"], 24_010)
        XCTAssertEqual(graph.calls["(536)"], ["(538)": 12_011, "(540)": 18_005])
        XCTAssertEqual(graph.calls["(538)"], ["(540)": 6_005])
        // Two different functions are both called "(below main)" (libc's and the program's).
        XCTAssertEqual(graph.names["(502)"], "(below main)")
        XCTAssertEqual(graph.names["(528)"], "(below main)")
        XCTAssertEqual(graph.roots, ["(0)"], "only the loader's entry is called by nobody")
        XCTAssertEqual(graph.inclusiveCost(of: "(0)"), 30_023, "the file's summary: line")
    }

    func testFoldsIntoTheStacksCallgrindImplies() throws {
        let profile = try CallgrindCollapser(options: .init(rename: { $0 })).collapse(Self.captured)
        let prefix = "0x000000000001ab70;(below main);__libc_start_main@@GLIBC_2.34;(below main);main"
        XCTAssertEqual(
            profile.foldedText(),
            """
            \(prefix) 7
            \(prefix);leaf 18005
            \(prefix);middle 6006
            \(prefix);middle;leaf 6005

            """)
        XCTAssertEqual(profile.totalSamples, 30_023, "every instruction is accounted for exactly once")
    }

    /// A function called from two places shares its callees in proportion to each call's cost.
    func testSharedCalleeSplitsInProportion() throws {
        let text = """
            events: Ir
            fn=(1) root
            1 0
            cfn=(2) a
            calls=1 1
            1 300
            cfn=(3) b
            calls=1 1
            1 100
            fn=(2)
            1 100
            cfn=(4) shared
            calls=1 1
            1 200
            fn=(3)
            cfn=(4)
            calls=1 1
            1 100
            fn=(4)
            1 100
            cfn=(5) deep
            calls=2 1
            1 200
            fn=(5)
            1 200
            """
        let profile = try CallgrindCollapser(options: .init(rename: { $0 })).collapse(text)
        // shared: inclusive 300 (self 100, deep 200), reached with 200 via a and 100 via b.
        XCTAssertEqual(profile.counts[["root", "a", "shared"]], 67)  // 100 × 200/300
        XCTAssertEqual(profile.counts[["root", "a", "shared", "deep"]], 133)
        XCTAssertEqual(profile.counts[["root", "b", "shared"]], 33)
        XCTAssertEqual(profile.counts[["root", "b", "shared", "deep"]], 67)
        XCTAssertEqual(profile.counts[["root", "a"]], 100)
        XCTAssertNil(profile.counts[["root", "b"]], "b has no cost of its own")
    }

    func testRecursionIsCutWhereAFunctionReappears() throws {
        let text = """
            events: Ir
            fn=(1) main
            1 10
            cfn=(2) recurse
            calls=1 1
            1 90
            fn=(2)
            1 40
            cfn=(2)
            calls=5 1
            1 50
            """
        let profile = try CallgrindCollapser(options: .init(rename: { $0 })).collapse(text)
        XCTAssertEqual(profile.counts, [["main"]: 10, ["main", "recurse"]: 90])
    }

    func testRefusesTextThatIsNotCallgrindOutput() {
        XCTAssertThrowsError(try CallgrindCollapser().collapse("hello\nworld\n")) { error in
            XCTAssertTrue("\(error)".contains("no `events:` line"), "\(error)")
        }
        XCTAssertThrowsError(try CallgrindCollapser().collapse("events: Ir\nfn=(3)\n1 2\n")) { error in
            XCTAssertEqual(
                error as? ProfileConversionError, .callgrind(line: 2, problem: "name id (3) used before it was defined")
            )
        }
        XCTAssertThrowsError(try CallgrindCollapser().collapse("events: Ir\n1 2\n")) { error in
            XCTAssertEqual(
                error as? ProfileConversionError, .callgrind(line: 2, problem: "a cost line before any fn= line"))
        }
    }

    /// A cost of 1e400 parsed as +∞ (and a sum past Int.max) reached `Int(count.rounded())`, a trap.
    func testCostsThatAreNotWholeCountsWithinTwoToThe53AreRefused() {
        for cost in ["1e400", "nan", "-5", "2.5", "9007199254740994"] {
            XCTAssertThrowsError(try CallgrindCollapser().collapse("events: Ir\nfn=(1) main\n1 \(cost)\n")) { error in
                XCTAssertEqual(
                    error as? ProfileConversionError,
                    .callgrind(line: 3, problem: "cost \"\(cost)\" is not a whole number of events in 0…2^53"))
            }
        }
        let two52 = "4503599627370496"
        XCTAssertThrowsError(
            try CallgrindCollapser().collapse("events: Ir\nfn=(1) main\n1 \(two52)\n2 \(two52)\n3 2\n")
        ) { error in
            XCTAssertEqual(
                error as? ProfileConversionError,
                .callgrind(line: 5, problem: "the costs so far add up to more than 2^53 events"))
        }
        // Exactly 2^53 in total is read and folded into one Int count.
        let profile = try? CallgrindCollapser(options: .init(rename: { $0 })).collapse(
            "events: Ir\nfn=(1) main\n1 \(two52)\n2 \(two52)\n")
        XCTAssertEqual(profile?.counts, [["main"]: 9_007_199_254_740_992])
    }
}
