// Client for the timer example: shows each "tick N" the server sends when
// this connection's timer fires, with the time since the previous one.
// The page runs under a strict CSP, so all script lives in this file.
"use strict";

(function () {
	const logEl = document.getElementById("log");
	const statusEl = document.getElementById("status");
	const tickEl = document.getElementById("tick");
	const sinceEl = document.getElementById("since");
	const scheme = location.protocol === "https:" ? "wss://" : "ws://";
	const ws = new WebSocket(scheme + location.host + "/", "timer");
	let last = null;

	ws.addEventListener("open", function () {
		statusEl.textContent = "connected";
		last = Date.now();
	});
	ws.addEventListener("message", function (ev) {
		const now = Date.now();
		const gap = last === null ? "" : " after " + ((now - last) / 1000).toFixed(2) + " s";
		last = now;
		tickEl.textContent = ev.data;
		sinceEl.textContent = new Date(now).toLocaleTimeString() + gap;
		logEl.value += ev.data + gap + "\n";
		logEl.scrollTop = logEl.scrollHeight;
	});
	ws.addEventListener("close", function (ev) {
		statusEl.textContent = "disconnected (" + ev.code + ")";
		statusEl.className = "closed";
	});
}());
