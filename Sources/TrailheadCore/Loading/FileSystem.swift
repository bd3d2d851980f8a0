import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations loading needs, behind a protocol so tests can supply files in memory.
public protocol FileSystem: Sendable {
    /// The file's bytes, or nil when it cannot be read; `limit` bounds how much is read.
    func contents(of path: String, limit: Int) -> FileContents
    func isDirectory(_ path: String) -> Bool
    func exists(_ path: String) -> Bool
    /// The absolute path with symbolic links resolved, used to notice the same file reached twice.
    func canonicalPath(_ path: String) -> String
    /// The names of the entries of a directory, or nil when it cannot be listed.
    func entries(of directory: String) -> [String]?
    /// Writes a file through a temporary name and a rename, so readers never see half of it.
    func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String)
    /// Who owns a directory and whether others may write into it; nil when it is not a directory.
    func directoryOwnership(_ path: String) -> DirectoryOwnership?
}

/// The owner of a directory and whether users other than the owner can change its contents.
public struct DirectoryOwnership: Sendable, Equatable {
    public var owner: UInt32
    public var writableByOthers: Bool

    public init(owner: UInt32, writableByOthers: Bool) {
        self.owner = owner
        self.writableByOthers = writableByOthers
    }
}

/// What reading a file gave.
public enum FileContents: Sendable {
    case bytes([UInt8])
    case tooLarge(size: Int)
    case unreadable(reason: String)
}

/// The real file system, through POSIX calls.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String, limit: Int) -> FileContents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(reason: Self.errorText()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(reason: Self.errorText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable(reason: "not a regular file") }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size: size) }
        var buffer = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + filled, size - filled)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .unreadable(reason: Self.errorText()) }
            if count == 0 { break }
            filled += count
        }
        if filled < size { buffer.removeLast(size - filled) }
        return .bytes(buffer)
    }

    public func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public func directoryOwnership(_ path: String) -> DirectoryOwnership? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return DirectoryOwnership(owner: info.st_uid, writableByOthers: info.st_mode & (S_IWGRP | S_IWOTH) != 0)
    }

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func entries(of directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String) {
        var partial = ""
        for component in directory.split(separator: "/") {
            partial += "/" + component
            mkdir(partial, 0o700)
        }
        // Unique per process and per write: files load on several threads, and two with the same
        // content share a cache entry.
        let temporary = "\(path).\(getpid()).\(Self.temporaryNames.add(1, ordering: .relaxed).oldValue).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            written += count
        }
        close(descriptor)
        if written == bytes.count {
            rename(temporary, path)
        } else {
            unlink(temporary)
        }
    }

    private static let temporaryNames = Atomic<Int>(0)

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
