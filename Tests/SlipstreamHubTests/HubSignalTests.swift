import SlipstreamHub
import Testing

@Suite struct HubSignalTests {
    @Test func aNotifyWakesEveryWaiter() async throws {
        let signal = HubSignal()
        let seen = signal.generation
        async let first: Void = signal.wait(after: seen, timeout: .seconds(3600))
        async let second: Void = signal.wait(after: seen, timeout: .seconds(3600))
        // Whether or not they are waiting yet, the generation moved past the one they saw.
        signal.notify()
        _ = await (first, second)
        #expect(signal.generation == seen + 1)
    }

    @Test func aWaitOnAnOldGenerationReturnsAtOnceAndACancelledWaitReturns() async throws {
        let signal = HubSignal()
        let old = signal.generation
        signal.notify()
        await signal.wait(after: old, timeout: .seconds(3600))

        let waiting = Task { await signal.wait(after: signal.generation, timeout: .seconds(3600)) }
        waiting.cancel()
        await waiting.value
    }
}
