import Foundation

/// Standard error is for people (progress, verdict, errors); standard output carries data only.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
