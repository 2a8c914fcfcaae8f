import Foundation
import GoTomAuth

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A signed HTTP/1.1 request over a plain TCP socket, reading every byte until the server closes: shows exactly
/// what arrives before a dropped connection, which an HTTP client hides behind an error.
enum RawSocket {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes the server sent before it closed the connection (within `timeout` seconds).
    static func exchange(
        port: Int, method: String, target: String, credentials: Credentials, timeout: Int = 10
    ) throws -> String {
        let signed = RequestSigner(credentials: credentials).sign(
            method: method, requestURI: target, bodyDigest: BodyDigest(utf8: ""))
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\n"
        for (name, value) in signed.fields { text += "\(name): \(value)\r\n" }
        text += "Connection: close\r\n\r\n"

        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed") }
        let bytes = Array(text.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw Failure(description: "send() failed") }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
            } else if count == 0 {
                break
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                throw Failure(description: "the server neither answered nor closed within \(timeout) s")
            } else {
                break  // ECONNRESET: closed, too
            }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
