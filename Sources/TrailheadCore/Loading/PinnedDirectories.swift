import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directories this process has opened once and checked (`FileSystem.pin`), each kept open
/// for the life of the process: a run reads the directories it checked, whatever is later
/// renamed into their place.
final class PinnedDirectories: Sendable {
    /// One pinned directory: its descriptor and the rule its files must pass.
    struct Pin: Sendable {
        let descriptor: Int32
        let rule: DirectoryRule
    }

    static let shared = PinnedDirectories()

    private let pins = Mutex<[String: Pin]>([:])

    /// Pins `directory` under `rule`; nil when it passes, else why not. A directory pinned
    /// before is checked again on its descriptor and keeps the stricter rule.
    func pin(_ directory: String, rule: DirectoryRule) -> String? {
        let key = Self.normalized(directory)
        if let existing = pins.withLock({ $0[key] }) {
            if let refusal = Self.refusal(of: existing.descriptor, rule: rule) { return refusal }
            if rule.strictness > existing.rule.strictness {
                pins.withLock { $0[key] = Pin(descriptor: existing.descriptor, rule: rule) }
            }
            return nil
        }
        let descriptor = open(key, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return errno == ENOTDIR ? "it is not a directory" : LocalFileSystem.errorText() }
        if let refusal = Self.refusal(of: descriptor, rule: rule) {
            close(descriptor)
            return refusal
        }
        let raced = pins.withLock { pins -> Bool in
            if pins[key] != nil { return true }
            pins[key] = Pin(descriptor: descriptor, rule: rule)
            return false
        }
        if raced { close(descriptor) }
        return nil
    }

    /// The pin of exactly this directory.
    func pin(at directory: String) -> Pin? {
        pins.withLock { $0.isEmpty ? nil : $0[Self.normalized(directory)] }
    }

    /// The pin of the directory that holds `path`, and the name of `path` in it.
    func entry(_ path: String) -> (pin: Pin, name: String)? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let name = String(path[path.index(after: slash)...])
        guard !name.isEmpty, name != ".", name != "..",
              let pin = pins.withLock({ $0.isEmpty ? nil : $0[Self.normalized(String(path[..<slash]))] })
        else { return nil }
        return (pin, name)
    }

    private static func refusal(of descriptor: Int32, rule: DirectoryRule) -> String? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return LocalFileSystem.errorText() }
        return rule.refusal(owner: info.st_uid, writableByOthers: info.st_mode & (S_IWGRP | S_IWOTH) != 0)
    }

    private static func normalized(_ directory: String) -> String {
        var trimmed = Substring(directory)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? "/" : String(trimmed)
    }
}
