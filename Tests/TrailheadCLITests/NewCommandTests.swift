import Foundation
import Testing

/// `new`: the scaffold validates clean, is never written over by accident, and needs a valid id.
@Suite struct NewCommandTests {
    @Test func scaffoldPassesValidateWithNoDiagnostics() throws {
        let directory = try CLIRunner.treeDirectory([:])
        let path = directory + "/my-lab.yaml"
        let created = try CLIRunner.run(["new", "my-lab", "--output", path])
        #expect(created.status == 0)
        #expect(created.stdout.contains("wrote \(path)"))
        let validated = try CLIRunner.run(["validate", path])
        #expect(validated.status == 0)
        #expect(validated.stdout == "1 file checked: 0 errors, 0 warnings\n")
        let walked = try CLIRunner.run(["walk", "my-lab", "--trees", path, "--answer", "1", "--json"])
        #expect(walked.status == 0)
        #expect(try walked.json["kind"] as? String == "resource")
    }

    @Test func writesTreeIDDotYAMLInTheCurrentDirectory() throws {
        let directory = try CLIRunner.treeDirectory([:])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["new", "lab-tree"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: directory + "/lab-tree.yaml", encoding: .utf8)
        #expect(text.contains("\nid: lab-tree\n"))
    }

    @Test func dashWritesToStdout() throws {
        let outcome = try CLIRunner.run(["new", "lab", "-o", "-"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\nid: lab\n"))
        #expect(outcome.stdout.hasPrefix("# A Trailhead tree"))
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let directory = try CLIRunner.treeDirectory(["mine.yaml": "precious\n"])
        let path = directory + "/mine.yaml"
        let refused = try CLIRunner.run(["new", "mine", "--output", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
        let forced = try CLIRunner.run(["new", "mine", "--output", path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\nid: mine\n"))
    }

    @Test(arguments: ["My-Lab", "lab_1", "-lab", "../lab"])
    func anInvalidIDIsAUsageError(id: String) throws {
        let directory = try CLIRunner.treeDirectory([:])
        let outcome = try CLIRunner.run(["new", "--output", directory + "/x.yaml", "--", id])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("not a valid tree id"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/x.yaml"))
    }
}
