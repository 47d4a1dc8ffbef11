import Foundation
import SlipstreamCore

// Usage: WireBenchmark WIRES_FILE [SECONDS]
// Parses every wire (validating it, as slipcore's parse_slip does), formats every message from its fields
// without checking them (SlipMessage.v3) and checking them as slipcore's format_slip does
// (SlipMessage.validatedV3), and only reads the fields' lengths (what any formatter taking strings pays
// first) and only makes a new String of each wire's bytes (what any formatter returning a String pays), each
// repeatedly on one core for about SECONDS of CPU time; prints JSON: messages per second.
let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: WireBenchmark WIRES_FILE [SECONDS]\n".utf8))
    exit(2)
}
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 2 : 2
let wires = text.split(separator: "\n").map(String.init)

/// The fields of one wire, for the format measurement (slipcore's `format_slip` takes the same fields).
struct Fields {
    var src, dst: String
    var force: Force
    var object: String
    var payload: [String]
}

/// This thread's CPU time in seconds: on a shared machine, time spent waiting for the core is not counted
/// (scripts/bench_wire.py measures slipcore the same way, with `time.thread_time()`).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs `body` over all wires until `seconds` of CPU time have passed; returns messages per second.
func measure(_ body: () -> Int) -> Double {
    _ = body()  // warm up
    var count = 0
    let start = cpuSeconds()
    var elapsed = 0.0
    repeat {
        count += body()
        elapsed = cpuSeconds() - start
    } while elapsed < seconds
    return Double(count) / elapsed
}

// The loops live in functions, over local values: top-level variables are globals, and each access to
// a global in the loop would add an exclusivity check that is no part of parsing or formatting.

/// Parses every wire once; returns a checksum of the results.
@inline(never)
func parseAll(_ wires: [String], with parser: WireParser) -> Int {
    var sum = 0
    for wire in wires {
        if let message = try? parser.parse(wire) { sum &+= message.isFallback ? 1 : 0 }
    }
    return sum
}

/// Builds every wire once from its fields; returns a checksum of the results.
@inline(never)
func formatAll(_ fields: [Fields]) -> Int {
    var sum = 0
    for i in fields.indices {
        sum &+=
            SlipMessage.v3(
                src: fields[i].src, dst: fields[i].dst, force: fields[i].force, object: fields[i].object,
                payload: fields[i].payload
            ).wire.utf8.count
    }
    return sum
}

/// Builds every wire once from its fields, checking them as slipcore's `format_slip` does.
@inline(never)
func formatValidatedAll(_ fields: [Fields]) -> Int {
    var sum = 0
    for i in fields.indices {
        if let message = try? SlipMessage.validatedV3(
            src: fields[i].src, dst: fields[i].dst, force: fields[i].force, object: fields[i].object,
            payload: fields[i].payload)
        {
            sum &+= message.wire.utf8.count
        }
    }
    return sum
}

/// Only reads the length of every field, as any formatter must: what taking the fields as strings
/// costs before anything is written.
@inline(never)
func readFieldsAll(_ fields: [Fields]) -> Int {
    var sum = 0
    for i in fields.indices {
        sum &+= fields[i].src.utf8.count &+ fields[i].dst.utf8.count &+ fields[i].object.utf8.count
        for item in fields[i].payload { sum &+= item.utf8.count }
    }
    return sum
}

/// Only makes a new `String` of each wire's bytes, as any formatter that returns the wire as a `String`
/// must: an allocation and the UTF-8 check, with no field read.
@inline(never)
func makeWiresAll(_ bytes: [[UInt8]]) -> Int {
    var sum = 0
    for wire in bytes { sum &+= String(decoding: wire, as: UTF8.self).utf8.count }
    return sum
}

func run() {
    let parser = WireParser()
    let fields = wires.map { wire -> Fields in
        let m = try! parser.parse(wire)
        return Fields(src: m.src, dst: m.dst, force: m.force, object: m.object, payload: (m.fallbackRef.map { [$0] } ?? []) + m.payload)
    }
    var sink = 0
    let parseRate = measure {
        sink &+= parseAll(wires, with: parser)
        return wires.count
    }
    let formatRate = measure {
        sink &+= formatAll(fields)
        return fields.count
    }
    let validatedRate = measure {
        sink &+= formatValidatedAll(fields)
        return fields.count
    }
    let readRate = measure {
        sink &+= readFieldsAll(fields)
        return fields.count
    }
    let bytes = wires.map { Array($0.utf8) }
    let makeRate = measure {
        sink &+= makeWiresAll(bytes)
        return bytes.count
    }
    print(
        #"{"messages": \#(wires.count), "parsePerSecond": \#(Int(parseRate)), "formatPerSecond": \#(Int(formatRate)), "#
            + #""formatValidatedPerSecond": \#(Int(validatedRate)), "readFieldsPerSecond": \#(Int(readRate)), "#
            + #""makeWirePerSecond": \#(Int(makeRate)), "#
            + #""sink": \#(sink % 10)}"#)
}
run()
