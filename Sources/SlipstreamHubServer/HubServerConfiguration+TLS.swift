import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import SlipstreamHub

extension HubServerConfiguration {
    /// HTTPS for a hub server: its certificate chain and private key, from PEM files.
    ///
    /// The files are read, and the key checked against the certificate, when the value is made, so a server
    /// never starts with a TLS setting it cannot use. The server speaks TLS 1.2 or later.
    ///
    /// ```swift
    /// let tls = try HubServerConfiguration.TLS(certificateChainFile: "hub.pem", privateKeyFile: "hub-key.pem")
    /// let app = buildHubApplication(configuration: HubServerConfiguration(host: "0.0.0.0", token: "s3cret", tls: tls), store: store)
    /// ```
    public struct TLS: Sendable {
        /// The PEM file of the server's certificate, then any intermediate certificates.
        public let certificateChainFile: String
        /// The PEM file of the certificate's private key (unencrypted).
        public let privateKeyFile: String
        /// The PEM file of the CA certificates that sign the clients' certificates: with it, a client must
        /// present a certificate one of them signed (mutual TLS).
        public let clientCertificateAuthorityFile: String?
        /// What the server's TLS handler is made from.
        let configuration: TLSConfiguration

        /// Reads the certificate chain and the private key (and the client CA certificates, for mutual TLS); a
        /// ``HubError/Code/tlsConfiguration`` error names the file that is missing, unreadable or not PEM, or
        /// says that the key does not match the certificate.
        public init(
            certificateChainFile: String, privateKeyFile: String, clientCertificateAuthorityFile: String? = nil
        ) throws(HubError) {
            let chainBytes = try Self.read(certificateChainFile, "TLS certificate chain")
            let keyBytes = try Self.read(privateKeyFile, "TLS private key")
            let chain = try Self.certificates(chainBytes, of: certificateChainFile, "TLS certificate chain")
            let key: NIOSSLPrivateKey
            do {
                key = try NIOSSLPrivateKey(bytes: keyBytes, format: .pem)
            } catch {
                throw HubError(
                    .tlsConfiguration, "the TLS private key file \(privateKeyFile) holds no unencrypted PEM private key", underlying: error)
            }
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            if let clientCertificateAuthorityFile {
                let what = "client CA certificate"
                let authorities = try Self.certificates(
                    try Self.read(clientCertificateAuthorityFile, what), of: clientCertificateAuthorityFile, what)
                // A server that verifies asks for the client's certificate and refuses a handshake without one.
                configuration.trustRoots = .certificates(authorities)
                configuration.certificateVerification = .noHostnameVerification
            }
            do {
                _ = try NIOSSLContext(configuration: configuration)
            } catch {
                throw HubError(
                    .tlsConfiguration,
                    "the TLS private key in \(privateKeyFile) does not match the first certificate in \(certificateChainFile)",
                    underlying: error)
            }
            self.certificateChainFile = certificateChainFile
            self.privateKeyFile = privateKeyFile
            self.clientCertificateAuthorityFile = clientCertificateAuthorityFile
            self.configuration = configuration
        }

        /// HTTP/1.1 over TLS with this certificate and key: the `server` of a Hummingbird `Application` (the
        /// hub's, or the MCP server's over HTTP).
        public var http1Server: HTTPServerBuilder {
            // The setting was checked when it was made (init).
            HTTPServerBuilder { [configuration] responder in
                try TLSChannel(HTTP1Channel(responder: responder), tlsConfiguration: configuration)
            }
        }

        /// The PEM certificates in `bytes`, read from the file at `path`; none is an error, `what` naming the file.
        private static func certificates(_ bytes: [UInt8], of path: String, _ what: String) throws(HubError) -> [NIOSSLCertificate] {
            let certificates = (try? NIOSSLCertificate.fromPEMBytes(bytes)) ?? []
            guard !certificates.isEmpty else { throw HubError(.tlsConfiguration, "the \(what) file \(path) holds no PEM certificate") }
            return certificates
        }

        /// The bytes of the file at `path`, `what` naming it in the error.
        private static func read(_ path: String, _ what: String) throws(HubError) -> [UInt8] {
            do {
                return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw HubError(.tlsConfiguration, "cannot read the \(what) file \(path): \(error.localizedDescription)")
            }
        }
    }
}
