import Foundation
import Synchronization

/// A synchronous map of independent items on all cores (`DispatchQueue.concurrentPerform`), for
/// preparing a study's inputs before its async evaluation starts.
enum ParallelMap {
    /// `body` of each of `0..<count`, in that order; the first error thrown (by index) is rethrown.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = Mutex<[Int: Result<T, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try body(index) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { done in try (0..<count).map { try done[$0]!.get() } }
    }
}
