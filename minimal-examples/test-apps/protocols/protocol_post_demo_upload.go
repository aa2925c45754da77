package protocols

import (
	"os"

	. "github.com/golws/golws/include-like"
)

// postDemoMaxFile is how much of an upload is kept: past it the rest is
// counted but not written.
const postDemoMaxFile = 100000

// fileUploadCB takes the files of a multipart form. The client's file name
// is not used for anything: the file goes to a name of our own.
func fileUploadCB(data any, name, filename string, buf []byte, len int, state Lws_spa_fileupload_states) int {
	pss := data.(*pssPostDemo)

	switch state {
	case LWS_UFS_OPEN:
		// C copies the client's name and overwrites it at once with its
		// own; only ours is kept. One form may carry several files: C
		// reuses its name for each, the port makes a new one.
		pss.dropFile()
		f, err := os.CreateTemp("", "post-file-")
		if err != nil {
			// C carries on, its writes failing; so does the port.
			Lwsl_err("%s: no file for the upload: %v", PostDemoName, err)
			break
		}
		pss.filename, pss.fd = f.Name(), f

	case LWS_UFS_FINAL_CONTENT, LWS_UFS_CONTENT:
		if len != 0 {
			pss.fileLength += int64(len)

			// Too long: the rest is not written. The positive return
			// is not an error to the spa; the form goes on.
			if pss.fileLength > postDemoMaxFile {
				return 1
			}

			n := -1 // C's write(2) on LWS_INVALID_FILE
			if pss.fd != nil {
				if _, err := pss.fd.Write(buf[:len]); err == nil {
					n = len
				}
			}
			Lwsl_info("%s: write %d says %d", "file_upload_cb", len, n)
		}
		if state == LWS_UFS_CONTENT {
			break
		}
		pss.closeFile()

	case LWS_UFS_CLOSE:
	}

	return 0
}

// closeFile closes the upload's file if it is open.
func (pss *pssPostDemo) closeFile() {
	if pss.fd == nil {
		return
	}
	if err := pss.fd.Close(); err != nil {
		Lwsl_info("%s: closing %s: %v", PostDemoName, pss.filename, err)
	}
	pss.fd = nil
}

// dropFile closes and removes the upload's file, if there is one.
func (pss *pssPostDemo) dropFile() {
	pss.closeFile()
	if pss.filename == "" {
		return
	}
	if err := os.Remove(pss.filename); err != nil {
		Lwsl_info("%s: unlink %s failed: %v", "callback_post_demo", pss.filename, err)
	}
	pss.filename = ""
}
