package spa

// FileUploadState says how a FileUploadCB call relates to the file it
// carries (enum lws_spa_fileupload_states). The values are C's.
type FileUploadState int

// The file upload states, with their C names and values.
const (
	UFSContent      FileUploadState = 0 // LWS_UFS_CONTENT: a chunk of the file, more to come
	UFSFinalContent FileUploadState = 1 // LWS_UFS_FINAL_CONTENT: the last chunk, possibly empty
	UFSOpen         FileUploadState = 2 // LWS_UFS_OPEN: a file starts; no data
	UFSClose        FileUploadState = 3 // LWS_UFS_CLOSE: the parser is going away; no data
)

// String returns the C name of the state.
func (st FileUploadState) String() string {
	switch st {
	case UFSContent:
		return "LWS_UFS_CONTENT"
	case UFSFinalContent:
		return "LWS_UFS_FINAL_CONTENT"
	case UFSOpen:
		return "LWS_UFS_OPEN"
	case UFSClose:
		return "LWS_UFS_CLOSE"
	}
	return "LWS_UFS_?"
}

// FileUploadCB receives the files of a multipart form (lws_spa_fileupload_cb).
//
// data is the OptData given at creation. name is the form field, filename
// the file's name as the client sent it: neither is to be trusted (purify
// filename before using it as a path). buf holds n bytes of the file for
// UFSContent and UFSFinalContent; it belongs to the Spa and is only valid
// during the call, so copy what must outlive it. For UFSOpen and UFSClose
// buf is nil and n is 0.
//
// Each file gets UFSOpen, then any number of UFSContent, then one
// UFSFinalContent; a body that ends inside a file leaves that file without
// its UFSFinalContent. UFSClose comes once per Spa, from Finalize or, if
// Finalize was never called, Destroy, whether or not there was a file,
// with the name and filename of the part in progress ("" after a complete
// form). It is the place to release what UFSOpen acquired and did not get
// to release at UFSFinalContent.
//
// A negative return fails the Process call (or Finalize) that made the
// call; zero and positive returns are success, as in lws. The callback
// must not call Process, Finalize or Destroy on its own Spa.
type FileUploadCB func(data any, name, filename string, buf []byte, n int, state FileUploadState) int
