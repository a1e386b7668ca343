import AlimCore
import AlimPipeline
import ArgumentParser
import Foundation

/// Options every command that touches a workdir shares.
struct WorkdirOptions: ParsableArguments {
    @Option(name: .long, help: "Dossier de travail (état, runs, décisions).")
    var workdir: String

    @Option(name: .long, help: "Format des journaux : text ou json.")
    var logFormat: LogFormat = .text

    @Flag(name: .long, help: "Journaux détaillés (niveau debug : peut contenir des noms, jamais de code).")
    var verbose = false

    var workdirURL: URL { URL(fileURLWithPath: workdir) }
}

/// How log lines are written: human text, or one JSON object a line for a log collector.
enum LogFormat: String, ExpressibleByArgument, Sendable {
    case text, json
}

/// Parses `YYYY-MM-DD` for `--date`.
extension RunDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Parses a UAI argument.
extension UAI: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Maps a pipeline failure or status to the documented exit code, printing the French message.
enum Exit {
    static func fail(_ error: Error) -> ExitCode {
        if let e = error as? PipelineError {
            printError(e.description)
            return ExitCode(e.exitStatus.rawValue)
        }
        printError("Erreur interne : \(error)")
        return ExitCode(ExitStatus.internalError.rawValue)
    }

    static func code(_ status: ExitStatus) -> ExitCode { ExitCode(status.rawValue) }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("alim : " + message + "\n").utf8))
    }
}
