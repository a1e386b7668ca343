import AlimCore
import Foundation

/// Failures that stop a command, each with the exit status cron sees.
public enum PipelineError: Error, CustomStringConvertible {
    case locked(String)
    case usage(String)
    case io(String)
    case missingArtifact(String)

    /// The documented exit status for this failure.
    public var exitStatus: ExitStatus {
        switch self {
        case .locked: return .locked
        case .usage, .missingArtifact: return .usage
        case .io: return .internalError
        }
    }

    public var description: String {
        switch self {
        case .locked(let path): return "Un autre import utilise déjà le dossier de travail \(path) : réessayez quand il sera terminé."
        case .usage(let message): return message
        case .io(let message): return message
        case .missingArtifact(let message): return message
        }
    }
}
