import AlimIngest
import Foundation

/// libFuzzer entry point for the ingest harnesses; `ALIM_FUZZ_TARGET` (csv, onde, xml) picks one.
///
/// Built with `-sanitize=fuzzer -DALIM_FUZZING` by `make fuzz`; in a normal build the same binary is a
/// replayer (`alim-fuzz TARGET FILE…`) for saved inputs.
let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("alim-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

#if ALIM_FUZZING
let target = FuzzHarness(rawValue: ProcessInfo.processInfo.environment["ALIM_FUZZ_TARGET"] ?? "csv") ?? .csv

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    target.run(UnsafeRawBufferPointer(start: data, count: size), scratch: scratch)
    return 0
}
#else
@main
enum Replay {
    /// `alim-fuzz TARGET FILE…`: runs saved inputs (crashes, corpus) through a harness.
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let target = FuzzHarness(rawValue: name) else {
            print("usage: alim-fuzz csv|onde|xml FILE…")
            exit(64)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { target.run($0, scratch: scratch) }
            print("ok \(path)")
        }
        try? FileManager.default.removeItem(at: scratch)
    }
}
#endif
