/// A run-time failure a command reports as `Error: <description>` with exit status 1 (ArgumentParser's
/// `ValidationError` is for wrong arguments, and prints the usage too).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
