package threadpool

import "testing"

func TestFormatNameTakesCVerbs(t *testing.T) {
	if got := formatName("ws %s %lu %u", []any{"1.2.3.4", 7, 8}); got != "ws 1.2.3.4 7 8" {
		t.Errorf("formatName = %q", got)
	}
}

func TestCutName(t *testing.T) {
	long := "100% of a name that is much longer than 31 bytes"
	if got := cutName(long); got != long[:31] {
		t.Errorf("cutName = %q", got)
	}
	if got := formatName("%s", []any{long}); got != long[:31] {
		t.Errorf("formatName = %q", got)
	}
}

func TestTaskReturnAndStatusStrings(t *testing.T) {
	if s := (ReturnSync | ReturnFlagOutlive).String(); s != "SYNC|OUTLIVE" {
		t.Error(s)
	}
	if s := TaskReturn(6).String(); s != "TaskReturn(6)" {
		t.Error(s)
	}
	if k := (ReturnStopped | ReturnFlagOutlive).Kind(); k != ReturnStopped {
		t.Error(k)
	}
	if s := StatusSyncing.String(); s != "SYNCING" {
		t.Error(s)
	}
	if s := TaskStatus(9).String(); s != "TaskStatus(9)" {
		t.Error(s)
	}
}
