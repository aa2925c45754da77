// Test page script: one WebSocket per subprotocol. Loaded as a file
// because the server's content security policy forbids inline script.
"use strict";

function wsURL() {
	const scheme = location.protocol === "https:" ? "wss://" : "ws://";
	return scheme + location.host + "/";
}

function byId(id) { return document.getElementById(id); }

function connect(protocol, stateId, onOpen, onMessage) {
	const ws = new WebSocket(wsURL(), protocol);
	const state = byId(stateId);
	ws.onopen = () => { state.textContent = "open"; onOpen(ws); };
	ws.onmessage = (ev) => onMessage(ev.data);
	ws.onclose = (ev) => {
		state.textContent = "closed " + ev.code + (ev.reason ? " " + ev.reason : "");
	};
	return ws;
}

const dumbButtons = [byId("reset"), byId("closeme")];
const dumb = connect("dumb-increment-protocol", "dumb-state",
	() => dumbButtons.forEach((b) => { b.disabled = false; }),
	(data) => { byId("number").textContent = data; });
byId("reset").addEventListener("click", () => dumb.send("reset\n"));
byId("closeme").addEventListener("click", () => {
	dumbButtons.forEach((b) => { b.disabled = true; });
	dumb.send("closeme\n");
});

const mirrorLine = byId("mirror-line");
const mirror = connect("lws-mirror-protocol", "mirror-state",
	() => { mirrorLine.disabled = false; byId("mirror-send").disabled = false; },
	(data) => {
		const li = document.createElement("li");
		li.textContent = data;
		byId("mirror-log").prepend(li);
	});
byId("mirror-form").addEventListener("submit", (ev) => {
	ev.preventDefault();
	if (mirrorLine.value !== "") {
		mirror.send(mirrorLine.value);
		mirrorLine.value = "";
	}
});

connect("lws-status", "status-state", () => {}, (data) => {
	const list = byId("status-list");
	list.replaceChildren();
	for (const c of JSON.parse(data).conns) {
		const li = document.createElement("li");
		const since = new Date(Number(c.time) * 1000).toLocaleTimeString();
		li.textContent = c.peer + " since " + since + " (" + c.ua + ")";
		list.append(li);
	}
});
