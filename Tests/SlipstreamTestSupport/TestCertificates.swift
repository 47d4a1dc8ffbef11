import Foundation

/// Throwaway TLS certificates for `localhost` and `127.0.0.1`, made by the `openssl` command in a
/// temporary folder (ECDSA P-256, valid for two days): a CA with a server certificate and a client
/// certificate it signed, and a self-signed server certificate. Every file is PEM; ``remove()`` deletes them.
public struct TestCertificates: Sendable {
    /// The folder that holds the files.
    public let directory: URL

    /// The CA's certificate: what a client trusts.
    public var caCertificate: String { path("ca.pem") }
    /// The CA's private key (it matches no server certificate).
    public var caKey: String { path("ca-key.pem") }
    /// The server's certificate, signed by the CA.
    public var serverCertificate: String { path("server.pem") }
    /// The server certificate's private key.
    public var serverKey: String { path("server-key.pem") }
    /// A client certificate signed by the CA, for mutual TLS.
    public var clientCertificate: String { path("client.pem") }
    /// The client certificate's private key.
    public var clientKey: String { path("client-key.pem") }
    /// A self-signed server certificate: a client trusts the certificate itself.
    public var selfSignedCertificate: String { path("self-signed.pem") }
    /// The self-signed certificate's private key.
    public var selfSignedKey: String { path("self-signed-key.pem") }

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("certificates-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let names = ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        let days = ["-days", "2"]
        try Self.openssl(["req", "-x509"] + key + days + ["-subj", "/CN=Slipstream test CA", "-keyout", caKey, "-out", caCertificate])
        let request = path("server.csr")
        try Self.openssl(["req", "-new"] + key + names + ["-subj", "/CN=localhost", "-keyout", serverKey, "-out", request])
        try Self.openssl(
            ["x509", "-req", "-in", request, "-CA", caCertificate, "-CAkey", caKey, "-set_serial", "2", "-copy_extensions", "copy"]
                + days + ["-out", serverCertificate])
        try Self.openssl(
            ["req", "-x509"] + key + days + names + ["-subj", "/CN=localhost", "-keyout", selfSignedKey, "-out", selfSignedCertificate])
        let clientRequest = path("client.csr")
        try Self.openssl(
            ["req", "-new"] + key + [
                "-addext", "extendedKeyUsage=clientAuth", "-subj", "/CN=agent alice", "-keyout", clientKey, "-out", clientRequest,
            ])
        try Self.openssl(
            ["x509", "-req", "-in", clientRequest, "-CA", caCertificate, "-CAkey", caKey, "-set_serial", "3", "-copy_extensions", "copy"]
                + days + ["-out", clientCertificate])
    }

    /// A file in ``directory``.
    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    public func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `openssl` with `arguments`; its chatter on standard error is shown only when it fails.
    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Subprocess.Failure(
                description: "openssl \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): "
                    + String(decoding: message, as: UTF8.self))
        }
    }
}
