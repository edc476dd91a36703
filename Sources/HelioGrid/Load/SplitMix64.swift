import Foundation

/// A small, fast, seedable pseudo-random generator, so load profiles are reproducible.
///
/// G. L. Steele, D. Lea and C. H. Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014 (the SplitMix64 finaliser constants from that paper).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; the same seed yields the same sequence on every platform.
    public init(seed: UInt64) { state = seed }

    /// Generator number `stream` of the family `seed`: its starting state is the SplitMix64 finaliser
    /// of both, so neighbouring streams do not replay each other shifted by a step (as consecutive raw
    /// seeds would: the state advances by a fixed increment).
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        var streamMixer = SplitMix64(seed: base ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = streamMixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal deviate (Box–Muller transform).
    public mutating func nextGaussian() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * .pi * u2)
    }
}
