/// The version of GoTomKit: the one place it is written down.
///
/// `gotom --version` prints it, and the SDK sends it in the `User-Agent` of every request, so goTom's logs show
/// which release made a call. `Scripts/release.sh` names its artefacts after it; bump it together with a new
/// section in CHANGELOG.md.
public enum GoTomKitVersion {
    /// The release number, following semantic versioning.
    public static let version = "0.1.0"

    /// The `User-Agent` header value the SDK sends: `GoTomKit/<version>`.
    public static let userAgent = "GoTomKit/\(version)"
}
