import HelioGrid
import HummingbirdTLS

/// The server's TLS configuration from PEM files (`serve --tls-cert/--tls-key`), through SwiftNIO
/// SSL: the certificate chain (the server's certificate first, then intermediates) and its private
/// key. TLS 1.2 and 1.3 with NIO SSL's default cipher suites.
public enum TLSFiles {
    /// The configuration for `certificate` and `key`; an error naming the file that cannot be read.
    public static func configuration(certificate: String, key: String) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw HelioError(.usage, "not a PEM certificate chain: \(error)", file: certificate)
        }
        guard !chain.isEmpty else { throw HelioError(.usage, "holds no PEM certificate", file: certificate) }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw HelioError(.usage, "not a PEM private key: \(error)", file: key)
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    }
}
