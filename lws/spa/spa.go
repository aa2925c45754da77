package spa

import "github.com/golws/golws/lws"

// DefaultMaxStorage is the storage a Spa gets when CreateInfo.MaxStorage
// is 0, as in lws.
const DefaultMaxStorage = 512

// CreateInfo says what to parse (lws_spa_create_info_t). Fields are C's,
// capitalised.
//
// Three C fields have no counterpart. param_names_stride let C walk an
// array of structs whose first member is the name; a Go caller builds the
// []string instead. ac and ac_chunk_size made lws allocate from an lwsac
// arena that the caller freed: golws allocates from the Go heap, and what
// Destroy releases the garbage collector frees. The lwsac path of lws also
// behaved differently (no MaxStorage total, NULL names filled in with the
// names that arrive); golws always behaves as lws does without an lwsac.
type CreateInfo struct {
	// ParamNames are the names of the form fields to keep. A value is read
	// back by its ordinal in this list. An empty name matches nothing.
	ParamNames []string
	// CountParams is how many of ParamNames are used, as count_params: 0
	// means none. More than len(ParamNames) makes creation fail.
	CountParams int
	// MaxStorage is the storage, in bytes, for all kept values together:
	// each value takes its length plus one (C's NUL), and one byte stays
	// unused. It also bounds the chunks a file is delivered in. 0 means
	// DefaultMaxStorage (512); negative makes creation fail.
	MaxStorage int
	// OptCB, when not nil, receives the files of a multipart form. Without
	// it, files are skipped.
	OptCB FileUploadCB
	// OptData is handed to OptCB as its data.
	OptData any
}

// Spa is a stateful POST argument parser (struct lws_spa). It is not safe
// for concurrent use; lws code drives it from the callbacks of one wsi,
// all on the service goroutine.
type Spa struct {
	names      []string
	maxStorage int
	cb         FileUploadCB
	cbData     any

	values  []string
	present []bool
	// used is the storage taken by kept values, as lws counts it: each
	// stored piece plus its NUL.
	used int

	val   value      // the value or file in progress
	form  urlencoded // state when the body is urlencoded
	mime  *multipart // state when the body is multipart, else nil
	bad   string     // why the body cannot be parsed at all, "" if it can
	field string     // name of the field in progress, for callbacks

	consumed  int  // bytes parsed, for tests: the failing byte is the last
	failed    bool // a Process call failed; later ones fail at once
	busy      bool // inside Process, Finalize or Destroy (a callback runs)
	finalized bool
	finalRet  int
	closed    bool // UFSClose delivered (or due to nobody)
	destroyed bool
}

// Create makes a parser for the body of wsi's request (lws_spa_create):
// the values of the fields paramNames are kept, in maxStorage bytes (0:
// DefaultMaxStorage), and files go to fileCB with fileData. The body's
// kind comes from the request's Content-Type: multipart/form-data (or
// multipart/related) with its boundary, anything else is read as
// application/x-www-form-urlencoded, as lws does. Create it in
// LWS_CALLBACK_HTTP or at the first LWS_CALLBACK_HTTP_BODY, while the
// request's headers are there. It returns nil only when maxStorage is
// negative.
func Create(wsi *lws.Wsi, paramNames []string, maxStorage int, fileCB FileUploadCB, fileData any) *Spa {
	return CreateViaInfo(wsi, &CreateInfo{
		ParamNames:  paramNames,
		CountParams: len(paramNames),
		MaxStorage:  maxStorage,
		OptCB:       fileCB,
		OptData:     fileData,
	})
}

// CreateViaInfo is Create with its arguments in info
// (lws_spa_create_via_info). It returns nil, after logging why, when info
// is nil or inconsistent (see CreateInfo).
func CreateViaInfo(wsi *lws.Wsi, info *CreateInfo) *Spa {
	ct := ""
	if wsi != nil {
		ct = wsi.Header("Content-Type")
	}
	return newSpa(ct, info)
}

// newSpa is CreateViaInfo for a request whose Content-Type is ct; tests
// call it directly, with no server.
func newSpa(ct string, info *CreateInfo) *Spa {
	if info == nil {
		lws.Err("lws_spa_create_via_info: no info")
		return nil
	}
	if info.CountParams < 0 || info.CountParams > len(info.ParamNames) {
		lws.Err("lws_spa_create_via_info: count_params %d with %d names", info.CountParams, len(info.ParamNames))
		return nil
	}
	if info.MaxStorage < 0 {
		lws.Err("lws_spa_create_via_info: max_storage %d", info.MaxStorage)
		return nil
	}
	s := &Spa{
		names:      info.ParamNames[:info.CountParams:info.CountParams],
		maxStorage: info.MaxStorage,
		cb:         info.OptCB,
		cbData:     info.OptData,
		values:     make([]string, info.CountParams),
		present:    make([]bool, info.CountParams),
	}
	if s.maxStorage == 0 {
		s.maxStorage = DefaultMaxStorage
	}
	s.mime, s.bad = bodyKind(ct)
	return s
}

// Destroy ends the parser (lws_spa_destroy): if Finalize did not run, the
// file callback gets its UFSClose now (nothing else: a value still in
// progress is dropped); then every value, buffer and reference the Spa
// holds is let go, so what is left of it costs nothing even if the caller
// keeps the pointer. Getters then return 0 and "". It returns 0, as lws
// does, also on a nil or already destroyed Spa; -1 only when called from
// the Spa's own file callback, where it does nothing.
func (s *Spa) Destroy() int {
	if s == nil || s.destroyed {
		return 0
	}
	if s.busy {
		lws.Err("lws_spa_destroy: called from the spa's own callback")
		return -1
	}
	s.close()
	*s = Spa{destroyed: true, finalized: true, closed: true, failed: true}
	return 0
}
