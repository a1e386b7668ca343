import AlimIngest
import Foundation

// Benchmark driver for scripts/bench-xml.sh.
//   alim-bench-xml FILE.xml…            full XMLIngest.read of the files as one set
//   alim-bench-xml --reader FILE.xml…   the streaming reader alone, into a counting sink
var arguments = Array(CommandLine.arguments.dropFirst())
let readerOnly = arguments.first == "--reader"
if readerOnly { arguments.removeFirst() }
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: alim-bench-xml [--reader] FILE.xml…\n".utf8))
    exit(2)
}
if readerOnly {
    print(XMLBenchmark.runReader(paths: arguments))
} else {
    // A top-level constant: never deinitialised, so freeing the records is not part of the measure.
    let outcome = XMLBenchmark.run(paths: arguments)
    print(outcome.summary)
}
