import Foundation
import Logging

/// Sets up swift-log once: text lines (with colours only on a TTY) or JSON lines, on stderr.
///
/// Stage code logs counts, never personal data above debug level and never codes.
enum LogSetup {
    nonisolated(unsafe) private static var done = false

    static func bootstrap(format: LogFormat, verbose: Bool) {
        guard !done else { return }
        done = true
        let level: Logger.Level = verbose ? .debug : .info
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label, json: format == .json)
            handler.logLevel = level
            return handler
        }
    }
}

/// A LogHandler writing one line per message to stderr.
struct LineLogHandler: LogHandler {
    let label: String
    let json: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { _, b in b }
        let stamp = ISO8601DateFormatter().string(from: Date())
        var text: String
        if json {
            var object: [String: String] = ["ts": stamp, "level": level.rawValue, "logger": label, "msg": message.description]
            for (k, v) in all { object[k] = v.description }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        } else {
            let meta = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            text = "\(stamp) \(Self.colour(level)) \(label): \(message)" + (meta.isEmpty ? "" : " " + meta)
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Colours only on a terminal: cron mail and log files stay plain.
    private static let tty = isatty(STDERR_FILENO) == 1

    private static func colour(_ level: Logger.Level) -> String {
        let name = level.rawValue.uppercased()
        guard tty else { return name }
        switch level {
        case .error, .critical: return "\u{1B}[31m\(name)\u{1B}[0m"
        case .warning: return "\u{1B}[33m\(name)\u{1B}[0m"
        case .info, .notice: return "\u{1B}[32m\(name)\u{1B}[0m"
        default: return name
        }
    }
}
