import Foundation
import SlipstreamCore

// Usage: WireBenchmark WIRES_FILE [SECONDS]
// Parses every wire (validating it, as slipcore's parse_slip does) and formats every message from its
// fields (slipcore's format_slip; ours does not validate, parsing does), repeatedly on one core for about SECONDS
// per measurement and prints JSON: messages per second for parse and for format.
let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: WireBenchmark WIRES_FILE [SECONDS]\n".utf8))
    exit(2)
}
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 2 : 2
let wires = text.split(separator: "\n").map(String.init)
let parser = WireParser()
/// The fields of each wire, for the format measurement (slipcore's `format_slip` takes the same fields).
let fields = wires.map { wire -> (String, String, Force, String, [String]) in
    let m = try! parser.parse(wire)
    return (m.src, m.dst, m.force, m.object, (m.fallbackRef.map { [$0] } ?? []) + m.payload)
}

/// Runs `body` over all wires until `seconds` have passed; returns messages per second.
func measure(_ body: () -> Int) -> Double {
    _ = body()  // warm up
    let clock = ContinuousClock()
    var count = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        count += body()
        elapsed = clock.now - start
    } while elapsed < .milliseconds(Int(seconds * 1000))
    let (s, attoseconds) = elapsed.components
    return Double(count) / (Double(s) + Double(attoseconds) / 1e18)
}

var sink = 0
let parseRate = measure {
    for wire in wires {
        if let message = try? parser.parse(wire) { sink &+= message.isFallback ? 1 : 0 }
    }
    return wires.count
}
let formatRate = measure {
    for (src, dst, force, object, payload) in fields {
        sink &+= SlipMessage.v3(src: src, dst: dst, force: force, object: object, payload: payload).wire.utf8.count
    }
    return fields.count
}
print(#"{"messages": \#(wires.count), "parsePerSecond": \#(Int(parseRate)), "formatPerSecond": \#(Int(formatRate)), "sink": \#(sink % 10)}"#)
