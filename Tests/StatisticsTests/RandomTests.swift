import SeededRandom
import Statistics
import XCTest

/// Published reference outputs of the generators, and bounded integers against the Python
/// reimplementation pasted in `BootstrapTests`.
final class RandomTests: XCTestCase {
    func testSplitMix64ReferenceOutputs() {
        // Seed 1234567: Rosetta Code "Pseudo-random numbers/Splitmix64" (from Vigna's splitmix64.c).
        var generator = SplitMix64(seed: 1_234_567)
        XCTAssertEqual(
            (0..<5).map { _ in generator.next() },
            [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
        // Seed 0: the first outputs of splitmix64.c.
        var zero = SplitMix64(seed: 0)
        XCTAssertEqual(
            (0..<3).map { _ in zero.next() },
            [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    func testXoshiro256StarStarReferenceOutputs() throws {
        // State {1, 2, 3, 4}: outputs of the reference xoshiro256starstar.c (as in rand_xoshiro's test).
        var generator = try Xoshiro256StarStar(state: (1, 2, 3, 4))
        XCTAssertEqual(
            (0..<10).map { _ in generator.next() },
            [
                11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
            ])
        assertThrows(.invalidParameter) { try Xoshiro256StarStar(state: (0, 0, 0, 0)) }
    }

    func testSeedingAndBoundedIntegersMatchPython() {
        // Python (BootstrapTests): g = Xoshiro(42); [g.next() for _ in range(3)]
        var seeded = Xoshiro256StarStar(seed: 42)
        XCTAssertEqual(
            (0..<3).map { _ in seeded.next() },
            [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
        // g = Xoshiro(2024); [g.below(n) for n in [10, 10, 10, 7, 1000, 3] + [3 * 2**61] * 8]
        // A bound of 3·2⁶¹ rejects a quarter of the draws, exercising Lemire's rejection loop.
        var bounded = Xoshiro256StarStar(seed: 2024)
        let bounds = [10, 10, 10, 7, 1000, 3] + Array(repeating: 3 << 61, count: 8)
        XCTAssertEqual(
            bounds.map { bounded.nextInt(below: $0) },
            [
                0, 7, 0, 1, 773, 0, 1_777_855_185_714_843_208, 3_851_578_132_517_972_911,
                350_494_185_023_787_421, 6_101_241_846_021_543_026, 2_534_062_419_549_268_939,
                5_350_083_327_819_377_381, 1_313_682_370_145_603_425, 296_437_808_718_948_579,
            ])
    }

    func testUnitDoublesStayInRange() {
        var generator = Xoshiro256StarStar(seed: 9)
        for _ in 0..<10_000 {
            let value = generator.nextUnitDouble()
            XCTAssertTrue(value >= 0 && value < 1)
        }
    }
}
