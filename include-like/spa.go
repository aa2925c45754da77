package lwsc

import "github.com/golws/golws/lws/spa"

// The lws_spa types (package lws/spa). lws_spa_create_info_t's fields are
// capitalised; it has no param_names_stride, ac or ac_chunk_size (see
// spa.CreateInfo).
type (
	Lws_spa                   = spa.Spa
	Lws_spa_create_info_t     = spa.CreateInfo
	Lws_spa_fileupload_cb     = spa.FileUploadCB
	Lws_spa_fileupload_states = spa.FileUploadState
)

// File upload states (enum lws_spa_fileupload_states).
const (
	LWS_UFS_CONTENT       = spa.UFSContent
	LWS_UFS_FINAL_CONTENT = spa.UFSFinalContent
	LWS_UFS_OPEN          = spa.UFSOpen
	LWS_UFS_CLOSE         = spa.UFSClose
)

// Lws_spa_create is spa.CreateViaInfo with C's arguments: the first
// countParams of paramNames are kept (LWS_ARRAY_SIZE(param_names) is
// len(paramNames)). It returns nil, as C returns NULL, when countParams is
// outside paramNames or maxStorage is negative.
func Lws_spa_create(wsi *Lws, paramNames []string, countParams, maxStorage int, optCB Lws_spa_fileupload_cb, optData any) *Lws_spa {
	return spa.CreateViaInfo(wsi, &spa.CreateInfo{
		ParamNames:  paramNames,
		CountParams: countParams,
		MaxStorage:  maxStorage,
		OptCB:       optCB,
		OptData:     optData,
	})
}

// Lws_spa_create_via_info is spa.CreateViaInfo.
func Lws_spa_create_via_info(wsi *Lws, info *Lws_spa_create_info_t) *Lws_spa {
	return spa.CreateViaInfo(wsi, info)
}

// Lws_spa_process parses the first n bytes of in (Spa.Process). C's
// lws_spa_process(spa, (const char *)in, (int)len) in an HTTP_BODY
// callback reads Lws_spa_process(pss.spa, in.([]byte), len).
func Lws_spa_process(s *Lws_spa, in []byte, n int) int { return s.Process(in, n) }

// Lws_spa_finalize is Spa.Finalize.
func Lws_spa_finalize(s *Lws_spa) int { return s.Finalize() }

// Lws_spa_get_length is Spa.GetLength.
func Lws_spa_get_length(s *Lws_spa, n int) int { return s.GetLength(n) }

// Lws_spa_get_string returns the value of field n, or "" where C returns
// NULL (absent: it never came or came empty; lws keeps no empty value, so
// Lws_spa_get_length(spa, n) == 0 is C's NULL test). Spa.Lookup gives the
// Go form.
func Lws_spa_get_string(s *Lws_spa, n int) string { return s.GetString(n) }

// Lws_spa_destroy is Spa.Destroy.
func Lws_spa_destroy(s *Lws_spa) int { return s.Destroy() }
