import Foundation
import GoTomFuzzing

// Built with `-sanitize=fuzzer -DFUZZING` (Scripts/fuzz.sh), this is a libFuzzer target and GOTOM_FUZZ_TARGET
// names the harness; a violated property aborts, so libFuzzer saves the input as a crash. Built normally, it
// replays files instead: `gotom-fuzz HARNESS FILE_OR_FOLDER...`, exit status 1 when a property does not hold.
//
// SwiftPM on Linux renames an executable's entry point to `<module>_main` and points `main` at it, so the fuzzing
// build defines that symbol itself and hands control to libFuzzer's driver.

#if FUZZING
    private let harness: FuzzHarness = {
        let name = ProcessInfo.processInfo.environment["GOTOM_FUZZ_TARGET"] ?? ""
        guard let harness = FuzzHarness(rawValue: name) else {
            let names = FuzzHarness.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("gotom-fuzz: set GOTOM_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(64)
        }
        return harness
    }()

    /// libFuzzer's entry point: runs the harness on one input and aborts when a property does not hold.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        do throws(PropertyViolation) {
            try harness.check(Array(UnsafeBufferPointer(start: data, count: size)))
        } catch {
            FileHandle.standardError.write(Data("gotom-fuzz: property violated: \(error)\n".utf8))
            abort()
        }
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    private func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// The process entry point of the fuzzing build: libFuzzer's driver with the harness chosen by the environment.
    @_cdecl("gotom_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        _ = harness
        var argc = argc
        var argv = argv
        return runFuzzerDriver(&argc, &argv, fuzz)
    }
#else
    @main
    struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let harness = FuzzHarness(rawValue: name), arguments.count >= 2 else {
                let names = FuzzHarness.allCases.map(\.rawValue).joined(separator: "|")
                FileHandle.standardError.write(Data("usage: gotom-fuzz \(names) FILE_OR_FOLDER...\n".utf8))
                exit(64)
            }
            let result = harness.replay(Array(arguments.dropFirst()))
            for (file, violation) in result.violations {
                FileHandle.standardError.write(Data("\(file): \(violation)\n".utf8))
            }
            print("\(name): \(result.files) inputs, \(result.violations.count) violations")
            exit(result.violations.isEmpty ? 0 : 1)
        }
    }
#endif
