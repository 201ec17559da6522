import Foundation
import Testing

@testable import MarketLink

/// `LargeBuffer.adviseHugePages` is advice: it must never change a buffer's bytes or fail on
/// odd buffers, and on Linux with transparent huge pages it must reach the kernel, which
/// marks the advised mapping `hg` in /proc/self/smaps (proc(5), "VmFlags").
@Suite struct LargeBufferTests {
    @Test func adviceKeepsEveryByte() {
        let count = 9 << 20 + 123
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        defer { buffer.deallocate() }
        for i in stride(from: 0, to: count, by: 4096) { buffer[i] = UInt8(truncatingIfNeeded: i >> 12) }
        LargeBuffer.adviseHugePages(buffer)
        for i in stride(from: 0, to: count, by: 4096) { #expect(buffer[i] == UInt8(truncatingIfNeeded: i >> 12)) }
        buffer[count - 1] = 7
        #expect(buffer[count - 1] == 7)
    }

    @Test func smallEmptyAndTypedBuffersAreAccepted() {
        LargeBuffer.adviseHugePages(UnsafeMutableRawBufferPointer(start: nil, count: 0))
        let small = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 1)
        defer { small.deallocate() }
        small.initializeMemory(as: UInt8.self, repeating: 3)
        LargeBuffer.adviseHugePages(small)
        #expect(small.allSatisfy { $0 == 3 })
        let typed = UnsafeMutableBufferPointer<Double>.allocate(capacity: 1 << 20)
        defer { typed.deallocate() }
        typed.initialize(repeating: 0.5)
        LargeBuffer.adviseHugePages(typed)
        #expect(typed.allSatisfy { $0 == 0.5 })
    }

    #if os(Linux)
        /// Where the kernel has transparent huge pages and the process can read its own map.
        static let canSeeAdvice = ["/sys/kernel/mm/transparent_hugepage/enabled", "/proc/self/smaps"].allSatisfy {
            FileManager.default.fileExists(atPath: $0)
        }

        @Test(.enabled(if: canSeeAdvice))
        func largeBufferIsMarkedForHugePages() throws {
            let count = 16 << 20
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
            defer { buffer.deallocate() }
            LargeBuffer.adviseHugePages(buffer)
            let middle = UInt(bitPattern: buffer.baseAddress.map { Int(bitPattern: $0) } ?? 0) + UInt(count / 2)
            // Read to the end: a /proc file reports a size of 0.
            let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
            let smaps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            // The mapping holding the buffer's middle, and its VmFlags line.
            var inside = false
            var flags: String?
            for line in smaps.split(separator: "\n") {
                if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
                    let low = UInt(line[..<dash], radix: 16), let high = UInt(line[line.index(after: dash)..<space], radix: 16)
                {
                    inside = low <= middle && middle < high
                } else if inside, line.hasPrefix("VmFlags:") {
                    flags = String(line)
                    break
                }
            }
            let found = try #require(flags)
            #expect(found.split(separator: " ").contains("hg"), "\(found)")
        }
    #endif
}
