/// A bad node-server configuration or mesh file (exit 2): the place (flag, file and field) and
/// the fix.
public enum StandaloneConfigError: Error, Equatable, CustomStringConvertible {
    case invalid(place: String, reason: String)

    public var description: String {
        switch self {
        case let .invalid(place, reason): return "\(place): \(reason)"
        }
    }
}
