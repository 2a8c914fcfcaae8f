import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loopback ports for servers that tests start as separate processes.
public enum FreePort {
    /// Asks the kernel for a free port on 127.0.0.1.
    ///
    /// - Returns: A port that was free a moment ago.
    /// - Throws: When no socket can be bound.
    public static func find() throws -> Int {
        let (socketFD, port) = try bindLoopbackSocket()
        close(socketFD)
        return port
    }

    /// Holds a loopback port that is bound but not listening, so connecting to it is refused.
    ///
    /// Unlike a port freed after use, nobody else can take it meanwhile (another test's server, or a client's
    /// own ephemeral source port, which would make a connect succeed against itself).
    ///
    /// - Returns: The held port; call ``ClosedPort/release()`` when done.
    /// - Throws: When no socket can be bound.
    public static func reserveClosed() throws -> ClosedPort {
        let (socketFD, port) = try bindLoopbackSocket()
        return ClosedPort(port: port, socketFD: socketFD)
    }

    /// A bound, non-listening loopback socket.
    public struct ClosedPort: Sendable {
        /// The port number.
        public let port: Int
        let socketFD: Int32

        /// Closes the socket and frees the port.
        public func release() { close(socketFD) }
    }

    private static func bindLoopbackSocket() throws -> (Int32, Int) {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(socketFD)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return (socketFD, Int(UInt16(bigEndian: address.sin_port)))
    }
}
