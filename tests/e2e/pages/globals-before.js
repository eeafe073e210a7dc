// Runs before the widget loader: remembers which globals the page had.
window.globalsBefore = Object.keys(window);
