package lwsc

import "testing"

// The LWS_UFS_* values, written out from lws-spa.h.
func TestSpaConstants(t *testing.T) {
	for name, v := range map[string]struct{ got, want int }{
		"LWS_UFS_CONTENT":       {int(LWS_UFS_CONTENT), 0},
		"LWS_UFS_FINAL_CONTENT": {int(LWS_UFS_FINAL_CONTENT), 1},
		"LWS_UFS_OPEN":          {int(LWS_UFS_OPEN), 2},
		"LWS_UFS_CLOSE":         {int(LWS_UFS_CLOSE), 3},
	} {
		if v.got != v.want {
			t.Errorf("%s = %d, C has %d", name, v.got, v.want)
		}
	}
}

var spaParamNames = []string{"text1", "send"}

// form-post's handler, spelled as in C: the body arrives as HTTP_BODY's
// in (a []byte in golws) and len; an absent field reads "" where C reads
// NULL. With no wsi there is no Content-Type: the body is urlencoded.
func TestLws_spa(t *testing.T) {
	spa := Lws_spa_create(nil, spaParamNames, len(spaParamNames), 1024, nil, nil)
	if spa == nil {
		t.Fatal("Lws_spa_create returned nil")
	}
	for _, chunk := range []string{"text1=hel", "lo+world&se", "nd="} {
		var in any = []byte(chunk + "JUNK")
		if Lws_spa_process(spa, in.([]byte), len(chunk)) != 0 {
			t.Fatalf("Lws_spa_process(%q) failed", chunk)
		}
	}
	if Lws_spa_finalize(spa) != 0 {
		t.Error("Lws_spa_finalize failed")
	}
	if s, n := Lws_spa_get_string(spa, 0), Lws_spa_get_length(spa, 0); s != "hello world" || n != 11 {
		t.Errorf("text1: %q, length %d", s, n)
	}
	if s, n := Lws_spa_get_string(spa, 1), Lws_spa_get_length(spa, 1); s != "" || n != 0 {
		t.Errorf("send (C's NULL): %q, length %d", s, n)
	}
	if Lws_spa_destroy(spa) != 0 {
		t.Error("Lws_spa_destroy failed")
	}

	// count_params and len map as in C: past the names, NULL; a length
	// past the buffer, -1.
	if Lws_spa_create(nil, spaParamNames, 3, 0, nil, nil) != nil {
		t.Error("count_params past the names: want nil")
	}
	info := &Lws_spa_create_info_t{ParamNames: spaParamNames, CountParams: 2}
	spa = Lws_spa_create_via_info(nil, info)
	if spa == nil || Lws_spa_process(spa, []byte("text1=a"), 8) != -1 {
		t.Error("a length past the buffer: want -1")
	}
	Lws_spa_destroy(spa)
}
