import GoTomAPI

/// The profiles file: the SDK's ``ProfileFile``, which `gotom config` edits and every command reads.
package typealias ConfigFile = ProfileFile
