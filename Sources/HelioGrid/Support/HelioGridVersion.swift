/// HelioGrid's release, as `heliogrid --version` prints it and packages name it (semantic versioning).
public enum HelioGridVersion {
    /// The version of this build.
    public static let current = "0.9.0"
}
