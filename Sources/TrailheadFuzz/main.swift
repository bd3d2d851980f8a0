#if canImport(Glibc)
import Glibc
#endif
import CLibFuzzer
import TrailheadCore

var arguments = CommandLine.arguments
if arguments.count > 1, FuzzTarget(rawValue: arguments[1]) != nil {
    // Passed on through the environment, so libFuzzer's child processes (-fork, -minimize_crash) fuzz the same target.
    setenv(FuzzTarget.environmentVariable, arguments.remove(at: 1), 1)
}
guard let name = getenv(FuzzTarget.environmentVariable).map({ String(cString: $0) }),
      let target = FuzzTarget(rawValue: name)
else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    print("usage: TrailheadFuzz \(names) [libFuzzer options] [corpus directory ...]")
    print("       (or set \(FuzzTarget.environmentVariable)); `make fuzz` builds it with libFuzzer and runs every target")
    exit(2)
}

#if TRAILHEAD_FUZZ
var cArguments = arguments.map { strdup($0) } + [nil]
var count = Int32(arguments.count)
let status = cArguments.withUnsafeMutableBufferPointer { buffer in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&count, &argv, target.callback)
}
exit(status)
#else
// Built without libFuzzer: run each given file through the target once, to replay a crash in a debug build.
for path in arguments.dropFirst() {
    guard case .bytes(let bytes) = LocalFileSystem().contents(of: path, limit: 1 << 26) else {
        print("cannot read \(path)")
        exit(2)
    }
    target.run(bytes)
    print("\(path): ok")
}
#endif
