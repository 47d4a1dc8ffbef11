import Foundation
import NIOSSL
import SlipstreamHub

extension HubClient {
    /// The certificate a client presents to a hub server that asks for one (`hub serve --client-ca`): PEM
    /// files of the certificate (then any intermediate ones) and of its unencrypted private key.
    public struct ClientCertificate: Sendable, Hashable {
        public var certificateFile: String
        public var keyFile: String

        public init(certificateFile: String, keyFile: String) {
            self.certificateFile = certificateFile
            self.keyFile = keyFile
        }
    }

    /// The TLS setting of an `https://` client: TLS 1.2 or later, trusting the system's CA certificates, or
    /// only the PEM certificates in `caCertificateFile`, and presenting `clientCertificate` if any.
    static func tlsConfiguration(
        trusting caCertificateFile: String?, presenting clientCertificate: ClientCertificate?
    ) throws(HubError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caCertificateFile {
            configuration.trustRoots = .certificates(try certificates(in: caCertificateFile, "CA certificate"))
        }
        if let clientCertificate {
            let chain = try certificates(in: clientCertificate.certificateFile, "client certificate")
            let keyBytes = try bytes(of: clientCertificate.keyFile, "client key")
            let key: NIOSSLPrivateKey
            do {
                key = try NIOSSLPrivateKey(bytes: keyBytes, format: .pem)
            } catch {
                throw HubError(
                    .tlsConfiguration, "the client key file \(clientCertificate.keyFile) holds no unencrypted PEM private key",
                    underlying: error)
            }
            configuration.certificateChain = chain.map { .certificate($0) }
            configuration.privateKey = .privateKey(key)
        }
        return configuration
    }

    /// The PEM certificates in the file at `path`, `what` naming it in the error.
    private static func certificates(in path: String, _ what: String) throws(HubError) -> [NIOSSLCertificate] {
        let bytes = try bytes(of: path, what)
        let certificates = (try? NIOSSLCertificate.fromPEMBytes(bytes)) ?? []
        guard !certificates.isEmpty else { throw HubError(.tlsConfiguration, "the \(what) file \(path) holds no PEM certificate") }
        return certificates
    }

    /// The bytes of the file at `path`, `what` naming it in the error.
    private static func bytes(of path: String, _ what: String) throws(HubError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw HubError(.tlsConfiguration, "cannot read the \(what) file \(path): \(error.localizedDescription)")
        }
    }
}
