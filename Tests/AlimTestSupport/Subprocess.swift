import Foundation

/// Runs a program the way an operator would and hands back its exit status and both streams.
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
    }

    public static func run(_ executable: URL, _ arguments: [String]) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both before waiting: a full pipe would otherwise block the child forever.
        let e = err.fileHandleForReading.readDataToEndOfFile(), o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// The text of a PDF as `pdftotext` reads it (`-layout` keeps columns), or nil when poppler is absent.
    public static func pdfText(_ url: URL, layout: Bool = false) throws -> String? {
        let tool = URL(fileURLWithPath: "/usr/bin/pdftotext")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else { return nil }
        return try run(tool, (layout ? ["-layout"] : []) + [url.path, "-"]).out
    }
}
