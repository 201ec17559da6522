import Foundation

// mlink: parses arguments, calls MarketLink, prints. Everything else lives in MLink (Tool.swift),
// so that the tests can read the command declarations without running this file.
exit(MLink.main(Array(CommandLine.arguments.dropFirst())))
