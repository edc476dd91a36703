/// The state of one genset in a fleet.
public struct GensetUnit: Sendable, Equatable {
    /// Whether it is running.
    public var isOn = false
    /// The step at which it last started.
    public var startedAtStep = 0
    /// Hours run so far.
    public var runHours = 0.0
    /// Starts so far.
    public var starts = 0
    /// ``runHours`` when the present engine was installed.
    public var installedAtRunHours = 0.0
    /// ``runHours`` at the present engine's last major overhaul (or its installation).
    public var overhauledAtRunHours = 0.0
    /// Project year (from 0) in which the present engine was installed.
    public var installedInYear = 0
    /// Whether it can run: not failed or under repair, and with fuel for it (reliability runs).
    public var inService = true

    /// Hours the present engine has run.
    public var hoursSinceInstall: Double { runHours - installedAtRunHours }
    /// Hours since the present engine's last overhaul (or installation).
    public var hoursSinceOverhaul: Double { runHours - overhauledAtRunHours }

    /// Whether, running since `startedAtStep`, it has completed `minRunHours` by `step`.
    @inline(__always)
    func hasCompletedMinimumRun(step: Int, stepHours: Double, minRunHours: Double) -> Bool {
        Double(step - startedAtStep) * stepHours >= minRunHours
    }
}
