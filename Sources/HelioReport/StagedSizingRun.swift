import Foundation
import HelioGrid
import HelioStudy

/// Writes a staged sizing study's files and terminal summary (`size` with `[size] stages` or a
/// campus that grows).
public enum StagedSizingRun {
    /// Writes `result` into `out` when given (stages.csv, size.json, size.html, best.toml) and prints
    /// the summary, or with `json` size.json's content.
    public static func write(_ study: StagedSizingStudy, result: StagedSizingResult, out: String?, json: Bool = false) throws {
        let page = StagedSizingHTML(study: study, result: result)
        if let out {
            let folder = try OutputFolder(out)
            try folder.write(Array(StagedSizingFiles.stagesCSV(result.outcomes, stages: study.config.stages).utf8), name: "stages.csv")
            try folder.write(Array(try StagedSizingFiles.summaryJSON(study: study, result: result).utf8), name: "size.json")
            try folder.write(Array(page.render().utf8), name: "size.html")
            if let best = result.best {
                let d = best.design.stage(0)
                let (text, inputs) = try ScenarioDesignText.text(of: study.scenario, pvKW: d.pvKW, batteryKWh: d.batteryKWh, batteryKW: d.batteryKW,
                                                                 dieselUnits: d.dieselUnits, dieselUnitKW: d.dieselUnitKW, augmentation: d.augmentation,
                                                                 expansions: best.design.expansions)
                try folder.write(Array(text.utf8), name: "best.toml")
                try SizingRun.copy(inputs, into: folder)
            }
            try folder.commit()
        }
        try CommandOutput.show(asJSON: json, json: { try StagedSizingFiles.summaryJSON(study: study, result: result) }, text: { page.terminal() },
                               written: out.map { "wrote \($0)/stages.csv, size.json, size.html\(result.best == nil ? "" : " and best.toml")" })
    }
}
