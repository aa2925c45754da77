package lws

// LibraryVersion names this library and its version
// (lws_get_library_version).
const LibraryVersion = "golws 0.1.0"
