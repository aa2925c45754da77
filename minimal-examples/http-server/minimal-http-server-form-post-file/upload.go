package main

import (
	"os"
	"strings"

	. "github.com/golws/golws/include-like"
)

// filenameMax is what C keeps of a filename: lws_strncpy into
// char filename[128] with a size of 127 keeps 126 bytes.
const filenameMax = 126

// fileUploadCb is C's file_upload_cb, the spa's file handler: OPEN when a
// file part starts, then its content in pieces, the last one marked
// FINAL_CONTENT. The file is written under the upload directory in the
// name the client gave it, cut and purified.
func fileUploadCb(data any, name, filename string, buf []byte, length int, state Lws_spa_fileupload_states) int {
	pss := data.(*perSessionData)

	switch state {
	case LWS_UFS_OPEN:
		// The client's name is only a suggestion: it is cut to C's
		// length and stripped of what could lead out of the directory.
		pss.filename = filenamePurify(filename[:min(len(filename), filenameMax)])
		fd, err := pss.uploads.OpenFile(pss.filename, os.O_CREATE|os.O_TRUNC|os.O_RDWR, 0600)
		if err != nil {
			Lwsl_notice("Failed to open output file %s", pss.filename)
			return 1
		}
		pss.fd = fd

	case LWS_UFS_FINAL_CONTENT, LWS_UFS_CONTENT:
		if length != 0 {
			pss.fileLength += uint64(length)

			n, err := pss.fd.Write(buf[:length])
			if n < length {
				Lwsl_notice("Problem writing file %v", err)
			}
		}
		if state == LWS_UFS_CONTENT {
			break // more of the file to come
		}

		Lwsl_user("%s: upload done, written %d to %s", "file_upload_cb",
			pss.fileLength, pss.filename)

		pss.fd.Close()
		pss.fd = nil
		// DEVIATION: the file is whole, so it is kept: forgetting its
		// name keeps DROP_PROTOCOL from deleting it (see the package
		// doc).
		pss.filename = ""

	case LWS_UFS_CLOSE:
	}

	return 0
}

// filenamePurify is lws_filename_purify_inplace, which golws lacks, plus
// '/': ".." becomes "__", and ':', '\\', '$', '%' and '/' become '_'. C
// keeps '/', so a name like "a/b" points into a directory; here a
// filename is always one name in the upload directory.
func filenamePurify(filename string) string {
	return strings.NewReplacer("..", "__", ":", "_", "\\", "_", "$", "_", "%", "_", "/", "_").Replace(filename)
}
