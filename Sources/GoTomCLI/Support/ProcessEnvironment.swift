#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process environment, read straight from `environ`.
///
/// Foundation's `ProcessInfo.processInfo.environment` holds the same variables, but its first use sets up the
/// whole process description, a measurable share of the start-up of a one-call `gotom request`.
package enum ProcessEnvironment {
    /// Every `NAME=value` entry; for a name that appears twice the first entry wins, as with `getenv`.
    package static func current() -> [String: String] {
        var variables: [String: String] = [:]
        let first: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var entry = first else { return variables }
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }
}
