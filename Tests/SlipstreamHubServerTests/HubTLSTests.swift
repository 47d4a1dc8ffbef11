import Foundation
import SlipstreamHub
import SlipstreamHubClient
import SlipstreamHubServer
import SlipstreamTestSupport
import Testing

/// HTTPS hub servers with throwaway certificates (made by `openssl`), talked to through ``HubClient``.
@Suite struct HubTLSTests {
    static func tls(_ certificates: TestCertificates) throws -> HubServerConfiguration.TLS {
        try HubServerConfiguration.TLS(certificateChainFile: certificates.serverCertificate, privateKeyFile: certificates.serverKey)
    }

    @Test func aClientTrustingThePrivateCASendsReceivesAndAcknowledgesOverHTTPS() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let configuration = HubServerConfiguration(port: 0, token: "s3cret", tls: try Self.tls(certificates))
        try await HubClientTests.withServer(store: InMemoryHubStore(), configuration: configuration) { url in
            #expect(url.hasPrefix("https://127.0.0.1:"))
            let hub = try HubClient(url: url, token: "s3cret", caCertificateFile: certificates.caCertificate, timeout: .seconds(600))
            #expect(await hub.isHealthy())
            try await hub.join(group: "team", agent: "bob")
            let receipt = try await hub.send("SLIP v1 alice team RequestReview auth_module")
            #expect(receipt.recipients == ["bob"])
            let messages = try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .seconds(5))
            #expect(messages.map(\.wire) == ["SLIP v1 alice team RequestReview auth_module"])
            #expect(try await hub.acknowledge(agent: "bob", through: receipt.id) == receipt.id)
            #expect(try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .zero).isEmpty)

            // The token is still needed over TLS.
            let stranger = try HubClient(url: url, caCertificateFile: certificates.caCertificate, timeout: .seconds(600))
            let unauthorized = try await #require(throws: HubError.self) { try await stranger.members(of: "team") }
            #expect(unauthorized.code == .unauthorized)
        }
    }

    @Test func aClientTrustingASelfSignedCertificateReachesItsServer() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let tls = try HubServerConfiguration.TLS(
            certificateChainFile: certificates.selfSignedCertificate, privateKeyFile: certificates.selfSignedKey)
        try await HubClientTests.withServer(store: InMemoryHubStore(), configuration: HubServerConfiguration(port: 0, tls: tls)) { url in
            let hub = try HubClient(url: url, caCertificateFile: certificates.selfSignedCertificate, timeout: .seconds(600))
            let receipt = try await hub.send("SLIP v3 alice bob Inform Complete")
            #expect(try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .zero).map(\.id) == [receipt.id])
        }
    }

    /// Mutual TLS: a server with a client CA serves a client presenting a certificate the CA signed, and
    /// refuses the handshake of one presenting none or another one, which gets a transport error saying so.
    @Test func aServerWithAClientCAServesOnlyClientsWithACertificateItSigned() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let tls = try HubServerConfiguration.TLS(
            certificateChainFile: certificates.serverCertificate, privateKeyFile: certificates.serverKey,
            clientCertificateAuthorityFile: certificates.caCertificate)
        try await HubClientTests.withServer(store: InMemoryHubStore(), configuration: HubServerConfiguration(port: 0, tls: tls)) { url in
            let alice = HubClient.ClientCertificate(certificateFile: certificates.clientCertificate, keyFile: certificates.clientKey)
            let hub = try HubClient(
                url: url, caCertificateFile: certificates.caCertificate, clientCertificate: alice, timeout: .seconds(600))
            let receipt = try await hub.send("SLIP v1 alice bob MetaAck")
            #expect(try await hub.receive(agent: "bob", after: 0, limit: nil, wait: .zero).map(\.id) == [receipt.id])

            let other = HubClient.ClientCertificate(
                certificateFile: certificates.selfSignedCertificate, keyFile: certificates.selfSignedKey)
            for clientCertificate in [nil, other] {
                let stranger = try HubClient(
                    url: url, caCertificateFile: certificates.caCertificate, clientCertificate: clientCertificate, timeout: .seconds(600))
                let error = try await #require(throws: HubError.self) { try await stranger.send("SLIP v1 alice bob MetaAck") }
                #expect(error.code == .transport && error.message.contains("client certificate"), "\(error)")
            }
        }
    }

    /// The system's CA certificates, or a file of other ones, do not vouch for the test CA's server.
    @Test func aClientThatDoesNotTrustTheCertificateGetsATransportErrorSayingSo() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let configuration = HubServerConfiguration(port: 0, tls: try Self.tls(certificates))
        try await HubClientTests.withServer(store: InMemoryHubStore(), configuration: configuration) { url in
            for caCertificateFile in [nil, certificates.selfSignedCertificate] {
                let hub = try HubClient(url: url, caCertificateFile: caCertificateFile, timeout: .seconds(600))
                let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob MetaAck") }
                #expect(error.code == .transport, "\(error)")
                #expect(error.message.contains("\(url)/v1/messages") && error.message.contains("certificate is not trusted"), "\(error)")
            }
            // Plain HTTP to an HTTPS server is a transport error too.
            let plain = try HubClient(url: url.replacingOccurrences(of: "https://", with: "http://"), timeout: .seconds(600))
            let error = try await #require(throws: HubError.self) { try await plain.send("SLIP v1 alice bob MetaAck") }
            #expect(error.code == .transport, "\(error)")
        }
    }

    /// The CA's own certificate names no host: a client trusting it still refuses it as a server's.
    @Test func aCertificateThatDoesNotNameTheHostIsNotTrusted() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let tls = try HubServerConfiguration.TLS(certificateChainFile: certificates.caCertificate, privateKeyFile: certificates.caKey)
        try await HubClientTests.withServer(store: InMemoryHubStore(), configuration: HubServerConfiguration(port: 0, tls: tls)) { url in
            let hub = try HubClient(url: url, caCertificateFile: certificates.caCertificate, timeout: .seconds(600))
            let error = try await #require(throws: HubError.self) { try await hub.members(of: "team") }
            #expect(error.code == .transport, "\(error)")
            #expect(error.message.contains("certificate is not trusted (it does not name this host)"), "\(error)")
        }
    }

    @Test func missingUnreadableOrMismatchedServerFilesAreTLSConfigurationErrorsNamingTheFile() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let missing = certificates.path("missing.pem")
        let notPEM = certificates.path("not.pem")
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: notPEM))
        let certificate = certificates.serverCertificate
        let key = certificates.serverKey
        let cases: [(certificate: String, key: String, named: String, says: String)] = [
            (missing, key, missing, "cannot read the TLS certificate chain file"),
            (notPEM, key, notPEM, "holds no PEM certificate"),
            (key, key, key, "holds no PEM certificate"),
            (certificate, missing, missing, "cannot read the TLS private key file"),
            (certificate, notPEM, notPEM, "holds no unencrypted PEM private key"),
            (certificate, certificates.caKey, certificates.caKey, "does not match the first certificate in \(certificate)"),
        ]
        for (certificate, key, named, says) in cases {
            let error = try #require(throws: HubError.self) {
                try HubServerConfiguration.TLS(certificateChainFile: certificate, privateKeyFile: key)
            }
            #expect(error.code == .tlsConfiguration, "\(error)")
            #expect(error.message.contains(named) && error.message.contains(says), "\(error)")
        }
    }

    @Test func aMissingOrNonPEMCAFileIsATLSConfigurationErrorNamingIt() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        for file in [certificates.path("missing.pem"), certificates.caKey] {
            let error = try #require(throws: HubError.self) { try HubClient(url: "https://127.0.0.1:7600", caCertificateFile: file) }
            #expect(error.code == .tlsConfiguration && error.message.contains(file), "\(error)")
        }
        let plain = try #require(throws: HubError.self) {
            try HubClient(url: "http://127.0.0.1:7600", caCertificateFile: certificates.caCertificate)
        }
        #expect(plain.code == .invalidRequest && plain.message.contains("https://"), "\(plain)")
    }

    @Test(
        arguments: [
            ("127.0.0.1", "s3cret", false), ("127.1.2.3", "s3cret", false), ("localhost", "s3cret", false), ("::1", "s3cret", false),
            ("0.0.0.0", "s3cret", true), ("192.168.1.5", "s3cret", true), ("hub.internal", "s3cret", true), ("::", "s3cret", true),
            ("0.0.0.0", nil, false),
        ] as [(String, String?, Bool)])
    func aTokenIsExposedInClearTextOnlyOverPlainHTTPOffLoopback(_ host: String, _ token: String?, _ exposed: Bool) {
        #expect(HubServerConfiguration(host: host, token: token).exposesTokenInClearText == exposed)
    }

    @Test func withTLSATokenIsNotExposedOnAnyAddress() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let configuration = HubServerConfiguration(host: "0.0.0.0", token: "s3cret", tls: try Self.tls(certificates))
        #expect(!configuration.exposesTokenInClearText)
        #expect(configuration.scheme == "https")
    }
}
