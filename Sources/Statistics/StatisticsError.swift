/// Why a statistic could not be computed. Every case names the function and argument at fault
/// and says how to fix the input, because these messages end up in CI logs read by people who
/// did not write the code.
public enum StatisticsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The sample has fewer values than the statistic needs (e.g. a variance needs two).
    case tooFewValues(function: String, argument: String, needed: Int, got: Int)
    /// A NaN or infinity at `index`: statistics over such values are meaningless, so they are
    /// refused rather than propagated.
    case nonFiniteValue(function: String, argument: String, index: Int, value: Double)
    /// A parameter outside its domain (a probability outside [0, 1], a negative count, ...).
    case invalidParameter(function: String, argument: String, value: Double, expected: String)
    /// Two arrays that must pair up element by element have different lengths.
    case lengthMismatch(function: String, first: String, firstCount: Int, second: String, secondCount: Int)
    /// The data make the statistic undefined (all x equal in a regression, a zero baseline in a ratio).
    case degenerate(function: String, reason: String)

    public var description: String {
        switch self {
        case let .tooFewValues(function, argument, needed, got):
            return
                "\(function): `\(argument)` has \(got) value(s) but at least \(needed) are needed; collect more samples"
        case let .nonFiniteValue(function, argument, index, value):
            return "\(function): `\(argument)[\(index)]` is \(value); remove NaN/infinite measurements before analysis"
        case let .invalidParameter(function, argument, value, expected):
            return "\(function): `\(argument)` = \(value) is invalid; expected \(expected)"
        case let .lengthMismatch(function, first, firstCount, second, secondCount):
            return
                "\(function): `\(first)` has \(firstCount) values but `\(second)` has \(secondCount); they must pair up one to one"
        case let .degenerate(function, reason):
            return "\(function): \(reason)"
        }
    }
}

/// Input checks shared by every public entry point.
enum Validate {
    /// Throws if any value is NaN or infinite.
    static func finite(_ values: [Double], function: String, argument: String) throws {
        try values.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where !buffer[index].isFinite {
                throw StatisticsError.nonFiniteValue(
                    function: function, argument: argument, index: index, value: buffer[index])
            }
        }
    }

    /// Throws unless `values.count >= needed`.
    static func count(_ values: [Double], atLeast needed: Int, function: String, argument: String) throws {
        if values.count < needed {
            throw StatisticsError.tooFewValues(
                function: function, argument: argument, needed: needed, got: values.count)
        }
    }

    /// Count and finiteness together: the common precondition of a sample statistic.
    static func sample(_ values: [Double], atLeast needed: Int, function: String, argument: String) throws {
        try count(values, atLeast: needed, function: function, argument: argument)
        try finite(values, function: function, argument: argument)
    }

    /// Throws unless `low <= value <= high` (NaN fails).
    static func inRange(
        _ value: Double, _ low: Double, _ high: Double, function: String, argument: String
    ) throws {
        guard value >= low && value <= high else {
            throw StatisticsError.invalidParameter(
                function: function, argument: argument, value: value, expected: "a value in [\(low), \(high)]")
        }
    }

    /// Throws unless `0 < value < 1` (for levels such as 0.95 and significance α).
    static func openUnitInterval(_ value: Double, function: String, argument: String) throws {
        guard value > 0 && value < 1 else {
            throw StatisticsError.invalidParameter(
                function: function, argument: argument, value: value, expected: "a value strictly between 0 and 1")
        }
    }
}
