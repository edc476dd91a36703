import Foundation

/// Evaluates a study's independent items (designs, sample-years) on all cores: one task per core,
/// each taking every n-th item, the results put back in item order.
enum StudyWorkers {
    /// `body` of each of `0..<count`, in that order; `progress` is told of each one done.
    static func map<T: Sendable>(_ count: Int, progress: StudyProgress?, _ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        return try await withThrowingTaskGroup(of: [(Int, T)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var done: [(Int, T)] = []
                    for index in stride(from: worker, to: count, by: workers) {
                        try Task.checkCancellation()
                        done.append((index, try body(index)))
                        progress?.advance()
                    }
                    return done
                }
            }
            var results = [T?](repeating: nil, count: count)
            for try await chunk in group { for (index, result) in chunk { results[index] = result } }
            return results.map { $0! }
        }
    }
}
