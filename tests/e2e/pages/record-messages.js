// Records every message the embedded iframe posts, for the test to read.
window.messages = [];
addEventListener('message', (e) => window.messages.push(e.data));
