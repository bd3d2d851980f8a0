import Foundation
import Testing

/// The core and the command-line tool never import Foundation: a single import links its ICU
/// data into the binary (35 MB more, 3 MB more resident at every start; docs/DECISIONS.md).
@Suite struct DependencyTests {
    @Test(arguments: ["Sources/TrailheadCore", "Sources/trailhead", "Sources/TrailheadTUI", "Sources/TrailheadProcess"])
    func noSourceImportsFoundation(directory: String) throws {
        let root = TestTrees.repositoryRoot + "/" + directory
        let files = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("import Foundation") }, "\(directory)/\(file) imports Foundation")
        }
    }
}
