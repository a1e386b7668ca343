import AlimIngest
import Foundation

// Reads the XML files named on the command line through the XML ingest only (benchmark driver).
let paths = Array(CommandLine.arguments.dropFirst())
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: alim-bench-xml FILE.xml…\n".utf8))
    exit(2)
}
print(XMLBenchmark.run(paths: paths))
