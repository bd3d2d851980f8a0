import Testing
import TrailheadCore

#if canImport(Glibc)
import Glibc
#endif

/// Cache entries and the progress file are written to a new file and renamed into place: a
/// reader that opened the old file reads it whole, and a write that fails changes nothing.
@Suite(.timeLimit(.minutes(1)))
struct AtomicWriteTests {
    static func contents(of descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }

    @Test func aReaderOfTheOldFileKeepsReadingItWhole() throws {
        let directory = "/tmp/trailhead-atomic-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let path = directory + "/entry"
        let old = [UInt8](repeating: UInt8(ascii: "o"), count: 200_000)
        let new = [UInt8](repeating: UInt8(ascii: "n"), count: 100_000)
        #expect(LocalFileSystem().writeAtomically(old, to: path, creatingDirectory: directory))
        let reader = open(path, O_RDONLY)
        try #require(reader >= 0)
        defer { close(reader) }
        #expect(LocalFileSystem().writeAtomically(new, to: path, creatingDirectory: directory))
        // Compared first: a failed #expect on two large arrays would describe their difference
        // at length (a quadratic diff).
        let readerSawOld = Self.contents(of: reader) == old
        #expect(readerSawOld, "the open descriptor saw the new write")
        let fresh = open(path, O_RDONLY)
        defer { close(fresh) }
        let freshSawNew = Self.contents(of: fresh) == new
        #expect(freshSawNew)
    }

    /// The rename fails (a directory stands where the file goes): the write reports failure
    /// and leaves no temporary file behind, and the file written before is untouched.
    @Test func aFailedWriteLeavesThePreviousFileIntact() throws {
        let directory = "/tmp/trailhead-atomic-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let path = directory + "/entry"
        let old = Array("previous content".utf8)
        #expect(LocalFileSystem().writeAtomically(old, to: path, creatingDirectory: directory))
        let blocked = directory + "/blocked"
        mkdir(blocked, 0o700)
        mkdir(blocked + "/inside", 0o700)
        #expect(!LocalFileSystem().writeAtomically(Array("new".utf8), to: blocked, creatingDirectory: directory))
        let names = LocalFileSystem().entries(of: directory) ?? []
        #expect(Set(names) == ["entry", "blocked"], "a temporary file was left: \(names)")
        let reader = open(path, O_RDONLY)
        defer { close(reader) }
        #expect(Self.contents(of: reader) == old)
    }
}
