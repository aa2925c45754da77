// Echo test client. Text typed here comes back as text; the bulk button
// sends a large binary message, which the server returns in chunks of a
// single message, and compares the echo with what was sent. The page runs
// under a strict CSP, so all script lives in this file.
"use strict";

(function () {
	const logEl = document.getElementById("log");
	const statusEl = document.getElementById("status");
	const lineEl = document.getElementById("line");
	const buttons = [document.getElementById("send"), document.getElementById("bulk")];
	const scheme = location.protocol === "https:" ? "wss://" : "ws://";
	const ws = new WebSocket(scheme + location.host + "/", "lws-minimal-server-echo");
	const pending = [];

	ws.binaryType = "arraybuffer";

	function show(text) {
		logEl.value += text + "\n";
		logEl.scrollTop = logEl.scrollHeight;
	}

	function enable(on) {
		lineEl.disabled = !on;
		buttons.forEach(function (b) { b.disabled = !on; });
	}

	function sameBytes(a, b) {
		if (a.length !== b.length)
			return false;
		for (let i = 0; i < a.length; i++)
			if (a[i] !== b[i])
				return false;
		return true;
	}

	ws.addEventListener("open", function () {
		statusEl.textContent = "connected";
		enable(true);
	});
	ws.addEventListener("message", function (ev) {
		if (typeof ev.data === "string") {
			show("echo: " + ev.data);
			return;
		}
		const got = new Uint8Array(ev.data);
		const want = pending.shift();
		show("binary echo of " + got.length + " bytes: " +
		     (want && sameBytes(got, want) ? "identical" : "DIFFERENT"));
	});
	ws.addEventListener("close", function (ev) {
		statusEl.textContent = "disconnected (" + ev.code + ")";
		statusEl.className = "closed";
		enable(false);
	});

	document.getElementById("say").addEventListener("submit", function (ev) {
		ev.preventDefault();
		ws.send(lineEl.value);
		lineEl.value = "";
	});
	document.getElementById("bulk").addEventListener("click", function () {
		const data = new Uint8Array(1 << 20);
		for (let i = 0; i < data.length; i++)
			data[i] = (i * 7 + (i >> 8)) & 0xff;
		pending.push(data);
		ws.send(data);
		show("sent " + data.length + " bytes");
	});
}());
