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

    /// What a request's error says about TLS, to follow "cannot GET <url>"; nil when it is not a TLS error.
    static func tlsFailure(_ error: any Error) -> String? {
        switch error {
        case let error as NIOSSLError:
            if case .handshakeFailed(let reason) = error, "\(reason)".contains("CERTIFICATE_VERIFY_FAILED") {
                return
                    ": the server's TLS certificate is not trusted (trust the hub's CA or self-signed certificate with a CA certificate file, --ca-cert)"
            }
            return ": the TLS handshake failed"
        case let error as NIOSSLExtraError:
            if error == .failedToValidateHostname { return ": the server's TLS certificate is not trusted (it does not name this host)" }
            return ": the TLS handshake failed"
        default:
            return nil
        }
    }
}
