#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes kept in memory for as long as something needs them: mapped from the file
/// where possible (unmapped when the last user lets go), else read into an array.
public final class FileBytes: @unchecked Sendable {
    // Immutable after init, and a mapping is read-only: sharing across threads is safe.
    private let mapped: UnsafeRawBufferPointer?
    private let array: [UInt8]

    public init(_ bytes: [UInt8]) {
        mapped = nil
        array = bytes
    }

    /// Takes over a mapping made with `mmap`; it is unmapped on deinit.
    init(mapping: UnsafeRawBufferPointer) {
        mapped = mapping
        array = []
    }

    deinit {
        if let mapped, let start = mapped.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: start), mapped.count)
        }
    }

    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let mapped { return try body(mapped) }
        return try array.withUnsafeBytes(body)
    }
}
