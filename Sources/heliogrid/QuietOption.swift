import ArgumentParser
import HelioStudy

/// `--quiet`: no progress on stderr (warnings and errors still go there).
struct QuietOption: ParsableArguments {
    @Flag(help: "Show no progress on stderr (the bar on a terminal, the final line otherwise).")
    var quiet = false

    /// Applies the flag to the process.
    func apply() { if quiet { StudyProgress.quiet() } }
}
