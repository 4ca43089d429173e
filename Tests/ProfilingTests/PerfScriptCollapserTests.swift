@testable import Profiling
import XCTest

/// `perf script` output captured from `perf record -g -F 999 -e cpu-clock -- bench trace --nodes 3
/// --topology line` (perf 6.1, Debian 12, debug build): three samples — the dynamic loader at
/// start-up with unresolved frames, a SwiftNIO event-loop thread starting up, and a Swift
/// concurrency thread running `TraceCommand.run`. Headers carry no tid/cpu fields (perf's
/// default for a single process) and thread names are the kernel's 15-character `comm`.
final class PerfScriptCollapserTests: XCTestCase {
    static let captured = #"""
        bench 27673  5586.688645:    1001001 cpu-clock: 
        	           2311c strcmp+0xc7c (/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2)
        	    7f8e988df340 [unknown] ([unknown])
        	               0 [unknown] ([unknown])

        NIO-ELT-1-#1 27678  5586.776168:    1001001 cpu-clock: 
        	          4c8277 swift::Demangle::__runtime::Demangler::demangleOperator+0x47 (/opt/swift/usr/lib/swift/linux/libswiftCore.so)
        	          4c5a92 swift::Demangle::__runtime::Demangler::demangleType+0xc2 (/opt/swift/usr/lib/swift/linux/libswiftCore.so)
        	          49f9f3 swift_getTypeByMangledName+0x293 (/opt/swift/usr/lib/swift/linux/libswiftCore.so)
        	          49ff76 swift_getTypeByMangledNameInContextImpl+0xc6 (/opt/swift/usr/lib/swift/linux/libswiftCore.so)
        	           dd460 __swift_instantiateConcreteTypeFromMangledName+0x50 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          ab0511 $s8NIOPosix19SelectableEventLoopC6thread8uniqueID11parentGroup8selector25canBeShutdownIndividually15metricsDelegateAcA9NIOThreadC_AA0bcd6UniqueG0VAA013MultiThreadedcdI0CSgAA8SelectorCyAA15NIORegistrationVGSbAA08NIOEventd7MetricsP0_pSgtcfc+0x1b1 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          ab034b $s8NIOPosix19SelectableEventLoopC6thread8uniqueID11parentGroup8selector25canBeShutdownIndividually15metricsDelegateAcA9NIOThreadC_AA0bcd6UniqueG0VAA013MultiThreadedcdI0CSgAA8SelectorCyAA15NIORegistrationVGSbAA08NIOEventd7MetricsP0_pSgtcfC+0x7b (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          a55637 $s8NIOPosix27MultiThreadedEventLoopGroupC06runTheE033_C2B1528F4FBA68A3DBFA89DBAEBE9D4DLL6thread8uniqueID06parentF003candE22BeShutdownIndividually15selectorFactory11initializer15metricsDelegate_yAA9NIOThreadC_AA010Selectablede6UniqueS0VACSgSbAA8SelectorCyAA15NIORegistrationVGANKcyANcAA08NIOEventE15MetricsDelegate_pSgyAA010SelectabledE0CctFZ+0x347 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          a4e310 $s8NIOPosix27MultiThreadedEventLoopGroupC014setupThreadAnddE033_C2B1528F4FBA68A3DBFA89DBAEBE9D4DLL4name8uniqueID06parentF015selectorFactory11initializer15metricsDelegateAA010SelectabledE0CSS_AA010Selectablede6UniqueT0VAcA8SelectorCyAA15NIORegistrationVGAA9NIOThreadCKcyAVcAA08NIOEvente7MetricsZ0_pSgtFZyAVcfU_+0x1a0 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          a51908 $s8NIOPosix27MultiThreadedEventLoopGroupC014setupThreadAnddE033_C2B1528F4FBA68A3DBFA89DBAEBE9D4DLL4name8uniqueID06parentF015selectorFactory11initializer15metricsDelegateAA010SelectabledE0CSS_AA010Selectablede6UniqueT0VAcA8SelectorCyAA15NIORegistrationVGAA9NIOThreadCKcyAVcAA08NIOEvente7MetricsZ0_pSgtFZyAVcfU_TA+0x58 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          ae679f $s8NIOPosix9NIOThreadCIegg_ACytIegnr_TR+0xf (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          ae9b2c $s8NIOPosix14ThreadOpsPosixO3run6handle4argsyAA14PthreadWrapperVSgz_AA3BoxCyyAA9NIOThreadCc4body_SSSg4nametGtFZs5Int32VSpySuSgGXEfU_SvSgAVcfU_+0x35c (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          ae9c09 $s8NIOPosix14ThreadOpsPosixO3run6handle4argsyAA14PthreadWrapperVSgz_AA3BoxCyyAA9NIOThreadCc4body_SSSg4nametGtFZs5Int32VSpySuSgGXEfU_SvSgAVcfU_To+0x9 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)

        oot.default-qos 27675  5586.965702:    1001001 cpu-clock: 
        	          29fad1 $sSaySdGSayxGSlsWl+0x1 (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	          c0c57e $s5bench12TraceCommandV3runyyYaKFTY2_+0xb6e (/work/wt/devtools/.build/x86_64-unknown-linux-gnu/debug/bench)
        	           71e60 swift::runJobInEstablishedExecutorContext+0x170 (/opt/swift/usr/lib/swift/linux/libswift_Concurrency.so)
        	           72b15 swift_job_run+0x95 (/opt/swift/usr/lib/swift/linux/libswift_Concurrency.so)
        	           2c088 _dispatch_continuation_pop+0x118 (/opt/swift/usr/lib/swift/linux/libdispatch.so)
        	           2beb4 _dispatch_async_redirect_invoke+0xc4 (/opt/swift/usr/lib/swift/linux/libdispatch.so)
        	           35195 _dispatch_worker_thread+0x2a5 (/opt/swift/usr/lib/swift/linux/libdispatch.so)
        	           891f5 start_thread+0x305 (/usr/lib/x86_64-linux-gnu/libc.so.6)
        """#

    private let identity = PerfScriptCollapser.Options(rename: { $0 })

    func testFoldsEachSampleRootFirstUnderItsThread() throws {
        let profile = try PerfScriptCollapser.collapse(Self.captured, options: identity)
        XCTAssertEqual(profile.totalSamples, 3)
        XCTAssertEqual(
            profile.counts[["bench", "[unknown]", "[unknown]", "strcmp"]], 1,
            "unresolved frames of an unknown binary stay [unknown]; offsets are dropped")
        let dispatch = try XCTUnwrap(profile.counts.keys.first { $0.first == "oot.default-qos" })
        XCTAssertEqual(
            Array(dispatch.prefix(4)),
            ["oot.default-qos", "start_thread", "_dispatch_worker_thread", "_dispatch_async_redirect_invoke"])
        XCTAssertEqual(Array(dispatch.suffix(2)), ["$s5bench12TraceCommandV3runyyYaKFTY2_", "$sSaySdGSayxGSlsWl"])
        let eventLoop = try XCTUnwrap(profile.counts.keys.first { $0.first == "NIO-ELT-1-#1" })
        XCTAssertEqual(eventLoop.count, 15, "thread name + the sample's 14 frames")
        XCTAssertEqual(eventLoop[1], "start_thread")
        XCTAssertEqual(
            eventLoop.last, "swift::Demangle::__runtime::Demangler::demangleOperator",
            "C++ names keep their namespaces; only the +0x offset goes")
    }

    func testDemanglesSwiftFramesLikeTheToolchain() throws {
        let profile = try PerfScriptCollapser.collapse(
            Self.captured, options: .init(rename: { SwiftDemangler.demangle($0) }))
        let dispatch = try XCTUnwrap(profile.counts.keys.first { $0.first == "oot.default-qos" })
        // Expected values: `swift demangle --compact --no-sugar` of the two symbols (Swift 6.3.1
        // toolchain); the runtime's demangler prints types without sugar (Swift.Array<…>, not […]).
        XCTAssertEqual(
            Array(dispatch.suffix(2)),
            [
                "(3) suspend resume partial function for bench.TraceCommand.run() async throws -> ()",
                "lazy protocol witness table accessor for type Swift.Array<Swift.Double> and conformance Swift.Array<A> : Swift.Collection in Swift",
            ])
    }

    func testShortNamesDropArgumentLists() {
        XCTAssertEqual(
            SwiftDemangler.shortName("$s5bench12TraceCommandV3runyyYaKFTY2_"),
            "(3) suspend resume partial function for bench.TraceCommand.run")
        // `swift demangle --compact '$s8NIOPosix19SelectableEventLoopC6thread…cfC'` starts with
        // "NIOPosix.SelectableEventLoop.__allocating_init(thread: NIOPosix.NIOThread, …".
        XCTAssertEqual(
            SwiftDemangler.shortName(
                "$s8NIOPosix19SelectableEventLoopC6thread8uniqueID11parentGroup8selector25canBeShutdownIndividually15metricsDelegateAcA9NIOThreadC_AA0bcd6UniqueG0VAA013MultiThreadedcdI0CSgAA8SelectorCyAA15NIORegistrationVGSbAA08NIOEventd7MetricsP0_pSgtcfC"
            ),
            "NIOPosix.SelectableEventLoop.__allocating_init")
        XCTAssertEqual(SwiftDemangler.shortName("strcmp"), "strcmp", "C names pass through")
        XCTAssertEqual(SwiftDemangler.demangle("$sNotAValidSymbol"), "$sNotAValidSymbol", "undemanglable input is kept")
    }

    func testStreamingLineByLineEqualsWholeText() throws {
        var collapser = PerfScriptCollapser(options: identity)
        for line in Self.captured.split(separator: "\n", omittingEmptySubsequences: false) { try collapser.feed(line) }
        XCTAssertEqual(collapser.finish(), try PerfScriptCollapser.collapse(Self.captured, options: identity))
    }

    func testThreadNamesWithSpacesAndTidAndCPUFields() throws {
        let text = """
            Thread pool 1 4242/4243 [001] 12.000001:   250000 cycles:
            \t    55d1 leaf+0x10 (/usr/bin/x)
            \t    55d2 root+0x20 (/usr/bin/x)

            Thread pool 1 4242/4243 [001] 12.000002:   250000 cycles:
            \t    55d1 leaf+0x11 (/usr/bin/x)
            \t    55d2 root+0x22 (/usr/bin/x)

            worker 4242/4250 [000] 12.000003:   250000 cycles:
            \t    7f00 [unknown] (/usr/lib/libfoo.so.1)
            """
        let profile = try PerfScriptCollapser.collapse(text, options: identity)
        XCTAssertEqual(profile.foldedText(), "Thread pool 1;root;leaf 2\nworker;[libfoo.so.1] 1\n")
    }

    func testRefusesFramesWithoutASampleAndHeadersWithoutPid() {
        XCTAssertThrowsError(try PerfScriptCollapser.collapse("\t 1234 main+0x1 (/bin/x)\n")) { error in
            XCTAssertEqual(
                error as? ProfileConversionError,
                .perfScript(line: 1, problem: "a stack frame before any sample header"))
        }
        XCTAssertThrowsError(try PerfScriptCollapser.collapse("this is not perf output\n")) { error in
            XCTAssertTrue("\(error)".contains("line 1: sample header without a pid"), "\(error)")
        }
    }

    func testFoldedTextRoundTripsThroughTheFlameGraphParserFormat() {
        var profile = FoldedProfile()
        profile.add(rootFirst: ["main", "a;b", "c"], count: 3)
        profile.add(rootFirst: ["main", "a;b", "c"], count: 2)
        profile.add(rootFirst: ["main"], count: 1)
        profile.add(rootFirst: ["main", "zero"], count: 0)
        XCTAssertEqual(profile.foldedText(), "main 1\nmain;a:b;c 5\n", "a \";\" inside a frame would split it")
        XCTAssertEqual(profile.topSelfFrames(2).map(\.frame), ["c", "main"])
    }
}
