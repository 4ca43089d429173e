import ArgumentParser

/// A duration on the command line: seconds (`90`, `90s`), minutes (`5m`) or hours (`1h`).
struct DurationArgument: ExpressibleByArgument, Equatable {
    let seconds: Double

    init?(argument: String) {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var text = Substring(argument.trimmingCharacters(in: .whitespaces))
        var scale = 1.0
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = Double(text), value.isFinite else { return nil }
        seconds = value * scale
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
