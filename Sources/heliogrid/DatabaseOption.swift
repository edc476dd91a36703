import ArgumentParser

/// `--db PATH`: the live EMS's SQLite database, for the `token` commands.
struct DatabaseOption: ParsableArguments {
    @Option(help: "SQLite database of the service.")
    var db = "heliogrid.sqlite"
}
