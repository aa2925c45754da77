"use strict";

// Shows the last 20 events of the page's own stream, newest last.
document.addEventListener("DOMContentLoaded", () => {
	const status = document.getElementById("status");
	const area = document.getElementById("events");
	const lines = [];
	const es = new EventSource("/sse/page");

	es.addEventListener("open", () => {
		status.textContent = "open";
	});
	es.addEventListener("message", (ev) => {
		lines.push(ev.data);
		lines.splice(0, lines.length - 20);
		area.value = lines.join("\n") + "\n";
		area.scrollTop = area.scrollHeight;
	});
	es.addEventListener("error", () => {
		// EventSource reconnects by itself.
		status.textContent = "reconnecting...";
	});
});
