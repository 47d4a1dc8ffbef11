/// Engines by name: `local` (default) and `keyword` are built in; other targets register their own.
///
/// ```swift
/// var registry = QuantizerRegistry.standard
/// registry.register("llm") { options in try LLMQuantizer(options) }
/// let quantizer = try registry.make("local", options: .init())
/// ```
public struct QuantizerRegistry: Sendable {
    /// What an engine factory gets from the caller (CLI flags, library settings).
    public struct Options: Sendable, Hashable {
        /// A model file to load instead of the shipped one.
        public var modelPath: String?
        /// The Fallback threshold to use instead of the engine's default.
        public var threshold: Double?
        /// Free-form settings for engines that need more (server URL, model name…).
        public var settings: [String: String]

        public init(modelPath: String? = nil, threshold: Double? = nil, settings: [String: String] = [:]) {
            self.modelPath = modelPath
            self.threshold = threshold
            self.settings = settings
        }
    }

    /// Builds an engine.
    public typealias Factory = @Sendable (Options) throws -> any Quantizer

    private var factories: [String: Factory] = [:]

    public init() {}

    /// The default engine's name.
    public static let defaultEngine = "local"

    /// `local` and `keyword`.
    public static var standard: QuantizerRegistry {
        var registry = QuantizerRegistry()
        registry.register("local") { options in
            if let path = options.modelPath {
                return LocalQuantizer(model: try LocalModel(contentsOf: path), threshold: options.threshold)
            }
            return try LocalQuantizer.shipped(threshold: options.threshold)
        }
        registry.register("keyword") { options in KeywordQuantizer(threshold: options.threshold ?? 0.2) }
        return registry
    }

    /// Adds or replaces an engine.
    public mutating func register(_ name: String, factory: @escaping Factory) {
        factories[name] = factory
    }

    /// The registered names, sorted.
    public var names: [String] { factories.keys.sorted() }

    /// Builds the engine called `name`.
    public func make(_ name: String, options: Options = Options()) throws -> any Quantizer {
        guard let factory = factories[name] else {
            throw QuantizerError(
                .unknownEngine, "no engine named \(name.debugDescription); known: \(names.joined(separator: ", "))")
        }
        return try factory(options)
    }
}
