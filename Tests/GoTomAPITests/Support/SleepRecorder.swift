import Foundation
import GoTomAPI

/// Records the waits a client asks for and returns at once, advancing its own clock by each wait.
///
/// The clock moves only when the client sleeps, so retry budgets come out exact however long the attempts
/// themselves take on a busy machine.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Duration] = []
    private var elapsed: Duration = .zero

    var delays: [Duration] { lock.withLock { stored } }

    var sleeper: RetrySleeper {
        RetrySleeper(now: { [self] in lock.withLock { elapsed } }) { [self] duration in
            lock.withLock {
                stored.append(duration)
                elapsed += duration
            }
        }
    }
}
