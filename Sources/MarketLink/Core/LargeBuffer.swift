import Foundation

// MARK: - Advice for large buffers

/// Tells the kernel how MarketLink will use a large buffer it is about to fill.
///
/// A buffer of tens of megabytes that is written once from start to end (the event study's
/// store: ~45 MB for 500 series × 1,000 events) costs a page fault per 4 KiB page on first
/// touch, ~11,000 of them, each a trip into the kernel. Where transparent huge pages are
/// available on request (Linux with `/sys/kernel/mm/transparent_hugepage/enabled` set to
/// `madvise` or `always`), `MADV_HUGEPAGE` lets the kernel back the buffer's 2 MiB-aligned
/// stretches with huge pages, one fault per 2 MiB. It is advice: where the kernel refuses or
/// the platform has no such call, nothing changes but the count of faults.
enum LargeBuffer {
    /// Buffers smaller than this are left alone (a huge page is 2 MiB; smaller ones gain nothing).
    static let adviceThreshold = 4 << 20

    /// Advises huge pages for the whole pages inside `buffer`, if it is at least
    /// `adviceThreshold` bytes. Call it before the buffer is first written.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= adviceThreshold, let base = buffer.baseAddress else { return }
        #if os(Linux)
            let page = 4096
            let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// `adviseHugePages` for a typed buffer.
    static func adviseHugePages<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
    }
}
