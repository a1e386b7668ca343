import AlimIngest
import Foundation

/// libFuzzer entry point for the ingest harnesses; `ALIM_FUZZ_TARGET` (csv, onde, xml) picks one.
///
/// Built with `-sanitize=fuzzer -DALIM_FUZZING` by `make fuzz`; in a normal build the same binary is a
/// replayer (`alim-fuzz TARGET FILE…`) for saved inputs.
let scratch: URL = {
    // tmpfs when there is one: every execution writes and lists a small inbox.
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm")
        : FileManager.default.temporaryDirectory
    let url = base.appendingPathComponent("alim-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

#if ALIM_FUZZING
/// libFuzzer's driver (from libclang_rt.fuzzer): SwiftPM gives executables their own entry point, so the
/// harness calls the driver itself instead of using libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let target = FuzzHarness(rawValue: ProcessInfo.processInfo.environment["ALIM_FUZZ_TARGET"] ?? "csv") ?? .csv
            target.run(UnsafeRawBufferPointer(start: data, count: size), scratch: scratch)
            return 0
        }
        exit(status)
    }
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
