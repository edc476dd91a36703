import CKissFFT
import Glibc

/// How a power series' variation energy spreads over frequency (docs/transients.md): the series less
/// its mean through a real FFT (KISS FFT, Debian's `libkissfft-dev`, single precision), its
/// one-sided power spectrum, and the share of it in a band. The band of "Power Stabilization for AI
/// Training Datacenters" (arXiv 2508.14318, §2: utilities limit the energy of power variations
/// between 0.1 and 20 Hz, e.g. to 20 %) is the default. By Parseval's theorem the spectrum's sum
/// (DC left out) is the series' variance, so the share is of the variation energy.
public enum VariationSpectrum {
    /// The share of the variation energy of `powerKW` (evenly sampled every `stepSeconds`) between
    /// `lowHz` and `highHz` inclusive; 0 for a constant series. An odd-length series drops its last sample.
    public static func inBandFraction(_ powerKW: [Double], stepSeconds: Double, lowHz: Double = 0.1, highHz: Double = 20) -> Double {
        let energy = bandEnergy(powerKW, stepSeconds: stepSeconds, lowHz: lowHz, highHz: highHz)
        return energy.total > 0 ? energy.inBand / energy.total : 0
    }

    /// The variation energy of `powerKW` between `lowHz` and `highHz` inclusive and in all, in the
    /// spectrum's units (N² × kW²; two series of the same length compare directly).
    public static func bandEnergy(_ powerKW: [Double], stepSeconds: Double, lowHz: Double, highHz: Double) -> (inBand: Double, total: Double) {
        let spectrum = powerSpectrum(powerKW)
        let count = Double(2 * (spectrum.count - 1)), binHz = 1 / (count * stepSeconds)
        var total = 0.0, inBand = 0.0
        for (bin, power) in spectrum.enumerated().dropFirst() {
            total += power
            let hz = Double(bin) * binHz
            if hz >= lowHz - binHz * 1e-9 && hz <= highHz + binHz * 1e-9 { inBand += power }
        }
        return (inBand, total)
    }

    /// One-sided power spectrum of `values` less their mean, bins 0…N/2 (N the even length used):
    /// |X_k|² doubled for 0 < k < N/2, so the bins sum to N² × the variance.
    public static func powerSpectrum(_ values: [Double]) -> [Double] {
        let count = values.count & ~1
        guard count >= 2 else { return [0] }
        let mean = values[..<count].reduce(0, +) / Double(count)
        let input = values[..<count].map { Float($0 - mean) }
        var output = [kiss_fft_cpx](repeating: kiss_fft_cpx(r: 0, i: 0), count: count / 2 + 1)
        guard let configuration = kiss_fftr_alloc(Int32(count), 0, nil, nil) else { return Array(repeating: 0, count: count / 2 + 1) }
        defer { free(UnsafeMutableRawPointer(configuration)) }   // kiss_fftr_free is free()
        input.withUnsafeBufferPointer { timeData in
            output.withUnsafeMutableBufferPointer { frequencyData in
                kiss_fftr(configuration, timeData.baseAddress, frequencyData.baseAddress)
            }
        }
        return output.enumerated().map { bin, value in
            let power = Double(value.r) * Double(value.r) + Double(value.i) * Double(value.i)
            return bin == 0 || bin == count / 2 ? power : 2 * power
        }
    }
}
