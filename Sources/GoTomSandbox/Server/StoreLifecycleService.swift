import Foundation
import ServiceLifecycle

/// Keeps the SQLite store open while the sandbox runs and flushes and closes it on shutdown.
///
/// It is listed before the HTTP server, so on graceful shutdown the server stops first and in-flight writes are
/// committed before the connection closes.
struct StoreLifecycleService: Service {
    let engine: SandboxEngine
    /// A directory to delete after shutdown (the certificates of an in-memory TLS sandbox).
    var temporaryDirectory: String?

    func run() async throws {
        try? await gracefulShutdown()
        await engine.flush()
        try? await engine.store.close()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }
}
