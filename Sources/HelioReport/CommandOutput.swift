import Foundation

/// What a command prints when it is done: its text summary, or with `--json` the content of its
/// main file; the note of the files written goes after the text, or to stderr so stdout stays JSON.
public enum CommandOutput {
    /// Prints `json()` when `asJSON`, else `text()`, and the `written` note where it belongs.
    public static func show(asJSON: Bool, json: () throws -> String, text: () -> String, written: String?) rethrows {
        if asJSON {
            print(try json(), terminator: "")
            if let written { FileHandle.standardError.write(Data((written + "\n").utf8)) }
        } else {
            print(text(), terminator: "")
            if let written { print("\n" + written) }
        }
    }
}
