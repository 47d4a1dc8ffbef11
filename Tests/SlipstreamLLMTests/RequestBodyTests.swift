import AsyncHTTPClient
import SlipstreamCore
import Testing

@testable import SlipstreamLLM

/// What each backend puts on the wire, without a server.
@Suite struct RequestBodyTests {
    static let request = ChatRequest(
        messages: [ChatMessage(.system, "sys"), ChatMessage(.user, "hi")], temperature: 0, maxTokens: 64,
        constraint: .grammar("root ::= \"x\""))

    @Test func openAIBodyCarriesTheGrammarField() {
        let backend = OpenAIBackend(baseURL: "http://127.0.0.1:8080/v1/", model: "m", httpClient: .shared)
        #expect(backend.transport.baseURL == "http://127.0.0.1:8080")
        let body = backend.body(for: Self.request).compactText
        #expect(
            body
                == #"{"model":"m","messages":[{"role":"system","content":"sys"},{"role":"user","content":"hi"}],"temperature":0.0,"max_tokens":64,"stream":false,"grammar":"root ::= \"x\""}"#
        )
    }

    @Test func openAIBodyCarriesAJSONSchemaAsResponseFormat() {
        var request = Self.request
        request.constraint = .jsonSchema(.object([("type", .string("object"))]))
        let body = OpenAIBackend(baseURL: "http://h", model: "m", httpClient: .shared).body(for: request).compactText
        #expect(
            body.hasSuffix(
                #""response_format":{"type":"json_schema","json_schema":{"name":"tqt_record","strict":true,"schema":{"type":"object"}}}}"#))
    }

    @Test func ollamaBodyCarriesFormatAndOptions() throws {
        var request = Self.request
        request.constraint = .jsonSchema(.object([("type", .string("object"))]))
        let body = try OllamaBackend(baseURL: "http://h", model: "m", httpClient: .shared).body(for: request).compactText
        #expect(body.contains(#""stream":false,"format":{"type":"object"},"options":{"temperature":0.0,"num_predict":64}"#))
    }

    @Test func ollamaRefusesAGrammarBeforeAnythingIsSent() async {
        let backend = OllamaBackend(baseURL: "http://127.0.0.1:9", model: "m", httpClient: .shared)
        await #expect {
            _ = try await backend.complete(Self.request)
        } throws: { error in
            (error as? LLMError)?.code == .unsupported
        }
    }
}
