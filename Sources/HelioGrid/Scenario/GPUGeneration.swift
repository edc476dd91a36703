/// A GPU generation's node as `[[load.phases]] generation` names it: GPUs per node and the node's
/// idle, measured-maximum and nameplate power.
///
/// Nameplates are the vendors' system maxima: NVIDIA DGX H100 and DGX H200 datasheets (8 GPUs,
/// 10.2 kW), DGX B200 datasheet (8 GPUs, ~14.3 kW), GB200 NVL72 (72 GPUs per rack, ~120 kW per rack
/// as NVIDIA's reference architecture and the rack vendors give it; one rack is one "node" here).
/// Idle and measured maximum are the DGX H100's measured 2.0 kW and 8.4 kW (I. Latif et al.,
/// IEEE Access 13, 2025) as shares of its nameplate, 0.196 and 0.824, applied to the other
/// nameplates; that scaling is the model's assumption, stated in docs/scenario.md.
public enum GPUGeneration: String, Sendable, CaseIterable {
    case h100, h200, b200
    case gb200NVL72 = "gb200-nvl72"

    /// Share of nameplate a DGX H100 draws idle (2.0 of 10.2 kW, Latif et al. 2025).
    public static let idleShareOfRated = 2.0 / 10.2
    /// Share of nameplate a DGX H100 draws at its measured maximum in training (8.4 of 10.2 kW).
    public static let maxShareOfRated = 8.4 / 10.2
    /// Nameplate of a node per kW of its GPUs' TDP: DGX H100, 10.2 kW for 8 × 0.7 kW.
    public static let ratedPerGPUTDP = 10.2 / 5.6

    /// GPUs per node (per rack for NVL72).
    public var gpusPerNode: Int { self == .gb200NVL72 ? 72 : 8 }

    /// Node nameplate, kW.
    public var nodeRatedKW: Double {
        switch self {
        case .h100, .h200: 10.2
        case .b200: 14.3
        case .gb200NVL72: 120
        }
    }

    /// Node at its measured training maximum, kW (DGX H100's share of nameplate for the others).
    public var nodeMaxKW: Double { self == .h100 || self == .h200 ? 8.4 : nodeRatedKW * Self.maxShareOfRated }

    /// Node idle, kW (DGX H100's share of nameplate for the others).
    public var nodeIdleKW: Double { self == .h100 || self == .h200 ? 2.0 : nodeRatedKW * Self.idleShareOfRated }
}
