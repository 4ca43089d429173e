/// Bad input or usage found while running (a file that cannot be written, an unknown name):
/// the message says what and how to fix it; exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
