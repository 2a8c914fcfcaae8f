import GoTomAPI

/// The profiles file: the SDK's ``ProfileFile``, which `gotom config` edits and every command reads.
typealias ConfigFile = ProfileFile
