#if canImport(Glibc)
import Glibc
#endif

/// A moment as the user's clock shows it.
enum LocalTime {
    /// `2026-11-26 14:02` (or another `strftime` format) in the user's time zone.
    static func text(_ seconds: Int, format: String = "%Y-%m-%d %H:%M") -> String {
        var time = time_t(seconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return String(seconds) }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `14:02:51`, now.
    static var clock: String {
        text(Int(time(nil)), format: "%H:%M:%S")
    }
}
