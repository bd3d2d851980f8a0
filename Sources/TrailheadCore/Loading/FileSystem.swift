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
    /// Writes a file through a temporary name and a rename, so readers never see half of it;
    /// false when it could not be written, and then the previous file is left as it was.
    @discardableResult
    func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String) -> Bool
    /// Who owns a directory and whether others may write into it; nil when it is not a directory.
    func directoryOwnership(_ path: String) -> DirectoryOwnership?
    /// The file's content hash and length, read without holding the whole file; nil when it
    /// cannot be read or is over `limit`.
    func fingerprint(of path: String, limit: Int) -> ContentFingerprint?
    /// The file's bytes, mapped rather than copied where that is possible; nil when the file
    /// cannot be read or is over `limit`. Only for files that are replaced by rename, never
    /// rewritten in place: a mapped file that shrinks faults its reader.
    func mappedContents(of path: String, limit: Int) -> FileBytes?
    /// How many seconds ago the file was last modified; nil when it cannot be told.
    func secondsSinceModified(_ path: String) -> Int?
    /// What changes whenever the file is written or replaced; nil when it is not there.
    func changeStamp(of path: String) -> ChangeStamp?
    /// Removes a file; a file already gone is not an error. Nil when it is gone, else why not.
    @discardableResult
    func removeFile(_ path: String) -> String?
    /// Runs `body` holding an exclusive lock on the file or directory at `path`, so that
    /// processes that read, change and replace a file in it take turns.
    func withExclusiveLock<Result>(_ path: String, _ body: () -> Result) -> Result
    /// Opens `directory` once, checks it against `rule`, and from then on reads and writes its
    /// entries through that descriptor, each file checked against the rule as it is opened; so
    /// a directory or file another user swaps in after the check is never used. Nil when it
    /// passes, else why not.
    func pin(_ directory: String, rule: DirectoryRule) -> String?
}

extension FileSystem {
    public func fingerprint(of path: String, limit: Int) -> ContentFingerprint? {
        guard case .bytes(let bytes) = contents(of: path, limit: limit) else { return nil }
        return ContentDigester.fingerprint(of: bytes)
    }

    public func mappedContents(of path: String, limit: Int) -> FileBytes? {
        guard case .bytes(let bytes) = contents(of: path, limit: limit) else { return nil }
        return FileBytes(bytes)
    }

    public func secondsSinceModified(_ path: String) -> Int? { nil }

    public func changeStamp(of path: String) -> ChangeStamp? {
        fingerprint(of: path, limit: Int.max).map(ChangeStamp.content)
    }

    @discardableResult
    public func removeFile(_ path: String) -> String? { nil }

    public func withExclusiveLock<Result>(_ path: String, _ body: () -> Result) -> Result { body() }

    public func pin(_ directory: String, rule: DirectoryRule) -> String? {
        guard let ownership = directoryOwnership(directory) else { return "it is not a directory" }
        return rule.refusal(owner: ownership.owner, writableByOthers: ownership.writableByOthers)
    }
}

/// A file's state as far as noticing a change needs: its status, or where that cannot be
/// read, a hash of its content.
public enum ChangeStamp: Sendable, Hashable {
    case status([Int])
    case content(ContentFingerprint)
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

/// The real file system, through POSIX calls. Every file is opened without blocking (a FIFO
/// named like a tree or a cache entry would otherwise hang the reader) and must be a regular
/// file; inside a pinned directory (`pin`) it is opened through the directory's descriptor.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String, limit: Int) -> FileContents {
        let descriptor = openFile(path)
        guard descriptor >= 0 else { return .unreadable(reason: descriptor == Self.refusedFile ? "another user owns it or can change it" : Self.errorText()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(reason: Self.errorText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable(reason: "not a regular file") }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size: size) }
        var failure: String?
        // Not zeroed first: read fills it, and only what read filled is kept.
        let buffer = [UInt8](unsafeUninitializedCapacity: size) { raw, initialized in
            var filled = 0
            while filled < size {
                let count = read(descriptor, raw.baseAddress! + filled, size - filled)
                if count < 0 && errno == EINTR { continue }
                if count < 0 {
                    failure = Self.errorText()
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if let failure { return .unreadable(reason: failure) }
        return .bytes(buffer)
    }

    public func fingerprint(of path: String, limit: Int) -> ContentFingerprint? {
        withRegularFile(path, limit: limit) { descriptor, size in
            // A small file (the bundled trees) gets a buffer just past its size, read in one go.
            let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(1 << 18, size + 1), alignment: 8)
            defer { piece.deallocate() }
            var hasher = ContentDigester()
            while true {
                let count = read(descriptor, piece.baseAddress!, piece.count)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { return nil }
                if count == 0 { break }
                hasher.combine(UnsafeRawBufferPointer(rebasing: piece[..<count]))
                if hasher.count > limit { return nil }
            }
            return hasher.fingerprint
        } ?? nil
    }

    public func mappedContents(of path: String, limit: Int) -> FileBytes? {
        withRegularFile(path, limit: limit) { descriptor, size in
            guard size > 0 else { return FileBytes([]) }
            #if os(Linux)
            // Pages already in the page cache are mapped at once instead of fault by fault.
            let flags = MAP_PRIVATE | MAP_POPULATE
            #else
            let flags = MAP_PRIVATE
            #endif
            let mapped = mmap(nil, size, PROT_READ, flags, descriptor, 0)
            guard let mapped, mapped != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
            return FileBytes(mapping: UnsafeRawBufferPointer(start: mapped, count: size))
        } ?? nil
    }

    /// `body` with an open descriptor and the size of a regular file of at most `limit` bytes.
    private func withRegularFile<Result>(_ path: String, limit: Int, _ body: (Int32, Int) -> Result) -> Result? {
        let descriptor = openFile(path)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else { return nil }
        return body(descriptor, Int(info.st_size))
    }

    public func isDirectory(_ path: String) -> Bool {
        if PinnedDirectories.shared.pin(at: path) != nil { return true }
        var info = stat()
        return status(path, &info) && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public func directoryOwnership(_ path: String) -> DirectoryOwnership? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return DirectoryOwnership(owner: info.st_uid, writableByOthers: info.st_mode & (S_IWGRP | S_IWOTH) != 0)
    }

    public func exists(_ path: String) -> Bool {
        if PinnedDirectories.shared.pin(at: path) != nil { return true }
        var info = stat()
        return status(path, &info)
    }

    public func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func secondsSinceModified(_ path: String) -> Int? {
        var info = stat()
        if let (pin, name) = PinnedDirectories.shared.entry(path) {
            guard fstatat(pin.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        } else {
            guard lstat(path, &info) == 0 else { return nil }
        }
        return time(nil) - info.st_mtim.tv_sec
    }

    /// Device, inode, size and both times to the nanosecond: an editor that saves by rename
    /// gives a new inode, one that writes in place a new time or size; nothing is read.
    public func changeStamp(of path: String) -> ChangeStamp? {
        var info = stat()
        guard status(path, &info) else { return nil }
        return .status([
            Int(info.st_dev), Int(info.st_ino), Int(info.st_size),
            info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_ctim.tv_sec, info.st_ctim.tv_nsec,
        ])
    }

    @discardableResult
    public func removeFile(_ path: String) -> String? {
        let removed = if let (pin, name) = PinnedDirectories.shared.entry(path) {
            unlinkat(pin.descriptor, name, 0) == 0
        } else {
            unlink(path) == 0
        }
        return removed || errno == ENOENT ? nil : Self.errorText()
    }

    public func withExclusiveLock<Result>(_ path: String, _ body: () -> Result) -> Result {
        // A descriptor of its own, even for a pinned directory: a lock is held by an open file,
        // and threads sharing the pinned descriptor would not exclude each other.
        let descriptor = if let pin = PinnedDirectories.shared.pin(at: path) {
            openat(pin.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        } else {
            open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        }
        guard descriptor >= 0 else { return body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return body()
    }

    public func entries(of directory: String) -> [String]? {
        let handle: OpaquePointer?
        if let pin = PinnedDirectories.shared.pin(at: directory) {
            // A descriptor of its own, opened through the pinned one: closedir closes it, and
            // its reading position is its own (a `dup` would share one with every other lister).
            let own = openat(pin.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard own >= 0 else { return nil }
            handle = fdopendir(own)
            if handle == nil { close(own) }
        } else {
            handle = opendir(directory)
        }
        guard let handle else { return nil }
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

    @discardableResult
    public func writeAtomically(_ bytes: [UInt8], to path: String, creatingDirectory directory: String) -> Bool {
        let pinned = PinnedDirectories.shared.entry(path)
        if pinned == nil { Self.makeDirectories(directory) }
        let directoryDescriptor = pinned?.pin.descriptor ?? AT_FDCWD
        let name = pinned?.name ?? path
        // Unique per process and per write: files load on several threads, and two with the same
        // content share a cache entry.
        let temporary = "\(name).\(getpid()).\(Self.temporaryNames.add(1, ordering: .relaxed).oldValue).tmp"
        let descriptor = openat(directoryDescriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return false }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            written += count
        }
        let closed = close(descriptor) == 0
        guard written == bytes.count, closed, renameat(directoryDescriptor, temporary, directoryDescriptor, name) == 0 else {
            unlinkat(directoryDescriptor, temporary, 0)
            return false
        }
        return true
    }

    public func pin(_ directory: String, rule: DirectoryRule) -> String? {
        PinnedDirectories.shared.pin(directory, rule: rule)
    }

    /// Makes each missing directory of `directory`, readable by its owner only.
    public static func makeDirectories(_ directory: String) {
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            partial += "/" + component
            mkdir(partial, 0o700)
        }
    }

    /// A descriptor for reading the file, or -1 (errno set), or `refusedFile` when the file
    /// lies in a pinned directory and fails its rule.
    private func openFile(_ path: String) -> Int32 {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        guard let (pin, name) = PinnedDirectories.shared.entry(path) else { return open(path, flags) }
        let descriptor = openat(pin.descriptor, name, flags)
        guard descriptor >= 0 else { return descriptor }
        var info = stat()
        guard fstat(descriptor, &info) == 0,
              pin.rule.refusal(owner: info.st_uid, writableByOthers: info.st_mode & (S_IWGRP | S_IWOTH) != 0) == nil
        else {
            close(descriptor)
            return Self.refusedFile
        }
        return descriptor
    }

    private static let refusedFile: Int32 = -2

    /// `stat` of a path, through its directory's descriptor when that directory is pinned.
    private func status(_ path: String, _ info: inout stat) -> Bool {
        if let (pin, name) = PinnedDirectories.shared.entry(path) { return fstatat(pin.descriptor, name, &info, 0) == 0 }
        return stat(path, &info) == 0
    }

    private static let temporaryNames = Atomic<Int>(0)

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
