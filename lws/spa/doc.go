// Package spa is libwebsockets' lws_spa_* ("stateful POST arguments") in
// Go: it parses the body of an HTTP POST form as its pieces arrive, and
// keeps the values of the fields it was asked for; the files of a
// multipart form go to a callback, piece by piece.
//
// # Why
//
// lws delivers a request body in LWS_CALLBACK_HTTP_BODY pieces of any size,
// on the service goroutine, and a protocol handler must not block there
// waiting for the rest. An Spa takes each piece as it comes, keeps nothing
// but the state between two pieces and the values asked for (bounded by
// MaxStorage), and streams files through, so an upload of any size costs a
// fixed amount of memory. Both form encodings go through the same calls.
//
// # Names
//
//	lws_spa_create           Create
//	lws_spa_create_via_info  CreateViaInfo (lws_spa_create_info_t: CreateInfo)
//	lws_spa_process          (*Spa).Process
//	lws_spa_finalize         (*Spa).Finalize
//	lws_spa_get_length       (*Spa).GetLength
//	lws_spa_get_string       (*Spa).GetString, and (*Spa).Lookup for C's NULL test
//	lws_spa_destroy          (*Spa).Destroy
//	lws_spa_fileupload_cb    FileUploadCB
//	LWS_UFS_CONTENT ...      UFSContent, UFSFinalContent, UFSOpen, UFSClose (C's values)
//
// The C spellings (Lws_spa_*, LWS_UFS_*) are in package lwsc
// (include-like/).
//
// # Use
//
// As in lws's minimal-http-server-form-post:
//
//	case lws.CallbackHTTPBody:
//		if pss.spa == nil {
//			pss.spa = spa.Create(wsi, paramNames, 1024, nil, nil)
//			if pss.spa == nil {
//				return -1
//			}
//		}
//		if pss.spa.Process(in.([]byte), n) != 0 {
//			return -1
//		}
//	case lws.CallbackHTTPBodyCompletion:
//		pss.spa.Finalize()
//		for i, name := range paramNames {
//			if v, ok := pss.spa.Lookup(i); ok {
//				lws.User("%s: (len %d) '%s'", name, len(v), v)
//			} else {
//				lws.User("%s: undefined", name)
//			}
//		}
//	case lws.CallbackHTTPDropProtocol:
//		pss.spa.Destroy()
//		pss.spa = nil
//
// Create reads the request's Content-Type through wsi.Header, so it must
// run while the headers are there: in LWS_CALLBACK_HTTP or an HTTP_BODY.
//
// # What is parsed, and the limits (those of lws)
//
// The Content-Type picks the parser: multipart/form-data or
// multipart/related with a boundary is multipart; anything else, none
// included, is application/x-www-form-urlencoded.
//
// Urlencoded: name=value pairs joined by '&'; '+' is a space and %XX a
// byte (a bad escape fails). A name longer than 31 bytes fails.
//
// Multipart: parts between boundary lines, preamble and epilogue ignored.
// A part's Content-Disposition gives its name and filename. With a
// non-empty filename the part is a file: the file callback gets UFSOpen,
// the data in chunks (UFSContent), then UFSFinalContent with the last
// chunk, possibly empty, at the next boundary; the field name does not
// matter, and without a callback files are skipped. Any other part is a
// field. The form ends at the closing boundary ("--boundary--"). A part
// header line longer than 4096 bytes, or a second Content-Disposition in
// a part, fails.
//
// Fields: only the values of the fields named at creation are kept; the
// others are read and dropped, at any length. An empty value is never
// kept, so "absent" and "empty" are the same thing (lws returns NULL for
// both). A field that comes twice keeps its first value.
//
// Storage: the kept values share MaxStorage bytes (DefaultMaxStorage, 512,
// when 0). A value takes its length plus one (C's NUL), and one byte is
// never used: in form-post's 1024 bytes one field can hold 1022 bytes.
// The storage left, less one, is the "room". A kept value fails Process on
// the first byte that comes once the value has filled the room, or, if the
// body ends there, makes Finalize return -1; it is not kept. In a
// multipart body lws counts the bytes of a boundary it has begun to match
// as if they were in the room already, and stores the value early if only
// they make it full; golws does the same, so a value fails on the same
// byte as in lws.
//
// File chunks: a file's data goes through the room as a bounce buffer. A
// chunk is handed on when it and the bytes of a boundary begun fill the
// room, so chunks hold at most room bytes (one more in a rare case where a
// boundary lookalike is given back into a room smaller than the boundary).
// Chunk sizes depend on the body only, never on how it was cut into
// pieces. The chunk is only valid during the call. With no room left at
// all, body data (preamble included) that begins like a boundary fails
// the body, as in lws.
//
// UFSClose comes once per Spa, from Finalize, or Destroy if Finalize never
// ran, even after a failure and even with no file; it is where a callback
// releases what an unfinished file holds.
//
// # Why a hand-written push parser
//
// mime/multipart reads from an io.Reader: it pulls. Fed from Process it
// would need a goroutine and a pipe per request, it would report the
// outcome of a piece only when a later read reached it (an error found
// after Process returned), and it would hand files over in its own chunks
// rather than lws's. lws's contract is push: each Process call consumes
// its piece and has done everything that piece allows when it returns. So
// the boundary scanning is a byte-level state machine, as in lws (with a
// fast path for runs of data), and only the parts that fit a one-shot
// call use the standard library: mime.ParseMediaType for the request's
// Content-Type and each part's Content-Disposition, net/url for names.
//
// # DEVIATIONS
//
// Where lws (main, lib/roles/http/server/lws-spa.c) is wrong, golws does
// the right thing. Checked against that file built with AddressSanitizer:
//
//   - A urlencoded name with no '=' ("flag&x=1"): lws stores as the value
//     of flag as many bytes of its uninitialised buffer as the name is
//     long, then reads "x=1" as more of flag's value, losing x. golws
//     reads flag as a field without a value (absent) and x as x.
//   - A kept value past the storage: lws marks the field present before
//     checking, so the field reads as a string with no NUL (a read past
//     the storage; at Finalize this happens silently). golws leaves the
//     field absent.
//   - A field sent twice: lws's get_string gives the first value and
//     get_length the sum of all of them. golws gives the first value and
//     its length; every copy is charged to the storage, as in lws.
//   - lws checks a urlencoded name being read against the room too: once
//     the room is shorter than a name, it cuts the name and starts it
//     again, so the field is missed. golws reads names whole.
//   - Urlencoded names are decoded like values ('+', %XX); lws compares
//     them raw, so a field named "my field" (sent "my+field") never
//     matched.
//   - lws calls the file callback with empty UFSContent chunks when the
//     room is smaller than a header line, even before UFSOpen with half a
//     filename. golws never sends an empty UFSContent.
//   - Part headers: lws matches "content-disposition: " with exactly one
//     space, splits on ';' even inside quotes, toggles on every '"', cuts
//     a name at 31 bytes (so a longer name matches a field named by its
//     first 31 bytes) and a filename at 255. golws reads header lines
//     (name case-insensitive, spaces allowed), parses Content-Disposition
//     with mime.ParseMediaType (ignoring one that does not parse, as
//     mime/multipart does), compares whole names, and passes whole
//     filenames; a header line longer than 4096 bytes fails instead.
//   - lws ends the whole form at any "--" inside a header line it skips
//     (an unknown header, or junk after a boundary), ignoring the rest of
//     the body. golws ends it at the closing boundary only.
//   - A part with two Content-Disposition headers fails; lws merges them
//     and may announce the file twice.
//   - The media type is case-insensitive, as HTTP says; lws reads
//     "Multipart/Form-Data" as urlencoded (and fails on the boundary line).
//   - A multipart Content-Type without a boundary, or that does not parse,
//     fails Process; lws reads the whole body as a preamble and keeps
//     nothing, silently.
//   - After a lone CR in the preamble lws does not look at the next byte
//     again, so "\r\r\n--boundary" is missed; golws finds it.
//   - After a failure lws parses whatever it is fed next from the state
//     the failure left, and stores a value in progress at Finalize.
//     golws fails every later Process at once and keeps nothing more.
//   - lws_spa_finalize always returns 0. Finalize returns -1 when the body
//     was not wholly parsed (see Finalize).
//   - When the file callback fails UFSClose, lws returns before freeing
//     its parser (a leak); golws has nothing left to free.
//   - When the body ends inside a part's header line, lws gives UFSClose
//     the half-read name and filename; golws gives those of the header
//     lines it has read whole.
//   - At the closing boundary lws sets the connection's remaining content
//     length to 0, cutting the request body short. golws does not reach
//     into the connection: the epilogue is read and ignored.
//   - A nil or destroyed Spa, a length outside the buffer, and calls into
//     the Spa from its own file callback are undefined in C; here they
//     return -1 (0 for Finalize and Destroy on nil) with an ERR log.
package spa
