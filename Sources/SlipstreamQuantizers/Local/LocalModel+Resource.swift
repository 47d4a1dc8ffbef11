import Foundation

#if canImport(FoundationEssentials)
import FoundationEssentials
#endif

extension LocalModel {
    /// The file name of the model shipped in the package's resources.
    public static let shippedResourceName = "local-v1"
    /// Its extension.
    public static let shippedResourceExtension = "slpq"

    /// The model shipped with the package, loaded once per process.
    public static func shipped() throws(QuantizerError) -> LocalModel {
        try shippedCache.get()
    }

    private static let shippedCache: Result<LocalModel, QuantizerError> = {
        guard let url = Bundle.module.url(forResource: shippedResourceName, withExtension: shippedResourceExtension) else {
            return .failure(
                QuantizerError(
                    .missingResource, "the shipped model \(shippedResourceName).\(shippedResourceExtension) is not in the bundle"))
        }
        return Result { () throws(QuantizerError) in try LocalModel(contentsOf: url.path) }
    }()
}
