import Foundation
import NIOSSL
import SlipstreamHub

extension HubClient {
    /// The TLS setting of an `https://` client: TLS 1.2 or later, trusting the system's CA certificates, or
    /// only the PEM certificates in `caCertificateFile`.
    static func tlsConfiguration(trusting caCertificateFile: String?) throws(HubError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        guard let caCertificateFile else { return configuration }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: caCertificateFile))
        } catch {
            throw HubError(.tlsConfiguration, "cannot read the CA certificate file \(caCertificateFile): \(error.localizedDescription)")
        }
        let roots = (try? NIOSSLCertificate.fromPEMBytes(Array(bytes))) ?? []
        guard !roots.isEmpty else {
            throw HubError(.tlsConfiguration, "the CA certificate file \(caCertificateFile) holds no PEM certificate")
        }
        configuration.trustRoots = .certificates(roots)
        return configuration
    }
}
