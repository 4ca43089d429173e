import Foundation
@testable import Scenarios
import XCTest

/// The memory figures `bench --profile` records per scenario.
final class MemoryFootprintTests: XCTestCase {
    /// `malloc_info(0, stdout)` captured (glibc 2.36) from a C program that keeps a 1,000-byte
    /// and a 5,000,000-byte block from the main thread and a 200,000-byte block from a second
    /// thread (its own arena, heap nr 1), and frees a few small ones.
    static let captured = """
        <malloc version="1">
        <heap nr="0">
        <sizes>
        </sizes>
        <total type="fast" count="0" size="0"/>
        <total type="rest" count="1" size="129024"/>
        <system type="current" size="135168"/>
        <system type="max" size="135168"/>
        <aspace type="total" size="135168"/>
        <aspace type="mprotect" size="135168"/>
        </heap>
        <heap nr="1">
        <sizes>
          <size from="97" to="112" total="112" count="1"/>
          <unsorted from="657" to="657" total="657" count="1"/>
        </sizes>
        <total type="fast" count="1" size="112"/>
        <total type="rest" count="2" size="132801"/>
        <system type="current" size="135168"/>
        <system type="max" size="135168"/>
        <aspace type="total" size="135168"/>
        <aspace type="mprotect" size="135168"/>
        <aspace type="subheaps" size="1"/>
        </heap>
        <total type="fast" count="1" size="112"/>
        <total type="rest" count="3" size="261825"/>
        <total type="mmap" count="2" size="5201920"/>
        <system type="current" size="270336"/>
        <system type="max" size="270336"/>
        <aspace type="total" size="270336"/>
        <aspace type="mprotect" size="270336"/>
        </malloc>
        """

    func testTotalsCoverEveryArenaAndTheMmappedBlocks() throws {
        let totals = try XCTUnwrap(AllocatorTotals(mallocInfo: Self.captured))
        // From the final totals: current 270,336 − fast 112 − rest 261,825 + mmap 5,201,920.
        XCTAssertEqual(totals.inUseBytes, 5_210_319)
        // current 270,336 + mmap 5,201,920 (both blocks above the 128 KiB mmap threshold:
        // 5,001,216 + 200,704, each rounded up to whole pages with its header).
        XCTAssertEqual(totals.systemBytes, 5_472_256)
        XCTAssertNil(
            AllocatorTotals(mallocInfo: "<malloc version=\"1\"></malloc>"), "a report without totals is refused")
    }

    /// 64 MB allocated on another thread must show in the heap figure (the main-arena-only
    /// `mallinfo2` would miss it when glibc serves that thread from its own arena).
    func testLiveAllocationOnAnotherThreadIsCounted() throws {
        let before = try XCTUnwrap(MemoryFootprint.current())
        let size = 64_000_000
        let block = DispatchQueue.global().sync { () -> UnsafeMutableRawPointer in
            let pointer = malloc(size)!
            memset(pointer, 1, size)
            return pointer
        }
        defer { free(block) }
        let during = try XCTUnwrap(MemoryFootprint.current())
        // Other threads of the test process (leftover event loops, the dispatch pool) may free
        // a few kilobytes between the two readings, so the growth may fall short of the block by
        // that much; 1 MiB of slack still tells a counted 64 MB block from a missed one.
        let concurrentFrees = 1 << 20
        XCTAssertGreaterThanOrEqual(during.heapInUseBytes - before.heapInUseBytes, size - concurrentFrees)
        XCTAssertGreaterThanOrEqual(during.heapArenaBytes, during.heapInUseBytes)
        XCTAssertGreaterThanOrEqual(during.peakRSSBytes, during.rssBytes, "the peak is never below the current RSS")
        XCTAssertGreaterThanOrEqual(during.rssBytes - before.rssBytes, size / 2, "touched pages are resident")
    }
}
