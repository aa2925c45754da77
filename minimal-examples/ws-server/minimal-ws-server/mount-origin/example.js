// Chat client for the lws-minimal protocol: lines typed here go to the
// server, which sends them back to every open window. The page runs under
// a strict CSP, so all script lives in this file.
"use strict";

(function () {
	const logEl = document.getElementById("log");
	const statusEl = document.getElementById("status");
	const lineEl = document.getElementById("line");
	const sendEl = document.getElementById("send");
	const scheme = location.protocol === "https:" ? "wss://" : "ws://";
	const ws = new WebSocket(scheme + location.host + "/", "lws-minimal");

	function show(text) {
		logEl.value += text + "\n";
		logEl.scrollTop = logEl.scrollHeight;
	}

	function enable(on) {
		lineEl.disabled = !on;
		sendEl.disabled = !on;
	}

	ws.addEventListener("open", function () {
		statusEl.textContent = "connected";
		enable(true);
		lineEl.focus();
	});
	ws.addEventListener("message", function (ev) {
		show(ev.data);
	});
	ws.addEventListener("close", function (ev) {
		statusEl.textContent = "disconnected (" + ev.code + ")";
		statusEl.className = "closed";
		enable(false);
	});

	document.getElementById("say").addEventListener("submit", function (ev) {
		ev.preventDefault();
		if (lineEl.value !== "")
			ws.send(lineEl.value);
		lineEl.value = "";
	});
}());
