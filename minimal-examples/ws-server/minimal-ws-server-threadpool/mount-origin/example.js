// Opens several WebSocket connections to the server that served this page,
// each asking for the lws-minimal subprotocol, and shows the last lines
// they received. No inline script: the page runs under a strict CSP.
"use strict";

(function () {
	const connections = 8;
	const keep = 50;
	const lines = [];
	const logEl = document.getElementById("log");
	const statusEl = document.getElementById("status");
	let open = 0;
	let closed = 0;

	function wsURL() {
		const scheme = location.protocol === "https:" ? "wss://" : "ws://";
		return scheme + location.host + "/";
	}

	function show(text) {
		lines.push(text);
		while (lines.length > keep)
			lines.shift();
		logEl.value = lines.join("\n") + "\n";
		logEl.scrollTop = logEl.scrollHeight;
	}

	function status() {
		statusEl.textContent = open + " open, " + closed + " closed";
	}

	function connect(n) {
		const ws = new WebSocket(wsURL(), "lws-minimal");
		ws.addEventListener("open", function () {
			open++;
			status();
		});
		ws.addEventListener("message", function (ev) {
			show("ws" + n + ": " + ev.data);
		});
		ws.addEventListener("close", function (ev) {
			if (open > 0)
				open--;
			closed++;
			status();
			show("ws" + n + ": closed (" + ev.code + ")");
		});
	}

	document.getElementById("count").textContent = String(connections);
	for (let i = 0; i < connections; i++)
		connect(i);
}());
