/// What a transient run does about the swings (docs/transients.md): the storage smoothing policy
/// shaping what the gensets see, and GPU-side smoothing shaping the load itself.
public struct Mitigation: Sendable {
    /// The storage policy.
    public var smoothing: any StorageSmoothing
    /// GPU-side smoothing of the swinging nodes (`nil`: none).
    public var gpu: GPUPowerSmoothing?
    /// Whether the battery's power and ramp are unlimited (the sizing rule's search for what it needs).
    public var unlimitedBattery: Bool

    /// A mitigation of `smoothing` and `gpu`.
    public init(smoothing: any StorageSmoothing, gpu: GPUPowerSmoothing? = nil, unlimitedBattery: Bool = false) {
        self.smoothing = smoothing
        self.gpu = gpu
        self.unlimitedBattery = unlimitedBattery
    }

    /// No mitigation: the battery holds its hourly power and the GPUs swing freely.
    public static let none = Mitigation(smoothing: HeldBattery())
}
