import Foundation

// mlink: parses arguments, calls MarketLink, prints. Everything else lives in MLink (Tool.swift),
// so that the tests can read the command declarations without running this file.

// A reader that closes the pipe early (`| head`) must not kill the run by signal: the failed write
// comes back as EPIPE, and the run ends quietly with exit 0 (`Terminal`).
signal(SIGPIPE, SIG_IGN)
// Past a file-size limit (`ulimit -f`) a write fails with EFBIG, reported like any failed write
// (the temporary file removed, the old file kept), instead of the signal killing the run mid-file.
signal(SIGXFSZ, SIG_IGN)

exit(MLink.main(Array(CommandLine.arguments.dropFirst())))
