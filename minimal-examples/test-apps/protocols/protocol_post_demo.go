package protocols

import (
	"os"

	. "github.com/golws/golws/include-like"
)

// PostDemoName is the protocol's name, which the test server's /formtest
// mount names.
const PostDemoName = "protocol-post-demo"

// postDemoMaxStorage is the spa's storage for the kept values together:
// one value can be 1022 bytes long.
const postDemoMaxStorage = 1024

// paramNames are the form fields kept, in the order the page lists them.
var paramNames = [...]string{
	"text",
	"send",
	"file",
	"upload",
}

// countParams is C's LWS_ARRAY_SIZE(param_names).
const countParams = len(paramNames)

// pssPostDemo is C's per_session_data__post_demo, less the wsi C keeps
// only to name the upload's file after it.
type pssPostDemo struct {
	spa    *Lws_spa
	result [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	// filename is the upload's file on disk, "" when there is none.
	filename   string
	fileLength int64
	// fd is the upload's file while it is being written; nil is C's
	// LWS_INVALID_FILE, also before the first body chunk (see
	// DEVIATIONS).
	fd          *os.File
	completed   bool
	sentHeaders bool
	sentBody    bool

	// rejected: the spa refused the body and its NOTICE line is out.
	rejected bool
}

// ProtocolPostDemo is lws's "POST demo" plugin (plugins/protocol_post_demo):
// bound to a callback mount, it parses a POSTed form, urlencoded or
// multipart, with lws_spa and answers with a page listing the fields
// text, send, file and upload (values HTML-escaped and shown up to 250
// bytes, lengths in full) and the uploaded file's name on disk and length.
// The first 100000 bytes of an upload are written to a temporary file,
// which goes when the transaction ends or the connection closes. A body
// the spa refuses (a value past the 1024 bytes of storage, a bad escape, a
// malformed multipart body) closes the connection without an answer, as
// in C, with a NOTICE line. A request without a body gets no answer: the
// connection waits for its timeout, as in C.
//
// It follows lws main. Debian's lws 4.1.6 has the older plugin, which
// shows values raw (HTML injection) and whole, shows the client's file
// name, and writes every upload to one fixed /tmp/post-file that it never
// removes (and whose descriptor stays open when a client goes away
// mid-file).
//
// # DEVIATIONS
//
//   - C creates the upload's file as "/tmp/post-file-%p" of the wsi, with
//     O_CREAT|O_TRUNC and no O_EXCL: it follows a symlink another local
//     user planted there, and truncates the upload of another server whose
//     wsi sat at the same address. The port creates it with os.CreateTemp
//     in os.TempDir() (exclusively, with a random suffix): the page shows
//     "$TMPDIR/post-file-<digits>" where C shows "/tmp/post-file-0x...".
//   - C's session data starts zeroed, so before the first body chunk its fd
//     is 0, not LWS_INVALID_FILE, and HTTP_DROP_PROTOCOL closes fd 0: a GET
//     to the mount (lws main binds a non-POST twice) closes the server's
//     stdin, and the next connection given fd 0 is closed under itself. In
//     the port no file is open until one is created.
//   - A second file in one form: C opens its same name again, losing the
//     descriptor of the first if that one went past 100000 bytes (it is
//     closed only at its end, which returns early then). The port closes
//     and removes the first file before creating the next.
//   - NOTICE lines C does not have: when the spa refuses the body, when it
//     could not parse the body to its end (a value past the storage at the
//     very end, a multipart body without its closing boundary), and when
//     the connection ends before the body did.
var ProtocolPostDemo = Lws_protocols{
	Name:           PostDemoName,
	Callback:       callbackPostDemo,
	PerSessionData: func() any { return new(pssPostDemo) },
	RxBufferSize:   1024,
}

func callbackPostDemo(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	pss, _ := user.(*pssPostDemo)

	switch reason {
	case LWS_CALLBACK_HTTP_BODY:
		// The form's parser comes with the first piece of the body.
		if pss.spa == nil {
			pss.spa = Lws_spa_create(wsi, paramNames[:], countParams,
				postDemoMaxStorage, fileUploadCB, pss)
			if pss.spa == nil {
				return -1
			}
			pss.filename = ""
			pss.fileLength = 0
			pss.fd = nil
		}
		// An explicitly empty body comes as a nil in.
		body, _ := in.([]byte)
		if Lws_spa_process(pss.spa, body, len) != 0 {
			pss.rejected = true
			Lwsl_notice("%s: %s: the form's body does not parse, closing",
				PostDemoName, Lws_get_peer_simple(wsi, nil))
			return -1
		}

	case LWS_CALLBACK_HTTP_BODY_COMPLETION:
		Lwsl_debug("LWS_CALLBACK_HTTP_BODY_COMPLETION: %p", wsi)
		// No more body: what the spa holds is final. C answers whatever
		// the spa says; so does the port, after saying why the page may
		// miss a value.
		if Lws_spa_finalize(pss.spa) != 0 {
			Lwsl_notice("%s: %s: the form's body ended unparsed; answering with what it holds",
				PostDemoName, Lws_get_peer_simple(wsi, nil))
		}
		pss.completed = true
		Lws_callback_on_writable(wsi)

	case LWS_CALLBACK_HTTP_WRITEABLE:
		if !pss.completed {
			break
		}
		return pss.writeResult(wsi)

	case LWS_CALLBACK_HTTP_DROP_PROTOCOL:
		// The session data goes: so do the parser and the upload.
		cutShort := pss.spa != nil && !pss.completed && !pss.rejected
		if pss.spa != nil {
			Lws_spa_destroy(pss.spa)
			pss.spa = nil
		}
		pss.dropFile()
		// Said once the upload is gone, so that the line means it is.
		if cutShort {
			Lwsl_notice("%s: %s: the connection ended before the form's body did",
				PostDemoName, Lws_get_peer_simple(wsi, nil))
		}
	}

	return 0
}

// writeResult answers, one piece per WRITEABLE: the head, then the page,
// then the transaction ends. The page is formatted again for the second
// piece because the head was built over it, as in C.
func (pss *pssPostDemo) writeResult(wsi *Lws) int {
	start := Lws_ptr_to(pss.result[:], LWS_PRE)
	p := start
	end := Lws_ptr_to(pss.result[:], len(pss.result)-1)

	if !pss.sentHeaders {
		n := pss.formatResult()

		if Lws_add_http_header_status(wsi, HTTP_STATUS_OK, &p, end) != 0 {
			return 1
		}
		if Lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_CONTENT_TYPE,
			"text/html", 9, &p, end) != 0 {
			return 1
		}
		if Lws_add_http_header_content_length(wsi, Lws_filepos_t(n), &p, end) != 0 {
			return 1
		}
		if Lws_finalize_http_header(wsi, &p, end) != 0 {
			return 1
		}
		if Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start), LWS_WRITE_HTTP_HEADERS) < 0 {
			return 1
		}
		pss.sentHeaders = true
		Lws_callback_on_writable(wsi)
		return 0
	}

	if !pss.sentBody {
		n := pss.formatResult()
		n = Lws_write(wsi, start, n, LWS_WRITE_HTTP_FINAL)
		pss.sentBody = true
		if n < 0 {
			return 1
		}
		if Lws_http_transaction_completed(wsi) != 0 {
			return -1
		}
	}
	return 0
}
