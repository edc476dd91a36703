import Foundation

/// Runs CPU-bound test work on a thread of its own instead of one of Swift's cooperative threads:
/// a test that computes for a minute on the pool holds up every async test on a two-core machine
/// (their answers wait to be handled while their time limits run).
public enum OffPool {
    /// `work`'s result, computed on a new thread.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
