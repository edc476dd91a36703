/// An immutable configuration held by reference, so the plant components that carry one (a battery,
/// a genset fleet) stay small values: copying or projecting them in the step loop moves a pointer,
/// not the whole section. The configuration never changes, so sharing it keeps value semantics.
public final class SharedConfig<Config: Sendable>: Sendable {
    /// The configuration.
    public let value: Config

    /// Holds `value`.
    public init(_ value: Config) {
        self.value = value
    }
}
