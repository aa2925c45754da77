// Client for the threads example: counts the messages of each server-side
// producer ("<config>: tid: <n>, msg: <i>") and shows the latest lines.
// The page runs under a strict CSP, so all script lives in this file.
"use strict";

(function () {
	const keep = 40;
	const lines = [];
	const logEl = document.getElementById("log");
	const statusEl = document.getElementById("status");
	const counts = { 1: 0, 2: 0 };
	const scheme = location.protocol === "https:" ? "wss://" : "ws://";
	const ws = new WebSocket(scheme + location.host + "/", "lws-minimal");

	function show(text) {
		lines.push(text);
		while (lines.length > keep)
			lines.shift();
		logEl.value = lines.join("\n") + "\n";
		logEl.scrollTop = logEl.scrollHeight;
	}

	ws.addEventListener("open", function () {
		statusEl.textContent = "connected";
	});
	ws.addEventListener("message", function (ev) {
		const m = /tid: (\d+), msg: (\d+)/.exec(ev.data);
		if (m && counts[m[1]] !== undefined) {
			counts[m[1]]++;
			document.getElementById("n" + m[1]).textContent = String(counts[m[1]]);
			document.getElementById("last" + m[1]).textContent = m[2];
		}
		show(ev.data);
	});
	ws.addEventListener("close", function (ev) {
		statusEl.textContent = "disconnected (" + ev.code + ")";
		statusEl.className = "closed";
	});
}());
